"""The dry run (``hrm-codegen train --dry-run``): the whole trainer on 3 steps, nothing kept.

It runs the real :class:`~hrm_codegen.training.loop.Trainer` (data, model, optimizer, checkpoint
save and reload) on a handful of samples under a temporary folder, so a config error or a
checkpoint that does not rebuild the same model shows up in seconds instead of hours in.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import torch
from accelerate import PartialState
from accelerate.utils import broadcast_object_list

from hrm_codegen.models import load_model
from hrm_codegen.training.accelerator import cpu_only
from hrm_codegen.training.config import TrainConfig
from hrm_codegen.training.data import collate_to
from hrm_codegen.training.loop import Trainer


def dry_run_config(cfg: TrainConfig, tmp: Path, world: int) -> TrainConfig:
    """A copy of ``cfg`` that runs 3 steps on a handful of samples and writes only under ``tmp``."""
    d = cfg.model_dump()
    global_batch = cfg.train.batch_size * cfg.train.grad_accum_steps * world
    steps = min(cfg.train.max_steps, 3)
    d["train"].update(max_steps=steps, compile=False)
    d["data"].update(max_samples=max(16, 2 * global_batch), max_eval_samples=8)
    d["checkpoint"].update(dir=str(tmp / "checkpoints"), every=steps, keep_last=2)
    d["logging"].update(every=1, eval_every=steps, wandb=False, progress_bar=False)
    d["schedule"]["warmup_steps"] = min(cfg.schedule.warmup_steps, steps)
    return TrainConfig(**d)


def dry_run(cfg: TrainConfig, on_step=None) -> dict[str, Any]:
    """``hrm-codegen train --dry-run``: 3 steps on a handful of samples with every output in a temporary
    folder; checks that the checkpoint reloads to the same logits, then deletes the folder."""
    state = PartialState(cpu=cpu_only())
    tmp = Path(tempfile.mkdtemp(prefix="hrm-codegen-dry-run-")) if state.is_main_process else None
    if state.num_processes > 1:  # every process must use the main process's temporary folder
        tmp = Path(broadcast_object_list([str(tmp) if tmp else None])[0])
    try:
        dcfg = dry_run_config(cfg, tmp, state.num_processes)
        trainer = Trainer(dcfg, tmp / "run", None, on_step)
        summary = trainer.run()
        # The checkpoint must rebuild the same model: compare logits on one validation-like batch.
        if state.is_main_process:
            ckpt = Path(summary["last_checkpoint"])
            reloaded = load_model(ckpt, device=trainer.device).eval()
            batch = collate_to(trainer.train_set, [0, 1], None, trainer.device)
            trainer.lm.eval()
            with torch.no_grad():
                a, b = (m(batch["input_ids"], attention_mask=batch["attention_mask"],
                          position_ids=batch.get("position_ids"), prefix_lengths=batch["prompt_lengths"]).logits
                        for m in (trainer.lm, reloaded))
            finite = torch.isfinite(a)  # a compact head scores some ids -inf: they must match too
            diff = (a[finite].float() - b[finite].float()).abs().max() if torch.equal(finite, torch.isfinite(b)) else torch.inf
            summary["reload_max_abs_diff"] = float(diff)
            if summary["reload_max_abs_diff"] > 1e-4:
                raise RuntimeError(f"dry run: checkpoint {ckpt} reloads to different logits "
                                   f"(max |diff| {summary['reload_max_abs_diff']:.3g})")
        summary["dry_run"] = True
        return summary
    finally:
        state.wait_for_everyone()
        if state.is_main_process and tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

