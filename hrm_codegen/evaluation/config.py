"""What an evaluation is asked to do: :class:`EvalConfig`, one field per ``hrm-codegen evaluate`` option.

The CLI (:mod:`hrm_codegen.evaluation.cli`) maps its flags onto these fields one to one, and the
pipeline builds the same object, so both go through one validation: an unknown key or a bad value
is a :class:`~hrm_codegen.errors.ConfigError` naming the key, before any work.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from hrm_codegen.config import format_validation_error
from hrm_codegen.errors import ConfigError
from hrm_codegen.tasks import BENCHMARKS
from hrm_codegen.tasks.base import task_number
from hrm_codegen.tasks.mbpp import SPLITS

SANITIZED_ALIASES = {f"sanitized-{s}": s for s in SPLITS}
"""``--split sanitized-<split>`` = ``--benchmark mbpp-sanitized --split <split>``."""
SPLIT_CHOICES = (*SPLITS, *SANITIZED_ALIASES)
DEFAULT_OUT_ROOT = Path("runs") / "eval"

BenchmarkName = Literal["mbpp", "mbpp-sanitized", "humaneval"]
SplitName = Literal[SPLIT_CHOICES]  # the split names are MBPP's (tasks.mbpp.SPLITS), written once
assert set(BenchmarkName.__args__) == set(BENCHMARKS)


def parse_task_ids(spec: str) -> set[int]:
    """``"11-20,35"`` -> ``{11, ..., 20, 35}``; also accepts ``Mbpp/35`` and ``HumanEval/3``."""
    ids: set[int] = set()
    for item in spec.split(","):
        item = item.strip()
        if not item.split("/")[-1]:
            continue
        try:
            if "-" in item:
                lo, hi = (task_number(x) for x in item.split("-", 1))
                if lo > hi:
                    raise ValueError
                ids.update(range(lo, hi + 1))
            else:
                ids.add(task_number(item))
        except ValueError:
            raise ConfigError(f"--tasks: {item!r} is not a task id or a range like 11-20") from None
    if not ids:
        raise ConfigError("--tasks selects no task")
    return ids


def parse_ks(spec: str) -> list[int]:
    """``"1,10,100"`` -> ``[1, 10, 100]`` (positive integers only)."""
    try:
        ks = sorted({int(x) for x in spec.split(",") if x.strip()})
    except ValueError:
        raise ConfigError(f"--k must be comma-separated positive integers, got {spec!r}") from None
    if not ks or ks[0] < 1:
        raise ConfigError(f"--k must be comma-separated positive integers, got {spec!r}")
    return ks


class EvalConfig(BaseModel):
    """One evaluation: what to score (a checkpoint or a samples file), on which tasks, and how.

    Exactly one of ``checkpoint`` (generate ``n`` samples per task with it) and ``samples`` (a JSONL
    of ``task_id`` + ``completion`` or ``solution``) is set. ``k`` accepts ``"1,10"`` as the CLI
    does. ``split: sanitized-<s>`` becomes ``benchmark: mbpp-sanitized, split: <s>``, and HumanEval's
    one split is ``test``. ``out`` defaults to :func:`default_out`. Constructing one with a bad or
    unknown key raises :class:`~hrm_codegen.errors.ConfigError` naming it.
    """

    model_config = ConfigDict(extra="forbid")

    checkpoint: str | None = None
    ema: bool = False
    """Generate with the checkpoint's EMA weights (its ``ema/`` model folder, written with ``train.ema_decay``)."""
    prompt_tokens: bool = True
    """A tied compact head may also emit its prompt's other tokens (``generate(score_prompt_tokens=...)``)."""
    samples: str | None = None
    benchmark: BenchmarkName = "mbpp"
    split: SplitName = "test"
    tasks: str | None = None
    k: list[int] = Field(default_factory=lambda: [1])
    n: int = Field(1, ge=1)
    temperature: float = 0.0
    top_p: float | None = None
    top_k: int | None = None
    max_new_tokens: int = Field(256, ge=1)
    batch_size: int = Field(16, ge=1)
    seed: int = 0
    device: str | None = None
    extra_tests: bool = True
    reference_check: bool = True
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    timeout: float = Field(10.0, gt=0)
    memory_mb: int = Field(4096, ge=1)
    out: str | None = None

    def __init__(self, **data: Any):
        try:
            super().__init__(**data)
        except ValidationError as err:
            lines = format_validation_error(err, type(self), "evaluation options").split("\n")
            raise ConfigError(lines[0] + " " + "; ".join(line.strip() for line in lines[1:])) from None

    @field_validator("k", mode="before")
    @classmethod
    def _parse_k(cls, value: Any) -> Any:
        """``"1,10"`` (the CLI's form) or a list of positive integers -> sorted, without repeats."""
        if isinstance(value, str):
            return parse_ks(value)
        if isinstance(value, (list, tuple)) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            return parse_ks(",".join(str(v) for v in value))
        return value

    @field_validator("tasks")
    @classmethod
    def _check_tasks(cls, value: str | None) -> str | None:
        if value is not None:
            parse_task_ids(value)
        return value

    @model_validator(mode="after")
    def _check_combination(self) -> EvalConfig:
        if (self.checkpoint is None) == (self.samples is None):
            raise ValueError("give exactly one of checkpoint (--checkpoint) and samples (--samples)")
        if self.ema and not self.checkpoint:
            raise ValueError("ema (--ema) needs a checkpoint (--checkpoint)")
        if self.checkpoint and self.k[-1] > self.n:
            raise ValueError(f"--k {self.k[-1]} needs at least that many samples per task; --n is {self.n}")
        benchmark, split = self.benchmark, self.split
        if split in SANITIZED_ALIASES:
            if benchmark not in ("mbpp", "mbpp-sanitized"):
                raise ValueError(f"--split {split} is an MBPP split; --benchmark is {benchmark}")
            benchmark, split = "mbpp-sanitized", SANITIZED_ALIASES[split]
        if benchmark == "humaneval" and split not in ("test", "all"):
            raise ValueError(f"HumanEval has one split (test), not {split!r}")
        if benchmark == "humaneval":
            split = "test"
        self.benchmark, self.split = benchmark, split
        return self


def default_out(cfg: EvalConfig) -> Path:
    """``runs/eval/<name>-<benchmark>-<split>``: the checkpoint's folder name (with its run) or the samples file's stem."""
    if cfg.checkpoint:
        ckpt = Path(cfg.checkpoint).resolve()
        name = f"{ckpt.parent.name}-{ckpt.name}" if ckpt.name.startswith("step_") else ckpt.name
    else:
        name = Path(cfg.samples).stem
    return DEFAULT_OUT_ROOT / f"{name}-{cfg.benchmark}-{cfg.split}"
