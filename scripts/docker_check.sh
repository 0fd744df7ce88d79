#!/usr/bin/env bash
# Build the image hrm-codegen:v1 on this machine and check it inside a container. Not part of `make test`.
#
#   bash scripts/docker_check.sh
#
# 1. A Docker engine: the running one, or dockerd started here (apt-get install docker.io if missing)
#    with --bridge=none --iptables=false, and stopped again at the end (KEEP_DOCKERD=1 keeps it).
# 2. A local base image, local/bookworm-python (Debian bookworm minbase from debootstrap, + python3.11
#    and python3-venv), so nothing comes from Docker Hub.
# 3. docker build --network host --build-arg BASE=local/bookworm-python (pip reaches PyPI; torch comes
#    from the CPU wheel on this machine's disk, copied into the gitignored wheels/ folder).
#    Then the Dockerfile's `test` target ($IMAGE-test): the same app plus tests/, scripts/ and benchmarks/
#    of the same build context (one snapshot; hrm_codegen/ there links to the installed
#    package, so the tests exercise the non-editable install).
# 4. In containers with --network none and the sandbox's run options (the image's user, not root):
#    the sandbox mode and a network probe, the `make test` pytest set (in $IMAGE-test), and a short
#    train + evaluate (in $IMAGE). Every hostile-completion test (tests/sandbox/test_sandbox_hostile.py) must
#    pass, none skipped.
# Prints build time, image size and test counts; exits non-zero on any failure.
#
# Environment: IMAGE (hrm-codegen:v1), TEST_IMAGE ($IMAGE-test), BASE_IMAGE (local/bookworm-python), TORCH_WHEEL (CPU wheel path,
# "" to download torch from PyPI instead), WORK (/tmp/hrm-docker-check: logs, debootstrap root),
# KEEP_DOCKERD=1, PYTEST_ARGS (extra pytest arguments).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGE="${IMAGE:-hrm-codegen:v1}"
TEST_IMAGE="${TEST_IMAGE:-$IMAGE-test}"
BASE_IMAGE="${BASE_IMAGE:-local/bookworm-python}"
TORCH_WHEEL="${TORCH_WHEEL-/opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl}"
WORK="${WORK:-/tmp/hrm-docker-check}"
export DOCKER_BUILDKIT=0  # the classic builder: no buildx plugin needed, works with Debian's docker.io
# What the sandbox needs from the container (see the Dockerfile's header and README "Docker").
# apparmor=unconfined matters only on AppArmor hosts; Docker accepts it (and ignores it) elsewhere.
SANDBOX_OPTS=(--security-opt seccomp=unconfined --security-opt systempaths=unconfined --security-opt apparmor=unconfined)
RUN_OPTS=(--rm --network none "${SANDBOX_OPTS[@]}")

mkdir -p "$WORK"
log() { printf '\n== %s\n' "$*"; }
die() { printf 'docker_check: FAILED: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------------------------------- engine
STARTED_DOCKERD=""
cleanup() {
    if [ -n "$STARTED_DOCKERD" ] && [ -z "${KEEP_DOCKERD:-}" ]; then
        echo "stopping the dockerd started here (pid $STARTED_DOCKERD)"
        kill "$STARTED_DOCKERD" 2>/dev/null || true
        for _ in $(seq 30); do kill -0 "$STARTED_DOCKERD" 2>/dev/null || break; sleep 1; done
    fi
}
trap cleanup EXIT

if ! docker info >/dev/null 2>&1; then
    if ! command -v dockerd >/dev/null; then
        log "installing docker.io"
        DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io >"$WORK/apt-docker.log" 2>&1 \
            || die "apt-get install docker.io (see $WORK/apt-docker.log)"
    fi
    log "starting dockerd --bridge=none --iptables=false (log: $WORK/dockerd.log)"
    nohup dockerd --bridge=none --iptables=false >"$WORK/dockerd.log" 2>&1 &
    STARTED_DOCKERD=$!
    for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
    docker info >/dev/null 2>&1 || die "dockerd did not come up (see $WORK/dockerd.log)"
fi

# ---------------------------------------------------------------------------------------- base image
if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "making $BASE_IMAGE with debootstrap (bookworm minbase + python3 + python3-venv)"
    command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap >/dev/null
    rootfs="$WORK/rootfs"
    rm -rf "$rootfs"
    debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm "$rootfs" \
        http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 || die "debootstrap (see $WORK/debootstrap.log)"
    chroot "$rootfs" apt-get clean
    # This machine reaches PyPI through a TLS-intercepting proxy: its extra CA certificates (if any)
    # go into the local base, and pip is told to use the system bundle (pip's own certifi lacks them).
    if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
        cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
        chroot "$rootfs" update-ca-certificates >/dev/null
    fi
    printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$rootfs/etc/pip.conf"
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin
    tar -C "$rootfs" -c . | docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV LANG=C.UTF-8' - "$BASE_IMAGE" >/dev/null
    rm -rf "$rootfs"
fi

# ---------------------------------------------------------------------------------------------- build
mkdir -p "$ROOT/wheels"
if [ -n "$TORCH_WHEEL" ]; then
    [ -f "$TORCH_WHEEL" ] || die "TORCH_WHEEL=$TORCH_WHEEL not found (TORCH_WHEEL= downloads torch from PyPI)"
    dest="$ROOT/wheels/$(basename "$TORCH_WHEEL")"
    cmp -s "$TORCH_WHEEL" "$dest" 2>/dev/null || cp "$TORCH_WHEEL" "$dest"
fi
log "docker build -t $IMAGE --network host --build-arg BASE=$BASE_IMAGE (log: $WORK/build.log)"
t0=$(date +%s)
docker build --network host --build-arg BASE="$BASE_IMAGE" -t "$IMAGE" "$ROOT" >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; die "docker build (see $WORK/build.log)"; }
BUILD_S=$(( $(date +%s) - t0 ))
SIZE_B=$(docker image inspect -f '{{.Size}}' "$IMAGE")
SIZE_MB=$(( SIZE_B / 1000000 ))
echo "built in ${BUILD_S} s; image size ${SIZE_MB} MB"
log "docker build --target test -t $TEST_IMAGE (the app + tests/ of the same context)"
docker build --network host --build-arg BASE="$BASE_IMAGE" --target test -t "$TEST_IMAGE" "$ROOT" \
    >"$WORK/build-test.log" 2>&1 || { tail -30 "$WORK/build-test.log"; die "docker build --target test"; }

