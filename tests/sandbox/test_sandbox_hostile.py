"""Hostile programs, one per isolation property of the sandbox: each is contained, scored as not
passed (or its in-sandbox assertions about the jail hold), and the harness keeps working.

Runs in the strongest mode available here (``root`` in CI); the mode is printed in the test ids of
the few tests that need full namespaces, which are skipped with the reason when only the fallback
is available.
"""

from __future__ import annotations

import os
import socket
import stat
import tempfile
import textwrap
import threading
import time
import uuid
from pathlib import Path

import pytest

from hrm_codegen.sandbox import Limits, Sandbox


@pytest.fixture()
def isolated(box):
    if box.mode == "fallback":
        pytest.skip(f"namespaces unavailable here: {box.warning}")
    return box


def _prog(src: str) -> str:
    return textwrap.dedent(src).strip() + "\n"


def _still_works(box: Sandbox) -> None:
    assert box.run("assert sum(range(4)) == 6").status == "passed"


def _sandbox_processes(box: Sandbox) -> list[int]:
    """Pids of live processes owned by one of ``box``'s job uids (root mode)."""
    first, last = box.uids
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/status") as fh:
                    fields = dict(line.split(":", 1) for line in fh if ":" in line)
                uid = int(fields["Uid"].split()[0])
                if first <= uid <= last and "Z" not in fields["State"]:
                    pids.append(int(entry))
            except (OSError, KeyError, ValueError):
                pass
    return pids


# ----------------------------------------------------------------------------- time limits


def test_wall_clock_limit(box):
    start = time.monotonic()
    res = box.run("while True:\n    pass\n", Limits(timeout=1.0))
    assert res.status == "timeout" and "wall-clock" in res.error
    assert time.monotonic() - start < 6
    _still_works(box)


def test_cpu_time_limit(box):
    # The wall clock would allow 60 s; the CPU limit (1 s) ends it first.
    res = box.run("while True:\n    pass\n", Limits(timeout=60.0, cpu_s=1))
    assert res.status == "timeout" and "CPU" in res.error, res
    assert res.seconds < 20


def test_ignoring_sigterm_and_hanging_in_c_code(box):
    prog = _prog("""
        import re, signal
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM):
            signal.signal(sig, signal.SIG_IGN)
        re.match(r"(a+)+$", "a" * 64 + "b")  # catastrophic backtracking inside C
    """)
    start = time.monotonic()
    res = box.run(prog, Limits(timeout=1.5))
    assert res.status == "timeout"
    assert time.monotonic() - start < 8
    _still_works(box)


# ----------------------------------------------------------------------------- resource limits


def test_memory_limit(box):
    res = box.run("x = bytearray(600 * 2**20)\n", Limits(memory_mb=256))
    assert res.status == "failed" and "MemoryError" in res.error
    res = box.run("xs = []\nwhile True:\n    xs.append(bytearray(2**24))\n", Limits(memory_mb=256))
    assert res.status == "failed" and "MemoryError" in res.error
    _still_works(box)


def test_default_memory_limit_is_at_most_4_gib():
    assert Limits().memory_mb <= 4096


def test_memory_limit_measures_the_program_not_a_big_parent(box):
    # This process has PyTorch loaded (far more address space than the limit below); the jobs are
    # forked from the small launcher, so a 256 MiB limit still leaves room for a 100 MiB program.
    import torch  # noqa: F401 - make sure the parent really is big

    with open("/proc/self/status") as fh:
        vm_size_kb = int(next(line for line in fh if line.startswith("VmSize:")).split()[1])
    assert vm_size_kb > 512 * 1024
    res = box.run("x = bytearray(100 * 2**20)\nassert len(x) == 100 * 2**20\n", Limits(memory_mb=256))
    assert res.status == "passed", res


def test_file_size_limit(isolated):
    res = isolated.run("open('big.bin', 'wb').write(b'x' * (2 * 2**20))\n", Limits(fsize_mb=1))
    assert res.status == "failed" and "File too large" in res.error


def test_process_count_limit(isolated):
    prog = _prog("""
        import os, time
        for _ in range(40):
            if os.fork() == 0:
                time.sleep(5)
                os._exit(0)
    """)
    res = isolated.run(prog, Limits(nproc=8))
    assert res.status == "failed" and "Resource temporarily unavailable" in res.error, res


def test_open_file_limit(box):
    res = box.run("fs = [open('/dev/null') for _ in range(500)]\n", Limits(nofile=64))
    assert res.status == "failed" and "Too many open files" in res.error


def test_fork_loop_is_contained(isolated):
    prog = _prog("""
        import os
        while True:
            try:
                os.fork()
            except OSError:
                pass
    """)
    res = isolated.run(prog, Limits(timeout=2.0, nproc=16))
    assert res.status in ("timeout", "failed")
    if isolated.mode == "root":
        assert _sandbox_processes(isolated) == []
    _still_works(isolated)


