"""``hrm-codegen train``: one readable Accelerate training loop for HRM and the baseline transformer.

Usage::

    hrm-codegen train --config configs/tiny.yaml [key=value ...] [--out DIR] [--resume PATH|auto] [--dry-run]
    accelerate launch --num_processes 4 scripts/train_codegen.py --config configs/hrm-27m.yaml

The same code runs on one CPU, one GPU and several GPUs (DDP through ``accelerate launch``).
The config is YAML (``configs/*.yaml``) validated by :class:`TrainConfig`; ``key=value`` overrides
use dotted keys (``optim.lr=3e-4 model.hidden_size=128``) and go through the same schema, so a typo
fails before anything runs, naming the key.

**What one optimizer step is.** Every process takes ``train.batch_size`` rows per micro-batch and
``train.grad_accum_steps`` micro-batches, so the global batch is ``batch_size x grad_accum_steps x
processes`` rows, drawn in a fixed order from ``randperm(N, seed + epoch)``; the data position is
therefore just ``(epoch, step in epoch)`` and resuming skips exactly to it. The loss is the sum of
token losses divided by the number of supervised tokens in the *whole* step (counted before the
backward passes and all-reduced over processes), so the loss and its gradient equal those of one
big batch however it is split into micro-batches, padded or spread over processes.

**HRM's ACT carry** (``model.halt_max_steps`` M > 1): each micro-batch slot keeps its own carry
across steps, as HRM trains: rows that have not halted keep their data and state, halted rows take
the fresh rows of the next batch (so batches are padded to ``data.seq_len``). Because the labels of a
segment come from the carry, their count is only known after the forward, so for M > 1 the LM loss
is normalised per micro-batch (mean over its supervised tokens, then averaged over micro-batches
and processes); the Q losses (weight ``train.q_loss_weight``, 0.5 in HRM) are added to it.

**Outputs.** ``runs/<run_name>/`` (or ``--out``): ``metrics.jsonl`` (one JSON object per logged step
or evaluation), TensorBoard events (``tb/``), ``loss.png`` (train and validation curves) and, when
enabled, W&B (``logging.wandb: true``; offline by default). Checkpoints go to
``<checkpoint.dir>/<run_name>/step_XXXXXX/``: ``model.safetensors`` + ``config.yaml`` (loadable by
``hrm_codegen.models.load_model``), ``trainer_state.pt`` (optimizer, scheduler, RNG states, data
position, ACT carry, EMA), ``train_config.yaml`` and, with EMA, ``ema/`` (a loadable model of the
averaged weights). Each is written to a temporary folder and renamed, so a crash never leaves half
a checkpoint; the last ``checkpoint.keep_last`` are kept, and ``best/`` holds the weights with the
lowest validation loss.

**Exit codes**: 0 done, 2 bad config / unwritable folder / missing checkpoint (nothing was trained),
3 non-finite loss (the last good checkpoint is kept; see ``scripts/rollback.sh``), 130 interrupted
(Ctrl-C or SIGTERM: the current step finishes, a checkpoint is saved; ``--resume auto`` continues).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Literal, Union

import numpy as np
import torch
import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from torch import nn

from hrm_codegen.config import (
    CONFIG_DIR,
    apply_overrides,
    check_writable,
    load_config_file,
    parse_override,
    resolve_config_path,
    validate,
)
from hrm_codegen.errors import ConfigError
from hrm_codegen.losses_codegen import act_loss
from hrm_codegen.models.config import ModelConfig
from hrm_codegen.tokenization import IGNORE_INDEX

STEP_DIR_RE = re.compile(r"^step_(\d+)$")
TRAINER_STATE = "trainer_state.pt"
TRAIN_CONFIG = "train_config.yaml"
ROLLBACK_HINT = "scripts/rollback.sh --help"

EXIT_OK, EXIT_USER_ERROR, EXIT_NONFINITE, EXIT_INTERRUPTED = 0, 2, 3, 130


# =====================================================================================  config schema


class _Section(BaseModel):
    # A typo in a key must fail loudly instead of silently training with a default.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class DataConfig(_Section):
    """What to train and validate on."""

    kind: Literal["mbpp", "packed"] = "mbpp"
    """``mbpp``: MBPP-format prompt -> code examples (loss on the code); ``packed``: raw code packed
    into ``seq_len`` windows (``hrm_codegen.data.corpus.PackedCodeDataset``), for pre-training."""
    train: Union[str, list[str]] = "train"
    """An MBPP split name (``train``, ``all``, ``sanitized-train``, ...) or a JSONL path; a list concatenates."""
    validation: str | None = "validation"
    """MBPP split or JSONL path for the validation loss; null disables validation."""
    seq_len: int = 256
    """Longest training example in tokens (longer MBPP examples are dropped, never cut inside code)."""
    max_samples: int | None = None
    """Use only the first N training examples (quick experiments)."""
    max_eval_samples: int | None = None
    """Use only the first N validation examples."""
    pad_to_seq_len: bool = False
    """Pad every batch to ``seq_len`` (static shapes for torch.compile; always on for M > 1)."""


class OptimConfig(_Section):
    """Optimizer and gradient clipping."""

    name: Literal["adamw", "adam_atan2"] = "adamw"
    """``adamw`` (torch) or ``adam_atan2`` (HRM's optimizer, :class:`AdamATan2`, no epsilon)."""
    lr: float = 3e-4
    betas: tuple[float, float] = (0.9, 0.95)
    weight_decay: float = 0.1
    """Decoupled weight decay, applied to matrices and embeddings only (not to biases)."""
    eps: float = 1e-8
    """AdamW's epsilon (AdamATan2 has none)."""
    grad_clip: float | None = 1.0
    """Clip the global gradient norm to this value; null = no clipping (the norm is still logged)."""


class ScheduleConfig(_Section):
    """Learning-rate schedule: linear warm-up, then cosine decay or constant."""

    kind: Literal["cosine", "constant"] = "cosine"
    warmup_steps: int = 100
    min_lr_ratio: float = 0.1
    """Cosine decays to ``lr x min_lr_ratio`` at ``train.max_steps``."""


class TrainSection(_Section):
    """Loop shape, precision and the loss."""

    seed: int = 0
    max_steps: int = 1000
    """Optimizer steps in total (a resumed run continues to this number)."""
    batch_size: int = 8
    """Rows per micro-batch *per process*."""
    grad_accum_steps: int = 1
    mixed_precision: Literal["auto", "no", "bf16", "fp16"] = "auto"
    """``auto`` = bf16 on a CUDA GPU that supports it, else fp32."""
    compile: bool = False
    """Wrap the model in ``torch.compile`` (needs a C compiler on CPU; best with data.pad_to_seq_len)."""
    ema_decay: float | None = None
    """Keep an exponential moving average of the weights with this decay (e.g. 0.999); null = off."""
    loss: Literal["softmax", "stablemax"] = "softmax"
    """Token cross-entropy: standard softmax or HRM's stablemax."""
    q_loss_weight: float = 0.5
    """Weight of the ACT Q losses for M > 1 (HRM: 0.5)."""
    find_unused_parameters: bool = False
    """DDP's find_unused_parameters (only needed for models with parameters the loss never reaches)."""
    init_from: str | None = None
    """Start from the weights of a saved model folder (``load_model``-compatible, e.g. a previous stage's
    checkpoint) with a fresh optimizer and schedule; ignored when resuming (the checkpoint has the weights)."""


class CheckpointConfig(_Section):
    """Where and how often checkpoints are written."""

    dir: str = "checkpoints"
    """Checkpoints go to ``<dir>/<run_name>/step_XXXXXX/``."""
    every: int = 500
    """Save every N steps (and always at the end)."""
    keep_last: int | None = 3
    """Keep the newest N step checkpoints (null = all); ``best/`` is kept besides them."""
    save_best: bool = True
    """Keep a ``best/`` copy of the weights with the lowest validation loss."""


class LoggingConfig(_Section):
    """Metrics, evaluation and plots."""

    every: int = 10
    """Write train metrics every N steps (loss = mean over those steps)."""
    eval_every: int = 500
    """Validation loss every N steps (and at the end)."""
    eval_batch_size: int | None = None
    """Rows per validation batch (default: train.batch_size)."""
    tensorboard: bool = True
    wandb: bool = False
    """Also log to Weights & Biases (needs ``pip install wandb``)."""
    wandb_project: str = "hrm-codegen"
    wandb_mode: Literal["offline", "online"] = "offline"
    """``offline`` works without a network (``wandb sync`` later)."""
    progress_bar: bool = True
    plot: bool = True
    """Write ``loss.png`` at the end."""


class TrainConfig(_Section):
    """The whole training configuration (one YAML file; see ``configs/``)."""

    run_name: str = "hrm-codegen"
    model: ModelConfig = Field(default_factory=ModelConfig)
    data: DataConfig = Field(default_factory=DataConfig)
    optim: OptimConfig = Field(default_factory=OptimConfig)
    schedule: ScheduleConfig = Field(default_factory=ScheduleConfig)
    train: TrainSection = Field(default_factory=TrainSection)
    checkpoint: CheckpointConfig = Field(default_factory=CheckpointConfig)
    logging: LoggingConfig = Field(default_factory=LoggingConfig)

    @field_validator("run_name")
    @classmethod
    def _run_name_is_a_folder_name(cls, v: str) -> str:
        if not v or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", v):
            raise ValueError(f"must be a plain folder name (letters, digits, . _ -), got {v!r}")
        return v

    @model_validator(mode="after")
    def _check_ranges(self) -> TrainConfig:
        positive = {
            "data.seq_len": self.data.seq_len, "train.max_steps": self.train.max_steps,
            "train.batch_size": self.train.batch_size, "train.grad_accum_steps": self.train.grad_accum_steps,
            "checkpoint.every": self.checkpoint.every, "logging.every": self.logging.every,
            "logging.eval_every": self.logging.eval_every, "optim.lr": self.optim.lr,
        }
        optional_positive = {
            "data.max_samples": self.data.max_samples, "data.max_eval_samples": self.data.max_eval_samples,
            "checkpoint.keep_last": self.checkpoint.keep_last, "logging.eval_batch_size": self.logging.eval_batch_size,
            "optim.grad_clip": self.optim.grad_clip,
        }
        for key, value in {**positive, **{k: v for k, v in optional_positive.items() if v is not None}}.items():
            if value <= 0:
                raise ValueError(f"{key} must be > 0, got {value}")
        if self.schedule.warmup_steps < 0:
            raise ValueError(f"schedule.warmup_steps must be >= 0, got {self.schedule.warmup_steps}")
        if not 0.0 <= self.schedule.min_lr_ratio <= 1.0:
            raise ValueError(f"schedule.min_lr_ratio must be in [0, 1], got {self.schedule.min_lr_ratio}")
        if self.train.ema_decay is not None and not 0.0 < self.train.ema_decay < 1.0:
            raise ValueError(f"train.ema_decay must be in (0, 1), got {self.train.ema_decay}")
        if self.data.seq_len > self.model.max_seq_len:
            raise ValueError(f"data.seq_len ({self.data.seq_len}) exceeds model.max_seq_len ({self.model.max_seq_len})")
        return self


def _resolve_model_reference(raw: dict, base_dir: Path) -> None:
    """``model: path/to/model.yaml`` -> the mapping in that file (relative to the config, then cwd)."""
    ref = raw.get("model")
    if not isinstance(ref, str):
        return
    candidates = [base_dir / ref, Path(ref), CONFIG_DIR / ref]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        raise ConfigError(f"model: file {ref!r} not found (looked in {base_dir}, the working folder and {CONFIG_DIR})")
    loaded = yaml.safe_load(path.read_text()) or {}
    if isinstance(loaded, dict) and isinstance(loaded.get("model"), dict):
        loaded = loaded["model"]
    if not isinstance(loaded, dict):
        raise ConfigError(f"model: {path} must hold a mapping of model keys")
    raw["model"] = loaded


def load_train_config(path: str | Path | None = None, overrides: list[str] | tuple[str, ...] = ()) -> TrainConfig:
    """Read a YAML training config, apply ``key=value`` overrides, and validate everything.

    ``path`` is a file or the name of a config shipped in the package (``tiny``, ``hrm-27m``).
    Raises ``ConfigError`` whose message names every bad key (unknown keys, wrong types, ranges).
    """
    raw: dict[str, Any] = {}
    source = "defaults"
    base_dir = Path.cwd()
    if path is not None:
        path = resolve_config_path(path)
        source, base_dir = str(path), path.parent
        raw = load_config_file(path, "training config")
    _resolve_model_reference(raw, base_dir)
    apply_overrides(raw, overrides)
    if overrides and source != "defaults":
        source += " + overrides"
    return validate(TrainConfig, raw, f"invalid training config ({source})")


def dump_config(cfg: TrainConfig) -> str:
    """The config as YAML (what ``train_config.yaml`` holds; loadable by :func:`load_train_config`)."""
    return yaml.safe_dump(cfg.model_dump(mode="json"), sort_keys=False)


# =====================================================================================  optimizer


class AdamATan2(torch.optim.Optimizer):
    """Adam-atan2 (Everett et al. 2024, "Scaling Exponents Across Parameterizations and Optimizers").

    Adam's ``m / (sqrt(v) + eps)`` becomes ``a * atan2(m, b * sqrt(v))``: bounded, scale invariant,
    and without an epsilon to tune (HRM trains with it). Bias-corrected moments, decoupled weight
    decay as in AdamW. Defaults ``a = 1.27, b = 1`` as in the reference implementations.
    """

    def __init__(self, params, lr: float = 1e-4, betas=(0.9, 0.95), weight_decay: float = 0.1,
                 a: float = 1.27, b: float = 1.0):
        if lr <= 0 or weight_decay < 0 or not all(0.0 <= x < 1.0 for x in betas):
            raise ValueError(f"AdamATan2: invalid lr={lr}, betas={betas} or weight_decay={weight_decay}")
        super().__init__(params, dict(lr=lr, betas=tuple(betas), weight_decay=weight_decay, a=a, b=b))

    @torch.no_grad()
    def step(self, closure: Callable | None = None):
        """One update of every parameter that has a gradient."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            lr, (beta1, beta2), wd, a, b = group["lr"], group["betas"], group["weight_decay"], group["a"], group["b"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = torch.tensor(0.0)
                    state["exp_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                    state["exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                state["step"] += 1
                step = float(state["step"])
                if wd:
                    p.mul_(1.0 - lr * wd)
                grad = p.grad
                state["exp_avg"].lerp_(grad, 1.0 - beta1)
                state["exp_avg_sq"].mul_(beta2).addcmul_(grad, grad, value=1.0 - beta2)
                m_hat = state["exp_avg"] / (1.0 - beta1**step)
                v_hat = state["exp_avg_sq"] / (1.0 - beta2**step)
                p.add_(torch.atan2(m_hat, v_hat.sqrt_().mul_(b)), alpha=-lr * a)
        return loss


def build_optimizer(model: nn.Module, cfg: OptimConfig) -> torch.optim.Optimizer:
    """AdamW or AdamATan2; weight decay on matrices/embeddings only, never on biases or 1-D tensors."""
    params = [p for p in model.parameters() if p.requires_grad]
    groups = [
        {"params": [p for p in params if p.dim() >= 2], "weight_decay": cfg.weight_decay},
        {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0},
    ]
    groups = [g for g in groups if g["params"]]
    if cfg.name == "adam_atan2":
        return AdamATan2(groups, lr=cfg.lr, betas=cfg.betas)
    return torch.optim.AdamW(groups, lr=cfg.lr, betas=cfg.betas, eps=cfg.eps)


def lr_factor(step: int, cfg: ScheduleConfig, total_steps: int) -> float:
    """Multiplier of the base lr for optimizer step ``step`` (0-based): linear warm-up, then cosine or constant."""
    if step < cfg.warmup_steps:
        return (step + 1) / cfg.warmup_steps
    if cfg.kind == "constant":
        return 1.0
    progress = min(1.0, (step - cfg.warmup_steps) / max(1, total_steps - cfg.warmup_steps))
    return cfg.min_lr_ratio + (1.0 - cfg.min_lr_ratio) * 0.5 * (1.0 + math.cos(math.pi * progress))


class EMA:
    """Exponential moving average of the trainable weights, kept in fp32 beside the model."""

    def __init__(self, model: nn.Module, decay: float):
        self.decay = decay
        self.shadow = {n: p.detach().float().clone() for n, p in model.named_parameters() if p.requires_grad}

    @torch.no_grad()
    def update(self, model: nn.Module) -> None:
        """``shadow <- decay * shadow + (1 - decay) * weights`` after an optimizer step."""
        for name, p in model.named_parameters():
            if name in self.shadow:
                self.shadow[name].lerp_(p.detach().float(), 1.0 - self.decay)

    @contextlib.contextmanager
    def applied_to(self, model: nn.Module):
        """Temporarily put the averaged weights into ``model`` (to save or evaluate them)."""
        backup = {n: p.detach().clone() for n, p in model.named_parameters() if n in self.shadow}
        with torch.no_grad():
            for n, p in model.named_parameters():
                if n in self.shadow:
                    p.copy_(self.shadow[n])
        try:
            yield model
        finally:
            with torch.no_grad():
                for n, p in model.named_parameters():
                    if n in backup:
                        p.copy_(backup[n])


# =====================================================================================  data


def _is_path_like(spec: str) -> bool:
    return spec.endswith((".jsonl", ".json", ".txt")) or "/" in spec or os.sep in spec


def build_dataset(spec: str | list[str], kind: str, tokenizer, seq_len: int, key: str):
    """The dataset for ``data.train`` / ``data.validation`` (``key`` names the config key in errors)."""
    from torch.utils.data import ConcatDataset

    specs = [spec] if isinstance(spec, str) else list(spec)
    if not specs:
        raise ConfigError(f"{key} is empty")
    parts = []
    for s in specs:
        if _is_path_like(s) and not Path(s).exists():
            raise ConfigError(f"{key}: file {s} not found")
        if kind == "packed":
            try:
                from hrm_codegen.data.corpus import PackedCodeDataset
            except ImportError as e:
                raise ConfigError(f"data.kind: packed needs hrm_codegen.data.corpus.PackedCodeDataset ({e})") from None
            parts.append(PackedCodeDataset(s, tokenizer, seq_len))
        else:
            from hrm_codegen.data.datasets import MBPPDataset

            try:
                parts.append(MBPPDataset(s, tokenizer, seq_len))
            except ValueError as e:  # unknown split names, malformed files
                raise ConfigError(f"{key}: {e}") from None
    return parts[0] if len(parts) == 1 else ConcatDataset(parts)


class StepSampler:
    """Which rows every process and micro-batch takes at each step, reproducible from seed + epoch.

    Epoch ``e`` orders the ``N`` examples by ``randperm(N, generator=seed + e)`` and cuts it into
    global batches of ``G = batch_size x accum x world`` rows (the last partial batch is dropped so
    every step has the same shape). Micro-batch ``k`` of process ``r`` is the ``(k * world + r)``-th
    slice of ``batch_size`` rows, so one process with ``accum = 2`` sees the same micro-batches as
    two processes with ``accum = 1``.
    """

    def __init__(self, num_examples: int, batch_size: int, accum: int, world: int, rank: int, seed: int):
        self.n, self.batch_size, self.accum, self.world, self.rank, self.seed = (
            num_examples, batch_size, accum, world, rank, seed)
        self.global_batch = batch_size * accum * world
        self.steps_per_epoch = num_examples // self.global_batch
        self._perm_epoch, self._perm = None, None

    def _order(self, epoch: int) -> torch.Tensor:
        if self._perm_epoch != epoch:
            g = torch.Generator().manual_seed(self.seed + epoch)
            self._perm, self._perm_epoch = torch.randperm(self.n, generator=g), epoch
        return self._perm

    def micro_batches(self, epoch: int, step_in_epoch: int) -> list[list[int]]:
        """Row indices of this process's ``accum`` micro-batches at (epoch, step_in_epoch)."""
        chunk = self._order(epoch)[step_in_epoch * self.global_batch:(step_in_epoch + 1) * self.global_batch]
        out = []
        for k in range(self.accum):
            start = (k * self.world + self.rank) * self.batch_size
            out.append(chunk[start:start + self.batch_size].tolist())
        return out


def _collate(dataset, indices: list[int], pad_to: int | None, device) -> dict[str, torch.Tensor]:
    from hrm_codegen.data.datasets import collate_batch

    batch = collate_batch([dataset[i] for i in indices], pad_to=pad_to)
    return {k: v.to(device, non_blocking=True) for k, v in batch.items()}


# =====================================================================================  checkpoints


def _rng_state() -> dict[str, Any]:
    state = {"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def _set_rng_state(state: dict[str, Any]) -> None:
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def list_checkpoints(run_dir: Path) -> list[Path]:
    """``step_XXXXXX`` folders of a run, oldest first (temporary folders are ignored)."""
    if not run_dir.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in run_dir.iterdir() if p.is_dir() and (m := STEP_DIR_RE.match(p.name))]
    return [p for _, p in sorted(found)]


def _atomic_publish(tmp: Path, final: Path) -> None:
    """Move a fully written folder into place; an older folder of the same name is replaced."""
    if final.exists():
        trash = final.with_name(f".trash-{final.name}-{os.getpid()}")
        os.replace(final, trash)
        os.replace(tmp, final)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        os.replace(tmp, final)


def _torch_load(path: Path, device) -> Any:
    # weights_only=False: the trainer state holds Python RNG tuples and the carry dataclass. The file
    # is one this trainer wrote itself (never load a trainer_state.pt from an untrusted source).
    return torch.load(path, map_location=device, weights_only=False)


# =====================================================================================  logging


class MetricsLogger:
    """metrics.jsonl + TensorBoard + optional W&B, written by the main process only."""

    def __init__(self, out_dir: Path, cfg: TrainConfig, enabled: bool, start_step: int):
        self.enabled = enabled
        self.path = out_dir / "metrics.jsonl"
        self.tb = self.wandb = None
        if not enabled:
            return
        self._truncate_after(start_step)
        if cfg.logging.tensorboard:
            from torch.utils.tensorboard import SummaryWriter

            # purge_step drops events a crashed run wrote after the checkpoint we resume from.
            self.tb = SummaryWriter(str(out_dir / "tb"), purge_step=start_step if start_step else None)
        if cfg.logging.wandb:
            import wandb

            self.wandb = wandb.init(project=cfg.logging.wandb_project, name=cfg.run_name, dir=str(out_dir),
                                    mode=cfg.logging.wandb_mode, config=cfg.model_dump(mode="json"),
                                    resume="allow")

    def _truncate_after(self, step: int) -> None:
        """Keep only records up to ``step`` (a fresh run starts empty; a resumed one drops the redone steps)."""
        if not self.path.exists():
            return
        keep = []
        for line in self.path.read_text().splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a crash
            if rec.get("step", 0) <= step and step > 0:
                keep.append(line)
        self.path.write_text("".join(k + "\n" for k in keep))

    def log(self, record: dict[str, Any]) -> None:
        """Append one record (must contain ``step``)."""
        if not self.enabled:
            return
        with self.path.open("a") as f:
            f.write(json.dumps(record) + "\n")
        step = record["step"]
        scalars = {k: v for k, v in record.items() if isinstance(v, (int, float)) and k != "step"}
        if self.tb is not None:
            prefix = "eval" if record.get("kind") == "eval" else "train"
            for k, v in scalars.items():
                self.tb.add_scalar(f"{prefix}/{k}", v, step)
        if self.wandb is not None:
            self.wandb.log({f"{record.get('kind', 'train')}/{k}": v for k, v in scalars.items()}, step=step)

    def close(self) -> None:
        """Flush and close the writers."""
        if self.tb is not None:
            self.tb.close()
        if self.wandb is not None:
            self.wandb.finish()


def plot_losses(metrics_path: Path, out_png: Path) -> Path | None:
    """``loss.png``: train loss (and validation loss when present) against the step."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    train, val = [], []
    for line in metrics_path.read_text().splitlines() if metrics_path.exists() else []:
        rec = json.loads(line)
        if rec.get("kind") == "eval" and "val_loss" in rec:
            val.append((rec["step"], rec["val_loss"]))
        elif "loss" in rec:
            train.append((rec["step"], rec["loss"]))
    if not train and not val:
        return None
    fig, ax = plt.subplots(figsize=(7, 4))
    if train:
        ax.plot(*zip(*train), label="train loss")
    if val:
        ax.plot(*zip(*val), marker="o", label="validation loss")
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("cross-entropy (nats/token)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out_png, dpi=110)
    plt.close(fig)
    return out_png


def _memory_mb(device: torch.device) -> dict[str, float]:
    if device.type == "cuda":
        return {"peak_gpu_mem_mb": torch.cuda.max_memory_allocated(device) / 2**20}
    import psutil

    return {"rss_mb": psutil.Process().memory_info().rss / 2**20}


# =====================================================================================  errors


class NonFiniteLossError(RuntimeError):
    """The loss (or gradient norm) became NaN/Inf; the step was not applied."""

    def __init__(self, step: int, what: str, last_checkpoint: Path | None):
        self.step, self.last_checkpoint = step, last_checkpoint
        where = f"the last good checkpoint is {last_checkpoint}" if last_checkpoint else "no checkpoint was written yet"
        super().__init__(
            f"{what} is not finite at step {step}; training stopped before applying that step ({where}). "
            f"Roll back and retry with a smaller learning rate: see {ROLLBACK_HINT}"
        )


class TrainingInterrupted(RuntimeError):
    """Ctrl-C / SIGTERM: the run stopped after a checkpoint was written."""

    def __init__(self, step: int, checkpoint: Path | None):
        self.step, self.checkpoint = step, checkpoint
        super().__init__(f"interrupted at step {step}; checkpoint saved to {checkpoint}; "
                         "continue with --resume auto (or --resume <checkpoint>)")


class _StopFlag:
    """Turns the first SIGINT/SIGTERM into a request to stop after the current step; a second SIGINT aborts."""

    def __init__(self):
        self.requested = False
        self._old: dict[int, Any] = {}

    def _handler(self, signum, frame):
        if self.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.requested = True
        print(f"\n[train] signal {signum}: finishing this step, then saving a checkpoint "
              "(Ctrl-C again to abort without saving)", file=sys.stderr, flush=True)

    def __enter__(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[sig] = signal.signal(sig, self._handler)
            except ValueError:  # not the main thread: keep the default behaviour
                pass
        return self

    def __exit__(self, *exc):
        for sig, old in self._old.items():
            signal.signal(sig, old)


# =====================================================================================  the trainer


class _TrainStep(nn.Module):
    """Routes ``train_forward`` through ``nn.Module.__call__`` so DDP's gradient hooks and
    Accelerate's autocast apply to it (they wrap ``forward`` only)."""

    def __init__(self, lm: nn.Module):
        super().__init__()
        self.lm = lm

    def forward(self, carry, batch):
        """One ACT segment: ``lm.train_forward(carry, batch)``, with the LM head at supervised
        positions only (packed logits; ``act_loss`` reads nothing else)."""
        return self.lm.train_forward(carry, batch, supervised_only=True)


def _find_resume(resume: str | Path | None, ckpt_run_dir: Path) -> Path | None:
    if resume is None:
        return None
    if str(resume) == "auto":
        found = list_checkpoints(ckpt_run_dir)
        return found[-1] if found else None
    path = Path(resume)
    if not (path / TRAINER_STATE).is_file():
        raise ConfigError(f"--resume: {path} is not a training checkpoint (no {TRAINER_STATE} there)")
    return path


def _cpu_only() -> bool:
    # Accelerate only sets up multi-process CPU training (gloo) when told it runs on CPU.
    return not torch.cuda.is_available()


def _mixed_precision(choice: str) -> str:
    if choice != "auto":
        return choice
    return "bf16" if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else "no"


def _dry_run_config(cfg: TrainConfig, tmp: Path, world: int) -> TrainConfig:
    """A copy of ``cfg`` that runs 3 steps on a handful of samples and writes only under ``tmp``."""
    d = cfg.model_dump()
    global_batch = cfg.train.batch_size * cfg.train.grad_accum_steps * world
    steps = min(cfg.train.max_steps, 3)
    d["train"].update(max_steps=steps, compile=False)
    d["data"].update(max_samples=max(16, 2 * global_batch), max_eval_samples=8)
    d["checkpoint"].update(dir=str(tmp / "checkpoints"), every=steps, keep_last=2)
    d["logging"].update(every=1, eval_every=steps, wandb=False, progress_bar=False)
    d["schedule"]["warmup_steps"] = min(cfg.schedule.warmup_steps, steps)
    return TrainConfig(**d)


class Trainer:
    """Holds the state of one run; :func:`train` is the functional entry point."""

    def __init__(self, cfg: TrainConfig, out_dir: Path, resume: str | Path | None, on_step=None):
        self.cfg, self.out_dir, self.on_step = cfg, out_dir, on_step
        self.ckpt_run_dir = Path(cfg.checkpoint.dir) / cfg.run_name
        self.M = cfg.model.halt_max_steps if cfg.model.arch == "hrm" else 1
        self._preflight(resume)
        self._setup_accelerator()
        self._setup_data()
        self._setup_model()
        self.step = self.epoch = self.step_in_epoch = 0
        self.best_val_loss = math.inf
        self.carries: list[Any] | None = None
        self.last_checkpoint: Path | None = None
        self.best_checkpoint: Path | None = None
        self.tokens_seen = 0.0
        if self.resume_from is not None:
            self._load_checkpoint(self.resume_from)
            self._set_aside_newer_checkpoints()
        self.logger = MetricsLogger(out_dir, cfg, self.is_main, self.step)

    # ------------------------------------------------------------------ setup

    def _preflight(self, resume) -> None:
        """Everything a user can get wrong, checked before any expensive work."""
        check_writable(self.out_dir, "--out (run folder)")
        check_writable(self.ckpt_run_dir, "checkpoint.dir")
        self.resume_from = _find_resume(resume, self.ckpt_run_dir)
        if resume is not None and self.resume_from is None:
            print(f"[train] --resume auto: no checkpoint in {self.ckpt_run_dir}, starting from scratch", file=sys.stderr)
        if self.resume_from is None and list_checkpoints(self.ckpt_run_dir):
            raise ConfigError(
                f"checkpoint.dir: {self.ckpt_run_dir} already holds checkpoints of an earlier run; "
                "continue it with --resume auto, or pick another run_name / checkpoint.dir"
            )
        init = self.cfg.train.init_from
        if init and self.resume_from is None and not (Path(init) / "model.safetensors").is_file():
            raise ConfigError(f"train.init_from: {init} is not a saved model folder (no model.safetensors there)")
        if self.cfg.logging.wandb:
            try:
                import wandb  # noqa: F401
            except ImportError:
                raise ConfigError("logging.wandb is true but wandb is not installed "
                                  "(pip install wandb, or set logging.wandb=false)") from None

    def _setup_accelerator(self) -> None:
        from accelerate import Accelerator
        from accelerate.utils import DistributedDataParallelKwargs, set_seed

        ddp = DistributedDataParallelKwargs(find_unused_parameters=self.cfg.train.find_unused_parameters)
        self.accelerator = Accelerator(mixed_precision=_mixed_precision(self.cfg.train.mixed_precision),
                                       cpu=_cpu_only(), kwargs_handlers=[ddp])
        if self.accelerator.distributed_type.name in ("FSDP", "DEEPSPEED", "MEGATRON_LM"):
            # Sharded weights/optimizer state would need gathered checkpoints; the models here
            # (tens of millions of parameters) fit every GPU whole, so plain DDP is the right tool.
            raise ConfigError(f"accelerate launch with {self.accelerator.distributed_type.name} is not supported by "
                              "this trainer; launch without an FSDP/DeepSpeed config (DDP)")
        self.device = self.accelerator.device
        self.world = self.accelerator.num_processes
        self.rank = self.accelerator.process_index
        self.is_main = self.accelerator.is_main_process
        set_seed(self.cfg.train.seed)

    def _setup_data(self) -> None:
        from torch.utils.data import Subset

        from hrm_codegen.tokenization import get_tokenizer

        cfg = self.cfg
        tok = get_tokenizer()
        self.train_set = build_dataset(cfg.data.train, cfg.data.kind, tok, cfg.data.seq_len, "data.train")
        if cfg.data.max_samples is not None and cfg.data.max_samples < len(self.train_set):
            self.train_set = Subset(self.train_set, range(cfg.data.max_samples))
        self.val_set = None
        if cfg.data.validation:
            self.val_set = build_dataset(cfg.data.validation, "mbpp", tok, cfg.data.seq_len, "data.validation")
            if cfg.data.max_eval_samples is not None and cfg.data.max_eval_samples < len(self.val_set):
                self.val_set = Subset(self.val_set, range(cfg.data.max_eval_samples))
        t = cfg.train
        self.sampler = StepSampler(len(self.train_set), t.batch_size, t.grad_accum_steps, self.world, self.rank, t.seed)
        if self.sampler.steps_per_epoch == 0:
            raise ConfigError(
                f"data.train has {len(self.train_set)} examples (after dropping those over data.seq_len), fewer than "
                f"one global batch of {self.sampler.global_batch} (train.batch_size x grad_accum_steps x processes)"
            )
        # ACT keeps unhalted rows across steps, so every batch must have the same shape.
        self.pad_to = cfg.data.seq_len if (cfg.data.pad_to_seq_len or self.M > 1) else None

    def _setup_model(self) -> None:
        from hrm_codegen.models import build_model

        cfg = self.cfg
        self.lm = build_model(cfg.model)
        if cfg.train.init_from and self.resume_from is None:
            self._load_weights(Path(cfg.train.init_from), "train.init_from")
        if self.M == 1 and hasattr(self.lm, "q_head"):
            # No Q loss at M == 1: freeze the Q head so DDP need not search for unused parameters.
            self.lm.q_head.requires_grad_(False)
        self.lm.to(self.device)
        self.ema = EMA(self.lm, cfg.train.ema_decay) if cfg.train.ema_decay else None
        optimizer = build_optimizer(self.lm, cfg.optim)
        step_model: nn.Module = _TrainStep(self.lm)
        if cfg.train.compile:
            step_model = torch.compile(step_model)
        self.model, self.optimizer = self.accelerator.prepare(step_model, optimizer)
        # The scheduler is stepped by hand once per optimizer step (Accelerate's wrapper would
        # step it once per process).
        self.scheduler = torch.optim.lr_scheduler.LambdaLR(
            self.optimizer.optimizer if hasattr(self.optimizer, "optimizer") else self.optimizer,
            lambda s: lr_factor(s, cfg.schedule, cfg.train.max_steps),
        )

    # ------------------------------------------------------------------ checkpoints

    def _trainer_state(self) -> dict[str, Any]:
        return {
            "format": 1,
            "step": self.step,
            "epoch": self.epoch,
            "step_in_epoch": self.step_in_epoch,
            "global_batch": self.sampler.global_batch,
            "world_size": self.world,
            "best_val_loss": self.best_val_loss,
            "tokens_seen": self.tokens_seen,
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "ema": self.ema.shadow if self.ema else None,
        }

    def _rank_state(self) -> dict[str, Any]:
        return {"rng": _rng_state(), "carries": self.carries}

    def save_checkpoint(self) -> Path:
        """Write ``step_XXXXXX/`` atomically (all processes take part) and prune old ones."""
        acc = self.accelerator
        final = self.ckpt_run_dir / f"step_{self.step:06d}"
        tmp = self.ckpt_run_dir / f".tmp-{final.name}"
        if self.is_main:
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            self.lm.save_pretrained(tmp)
            (tmp / TRAIN_CONFIG).write_text(dump_config(self.cfg))
            if self.ema:
                with self.ema.applied_to(self.lm):
                    self.lm.save_pretrained(tmp / "ema")
        acc.wait_for_everyone()
        rank_file = tmp / (TRAINER_STATE if self.rank == 0 else f"trainer_state_rank{self.rank}.pt")
        state = self._rank_state()
        if self.rank == 0:
            state = {**self._trainer_state(), **state}
        torch.save(state, rank_file)
        acc.wait_for_everyone()
        if self.is_main:
            _atomic_publish(tmp, final)
            self._prune()
        acc.wait_for_everyone()
        self.last_checkpoint = final
        return final

    def _prune(self) -> None:
        keep = self.cfg.checkpoint.keep_last
        if keep is None:
            return
        for old in list_checkpoints(self.ckpt_run_dir)[:-keep]:
            shutil.rmtree(old, ignore_errors=True)

    def _save_best(self, val_loss: float) -> None:
        if self.is_main:
            final = self.ckpt_run_dir / "best"
            tmp = self.ckpt_run_dir / ".tmp-best"
            shutil.rmtree(tmp, ignore_errors=True)
            self.lm.save_pretrained(tmp)
            (tmp / TRAIN_CONFIG).write_text(dump_config(self.cfg))
            (tmp / "best.json").write_text(json.dumps({"step": self.step, "val_loss": val_loss}) + "\n")
            _atomic_publish(tmp, final)
        self.accelerator.wait_for_everyone()
        self.best_checkpoint = self.ckpt_run_dir / "best"

    def _load_weights(self, path: Path, key: str) -> None:
        """Copy the weights of a saved model folder into ``self.lm`` (same architecture and shapes)."""
        from hrm_codegen.models import load_model

        try:
            saved = load_model(path)
            self.lm.load_state_dict(saved.state_dict())
        except (ValueError, RuntimeError, FileNotFoundError) as e:
            raise ConfigError(f"{key}: the weights in {path} do not fit this config's model: {e}") from None

    def _apply_new_lr(self, state: dict[str, Any]) -> None:
        """A resumed run takes ``optim.lr`` from the config, not from the checkpoint.

        This is the "learning rate / 10 and retry" rollback: resume the last good checkpoint with a
        smaller ``optim.lr`` and the schedule continues from the same step at the new scale.
        """
        old = list(self.scheduler.base_lrs)
        new = self.cfg.optim.lr
        if all(abs(b - new) <= 1e-12 * max(1.0, new) for b in old):
            return
        factor = lr_factor(self.step, self.cfg.schedule, self.cfg.train.max_steps)
        self.scheduler.base_lrs = [new] * len(old)
        self.scheduler._last_lr = [new * factor] * len(old)  # what get_last_lr() reports
        for group in self.scheduler.optimizer.param_groups:
            group["initial_lr"], group["lr"] = new, new * factor
        if self.is_main:
            print(f"[train] optim.lr changed on resume: {old[0]:g} -> {new:g}", file=sys.stderr)

    def _set_aside_newer_checkpoints(self) -> None:
        """Resuming an older checkpoint (a rollback): move later ones to ``rolled_back/`` so that
        keep-last pruning and ``--resume auto`` do not mix the two histories. Nothing is deleted."""
        if not self.is_main or self.resume_from is None:
            return
        if self.resume_from.resolve().parent != self.ckpt_run_dir.resolve():
            return
        newer = [p for p in list_checkpoints(self.ckpt_run_dir)
                 if int(STEP_DIR_RE.match(p.name).group(1)) > self.step]
        if newer:
            dest = self.ckpt_run_dir / "rolled_back" / time.strftime("%Y%m%d-%H%M%S")
            dest.mkdir(parents=True, exist_ok=True)
            for p in newer:
                os.replace(p, dest / p.name)
            print(f"[train] rolled back: moved {len(newer)} later checkpoint(s) to {dest}", file=sys.stderr)

    def _load_checkpoint(self, path: Path) -> None:
        state = _torch_load(path / TRAINER_STATE, "cpu")
        if state.get("global_batch") != self.sampler.global_batch:
            raise ConfigError(
                f"--resume: {path} was trained with a global batch of {state.get('global_batch')} rows, this run has "
                f"{self.sampler.global_batch} (batch_size x grad_accum_steps x processes); exact resume needs the same"
            )
        self._load_weights(path, "--resume")
        self.optimizer.load_state_dict(state["optimizer"])
        self.scheduler.load_state_dict(state["scheduler"])
        self.step, self.epoch, self.step_in_epoch = state["step"], state["epoch"], state["step_in_epoch"]
        self.best_val_loss = state["best_val_loss"]
        self.tokens_seen = state.get("tokens_seen", 0.0)
        self._apply_new_lr(state)
        if self.ema and state.get("ema"):
            self.ema.shadow = {k: v.to(self.device) for k, v in state["ema"].items()}
        rank_state = state if self.rank == 0 else _torch_load(path / f"trainer_state_rank{self.rank}.pt", "cpu")
        carries = rank_state.get("carries")
        self.carries = None if carries is None else [_to_device(c, self.device) for c in carries]
        _set_rng_state(rank_state["rng"])
        self.last_checkpoint = path
        if (path.parent / "best").is_dir():
            self.best_checkpoint = path.parent / "best"
        if self.is_main:
            print(f"[train] resumed from {path} at step {self.step}", file=sys.stderr)

    # ------------------------------------------------------------------ one step

    def _next_micro_batches(self) -> list[dict[str, torch.Tensor]]:
        if self.step_in_epoch >= self.sampler.steps_per_epoch:
            self.epoch, self.step_in_epoch = self.epoch + 1, 0
        idx = self.sampler.micro_batches(self.epoch, self.step_in_epoch)
        return [_collate(self.train_set, i, self.pad_to, self.device) for i in idx]

    def train_step(self) -> dict[str, float]:
        """One optimizer step over ``grad_accum_steps`` micro-batches; returns the step's metrics."""
        cfg, acc = self.cfg, self.accelerator
        batches = self._next_micro_batches()
        # Supervised tokens of the whole step, over all processes: the loss normaliser (module docstring).
        local_count = sum((b["labels"] != IGNORE_INDEX).sum() for b in batches)
        global_count = acc.reduce(local_count.to(self.device).float(), "sum").clamp_min(1)
        if self.M > 1 and self.carries is None:
            self.carries = [self.lm.initial_carry(b) for b in batches]
        new_carries = []
        stats = torch.zeros(6, device=self.device)  # lm_sum, sup_tokens, real_tokens, nonfinite, act_steps, halted
        for k, batch in enumerate(batches):
            last = k == len(batches) - 1
            sync = contextlib.nullcontext() if last else acc.no_sync(self.model)
            with sync:
                carry = self.carries[k] if self.M > 1 else self.lm.initial_carry(batch)
                carry, out = self.model(carry, batch)
                if self.M > 1:
                    loss, m = act_loss(out, kind=cfg.train.loss, q_weight=cfg.train.q_loss_weight)
                    loss = loss / len(batches)
                    stats[4] += (out.steps * out.halted).sum()
                    stats[5] += out.halted.sum()
                else:
                    # DDP averages gradients over processes, so scale by their number.
                    loss, m = act_loss(out, kind=cfg.train.loss, normalizer=global_count / self.world)
                stats[0] += m["lm_loss_sum"]
                stats[1] += m["tokens"]
                stats[2] += batch["attention_mask"].sum()
                stats[3] += (~torch.isfinite(loss)).float()
                acc.backward(loss)
            new_carries.append(carry)
        stats = acc.reduce(stats, "sum")
        step_no = self.step + 1
        if stats[3] > 0 or not torch.isfinite(stats[0]):
            self.optimizer.zero_grad(set_to_none=True)
            raise NonFiniteLossError(step_no, "the training loss", self.last_checkpoint)
        max_norm = cfg.optim.grad_clip if cfg.optim.grad_clip is not None else float("inf")
        grad_norm = acc.clip_grad_norm_(self.lm.parameters(), max_norm)
        # fp16's loss scaler skips overflowing steps by itself; elsewhere an Inf/NaN gradient is fatal.
        if not torch.isfinite(torch.as_tensor(grad_norm)) and self.accelerator.mixed_precision != "fp16":
            self.optimizer.zero_grad(set_to_none=True)
            raise NonFiniteLossError(step_no, "the gradient norm", self.last_checkpoint)
        lr = self.scheduler.get_last_lr()[0]
        self.optimizer.step()
        self.scheduler.step()
        self.optimizer.zero_grad(set_to_none=True)
        if self.ema:
            self.ema.update(self.lm)
        if self.M > 1:
            self.carries = new_carries
        self.step, self.step_in_epoch = step_no, self.step_in_epoch + 1
        self.tokens_seen += float(stats[2])
        metrics = {
            "loss": float(stats[0] / stats[1].clamp_min(1)),
            "lr": lr,
            "grad_norm": float(grad_norm),
            "tokens": float(stats[2]),
            "supervised_tokens": float(stats[1]),
        }
        if self.M > 1:
            metrics["act_steps"] = float(stats[4] / stats[5]) if stats[5] > 0 else float("nan")
            metrics["halted_frac"] = float(stats[5]) / (cfg.train.batch_size * len(batches) * self.world)
        return metrics

    # ------------------------------------------------------------------ evaluation

    def evaluate(self) -> float | None:
        """Mean validation loss per supervised token (see :func:`validation_loss`)."""
        if self.val_set is None or len(self.val_set) == 0:
            return None
        bs = self.cfg.logging.eval_batch_size or self.cfg.train.batch_size
        return validation_loss(self.lm, self.val_set, self.accelerator, bs, self.cfg.train.loss)[0]

    # ------------------------------------------------------------------ the loop

    def _banner(self) -> None:
        if not self.is_main:
            return
        cfg, s = self.cfg, self.sampler
        lines = [
            f"run {cfg.run_name}: {cfg.model.arch} with {self.lm.num_parameters() / 1e6:.2f}M parameters "
            f"(M={cfg.model.halt_max_steps}) on {self.world} x {self.device.type}, "
            f"mixed precision {self.accelerator.mixed_precision}",
            f"data: {len(self.train_set)} training examples, {len(self.val_set) if self.val_set else 0} validation, "
            f"seq_len {cfg.data.seq_len}; global batch {s.global_batch} rows "
            f"({cfg.train.batch_size} x {cfg.train.grad_accum_steps} accum x {self.world} proc), "
            f"{s.steps_per_epoch} steps/epoch",
            f"outputs: {self.out_dir}  checkpoints: {self.ckpt_run_dir}",
        ]
        print("\n".join("[train] " + line for line in lines), file=sys.stderr, flush=True)

    def run(self) -> dict[str, Any]:
        """Train to ``train.max_steps``; returns the summary (see :func:`train`)."""
        from tqdm.auto import tqdm

        cfg = self.cfg
        self._banner()
        start_step, losses, window, times, tokens = self.step, [], [], [], []
        last_val = None
        bar = tqdm(total=cfg.train.max_steps, initial=self.step, desc=cfg.run_name, dynamic_ncols=True,
                   disable=True if not (self.is_main and cfg.logging.progress_bar) else None)
        self.model.train()
        interrupted = False
        t_start = time.perf_counter()
        try:
            with _StopFlag() as stop:
                while self.step < cfg.train.max_steps:
                    t0 = time.perf_counter()
                    m = self.train_step()
                    if self.device.type == "cuda":
                        torch.cuda.synchronize(self.device)
                    dt = time.perf_counter() - t0
                    losses.append(m["loss"])
                    window.append(m["loss"])
                    times.append(dt)
                    tokens.append(m["tokens"])
                    bar.update(1)
                    bar.set_postfix(loss=f"{m['loss']:.4f}")
                    record = None
                    if self.step % cfg.logging.every == 0 or self.step == cfg.train.max_steps:
                        record = {"kind": "train", "step": self.step, "epoch": self.epoch, **m,
                                  "loss": sum(window) / len(window), "step_loss": m["loss"],
                                  "step_time_s": dt, "tokens_per_s": m["tokens"] / dt, **_memory_mb(self.device)}
                        self.logger.log(record)
                        window = []
                    if self.step % cfg.logging.eval_every == 0 or self.step == cfg.train.max_steps:
                        last_val = self.evaluate()
                        if last_val is not None:
                            self.logger.log({"kind": "eval", "step": self.step, "val_loss": last_val})
                            if last_val < self.best_val_loss:
                                self.best_val_loss = last_val
                                if cfg.checkpoint.save_best:
                                    self._save_best(last_val)
                    if self.step % cfg.checkpoint.every == 0 or self.step == cfg.train.max_steps:
                        self.save_checkpoint()
                    if self.on_step is not None:
                        self.on_step(self.step, record or m)
                    # Every process must agree to stop at the same step (collectives follow).
                    flag = torch.tensor(float(stop.requested), device=self.device)
                    if self.world > 1:
                        flag = self.accelerator.reduce(flag, "sum")
                    if flag > 0:
                        interrupted = True
                        break
        finally:
            bar.close()
        if interrupted:
            if self.last_checkpoint is None or self.last_checkpoint.name != f"step_{self.step:06d}":
                self.save_checkpoint()
        wall = time.perf_counter() - t_start
        self.logger.close()
        plot = None
        if self.is_main and cfg.logging.plot:
            plot = plot_losses(self.logger.path, self.out_dir / "loss.png")
        steady = times[1:] if len(times) > 1 else times  # the first step pays for warm-up
        summary = {
            "run_name": cfg.run_name,
            "out_dir": str(self.out_dir),
            "checkpoint_dir": str(self.ckpt_run_dir),
            "last_checkpoint": str(self.last_checkpoint) if self.last_checkpoint else None,
            "best_checkpoint": str(self.best_checkpoint) if self.best_checkpoint else None,
            "start_step": start_step,
            "steps": self.step,
            "losses": losses,
            "first_loss": losses[0] if losses else None,
            "last_loss": losses[-1] if losses else None,
            "val_loss": last_val,
            "best_val_loss": None if math.isinf(self.best_val_loss) else self.best_val_loss,
            "tokens_per_s": (sum(tokens[-len(steady):]) / sum(steady)) if steady else None,
            "tokens_seen": self.tokens_seen,
            "train_time_s": wall,
            "num_parameters": self.lm.num_parameters(),
            "metrics_path": str(self.logger.path),
            "plot_path": str(plot) if plot else None,
            "interrupted": interrupted,
        }
        if interrupted:
            raise TrainingInterrupted(self.step, self.last_checkpoint)
        return summary


@torch.no_grad()
def validation_loss(lm: nn.Module, dataset, accelerator, batch_size: int, kind: str = "softmax") -> tuple[float, int]:
    """``(mean loss per supervised token, supervised tokens)`` of ``dataset`` over all processes.

    Uses the evaluation forward (all M segments from a fresh carry), no generation; each process
    takes every ``world``-th example and the sums are all-reduced.
    """
    from hrm_codegen.losses_codegen import token_loss_sum

    rank, world, device = accelerator.process_index, accelerator.num_processes, accelerator.device
    mine = list(range(rank, len(dataset), world))
    total = torch.zeros(2, device=device, dtype=torch.float64)
    was_training = lm.training
    lm.eval()
    try:
        for start in range(0, len(mine), batch_size):
            batch = _collate(dataset, mine[start:start + batch_size], None, device)
            with accelerator.autocast():
                logits = lm(batch["input_ids"], attention_mask=batch["attention_mask"],
                            prefix_lengths=batch["prompt_lengths"]).logits
            s, n = token_loss_sum(logits, batch["labels"], kind=kind)
            total += torch.stack([s.double(), n.double()])
    finally:
        lm.train(was_training)
    total = accelerator.reduce(total, "sum")
    return float(total[0] / total[1].clamp_min(1)), int(total[1])


def evaluate_loss_only(cfg: TrainConfig, checkpoint: str | Path) -> dict[str, Any]:
    """Validation loss of a saved model folder on ``data.validation``: the "evaluate by loss only, no
    generation" rollback. Writes nothing."""
    from accelerate import Accelerator

    from hrm_codegen.models import load_model
    from hrm_codegen.tokenization import get_tokenizer

    path = Path(checkpoint)
    if not (path / "model.safetensors").is_file():
        raise ConfigError(f"--eval-only: {path} is not a saved model folder (no model.safetensors there)")
    if not cfg.data.validation:
        raise ConfigError("--eval-only needs data.validation (an MBPP split or JSONL path)")
    try:
        acc = Accelerator(mixed_precision=_mixed_precision(cfg.train.mixed_precision), cpu=_cpu_only())
        dataset = build_dataset(cfg.data.validation, "mbpp", get_tokenizer(), cfg.data.seq_len, "data.validation")
        if cfg.data.max_eval_samples is not None and cfg.data.max_eval_samples < len(dataset):
            from torch.utils.data import Subset

            dataset = Subset(dataset, range(cfg.data.max_eval_samples))
        lm = load_model(path, device=acc.device)
        bs = cfg.logging.eval_batch_size or cfg.train.batch_size
        loss, tokens = validation_loss(lm, dataset, acc, bs, cfg.train.loss)
    finally:
        _reset_accelerate_state()
    return {"checkpoint": str(path), "validation": cfg.data.validation, "examples": len(dataset),
            "val_loss": loss, "val_tokens": tokens}


def _to_device(obj: Any, device) -> Any:
    """Move the tensors of a carry (dataclass / dict / list of tensors) to ``device``."""
    import dataclasses

    if isinstance(obj, torch.Tensor):
        return obj.to(device)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **{f.name: _to_device(getattr(obj, f.name), device)
                                           for f in dataclasses.fields(obj)})
    if isinstance(obj, dict):
        return {k: _to_device(v, device) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(_to_device(v, device) for v in obj)
    return obj


def _reset_accelerate_state() -> None:
    """Let a later ``train()`` in the same process pick a different precision/device.

    Accelerate keeps one process-wide state; its reset helpers are internal, so failures are ignored.
    The process group (PartialState) is kept: destroying it would break a multi-process caller.
    """
    try:
        from accelerate.state import AcceleratorState, GradientState

        AcceleratorState._reset_state(reset_partial_state=False)
        GradientState._reset_state()
    except Exception:  # pragma: no cover - depends on accelerate internals
        pass


def train(
    cfg: TrainConfig,
    out_dir: str | Path | None = None,
    resume: str | Path | None = None,
    dry_run: bool = False,
    on_step: Callable[[int, dict], None] | None = None,
) -> dict[str, Any]:
    """Train a model as ``cfg`` says and return a summary dict.

    ``out_dir`` defaults to ``runs/<run_name>``; ``resume`` is a checkpoint folder or ``"auto"``
    (newest checkpoint of this run, or a fresh start if none). ``dry_run`` runs 3 steps on a handful
    of samples with every output in a temporary folder, checks that the checkpoint reloads to the
    same logits, and deletes the folder. ``on_step(step, metrics)`` is called after every step.

    Summary keys: ``run_name, out_dir, checkpoint_dir, last_checkpoint, best_checkpoint, start_step,
    steps, losses`` (per step of this call), ``first_loss, last_loss, val_loss, best_val_loss,
    tokens_per_s, tokens_seen`` (non-padding tokens of all processes since step 0),
    ``train_time_s, num_parameters, metrics_path, plot_path, interrupted``.

    Raises ``ConfigError`` (bad config, unwritable folder, missing checkpoint; raised before
    training), :class:`NonFiniteLossError` and :class:`TrainingInterrupted`.
    """
    if dry_run:
        return _dry_run(cfg, on_step)
    out = Path(out_dir) if out_dir is not None else Path("runs") / cfg.run_name
    try:
        trainer = Trainer(cfg, out, resume, on_step)
        return trainer.run()
    finally:
        _reset_accelerate_state()


def _dry_run(cfg: TrainConfig, on_step) -> dict[str, Any]:
    from accelerate import PartialState

    from hrm_codegen.models import load_model

    state = PartialState(cpu=_cpu_only())
    tmp = Path(tempfile.mkdtemp(prefix="hrm-codegen-dry-run-")) if state.is_main_process else None
    if state.num_processes > 1:  # every process must use the main process's temporary folder
        from accelerate.utils import broadcast_object_list

        tmp = Path(broadcast_object_list([str(tmp) if tmp else None])[0])
    try:
        dcfg = _dry_run_config(cfg, tmp, state.num_processes)
        trainer = Trainer(dcfg, tmp / "run", None, on_step)
        summary = trainer.run()
        # The checkpoint must rebuild the same model: compare logits on one validation-like batch.
        if state.is_main_process:
            ckpt = Path(summary["last_checkpoint"])
            reloaded = load_model(ckpt, device=trainer.device).eval()
            batch = _collate(trainer.train_set, [0, 1], None, trainer.device)
            trainer.lm.eval()
            with torch.no_grad():
                a = trainer.lm(batch["input_ids"], attention_mask=batch["attention_mask"],
                               prefix_lengths=batch["prompt_lengths"]).logits
                b = reloaded(batch["input_ids"], attention_mask=batch["attention_mask"],
                             prefix_lengths=batch["prompt_lengths"]).logits
            summary["reload_max_abs_diff"] = float((a.float() - b.float()).abs().max())
            if summary["reload_max_abs_diff"] > 1e-4:
                raise RuntimeError(f"dry run: checkpoint {ckpt} reloads to different logits "
                                   f"(max |diff| {summary['reload_max_abs_diff']:.3g})")
        summary["dry_run"] = True
        return summary
    finally:
        _reset_accelerate_state()
        state.wait_for_everyone()
        if state.is_main_process and tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


# =====================================================================================  CLI


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hrm-codegen train",
        description="Train HRM or the baseline transformer on MBPP-format data (Accelerate: one CPU, one GPU, "
                    "or `accelerate launch` for several).",
        epilog="Overrides use dotted keys of the config, e.g. optim.lr=3e-4 model.hidden_size=128 train.max_steps=200. "
               f"Exit codes: 0 done, 2 config/folder error, 3 non-finite loss ({ROLLBACK_HINT}), 130 interrupted.",
    )
    p.add_argument("-c", "--config", default="hrm-27m", help="YAML config (path, or a name in configs/); default hrm-27m")
    p.add_argument("overrides", nargs="*", metavar="key=value", help="config overrides")
    p.add_argument("--out", help="run folder for metrics/plots (default runs/<run_name>)")
    p.add_argument("--resume", metavar="PATH|auto", help="continue from a checkpoint folder, or the newest one ('auto')")
    p.add_argument("--dry-run", action="store_true", help="3 steps on a handful of samples, outputs in a temp folder")
    p.add_argument("--print-config", action="store_true", help="print the validated config and exit")
    p.add_argument("--eval-only", metavar="CHECKPOINT",
                   help="no training: print the validation loss of a saved model folder (no generation)")
    return p


