"""``hrm-codegen run --preset P [--compare-baseline] [--arms A,B] [--lr-sweep LR,LR]``: build data -> train -> evaluate -> report.

A preset (``hrm_codegen/configs/presets/<name>.yaml``, validated by :class:`PresetConfig`) names the steps of one end-to-end job:

* ``corpus`` (optional): one or a list of ``{out, overrides}``: the JSONL a corpus build writes, its
  options as ``key=value`` overrides of :class:`~hrm_codegen.data.corpus.build.BuildConfig` (``mode=raw``),
  built only when the file is missing;
* ``stages``: one or more training runs in order (``config`` = a training config shipped in the package or a path,
  ``overrides`` = its ``key=value`` overrides); a later stage starts from the weights the previous
  stage ended with (``train.init_from``), e.g. pre-training on raw code, then fine-tuning;
* ``evaluate``: the MBPP split and tasks to score, greedy decoding for Pass@1 and sampling for
  Pass@k (k up to ``sampled.n``);
* ``baseline``: overrides that turn the model into the transformer baseline for ``--compare-baseline``;
* ``arms`` (optional): named override lists for ``--arms`` (e.g. deep supervision, pre-norm, the
  HRM-Text recipe), each applied to every stage and trained as its own model on the same data.

**Equal training compute.** With ``--compare-baseline`` the baseline is trained on the same data,
stage by stage. Its depth is the one whose training FLOPs per token are closest to HRM's
(``model.flops_per_token(seq_len, training=True)``), and its number of steps is scaled so that its
total training FLOPs (FLOPs/token x tokens seen) equal HRM's as closely as whole steps allow. Both
totals are in the report. Every arm of ``--arms`` is matched the same way (:func:`arm_config`): its
steps are scaled by the ratio of FLOPs per token and of real tokens per step (a padded arm trains more
steps), and a transformer arm that does not fix ``model.num_layers`` gets the depth closest to the
HRM's FLOPs per token (:mod:`hrm_codegen.arms`). ``--arms baseline`` is the baseline of ``--compare-baseline``.
``--lr-sweep`` tunes each model's learning rate on short runs first (:func:`~hrm_codegen.arms.sweep_lr`;
with ``--sweep-fraction 1`` every trial is a full run and the best one is the model).

Outputs go to ``runs/<preset>/`` (``--out``): one folder per model and stage, the evaluation folders,
and ``report.md`` + ``report.json`` with the training-loss drop, validation loss, Pass@1 (greedy),
Pass@k (sampled), the share of completions that parse, timings, tokens/s, each model's decode latency
with the KV cache (:func:`add_decode_latency`), ``loss.png`` and five sample tasks with the generated code and its verdict.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import torch
from pydantic import BaseModel, ConfigDict, Field, field_validator

from hrm_codegen.arms import arm_config, model_costs, row_layout, select_arms, sweep_lr, with_lr
from hrm_codegen.config import (
    PRESET_DIR,
    apply_overrides,
    check_writable,
    load_config_file,
    resolve_config_path,
    validate,
)
from hrm_codegen.data.corpus.build import BuildConfig, is_current
from hrm_codegen.data.corpus.build import build as build_corpus
from hrm_codegen.errors import ConfigError
from hrm_codegen.evaluation import EvalConfig, evaluate, parse_task_ids, summary_line
from hrm_codegen.evaluation.nearest import nearest, normalised_corpus
from hrm_codegen.inference import decode_latency
from hrm_codegen.io import iter_jsonl, read_jsonl
from hrm_codegen.models import load_model
from hrm_codegen.models.checkpoint import read_config
from hrm_codegen.tasks.base import task_number
from hrm_codegen.tasks.mbpp import completion_signals, load_mbpp, load_mbpp_jsonl
from hrm_codegen.training.config import load_train_config
from hrm_codegen.training.loop import train
from hrm_codegen.training.metrics import new_figure, save_figure


class _Strict(BaseModel):
    # A typo in a preset key must fail before any work, naming the key.
    model_config = ConfigDict(extra="forbid")


class CorpusSpec(_Strict):
    """One corpus the preset needs: ``out`` and the ``key=value`` overrides of its :class:`BuildConfig`."""

    out: str
    overrides: list[str] = []

    def build_config(self) -> BuildConfig:
        """The validated build options (:class:`ConfigError` naming a bad key)."""
        return validate(BuildConfig, apply_overrides({"out": self.out}, self.overrides), f"invalid corpus {self.out}")


class StageSpec(_Strict):
    """One training run: a training config (name or path) and its ``key=value`` overrides."""

    name: str | None = None
    config: str
    overrides: list[str] = []


class GreedySpec(_Strict):
    """Greedy decoding for Pass@1."""

    max_new_tokens: int = 256


class SampledSpec(_Strict):
    """Sampled completions for Pass@k (k = 1, 10, 100 up to ``n``)."""

    n: int = 10
    temperature: float = 0.8
    top_p: float = 0.95
    seed: int = 0
    max_new_tokens: int = 256


class EvaluateSpec(_Strict):
    """What to score the final checkpoint on."""

    benchmark: str = "mbpp"
    split: str = "test"
    tasks: str | None = None
    """Task ids, e.g. ``"11-30"``; null = the whole split."""
    greedy: GreedySpec = GreedySpec()
    sampled: SampledSpec | None = None
    timeout: float | None = None
    workers: int | None = None
    batch_size: int | None = None

    @field_validator("tasks", mode="before")
    @classmethod
    def _tasks_as_text(cls, v):
        return None if v is None else str(v)  # YAML reads `tasks: 11` as an int


class BaselineSpec(_Strict):
    """Overrides that turn each stage's model into the baseline for ``--compare-baseline``."""

    overrides: list[str] = []


