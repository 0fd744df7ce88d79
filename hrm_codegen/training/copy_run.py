"""A small training loop that measures how fast a model learns the copy task
(:class:`hrm_codegen.data.copy_task.CopyTask`): steps to a target accuracy, and the curve."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import torch

from hrm_codegen.data.copy_task import CopyTask
from hrm_codegen.tokenization import IGNORE_INDEX
from hrm_codegen.training.losses import token_loss_sum


@dataclass
class CopyRunConfig:
    """The training loop of a copy experiment (AdamW, linear warm-up, then a constant rate)."""

    steps: int = 300
    batch_size: int = 32
    lr: float = 2e-3
    warmup_steps: int = 0
    weight_decay: float = 0.0
    betas: tuple[float, float] = (0.9, 0.95)
    grad_clip: float = 1.0
    seed: int = 0
    eval_every: int = 25
    eval_batch_size: int = 256
    target_accuracy: float = 0.95
    stop_at_target: bool = True
    """Stop at the first evaluation that reaches ``target_accuracy``."""


@dataclass
class CopyResult:
    """What a copy run measured. ``steps_to_target`` is None when the target was never reached."""

    steps_to_target: int | None
    final_accuracy: float
    final_loss: float
    steps_run: int
    seconds: float
    history: list[dict[str, float]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "steps_to_target": self.steps_to_target, "final_accuracy": self.final_accuracy,
            "final_loss": self.final_loss, "steps_run": self.steps_run, "seconds": round(self.seconds, 1),
            "history": self.history,
        }


@torch.no_grad()
def copy_accuracy(model: torch.nn.Module, batch: dict[str, torch.Tensor]) -> tuple[float, float]:
    """Token accuracy and mean loss on the copy half of ``batch``, with the evaluation forward."""
    was_training = model.training
    model.eval()
    logits = model(batch["input_ids"]).logits
    model.train(was_training)
    keep = batch["labels"] != IGNORE_INDEX
    acc = (logits.argmax(-1)[keep] == batch["labels"][keep]).float().mean().item()
    loss_sum, count = token_loss_sum(logits, batch["labels"])
    return acc, (loss_sum / count).item()


def train_copy(model: torch.nn.Module, task: CopyTask, run: CopyRunConfig, log=None) -> CopyResult:
    """Train ``model`` on ``task`` through its ``train_forward`` path; evaluate every ``eval_every`` steps.

    Training batches and the fixed evaluation batch come from separate seeded generators, so a run
    is reproducible from ``run.seed`` (model initialisation is the caller's). ``log``, when given,
    is called with each evaluation record.
    """
    train_gen = torch.Generator().manual_seed(run.seed)
    eval_batch = task.batch(run.eval_batch_size, torch.Generator().manual_seed(10_000 + run.seed))
    decay = [p for p in model.parameters() if p.dim() >= 2]
    other = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": run.weight_decay}, {"params": other, "weight_decay": 0.0}],
        lr=run.lr, betas=run.betas,
    )
    history: list[dict[str, float]] = []
    reached, acc, loss, step = None, 0.0, float("nan"), 0
    start = time.perf_counter()
    model.train()
    for step in range(1, run.steps + 1):
        for group in optimizer.param_groups:
            group["lr"] = run.lr * min(1.0, step / run.warmup_steps) if run.warmup_steps else run.lr
        batch = task.batch(run.batch_size, train_gen)
        _, out = model.train_forward(model.initial_carry(batch), batch, supervised_only=True)
        loss_sum, count = token_loss_sum(out.logits, out.labels)
        optimizer.zero_grad(set_to_none=True)
        (loss_sum / count).backward()
        if run.grad_clip:
            torch.nn.utils.clip_grad_norm_(model.parameters(), run.grad_clip)
        optimizer.step()
        if step % run.eval_every == 0 or step == run.steps:
            acc, loss = copy_accuracy(model, eval_batch)
            record = {"step": step, "accuracy": round(acc, 4), "loss": round(loss, 4),
                      "seconds": round(time.perf_counter() - start, 1)}
            history.append(record)
            if log is not None:
                log(record)
            if reached is None and acc >= run.target_accuracy:
                reached = step
                if run.stop_at_target:
                    break
    return CopyResult(reached, acc, loss, step, time.perf_counter() - start, history)
