"""Benchmarks (MBPP, sanitized MBPP, HumanEval): stop strings, program parts, references, extra tests."""

from __future__ import annotations

import ast
import json
import math

import pytest

from hrm_codegen.cli import main as cli_main
from hrm_codegen.evaluation.cli import main as evaluate_main
from hrm_codegen.models import build_model
from hrm_codegen.sandbox import Limits
from hrm_codegen.tasks import get_benchmark, program_code, program_parts
from hrm_codegen.tasks.base import cut_at_stops
from hrm_codegen.tasks.mbpp import EXTRA_TESTS_FILE, load_extra_tests

SPLIT = {"mbpp": "all", "mbpp-sanitized": "all", "humaneval": "test"}


def _problems(name):
    return get_benchmark(name).problems(SPLIT[name])


@pytest.mark.parametrize("name,count", [("mbpp", 974), ("mbpp-sanitized", 427), ("humaneval", 164)])
def test_stop_strings_never_damage_a_reference_solution(name, count):
    bench = get_benchmark(name)
    problems = _problems(name)
    assert len(problems) == count
    damaged = [p.task_id for p in problems if cut_at_stops(p.reference, bench.stops) != p.reference]
    assert damaged == []
    # ... while they still cut what a generation appends after a finished program
    assert cut_at_stops("def f():\n    return 1\nassert f() == 2\n", bench.stops + ("\nassert",)).endswith("return 1")


def test_mbpp_no_longer_stops_at_a_top_level_class():
    task_342 = next(p for p in _problems("mbpp") if p.number == 342)
    assert "\nclass" in task_342.reference and "\nclass" not in get_benchmark("mbpp").stops


def test_program_parts_order_is_code_setup_imports_tests():
    mbpp = {p.number: p for p in _problems("mbpp")}
    names = [n for n, _ in program_parts(mbpp[367], "x = 1\n")]
    assert names == ["solution", "setup", "tests"]
    sanitized = {p.number: p for p in _problems("mbpp-sanitized")}
    parts = program_parts(sanitized[98], "x = 1\n")
    assert [n for n, _ in parts] == ["solution", "imports", "tests"] and "import math" in parts[1][1]
    he = _problems("humaneval")[0]
    code = program_code(he, completion="    return True\n")
    assert code.startswith(he.prompt) and code.endswith("    return True\n")
    assert program_code(he, solution="def f(): pass\n") == "def f(): pass\n"  # a whole program runs as written
    assert program_parts(he, code)[-1][1].rstrip().endswith(f"check({he.entry_point})")
    with_extra = program_parts(mbpp[11], "x = 1\n", extra=True)[-1][1]
    assert all(t in with_extra for t in mbpp[11].extra_tests) and mbpp[11].tests.strip() in with_extra


def test_references_pass_where_imports_setup_and_classes_matter(box):
    # The programs the old harness failed: sanitized tasks that need test_imports, task 342's class,
    # and the two tasks whose setup code uses the solution's class; plus every HumanEval problem.
    sanitized = [p for p in _problems("mbpp-sanitized") if p.imports]
    mbpp = [p for p in _problems("mbpp") if p.number in (342, 367, 927)]
    humaneval = _problems("humaneval")
    problems = sanitized + mbpp + humaneval
    assert len(sanitized) >= 10
    programs = [program_parts(p, program_code(p, completion=p.reference)) for p in problems]
    results = dict(box.run_many(programs, Limits(timeout=60)))
    assert {problems[i].task_id: r.error for i, r in results.items() if not r.passed} == {}


def test_wrong_humaneval_completions_fail(box):
    problems = _problems("humaneval")[:30]
    wrong = [program_parts(p, program_code(p, completion=problems[(i + 1) % 30].reference))
             for i, p in enumerate(problems)]
    passed = [problems[i].task_id for i, r in box.run_many(wrong, Limits(timeout=20)) if r.passed]
    assert passed == []


# ----------------------------------------------------------------------------- extra tests


def test_extra_tests_cover_most_test_tasks_and_the_references_pass_them(box):
    extra = load_extra_tests()
    test_tasks = _problems("mbpp")[10:510]
    assert test_tasks[0].number == 11 and test_tasks[-1].number == 510
    assert sum(len(p.extra_tests) >= 5 for p in test_tasks) >= 0.8 * 500
    assert all(tuple(extra.get(p.number, ())) == p.extra_tests for p in test_tasks)
    sample = [p for p in test_tasks if p.extra_tests and p.number != 123][:150]  # 123 takes seconds per run
    results = dict(box.run_many([program_parts(p, p.reference, extra=True) for p in sample], Limits(timeout=60)))
    assert {sample[i].task_id: r.error for i, r in results.items() if not r.passed} == {}


@pytest.mark.slow
def test_every_reference_passes_all_its_extra_tests(box):
    problems = [p for p in _problems("mbpp") if p.extra_tests]
    results = dict(box.run_many([program_parts(p, p.reference, extra=True) for p in problems], Limits(timeout=120)))
    assert {problems[i].task_id: r.error for i, r in results.items() if not r.passed} == {}


