"""Pass@k on MBPP, sanitized MBPP and HumanEval: ``evaluate(EvalConfig(...)) -> EvalResult``.

* :mod:`~hrm_codegen.evaluation.config` -- :class:`EvalConfig` (every option of ``hrm-codegen
  evaluate``, validated; an unknown key is a :class:`~hrm_codegen.errors.ConfigError`).
* :mod:`~hrm_codegen.evaluation.harness` -- :func:`evaluate`: generate or read samples, run them in
  the sandbox, write ``results.jsonl`` and ``summary.json``; :class:`EvalResult`.
* :mod:`~hrm_codegen.evaluation.metrics` -- :func:`pass_at_k`, :func:`aggregate_pass_at_k`, the summary.
* :mod:`~hrm_codegen.evaluation.cli` -- ``hrm-codegen evaluate`` (flags -> :class:`EvalConfig`).

The MBPP extra tests the harness scores come from :mod:`hrm_codegen.tasks.mbpp` (their cache); the
tool that rebuilds that cache is :mod:`hrm_codegen.tasks.mbpp_extra_tests`.
"""

from __future__ import annotations

from hrm_codegen.evaluation.config import EvalConfig, default_out, parse_ks, parse_task_ids
from hrm_codegen.evaluation.harness import EvalResult, evaluate, load_samples, read_results, reference_check
from hrm_codegen.evaluation.metrics import aggregate_pass_at_k, pass_at_k, summarize, summary_line

__all__ = [
    "EvalConfig",
    "EvalResult",
    "aggregate_pass_at_k",
    "default_out",
    "evaluate",
    "load_samples",
    "parse_ks",
    "parse_task_ids",
    "pass_at_k",
    "read_results",
    "reference_check",
    "summarize",
    "summary_line",
]
