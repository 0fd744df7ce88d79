"""What each step trains on: the datasets named by ``data.*`` and the order rows are drawn in."""

from __future__ import annotations

import os
from pathlib import Path

import torch
from torch.utils.data import ConcatDataset, Subset

from hrm_codegen.data.datasets import MBPPDataset, PackedCodeDataset, PackedMBPPDataset, collate_batch
from hrm_codegen.errors import ConfigError


def _is_path_like(spec: str) -> bool:
    # A spec is a file when it looks like one; otherwise it is an MBPP split name.
    return spec.endswith((".jsonl", ".json", ".txt")) or "/" in spec or os.sep in spec


def build_dataset(spec: str | list[str], kind: str, tokenizer, seq_len: int, key: str, def_line_weight: float = 1.0):
    """The dataset for ``data.train`` / ``data.validation`` (``key`` names the config key in errors);
    ``def_line_weight`` as ``data.def_line_weight`` (MBPP-format data)."""
    specs = [spec] if isinstance(spec, str) else list(spec)
    if not specs:
        raise ConfigError(f"{key} is empty")
    parts = []
    for s in specs:
        if _is_path_like(s) and not Path(s).exists():
            raise ConfigError(f"{key}: file {s} not found")
        if kind == "packed":
            parts.append(PackedCodeDataset(s, tokenizer, seq_len))
        else:
            try:
                parts.append(MBPPDataset(s, tokenizer, seq_len, def_line_weight=def_line_weight))
            except ValueError as e:  # unknown split names, malformed files
                raise ConfigError(f"{key}: {e}") from None
    return parts[0] if len(parts) == 1 else ConcatDataset(parts)


def build_train_set(cfg, tokenizer):
    """``data.train`` as the trainer draws its rows: built, cut to ``data.max_samples``, packed when
    ``data.pack``. Returns ``(dataset, number of examples before packing)``; arms matched in compute
    (:mod:`hrm_codegen.arms`) measure their rows from this same function."""
    data = cfg.data
    train_set = build_dataset(data.train, data.kind, tokenizer, data.seq_len, "data.train",
                              def_line_weight=data.def_line_weight)
    if data.max_samples is not None and data.max_samples < len(train_set):
        train_set = Subset(train_set, range(data.max_samples))
    n_examples = len(train_set)
    if data.pack:
        train_set = PackedMBPPDataset(train_set, data.seq_len, seed=cfg.train.seed)
    return train_set, n_examples


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


def collate_to(dataset, indices: list[int], pad_to: int | None, device) -> dict[str, torch.Tensor]:
    """The rows ``indices`` of ``dataset`` padded into one batch (:func:`collate_batch`) on ``device``."""
    batch = collate_batch([dataset[i] for i in indices], pad_to=pad_to)
    return {k: v.to(device, non_blocking=True) for k, v in batch.items()}
