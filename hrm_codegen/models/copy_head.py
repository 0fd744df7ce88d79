"""A pointer-generator output (``model.copy_head``): the next token is either written from the LM head
or copied from a position the model can see.

    p(w | t) = g_t * softmax(head(h_t))[w] + (1 - g_t) * sum_{s visible from t, x_s = w} a_ts
    a_t = softmax_s(q(h_t) . k(h_s) / sqrt(D)),   g_t = sigmoid(gate(h_t))

``h`` is the model's last hidden state (``z_H`` for HRM), ``x_s`` the token at slot ``s``; ``s`` ranges
over the slots the blocks' attention lets position ``t`` see (causal, padding, packed segments,
PrefixLM), so causality and packing hold as for the blocks. The model returns ``log p`` as its
logits: already normalised, so cross-entropy, sampling and argmax work on them unchanged.

Why: a model does not emit a token it never had as a training target, however well it reads it
(the softmax pushes every non-target down). MBPP's function names hold such pieces, found only in
the test's asserts; a copy from the prompt needs no output row for them.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from hrm_codegen.models.layers import AttentionMask, trunc_normal_init_


def visible(mask: AttentionMask, batch: int, query_len: int, cache_position: int, device) -> torch.Tensor:
    """``[B, T, K]`` booleans: which key slots each query may attend to (the blocks' rule, dense)."""
    key_len = cache_position + query_len
    if mask.mask is not None:
        return mask.mask[:, 0].expand(batch, query_len, key_len)
    if mask.is_causal:
        q = torch.arange(cache_position, key_len, device=device)[:, None]
        return (torch.arange(key_len, device=device)[None, :] <= q).expand(batch, -1, -1)
    return torch.ones(batch, query_len, key_len, dtype=torch.bool, device=device)


class CopyHead(nn.Module):
    """Query/key projections and the gate of the pointer-generator output (module docstring)."""

    def __init__(self, hidden_size: int):
        super().__init__()
        self.q = nn.Linear(hidden_size, hidden_size, bias=False)
        self.k = nn.Linear(hidden_size, hidden_size, bias=False)
        self.gate = nn.Linear(hidden_size, 1, bias=True)
        for layer in (self.q, self.k, self.gate):
            trunc_normal_init_(layer.weight, std=1.0 / math.sqrt(hidden_size))
        nn.init.zeros_(self.gate.bias)

    def attention(self, hidden: torch.Tensor, input_ids: torch.Tensor, mask: AttentionMask, cache, cache_position: int):
        """Copy attention ``[B, T, K]`` (fp32) over the visible slots and the token ids ``[B, K]`` they hold.

        With a KV cache the new positions' keys and ids are written to it first (slots
        ``cache_position ..``), and the attention covers every slot up to the last new one.
        """
        B, T, _ = hidden.shape
        query, keys, ids = self.q(hidden), self.k(hidden), input_ids
        if cache is not None:
            end = cache_position + T
            cache.copy_keys[:, cache_position:end] = keys.to(cache.copy_keys.dtype)
            cache.copy_ids[:, cache_position:end] = input_ids
            keys, ids = cache.copy_keys[:, :end].to(query.dtype), cache.copy_ids[:, :end]
        scores = (query @ keys.transpose(1, 2)).float() / math.sqrt(query.shape[-1])
        scores = scores.masked_fill(~visible(mask, B, T, cache_position, hidden.device), float("-inf"))
        return scores.softmax(-1), ids

    def mix(self, head_logits: torch.Tensor, hidden: torch.Tensor, attn: torch.Tensor, cols: torch.Tensor,
            extra_cols: int = 0) -> torch.Tensor:
        """``log p`` over the head's columns (plus ``extra_cols`` zero-probability columns).

        ``head_logits [..., C]``, ``hidden [..., D]`` and ``attn [..., K]`` share their leading dims;
        ``cols [..., K]`` is the column each attended slot's token falls in (``C + extra_cols`` columns in
        all). A column no head logit covers gets only copied mass.
        """
        g = torch.sigmoid(self.gate(hidden).float())
        p = g * head_logits.float().softmax(-1)
        if extra_cols:
            p = torch.cat([p, p.new_zeros(*p.shape[:-1], extra_cols)], dim=-1)
        p = p.scatter_add(-1, cols, (1 - g) * attn)
        # log(0) would give -inf and NaN gradients; the smallest normal float keeps both finite.
        return p.clamp_min(torch.finfo(p.dtype).tiny).log()

    def flops_per_token(self, hidden_size: int, context: float) -> float:
        """Forward FLOPs per token: the q/k projections, the scores and the gate."""
        return 2 * 2 * hidden_size * hidden_size + 2 * hidden_size * context + 2 * hidden_size
