"""The figures of an evaluation: pass@k, its mean over tasks, the summary and its one-line form.

* :func:`pass_at_k` -- the unbiased estimator of Chen et al. (2021), ``1 - C(n-c, k) / C(n, k)``,
  computed as the numerically stable product ``1 - prod_{i=n-c+1}^{n} (1 - k/i)`` (no huge
  binomials, exact 1.0 when fewer than ``k`` samples fail).
* :func:`aggregate_pass_at_k` -- the mean over tasks, reported for a ``k`` only when *every* task has
  at least ``k`` samples (otherwise the number would silently mix estimators).
* :func:`summarize` -- ``summary.json`` from the scored records; :func:`summary_line` for the terminal.

Nothing here runs code or imports torch.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable, Mapping

from hrm_codegen.evaluation.config import EvalConfig
from hrm_codegen.tasks import Problem
from hrm_codegen.tasks.base import task_number


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


def extra_coverage(problems: list[Problem]) -> dict[str, Any]:
    """How many of ``problems`` have extra tests, and how many each (min / median / max)."""
    counts = sorted(len(p.extra_tests) for p in problems)
    if not counts:
        return {"tasks": 0}
    return {"tasks": len(counts), "with_any": sum(c > 0 for c in counts), "with_5_or_more": sum(c >= 5 for c in counts),
            "asserts": sum(counts), "min": counts[0], "median": counts[len(counts) // 2], "max": counts[-1]}


def summarize(cfg: EvalConfig, problems: list[Problem], records: list[dict], timing: dict[str, Any],
              model_info: dict[str, Any], reference: dict[str, Any] | None) -> dict[str, Any]:
    """The summary of a run (``summary.json``): scores at the top level, then counts, settings and timing.

    ``records`` are the scored samples (``results.jsonl``); ``problems`` the evaluated tasks;
    ``reference`` the :func:`~hrm_codegen.evaluation.harness.reference_check` counts (or None).
    """
    ks = cfg.k
    per_task: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        per_task[rec["task_id"]].append(rec)
    counts = {tid: (len(recs), sum(r["passed"] for r in recs)) for tid, recs in per_task.items()}
    summary: dict[str, Any] = dict(aggregate_pass_at_k(counts, ks))  # "pass@1": ..., at the top level
    if cfg.extra_tests:
        plus = {tid: (len(recs), sum(bool(r["passed_extra"]) for r in recs)) for tid, recs in per_task.items()}
        summary.update(aggregate_pass_at_k(plus, ks, suffix="+extra"))
    missing_k = [k for k in ks if f"pass@{k}" not in summary]
    samples = [n for n, _ in counts.values()]
    summary.update({
        "benchmark": cfg.benchmark,
        "k": ks,
        "pass@k_not_reported": {str(k): f"some task has fewer than {k} samples" for k in missing_k},
        "passes_visible_fails_extra": sum(r["passed"] and r["passed_extra"] is False for r in records),
        "num_tasks": len(counts),
        "num_samples": len(records),
        "samples_per_task": {"min": min(samples, default=0), "max": max(samples, default=0)},
        "status_counts": dict(Counter(r["status"] for r in records)),
        "parses": (sum(bool(r["parses"]) for r in records) / len(records)) if records else None,
        "passing_tasks": sorted((tid for tid, (_, c) in counts.items() if c), key=task_number),
        "split": cfg.split,
        "tasks": cfg.tasks,
        "extra_tests": extra_coverage(problems) if cfg.extra_tests else None,
        "reference_check": reference,
        "timing": timing,
        "model": model_info,
        "sampling": {"n": cfg.n, "temperature": cfg.temperature, "top_p": cfg.top_p, "top_k": cfg.top_k,
                     "max_new_tokens": cfg.max_new_tokens, "seed": cfg.seed, "batch_size": cfg.batch_size}
        if cfg.checkpoint else None,
        "sandbox": {"workers": cfg.workers, "timeout_s": cfg.timeout, "memory_mb": cfg.memory_mb,
                    "mode": timing.get("sandbox_mode")},
    })
    # EvalPlus's layout of the same figures, so its users find them where they look.
    scores = {k: v for k, v in summary.items() if k.startswith("pass@") and isinstance(v, float)}
    summary["pass_at_k"] = {"base": {k: v for k, v in scores.items() if not k.endswith("+extra")},
                            "plus": {k.removesuffix("+extra"): v for k, v in scores.items() if k.endswith("+extra")}}
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

