"""The sandbox launcher: a small long-lived process that runs untrusted programs, each in its own jail.

This file is started as a plain script (``python -I _child.py``) by
:class:`hrm_codegen.sandbox.Sandbox`; it imports only the standard library, so it stays small
(~15 MB) no matter how big the process that wants code executed is (a PyTorch trainer). Forking a
small process is cheap, and memory limits set in its children measure the program, not PyTorch.

Protocol (JSON lines): the harness writes one config line ``{"workers": N, "mode": ...}``, then one
job per line; the launcher answers one ``{"ready": ...}`` line, then one result line per job (in
completion order) and exits at end of input after the running jobs finished.

Once, at start (root mode), the launcher moves itself into a private mount namespace in which every
mount is read-only and nosuid (an interpreter living under a closed home such as ``/root`` is made
reachable by bind mounts, the rest of that home hidden), and makes one empty network namespace per
worker slot. Per job, one ``clone`` (a fork that also enters new namespaces)::

    launcher L ──clone(mount, pid, ipc [, user, net])──▶ B: PID 1 of a new PID namespace

``B`` joins its slot's network namespace (only a downed loopback: no network, and no talking to the
job running next to it), mounts a fresh ``/proc`` and a size-limited tmpfs on ``/tmp`` (its working
directory; the rest of the tree it copied from L is read-only), sets resource limits, drops to an
unprivileged uid (one per worker slot, so process counts of concurrent jobs never mix), scrubs the
environment, closes every file descriptor but its two report channels, and only then runs the
program. When ``B`` exits or is killed, the kernel kills everything left in its PID namespace (also
processes that called ``setsid`` or forked twice), so nothing outlives the job. (In ``userns`` mode,
for users without root, ``B`` gets its own user and network namespaces and makes its mounts
read-only itself.)

Speed: while a job runs, the next ``B`` of its slot is already cloned and waits ("warm") for its job
on a pipe, so the namespace set-up is off the critical path; the launcher wakes only when a job
exits (output and reports are collected by polling every ``DRAIN_S``), and answers in batches.

**Unforgeable success.** The program's parts are compiled before any of them runs (so a syntax error
is reported by trusted code), then run in order (solution, setup, asserts) in one namespace. A pass
counts only when the report socket carries ``{"kind": "pass", "nonce": N}`` with this job's random
nonce. Only an audit hook installed before the completion runs holds the nonce, and it sends it
only when the runner's own frame signals that the last part returned (:func:`_install_audit_guard`).
Exiting early (``sys.exit``, ``os._exit``, a signal), printing, writing anything to any fd, closing
fds, patching builtins/``os``, or calling the runner again cannot produce it; the hook blocks the
routes into interpreter memory (``gc``, tracing, traceback frames, ``ctypes`` memory access).
Known limit: on Python >= 3.13 ``frame.f_locals`` writes through (PEP 667), so a completion built
to attack this runner could rebind its locals; the jail itself does not depend on this.
"""

from __future__ import annotations

import ctypes
import fcntl
import gc
import json
import os
import resource
import selectors
import signal
import socket
import sys
import time
import traceback
from collections import deque
from pathlib import Path

# ----------------------------------------------------------------------------- kernel interface

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_RDONLY = 2, 4, 8, 1
MS_BIND, MS_REMOUNT, MS_MOVE, MS_REC, MS_PRIVATE = 4096, 32, 8192, 16384, 1 << 18
MOUNT_ATTR_RDONLY, MOUNT_ATTR_NOSUID, MOUNT_ATTR_NODEV = 0x1, 0x2, 0x4
AT_FDCWD, AT_RECURSIVE, MNT_DETACH = -100, 0x8000, 2
SYS_MOUNT_SETATTR = 442  # same number on x86_64 and aarch64 (new syscalls share numbers)
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_CAPBSET_DROP = 1, 38, 24

# Each worker slot of each launcher runs as its own unprivileged uid (root mode) so RLIMIT_NPROC, which
# the kernel counts per uid, limits one job and never a job running next to it (also one of another
# launcher): uid = SANDBOX_UID_BASE + (launcher pid % 1e6) * MAX_WORKERS + slot, below 2**32 - 1.
SANDBOX_UID_BASE = 100_000_000
MAX_WORKERS = 1024
DRAIN_S = 0.05  # how often the launcher collects running jobs' output and reports
OUTPUT_PIPE_BYTES = 1 << 20  # output pipe size: a program rarely fills it between two polls

# Modules MBPP solutions import most; imported once here so each job's fork starts with them.
PRELOAD = ("re", "math", "cmath", "collections", "heapq", "itertools", "functools", "operator", "bisect",
           "array", "copy", "string", "datetime", "decimal", "fractions", "statistics", "random", "typing")

