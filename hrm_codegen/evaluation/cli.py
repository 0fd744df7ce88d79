"""``hrm-codegen evaluate`` (= ``python scripts/evaluate.py``): the flags of :class:`EvalConfig`, then :func:`evaluate`.

Each flag is one field of :class:`~hrm_codegen.evaluation.config.EvalConfig` (``--max-new-tokens``
-> ``max_new_tokens``, ``--no-extra-tests`` -> ``extra_tests: false``), with the same default.
Scoring a samples file imports no torch.
"""

from __future__ import annotations

import argparse
import os
import sys

from hrm_codegen.errors import USER_ERRORS
from hrm_codegen.evaluation.config import SPLIT_CHOICES, EvalConfig
from hrm_codegen.evaluation.harness import evaluate
from hrm_codegen.evaluation.metrics import summary_line
from hrm_codegen.tasks import BENCHMARKS


def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``hrm-codegen evaluate``."""
    ap = argparse.ArgumentParser(
        prog="hrm-codegen evaluate",
        description="Run completions against a benchmark's tests in the sandbox and report pass@k.")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--checkpoint", metavar="DIR", help="generate --n samples per task with this model")
    ap.add_argument("--ema", action="store_true",
                    help="with --checkpoint: generate with its EMA weights (the ema/ folder of a train.ema_decay run)")
    ap.add_argument("--no-prompt-tokens", dest="prompt_tokens", action="store_false",
                    help="with --checkpoint: a tied compact head emits only its own rows, not the other tokens of "
                         "the prompt (see generate's score_prompt_tokens; for ablations)")
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



def config_from_args(args: argparse.Namespace) -> EvalConfig:
    """The :class:`EvalConfig` of parsed ``hrm-codegen evaluate`` arguments (every flag is a field)."""
    return EvalConfig(**vars(args))


def main(argv: list[str] | None = None) -> int:
    """``hrm-codegen evaluate``: returns the exit code (0 ok, 2 user error)."""
    args = build_parser().parse_args(argv)
    try:
        result = evaluate(config_from_args(args))
    except USER_ERRORS as e:
        print(f"hrm-codegen evaluate: error: {e}", file=sys.stderr)
        return 2
    print(f"{summary_line(result.summary)} -> {result.summary_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