def test_allocating_without_end_is_contained(box):
    res = box.run("s = 'x'\nwhile True:\n    s += s\n", Limits(memory_mb=512))
    assert res.status == "failed" and "MemoryError" in res.error
    _still_works(box)


# ----------------------------------------------------------------------------- files, env, stdio


def test_throwaway_working_directory(isolated):
    name = f"marker-{uuid.uuid4().hex}.txt"
    first = isolated.run(f"import os\nopen({name!r}, 'w').write('hi')\nassert os.path.exists({name!r})\n"
                         f"assert os.getcwd() == '/tmp'\n")
    second = isolated.run(f"import os\nassert not os.path.exists({name!r})\nassert os.listdir('.') == []\n")
    assert first.status == "passed", first
    assert second.status == "passed", second
    assert not Path("/tmp", name).exists()  # the sandbox's /tmp is its own tmpfs


def test_no_writes_outside_its_directory(isolated, tmp_path_factory):
    # A world-writable directory outside /tmp: only the read-only mount stops the writes.
    target = Path(tempfile.mkdtemp(dir="/var/tmp" if os.access("/var/tmp", os.W_OK) else os.getcwd()))
    try:
        target.chmod(0o777)
        victim = target / "victim.txt"
        victim.write_text("original")
        victim.chmod(0o666)
        this_file = Path(__file__).resolve().read_bytes()
        prog = _prog(f"""
            import os
            attempts = [
                lambda: open({str(target / 'new.txt')!r}, 'w').write('x'),
                lambda: open({str(victim)!r}, 'a').write('x'),
                lambda: os.unlink({str(victim)!r}),
                lambda: os.rename({str(victim)!r}, {str(target / 'moved.txt')!r}),
                lambda: os.chmod({str(victim)!r}, 0o600),
                lambda: os.mkdir({str(target / 'sub')!r}),
                lambda: open('/dev/shm/hrm-sandbox-probe', 'w').write('x'),
                lambda: open({str(Path(__file__).resolve())!r}, 'a').write('# pwned'),
                lambda: open('/etc/hrm-sandbox-probe', 'w').write('x'),
            ]
            for i, attempt in enumerate(attempts):
                try:
                    attempt()
                except OSError:
                    continue
                raise SystemExit(f"write {{i}} succeeded")
        """)
        res = isolated.run(prog)
        assert res.status == "passed", res
        assert victim.read_text() == "original"
        assert sorted(p.name for p in target.iterdir()) == ["victim.txt"]
        assert stat.S_IMODE(victim.stat().st_mode) == 0o666
        assert Path(__file__).resolve().read_bytes() == this_file
    finally:
        for p in target.iterdir():
            p.unlink()
        target.rmdir()


def test_scrubbed_environment(monkeypatch):
    monkeypatch.setenv("HRM_SANDBOX_TEST_SECRET", "s3cret")
    with Sandbox(workers=1) as fresh:
        res = fresh.run("import os\nassert 'HRM_SANDBOX_TEST_SECRET' not in os.environ\n"
                        "assert set(os.environ) <= {'PATH', 'HOME', 'TMPDIR', 'LANG'}, "
                        "sorted(os.environ)\n")
    assert res.status == "passed", res


def test_stdin_is_closed(box):
    start = time.monotonic()
    res = box.run("input()\n")
    assert res.status == "failed" and "EOFError" in res.error
    assert time.monotonic() - start < 5


def test_output_is_captured_up_to_a_cap(box):
    res = box.run("print('x' * 10**7)\n", Limits(max_output=4096))
    assert res.status == "passed"
    assert res.output.startswith("x" * 4096) and "bytes dropped" in res.output and len(res.output) < 4200
    flood = box.run("while True:\n    print('y' * 1000)\n", Limits(timeout=1.5, max_output=4096))
    assert flood.status == "timeout" and len(flood.output) < 4200
    _still_works(box)


# ----------------------------------------------------------------------------- network, processes


def test_no_network(isolated):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    port = server.getsockname()[1]
    accepted, done = [], threading.Event()

    def watch():
        while not done.is_set():
            try:
                accepted.append(server.accept())
            except OSError:
                continue

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    prog = _prog(f"""
        import socket
        for addr in [("127.0.0.1", {port}), ("1.1.1.1", 53), ("8.8.8.8", 443)]:
            try:
                socket.create_connection(addr, timeout=1).close()
            except OSError:
                continue
            raise SystemExit(f"connected to {{addr}}")
        assert socket.if_nameindex() in ([], [(1, "lo")])
    """)
    res = isolated.run(prog)
    time.sleep(0.3)  # a connection that got through would be accepted by now
    done.set()
    watcher.join()
    server.close()
    assert res.status == "passed", res
    assert accepted == []


