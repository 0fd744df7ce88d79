#!/usr/bin/env bash
# The plan's rollbacks as flags of the existing tools: no code changes. See --help.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/rollback.sh [ROLLBACK FLAGS] [--checkpoint DIR | --run-dir DIR] [--print] [-- key=value ...]

Roll a training run back to its last good checkpoint and retry with one or more of the plan's
rollbacks. Everything here is a flag or an environment variable of `hrm-codegen train`; no code
changes. The training config is read from the checkpoint's train_config.yaml.

Where to roll back to:
  --checkpoint DIR   a checkpoint folder (checkpoints/<run>/step_XXXXXX)
  --run-dir DIR      a run's checkpoint folder (checkpoints/<run>); its newest step_* is used
                     (default: the newest run folder under ./checkpoints)

Rollbacks (combine freely):
  --lr-div N         divide the learning rate by N (10 is the plan's value) and resume from the
                     checkpoint. The schedule continues from the same step at the new scale;
                     checkpoints written after the rollback point are moved to
                     <run>/rolled_back/ (kept, not deleted). This is the answer to a NaN/Inf loss.
  --no-flash         USE_FLASH=0: use PyTorch's scaled_dot_product_attention instead of the
                     flash-attn kernels (exactly the same maths; use it when flash-attn fails to
                     build/load or gives different numbers).
  --loss-only-eval   evaluation by loss only, no generation: print the checkpoint's validation loss
                     (`hrm-codegen train --eval-only`) instead of training; use it when generation
                     or the sandbox is the broken part. (The trainer's own evaluation is always
                     loss-only.)
  --pinned-tokenizer check that the tokenizer files shipped in hrm_codegen/tokenization/gpt2/ are
                     the pinned ones (sha256) before running. The package always uses those files
                     and never downloads one, so there is nothing to switch; this verifies them.

Other:
  --print            print the commands instead of running them
  -- key=value ...   further config overrides for the resumed run (e.g. train.max_steps=3000)
  -h, --help         this help

UNSAFE, NOT OFFERED: bidirectional attention (model.causal=false, the puzzle HRM's setting). With a
next-token loss, position t would attend to token t+1, which is the very label it must predict: the
loss falls to ~0 by copying the answer, and the model cannot generate (at generation time the next
token does not exist yet). The config schema refuses causal: false for task: codegen. The safe
variant is model.attention=prefix (PrefixLM: bidirectional over the prompt only, causal over the
answer), which is an ordinary config option, not a rollback.

Examples:
  scripts/rollback.sh --lr-div 10                        # newest run, newest checkpoint, lr / 10
  scripts/rollback.sh --run-dir checkpoints/hrm-27m --lr-div 10 --no-flash
  scripts/rollback.sh --checkpoint checkpoints/tiny/step_000050 --loss-only-eval
EOF
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -n "${PYTHON:-}" ]]; then PY="$PYTHON"
elif [[ -x "$ROOT/.venv/bin/python" ]]; then PY="$ROOT/.venv/bin/python"
else PY=python3; fi

CKPT="" RUN_DIR="" LR_DIV="" NO_FLASH=0 LOSS_ONLY=0 PINNED=0 PRINT=0
EXTRA=()
die() { echo "rollback.sh: error: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --checkpoint) [[ $# -ge 2 ]] || die "--checkpoint needs a folder"; CKPT="$2"; shift 2 ;;
    --run-dir) [[ $# -ge 2 ]] || die "--run-dir needs a folder"; RUN_DIR="$2"; shift 2 ;;
    --lr-div) [[ $# -ge 2 ]] || die "--lr-div needs a number"; LR_DIV="$2"; shift 2 ;;
    --no-flash) NO_FLASH=1; shift ;;
    --loss-only-eval) LOSS_ONLY=1; shift ;;
    --pinned-tokenizer) PINNED=1; shift ;;
    --print) PRINT=1; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ -z "$LR_DIV" ]] || [[ "$LR_DIV" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--lr-div must be a positive number, got $LR_DIV"
if [[ -z "$LR_DIV" && $LOSS_ONLY == 0 && $PINNED == 0 && $NO_FLASH == 0 ]]; then
  die "choose at least one rollback (--lr-div N, --no-flash, --loss-only-eval, --pinned-tokenizer); see --help"
fi

if [[ $PINNED == 1 ]]; then
  TOK="$ROOT/hrm_codegen/tokenization/gpt2"
  # The sha256 values pinned by tiktoken 0.14.0 for GPT-2 (see the folder's README.md).
  (cd "$TOK" && sha256sum -c --quiet - <<'EOF'
196139668be63f3b5d6574427317ae82f612a97c5d1cdaf36ed2256dbf636783  vocab.json
1ce1664773c50f3e0cc8842619a93edc4624525b728b188a9e0be33b7726adc5  merges.txt
306cd27f03c1a714eca7108e03d66b7dc042abe8c258b44c199a7ed9838dd930  gpt2.tiktoken
EOF
  ) || die "the tokenizer files in $TOK do not match the pinned sha256 values: reinstall the package"
  echo "rollback.sh: tokenizer files match the pinned sha256 values ($TOK)" >&2
  [[ -n "$LR_DIV" || $LOSS_ONLY == 1 || $NO_FLASH == 1 ]] || exit 0
fi

# Find the checkpoint to roll back to.
if [[ -z "$CKPT" ]]; then
  if [[ -z "$RUN_DIR" ]]; then
    RUN_DIR="$(ls -dt checkpoints/*/ 2>/dev/null | head -n1 || true)"
    [[ -n "$RUN_DIR" ]] || die "no checkpoints/<run>/ folder here; pass --checkpoint or --run-dir"
  fi
  [[ -d "$RUN_DIR" ]] || die "--run-dir $RUN_DIR is not a folder"
  CKPT="$(ls -d "${RUN_DIR%/}"/step_[0-9]*/ 2>/dev/null | sort | tail -n1 || true)"
  [[ -n "$CKPT" ]] || die "no step_XXXXXX checkpoint in $RUN_DIR"
fi
CKPT="${CKPT%/}"
[[ -f "$CKPT/train_config.yaml" ]] || die "$CKPT is not a training checkpoint (no train_config.yaml)"

CMD=("$PY" -m hrm_codegen.cli train --config "$CKPT/train_config.yaml")
if [[ $LOSS_ONLY == 1 ]]; then
  CMD+=(--eval-only "$CKPT")
else
  CMD+=(--resume "$CKPT")
  if [[ -n "$LR_DIV" ]]; then
    LR="$("$PY" -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["optim"]["lr"])' "$CKPT/train_config.yaml")"
    NEW_LR="$("$PY" -c 'import sys; print(repr(float(sys.argv[1]) / float(sys.argv[2])))' "$LR" "$LR_DIV")"
    echo "rollback.sh: optim.lr $LR -> $NEW_LR, resuming from $CKPT" >&2
    CMD+=("optim.lr=$NEW_LR")
  fi
fi
CMD+=("${EXTRA[@]}")
ENVS=()
[[ $NO_FLASH == 0 ]] || ENVS=(USE_FLASH=0)

if [[ $PRINT == 1 ]]; then
  printf '%s ' "${ENVS[@]}" "${CMD[@]}"; echo
  exit 0
fi
exec env "${ENVS[@]}" PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" "${CMD[@]}"
