"""The training loop: one readable Accelerate trainer for HRM and the baseline transformer.

Usage::

    hrm-codegen train --config tiny [key=value ...] [--out DIR] [--resume PATH|auto] [--dry-run]
    accelerate launch --num_processes 4 scripts/train_codegen.py --config hrm-27m

The same code runs on one CPU, one GPU and several GPUs (DDP through ``accelerate launch``).
The config is YAML validated by :class:`~hrm_codegen.training.config.TrainConfig`; the
package's other modules: ``config`` (schema), ``data`` (datasets, row order), ``optim`` (optimizers,
schedule, EMA), ``losses``, ``checkpoint`` (folder layout), ``metrics`` (logs, trackers, plot),
``errors`` (exit codes), ``cli``.

**What one optimizer step is.** Every process takes ``train.batch_size`` rows per micro-batch and
``train.grad_accum_steps`` micro-batches, so the global batch is ``batch_size x grad_accum_steps x
processes`` rows, drawn in a fixed order from ``randperm(N, seed + epoch)``; the data position is
therefore just ``(epoch, step in epoch)`` and resuming skips exactly to it. The loss is the sum of
token losses divided by the number of supervised tokens in the *whole* step (counted before the
backward passes and all-reduced over processes), so the loss and its gradient equal those of one
big batch however it is split into micro-batches, padded or spread over processes.

**HRM's ACT carry** (``model.halt_max_steps`` M > 1): each micro-batch slot keeps its own carry
across steps, as HRM trains: rows that have not halted keep their data and state, halted rows take
the fresh rows of the next batch (so batches are padded to ``data.seq_len``). Because the labels of a
segment come from the carry, their count is only known after the forward, so for M > 1 the LM loss
is normalised per micro-batch (mean over its supervised tokens, then averaged over micro-batches
and processes); the Q losses (weight ``train.q_loss_weight``, 0.5 in HRM) are added to it.

**Outputs.** ``runs/<run_name>/`` (or ``--out``): ``metrics.jsonl`` (one JSON object per logged step
or evaluation), TensorBoard events (``tb/``), ``loss.png`` (train and validation curves) and, when
enabled, W&B (``logging.wandb: true``; offline by default). Checkpoints go to
``<checkpoint.dir>/<run_name>/step_XXXXXX/`` (layout: :mod:`hrm_codegen.training.checkpoint`); the
last ``checkpoint.keep_last`` are kept, and ``best/`` holds the weights with the lowest validation loss.

**Exit codes**: 0 done, 2 bad config / unwritable folder / missing checkpoint (nothing was trained),
3 non-finite loss (the last good checkpoint is kept; see ``scripts/rollback.sh``), 130 interrupted
(Ctrl-C or SIGTERM: the current step finishes, a checkpoint is saved; ``--resume auto`` continues).
"""

from __future__ import annotations

import contextlib
import json
import math
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable

import torch
from accelerate.utils import DistributedDataParallelKwargs, set_seed
from torch import nn
from torch.utils.data import Subset
from tqdm.auto import tqdm

from hrm_codegen.config import check_writable
from hrm_codegen.data.vocab import output_ids_of
from hrm_codegen.errors import ConfigError
from hrm_codegen.models import build_model, load_model
from hrm_codegen.tokenization import IGNORE_INDEX, get_tokenizer
from hrm_codegen.training import signals as signals_mod
from hrm_codegen.training.accelerator import make_accelerator
from hrm_codegen.training.checkpoint import (
    ACCELERATE_STATE,
    STATE_FORMAT,
    TRAIN_CONFIG,
    TRAINER_STATE,
    atomic_publish,
    check_resumable,
    find_resume,
    list_checkpoints,
    prune,
    set_aside_newer,
    to_device,
    torch_load,
)
from hrm_codegen.training.config import TrainConfig, dump_config
from hrm_codegen.training.data import StepSampler, build_dataset, build_train_set, collate_to
from hrm_codegen.training.errors import NonFiniteLossError, StopFlag, TrainingInterrupted
from hrm_codegen.training.losses import act_loss
from hrm_codegen.training.metrics import MetricsLogger, StepStats, init_trackers, memory_mb, plot_losses, tracker_kwargs
from hrm_codegen.training.optim import build_ema, build_optimizer, build_scheduler, grad_k_at, set_base_lr
from hrm_codegen.training.validation import validation_loss


