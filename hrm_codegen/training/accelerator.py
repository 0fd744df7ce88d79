"""The ``Accelerator`` a run uses: device, precision and process group chosen in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from accelerate import Accelerator

from hrm_codegen.errors import ConfigError


def cpu_only() -> bool:
    """True when no GPU is visible (Accelerate then runs on CPU, gloo for several processes)."""
    # Accelerate only sets up multi-process CPU training (gloo) when told it runs on CPU.
    return not torch.cuda.is_available()


def cpu_has_native_bf16(cpuinfo: str | None = None) -> bool:
    """True when this CPU computes bf16 matmuls in hardware (x86 flags ``amx_bf16`` or ``avx512_bf16``).

    Without them oneDNN emulates bf16 and autocast is slower than fp32, so ``auto`` keeps fp32 there.
    ``cpuinfo`` is the text of ``/proc/cpuinfo`` (read when None; other systems count as no).
    """
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text()
        except OSError:
            return False
    flags = set()
    for line in cpuinfo.splitlines():
        if line.startswith("flags"):
            flags.update(line.partition(":")[2].split())
    return bool(flags & {"amx_bf16", "avx512_bf16"})


def resolve_mixed_precision(choice: str) -> str:
    """``train.mixed_precision`` as Accelerate takes it: ``auto`` becomes ``bf16`` on a CUDA GPU with bf16
    or a CPU with native bf16 (:func:`cpu_has_native_bf16`; on this project's 2-core EPYC a 2048x256x50257
    matmul is 3.2x faster, the mini HRM's training step see ``benchmarks/train_bench.py --levers``), else
    ``no`` (fp32, exact)."""
    if choice != "auto":
        return choice
    if torch.cuda.is_available():
        return "bf16" if torch.cuda.is_bf16_supported() else "no"
    return "bf16" if cpu_has_native_bf16() else "no"


def make_accelerator(mixed_precision: str, **kwargs: Any) -> Accelerator:
    """An ``Accelerator`` for ``train.mixed_precision`` (``auto`` resolved) on this machine.

    Accelerate keeps one precision per process; a second run in the same process that asks for a
    different one is a :class:`ConfigError` (Accelerate has no public way to reset its state).
    """
    try:
        return Accelerator(mixed_precision=resolve_mixed_precision(mixed_precision), cpu=cpu_only(), **kwargs)
    except ValueError as e:
        if "already been initialized" not in str(e):
            raise
        raise ConfigError(f"train.mixed_precision: {mixed_precision!r} differs from the precision an earlier run in "
                          "this process used; run it in its own process") from None
