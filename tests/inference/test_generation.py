"""Generation: the KV-cached decoder against the full-recompute reference, samplers, stops, CLI.

Tiny random models keep this fast on 2 CPU cores. Greedy tokens of a random model can flip on
near-ties, so exactness is checked on logits step by step with the *same* tokens fed to both
decoders (teacher forcing), and on greedy tokens as well.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import warnings
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch

from hrm_codegen.inference import (
    CachedDecoder,
    RecomputeDecoder,
    StopOnStrings,
    TextStreamer,
    completion_text,
    generate,
    generate_code,
    sample_next_token,
    top_k_filter,
    top_p_filter,
)
from hrm_codegen.inference import sampling as sampling_module
from hrm_codegen.inference.cli import main
from hrm_codegen.inference.completions import _plan_batches
from hrm_codegen.models import build_model
from hrm_codegen.tasks.base import cut_at_stops
from hrm_codegen.tasks.mbpp import MBPP_STOPS, load_mbpp
from hrm_codegen.tokenization import get_tokenizer

EOS = 50256
# The cache tests use a 2048-token vocabulary: the full-recompute reference computes logits at every
# position of every step, and with GPT-2's 50257 tokens that LM head dominated the test time.
TINY_HRM = dict(arch="hrm", vocab_size=2048, hidden_size=64, num_heads=2, H_layers=1, L_layers=1, H_cycles=2,
                L_cycles=2, halt_max_steps=1, max_seq_len=256)
CONFIGS = {
    "hrm_M1": TINY_HRM,
    "hrm_M2": {**TINY_HRM, "halt_max_steps": 2},
    "hrm_prefix": {**TINY_HRM, "attention": "prefix"},
    "transformer": dict(arch="transformer", vocab_size=2048, hidden_size=64, num_heads=2, num_layers=3, max_seq_len=256),
}
# Models that meet the real tokenizer (generate_code, CLI) keep the GPT-2 vocabulary.
GPT2_CONFIGS = {
    "gpt2_hrm": {**TINY_HRM, "vocab_size": 50257},
    "gpt2_transformer": {**CONFIGS["transformer"], "vocab_size": 50257},
}
_MODELS: dict[str, torch.nn.Module] = {}


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    """One intra-op thread: tiny matmuls gain nothing from more, and on a shared 2-core runner
    spinning OpenMP threads made these tests ~8x slower."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def tiny(name: str) -> torch.nn.Module:
    """A tiny random model per config, built once per test session (eval mode, fp32)."""
    if name not in _MODELS:
        torch.manual_seed(1234)
        _MODELS[name] = build_model({**CONFIGS, **GPT2_CONFIGS}[name]).eval()
    return _MODELS[name]


def padded_batch(lengths=(12, 7, 3), seed=0) -> tuple[torch.Tensor, torch.Tensor]:
    """Random prompts of ``lengths``, left-padded with a token that is NOT the pad id (so leaks show)."""
    g = torch.Generator().manual_seed(seed)
    S = max(lengths)
    ids = torch.full((len(lengths), S), 17, dtype=torch.long)
    mask = torch.zeros(len(lengths), S, dtype=torch.long)
    for row, n in enumerate(lengths):
        ids[row, S - n :] = torch.randint(0, 2000, (n,), generator=g)
        mask[row, S - n :] = 1
    return ids, mask


# ----------------------------------------------------------------------------- cache == recompute


