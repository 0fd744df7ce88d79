#!/usr/bin/env bash
# Every GPU check of the project in one script, for the lent H100 (15 device-minutes a task, start-up
# included): environment, the CUDA tests, the model/training/generation benchmarks and a training dry
# run. Results go under $OUT (default ./gpu_out); $OUT/summary.json lists each step's exit code and
# wall time and is rewritten after every step, so a run cut short still leaves one.
#
#   bash benchmarks/gpu_check.sh                          # on the GPU machine (~3-5 min, capped at ~8)
#   GPU_CHECK_CPU_SMOKE=1 OUT=/tmp/gc bash benchmarks/gpu_check.sh   # here, on CPU: tiny sizes, seconds a step
#   bash benchmarks/gpu_check.sh --fetch-wheels           # here: put pydantic & co. (cp312 wheels) in build/gpu_wheels
#
# Environment:
#   OUT                  results folder (default ./gpu_out, relative to where the script is started)
#   GPU_CHECK_CPU_SMOKE  1 = shrink every step to seconds and run on CPU (to check this script without a GPU)
#   GPU_CHECK_BUDGET_S   wall-clock budget of all steps (default 450 s); a step's timeout is cut to what is
#                        left, and a step with under 20 s left is skipped (recorded as skipped, rc 124)
#   GPU_CHECK_STEPS      only these steps, space-separated (default: all), e.g. "env train_bench"
#   GPU_CHECK_WHEELS     folder of wheels installed (pip --no-index --target, into a temp folder put on
#                        PYTHONPATH) when a project dependency does not import; default build/gpu_wheels
#   PYTHON               interpreter (default: .venv/bin/python if it imports torch, else python3)
#
# Steps (names as in summary.json): env, pytest_gpu, pytest_quick, model_bench, train_bench,
# generate_bench, train_dry_run, generate_bench_full_uncached, arms_short (issue 14's arms, 80 steps
# each, `run --preset arms-short --arms ...`: its per-arm figures are in summary.json). Files under $OUT (at most 8, the
# device tool's limit): env.txt, log.txt (every step's output), model_bench.json, train_bench.json,
# generate_bench.json, generate_bench_full_uncached.json, train_dry_run.json, summary.json.
#
# Exit status: 0 when every step that ran exited 0, else 1. No step stops the others.

set -uo pipefail

START_DIR=$(pwd)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2

WHEELS=${GPU_CHECK_WHEELS:-build/gpu_wheels}
# The project's pins (requirements.txt) of what the GPU image lacks: pydantic and its needs.
WHEEL_PINS=(pydantic==2.14.4 pydantic-core==2.50.5 annotated-types==0.8.0 typing-inspection==0.4.5
            typing-extensions==4.16.0)

# ------------------------------------------------------------------------------------ --fetch-wheels
if [[ "${1:-}" == "--fetch-wheels" ]]; then
    # Run on the development machine (it reaches PyPI); the GPU machine reaches nothing. The folder is
    # ignored by git (build/): name it in the device tool's `carry`.
    mkdir -p "$WHEELS"
    PY=${PYTHON:-$( [[ -x .venv/bin/python ]] && echo .venv/bin/python || echo python3 )}
    "$PY" -m pip download --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
        --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 \
        --platform manylinux2014_x86_64 --platform manylinux1_x86_64 -d "$WHEELS" "${WHEEL_PINS[@]}" || exit 1
    ls -l "$WHEELS"
    echo "carry \"$WHEELS\" in the device tool's run call"
    exit 0
fi

