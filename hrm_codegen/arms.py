"""Arms of ``hrm-codegen run --arms``, each matched to the preset's HRM in training compute.

*Training FLOPs* of a run are its FLOPs per real token (``model.flops_per_token(seq_len,
training=True)``, counted by the model itself) times the real tokens it trains on. An arm is matched
to the HRM stage by stage (:func:`arm_config`):

* a transformer arm that does not fix ``model.num_layers`` gets the depth whose FLOPs per token are
  closest to the HRM's (width, heads, expansion and positions kept);
* its ``train.max_steps`` is scaled so that steps x real tokens per step x FLOPs per token equal the
  HRM's as closely as whole steps allow. Real tokens per step come from the rows each run actually
  draws (:func:`row_layout`, the trainer's own :func:`~hrm_codegen.training.data.build_train_set`):
  a padded arm (PrefixLM rows are not packed) holds fewer real tokens per row than a packed one, so
  it trains more steps, and the compute it spends on padding is reported, not counted as training.

FLOPs per token use the compact output head the trainer will build (``data.compact_head``: its row
count is measured from the data), not the 50,257-row head of a config read alone.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import torch

from hrm_codegen.config import apply_overrides, validate
from hrm_codegen.data.vocab import output_ids_of
from hrm_codegen.errors import ConfigError
from hrm_codegen.models import build_model
from hrm_codegen.tokenization import get_tokenizer
from hrm_codegen.training.config import TrainConfig
from hrm_codegen.training.data import build_train_set


def _meta_model(model_cfg):
    # On the meta device: costs depend only on the config, and initialising a 27M-style model's
    # weights for real takes seconds per candidate depth.
    with torch.device("meta"):
        return build_model(model_cfg.model_dump())


def flops_per_token(model_cfg, seq_len: int, training: bool = True) -> float:
    """Training (or forward) FLOPs per token of a model config, counted by the model itself."""
    return float(_meta_model(model_cfg).flops_per_token(seq_len, training=training))


def model_costs(model_cfg, seq_len: int) -> dict[str, float]:
    """A model config's costs for the report: training and inference FLOPs per token at ``seq_len``
    and the KV-cache bytes per token (fp32 and bf16)."""
    model = _meta_model(model_cfg)
    return {"train_flops_per_token": float(model.flops_per_token(seq_len, training=True)),
            "inference_flops_per_token": float(model.flops_per_token(seq_len, training=False)),
            "kv_cache_bytes_per_token_fp32": model.kv_cache_bytes_per_token(4),
            "kv_cache_bytes_per_token_bf16": model.kv_cache_bytes_per_token(2)}


@functools.lru_cache(maxsize=16)
def _layout(train: tuple[str, ...], kind: str, seq_len: int, pack: bool, max_samples, def_line_weight: float,
            seed: int, compact: bool, head_ids: str, vocab_size: int) -> tuple[float, int | None]:
    cfg = TrainConfig.model_validate({
        "data": {"train": list(train), "kind": kind, "seq_len": seq_len, "pack": pack, "max_samples": max_samples,
                 "def_line_weight": def_line_weight},
        "train": {"seed": seed}})
    rows, _ = build_train_set(cfg, get_tokenizer())
    real = sum(int(rows[i]["input_ids"].numel()) for i in range(len(rows)))
    head = None
    if compact:
        data_ids = head_ids == "data"
        head = len(output_ids_of(rows, vocab_size, identifiers=data_ids, inputs=data_ids))
    return real / max(1, len(rows)), head


def row_layout(cfg) -> dict[str, Any]:
    """``{"row_tokens": mean real tokens per training row, "head_rows": compact head rows or None}`` of a
    stage config, measured on the rows the trainer draws (cached per data layout: arms share them)."""
    d = cfg.data
    train = (d.train,) if isinstance(d.train, str) else tuple(d.train)
    row_tokens, head = _layout(train, d.kind, d.seq_len, d.pack, d.max_samples, d.def_line_weight,
                               cfg.train.seed, d.compact_head, d.head_ids, cfg.model.vocab_size)
    return {"row_tokens": row_tokens, "head_rows": head}


def _sized(model_cfg, layout: dict[str, Any] | None):
    # The model the trainer will build: with the compact head of the measured rows.
    if layout and layout.get("head_rows"):
        return model_cfg.model_copy(update={"output_vocab_size": layout["head_rows"]})
    return model_cfg


def arm_config(cfg, overrides: list[str], name: str, layout: Callable[[Any], dict] | None = None):
    """The stage config of arm ``name``: ``cfg`` (an HRM stage, command-line overrides included) with the
    arm's ``overrides`` on top, matched to it in training FLOPs (see the module docstring).

    ``layout`` (e.g. :func:`row_layout`; it needs the data files) measures each config's real tokens
    per row and head size; without it, rows are assumed equally full and the head as configured,
    which validates an arm before its data exists. Returns ``(config, info)``: both FLOPs figures,
    both step counts and both real-token-per-step figures.
    """
    seq = cfg.data.seq_len
    raw = apply_overrides(cfg.model_dump(), list(overrides))
    what = f"invalid arm {name!r}"
    arm = validate(TrainConfig, raw, what)  # any key may be overridden; the schema names a bad one
    hrm_lay, arm_lay = (layout(cfg), layout(arm)) if layout else (None, None)
    hrm_fpt = flops_per_token(_sized(cfg.model, hrm_lay), seq)
    depth = None
    if raw["model"]["arch"] == "transformer" and not any(o.startswith("model.num_layers=") for o in overrides):
        best = None
        for n in range(1, 97):
            raw["model"]["num_layers"] = n
            fpt = flops_per_token(_sized(validate(TrainConfig, raw, what).model, arm_lay), seq)
            if best is None or abs(fpt - hrm_fpt) < abs(best[1] - hrm_fpt):
                best = (n, fpt)
            if fpt > hrm_fpt:
                break
        depth = raw["model"]["num_layers"] = best[0]
    fpt = flops_per_token(_sized(validate(TrainConfig, raw, what).model, arm_lay), seq)

    def tokens_per_step(c, lay) -> float:
        return c.train.batch_size * c.train.grad_accum_steps * (lay["row_tokens"] if lay else 1.0)

    hrm_tps, arm_tps = tokens_per_step(cfg, hrm_lay), tokens_per_step(arm, arm_lay)
    steps = max(1, round(cfg.train.max_steps * hrm_fpt * hrm_tps / (fpt * arm_tps)))
    raw["train"]["max_steps"] = steps
    raw["run_name"] = f"{cfg.run_name}-{name}"
    out = validate(TrainConfig, raw, what)
    info = {"arm": name, "hrm_train_flops_per_token": hrm_fpt, "arm_train_flops_per_token": fpt,
            "hrm_steps": cfg.train.max_steps, "arm_steps": steps, "arm_num_layers": depth}
    if layout:
        info |= {"hrm_real_tokens_per_step": hrm_tps, "arm_real_tokens_per_step": arm_tps}
    return out, info


def select_arms(preset, names: list[str]) -> dict[str, list[str]]:
    """The override lists of the named arms of a preset (``baseline`` = its transformer baseline).

    Raises :class:`ConfigError` naming an arm the preset does not define, before any work.
    """
    known = {"baseline": ["model.arch=transformer", *preset.baseline.overrides], **preset.arms}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ConfigError(f"--arms: unknown arm(s) {unknown}; preset {preset.name!r} defines {sorted(known)}")
    return {n: known[n] for n in names}


def sweep_lr(stages, lrs: list[float], fraction: float, out_dir, train_stages: Callable):
    """Each learning rate of ``lrs`` on a short run of ``stages`` (every stage at ``fraction`` of its
    steps, its own cosine schedule, validation at the end, no completion signals); returns
    ``(best rate, table, trained)``: the rate with the lowest final validation loss, the table
    ``[{"lr", "val_loss", "steps"}]`` and, at ``fraction`` 1, the best rate's stage summaries.

    At ``fraction`` 1 every trial is the model's whole run, as configured (evaluations, signals,
    checkpoints), so the chosen trial *is* the model and is not trained again (``trained``; else None).
    Short sweeps favour high rates (measured: reports/arms-ema/), which is why a full-length one is offered.
    Every model of a comparison sweeps at the same fraction of its own (FLOPs-matched) steps, so the
    sweeps too are at equal compute. ``train_stages(stages, out_dir)`` trains them (the pipeline's).
    """
    full = fraction >= 1
    table, runs = [], {}
    for lr in lrs:
        short = []
        for name, cfg in stages:
            update = {"run_name": f"{cfg.run_name}-lr{lr:g}", "optim": cfg.optim.model_copy(update={"lr": lr})}
            if not full:
                steps = max(1, round(cfg.train.max_steps * fraction))
                update |= {
                    "train": cfg.train.model_copy(update={"max_steps": steps}),
                    "logging": cfg.logging.model_copy(update={"eval_every": steps, "signals_every": None,
                                                              "stop_below": []}),
                    "checkpoint": cfg.checkpoint.model_copy(update={"every": steps, "keep_last": 1})}
            short.append((name, cfg.model_copy(update=update)))
        runs[lr] = train_stages(short, out_dir / f"lr-{lr:g}")
        summary = runs[lr][-1]
        table.append({"lr": lr, "val_loss": summary["val_loss"], "steps": summary["steps"]})
    scored = [r for r in table if r["val_loss"] is not None]
    if not scored:
        raise ConfigError("--lr-sweep needs validation data (data.validation) to score the rates")
    best = min(scored, key=lambda r: r["val_loss"])["lr"]
    return best, table, (runs[best] if full else None)


def with_lr(stages, lr: float):
    """``stages`` with ``optim.lr = lr`` in every stage (the rate a sweep chose)."""
    return [(name, cfg.model_copy(update={"optim": cfg.optim.model_copy(update={"lr": lr})})) for name, cfg in stages]
