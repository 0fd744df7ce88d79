"""Strings in, completions out: :func:`generate_code` batches prompts through :func:`generate`.

Length policy: where :func:`~hrm_codegen.inference.engine.generate` refuses a prompt that leaves
less room than ``max_new_tokens``, :func:`generate_code` lowers the token budget of such a batch to
what is left before ``model.config.max_seq_len`` and warns once; a prompt that leaves no room at all
is an error.
"""

from __future__ import annotations

import warnings
from typing import Any, Sequence

import torch
from tqdm import tqdm

from hrm_codegen.inference.engine import Streamer, generate, model_device
from hrm_codegen.inference.sampling import check_positive_int, validate_sampling_args
from hrm_codegen.inference.stops import StopOnStrings, completion_text
from hrm_codegen.tasks.mbpp import MBPP_STOPS


def _plan_batches(lengths: Sequence[int], n: int, batch_size: int) -> list[tuple[list[int], int]]:
    """Group prompts into ``generate`` calls of at most ``batch_size`` rows.

    Prompts are sorted longest first (similar lengths share a batch, so little padding, and the
    biggest batch comes first so an out-of-memory error shows at once). Returns
    ``[(prompt indices, samples per prompt)]``; with ``n >= batch_size`` a prompt's samples are
    split over several calls of one prompt each.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    if n >= batch_size:
        plan = []
        for i in order:
            for start in range(0, n, batch_size):
                plan.append(([i], min(batch_size, n - start)))
        return plan
    per_call = batch_size // n
    return [(order[s : s + per_call], n) for s in range(0, len(order), per_call)]


def _left_pad(seqs: Sequence[Sequence[int]], pad_id: int, device) -> tuple[torch.Tensor, torch.Tensor]:
    """``(input_ids, attention_mask)`` of ``seqs`` left-padded with ``pad_id`` to the longest."""
    width = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(seqs), width), dtype=torch.long)
    for row, seq in enumerate(seqs):
        ids[row, width - len(seq) :] = torch.tensor(seq, dtype=torch.long)
        mask[row, width - len(seq) :] = 1
    return ids.to(device), mask.to(device)


def generate_code(
    model: torch.nn.Module,
    tokenizer: Any,
    prompts: Sequence[str],
    n: int = 1,
    max_new_tokens: int = 256,
    temperature: float = 0.0,
    top_p: float | None = None,
    top_k: int | None = None,
    stop: Sequence[str] = MBPP_STOPS,
    seed: int = 0,
    batch_size: int = 16,
    use_cache: bool = True,
    progress: bool = False,
    streamer: Streamer | None = None,
    score_prompt_tokens: bool = True,
) -> list[list[str]]:
    """``n`` completions for each prompt, each cut at the first stop string or EOS.

    Prompts are used verbatim (the MBPP prompt format already ends with a newline) and only the
    generated text is searched for stop strings. ``batch_size`` counts rows (sequences) per
    ``generate`` call, samples included. One ``torch.Generator(seed)`` drives all sampling, so
    the result is deterministic for a given seed and batch size (batch composition changes the
    order in which random numbers are drawn). When a batch's longest prompt leaves fewer than
    ``max_new_tokens`` slots before ``model.config.max_seq_len``, that batch gets the remaining
    slots and a warning is issued; a prompt that leaves no slot raises ``ValueError``.

    ``score_prompt_tokens`` and ``streamer`` are handed to every ``generate`` call
    (:class:`TextStreamer` shows row 0, so use it with one prompt and ``n == 1``). Returns ``out[i]`` = the ``n`` completions of ``prompts[i]``.
    """
    if isinstance(prompts, str):
        raise TypeError("prompts must be a list of strings, not a single string (wrap it: [prompt])")
    validate_sampling_args(temperature, top_k, top_p)
    check_positive_int("n", n)
    check_positive_int("batch_size", batch_size)
    check_positive_int("max_new_tokens", max_new_tokens)
    encoded = tokenizer.encode_batch(list(prompts)) if prompts else []
    max_len = model.config.max_seq_len
    for i, ids in enumerate(encoded):
        if not ids:
            raise ValueError(f"prompt {i} is empty")
        if len(ids) >= max_len:
            raise ValueError(
                f"prompt {i} has {len(ids)} tokens, leaving no room to generate within max_seq_len {max_len}"
            )

    device = model_device(model)
    generator = torch.Generator(device=device).manual_seed(seed)
    eos = tokenizer.eos_token_id
    results: list[list[str]] = [[] for _ in encoded]
    plan = _plan_batches([len(ids) for ids in encoded], n, batch_size)
    shortened = 0
    if progress:
        plan = tqdm(plan, desc="generate", unit="batch")
    for indices, samples in plan:
        input_ids, mask = _left_pad([encoded[i] for i in indices], tokenizer.pad_token_id, device)
        budget = min(max_new_tokens, max_len - input_ids.shape[1])
        shortened += len(indices) if budget < max_new_tokens else 0
        out = generate(
            model, input_ids, budget, temperature=temperature, top_k=top_k, top_p=top_p, eos_token_id=eos,
            attention_mask=mask, num_return_sequences=samples, use_cache=use_cache, generator=generator,
            pad_token_id=tokenizer.pad_token_id, stopping_criteria=StopOnStrings(tokenizer, stop) if stop else None,
            streamer=streamer, score_prompt_tokens=score_prompt_tokens,
        )
        new_tokens = out[:, input_ids.shape[1] :].tolist()
        for row, ids in enumerate(new_tokens):
            results[indices[row // samples]].append(completion_text(tokenizer, ids, stop, eos))
    if shortened:
        warnings.warn(
            f"{shortened} prompt(s) got fewer than max_new_tokens={max_new_tokens} new tokens: prompt + "
            f"max_new_tokens would exceed max_seq_len {max_len}",
            stacklevel=2,
        )
    return results

