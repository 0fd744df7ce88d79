"""Autoregressive generation for HRM and the baseline transformer (one shared implementation).

Three layers, smallest first:

* **Samplers** -- :func:`top_k_filter`, :func:`top_p_filter` and :func:`sample_next_token`
  (temperature 0 = greedy, Hugging Face's order: temperature, then top-k, then top-p).
* **Decoders** -- two interchangeable ways to get next-token logits while tokens are appended:
  :class:`CachedDecoder` prefills the prompt once into the model's preallocated per-application KV
  cache and then pushes one token per step; :class:`RecomputeDecoder` re-runs the whole sequence
  every step. The second is slow on purpose: it is the reference the cache is tested against
  (design.md section 4: because every block application is causal, both give the same logits).
* **Drivers** -- :func:`generate` (``model.generate``, HF conventions: left-padded prompts in,
  ``[B * num_return_sequences, S + new]`` token ids out), :func:`generate_code` (strings in,
  completions cut at stop strings / EOS out) and :func:`main` (``hrm-codegen generate``).

Length policy: :func:`generate` refuses ``prompt + max_new_tokens > model.config.max_seq_len`` with
a ``ValueError`` (the RoPE tables and the cache are sized by ``max_seq_len``). :func:`generate_code`
instead lowers the token budget of a batch whose longest prompt leaves less room than
``max_new_tokens`` and warns once; a prompt that leaves no room at all is an error.
"""

from __future__ import annotations

import argparse
import math
import sys
import warnings
from typing import Any, Callable, Protocol, Sequence, TextIO

import torch

from hrm_codegen.tasks.base import cut_at_stops as truncate_at_stops
from hrm_codegen.tasks.mbpp import MBPP_STOPS as DEFAULT_MBPP_STOPS  # the benchmark's fact, kept there

# GPT-2's <|endoftext|>: EOS and padding of the package tokenizer.
DEFAULT_PAD_TOKEN_ID = 50256


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


def _check_positive_int(name: str, value: Any, minimum: int = 1) -> None:
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


# ----------------------------------------------------------------------------- decoders


class _Decoder:
    """Shared state of the two decoders: preallocated token and mask buffers for every output row.

    Rows are the prompts repeated ``num_return_sequences`` times (``repeat_interleave`` order:
    the samples of one prompt are adjacent). ``length`` is the number of filled slots.
    """

    def __init__(
        self,
        model: torch.nn.Module,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        max_new_tokens: int,
        num_return_sequences: int = 1,
    ):
        self.model = model
        self.num_return_sequences = n = num_return_sequences
        batch, self.prompt_len = input_ids.shape
        total = self.prompt_len + max_new_tokens
        rows = batch * n
        device = input_ids.device
        self.tokens = torch.full((rows, total), DEFAULT_PAD_TOKEN_ID, dtype=torch.long, device=device)
        self.tokens[:, : self.prompt_len] = input_ids.repeat_interleave(n, dim=0)
        # Generated slots are real tokens (mask 1), also after a row finished: the caller pads
        # them, and a finished row's logits are never used.
        self.mask = torch.ones((rows, total), dtype=torch.long, device=device)
        self.mask[:, : self.prompt_len] = attention_mask.repeat_interleave(n, dim=0)
        self.length = self.prompt_len
        # PrefixLM: the model decides prompt membership by *position*, so the prefix of each row
        # is its real (unpadded) prompt length; a left-padded row then behaves as if alone.
        self.prefix_lengths = None
        if getattr(model.config, "attention", "causal") == "prefix":
            self.prefix_lengths = attention_mask.sum(dim=-1).repeat_interleave(n)

    def append(self, next_tokens: torch.Tensor) -> None:
        """Write ``next_tokens [rows]`` into the next slot."""
        if self.length >= self.tokens.shape[1]:
            raise RuntimeError("decoder buffer is full: more tokens appended than max_new_tokens")
        self.tokens[:, self.length] = next_tokens
        self.length += 1

    def _position_ids(self) -> torch.Tensor:
        # Left padding: a row's positions count only its real tokens, as if it were alone.
        return (self.mask[:, : self.length].cumsum(dim=-1) - 1).clamp(min=0)

    def output(self) -> torch.Tensor:
        """All filled slots: ``[rows, length]`` (prompt + generated tokens)."""
        return self.tokens[:, : self.length]

    def next_logits(self) -> torch.Tensor:  # pragma: no cover - abstract
        """fp32 logits ``[rows, V]`` of the token after the last filled slot."""
        raise NotImplementedError


