"""Forward-pass behaviour of the causal HRM and the baseline: shapes, causality, gradients, dtypes."""

from __future__ import annotations

import pytest
import torch
from model_helpers import TINY, tiny_model

from hrm_codegen.models import HierarchicalReasoningModel_ACTV1, TransformerForCausalLM

VARIANTS = {
    "hrm_M1": dict(),
    "hrm_M3": dict(halt_max_steps=3),
    "hrm_learned_pre": dict(pos_encodings="learned", norm_style="pre", halt_max_steps=2),
    "transformer": dict(arch="transformer"),
    "transformer_pre": dict(arch="transformer", norm_style="pre"),
    "hrm_copy_head": dict(copy_head=True),
    "transformer_copy_head": dict(arch="transformer", copy_head=True),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_output_shape(name):
    model = tiny_model(**VARIANTS[name])
    ids = torch.randint(0, TINY["vocab_size"], (3, 11))
    logits = model(ids).logits
    assert logits.shape == (3, 11, TINY["vocab_size"])
    assert torch.isfinite(logits).all()


def _perturb_after(ids: torch.Tensor, t: int, vocab: int) -> torch.Tensor:
    changed = ids.clone()
    changed[:, t + 1:] = (changed[:, t + 1:] + 1 + torch.randint(0, vocab - 1, changed[:, t + 1:].shape)) % vocab
    assert (changed[:, t + 1:] != ids[:, t + 1:]).all()
    return changed


@pytest.mark.parametrize("name", list(VARIANTS))
def test_causality(name):
    """Changing tokens after t leaves logits at positions <= t unchanged (and does move later ones)."""
    model = tiny_model(**VARIANTS[name], dtype=torch.float64)
    torch.manual_seed(1)
    ids = torch.randint(0, TINY["vocab_size"], (2, 16))
    for t in (0, 5, 14):
        changed = _perturb_after(ids, t, TINY["vocab_size"])
        a, b = model(ids).logits, model(changed).logits
        torch.testing.assert_close(a[:, : t + 1], b[:, : t + 1], atol=1e-5, rtol=0)
        assert (a[:, t + 1:] - b[:, t + 1:]).abs().max() > 1e-3  # the test can fail: later logits do move


@pytest.mark.parametrize("name", ["hrm_M1", "hrm_M3", "transformer"])
def test_causality_with_right_padding(name):
    """Right-padded batch: real positions match the unpadded row, and causality holds under the mask."""
    model = tiny_model(**VARIANTS[name], dtype=torch.float64)
    torch.manual_seed(2)
    ids = torch.randint(0, TINY["vocab_size"], (2, 14))
    mask = torch.ones_like(ids)
    mask[1, 9:] = 0  # row 1 has 9 real tokens
    out = model(ids, attention_mask=mask).logits
    alone = model(ids[1:, :9]).logits
    torch.testing.assert_close(out[1:, :9], alone, atol=1e-5, rtol=0)
    changed = _perturb_after(ids, 6, TINY["vocab_size"])
    torch.testing.assert_close(out[:, :7], model(changed, attention_mask=mask).logits[:, :7], atol=1e-5, rtol=0)
    assert torch.isfinite(out).all()  # padded queries see themselves: no NaN


@pytest.mark.parametrize("arch", ["hrm", "transformer"])
def test_prefix_lm_answer_causality(arch):
    """PrefixLM: answer logits at t depend only on the prompt and answer tokens <= t; the prompt is bidirectional."""
    model = tiny_model(arch=arch, attention="prefix", halt_max_steps=2, dtype=torch.float64)
    torch.manual_seed(3)
    ids = torch.randint(0, TINY["vocab_size"], (2, 15))
    prefix = torch.tensor([6, 9])
    base = model(ids, prefix_lengths=prefix).logits
    t = 10  # an answer position of both rows
    changed = _perturb_after(ids, t, TINY["vocab_size"])
    torch.testing.assert_close(base[:, : t + 1], model(changed, prefix_lengths=prefix).logits[:, : t + 1], atol=1e-5, rtol=0)
    # Bidirectional prompt: changing the last prompt token of row 0 moves its first prompt position ...
    changed = ids.clone()
    changed[0, 5] = (changed[0, 5] + 1) % TINY["vocab_size"]
    moved = model(changed, prefix_lengths=prefix).logits
    assert (moved[0, 0] - base[0, 0]).abs().max() > 1e-4
    # ... which a causal model would not do.
    causal = tiny_model(arch=arch, halt_max_steps=2, dtype=torch.float64)
    torch.testing.assert_close(causal(ids).logits[0, :5], causal(changed).logits[0, :5], atol=1e-5, rtol=0)


def test_prefix_lm_requires_prefix_lengths():
    model = tiny_model(attention="prefix")
    with pytest.raises(ValueError, match="prefix_lengths"):
        model(torch.zeros(1, 5, dtype=torch.long))


def test_too_long_input_is_refused():
    model = tiny_model()
    with pytest.raises(ValueError, match="max_seq_len"):
        model(torch.zeros(1, TINY["max_seq_len"] + 1, dtype=torch.long))


def _grad_pattern(model: HierarchicalReasoningModel_ACTV1, ids: torch.Tensor) -> list[tuple[str, bool]]:
    """(module, output requires grad) for every module application of a training forward."""
    calls: list[tuple[str, bool]] = []
    hooks = [
        model.L_level.register_forward_hook(lambda m, i, o: calls.append(("L", o.requires_grad))),
        model.H_level.register_forward_hook(lambda m, i, o: calls.append(("H", o.requires_grad))),
    ]
    model.train()
    model(ids).logits.sum().backward()
    for h in hooks:
        h.remove()
    return calls


@pytest.mark.parametrize("k", [2, 3, 5, 100])
def test_gradient_reaches_only_last_k_applications(k):
    """One-step gradient (k=2): only the final L and H applications carry gradients; last-K generalises it."""
    model = tiny_model(grad_last_k=k, halt_max_steps=2)
    calls = _grad_pattern(model, torch.randint(0, TINY["vocab_size"], (2, 8)))
    per_segment = TINY["H_cycles"] * (TINY["L_cycles"] + 1)
    assert [c[0] for c in calls] == ["L", "L", "H"] * TINY["H_cycles"] * 2  # M = 2 segments
    expected = [False] * per_segment + [False] * max(per_segment - k, 0) + [True] * min(k, per_segment)
    assert [c[1] for c in calls] == expected
    # H always receives gradient; L only if an L application is among the last k.
    assert model.H_level.layers[0].mlp.down_proj.weight.grad is not None
    assert model.L_level.layers[0].mlp.down_proj.weight.grad is not None
    assert model.embed_tokens.weight.grad is not None


def test_state_init_std_scales_the_initial_states_only():
    """``state_init_std`` scales H_init/L_init (0 = zero states) and draws the same numbers, so every weight
    of a seeded model is unchanged (copy-task comparisons at one seed differ only in the initial states)."""
    default, zero, half = tiny_model(), tiny_model(state_init_std=0.0), tiny_model(state_init_std=0.5)
    assert not zero.H_init.any() and not zero.L_init.any()
    torch.testing.assert_close(half.H_init, 0.5 * default.H_init)
    torch.testing.assert_close(half.L_init, 0.5 * default.L_init)
    weights = {k: v for k, v in default.state_dict().items() if k not in ("H_init", "L_init")}
    for key, value in zero.state_dict().items():
        if key in weights:
            torch.testing.assert_close(value, weights[key])
    ids = torch.randint(0, TINY["vocab_size"], (2, 7))
    assert torch.isfinite(zero(ids).logits).all()


def test_one_step_gradient_k1_leaves_L_without_gradient():
    model = tiny_model(grad_last_k=1)
    calls = _grad_pattern(model, torch.randint(0, TINY["vocab_size"], (1, 6)))
    assert [c[1] for c in calls] == [False] * 5 + [True]
    assert model.L_level.layers[0].mlp.down_proj.weight.grad is None


@pytest.mark.parametrize("arch", ["hrm", "transformer"])
def test_gradcheck_float64(arch):
    """Analytic gradients match finite differences (HRM with full back-propagation through a segment)."""
    cfg = dict(arch=arch, vocab_size=11, hidden_size=8, num_heads=2, expansion=1.0, H_layers=1, L_layers=1,
               H_cycles=2, L_cycles=1, num_layers=2, grad_last_k=100, max_seq_len=8)
    model = tiny_model(dtype=torch.float64, **cfg)
    ids = torch.randint(0, 11, (2, 5))
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]])
    names = ["embed_tokens.weight", "lm_head.weight"]
    names.append("L_level.layers.0.self_attn.qkv_proj.weight" if arch == "hrm" else "layers.0.self_attn.qkv_proj.weight")
    params = {n: p.detach().clone().requires_grad_(True) for n, p in model.named_parameters() if n in names}
    assert len(params) == 3

    def f(*tensors):
        return torch.func.functional_call(model, dict(zip(params, tensors)), (ids,), {"attention_mask": mask}).logits

    assert torch.autograd.gradcheck(f, tuple(params.values()), eps=1e-6, atol=1e-5, fast_mode=True)


