"""The ``Accelerator`` a run uses: device, precision and process group chosen in one place."""

from __future__ import annotations

from typing import Any

import torch
from accelerate import Accelerator

from hrm_codegen.errors import ConfigError


def cpu_only() -> bool:
    """True when no GPU is visible (Accelerate then runs on CPU, gloo for several processes)."""
    # Accelerate only sets up multi-process CPU training (gloo) when told it runs on CPU.
    return not torch.cuda.is_available()


def _mixed_precision(choice: str) -> str:
    if choice != "auto":
        return choice
    return "bf16" if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else "no"


def make_accelerator(mixed_precision: str, **kwargs: Any) -> Accelerator:
    """An ``Accelerator`` for ``train.mixed_precision`` (``auto`` resolved) on this machine.

    Accelerate keeps one precision per process; a second run in the same process that asks for a
    different one is a :class:`ConfigError` (Accelerate has no public way to reset its state).
    """
    try:
        return Accelerator(mixed_precision=_mixed_precision(mixed_precision), cpu=cpu_only(), **kwargs)
    except ValueError as e:
        if "already been initialized" not in str(e):
            raise
        raise ConfigError(f"train.mixed_precision: {mixed_precision!r} differs from the precision an earlier run in "
                          "this process used; run it in its own process") from None