class PresetConfig(_Strict):
    """A preset: the steps of one end-to-end job (``hrm_codegen/configs/presets/<name>.yaml``)."""

    name: str
    description: str = ""
    corpus: list[CorpusSpec] = []
    stages: list[StageSpec] = Field(min_length=1)
    evaluate: EvaluateSpec = EvaluateSpec()
    baseline: BaselineSpec = BaselineSpec()
    arms: dict[str, list[str]] = {}
    """Named arms for ``--arms``: ``key=value`` overrides applied to every stage (:func:`arm_config`)."""
    path: str = ""
    """The file it was read from."""

    @field_validator("corpus", mode="before")
    @classmethod
    def _one_or_many(cls, v):
        return [v] if isinstance(v, dict) else (v or [])

    @field_validator("arms")
    @classmethod
    def _arm_names(cls, v):
        # "hrm" is the preset's own model and "baseline" the transformer of the `baseline` section.
        if reserved := sorted({"hrm", "baseline"} & set(v)):
            raise ValueError(f"arm names {reserved} are reserved")
        return v


# ---------------------------------------------------------------------------------------- presets


def load_preset(name_or_path: str | Path) -> PresetConfig:
    """Read and validate a preset: a name shipped in the package or a YAML path (:class:`ConfigError` naming the key)."""
    path = resolve_config_path(name_or_path, PRESET_DIR, what="preset")
    raw = load_config_file(path, "preset")
    raw.setdefault("name", path.stem)
    return validate(PresetConfig, {**raw, "path": str(path)}, f"invalid preset ({path})")


def corpus_configs(preset: PresetConfig) -> list[BuildConfig]:
    """The validated build options of each corpus of the preset (fails before any work)."""
    return [c.build_config() for c in preset.corpus]


def stage_configs(preset: PresetConfig, extra_overrides: list[str] = ()):
    """The validated :class:`~hrm_codegen.training.config.TrainConfig` of each stage (fails before any work)."""
    return [(st.name or f"stage{i}", load_train_config(st.config, [*st.overrides, *extra_overrides]))
            for i, st in enumerate(preset.stages)]


