"""Name copy against how often the name's pieces were training targets; prints JSON.

A completion copies the name when it has a column-0 ``def NAME(`` for the function the asserts call
(``tasks.mbpp.completion_signals``). Each task falls in a bucket by the training count of its
name's rarest token (the name as it follows ``def ``), counted in the ``code`` of the corpus records:

    .venv/bin/python benchmarks/name_copy_frequency.py --corpus data/corpus-cpu.jsonl \\
        runs/cpu/hrm/finetune/signals/step_006000.jsonl reports/cpu-preset/results-test-greedy.jsonl

Completion files: JSONL with ``task_id`` (an MBPP number or ``Mbpp/N``) and ``completion``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from hrm_codegen.io import iter_jsonl
from hrm_codegen.tasks.mbpp import completion_signals, entry_point, load_mbpp
from hrm_codegen.tokenization import get_tokenizer

BUCKETS = ((0, 0, "0"), (1, 9, "1-9"), (10, 99, "10-99"), (100, None, "100+"))


def bucket(count: int) -> str:
    """The label of the bucket ``count`` falls in."""
    return next(label for low, high, label in BUCKETS if count >= low and (high is None or count <= high))


def main(argv: list[str] | None = None) -> int:
    """Print, per completion file, the name-copy rate of each bucket."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", required=True, help="the training corpus JSONL (its records' code is counted)")
    p.add_argument("completions", nargs="+", help="JSONL files of task_id + completion")
    args = p.parse_args(argv)
    tok = get_tokenizer()
    counts: Counter = Counter()
    for _, rec in iter_jsonl(args.corpus):
        counts.update(tok.encode(rec["code"]))
    tasks = {t.task_id: t for t in load_mbpp("all")}
    out = {}
    for path in args.completions:
        total, copied = Counter(), Counter()
        for _, rec in iter_jsonl(path):
            task = tasks[int(str(rec["task_id"]).split("/")[-1])]
            name = entry_point(task.code, task.test_list)
            label = bucket(min(counts[i] for i in tok.encode(" " + name)))
            total[label] += 1
            copied[label] += completion_signals(task, rec["completion"])["name_copy"]
        out[path] = {label: {"tasks": total[label], "name_copy": copied[label]} for _, _, label in BUCKETS}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
