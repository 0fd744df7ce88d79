"""Pass@k on MBPP: the estimator, code extraction, and ``hrm-codegen evaluate``.

* :func:`pass_at_k` -- the unbiased estimator of Chen et al. (2021), ``1 - C(n-c, k) / C(n, k)``,
  computed as the numerically stable product ``1 - prod_{i=n-c+1}^{n} (1 - k/i)`` (no huge
  binomials, exact 1.0 when fewer than ``k`` samples fail).
* :func:`aggregate_pass_at_k` -- the mean over tasks, reported for a ``k`` only when *every* task has
  at least ``k`` samples (otherwise the number would silently mix estimators).
* :func:`extract_code` -- what of a completion runs: cut at the first stop string, then keep the
  longest prefix (whole lines) that parses as Python; it says when nothing parses.
* :func:`main` -- the CLI (``hrm-codegen evaluate`` = ``python scripts/evaluate.py``): generate with a
  checkpoint (``--checkpoint``) or score a JSONL of completions from any model (``--samples``), run
  everything in the sandbox (:mod:`hrm_codegen.execution`), write ``results.jsonl`` and
  ``summary.json``. Rerunning with the same ``--out`` skips the samples already scored.
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
from typing import Any, Iterable, Mapping, Sequence

# Same strings as hrm_codegen.generation.DEFAULT_MBPP_STOPS (a test checks they agree); kept here
# so that scoring a samples file does not need the generation stack.
MBPP_STOPS: tuple[str, ...] = ("\nclass", "\nassert", '\n"""', "\nprint", "\nif __name__")
SPLIT_CHOICES = ("test", "validation", "train", "prompt", "all", "sanitized-test", "sanitized-validation",
                 "sanitized-train", "sanitized-prompt", "sanitized-all")
MAX_TRIMS = 400  # lines dropped from the end at most while looking for a prefix that parses


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


def aggregate_pass_at_k(counts: Mapping[Any, tuple[int, int]], ks: Iterable[int]) -> dict[str, float]:
    """Mean pass@k over tasks (``counts[task] = (n, c)``), for each ``k`` that every task supports.

    A ``k`` larger than some task's sample count is left out of the result (see module docstring).
    """
    if not counts:
        return {}
    out = {}
    min_n = min(n for n, _ in counts.values())
    for k in sorted(set(ks)):
        if k <= min_n:
            out[f"pass@{k}"] = sum(pass_at_k(n, c, k) for n, c in counts.values()) / len(counts)
    return out


# ----------------------------------------------------------------------------- code extraction


