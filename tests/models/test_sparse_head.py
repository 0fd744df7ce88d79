"""The trainer's sparse LM head (``train_forward(..., supervised_only=True)``) is the full head, restricted.

The trainer computes logits only where ``labels != -100``; the loss, its metrics and every
parameter gradient must equal those of the full ``[B, S, V]`` logits (fp32, up to rounding).
"""

from __future__ import annotations

import pytest
import torch
from model_helpers import TINY, tiny_model

from hrm_codegen.tokenization import IGNORE_INDEX
from hrm_codegen.training.losses import act_loss

VARIANTS = {
    "hrm_M1": dict(),
    "hrm_M2": dict(halt_max_steps=2),
    "hrm_M2_prefix_pre": dict(halt_max_steps=2, attention="prefix", norm_style="pre"),
    "transformer": dict(arch="transformer"),
    "transformer_pre": dict(arch="transformer", norm_style="pre"),
}


def _batch(seed: int, B: int = 4, S: int = 12) -> dict[str, torch.Tensor]:
    """Right-padded rows with prompt targets masked, one row with no supervised token at all."""
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, TINY["vocab_size"], (B, S), generator=g)
    mask = torch.ones(B, S, dtype=torch.long)
    mask[0, 8:] = 0
    mask[2, 5:] = 0
    labels = ids.roll(-1, 1).masked_fill(mask == 0, IGNORE_INDEX)
    prompt_lengths = torch.tensor([3, 5, 5, 2])
    for b, p in enumerate(prompt_lengths.tolist()):
        labels[b, : p - 1] = IGNORE_INDEX
    labels[2] = IGNORE_INDEX  # an unsupervised row: must not break the per-row Q target
    return {"input_ids": ids, "labels": labels, "attention_mask": mask, "prompt_lengths": prompt_lengths}


def _loss_and_grads(model, carries, batches, supervised_only: bool):
    """Run one ACT segment per batch (carrying state), summing ``act_loss``; return loss, metrics, grads."""
    model.zero_grad(set_to_none=True)
    torch.manual_seed(123)  # the same halting exploration draws in both runs
    carry, total, metrics = carries, 0.0, []
    for batch in batches:
        carry, out = model.train_forward(carry, batch, supervised_only=supervised_only)
        if supervised_only:
            assert out.logits.shape == (int((out.labels != IGNORE_INDEX).sum()), TINY["vocab_size"])
        else:
            assert out.logits.shape == (*out.labels.shape, TINY["vocab_size"])
        loss, m = act_loss(out, normalizer=torch.tensor(17.0))
        total = total + loss
        metrics.append(m)
    total.backward()
    grads = {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}
    return total.detach(), metrics, grads


@pytest.mark.parametrize("name", list(VARIANTS))
def test_sparse_head_matches_full_logits(name):
    model = tiny_model(**VARIANTS[name], halt_exploration_prob=0.5).train()
    batches = [_batch(0), _batch(1), _batch(2)]  # M=2: the second segment carries the first's rows
    carry = model.initial_carry(batches[0])
    full_loss, full_m, full_g = _loss_and_grads(model, carry, batches, supervised_only=False)
    sparse_loss, sparse_m, sparse_g = _loss_and_grads(model, carry, batches, supervised_only=True)
    torch.testing.assert_close(sparse_loss, full_loss, rtol=1e-6, atol=1e-6)
    for a, b in zip(sparse_m, full_m):
        assert a.keys() == b.keys()
        for k in a:
            torch.testing.assert_close(a[k], b[k], rtol=1e-6, atol=1e-6, msg=f"metric {k}")
    assert sparse_g.keys() == full_g.keys() and "lm_head.weight" in full_g
    for n in full_g:
        torch.testing.assert_close(sparse_g[n], full_g[n], rtol=1e-5, atol=1e-7, msg=f"grad of {n}")
    if model.config.halt_max_steps > 1:
        assert "q_halt_loss" in full_m[0]  # the Q losses (per-row targets) were part of the comparison


def test_sparse_head_skips_unsupervised_positions():
    """Packed logits are exactly the full logits at the supervised positions, in row-major order."""
    model = tiny_model()
    batch = _batch(0)
    carry = model.initial_carry(batch)
    _, full = model.train_forward(carry, batch)
    _, sparse = model.train_forward(carry, batch, supervised_only=True)
    keep = batch["labels"] != IGNORE_INDEX
    torch.testing.assert_close(sparse.logits, full.logits[keep])
    assert torch.equal(sparse.labels, batch["labels"])  # labels stay [B, S]: rows and targets follow from them