@pytest.mark.parametrize("name", list(CONFIGS))
def test_cached_logits_match_recompute_step_by_step(name):
    """64 greedy tokens on a left-padded batch, replayed through the full recompute step by step:
    the logits agree within 1e-4 at every step and each greedy token is the reference's argmax."""
    model = tiny(name)
    ids, mask = padded_batch((10, 4))
    S = ids.shape[1]
    greedy = generate(model, ids, 64, attention_mask=mask)[:, S:]
    with torch.no_grad():
        cached = CachedDecoder(model, ids, mask, 64)
        reference = RecomputeDecoder(model, ids, mask, 64)
        worst = 0.0
        for step in range(64):
            a, b = cached.next_logits(), reference.next_logits()
            worst = max(worst, (a - b).abs().max().item())
            # Same token as the reference argmax, up to a near-tie within the tolerance.
            gap = b.max(-1).values - b.gather(-1, greedy[:, step, None]).squeeze(-1)
            assert (gap <= 1e-4).all(), f"{name}: step {step}: greedy token is not the reference argmax"
            cached.append(greedy[:, step])
            reference.append(greedy[:, step])
    assert worst < 1e-4, f"{name}: cached and recomputed logits differ by {worst:.2e}"
    assert torch.equal(cached.output(), reference.output())


@pytest.mark.parametrize(
    "name", ["hrm_M2"] + [pytest.param(n, marks=pytest.mark.slow) for n in CONFIGS if n != "hrm_M2"]
)
def test_greedy_tokens_cached_equal_uncached(name):
    """generate(use_cache=True) and generate(use_cache=False) give the same 64 greedy tokens."""
    model = tiny(name)
    ids, mask = padded_batch((9, 5), seed=2)
    fast = generate(model, ids, 64, attention_mask=mask)
    slow = generate(model, ids, 64, attention_mask=mask, use_cache=False)
    assert fast.shape == (2, ids.shape[1] + 64)
    assert torch.equal(fast, slow)
    assert torch.equal(fast[:, : ids.shape[1]], ids), "the prompt must be returned unchanged"


@pytest.mark.parametrize("name", ["hrm_M2", "hrm_prefix"])
def test_left_padded_rows_match_each_prompt_alone(name):
    """A prompt in a left-padded batch gets the same greedy tokens (and logits) as on its own."""
    model = tiny(name)
    ids, mask = padded_batch(seed=3)
    batch = generate(model, ids, 16, attention_mask=mask)
    S = ids.shape[1]
    for row in range(ids.shape[0]):
        real = int(mask[row].sum())
        alone = generate(model, ids[row : row + 1, S - real :], 16)
        assert torch.equal(alone[0, real:], batch[row, S:]), f"row {row} changed by padding"
    with torch.no_grad():
        batched = CachedDecoder(model, ids, mask, 1).next_logits()
        alone = CachedDecoder(model, ids[2:, S - 3 :], mask[2:, S - 3 :], 1).next_logits()
    assert (batched[2] - alone[0]).abs().max() < 1e-4


def test_cached_decoder_accepts_several_appended_tokens_at_once():
    """Chunked decoding (3 tokens per forward, PrefixLM) matches the recompute reference."""
    model = tiny("hrm_prefix")
    ids, mask = padded_batch((6, 2), seed=5)
    with torch.no_grad():
        cached = CachedDecoder(model, ids, mask, 6)
        reference = RecomputeDecoder(model, ids, mask, 6)
        cached.next_logits()
        for chunk in torch.randint(0, 2000, (2, 2, 3), generator=torch.Generator().manual_seed(0)):
            for column in chunk.T:
                cached.append(column)
                reference.append(column)
            assert (cached.next_logits() - reference.next_logits()).abs().max() < 1e-4


def test_num_return_sequences_share_one_prefill():
    """n samples per prompt: shape [B*n, S+new], one prefill over B rows, then [B*n, 1] steps."""
    model = tiny("hrm_M1")
    ids, mask = padded_batch((5, 9))
    shapes = []
    hook = model.register_forward_pre_hook(lambda m, args, kw: shapes.append(tuple((args or (kw["input_ids"],))[0].shape)),
                                           with_kwargs=True)
    try:
        out = generate(model, ids, 6, attention_mask=mask, num_return_sequences=3, temperature=1.0,
                       generator=torch.Generator().manual_seed(0))
    finally:
        hook.remove()
    assert out.shape == (6, 9 + 6)
    assert shapes[0] == (2, 9), "the prompt must be prefilled once per prompt, not per sample"
    assert shapes[1:] == [(6, 1)] * 5, "each decode step forwards exactly one token per row"
    assert torch.equal(out[:3, :9], ids[:1].expand(3, -1)) and torch.equal(out[3:, :9], ids[1:].expand(3, -1))
    # Samples of one prompt differ (temperature 1 over 2048 tokens), greedy samples are identical.
    assert not torch.equal(out[0], out[1])
    greedy = generate(model, ids, 6, attention_mask=mask, num_return_sequences=2)
    assert torch.equal(greedy[0], greedy[1]) and torch.equal(greedy[2], greedy[3])


