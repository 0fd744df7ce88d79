"""Losses for code generation: next-token cross-entropy (softmax or HRM's stablemax) and the ACT head.

**No shift happens here.** The dataset (``hrm_codegen.data.datasets``) already shifted the
labels: ``labels[b, t]`` is the target of ``logits[b, t]``; ``-100`` marks prompt targets and
padding. Every function compares ``logits[:, t]`` with ``labels[:, t]`` directly.

**Normalisation.** :func:`token_loss_sum` returns the *sum* of per-token losses and the number of
supervised tokens rather than a mean. The trainer divides the sum by the number of supervised
tokens in the whole optimizer step (all accumulation micro-batches, all processes), so a step's
loss and gradient equal those of one big un-padded batch, however the batch was split or padded.
A per-micro-batch mean would weight a short micro-batch's tokens more than a long one's.

**Stablemax** (HRM, after Prieto et al. 2025, "Grokking at the edge of numerical stability"):
``s(x) = x + 1`` for ``x >= 0`` and ``1 / (1 - x)`` for ``x < 0``; ``p_i = s(x_i) / sum_j s(x_j)``.
It grows linearly instead of exponentially, which HRM found steadier on tiny data sets.

**ACT loss** (HRM deep supervision, ``halt_max_steps`` M > 1): LM loss + 0.5 x (BCE(q_halt, "the
prediction is correct") + BCE(q_continue, target_q_continue)). The Q logits may be per sequence
``[B]`` (target: every supervised token of the row is predicted correctly) or per position
``[B, S]`` (target: that position's token is predicted correctly, supervised positions only);
:func:`act_loss` accepts either, so the model may choose (see ``hrm_codegen.models``).
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F

from hrm_codegen.tokenization import IGNORE_INDEX

LOSS_KINDS = ("softmax", "stablemax")


def _supervised_rows(logits: torch.Tensor, labels: torch.Tensor, ignore_index: int):
    """The fp32 logits ``[N, V]`` of the supervised positions: ``(rows, targets, keep)``.

    ``logits`` is either one row per label (``[..., V]`` with ``labels [...]``), or already packed
    ``[N, V]``: the supervised positions only, in row-major order (``train_forward(...,
    supervised_only=True)``). ``keep`` is the flat supervised mask of ``labels``. Selecting before
    the fp32 cast means a bf16 model never materialises fp32 logits for the prompt and padding
    positions (often half of a batch for MBPP prompts).
    """
    flat_labels = labels.reshape(-1)
    keep = flat_labels != ignore_index
    targets = flat_labels[keep]
    if logits.shape[:-1] == labels.shape:
        rows = logits.reshape(-1, logits.shape[-1])[keep]
    elif logits.dim() == 2 and logits.shape[0] == targets.numel():
        rows = logits
    else:
        raise ValueError(f"logits {tuple(logits.shape)} and labels {tuple(labels.shape)} do not line up "
                         "(labels are already shifted: one label per logits position, or packed logits "
                         f"with one row per supervised label, here {targets.numel()})")
    return rows.float(), targets, keep


def log_stablemax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """``log(s(x) / sum s(x))`` with HRM's ``s`` (see the module docstring)."""
    s_x = torch.where(x < 0, 1.0 / (1.0 - x), x + 1.0)
    return torch.log(s_x) - torch.log(s_x.sum(dim=dim, keepdim=True))