class _TrainStep(nn.Module):
    """Routes ``train_forward`` through ``nn.Module.__call__`` so DDP's gradient hooks and
    Accelerate's autocast apply to it (they wrap ``forward`` only)."""

    def __init__(self, lm: nn.Module):
        super().__init__()
        self.lm = lm

    def forward(self, carry, batch):
        """One ACT segment: ``lm.train_forward(carry, batch)``, with the LM head at supervised
        positions only (packed logits; ``act_loss`` reads nothing else)."""
        return self.lm.train_forward(carry, batch, supervised_only=True)


class Trainer:
    """Holds the state of one run; :func:`train` is the functional entry point."""

    def __init__(self, cfg: TrainConfig, out_dir: Path, resume: str | Path | None, on_step=None):
        self.cfg, self.out_dir, self.on_step = cfg, out_dir, on_step
        self.ckpt_run_dir = Path(cfg.checkpoint.dir) / cfg.run_name
        self.M = cfg.model.halt_max_steps if cfg.model.arch == "hrm" else 1
        self._preflight(resume)
        self._setup_accelerator()
        self._setup_data()
        self._setup_model()
        self.step = self.epoch = self.step_in_epoch = 0
        self.best_val_loss = math.inf
        self.carries: list[Any] | None = None
        self.last_checkpoint: Path | None = None
        self.best_checkpoint: Path | None = None
        self.tokens_seen = 0.0
        self._signal_tasks, self.last_signals = None, None
        if self.resume_from is not None:
            self._load_checkpoint(self.resume_from)
        init_trackers(self.accelerator, cfg, out_dir, self.step)
        self.logger = MetricsLogger(out_dir, self.accelerator, self.step)

    # ------------------------------------------------------------------ setup

    def _preflight(self, resume) -> None:
        """Everything a user can get wrong, checked before any expensive work."""
        check_writable(self.out_dir, "--out (run folder)")
        check_writable(self.ckpt_run_dir, "checkpoint.dir")
        self.resume_from = find_resume(resume, self.ckpt_run_dir)
        if resume is not None and self.resume_from is None:
            print(f"[train] --resume auto: no checkpoint in {self.ckpt_run_dir}, starting from scratch", file=sys.stderr)
        if self.resume_from is None and list_checkpoints(self.ckpt_run_dir):
            raise ConfigError(
                f"checkpoint.dir: {self.ckpt_run_dir} already holds checkpoints of an earlier run; "
                "continue it with --resume auto, or pick another run_name / checkpoint.dir"
            )
        init = self.cfg.train.init_from
        if init and self.resume_from is None and not (Path(init) / "model.safetensors").is_file():
            raise ConfigError(f"train.init_from: {init} is not a saved model folder (no model.safetensors there)")
        if self.cfg.logging.wandb:
            try:
                import wandb  # noqa: F401
            except ImportError:
                raise ConfigError("logging.wandb is true but wandb is not installed "
                                  "(pip install wandb, or set logging.wandb=false)") from None

    def _setup_accelerator(self) -> None:
        ddp = DistributedDataParallelKwargs(find_unused_parameters=self.cfg.train.find_unused_parameters)
        self.accelerator = make_accelerator(self.cfg.train.mixed_precision, kwargs_handlers=[ddp],
                                            **tracker_kwargs(self.cfg, self.out_dir))
        if self.accelerator.distributed_type.name in ("FSDP", "DEEPSPEED", "MEGATRON_LM"):
            # Sharded weights/optimizer state would need gathered checkpoints; the models here
            # (tens of millions of parameters) fit every GPU whole, so plain DDP is the right tool.
            raise ConfigError(f"accelerate launch with {self.accelerator.distributed_type.name} is not supported by "
                              "this trainer; launch without an FSDP/DeepSpeed config (DDP)")
        self.device = self.accelerator.device
        self.world = self.accelerator.num_processes
        self.rank = self.accelerator.process_index
        self.is_main = self.accelerator.is_main_process
        set_seed(self.cfg.train.seed)

    def _setup_data(self) -> None:
        cfg = self.cfg
        tok = get_tokenizer()
        self.train_set, n_examples = build_train_set(cfg, tok)
        self.packing_note = ""
        if cfg.data.pack:
            self.packing_note = f" (packed from {n_examples} examples, {100 * self.train_set.fill:.1f}% of positions real)"
        self.val_set = None
        if cfg.data.validation:
            self.val_set = build_dataset(cfg.data.validation, "mbpp", tok, cfg.data.seq_len, "data.validation")
            if cfg.data.max_eval_samples is not None and cfg.data.max_eval_samples < len(self.val_set):
                self.val_set = Subset(self.val_set, range(cfg.data.max_eval_samples))
        t = cfg.train
        self.sampler = StepSampler(len(self.train_set), t.batch_size, t.grad_accum_steps, self.world, self.rank, t.seed)
        if self.sampler.steps_per_epoch == 0:
            raise ConfigError(
                f"data.train has {len(self.train_set)} examples (after dropping those over data.seq_len), fewer than "
                f"one global batch of {self.sampler.global_batch} (train.batch_size x grad_accum_steps x processes)"
            )
        # ACT keeps unhalted rows across steps, so every batch must have the same shape.
        self.pad_to = cfg.data.seq_len if (cfg.data.pad_to_seq_len or self.M > 1) else None

    def _setup_model(self) -> None:
        cfg = self.cfg
        data_ids = cfg.data.head_ids == "data"
        ids = output_ids_of(self.train_set, cfg.model.vocab_size, identifiers=data_ids, inputs=data_ids) \
            if cfg.data.compact_head else None
        self.lm = build_model(cfg.model.model_copy(update={"output_vocab_size": len(ids)}) if ids is not None else cfg.model)
        if ids is not None:
            self.lm.set_output_ids(ids)
        if cfg.train.init_from and self.resume_from is None:
            self._load_weights(Path(cfg.train.init_from), "train.init_from")
        if self.M == 1 and hasattr(self.lm, "q_head"):
            # No Q loss at M == 1: freeze the Q head so DDP need not search for unused parameters.
            self.lm.q_head.requires_grad_(False)
        self.lm.to(self.device)
        self.ema = build_ema(self.lm, cfg.train.ema_decay) if cfg.train.ema_decay else None
        optimizer = build_optimizer(self.lm, cfg.optim)
        step_model: nn.Module = _TrainStep(self.lm)
        if cfg.train.compile:
            step_model = torch.compile(step_model)
        self.model, self.optimizer = self.accelerator.prepare(step_model, optimizer)
        # The scheduler is stepped by hand once per optimizer step (Accelerate's wrapper would
        # step it once per process), so it is registered for checkpointing rather than prepared.
        self.scheduler = build_scheduler(self.optimizer.optimizer, cfg.schedule, cfg.train.max_steps)
        self.accelerator.register_for_checkpointing(self.scheduler)
        if self.ema is not None:
            self.accelerator.register_for_checkpointing(self.ema)
        # The model is the checkpoint's own model.safetensors (save_pretrained, loadable without the
        # trainer); Accelerate's state need not hold a second copy.
        self.accelerator.register_save_state_pre_hook(lambda models, weights, output_dir: weights.clear())
        self.accelerator.register_load_state_pre_hook(lambda models, input_dir: models.clear())

    # ------------------------------------------------------------------ checkpoints

    def _trainer_state(self) -> dict[str, Any]:
        return {
            "format": STATE_FORMAT,
            "step": self.step,
            "epoch": self.epoch,
            "step_in_epoch": self.step_in_epoch,
            "global_batch": self.sampler.global_batch,
            "world_size": self.world,
            "best_val_loss": self.best_val_loss,
            "tokens_seen": self.tokens_seen,
            "base_lr": self.cfg.optim.lr,
        }

    def _save_model_folder(self, folder: Path) -> None:
        self.lm.save_pretrained(folder)
        (folder / TRAIN_CONFIG).write_text(dump_config(self.cfg))

    def save_checkpoint(self) -> Path:
        """Write ``step_XXXXXX/`` atomically (all processes take part) and prune old ones."""
        acc = self.accelerator
        final = self.ckpt_run_dir / f"step_{self.step:06d}"
        tmp = self.ckpt_run_dir / f".tmp-{final.name}"
        if self.is_main:
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            self._save_model_folder(tmp)
            if self.ema is not None:
                self.ema.module.save_pretrained(tmp / "ema")
        acc.wait_for_everyone()
        acc.save_state(str(tmp / ACCELERATE_STATE))  # optimizer, scheduler, EMA, every rank's RNG
        rank_file = tmp / (TRAINER_STATE if self.rank == 0 else f"trainer_state_rank{self.rank}.pt")
        state = {"carries": self.carries}
        if self.rank == 0:
            state = {**self._trainer_state(), **state}
        torch.save(state, rank_file)
        acc.wait_for_everyone()
        if self.is_main:
            atomic_publish(tmp, final)
            prune(self.ckpt_run_dir, self.cfg.checkpoint.keep_last)
        acc.wait_for_everyone()
        self.last_checkpoint = final
        return final

    def _save_best(self, val_loss: float) -> None:
        if self.is_main:
            final = self.ckpt_run_dir / "best"
            tmp = self.ckpt_run_dir / ".tmp-best"
            shutil.rmtree(tmp, ignore_errors=True)
            self._save_model_folder(tmp)
            (tmp / "best.json").write_text(json.dumps({"step": self.step, "val_loss": val_loss}) + "\n")
            atomic_publish(tmp, final)
        self.accelerator.wait_for_everyone()
        self.best_checkpoint = self.ckpt_run_dir / "best"

    def _load_weights(self, path: Path, key: str) -> None:
        """Copy the weights of a saved model folder into ``self.lm`` (same architecture and shapes)."""
        try:
            saved = load_model(path)
            self.lm.load_state_dict(saved.state_dict())
        except (ValueError, RuntimeError, FileNotFoundError) as e:
            raise ConfigError(f"{key}: the weights in {path} do not fit this config's model: {e}") from None

    def _load_checkpoint(self, path: Path) -> None:
        state = torch_load(path / TRAINER_STATE)
        check_resumable(path, state, self.sampler.global_batch)
        self._load_weights(path, "--resume")
        self.accelerator.load_state(str(path / ACCELERATE_STATE))
        self.step, self.epoch, self.step_in_epoch = state["step"], state["epoch"], state["step_in_epoch"]
        self.best_val_loss = state["best_val_loss"]
        self.tokens_seen = state["tokens_seen"]
        # A resumed run takes optim.lr from the config, not from the checkpoint: the rollback "resume
        # the last good checkpoint with lr / 10" continues the schedule at the new scale.
        if abs(state["base_lr"] - self.cfg.optim.lr) > 1e-12 * max(1.0, self.cfg.optim.lr):
            set_base_lr(self.scheduler, self.cfg.optim.lr)
            if self.is_main:
                print(f"[train] optim.lr changed on resume: {state['base_lr']:g} -> {self.cfg.optim.lr:g}",
                      file=sys.stderr)
        rank_state = state if self.rank == 0 else torch_load(path / f"trainer_state_rank{self.rank}.pt")
        carries = rank_state.get("carries")
        self.carries = None if carries is None else [to_device(c, self.device) for c in carries]
        self.last_checkpoint = path
        if (path.parent / "best").is_dir():
            self.best_checkpoint = path.parent / "best"
        if self.is_main:
            moved = set_aside_newer(self.ckpt_run_dir, path, self.step)
            if moved:
                print(f"[train] rolled back: moved the later checkpoint(s) to {moved}", file=sys.stderr)
            print(f"[train] resumed from {path} at step {self.step}", file=sys.stderr)

    # ------------------------------------------------------------------ one step

    def _next_micro_batches(self) -> list[dict[str, torch.Tensor]]:
        if self.step_in_epoch >= self.sampler.steps_per_epoch:
            self.epoch, self.step_in_epoch = self.epoch + 1, 0
        idx = self.sampler.micro_batches(self.epoch, self.step_in_epoch)
        return [collate_to(self.train_set, i, self.pad_to, self.device) for i in idx]

    def train_step(self) -> dict[str, float]:
        """One optimizer step over ``grad_accum_steps`` micro-batches; returns the step's metrics."""
        cfg, acc = self.cfg, self.accelerator
        batches = self._next_micro_batches()
        if cfg.train.grad_k_warmup and hasattr(self.lm, "grad_k"):
            self.lm.grad_k = grad_k_at(self.step, cfg.train.max_steps, cfg.train.grad_k_warmup, cfg.model.grad_last_k)
        # Supervised tokens of the whole step, over all processes: the loss normaliser (module docstring).
        local_count = sum((b["labels"] != IGNORE_INDEX).sum() for b in batches)
        global_count = acc.reduce(local_count.to(self.device).float(), "sum").clamp_min(1)
        if self.M > 1 and self.carries is None:
            self.carries = [self.lm.initial_carry(b) for b in batches]
        new_carries = []
        stats = StepStats.zeros(self.device)
        for k, batch in enumerate(batches):
            last = k == len(batches) - 1
            sync = contextlib.nullcontext() if last else acc.no_sync(self.model)
            with sync:
                carry = self.carries[k] if self.M > 1 else self.lm.initial_carry(batch)
                carry, out = self.model(carry, batch)
                if self.M > 1:
                    loss, m = act_loss(out, kind=cfg.train.loss, q_weight=cfg.train.q_loss_weight)
                    loss = loss / len(batches)
                    stats.act_steps += (out.steps * out.halted).sum()
                    stats.halted += out.halted.sum()
                else:
                    # DDP averages gradients over processes, so scale by their number.
                    loss, m = act_loss(out, kind=cfg.train.loss, normalizer=global_count / self.world)
                stats.lm_loss_sum += m["lm_loss_sum"]
                stats.supervised_tokens += m["tokens"]
                # The rows the segment ran on: at M > 1 carried rows keep their data, not the batch's.
                stats.real_tokens += (out.attention_mask != 0).sum()
                stats.nonfinite += (~torch.isfinite(loss)).float()
                acc.backward(loss)
            new_carries.append(carry)
        stats = stats.reduced(acc)
        step_no = self.step + 1
        if stats.nonfinite > 0 or not torch.isfinite(stats.lm_loss_sum):
            self.optimizer.zero_grad(set_to_none=True)
            raise NonFiniteLossError(step_no, "the training loss", self.last_checkpoint)
        max_norm = cfg.optim.grad_clip if cfg.optim.grad_clip is not None else float("inf")
        grad_norm = acc.clip_grad_norm_(self.lm.parameters(), max_norm)
        # fp16's loss scaler skips overflowing steps by itself; elsewhere an Inf/NaN gradient is fatal.
        if not torch.isfinite(torch.as_tensor(grad_norm)) and self.accelerator.mixed_precision != "fp16":
            self.optimizer.zero_grad(set_to_none=True)
            raise NonFiniteLossError(step_no, "the gradient norm", self.last_checkpoint)
        lr = self.optimizer.param_groups[0]["lr"]
        self.optimizer.step()
        self.scheduler.step()
        self.optimizer.zero_grad(set_to_none=True)
        if self.ema is not None:
            self.ema.update_parameters(self.lm)
        if self.M > 1:
            self.carries = new_carries
        self.step, self.step_in_epoch = step_no, self.step_in_epoch + 1
        self.tokens_seen += float(stats.real_tokens)
        metrics = {
            "loss": float(stats.lm_loss_sum / stats.supervised_tokens.clamp_min(1)),
            "lr": lr,
            "grad_norm": float(grad_norm),
            "tokens": float(stats.real_tokens),
            "supervised_tokens": float(stats.supervised_tokens),
        }
        if self.M > 1:
            metrics["act_steps"] = float(stats.act_steps / stats.halted) if stats.halted > 0 else float("nan")
            metrics["halted_frac"] = float(stats.halted) / (cfg.train.batch_size * len(batches) * self.world)
        return metrics

    # ------------------------------------------------------------------ evaluation

    @property
    def eval_lm(self) -> nn.Module:
        """The weights evaluation uses: the EMA with ``train.ema_decay`` (as ``evaluate --ema`` and the
        pipeline do), else the trained weights."""
        return self.ema.module if self.ema is not None else self.lm

    def evaluate(self) -> dict[str, float] | None:
        """Validation losses per supervised token (see :func:`validation_loss`): ``val_loss`` of
        :attr:`eval_lm`, so the best checkpoint and an lr sweep choose by the weights that will be
        evaluated, and with an EMA also ``val_loss_live``, the trained weights'. None without data."""
        if self.val_set is None or len(self.val_set) == 0:
            return None
        bs = self.cfg.logging.eval_batch_size or self.cfg.train.batch_size
        losses = {"val_loss": validation_loss(self.eval_lm, self.val_set, self.accelerator, bs, self.cfg.train.loss)[0]}
        if self.ema is not None:
            losses["val_loss_live"] = validation_loss(self.lm, self.val_set, self.accelerator, bs, self.cfg.train.loss)[0]
        return losses

    def signals(self) -> str | None:
        """Log the generation signals (:mod:`~hrm_codegen.training.signals`) on the main process;
        returns why the run should stop early (``logging.stop_below``), or None."""
        lg = self.cfg.logging
        if not self.is_main:
            return None
        if self._signal_tasks is None:
            self._signal_tasks = signals_mod.signal_tasks(self.cfg.data.validation, lg.signals_tasks)
        t0 = time.perf_counter()
        rates, records = signals_mod.generation_signals(self.eval_lm, get_tokenizer(), self._signal_tasks,
                                                        lg.signals_max_new_tokens)
        signals_mod.write_records(self.out_dir, self.step, records)
        self.logger.log({"kind": "signals", "step": self.step, "tokens_seen": self.tokens_seen, **rates,
                         "tasks": len(records), "seconds": time.perf_counter() - t0})
        self.last_signals = rates
        last = self.step >= self.cfg.train.max_steps  # the run ends here anyway: not an early stop
        return None if last else signals_mod.should_stop(lg.stop_below, self.step, rates["name_copy"])

    # ------------------------------------------------------------------ the loop

    def _banner(self) -> None:
        if not self.is_main:
            return
        cfg, s = self.cfg, self.sampler
        lines = [
            f"run {cfg.run_name}: {cfg.model.arch} with {self.lm.num_parameters() / 1e6:.2f}M parameters "
            f"(M={cfg.model.halt_max_steps}) on {self.world} x {self.device.type}, "
            f"mixed precision {self.accelerator.mixed_precision}",
            f"data: {len(self.train_set)} training rows{self.packing_note}, "
            f"{len(self.val_set) if self.val_set else 0} validation, "
            f"seq_len {cfg.data.seq_len}; global batch {s.global_batch} rows "
            f"({cfg.train.batch_size} x {cfg.train.grad_accum_steps} accum x {self.world} proc), "
            f"{s.steps_per_epoch} steps/epoch",
            f"outputs: {self.out_dir}  checkpoints: {self.ckpt_run_dir}",
        ]
        print("\n".join("[train] " + line for line in lines), file=sys.stderr, flush=True)

    def run(self) -> dict[str, Any]:
        """Train to ``train.max_steps``; returns the summary (see :func:`train`)."""
        cfg = self.cfg
        self._banner()
        start_step, losses, window, times, tokens = self.step, [], [], [], []
        last_val, stopped_early = None, None
        bar = tqdm(total=cfg.train.max_steps, initial=self.step, desc=cfg.run_name, dynamic_ncols=True,
                   disable=True if not (self.is_main and cfg.logging.progress_bar) else None)
        self.model.train()
        interrupted = False
        t_start = time.perf_counter()
        try:
            with StopFlag() as stop:
                while self.step < cfg.train.max_steps:
                    t0 = time.perf_counter()
                    m = self.train_step()
                    if self.device.type == "cuda":
                        torch.cuda.synchronize(self.device)
                    dt = time.perf_counter() - t0
                    losses.append(m["loss"])
                    window.append(m["loss"])
                    times.append(dt)
                    tokens.append(m["tokens"])
                    bar.update(1)
                    bar.set_postfix(loss=f"{m['loss']:.4f}")
                    record = None
                    if self.step % cfg.logging.every == 0 or self.step == cfg.train.max_steps:
                        record = {"kind": "train", "step": self.step, "epoch": self.epoch, **m,
                                  "loss": sum(window) / len(window), "step_loss": m["loss"],
                                  "step_time_s": dt, "tokens_per_s": m["tokens"] / dt, **memory_mb(self.device)}
                        self.logger.log(record)
                        window = []
                    if self.step % cfg.logging.eval_every == 0 or self.step == cfg.train.max_steps:
                        val = self.evaluate()
                        if val is not None:
                            last_val = val["val_loss"]
                            self.logger.log({"kind": "eval", "step": self.step, "tokens_seen": self.tokens_seen,
                                             **val})
                            if last_val < self.best_val_loss:
                                self.best_val_loss = last_val
                                if cfg.checkpoint.save_best:
                                    self._save_best(last_val)
                    every = cfg.logging.signals_every
                    if every and (self.step % every == 0 or self.step == cfg.train.max_steps):
                        stopped_early = self.signals()
                    if self.on_step is not None:
                        self.on_step(self.step, record or m)
                    # All processes agree to stop (only the main one computes signals) before the save's collectives.
                    flag = torch.tensor([float(stop.requested), float(stopped_early is not None)], device=self.device)
                    if self.world > 1:
                        flag = self.accelerator.reduce(flag, "sum")
                    if self.step % cfg.checkpoint.every == 0 or self.step == cfg.train.max_steps or flag[1] > 0:
                        self.save_checkpoint()
                    if flag[0] > 0:
                        interrupted = True
                        break
                    if flag[1] > 0:
                        print(f"[train] stopped early at step {self.step}: {stopped_early}", file=sys.stderr)
                        break
        finally:
            bar.close()
        if interrupted:
            if self.last_checkpoint is None or self.last_checkpoint.name != f"step_{self.step:06d}":
                self.save_checkpoint()
        wall = time.perf_counter() - t_start
        self.logger.close()
        plot = None
        if self.is_main and cfg.logging.plot:
            plot = plot_losses(self.logger.path, self.out_dir / "loss.png")
            signals_mod.plot_signals(self.logger.path, self.out_dir / "signals.png")
        steady = times[1:] if len(times) > 1 else times  # the first step pays for warm-up
        summary = {
            "run_name": cfg.run_name,
            "out_dir": str(self.out_dir),
            "checkpoint_dir": str(self.ckpt_run_dir),
            "last_checkpoint": str(self.last_checkpoint) if self.last_checkpoint else None,
            "best_checkpoint": str(self.best_checkpoint) if self.best_checkpoint else None,
            "start_step": start_step,
            "steps": self.step,
            "losses": losses,
            "first_loss": losses[0] if losses else None,
            "last_loss": losses[-1] if losses else None,
            "val_loss": last_val,
            "best_val_loss": None if math.isinf(self.best_val_loss) else self.best_val_loss,
            "tokens_per_s": (sum(tokens[-len(steady):]) / sum(steady)) if steady else None,
            "tokens_seen": self.tokens_seen,
            "train_time_s": wall,
            "num_parameters": self.lm.num_parameters(),
            "metrics_path": str(self.logger.path),
            "plot_path": str(plot) if plot else None,
            "interrupted": interrupted,
            "stopped_early": stopped_early,
            "signals": self.last_signals,
        }
        if interrupted:
            raise TrainingInterrupted(self.step, self.last_checkpoint)
        return summary


