"""A benchmark problem, and the one way a program is assembled from a sample.

Every benchmark (MBPP, sanitized MBPP, HumanEval) is scored by running one program per sample.
:func:`program_parts` decides its parts and their order, for all of them:

1. ``solution`` -- the sample's code (:func:`program_code`: the completion as written, after the
   prompt where the benchmark's completions continue it, as HumanEval's continue a signature);
2. ``setup`` -- ``test_setup_code`` (MBPP tasks 367 and 927 build objects from a class the solution
   defines, so it must come after the solution);
3. ``imports`` -- ``test_imports`` (sanitized MBPP keeps e.g. ``import math`` for its asserts there);
4. ``tests`` -- the visible asserts (HumanEval: its ``check(candidate)`` and the call on the entry
   point), then, when asked, the extra asserts.

A sample handed in as a finished program is never cut: stop strings are a generation-time device
(``Benchmark.stops``), applied where text is generated and nowhere else.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Callable, Sequence

Parts = list[tuple[str, str]]


@dataclass(frozen=True)
class Problem:
    """One benchmark task.

    ``task_id`` is the canonical id (``"Mbpp/11"``, ``"HumanEval/0"``) and ``number`` its integer
    part. ``prompt`` is what the model is given; ``reference`` a completion that solves the task
    (what a model should generate after ``prompt``). ``continues_prompt`` says whether a completion
    continues the prompt's code (HumanEval: the function body after its signature), so that the
    program is ``prompt + completion``; MBPP's prompt is only a docstring, its completion a whole
    program. ``tests`` are the visible tests, ``extra_tests`` more asserts the model never saw.
    """

    task_id: str
    number: int
    prompt: str
    entry_point: str
    reference: str
    tests: str
    setup: str = ""
    imports: tuple[str, ...] = ()
    extra_tests: tuple[str, ...] = ()
    continues_prompt: bool = False
    description: str = ""


def program_code(problem: Problem, completion: str | None = None, solution: str | None = None) -> str:
    """The code part of a sample's program, as written (never cut here).

    ``solution`` is a whole program (EvalPlus's field) and runs as it is; ``completion`` follows the
    prompt, so for a benchmark whose completions continue the prompt the program is
    ``prompt + completion``.
    """
    if solution is not None:
        return solution
    if completion is None:
        raise ValueError("a sample needs a completion or a solution")
    return problem.prompt + completion if problem.continues_prompt else completion


def program_parts(problem: Problem, code: str, extra: bool = False) -> Parts:
    """The program that checks ``code`` (see the module docstring for the order and why).

    ``extra=True`` appends the problem's extra asserts after the visible tests.
    """
    parts: Parts = [("solution", code)]
    if problem.setup.strip():
        parts.append(("setup", problem.setup))
    if problem.imports:
        parts.append(("imports", "\n".join(problem.imports) + "\n"))
    tests = problem.tests.rstrip("\n") + "\n"
    if extra and problem.extra_tests:
        tests += "\n".join(problem.extra_tests) + "\n"
    parts.append(("tests", tests))
    return parts


def cut_at_stops(text: str, stops: Sequence[str]) -> str:
    """``text`` up to (not including) the earliest stop string (the generation-time cut)."""
    cut = len(text)
    for stop in stops:
        if stop:
            found = text.find(stop)
            if found != -1:
                cut = min(cut, found)
    return text[:cut]


def task_number(value: Any) -> int:
    """The integer of a task id: ``11``, ``"11"``, ``"Mbpp/11"``, ``"HumanEval/11"`` -> ``11``."""
    if isinstance(value, bool):
        raise ValueError(f"task_id {value!r} is not an integer or 'Name/N'")
    try:
        return int(str(value).strip().split("/")[-1])
    except ValueError:
        raise ValueError(f"task_id {value!r} is not an integer or 'Name/N'") from None


@dataclass(frozen=True)
class Benchmark:
    """A benchmark's facts: its name, id prefix, splits, stop strings and how to load its problems.

    ``load(split)`` returns the problems of a split (``splits`` lists them; ``"test"`` is the one a
    paper reports). ``stops`` are the generation-time stop strings, chosen so that none of the
    benchmark's reference solutions is damaged by them (a test checks every one).
    """

    name: str
    id_prefix: str
    splits: tuple[str, ...]
    stops: tuple[str, ...]
    load: Callable[[str], list[Problem]]

    def canonical_id(self, value: Any) -> str:
        """``11`` / ``"11"`` / ``"Mbpp/11"`` -> ``"Mbpp/11"`` (a samples file may use any of them)."""
        return f"{self.id_prefix}/{task_number(value)}"

    def problems(self, split: str = "test") -> list[Problem]:
        """The problems of ``split``, in task order."""
        if split not in self.splits:
            raise ValueError(f"benchmark {self.name} has no split {split!r}; choose one of {', '.join(self.splits)}")
        return self.load(split)


def parses(code: str) -> bool:
    """True when ``code`` is non-empty Python that parses (the plan's AST check; a diagnostic only)."""
    if not code.strip():
        return False
    try:
        compile(code, "<completion>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return False
    return True
