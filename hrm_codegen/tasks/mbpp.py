"""MBPP (Austin et al. 2021) and its sanitized subset as benchmarks.

Facts kept here and nowhere else:

* **Stop strings** (:data:`MBPP_STOPS`): ``\\nassert``, ``\\n\"\"\"``, ``\\nprint``, ``\\nif __name__``.
  The common list also has ``\\nclass``; it is left out because task 342's reference solution
  defines ``class Node`` at top level after an import, and a completion must not lose a top-level
  ``class`` it needs. No stop here occurs in any of the 974 (or 427 sanitized) reference solutions
  (a test checks all of them), so cutting never damages a correct program.
* **The files and splits**: ``tasks/data/mbpp/`` (the upstream release), :data:`SPLITS` (task-id
  ranges of the official splits), :func:`load_mbpp`.
* **The prompt** (:func:`format_prompt`), used by training and evaluation alike::

      \"\"\"
      Write a function to find the similar elements from the given two tuple lists.
      assert similar_elements((3, 4, 5, 6),(5, 7, 4, 10)) == (4, 5)
      assert ...
      \"\"\"
      <code>

  The docstring holds the description and *all* the task's asserts (the function name often
  appears only there), followed by a newline; the model writes the code after it, then EOS. The
  completion is a whole program.
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
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from hrm_codegen.errors import DataFormatError
from hrm_codegen.io import iter_jsonl
from hrm_codegen.sandbox import ExecResult, Sandbox, run_program
from hrm_codegen.tasks.base import Benchmark, Problem, parses, program_parts, task_number

MBPP_DIR = Path(__file__).resolve().parent / "data" / "mbpp"
MBPP_FILE = MBPP_DIR / "mbpp.jsonl"
SANITIZED_FILE = MBPP_DIR / "sanitized-mbpp.json"

# Task-id ranges of the official splits (inclusive), from the MBPP README.
SPLITS: dict[str, tuple[int, int]] = {
    "prompt": (1, 10),
    "test": (11, 510),
    "validation": (511, 600),
    "train": (601, 974),
    "all": (1, 974),
}
REQUIRED_FIELDS = ("task_id", "text", "code", "test_list")


@dataclass(frozen=True)
class MBPPTask:
    """One MBPP-format problem, line endings normalised to LF (tabs kept)."""

    task_id: int
    text: str
    code: str
    test_list: tuple[str, ...]
    test_setup_code: str = ""
    challenge_test_list: tuple[str, ...] = ()
    test_imports: tuple[str, ...] = ()

    @property
    def prompt(self) -> str:
        """The model's prompt for this task (:func:`format_prompt`)."""
        return format_prompt(self.text, self.test_list)


