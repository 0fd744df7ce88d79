"""Generation benchmark: KV cache vs full recompute, and HRM vs a same-depth transformer; prints JSON.

Two questions (issue 4's acceptance):

1. **Cache speed-up** -- tokens/s of ``generate`` with and without the KV cache at prompt 256 /
   256 new tokens, batch 1 and batch 16, for the default 27M-style HRM (``hrm_codegen/configs/hrm-27m.yaml``).
   The uncached path re-runs the whole sequence for every token, which on a small CPU takes many
   minutes; by default its time is therefore *estimated*: full forwards are timed at a few
   sequence lengths, interpolated linearly, and summed over the lengths the recompute visits
   (``S .. S+new-1``). The estimate is checked against a real uncached ``generate`` of a few
   tokens (``estimate_check``). ``--full-uncached`` times the real thing instead.
2. **Recurrence overhead** -- per-token decode latency (both cached, batch 1) of the HRM vs a
   transformer with as many blocks as the HRM has block applications per token (24 by default).
   Measured in alternating rounds so that load changes on a shared machine hit both alike.

Every ratio is taken within one run on one device. Examples::

    python benchmarks/generate_bench.py                          # defaults above, JSON to stdout
    python benchmarks/generate_bench.py --batch-sizes 1 --new-tokens 32 --prompt-len 64   # quick
    python benchmarks/generate_bench.py --full-uncached --batch-sizes 1 --out bench.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import torch

from hrm_codegen.config import CONFIG_DIR
from hrm_codegen.inference import decode_latency, generate
from hrm_codegen.models import build_model, load_config

DEFAULT_CONFIG = CONFIG_DIR / "hrm-27m.yaml"
# The 27M-style HRM, used when the config file is missing.
FALLBACK = dict(arch="hrm", hidden_size=512, num_heads=8, expansion=4.0, H_layers=4, L_layers=4, H_cycles=2,
                L_cycles=2, halt_max_steps=1)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def build_hrm(config: str | None, max_seq_len: int) -> torch.nn.Module:
    """The benchmarked HRM: the YAML config (its ``model:`` section) with ``max_seq_len`` overridden."""
    path = Path(config) if config else DEFAULT_CONFIG
    cfg = load_config(path).model_dump() if path.is_file() else dict(FALLBACK)
    cfg["max_seq_len"] = max_seq_len
    torch.manual_seed(0)
    return build_model(cfg).eval()


def same_depth_transformer(hrm: torch.nn.Module) -> torch.nn.Module:
    """A transformer with HRM's width/heads/MLP and one block per HRM block application."""
    c = hrm.config
    cfg = dict(arch="transformer", hidden_size=c.hidden_size, num_heads=c.num_heads, expansion=c.expansion,
               num_layers=hrm.num_block_applications, max_seq_len=c.max_seq_len, norm_style=c.norm_style,
               pos_encodings=c.pos_encodings)
    torch.manual_seed(0)
    return build_model(cfg).eval()


def random_prompts(batch: int, length: int, vocab: int) -> torch.Tensor:
    """Random token ids ``[batch, length]`` (speed does not depend on the values)."""
    return torch.randint(0, vocab - 1, (batch, length), generator=torch.Generator().manual_seed(0))


class _StepClock:
    """A streamer that records when each token arrives (the first one marks the end of the prefill)."""

    def __init__(self):
        self.times: list[float] = []

    def put(self, tokens: torch.Tensor) -> None:
        """Record the arrival time of one step's tokens."""
        self.times.append(time.perf_counter())

    def end(self) -> None:
        """Nothing to do at the end."""


def cached_run(model, ids: torch.Tensor, new_tokens: int) -> dict:
    """Time one cached ``generate`` (no EOS, so every token is produced), split into prefill and decode."""
    clock = _StepClock()
    start = time.perf_counter()
    generate(model, ids, new_tokens, streamer=clock)
    total_s = time.perf_counter() - start
    prefill_s = clock.times[0] - start
    return {
        "total_s": round(total_s, 3),
        "prefill_s": round(prefill_s, 3),
        "decode_ms_per_step": round(1000 * (clock.times[-1] - clock.times[0]) / max(new_tokens - 1, 1), 2),
        "tokens_per_s": round(ids.shape[0] * new_tokens / total_s, 2),
    }


@torch.no_grad()
def forward_seconds(model, batch: int, length: int, repeats: int = 1) -> float:
    """Seconds of one full forward (the unit of work of the uncached path) at ``[batch, length]``."""
    ids = random_prompts(batch, length, model.config.vocab_size)
    return min(_timed(lambda: model(ids)) for _ in range(repeats))


def interpolate(points: list[tuple[int, float]], x: int) -> float:
    """Piecewise-linear interpolation through sorted ``(x, y)`` points (linear extrapolation at the ends)."""
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x <= x1 or (x1, y1) == points[-1]:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[0][1]