_libc = ctypes.CDLL(None, use_errno=True)
# The same C library through PyDLL: calls keep the GIL, which a raw clone() must not drop midway.
_libc_gil = ctypes.PyDLL(None, use_errno=True)
SYS_CLONE = {"x86_64": 56, "aarch64": 220, "arm64": 220}.get(os.uname().machine)
NEW_NAMESPACES = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC  # + a network namespace, see Launcher


class _MountAttr(ctypes.Structure):
    _fields_ = [("attr_set", ctypes.c_uint64), ("attr_clr", ctypes.c_uint64),
                ("propagation", ctypes.c_uint64), ("userns_fd", ctypes.c_uint64)]


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(src, target, fstype, flags, data=None) -> None:
    def enc(s):
        return None if s is None else s.encode()

    _check(_libc.mount(enc(src), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)), f"mount {target}")


def _make_root_readonly() -> None:
    """Every mount below ``/`` read-only and nosuid (one ``mount_setattr`` call, Linux >= 5.12)."""
    attr = _MountAttr(MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID, 0, 0, 0)  # not nodev: /dev/null must open
    ret = _libc.syscall(SYS_MOUNT_SETATTR, AT_FDCWD, b"/", AT_RECURSIVE, ctypes.byref(attr), ctypes.sizeof(attr))
    if ret == 0:
        return
    # Older kernels: remount each mount point on its own (deepest paths last is fine for remounts).
    with open("/proc/self/mountinfo") as fh:
        points = [line.split()[4].replace("\\040", " ") for line in fh]
    for point in points:
        try:
            _mount(None, point, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID)
        except OSError:
            if point == "/":
                raise


def _clone(flags: int) -> int:
    """``os.fork()`` that also puts the child into new namespaces (the raw ``clone`` system call).

    With ``CLONE_NEWPID`` the child is PID 1 of its namespace at once, which saves the second fork
    that ``unshare`` needs (a fork costs ~5 ms on small VMs). Python's own fork bookkeeping runs
    around it exactly as in ``os.fork`` (``PyOS_BeforeFork``/``AfterFork_*``). One glibc detail is not
    redone: the child's cached thread id is the parent's, so ``raise()``/``abort()`` inside the child
    target a thread that is not there (``os.kill(os.getpid(), sig)`` works; nothing here uses them).
    """
    if SYS_CLONE is None:
        raise OSError(f"no clone syscall number known for {os.uname().machine}")
    api = ctypes.pythonapi
    api.PyOS_BeforeFork()
    pid = _libc_gil.syscall(SYS_CLONE, ctypes.c_ulong(flags | signal.SIGCHLD), 0, 0, 0, 0)
    err = ctypes.get_errno()
    if pid == 0:
        api.PyOS_AfterFork_Child()
    else:
        api.PyOS_AfterFork_Parent()
    if pid < 0:
        raise OSError(err, f"clone: {os.strerror(err)}")
    return pid


def prepare_launcher(mode: str) -> None:
    """Root mode, once per launcher: a private mount namespace whose whole tree is read-only.

    Every job's mount namespace is copied from this one, so per job only ``/proc`` and the tmpfs on
    ``/tmp`` are mounted. The launcher itself never writes files.
    """
    if mode == "root":
        _check(_libc.unshare(CLONE_NEWNS), "unshare(mount namespace)")
        _mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing mounted below may propagate to the host
        _expose_interpreter()
        # Fewer mounts, cheaper jails: every job's mount namespace copies this tree and tears it down
        # again. The cgroup hierarchy (a dozen mounts) is of no use to a program under test.
        _libc.umount2(b"/sys/fs/cgroup", MNT_DETACH)
        _make_root_readonly()


def _closed_ancestor(path: str) -> str | None:
    """The topmost directory above ``path`` that other users may not enter (e.g. ``/root``, 0700)."""
    parts = Path(path).parts
    for i in range(2, len(parts)):
        ancestor = os.path.join(*parts[:i])
        if not os.stat(ancestor).st_mode & 0o001:
            return ancestor
    return None


