"""Checkpoint folders: layout, atomic publication, pruning, finding the one to resume.

A checkpoint ``<checkpoint.dir>/<run_name>/step_XXXXXX/`` holds

* ``model.safetensors`` + ``config.yaml``: the model (``hrm_codegen.models.load_model`` reads it);
* ``train_config.yaml``: the run's validated config;
* ``accelerate/``: what ``Accelerator.save_state`` writes: optimizer, LR scheduler and EMA (both
  registered with ``register_for_checkpointing``) and every process's RNG states; the model is
  not saved twice (a save-state hook drops it: it is the folder's ``model.safetensors``);
* ``trainer_state.pt``: the trainer's own position (step, epoch, data position, best validation
  loss, tokens seen) and rank 0's ACT carry; ``trainer_state_rank<r>.pt`` the carry of rank r;
* ``ema/`` (with ``train.ema_decay``): a loadable model of the averaged weights.

Each is written to a temporary folder and renamed, so a crash never leaves half a checkpoint.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

import torch

from hrm_codegen.errors import ConfigError

STEP_DIR_RE = re.compile(r"^step_(\d+)$")
TRAINER_STATE = "trainer_state.pt"
TRAIN_CONFIG = "train_config.yaml"
ACCELERATE_STATE = "accelerate"
STATE_FORMAT = 2
"""Format 1 (before Accelerate saved the optimizer, scheduler and RNG states) cannot be resumed."""


def list_checkpoints(run_dir: Path) -> list[Path]:
    """``step_XXXXXX`` folders of a run, oldest first (temporary folders are ignored)."""
    if not run_dir.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in run_dir.iterdir() if p.is_dir() and (m := STEP_DIR_RE.match(p.name))]
    return [p for _, p in sorted(found)]


def step_of(path: Path) -> int:
    """The step number in a ``step_XXXXXX`` folder name."""
    return int(STEP_DIR_RE.match(path.name).group(1))


def atomic_publish(tmp: Path, final: Path) -> None:
    """Move a fully written folder into place; an older folder of the same name is replaced."""
    if final.exists():
        trash = final.with_name(f".trash-{final.name}-{os.getpid()}")
        os.replace(final, trash)
        os.replace(tmp, final)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        os.replace(tmp, final)


def torch_load(path: Path) -> Any:
    """A trainer state file, on the CPU."""
    # weights_only=False: the trainer state holds the carry dataclass. The file is one this trainer
    # wrote itself (never load a trainer_state.pt from an untrusted source).
    return torch.load(path, map_location="cpu", weights_only=False)


def find_resume(resume: str | Path | None, ckpt_run_dir: Path) -> Path | None:
    """The checkpoint ``--resume`` names: a folder, or ``auto`` (the newest of this run, or None)."""
    if resume is None:
        return None
    if str(resume) == "auto":
        found = list_checkpoints(ckpt_run_dir)
        return found[-1] if found else None
    path = Path(resume)
    if not (path / TRAINER_STATE).is_file():
        raise ConfigError(f"--resume: {path} is not a training checkpoint (no {TRAINER_STATE} there)")
    return path


def check_resumable(path: Path, state: dict[str, Any], global_batch: int) -> None:
    """Refuse a checkpoint this trainer cannot continue exactly, naming why."""
    if state.get("format") != STATE_FORMAT or not (path / ACCELERATE_STATE).is_dir():
        raise ConfigError(f"--resume: {path} was written by an earlier version of the trainer (state format "
                          f"{state.get('format')}, this one writes {STATE_FORMAT}); its model.safetensors still loads "
                          "(train.init_from, evaluate), but the optimizer state cannot be resumed")
    if state.get("global_batch") != global_batch:
        raise ConfigError(
            f"--resume: {path} was trained with a global batch of {state.get('global_batch')} rows, this run has "
            f"{global_batch} (batch_size x grad_accum_steps x processes); exact resume needs the same"
        )


def prune(ckpt_run_dir: Path, keep: int | None) -> None:
    """Delete all but the newest ``keep`` step checkpoints (``None`` keeps all)."""
    if keep is None:
        return
    for old in list_checkpoints(ckpt_run_dir)[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


def set_aside_newer(ckpt_run_dir: Path, resume_from: Path, step: int) -> Path | None:
    """Resuming an older checkpoint (a rollback): move later ones to ``rolled_back/<time>/``.

    Keep-last pruning and ``--resume auto`` then do not mix the two histories. Nothing is deleted;
    returns the folder they went to (None when there were none).
    """
    if resume_from.resolve().parent != ckpt_run_dir.resolve():
        return None
    newer = [p for p in list_checkpoints(ckpt_run_dir) if step_of(p) > step]
    if not newer:
        return None
    dest = ckpt_run_dir / "rolled_back" / time.strftime("%Y%m%d-%H%M%S")
    dest.mkdir(parents=True, exist_ok=True)
    for p in newer:
        os.replace(p, dest / p.name)
    return dest


def to_device(obj: Any, device) -> Any:
    """Move the tensors of a carry (dataclass / dict / list of tensors) to ``device``."""
    if isinstance(obj, torch.Tensor):
        return obj.to(device)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **{f.name: to_device(getattr(obj, f.name), device)
                                           for f in dataclasses.fields(obj)})
    if isinstance(obj, dict):
        return {k: to_device(v, device) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(to_device(v, device) for v in obj)
    return obj
