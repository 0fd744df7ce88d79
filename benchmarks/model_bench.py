"""Model cost benchmark: parameters, FLOPs per token and forward+backward tokens/s, printed as JSON.

Compares the HRM with two baselines built from the same blocks: one matched by parameters and one
matched by training FLOPs per token (the layer count whose training step costs closest to HRM's
one-step-gradient training step). Speeds are measured in one run on one device, so their ratios
are comparable; absolute numbers depend on the machine.

    python benchmarks/model_bench.py                      # default 27M-style HRM, GPT-2 vocabulary
    python benchmarks/model_bench.py --seq-len 128 --batch-size 2 --steps 2
"""

from __future__ import annotations

import argparse
import json
import time

import torch

from hrm_codegen.models import build_model


def time_train_step(model, batch_size: int, seq_len: int, steps: int, device: str, amp: bool) -> float:
    """Forward + backward tokens/s of ``model.train_forward`` (one ACT segment per step)."""
    model.train()
    vocab = model.config.vocab_size
    ids = torch.randint(0, vocab, (batch_size, seq_len), device=device)
    batch = {"input_ids": ids, "labels": ids.roll(-1, 1), "attention_mask": torch.ones_like(ids)}
    carry = model.initial_carry(batch)
    dtype = torch.bfloat16

    def step():
        nonlocal carry
        model.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device.split(":")[0], dtype=dtype, enabled=amp):
            carry, out = model.train_forward(carry, batch)
            loss = torch.nn.functional.cross_entropy(out.logits.float().flatten(0, 1), out.labels.flatten())
        loss.backward()

    step()  # warm-up (allocations, kernels)
    if device.startswith("cuda"):
        torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    if device.startswith("cuda"):
        torch.cuda.synchronize()
    return batch_size * seq_len * steps / (time.perf_counter() - start)


def describe(model, seq_len: int) -> dict:
    """Size and cost figures of one model."""
    return {
        "arch": model.config.arch,
        "num_layers_or_apps": model.num_block_applications,
        "parameters": model.num_parameters(),
        "flops_per_token_forward": model.flops_per_token(seq_len),
        "flops_per_token_train_step": model.flops_per_token(seq_len, training=True),
    }


def main(argv=None) -> int:
    """Run the benchmark and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seq-len", type=int, default=256)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--halt-max-steps", type=int, default=1)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--no-amp", action="store_true", help="fp32 instead of bf16 autocast (autocast is off on CPU)")
    args = parser.parse_args(argv)
    torch.manual_seed(0)
    amp = args.device.startswith("cuda") and not args.no_amp

    hrm = build_model({"halt_max_steps": args.halt_max_steps}).to(args.device)
    hrm_train = hrm.flops_per_token(args.seq_len, training=True)
    param_matched = build_model({"arch": "transformer", "num_layers": hrm.config.H_layers + hrm.config.L_layers})

    # Same blocks and head, so a transformer training step costs 3 * (layers * block + head).
    block, head = hrm._block_flops(args.seq_len), hrm._head_flops(args.seq_len)
    flops_layers = max(1, round((hrm_train / 3 - head) / block))
    flops_matched = build_model({"arch": "transformer", "num_layers": flops_layers})

    results = {"device": torch.cuda.get_device_name() if args.device.startswith("cuda") else "cpu",
               "torch_threads": torch.get_num_threads(), "seq_len": args.seq_len, "batch_size": args.batch_size,
               "bf16_autocast": amp, "models": {}}
    for name, model in (("hrm", hrm), ("transformer_param_matched", param_matched),
                        ("transformer_flops_matched", flops_matched)):
        model = model.to(args.device)
        row = describe(model, args.seq_len)
        row["train_tokens_per_s"] = time_train_step(model, args.batch_size, args.seq_len, args.steps, args.device, amp)
        results["models"][name] = row
        model.cpu()
    base = results["models"]["transformer_flops_matched"]["train_tokens_per_s"]
    results["hrm_speed_vs_flops_matched"] = results["models"]["hrm"]["train_tokens_per_s"] / base
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
