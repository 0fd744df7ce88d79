"""The ``hrm-codegen`` console script: one subcommand per job, each a plain function.

Every subcommand lives in its own module as ``main(argv) -> int``; this file only dispatches, so
``hrm-codegen train ...`` and ``python scripts/train_codegen.py ...`` run the same code.
"""

from __future__ import annotations

import importlib
import sys

from hrm_codegen.errors import USER_ERRORS

# subcommand -> (module, one-line help)
COMMANDS = {
    "data": ("hrm_codegen.data.cli", "data tools: `data report` (MBPP statistics), `data build` (training corpus)"),
    "train": ("hrm_codegen.training.cli", "train a model (Accelerate; YAML config + key=value overrides)"),
    "generate": ("hrm_codegen.inference.cli", "generate code from a checkpoint for a prompt or an MBPP task"),
    "evaluate": ("hrm_codegen.evaluation.cli", "score completions in the sandbox and report pass@k (MBPP, HumanEval)"),
    "extra-tests": ("hrm_codegen.tasks.mbpp_extra_tests", "the MBPP extra tests (asserts the model never saw): coverage, --rebuild"),
    "run": ("hrm_codegen.pipeline", "train -> evaluate -> report for a preset (quickstart, mini, gpu-speedrun)"),
}


def _usage() -> str:
    lines = ["usage: hrm-codegen COMMAND [ARGS...]", "", "commands:"]
    lines += [f"  {name:<10} {help_}" for name, (_, help_) in COMMANDS.items()]
    lines += ["", "`hrm-codegen COMMAND --help` for a command's options."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(_usage())
        return 0 if argv else 2
    if argv[0] in ("-V", "--version"):
        from hrm_codegen import __version__

        print(__version__)
        return 0
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"hrm-codegen: unknown command {name!r}\n\n{_usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    try:
        return int(module.main(rest) or 0)
    except USER_ERRORS as e:  # a user's bad config, missing or corrupt file: one line, not a traceback
        print(f"hrm-codegen {name}: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
