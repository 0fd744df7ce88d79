"""``hrm-codegen train`` (and ``scripts/train_codegen.py``): argv -> config -> :func:`~hrm_codegen.training.loop.train`."""

from __future__ import annotations

import argparse
import json
import sys

from accelerate import PartialState

from hrm_codegen.errors import ConfigError
from hrm_codegen.training.accelerator import cpu_only
from hrm_codegen.training.config import dump_config, load_train_config
from hrm_codegen.training.dry_run import dry_run
from hrm_codegen.training.errors import (
    EXIT_INTERRUPTED,
    EXIT_NONFINITE,
    EXIT_OK,
    EXIT_USER_ERROR,
    ROLLBACK_HINT,
    NonFiniteLossError,
    TrainingInterrupted,
)
from hrm_codegen.training.loop import train
from hrm_codegen.training.validation import evaluate_loss_only


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hrm-codegen train",
        description="Train HRM or the baseline transformer on MBPP-format data (Accelerate: one CPU, one GPU, "
                    "or `accelerate launch` for several).",
        epilog="Overrides use dotted keys of the config, e.g. optim.lr=3e-4 model.hidden_size=128 train.max_steps=200. "
               f"Exit codes: 0 done, 2 config/folder error, 3 non-finite loss ({ROLLBACK_HINT}), 130 interrupted.",
    )
    p.add_argument("-c", "--config", default="hrm-27m", help="YAML config: a path, or the name of a config shipped in the package (tiny, hrm-27m, ...); default hrm-27m")
    p.add_argument("overrides", nargs="*", metavar="key=value", help="config overrides")
    p.add_argument("--out", help="run folder for metrics/plots (default runs/<run_name>)")
    p.add_argument("--resume", metavar="PATH|auto", help="continue from a checkpoint folder, or the newest one ('auto')")
    p.add_argument("--dry-run", action="store_true", help="3 steps on a handful of samples, outputs in a temp folder")
    p.add_argument("--print-config", action="store_true", help="print the validated config and exit")
    p.add_argument("--eval-only", metavar="CHECKPOINT",
                   help="no training: print the validation loss of a saved model folder (no generation)")
    return p


def main(argv: list[str] | None = None) -> int:
    """``hrm-codegen train`` / ``scripts/train_codegen.py``; returns the exit code."""
    try:
        # intermixed: overrides may come before, between or after the options
        args = _parser().parse_intermixed_args(argv)
    except SystemExit as e:  # --help, or a usage error argparse already printed
        return int(e.code or 0)
    try:
        cfg = load_train_config(args.config, args.overrides)
        if args.print_config:
            print(dump_config(cfg), end="")
            return EXIT_OK
        if args.eval_only:
            summary = evaluate_loss_only(cfg, args.eval_only)
        elif args.dry_run:
            summary = dry_run(cfg)
        else:
            summary = train(cfg, out_dir=args.out, resume=args.resume)
    except ConfigError as e:
        print(f"hrm-codegen train: error: {e}", file=sys.stderr)
        return EXIT_USER_ERROR
    except NonFiniteLossError as e:
        print(f"hrm-codegen train: error: {e}", file=sys.stderr)
        return EXIT_NONFINITE
    except TrainingInterrupted as e:
        print(f"hrm-codegen train: {e}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        print("hrm-codegen train: aborted (no checkpoint written by this interrupt)", file=sys.stderr)
        return EXIT_INTERRUPTED
    if PartialState(cpu=cpu_only()).is_main_process:
        brief = {k: v for k, v in summary.items() if k != "losses"}
        print(json.dumps(brief, indent=2))
    return EXIT_OK
