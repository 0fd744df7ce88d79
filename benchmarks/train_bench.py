#!/usr/bin/env python
"""Training throughput of the default HRM and the baseline transformer: tokens/s, MFU, peak memory.

Runs the trainer's own step (``_TrainStep`` through Accelerate: autocast, ``act_loss``, backward,
clipping, AdamW) on a fixed batch of ``--batch-size`` x ``--seq-len`` tokens (every position real
and supervised, so tokens/s counts every position) and prints one JSON object. On a GPU it also
reports MFU (model FLOPs per token from ``model.flops_per_token(seq_len, training=True)`` x
tokens/s / the card's dense bf16 peak) and peak allocated memory; on CPU the process RSS.

    python benchmarks/train_bench.py                      # CPU default: 1 warm-up + 2 timed steps
    python benchmarks/train_bench.py --steps 20 --out reports/train_bench_gpu.json
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hrm_codegen.config import CONFIG_DIR  # noqa: E402
from hrm_codegen.models import build_model  # noqa: E402
from hrm_codegen.training.accelerator import cpu_has_native_bf16, make_accelerator  # noqa: E402
from hrm_codegen.training.config import load_train_config  # noqa: E402
from hrm_codegen.training.loop import _TrainStep  # noqa: E402
from hrm_codegen.training.losses import act_loss  # noqa: E402
from hrm_codegen.training.optim import build_optimizer  # noqa: E402

# Dense (no sparsity) bf16 tensor-core peaks, FLOP/s.
PEAK_BF16 = {"H100": 989.4e12, "H200": 989.4e12, "A100": 312e12, "L40S": 362e12, "A10G": 70e12, "L4": 121e12}


def peak_flops(device: torch.device, override_tflops: float | None) -> float | None:
    """The card's bf16 peak from its name (or ``--peak-tflops``); None on CPU or an unknown card."""
    if override_tflops:
        return override_tflops * 1e12
    if device.type != "cuda":
        return None
    name = torch.cuda.get_device_name(device)
    return next((v for k, v in PEAK_BF16.items() if k in name), None)


