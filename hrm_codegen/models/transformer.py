"""The reference baseline: a plain causal transformer built from the same blocks as HRM.

Same embedding, positions, attention, SwiGLU, norm style, LM head, checkpoint format, cache and
interface as ``HierarchicalReasoningModel_ACTV1``; only the recurrence is gone. Size it by
``num_layers``: the default 8 matches the default HRM's parameters (4 H + 4 L blocks), and 24
matches its block applications (its compute per token at M = 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from hrm_codegen.models.base import ForwardContext, KVCache, LMBase, LMOutput, TrainOutput
from hrm_codegen.models.config import ModelConfig
from hrm_codegen.models.layers import Block, rms_norm


@dataclass
class TransformerCarry:
    """A stateless carry, so the trainer drives both architectures the same way."""

    halted: torch.Tensor


class TransformerForCausalLM(LMBase, arch="transformer"):
    """A stack of ``num_layers`` causal blocks between the embedding and the LM head."""

    def __init__(self, config: ModelConfig):
        super().__init__(config)
        self.layers = nn.ModuleList(
            Block(config.hidden_size, config.num_heads, config.intermediate_size, config.norm_style, config.rms_norm_eps)
            for _ in range(config.num_layers)
        )

    @property
    def num_block_applications(self) -> int:
        """One application per layer (= KV cache pairs)."""
        return self.config.num_layers

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor | None = None,
        position_ids: torch.Tensor | None = None,
        prefix_lengths: torch.Tensor | None = None,
        kv_cache: KVCache | None = None,
        cache_position: int = 0,
    ) -> LMOutput:
        """Logits ``[B, T, vocab]``; arguments as in docs/architecture.md."""
        x, ctx = self._hidden(input_ids, attention_mask, position_ids, prefix_lengths, kv_cache, cache_position)
        return LMOutput(logits=self.output_logits(x, input_ids, ctx))

    def _hidden(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor | None = None,
        position_ids: torch.Tensor | None = None,
        prefix_lengths: torch.Tensor | None = None,
        kv_cache: KVCache | None = None,
        cache_position: int = 0,
    ) -> tuple[torch.Tensor, ForwardContext]:
        """The LM head's input ``[B, T, D]`` and the forward's context (split from ``forward`` so training
        can apply the head sparsely)."""
        x, ctx = self._prepare(input_ids, attention_mask, position_ids, prefix_lengths, kv_cache, cache_position)
        for i, layer in enumerate(self.layers):
            x = layer(x, ctx.mask, ctx.rotary, ctx.cache_for(i), ctx.cache_position)
        if self.config.norm_style == "pre":
            x = rms_norm(x, self.config.rms_norm_eps)
        return x, ctx

    def initial_carry(self, batch: dict[str, torch.Tensor]) -> TransformerCarry:
        """A carry with every row halted (the transformer keeps no state between steps)."""
        B = batch["input_ids"].shape[0]
        return TransformerCarry(halted=torch.ones(B, dtype=torch.bool, device=batch["input_ids"].device))

    def train_forward(
        self, carry: TransformerCarry, batch: dict[str, torch.Tensor], supervised_only: bool = False
    ) -> tuple[TransformerCarry, TrainOutput]:
        """A plain forward on ``batch`` with every row halted after one step (no Q head).

        With ``supervised_only`` the ``logits`` are packed ``[N, V]`` (LM head at ``labels != -100``
        only, see ``TrainOutput``).
        """
        attention_mask = batch.get("attention_mask")
        hidden, ctx = self._hidden(batch["input_ids"], attention_mask, batch.get("position_ids"),
                                   prefix_lengths=batch.get("prompt_lengths"))
        labels = self.head_labels(batch["labels"])
        logits = self._train_logits(hidden, labels, supervised_only, batch["input_ids"], ctx)
        B = hidden.shape[0]
        halted = torch.ones(B, dtype=torch.bool, device=logits.device)
        out = TrainOutput(
            logits=logits,
            labels=labels,
            attention_mask=attention_mask,
            q_halt_logits=None,
            q_continue_logits=None,
            target_q_continue=None,
            halted=halted,
            steps=torch.ones(B, dtype=torch.long, device=logits.device),
            loss_weights=batch.get("loss_weights"),
        )
        return TransformerCarry(halted), out

    def flops_per_token(self, seq_len: int, training: bool = False) -> float:
        """Forward FLOPs per token; a training step is forward + backward (2x) = 3x."""
        forward = self.config.num_layers * self._block_flops(seq_len) + self._head_flops(seq_len)
        return 3 * forward if training else forward
