"""Optimizers (AdamW, HRM's Adam-atan2), the learning-rate schedule and the EMA of the weights."""

from __future__ import annotations

import math
from typing import Callable

import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel

from hrm_codegen.training.config import OptimConfig, ScheduleConfig


class AdamATan2(torch.optim.Optimizer):
    """Adam-atan2 (Everett et al. 2024, "Scaling Exponents Across Parameterizations and Optimizers"), in HRM's form.

    Adam's ``m / (sqrt(v) + eps)`` becomes an ``atan2``: bounded, scale invariant, and without an
    epsilon to tune. The update is the one of the ``adam_atan2`` CUDA kernel HRM trains with::

        p -= a * lr / (1 - beta1^t) * atan2(m, b * sqrt(v / (1 - beta2^t)))

    with the raw moments ``m``, ``v``: the first moment's bias correction scales the step (as in
    torch's Adam) instead of entering the ``atan2``. ``a = b = 1`` is HRM's; the ``a = 1.27``
    (~4/pi) of other implementations makes every step 1.27x larger. Decoupled weight decay as in AdamW.
    """

    def __init__(self, params, lr: float = 1e-4, betas=(0.9, 0.95), weight_decay: float = 0.1,
                 a: float = 1.0, b: float = 1.0):
        if lr <= 0 or weight_decay < 0 or not all(0.0 <= x < 1.0 for x in betas):
            raise ValueError(f"AdamATan2: invalid lr={lr}, betas={betas} or weight_decay={weight_decay}")
        super().__init__(params, dict(lr=lr, betas=tuple(betas), weight_decay=weight_decay, a=a, b=b))

    @torch.no_grad()
    def step(self, closure: Callable | None = None):
        """One update of every parameter that has a gradient."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            lr, (beta1, beta2), wd, a, b = group["lr"], group["betas"], group["weight_decay"], group["a"], group["b"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = torch.tensor(0.0)
                    state["exp_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                    state["exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                state["step"] += 1
                step = float(state["step"])
                if wd:
                    p.mul_(1.0 - lr * wd)
                grad = p.grad
                state["exp_avg"].lerp_(grad, 1.0 - beta1)
                state["exp_avg_sq"].mul_(beta2).addcmul_(grad, grad, value=1.0 - beta2)
                denom = (state["exp_avg_sq"] / (1.0 - beta2**step)).sqrt_().mul_(b)
                p.add_(torch.atan2(state["exp_avg"], denom), alpha=-a * lr / (1.0 - beta1**step))
        return loss


def build_optimizer(model: nn.Module, cfg: OptimConfig) -> torch.optim.Optimizer:
    """AdamW or AdamATan2; weight decay on matrices/embeddings only, never on biases or 1-D tensors."""
    params = [p for p in model.parameters() if p.requires_grad]
    groups = [
        {"params": [p for p in params if p.dim() >= 2], "weight_decay": cfg.weight_decay},
        {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0},
    ]
    groups = [g for g in groups if g["params"]]
    if cfg.name == "adam_atan2":
        return AdamATan2(groups, lr=cfg.lr, betas=cfg.betas)
    return torch.optim.AdamW(groups, lr=cfg.lr, betas=cfg.betas, eps=cfg.eps)


def lr_factor(step: int, cfg: ScheduleConfig, total_steps: int) -> float:
    """Multiplier of the base lr for optimizer step ``step`` (0-based): linear warm-up, then cosine or constant."""
    if step < cfg.warmup_steps:
        return (step + 1) / cfg.warmup_steps
    if cfg.kind == "constant":
        return 1.0
    progress = min(1.0, (step - cfg.warmup_steps) / max(1, total_steps - cfg.warmup_steps))
    return cfg.min_lr_ratio + (1.0 - cfg.min_lr_ratio) * 0.5 * (1.0 + math.cos(math.pi * progress))


def build_scheduler(optimizer: torch.optim.Optimizer, cfg: ScheduleConfig, total_steps: int):
    """A ``LambdaLR`` applying :func:`lr_factor` to the base lr, stepped once per optimizer step."""
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: lr_factor(s, cfg, total_steps))


def set_base_lr(scheduler, lr: float) -> None:
    """Put a new base learning rate into a ``LambdaLR`` at its current step (the rollback's "lr / 10").

    ``base_lrs`` and each group's ``initial_lr`` are what ``LambdaLR`` scales; the groups' current
    ``lr`` is recomputed for the step the scheduler is at, so the schedule continues at the new scale.
    """
    scheduler.base_lrs = [lr] * len(scheduler.base_lrs)
    for group, lmbda in zip(scheduler.optimizer.param_groups, scheduler.lr_lambdas):
        group["initial_lr"] = lr
        group["lr"] = lr * lmbda(scheduler.last_epoch)


def build_ema(model: nn.Module, decay: float) -> AveragedModel:
    """An exponential moving average of ``model``'s weights (torch's ``AveragedModel``), bias-corrected.

    After optimizer step ``t`` the average is ``sum_i (1 - decay) decay^(t-i) w_i / (1 - decay^t)``:
    an EMA of the weights trained so far, normalised like Adam's moments, so the initial weights carry
    no weight. A plain EMA started from the initial weights still holds ``decay^t`` of them: 74% after
    300 steps at decay 0.999, which made short runs (and the arms at small scale) evaluate mostly
    untrained weights. Recursively, step ``t`` lerps the average towards the weights by
    ``(1 - decay) / (1 - decay^t)`` (1 at ``t = 1``); long runs are unchanged (``decay^t -> 0``).
    ``AveragedModel``'s first update copies the weights; it is made here, so its count of updates
    (``n_averaged``, saved with its state) is ``t`` at optimizer step ``t``.
    """

    @torch.no_grad()
    def lerp_bias_corrected(averaged: list[torch.Tensor], current: list[torch.Tensor], num_averaged) -> None:
        t = float(num_averaged)
        weight = (1.0 - decay) / (1.0 - decay ** t)
        for a, c in zip(averaged, current):
            a.lerp_(c, weight)

    ema = AveragedModel(model, multi_avg_fn=lerp_bias_corrected)
    ema.update_parameters(model)
    return ema


def grad_k_at(step: int, total_steps: int, fraction: float, k_final: int) -> int:
    """HRM's back-propagated module applications at ``step`` under ``train.grad_k_warmup``: 2 at the
    start, rising linearly to ``k_final`` at ``fraction * total_steps`` (HRM-Text: 2 -> 5 over 0.2)."""
    span = fraction * total_steps
    if k_final <= 2 or span <= 0:
        return k_final
    return min(k_final, 2 + int((k_final - 2) * step / span))