# ---------------------------------------------------------------------------------------- baseline


# ---------------------------------------------------------------------------------------- steps


def ensure_corpus(corpora: list[BuildConfig]) -> list[dict[str, Any]]:
    """Build each corpus (:func:`hrm_codegen.data.corpus.build.build`) unless its file is current: built
    with the same options and templates (:func:`~hrm_codegen.data.corpus.build.is_current`)."""
    done = []
    for cfg in corpora:
        if (why := is_current(cfg)) is None:
            done.append({"path": str(cfg.out), "built": False})
            continue
        t0 = time.time()
        print(f"[run] building corpus {cfg.out} ({cfg.mode} mode): {why}", flush=True)
        build_corpus(cfg)
        done.append({"path": str(cfg.out), "built": True, "seconds": round(time.time() - t0, 1)})
    return done


def train_stages(stages, out_dir: Path) -> list[dict[str, Any]]:
    """Train the stages in order, each from the previous stage's final weights; return their summaries."""
    summaries, init_from = [], None
    for name, cfg in stages:
        if init_from is not None:
            cfg = cfg.model_copy(update={"train": cfg.train.model_copy(update={"init_from": str(init_from)})})
        stage_dir = out_dir / name
        cfg = cfg.model_copy(update={"checkpoint": cfg.checkpoint.model_copy(update={"dir": str(stage_dir / "checkpoints")})})
        print(f"[run] training {cfg.run_name} ({name}): {cfg.model.arch}, {cfg.train.max_steps} steps", flush=True)
        summary = train(cfg, out_dir=stage_dir)
        summary["stage"] = name
        # The trained model's own config: with a compact head its row count comes from the data.
        summary |= model_costs(read_config(summary["last_checkpoint"]), cfg.data.seq_len)
        summaries.append(summary)
        init_from = summary["last_checkpoint"]
    return summaries


def evaluate_checkpoint(checkpoint: str | Path, ev: dict[str, Any], out_dir: Path) -> dict[str, Any]:
    """Greedy Pass@1 and sampled Pass@k of a checkpoint with :func:`hrm_codegen.evaluation.evaluate`; the two summaries."""
    common: dict[str, Any] = {"checkpoint": str(checkpoint), "split": str(ev.get("split", "test")),
                              "benchmark": str(ev.get("benchmark", "mbpp"))}
    if ev.get("tasks"):
        common["tasks"] = str(ev["tasks"])
    for key in ("timeout", "workers", "batch_size", "ema"):
        if ev.get(key) is not None:
            common[key] = ev[key]
    results = {}
    greedy = ev.get("greedy") or {}
    runs = [("greedy", {"n": 1, "k": [1], "temperature": 0.0, "max_new_tokens": greedy.get("max_new_tokens", 256)})]
    sampled = ev.get("sampled")
    if sampled:
        n = int(sampled.get("n", 10))
        runs.append(("sampled", {"n": n, "k": [k for k in (1, 10, 100) if k <= n],
                                 "temperature": sampled.get("temperature", 0.8), "top_p": sampled.get("top_p", 0.95),
                                 "seed": sampled.get("seed", 0), "max_new_tokens": sampled.get("max_new_tokens", 256),
                                 "reference_check": False}))  # same tasks as greedy: checked there once
    for name, options in runs:
        out = out_dir / f"eval-{name}"
        t0 = time.time()
        print(f"[run] evaluating ({name}) {checkpoint}", flush=True)
        result = evaluate(EvalConfig(**common, **options, out=str(out)))
        print(f"{summary_line(result.summary)} -> {result.summary_path}")
        summary = dict(result.summary)
        summary["wall_s"] = round(time.time() - t0, 1)
        summary["results_path"] = str(result.results_path)
        results[name] = summary
    return results


