"""The pointer-generator output (``model.copy_head``): normalised log-probabilities, copying ids the
head cannot write, and training log-probabilities equal to the evaluation ones."""

import pytest
import torch
from model_helpers import tiny_model

from hrm_codegen.training.config import TrainConfig

HEAD = [0, 3, 7, 8, 20, 33, 60]


@pytest.mark.parametrize("arch", ["hrm", "transformer"])
def test_logits_are_normalised_log_probabilities(arch):
    lm = tiny_model(arch=arch, copy_head=True)
    ids = torch.randint(0, 61, (2, 9), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        logits = lm(ids).logits
    torch.testing.assert_close(logits.logsumexp(-1), torch.zeros(2, 9), atol=1e-5, rtol=0)


def test_a_compact_head_can_still_copy_an_id_it_lacks_from_the_input():
    lm = tiny_model(copy_head=True, output_vocab_size=len(HEAD))
    lm.set_output_ids(HEAD)
    ids = torch.tensor([[5, 11, 9, 40, 3]])
    with torch.no_grad():
        p = lm(ids).logits.exp()
    seen = torch.zeros(61, dtype=torch.bool)
    seen[HEAD] = True
    for t in range(5):
        seen[ids[0, t]] = True
        assert (p[0, t, ~seen] < 1e-30).all()  # neither in the head nor read yet: no mass
        assert p[0, t, 11] > 1e-6 if t >= 1 else p[0, t, 11] < 1e-30  # 11 is copyable once read at slot 1
    assert (p[0, :, [5, 9, 40]].sum(-1) > 0).all()


@pytest.mark.parametrize("compact", [False, True])
def test_training_log_probabilities_equal_the_evaluation_ones(compact):
    lm = tiny_model(copy_head=True, **({"output_vocab_size": len(HEAD)} if compact else {}))
    if compact:
        lm.set_output_ids(HEAD)
    ids = torch.tensor([[5, 3, 9, 20, 3, 33, 8]])
    labels = torch.tensor([[-100, -100, 20, 3, 33, 8, 60]])
    batch = {"input_ids": ids, "labels": labels}
    with torch.no_grad():
        full = lm(ids).logits[0]
        _, out = lm.train_forward(lm.initial_carry(batch), batch, supervised_only=True)
    targets = labels[0, 2:]
    rows = out.labels[out.labels >= 0]
    torch.testing.assert_close(out.logits.gather(-1, rows[:, None])[:, 0], full[2:].gather(-1, targets[:, None])[:, 0],
                               atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(out.logits.logsumexp(-1), torch.zeros(len(rows)), atol=1e-5, rtol=0)
    if compact:
        assert out.logits.shape[-1] == len(HEAD) + 1  # the last column: mass copied onto ids outside the head


def test_stablemax_is_refused_with_a_copy_head():
    with pytest.raises(ValueError, match="copy_head"):
        TrainConfig.model_validate({"model": {"copy_head": True}, "train": {"loss": "stablemax"}})
