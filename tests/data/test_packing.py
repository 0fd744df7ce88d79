"""Packing several MBPP-format examples per row (``data.pack``): bins, items and the collate."""

import pytest
import torch

from hrm_codegen.data.datasets import MBPPDataset, PackedMBPPDataset, collate_batch, pack_bins
from hrm_codegen.tokenization import IGNORE_INDEX


def test_pack_bins_uses_every_item_once_within_capacity():
    lengths = [int(n) for n in torch.randint(1, 120, (500,), generator=torch.Generator().manual_seed(1))]
    bins = pack_bins(lengths, 256, seed=3)
    assert sorted(i for b in bins for i in b) == list(range(500))
    assert all(sum(lengths[i] for i in b) <= 256 for b in bins)
    # Best fit leaves little room: fewer than 5% more rows than the lower bound.
    assert len(bins) <= 1.05 * sum(lengths) / 256 + 1
    assert pack_bins(lengths, 256, seed=3) == bins  # deterministic
    assert pack_bins(lengths, 256, seed=4) != bins


def test_pack_bins_refuses_an_item_longer_than_a_row():
    with pytest.raises(ValueError, match="1..10"):
        pack_bins([3, 11], 10)


def test_packed_items_concatenate_examples_with_segments_and_restarting_positions(tok):
    base = MBPPDataset("train", tok, seq_len=256)
    packed = PackedMBPPDataset(base, 256, seed=0)
    assert sum(len(b) for b in packed.bins) == len(base)
    assert 0.5 < packed.fill <= 1.0
    row = packed[0]
    start = 0
    for k, i in enumerate(packed.bins[0]):
        it = base[i]
        n = len(it["input_ids"])
        assert torch.equal(row["input_ids"][start:start + n], it["input_ids"])
        assert torch.equal(row["labels"][start:start + n], it["labels"])  # each example's own loss mask
        assert (row["segment_ids"][start:start + n] == k + 1).all()
        assert torch.equal(row["position_ids"][start:start + n], torch.arange(n))
        start += n
    assert start == len(row["input_ids"]) <= 256


def test_collate_puts_segments_in_the_attention_mask(tok):
    packed = PackedMBPPDataset(MBPPDataset("train", tok, seq_len=256), 256, seed=0)
    batch = collate_batch([packed[0], packed[1]], pad_to=256)
    for r in range(2):
        n = len(packed[r]["input_ids"])
        assert torch.equal(batch["attention_mask"][r, :n], packed[r]["segment_ids"])
        assert (batch["attention_mask"][r, n:] == 0).all() and (batch["labels"][r, n:] == IGNORE_INDEX).all()
        assert torch.equal(batch["position_ids"][r, :n], packed[r]["position_ids"])
    assert "position_ids" not in collate_batch([MBPPDataset("train", tok, seq_len=256)[0]])
