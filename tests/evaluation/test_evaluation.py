"""pass@k, code extraction and the ``evaluate`` CLI (samples files and a tiny random checkpoint)."""

from __future__ import annotations

import json
import math
from itertools import combinations

import pytest

from hrm_codegen.cli import main as cli_main
from hrm_codegen.errors import ConfigError, DataFormatError
from hrm_codegen.evaluation import (
    EvalConfig,
    aggregate_pass_at_k,
    evaluate,
    load_samples,
    parse_ks,
    parse_task_ids,
    pass_at_k,
)
from hrm_codegen.evaluation.cli import build_parser, config_from_args
from hrm_codegen.evaluation.cli import main as evaluate_main
from hrm_codegen.inference import completions
from hrm_codegen.models import build_model
from hrm_codegen.tasks import get_benchmark
from hrm_codegen.tasks.mbpp import load_mbpp

# ----------------------------------------------------------------------------- pass@k


@pytest.mark.parametrize(
    "n,c,k,expected",
    [
        (1, 0, 1, 0.0),
        (1, 1, 1, 1.0),
        (5, 2, 1, 0.4),  # c / n
        (5, 2, 2, 0.7),  # 1 - C(3,2)/C(5,2) = 1 - 3/10
        (10, 3, 5, 1 - 21 / 252),  # 1 - C(7,5)/C(10,5)
        (4, 2, 3, 1.0),  # n - c < k: every 3-subset holds a correct sample
        (200, 1, 100, 0.5),  # 1 - C(199,100)/C(200,100) = 1 - 100/200
        (10, 0, 10, 0.0),
    ],
)
def test_pass_at_k_hand_computed(n, c, k, expected):
    assert pass_at_k(n, c, k) == pytest.approx(expected, abs=1e-12)


def test_pass_at_k_matches_enumeration():
    # Definition: the chance that a random k-subset of the n samples holds a correct one.
    for n in range(1, 7):
        for c in range(n + 1):
            for k in range(1, n + 1):
                samples = [True] * c + [False] * (n - c)
                subsets = list(combinations(range(n), k))
                exact = sum(any(samples[i] for i in s) for s in subsets) / len(subsets)
                assert pass_at_k(n, c, k) == pytest.approx(exact, abs=1e-12)


def test_pass_at_k_is_stable_for_large_n():
    value = pass_at_k(10_000, 7, 1000)
    reference = 1 - math.comb(9_993, 1000) / math.comb(10_000, 1000)  # exact big-int ratio
    assert math.isfinite(value) and value == pytest.approx(reference, rel=1e-9)


@pytest.mark.parametrize("args", [(0, 0, 1), (3, 4, 1), (3, 1, 0), (3, 1, 4)])
def test_pass_at_k_rejects_impossible_arguments(args):
    with pytest.raises(ValueError):
        pass_at_k(*args)


def test_aggregation_reports_k_only_when_every_task_has_k_samples():
    counts = {1: (10, 5), 2: (10, 0), 3: (4, 4)}
    out = aggregate_pass_at_k(counts, [1, 4, 10])
    assert set(out) == {"pass@1", "pass@4"}
    assert out["pass@1"] == pytest.approx((0.5 + 0.0 + 1.0) / 3)
    assert out["pass@4"] == pytest.approx((pass_at_k(10, 5, 4) + 0.0 + 1.0) / 3)
    assert aggregate_pass_at_k({}, [1]) == {}


# ----------------------------------------------------------------------------- inputs


def test_argument_parsers():
    assert parse_task_ids("11-13, 20,Mbpp/30") == {11, 12, 13, 20, 30}
    assert parse_ks("10,1,10") == [1, 10]
    for bad in ("x", "5-3", ""):
        with pytest.raises(ConfigError):
            parse_task_ids(bad)
    for bad in ("0", "a", ""):
        with pytest.raises(ConfigError):
            parse_ks(bad)


def test_load_samples_accepts_both_id_styles_and_names_bad_lines(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"task_id": 11, "completion": "a"}\n\n{"task_id": "Mbpp/11", "solution": "b"}\n')
    assert load_samples(path, get_benchmark("mbpp")) == {"Mbpp/11": [{"completion": "a"}, {"solution": "b"}]}
    path.write_text('{"task_id": 11, "completion": "a"}\n{"task_id": 12}\n')
    with pytest.raises(DataFormatError, match=r"s\.jsonl:2"):
        load_samples(path, get_benchmark("mbpp"))


# ----------------------------------------------------------------------------- the CLI