def _expose_interpreter() -> None:
    """Let the unprivileged job uid read this Python's own files, and nothing else of a closed home.

    An interpreter installed under ``/root`` (pyenv, a venv in root's home) is out of reach of the
    uid the jobs run as, so any import not preloaded would fail. For each closed directory above a
    ``sys.path`` entry, the directory is covered (in the launcher's private mount namespace) by an
    empty tmpfs holding only bind mounts of the interpreter paths below it: the jobs see Python, but
    not the rest of that home (``.ssh`` and the like).
    """
    needed = {p for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, *sys.path)
              if p and os.path.isdir(p)}
    groups: dict[str, set[str]] = {}
    for path in needed:
        closed = _closed_ancestor(os.path.abspath(path))
        if closed:
            groups.setdefault(closed, set()).add(os.path.abspath(path))
    if not groups:
        return
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=700")  # staging (jobs get their own /tmp)
    count = 0
    for closed, paths in groups.items():
        tops = sorted(p for p in paths if not any(p != q and p.startswith(q + "/") for q in paths))
        staged = []
        for path in tops:
            stage = f"/tmp/stage{count}"
            count += 1
            os.mkdir(stage)
            _mount(path, stage, None, MS_BIND | MS_REC)
            staged.append((stage, path))
        _mount("tmpfs", closed, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=755")
        for stage, path in staged:
            os.makedirs(path, exist_ok=True)
            _mount(stage, path, None, MS_MOVE)


# ----------------------------------------------------------------------------- jail setup (in B)


def _enter_jail_early(mode: str, outer_ids: tuple[int, int]) -> None:
    """What can be done before the job is known (so a warm child has it done already)."""
    if mode == "userns":
        uid, gid = outer_ids
        for name, text in (("setgroups", "deny"), ("uid_map", f"0 {uid} 1"), ("gid_map", f"0 {gid} 1")):
            with open(f"/proc/self/{name}", "w") as fh:
                fh.write(text)
        _mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing mounted below may propagate to the host
        _make_root_readonly()


def _finish_jail(mode: str, uid: int, limits: dict) -> None:
    """Fresh /proc and tmpfs, limits, privilege drop, clean environment. Raises on any failure."""
    if mode != "fallback":
        _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)  # shows only this PID namespace
        size = int(limits["tmpfs_mb"])
        _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={size}m,nr_inodes=4096,mode=1777")
        workdir = "/tmp"
    else:
        workdir = limits["fallback_dir"]
    os.chdir(workdir)
    _set_limits(limits)
    _drop_privileges(mode, uid, workdir)
    os.environ.clear()
    os.environ.update({"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": workdir, "TMPDIR": workdir,
                       "LANG": "C.UTF-8"})


def _set_limits(limits: dict) -> None:
    cpu = int(limits["cpu_s"])
    mem = int(limits["memory_mb"]) << 20
    fsize = int(limits["fsize_mb"]) << 20
    for res, value in ((resource.RLIMIT_CPU, (cpu, cpu + 1)), (resource.RLIMIT_AS, (mem, mem)),
                       (resource.RLIMIT_FSIZE, (fsize, fsize)), (resource.RLIMIT_NOFILE, (limits["nofile"],) * 2),
                       (resource.RLIMIT_NPROC, (limits["nproc"],) * 2), (resource.RLIMIT_CORE, (0, 0))):
        resource.setrlimit(res, value)


def _drop_privileges(mode: str, uid: int, workdir: str) -> None:
    """Leave root for good: an unprivileged uid (root mode) or no capabilities (user-namespace mode)."""
    if os.geteuid() == 0 and mode in ("root", "fallback"):
        if mode == "fallback":
            os.chown(workdir, uid, uid)
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # from uid 0 to non-zero: the kernel clears every capability
    elif mode == "userns":
        for cap in range(64):  # empty bounding set: no later execve can regain a capability
            _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
        header = (ctypes.c_uint32 * 2)(0x20080522, 0)
        data = (ctypes.c_uint32 * 6)()
        _check(_libc.capget(header, data), "capget")
        data = (ctypes.c_uint32 * 6)()  # effective, permitted, inheritable: all zero
        _check(_libc.capset(header, data), "capset")
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")  # setuid binaries stay harmless