@pytest.mark.parametrize("arch", ["hrm", "transformer"])
def test_bf16_autocast_forward_backward(arch):
    model = tiny_model(arch=arch, halt_max_steps=2).train()
    ids = torch.randint(0, TINY["vocab_size"], (2, 12))
    with torch.autocast("cpu", dtype=torch.bfloat16):
        logits = model(ids).logits
        loss = torch.nn.functional.cross_entropy(logits.float().flatten(0, 1), ids.roll(-1, 1).flatten())
    loss.backward()
    assert torch.isfinite(loss)
    grads = [p.grad for p in model.parameters() if p.grad is not None]
    assert grads and all(torch.isfinite(g).all() for g in grads)


def _batch(B=4, S=10, seed=0):
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, TINY["vocab_size"], (B, S), generator=g)
    mask = torch.ones(B, S, dtype=torch.long)
    mask[0, 7:] = 0
    labels = ids.roll(-1, 1).masked_fill(mask == 0, -100)
    labels[:, :3] = -100
    return {"input_ids": ids, "labels": labels, "attention_mask": mask, "prompt_lengths": torch.full((B,), 4)}


def test_train_forward_M1_is_plain_forward():
    model = tiny_model()
    batch = _batch()
    carry = model.initial_carry(batch)
    carry, out = model.train_forward(carry, batch)
    torch.testing.assert_close(out.logits, model(batch["input_ids"], batch["attention_mask"]).logits)
    assert out.q_halt_logits is None and out.target_q_continue is None
    assert out.halted.all() and (out.steps == 1).all()


