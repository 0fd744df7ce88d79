"""The sandbox as a scorer: statuses, error texts, run order, and the MBPP reference solutions."""

from __future__ import annotations

import pytest

from hrm_codegen.sandbox import ExecResult, Limits, Sandbox, program_text, run_program
from hrm_codegen.tasks.mbpp import MBPPTask, check_completion, load_mbpp, task_parts


def _task(code_tests, setup="") -> MBPPTask:
    return MBPPTask(task_id=1, text="t", code="", test_list=tuple(code_tests), test_setup_code=setup)


def test_statuses_and_error_texts(box):
    progs = {
        "pass": "def f(x):\n    return x + 1\nassert f(1) == 2\n",
        "assert": "def f(x):\n    return x\nassert f(1) == 2\n",
        "exception": "def f(x):\n    return x / 0\nf(1)\n",
        "syntax": "def f(x:\n    return x\n",
        "timeout": "while True:\n    pass\n",
    }
    results = dict(box.run_many(list(progs.values()), Limits(timeout=1.5)))
    by_name = {name: results[i] for i, name in enumerate(progs)}
    assert by_name["pass"].status == "passed" and by_name["pass"].error == ""
    assert by_name["assert"].status == "failed" and by_name["assert"].error == "AssertionError: assert f(1) == 2"
    assert by_name["exception"].status == "failed" and by_name["exception"].error.startswith("ZeroDivisionError")
    assert by_name["syntax"].status == "syntax_error" and "SyntaxError" in by_name["syntax"].error
    assert by_name["timeout"].status == "timeout"
    for res in by_name.values():
        assert res.seconds > 0
    assert by_name["pass"].program == progs["pass"]


def test_parts_run_in_order_in_one_namespace(box):
    # The setup builds an object from a class the solution defines (like MBPP tasks 367 and 927).
    task = _task(["assert tree.depth() == 2"], setup="tree = Node(Node(None))")
    solution = "class Node:\n    def __init__(self, child):\n        self.child = child\n" \
               "    def depth(self):\n        return 1 + (self.child.depth() if self.child else 0)\n"
    parts = task_parts(task, solution)
    assert [name for name, _ in parts] == ["solution", "setup", "tests"]
    res = box.run(parts)
    assert res.status == "passed", res
    assert res.program.index("class Node") < res.program.index("tree = Node") < res.program.index("assert tree")


def test_syntax_error_in_the_tests_is_a_harness_error(box):
    res = box.run([("solution", "x = 1"), ("tests", "assert (\n")])
    assert res.status == "error" and "tests" in res.error


def test_bare_assert_error_names_the_assert(box):
    task = _task(["assert f(1) == 1", "assert f(2) == 3"])
    res = box.run(task_parts(task, "def f(x):\n    return x\n"))
    assert res.status == "failed" and res.error == "AssertionError: assert f(2) == 3"


def test_one_off_helpers():
    task = _task(["assert add(2, 3) == 5"])
    good = check_completion(task, "def add(a, b):\n    return a + b\n", timeout=5)
    bad = check_completion(task, "def add(a, b):\n    return a - b\n", timeout=5)
    assert isinstance(good, ExecResult) and good.passed and not bad.passed
    assert run_program("print('hello')", timeout=5).output == "hello\n"


def test_limits_are_validated():
    with pytest.raises(ValueError, match="timeout"):
        Limits(timeout=0)
    with pytest.raises(ValueError, match="memory_mb"):
        Limits(memory_mb=-1)
    with pytest.raises(ValueError, match="mode"):
        Sandbox(mode="docker")


def test_program_text_joins_parts():
    assert program_text([("a", "x = 1\n"), ("b", ""), ("c", "y = 2")]) == "x = 1\n\ny = 2\n"


def test_all_974_reference_solutions_pass(box):
    # Also proves the solution -> setup -> asserts order: in any other order two tasks fail.
    # Task 123's reference takes ~13 s on a slow core, hence the generous limit.
    tasks = load_mbpp("all")
    assert len(tasks) == 974
    results = dict(box.run_many([task_parts(t, t.code) for t in tasks], Limits(timeout=120)))
    failures = {tasks[i].task_id: (r.status, r.error) for i, r in results.items() if not r.passed}
    assert failures == {}


def test_wrong_solutions_fail(box):
    # Each task checked against its neighbour's reference solution: none may pass.
    tasks = [t for t in load_mbpp("test") if t.task_id != 123][:120]
    wrong = [task_parts(t, tasks[(i + 1) % len(tasks)].code) for i, t in enumerate(tasks)]
    results = dict(box.run_many(wrong, Limits(timeout=10)))
    passed = [tasks[i].task_id for i, r in results.items() if r.passed]
    assert passed == []
    assert {r.status for r in results.values()} <= {"failed", "timeout", "syntax_error"}