def _install_audit_guard(nonce_box: list, report_fd: int) -> None:
    """Install the audit hook that holds the nonce and blocks the routes to interpreter memory.

    Audit hooks cannot be removed, and this one is installed before the completion runs. It takes
    the job's nonce out of ``nonce_box`` (so no frame on the stack holds it any more) and is the only
    code that ever sends it: on the ``hrm.sandbox.pass`` event, and only when that event comes from
    the very runner frame registered by ``hrm.sandbox.begin``, in the original process, once.
    Blocked for the completion: ``gc`` object walks, other threads' frames, tracing/profiling (which
    could jump over the asserts), new audit hooks, traceback/generator frames, raw memory through
    ``ctypes`` and ``/proc/*/mem``. ``sys._getframe`` stays allowed (``namedtuple``, ``logging``
    need it): the runner keeps only immutable locals (a tuple of code objects, captured functions),
    which Python < 3.13 gives no way to rebind from outside the frame.
    """
    nonce = nonce_box.pop()
    owner, getpid, getframe, write, dumps = os.getpid(), os.getpid, sys._getframe, os.write, json.dumps
    state = {"frame": None, "done": False, "tampered": False}
    blocked = frozenset({
        "gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys._current_frames", "sys.settrace",
        "sys.setprofile", "sys.addaudithook", "ctypes.string_at", "ctypes.wstring_at", "ctypes.cdata",
        "ctypes.addressof", "ctypes.call_function", "sys.monitoring.register_callback"})
    frame_attrs = frozenset({"tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back"})

    def guard(event, args):
        if type(event) is not str:  # never let a str subclass run code inside this frame
            return
        if event == "hrm.sandbox.begin":
            if state["frame"] is None:
                state["frame"] = getframe(1)
            return
        if event == "hrm.sandbox.pass":
            genuine = getpid() == owner and state["frame"] is not None and getframe(1) is state["frame"]
            if not genuine or state["done"] or state["tampered"]:
                state["tampered"] = True
                raise RuntimeError("sandbox: forged success report")
            state["done"] = True
            write(report_fd, dumps({"kind": "pass", "nonce": nonce}).encode())
            return
        if event in blocked:
            raise RuntimeError(f"sandbox: {event} is not allowed")
        if event == "object.__getattr__" and len(args) > 1 and type(args[1]) is str and args[1] in frame_attrs:
            raise RuntimeError(f"sandbox: reading {args[1]} is not allowed")
        if event == "open" and args and type(args[0]) is str and args[0].startswith("/proc/") \
                and args[0].endswith(("/mem", "/environ")):
            raise RuntimeError("sandbox: reading process memory is not allowed")

    sys.addaudithook(guard)


# ----------------------------------------------------------------------------- the runner (in B)


def _error_text(exc: BaseException, sources: tuple, part: int) -> str:
    """``Type: message``; for a bare failing ``assert``, the assert's source line instead of nothing."""
    try:
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip().splitlines()[-1]
    except BaseException:  # a hostile __str__
        text = type(exc).__name__
    try:
        # tb -> this runner's exec line; tb_next -> the part's own top level (no frame access needed).
        tb = exc.__traceback__.tb_next
        if isinstance(exc, AssertionError) and not str(exc) and tb is not None and part == len(sources) - 1:
            text = "AssertionError: " + sources[part].splitlines()[tb.tb_lineno - 1].strip()
    except BaseException:
        pass
    return text[:2000]


def _run_job(parts: list, report_fd: int) -> None:
    """Compile all parts, run them in order in one namespace, report. Never returns (``os._exit``).

    Everything used after the completion starts is a local bound before it starts, so patching
    ``builtins``, ``os``, ``json`` or ``sys`` changes nothing here.
    """
    write, exit_, dumps, audit, run_code = os.write, os._exit, json.dumps, sys.audit, exec

    def report(**msg) -> None:
        try:
            write(report_fd, dumps(msg).encode()[:60000])
        except BaseException:
            pass

    sources = tuple(src for _, src in parts)
    codes = []
    for i, (name, src) in enumerate(parts):
        try:
            codes.append(compile(src, f"<{name}>", "exec", dont_inherit=True))
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError) as e:
            kind = "syntax_error" if i == 0 else "error"
            report(kind=kind, error=f"{name}: " + "".join(traceback.format_exception_only(type(e), e)).strip()[-2000:])
            exit_(2)
    codes = tuple(codes)  # immutable: the completion cannot shorten the list of parts still to run
    import builtins

    namespace = {"__name__": "__main__", "__builtins__": builtins, "__doc__": None}
    sys.argv = ["solution.py"]
    audit("hrm.sandbox.begin")
    report(kind="start")
    part = 0
    try:
        for part, code in enumerate(codes):  # noqa: B007 - `part` names the failing part below
            run_code(code, namespace)
    except BaseException as e:  # SystemExit and KeyboardInterrupt included: exiting early is failing
        report(kind="fail", error=_error_text(e, sources, part))
        exit_(1)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        pass
    try:
        audit("hrm.sandbox.pass")  # the guard checks it is this frame and sends the nonce
    except BaseException:
        exit_(1)
    exit_(0)


# ----------------------------------------------------------------------------- per-job processes


def _close_fds_except(keep: set[int]) -> None:
    low = 3
    for fd in sorted(keep):
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, 1 << 16)


def _read_job(fd: int) -> dict:
    """A warm child's job: 8-byte length, then JSON. Blocks until the launcher sends it."""
    head = b""
    while len(head) < 8:
        chunk = os.read(fd, 8 - len(head))
        if not chunk:
            os._exit(0)  # the launcher is done with this warm child
        head += chunk
    size, body = int.from_bytes(head, "little"), bytearray()
    while len(body) < size:
        chunk = os.read(fd, size - len(body))
        if not chunk:
            os._exit(0)
        body += chunk
    os.close(fd)
    return json.loads(bytes(body))


