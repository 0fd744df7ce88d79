"""What a run records: the per-step sums, ``metrics.jsonl``, the trackers and ``loss.png``.

``metrics.jsonl`` (one JSON object per logged step or evaluation) is this package's own record
and is truncated on resume to the checkpoint's step. TensorBoard and W&B are Accelerate's
trackers (``Accelerator(log_with=...)``, ``init_trackers``, ``log``, ``end_training``).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import torch

from hrm_codegen.io import iter_jsonl
from hrm_codegen.training.config import TrainConfig


@dataclasses.dataclass
class StepStats:
    """Sums over one optimizer step's micro-batches (this process), all-reduced in one collective."""

    lm_loss_sum: torch.Tensor
    """Token losses summed over supervised positions."""
    supervised_tokens: torch.Tensor
    real_tokens: torch.Tensor
    """Non-padding positions (``attention_mask`` non-zero: ones, or segment ids of packed rows)."""
    nonfinite: torch.Tensor
    """Micro-batches whose loss was NaN/Inf."""
    act_steps: torch.Tensor
    """Segments run by the rows that halted (M > 1)."""
    halted: torch.Tensor
    """Rows that halted this step (M > 1)."""

    @classmethod
    def zeros(cls, device) -> StepStats:
        """All sums zero, on ``device``."""
        return cls(*torch.zeros(len(dataclasses.fields(cls)), device=device))

    def reduced(self, accelerator) -> StepStats:
        """The sums over all processes."""
        values = torch.stack([getattr(self, f.name) for f in dataclasses.fields(self)])
        return StepStats(*accelerator.reduce(values, "sum"))


def tracker_kwargs(cfg: TrainConfig, out_dir: Path) -> dict[str, Any]:
    """The ``Accelerator(...)`` keywords that enable the configured trackers (TensorBoard under ``tb/``)."""
    log_with = [name for name, on in (("tensorboard", cfg.logging.tensorboard), ("wandb", cfg.logging.wandb)) if on]
    return {"log_with": log_with or None, "project_dir": str(out_dir)}


def init_trackers(accelerator, cfg: TrainConfig, out_dir: Path, start_step: int) -> None:
    """Start the trackers; a resumed run's TensorBoard drops the events written after its checkpoint."""
    if not (cfg.logging.tensorboard or cfg.logging.wandb):
        return
    init_kwargs = {
        # purge_step: a crashed run may have logged steps after the checkpoint this run resumes from.
        "tensorboard": {"purge_step": start_step or None},
        "wandb": {"name": cfg.run_name, "dir": str(out_dir), "mode": cfg.logging.wandb_mode, "resume": "allow",
                  "config": cfg.model_dump(mode="json")},
    }
    if cfg.logging.wandb:
        accelerator.init_trackers(cfg.logging.wandb_project, init_kwargs=init_kwargs)
    else:  # TensorBoard alone: its run folder is <out_dir>/tb, as before trackers came from Accelerate
        accelerator.init_trackers("tb", init_kwargs=init_kwargs)


class MetricsLogger:
    """``metrics.jsonl`` (main process) plus the Accelerate trackers, one record at a time."""

    def __init__(self, out_dir: Path, accelerator, start_step: int):
        self.accelerator = accelerator
        self.enabled = accelerator.is_main_process
        self.path = out_dir / "metrics.jsonl"
        if self.enabled:
            self._truncate_after(start_step)

    def _truncate_after(self, step: int) -> None:
        """Keep only records up to ``step`` (a fresh run starts empty; a resumed one drops the redone steps)."""
        if not self.path.exists():
            return
        keep = [rec for _, rec in iter_jsonl(self.path, skip_bad=True) if rec.get("step", 0) <= step and step > 0]
        self.path.write_text("".join(json.dumps(r) + "\n" for r in keep))

    def log(self, record: dict[str, Any]) -> None:
        """Append one record (must contain ``step``); its numbers go to the trackers as ``train/*`` or ``eval/*``."""
        if self.enabled:
            with self.path.open("a") as f:
                f.write(json.dumps(record) + "\n")
        prefix = "eval" if record.get("kind") == "eval" else "train"
        scalars = {f"{prefix}/{k}": v for k, v in record.items()
                   if isinstance(v, (int, float)) and not isinstance(v, bool) and k != "step"}
        self.accelerator.log(scalars, step=record["step"])

    def close(self) -> None:
        """Flush and close the trackers."""
        self.accelerator.end_training()


def new_figure():
    """``(fig, ax)`` of a 7x4 in figure, drawn off-screen (Agg)."""
    import matplotlib  # imported here: matplotlib costs a second and only the end of a run needs it

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(7, 4))


def save_figure(fig, ax, out_png: Path) -> Path:
    """Grid, legend, tight layout; write ``out_png`` and free the figure."""
    import matplotlib.pyplot as plt

    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out_png, dpi=110)
    plt.close(fig)
    return out_png


def plot_losses(metrics_path: Path, out_png: Path) -> Path | None:
    """``loss.png``: train loss (and validation loss when present) against the step."""
    train, val = [], []
    for _, rec in iter_jsonl(metrics_path, skip_bad=True) if metrics_path.exists() else []:
        if rec.get("kind") == "eval" and "val_loss" in rec:
            val.append((rec["step"], rec["val_loss"]))
        elif "loss" in rec:
            train.append((rec["step"], rec["loss"]))
    if not train and not val:
        return None
    fig, ax = new_figure()
    if train:
        ax.plot(*zip(*train), label="train loss")
    if val:
        ax.plot(*zip(*val), marker="o", label="validation loss")
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("cross-entropy (nats/token)")
    return save_figure(fig, ax, out_png)


def memory_mb(device: torch.device) -> dict[str, float]:
    """Peak GPU memory allocated, or the process's resident memory on CPU (MiB)."""
    if device.type == "cuda":
        return {"peak_gpu_mem_mb": torch.cuda.max_memory_allocated(device) / 2**20}
    import psutil

    return {"rss_mb": psutil.Process().memory_info().rss / 2**20}
