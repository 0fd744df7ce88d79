"""Decode latency with the KV cache: :func:`decode_latency`, the figure reports quote per model.

Shared by ``benchmarks/generate_bench.py`` and ``hrm-codegen run`` (the arms' table), so both
measure the same thing: batch 1, a prompt prefilled once, then the median time of one cached
decode step (forward one token, greedy pick). Speed does not depend on the weights or the token
values, so prompts are random ids.
"""

from __future__ import annotations

import statistics
import time

import torch

from hrm_codegen.inference.engine import CachedDecoder


def _sync(device: torch.device) -> None:
    # CUDA runs asynchronously: without this the clock would stop before the step's kernels finish.
    if device.type == "cuda":
        torch.cuda.synchronize(device)


@torch.no_grad()
def decode_latency(models: dict[str, torch.nn.Module], prompt_len: int, rounds: int = 4,
                   steps: int = 16) -> dict[str, float]:
    """Median milliseconds per cached decode step (batch 1, after a ``prompt_len`` prefill) of each model.

    The models take turns, ``steps`` tokens each per round, so a load spike on a shared machine
    lands on all of them rather than biasing their ratio. ``prompt_len + rounds * steps + 1`` must
    fit every model's ``max_seq_len``.
    """
    decoders, logits, samples = {}, {}, {name: [] for name in models}
    for name, model in models.items():
        device = next(model.parameters()).device
        gen = torch.Generator().manual_seed(0)
        ids = torch.randint(0, model.config.vocab_size - 1, (1, prompt_len), generator=gen).to(device)
        decoders[name] = CachedDecoder(model, ids, torch.ones_like(ids), rounds * steps + 1)
        logits[name] = decoders[name].next_logits()  # prefill
    for _ in range(rounds):
        for name, dec in decoders.items():
            device = dec.tokens.device
            for _ in range(steps):
                _sync(device)
                start = time.perf_counter()
                dec.append(logits[name].argmax(-1))
                logits[name] = dec.next_logits()
                _sync(device)
                samples[name].append(time.perf_counter() - start)
    return {name: round(1000 * statistics.median(s), 3) for name, s in samples.items()}