def test_every_process_is_gone_when_the_result_returns(isolated):
    tag = f"{time.time_ns() % 10**9}.{os.getpid()}"
    prog = _prog(f"""
        import os
        if os.fork() == 0:            # child
            os.setsid()               # its own session: escapes process-group kills
            if os.fork() == 0:        # grandchild: orphaned daemon
                os.execv("/bin/sleep", ["sleep", "{tag}"])
            os._exit(0)
        os.wait()
        import time
        time.sleep(0.3)               # the daemon is running now
    """)
    res = isolated.run(prog)
    assert res.status == "passed", res
    leftovers = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if tag.encode() in Path(f"/proc/{entry}/cmdline").read_bytes():
                    leftovers.append(entry)
            except OSError:
                pass
    assert leftovers == []


def test_killing_its_parent_or_everything(box):
    for prog in ("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nassert False\n",
                 "import os, signal\nos.kill(-1, signal.SIGKILL)\nassert False\n",
                 "import os, signal\nos.killpg(0, signal.SIGKILL)\nassert False\n"):
        res = box.run(prog)
        assert res.status != "passed", (prog, res)
    _still_works(box)


# ----------------------------------------------------------------------------- unforgeable success

FORGERS = {
    "sys.exit(0)": "import sys\nsys.exit(0)",
    "os._exit(0)": "import os\nos._exit(0)",
    "SystemExit in finally": "try:\n    pass\nfinally:\n    raise SystemExit(0)",
    "print markers": "print('passed'); print('PASS'); print('{\"kind\": \"pass\"}')",
    "write fake reports to every fd": _prog("""
        import json, os
        for fd in range(0, 64):
            for nonce in ("", "0" * 32):
                try:
                    os.write(fd, json.dumps({"kind": "pass", "nonce": nonce}).encode())
                except OSError:
                    pass
    """),
    "close every fd then exit 0": "import os\nos.closerange(0, 1024)\nos._exit(0)",
    "monkeypatch builtins and os": _prog("""
        import builtins, os, json, sys
        builtins.AssertionError = type("Nope", (Exception,), {})
        builtins.exec = lambda *a, **k: None
        builtins.compile = lambda *a, **k: compile("pass", "x", "exec")
        os.write = lambda *a: 0
        os._exit = lambda *a: None
        sys.exit = lambda *a: None
        json.dumps = lambda *a, **k: '{"kind": "pass"}'
    """),
    "SystemExit in __del__": _prog("""
        class Bomb:
            def __del__(self):
                raise SystemExit(0)
        b = Bomb()
        del b
        c = Bomb()
    """),
    "atexit exit 0": "import atexit, os\natexit.register(lambda: os._exit(0))",
    "thread exits 0 during the tests": _prog("""
        import os, threading, time
        threading.Thread(target=lambda: (time.sleep(0.05), os._exit(0)), daemon=True).start()
    """),
    "call the audit event itself": "import sys\nsys.audit('hrm.sandbox.pass')",
    "rerun the runner on trivial parts": _prog("""
        import sys
        runner = sys.modules["__main__"]._run_job
        runner([["solution", "pass"]], 3)
    """),
    "walk gc for the nonce": "import gc\nsecrets = [o for o in gc.get_objects() if isinstance(o, str) and len(o) == 32]",
    "traceback frames": "try:\n    1/0\nexcept ZeroDivisionError as e:\n    f = e.__traceback__.tb_frame.f_back",
    "trace function to skip the asserts": "import sys\nsys.settrace(lambda *a: None)",
    "new audit hook": "import sys\nsys.addaudithook(lambda e, a: None)",
    "read /proc/self/mem": "open('/proc/self/mem', 'rb')",
}


@pytest.mark.parametrize("name", sorted(FORGERS))
def test_success_cannot_be_forged(box, name):
    parts = [("solution", FORGERS[name]), ("tests", "assert False, 'the asserts ran and failed'\n")]
    res = box.run(parts)
    assert res.status != "passed", (name, res)


def test_a_genuine_pass_survives_the_guard(box):
    # Ordinary library use must not trip the audit guard.
    solution = _prog("""
        import collections, dataclasses, logging, re, typing, warnings, sys
        Point = collections.namedtuple("Point", "x y")
        @dataclasses.dataclass
        class Box:
            w: int
        logging.getLogger("x").warning("hello")
        warnings.warn("careful")
        sys.setrecursionlimit(5000)
        def area(p: typing.Tuple[int, int]) -> int:
            return Point(*p).x * Box(p[1]).w
    """)
    res = box.run([("solution", solution), ("tests", "assert area((3, 4)) == 12\n")])
    assert res.status == "passed", res


def test_fallback_mode_warns_and_still_scores():
    with pytest.warns(RuntimeWarning, match="SANDBOX FALLBACK"):
        fallback = Sandbox(workers=1, mode="fallback")
    with fallback:
        assert "WITHOUT network isolation" in fallback.warning
        assert fallback.run("assert 1 + 1 == 2").status == "passed"
        assert fallback.run("assert 1 + 1 == 3").status == "failed"
        assert fallback.run("import sys\nsys.exit(0)\nassert False").status == "failed"