# ------------------------------------------------------------------------------------ setup
OUT=${OUT:-./gpu_out}
[[ "$OUT" = /* ]] || OUT="$START_DIR/$OUT"
mkdir -p "$OUT" || exit 2
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gpu_check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

SMOKE=${GPU_CHECK_CPU_SMOKE:-0}
[[ "$SMOKE" == 1 ]] || SMOKE=0
BUDGET=${GPU_CHECK_BUDGET_S:-450}
ONLY=${GPU_CHECK_STEPS:-}
LOG="$OUT/log.txt"
STEPS_TSV="$WORK/steps.tsv"
: >"$LOG"
: >"$STEPS_TSV"
T0=$(date +%s.%N)

if [[ -n "${PYTHON:-}" ]]; then
    PY=$PYTHON
elif [[ -x .venv/bin/python ]] && .venv/bin/python -c "import torch" >/dev/null 2>&1; then
    PY=.venv/bin/python
else
    PY=python3
fi
export PYTHONUNBUFFERED=1
# benchmarks/model_bench.py and generate_bench.py import hrm_codegen without installing it.
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
MODE=$([[ $SMOKE == 1 ]] && echo cpu-smoke || echo gpu)
if [[ "$SMOKE" == 1 ]]; then
    export CUDA_VISIBLE_DEVICES=""   # the smoke run is the CPU path, even on a machine with a GPU
    DEV=cpu
else
    DEV=cuda
fi

say() { echo "[gpu_check $(date -u +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }
elapsed() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
wanted() { [[ -z "$ONLY" ]] || [[ " $ONLY " == *" $1 "* ]]; }

# ------------------------------------------------------------------------------------ helpers (Python)
# Imports of the project's dependencies; writes $WORK/imports.json. Stdlib only.
cat >"$WORK/imports.py" <<'EOF'
import importlib, json, sys
names = ["torch", "accelerate", "safetensors", "tiktoken", "pydantic", "yaml", "tqdm", "tensorboard",
         "matplotlib", "numpy", "psutil", "pytest", "flash_attn", "triton", "hrm_codegen"]
res = {}
for n in names:
    try:
        m = importlib.import_module(n)
        res[n] = {"ok": True, "version": str(getattr(m, "__version__", getattr(m, "VERSION", "?")))}
    except Exception as e:  # ImportError, or a broken install
        res[n] = {"ok": False, "error": f"{type(e).__name__}: {e}"[:300]}
json.dump(res, open(sys.argv[1], "w"), indent=1)
for n, r in res.items():
    print(f"  {n:12s} " + (f"ok {r['version']}" if r["ok"] else f"MISSING ({r['error']})"))
EOF

# Environment facts; writes $WORK/env.json.
cat >"$WORK/env.py" <<'EOF'
import json, os, platform, sys
info = {"python": sys.version.split()[0], "executable": sys.executable, "platform": platform.platform(),
        "cpu_count": os.cpu_count()}
try:
    import torch
    info.update(torch=torch.__version__, torch_cuda=torch.version.cuda, cudnn=torch.backends.cudnn.version(),
                cuda_available=torch.cuda.is_available(), torch_threads=torch.get_num_threads())
    if torch.cuda.is_available():
        p = torch.cuda.get_device_properties(0)
        info.update(gpu=p.name, gpu_count=torch.cuda.device_count(), capability=f"{p.major}.{p.minor}",
                    gpu_mem_gib=round(p.total_memory / 2**30, 1), sm_count=p.multi_processor_count,
                    bf16_supported=torch.cuda.is_bf16_supported())
        x = torch.randn(1024, 1024, device="cuda")
        info["cuda_matmul_ok"] = bool(torch.isfinite(x @ x).all())
except Exception as e:
    info["torch_error"] = f"{type(e).__name__}: {e}"[:300]
try:
    from hrm_codegen.models import layers
    info["flash_attn_func"] = layers._flash_attn_func is not None
except Exception as e:
    info["flash_attn_func"] = f"unknown ({type(e).__name__}: {e})"[:300]
head = os.path.join(".git", "HEAD")  # the commit, read from the file (no git command)
try:
    ref = open(head).read().strip()
    if ref.startswith("ref: "):
        ref_file = os.path.join(".git", ref[5:])
        ref = open(ref_file).read().strip() if os.path.exists(ref_file) else ref
    info["commit"] = ref
except OSError:
    info["commit"] = None
json.dump(info, open(sys.argv[1], "w"), indent=1)
for k, v in info.items():
    print(f"  {k}: {v}")
EOF

# benchmarks/generate_bench.py builds its models and prompts on the CPU and has no --device flag. This
# runs its main() unchanged with the models and prompts moved to --device, CUDA synchronised inside
# its timers (its _timed, the per-token clock, the cached decode step) and "device" set in the JSON.
cat >"$WORK/generate_bench_on_device.py" <<'EOF'
import importlib.util, json, sys, time
import torch
dev = sys.argv[1]
argv = sys.argv[2:]
spec = importlib.util.spec_from_file_location("generate_bench", "benchmarks/generate_bench.py")
gb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gb)
cuda = dev.startswith("cuda")
def sync():
    if cuda:
        torch.cuda.synchronize()
_build_hrm, _same_depth, _prompts = gb.build_hrm, gb.same_depth_transformer, gb.random_prompts
gb.build_hrm = lambda config, max_seq_len: _build_hrm(config, max_seq_len).to(dev)
gb.same_depth_transformer = lambda hrm: _same_depth(hrm).to(dev)
gb.random_prompts = lambda batch, length, vocab: _prompts(batch, length, vocab).to(dev)
def _timed(fn):
    sync(); start = time.perf_counter(); fn(); sync()
    return time.perf_counter() - start
gb._timed = _timed
class _SyncClock(gb._StepClock):
    def put(self, tokens):
        sync(); super().put(tokens)
gb._StepClock = _SyncClock
# decode_latency (hrm_codegen.inference.latency) synchronises CUDA itself.
out = argv[argv.index("--out") + 1] if "--out" in argv else None
rc = gb.main(argv)
if out:
    report = json.load(open(out))
    report["device"] = torch.cuda.get_device_name() if cuda else "cpu"
    report["run_by"] = ("benchmarks/gpu_check.sh: models and prompts moved to the device, CUDA synchronised "
                        "in the timers; generate() runs in fp32 (no autocast), as in the benchmark")
    open(out, "w").write(json.dumps(report, indent=2) + "\n")
sys.exit(rc)
EOF

# summary.json from the step table and the JSON outputs. Stdlib only; never fails the run.
cat >"$WORK/summary.py" <<'EOF'
import json, os, re, sys
work, out, mode, budget, total, py = sys.argv[1:7]
def load(path):
    try:
        with open(path) as fh:
            return json.load(fh)
    except Exception:
        return None
steps = []
for line in open(os.path.join(work, "steps.tsv")):
    name, rc, wall, status, output, cmd = line.rstrip("\n").split("\t", 5)
    steps.append({"name": name, "rc": int(rc), "wall_s": float(wall), "status": status,
                  "output": output or None, "cmd": cmd})
def step_log(name):
    try:
        return open(os.path.join(work, name + ".log"), errors="replace").read()
    except OSError:
        return ""
hl = {}
for s in steps:
    name, text = s["name"], step_log(s["name"])
    try:
        if name.startswith("pytest"):
            finals = [l.strip("= ").strip() for l in text.splitlines()
                      if re.search(r"\b(passed|failed|skipped|deselected|error|errors|no tests ran)\b", l)
                      and " in " in l]
            skips = [l.strip() for l in text.splitlines() if l.startswith("SKIPPED")]
            fails = [l.strip() for l in text.splitlines() if l.startswith(("FAILED", "ERROR"))]
            hl[name] = {"result": finals[-1] if finals else None, "skipped": skips[:20], "failed": fails[:20]}
        elif s["output"] and s["output"].endswith(".json"):
            d = load(os.path.join(out, s["output"]))
            if d is None:
                hl[name] = {"json": "missing or invalid"}
            elif name == "model_bench":
                hl[name] = {"device": d.get("device"), "hrm_speed_vs_flops_matched": d.get("hrm_speed_vs_flops_matched"),
                            "train_tokens_per_s": {k: v.get("train_tokens_per_s") for k, v in d["models"].items()}}
            elif name == "train_bench":
                res = {}
                for k, v in d["results"].items():
                    r = {x: v.get(x) for x in ("tokens_per_s", "mfu", "achieved_tflops", "peak_gpu_mem_gb",
                                               "rss_gb", "mixed_precision", "final_loss") if x in v}
                    if v.get("peak_gpu_mem_gb") is not None:
                        r["peak_mem_under_12gb"] = v["peak_gpu_mem_gb"] < 12
                    res[k] = r
                hl[name] = {"device": d.get("device"), "seq_len": d.get("seq_len"), "batch_size": d.get("batch_size"),
                            "results": res}
            elif name.startswith("generate_bench"):
                hl[name] = {"device": d.get("device"), "acceptance": d.get("acceptance"),
                            "throughput": [{"batch_size": r["batch_size"],
                                            "cached_tokens_per_s": r["cached"]["tokens_per_s"],
                                            "uncached_tokens_per_s": r["uncached"].get("tokens_per_s"),
                                            "uncached_method": r["uncached"]["method"].split(":")[0],
                                            "estimate_check": r["uncached"].get("estimate_check"),
                                            "speedup": r["speedup"]} for r in d.get("throughput", [])],
                            "decode_latency": d.get("decode_latency")}
            elif name == "train_dry_run":
                hl[name] = {k: d.get(k) for k in ("first_loss", "last_loss", "val_loss", "reload_max_abs_diff",
                                                  "tokens_per_s", "num_parameters", "steps", "dry_run")}
        elif name == "arms_short":
            d = load(os.path.join(work, "arms", "report.json"))
            hl[name] = {"json": "missing or invalid"} if d is None else {
                arm: {"steps": m["stages"][-1]["steps"], "train_flops": m.get("train_flops"),
                      "val_loss": m.get("val_loss"), "tokens_per_s": m["stages"][-1]["tokens_per_s"],
                      "pass@1": (m["evaluation"].get("greedy") or {}).get("pass@1")}
                for arm, m in d["models"].items()}
    except Exception as e:
        hl[name] = {"summary_error": f"{type(e).__name__}: {e}"}
imports = load(os.path.join(work, "imports.json")) or {}
summary = {
    "mode": mode, "python": py, "budget_s": float(budget), "total_wall_s": float(total),
    "all_ok": all(s["rc"] == 0 for s in steps),
    "steps": steps,
    "env": load(os.path.join(work, "env.json")),
    "missing_imports": sorted(k for k, v in imports.items() if not v.get("ok")),
    "imports": imports,
    "wheels_installed": open(os.path.join(work, "wheels.txt")).read().strip()
                        if os.path.exists(os.path.join(work, "wheels.txt")) else None,
    "highlights": hl,
}
text = json.dumps(summary, indent=2) + "\n"  # one write, no temporary file: $OUT brings back 8 files at most
with open(os.path.join(out, "summary.json"), "w") as fh:
    fh.write(text)
EOF

write_summary() {
    if ! "$PY" "$WORK/summary.py" "$WORK" "$OUT" "$MODE" \
            "$BUDGET" "$(elapsed)" "$PY" 2>>"$LOG"; then
        # No usable Python: a bare summary from the step table.
        {
            echo '{"summary_fallback": true, "steps": ['
            awk -F'\t' 'NR > 1 { printf ",\n" } { printf "  {\"name\": \"%s\", \"rc\": %s, \"wall_s\": %s, \"status\": \"%s\"}", $1, $2, $3, $4 }' "$STEPS_TSV"
            echo; echo ']}'
        } >"$OUT/summary.json"
    fi
}

FAILED=0
# [RESULT=FILE] run_step NAME TIMEOUT_S STDOUT_FILE CMD...   STDOUT_FILE: a file name under $OUT for the
# command's stdout (its stderr goes to the log), or "-" for both to the log. RESULT: the file under $OUT
# that the command writes itself (--out), named in summary.json.
run_step() {
    local name=$1 tmo=$2 stdout_file=$3; shift 3
    local cmd="$*" rc status start end wall left result=${RESULT:-}
    cmd=${cmd//"$WORK"\//"(gpu_check.sh's own) "}
    [[ "$stdout_file" == "-" ]] || result=$stdout_file
    wanted "$name" || return 0
    left=$(awk -v b="$BUDGET" -v e="$(elapsed)" 'BEGIN { printf "%d", b - e }')
    if (( left < 20 )); then
        say "SKIP $name: ${left}s of the ${BUDGET}s budget left"
        printf '%s\t124\t0\tskipped (budget)\t%s\t%s\n' "$name" "$result" "$cmd" >>"$STEPS_TSV"
        FAILED=$((FAILED + 1)); write_summary; return 0
    fi
    (( tmo > left )) && tmo=$left
    say "RUN  $name (timeout ${tmo}s): $cmd"
    echo "===== $name: $cmd" >>"$LOG"
    start=$(date +%s.%N)
    if [[ "$stdout_file" == "-" ]]; then
        timeout -k 10 "$tmo" "$@" >"$WORK/$name.log" 2>&1
        rc=$?
    else
        timeout -k 10 "$tmo" "$@" >"$OUT/$stdout_file" 2>"$WORK/$name.log"
        rc=$?
    fi
    end=$(date +%s.%N)
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    cat "$WORK/$name.log" >>"$LOG"
    if [[ "$stdout_file" != "-" ]]; then
        echo "----- (stdout of $name is in $stdout_file)" >>"$LOG"
    fi
    case $rc in
        0) status=ok ;;
        124|137) status="timed out after ${tmo}s" ;;
        *) status="failed" ;;
    esac
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rc" "$wall" "$status" "$result" "$cmd" >>"$STEPS_TSV"
    say "DONE $name: rc=$rc ($status) in ${wall}s"
    if (( rc != 0 )); then
        FAILED=$((FAILED + 1))
        echo "---- last lines of $name:" >&2
        tail -n 15 "$WORK/$name.log" >&2
    fi
    write_summary
}

# A step that cannot run (missing tool): recorded with rc 127.
skip_step() {
    local name=$1 why=$2
    wanted "$name" || return 0
    say "SKIP $name: $why"
    printf '%s\t127\t0\tskipped: %s\t\t\n' "$name" "$why" >>"$STEPS_TSV"
    FAILED=$((FAILED + 1)); write_summary
}

# ------------------------------------------------------------------------------------ 1. environment
cat >"$WORK/env.sh" <<'EOF_ENV'
echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M:%S')"
echo "mode: $MODE"
echo "host: $(uname -srm), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 2^20 }' /proc/meminfo)"
echo "python: $PY ($(command -v "$PY"))"
echo
echo "== nvidia-smi"
if command -v nvidia-smi >/dev/null; then
    nvidia-smi 2>&1
    nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,power.limit --format=csv 2>&1
else
    echo "nvidia-smi: not found"
fi
echo
if [[ -s "$WORK/wheels.txt" ]]; then
    echo "== wheels installed from $WHEELS (the image lacked a dependency)"; cat "$WORK/wheels.txt"; echo
fi
echo "== python / torch / CUDA"
"$PY" "$WORK/env.py" "$WORK/env.json" 2>&1
echo
echo "== the project's dependencies (import check)"
"$PY" "$WORK/imports.py" "$WORK/imports.json" 2>&1
EOF_ENV

# A project dependency missing (the GPU image has no pydantic) and wheels at hand: install them.
deps_ok() { "$PY" -c "import pydantic, yaml, tiktoken, accelerate, safetensors" >/dev/null 2>&1; }
if ! deps_ok; then
    if compgen -G "$WHEELS/*.whl" >/dev/null; then
        SITE="$WORK/site"
        if "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$SITE" \
                "$WHEELS"/*.whl >>"$LOG" 2>&1; then
            export PYTHONPATH="$ROOT:$SITE${PYTHONPATH#"$ROOT"}"
            ls "$WHEELS" >"$WORK/wheels.txt"
            say "installed $(ls "$WHEELS"/*.whl | wc -l) wheels from $WHEELS into a temporary PYTHONPATH folder"
        else
            say "WARNING: installing the wheels in $WHEELS failed (see log.txt)"
        fi
    fi
    deps_ok || say "WARNING: a project dependency does not import (see env.txt); steps that need it will fail." \
                   "Make wheels here with 'bash benchmarks/gpu_check.sh --fetch-wheels' and carry $WHEELS"
fi

say "mode=$MODE python=$PY out=$OUT budget=${BUDGET}s"
if command -v "$PY" >/dev/null 2>&1; then
    # stdout to env.txt, stderr to the log
    MODE=$MODE PY=$PY WORK=$WORK WHEELS=$WHEELS run_step env 90 env.txt bash "$WORK/env.sh"
else
    skip_step env "no Python interpreter '$PY'"
fi
if [[ $SMOKE == 0 ]] && ! "$PY" -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)" 2>/dev/null; then
    say "WARNING: torch sees no CUDA device; the GPU steps will run on the CPU or fail (GPU_CHECK_CPU_SMOKE=1 for a quick CPU check)"
fi

# ------------------------------------------------------------------------------------ steps 2-6
if [[ $SMOKE == 1 ]]; then
    QUICK_TESTS=(tests/inference/test_kv_cache.py)
    MODEL_ARGS=(--device cpu --seq-len 32 --batch-size 1 --steps 1)
    # model_bench always builds the 27M-style HRM (no config flag): the slowest smoke step.
    TRAIN_ARGS=(--configs tiny --seq-len 32 --batch-size 2 --steps 1 --warmup 1 --mixed-precision no)
    GEN_ARGS=(--config tiny --prompt-len 16 --new-tokens 4 --batch-sizes 1,2 --num-lengths 2
              --check-steps 2 --latency-rounds 1 --latency-steps 2)
    GEN_FULL_ARGS=(--config tiny --full-uncached --prompt-len 16 --new-tokens 4 --batch-sizes 1,2
                   --skip-latency)
    DRY_ARGS=(--config tiny)
    ARMS_ARGS=(train.max_steps=2 model.hidden_size=32)
    T_PYTEST_GPU=120 T_PYTEST_QUICK=120 T_MODEL=90 T_TRAIN=120 T_GEN=90 T_DRY=120 T_GEN_FULL=60 T_ARMS=240
else
    QUICK_TESTS=(tests/models/test_hrm_forward.py tests/inference/test_kv_cache.py tests/inference/test_generation.py)
    MODEL_ARGS=(--device cuda --seq-len 256 --batch-size 8 --steps 10)
    TRAIN_ARGS=(--seq-len 256 --batch-size 8 --steps 20 --warmup 3 --mixed-precision bf16)
    # Defaults (prompt 256, 256 new tokens, batch 1 and 16) with a denser, better-checked uncached estimate.
    GEN_ARGS=(--batch-sizes 1,16 --num-lengths 5 --check-steps 16)
    GEN_FULL_ARGS=(--full-uncached --batch-sizes 1,16 --skip-latency)
    DRY_ARGS=()   # the default config, hrm-27m
    ARMS_ARGS=()  # the preset as shipped: 80 steps per arm
    T_PYTEST_GPU=90 T_PYTEST_QUICK=120 T_MODEL=75 T_TRAIN=120 T_GEN=120 T_DRY=120 T_GEN_FULL=90 T_ARMS=200
fi

if "$PY" -c "import pytest" >/dev/null 2>&1; then
    # -m gpu replaces the default "-m 'not slow and not gpu'" of pyproject's addopts; -ra lists the skips.
    run_step pytest_gpu "$T_PYTEST_GPU" - "$PY" -m pytest -q -ra -p no:cacheprovider -m gpu tests/
    run_step pytest_quick "$T_PYTEST_QUICK" - "$PY" -m pytest -q -x -ra -p no:cacheprovider "${QUICK_TESTS[@]}"
else
    skip_step pytest_gpu "pytest does not import"
    skip_step pytest_quick "pytest does not import"
fi
run_step model_bench "$T_MODEL" model_bench.json "$PY" benchmarks/model_bench.py "${MODEL_ARGS[@]}"
RESULT=train_bench.json run_step train_bench "$T_TRAIN" - \
    "$PY" benchmarks/train_bench.py "${TRAIN_ARGS[@]}" --out "$OUT/train_bench.json"
RESULT=generate_bench.json run_step generate_bench "$T_GEN" - \
    "$PY" "$WORK/generate_bench_on_device.py" "$DEV" "${GEN_ARGS[@]}" --out "$OUT/generate_bench.json"
run_step train_dry_run "$T_DRY" train_dry_run.json "$PY" scripts/train_codegen.py --dry-run "${DRY_ARGS[@]}"
# Last: the real uncached generate (cheap on a GPU), to check the estimate of generate_bench.
RESULT=generate_bench_full_uncached.json run_step generate_bench_full_uncached "$T_GEN_FULL" - \
    "$PY" "$WORK/generate_bench_on_device.py" "$DEV" "${GEN_FULL_ARGS[@]}" --out "$OUT/generate_bench_full_uncached.json"
# Issue 14's matrix, short: every arm trains and is evaluated; the report stays in $WORK (8 files at most
# come back), its per-arm figures go into summary.json.
run_step arms_short "$T_ARMS" - "$PY" -m hrm_codegen.cli run --preset arms-short \
    --arms baseline,m2,m4,post,hrm_text,tf_prefix --out "$WORK/arms" "${ARMS_ARGS[@]}"
write_summary

say "finished in $(elapsed)s; $FAILED step(s) not ok; results in $OUT:"
ls -l "$OUT" >&2
"$PY" - "$OUT/summary.json" <<'EOF' >&2 || true
import json, sys
s = json.load(open(sys.argv[1]))
for st in s.get("steps", []):
    print(f"  {st['name']:30s} rc={st['rc']:<4} {st['wall_s']:7.1f}s  {st['status']}")
print(json.dumps(s.get("highlights", {}), indent=1)[:6000])
EOF
(( FAILED == 0 ))