class RecomputeDecoder(_Decoder):
    """Reference decoder: every call runs the full sequence through the model, no cache.

    Costs O(length) block passes per token; kept only as the ground truth for the cache.
    """

    def next_logits(self) -> torch.Tensor:
        """fp32 logits ``[rows, V]`` of the next token (full forward over all filled slots)."""
        out = self.model(
            self.tokens[:, : self.length],
            attention_mask=self.mask[:, : self.length],
            position_ids=self._position_ids(),
            prefix_lengths=self.prefix_lengths,
        )
        return out.logits[:, -1].float()


class CachedDecoder(_Decoder):
    """Decoder over the model's preallocated per-block-application KV cache.

    The first call prefills the prompt (once per *prompt*, not per sample: the cache rows are then
    repeated ``num_return_sequences`` times); each later call forwards only the slots appended
    since the previous call -- one token per step in :func:`generate`.
    """

    def __init__(self, model, input_ids, attention_mask, max_new_tokens, num_return_sequences=1, cache_dtype=None):
        super().__init__(model, input_ids, attention_mask, max_new_tokens, num_return_sequences)
        self.cached = 0  # slots already written to the cache
        self.cache = model.new_kv_cache(
            input_ids.shape[0], self.tokens.shape[1], device=input_ids.device, dtype=cache_dtype
        )

    def next_logits(self) -> torch.Tensor:
        """fp32 logits ``[rows, V]`` of the next token, forwarding only the uncached slots."""
        if self.cached == self.length:
            raise RuntimeError("next_logits() called twice without append(): nothing new to forward")
        start, end = self.cached, self.length
        n = self.num_return_sequences
        prefill = start == 0 and n > 1
        # Prefill runs on one row per prompt (rows are repeat_interleaved, so every n-th row).
        rows = slice(None, None, n) if prefill else slice(None)
        # Decode steps sit past every row's prompt, so prefix_lengths leave them causal; they are
        # passed anyway so that forwarding several appended tokens at once stays valid.
        prefix_lengths = None if self.prefix_lengths is None else self.prefix_lengths[rows]
        out = self.model(
            self.tokens[rows, start:end],
            attention_mask=self.mask[rows, :end],
            position_ids=self._position_ids()[rows, start:end],
            prefix_lengths=prefix_lengths,
            kv_cache=self.cache,
            cache_position=start,
        )
        logits = out.logits[:, -1].float()
        if prefill:
            self.cache = self.cache.repeat_interleave(n)
            logits = logits.repeat_interleave(n, dim=0)
        self.cached = end
        return logits


# ----------------------------------------------------------------------------- generate()


class Streamer(Protocol):
    """What :func:`generate` calls while it runs (Hugging Face's streamer interface)."""

    def put(self, tokens: torch.Tensor) -> None:
        """Receive the new token of every row, ``LongTensor [rows]``."""

    def end(self) -> None:
        """Generation is over."""


def _model_device(model: torch.nn.Module) -> torch.device:
    param = next(model.parameters(), None)
    return param.device if param is not None else torch.device("cpu")


