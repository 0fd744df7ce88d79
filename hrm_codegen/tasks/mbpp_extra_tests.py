"""Extra tests for MBPP: asserts the model never saw, made by running each reference solution.

MBPP shows a task's three asserts in the prompt, so a completion can pass by hard-coding them
(``if x == 3: return 5``). EvalPlus answers this with generated inputs (MBPP+); this module does the
same from the shipped data, with nothing downloaded:

1. each visible assert of the form ``assert <expr using f(literal args)> == <literal>`` (or a bare
   ``assert f(...)``) gives a template: the expression, and the literal arguments of the call to the
   task's entry point ``f``;
2. the arguments are varied by small, type-preserving changes (:func:`mutations`: numbers +-1 or
   doubled, strings and lists reversed, shortened, extended, shuffled, one element changed ...);
3. the reference solution runs on every candidate **in the sandbox**, twice, with a 1 s alarm each;
   a candidate is kept only where both runs return the same value, without error, whose ``repr``
   reads back with ``ast.literal_eval`` as an equal value, holds no float (another correct
   solution may round differently), and is at most 300 characters long;
4. up to ``max_per_task`` kept candidates become ``assert <expr> == <value>`` lines.

The result is cached in ``hrm_codegen/tasks/data/mbpp_extra_tests.json`` with the checksum of its
tests, the checksum of the ``mbpp.jsonl`` it was made from, and the command that rebuilt it
(``hrm-codegen extra-tests --rebuild``); :func:`hrm_codegen.tasks.mbpp.load_extra_tests` checks both.

A known limit, as for any input generator without contracts: a varied input can leave the task's
domain (a list the description says is sorted, say), where the reference's answer is one choice
among several; the type-preserving, small changes keep this rare, and ``passes_visible_fails_extra``
in a summary is a count to read, not a verdict.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import sys
import time
from pathlib import Path
from typing import Any, Iterator

from tqdm import tqdm

from hrm_codegen.sandbox import Limits, Sandbox
from hrm_codegen.tasks.mbpp import (
    EXTRA_TESTS_FILE,
    extra_tests_checksum,
    load_extra_tests,
    mbpp_benchmark,
    mbpp_file_checksum,
)

REBUILD_COMMAND = "hrm-codegen extra-tests --rebuild"
MAX_REPR = 300
CANDIDATES_PER_TASK = 24


# ----------------------------------------------------------------------------- templates


def call_template(assert_line: str, entry_point: str) -> tuple[ast.expr, ast.Call, list[Any]] | None:
    """``(expression, the call to entry_point inside it, its literal args)`` of a visible assert, or None.

    Only ``assert EXPR == LITERAL`` and ``assert EXPR`` where EXPR contains exactly one call to
    ``entry_point`` whose positional arguments are all literals (and no keywords) qualify.
    """
    try:
        node = ast.parse(assert_line.strip()).body[0]
    except (SyntaxError, IndexError):
        return None
    if not isinstance(node, ast.Assert):
        return None
    test = node.test
    if isinstance(test, ast.Compare):
        if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
            return None
        try:
            ast.literal_eval(test.comparators[0])
        except (ValueError, SyntaxError, TypeError):
            return None
        expr = test.left
    else:
        expr = test
    calls = [n for n in ast.walk(expr) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id == entry_point]
    if len(calls) != 1 or calls[0].keywords:
        return None
    try:
        args = [ast.literal_eval(a) for a in calls[0].args]
    except (ValueError, SyntaxError, TypeError):
        return None
    return expr, calls[0], args


def render(expr: ast.expr, call: ast.Call, args: list[Any]) -> str:
    """The source of ``expr`` with ``call``'s arguments replaced by ``args``."""
    saved = call.args
    call.args = [ast.parse(repr(a), mode="eval").body for a in args]
    try:
        return ast.unparse(expr)
    finally:
        call.args = saved


# ----------------------------------------------------------------------------- mutations