def test_train_forward_act_carry():
    """M = 3: rows run until halted, unhalted rows keep their data, halted rows take the new batch."""
    model = tiny_model(halt_max_steps=3, halt_exploration_prob=0.0).train()
    first, second = _batch(seed=0), _batch(seed=1)
    carry = model.initial_carry(first)
    carry, out = model.train_forward(carry, first)
    # Fresh Q head (bias -5 for both logits): q_halt == q_continue, so nobody halts before M.
    assert out.q_halt_logits.shape == (4,) and not out.halted.any()
    assert (out.steps == 1).all() and out.target_q_continue.shape == (4,)
    assert ((out.target_q_continue > 0) & (out.target_q_continue < 1)).all()
    carry, out = model.train_forward(carry, second)
    assert torch.equal(out.labels, first["labels"])  # kept the data of the unhalted rows
    carry, out = model.train_forward(carry, second)
    assert out.halted.all() and (out.steps == 3).all()  # M reached
    carry, out = model.train_forward(carry, second)
    assert torch.equal(out.labels, second["labels"]) and (out.steps == 1).all()
    # A carried segment differs from a fresh one: the state really is carried.
    fresh = model.train_forward(model.initial_carry(second), second)[1].logits
    carry2, _ = model.train_forward(carry, second)
    assert not torch.allclose(model.train_forward(carry2, second)[1].logits, fresh)


def test_train_forward_rejects_shape_change():
    model = tiny_model(halt_max_steps=2)
    carry = model.initial_carry(_batch(S=10))
    with pytest.raises(ValueError, match="pad_to"):
        model.train_forward(carry, _batch(S=12))


def test_transformer_train_forward():
    model = tiny_model(arch="transformer")
    batch = _batch()
    carry, out = model.train_forward(model.initial_carry(batch), batch)
    assert isinstance(model, TransformerForCausalLM) and out.halted.all() and out.q_halt_logits is None


def test_flops_follow_schedule():
    """FLOPs scale with the real schedule: M segments, and back-propagation through the last K applications."""
    m1, m2 = tiny_model(), tiny_model(halt_max_steps=2)
    block, head = m1._block_flops(32), m1._head_flops(32)
    assert m1.flops_per_token(32) == pytest.approx(m1.num_block_applications * block + head)
    assert m2.flops_per_token(32) - head == pytest.approx(2 * (m1.flops_per_token(32) - head))
    k2, k_all = tiny_model(grad_last_k=2), tiny_model(grad_last_k=100)
    assert k2.flops_per_token(32, training=True) < k_all.flops_per_token(32, training=True)
    assert k_all.flops_per_token(32, training=True) == pytest.approx(3 * k_all.flops_per_token(32))
    # The baseline with as many layers as HRM has block applications costs the same per token.
    t = tiny_model(arch="transformer", num_layers=m1.num_block_applications)
    assert t.flops_per_token(32) == pytest.approx(m1.flops_per_token(32))
    # A copy head adds its projections and scores over the (32 + 1) / 2 visible slots on average.
    D = TINY["hidden_size"]
    extra = 4 * D * D + 2 * D * 16.5 + 2 * D
    assert tiny_model(copy_head=True).flops_per_token(32) == pytest.approx(m1.flops_per_token(32) + extra)