def _write_samples(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_cli_scores_a_samples_file_as_written_and_resumes(tmp_path, capsys):
    tasks = {t.task_id: t for t in load_mbpp("test") if t.task_id in (11, 12, 13)}
    rows = []
    for tid, task in tasks.items():
        rows.append({"task_id": tid, "completion": task.code})
        rows.append({"task_id": f"Mbpp/{tid}", "completion": "def wrong(:\n"})
    # A sample is a finished program: nothing cuts the failing assert away (no stop strings here).
    rows[2]["completion"] = tasks[12].code + "\nassert False\n"
    rows[4]["completion"] = "def nothing():\n    pass\n"  # task 13: both samples wrong
    samples = tmp_path / "samples.jsonl"
    _write_samples(samples, rows)
    out = tmp_path / "run"
    argv = ["--samples", str(samples), "--tasks", "11-13", "--k", "1,2,3", "--out", str(out), "--workers", "2"]
    assert evaluate_main(argv) == 0

    summary = json.loads((out / "summary.json").read_text())
    assert summary["pass@1"] == pytest.approx((0.5 + 0.0 + 0.0) / 3)
    assert summary["pass@2"] == pytest.approx(1 / 3)
    assert "pass@3" not in summary and "3" in summary["pass@k_not_reported"]
    assert summary["num_tasks"] == 3 and summary["num_samples"] == 6
    assert summary["status_counts"] == {"passed": 1, "failed": 2, "syntax_error": 3}
    assert summary["parses"] == pytest.approx(3 / 6)
    assert summary["timing"]["samples_executed"] == 6
    assert summary["passing_tasks"] == ["Mbpp/11"]
    assert summary["reference_check"]["passed"] == summary["reference_check"]["total"] == 3
    records = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert len(records) == 6
    assert set(records[0]) >= {"task_id", "completion", "program", "status", "error", "seconds", "passed", "result"}
    assert {r["task_id"] for r in records} == {"Mbpp/11", "Mbpp/12", "Mbpp/13"}
    failed_assert = next(r for r in records if r["task_id"] == "Mbpp/12" and r["status"] == "failed")
    assert "assert False" in failed_assert["program"] and failed_assert["result"].startswith("failed")

    assert evaluate_main(argv) == 0  # same --out: nothing is run again
    again = json.loads((out / "summary.json").read_text())
    assert again["timing"]["samples_executed"] == 0 and again["timing"]["samples_reused"] == 6
    assert again["pass@1"] == summary["pass@1"]
    assert len((out / "results.jsonl").read_text().splitlines()) == 6


def test_cli_user_errors_exit_2_with_a_message(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    assert evaluate_main(["--samples", str(bad), "--out", str(tmp_path / "o")]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
    assert evaluate_main(["--samples", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")]) == 2
    assert "not found" in capsys.readouterr().err
    good = tmp_path / "good.jsonl"
    _write_samples(good, [{"task_id": 11, "completion": "x = 1"}])
    assert evaluate_main(["--samples", str(good), "--tasks", "5000", "--out", str(tmp_path / "o")]) == 2
    assert "5000" in capsys.readouterr().err
    assert evaluate_main(["--checkpoint", str(tmp_path), "--n", "1", "--k", "5", "--out", str(tmp_path / "o")]) == 2
    assert "--n" in capsys.readouterr().err


def test_cli_dispatch(tmp_path):
    samples = tmp_path / "s.jsonl"
    task = next(t for t in load_mbpp("test") if t.task_id == 11)
    _write_samples(samples, [{"task_id": 11, "completion": task.code}])
    assert cli_main(["evaluate", "--samples", str(samples), "--tasks", "11", "--out", str(tmp_path / "o")]) == 0
    assert json.loads((tmp_path / "o" / "summary.json").read_text())["pass@1"] == 1.0


def test_evaluate_tiny_random_checkpoint_gives_a_number(tmp_path):
    # The plan's D4 bar: generate with a real (random) model, score, get a pass@1 that is not NaN.
    model = build_model({"arch": "hrm", "hidden_size": 64, "num_heads": 2, "H_layers": 1, "L_layers": 1,
                                "H_cycles": 1, "L_cycles": 1, "max_seq_len": 512})
    model.save_pretrained(tmp_path / "ckpt")
    out = tmp_path / "eval"
    argv = ["--checkpoint", str(tmp_path / "ckpt"), "--tasks", "11,12", "--max-new-tokens", "8",
            "--out", str(out), "--workers", "2", "--device", "cpu"]
    assert evaluate_main(argv) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert isinstance(summary["pass@1"], float) and math.isfinite(summary["pass@1"])
    assert 0.0 <= summary["pass@1"] <= 1.0
    assert summary["num_tasks"] == 2 and summary["num_samples"] == 2
    assert summary["model"]["arch"] == "hrm" and summary["sampling"]["n"] == 1


def test_prompt_longer_than_the_model_context_is_scored_not_fatal(tmp_path):
    """A task whose prompt fills max_seq_len gets an empty (failing) completion and is counted."""
    ckpt = tmp_path / "ckpt"
    build_model({"arch": "hrm", "hidden_size": 32, "num_heads": 2, "H_layers": 1, "L_layers": 1, "H_cycles": 1,
                 "L_cycles": 1, "max_seq_len": 64}).save_pretrained(ckpt)
    out = tmp_path / "out"
    # task 11's prompt has 69 tokens (over the context), task 86's 56 (fits)
    assert evaluate_main(["--checkpoint", str(ckpt), "--split", "test", "--tasks", "11,86", "--max-new-tokens", "4",
                            "--workers", "1", "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["num_samples"] == 2 and isinstance(summary["pass@1"], float)
    assert summary["model"]["prompts_too_long"] == ["Mbpp/11"]


# ----------------------------------------------------------------------------- EvalConfig / evaluate()


def test_eval_config_rejects_an_unknown_key_naming_it():
    with pytest.raises(ConfigError, match="max_new_token") as err:
        EvalConfig(samples="s.jsonl", max_new_token=8)
    assert "\n" not in str(err.value), "one line"
    assert "max_new_tokens" in str(err.value), "the known keys are listed"
    with pytest.raises(ConfigError, match="exactly one of checkpoint"):
        EvalConfig()
    with pytest.raises(ConfigError, match="n: "):
        EvalConfig(samples="s.jsonl", n=0)


def test_eval_config_holds_every_cli_option_with_the_cli_defaults():
    args = build_parser().parse_args(["--samples", "s.jsonl"])
    assert set(vars(args)) == set(EvalConfig.model_fields)
    assert config_from_args(args) == EvalConfig(samples="s.jsonl")
    cfg = config_from_args(build_parser().parse_args(["--samples", "s.jsonl", "--k", "10,1,10",
                                                      "--split", "sanitized-validation"]))
    assert cfg.k == [1, 10] and (cfg.benchmark, cfg.split) == ("mbpp-sanitized", "validation")


def test_evaluate_returns_the_summary_the_cli_writes(tmp_path):
    tasks = [t for t in load_mbpp("test") if t.task_id in (11, 12)]
    samples = tmp_path / "samples.jsonl"
    _write_samples(samples, [{"task_id": t.task_id, "completion": t.code} for t in tasks]
                   + [{"task_id": 12, "completion": "def nope(:\n"}])
    common = {"samples": str(samples), "tasks": "11-12", "k": "1,2", "workers": 1}
    result = evaluate(EvalConfig(**common, out=str(tmp_path / "lib")))
    assert result.summary_path == tmp_path / "lib" / "summary.json" and result.results_path.is_file()
    assert json.loads(result.summary_path.read_text()) == result.summary
    assert evaluate_main(["--samples", str(samples), "--tasks", "11-12", "--k", "1,2", "--workers", "1",
                          "--out", str(tmp_path / "cli")]) == 0
    written = json.loads((tmp_path / "cli" / "summary.json").read_text())

    def untimed(summary):
        return {k: v for k, v in summary.items() if k != "timing"}

    assert untimed(result.summary) == untimed(written)
    assert result.summary["pass@1"] == pytest.approx(0.75) and "2" in result.summary["pass@k_not_reported"]


def test_ema_flag_generates_with_the_checkpoints_averaged_weights(tmp_path, capsys):
    cfg = {"arch": "hrm", "hidden_size": 32, "num_heads": 2, "H_layers": 1, "L_layers": 1, "H_cycles": 1,
           "L_cycles": 1, "max_seq_len": 512}
    build_model(cfg).save_pretrained(tmp_path / "ckpt")
    base = ["--checkpoint", str(tmp_path / "ckpt"), "--tasks", "11", "--max-new-tokens", "4", "--workers", "1",
            "--device", "cpu", "--no-reference-check", "--ema"]
    assert evaluate_main([*base, "--out", str(tmp_path / "a")]) == 2  # no ema/ folder: a user error
    assert "no ema/ model" in capsys.readouterr().err
    build_model(cfg).save_pretrained(tmp_path / "ckpt" / "ema")
    assert evaluate_main([*base, "--out", str(tmp_path / "b")]) == 0
    summary = json.loads((tmp_path / "b" / "summary.json").read_text())
    assert summary["model"]["checkpoint"].endswith("ema")
    with pytest.raises(ConfigError, match="needs a checkpoint"):
        config_from_args(build_parser().parse_args(["--samples", "x.jsonl", "--ema"]))


def test_no_prompt_tokens_flag_reaches_generate(tmp_path, monkeypatch):
    seen = []
    real = completions.generate
    monkeypatch.setattr(completions, "generate", lambda *a, **k: seen.append(k["score_prompt_tokens"]) or real(*a, **k))
    build_model({"arch": "hrm", "hidden_size": 32, "num_heads": 2, "H_layers": 1, "L_layers": 1, "H_cycles": 1,
                 "L_cycles": 1, "max_seq_len": 512}).save_pretrained(tmp_path / "ckpt")
    base = ["--checkpoint", str(tmp_path / "ckpt"), "--tasks", "11", "--max-new-tokens", "2", "--workers", "1",
            "--device", "cpu", "--no-reference-check"]
    assert evaluate_main([*base, "--no-prompt-tokens", "--out", str(tmp_path / "a")]) == 0
    assert evaluate_main([*base, "--out", str(tmp_path / "b")]) == 0
    assert seen == [False, True]