def mutate(value: Any, rng: random.Random, depth: int = 0) -> Any:
    """One small, type-preserving change of a literal value (the value itself when none applies)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return rng.choice([value + 1, value - 1 if value > 0 else value + 2, value + rng.randint(2, 5),
                           value * 2 if abs(value) < 10**6 else value + 3])
    if isinstance(value, float):
        return rng.choice([value + 0.5, value * 2, value + 1.0])
    if isinstance(value, str):
        if not value:
            return "a"
        i = rng.randrange(len(value))
        return rng.choice([value[::-1], value[1:] or value + value, value + value[i], value[:-1] or value * 2,
                           value[:i] + value[(i + 1) % len(value)] + value[i + 1:], value.swapcase(),
                           "".join(rng.sample(value, len(value)))])
    if isinstance(value, (list, tuple)):
        items = list(value)
        if not items:
            return value
        i = rng.randrange(len(items))
        options = [items[::-1], items[:i] + items[i + 1:], items + [items[i]],
                   rng.sample(items, len(items)), items[:i] + [items[i]] + items[i:]]
        if depth < 2:
            options.append(items[:i] + [mutate(items[i], rng, depth + 1)] + items[i + 1:])
            options.append(items + [mutate(items[i], rng, depth + 1)])
        try:
            options.append(sorted(items))
        except TypeError:
            pass
        new = rng.choice(options)
        return tuple(new) if isinstance(value, tuple) else new
    if isinstance(value, dict):
        if not value:
            return value
        keys = list(value)
        k = rng.choice(keys)
        if rng.random() < 0.5 and len(keys) > 1:
            return {key: v for key, v in value.items() if key != k}
        return {**value, k: mutate(value[k], rng, depth + 1)}
    if isinstance(value, (set, frozenset)):
        items = sorted(value, key=repr)
        if len(items) < 2:
            return value
        items.pop(rng.randrange(len(items)))
        return type(value)(items)
    return value


def mutations(args_list: list[list[Any]], rng: random.Random, limit: int) -> Iterator[tuple[int, list[Any]]]:
    """Up to ``limit`` distinct ``(template index, new args)``, none equal to a visible call's args."""
    seen = {repr(a) for a in args_list}
    for _ in range(limit * 8):
        t = rng.randrange(len(args_list))
        args = list(args_list[t])
        if not args:
            return
        for pos in range(len(args)):
            if pos == rng.randrange(len(args)) or rng.random() < 0.25:
                args[pos] = mutate(args[pos], rng)
        key = repr(args)
        if key not in seen:
            seen.add(key)
            yield t, args
            limit -= 1
            if limit == 0:
                return


# ----------------------------------------------------------------------------- running the references

HARNESS = '''
import ast as _ast, signal as _signal
def _on_alarm(*_):
    raise TimeoutError
_signal.signal(_signal.SIGALRM, _on_alarm)
def _has_float(v):
    if isinstance(v, float):
        return True
    if isinstance(v, dict):
        return any(_has_float(k) or _has_float(x) for k, x in v.items())
    if isinstance(v, (list, tuple, set, frozenset)):
        return any(_has_float(x) for x in v)
    return False
for _i, _src in enumerate(_CANDIDATES):
    try:
        _signal.setitimer(_signal.ITIMER_REAL, 1.0)
        _a = eval(_src)
        _b = eval(_src)
        _signal.setitimer(_signal.ITIMER_REAL, 0)
        _r = repr(_a)
        if _a == _b and repr(_b) == _r and len(_r) <= _MAX and not _has_float(_a) and _ast.literal_eval(_r) == _a:
            print("EXTRA\\t%d\\t%s" % (_i, _r), flush=True)
    except BaseException:
        _signal.setitimer(_signal.ITIMER_REAL, 0)
'''


