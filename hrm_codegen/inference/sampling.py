"""Samplers and the checks of sampling arguments: what turns next-token logits into a token.

:func:`sample_next_token` follows Hugging Face's order (temperature, then top-k, then top-p);
temperature 0 is greedy. Nothing here knows about models, caches or text.
"""

from __future__ import annotations

import math
from typing import Any

import torch

# ----------------------------------------------------------------------------- argument checks


def validate_sampling_args(temperature: float, top_k: int | None, top_p: float | None) -> None:
    """Raise ``ValueError`` with a plain message for sampling arguments that make no sense."""
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float)) or not math.isfinite(temperature):
        raise ValueError(f"temperature must be a finite number >= 0, got {temperature!r}")
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0 (0 = greedy), got {temperature}")
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
        raise ValueError(f"top_k must be an integer >= 1 (or None to disable), got {top_k!r}")
    if top_p is not None:
        if isinstance(top_p, bool) or not isinstance(top_p, (int, float)) or not 0.0 < top_p <= 1.0:
            raise ValueError(f"top_p must be in (0, 1] (or None to disable), got {top_p!r}")


def check_positive_int(name: str, value: Any, minimum: int = 1) -> None:
    """Raise ``ValueError`` unless ``value`` is an integer (not a bool) >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")


# ----------------------------------------------------------------------------- samplers


def top_k_filter(logits: torch.Tensor, top_k: int | None) -> torch.Tensor:
    """Keep exactly the ``top_k`` largest logits of each row; the rest become ``-inf``.

    ``scatter`` of the top-k indices (not a ``>= k-th value`` threshold) so that ties at the
    boundary can never let more than ``top_k`` tokens through.
    """
    if top_k is None or top_k >= logits.shape[-1]:
        return logits
    values, indices = logits.topk(top_k, dim=-1)
    return torch.full_like(logits, float("-inf")).scatter(-1, indices, values)


def top_p_filter(logits: torch.Tensor, top_p: float | None) -> torch.Tensor:
    """Nucleus filter: keep the smallest set of most likely tokens whose probability reaches ``top_p``.

    A token survives when the tokens ranked above it sum to less than ``top_p``; the most likely
    token always survives, so a row is never left empty.
    """
    if top_p is None or top_p >= 1.0:
        return logits
    sorted_logits, order = logits.sort(dim=-1, descending=True)
    probs = sorted_logits.softmax(dim=-1)
    mass_above = probs.cumsum(dim=-1) - probs
    sorted_logits = sorted_logits.masked_fill(mass_above >= top_p, float("-inf"))
    return logits.scatter(-1, order, sorted_logits)


def sample_next_token(
    logits: torch.Tensor,
    temperature: float = 0.0,
    top_k: int | None = None,
    top_p: float | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Pick one token per row of ``logits [N, V]`` -> ``LongTensor [N]``.

    ``temperature == 0`` is greedy (``argmax``; top-k/top-p are then irrelevant). Otherwise the
    logits are divided by the temperature, filtered by top-k then top-p, and sampled with
    ``generator`` so that a seeded generator gives reproducible samples.
    """
    logits = logits.float()
    if temperature == 0:
        return logits.argmax(dim=-1)
    logits = top_k_filter(logits / temperature, top_k)
    if top_p is not None and top_p < 1.0:
        return _sample_nucleus(logits, top_p, generator)
    return torch.multinomial(logits.softmax(dim=-1), num_samples=1, generator=generator).squeeze(-1)


# Candidate-set sizes tried by the nucleus sampler before the full sort (the last step).
NUCLEUS_CANDIDATES: tuple[int, ...] = (256, 4096)


def _sample_nucleus(logits: torch.Tensor, top_p: float, generator) -> torch.Tensor:
    """Top-p sampling, the same distribution as :func:`top_p_filter` + softmax, without a full sort.

    Sorting the whole 50k vocabulary and drawing from a 50k-wide distribution cost more than the
    model's forward pass in sampled decoding (``benchmarks/generate_bench.py``). So each row first
    sorts only its ``k`` most likely tokens: when they hold at least ``top_p`` of the probability,
    every token outside them has ``mass_above >= top_p`` and would be filtered anyway, so the nucleus
    lies inside and is exactly the one the full sort gives. Rows whose candidates fall short retry
    with a larger ``k``, the last try being the whole vocabulary.
    """
    vocab = logits.shape[-1]
    picked = torch.empty(logits.shape[0], dtype=torch.long, device=logits.device)
    todo = torch.arange(logits.shape[0], device=logits.device)
    for k in [c for c in NUCLEUS_CANDIDATES if c < vocab] + [vocab]:
        rows = logits[todo]
        cand_logits, cand_ids = rows.topk(k, dim=-1)  # sorted, most likely first
        probs = (cand_logits - rows.logsumexp(dim=-1, keepdim=True)).exp()
        mass_above = probs.cumsum(dim=-1) - probs
        done = (mass_above[:, -1] + probs[:, -1] >= top_p) if k < vocab else torch.ones_like(todo, dtype=torch.bool)
        if bool(done.any()):
            kept = probs[done].masked_fill(mass_above[done] >= top_p, 0.0)
            choice = torch.multinomial(kept, num_samples=1, generator=generator)
            picked[todo[done]] = cand_ids[done].gather(-1, choice).squeeze(-1)
        todo = todo[~done]
        if todo.numel() == 0:
            break
    return picked