def test_sampling_cached_equals_uncached_with_same_seed():
    """With the same seeded generator, sampling draws the same tokens with and without the cache."""
    model = tiny("hrm_M2")
    ids, mask = padded_batch((4, 6))
    kw = dict(attention_mask=mask, temperature=0.8, top_k=50, top_p=0.9, num_return_sequences=2)
    fast = generate(model, ids, 12, generator=torch.Generator().manual_seed(5), **kw)
    slow = generate(model, ids, 12, generator=torch.Generator().manual_seed(5), use_cache=False, **kw)
    assert torch.equal(fast, slow)


def test_seeded_sampling_is_deterministic():
    model = tiny("transformer")
    ids, mask = padded_batch((4, 6))

    def run(seed):
        return generate(model, ids, 10, attention_mask=mask, temperature=1.0, generator=torch.Generator().manual_seed(seed))

    assert torch.equal(run(7), run(7))
    assert not torch.equal(run(7), run(8))


# ----------------------------------------------------------------------------- EOS and padding


def test_eos_finishes_a_row_and_pads_after_it():
    """A row that emits EOS is padded from then on; the other rows continue unchanged."""
    model = tiny("hrm_M1")
    ids, mask = padded_batch((6, 8), seed=4)
    free = generate(model, ids, 12, attention_mask=mask)
    S = ids.shape[1]
    eos = int(free[0, S + 3])
    first = int((free[0, S:] == eos).nonzero()[0])  # the first time row 0 emits it (<= step 3)
    out = generate(model, ids, 12, attention_mask=mask, eos_token_id=eos, pad_token_id=3)
    assert out[0, S + first] == eos
    assert (out[0, S + first + 1 :] == 3).all(), "slots after EOS must hold the pad id"
    hits = (free[1, S:] == eos).nonzero()
    stop1 = int(hits[0]) + 1 if len(hits) else 12
    assert torch.equal(out[1, S : S + stop1], free[1, S : S + stop1])
    # All rows finished -> the output stops early.
    single = generate(model, ids[:1], 12, attention_mask=mask[:1], eos_token_id=eos)
    assert single.shape[1] == S + first + 1


def test_max_new_tokens_zero_returns_the_prompts():
    model = tiny("hrm_M1")
    ids, mask = padded_batch((3, 5))
    out = generate(model, ids, 0, attention_mask=mask, num_return_sequences=2)
    assert torch.equal(out, ids.repeat_interleave(2, dim=0))


def test_generate_restores_training_mode():
    model = tiny("transformer")
    model.train()
    try:
        out = generate(model, torch.tensor([[1, 2, 3]]), 4)
        assert out.shape == (1, 7)
        assert model.training, "generate must restore the training flag"
    finally:
        model.eval()


