"""MBPP (Austin et al. 2021) and its sanitized subset as benchmarks.

Facts kept here and nowhere else:

* **Stop strings** (:data:`MBPP_STOPS`): ``\\nassert``, ``\\n\"\"\"``, ``\\nprint``, ``\\nif __name__``.
  The common list also has ``\\nclass``; it is left out because task 342's reference solution
  defines ``class Node`` at top level after an import, and a completion must not lose a top-level
  ``class`` it needs. No stop here occurs in any of the 974 (or 427 sanitized) reference solutions
  (a test checks all of them), so cutting never damages a correct program.
* **The prompt** is the package's training format (``hrm_codegen.data.mbpp_loader.format_prompt``:
  description and all asserts in a docstring); the completion is a whole program after it.
* **Program parts**: solution, ``test_setup_code``, ``test_imports`` (sanitized), asserts
  (:func:`hrm_codegen.tasks.base.program_parts`).
* **Extra tests** (full MBPP only): asserts made by running each reference solution on inputs
  derived from its visible asserts, cached in ``tasks/data/mbpp_extra_tests.json`` with a checksum
  and the command that rebuilds it (``hrm-codegen extra-tests --rebuild``).
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import json
import warnings
from functools import lru_cache
from pathlib import Path

from hrm_codegen.data.mbpp_loader import MBPP_FILE, SPLITS, MBPPTask, load_mbpp
from hrm_codegen.tasks.base import Benchmark, Problem

MBPP_STOPS: tuple[str, ...] = ("\nassert", '\n"""', "\nprint", "\nif __name__")
EXTRA_TESTS_FILE = Path(__file__).resolve().parent / "data" / "mbpp_extra_tests.json"


def entry_point(code: str, asserts: tuple[str, ...]) -> str:
    """The function the asserts test: the first top-level ``def`` of ``code`` that they call.

    Falls back to the first called name in the asserts that is not a builtin (a reference that
    does not parse, or calls through an alias).
    """
    with warnings.catch_warnings():  # some references hold invalid escapes ('\\*'); Python only warns
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        return _entry_point(code, asserts)


def _entry_point(code: str, asserts: tuple[str, ...]) -> str:
    called: list[str] = []
    for line in asserts:
        try:
            tree = ast.parse(line.strip())
        except SyntaxError:
            continue
        called += [n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    try:
        defined = [n.name for n in ast.parse(code).body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    except SyntaxError:
        defined = []
    for name in defined:
        if name in called:
            return name
    return next((n for n in called if not hasattr(builtins, n)), called[0] if called else "")


def extra_tests_checksum(tests: dict[str, list[str]]) -> str:
    """sha256 of the extra tests' canonical JSON (what the cache file records and is checked against)."""
    return hashlib.sha256(json.dumps(tests, sort_keys=True).encode("utf-8")).hexdigest()


def mbpp_file_checksum() -> str:
    """sha256 of the shipped ``mbpp.jsonl`` (the extra tests were made from it)."""
    return hashlib.sha256(MBPP_FILE.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def load_extra_tests(path: str | None = None) -> dict[int, tuple[str, ...]]:
    """Extra asserts per MBPP task id, from the cache file; ``{}`` when the file does not exist.

    A file whose checksum does not match its tests, or that was made from another ``mbpp.jsonl``,
    raises ``ValueError`` naming the file and the command that rebuilds it.
    """
    file = Path(path) if path else EXTRA_TESTS_FILE
    if not file.is_file():
        return {}
    data = json.loads(file.read_text(encoding="utf-8"))
    rebuild = data.get("command", "hrm-codegen extra-tests --rebuild")
    if extra_tests_checksum(data["tests"]) != data.get("sha256"):
        raise ValueError(f"{file}: checksum mismatch (edited by hand?); rebuild it with `{rebuild}`")
    if data.get("source_sha256") != mbpp_file_checksum():
        raise ValueError(f"{file} was made from another mbpp.jsonl; rebuild it with `{rebuild}`")
    return {int(k): tuple(v) for k, v in data["tests"].items()}


def problem_from_task(task: MBPPTask, extra: tuple[str, ...] = ()) -> Problem:
    """An :class:`MBPPTask` as a benchmark :class:`Problem`."""
    return Problem(
        task_id=f"Mbpp/{task.task_id}", number=task.task_id, prompt=task.prompt,
        entry_point=entry_point(task.code, task.test_list), reference=task.code,
        tests="\n".join(task.test_list) + "\n", setup=task.test_setup_code, imports=tuple(task.test_imports),
        extra_tests=extra, description=task.text)


def mbpp_benchmark(sanitized: bool = False) -> Benchmark:
    """MBPP (``sanitized=False``, with extra tests) or sanitized MBPP as a :class:`Benchmark`."""

    def load(split: str) -> list[Problem]:
        extra = {} if sanitized else load_extra_tests()
        return [problem_from_task(t, extra.get(t.task_id, ())) for t in load_mbpp(split, sanitized=sanitized)]

    return Benchmark(name="mbpp-sanitized" if sanitized else "mbpp", id_prefix="Mbpp", splits=tuple(SPLITS),
                     stops=MBPP_STOPS, load=load)