def _check_inputs(model, input_ids, attention_mask, max_new_tokens, num_return_sequences) -> torch.Tensor:
    """Validate the prompt batch; return the attention mask (all ones when none was given)."""
    if not isinstance(input_ids, torch.Tensor) or input_ids.dim() != 2:
        shape = tuple(input_ids.shape) if isinstance(input_ids, torch.Tensor) else type(input_ids).__name__
        raise ValueError(f"input_ids must be a 2-D LongTensor [batch, prompt_len], got {shape}")
    if input_ids.dtype.is_floating_point or input_ids.dtype == torch.bool:
        raise ValueError(f"input_ids must hold integer token ids, got dtype {input_ids.dtype}")
    if input_ids.shape[0] == 0 or input_ids.shape[1] == 0:
        raise ValueError(f"input_ids must hold at least one prompt of at least one token, got {tuple(input_ids.shape)}")
    vocab = model.config.vocab_size
    if int(input_ids.min()) < 0 or int(input_ids.max()) >= vocab:
        raise ValueError(f"input_ids hold ids outside the model's vocabulary [0, {vocab}): "
                         f"min {int(input_ids.min())}, max {int(input_ids.max())}")
    _check_positive_int("max_new_tokens", max_new_tokens, minimum=0)
    _check_positive_int("num_return_sequences", num_return_sequences)
    if attention_mask is None:
        attention_mask = torch.ones_like(input_ids)
    if tuple(attention_mask.shape) != tuple(input_ids.shape):
        raise ValueError(
            f"attention_mask shape {tuple(attention_mask.shape)} differs from input_ids shape {tuple(input_ids.shape)}"
        )
    attention_mask = attention_mask.to(device=input_ids.device, dtype=torch.long)
    if bool((attention_mask[:, 1:] < attention_mask[:, :-1]).any()):
        raise ValueError("prompts must be left-padded: attention_mask has a 0 after a 1 (right padding?)")
    if not bool(attention_mask[:, -1].all()):
        raise ValueError("every prompt needs at least one real token: a row of attention_mask is all zeros")
    max_len = model.config.max_seq_len
    needed = input_ids.shape[1] + max_new_tokens
    if needed > max_len:
        raise ValueError(
            f"prompt length {input_ids.shape[1]} + max_new_tokens {max_new_tokens} = {needed} exceeds the "
            f"model's max_seq_len {max_len}; shorten the prompt or lower max_new_tokens"
        )
    return attention_mask


@torch.no_grad()
def generate(
    model: torch.nn.Module,
    input_ids: torch.Tensor,
    max_new_tokens: int,
    temperature: float = 0.0,
    top_k: int | None = None,
    top_p: float | None = None,
    eos_token_id: int | None = None,
    attention_mask: torch.Tensor | None = None,
    num_return_sequences: int = 1,
    use_cache: bool = True,
    generator: torch.Generator | None = None,
    pad_token_id: int | None = None,
    stopping_criteria: Callable[[torch.Tensor], torch.Tensor] | None = None,
    streamer: Streamer | None = None,
) -> torch.Tensor:
    """Generate continuations of a batch of left-padded prompts (bound as ``model.generate``).

    Args:
        input_ids: ``[B, S]`` prompt token ids, left-padded to a common length ``S``.
        max_new_tokens: the most tokens to append (``S + max_new_tokens <= model.config.max_seq_len``).
        temperature, top_k, top_p: sampling (``temperature == 0``: greedy).
        eos_token_id: a row that emits it is finished; ``None``: never finish early on EOS.
        attention_mask: ``[B, S]``, 1 = real token, 0 = left padding (default: all real).
        num_return_sequences: samples per prompt; the samples of prompt ``b`` are rows
            ``b*n .. b*n+n-1`` of the result. With the cache they share one prefill.
        use_cache: ``False`` re-runs the whole sequence every step (the slow reference).
        generator: drives ``torch.multinomial``; seed it for reproducible samples.
        pad_token_id: fills the slots of finished rows (default ``eos_token_id``, else 50256).
        stopping_criteria: optional ``f(new_tokens [rows, t]) -> BoolTensor [rows]``; a row where
            it is True is finished like after EOS (e.g. :class:`StopOnStrings`).
        streamer: optional object with ``put(tokens [rows])`` / ``end()``, called every step.

    Returns:
        ``LongTensor [B * num_return_sequences, S + T]``: prompt + ``T <= max_new_tokens`` new tokens;
        ``T < max_new_tokens`` only when every row finished early. Runs in eval mode (dropout off)
        and restores the model's training flag afterwards.
    """
    validate_sampling_args(temperature, top_k, top_p)
    device = _model_device(model)
    input_ids = input_ids.to(device) if isinstance(input_ids, torch.Tensor) else input_ids
    attention_mask = _check_inputs(model, input_ids, attention_mask, max_new_tokens, num_return_sequences)
    if pad_token_id is None:
        pad_token_id = eos_token_id if eos_token_id is not None else DEFAULT_PAD_TOKEN_ID

    decoder_cls = CachedDecoder if use_cache else RecomputeDecoder
    was_training = model.training
    model.eval()
    try:
        decoder = decoder_cls(model, input_ids.long(), attention_mask, max_new_tokens, num_return_sequences)
        finished = torch.zeros(decoder.tokens.shape[0], dtype=torch.bool, device=device)
        for step in range(max_new_tokens):
            logits = decoder.next_logits()
            next_tokens = sample_next_token(logits, temperature, top_k, top_p, generator)
            next_tokens = next_tokens.masked_fill(finished, pad_token_id)
            decoder.append(next_tokens)
            if streamer is not None:
                streamer.put(next_tokens)
            if eos_token_id is not None:
                finished |= next_tokens == eos_token_id
            if stopping_criteria is not None:
                finished |= stopping_criteria(decoder.output()[:, decoder.prompt_len :]).to(device)
            # No forward for a token nobody will sample from: stop when all rows are done.
            if bool(finished.all()) or step == max_new_tokens - 1:
                break
        if streamer is not None:
            streamer.end()
        return decoder.output()
    finally:
        model.train(was_training)