def main(argv: list[str] | None = None) -> int:
    """``hrm-codegen train`` / ``scripts/train_codegen.py``; returns the exit code."""
    try:
        # intermixed: overrides may come before, between or after the options
        args = _parser().parse_intermixed_args(argv)
    except SystemExit as e:  # --help, or a usage error argparse already printed
        return int(e.code or 0)
    try:
        cfg = load_train_config(args.config, args.overrides)
        if args.print_config:
            print(dump_config(cfg), end="")
            return EXIT_OK
        if args.eval_only:
            summary = evaluate_loss_only(cfg, args.eval_only)
        else:
            summary = train(cfg, out_dir=args.out, resume=args.resume, dry_run=args.dry_run)
    except ConfigError as e:
        print(f"hrm-codegen train: error: {e}", file=sys.stderr)
        return EXIT_USER_ERROR
    except NonFiniteLossError as e:
        print(f"hrm-codegen train: error: {e}", file=sys.stderr)
        return EXIT_NONFINITE
    except TrainingInterrupted as e:
        print(f"hrm-codegen train: {e}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        print("hrm-codegen train: aborted (no checkpoint written by this interrupt)", file=sys.stderr)
        return EXIT_INTERRUPTED
    from accelerate import PartialState

    if PartialState(cpu=_cpu_only()).is_main_process:
        brief = {k: v for k, v in summary.items() if k != "losses"}
        print(json.dumps(brief, indent=2))
    return EXIT_OK


__all__ = [
    "AdamATan2", "CheckpointConfig", "DataConfig", "EMA", "LoggingConfig", "NonFiniteLossError", "OptimConfig",
    "ScheduleConfig", "StepSampler", "TrainConfig", "TrainSection", "TrainingInterrupted", "build_optimizer",
    "evaluate_loss_only", "list_checkpoints", "load_train_config", "lr_factor", "main", "parse_override", "plot_losses", "train", "validation_loss",
]
