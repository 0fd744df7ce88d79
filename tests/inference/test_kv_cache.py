"""The per-application KV cache: cached decoding reproduces the full recompute exactly (fp32/fp64)."""

from __future__ import annotations

import pytest
import torch
from model_helpers import TINY, left_padded, tiny_model

CASES = {
    "hrm_M1": dict(),
    "hrm_M2": dict(halt_max_steps=2),
    "hrm_prefix_M2": dict(halt_max_steps=2, attention="prefix"),
    "hrm_learned_pre": dict(pos_encodings="learned", norm_style="pre"),
    "transformer": dict(arch="transformer"),
    "transformer_prefix": dict(arch="transformer", attention="prefix"),
    "hrm_copy_head_M2": dict(copy_head=True, halt_max_steps=2),
    "transformer_copy_head": dict(arch="transformer", copy_head=True),
}


def _decode_with_cache(model, ids, mask, prompt_len, prefix_lengths):
    """Prefill ids[:, :prompt_len], then feed the remaining columns one at a time; returns all logits."""
    B, S = ids.shape
    cache = model.new_kv_cache(B, S)
    kwargs = dict(prefix_lengths=prefix_lengths) if prefix_lengths is not None else {}
    out = [model(ids[:, :prompt_len], attention_mask=mask[:, :prompt_len], kv_cache=cache, **kwargs).logits]
    for t in range(prompt_len, S):
        out.append(model(ids[:, t:t + 1], attention_mask=mask[:, : t + 1], kv_cache=cache, cache_position=t,
                         **kwargs).logits)
    return torch.cat(out, dim=1)


@pytest.mark.parametrize("name", list(CASES))
def test_cached_decode_matches_full_recompute(name):
    """Left-padded prompts of different lengths, decoded token by token, give the full-forward logits."""
    model = tiny_model(**CASES[name])
    torch.manual_seed(0)
    V = TINY["vocab_size"]
    prompts = [torch.randint(0, V, (n,)).tolist() for n in (7, 4, 9)]
    ids, mask = left_padded(prompts)
    new = torch.randint(0, V, (3, 20))
    full_ids = torch.cat([ids, new], 1)
    full_mask = torch.cat([mask, torch.ones_like(new)], 1)
    prefix = torch.tensor([len(p) for p in prompts]) if "prefix" in name else None
    kwargs = dict(prefix_lengths=prefix) if prefix is not None else {}
    with torch.no_grad():
        reference = model(full_ids, attention_mask=full_mask, **kwargs).logits
        cached = _decode_with_cache(model, full_ids, full_mask, ids.shape[1], prefix)
    real = full_mask.bool()
    torch.testing.assert_close(cached[real], reference[real], atol=1e-4, rtol=1e-4)
    # Each padded prompt also matches the prompt run alone (left padding is invisible).
    with torch.no_grad():
        alone = model(torch.tensor([prompts[1]]), **({"prefix_lengths": prefix[1:2]} if prefix is not None else {}))
    torch.testing.assert_close(reference[1, ids.shape[1] - 4: ids.shape[1]], alone.logits[0], atol=1e-4, rtol=1e-4)


def test_chunked_prefill_matches():
    """Writing the cache in chunks of several tokens (cache_position > 0, T > 1) is exact too."""
    model = tiny_model(halt_max_steps=2)
    ids = torch.randint(0, TINY["vocab_size"], (2, 18))
    cache = model.new_kv_cache(2, 18)
    with torch.no_grad():
        reference = model(ids).logits
        chunks = [model(ids[:, a:b], kv_cache=cache, cache_position=a).logits for a, b in ((0, 5), (5, 12), (12, 18))]
    torch.testing.assert_close(torch.cat(chunks, 1), reference, atol=1e-5, rtol=1e-5)


def test_cache_layout_and_repeat_interleave():
    model = tiny_model(halt_max_steps=2)
    per_segment = TINY["H_cycles"] * (TINY["L_cycles"] * TINY["L_layers"] + TINY["H_layers"])
    assert model.num_block_applications == 2 * per_segment
    cache = model.new_kv_cache(2, 16)
    assert cache.keys.shape == (2 * per_segment, 2, TINY["num_heads"], 16, TINY["hidden_size"] // TINY["num_heads"])
    ids = torch.randint(0, TINY["vocab_size"], (2, 6))
    nxt = torch.randint(0, TINY["vocab_size"], (2, 1))
    with torch.no_grad():
        model(ids, kv_cache=cache)
        repeated = cache.repeat_interleave(3)
        assert repeated.batch_size == 6
        step = model(nxt.repeat_interleave(3, 0), kv_cache=repeated, cache_position=6).logits
        reference = model(torch.cat([ids, nxt], 1)).logits[:, -1:]
    torch.testing.assert_close(step, reference.repeat_interleave(3, 0), atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(repeated.index_select(torch.tensor([3])).keys[..., :6, :], cache.keys[:, 1:2, :, :6])


@pytest.mark.parametrize("name", ["hrm_M2", "transformer", "hrm_copy_head_M2"])
def test_kv_cache_bytes_per_token_is_what_new_kv_cache_allocates(name):
    model = tiny_model(**CASES[name])
    B, S = 3, 10
    for dtype, size in ((torch.float32, 4), (torch.bfloat16, 2)):
        cache = model.new_kv_cache(B, S, dtype=dtype)
        held = sum(t.numel() * t.element_size() for t in (cache.keys, cache.values, cache.copy_keys, cache.copy_ids)
                   if t is not None)
        assert model.kv_cache_bytes_per_token(size) * B * S == held


def test_cache_errors_are_clear():
    model = tiny_model()
    ids = torch.zeros(2, 4, dtype=torch.long)
    with pytest.raises(ValueError, match="rows"):
        model(ids, kv_cache=model.new_kv_cache(3, 8))
    with pytest.raises(ValueError, match="slots"):
        model(ids, kv_cache=model.new_kv_cache(2, 8), cache_position=6)
    with pytest.raises(ValueError, match="max_seq_len"):
        model.new_kv_cache(1, TINY["max_seq_len"] + 1)
    with pytest.raises(ValueError, match="max_seq_len"):
        model(ids, kv_cache=model.new_kv_cache(2, TINY["max_seq_len"]), cache_position=TINY["max_seq_len"] - 2)


def test_prefix_prompt_must_be_prefilled_at_once():
    model = tiny_model(attention="prefix")
    ids = torch.randint(0, TINY["vocab_size"], (1, 8))
    cache = model.new_kv_cache(1, 8)
    model(ids[:, :3], kv_cache=cache, prefix_lengths=torch.tensor([5]))
    with pytest.raises(ValueError, match="whole prompt"):
        model(ids[:, 3:6], kv_cache=cache, cache_position=3, prefix_lengths=torch.tensor([5]))