def test_models_do_not_import_inference():
    """The layering: models sit below inference, so neither a model method nor an import reaches up."""
    assert not hasattr(tiny("transformer"), "generate"), "generation is hrm_codegen.inference.generate(model, ...)"
    code = "import sys, hrm_codegen.models; print(sorted(m for m in sys.modules if m.startswith('hrm_codegen.inference')))"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == "[]"


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(temperature=-0.5), "temperature must be >= 0"),
        (dict(temperature=float("nan")), "temperature must be a finite number"),
        (dict(top_p=0.0), r"top_p must be in \(0, 1\]"),
        (dict(top_p=1.5), r"top_p must be in \(0, 1\]"),
        (dict(top_k=0), "top_k must be an integer >= 1"),
        (dict(num_return_sequences=0), "num_return_sequences must be an integer >= 1"),
        (dict(max_new_tokens=-1), "max_new_tokens must be an integer >= 0"),
        (dict(max_new_tokens=250), "exceeds the model's max_seq_len 256"),
        (dict(attention_mask=torch.tensor([[1, 1, 1, 0, 0, 0, 0, 0, 0, 0]])), "left-padded"),
        (dict(attention_mask=torch.zeros(1, 10, dtype=torch.long)), "at least one real token"),
        (dict(attention_mask=torch.ones(1, 4, dtype=torch.long)), "attention_mask shape"),
        (dict(input_ids=torch.arange(10)), "2-D LongTensor"),
        (dict(input_ids=torch.zeros(1, 10)), "integer token ids"),
        (dict(input_ids=torch.tensor([[1, 2, 2048]])), r"outside the model's vocabulary \[0, 2048\)"),
    ],
)
def test_invalid_arguments_give_a_clear_error(kwargs, match):
    args = {"input_ids": torch.arange(10)[None], "max_new_tokens": 4, **kwargs}
    with pytest.raises(ValueError, match=match):
        generate(tiny("hrm_M1"), **args)


# ----------------------------------------------------------------------------- samplers


def test_top_k_never_samples_outside_the_k_best():
    logits = torch.randn(1, 1000, generator=torch.Generator().manual_seed(0)).expand(4000, -1)
    allowed = set(logits[0].topk(5).indices.tolist())
    draws = sample_next_token(logits, temperature=2.0, top_k=5, generator=torch.Generator().manual_seed(1))
    assert set(draws.tolist()) == allowed  # never outside, and (4000 draws at T=2) every one seen
    assert top_k_filter(torch.zeros(2, 10), 3).isfinite().sum(-1).tolist() == [3, 3], "ties must not widen top-k"


def test_top_p_keeps_the_smallest_nucleus():
    probs = torch.tensor([[0.05, 0.5, 0.1, 0.3, 0.05]])
    logits = probs.log()
    kept = lambda p: set(top_p_filter(logits, p).isfinite().nonzero()[:, 1].tolist())  # noqa: E731
    assert kept(0.5) == {1}
    assert kept(0.7) == {1, 3}
    assert kept(0.85) == {1, 3, 2}
    assert kept(1.0) == {0, 1, 2, 3, 4}
    assert kept(1e-9) == {1}, "the most likely token always survives"
    draws = sample_next_token(logits.expand(3000, -1), temperature=1.0, top_p=0.85,
                              generator=torch.Generator().manual_seed(0))
    assert set(draws.tolist()) == {1, 2, 3}


def test_top_p_on_random_rows_is_minimal_and_sufficient():
    logits = torch.randn(64, 500, generator=torch.Generator().manual_seed(3)) * 3
    for p in (0.3, 0.9):
        keep = top_p_filter(logits, p).isfinite()
        probs = logits.softmax(-1)
        mass = (probs * keep).sum(-1)
        smallest = probs.masked_fill(~keep, 2.0).min(-1).values
        assert (mass >= p - 1e-6).all(), "the nucleus must reach top_p"
        assert (mass - smallest < p + 1e-6).all(), "the nucleus must be minimal"


def test_top_k_and_top_p_combined_sample_only_allowed_tokens():
    logits = torch.randn(1, 300, generator=torch.Generator().manual_seed(4)).expand(2000, -1)
    allowed = set(top_p_filter(top_k_filter(logits[:1] / 0.7, 20), 0.6).isfinite().nonzero()[:, 1].tolist())
    draws = sample_next_token(logits, 0.7, top_k=20, top_p=0.6, generator=torch.Generator().manual_seed(0))
    assert set(draws.tolist()) <= allowed and len(allowed) <= 20