def add_decode_latency(models: dict[str, dict[str, Any]], prompt_len: int = 128, rounds: int = 4,
                       steps: int = 16) -> None:
    """Measure every model's cached decode latency (ms per token, batch 1, after a ``prompt_len``
    prefill; :func:`~hrm_codegen.inference.decode_latency`) from its last checkpoint, all in one
    interleaved measurement so that their ratios are fair on a shared machine; stores
    ``decode_ms_per_token`` and ``decode_prompt_len`` in each report row. A model with a short
    ``max_seq_len`` gets a shorter prompt and fewer steps, never an error after its training."""
    loaded = {name: load_model(m["stages"][-1]["last_checkpoint"]).eval() for name, m in models.items()}
    limit = min(m.config.max_seq_len for m in loaded.values())
    prompt_len = max(1, min(prompt_len, limit // 2))
    steps = max(1, min(steps, (limit - prompt_len - 1) // rounds))
    ms = decode_latency(loaded, prompt_len, rounds, steps)
    for name, m in models.items():
        m["decode_ms_per_token"], m["decode_prompt_len"] = ms[name], prompt_len


# ---------------------------------------------------------------------------------------- report


def loss_drop(losses: list[float]) -> dict[str, float] | None:
    """Training-loss drop: mean of the first 10 steps vs mean of the last 10% of steps (at least 10)."""
    if len(losses) < 2:
        return None
    head = losses[: min(10, len(losses))]
    tail = losses[-max(10, len(losses) // 10):]
    start, end = sum(head) / len(head), sum(tail) / len(tail)
    return {"start": start, "end": end, "drop_pct": 100.0 * (start - end) / start}


def sample_tasks(results_path: str | Path, k: int = 5) -> list[dict[str, Any]]:
    """Up to ``k`` scored samples for the report, passed ones first, then in task order."""
    rows = read_jsonl(results_path)
    rows.sort(key=lambda r: (r.get("status") != "passed", str(r.get("task_id"))))
    return [{"task_id": r.get("task_id"), "status": r.get("status"), "completion": r.get("completion", ""),
             "error": r.get("error")} for r in rows[:k]]


def greedy_analysis(results_path: str | Path, split: str, train_files: list[str]) -> dict[str, Any]:
    """Leading indicators of the greedy completions on ``split`` (name copy, arity, parses over all its
    MBPP tasks) and, for each passing task, its code and the closest training solution (normalised AST,
    :mod:`hrm_codegen.evaluation.nearest`) among the JSONL files the stages trained on."""
    tasks = {t.task_id: t for t in load_mbpp(split)}
    rows = [r for r in read_jsonl(results_path) if r.get("sample", 0) == 0]
    flags = [completion_signals(tasks[task_number(r["task_id"])], r.get("completion", "")) for r in rows]
    rates = {k: sum(f[k] for f in flags) / max(1, len(flags)) for k in ("name_copy", "arity", "parses")}
    passing = [r for r in rows if r.get("passed")]
    corpus = []
    if passing:
        entries = [(f"{Path(f).name}:{t.task_id}", t.code) for f in train_files for t in load_mbpp_jsonl(f)]
        corpus = normalised_corpus(entries)
    found = []
    for r in sorted(passing, key=lambda r: task_number(r["task_id"])):
        t = tasks[task_number(r["task_id"])]
        found.append({"task_id": t.task_id, "text": t.text, "completion": r["completion"],
                      "passed_extra": r.get("passed_extra"), "nearest_training": nearest(r["completion"], corpus)})
    return {"tasks": len(rows), **rates, "passing": found}


def model_result(summaries: list[dict[str, Any]], evals: dict[str, Any]) -> dict[str, Any]:
    """One model's row of the report: training figures of every stage and its evaluation."""
    last = summaries[-1]
    flops = sum(s["train_flops_per_token"] * s.get("tokens_seen", 0) for s in summaries)
    return {
        "stages": [{k: s.get(k) for k in ("stage", "run_name", "steps", "first_loss", "last_loss", "val_loss",
                                           "best_val_loss", "tokens_per_s", "train_time_s", "tokens_seen",
                                           "num_parameters", "train_flops_per_token", "last_checkpoint",
                                           "plot_path")} | {"loss_drop": loss_drop(s.get("losses") or [])}
                   for s in summaries],
        "num_parameters": last.get("num_parameters"),
        "train_flops": flops or None,
        **{k: last.get(k) for k in ("inference_flops_per_token", "kv_cache_bytes_per_token_fp32",
                                    "kv_cache_bytes_per_token_bf16")},
        "val_loss": last.get("val_loss"),
        "evaluation": {name: {k: v for k, v in ev.items() if k != "results_path"} for name, ev in evals.items()},
        "samples": sample_tasks(evals["greedy"]["results_path"]) if "greedy" in evals else [],
    }


def val_loss_curve(summaries: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """``(training FLOPs so far, validation loss)`` at each evaluation of a model's stages, from their metrics.

    FLOPs are the stage's training FLOPs per token times the real tokens seen, added over stages."""
    points, offset = [], 0.0
    for s in summaries:
        path = Path(s.get("metrics_path") or "")
        rows = [r for _, r in iter_jsonl(path, skip_bad=True)] if path.is_file() else []
        points += [(offset + s["train_flops_per_token"] * r["tokens_seen"], r["val_loss"]) for r in rows
                   if r.get("kind") == "eval" and r.get("tokens_seen") is not None and r.get("val_loss") is not None]
        offset += s["train_flops_per_token"] * s.get("tokens_seen", 0)
    return points


def plot_val_loss_vs_flops(curves: dict[str, list[tuple[float, float]]], out_png: Path) -> Path | None:
    """``val_loss_vs_flops.png``: every model's validation loss against its training FLOPs, on one axis."""
    curves = {k: v for k, v in curves.items() if v}
    if not curves:
        return None
    fig, ax = new_figure()
    for name, pts in curves.items():
        ax.plot(*zip(*pts), marker="o", markersize=3, label=name)
    ax.set_xlabel("training FLOPs")
    ax.set_ylabel("validation loss (nats/token)")
    return save_figure(fig, ax, out_png)


def _fmt(x, spec=".3f"):
    return "n/a" if x is None else format(x, spec)


def _pass(ev: dict[str, Any], name: str, key: str):
    return (ev.get(name) or {}).get(key)


def render_markdown(report: dict[str, Any]) -> str:
    """``report.md``: the headline table, per-model details and sample generations."""
    lines = [f"# hrm-codegen run: preset `{report['preset']}`", "",
             f"{report.get('description', '').strip()}", "",
             f"Machine: {report['machine']}. Started {report['started']}, wall time {report['wall_s']:.0f} s.", ""]
    models = report["models"]
    lines += ["| model | params | train FLOPs | inference FLOPs/token | decode ms/token | KV-cache bytes/token (fp32) "
              "| loss drop | val loss | name copy | Pass@1 (greedy) | Pass@1+extra | Pass@10 (sampled) | parses | tokens/s |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, m in models.items():
        ev = m["evaluation"]
        drop = m["stages"][-1]["loss_drop"]
        p1, p10 = _pass(ev, "greedy", "pass@1"), _pass(ev, "sampled", "pass@10")
        p1x = _pass(ev, "greedy", "pass@1+extra")
        parses = (ev.get("greedy") or {}).get("parses")
        copy = (m.get("greedy_analysis") or {}).get("name_copy")
        lines.append(
            f"| {name} | {m['num_parameters'] / 1e6:.1f}M | {_fmt(m['train_flops'], '.3g')} | "
            f"{_fmt(m.get('inference_flops_per_token'), '.3g')} | {_fmt(m.get('decode_ms_per_token'), '.2f')} | "
            f"{_fmt(m.get('kv_cache_bytes_per_token_fp32'), ',')} | "
            f"{_fmt(drop and drop['drop_pct'], '.1f')}% | {_fmt(m['val_loss'])} | "
            f"{_fmt(copy and 100 * copy, '.1f')}% | "
            f"{_fmt(p1 and 100 * p1, '.2f')}% | {_fmt(p1x and 100 * p1x, '.2f')}% | {_fmt(p10 and 100 * p10, '.2f')}% | "
            f"{_fmt(parses and 100 * parses, '.0f')}% | {_fmt(m['stages'][-1]['tokens_per_s'], '.0f')} |")
    lines += ["", "Loss drop: mean training loss of the first 10 steps vs the last 10% of steps (last stage). "
              "Inference FLOPs/token at the training sequence length (all M segments); decode ms/token: median "
              "time of one cached decode step at batch 1 after a prompt of the length in report.json "
              "(`decode_prompt_len`), all models measured in alternating rounds; name copy: the greedy "
              "completion defines the function its asserts call. "
              "Pass@1: greedy decoding, one sample per task. Pass@10: unbiased estimator over the sampled "
              "completions. Pass@1+extra: greedy, the visible asserts and the extra asserts the model never saw "
              "(docs/evaluation.md). Parses: share of greedy completions that parse as Python.", ""]
    for name, m in models.items():
        lines.append(f"Sanity ({name}): {sanity_line(m['evaluation'].get('greedy') or {})}")
    lines.append("")
    sweeps = {n: m["lr_sweep"] for n, m in models.items() if m.get("lr_sweep")}
    if sweeps:
        lines += ["## Learning-rate sweep", "", "Validation loss after a short run per rate (the share of each "
                  "model's own steps below); the chosen rate trained the model above.", ""]
        for n, sw in sweeps.items():
            trials = ", ".join(f"{t['lr']:g}: {_fmt(t['val_loss'])}" for t in sw["trials"])
            lines.append(f"- {n} ({100 * sw['fraction']:.0f}% of its steps): {trials}; chosen {sw['chosen']:g}")
        lines.append("")
    if report.get("equal_compute"):
        lines += ["## Equal training compute", "", "```json", json.dumps(report["equal_compute"], indent=2), "```", ""]
    for name, m in models.items():
        ga = m.get("greedy_analysis")
        if ga:
            lines += [f"## {name}: greedy completions of the {ga['tasks']} test tasks", "",
                      f"Name copy {100 * ga['name_copy']:.1f}% (a `def` line names the function the asserts call), arity match "
                      f"{100 * ga['arity']:.1f}%, parses {100 * ga['parses']:.1f}%; {len(ga['passing'])} pass.", ""]
            for p in ga["passing"]:
                near = p["nearest_training"] or {}
                lines += [f"**task {p['task_id']}** ({p['text']}); extra tests: {p['passed_extra']}; closest training "
                          f"solution `{near.get('key')}`, normalised-AST similarity {_fmt(near.get('similarity'), '.2f')}",
                          "", "```python", p["completion"].rstrip(), "```", "", "closest training solution:", "",
                          "```python", (near.get("code") or "").rstrip(), "```", ""]
    for name, m in models.items():
        lines += [f"## {name}", ""]
        for st in m["stages"]:
            lines.append(f"- stage `{st['stage']}`: {st['steps']} steps, loss {_fmt(st['first_loss'])} -> "
                         f"{_fmt(st['last_loss'])}, val {_fmt(st['val_loss'])}, {_fmt(st['tokens_per_s'], '.0f')} tokens/s, "
                         f"{_fmt(st['train_time_s'], '.0f')} s; curves: `{st['plot_path']}`")
        for ev_name, ev in m["evaluation"].items():
            lines.append(f"- evaluation `{ev_name}`: {json.dumps({k: ev.get(k) for k in ('pass@1', 'pass@1+extra', 'pass@10', 'passes_visible_fails_extra', 'num_tasks', 'num_samples', 'status_counts', 'parses', 'wall_s')})}")
        lines += ["", "### Sample tasks (greedy)", ""]
        for s in m["samples"]:
            lines += [f"**task {s['task_id']}: {s['status']}**" + (f" ({s['error']})" if s.get("error") else ""), "",
                      "```python", s["completion"].rstrip() or "# (empty completion)", "```", ""]
    return "\n".join(lines) + "\n"


def sanity_line(summary: dict[str, Any]) -> str:
    """The evaluation's own check: reference solutions through the same path, and the extra-test coverage."""
    ref, cov = summary.get("reference_check"), summary.get("extra_tests") or {}
    text = (f"reference solutions {ref['passed']}/{ref['total']} pass"
            + (f", {ref['passed_extra']}/{ref['with_extra']} with extra tests" if ref.get("with_extra") else "")
            if ref else "reference check not run")
    if cov.get("tasks"):
        text += f"; extra tests for {cov['with_any']}/{cov['tasks']} tasks ({cov['with_5_or_more']} with >= 5)"
    return text


def _machine() -> str:
    if torch.cuda.is_available():
        return f"GPU {torch.cuda.get_device_name(0)}, torch {torch.__version__}"
    return f"CPU ({os.cpu_count()} cores, {platform.processor() or platform.machine()}), torch {torch.__version__}"


# ---------------------------------------------------------------------------------------- main


def run(preset_name: str, out_dir: str | Path | None = None, compare_baseline: bool = False,
        overrides: list[str] = (), arms: list[str] = (), tasks: str | None = None,
        lr_sweep: list[float] = (), sweep_fraction: float = 0.25) -> dict[str, Any]:
    """Run a preset end to end and write ``report.md`` / ``report.json``; return the report dict.

    ``arms`` names the preset's arms to train beside the HRM, each at the HRM's training FLOPs
    (``compare_baseline`` adds ``baseline``); ``tasks`` replaces the preset's evaluation task ids.
    ``lr_sweep``: every model first tries these learning rates for ``sweep_fraction`` of its steps
    and trains with the one of lowest validation loss (:func:`~hrm_codegen.arms.sweep_lr`).
    """
    if lr_sweep and not 0 < sweep_fraction <= 1:
        raise ConfigError(f"--sweep-fraction must be in (0, 1], got {sweep_fraction}")
    t0 = time.time()
    preset = load_preset(preset_name)
    if tasks is not None:
        parse_task_ids(tasks)  # a bad spec fails now, not after training
        preset = preset.model_copy(update={"evaluate": preset.evaluate.model_copy(update={"tasks": tasks})})
    out = Path(out_dir) if out_dir else Path("runs") / preset.name
    corpora = corpus_configs(preset)  # every config error surfaces before any work
    stages = stage_configs(preset, list(overrides))
    names = list(dict.fromkeys([*(["baseline"] if compare_baseline else []), *arms]))
    arm_overrides = select_arms(preset, names)
    for arm, ovr in arm_overrides.items():  # a bad arm fails now, before the corpus is built
        for _, cfg in stages:
            arm_config(cfg, ovr, arm)
    check_writable(out, "--out (run folder)")
    report: dict[str, Any] = {"preset": preset.name, "description": preset.description,
                              "started": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": _machine()}
    report["corpus"] = ensure_corpus(corpora)
    models: list[tuple[str, list]] = [("hrm", stages)]
    equal = []
    for arm, ovr in arm_overrides.items():  # matched on the rows each arm will really draw
        arm_stages = []
        for name, cfg in stages:
            acfg, info = arm_config(cfg, ovr, arm, layout=row_layout)
            arm_stages.append((name, acfg))
            equal.append({"stage": name} | info)
        models.append((arm, arm_stages))
    report["models"] = {}
    for label, sts in models:
        sweep, summaries = None, None
        if lr_sweep:
            best, table, summaries = sweep_lr(sts, list(lr_sweep), sweep_fraction, out / label / "lr-sweep",
                                              train_stages)
            sts, sweep = with_lr(sts, best), {"chosen": best, "fraction": sweep_fraction, "trials": table}
        if summaries is None:  # a full-length sweep (fraction 1) has already trained the model
            summaries = train_stages(sts, out / label)
        ev = preset.evaluate.model_dump(exclude_none=True)
        # An arm that keeps an EMA of its weights (HRM-Text's recipe) is evaluated with them.
        ev["ema"] = sts[-1][1].train.ema_decay is not None
        evals = evaluate_checkpoint(summaries[-1]["last_checkpoint"], ev, out / label)
        report["models"][label] = model_result(summaries, evals)
        report["models"][label]["val_loss_curve"] = val_loss_curve(summaries)
        report["models"][label]["lr_sweep"] = sweep
        if "greedy" in evals and preset.evaluate.benchmark == "mbpp":
            files = [f for _, c in sts for f in ([c.data.train] if isinstance(c.data.train, str) else c.data.train)
                     if f.endswith(".jsonl")]
            report["models"][label]["greedy_analysis"] = greedy_analysis(
                evals["greedy"]["results_path"], preset.evaluate.split, files)
        plot = summaries[-1].get("plot_path")
        if plot and Path(plot).is_file():
            shutil.copy(plot, out / f"loss-{label}.png")
    add_decode_latency(report["models"])
    if equal:
        report["equal_compute"] = equal
        plot_val_loss_vs_flops({k: m["val_loss_curve"] for k, m in report["models"].items()},
                               out / "val_loss_vs_flops.png")
    report["wall_s"] = time.time() - t0
    (out / "report.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    (out / "report.md").write_text(render_markdown(report))
    print(f"[run] report: {out / 'report.md'}", flush=True)
    return report


def main(argv: list[str] | None = None) -> int:
    """``hrm-codegen run``; returns the exit code."""
    ap = argparse.ArgumentParser(prog="hrm-codegen run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--preset", default="quickstart", help="a preset shipped in the package (quickstart, mini, gpu-speedrun) or a YAML path")
    ap.add_argument("--compare-baseline", action="store_true",
                    help="also train the transformer baseline at equal training FLOPs and compare")
    ap.add_argument("--arms", default="", metavar="A,B",
                    help="also train these arms of the preset (its `arms:` section, or baseline) at the HRM's training FLOPs")
    ap.add_argument("--lr-sweep", default="", metavar="LR,LR",
                    help="tune each model's learning rate first: a short run per rate, the lowest validation loss wins")
    ap.add_argument("--sweep-fraction", type=float, default=0.25,
                    help="each sweep run's share of the model's steps (default 0.25; 1: full-length trials, the best one is kept as the model)")
    ap.add_argument("--tasks", help="evaluate on these task ids instead of the preset's (e.g. 11-110)")
    ap.add_argument("--out", help="output folder (default runs/<preset>)")
    ap.add_argument("overrides", nargs="*", metavar="key=value", help="training config overrides for every stage")
    args = ap.parse_args(argv)
    try:
        arms = [a.strip() for a in args.arms.split(",") if a.strip()]
        try:
            lrs = [float(x) for x in args.lr_sweep.split(",") if x.strip()]
        except ValueError:
            raise ConfigError(f"--lr-sweep: not a comma-separated list of numbers: {args.lr_sweep!r}") from None
        report = run(args.preset, args.out, args.compare_baseline, args.overrides, arms, args.tasks,
                     lrs, args.sweep_fraction)
    except ConfigError as e:
        print(f"hrm-codegen run: error: {e}", file=sys.stderr)
        return 2
    for name, m in report["models"].items():
        p1 = _pass(m["evaluation"], "greedy", "pass@1")
        print(f"[run] {name}: Pass@1 (greedy) = {_fmt(p1 and 100 * p1, '.2f')}%")
    return 0
