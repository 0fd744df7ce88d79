#!/usr/bin/env python
"""Train HRM or the baseline transformer: the same as ``hrm-codegen train`` (see hrm_codegen/training/).

    python scripts/train_codegen.py --config tiny train.max_steps=200
    accelerate launch --num_processes 2 scripts/train_codegen.py --config hrm-27m
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

from hrm_codegen.training.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
