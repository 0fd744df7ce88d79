"""How a run ends other than by finishing: the exit codes, a non-finite loss, an interrupt."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USER_ERROR, EXIT_NONFINITE, EXIT_INTERRUPTED = 0, 2, 3, 130
ROLLBACK_HINT = "scripts/rollback.sh --help"


class NonFiniteLossError(RuntimeError):
    """The loss (or gradient norm) became NaN/Inf; the step was not applied."""

    def __init__(self, step: int, what: str, last_checkpoint: Path | None):
        self.step, self.last_checkpoint = step, last_checkpoint
        where = f"the last good checkpoint is {last_checkpoint}" if last_checkpoint else "no checkpoint was written yet"
        super().__init__(
            f"{what} is not finite at step {step}; training stopped before applying that step ({where}). "
            f"Roll back and retry with a smaller learning rate: see {ROLLBACK_HINT}"
        )


class TrainingInterrupted(RuntimeError):
    """Ctrl-C / SIGTERM: the run stopped after a checkpoint was written."""

    def __init__(self, step: int, checkpoint: Path | None):
        self.step, self.checkpoint = step, checkpoint
        super().__init__(f"interrupted at step {step}; checkpoint saved to {checkpoint}; "
                         "continue with --resume auto (or --resume <checkpoint>)")


class StopFlag:
    """Turns the first SIGINT/SIGTERM into a request to stop after the current step; a second SIGINT aborts."""

    def __init__(self):
        self.requested = False
        self._old: dict[int, Any] = {}

    def _handler(self, signum, frame):
        if self.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.requested = True
        print(f"\n[train] signal {signum}: finishing this step, then saving a checkpoint "
              "(Ctrl-C again to abort without saving)", file=sys.stderr, flush=True)

    def __enter__(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[sig] = signal.signal(sig, self._handler)
            except ValueError:  # not the main thread: keep the default behaviour
                pass
        return self

    def __exit__(self, *exc):
        for sig, old in self._old.items():
            signal.signal(sig, old)