def token_loss_sum(
    logits: torch.Tensor,
    labels: torch.Tensor,
    kind: str = "softmax",
    ignore_index: int = IGNORE_INDEX,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Summed next-token cross-entropy over supervised positions, and how many there were.

    ``logits [B, S, V]`` (any float dtype; the loss is computed in fp32) or the supervised positions
    only, packed ``[N, V]`` (see ``TrainOutput``), ``labels [B, S]`` already shifted. Returns ``(sum, count)``: a 0-d fp32 tensor carrying the gradient and a 0-d int64
    tensor. ``kind`` is ``"softmax"`` (standard) or ``"stablemax"`` (HRM). Divide the sum by the
    supervised-token count of the whole optimizer step to get the step's mean loss.
    """
    rows, targets, _ = _supervised_rows(logits, labels, ignore_index)
    return _rows_loss_sum(rows, targets, kind, logits)[0], torch.tensor(targets.numel(), device=labels.device)


def _rows_loss_sum(rows: torch.Tensor, targets: torch.Tensor, kind: str, logits: torch.Tensor,
                   weights: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """``(sum, weighted sum)`` of the per-row losses; the two are the same tensor when ``weights``
    (one per row) is None."""
    if kind not in LOSS_KINDS:
        raise ValueError(f"unknown loss kind {kind!r}; choose one of {', '.join(LOSS_KINDS)}")
    if targets.numel() == 0:
        # Keep the graph connected (DDP expects a gradient for every used parameter) with a zero.
        zero = logits.sum().float() * 0.0
        return zero, zero
    if kind == "softmax":
        per_row = F.cross_entropy(rows, targets, reduction="none")
    else:
        per_row = -log_stablemax(rows, dim=-1).gather(-1, targets[:, None])[:, 0]
    total = per_row.sum()
    return total, total if weights is None else (per_row * weights.float()).sum()


def _bce(logits: torch.Tensor, target: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
    """Mean binary cross-entropy with logits over ``mask`` (all entries when None), in fp32."""
    loss = F.binary_cross_entropy_with_logits(logits.float(), target.float(), reduction="none")
    if mask is None:
        return loss.mean()
    return (loss * mask).sum() / mask.sum().clamp_min(1)


def act_loss(
    out: Any,
    kind: str = "softmax",
    normalizer: torch.Tensor | float | None = None,
    q_weight: float = 0.5,
    ignore_index: int = IGNORE_INDEX,
) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """The ACT loss head: LM loss + ``q_weight`` x (BCE(q_halt) + BCE(q_continue)).

    ``out`` is the model's ``TrainOutput`` (``logits`` full ``[B, S, V]`` or packed ``[N, V]``,
    ``labels [B, S]``, ``q_halt_logits``, ``q_continue_logits``, ``target_q_continue``, ``halted``,
    ``steps``); both logits layouts give the same loss and metrics. The LM loss is the token
    loss sum divided by ``normalizer`` (the trainer passes the supervised-token count of the whole
    optimizer step) or, when None, by this batch's own count. With ``out.loss_weights`` (``data.def_line_weight``)
    each token's loss is multiplied by its weight before the sum (the normaliser is still the token
    count, and the ``lm_loss_sum`` metric stays the plain, unweighted sum). Q losses are means over sequences
    (``[B]`` Q logits) or over supervised positions (``[B, S]``). With ``target_q_continue`` None
    (M == 1, or the transformer) the loss is the LM loss alone.

    Returns ``(loss, metrics)``; metrics are detached 0-d tensors (``lm_loss_sum``, ``tokens``,
    ``accuracy``, ``exact_accuracy`` and, with a Q head, ``q_halt_loss``, ``q_continue_loss``,
    ``q_halt_accuracy``, ``steps``) so the caller decides when to synchronise.
    """
    logits, labels = out.logits, out.labels
    rows, targets, keep = _supervised_rows(logits, labels, ignore_index)
    weights = getattr(out, "loss_weights", None)
    lm_sum, optimised = _rows_loss_sum(rows, targets, kind, logits, None if weights is None else weights.reshape(-1)[keep])
    count = torch.tensor(targets.numel(), device=labels.device)
    denom = count.clamp_min(1).to(lm_sum.dtype) if normalizer is None else normalizer
    loss = optimised / denom

    with torch.no_grad():
        mask = labels != ignore_index
        # argmax over the supervised rows only (already gathered for the loss), scattered back.
        correct = torch.zeros_like(keep)
        correct[keep] = rows.argmax(-1) == targets
        correct = correct.view_as(labels)
        seq_correct = (correct.sum(-1) == mask.sum(-1)) & mask.any(-1)
        metrics = {
            "lm_loss_sum": lm_sum.detach(),
            "tokens": count,
            "accuracy": correct.sum().float() / mask.sum().clamp_min(1),
            "exact_accuracy": seq_correct.float().mean(),
        }

    if getattr(out, "target_q_continue", None) is None or getattr(out, "q_halt_logits", None) is None:
        return loss, metrics

    q_halt, q_cont = out.q_halt_logits, out.q_continue_logits
    if q_halt.dim() == 1:  # one Q value per sequence
        halt_target, q_mask = seq_correct, None
    else:  # one Q value per position, trained on supervised positions only
        halt_target, q_mask = correct, mask.float()
    q_halt_loss = _bce(q_halt, halt_target, q_mask)
    q_cont_loss = _bce(q_cont, out.target_q_continue, q_mask)
    loss = loss + q_weight * (q_halt_loss + q_cont_loss)
    with torch.no_grad():
        pred = q_halt > 0
        agree = (pred == halt_target).float()
        metrics["q_halt_accuracy"] = agree.mean() if q_mask is None else (agree * q_mask).sum() / q_mask.sum().clamp_min(1)
        metrics["q_halt_loss"] = q_halt_loss.detach()
        metrics["q_continue_loss"] = q_cont_loss.detach()
        if getattr(out, "steps", None) is not None:
            metrics["steps"] = out.steps.float().mean()
    return loss, metrics


__all__ = ["LOSS_KINDS", "act_loss", "log_stablemax", "token_loss_sum"]
