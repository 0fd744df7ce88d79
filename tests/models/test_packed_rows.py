"""A packed row (segment ids in ``attention_mask``, restarting positions) computes every example
exactly as a row of its own would: attention never crosses a segment."""

import pytest
import torch
from model_helpers import tiny_model

from hrm_codegen.data.datasets import collate_batch
from hrm_codegen.models.layers import build_attention_mask


def _item(tokens: list[int]) -> dict[str, torch.Tensor]:
    ids = torch.tensor(tokens)
    labels = ids.roll(-1)
    labels[:2] = -100  # a two-token "prompt"
    return {"input_ids": ids, "labels": labels}


def _packed(items: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    return {
        "input_ids": torch.cat([it["input_ids"] for it in items]),
        "labels": torch.cat([it["labels"] for it in items]),
        "segment_ids": torch.cat([torch.full_like(it["input_ids"], k + 1) for k, it in enumerate(items)]),
        "position_ids": torch.cat([torch.arange(len(it["input_ids"])) for it in items]),
    }


@pytest.mark.parametrize("arch,copy_head", [("hrm", False), ("transformer", False), ("hrm", True)])
def test_packed_row_logits_equal_each_example_alone(arch, copy_head):
    lm = tiny_model(arch=arch, max_seq_len=64, copy_head=copy_head)
    g = torch.Generator().manual_seed(0)
    rows = [[_item(torch.randint(0, 61, (n,), generator=g).tolist()) for n in ns] for ns in ([7, 12, 5], [20, 9])]
    batch = collate_batch([_packed(r) for r in rows], pad_token_id=0, pad_to=48)  # row 2 ends in padding
    _, out = lm.train_forward(lm.initial_carry(batch), batch)
    for r, items in enumerate(rows):
        start = 0
        for it in items:
            alone = collate_batch([it], pad_token_id=0)
            _, ref = lm.train_forward(lm.initial_carry(alone), alone)
            n = len(it["input_ids"])
            torch.testing.assert_close(out.logits[r, start:start + n], ref.logits[0, :n], rtol=1e-5, atol=1e-5)
            start += n


def test_a_full_row_of_two_segments_keeps_its_mask():
    # No padding but two segments: the all-visible fast path would let segment 2 see segment 1.
    seg = torch.tensor([[1, 1, 1, 2, 2]])
    mask = build_attention_mask(5, 0, seg, True, None, None, torch.device("cpu")).mask
    assert mask is not None
    expected = torch.tensor([[1, 0, 0, 0, 0], [1, 1, 0, 0, 0], [1, 1, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 1, 1]]).bool()
    assert torch.equal(mask[0, 0], expected)
    assert build_attention_mask(5, 0, torch.ones(1, 5, dtype=torch.long), True, None, None, torch.device("cpu")).is_causal
