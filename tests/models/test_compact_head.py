"""A compact LM head (``output_vocab_size``): rows for some token ids only, kept in the checkpoint."""

import pytest
import torch
from model_helpers import tiny_model

from hrm_codegen.models import load_model

IDS = [0, 3, 7, 8, 20, 33, 60]


@pytest.mark.parametrize("arch", ["hrm", "transformer"])
def test_logits_are_the_head_rows_scattered_and_minus_inf_elsewhere(arch, tmp_path):
    lm = tiny_model(arch=arch, output_vocab_size=len(IDS))
    lm.set_output_ids(list(reversed(IDS)))  # stored sorted
    assert lm.output_ids.tolist() == IDS
    ids = torch.randint(0, 61, (2, 9), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        logits = lm(ids).logits
    assert logits.shape == (2, 9, 61)
    others = [i for i in range(61) if i not in IDS]
    assert torch.isinf(logits[..., others]).all() and torch.isfinite(logits[..., IDS]).all()
    assert set(logits.argmax(-1).unique().tolist()) <= set(IDS)
    # The checkpoint keeps the ids: a reloaded model gives the same logits.
    lm.save_pretrained(tmp_path / "m")
    again = load_model(tmp_path / "m").eval()
    assert again.output_ids.tolist() == IDS and again.head_index[7] == 2
    with torch.no_grad():
        torch.testing.assert_close(again(ids).logits, logits)


def test_training_targets_become_head_rows_and_unknown_ones_are_ignored():
    lm = tiny_model(output_vocab_size=len(IDS))
    lm.set_output_ids(IDS)
    labels = torch.tensor([[-100, 3, 60, 5, 0]])
    assert lm.head_labels(labels).tolist() == [[-100, 1, 6, -100, 0]]
    batch = {"input_ids": torch.tensor([[1, 2, 3, 4, 5]]), "labels": labels}
    _, out = lm.train_forward(lm.initial_carry(batch), batch, supervised_only=True)
    assert out.logits.shape == (3, len(IDS))  # three targets the head can score
    with pytest.raises(ValueError, match="distinct ids"):
        lm.set_output_ids([1, 2])


@pytest.mark.parametrize("compact", [False, True])
def test_tied_embeddings_score_with_the_input_rows(compact, tmp_path):
    extra = {"output_vocab_size": len(IDS)} if compact else {}
    lm = tiny_model(tie_embeddings=True, **extra)
    if compact:
        lm.set_output_ids(IDS)
    assert lm.lm_head is None and "lm_head.weight" not in lm.state_dict()
    ids = torch.tensor([[5, 9, 14, 3]])
    hidden_rows = lm.embed_tokens.weight[IDS] if compact else lm.embed_tokens.weight
    with torch.no_grad():
        logits = lm(ids).logits
    cols = IDS if compact else list(range(61))
    assert logits[..., cols].shape[-1] == hidden_rows.shape[0]
    # The targets' gradient reaches the embedding rows of the tokens scored (here: the head's rows).
    batch = {"input_ids": ids, "labels": torch.tensor([[-100, 3, 20, 33]])}
    lm.train()
    _, out = lm.train_forward(lm.initial_carry(batch), batch, supervised_only=True)
    torch.nn.functional.cross_entropy(out.logits.float(), out.labels[out.labels >= 0]).backward()
    assert lm.embed_tokens.weight.grad[20].abs().sum() > 0  # 20 is never an input here: only the head reads it
    lm.save_pretrained(tmp_path / "m")
    with torch.no_grad():
        torch.testing.assert_close(load_model(tmp_path / "m").eval()(ids).logits, lm.eval()(ids).logits)
