"""Which module applications of a segment back-propagate (``grad_last_k`` and ``grad_order``)."""

import pytest
import torch
from model_helpers import tiny_model


def _grad_trace(lm):
    """Run one training forward + backward and record, per module application, whether it had gradient."""
    trace = []
    for name in ("L_level", "H_level"):
        module = getattr(lm, name)
        original = module.forward

        def wrapped(*args, _original=original, _name=name, **kwargs):
            trace.append((_name[0], torch.is_grad_enabled()))
            return _original(*args, **kwargs)

        module.forward = wrapped
    lm.train()
    ids = torch.randint(0, 60, (2, 6), generator=torch.Generator().manual_seed(0))
    lm(ids).logits.float().pow(2).mean().backward()
    return trace


@pytest.mark.parametrize("order,k,want", [
    ("execution", 2, "L- L- H- L- L+ H+"),  # HRM's one-step gradient
    ("execution", 3, "L- L- H- L+ L+ H+"),
    ("h_first", 2, "L- L- H- L- L+ H+"),
    ("h_first", 3, "L- L- H+ L- L+ H+"),  # HRM-Text: H takes K-1 of the K, L the rest from the end
    ("h_first", 4, "L- L- H+ L+ L+ H+"),
    ("h_first", 6, "L+ L+ H+ L+ L+ H+"),
    ("execution", 6, "L+ L+ H+ L+ L+ H+"),
])
def test_grad_modules(order, k, want):
    lm = tiny_model(H_cycles=2, L_cycles=2, grad_last_k=k, grad_order=order)
    got = " ".join(f"{m}{'+' if g else '-'}" for m, g in _grad_trace(lm))
    assert got == want
    assert lm.grad_modules() == {i for i, tok in enumerate(want.split()) if tok.endswith("+")}


def test_the_trainers_k_overrides_grad_last_k():
    lm = tiny_model(H_cycles=2, L_cycles=2, grad_last_k=5, grad_order="h_first")
    lm.grad_k = 3  # what train.grad_k_warmup sets early in training
    assert " ".join(f"{m}{'+' if g else '-'}" for m, g in _grad_trace(lm)) == "L- L- H+ L- L+ H+"