def _child_b(mode: str, uid: int, report_w: int, out_w: int, job: dict | None = None, job_r: int = -1,
             outer_ids: tuple[int, int] = (0, 0), net_fd: int = -1) -> None:
    """Process B (PID 1 of the job's namespaces): build the jail around itself, then run the job.

    ``job`` is given for a cold start; a warm child (``job=None``) prepares what it can, then
    waits on ``job_r`` for its job.
    """
    # The launcher's objects live on in this copy; should the cycle collector ever free one that
    # owns a descriptor (a selector, a socket), it would close whatever now has that number, such as
    # the report socket. Freezing them makes them immortal here.
    gc.freeze()
    try:
        # A session of its own: no controlling terminal to inject input into (TIOCSTI), its own
        # process group, and (with the kernel's autogroup scheduling) its own CPU share instead of
        # competing inside the launcher's group.
        os.setsid()
        _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "pdeathsig")
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
            signal.signal(sig, signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL)
        # Let go of the launcher's descriptors at once (other warm children wait for EOF on theirs).
        devnull = os.open("/dev/null", os.O_RDONLY)  # before the jail: works even with nodev mounts
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        _close_fds_except({devnull, report_w, out_w, job_r, net_fd})
        _enter_jail_early(mode, outer_ids)
        if net_fd >= 0:
            _check(_libc.setns(net_fd, CLONE_NEWNET), "setns(network namespace)")
            os.close(net_fd)
        if job is None:
            job = _read_job(job_r)
        nonce_box = [job.pop("nonce")]
        _finish_jail(mode, uid, job["limits"])
        _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "pdeathsig")  # after setresuid, which clears it
        # Descriptors: 0 = /dev/null, 1 and 2 = the output pipe, 3 = the report socket, nothing else.
        report_w = os.dup(report_w) if report_w < 4 else report_w  # keep it safe from the dup2s below
        os.dup2(devnull, 0)
        os.dup2(out_w, 1)
        os.dup2(out_w, 2)
        os.dup2(report_w, 3)
        report_w = 3
        os.closerange(4, 1 << 16)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 - reads give EOF at once
        sys.stdout = open(1, "w", closefd=False, errors="replace")  # noqa: SIM115
        sys.stderr = open(2, "w", closefd=False, errors="replace")  # noqa: SIM115
        _install_audit_guard(nonce_box, 3)
    except BaseException as e:
        try:
            os.write(report_w, json.dumps({"kind": "error", "error": f"sandbox setup: {e!r}"}).encode())
        finally:
            os._exit(70)
    _run_job(job["parts"], 3)


# ----------------------------------------------------------------------------- the launcher loop


def _write_all(fd: int, data: bytes) -> None:
    """``os.write`` until everything is written (a pipe may take less per call)."""
    while data:
        data = data[os.write(fd, data):]


class _Proc:
    """A cloned child and the launcher's ends of its channels."""

    def __init__(self, pid: int, pidfd: int, report_r: socket.socket, out_r: int, job_w: int):
        self.pid, self.pidfd, self.report_r, self.out_r, self.job_w = pid, pidfd, report_r, out_r, job_w


class _Running:
    """Book-keeping for one job in flight (launcher side)."""

    def __init__(self, job: dict, slot: int, proc: _Proc, nonce: str):
        self.job, self.slot, self.nonce = job, slot, nonce
        self.pid, self.pidfd, self.report_r, self.out_r = proc.pid, proc.pidfd, proc.report_r, proc.out_r
        self.start = time.monotonic()
        self.deadline = self.start + float(job["timeout"])
        self.timed_out = False
        self.cpu_s = 0.0
        self.messages: list[dict] = []
        self.forged = False
        self.genuine_pass = False
        self.out = bytearray()
        self.out_dropped = 0


