"""Where each passing task's solution came from, and a strict Pass@1 that leaves doubtful passes out; prints JSON.

A run report (``hrm-codegen run``, ``report.json``) lists each passing task with its closest training
record (normalised AST, :mod:`hrm_codegen.evaluation.nearest`). This script looks that record up in
the corpus and names its family: an exercise **template**, the MBPP train task an **augment** variant
was renamed from, or an MBPP train task itself. It then counts how many members of that family the
corpus build's decontamination dropped as too close to an MBPP **test** task (``corpus-stats.json``:
every dropped record id; exercise ids are mapped to templates by generating the exercises again with
the build's seed, which is deterministic).

A family with such drops resembles some test task: its surviving members differ from that task only
in ways the n-gram checks do not see (names, inputs, a reordered line). A pass recalled from such a
family says little about generalisation, so ``strict_pass@1`` counts only passes whose family had no
test drop. Both figures are honest; the strict one is the lower bound.

    .venv/bin/python benchmarks/pass_provenance.py --corpus data/corpus-cpu.jsonl \\
        --stats reports/cpu-preset-copy/corpus-stats.json reports/cpu-preset-copy/report.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from hrm_codegen.data.augment import AUGMENT_ID_OFFSET
from hrm_codegen.data.exercises import generate_exercises, load_templates
from hrm_codegen.io import iter_jsonl


def family(rec: dict) -> str:
    """``template:KEY``, ``augment:ORIGIN`` or ``mbpp:ID`` of a corpus record."""
    if rec.get("source") == "exercise":
        return f"template:{rec['template']}"
    if rec.get("source") == "augment":
        return f"augment:{rec['origin']}"
    return f"mbpp:{rec['task_id']}"


def test_drops_by_family(stats: dict) -> tuple[Counter, Counter]:
    """``(dropped, generated)`` per family, counting records dropped for the MBPP test split."""
    gen = stats.get("generated", {})
    dropped, generated = Counter(), Counter()
    cfg = stats["config"]
    if "exercises" in gen:
        templates = load_templates()
        if gen["exercises"].get("templates") != len(templates):
            sys.exit(f"pass_provenance: the corpus was built from {gen['exercises'].get('templates')} templates, "
                     f"this checkout has {len(templates)}: run it from the commit that built the corpus")
        recs, _ = generate_exercises(cfg["num_exercises"], cfg["seed"], templates,
                                     random_names=cfg.get("random_names", 0.0))
        template_of = {r["task_id"]: r["template"] for r in recs}
        generated.update(f"template:{t}" for t in template_of.values())
        for line in gen["exercises"].get("decontamination_dropped", []):
            if line.startswith("test:"):
                dropped[f"template:{template_of[int(line.rsplit(' ', 1)[1])]}"] += 1
    if "augment" in gen:
        for line in gen["augment"].get("decontamination_dropped", []):
            if line.startswith("test:"):
                dropped[f"augment:{(int(line.rsplit(' ', 1)[1]) - AUGMENT_ID_OFFSET) // 1000}"] += 1
    return dropped, generated


def main(argv: list[str] | None = None) -> int:
    """Print the provenance of every pass in the report as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, help="the training corpus JSONL the run trained on")
    ap.add_argument("--stats", required=True, help="its corpus-stats.json (the build's counts)")
    ap.add_argument("--model", default="hrm", help="the report's model (default hrm)")
    ap.add_argument("report", help="the run's report.json")
    args = ap.parse_args(argv)
    report = json.load(open(args.report))
    ga = report["models"][args.model]["greedy_analysis"]
    by_id = {str(r["task_id"]): r for _, r in iter_jsonl(args.corpus)}
    dropped, generated = test_drops_by_family(json.load(open(args.stats)))
    rows = []
    for p in ga["passing"]:
        near = p.get("nearest_training") or {}
        rec = by_id.get(str(near.get("key", "")).rsplit(":", 1)[-1])
        fam = family(rec) if rec else None
        rows.append({"task_id": p["task_id"], "passed_extra": p.get("passed_extra"),
                     "similarity": near.get("similarity"), "nearest": near.get("key"), "family": fam,
                     "family_test_drops": dropped.get(fam, 0) if fam else None,
                     "family_generated": generated.get(fam) if fam else None})
    clean = [r for r in rows if r["family_test_drops"] == 0]
    n = ga["tasks"]
    out = {"report": args.report, "tasks": n, "passes": len(rows), "pass@1": len(rows) / n,
           "strict_passes": len(clean), "strict_pass@1": len(clean) / n, "passing": rows}
    json.dump(out, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