def parses(code: str) -> bool:
    """True when ``code`` is non-empty Python that parses (the plan's AST check)."""
    if not code.strip():
        return False
    try:
        compile(code, "<completion>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return False
    return True


def cut_at_stops(text: str, stops: Sequence[str] = MBPP_STOPS) -> str:
    """``text`` up to (not including) the earliest stop string."""
    cut = len(text)
    for stop in stops:
        found = text.find(stop) if stop else -1
        if found != -1:
            cut = min(cut, found)
    return text[:cut]


def extract_code(completion: str, stops: Sequence[str] = MBPP_STOPS) -> tuple[str, bool]:
    """The code to run for ``completion`` and whether it parses.

    Cut at the first stop string; if that does not parse (typically a completion that ran out of
    tokens mid-statement), drop whole lines from the end until what is left parses. When no
    prefix parses, the cut text is returned with ``False``, so the sandbox reports its syntax error.
    """
    text = cut_at_stops(completion.replace("\r\n", "\n"), stops)
    if parses(text):
        return text, True
    lines = text.split("\n")
    for end in range(len(lines) - 1, max(len(lines) - 1 - MAX_TRIMS, 0), -1):
        candidate = "\n".join(lines[:end])
        if parses(candidate):
            return candidate + "\n", True
    return text, False


# ----------------------------------------------------------------------------- inputs


def parse_task_ids(spec: str) -> set[int]:
    """``"11-20,35"`` -> ``{11, ..., 20, 35}``; also accepts ``Mbpp/35``."""
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


def _task_id(value: Any, where: str) -> int:
    try:
        if isinstance(value, bool):
            raise ValueError
        return int(str(value).split("/")[-1])
    except ValueError:
        raise EvalError(f"{where}: task_id {value!r} is not an integer or 'Mbpp/N'") from None


def load_samples(path: str | Path) -> dict[int, list[str]]:
    """Completions per task from a JSONL file: ``task_id`` and ``completion`` (or ``solution``) per line."""
    path = Path(path)
    if not path.is_file():
        raise EvalError(f"--samples: file not found: {path}")
    from hrm_codegen.data.mbpp_loader import DataFormatError, iter_jsonl

    by_task: dict[int, list[str]] = defaultdict(list)
    try:
        for where, rec in iter_jsonl(path):
            if "task_id" not in rec:
                raise EvalError(f"{where}: expected an object with 'task_id' and 'completion' (or 'solution')")
            text = rec.get("completion", rec.get("solution"))
            if not isinstance(text, str):
                raise EvalError(f"{where}: 'completion' (or 'solution') must be a string")
            by_task[_task_id(rec["task_id"], where)].append(text)
    except DataFormatError as e:
        raise EvalError(str(e)) from None
    if not by_task:
        raise EvalError(f"--samples: {path} holds no samples")
    return dict(by_task)


def read_results(path: Path) -> dict[tuple[int, int], dict]:
    """Scored samples of an earlier run, keyed by ``(task_id, sample)``; a torn last line is ignored."""
    done: dict[tuple[int, int], dict] = {}
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                    done[(int(rec["task_id"]), int(rec["sample"]))] = rec
                except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                    continue  # an interrupted write; that sample is scored again
    return done


# ----------------------------------------------------------------------------- generation


def generate_completions(args: argparse.Namespace, tasks: Sequence[Any]) -> tuple[list[list[str]], dict[str, Any]]:
    """``args.n`` completions per task from ``args.checkpoint`` (batched ``generate_code``)."""
    import torch

    from hrm_codegen.generation import DEFAULT_MBPP_STOPS, generate_code
    from hrm_codegen.models import load_model
    from hrm_codegen.tokenization import get_tokenizer

    ckpt = Path(args.checkpoint)
    if not ckpt.is_dir():
        raise EvalError(f"--checkpoint: directory not found: {ckpt}")
    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    model = load_model(ckpt, device=device)
    model.eval()
    info = {"checkpoint": str(ckpt), "arch": getattr(model.config, "arch", None), "device": device}
    try:
        info["num_parameters"] = int(model.num_parameters())
    except Exception:  # an optional detail; never fail the run over it
        pass
    if not tasks:
        return [], info
    tokenizer = get_tokenizer()
    # A prompt that fills the model's whole context cannot be answered: score it as an empty
    # completion (it fails its asserts) and count it, rather than stopping the evaluation.
    lengths = [len(ids) for ids in tokenizer.encode_batch([t.prompt for t in tasks])]
    fits = [i for i, n in enumerate(lengths) if n < model.config.max_seq_len]
    info["prompts_too_long"] = [tasks[i].task_id for i in range(len(tasks)) if i not in set(fits)]
    completions: list[list[str]] = [[""] * args.n for _ in tasks]
    with torch.no_grad():
        generated = generate_code(
            model, tokenizer, [tasks[i].prompt for i in fits], n=args.n, max_new_tokens=args.max_new_tokens,
            temperature=args.temperature, top_p=args.top_p, top_k=args.top_k, stop=DEFAULT_MBPP_STOPS,
            seed=args.seed, batch_size=args.batch_size, progress=True) if fits else []
    for i, comps in zip(fits, generated):
        completions[i] = comps
    return completions, info


# ----------------------------------------------------------------------------- the CLI


def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``hrm-codegen evaluate``."""
    ap = argparse.ArgumentParser(
        prog="hrm-codegen evaluate",
        description="Run completions against MBPP asserts in the sandbox and report pass@k.")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--checkpoint", metavar="DIR", help="generate --n samples per task with this model")
    src.add_argument("--samples", metavar="FILE.jsonl",
                     help="score these completions: one JSON object per line with task_id and completion")
    ap.add_argument("--split", default="test", choices=SPLIT_CHOICES, help="MBPP split (default: test)")
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
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="programs run at once (default: all CPUs)")
    ap.add_argument("--timeout", type=float, default=10.0, help="wall-clock seconds per program (default: 10)")
    ap.add_argument("--memory-mb", type=int, default=4096, help="address-space limit per program (default: 4096)")
    ap.add_argument("--out", required=True, metavar="DIR", help="writes DIR/results.jsonl and DIR/summary.json")
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
    return ks


def _select_tasks(args: argparse.Namespace) -> list[Any]:
    from hrm_codegen.data.mbpp_loader import load_mbpp

    tasks = load_mbpp(args.split)
    if args.tasks:
        wanted = parse_task_ids(args.tasks)
        known = {t.task_id for t in tasks}
        missing = sorted(wanted - known)
        if missing:
            shown = ", ".join(map(str, missing[:10])) + (" ..." if len(missing) > 10 else "")
            raise EvalError(f"--tasks: id(s) {shown} are not in split {args.split!r}")
        tasks = [t for t in tasks if t.task_id in wanted]
    return tasks


def _summary(args, ks, tasks, records, timing, model_info) -> dict[str, Any]:
    per_task: dict[int, list[dict]] = defaultdict(list)
    for rec in records:
        per_task[rec["task_id"]].append(rec)
    counts = {tid: (len(recs), sum(r["status"] == "passed" for r in recs)) for tid, recs in per_task.items()}
    scores = aggregate_pass_at_k(counts, ks)
    summary: dict[str, Any] = dict(scores)  # "pass@1": ..., at the top level
    missing_k = [k for k in ks if f"pass@{k}" not in summary]
    parse_share = (sum(bool(r["parses"]) for r in records) / len(records)) if records else None
    samples = [n for n, _ in counts.values()]
    summary.update({
        "k": ks,
        "pass@k_not_reported": {str(k): f"some task has fewer than {k} samples" for k in missing_k},
        "num_tasks": len(counts),
        "num_samples": len(records),
        "samples_per_task": {"min": min(samples, default=0), "max": max(samples, default=0)},
        "status_counts": dict(Counter(r["status"] for r in records)),
        "parses": parse_share,
        "split": args.split,
        "tasks": args.tasks,
        "timing": timing,
        "model": model_info,
        "sampling": {"n": args.n, "temperature": args.temperature, "top_p": args.top_p, "top_k": args.top_k,
                     "max_new_tokens": args.max_new_tokens, "seed": args.seed, "batch_size": args.batch_size}
        if args.checkpoint else None,
        "sandbox": {"workers": args.workers, "timeout_s": args.timeout, "memory_mb": args.memory_mb},
    })
    return summary


def _score(jobs: list[dict], args: argparse.Namespace, results_path: Path, tasks_by_id: dict) -> tuple[list[dict], str]:
    """Run ``jobs`` in the sandbox, appending each scored sample to ``results_path`` as it finishes."""
    from tqdm import tqdm

    from hrm_codegen.execution import Limits, Sandbox, task_parts

    if not jobs:
        return [], "not started"
    scored = []
    with Sandbox(workers=args.workers, limits=Limits(timeout=args.timeout, memory_mb=args.memory_mb)) as box, \
            results_path.open("a", encoding="utf-8") as fh, tqdm(total=len(jobs), desc="execute", unit="sample") as bar:
        programs = [task_parts(tasks_by_id[j["task_id"]], j["code"]) for j in jobs]
        for idx, res in box.run_many(programs):
            job = jobs[idx]
            rec = {"task_id": job["task_id"], "sample": job["sample"], "completion": job["completion"],
                   "program": res.program, "status": res.status, "error": res.error,
                   "seconds": res.seconds, "parses": job["parses"]}
            fh.write(json.dumps(rec) + "\n")
            fh.flush()
            scored.append(rec)
            bar.update(1)
        return scored, box.mode


def run(args: argparse.Namespace) -> dict[str, Any]:
    """The whole evaluation for parsed ``args``; returns the summary (also written to ``--out``)."""
    t_start = time.perf_counter()
    ks = _check_args(args)
    tasks = _select_tasks(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results_path = out / "results.jsonl"
    done = read_results(results_path)

    timing: dict[str, Any] = {"generation_s": 0.0}
    if args.samples:
        by_task = load_samples(args.samples)
        absent = [t.task_id for t in tasks if t.task_id not in by_task]
        tasks = [t for t in tasks if t.task_id in by_task]
        if not tasks:
            raise EvalError(f"--samples: no completions for any task of split {args.split!r}"
                            + (f" and --tasks {args.tasks}" if args.tasks else ""))
        if absent:
            print(f"warning: {len(absent)} selected task(s) have no samples and are left out "
                  f"(first: {absent[:5]})", file=sys.stderr)
        completions = [by_task[t.task_id] for t in tasks]
        model_info: dict[str, Any] = {"samples_file": str(args.samples)}
    else:
        todo = [t for t in tasks if any((t.task_id, i) not in done for i in range(args.n))]
        t0 = time.perf_counter()
        generated, model_info = generate_completions(args, todo)
        timing["generation_s"] = round(time.perf_counter() - t0, 3)
        by_id = {t.task_id: c for t, c in zip(todo, generated)}
        completions = [by_id.get(t.task_id, [""] * args.n) for t in tasks]

    jobs = []
    for task, comps in zip(tasks, completions):
        for i, completion in enumerate(comps):
            if (task.task_id, i) in done:
                continue
            code, ok = extract_code(completion)
            jobs.append({"task_id": task.task_id, "sample": i, "completion": completion, "code": code, "parses": ok})
    t0 = time.perf_counter()
    scored, mode = _score(jobs, args, results_path, {t.task_id: t for t in tasks})
    timing.update(execution_s=round(time.perf_counter() - t0, 3), samples_executed=len(jobs),
                  samples_reused=len(done), sandbox_mode=mode)
    wanted = {(t.task_id, i) for t, comps in zip(tasks, completions) for i in range(len(comps))}
    records = [r for key, r in done.items() if key in wanted] + scored
    timing["total_s"] = round(time.perf_counter() - t_start, 3)
    summary = _summary(args, ks, tasks, records, timing, model_info)
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    """``hrm-codegen evaluate``: returns the exit code (0 ok, 2 user error)."""
    from hrm_codegen.data.mbpp_loader import DataFormatError

    args = build_parser().parse_args(argv)
    try:
        summary = run(args)
    except (EvalError, FileNotFoundError, DataFormatError) as e:
        print(f"hrm-codegen evaluate: error: {e}", file=sys.stderr)
        return 2
    scores = ", ".join(f"{k}={v:.4f}" for k, v in summary.items() if k.startswith("pass@") and isinstance(v, float))
    print(f"{summary['num_tasks']} tasks, {summary['num_samples']} samples: {scores or 'no pass@k'}; "
          f"parses {summary['parses'] or 0:.3f}; statuses {summary['status_counts']} -> {Path(args.out) / 'summary.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