def uncached_estimate(model, batch: int, prompt_len: int, new_tokens: int, num_lengths: int, check_steps: int) -> dict:
    """Estimated seconds of an uncached ``generate``, from full forwards timed at a few lengths.

    Step ``t`` of the recompute is one forward over ``prompt_len + t`` tokens, so the total is the
    sum of the forward time over those lengths. ``estimate_check`` = real / estimated time of an
    uncached ``generate`` of ``check_steps`` tokens (1.0 = the estimate is exact).
    """
    last = prompt_len + new_tokens - 1
    lengths = sorted({round(prompt_len + i * (last - prompt_len) / max(num_lengths - 1, 1)) for i in range(num_lengths)})
    forward_seconds(model, batch, prompt_len)  # warm-up
    points = [(n, forward_seconds(model, batch, n)) for n in lengths]
    if len(points) == 1:
        points.append((points[0][0] + 1, points[0][1]))
    total = sum(interpolate(points, n) for n in range(prompt_len, prompt_len + new_tokens))
    result = {
        "method": f"estimated: full forwards timed at lengths {lengths}, interpolated, summed over "
                  f"{prompt_len}..{last}",
        "total_s": round(total, 2),
        "forward_s_at_length": {str(n): round(s, 3) for n, s in points[: len(lengths)]},
    }
    if check_steps:
        ids = random_prompts(batch, prompt_len, model.config.vocab_size)
        real = _timed(lambda: generate(model, ids, check_steps, use_cache=False))
        predicted = sum(interpolate(points, n) for n in range(prompt_len, prompt_len + check_steps))
        result["estimate_check"] = {"steps": check_steps, "real_s": round(real, 3), "estimated_s": round(predicted, 3),
                                    "real_over_estimated": round(real / predicted, 3)}
    return result


def uncached_measured(model, ids: torch.Tensor, new_tokens: int) -> dict:
    """Seconds of a real uncached ``generate`` of ``new_tokens`` tokens."""
    total = _timed(lambda: generate(model, ids, new_tokens, use_cache=False))
    return {"method": "measured: generate(use_cache=False)", "total_s": round(total, 2)}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options (see the module docstring)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--config", default=None, help=f"HRM model config (default {DEFAULT_CONFIG.name})")
    p.add_argument("--prompt-len", type=int, default=256)
    p.add_argument("--new-tokens", type=int, default=256)
    p.add_argument("--batch-sizes", default="1,16", help="comma-separated")
    p.add_argument("--threads", type=int, default=None, help="torch intra-op threads (default: torch's)")
    p.add_argument("--full-uncached", action="store_true", help="time the real uncached generate (slow)")
    p.add_argument("--num-lengths", type=int, default=3, help="forward lengths timed for the uncached estimate")
    p.add_argument("--check-steps", type=int, default=4,
                   help="real uncached steps that check the estimate (first batch size only)")
    p.add_argument("--latency-rounds", type=int, default=4)
    p.add_argument("--latency-steps", type=int, default=16)
    p.add_argument("--skip-throughput", action="store_true")
    p.add_argument("--skip-latency", action="store_true")
    p.add_argument("--out", default=None, help="also write the JSON here")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON report."""
    args = parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    hrm = build_hrm(args.config, args.prompt_len + args.new_tokens)
    report: dict = {
        "device": "cpu",
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "cpu_count": os.cpu_count(),
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        "hrm": {"config": args.config or str(DEFAULT_CONFIG.relative_to(DEFAULT_CONFIG.parents[1])),
                "num_parameters": hrm.num_parameters(), "block_applications": hrm.num_block_applications,
                "halt_max_steps": hrm.config.halt_max_steps},
        "prompt_len": args.prompt_len,
        "new_tokens": args.new_tokens,
    }
    if not args.skip_throughput:
        rows = []
        generate(hrm, random_prompts(1, 8, hrm.config.vocab_size), 2)  # warm-up
        for i, batch in enumerate(int(b) for b in args.batch_sizes.split(",")):
            ids = random_prompts(batch, args.prompt_len, hrm.config.vocab_size)
            cached = cached_run(hrm, ids, args.new_tokens)
            if args.full_uncached:
                uncached = uncached_measured(hrm, ids, args.new_tokens)
                # A measured uncached run lasts many minutes; time the cached path again after it so
                # that load drift on a shared machine shows (and is averaged) instead of skewing the ratio.
                cached["total_s_after_uncached"] = cached_run(hrm, ids, args.new_tokens)["total_s"]
            else:
                # The estimate is checked once, on the first (smallest) batch: a check costs check_steps
                # full forwards, minutes at batch 16.
                uncached = uncached_estimate(hrm, batch, args.prompt_len, args.new_tokens, args.num_lengths,
                                             args.check_steps if i == 0 else 0)
            uncached["tokens_per_s"] = round(batch * args.new_tokens / uncached["total_s"], 3)
            cached_s = statistics.mean([cached["total_s"], cached.get("total_s_after_uncached", cached["total_s"])])
            rows.append({"batch_size": batch, "cached": cached, "uncached": uncached,
                         "speedup": round(uncached["total_s"] / cached_s, 1)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)  # progress
        report["throughput"] = rows
    if not args.skip_latency:
        baseline = same_depth_transformer(hrm)
        ms = decode_latency({"hrm": hrm, "transformer": baseline}, args.prompt_len, args.latency_rounds,
                            args.latency_steps)
        report["decode_latency"] = {
            "batch_size": 1,
            "context": args.prompt_len,
            "hrm_ms_per_token": ms["hrm"],
            "transformer_ms_per_token": ms["transformer"],
            "transformer_num_layers": baseline.config.num_layers,
            "hrm_over_transformer": round(ms["hrm"] / ms["transformer"], 3),
        }
    acceptance = {}
    batch1 = [r for r in report.get("throughput", []) if r["batch_size"] == 1]
    if batch1:
        acceptance["cached_speedup_batch1_ge_10x"] = batch1[0]["speedup"] >= 10
    if "decode_latency" in report:
        acceptance["hrm_latency_within_1.3x"] = report["decode_latency"]["hrm_over_transformer"] <= 1.3
    report["acceptance"] = acceptance
    report["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
