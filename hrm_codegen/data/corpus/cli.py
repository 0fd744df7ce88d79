"""``hrm-codegen data build``: the corpus builder's flags, parsed into a :class:`BuildConfig`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from hrm_codegen.config import validate
from hrm_codegen.data.corpus.build import CORPUS_SOURCES, BuildConfig, build, stats_path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hrm-codegen data build",
        description="Build the MBPP-format training corpus (MBPP train + mined pairs), or a raw-code corpus.",
    )
    p.add_argument("--out", type=Path, default=Path("data/corpus.jsonl"), help="output JSONL (stats go to *.stats.json)")
    p.add_argument("--source", action="append", default=[], metavar="DIR",
                   help="folder of Python sources (repeatable); default: this interpreter's stdlib and site-packages")
    p.add_argument("--mode", choices=("pairs", "raw"), default="pairs")
    p.add_argument("--seq-len", type=int, default=256, help="pairs longer than this (GPT-2 tokens) are dropped")
    p.add_argument("--max-samples", type=int, default=None,
                   help="at most N records in all (MBPP first, then a seeded sample of mined pairs; raw: files)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-mbpp", action="store_true", help="leave MBPP train/prompt tasks out")
    p.add_argument("--skip-private", action="store_true", help="also drop _private functions")
    p.add_argument("--no-methods", action="store_true", help="mine module-level functions only")
    p.add_argument("--keep-comments", action="store_true", help="keep comment-only lines in mined code")
    p.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1), help="processes (1 = no pool)")
    p.add_argument("--max-file-kb", type=int, default=512)
    p.add_argument("--min-words", type=int, default=3, help="shortest description kept (words)")
    p.add_argument("--max-words", type=int, default=64, help="longest first docstring paragraph kept (words)")
    p.add_argument("--code-ngram", type=int, default=10, help="code token n for decontamination")
    p.add_argument("--idiom-df", type=int, default=5,
                   help="a shared code n-gram in more than this many candidates is an idiom, not a leak")
    p.add_argument("--desc-ngram", type=int, default=8, help="description word n for decontamination")
    p.add_argument("--sources", default="mbpp,mined",
                   help="pairs mode: comma-separated sources to write, of " + ",".join(CORPUS_SOURCES) +
                   " (augment: renamed variants of MBPP train/prompt tasks; exercises: template exercises; "
                   "both executed in the sandbox). Default: mbpp,mined")
    p.add_argument("--num-exercises", type=int, default=20_000, help="exercises to generate (with --sources ...exercises)")
    p.add_argument("--variants", type=int, default=25, help="augmented variants per MBPP task (with --sources ...augment)")
    p.add_argument("--random-names", type=float, default=0.0,
                   help="share of augment/exercise function names drawn from stdlib identifier words (to be copied)")
    p.add_argument("--exec-workers", type=int, default=2, help="sandbox workers that execute generated records")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def config_from_args(argv: Sequence[str]) -> BuildConfig:
    """Parse ``hrm-codegen data build`` arguments into a :class:`BuildConfig`.

    A malformed flag exits (argparse); a value out of range raises :class:`ConfigError` naming the option.
    """
    a = _parser().parse_args(list(argv))
    sources: list[tuple[str, Path]] = []
    for s in a.source:
        root = Path(s).expanduser().resolve()
        label = root.name or "source"
        if any(label == lb for lb, _ in sources):  # keep record paths unambiguous
            label = f"{label}-{len(sources)}"
        sources.append((label, root))
    raw = {
        "out": a.out, "sources": sources, "mode": a.mode, "seq_len": a.seq_len, "max_samples": a.max_samples,
        "seed": a.seed, "include_mbpp": not a.no_mbpp, "skip_private": a.skip_private, "methods": not a.no_methods,
        "keep_comments": a.keep_comments, "workers": max(1, a.workers), "max_file_kb": a.max_file_kb,
        "min_words": a.min_words, "max_words": a.max_words, "code_ngram": a.code_ngram, "idiom_df": a.idiom_df,
        "desc_ngram": a.desc_ngram, "progress": not a.quiet, "include": a.sources, "num_exercises": a.num_exercises,
        "variants": a.variants, "exec_workers": a.exec_workers, "random_names": a.random_names,
    }
    return validate(BuildConfig, raw, "invalid `hrm-codegen data build` options (flag --x-y sets key x_y)")


def summary(stats: dict) -> str:
    """A short human-readable account of a build's stats."""
    lines = [f"mode: {stats['mode']}   sources: {', '.join(stats.get('sources', ()))}   {stats['seconds']} s"]
    if stats.get("files"):
        lines.append("files: " + ", ".join(f"{k}={v}" for k, v in sorted(stats["files"].items())))
    if stats.get("functions"):
        lines.append("functions: " + ", ".join(f"{k}={v}" for k, v in sorted(stats["functions"].items())))
    if "mbpp" in stats:
        lines.append(f"mbpp kept: {stats['mbpp']['kept']} ({stats['mbpp']['over_seq_len']} longer than --seq-len)  overlap with test/validation (reported, kept): "
                     f"{dict(stats['mbpp']['overlap_with_test_validation_not_dropped'])}")
    for src, st in stats.get("generated", {}).items():
        contam = ", ".join(f"{k}={v}" for k, v in st["decontamination"].items())
        extra = f" from {st['templates']} templates" if "templates" in st else f" from {st.get('tasks', 0)} tasks"
        lines.append(f"{src}: generated={st['generated']}{extra}, dropped by decontamination ({contam}), "
                     f"over seq_len={st['over_seq_len']}, executed={st['executed']} passed={st['passed']} "
                     f"failed={st['failed']}, kept={st['kept']}")
    lines.append("written: " + ", ".join(f"{k}={v}" for k, v in stats["written"].items()))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``hrm-codegen data build``; prints a summary and returns the exit code."""
    cfg = config_from_args(sys.argv[1:] if argv is None else argv)
    stats = build(cfg)
    print(summary(stats))
    print(f"wrote {cfg.out} and {stats_path(cfg.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