def test_greedy_is_argmax():
    logits = torch.randn(8, 100)
    assert torch.equal(sample_next_token(logits, 0.0, top_k=3, top_p=0.1), logits.argmax(-1))


# ----------------------------------------------------------------------------- stop strings


def test_truncate_at_stops_cuts_at_the_earliest_stop():
    text = "def f(x):\n    return x\nprint(f(1))\nassert f(1) == 1\n"
    assert cut_at_stops(text, MBPP_STOPS) == "def f(x):\n    return x"
    assert cut_at_stops("x = 1\n", MBPP_STOPS) == "x = 1\n"
    assert cut_at_stops('a\n"""doc', ('\n"""',)) == "a"
    assert cut_at_stops("abc", ()) == "abc"


def test_stop_on_strings_flags_only_rows_with_a_stop():
    tok = get_tokenizer()
    rows = ["def f():\n    return 1\nassert f() == 1", "def g():\n    return 2\n    # assert later"]
    ids = [tok.encode(r) for r in rows]
    crit = StopOnStrings(tok, MBPP_STOPS)
    # Check incrementally, as generate() does: row 0 must be flagged at the step its stop completes.
    flagged_at = None
    for t in range(1, len(ids[0]) + 1):
        if crit(torch.tensor([ids[0][:t]]))[0]:
            flagged_at = t
            break
    assert flagged_at is not None and "\nassert" in tok.decode(ids[0][:flagged_at])
    assert "\nassert" not in tok.decode(ids[0][: flagged_at - 1])
    assert not crit(torch.tensor([ids[1]]))[0]
    both = torch.tensor([ids[0][:flagged_at], ids[1][:flagged_at]])
    assert crit(both).tolist() == [True, False]


def test_completion_text_cuts_at_eos_before_stops():
    tok = get_tokenizer()
    ids = tok.encode("x = 1\n") + [EOS] + tok.encode("assert x\nprint(1)")
    assert completion_text(tok, ids, MBPP_STOPS, EOS) == "x = 1\n"
    assert completion_text(tok, tok.encode("y = 2\nprint(y)"), MBPP_STOPS, EOS) == "y = 2"


class ScriptedLM(torch.nn.Module):
    """A fake LM that 'generates' a fixed token script after a prompt of known length.

    The next token depends only on how many real tokens the row holds, so the cache is not needed;
    it counts forward calls so tests can check that generation stops early.
    """

    def __init__(self, prompt_len: int, script: list[int], max_seq_len: int = 256):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.zeros(1))
        self.config = SimpleNamespace(max_seq_len=max_seq_len, attention="causal", vocab_size=50257)
        self.prompt_len, self.script, self.calls = prompt_len, script, 0

    def new_kv_cache(self, batch_size, max_len, device=None, dtype=None):
        return SimpleNamespace(repeat_interleave=lambda n: None)

    def forward(self, input_ids, attention_mask=None, position_ids=None, prefix_lengths=None, kv_cache=None,
                cache_position=0):
        self.calls += 1
        B, T = input_ids.shape
        logits = torch.zeros(B, T, 50257)
        done = attention_mask.sum(-1) - self.prompt_len
        for row in range(B):
            k = int(done[row])
            logits[row, -1, self.script[k] if k < len(self.script) else EOS] = 10.0
        return SimpleNamespace(logits=logits)


def _scripted(prompt: str, text: str, *extra: int) -> ScriptedLM:
    tok = get_tokenizer()
    return ScriptedLM(len(tok.encode(prompt)), tok.encode(text) + list(extra))


def test_generate_code_cuts_at_stop_and_stops_generating():
    prompt = '"""\nAdd one.\nassert f(1) == 2\n"""\n'
    body = "def f(x):\n    return x + 1\n"
    model = _scripted(prompt, body + "assert f(1) == 2\n" + "# filler " * 40)
    out = generate_code(model, get_tokenizer(), [prompt], max_new_tokens=100)
    assert out == [[body.rstrip("\n")]]
    assert model.calls < 30, "generation must stop once the stop string appeared"