# ----------------------------------------------------------------------------- stop strings


class StopOnStrings:
    """Stopping criterion for :func:`generate`: a row is done once its new text holds a stop string.

    Only the last few tokens of each row are decoded per step: a stop string of ``L`` bytes that
    just appeared lies within the last ``L`` tokens (every token is at least one byte), so the
    check costs O(rows) per step instead of re-decoding whole completions.
    """

    def __init__(self, tokenizer: Any, stops: Sequence[str]):
        self.tokenizer = tokenizer
        self.stops = tuple(s for s in stops if s)
        self.window = max((len(s.encode("utf-8")) for s in self.stops), default=0) + 1

    def __call__(self, new_tokens: torch.Tensor) -> torch.Tensor:
        """``new_tokens [rows, t]`` -> ``BoolTensor [rows]``: True where a stop string appeared."""
        done = torch.zeros(new_tokens.shape[0], dtype=torch.bool)
        if not self.stops:
            return done
        for row, ids in enumerate(new_tokens[:, -self.window :].tolist()):
            text = self.tokenizer.decode(ids)
            done[row] = any(stop in text for stop in self.stops)
        return done


def completion_text(tokenizer: Any, new_tokens: Sequence[int], stops: Sequence[str], eos_token_id: int | None) -> str:
    """Decode generated ids, cut at the first EOS and then at the first stop string."""
    ids = list(new_tokens)
    if eos_token_id is not None and eos_token_id in ids:
        ids = ids[: ids.index(eos_token_id)]
    return truncate_at_stops(tokenizer.decode(ids), stops)


class TextStreamer:
    """Prints the completion of row 0 while it is generated, exactly as :func:`completion_text` cuts it.

    Text is held back while it could still become a stop string (a suffix that is a prefix of one)
    or while it ends inside a multi-byte character, so nothing printed ever has to be taken back.
    """

    def __init__(self, tokenizer: Any, stops: Sequence[str] = (), eos_token_id: int | None = None,
                 file: TextIO | None = None):
        self.tokenizer, self.stops, self.eos_token_id = tokenizer, tuple(s for s in stops if s), eos_token_id
        self.file = file if file is not None else sys.stdout
        self.ids: list[int] = []
        self.printed = 0
        self.last_char_newline = False
        self.done = False  # the completion is complete (EOS or a stop string); later tokens are ignored
        self.ended = False

    def _holdback(self, text: str) -> int:
        """Characters at the end of ``text`` that may not be printed yet."""
        if text.endswith("\ufffd"):  # an incomplete UTF-8 sequence: wait for its next byte
            return len(text)
        for size in range(min(len(text), max((len(s) for s in self.stops), default=0)), 0, -1):
            if any(stop.startswith(text[-size:]) for stop in self.stops):
                return size
        return 0

    def _emit(self, text: str) -> None:
        if len(text) > self.printed:
            self.file.write(text[self.printed :])
            self.file.flush()
            self.printed = len(text)
            self.last_char_newline = text.endswith("\n")

    def put(self, tokens: torch.Tensor) -> None:
        """Receive the step's tokens; prints what is now certain of row 0."""
        if self.done:
            return
        token = int(tokens.reshape(-1)[0])
        if token == self.eos_token_id:
            self.end()
            return
        self.ids.append(token)
        text = self.tokenizer.decode(self.ids)
        cut = truncate_at_stops(text, self.stops)
        if len(cut) < len(text):
            self._emit(cut)
            self.done = True
            return
        self._emit(text[: len(text) - self._holdback(text)])

    def end(self) -> None:
        """Print whatever was held back (cut at the stops) and a final newline."""
        if not self.done:
            self._emit(truncate_at_stops(self.tokenizer.decode(self.ids), self.stops))
            self.done = True
        if not self.ended:
            if not self.last_char_newline:
                self.file.write("\n")
            self.file.flush()
            self.ended = True


