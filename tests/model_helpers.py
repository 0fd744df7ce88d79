"""Tiny model configurations shared by the model tests (fast enough for CI on 2 CPU cores).

Imported as ``model_helpers`` (``tests/conftest.py`` puts ``tests/`` on ``sys.path``; the folder is not a package).
The one-thread fixture they run under is in ``tests/models/conftest.py`` and ``tests/inference/conftest.py``.
"""

from __future__ import annotations

import torch

from hrm_codegen.models import build_model

TINY = dict(
    vocab_size=61, hidden_size=32, num_heads=4, expansion=2.0, H_layers=1, L_layers=2,
    H_cycles=2, L_cycles=2, max_seq_len=48, num_layers=3,
)


def tiny_model(seed: int = 0, dtype: torch.dtype = torch.float32, **overrides):
    """A tiny model in eval mode; ``overrides`` replace keys of ``TINY``."""
    torch.manual_seed(seed)
    return build_model({**TINY, **overrides}).to(dtype).eval()


def left_padded(rows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Left-pad token lists with token 0; returns (input_ids, attention_mask)."""
    S = max(len(r) for r in rows)
    ids = torch.zeros(len(rows), S, dtype=torch.long)
    mask = torch.zeros(len(rows), S, dtype=torch.long)
    for i, r in enumerate(rows):
        ids[i, S - len(r):] = torch.tensor(r)
        mask[i, S - len(r):] = 1
    return ids, mask
