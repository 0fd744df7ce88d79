"""Steps for HRM or the transformer to learn the copy task (``hrm_codegen.data.copy_task``); prints JSON.

    .venv/bin/python benchmarks/copy_bench.py --arch hrm --task fixed --steps 300
    .venv/bin/python benchmarks/copy_bench.py --arch transformer --task variable --steps 600 num_heads=8

Positional ``key=value`` arguments override the model (``COPY_MODEL``: D 128, 4 heads, 2 H + 2 L
layers, 2 x 2 cycles, 4 transformer layers, the config defaults for everything else, e.g.
``norm_style``). Runs on one CPU thread; stops at the first evaluation with accuracy >= --target
unless --no-stop.

``--held-out`` asks whether the model copies ids that were never a training target (a function name's
piece that occurs only in a new task's asserts):

    .venv/bin/python benchmarks/copy_bench.py --task variable --pool-size 1000 --held-out --head targets \
        --steps 400 --no-stop grad_last_k=6 state_init_std=0.0
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys

import torch

from hrm_codegen.config import parse_override
from hrm_codegen.data.copy_task import COPY_MODEL, CopyTask
from hrm_codegen.models import build_model
from hrm_codegen.training.copy_run import CopyRunConfig, copy_accuracy, train_copy


def main(argv: list[str] | None = None) -> int:
    """Train one model on one copy task and print the measurement as one JSON object."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arch", choices=["hrm", "transformer"], default="hrm")
    p.add_argument("--task", choices=["fixed", "variable"], default="fixed")
    p.add_argument("--pool-size", type=int, default=None,
                   help="draw the tokens from this many ids (default: the task's 500); a code model copies names "
                        "from ~10k identifier ids, most of them rare, which a 500-id pool does not test")
    p.add_argument("--held-out", action="store_true",
                   help="after training, also measure copying spans of as many other ids, never a target in training")
    p.add_argument("--head", choices=["full", "targets"], default="full",
                   help="full: the head scores every id (held-out ids are pushed down in training); targets: a tied "
                        "compact head of the training pool only, the held-out ids scored from the prompt at evaluation")
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--warmup-steps", type=int, default=0)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--eval-every", type=int, default=25)
    p.add_argument("--target", type=float, default=0.95)
    p.add_argument("--no-stop", action="store_true", help="run all --steps even after reaching --target")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--progress", action="store_true", help="print each evaluation to stderr")
    p.add_argument("overrides", nargs="*", metavar="key=value", help="model config overrides")
    args = p.parse_args(argv)

    torch.set_num_threads(args.threads)
    overrides = {}
    for text in args.overrides:
        keys, value = parse_override(text)
        overrides[".".join(keys)] = value
    task = CopyTask.named(args.task)
    if args.pool_size:
        low = task.pool[0]
        task = dataclasses.replace(task, pool=(low, low + args.pool_size), sep_id=low + args.pool_size)
    size = task.pool[1] - task.pool[0]
    held = dataclasses.replace(task, pool=(task.sep_id + 1, task.sep_id + 1 + size)) if args.held_out else None
    vocab = max(COPY_MODEL["vocab_size"], (held or task).pool[1], task.sep_id + 1)
    config = {**COPY_MODEL, "arch": args.arch, "vocab_size": vocab, **overrides}
    if args.head == "targets":
        config.update(output_vocab_size=size, tie_embeddings=True)
    torch.manual_seed(args.seed)
    model = build_model(config)
    if args.head == "targets":
        model.set_output_ids(list(range(*task.pool)))
    run = CopyRunConfig(steps=args.steps, batch_size=args.batch_size, lr=args.lr, warmup_steps=args.warmup_steps,
                        seed=args.seed, eval_every=args.eval_every, target_accuracy=args.target,
                        stop_at_target=not args.no_stop)
    log = (lambda r: print(json.dumps(r), file=sys.stderr, flush=True)) if args.progress else None
    result = train_copy(model, task, run, log=log)
    extra = {}
    if held is not None:
        model.eval()
        batch = held.batch(run.eval_batch_size, torch.Generator().manual_seed(20_000 + args.seed))
        # With a targets head the held-out ids are outside it: score them as generate() scores prompt tokens.
        scoring = model.scoring_also(torch.arange(*held.pool)) if args.head == "targets" else contextlib.nullcontext()
        with torch.no_grad(), scoring:
            extra["held_out_accuracy"] = copy_accuracy(model, batch)[0]
    print(json.dumps({
        "arch": args.arch, "task": args.task, "pool_size": task.pool[1] - task.pool[0], "model": model.config.model_dump(), "parameters": model.num_parameters(),
        "run": vars(run), "threads": args.threads, "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
        "head": args.head, **result.as_dict(), **extra,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
