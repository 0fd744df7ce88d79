"""Score completions in the sandbox and report pass@k (same as ``hrm-codegen evaluate``)."""

import sys

from hrm_codegen.evaluation.cli import main

if __name__ == "__main__":
    sys.exit(main())
