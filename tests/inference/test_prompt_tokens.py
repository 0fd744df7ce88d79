"""A tied compact head at generation also scores the tokens each row has read (``score_prompt_tokens``)."""

import torch
from model_helpers import tiny_model

from hrm_codegen.inference import generate

HEAD = [0, 3, 7, 8, 20, 33, 60]  # the compact head's ids; 11, 12, 40, 41 below are read but not in it


def _compact():
    lm = tiny_model(tie_embeddings=True, output_vocab_size=len(HEAD))
    lm.set_output_ids(HEAD)
    return lm


def test_scoring_also_gives_the_full_tied_heads_logits_for_those_ids():
    lm = _compact()
    full = tiny_model(tie_embeddings=True)
    full.load_state_dict({k: v for k, v in lm.state_dict().items() if k != "output_ids"})
    ids = torch.tensor([[5, 11, 9, 40, 3]])
    extra = torch.tensor([11, 40])
    with torch.no_grad():
        want = full(ids).logits
        with lm.scoring_also(extra):
            got = lm(ids).logits
        after = lm(ids).logits
    cols = HEAD + [11, 40]
    torch.testing.assert_close(got[..., cols], want[..., cols])
    assert torch.isinf(got[..., [1, 2, 12]]).all()
    assert torch.isinf(after[..., [11, 40]]).all() and lm.output_ids.tolist() == HEAD  # restored


def test_each_row_emits_only_its_own_prompts_extra_tokens_and_batching_changes_nothing():
    lm = _compact()
    # Make the rows of the read-only ids long, so greedy decoding wants them wherever they are allowed.
    with torch.no_grad():
        for i in (11, 12, 40, 41):
            lm.embed_tokens.weight[i] *= 50
    a = torch.tensor([[11, 12, 5, 6]])
    b = torch.tensor([[40, 41, 5, 6]])
    both = generate(lm, torch.cat([a, b]), max_new_tokens=6)
    alone = torch.cat([generate(lm, a, max_new_tokens=6), generate(lm, b, max_new_tokens=6)])
    assert torch.equal(both, alone)
    for row, own in ((0, {11, 12}), (1, {40, 41})):
        new = set(both[row, 4:].tolist())
        assert new <= set(HEAD) | own
    assert set(both[:, 4:].flatten().tolist()) - set(HEAD), "no read-only token was ever emitted"
    plain = generate(lm, torch.cat([a, b]), max_new_tokens=6, score_prompt_tokens=False)
    assert set(plain[:, 4:].flatten().tolist()) <= set(HEAD)