# ----------------------------------------------------------------------------- generate_code()


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
    stop: Sequence[str] = DEFAULT_MBPP_STOPS,
    seed: int = 0,
    batch_size: int = 16,
    use_cache: bool = True,
    progress: bool = False,
    streamer: Streamer | None = None,
) -> list[list[str]]:
    """``n`` completions for each prompt, each cut at the first stop string or EOS.

    Prompts are used verbatim (the MBPP prompt format already ends with a newline) and only the
    generated text is searched for stop strings. ``batch_size`` counts rows (sequences) per
    ``generate`` call, samples included. One ``torch.Generator(seed)`` drives all sampling, so
    the result is deterministic for a given seed and batch size (batch composition changes the
    order in which random numbers are drawn). When a batch's longest prompt leaves fewer than
    ``max_new_tokens`` slots before ``model.config.max_seq_len``, that batch gets the remaining
    slots and a warning is issued; a prompt that leaves no slot raises ``ValueError``.

    ``streamer`` is handed to every ``generate`` call (:class:`TextStreamer` shows row 0, so use it
    with one prompt and ``n == 1``). Returns ``out[i]`` = the ``n`` completions of ``prompts[i]``.
    """
    if isinstance(prompts, str):
        raise TypeError("prompts must be a list of strings, not a single string (wrap it: [prompt])")
    validate_sampling_args(temperature, top_k, top_p)
    _check_positive_int("n", n)
    _check_positive_int("batch_size", batch_size)
    _check_positive_int("max_new_tokens", max_new_tokens)
    encoded = tokenizer.encode_batch(list(prompts)) if prompts else []
    max_len = model.config.max_seq_len
    for i, ids in enumerate(encoded):
        if not ids:
            raise ValueError(f"prompt {i} is empty")
        if len(ids) >= max_len:
            raise ValueError(
                f"prompt {i} has {len(ids)} tokens, leaving no room to generate within max_seq_len {max_len}"
            )

    device = _model_device(model)
    generator = torch.Generator(device=device).manual_seed(seed)
    eos = tokenizer.eos_token_id
    results: list[list[str]] = [[] for _ in encoded]
    plan = _plan_batches([len(ids) for ids in encoded], n, batch_size)
    shortened = 0
    if progress:
        from tqdm import tqdm

        plan = tqdm(plan, desc="generate", unit="batch")
    for indices, samples in plan:
        input_ids, mask = _left_pad([encoded[i] for i in indices], tokenizer.pad_token_id, device)
        budget = min(max_new_tokens, max_len - input_ids.shape[1])
        shortened += len(indices) if budget < max_new_tokens else 0
        out = generate(
            model, input_ids, budget, temperature=temperature, top_k=top_k, top_p=top_p, eos_token_id=eos,
            attention_mask=mask, num_return_sequences=samples, use_cache=use_cache, generator=generator,
            pad_token_id=tokenizer.pad_token_id, stopping_criteria=StopOnStrings(tokenizer, stop) if stop else None,
            streamer=streamer,
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


# ----------------------------------------------------------------------------- CLI


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hrm-codegen generate",
        description="Generate code from a checkpoint for a prompt or an MBPP task.",
    )
    p.add_argument("--checkpoint", required=True, help="checkpoint folder (config.yaml + model.safetensors)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--prompt", help="prompt text used verbatim ('-' reads it from stdin)")
    src.add_argument("--task-id", type=int, help="MBPP task id: its prompt in the training format")
    p.add_argument("--max-new-tokens", type=int, default=256)
    p.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default)")
    p.add_argument("--top-k", type=int, default=None)
    p.add_argument("--top-p", type=float, default=None)
    p.add_argument("--n", type=int, default=1, help="completions to sample")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--batch-size", type=int, default=16, help="sequences per forward pass")
    p.add_argument("--device", default=None, help="cpu / cuda (default: cuda if available)")
    p.add_argument("--no-stop", action="store_true", help="do not cut at the MBPP stop strings (EOS still ends)")
    p.add_argument("--no-stream", action="store_true", help="print only when done (streaming needs --n 1)")
    p.add_argument("--show-prompt", action="store_true", help="print the prompt before the completion")
    return p


