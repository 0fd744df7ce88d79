"""Leading indicators of a completion: name copy, arity, parse (``tasks.mbpp.completion_signals``)."""

import pytest

from hrm_codegen.tasks.mbpp import MBPPTask, completion_signals

TASK = MBPPTask(task_id=1, text="Write a function to add up to three numbers.",
                code="def add_up(a, b, c=0):\n    return a + b + c\n",
                test_list=("assert add_up(1, 2) == 3", "assert add_up(1, 2, 3) == 6"))


@pytest.mark.parametrize("completion, expected", [
    ("def add_up(a, b, c=0):\n    return a + b + c\n", (True, True, True)),
    ("def add_up(x, y):\n    return x + y\n", (True, True, True)),            # asserts pass 2 first
    ("def add_up(*xs):\n    return sum(xs)\n", (True, True, True)),
    ("def add_up(x):\n    return x\n", (True, False, True)),                  # one parameter, called with two
    ("def add(a, b):\n    return a + b\n", (False, False, True)),             # the description's name
    ("def helper():\n    def add_up(a, b):\n        pass\n", (False, False, True)),  # not at top level
    ("def add_up(a, b):\n    return (a +\n", (True, True, False)),  # copied, right arity, body broken
    ("def add_up(a, b:\n    return a\n", (True, False, False)),      # copied; the def line is broken
    ("def add_up(a, b): return a + b\n", (True, True, True)),
    ("", (False, False, False)),
])
def test_completion_signals(completion, expected):
    s = completion_signals(TASK, completion)
    assert (s["name_copy"], s["arity"], s["parses"]) == expected
