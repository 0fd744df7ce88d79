"""Validation loss: of a model during training, and of a saved model folder (``train --eval-only``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.utils.data import Subset

from hrm_codegen.errors import ConfigError
from hrm_codegen.models import load_model
from hrm_codegen.tokenization import IGNORE_INDEX, get_tokenizer
from hrm_codegen.training.accelerator import make_accelerator
from hrm_codegen.training.config import TrainConfig
from hrm_codegen.training.data import build_dataset, collate_to
from hrm_codegen.training.losses import token_loss_sum


@torch.no_grad()
def validation_loss(lm: nn.Module, dataset, accelerator, batch_size: int, kind: str = "softmax") -> tuple[float, int]:
    """``(mean loss per supervised token, supervised tokens)`` of ``dataset`` over all processes.

    Uses the evaluation forward (all M segments from a fresh carry), no generation; each process
    takes every ``world``-th example and the sums are all-reduced. With a compact LM head
    (``output_ids``) targets it cannot predict are left out (their loss would be infinite).
    """
    rank, world, device = accelerator.process_index, accelerator.num_processes, accelerator.device
    mine = list(range(rank, len(dataset), world))
    total = torch.zeros(2, device=device, dtype=torch.float64)
    was_training = lm.training
    lm.eval()
    try:
        for start in range(0, len(mine), batch_size):
            batch = collate_to(dataset, mine[start:start + batch_size], None, device)
            with accelerator.autocast():
                logits = lm(batch["input_ids"], attention_mask=batch["attention_mask"],
                            prefix_lengths=batch["prompt_lengths"]).logits
            labels = batch["labels"]
            if getattr(lm, "output_ids", None) is not None:
                labels = torch.where(lm.head_labels(labels) < 0, IGNORE_INDEX, labels)
            s, n = token_loss_sum(logits, labels, kind=kind)
            total += torch.stack([s.double(), n.double()])
    finally:
        lm.train(was_training)
    total = accelerator.reduce(total, "sum")
    return float(total[0] / total[1].clamp_min(1)), int(total[1])


def evaluate_loss_only(cfg: TrainConfig, checkpoint: str | Path) -> dict[str, Any]:
    """Validation loss of a saved model folder on ``data.validation``: the "evaluate by loss only, no
    generation" rollback. Writes nothing."""
    path = Path(checkpoint)
    if not (path / "model.safetensors").is_file():
        raise ConfigError(f"--eval-only: {path} is not a saved model folder (no model.safetensors there)")
    if not cfg.data.validation:
        raise ConfigError("--eval-only needs data.validation (an MBPP split or JSONL path)")
    acc = make_accelerator(cfg.train.mixed_precision)
    dataset = build_dataset(cfg.data.validation, "mbpp", get_tokenizer(), cfg.data.seq_len, "data.validation")
    if cfg.data.max_eval_samples is not None and cfg.data.max_eval_samples < len(dataset):
        dataset = Subset(dataset, range(cfg.data.max_eval_samples))
    lm = load_model(path, device=acc.device)
    bs = cfg.logging.eval_batch_size or cfg.train.batch_size
    loss, tokens = validation_loss(lm, dataset, acc, bs, cfg.train.loss)
    return {"checkpoint": str(path), "validation": cfg.data.validation, "examples": len(dataset),
            "val_loss": loss, "val_tokens": tokens}