def _resolve_prompt(args: argparse.Namespace) -> str:
    if args.task_id is None:
        return sys.stdin.read() if args.prompt == "-" else args.prompt
    from hrm_codegen.tasks.mbpp import load_mbpp

    for task in load_mbpp("all"):
        if task.task_id == args.task_id:
            return task.prompt
    raise ValueError(f"no MBPP task with id {args.task_id} (ids are 1..974)")


def main(argv: list[str] | None = None) -> int:
    """``hrm-codegen generate``: print the completion(s) for one prompt; returns the exit code."""
    args = _build_parser().parse_args(argv)
    err = sys.stderr
    try:
        validate_sampling_args(args.temperature, args.top_k, args.top_p)
        for name in ("max_new_tokens", "n", "batch_size"):
            _check_positive_int("--" + name.replace("_", "-"), getattr(args, name))
        if args.device and args.device.startswith("cuda") and not torch.cuda.is_available():
            raise ValueError(f"--device {args.device}: CUDA is not available on this machine")
        prompt = _resolve_prompt(args)
        if not prompt:
            raise ValueError("the prompt is empty")
    except ValueError as e:
        print(f"hrm-codegen generate: error: {e}", file=err)
        return 2

    from hrm_codegen.models import load_model
    from hrm_codegen.tokenization import get_tokenizer

    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    try:
        model = load_model(args.checkpoint, device=device)
    except (OSError, ValueError) as e:
        print(f"hrm-codegen generate: error: cannot load checkpoint {args.checkpoint!r}: {e}", file=err)
        return 2
    tokenizer = get_tokenizer()
    needed = len(tokenizer.encode(prompt)) + args.max_new_tokens
    if needed > model.config.max_seq_len:
        print(f"hrm-codegen generate: error: the prompt's {needed - args.max_new_tokens} tokens + --max-new-tokens "
              f"{args.max_new_tokens} exceed the model's max_seq_len {model.config.max_seq_len}", file=err)
        return 2
    stops = () if args.no_stop else DEFAULT_MBPP_STOPS
    stream = args.n == 1 and not args.no_stream
    if args.show_prompt:
        print(prompt, end="" if prompt.endswith("\n") else "\n")
    streamer = TextStreamer(tokenizer, stops, tokenizer.eos_token_id) if stream else None
    try:
        completions = generate_code(
            model, tokenizer, [prompt], n=args.n, max_new_tokens=args.max_new_tokens,
            temperature=args.temperature, top_p=args.top_p, top_k=args.top_k, stop=stops, seed=args.seed,
            batch_size=args.batch_size, streamer=streamer,
        )[0]
    except ValueError as e:
        print(f"hrm-codegen generate: error: {e}", file=err)
        return 2
    if not stream:
        for i, text in enumerate(completions):
            if args.n > 1:
                print(f"# ---- sample {i + 1}/{args.n} ----")
            print(text, end="" if text.endswith("\n") else "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