# ------------------------------------------------------------------------------------ container checks
log "the image: user, package location, torch, the sandbox mode (--network none)"
docker run "${RUN_OPTS[@]}" --entrypoint python "$IMAGE" -c '
import os, pathlib, sys, torch, hrm_codegen
from hrm_codegen.sandbox import Sandbox
print("user", os.getuid(), "python", sys.version.split()[0], "torch", torch.__version__,
      "cuda", torch.cuda.is_available())
print("package", hrm_codegen.__file__)
assert os.getuid() != 0, "runs as root"
assert "site-packages" in hrm_codegen.__file__, "not the installed package"
with Sandbox(workers=1) as box:
    print("sandbox mode", box.mode, "warning", repr(box.warning))
    assert box.mode == "userns" and not box.warning, "the sandbox lacks isolation here"
    probe = "import socket\ns = socket.socket()\ns.settimeout(2)\ns.connect((\"1.1.1.1\", 53))\n"
    res = box.run(probe)
    print("network probe from a completion:", res.status, res.error)
    assert res.status == "failed", res
' || die "image sanity / sandbox mode"

log "without the run options the sandbox falls back (expected, and warned)"
docker run --rm --network none --entrypoint python "$IMAGE" -W ignore -c '
from hrm_codegen.sandbox import Sandbox
with Sandbox(workers=1) as box:
    print("mode", box.mode, "|", box.warning[:160])
' || die "fallback probe"

log "pytest (the make test set) against the installed package, in $TEST_IMAGE (log: $WORK/pytest.log)"
set +e
# shellcheck disable=SC2086
docker run "${RUN_OPTS[@]}" -e OMP_NUM_THREADS=1 "$TEST_IMAGE" \
    pytest -v -p no:cacheprovider -p no:xdist ${PYTEST_ARGS:-} >"$WORK/pytest.log" 2>&1
PYTEST_RC=$?
set -e
grep -E '^(FAILED|ERROR) |^=+ .* in [0-9.]+s' "$WORK/pytest.log" | tail -20 || true
SUMMARY=$(grep -E '^=+ .*(passed|failed|error).* in [0-9.]+s' "$WORK/pytest.log" | tail -1)
HOSTILE_PASSED=$(grep -cE '^tests/sandbox/test_sandbox_hostile\.py::.* PASSED' "$WORK/pytest.log" || true)
HOSTILE_OTHER=$(grep -E '^tests/sandbox/test_sandbox_hostile\.py::' "$WORK/pytest.log" | grep -vE ' PASSED' || true)
[ "$PYTEST_RC" -eq 0 ] || die "pytest exit code $PYTEST_RC (see $WORK/pytest.log)"
[ "$HOSTILE_PASSED" -gt 0 ] || die "no hostile test ran"
[ -z "$HOSTILE_OTHER" ] || die "hostile tests not passed: $HOSTILE_OTHER"

log "quickstart: train the tiny HRM 20 steps, evaluate MBPP test tasks 11-13 (--network none)"
t1=$(date +%s)
docker run "${RUN_OPTS[@]}" -e OMP_NUM_THREADS=2 --entrypoint bash "$IMAGE" -c '
set -euo pipefail
hrm-codegen train -c tiny train.max_steps=20 checkpoint.every=20 logging.eval_every=20 train.batch_size=4
ckpt=$(ls -d checkpoints/tiny/step_* | tail -1)
hrm-codegen evaluate --checkpoint "$ckpt" --tasks 11-13 --k 1 --max-new-tokens 64 --out runs/eval
python -c "
import json
s = json.load(open(\"runs/eval/summary.json\"))
rows = [json.loads(line) for line in open(\"runs/eval/results.jsonl\")]
print(\"summary\", json.dumps(s)[:400])
print(\"statuses\", sorted({r.get(\"status\") for r in rows}))
assert len(rows) == 3 and all(r.get(\"status\") != \"error\" for r in rows), rows
"' >"$WORK/quickstart.log" 2>&1 || { tail -30 "$WORK/quickstart.log"; die "train + evaluate (see $WORK/quickstart.log)"; }
QUICK_S=$(( $(date +%s) - t1 ))
tail -4 "$WORK/quickstart.log"

log "docker_check: PASSED"
echo "image            $IMAGE (base $BASE_IMAGE)"
echo "build time       ${BUILD_S} s"
echo "image size       ${SIZE_MB} MB"
echo "pytest           ${SUMMARY}"
echo "hostile tests    ${HOSTILE_PASSED} passed, 0 failed, 0 skipped (tests/sandbox/test_sandbox_hostile.py)"
echo "train+evaluate   ${QUICK_S} s"
echo "run options      --network none ${SANDBOX_OPTS[*]}"
