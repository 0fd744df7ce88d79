"""Losses: token cross-entropy normalisation, stablemax, the ACT head; the AdamATan2 optimizer and lr schedule."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
import torch
import torch.nn.functional as F

from hrm_codegen.tokenization import IGNORE_INDEX
from hrm_codegen.training.config import ScheduleConfig
from hrm_codegen.training.losses import act_loss, log_stablemax, token_loss_sum
from hrm_codegen.training.optim import AdamATan2, build_ema, lr_factor

V = 11


def _batch(B=3, S=7, seed=0, ignore_frac=0.4):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(B, S, V, generator=g)
    labels = torch.randint(0, V, (B, S), generator=g)
    labels[torch.rand(B, S, generator=g) < ignore_frac] = IGNORE_INDEX
    return logits, labels


def test_softmax_sum_matches_torch_cross_entropy():
    logits, labels = _batch()
    s, n = token_loss_sum(logits, labels)
    assert int(n) == int((labels != IGNORE_INDEX).sum())
    ref = F.cross_entropy(logits.reshape(-1, V), labels.reshape(-1), ignore_index=IGNORE_INDEX, reduction="mean")
    torch.testing.assert_close(s / n, ref)


def test_padding_does_not_change_the_loss():
    logits, labels = _batch()
    s, n = token_loss_sum(logits, labels)
    # Right-pad with 5 positions of garbage logits and ignored labels.
    pad_logits = torch.cat([logits, 100 * torch.randn(3, 5, V)], dim=1)
    pad_labels = torch.cat([labels, torch.full((3, 5), IGNORE_INDEX)], dim=1)
    s2, n2 = token_loss_sum(pad_logits, pad_labels)
    assert int(n2) == int(n)
    torch.testing.assert_close(s2, s)


def test_step_normalisation_equals_one_big_batch_under_accumulation():
    """Micro-batches normalised by the step's total token count give the big batch's loss and gradient;
    a per-micro-batch mean does not (so the test can tell the two apart)."""
    logits, labels = _batch(B=4, S=9, seed=1)
    labels[2:, 4:] = IGNORE_INDEX  # the second micro-batch has fewer supervised tokens
    big = logits.clone().requires_grad_(True)
    s, n = token_loss_sum(big, labels)
    (s / n).backward()

    acc = logits.clone().requires_grad_(True)
    total = sum(token_loss_sum(acc[i:i + 2], labels[i:i + 2])[1] for i in (0, 2))
    step_loss = 0.0
    for i in (0, 2):
        si, _ = token_loss_sum(acc[i:i + 2], labels[i:i + 2])
        (si / total).backward()
        step_loss += float(si.detach() / total)
    assert step_loss == pytest.approx(float(s.detach() / n), rel=1e-6)
    torch.testing.assert_close(acc.grad, big.grad)

    naive = sum(float(token_loss_sum(logits[i:i + 2], labels[i:i + 2])[0] / token_loss_sum(
        logits[i:i + 2], labels[i:i + 2])[1]) for i in (0, 2)) / 2
    assert abs(naive - float(s.detach() / n)) > 1e-3


def test_loss_is_fp32_for_bf16_logits_and_no_supervised_tokens_is_zero():
    logits, labels = _batch()
    s, _ = token_loss_sum(logits.bfloat16(), labels)
    assert s.dtype == torch.float32
    x = logits.clone().requires_grad_(True)
    s0, n0 = token_loss_sum(x, torch.full_like(labels, IGNORE_INDEX))
    assert int(n0) == 0 and float(s0.detach()) == 0.0
    s0.backward()  # the graph stays connected (DDP needs a gradient for every parameter)
    assert torch.count_nonzero(x.grad) == 0


def test_shape_mismatch_and_unknown_kind_are_errors():
    logits, labels = _batch()
    with pytest.raises(ValueError, match="line up"):
        token_loss_sum(logits[:, :-1], labels)
    with pytest.raises(ValueError, match="stablemax"):
        token_loss_sum(logits, labels, kind="sparsemax")


def test_stablemax_matches_its_definition_in_float64():
    logits, labels = _batch(seed=3)
    logits = logits * 4
    s, n = token_loss_sum(logits, labels, kind="stablemax")
    x = logits.double()
    sx = torch.where(x >= 0, x + 1, 1 / (1 - x))
    p = sx / sx.sum(-1, keepdim=True)
    mask = labels != IGNORE_INDEX
    ref = -torch.log(p[mask].gather(-1, labels[mask][:, None])).sum()
    assert float(s) == pytest.approx(float(ref), rel=1e-5)
    # A distribution: probabilities sum to one; and it differs from softmax.
    torch.testing.assert_close(log_stablemax(logits).exp().sum(-1), torch.ones(3, 7))
    assert abs(float(s) - float(token_loss_sum(logits, labels)[0])) > 1e-2


def _train_output(q=True):
    g = torch.Generator().manual_seed(5)
    logits = torch.randn(2, 4, V, generator=g)
    labels = torch.tensor([[IGNORE_INDEX, 3, 4, IGNORE_INDEX], [IGNORE_INDEX, 1, 2, 5]])
    # Row 0 is predicted exactly (argmax = label on its supervised positions); row 1 is not.
    logits[0, 1, 3] = logits[0, 2, 4] = 50.0
    logits[1, 1, (1 + 1) % V] = 50.0
    return SimpleNamespace(
        logits=logits, labels=labels, attention_mask=None,
        q_halt_logits=torch.tensor([0.3, -1.2]) if q else None,
        q_continue_logits=torch.tensor([-0.5, 0.7]) if q else None,
        target_q_continue=torch.tensor([0.2, 0.9]) if q else None,
        halted=torch.tensor([True, False]), steps=torch.tensor([2, 1]),
    )


def test_act_loss_is_lm_plus_half_the_q_losses():
    out = _train_output()
    loss, m = act_loss(out)
    s, n = token_loss_sum(out.logits, out.labels)
    halt = F.binary_cross_entropy_with_logits(out.q_halt_logits, torch.tensor([1.0, 0.0]))
    cont = F.binary_cross_entropy_with_logits(out.q_continue_logits, out.target_q_continue)
    assert float(loss) == pytest.approx(float(s / n + 0.5 * (halt + cont)), rel=1e-6)
    assert float(m["exact_accuracy"]) == 0.5 and float(m["steps"]) == 1.5
    assert float(m["q_halt_accuracy"]) == 1.0  # q_halt > 0 on the correct row, < 0 on the wrong one


def test_act_loss_without_q_head_is_the_lm_loss_with_a_given_normaliser():
    out = _train_output(q=False)
    s, n = token_loss_sum(out.logits, out.labels)
    loss, m = act_loss(out, normalizer=torch.tensor(20.0))
    assert float(loss) == pytest.approx(float(s) / 20.0, rel=1e-6)
    assert set(m) == {"lm_loss_sum", "tokens", "accuracy", "exact_accuracy"}



@pytest.mark.parametrize("per_position_q", [False, True])
def test_act_loss_takes_packed_supervised_logits(per_position_q):
    """``train_forward(supervised_only=True)`` packs the supervised rows ``[N, V]``: same loss and metrics."""
    full = _train_output()
    if per_position_q:
        g = torch.Generator().manual_seed(1)
        full.q_halt_logits, full.q_continue_logits = torch.randn(2, 2, 4, generator=g)
        full.target_q_continue = torch.rand(2, 4, generator=g)
    keep = full.labels != IGNORE_INDEX
    packed = SimpleNamespace(**{**vars(full), "logits": full.logits[keep]})
    loss_f, m_f = act_loss(full)
    loss_p, m_p = act_loss(packed)
    assert float(loss_p) == float(loss_f) and m_p.keys() == m_f.keys()
    assert all(torch.equal(m_p[k], m_f[k]) for k in m_f)
    assert token_loss_sum(packed.logits, packed.labels)[0] == token_loss_sum(full.logits, full.labels)[0]
    with pytest.raises(ValueError, match="line up"):
        token_loss_sum(packed.logits[1:], packed.labels)

def test_adam_atan2_first_step_and_weight_decay():
    p = torch.nn.Parameter(torch.tensor([2.0, -3.0, 0.5]))
    b = torch.nn.Parameter(torch.tensor([1.0]))
    opt = AdamATan2([{"params": [p], "weight_decay": 0.1}, {"params": [b], "weight_decay": 0.0}], lr=0.01)
    p.grad = torch.tensor([0.4, -7.0, 1e-6])
    b.grad = torch.tensor([-2.0])
    before = p.detach().clone()
    opt.step()
    # Step 1 (betas 0.9, 0.95): m = 0.1 g and sqrt(v_hat) = |g|, so the update is
    # lr / 0.1 * atan(0.1) * sign(g) whatever the gradient's scale (no epsilon), after decoupled weight decay.
    step = 0.01 / 0.1 * math.atan(0.1)
    torch.testing.assert_close(p.detach(), before * (1 - 0.01 * 0.1) - step * torch.sign(p.grad))
    torch.testing.assert_close(b.detach(), torch.tensor([1.0 + step]))


def test_adam_atan2_steps_are_hrms_formula_for_one_parameter():
    """Two steps of one parameter equal ``lr / (1 - beta1^t) * atan2(m_t, sqrt(v_t / (1 - beta2^t)))``
    (HRM's adam_atan2 kernel, scale a = 1), computed by hand from the moment recursions."""
    lr, (b1, b2) = 3e-3, (0.9, 0.95)
    w = torch.nn.Parameter(torch.tensor([0.7]))
    opt = AdamATan2([w], lr=lr, betas=(b1, b2), weight_decay=0.0)
    x, m, v = 0.7, 0.0, 0.0
    for t, g in enumerate([0.25, -1.5], start=1):
        w.grad = torch.tensor([g])
        opt.step()
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        x -= lr / (1 - b1**t) * math.atan2(m, math.sqrt(v / (1 - b2**t)))
        assert w.item() == pytest.approx(x, rel=1e-6, abs=1e-9)
    # The 1.27 scale of other implementations is an explicit choice, not the default.
    w2 = torch.nn.Parameter(torch.tensor([0.0]))
    w2.grad = torch.tensor([1.0])
    opt2 = AdamATan2([w2], lr=lr, a=1.27, weight_decay=0.0)
    opt2.step()
    assert w2.item() == pytest.approx(-1.27 * lr / (1 - b1) * math.atan(1 - b1), rel=1e-6)


def test_adam_atan2_minimises_a_quadratic():
    torch.manual_seed(0)
    w = torch.nn.Parameter(torch.randn(5))
    opt = AdamATan2([w], lr=0.05, weight_decay=0.0)
    for _ in range(300):
        opt.zero_grad()
        ((w - 3.0) ** 2).sum().backward()
        opt.step()
    torch.testing.assert_close(w.detach(), torch.full((5,), 3.0), atol=0.1, rtol=0)


def test_ema_is_the_bias_corrected_average_of_the_trained_weights():
    """After step t the EMA is sum_i (1-d) d^(t-i) w_i / (1-d^t): the initial weight gets no share."""
    d = 0.9
    model = torch.nn.Linear(1, 1, bias=False)
    with torch.no_grad():
        model.weight.fill_(100.0)  # the initial weight: must vanish from the average
    ema = build_ema(model, d)
    seen = [2.0, -1.0, 5.0, 0.5]
    for t, w in enumerate(seen, start=1):
        with torch.no_grad():
            model.weight.fill_(w)
        ema.update_parameters(model)
        want = sum((1 - d) * d ** (t - i) * wi for i, wi in enumerate(seen[:t], start=1)) / (1 - d ** t)
        assert ema.module.weight.item() == pytest.approx(want, rel=1e-6), t
    assert ema.n_averaged.item() == len(seen) + 1  # the copy at construction counts as one


def test_lr_schedule_warmup_cosine_and_constant():
    cos = ScheduleConfig(kind="cosine", warmup_steps=10, min_lr_ratio=0.1)
    assert lr_factor(0, cos, 100) == pytest.approx(0.1)
    assert lr_factor(9, cos, 100) == pytest.approx(1.0)
    assert lr_factor(10, cos, 100) == pytest.approx(1.0)
    assert lr_factor(55, cos, 100) == pytest.approx(0.55)
    assert lr_factor(100, cos, 100) == pytest.approx(0.1)
    factors = [lr_factor(s, cos, 100) for s in range(10, 101)]
    assert all(a >= b for a, b in zip(factors, factors[1:]))
    const = ScheduleConfig(kind="constant", warmup_steps=4)
    assert [lr_factor(s, const, 100) for s in (0, 3, 50, 99)] == [0.25, 1.0, 1.0, 1.0]


def test_loss_weights_scale_each_tokens_loss_and_leave_the_metric_plain():
    """``loss_weights`` (``data.def_line_weight``): weight 1 is the plain loss; others weigh each token."""
    out = _train_output(q=False)
    plain, m_plain = act_loss(out)
    ones = SimpleNamespace(**{**vars(out), "loss_weights": torch.ones(2, 4)})
    assert float(act_loss(ones)[0]) == pytest.approx(float(plain), rel=1e-6)
    w = torch.tensor([[0.0, 5.0, 1.0, 0.0], [0.0, 1.0, 2.0, 1.0]])
    weighted = SimpleNamespace(**{**vars(out), "loss_weights": w})
    loss, m = act_loss(weighted, normalizer=torch.tensor(10.0))
    per_token = F.cross_entropy(out.logits.reshape(-1, V), out.labels.reshape(-1), reduction="none",
                                ignore_index=IGNORE_INDEX)
    assert float(loss) == pytest.approx(float((per_token * w.reshape(-1)).sum()) / 10.0, rel=1e-6)
    assert float(m["lm_loss_sum"]) == pytest.approx(float(m_plain["lm_loss_sum"]), rel=1e-6)
    keep = out.labels != IGNORE_INDEX  # packed supervised logits give the same weighted loss
    packed = SimpleNamespace(**{**vars(weighted), "logits": out.logits[keep]})
    assert float(act_loss(packed, normalizer=torch.tensor(10.0))[0]) == pytest.approx(float(loss), rel=1e-6)
