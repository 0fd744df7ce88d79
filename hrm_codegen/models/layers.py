"""Building blocks shared by HRM and the baseline: init, RMSNorm, RoPE, SwiGLU, attention, blocks.

Conventions (HRM): no linear layer has a bias, RMSNorm has no learned scale, weights use a
truncated LeCun-normal init. Attention takes explicit positions and an optional slice of a KV
cache, so the same block serves training, full-recompute evaluation and one-token decoding.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

try:  # flash-attn is optional; SDPA is the default everywhere.
    from flash_attn import flash_attn_func as _flash_attn_func
except Exception:  # pragma: no cover - depends on the machine
    _flash_attn_func = None


# ----------------------------------------------------------------------------- init


def _truncated_std_factor(bound: float) -> float:
    """Std of a standard normal truncated to [-bound, bound]."""
    phi = math.exp(-0.5 * bound * bound) / math.sqrt(2 * math.pi)
    mass = math.erf(bound / math.sqrt(2))
    return math.sqrt(1.0 - 2.0 * bound * phi / mass)


def trunc_normal_init_(tensor: torch.Tensor, std: float, bound: float = 2.0) -> torch.Tensor:
    """Fill ``tensor`` from a normal cut at +-``bound`` std, rescaled so its std is exactly ``std``.

    Cutting the tails shrinks the std (to 0.88x at 2 std); like JAX's truncated LeCun normal, which
    HRM uses, we compensate so that ``std`` really is the std of the weights.
    """
    with torch.no_grad():
        nn.init.trunc_normal_(tensor, mean=0.0, std=1.0, a=-bound, b=bound)
        tensor.mul_(std / _truncated_std_factor(bound))
    return tensor


def lecun_linear(in_features: int, out_features: int) -> nn.Linear:
    """A bias-free linear layer with truncated LeCun-normal weights (std 1/sqrt(fan_in))."""
    layer = nn.Linear(in_features, out_features, bias=False)
    trunc_normal_init_(layer.weight, std=1.0 / math.sqrt(in_features))
    return layer


# ----------------------------------------------------------------------------- norm / MLP


def rms_norm(x: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    """Parameterless RMSNorm, computed in at least fp32 (bf16 squares lose too much precision)."""
    dtype = x.dtype
    x = x.to(torch.promote_types(dtype, torch.float32))
    x = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps)
    return x.to(dtype)


class SwiGLU(nn.Module):
    """``down(silu(gate(x)) * up(x))`` with gate and up fused into one matmul."""

    def __init__(self, hidden_size: int, intermediate_size: int):
        super().__init__()
        self.gate_up_proj = lecun_linear(hidden_size, 2 * intermediate_size)
        self.down_proj = lecun_linear(intermediate_size, hidden_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the gated MLP position-wise."""
        gate, up = self.gate_up_proj(x).chunk(2, dim=-1)
        return self.down_proj(F.silu(gate) * up)


# ----------------------------------------------------------------------------- positions


