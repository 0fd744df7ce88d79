"""``hrm-codegen data``: ``report`` (MBPP statistics) and ``build`` (the training corpus)."""

from __future__ import annotations

import argparse
import json
import sys


def report_main(argv: list[str]) -> int:
    """``hrm-codegen data report``: tasks per split, token lengths, examples over ``--seq-len``."""
    from hrm_codegen.data.datasets import data_report

    ap = argparse.ArgumentParser(prog="hrm-codegen data report", description=report_main.__doc__)
    ap.add_argument("--seq-len", type=int, default=256, help="sequence length to check examples against (default 256)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    rep = data_report(seq_len=args.seq_len)
    if args.json:
        print(json.dumps(rep, indent=2))
        return 0
    print("MBPP (shipped in the package), GPT-2 BPE tokens; prompt = docstring with description + asserts\n")
    head = f"{'split':<11}{'tasks':>6}{'sanit.':>7}  {'prompt mean/med/p95/max':>24}  {'code mean/med/p95/max':>24}  {'> seq_len ' + str(args.seq_len):>14}"
    print(head)
    print("-" * len(head))
    for split, s in rep["splits"].items():
        p, c = s["prompt_tokens"], s["code_tokens"]
        pf = f"{p['mean']:.0f}/{p['median']:.0f}/{p['p95']:.0f}/{p['max']}"
        cf = f"{c['mean']:.0f}/{c['median']:.0f}/{c['p95']:.0f}/{c['max']}"
        print(f"{split:<11}{s['tasks']:>6}{s['sanitized_tasks']:>7}  {pf:>24}  {cf:>24}  {s['over_seq_len']:>14}")
    print("\n'> seq_len': examples whose prompt + code + EOS do not fit; the loader drops (and counts) them by default.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Dispatch ``data report`` / ``data build``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: hrm-codegen data {report,build} [ARGS...]\n\n"
              "  report   MBPP statistics: tasks per split, token lengths, examples over the sequence length\n"
              "  build    build the MBPP-format training corpus (MBPP train + mined functions; --sources adds\n"
              "           augmented MBPP variants and template exercises, executed in the sandbox), or raw code")
        return 0 if argv else 2
    if argv[0] == "report":
        return report_main(argv[1:])
    if argv[0] == "build":
        from hrm_codegen.data.corpus.cli import main as build_main

        return build_main(argv[1:])
    print(f"hrm-codegen data: unknown subcommand {argv[0]!r} (choose report or build)", file=sys.stderr)
    return 2