def test_generate_code_cuts_at_eos_and_without_stops():
    tok = get_tokenizer()
    prompt = "# p\n"
    model = _scripted(prompt, "x = 1\nprint(x)\n", EOS, *tok.encode("junk"))
    assert generate_code(model, tok, [prompt], max_new_tokens=50) == [["x = 1"]]
    assert generate_code(model, tok, [prompt], max_new_tokens=50, stop=()) == [["x = 1\nprint(x)\n"]]


@pytest.mark.parametrize("text", ["def f():\n    return 'héllo 🙂'\n\nprint(f())\n", "x = 1\n\nif __name__ == 1: pass", "y = 2"])
def test_text_streamer_prints_exactly_the_completion(text):
    tok = get_tokenizer()
    prompt = "# q\n"
    model = _scripted(prompt, text, EOS)
    buf = io.StringIO()
    out = generate_code(model, tok, [prompt], max_new_tokens=60,
                        streamer=TextStreamer(tok, MBPP_STOPS, EOS, file=buf))[0][0]
    assert buf.getvalue() == out + ("" if out.endswith("\n") else "\n")
    assert "\ufffd" not in buf.getvalue()


# ----------------------------------------------------------------------------- generate_code


def test_plan_batches_bounds_rows_and_covers_every_sample():
    lengths = [5, 9, 2, 7, 3]
    for n, bs in [(1, 2), (3, 8), (10, 4), (4, 4)]:
        plan = _plan_batches(lengths, n, bs)
        assert all(len(idx) * k <= bs for idx, k in plan)
        per_prompt = {i: 0 for i in range(len(lengths))}
        for idx, k in plan:
            for i in idx:
                per_prompt[i] += k
        assert per_prompt == {i: n for i in range(len(lengths))}
    assert _plan_batches(lengths, 1, 2)[0][0] == [1, 3], "longest prompts first"


def test_generate_code_batched_equals_one_by_one_and_keeps_order():
    model, tok = tiny("gpt2_hrm"), get_tokenizer()
    prompts = ["def add(a, b):\n", '"""\nReverse a string.\nassert rev("ab") == "ba"\n"""\n', "x ="]
    batched = generate_code(model, tok, prompts, max_new_tokens=10, batch_size=3, stop=())
    singles = [generate_code(model, tok, [p], max_new_tokens=10, stop=())[0] for p in prompts]
    assert batched == singles
    assert all(len(c) == 1 and isinstance(c[0], str) and c[0] for c in batched)


def test_generate_code_sampling_is_deterministic_for_a_seed():
    model, tok = tiny("gpt2_transformer"), get_tokenizer()
    prompts = ["def f(x):\n", "import os\n"]
    kw = dict(n=3, max_new_tokens=6, temperature=1.0, top_p=0.95, batch_size=4, stop=())
    a = generate_code(model, tok, prompts, seed=1, **kw)
    assert a == generate_code(model, tok, prompts, seed=1, **kw)
    assert a != generate_code(model, tok, prompts, seed=2, **kw)
    assert [len(c) for c in a] == [3, 3]