def _lf(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\r", "\n")


def format_prompt(text: str, test_list: Sequence[str]) -> str:
    """The prompt format shared by training and evaluation (see the module docstring).

    ``text`` is the task description and ``test_list`` its asserts; a ``\"\"\"`` inside either is
    rewritten to ``'''`` so that it cannot close the docstring early.
    """
    lines = [_lf(text).strip()] + [_lf(t).strip() for t in test_list]
    body = "\n".join(line.replace('"""', "'''") for line in lines if line)
    return f'"""\n{body}\n"""\n'


def format_completion(code: str) -> str:
    """The training target after the prompt: the code with LF endings and one final newline."""
    return _lf(code).rstrip() + "\n"


def _task_from_record(rec: dict[str, Any], where: str) -> MBPPTask:
    missing = [f for f in REQUIRED_FIELDS if f not in rec]
    if missing:
        raise DataFormatError(f"{where}: missing field(s) {', '.join(missing)}")
    try:
        task_id = task_number(rec["task_id"])
    except ValueError as e:
        raise DataFormatError(f"{where}: task_id {rec['task_id']!r} is not an integer or 'Mbpp/N'") from e
    for f in ("text", "code"):
        if not isinstance(rec[f], str):
            raise DataFormatError(f"{where}: field {f!r} must be a string")
    if not isinstance(rec["test_list"], list) or not all(isinstance(t, str) for t in rec["test_list"]):
        raise DataFormatError(f"{where}: field 'test_list' must be a list of strings")
    return MBPPTask(
        task_id=task_id,
        text=_lf(rec["text"]),
        code=_lf(rec["code"]),
        test_list=tuple(_lf(t) for t in rec["test_list"]),
        test_setup_code=_lf(rec.get("test_setup_code") or ""),
        challenge_test_list=tuple(_lf(t) for t in rec.get("challenge_test_list") or ()),
        test_imports=tuple(rec.get("test_imports") or ()),
    )


def load_mbpp_jsonl(path: str | Path) -> list[MBPPTask]:
    """Tasks of an MBPP-format JSONL file (one JSON object per line; blank lines skipped).

    Each object needs ``task_id``, ``text``, ``code`` and ``test_list``; ``test_setup_code`` and
    ``challenge_test_list`` are optional. A malformed line raises :class:`DataFormatError`
    naming the file and the line number.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"MBPP-format file not found: {path}")
    return [_task_from_record(rec, where) for where, rec in iter_jsonl(path)]


def _load_sanitized() -> list[MBPPTask]:
    recs = json.loads(SANITIZED_FILE.read_text(encoding="utf-8"))
    out = []
    for i, rec in enumerate(recs):
        rec = dict(rec, text=rec["prompt"])
        out.append(_task_from_record(rec, f"{SANITIZED_FILE}[{i}]"))
    return out


def load_mbpp(split: str = "all", sanitized: bool = False, path: str | Path | None = None) -> list[MBPPTask]:
    """MBPP tasks of ``split`` (``train``, ``validation``, ``test``, ``prompt`` or ``all``).

    ``sanitized=True`` returns the hand-checked subset (427 tasks in all) restricted to the same
    task-id range; ``split`` may also be written ``sanitized-test`` etc. ``path`` reads a user's
    MBPP-format JSONL instead of the shipped file (the split's id range still applies unless
    ``split`` is ``all``). Everything is read from files inside the package; nothing downloads.
    """
    if split.startswith("sanitized-"):
        split, sanitized = split[len("sanitized-"):], True
    if split not in SPLITS:
        raise ValueError(f"unknown MBPP split {split!r}; choose one of {', '.join(SPLITS)} (or sanitized-<split>)")
    if path is not None:
        tasks = load_mbpp_jsonl(path)
    elif sanitized:
        tasks = _load_sanitized()
    else:
        tasks = load_mbpp_jsonl(MBPP_FILE)
    lo, hi = SPLITS[split]
    if path is not None and split == "all":
        return tasks
    return [t for t in tasks if lo <= t.task_id <= hi]


def load_mbpp_hf(split: str = "test", sanitized: bool = False) -> list[MBPPTask]:  # pragma: no cover - network
    """Optional: the same tasks through Hugging Face ``datasets`` (needs the package and a network).

    Never used by default; the shipped files are the same bytes the HF dataset is built from.
    """
    try:
        import datasets  # type: ignore
    except ImportError as e:
        raise ImportError("load_mbpp_hf needs `pip install datasets` and a network; use load_mbpp()") from e
    ds = datasets.load_dataset("mbpp", "sanitized" if sanitized else "full", split=split)
    key = "prompt" if sanitized else "text"
    return [_task_from_record(dict(r, text=r[key]), f"hf:mbpp[{i}]") for i, r in enumerate(ds)]


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


def task_parts(task: MBPPTask, completion: str) -> list[tuple[str, str]]:
    """The parts that check ``completion`` against an MBPP-format task, in :func:`program_parts`' order."""
    return program_parts(problem_from_task(task), completion)


def check_completion(task: MBPPTask, completion: str, timeout: float = 10.0, memory_mb: int = 4096,
                     sandbox: Sandbox | None = None, **limits: Any) -> ExecResult:
    """Run ``completion`` against an MBPP task's asserts in the sandbox (solution, setup code, asserts)."""
    return run_program(task_parts(task, completion), timeout=timeout, memory_mb=memory_mb, sandbox=sandbox, **limits)


def _called_arity(asserts: Sequence[str], name: str) -> int | None:
    """Arguments of the first call of ``name`` in the asserts (None when none parses)."""
    for line in asserts:
        try:
            tree = ast.parse(line.strip())
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
                return len(node.args) + len(node.keywords)
    return None


def completion_signals(task: MBPPTask, completion: str) -> dict[str, bool]:
    """What a completion gets right before it runs (leading indicators while training):

    * ``name_copy``: a line at column 0 reads ``def NAME(`` for the function the asserts call
      (:func:`entry_point` of the reference): the name was copied from the prompt, whether or not
      the rest of the completion parses;
    * ``arity``: that ``def`` line (with a ``pass`` body, or its own one-line body) parses and takes as many parameters as the
      first assert passes it (defaults and ``*args`` count as matching);
    * ``parses``: the whole completion is Python that parses.
    """
    name = entry_point(task.code, task.test_list)
    head = re.compile(rf"def\s+{re.escape(name)}\s*\(")
    lines = [line for line in completion.splitlines() if head.match(line)]
    defs = []
    for body in ("\n    pass\n", "\n"):  # a def line alone, or one with its body on the same line
        try:
            defs = [n for n in ast.parse(lines[0].rstrip() + body).body if isinstance(n, ast.FunctionDef)] if lines else []
            break
        except (SyntaxError, ValueError):
            continue  # a def line that does not parse has no arity
    arity = False
    if defs:
        a = defs[0].args
        want = _called_arity(task.test_list, name)
        positional = len(a.posonlyargs) + len(a.args)
        if want is not None:
            arity = positional - len(a.defaults) <= want <= positional or (a.vararg is not None and want >= positional)
    return {"name_copy": bool(lines), "arity": arity, "parses": parses(completion)}
