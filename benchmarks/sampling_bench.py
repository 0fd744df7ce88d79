"""Sampling benchmark: the top-p fast path (sort a candidate set) vs the full-vocabulary sort; prints JSON.

``sample_next_token`` with ``top_p`` sorts only each row's most likely tokens when they hold the
nucleus (``hrm_codegen.inference.sampling.NUCLEUS_CANDIDATES``) and falls back to the full sort otherwise.
This times both on logits over GPT-2's 50,257 tokens whose entropy ranges from peaked to nearly
flat (``--scales``: logits = scale * standard normal; a small model at temperature 0.8 sits in the
flat half), rows = samples per step, and reports the ratio measured in the same process::

    python benchmarks/sampling_bench.py                 # rows 10, top_p 0.95, JSON to stdout
    python benchmarks/sampling_bench.py --rows 40 --out sampling.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import torch

import hrm_codegen.inference.sampling as gen


def time_sampler(logits: torch.Tensor, top_p: float, candidates: tuple[int, ...], repeats: int) -> float:
    """Median seconds of one ``sample_next_token`` call with the given candidate sizes."""
    saved = gen.NUCLEUS_CANDIDATES
    gen.NUCLEUS_CANDIDATES = candidates
    try:
        g = torch.Generator().manual_seed(0)
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            gen.sample_next_token(logits, 1.0, top_p=top_p, generator=g)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        gen.NUCLEUS_CANDIDATES = saved


def nucleus_size(logits: torch.Tensor, top_p: float) -> float:
    """Mean number of tokens in the top-p nucleus per row."""
    return gen.top_p_filter(logits, top_p).isfinite().sum(-1).float().mean().item()


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark and print (and optionally write) the JSON result."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=10, help="rows per call (samples decoded together)")
    p.add_argument("--vocab", type=int, default=50257)
    p.add_argument("--top-p", type=float, default=0.95)
    p.add_argument("--scales", default="6,4,3,2,1", help="comma-separated logit scales (larger = more peaked)")
    p.add_argument("--repeats", type=int, default=20)
    p.add_argument("--threads", type=int, default=None, help="torch intra-op threads (default: torch's)")
    p.add_argument("--out", default=None, help="also write the JSON here")
    args = p.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    results = []
    for scale in (float(s) for s in args.scales.split(",")):
        logits = torch.randn(args.rows, args.vocab, generator=torch.Generator().manual_seed(1)) * scale
        full = time_sampler(logits, args.top_p, (), args.repeats)
        fast = time_sampler(logits, args.top_p, gen.NUCLEUS_CANDIDATES, args.repeats)
        results.append({"scale": scale, "nucleus_tokens_mean": round(nucleus_size(logits, args.top_p), 1),
                        "full_sort_ms": round(1e3 * full, 3), "fast_path_ms": round(1e3 * fast, 3),
                        "speedup": round(full / fast, 2)})
    report = {"benchmark": "sampling", "rows": args.rows, "vocab": args.vocab, "top_p": args.top_p,
              "candidates": list(gen.NUCLEUS_CANDIDATES), "threads": torch.get_num_threads(),
              "torch": torch.__version__, "results": results}
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    return report


if __name__ == "__main__":
    main()