class RotaryEmbedding(nn.Module):
    """RoPE tables for positions ``0 .. max_seq_len-1``, looked up by explicit position ids."""

    def __init__(self, head_dim: int, max_seq_len: int, theta: float = 10000.0):
        super().__init__()
        inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim))
        freqs = torch.outer(torch.arange(max_seq_len, dtype=torch.float32), inv_freq)
        emb = torch.cat([freqs, freqs], dim=-1)  # [max_seq_len, head_dim], rotate-half layout
        # Not persistent: they are a pure function of the config, so checkpoints need not hold them.
        self.register_buffer("cos", emb.cos(), persistent=False)
        self.register_buffer("sin", emb.sin(), persistent=False)

    def forward(self, position_ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``position_ids [B, T]`` -> ``(cos, sin)`` each ``[B, T, head_dim]``."""
        return self.cos[position_ids], self.sin[position_ids]


def apply_rotary(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Rotate ``x [B, T, H, Dh]`` by the angles of its positions (``cos/sin [B, T, Dh]``)."""
    cos, sin = cos.unsqueeze(2).to(x.dtype), sin.unsqueeze(2).to(x.dtype)
    x1, x2 = x.chunk(2, dim=-1)
    return x * cos + torch.cat([-x2, x1], dim=-1) * sin


# ----------------------------------------------------------------------------- attention masks


@dataclass
class AttentionMask:
    """What every attention call of one forward pass needs to know about visibility.

    ``mask`` is a boolean ``[B, 1, T, K]`` (True = may attend) or None; with ``mask`` None,
    ``is_causal`` says whether plain causal masking applies (queries and keys aligned at slot 0).
    Built once per forward and shared by all block applications.
    """

    mask: torch.Tensor | None
    is_causal: bool


def build_attention_mask(
    query_len: int,
    cache_position: int,
    attention_mask: torch.Tensor | None,
    causal: bool,
    prefix_lengths: torch.Tensor | None,
    position_ids: torch.Tensor | None,
    device: torch.device,
) -> AttentionMask:
    """Visibility of keys at slots ``0 .. cache_position+T-1`` for queries at ``cache_position ..``.

    Rules: padding keys (``attention_mask == 0``) are hidden; with ``causal`` a query sees slots
    ``<=`` its own; with ``prefix_lengths`` a query whose *position* is inside the prompt also sees
    every prompt key (PrefixLM); a query always sees itself, so fully padded rows never give NaN.
    Positions (not slots) decide prompt membership, so left-padded rows behave as if alone.

    ``attention_mask`` may also hold **segment ids** (``1, 2, ...``: several examples packed into one
    row, :class:`hrm_codegen.data.datasets.PackedMBPPDataset`): a query then sees only keys of its own
    segment, so each example attends as if alone. A 0/1 mask is the one-segment case.
    """
    key_len = cache_position + query_len
    if attention_mask is not None and attention_mask.shape[-1] != key_len:
        raise ValueError(
            f"attention_mask covers {attention_mask.shape[-1]} slots but cache_position + input length = {key_len}"
        )
    if attention_mask is not None and bool((attention_mask == 1).all()):
        attention_mask = None  # nothing padded, one segment: keep the fast paths open
    if attention_mask is None:
        if not causal:
            return AttentionMask(None, False)
        # A single new query at the end of the cache may see every earlier slot, prompt or not.
        if query_len == 1:
            return AttentionMask(None, False)
        if prefix_lengths is None and cache_position == 0:
            return AttentionMask(None, True)

    q_slot = torch.arange(cache_position, key_len, device=device)[:, None]  # [T, 1]
    k_slot = torch.arange(key_len, device=device)[None, :]  # [1, K]
    allowed = (k_slot <= q_slot) if causal else torch.ones(query_len, key_len, dtype=torch.bool, device=device)
    allowed = allowed[None, None]  # [1, 1, T, K]
    if causal and prefix_lengths is not None:
        if attention_mask is not None:
            key_pos = (attention_mask.long().cumsum(-1) - 1).clamp(min=0)  # [B, K]
        else:
            key_pos = k_slot.expand(prefix_lengths.shape[0], -1)
        if position_ids is None:
            position_ids = key_pos[:, cache_position:]
        prefix = prefix_lengths.to(device)[:, None]
        q_in = position_ids < prefix  # [B, T]
        k_in = key_pos < prefix  # [B, K]
        allowed = allowed | (q_in[:, None, :, None] & k_in[:, None, None, :])
    if attention_mask is not None:
        seg_k = attention_mask[:, None, None, :]  # [B, 1, 1, K]
        seg_q = attention_mask[:, cache_position:][:, None, :, None]  # [B, 1, T, 1]
        allowed = allowed & (seg_k != 0) & (seg_k == seg_q)
    allowed = allowed | (k_slot == q_slot)[None, None]  # a query always sees itself
    return AttentionMask(allowed, False)


def _use_flash(x: torch.Tensor) -> bool:
    """flash-attn only when installed, on CUDA, in half precision, and not disabled by ``USE_FLASH=0``."""
    return (
        _flash_attn_func is not None
        and x.is_cuda
        and x.dtype in (torch.float16, torch.bfloat16)
        and os.environ.get("USE_FLASH", "1") != "0"
    )


class Attention(nn.Module):
    """Multi-head self-attention with RoPE and an optional per-application KV cache slice."""

    def __init__(self, hidden_size: int, num_heads: int):
        super().__init__()
        self.num_heads, self.head_dim = num_heads, hidden_size // num_heads
        self.qkv_proj = lecun_linear(hidden_size, 3 * hidden_size)
        self.o_proj = lecun_linear(hidden_size, hidden_size)

    def forward(
        self,
        x: torch.Tensor,
        mask: AttentionMask,
        rotary: tuple[torch.Tensor, torch.Tensor] | None = None,
        kv_cache: tuple[torch.Tensor, torch.Tensor] | None = None,
        cache_position: int = 0,
    ) -> torch.Tensor:
        """``x [B, T, D]`` -> ``[B, T, D]``.

        With ``kv_cache = (K, V)`` (each ``[B, H, max_len, Dh]``), this call's keys/values are
        written to slots ``cache_position .. cache_position+T-1`` and the query attends to all
        slots up to there.
        """
        B, T, _ = x.shape
        q, k, v = self.qkv_proj(x).view(B, T, 3, self.num_heads, self.head_dim).unbind(2)
        if rotary is not None:
            q, k = apply_rotary(q, *rotary), apply_rotary(k, *rotary)

        if kv_cache is None and mask.mask is None and _use_flash(q):
            out = _flash_attn_func(q, k, v, causal=mask.is_causal)  # [B, T, H, Dh] layout
            return self.o_proj(out.reshape(B, T, -1))

        q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)  # [B, H, T, Dh]
        if kv_cache is not None:
            end = cache_position + T
            cache_k, cache_v = kv_cache
            cache_k[:, :, cache_position:end] = k
            cache_v[:, :, cache_position:end] = v
            k, v = cache_k[:, :, :end].to(q.dtype), cache_v[:, :, :end].to(q.dtype)
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask.mask, is_causal=mask.is_causal)
        return self.o_proj(out.transpose(1, 2).reshape(B, T, -1))


class Block(nn.Module):
    """One transformer block: attention + SwiGLU, post-norm (HRM) or pre-norm (HRM-Text)."""

    def __init__(self, hidden_size: int, num_heads: int, intermediate_size: int, norm_style: str, eps: float):
        super().__init__()
        self.self_attn = Attention(hidden_size, num_heads)
        self.mlp = SwiGLU(hidden_size, intermediate_size)
        self.norm_style, self.eps = norm_style, eps

    def forward(self, x, mask, rotary=None, kv_cache=None, cache_position=0) -> torch.Tensor:
        """Apply the block to ``x [B, T, D]`` (arguments as in ``Attention.forward``)."""
        if self.norm_style == "post":
            x = rms_norm(x + self.self_attn(x, mask, rotary, kv_cache, cache_position), self.eps)
            return rms_norm(x + self.mlp(x), self.eps)
        x = x + self.self_attn(rms_norm(x, self.eps), mask, rotary, kv_cache, cache_position)
        return x + self.mlp(rms_norm(x, self.eps))