def build_extra_tests(max_per_task: int = 10, seed: int = 0, workers: int = 2, split: str = "all",
                      progress: bool = True) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """Extra asserts per MBPP task id (as strings) and build statistics (see the module docstring)."""
    problems = mbpp_benchmark().problems(split)
    programs, plans = [], []
    for p in problems:
        templates = [t for t in (call_template(a, p.entry_point) for a in p.tests.splitlines() if a.strip()) if t]
        if not templates:
            plans.append(None)
            continue
        rng = random.Random(seed * 100_003 + p.number)
        cands = [(t, render(templates[t][0], templates[t][1], args))
                 for t, args in mutations([t[2] for t in templates], rng, CANDIDATES_PER_TASK)]
        if not cands:
            plans.append(None)
            continue
        harness = f"_CANDIDATES = {[src for _, src in cands]!r}\n_MAX = {MAX_REPR}\n" + HARNESS
        parts = [("solution", p.reference)]
        if p.setup.strip():
            parts.append(("setup", p.setup))
        parts.append(("harness", harness))
        plans.append((p, cands))
        programs.append(parts)
    runnable = [x for x in plans if x is not None]
    tests: dict[str, list[str]] = {}
    stats = {"tasks": len(problems), "with_template": len(runnable), "candidates": 0, "kept": 0}
    with Sandbox(workers=workers, limits=Limits(timeout=30, memory_mb=2048)) as box:
        results = box.run_many(programs)
        if progress:
            results = tqdm(results, total=len(programs), desc="extra tests", unit="task")
        for idx, res in results:
            problem, cands = runnable[idx]
            stats["candidates"] += len(cands)
            kept = []
            for line in res.output.splitlines():
                fields = line.split("\t", 2)
                if len(fields) == 3 and fields[0] == "EXTRA" and fields[1].isdigit():
                    kept.append(f"assert {cands[int(fields[1])][1]} == {fields[2]}")
            if kept:
                tests[str(problem.number)] = kept[:max_per_task]
                stats["kept"] += len(tests[str(problem.number)])
    tests = dict(sorted(tests.items(), key=lambda kv: int(kv[0])))
    return tests, stats


def write_extra_tests(tests: dict[str, list[str]], path: Path, settings: dict[str, Any]) -> None:
    """Write the cache file (tests + their checksum + the source checksum + how it was made), atomically."""
    data = {"format": 1, "command": REBUILD_COMMAND, "settings": settings, "source_sha256": mbpp_file_checksum(),
            "sha256": extra_tests_checksum(tests), "tests": tests}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    """``hrm-codegen extra-tests``: show the cached extra tests' coverage, or ``--rebuild`` them."""
    ap = argparse.ArgumentParser(prog="hrm-codegen extra-tests", description=__doc__.splitlines()[0])
    ap.add_argument("--rebuild", action="store_true", help=f"rebuild {EXTRA_TESTS_FILE.name} (sandboxed, ~1 min)")
    ap.add_argument("--max-per-task", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path, default=EXTRA_TESTS_FILE)
    args = ap.parse_args(argv)
    if args.rebuild:
        t0 = time.perf_counter()
        tests, stats = build_extra_tests(args.max_per_task, args.seed, args.workers)
        write_extra_tests(tests, args.out, {"max_per_task": args.max_per_task, "seed": args.seed})
        load_extra_tests.cache_clear()
        print(json.dumps({**stats, "seconds": round(time.perf_counter() - t0, 1), "out": str(args.out)}))
    try:
        extra = load_extra_tests(str(args.out))
    except ValueError as e:
        print(f"hrm-codegen extra-tests: error: {e}", file=sys.stderr)
        return 2
    counts = {split: [len(extra.get(p.number, ())) for p in mbpp_benchmark().problems(split)]
              for split in ("test", "validation", "train", "prompt")}
    print(json.dumps({split: {"tasks": len(c), "with_any": sum(x > 0 for x in c), "with_5_or_more": sum(x >= 5 for x in c),
                              "asserts": sum(c)} for split, c in counts.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
