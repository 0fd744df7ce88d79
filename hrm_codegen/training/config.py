"""The training configuration: one YAML file validated by :class:`TrainConfig`.

``hrm-codegen train -c NAME`` reads ``hrm_codegen/configs/NAME.yaml`` (or any path); ``key=value``
overrides use dotted keys (``optim.lr=3e-4 model.hidden_size=128``) and go through the same schema,
so a typo fails before anything runs, naming the key.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hrm_codegen.config import CONFIG_DIR, apply_overrides, load_config_file, resolve_config_path, validate
from hrm_codegen.errors import ConfigError
from hrm_codegen.models.config import ModelConfig


class _Section(BaseModel):
    # A typo in a key must fail loudly instead of silently training with a default.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class DataConfig(_Section):
    """What to train and validate on."""

    kind: Literal["mbpp", "packed"] = "mbpp"
    """``mbpp``: MBPP-format prompt -> code examples (loss on the code); ``packed``: raw code packed
    into ``seq_len`` windows (``hrm_codegen.data.datasets.PackedCodeDataset``), for pre-training."""
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
    pack: bool = False
    """Pack several training examples into each ``seq_len`` row (``kind: mbpp``, causal attention):
    each attends only within itself and restarts its positions, so the model sees what it would
    alone, without the padding (``hrm_codegen.data.datasets.PackedMBPPDataset``)."""
    def_line_weight: float = 1.0
    """Loss weight of the tokens of the ``def NAME(...)`` line of the function the asserts call
    (``kind: mbpp`` training data only; validation is always unweighted). Above 1 it makes the
    name the prompt's asserts give, which every pass needs, count more than the body's tokens; the
    loss stays normalised by the supervised-token count, so 1 is the plain loss."""
    compact_head: bool = False
    """Give the LM head rows only for the token ids of the training data (prompts and code), the
    256 single-byte tokens (so any text can still be written) and the tokens of Python identifiers
    (``hrm_codegen.data.vocab``): ``model.output_vocab_size`` is set from the data and the ids are kept
    in the checkpoint. A test-time token outside them cannot be predicted (with the MBPP-shaped
    corpus: ~12k rows instead of 50257; 42 of the 500 MBPP test function names have such a token)."""
    head_ids: Literal["data", "targets"] = "data"
    """Which ids a compact head keeps: ``data`` (above) or ``targets``: only ids the training code
    predicts, plus the single bytes and EOS. An id in the head that is never a target is pushed down
    by every softmax and never emitted; left out, a tied head still scores it at generation when the
    prompt holds it (``generate(score_prompt_tokens=True)``), e.g. a piece of a function name that
    occurs only in the asserts."""


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
    """``auto`` = bf16 on a CUDA GPU that supports it or a CPU with native bf16 (``amx_bf16``/``avx512_bf16``),
    else fp32 (``no``)."""
    compile: bool = False
    """Wrap the model in ``torch.compile`` (needs a C compiler on CPU; best with data.pad_to_seq_len)."""
    ema_decay: float | None = None
    """Keep an exponential moving average of the weights with this decay (e.g. 0.999); null = off."""
    grad_k_warmup: float = Field(0.0, ge=0.0, le=1.0)
    """HRM only: over this fraction of ``max_steps`` the number of module applications that back-propagate
    rises from 2 (the one-step gradient) to ``model.grad_last_k``, one application at a time
    (HRM-Text: 2 -> 5 over the first 0.2, with ``model.grad_order: h_first``). 0 = ``grad_last_k`` throughout."""
    loss: Literal["softmax", "stablemax"] = "softmax"
    """Token cross-entropy: standard softmax or HRM's stablemax."""
    q_loss_weight: float = 0.5
    """Weight of the ACT Q losses for M > 1 (HRM: 0.5)."""
    find_unused_parameters: bool = False
    """DDP's find_unused_parameters (only needed for models with parameters the loss never reaches)."""
    init_from: str | None = None
    """Start from the weights of a saved model folder (``load_model``-compatible, e.g. a previous stage's
    checkpoint) with a fresh optimizer and schedule; ignored when resuming (the checkpoint has the weights)."""

    @field_validator("mixed_precision", mode="before")
    @classmethod
    def _bare_no(cls, value):
        # YAML 1.1 reads a bare `no` as false (train.mixed_precision=no, or `mixed_precision: no`)
        return "no" if value is False else value


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
    signals_every: int | None = None
    """Every N steps (and at the end) complete the first ``signals_tasks`` validation tasks greedily and
    log name-copy, arity, parse and Pass@1 rates (``hrm_codegen.training.signals``); null = off."""
    signals_tasks: int = 90
    signals_max_new_tokens: int = 128
    stop_below: list[tuple[int, float]] = []
    """``[[step, floor], ...]``: stop (with a checkpoint) at the first signals at or after ``step`` whose
    name-copy rate is under ``floor``."""


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
            "data.def_line_weight": self.data.def_line_weight,
        }
        optional_positive = {
            "data.max_samples": self.data.max_samples, "data.max_eval_samples": self.data.max_eval_samples,
            "checkpoint.keep_last": self.checkpoint.keep_last, "logging.eval_batch_size": self.logging.eval_batch_size,
            "logging.signals_every": self.logging.signals_every,
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
        if self.logging.signals_every is not None and not self.data.validation:
            raise ValueError("logging.signals_every needs data.validation (the tasks to complete)")
        if self.data.pack and (self.data.kind != "mbpp" or self.model.attention != "causal"):
            raise ValueError("data.pack needs data.kind: mbpp and model.attention: causal (a PrefixLM prompt "
                             f"is per row), got kind {self.data.kind!r}, attention {self.model.attention!r}")
        if self.data.def_line_weight != 1.0 and self.data.kind != "mbpp":
            raise ValueError(f"data.def_line_weight needs data.kind: mbpp (raw code has no entry point), got {self.data.kind!r}")
        if self.model.copy_head and self.train.loss != "softmax":
            raise ValueError("model.copy_head gives normalised log-probabilities, which train.loss: stablemax "
                             "would re-normalise wrongly; use train.loss: softmax")
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
    loaded = load_config_file(path, "model config")
    raw["model"] = loaded["model"] if isinstance(loaded.get("model"), dict) else loaded


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
