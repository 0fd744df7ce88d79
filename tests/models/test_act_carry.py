"""The ACT carry is exact (issue 14): an M = 4 sequence of training segments over a stream of batches,
where halted rows take fresh data and the others keep theirs, gives every example the same
per-segment losses as running that example's segments alone."""

import torch
import torch.nn.functional as F
from model_helpers import tiny_model


def _row_losses(out) -> torch.Tensor:
    """Mean token loss of each row of a full-logits ``TrainOutput``."""
    logits, labels = out.logits.float(), out.labels
    per_token = F.cross_entropy(logits.transpose(1, 2), labels, ignore_index=-100, reduction="none")
    return per_token.sum(-1) / (labels != -100).sum(-1).clamp_min(1)


def test_m4_carried_rows_give_the_losses_of_their_segments_run_alone():
    lm = tiny_model(halt_max_steps=4, halt_exploration_prob=0.0).train()
    torch.nn.init.normal_(lm.q_head.weight, std=0.5)  # varied halting: rows halt after 1..4 segments
    g = torch.Generator().manual_seed(0)
    B, S, n_batches = 3, 12, 7
    stream = []
    for _ in range(n_batches):
        ids = torch.randint(1, 61, (B, S + 1), generator=g)
        labels = ids[:, 1:].clone()
        labels[:, :3] = -100
        stream.append({"input_ids": ids[:, :-1], "labels": labels, "attention_mask": torch.ones(B, S, dtype=torch.long)})

    carry = lm.initial_carry(stream[0])
    slot_example = [None] * B  # (batch index, row) the slot holds
    seen: dict[tuple[int, int], list[float]] = {}
    with torch.no_grad():
        for b, batch in enumerate(stream):
            halted = carry.halted.clone()
            carry, out = lm.train_forward(carry, batch)
            losses = _row_losses(out)
            for r in range(B):
                if halted[r]:
                    slot_example[r] = (b, r)
                seen.setdefault(slot_example[r], []).append(float(losses[r]))
    assert len(seen) > B and any(len(v) > 1 for v in seen.values()) and any(len(v) == 1 for v in seen.values())
    assert max(len(v) for v in seen.values()) <= 4

    with torch.no_grad():
        for (b, r), carried in seen.items():
            alone = {k: v[r:r + 1] for k, v in stream[b].items()}
            c = lm.initial_carry(alone)
            solo = []
            for _ in carried:
                c, out = lm.train_forward(c, alone)
                solo.append(float(_row_losses(out)[0]))
            torch.testing.assert_close(torch.tensor(solo), torch.tensor(carried), rtol=1e-5, atol=1e-5)
