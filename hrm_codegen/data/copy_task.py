"""A synthetic copy task (the data; :mod:`hrm_codegen.training.copy_run` trains a model on it).

Each sequence is ``x_1 .. x_n SEP x_1 .. x_n``; the tokens are drawn (with replacement) from a
pool of ids, and the loss and accuracy cover the copy half only: position ``n`` (SEP) predicts
``x_1`` and position ``n + k`` predicts ``x_{k+1}``. With a fixed span (``min_span == max_span``)
a head that attends a fixed distance back solves it; with variable spans the model must find the
token after the previous occurrence of the current one (an induction head), which is what a code
model needs to copy a function name from the prompt's asserts into ``def NAME(``.

Batches are right-padded without an attention mask: under causal attention no real position sees
the padding, and its labels are ``-100``. ``benchmarks/copy_bench.py`` and
``tests/training/test_copy_task.py`` share it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from hrm_codegen.tokenization import IGNORE_INDEX

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
