"""A synthetic copy task, and a small training loop that measures how fast a model learns it.

Each sequence is ``x_1 .. x_n SEP x_1 .. x_n``; the tokens are drawn (with replacement) from a
pool of ids, and the loss and accuracy cover the copy half only: position ``n`` (SEP) predicts
``x_1`` and position ``n + k`` predicts ``x_{k+1}``. With a fixed span (``min_span == max_span``)
a head that attends a fixed distance back solves it; with variable spans the model must find the
token after the previous occurrence of the current one (an induction head), which is what a code
model needs to copy a function name from the prompt's asserts into ``def NAME(``.

Batches are right-padded without an attention mask: under causal attention no real position sees
the padding, and its labels are ``-100``. ``benchmarks/copy_bench.py`` and
``tests/test_copy_task.py`` share this module.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

import torch

from hrm_codegen.tokenization import IGNORE_INDEX
from hrm_codegen.training.losses import token_loss_sum

# The small model every copy experiment starts from; overrides replace keys. ``vocab_size`` is
# small so that the LM head does not dominate a CPU step (the task only uses ids < 1501).
COPY_MODEL = dict(vocab_size=1536, hidden_size=128, num_heads=4, expansion=4.0, H_layers=2, L_layers=2,
                  H_cycles=2, L_cycles=2, halt_max_steps=1, num_layers=4, max_seq_len=64)


@dataclass
class CopyTask:
    """Sequences ``x_1..x_n SEP x_1..x_n`` with ``n`` uniform in ``[min_span, max_span]``."""

    min_span: int = 10
    max_span: int = 10
    pool: tuple[int, int] = (1000, 1500)
    """Token ids are drawn uniformly from ``range(*pool)``."""
    sep_id: int = 1500
    pad_id: int = 0

    @classmethod
    def named(cls, name: str) -> CopyTask:
        """``fixed`` (always 10 tokens) or ``variable`` (3-16 tokens: an induction task)."""
        if name == "fixed":
            return cls(10, 10)
        if name == "variable":
            return cls(3, 16)
        raise ValueError(f"unknown copy task {name!r} (fixed | variable)")

    @property
    def seq_len(self) -> int:
        """Padded length of a batch: ``2 * max_span + 1``."""
        return 2 * self.max_span + 1

    @property
    def chance_loss(self) -> float:
        """Cross-entropy of guessing uniformly over the pool (``ln(pool size)``)."""
        return math.log(self.pool[1] - self.pool[0])

    def batch(self, batch_size: int, generator: torch.Generator) -> dict[str, torch.Tensor]:
        """``input_ids`` and shifted ``labels`` ``[batch_size, seq_len]`` (copy half supervised only)."""
        S = self.seq_len
        spans = torch.randint(self.min_span, self.max_span + 1, (batch_size,), generator=generator)
        src = torch.randint(*self.pool, (batch_size, self.max_span), generator=generator)
        input_ids = torch.full((batch_size, S), self.pad_id, dtype=torch.long)
        labels = torch.full((batch_size, S), IGNORE_INDEX, dtype=torch.long)
        for b, n in enumerate(spans.tolist()):
            x = src[b, :n]
            input_ids[b, :n] = x
            input_ids[b, n] = self.sep_id
            input_ids[b, n + 1:2 * n + 1] = x
            labels[b, n:2 * n] = x  # position n (SEP) predicts x_1, ..., position 2n-1 predicts x_n
        return {"input_ids": input_ids, "labels": labels}


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
