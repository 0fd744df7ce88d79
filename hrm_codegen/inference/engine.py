"""The decoding engine: two decoders and :func:`generate` (token ids in, token ids out).

* **Decoders** -- two interchangeable ways to get next-token logits while tokens are appended:
  :class:`CachedDecoder` prefills the prompt once into the model's preallocated per-application KV
  cache and then pushes one token per step; :class:`RecomputeDecoder` re-runs the whole sequence
  every step. The second is slow on purpose: it is the reference the cache is tested against
  (because every block application is causal, both give the same logits).
* :func:`generate` -- Hugging Face's conventions: left-padded prompts in,
  ``[B * num_return_sequences, S + new]`` token ids out.

Length policy: :func:`generate` refuses ``prompt + max_new_tokens > model.config.max_seq_len`` with
a ``ValueError`` (the RoPE tables and the cache are sized by ``max_seq_len``).
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Callable, Protocol

import torch

from hrm_codegen.inference.sampling import check_positive_int, sample_next_token, validate_sampling_args
from hrm_codegen.tokenization import EOS_TOKEN_ID

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
        self.tokens = torch.full((rows, total), EOS_TOKEN_ID, dtype=torch.long, device=device)
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


def model_device(model: torch.nn.Module) -> torch.device:
    """The device of the model's parameters (CPU for a model without any)."""
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
    check_positive_int("max_new_tokens", max_new_tokens, minimum=0)
    check_positive_int("num_return_sequences", num_return_sequences)
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
    score_prompt_tokens: bool = True,
) -> torch.Tensor:
    """Generate continuations of a batch of left-padded prompts with ``model``.

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
        pad_token_id: fills the slots of finished rows (default ``eos_token_id``, else ``EOS_TOKEN_ID``, 50256).
        stopping_criteria: optional ``f(new_tokens [rows, t]) -> BoolTensor [rows]``; a row where
            it is True is finished like after EOS (e.g. :class:`~hrm_codegen.inference.stops.StopOnStrings`).
        streamer: optional object with ``put(tokens [rows])`` / ``end()``, called every step.
        score_prompt_tokens: with a tied compact head (``tie_embeddings`` + ``output_vocab_size``), a
            row may also emit the tokens of its own prompt that the head lacks (their embedding rows
            score them; :meth:`~hrm_codegen.models.base.LMBase.scoring_also`). The compact head holds
            the ids of the training data; a name in a new task's asserts can hold a piece that never
            occurred there, and copying it needs this. No effect on other heads, nor with a copy head
            (``model.copy_head``), which emits the prompt's tokens by itself.

    Returns:
        ``LongTensor [B * num_return_sequences, S + T]``: prompt + ``T <= max_new_tokens`` new tokens;
        ``T < max_new_tokens`` only when every row finished early. Runs in eval mode (dropout off)
        and restores the model's training flag afterwards.
    """
    validate_sampling_args(temperature, top_k, top_p)
    device = model_device(model)
    input_ids = input_ids.to(device) if isinstance(input_ids, torch.Tensor) else input_ids
    attention_mask = _check_inputs(model, input_ids, attention_mask, max_new_tokens, num_return_sequences)
    if pad_token_id is None:
        pad_token_id = eos_token_id if eos_token_id is not None else EOS_TOKEN_ID

    decoder_cls = CachedDecoder if use_cache else RecomputeDecoder
    was_training = model.training
    model.eval()
    try:
        extra, not_read = _prompt_tokens_outside_head(model, input_ids, attention_mask, num_return_sequences) \
            if score_prompt_tokens else (None, None)
        head = model.scoring_also(extra) if extra is not None else nullcontext()
        with head:
            decoder = decoder_cls(model, input_ids.long(), attention_mask, max_new_tokens, num_return_sequences)
            finished = torch.zeros(decoder.tokens.shape[0], dtype=torch.bool, device=device)
            for step in range(max_new_tokens):
                logits = decoder.next_logits()
                if not_read is not None:
                    logits = logits.masked_fill(not_read, float("-inf"))
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


def _prompt_tokens_outside_head(model, input_ids, attention_mask, n):
    """Ids of the batch's prompts that a tied compact head lacks, and a ``[rows, V]`` mask of the ones a
    row did *not* read (each row may emit only its own prompt's tokens, so batching changes nothing)."""
    index = getattr(model, "head_index", None)
    if index is None or getattr(model, "lm_head", True) is not None or getattr(model, "copy_head", None) is not None:
        return None, None  # no tied compact head, or a copy head: that one already emits the prompt's tokens
    real = attention_mask.bool()
    extra = input_ids[real].unique()
    extra = extra[index[extra] < 0]
    if extra.numel() == 0:
        return None, None
    read = torch.zeros((input_ids.shape[0], model.config.vocab_size), dtype=torch.bool, device=input_ids.device)
    rows = torch.arange(input_ids.shape[0], device=input_ids.device)[:, None].expand_as(input_ids)
    read[rows[real], input_ids[real]] = True
    is_extra = torch.zeros(model.config.vocab_size, dtype=torch.bool, device=input_ids.device)
    is_extra[extra] = True
    return extra, (is_extra & ~read).repeat_interleave(n, dim=0)