def bench_model(config: str, args) -> dict:
    """Time ``args.steps`` training steps of the model in ``config`` after ``args.warmup`` warm-up steps."""
    cfg = load_train_config(config, list(args.set))
    acc = make_accelerator(args.mixed_precision)
    torch.manual_seed(0)
    lm = build_model(cfg.model).to(acc.device)
    if cfg.model.arch == "hrm" and cfg.model.halt_max_steps == 1:
        lm.q_head.requires_grad_(False)  # as the trainer does: no Q loss at M == 1
    step_model, opt = acc.prepare(_TrainStep(lm), build_optimizer(lm, cfg.optim))
    if args.compile:
        step_model = torch.compile(step_model)
    B, S = args.batch_size, args.seq_len
    g = torch.Generator().manual_seed(0)
    ids = torch.randint(0, cfg.model.vocab_size, (B, S + 1), generator=g)
    batch = {"input_ids": ids[:, :-1], "labels": ids[:, 1:], "attention_mask": torch.ones(B, S, dtype=torch.long),
             "prompt_lengths": torch.ones(B, dtype=torch.long)}
    batch = {k: v.to(acc.device) for k, v in batch.items()}
    carry = lm.initial_carry(batch)
    times = []
    if acc.device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(acc.device)
    for i in range(args.warmup + args.steps):
        t0 = time.perf_counter()
        if cfg.model.halt_max_steps == 1 or cfg.model.arch != "hrm":
            carry = lm.initial_carry(batch)
        carry, out = step_model(carry, batch)
        loss, _ = act_loss(out, kind=cfg.train.loss)
        acc.backward(loss)
        acc.clip_grad_norm_(lm.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        if acc.device.type == "cuda":
            torch.cuda.synchronize(acc.device)
        if i >= args.warmup:
            times.append(time.perf_counter() - t0)
    step_s = sum(times) / len(times)
    tokens_per_s = B * S / step_s
    flops_tok = lm.flops_per_token(S, training=True)
    peak = peak_flops(acc.device, args.peak_tflops)
    result = {
        "config": str(config), "arch": cfg.model.arch, "params": lm.num_parameters(),
        "halt_max_steps": cfg.model.halt_max_steps, "mixed_precision": acc.mixed_precision,
        "step_s": step_s, "tokens_per_s": tokens_per_s, "train_flops_per_token": flops_tok,
        "achieved_tflops": flops_tok * tokens_per_s / 1e12,
        "mfu": flops_tok * tokens_per_s / peak if peak else None,
        "final_loss": float(loss.detach()),
    }
    if acc.device.type == "cuda":
        result["peak_gpu_mem_gb"] = torch.cuda.max_memory_allocated(acc.device) / 2**30
    else:
        import psutil

        result["rss_gb"] = psutil.Process().memory_info().rss / 2**30
    return result


# The CPU levers of issue 12, each a change from today's recipe (the first entry); `--levers` times
# them in one process on the same real examples and reports supervised tokens/s as ratios.
LEVERS = {
    "today (padded rows, fp32)": dict(pack=False, mp="no"),
    "packed rows": dict(pack=True, mp="no"),
    "bf16 autocast": dict(pack=False, mp="bf16"),
    "packed + bf16": dict(pack=True, mp="bf16"),
    "compact head": dict(pack=False, mp="no", compact=True),
    "packed + compact head (fp32)": dict(pack=True, mp="no", compact=True),
    "packed + bf16 + compact head": dict(pack=True, mp="bf16", compact=True),
    "packed + bf16 + tied compact head (cpu preset until e08030b)": dict(pack=True, mp="bf16", compact=True, tied=True),
    "packed + tied compact head (fp32)": dict(pack=True, mp="no", compact=True, tied=True),
    # data.head_ids=targets: only the ids the training code predicts (the cpu preset from e08030b on)
    "packed + tied compact head of targets (fp32)": dict(pack=True, mp="no", compact="targets", tied=True),
    "packed + bf16 + tied compact head of targets": dict(pack=True, mp="bf16", compact="targets", tied=True),
    # + model.copy_head (the cpu preset from 01a1f4a on; mixed_precision auto picks bf16 where the CPU has it)
    "packed + tied compact head of targets + copy head (fp32)": dict(pack=True, mp="no", compact="targets", tied=True,
                                                                    copy=True),
    "packed + bf16 + tied compact head of targets + copy head (the cpu preset where the CPU has bf16)": dict(
        pack=True, mp="bf16", compact="targets", tied=True, copy=True),
    # + torch.compile of the step; rows padded to seq_len (data.pad_to_seq_len) so one graph serves every
    # step. The compile itself runs in the untimed warm-up steps.
    "packed + tied compact head of targets + copy head + torch.compile (fp32)": dict(
        pack=True, mp="no", compact="targets", tied=True, copy=True, compile=True),
    "packed + tied compact head of targets + copy head, padded to seq_len (fp32)": dict(
        pack=True, mp="no", compact="targets", tied=True, copy=True, pad=True),
}


def bench_levers(args) -> dict:
    """Supervised tokens/s of the trainer's step on real MBPP-format rows for each entry of LEVERS.

    Every lever trains the same model (``--configs``' first config with ``--set``) from the same
    seed on batches of ``--batch-size`` rows drawn from ``--data`` in one fixed order: one example per
    right-padded row (today) or several per row (``data.pack``). Each lever runs in a child process
    (Accelerate keeps one precision per process); lever order is interleaved over ``--repeats``.
    """
    import subprocess

    names = [n for n in LEVERS if not args.only or n == next(iter(LEVERS)) or any(o in n for o in args.only)]
    results: dict[str, list[float]] = {name: [] for name in names}
    detail: dict[str, dict] = {}
    for _ in range(args.repeats):
        for name in names:
            cmd = [sys.executable, __file__, "--one-lever", name, "--configs", args.configs[0], "--data", args.data,
                   "--batch-size", str(args.batch_size), "--seq-len", str(args.seq_len), "--steps", str(args.steps),
                   "--warmup", str(args.warmup), "--set", *args.set]
            res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            results[name].append(res["supervised_tokens_per_s"])
            detail[name] = res
            print(f"[bench] {name}: {res['supervised_tokens_per_s']:.0f} supervised tokens/s", file=sys.stderr, flush=True)
    base = statistics.median(results[next(iter(LEVERS))])
    return {name: {**detail[name], "supervised_tokens_per_s_runs": runs,
                   "supervised_tokens_per_s": statistics.median(runs), "ratio_vs_today": statistics.median(runs) / base}
            for name, runs in results.items()}


def one_lever(args) -> dict:
    """One entry of LEVERS, timed in this process (see :func:`bench_levers`)."""
    from hrm_codegen.data.datasets import PackedMBPPDataset, collate_batch
    from hrm_codegen.data.vocab import output_ids_of
    from hrm_codegen.tokenization import get_tokenizer
    from hrm_codegen.training.data import build_dataset

    lever = LEVERS[args.one_lever]
    cfg = load_train_config(args.configs[0], list(args.set))
    acc = make_accelerator(lever["mp"])
    torch.manual_seed(0)
    data = build_dataset(args.data, "mbpp", get_tokenizer(), args.seq_len, "--data")
    if lever.get("compact"):
        every = lever["compact"] != "targets"
        ids = output_ids_of(data, cfg.model.vocab_size, identifiers=every, inputs=every)
        lm = build_model(cfg.model.model_copy(update={"output_vocab_size": len(ids), "copy_head": bool(lever.get("copy")),
                                                      "tie_embeddings": bool(lever.get("tied"))}))
        lm.set_output_ids(ids)
    else:
        lm = build_model(cfg.model)
    lm = lm.to(acc.device)
    step_model, opt = acc.prepare(_TrainStep(lm), build_optimizer(lm, cfg.optim))
    if lever.get("compile"):
        step_model = torch.compile(step_model)
    pad_to = args.seq_len if (lever.get("compile") or lever.get("pad")) else None
    if lever["pack"]:
        data = PackedMBPPDataset(data, args.seq_len, seed=0)
    order = torch.randperm(len(data), generator=torch.Generator().manual_seed(0)).tolist()
    sup = 0
    times = []
    B = args.batch_size
    for i in range(args.warmup + args.steps):
        batch = collate_batch([data[j] for j in order[i * B:(i + 1) * B]], pad_to=pad_to)
        t0 = time.perf_counter()
        carry, out = step_model(lm.initial_carry(batch), batch)
        loss, m = act_loss(out, kind=cfg.train.loss)
        acc.backward(loss)
        acc.clip_grad_norm_(lm.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        if i >= args.warmup:
            times.append(time.perf_counter() - t0)
            sup += int(m["tokens"])
    return {"mixed_precision": acc.mixed_precision, "pack": lever["pack"], "rows": len(data),
            "fill": getattr(data, "fill", None), "step_s": statistics.median(times),
            "supervised_tokens_per_step": sup / args.steps, "supervised_tokens_per_s": sup / sum(times),
            "params": lm.num_parameters(), "head_rows": lm.head_rows}


def main(argv: list[str] | None = None) -> int:
    """Benchmark each config and print (and optionally write) the JSON report."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--configs", nargs="+", default=[str(CONFIG_DIR / "hrm-27m.yaml"),
                                                     str(CONFIG_DIR / "transformer-27m.yaml")])
    ap.add_argument("--seq-len", type=int, default=256)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--steps", type=int, default=None, help="timed steps (default 2 on CPU, 20 on GPU)")
    ap.add_argument("--warmup", type=int, default=None, help="untimed steps first (default 1 on CPU, 3 on GPU)")
    ap.add_argument("--mixed-precision", default="auto", choices=["auto", "no", "bf16", "fp16"])
    ap.add_argument("--compile", action="store_true", help="torch.compile the training step")
    ap.add_argument("--peak-tflops", type=float, default=None, help="the device's peak, for MFU on unknown cards")
    ap.add_argument("--set", nargs="*", default=[], metavar="key=value", help="config overrides for every config")
    ap.add_argument("--levers", action="store_true",
                    help="issue 12's CPU levers on real rows (--data): supervised tokens/s as ratios vs today")
    ap.add_argument("--data", default="train", help="MBPP split or MBPP-format JSONL for --levers")
    ap.add_argument("--repeats", type=int, default=2, help="--levers: runs of each lever (median reported)")
    ap.add_argument("--only", nargs="*", default=[], help="--levers: only the levers whose name contains one of these "
                                                            "(and today's, the reference)")
    ap.add_argument("--one-lever", help=argparse.SUPPRESS)
    ap.add_argument("--out", help="also write the JSON here")
    args = ap.parse_args(argv)
    if args.one_lever:
        args.steps, args.warmup = args.steps or 4, args.warmup if args.warmup is not None else 1
        print(json.dumps(one_lever(args)))
        return 0
    gpu = torch.cuda.is_available()
    args.steps = args.steps or (20 if gpu else 2)
    args.warmup = args.warmup if args.warmup is not None else (3 if gpu else 1)
    report = {
        "device": torch.cuda.get_device_name(0) if gpu else f"CPU ({platform.processor() or platform.machine()}, "
                                                            f"{torch.get_num_threads()} threads)",
        "torch": torch.__version__, "seq_len": args.seq_len, "batch_size": args.batch_size,
        "steps": args.steps, "warmup": args.warmup, "results": {},
    }
    if args.levers:
        report["data"], report["set"] = args.data, args.set
        report["cpu_flags_bf16"] = cpu_has_native_bf16()
        report["levers"] = bench_levers(args)
        args.configs = []
    for config in args.configs:
        res = bench_model(config, args)
        report["results"][Path(config).stem] = res
        print(f"[bench] {Path(config).stem}: {res['tokens_per_s']:.0f} tokens/s, {res['step_s']:.3f} s/step",
              file=sys.stderr, flush=True)
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