def _hard_coded(problem) -> str:
    """A completion that answers exactly the visible asserts from a lookup table, and nothing else."""
    table = {}
    for line in problem.tests.splitlines():
        node = ast.parse(line).body[0].test
        call = node.left
        table[repr(tuple(ast.literal_eval(a) for a in call.args))] = ast.literal_eval(node.comparators[0])
    return f"def {problem.entry_point}(*args):\n    return {table!r}[repr(args)]\n"


def test_a_completion_that_hard_codes_the_visible_asserts_passes_them_and_fails_the_extra_ones(tmp_path):
    mbpp = {p.number: p for p in _problems("mbpp")}
    chosen = [mbpp[n] for n in (17, 18, 19)]  # plain `assert f(literals) == literal` tasks
    assert all(len(p.extra_tests) >= 5 for p in chosen)
    samples = tmp_path / "hardcoded.jsonl"
    samples.write_text("".join(json.dumps({"task_id": p.task_id, "completion": _hard_coded(p)}) + "\n" for p in chosen))
    out = tmp_path / "out"
    assert evaluate_main(["--samples", str(samples), "--tasks", "17-19", "--out", str(out), "--workers", "2",
                            "--no-reference-check"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["pass@1"] == 1.0  # the standard figure is fooled ...
    assert summary["pass@1+extra"] == 0.0  # ... the tests the model never saw are not
    assert summary["passes_visible_fails_extra"] == 3
    assert summary["pass_at_k"] == {"base": {"pass@1": 1.0}, "plus": {"pass@1": 0.0}}


def test_an_edited_extra_tests_file_is_refused(tmp_path):
    data = json.loads(EXTRA_TESTS_FILE.read_text())
    data["tests"]["11"] = ["assert True"]
    edited = tmp_path / "extra.json"
    edited.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="checksum mismatch.*extra-tests --rebuild"):
        load_extra_tests(str(edited))


# ----------------------------------------------------------------------------- the CLI


def test_humaneval_samples_in_both_formats_and_the_default_out_folder(tmp_path, monkeypatch):
    problems = _problems("humaneval")[:2]
    samples = tmp_path / "he.jsonl"
    rows = [{"task_id": problems[0].task_id, "completion": problems[0].reference},
            {"task_id": problems[1].task_id, "solution": problems[1].prompt + problems[1].reference},
            {"task_id": 1, "completion": "    return None\n"}]
    samples.write_text("".join(json.dumps(r) + "\n" for r in rows))
    monkeypatch.chdir(tmp_path)
    assert cli_main(["evaluate", "--samples", str(samples), "--benchmark", "humaneval", "--workers", "2"]) == 0
    summary = json.loads((tmp_path / "runs" / "eval" / "he-humaneval-test" / "summary.json").read_text())
    assert summary["num_tasks"] == 2 and summary["pass@1"] == pytest.approx((1.0 + 0.5) / 2)
    assert summary["reference_check"]["passed"] == summary["reference_check"]["total"] == 2
    records = [json.loads(x) for x in (tmp_path / "runs/eval/he-humaneval-test/results.jsonl").read_text().splitlines()]
    assert {r["task_id"] for r in records} == {"HumanEval/0", "HumanEval/1"}


def test_a_tiny_checkpoint_evaluated_on_humaneval_gives_a_number(tmp_path):
    build_model({"arch": "hrm", "hidden_size": 32, "num_heads": 2, "H_layers": 1, "L_layers": 1, "H_cycles": 1,
                 "L_cycles": 1, "max_seq_len": 1024}).save_pretrained(tmp_path / "ckpt")
    out = tmp_path / "he"
    assert evaluate_main(["--checkpoint", str(tmp_path / "ckpt"), "--benchmark", "humaneval", "--tasks", "0-2",
                            "--max-new-tokens", "8", "--workers", "2", "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["benchmark"] == "humaneval" and math.isfinite(summary["pass@1"]) and summary["num_samples"] == 3


def test_a_corrupt_checkpoint_is_one_line_and_exit_2(tmp_path, capsys):
    ckpt = tmp_path / "ckpt"
    build_model({"arch": "hrm", "hidden_size": 32, "num_heads": 2, "H_layers": 1, "L_layers": 1, "H_cycles": 1,
                 "L_cycles": 1, "max_seq_len": 64}).save_pretrained(ckpt)
    (ckpt / "model.safetensors").write_bytes(b"garbage")
    for argv in (["evaluate", "--checkpoint", str(ckpt), "--tasks", "11", "--out", str(tmp_path / "o")],
                 ["generate", "--checkpoint", str(ckpt), "--task-id", "11"]):
        assert cli_main(argv) == 2
        err = capsys.readouterr().err
        assert "model.safetensors cannot be read" in err and "Traceback" not in err
