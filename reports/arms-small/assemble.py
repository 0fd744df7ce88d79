"""Assemble the arms-small table from the per-arm folders (the run was stopped before its report)."""
import json
import statistics
import sys
from pathlib import Path

from hrm_codegen import pipeline
from hrm_codegen.tasks.base import task_number
from hrm_codegen.tasks.mbpp import completion_signals, load_mbpp

root = Path(sys.argv[1])
arms = sys.argv[2].split(",")
preset = pipeline.load_preset("reports/arms-small/preset.yaml")
((_, cfg),) = pipeline.stage_configs(preset)
sel = pipeline.select_arms(preset, [a for a in arms if a != "hrm"])
tasks = {t.task_id: t for t in load_mbpp("test")}
out = {}
for arm in arms:
    acfg = cfg if arm == "hrm" else pipeline.arm_config(cfg, sel[arm], arm)[0]
    costs = pipeline.model_costs(acfg.model, acfg.data.seq_len)
    rows = [json.loads(line) for line in open(root / arm / "finetune" / "metrics.jsonl")]
    evals = [(r["step"], r["tokens_seen"], r["val_loss"]) for r in rows if r.get("kind") == "eval"]
    sig = [r for r in rows if r.get("kind") == "signals"][-1]
    train = [r for r in rows if r.get("kind") == "train"]
    tokens = evals[-1][1]
    summ = json.load(open(root / arm / "eval-greedy" / "summary.json"))
    res = [json.loads(line) for line in open(root / arm / "eval-greedy" / "results.jsonl")]
    flags = [completion_signals(tasks[task_number(r["task_id"])], r["completion"]) for r in res]
    out[arm] = {"steps": train[-1]["step"], "tokens_seen": tokens, "train_flops": costs["train_flops_per_token"] * tokens,
                **costs, "val_curve": [(costs["train_flops_per_token"] * t, v) for _, t, v in evals],
                "val_loss": evals[-1][2], "val_name_copy": sig["name_copy"], "val_parses": sig["parses"], "val_pass@1": sig["pass@1"],
                "test_tasks": len(res), "test_name_copy": sum(f["name_copy"] for f in flags) / len(flags),
                "test_parses": summ["parses"], "test_pass@1": summ["pass@1"], "test_pass@1+extra": summ.get("pass@1+extra"),
                "median_step_s": statistics.median(r["step_time_s"] for r in train),
                "tokens_per_s": statistics.median(r["tokens_per_s"] for r in train)}
json.dump(out, open(sys.argv[3], "w"), indent=1)
for a, m in out.items():
    print(a, m["steps"], f"{m['train_flops']:.3g}", f"{m['tokens_seen']/1e6:.2f}M", round(m["val_loss"], 3), round(m["val_name_copy"], 3),
          round(m["test_name_copy"], 2), m["test_parses"], m["test_pass@1"], f"{m['inference_flops_per_token']/1e6:.1f}M", m["kv_cache_bytes_per_token_fp32"], round(m["median_step_s"], 2))