class Launcher:
    """Runs up to ``workers`` jobs at once; reads jobs from stdin, writes results with ``emit``."""

    def __init__(self, workers: int, mode: str, emit=None):
        self.workers, self.mode = min(max(1, workers), MAX_WORKERS), mode
        self.uid_base = SANDBOX_UID_BASE + (os.getpid() % 1_000_000) * MAX_WORKERS
        self.emit = emit
        self.pending_results: list[dict] = []
        self.free_slots = list(range(self.workers))
        self.queue: deque = deque()
        self.running: dict[int, _Running] = {}
        self.warm: dict[int, _Proc] = {}  # slot -> a jailed child waiting for its job
        # Root mode: one empty network namespace per worker slot, made once. Creating (and, in a
        # kernel worker, destroying) a network namespace is the costliest part of a jail; jobs of
        # one slot never overlap and leave nothing behind in it (their sockets die with them, and
        # without capabilities they cannot configure it), while concurrent jobs stay apart.
        self.net_fds: dict[int, int] = {}
        if mode == "root":
            for slot in range(self.workers):
                _check(_libc.unshare(CLONE_NEWNET), "unshare(network namespace)")
                self.net_fds[slot] = os.open("/proc/self/ns/net", os.O_RDONLY)
        self.sel = selectors.DefaultSelector()
        self.stdin_open = True
        self.inbuf = b""
        self.fallback_root = None
        if mode == "fallback":
            import tempfile

            self.fallback_root = tempfile.mkdtemp(prefix="hrm-sandbox-")
            os.chmod(self.fallback_root, 0o711)

    def uid(self, slot: int) -> int:
        """The unprivileged uid the jobs of ``slot`` run as (root and fallback modes)."""
        return self.uid_base + slot

    # -- jobs in
    def _read_stdin(self) -> None:
        data = os.read(0, 1 << 20)
        if not data:
            self.stdin_open = False
            self.sel.unregister(0)
            return
        self.inbuf += data
        *lines, self.inbuf = self.inbuf.split(b"\n")
        self.queue.extend(json.loads(line) for line in lines if line.strip())

    def _spawn(self, slot: int, job: dict | None) -> _Proc:
        """Clone a jailed child for ``slot``: cold (with ``job``) or warm (``job=None``, waits for one)."""
        report_r, report_w = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        out_r, out_w = os.pipe()
        try:
            fcntl.fcntl(out_r, fcntl.F_SETPIPE_SZ, OUTPUT_PIPE_BYTES)  # room for output between polls
        except OSError:
            pass
        job_r, job_w = os.pipe() if job is None else (-1, -1)
        flags = {"root": NEW_NAMESPACES, "userns": NEW_NAMESPACES | CLONE_NEWUSER | CLONE_NEWNET}.get(self.mode, 0)
        outer_ids = (os.geteuid(), os.getegid())
        pid = _clone(flags) if flags else os.fork()
        if pid == 0:
            _child_b(self.mode, self.uid(slot), report_w.detach(), out_w, job=job, job_r=job_r, outer_ids=outer_ids,
                     net_fd=self.net_fds.get(slot, -1))
        report_w.close()
        os.close(out_w)
        if job is None:
            os.close(job_r)
        return _Proc(pid, os.pidfd_open(pid), report_r, out_r, job_w)

    def _start(self, job: dict) -> None:
        slot = self.free_slots.pop()
        limits = dict(job["limits"])
        if self.mode == "fallback":
            import tempfile

            limits["fallback_dir"] = tempfile.mkdtemp(dir=self.fallback_root)
        # No local variable holds the nonce: a cold child runs on a copy of this stack, and pops it
        # out of its copy of ``job`` into its audit guard.
        job = dict(job, limits=limits, nonce=os.urandom(16).hex())
        proc = self.warm.pop(slot, None)
        if proc is not None:
            payload = json.dumps(job).encode()
            try:
                if len(payload) > 60000:  # would not fit the pipe in one write: start cold instead
                    raise BlockingIOError
                os.write(proc.job_w, len(payload).to_bytes(8, "little") + payload)
                os.close(proc.job_w)
            except OSError:
                self._discard(proc)
                proc = None
        if proc is None:
            proc = self._spawn(slot, job)
        run = _Running(job, slot, proc, job["nonce"])
        # Only the exit wakes the launcher; output and reports are collected by polling (every
        # DRAIN_S) and at the end, which saves several wake-ups per job on a busy machine.
        for fd in (proc.report_r.fileno(), proc.out_r, proc.pidfd):
            os.set_blocking(fd, False)
        self.sel.register(proc.pidfd, selectors.EVENT_READ, (run, proc.pidfd))
        self.running[proc.pid] = run
        if self.mode != "fallback" and (self.queue or self.stdin_open):
            # Build the next jail for this slot while the job runs: off the critical path.
            self.warm[slot] = self._spawn(slot, None)

    def _discard(self, proc: _Proc) -> None:
        """Kill and reap an unused warm child."""
        for fd in (proc.job_w, proc.out_r, proc.pidfd):
            try:
                os.close(fd)
            except OSError:
                pass
        proc.report_r.close()
        try:
            os.kill(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(proc.pid, 0)

    # -- events
    def _poll_channels(self) -> None:
        for run in self.running.values():
            self._drain_output(run)
            self._drain_reports(run)

    def _drain_output(self, run: _Running) -> None:
        # Keep reading past the cap (and drop it): a flooding program must not block on a full pipe.
        cap = int(run.job["max_output"])
        for _ in range(64):  # bounded: a flood cannot keep the launcher here
            try:
                data = os.read(run.out_r, 1 << 16)
            except OSError:  # BlockingIOError included: nothing more for now
                return
            if not data:
                return
            room = max(cap - len(run.out), 0)
            run.out += data[:room]
            run.out_dropped += len(data) - len(data[:room])

    def _drain_reports(self, run: _Running, limit: int = 256) -> None:
        for _ in range(limit):  # bounded while the job runs, like the output
            try:
                data = run.report_r.recv(1 << 16)
            except OSError:
                return
            if not data:
                return
            try:
                msg = json.loads(data)
                if not isinstance(msg, dict):
                    raise ValueError
            except ValueError:
                msg = {"kind": "junk"}
            if msg.get("kind") == "pass":
                if msg.get("nonce") == run.nonce:
                    run.genuine_pass = True
                else:
                    run.forged = True
            if len(run.messages) < 100:  # a program may spam the socket; the first ones matter
                run.messages.append(msg)

    def _unregister(self, fd: int) -> None:
        try:
            self.sel.unregister(fd)
        except (KeyError, ValueError):
            pass

    def _kill(self, run: _Running) -> None:
        # Killing PID 1 of the job's namespace kills every process in it.
        try:
            os.kill(run.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if self.mode == "fallback":
            _fallback_kill(run, self.uid(run.slot))

    def _finish(self, run: _Running) -> None:
        _, status, usage = os.wait4(run.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        code = code if code >= 0 else 128 - code
        run.cpu_s = usage.ru_utime + usage.ru_stime
        if self.mode == "fallback":
            _fallback_kill(run, self.uid(run.slot))  # strays that escaped the session
        self._drain_reports(run, limit=1 << 30)  # the job is dead: what is buffered is all there is
        self._drain_output(run)
        self._unregister(run.pidfd)
        run.report_r.close()
        os.close(run.out_r)
        os.close(run.pidfd)
        seconds = time.monotonic() - run.start
        del self.running[run.pid]
        self.free_slots.append(run.slot)
        if self.mode == "fallback":
            import shutil

            shutil.rmtree(run.job["limits"]["fallback_dir"], ignore_errors=True)
        result = _verdict(run, code)
        dropped = f"\n[... {run.out_dropped} more bytes dropped]" if run.out_dropped else ""
        result.update(id=run.job["id"], seconds=round(seconds, 4), output=run.out.decode("utf-8", "replace") + dropped)
        self.pending_results.append(result)

    def serve(self) -> None:
        """Main loop: start queued jobs while slots are free, watch running ones, until input ends."""
        if self.stdin_open:
            self.sel.register(0, selectors.EVENT_READ, None)
        last_poll = time.monotonic()
        while self.stdin_open or self.queue or self.running:
            while self.queue and self.free_slots:
                self._start(self.queue.popleft())
            now = time.monotonic()
            for run in list(self.running.values()):
                if not run.timed_out and now >= run.deadline:
                    run.timed_out = True
                    self._kill(run)
            if now - last_poll >= DRAIN_S:
                self._poll_channels()
                last_poll = now
            wait = min((r.deadline - now for r in self.running.values() if not r.timed_out), default=1.0)
            if self.running:
                wait = min(wait, DRAIN_S)
            for key, _ in self.sel.select(timeout=max(0.0, min(wait, 1.0))):
                if key.data is None:
                    self._read_stdin()
                else:
                    run, _fd = key.data
                    if run.pid in self.running:
                        self._finish(run)
            if self.pending_results:  # one write (one wake-up of the harness) per loop turn
                if self.emit is None:
                    _write_all(1, "".join(json.dumps(r) + "\n" for r in self.pending_results).encode())
                else:
                    for result in self.pending_results:
                        self.emit(result)
                self.pending_results.clear()
        for proc in self.warm.values():
            self._discard(proc)
        self.warm.clear()
        if self.fallback_root:
            import shutil

            shutil.rmtree(self.fallback_root, ignore_errors=True)


def _verdict(run: _Running, exit_code: int) -> dict:
    """The job's status from trusted facts only: the nonce, the clock, the exit status."""
    kinds = [m.get("kind") for m in run.messages]
    before_start = run.messages[: kinds.index("start")] if "start" in kinds else run.messages
    if run.genuine_pass and not run.forged:
        return {"status": "passed", "error": ""}
    if run.timed_out:
        return {"status": "timeout", "error": f"wall-clock limit of {run.job['timeout']:g} s exceeded"}
    for m in before_start:  # written by trusted code, before the completion ran
        if m.get("kind") in ("syntax_error", "error"):
            return {"status": m["kind"], "error": str(m.get("error", ""))}
    if run.forged:
        return {"status": "failed", "error": "forged success report (wrong nonce)"}
    if exit_code in (128 + signal.SIGXCPU, 128 + signal.SIGKILL) and run.cpu_s >= run.job["limits"]["cpu_s"] - 0.05:
        return {"status": "timeout", "error": f"CPU time limit of {run.job['limits']['cpu_s']} s exceeded"}
    fails = [m for m in run.messages if m.get("kind") == "fail"]
    if fails:
        return {"status": "failed", "error": str(fails[-1].get("error", ""))}
    if "start" not in kinds:
        return {"status": "error", "error": f"sandbox exited before the program started (exit code {exit_code})"}
    if exit_code > 128:
        try:
            name = signal.Signals(exit_code - 128).name
        except ValueError:
            name = str(exit_code - 128)
        return {"status": "failed", "error": f"killed by signal {name} before the tests finished"}
    return {"status": "failed", "error": f"exited (code {exit_code}) before the tests finished"}


def _fallback_kill(run: _Running, uid: int) -> None:
    """Without a PID namespace: kill the job's session, and (as root) every process of its uid."""
    if run.pid:
        try:
            os.killpg(run.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    if os.geteuid() != 0:
        return
    for _ in range(3):  # a fork loop can race one sweep
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.stat(f"/proc/{entry}").st_uid == uid:
                        os.kill(int(entry), signal.SIGKILL)
                except OSError:
                    pass


def _probe_job(mode: str) -> str:
    job = {"id": -1, "parts": [["probe", "pass"]], "timeout": 10.0, "max_output": 4096,
           "limits": {"cpu_s": 5, "memory_mb": 1024, "fsize_mb": 1, "nofile": 64, "nproc": 16, "tmpfs_mb": 4}}
    results: list[dict] = []
    launcher = Launcher(1, mode, emit=results.append)
    launcher.queue.append(job)
    launcher.stdin_open = False
    launcher.serve()
    launcher.sel.close()
    result = results[0]
    return "" if result["status"] == "passed" else result["error"] or result["status"]


def probe(mode: str) -> str:
    """Try ``mode`` on a do-nothing job in a throwaway child; "" if the jail works, else why not.

    A child, because preparing root mode changes the launcher's mount namespace for good.
    """
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            prepare_launcher(mode)
            why = _probe_job(mode)
        except BaseException as e:
            why = f"{e}" or type(e).__name__
        os.write(w, why.encode()[:4000])
        os._exit(0)
    os.close(w)
    chunks = []
    while chunk := os.read(r, 4096):
        chunks.append(chunk)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    why = b"".join(chunks).decode()
    return why if status == 0 else (why or f"probe exited with status {status}")


def choose_mode(requested: str) -> tuple[str, str]:
    """The strongest mode that works here, and a warning (empty when full isolation is available)."""
    candidates = ["root", "userns"] if os.geteuid() == 0 else ["userns"]
    if requested != "auto":
        candidates = [requested]
    reasons = []
    for mode in candidates:
        if mode == "fallback":
            break
        why = probe(mode)
        if not why:
            warn = ""
            if mode == "userns" and os.geteuid() == 0:
                warn = "sandbox: user-namespace mode as root: the process-count limit is not enforced"
            return mode, warn
        reasons.append(f"{mode}: {why}")
    warn = ("SANDBOX FALLBACK: Linux namespaces are unavailable (" + "; ".join(reasons) + "). Programs run with "
            "resource limits, a scratch directory, a scrubbed environment and (as root) an unprivileged uid, "
            "but WITHOUT network isolation, WITHOUT a read-only filesystem and WITHOUT a PID namespace: "
            "untrusted code can reach the network, write files its uid may write, and see other processes "
            "(without root it even runs as your own user and can signal your processes).")
    return "fallback", warn


def main() -> int:
    """Entry point: read the config line, pick a mode, serve jobs until stdin closes."""
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # die with the harness
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in PRELOAD:
        try:
            __import__(name)
        except ImportError:
            pass
    line = b""
    while not line.endswith(b"\n"):  # unbuffered: the job lines that follow stay in the pipe for serve()
        byte = os.read(0, 1)
        if not byte:
            return 0
        line += byte
    config = json.loads(line)
    mode, warning = choose_mode(config.get("mode", "auto"))
    prepare_launcher(mode)
    launcher = Launcher(int(config.get("workers", 1)), mode)
    os.write(1, (json.dumps({"ready": True, "mode": mode, "warning": warning,
                             "uids": [launcher.uid(0), launcher.uid(launcher.workers - 1)]}) + "\n").encode())
    launcher.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main())
