"""Tiny model configurations shared by the model tests (fast enough for CI on 2 CPU cores).

Imported as ``model_helpers`` (pytest puts ``tests/`` on ``sys.path``; the folder is not a package).
"""

from __future__ import annotations

import pytest
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



@pytest.fixture(autouse=True)
def one_thread():
    """Run each test on one intra-op thread (autouse in every module that imports it).

    Tiny models are dominated by per-op overhead, and on a shared 2-core CI box extra threads only
    contend (measured on the loaded dev box: 84 ms vs 13.5 ms per cached decode step, 2 vs 1 threads).
    Restored afterwards, so other test modules keep their own settings.
    """
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)
