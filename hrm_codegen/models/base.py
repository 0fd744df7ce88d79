"""The LM interface shared by HRM and the baseline transformer (``LMBase``), and the KV cache.

Both models embed tokens the same way, take the same masks and positions and write the same cache
(their one checkpoint format is :mod:`hrm_codegen.models.checkpoint`); they differ only in the stack
of block applications between the embedding and the LM head (``_backbone``). The next-token shift is *not* done here: the data
loader shifts once (``labels[t]`` is the target of position ``t``) and logits are returned
unshifted, position for position.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Union

import torch
import torch.nn.functional as F
from torch import nn

from hrm_codegen.models.checkpoint import load_weights, read_config, save_checkpoint
from hrm_codegen.models.config import ModelConfig, load_config
from hrm_codegen.models.copy_head import CopyHead
from hrm_codegen.models.layers import AttentionMask, RotaryEmbedding, build_attention_mask, trunc_normal_init_
from hrm_codegen.tokenization import IGNORE_INDEX


@dataclass
class LMOutput:
    """Result of ``model(...)``: ``logits [B, T, vocab]`` (position t scores token t+1)."""

    logits: torch.Tensor


@dataclass
class TrainOutput:
    """One ACT segment of training (see ``HRMForCausalLM.train_forward``).

    ``labels [B, S]`` / ``attention_mask`` are those of the data the carry holds (halted rows took
    fresh data from the batch, the others kept theirs); ``labels`` are rows of the LM head
    (``head_labels``: token ids for a full head), as are the last dimension of ``logits``. ``logits`` is ``[B, S, V]`` by default, or,
    from ``train_forward(..., supervised_only=True)`` (what the trainer uses), only the supervised
    positions packed ``[N, V]``: row ``i`` is the ``i``-th position with ``labels != -100`` in
    row-major order, so ``labels[labels != -100]`` are its targets and
    ``(labels != -100).nonzero()[:, 0]`` its batch rows. ``q_halt_logits`` / ``q_continue_logits``
    are ``[B]`` fp32 (None when ``halt_max_steps == 1`` and for the transformer: no Q loss), the
    target of ``q_halt`` is "every supervised token of the row is predicted correctly" (the loss
    computes it from ``logits`` and ``labels``), ``target_q_continue [B]`` is None when M == 1.
    ``loss_weights [B, S]`` are the carried rows' per-label loss weights (the batch's
    ``loss_weights``; None when it has none: every label weighs 1).
    """

    logits: torch.Tensor
    labels: torch.Tensor
    attention_mask: torch.Tensor | None
    q_halt_logits: torch.Tensor | None
    q_continue_logits: torch.Tensor | None
    target_q_continue: torch.Tensor | None
    halted: torch.Tensor
    steps: torch.Tensor
    loss_weights: torch.Tensor | None = None


class KVCache:
    """Preallocated keys/values, one ``(K, V)`` pair per block application.

    ``keys`` / ``values`` are ``[A, B, num_heads, max_len, head_dim]``: application ``a`` owns
    ``keys[a]``. Slots are absolute (slot ``s`` = the ``s``-th column of the caller's left-padded
    ``input_ids``); the model writes them, the caller tracks ``cache_position``.
    """

    def __init__(self, keys: torch.Tensor, values: torch.Tensor, copy_keys: torch.Tensor | None = None,
                 copy_ids: torch.Tensor | None = None):
        self.keys, self.values = keys, values
        # A copy head's keys [B, max_len, D] and the token id of every slot [B, max_len] (models.copy_head).
        self.copy_keys, self.copy_ids = copy_keys, copy_ids

    @property
    def num_applications(self) -> int:
        """A, the number of block applications the cache serves."""
        return self.keys.shape[0]

    @property
    def batch_size(self) -> int:
        """Rows of the cache."""
        return self.keys.shape[1]

    @property
    def max_len(self) -> int:
        """Slots per row."""
        return self.keys.shape[3]

    def layer(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        """The ``(K, V)`` buffers of block application ``index`` (views, written in place)."""
        return self.keys[index], self.values[index]

    def repeat_interleave(self, n: int) -> KVCache:
        """A new cache whose rows are each repeated ``n`` times (one prefill, ``n`` samples)."""
        return KVCache(self.keys.repeat_interleave(n, dim=1), self.values.repeat_interleave(n, dim=1),
                       *(None if t is None else t.repeat_interleave(n, dim=0) for t in (self.copy_keys, self.copy_ids)))

    def index_select(self, rows: torch.Tensor) -> KVCache:
        """A new cache holding only ``rows`` (e.g. to drop finished sequences)."""
        return KVCache(self.keys.index_select(1, rows), self.values.index_select(1, rows),
                       *(None if t is None else t.index_select(0, rows) for t in (self.copy_keys, self.copy_ids)))


@dataclass
class ForwardContext:
    """Everything the block applications of one forward share: masks, RoPE angles, cache."""

    mask: AttentionMask
    rotary: tuple[torch.Tensor, torch.Tensor] | None
    kv_cache: KVCache | None
    cache_position: int

    def cache_for(self, index: int) -> tuple[torch.Tensor, torch.Tensor] | None:
        """The cache buffers of block application ``index``, or None without a cache."""
        return None if self.kv_cache is None else self.kv_cache.layer(index)


class LMBase(nn.Module):
    """Embedding, positions, masks, LM head and the KV cache, for both architectures.

    Generation is a function of :mod:`hrm_codegen.inference` (``generate(model, ...)``); saving and
    loading live in :mod:`hrm_codegen.models.checkpoint` (``save_pretrained`` delegates there).
    A subclass declares the ``arch`` it implements (``class X(LMBase, arch="hrm")``), which is how
    :func:`build_model` finds the class of a config without this module importing its subclasses.
    """

    architectures: ClassVar[dict[str, type[LMBase]]] = {}

    def __init_subclass__(cls, arch: str | None = None, **kwargs):
        super().__init_subclass__(**kwargs)
        if arch is not None:
            LMBase.architectures[arch] = cls

    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        D = config.hidden_size
        self.embed_scale = math.sqrt(D)
        self.embed_tokens = nn.Embedding(config.vocab_size, D)
        # Embeddings: std 1/sqrt(D), scaled by sqrt(D) at use, so the input has unit scale (HRM).
        trunc_normal_init_(self.embed_tokens.weight, std=1.0 / self.embed_scale)
        if config.pos_encodings == "learned":
            self.embed_positions = nn.Embedding(config.max_seq_len, D)
            trunc_normal_init_(self.embed_positions.weight, std=1.0 / self.embed_scale)
            self.rotary = None
        else:
            self.embed_positions = None
            self.rotary = RotaryEmbedding(config.head_dim, config.max_seq_len, config.rope_theta)
        self.head_rows = config.output_vocab_size or config.vocab_size
        if config.tie_embeddings:
            self.lm_head = None  # the embedding matrix scores tokens (its rows have std 1/sqrt(D) too)
        else:
            self.lm_head = nn.Linear(D, self.head_rows, bias=False)
            trunc_normal_init_(self.lm_head.weight, std=1.0 / math.sqrt(D))
        self.copy_head = CopyHead(D) if config.copy_head else None
        # Row i of a compact head scores token output_ids[i]; head_index maps a token id to its row (-1: none).
        compact = config.output_vocab_size is not None
        self.register_buffer("output_ids", torch.arange(config.output_vocab_size) if compact else None)
        self.register_buffer("head_index", torch.full((config.vocab_size,), -1) if compact else None, persistent=False)
        if compact:
            self._sync_head_index()
            self.register_load_state_dict_post_hook(lambda module, keys: module._sync_head_index())

    # ------------------------------------------------------------------ compact output vocabulary

    def set_output_ids(self, ids: torch.Tensor | list[int]) -> None:
        """The token ids the LM head scores (a compact head: ``output_vocab_size`` distinct ids, sorted here)."""
        if self.output_ids is None:
            raise ValueError("set_output_ids needs a model built with output_vocab_size")
        ids = torch.as_tensor(ids, dtype=torch.long).unique()
        if ids.numel() != self.output_ids.numel() or int(ids.min()) < 0 or int(ids.max()) >= self.config.vocab_size:
            raise ValueError(f"need {self.output_ids.numel()} distinct ids in [0, {self.config.vocab_size}), "
                             f"got {ids.numel()}")
        self.output_ids.copy_(ids.to(self.output_ids.device))
        self._sync_head_index()

    def _sync_head_index(self) -> None:
        self.head_index.fill_(-1)
        self.head_index[self.output_ids] = torch.arange(self.output_ids.numel(), device=self.output_ids.device)

    @contextmanager
    def scoring_also(self, ids: torch.Tensor):
        """Within the block a tied compact head also scores ``ids`` (e.g. every token of the prompts).

        Training scores only the compact head's rows, for speed. A tied head still has an output row for
        every id (its embedding row), so at generation it can emit a token that it has *read* but never
        had to predict in training, such as a piece of a function name that occurs only in the test
        asserts. Without tied embeddings there is no such row, and the head stays as it is.
        """
        if self.output_ids is None or self.lm_head is not None:
            yield
            return
        saved = self.output_ids
        self.output_ids = torch.cat([saved, ids.to(saved.device).flatten()]).unique()
        self._sync_head_index()
        try:
            yield
        finally:
            self.output_ids = saved
            self._sync_head_index()

    def head(self, hidden: torch.Tensor) -> torch.Tensor:
        """LM-head scores ``[..., head_rows]`` of ``hidden [..., D]`` (rows of ``output_ids`` for a compact head)."""
        if self.lm_head is not None:
            return self.lm_head(hidden)
        weight = self.embed_tokens.weight
        if self.output_ids is not None:
            weight = weight[self.output_ids]
        return F.linear(hidden, weight)

    def head_labels(self, labels: torch.Tensor) -> torch.Tensor:
        """``labels`` as rows of the LM head (identity for a full head). With a compact head a target
        outside ``output_ids`` cannot be scored and becomes ``-100`` (not trained on)."""
        if self.output_ids is None:
            return labels
        rows = self.head_index[labels.clamp(min=0)]
        return torch.where((labels == IGNORE_INDEX) | (rows < 0), IGNORE_INDEX, rows)

    def full_logits(self, head_logits: torch.Tensor) -> torch.Tensor:
        """LM-head output ``[..., rows]`` as ``[..., vocab_size]`` logits (``-inf`` for ids a compact head lacks)."""
        if self.output_ids is None:
            return head_logits
        out = head_logits.new_full((*head_logits.shape[:-1], self.config.vocab_size), float("-inf"))
        return out.index_copy_(-1, self.output_ids, head_logits)

    # ------------------------------------------------------------------ to implement per model

    @property
    def num_block_applications(self) -> int:
        """Block applications per token in one evaluation forward (= KV cache pairs)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ shared forward pieces

    def output_logits(self, hidden: torch.Tensor, input_ids: torch.Tensor, ctx: ForwardContext) -> torch.Tensor:
        """``[B, T, vocab]`` logits of the last hidden state: the LM head, or ``log p`` with a copy head."""
        logits = self.full_logits(self.head(hidden))
        if self.copy_head is None:
            return logits
        attn, ids = self.copy_head.attention(hidden, input_ids, ctx.mask, ctx.kv_cache, ctx.cache_position)
        return self.copy_head.mix(logits, hidden, attn, ids[:, None, :].expand(-1, hidden.shape[1], -1))

    def _train_logits(self, hidden: torch.Tensor, labels: torch.Tensor, supervised_only: bool,
                      input_ids: torch.Tensor | None = None, ctx: ForwardContext | None = None) -> torch.Tensor:
        """The LM head of ``train_forward``: ``[B, S, V]``, or packed ``[N, V]`` at ``labels != -100``.

        The loss reads only supervised positions, and with a 50k vocabulary the head is most of a
        small model's step (forward and backward), so training skips the prompt and padding rows
        (often over half of an MBPP batch). Selecting ``hidden`` first keeps the backward exact: the
        skipped rows got zero gradient anyway. With a copy head (``input_ids`` and ``ctx`` needed) the
        result is ``log p`` over the head's rows, plus, for a compact head, one last column holding the
        mass copied onto ids outside it (never a target), so that every row still sums to 1.
        """
        keep = labels != IGNORE_INDEX
        if self.copy_head is None:
            return self.head(hidden[keep] if supervised_only else hidden)
        attn, ids = self.copy_head.attention(hidden, input_ids, ctx.mask, None, 0)
        cols = ids[:, None, :].expand(-1, hidden.shape[1], -1)
        extra = 0
        if self.output_ids is not None:
            rows = self.head_index[cols]
            cols, extra = torch.where(rows >= 0, rows, self.head_rows), 1
        if supervised_only:
            hidden, attn, cols = hidden[keep], attn[keep], cols[keep]
        return self.copy_head.mix(self.head(hidden), hidden, attn, cols, extra)

    def _prepare(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor | None,
        position_ids: torch.Tensor | None,
        prefix_lengths: torch.Tensor | None,
        kv_cache: KVCache | None,
        cache_position: int,
    ) -> tuple[torch.Tensor, ForwardContext]:
        """Check the inputs, embed the tokens and build the shared context of the block applications."""
        if input_ids.dim() != 2:
            raise ValueError(f"input_ids must be [batch, seq_len], got shape {tuple(input_ids.shape)}")
        B, T = input_ids.shape
        end = cache_position + T
        if end > self.config.max_seq_len:
            raise ValueError(
                f"sequence of {end} positions (cache_position {cache_position} + {T} new) exceeds "
                f"max_seq_len={self.config.max_seq_len}; shorten the input or build the model with a larger max_seq_len"
            )
        if kv_cache is not None:
            if kv_cache.batch_size != B or kv_cache.num_applications != self.num_block_applications:
                raise ValueError(
                    f"kv_cache has {kv_cache.batch_size} rows x {kv_cache.num_applications} applications, "
                    f"input needs {B} rows x {self.num_block_applications}; make it with model.new_kv_cache"
                )
            if end > kv_cache.max_len:
                raise ValueError(f"kv_cache holds {kv_cache.max_len} slots, {end} needed")
        elif cache_position != 0:
            raise ValueError("cache_position > 0 needs a kv_cache")
        if position_ids is None:
            if attention_mask is not None:
                position_ids = (attention_mask.long().cumsum(-1) - 1).clamp(min=0)[:, cache_position:end]
            else:
                position_ids = torch.arange(cache_position, end, device=input_ids.device).expand(B, T)
        elif int(position_ids.max()) >= self.config.max_seq_len:
            raise ValueError(f"position_ids reach {int(position_ids.max())}, max_seq_len is {self.config.max_seq_len}")
        if self.config.attention != "prefix":
            prefix_lengths = None  # a causal model ignores them (training batches always carry prompt lengths)
        elif prefix_lengths is None and T > 1:
            raise ValueError("attention: prefix needs prefix_lengths (the prompt length of every row)")
        elif prefix_lengths is not None and cache_position > 0:
            # Earlier prompt keys were cached without seeing later prompt tokens: not bidirectional any more.
            if bool((position_ids < prefix_lengths.to(position_ids.device)[:, None]).any()):
                raise ValueError("PrefixLM with a KV cache: prefill the whole prompt in the first call (cache_position 0)")

        x = self.embed_tokens(input_ids)
        if self.embed_positions is not None:
            # Learned positions: the sum of two unit-scale embeddings is rescaled by 1/sqrt(2) (HRM).
            x = (x + self.embed_positions(position_ids)) / math.sqrt(2.0)
        x = self.embed_scale * x
        mask = build_attention_mask(
            T, cache_position, attention_mask, self.config.causal, prefix_lengths, position_ids, input_ids.device
        )
        rotary = self.rotary(position_ids) if self.rotary is not None else None
        return x, ForwardContext(mask, rotary, kv_cache, cache_position)

    def new_kv_cache(
        self, batch_size: int, max_len: int, device: torch.device | None = None, dtype: torch.dtype | None = None
    ) -> KVCache:
        """Allocate an empty cache for ``batch_size`` rows of up to ``max_len`` slots.

        Fill it with ``model(ids, kv_cache=cache, cache_position=p)`` calls in slot order. With
        ``attention: prefix`` the whole prompt must be written by the first call (it is bidirectional).
        """
        if not self.config.causal:
            raise ValueError("a KV cache is only exact for causal attention (causal: true)")
        if max_len > self.config.max_seq_len:
            raise ValueError(f"max_len={max_len} exceeds max_seq_len={self.config.max_seq_len}")
        ref = self.embed_tokens.weight
        cfg = self.config
        shape = (self.num_block_applications, batch_size, cfg.num_heads, max_len, cfg.head_dim)
        keys = torch.zeros(shape, device=device or ref.device, dtype=dtype or ref.dtype)
        copy = ()
        if self.copy_head is not None:
            copy = (keys.new_zeros(batch_size, max_len, cfg.hidden_size),
                    torch.zeros(batch_size, max_len, dtype=torch.long, device=keys.device))
        return KVCache(keys, torch.zeros_like(keys), *copy)

    # ------------------------------------------------------------------ cost

    def num_parameters(self, trainable_only: bool = False) -> int:
        """Number of parameters (buffers such as ``H_init`` excluded)."""
        return sum(p.numel() for p in self.parameters() if p.requires_grad or not trainable_only)

    def _block_flops(self, seq_len: int) -> float:
        """Forward FLOPs per token of one block application (matmuls only; 2 FLOPs per MAC)."""
        D, inter = self.config.hidden_size, self.config.intermediate_size
        # Causal: on average a token attends to (seq_len + 1) / 2 keys.
        context = (seq_len + 1) / 2 if self.config.causal else seq_len
        projections = 2 * (3 * D * D + D * D)
        mlp = 2 * 3 * D * inter
        scores = 2 * 2 * D * context  # QK^T and attention x V
        return projections + mlp + scores

    def _head_flops(self, seq_len: int) -> float:
        """Forward FLOPs per token of the LM head (and of the copy head, attending to (seq_len + 1) / 2 slots)."""
        D = self.config.hidden_size
        copy = self.copy_head.flops_per_token(D, (seq_len + 1) / 2) if self.copy_head is not None else 0.0
        return 2 * D * self.head_rows + copy

    def flops_per_token(self, seq_len: int, training: bool = False) -> float:
        """FLOPs per token of an evaluation forward, or of one training step when ``training``."""
        raise NotImplementedError

    def kv_cache_bytes_per_token(self, bytes_per_value: int = 4) -> int:
        """Bytes :meth:`new_kv_cache` holds per slot: a key and a value per block application, and with a
        copy head its key and the slot's id (int64). ``bytes_per_value``: 4 for fp32, 2 for bf16."""
        c = self.config
        per = 2 * self.num_block_applications * c.num_heads * c.head_dim * bytes_per_value
        if self.copy_head is not None:
            per += c.hidden_size * bytes_per_value + 8
        return per

    # ------------------------------------------------------------------ checkpoints

    def save_pretrained(self, directory: str | Path) -> Path:
        """Write ``model.safetensors`` and ``config.yaml`` to ``directory`` (see :mod:`~hrm_codegen.models.checkpoint`)."""
        return save_checkpoint(self, directory)

    @classmethod
    def from_pretrained(cls, directory: str | Path, device: Any = "cpu") -> LMBase:
        """Rebuild the exact model saved by ``save_pretrained``; it must be a ``cls`` (see :func:`load_model`)."""
        return load_model(directory, device=device, expect=None if cls is LMBase else cls)


def build_model(cfg: Union[dict[str, Any], str, Path, ModelConfig]) -> LMBase:
    """Build an untrained model from a config dict, YAML path or ``ModelConfig`` (validated).

    The class is the :class:`LMBase` subclass that declared the config's ``arch``.
    """
    config = load_config(cfg)
    return LMBase.architectures[config.arch](config)


def load_model(directory: Union[str, Path], device: Any = "cpu", expect: type[LMBase] | None = None) -> LMBase:
    """Load a model saved by ``save_pretrained`` (``config.yaml`` + ``model.safetensors``).

    ``expect``: the class the checkpoint must hold (a ``TypeError`` otherwise). A missing file is a
    ``FileNotFoundError``; weights that cannot be read or do not fit the config a :class:`CheckpointError`.
    """
    model = build_model(read_config(directory))
    if expect is not None and not isinstance(model, expect):
        raise TypeError(f"{directory} holds a {type(model).__name__}, not a {expect.__name__}")
    return load_weights(model, directory, device)