def test_generate_code_length_policy():
    model, tok = tiny("gpt2_transformer"), get_tokenizer()
    long_prompt = " ".join(["word"] * 250)  # 250 tokens of 256
    with pytest.warns(UserWarning, match="fewer than max_new_tokens"):
        out = generate_code(model, tok, [long_prompt], max_new_tokens=20, stop=())
    # Clipped to the 6 slots left, so greedy decoding gives what max_new_tokens=6 gives. (Re-encoding the
    # text is no count of generated tokens: BPE may re-split random tokens, e.g. 6 -> 7 under norm_style pre.)
    assert out == generate_code(model, tok, [long_prompt], max_new_tokens=6, stop=())
    with pytest.raises(ValueError, match="leaving no room"):
        generate_code(model, tok, [" ".join(["word"] * 300)], max_new_tokens=4)
    with pytest.raises(TypeError, match="list of strings"):
        generate_code(model, tok, "def f():", max_new_tokens=4)
    with pytest.raises(ValueError, match="top_p"):
        generate_code(model, tok, ["x"], top_p=0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        generate_code(model, tok, ["x"], max_new_tokens=2)  # fits: no warning


# ----------------------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    path = tmp_path_factory.mktemp("ckpt")
    tiny("gpt2_hrm").save_pretrained(path)
    return str(path)


def test_cli_task_id_streams_the_same_completion_as_generate_code(checkpoint, capsys):
    assert main(["--checkpoint", checkpoint, "--task-id", "11", "--max-new-tokens", "12"]) == 0
    printed = capsys.readouterr().out
    task = next(t for t in load_mbpp("test") if t.task_id == 11)
    expected = generate_code(tiny("gpt2_hrm"), get_tokenizer(), [task.prompt], max_new_tokens=12)[0][0]
    assert printed == expected + ("" if expected.endswith("\n") else "\n")


def test_cli_prints_n_samples(checkpoint, capsys):
    args = ["--checkpoint", checkpoint, "--prompt", "def f(x):\n", "--n", "2", "--temperature", "1", "--max-new-tokens", "5"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "sample 1/2" in out and "sample 2/2" in out


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--prompt", "x", "--top-p", "1.5"], "top_p must be in (0, 1]"),
        (["--prompt", "x", "--temperature", "-1"], "temperature must be >= 0"),
        (["--task-id", "99999"], "no MBPP task with id 99999"),
        (["--prompt", "x", "--max-new-tokens", "0"], "--max-new-tokens must be an integer >= 1"),
        (["--prompt", "x", "--max-new-tokens", "1000"], "max_seq_len"),
        (["--prompt", ""], "the prompt is empty"),
    ],
)
def test_cli_errors_are_one_clear_line(checkpoint, capsys, extra, message):
    assert main(["--checkpoint", checkpoint, *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_cli_missing_checkpoint(tmp_path, capsys):
    assert main(["--checkpoint", str(tmp_path / "nope"), "--prompt", "x"]) == 2
    assert "cannot load checkpoint" in capsys.readouterr().err


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the message shown when CUDA is missing")
def test_cli_cuda_without_cuda(checkpoint, capsys):
    assert main(["--checkpoint", checkpoint, "--prompt", "x", "--device", "cuda"]) == 2
    assert "CUDA is not available" in capsys.readouterr().err


@pytest.mark.parametrize("candidates", [(2,), (2, 8), ()])
def test_nucleus_fast_path_samples_the_full_sort_distribution(monkeypatch, candidates):
    """The candidate-set sampler must draw from exactly top_p_filter's nucleus with its probabilities,
    both for rows whose candidates suffice and for rows that fall back to a larger set / full sort."""
    monkeypatch.setattr(sampling_module, "NUCLEUS_CANDIDATES", candidates)
    peaked = torch.tensor([4.0, 3.5, 0.0, 0.0, -1.0, 0.5, 0.0, -2.0, 1.0, 0.0, 0.0, 0.0])  # nucleus of 2-3
    flat = torch.linspace(0.0, 1.0, 12)  # nucleus of ~11: needs the fallback
    for row in (peaked, flat):
        logits = row.expand(20000, -1)
        want = top_p_filter(row[None], 0.9).softmax(-1)[0]
        draws = sample_next_token(logits, 1.0, top_p=0.9, generator=torch.Generator().manual_seed(0))
        freq = torch.bincount(draws, minlength=12).float() / len(draws)
        assert set(draws.tolist()) <= set(want.nonzero()[:, 0].tolist()), "a token outside the nucleus"
        assert torch.allclose(freq, want, atol=0.015), (freq, want)