def train(
    cfg: TrainConfig,
    out_dir: str | Path | None = None,
    resume: str | Path | None = None,
    on_step: Callable[[int, dict], None] | None = None,
) -> dict[str, Any]:
    """Train a model as ``cfg`` says and return a summary dict.

    ``out_dir`` defaults to ``runs/<run_name>``; ``resume`` is a checkpoint folder or ``"auto"``
    (newest checkpoint of this run, or a fresh start if none); ``train --dry-run`` is
    :func:`hrm_codegen.training.dry_run.dry_run`. ``on_step(step, metrics)`` is called after every step.

    Summary keys: ``run_name, out_dir, checkpoint_dir, last_checkpoint, best_checkpoint, start_step,
    steps, losses`` (per step of this call), ``first_loss, last_loss, val_loss, best_val_loss,
    tokens_per_s, tokens_seen`` (non-padding tokens of all processes since step 0),
    ``train_time_s, num_parameters, metrics_path, plot_path, interrupted``.

    Raises ``ConfigError`` (bad config, unwritable folder, missing checkpoint; raised before
    training), :class:`NonFiniteLossError` and :class:`TrainingInterrupted`.
    """
    out = Path(out_dir) if out_dir is not None else Path("runs") / cfg.run_name
    return Trainer(cfg, out, resume, on_step).run()
