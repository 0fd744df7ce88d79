"""Leading indicators while training (``logging.signals_every``): greedy completions of the
validation tasks, scored for the skills Pass@1 needs before it can move.

Every ``signals_every`` steps the model completes the first ``signals_tasks`` validation tasks
greedily, and the trainer logs, per task share: ``name_copy`` (a ``def`` line at column 0 names the
function the asserts call: the name must be copied from the prompt), ``arity`` (it takes as many arguments
as the asserts pass), ``parses`` and ``pass@1`` (the asserts pass in the sandbox). The completions
go to ``<out>/signals/step_XXXXXX.jsonl`` and the curves to ``signals.png``. ``logging.stop_below``
ends a run whose name-copy rate is still under a floor by a given step: the evidence of the
issue-12 runs is that a run that has not started copying names does not reach Pass@1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

import torch

from hrm_codegen.inference.completions import generate_code
from hrm_codegen.io import iter_jsonl
from hrm_codegen.sandbox import Limits, Sandbox
from hrm_codegen.tasks.mbpp import MBPPTask, completion_signals, load_mbpp, load_mbpp_jsonl, task_parts
from hrm_codegen.training.metrics import new_figure, save_figure

SIGNALS = ("name_copy", "arity", "parses", "pass@1")


def signal_tasks(spec: str, limit: int) -> list[MBPPTask]:
    """The first ``limit`` tasks of ``data.validation`` (an MBPP split name or an MBPP-format JSONL)."""
    tasks = load_mbpp_jsonl(spec) if spec.endswith(".jsonl") or "/" in spec else load_mbpp(spec)
    return tasks[:limit]


@torch.no_grad()
def generation_signals(lm: torch.nn.Module, tokenizer, tasks: Sequence[MBPPTask], max_new_tokens: int = 128,
                       batch_size: int = 16, timeout: float = 5.0) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """``({signal: share of tasks}, per-task records)`` for greedy completions of ``tasks`` (see module)."""
    was_training = lm.training
    lm.eval()
    try:
        completions = generate_code(lm, tokenizer, [t.prompt for t in tasks], max_new_tokens=max_new_tokens,
                                    batch_size=batch_size)
    finally:
        lm.train(was_training)
    records = [{"task_id": t.task_id, **completion_signals(t, c), "pass@1": False, "completion": c}
               for t, (c,) in zip(tasks, completions)]
    with Sandbox(workers=1, limits=Limits(timeout=timeout)) as box:  # one core: the trainer waits anyway
        for i, res in box.run_many([task_parts(t, c) for t, (c,) in zip(tasks, completions)]):
            records[i]["pass@1"] = res.passed
    n = max(1, len(records))
    return {k: sum(r[k] for r in records) / n for k in SIGNALS}, records


def write_records(out_dir: Path, step: int, records: list[dict[str, Any]]) -> Path:
    """The step's completions and their signals, one JSON object per task."""
    path = out_dir / "signals" / f"step_{step:06d}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def should_stop(stop_below: Sequence[tuple[int, float]], step: int, name_copy: float) -> str | None:
    """Why a run stops early: the first ``(by_step, floor)`` with ``step >= by_step`` and
    ``name_copy < floor`` (None: keep training)."""
    for by_step, floor in stop_below:
        if step >= by_step and name_copy < floor:
            return f"name-copy rate {name_copy:.3f} < {floor} by step {by_step} (logging.stop_below)"
    return None


def plot_signals(metrics_path: Path, out_png: Path) -> Path | None:
    """``signals.png``: each signal of the ``signals`` records against training tokens seen."""
    rows = [r for _, r in iter_jsonl(metrics_path, skip_bad=True) if r.get("kind") == "signals"]
    if not rows:
        return None
    fig, ax = new_figure()
    x = [r.get("tokens_seen", r["step"]) for r in rows]
    for key in SIGNALS:
        ax.plot(x, [r[key] for r in rows], marker="o", label=key)
    ax.set_xlabel("training tokens seen" if "tokens_seen" in rows[0] else "optimizer step")
    ax.set_ylabel(f"share of {rows[-1]['tasks']} validation tasks (greedy)")
    ax.set_ylim(-0.02, 1.02)
    return save_figure(fig, ax, out_png)
