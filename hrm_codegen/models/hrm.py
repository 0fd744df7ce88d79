"""HierarchicalReasoningModel_ACTV1 as a causal language model.

The recurrence (one *segment*), with ``x`` the scaled token embeddings::

    for i in range(H_cycles):
        for j in range(L_cycles):
            z_L = L(z_L + z_H + x)
        z_H = H(z_H + z_L)
    logits = lm_head(z_H)

Every block is causal, and the state ``(z_H, z_L)`` is per position, so logits at position t
depend only on tokens <= t for any number of cycles and segments (PrefixLM: on the prompt and
answer tokens <= t).

Blocks: pre-norm with a norm at each module's exit (``norm_style: pre``, HRM-Text; the default)
or the paper's post-norm (``norm_style: post``). Post-norm HRM does not learn to copy at lr 2e-3
without warm-up (it stays at chance, also with zero ``H_init``/``L_init``: the cause is the post-norm
state path, not the initial states), while pre-norm does; post-norm needs a warm-up (issue 12,
``benchmarks/copy_bench.py``, ``reports/copy-induction.md``). On variable spans (induction) the
pre-norm HRM learns as fast as the transformer with ``state_init_std: 0`` and ``grad_last_k: 6``.

Gradients: only the last ``grad_last_k`` module applications of a segment back-propagate
(2 = HRM's one-step gradient through the final L and H updates); all earlier ones run under
``no_grad``, so memory does not grow with the number of cycles.

ACT outer loop (``train_forward``): up to ``halt_max_steps`` (M) segments, each its own training
step; the carry is detached between segments and a row that has not halted keeps its data and
state for the next step.

The Q head, adapted to a causal LM. The puzzle model read position 0, which under causal
attention has seen only the first token. Here the Q head reads ``z_H`` at the *last real token*
of each row -- the one position whose state has seen the whole sequence (for training data, the
position that predicts EOS) -- like a summary token at the end instead of the start. Halting is a
per-sequence decision (the carry halts per row), so the target stays per sequence as in HRM:
``q_halt`` <- "every supervised token of the row is predicted correctly" (exact match of the
answer), ``q_continue`` <- sigmoid(max(next q_halt, next q_continue)) from one extra no-grad
segment (next q_halt at the last step). Per-token targets were rejected: they would ask for a
per-token halt that the per-row carry cannot act on. At evaluation every row runs all M segments.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from hrm_codegen.models.base import ForwardContext, KVCache, LMBase, LMOutput, TrainOutput
from hrm_codegen.models.config import ModelConfig
from hrm_codegen.models.layers import Block, rms_norm, trunc_normal_init_


class ReasoningModule(nn.Module):
    """A stack of blocks applied to ``hidden + injection`` (input injection is additive)."""

    def __init__(self, config: ModelConfig, num_layers: int):
        super().__init__()
        self.layers = nn.ModuleList(
            Block(config.hidden_size, config.num_heads, config.intermediate_size, config.norm_style, config.rms_norm_eps)
            for _ in range(num_layers)
        )
        # Pre-norm blocks leave the residual stream unnormalised: HRM-Text adds a norm at the module's exit.
        self.exit_norm = config.norm_style == "pre"
        self.eps = config.rms_norm_eps

    def forward(self, hidden: torch.Tensor, injection: torch.Tensor, ctx: ForwardContext, first_app: int) -> torch.Tensor:
        """Apply the stack; block ``i`` uses cache slot ``first_app + i``."""
        x = hidden + injection
        for i, layer in enumerate(self.layers):
            x = layer(x, ctx.mask, ctx.rotary, ctx.cache_for(first_app + i), ctx.cache_position)
        return rms_norm(x, self.eps) if self.exit_norm else x


@dataclass
class HRMCarry:
    """The ACT state carried across training steps: per-row recurrent state, step count and data."""

    z_H: torch.Tensor
    z_L: torch.Tensor
    steps: torch.Tensor
    halted: torch.Tensor
    data: dict[str, torch.Tensor]


class HierarchicalReasoningModel_ACTV1(LMBase, arch="hrm"):
    """HRM (Wang et al. 2025) with causal attention, for next-token prediction."""

    def __init__(self, config: ModelConfig):
        super().__init__(config)
        self.H_level = ReasoningModule(config, config.H_layers)
        self.L_level = ReasoningModule(config, config.L_layers)
        # Fixed initial states: random once, never trained (buffers, saved with the weights); std
        # ``state_init_std`` (0 = zero states; the same random draws either way, so seeds stay comparable).
        self.register_buffer("H_init", trunc_normal_init_(torch.empty(config.hidden_size), std=config.state_init_std))
        self.register_buffer("L_init", trunc_normal_init_(torch.empty(config.hidden_size), std=config.state_init_std))
        # The trainer's K warm-up (train.grad_k_warmup) sets this below grad_last_k early in training.
        self.grad_k: int | None = None
        self.q_head = nn.Linear(config.hidden_size, 2, bias=True)
        with torch.no_grad():  # start by never halting early: zero weight, bias -5 (HRM)
            self.q_head.weight.zero_()
            self.q_head.bias.fill_(-5.0)

    # ------------------------------------------------------------------ schedule

    @property
    def applications_per_segment(self) -> int:
        """Block applications in one segment."""
        c = self.config
        return c.H_cycles * (c.L_cycles * c.L_layers + c.H_layers)

    @property
    def num_block_applications(self) -> int:
        """Block applications per token in an evaluation forward (all M segments) = KV cache pairs."""
        return self.config.halt_max_steps * self.applications_per_segment

    def _segment(
        self, z_H: torch.Tensor, z_L: torch.Tensor, x: torch.Tensor, ctx: ForwardContext, first_app: int, grad: bool
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """One segment of H/L cycles; only the last ``grad_last_k`` module applications keep gradients."""
        c = self.config
        with_grad = self.grad_modules() if grad else set()
        module_index, app = 0, first_app
        for _ in range(c.H_cycles):
            for _ in range(c.L_cycles):
                with torch.set_grad_enabled(module_index in with_grad):
                    z_L = self.L_level(z_L, z_H + x, ctx, app)
                module_index, app = module_index + 1, app + c.L_layers
            with torch.set_grad_enabled(module_index in with_grad):
                z_H = self.H_level(z_H, z_L, ctx, app)
            module_index, app = module_index + 1, app + c.H_layers
        return z_H, z_L

    def grad_modules(self, k: int | None = None) -> set[int]:
        """Indices (in execution order, ``L L H L L H`` = 0..5 for 2 x 2 cycles) of the module applications
        of a segment that back-propagate: ``k`` (default ``grad_last_k``) chosen by ``grad_order``."""
        c = self.config
        k = (self.grad_k or c.grad_last_k) if k is None else k
        num_modules = c.H_cycles * (c.L_cycles + 1)
        order = list(range(num_modules))
        if c.grad_order == "execution":
            return set(order[num_modules - min(k, num_modules):])
        is_h = [(i + 1) % (c.L_cycles + 1) == 0 for i in order]
        h_apps = [i for i in order if is_h[i]]
        l_apps = [i for i in order if not is_h[i]]
        n_h = min(c.H_cycles, max(0, k - 1))
        n_l = min(len(l_apps), max(0, k - n_h))
        return set(h_apps[len(h_apps) - n_h:]) | set(l_apps[len(l_apps) - n_l:])

    def _initial_state(self, batch_size: int, seq_len: int, like: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        shape = (batch_size, seq_len, self.config.hidden_size)
        return self.H_init.to(like.dtype).expand(shape), self.L_init.to(like.dtype).expand(shape)

    # ------------------------------------------------------------------ evaluation forward

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor | None = None,
        position_ids: torch.Tensor | None = None,
        prefix_lengths: torch.Tensor | None = None,
        kv_cache: KVCache | None = None,
        cache_position: int = 0,
    ) -> LMOutput:
        """All M segments from a fresh carry (evaluation semantics); arguments as in docs/architecture.md.

        Differentiable with the training gradient policy: earlier segments run without gradient
        and the last one keeps gradients through its last ``grad_last_k`` module applications.
        """
        x, ctx = self._prepare(input_ids, attention_mask, position_ids, prefix_lengths, kv_cache, cache_position)
        grad = torch.is_grad_enabled()
        z_H, z_L = self._initial_state(*input_ids.shape, like=x)
        M = self.config.halt_max_steps
        for step in range(M):
            # New positions start from H_init/L_init in every row, so cached decoding is exact for M > 1.
            z_H, z_L = self._segment(z_H, z_L, x, ctx, step * self.applications_per_segment, grad and step == M - 1)
        return LMOutput(logits=self.output_logits(z_H, input_ids, ctx))

    # ------------------------------------------------------------------ ACT training path

    def initial_carry(self, batch: dict[str, torch.Tensor]) -> HRMCarry:
        """A carry in which every row is halted, so the first ``train_forward`` loads the whole batch."""
        input_ids = batch["input_ids"]
        B, S = input_ids.shape
        D = self.config.hidden_size
        device = input_ids.device
        return HRMCarry(
            z_H=torch.zeros(B, S, D, device=device),
            z_L=torch.zeros(B, S, D, device=device),
            steps=torch.zeros(B, dtype=torch.long, device=device),
            halted=torch.ones(B, dtype=torch.bool, device=device),
            data={k: torch.zeros_like(v) for k, v in batch.items() if isinstance(v, torch.Tensor)},
        )

    def _q_logits(self, z_H: torch.Tensor, attention_mask: torch.Tensor | None) -> tuple[torch.Tensor, torch.Tensor]:
        """Q logits ``[B]`` read at each row's last real token (see the module docstring)."""
        if attention_mask is None:
            last = torch.full((z_H.shape[0],), z_H.shape[1] - 1, device=z_H.device)
        else:  # right-padded training rows: last index with mask 1
            positions = torch.arange(z_H.shape[1], device=z_H.device)
            last = (attention_mask.bool() * positions).amax(-1)
        summary = z_H[torch.arange(z_H.shape[0], device=z_H.device), last]
        q = self.q_head(summary).float()
        return q[:, 0], q[:, 1]

    def train_forward(
        self, carry: HRMCarry, batch: dict[str, torch.Tensor], supervised_only: bool = False
    ) -> tuple[HRMCarry, TrainOutput]:
        """One ACT segment: reset halted rows with fresh data, run a segment, decide halting, set Q targets.

        ``batch`` holds ``input_ids``, ``labels`` and optionally ``attention_mask`` / ``prompt_lengths``
        (used as PrefixLM prefix lengths), all with the same ``[B, S]`` as the carry (pad to a fixed
        ``seq_len``). Returns the new (detached) carry and a ``TrainOutput``; with ``supervised_only``
        its ``logits`` are packed ``[N, V]`` (LM head at supervised positions only, see ``TrainOutput``).
        """
        M = self.config.halt_max_steps
        for key, value in carry.data.items():
            if key not in batch or batch[key].shape != value.shape:
                got = tuple(batch[key].shape) if key in batch else "missing"
                raise ValueError(
                    f"batch[{key!r}] is {got} but the carry holds {tuple(value.shape)}: ACT keeps unhalted rows "
                    "across steps, so every batch needs the same keys and shape (collate_batch(pad_to=seq_len))"
                )
        halted = carry.halted
        reset = halted.view(-1, 1, 1)
        data = {k: torch.where(halted.view(-1, *[1] * (v.dim() - 1)), batch[k], v) for k, v in carry.data.items()}
        steps = torch.where(halted, torch.zeros_like(carry.steps), carry.steps)

        attention_mask = data.get("attention_mask")
        x, ctx = self._prepare(data["input_ids"], attention_mask, data.get("position_ids"), data.get("prompt_lengths"),
                               None, 0)
        H0, L0 = self._initial_state(*data["input_ids"].shape, like=x)
        z_H = torch.where(reset, H0, carry.z_H.to(x.dtype))
        z_L = torch.where(reset, L0, carry.z_L.to(x.dtype))
        z_H, z_L = self._segment(z_H, z_L, x, ctx, 0, torch.is_grad_enabled())
        labels = self.head_labels(data["labels"])
        logits = self._train_logits(z_H, labels, supervised_only, data["input_ids"], ctx)

        steps = steps + 1
        is_last = steps >= M
        new_halted = is_last
        q_halt = q_continue = target_q_continue = None
        if M > 1:
            q_halt, q_continue = self._q_logits(z_H, attention_mask)
            if self.training:
                with torch.no_grad():
                    new_halted = is_last | (q_halt > q_continue)
                    # Exploration: with probability eps force a random minimum of 2..M segments.
                    explore = torch.rand_like(q_halt) < self.config.halt_exploration_prob
                    min_steps = explore * torch.randint_like(steps, 2, M + 1)
                    new_halted = new_halted & (steps >= min_steps)
                    # Q-learning target from one more segment (no gradient), as in HRM.
                    next_H, _ = self._segment(z_H.detach(), z_L.detach(), x.detach(), ctx, 0, grad=False)
                    next_halt, next_continue = self._q_logits(next_H, attention_mask)
                    target_q_continue = torch.sigmoid(
                        torch.where(is_last, next_halt, torch.maximum(next_halt, next_continue))
                    )
        new_carry = HRMCarry(z_H.detach(), z_L.detach(), steps, new_halted, data)
        out = TrainOutput(
            logits=logits,
            labels=labels,
            attention_mask=attention_mask,
            q_halt_logits=q_halt,
            q_continue_logits=q_continue,
            target_q_continue=target_q_continue,
            halted=new_halted,
            steps=steps,
            loss_weights=data.get("loss_weights"),
        )
        return new_carry, out

    # ------------------------------------------------------------------ cost

    def flops_per_token(self, seq_len: int, training: bool = False) -> float:
        """FLOPs per token for the real H/L schedule.

        Evaluation: M segments of block applications + the LM head. Training (one ``train_forward``):
        one segment forward + the LM head, backward (2x forward) through the blocks of the
        ``grad_last_k`` module applications that back-propagate (``grad_order``) and the head (at the
        final K: a ``train.grad_k_warmup`` run spends a little less), and for M > 1 the extra no-grad segment of
        the Q target.
        """
        c = self.config
        block, head = self._block_flops(seq_len), self._head_flops(seq_len)
        if not training:
            return self.num_block_applications * block + head
        modules = [c.L_layers] * c.L_cycles + [c.H_layers]  # blocks per module application, one H cycle
        schedule = modules * c.H_cycles
        grad_blocks = sum(schedule[i] for i in self.grad_modules(c.grad_last_k))
        total = self.applications_per_segment * block + head + 2 * (grad_blocks * block + head)
        if c.halt_max_steps > 1:
            total += self.applications_per_segment * block
        return total


# The name the rest of the package (and HRM readers) use.
HRMForCausalLM = HierarchicalReasoningModel_ACTV1
