"""The trainer end to end on CPU: learning, checkpoints, exact resume, dry run, guard rails, config errors.

A tiny HRM (hidden 32; the GPT-2 vocabulary keeps 50257 rows) on MBPP, including a two-process
(gloo) run through ``accelerate launch`` (~25 s).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from accelerate.state import AcceleratorState

from hrm_codegen.config import CONFIG_DIR, parse_override
from hrm_codegen.errors import ConfigError
from hrm_codegen.models import load_model
from hrm_codegen.training import checkpoint, errors, loop, optim
from hrm_codegen.training.cli import main
from hrm_codegen.training.config import load_train_config
from hrm_codegen.training.data import StepSampler
from hrm_codegen.training.errors import TrainingInterrupted
from hrm_codegen.training.loop import Trainer, train

ROOT = Path(__file__).resolve().parents[2]
TINY = str(CONFIG_DIR / "tiny.yaml")
# Scripts run with this interpreter (rollback.sh would otherwise fall back to .venv/bin/python or python3).
SCRIPT_ENV = {**os.environ, "PYTHON": sys.executable}
# Tests run few steps of 1 row: the cost is the 50257-way output layer, so rows are what costs.
SMALL = ["model.hidden_size=32", "model.num_heads=2", "train.batch_size=1", "logging.progress_bar=false",
         "logging.tensorboard=false", "data.max_eval_samples=8", "logging.eval_batch_size=8"]


def _cfg(tmp_path: Path, *overrides: str):
    return load_train_config(TINY, [*SMALL, f"checkpoint.dir={tmp_path / 'ckpt'}", *overrides])


def _records(path: Path, kind: str = "train") -> list[dict]:
    return [r for r in map(json.loads, Path(path).read_text().splitlines()) if r.get("kind") == kind]


def _logits(model, batch):
    model.eval()
    with torch.no_grad():
        return model(batch["input_ids"], attention_mask=batch["attention_mask"]).logits


# ---------------------------------------------------------------------------------------------  100 steps


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """100 steps of 2 rows on MBPP's 974 tasks (the ~790 that fit 256 tokens), checkpoint and eval every 50."""
    tmp = tmp_path_factory.mktemp("smoke")
    cfg = _cfg(tmp, "data.train=all", "train.max_steps=100", "train.batch_size=2", "checkpoint.every=50",
               "checkpoint.keep_last=1", "logging.eval_every=50", "logging.tensorboard=true")
    trainer = Trainer(cfg, tmp / "run", None)
    summary = trainer.run()
    return trainer, summary, tmp


def test_100_steps_lower_the_training_loss_by_5_percent(trained):
    trainer, summary, _ = trained
    losses = summary["losses"]
    assert len(losses) == 100 and len(trainer.train_set) > 700
    first, last = sum(losses[:10]) / 10, sum(losses[-10:]) / 10  # mean of the first vs the last 10 steps
    assert last <= 0.95 * first, (first, last)


def test_metrics_plot_and_tensorboard_are_written(trained):
    _, summary, tmp = trained
    train_recs = _records(summary["metrics_path"])
    assert [r["step"] for r in train_recs] == list(range(1, 101))
    for key in ("loss", "lr", "grad_norm", "tokens_per_s", "step_time_s", "rss_mb", "epoch"):
        assert all(isinstance(r[key], (int, float)) for r in train_recs), key
    assert train_recs[0]["lr"] < train_recs[9]["lr"]  # warm-up
    evals = _records(summary["metrics_path"], "eval")
    assert [r["step"] for r in evals] == [50, 100]
    assert Path(summary["plot_path"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert list((tmp / "run" / "tb").glob("events.out.tfevents.*"))


def test_checkpoint_is_written_atomically_and_reloads_to_identical_logits(trained):
    trainer, summary, tmp = trained
    run_dir = tmp / "ckpt" / "tiny"
    assert sorted(p.name for p in run_dir.iterdir()) == ["best", "step_000100"]  # keep_last=1, no temp folders
    ckpt = Path(summary["last_checkpoint"])
    assert {"model.safetensors", "config.yaml", "trainer_state.pt", "train_config.yaml"} <= {p.name for p in ckpt.iterdir()}
    batch = loop.collate_to(trainer.val_set, [0, 1, 2], None, "cpu")
    assert torch.equal(_logits(load_model(ckpt), batch), _logits(trainer.lm, batch))
    best = json.loads((run_dir / "best" / "best.json").read_text())
    evals = _records(summary["metrics_path"], "eval")
    assert best["val_loss"] == min(r["val_loss"] for r in evals) == summary["best_val_loss"]
    assert load_train_config(ckpt / "train_config.yaml") == trainer.cfg


# ---------------------------------------------------------------------------------------------  resume


@pytest.mark.parametrize(
    "extra",
    [
        ["train.grad_accum_steps=2", "train.ema_decay=0.9"],  # accumulation + EMA
        ["model.halt_max_steps=2", "optim.name=adam_atan2", "data.seq_len=192", "model.max_seq_len=192"],  # ACT carry
        ["data.pack=true", "train.mixed_precision=bf16"],  # packed rows under CPU bf16 autocast
    ],
    ids=["accum-ema", "act-carry-atan2", "packed-bf16"],
)
def test_resume_continues_exactly(tmp_path, extra):
    """Steps 4-6 after resuming from step 3 give the same losses and weights as an uninterrupted run."""
    if "train.mixed_precision=bf16" in extra:
        # Accelerate keeps one precision per process, and the other tests run with `auto`, which is fp32 on a
        # CPU without native bf16: give this case a fresh Accelerate state, and the tests after it another.
        AcceleratorState._reset_state(reset_partial_state=True)
        try:
            _resume_continues_exactly(tmp_path, extra)
        finally:
            AcceleratorState._reset_state(reset_partial_state=True)
    else:
        _resume_continues_exactly(tmp_path, extra)


def _resume_continues_exactly(tmp_path, extra):
    base = ["train.max_steps=6", "checkpoint.every=3", "checkpoint.keep_last=null", "logging.eval_every=100",
            "data.max_samples=40", *extra]
    full = train(_cfg(tmp_path / "a", *base), out_dir=tmp_path / "a" / "run")
    # Resume in a separate checkpoint folder from a copy of step 3.
    resumed_dir = tmp_path / "b" / "ckpt" / "tiny"
    resumed_dir.mkdir(parents=True)
    shutil.copytree(tmp_path / "a" / "ckpt" / "tiny" / "step_000003", resumed_dir / "step_000003")
    part = train(_cfg(tmp_path / "b", *base), out_dir=tmp_path / "b" / "run", resume="auto")
    assert part["start_step"] == 3 and part["steps"] == 6
    assert part["losses"] == full["losses"][3:]  # exactly equal on CPU
    for sub in ["."] + (["ema"] if "train.ema_decay=0.9" in extra else []):
        a = load_model(Path(full["last_checkpoint"]) / sub).state_dict()
        b = load_model(Path(part["last_checkpoint"]) / sub).state_dict()
        assert all(torch.equal(a[k], b[k]) for k in a), sub
    # The resumed run (a fresh run folder) logs steps 4..6 only.
    assert [r["step"] for r in _records(part["metrics_path"])] == [4, 5, 6]
    if "train.ema_decay=0.9" in extra:  # validation loss is the EMA's (what evaluation uses), the live one logged beside it
        (ev,) = _records(full["metrics_path"], "eval")
        assert ev["val_loss"] != ev["val_loss_live"] and math.isfinite(ev["val_loss_live"])


def test_ctrl_c_saves_a_checkpoint_and_resume_auto_continues(tmp_path):
    cfg = _cfg(tmp_path, "train.max_steps=4", "checkpoint.every=100", "data.max_samples=24", "logging.eval_every=100")

    def press_ctrl_c(step, _):
        if step == 2:
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(TrainingInterrupted) as info:
        train(cfg, out_dir=tmp_path / "run", on_step=press_ctrl_c)
    assert info.value.step == 2 and info.value.checkpoint.name == "step_000002"
    assert (info.value.checkpoint / "trainer_state.pt").is_file()
    # Without --resume the earlier checkpoints are protected, with --resume auto the run continues.
    with pytest.raises(ConfigError, match="--resume auto"):
        train(cfg, out_dir=tmp_path / "run")
    summary = train(cfg, out_dir=tmp_path / "run", resume="auto")
    assert summary["start_step"] == 2 and summary["steps"] == 4 and len(summary["losses"]) == 2


def test_rollback_script_resumes_an_earlier_checkpoint_with_lr_over_10(tmp_path):
    cfg = _cfg(tmp_path, "train.max_steps=4", "checkpoint.every=2", "checkpoint.keep_last=null",
               "data.max_samples=24", "logging.eval_every=100")
    train(cfg, out_dir=tmp_path / "run")
    run_dir = tmp_path / "ckpt" / "tiny"
    script = ROOT / "scripts" / "rollback.sh"
    printed = subprocess.run([str(script), "--checkpoint", str(run_dir / "step_000002"), "--lr-div", "10", "--print"],
                             env=SCRIPT_ENV, capture_output=True, text=True, check=True).stdout
    assert f"--resume {run_dir / 'step_000002'}" in printed and "optim.lr=0.0003" in printed
    proc = subprocess.run([str(script), "--checkpoint", str(run_dir / "step_000002"), "--lr-div", "10", "--no-flash",
                           "--", "train.max_steps=3", "--out", str(tmp_path / "retry")],
                          env=SCRIPT_ENV, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    # The later checkpoint is set aside, not deleted; the retry continues from step 2 at lr / 10.
    assert [p.name for p in checkpoint.list_checkpoints(run_dir)] == ["step_000002", "step_000003"]
    assert [p.name for p in (run_dir / "rolled_back").glob("*/step_*")] == ["step_000004"]
    (rec,) = _records(tmp_path / "retry" / "metrics.jsonl")
    assert rec["step"] == 3
    assert rec["lr"] == pytest.approx(cfg.optim.lr / 10 * optim.lr_factor(2, cfg.schedule, 3), rel=1e-9)
    helptext = subprocess.run([str(script), "--help"], env=SCRIPT_ENV, capture_output=True, text=True, check=True).stdout
    assert "UNSAFE" in helptext and "causal=false" in helptext


def test_loss_only_evaluation_of_a_checkpoint(tmp_path, capsys):
    """The "evaluate by loss only" rollback: validation loss of a checkpoint, no generation, no writes."""
    cfg = _cfg(tmp_path, "train.max_steps=2", "checkpoint.every=2", "data.max_samples=8", "logging.eval_every=2")
    summary = train(cfg, out_dir=tmp_path / "run")
    ckpt = Path(summary["last_checkpoint"])
    printed = subprocess.run([str(ROOT / "scripts" / "rollback.sh"), "--checkpoint", str(ckpt), "--loss-only-eval",
                              "--print"], env=SCRIPT_ENV, capture_output=True, text=True, check=True).stdout
    assert f"--eval-only {ckpt}" in printed
    capsys.readouterr()
    assert main(["--config", str(ckpt / "train_config.yaml"), "--eval-only", str(ckpt)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["val_loss"] == pytest.approx(summary["val_loss"], rel=1e-6) and result["examples"] == 8


def test_nonfinite_loss_stops_naming_the_step_and_keeps_the_last_good_checkpoint(tmp_path, monkeypatch, capsys):
    calls = {"n": 0}
    real = loop.act_loss

    def poisoned(out, **kw):
        calls["n"] += 1
        loss, m = real(out, **kw)
        return (loss * float("nan"), m) if calls["n"] == 3 else (loss, m)

    monkeypatch.setattr(loop, "act_loss", poisoned)
    rc = main(["--config", TINY, *SMALL, f"checkpoint.dir={tmp_path / 'ckpt'}", "train.max_steps=5",
               "checkpoint.every=2", "data.max_samples=24", "logging.eval_every=100", "--out", str(tmp_path / "run")])
    err = capsys.readouterr().err
    assert rc == errors.EXIT_NONFINITE
    assert "step 3" in err and "rollback.sh" in err and "step_000002" in err
    assert [p.name for p in checkpoint.list_checkpoints(tmp_path / "ckpt" / "tiny")] == ["step_000002"]


# ---------------------------------------------------------------------------------------------  dry run, CLI


def test_dry_run_writes_nothing_outside_a_temp_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["--config", TINY, *SMALL, "--dry-run"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["dry_run"] and summary["steps"] == 3 and summary["reload_max_abs_diff"] == 0.0
    assert list(tmp_path.iterdir()) == []
    assert not Path(summary["out_dir"]).exists()


@pytest.mark.parametrize(
    "argv, needle",
    [
        (["optim.lrr=0.1"], "optim.lrr: unknown key"),
        (["model.hidden_sise=64"], "model.hidden_sise"),
        (["train.max_steps=many"], "train.max_steps"),
        (["train.batch_size=0"], "train.batch_size must be > 0"),
        (["optim.lr"], "not key=value"),
        (["model.causal=false"], "causal: false is refused"),
        (["--resume", "/nonexistent/step_000001"], "/nonexistent/step_000001"),
        (["data.train=/nonexistent/tasks.jsonl"], "data.train: file /nonexistent/tasks.jsonl not found"),
        (["data.train=no-such-split"], "data.train"),
        (["logging.wandb=true"], "logging.wandb is true but wandb is not installed"),
    ],
)
def test_user_errors_exit_2_with_a_message_naming_the_thing(tmp_path, capsys, monkeypatch, argv, needle):
    monkeypatch.setitem(sys.modules, "wandb", None)  # as if wandb were not installed (import fails)
    rc = main(["--config", TINY, f"checkpoint.dir={tmp_path / 'ckpt'}", "--out", str(tmp_path / "run"), *argv])
    assert rc == errors.EXIT_USER_ERROR
    assert needle in capsys.readouterr().err


def test_unwritable_output_folders_fail_before_training(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["--config", TINY, "--out", str(blocker / "run")]) == errors.EXIT_USER_ERROR
    assert f"cannot write to {blocker / 'run'}" in capsys.readouterr().err
    rc = main(["--config", TINY, f"checkpoint.dir={blocker}", "--out", str(tmp_path / "run")])
    assert rc == errors.EXIT_USER_ERROR
    assert "checkpoint.dir" in capsys.readouterr().err


def test_overrides_are_parsed_and_validated_by_the_schema(tmp_path):
    assert parse_override("optim.lr=3e-4") == (["optim", "lr"], 3e-4)
    assert parse_override("model.hidden_size=128") == (["model", "hidden_size"], 128)
    assert parse_override("optim.grad_clip=null") == (["optim", "grad_clip"], None)
    assert parse_override("optim.betas=[0.9, 0.99]") == (["optim", "betas"], [0.9, 0.99])
    assert parse_override("data.train=train") == (["data", "train"], "train")
    cfg = load_train_config(TINY, ["optim.lr=3e-4", "model.hidden_size=128", "optim.betas=[0.9, 0.99]"])
    assert cfg.optim.lr == 3e-4 and cfg.model.hidden_size == 128 and cfg.optim.betas == (0.9, 0.99)
    # YAML reads a bare `no` as false; the precision key still means "no" (fp32); other values are refused.
    assert load_train_config(TINY, ["train.mixed_precision=no"]).train.mixed_precision == "no"
    with pytest.raises(ConfigError, match="mixed_precision"):
        load_train_config(TINY, ["train.mixed_precision=maybe"])
    with pytest.raises(ConfigError, match="data.pack needs"):
        load_train_config(TINY, ["data.pack=true", "model.attention=prefix"])
    with pytest.raises(ConfigError, match="data.def_line_weight needs data.kind: mbpp"):
        load_train_config(TINY, ["data.kind=packed", "data.def_line_weight=3"])
    with pytest.raises(ConfigError, match="data.def_line_weight must be > 0"):
        load_train_config(TINY, ["data.def_line_weight=0"])
    # A model section may name a file; overrides still reach its keys.
    (tmp_path / "m.yaml").write_text("arch: transformer\nnum_layers: 2\nhidden_size: 64\nnum_heads: 4\n")
    (tmp_path / "t.yaml").write_text("model: m.yaml\ntrain: {max_steps: 7}\n")
    cfg = load_train_config(tmp_path / "t.yaml", ["model.num_layers=3"])
    assert (cfg.model.arch, cfg.model.num_layers, cfg.train.max_steps) == ("transformer", 3, 7)
    # Every shipped config validates.
    for path in sorted(CONFIG_DIR.glob("*.yaml")):
        load_train_config(path)


def test_sampler_is_reproducible_and_splits_like_one_big_batch():
    one = StepSampler(50, batch_size=2, accum=2, world=1, rank=0, seed=7)
    two = [StepSampler(50, batch_size=2, accum=1, world=2, rank=r, seed=7) for r in (0, 1)]
    assert one.steps_per_epoch == two[0].steps_per_epoch == 12
    for step in (0, 5, 11):
        assert one.micro_batches(1, step) == [two[0].micro_batches(1, step)[0], two[1].micro_batches(1, step)[0]]
    epoch = [i for s in range(12) for mb in one.micro_batches(0, s) for i in mb]
    assert len(set(epoch)) == 48  # no repeats within an epoch
    assert one.micro_batches(0, 3) == StepSampler(50, 2, 2, 1, 0, seed=7).micro_batches(0, 3)
    assert one.micro_batches(0, 3) != one.micro_batches(1, 3)  # a new order each epoch


# ---------------------------------------------------------------------------------------------  two processes


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_two_gloo_processes_match_one_process_with_the_same_global_batch(tmp_path):
    """2 processes x 2 rows give the same per-step losses as 1 process x 2 rows x 2 accumulation steps."""
    common = [*SMALL, "train.max_steps=4", "data.max_samples=40", "logging.eval_every=4", "checkpoint.every=4"]
    single = train(load_train_config(TINY, [*common, "train.batch_size=2", "train.grad_accum_steps=2",
                                            f"checkpoint.dir={tmp_path / 'c1'}"]), out_dir=tmp_path / "one")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", "2",
           "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_port", str(_free_port()),
           str(ROOT / "scripts" / "train_codegen.py"), "--config", TINY, *common, "train.batch_size=2",
           f"checkpoint.dir={tmp_path / 'c2'}", "--out", str(tmp_path / "two")]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "on 2 x cpu" in proc.stderr
    recs = _records(tmp_path / "two" / "metrics.jsonl")
    assert [r["step"] for r in recs] == [1, 2, 3, 4]
    assert [r["step_loss"] for r in recs] == pytest.approx(single["losses"], rel=1e-5)
    val = _records(tmp_path / "two" / "metrics.jsonl", "eval")[-1]["val_loss"]
    assert val == pytest.approx(single["val_loss"], rel=1e-5)
    assert (tmp_path / "c2" / "tiny" / "step_000004" / "trainer_state_rank1.pt").is_file()


def test_auto_precision_is_bf16_only_where_the_cpu_has_native_bf16(monkeypatch):
    from hrm_codegen.training import accelerator

    epyc = "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16 vaes\n"
    old = "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f\n"
    assert accelerator.cpu_has_native_bf16(epyc) and not accelerator.cpu_has_native_bf16(old)
    assert accelerator.cpu_has_native_bf16("flags : amx_bf16 amx_tile\n")
    monkeypatch.setattr(accelerator.torch.cuda, "is_available", lambda: False)
    for text, want in ((epyc, "bf16"), (old, "no")):
        monkeypatch.setattr(accelerator, "cpu_has_native_bf16", lambda cpuinfo=None, t=text: "avx512_bf16" in t)
        assert accelerator.resolve_mixed_precision("auto") == want
        assert accelerator.resolve_mixed_precision("no") == "no"


def test_compact_head_keeps_the_training_datas_ids(tmp_path):
    from hrm_codegen.data.datasets import MBPPDataset
    from hrm_codegen.data.vocab import output_ids_of
    from hrm_codegen.tokenization import get_tokenizer

    summary = train(_cfg(tmp_path, "data.compact_head=true", "train.max_steps=2", "data.max_samples=8",
                         "logging.eval_every=2"), out_dir=tmp_path / "run")
    lm = load_model(summary["last_checkpoint"])
    subset = torch.utils.data.Subset(MBPPDataset("train", get_tokenizer(), 256), range(8))
    assert torch.equal(lm.output_ids, output_ids_of(subset, 50257))
    assert lm.config.output_vocab_size == len(lm.output_ids) < 12000
    evals = _records(summary["metrics_path"], "eval")
    assert evals and all(torch.isfinite(torch.tensor(r["val_loss"])) for r in evals)
    summary = train(_cfg(tmp_path, "data.compact_head=true", "data.head_ids=targets", "train.max_steps=2",
                         "data.max_samples=8", "logging.eval_every=2", "run_name=targets"), out_dir=tmp_path / "run2")
    targets = load_model(summary["last_checkpoint"]).output_ids
    assert torch.equal(targets, output_ids_of(subset, 50257, identifiers=False, inputs=False))


def test_generation_signals_are_logged_and_a_run_below_its_floor_stops(tmp_path):
    from hrm_codegen.training.signals import should_stop

    assert should_stop([(100, 0.2)], 99, 0.0) is None and should_stop([(100, 0.2)], 100, 0.3) is None
    assert "0.100 < 0.2" in should_stop([(100, 0.2)], 150, 0.1)
    summary = train(_cfg(tmp_path, "train.max_steps=4", "data.max_samples=8", "logging.eval_every=100",
                         "logging.signals_every=2", "logging.signals_tasks=3", "logging.signals_max_new_tokens=8",
                         "logging.stop_below=[[2, 1.01]]"), out_dir=tmp_path / "run")
    assert summary["steps"] == 2 and "name-copy rate 0.000 < 1.01 by step 2" in summary["stopped_early"]
    assert summary["last_checkpoint"].endswith("step_000002")
    rec, = _records(summary["metrics_path"], "signals")
    assert rec["step"] == 2 and rec["tasks"] == 3 and rec["tokens_seen"] > 0
    assert all(0.0 <= rec[k] <= 1.0 for k in ("name_copy", "arity", "parses", "pass@1"))
    rows = [json.loads(line) for line in (tmp_path / "run" / "signals" / "step_000002.jsonl").read_text().splitlines()]
    assert [r["task_id"] for r in rows] == [511, 512, 513] and all("completion" in r for r in rows)
    assert (tmp_path / "run" / "signals.png").is_file()


def test_grad_k_warmup_raises_the_backpropagated_applications_step_by_step(tmp_path, monkeypatch):
    assert [optim.grad_k_at(s, 100, 0.2, 5) for s in (0, 6, 7, 13, 14, 20, 99)] == [2, 2, 3, 3, 4, 5, 5]
    assert optim.grad_k_at(0, 100, 0.0, 5) == 5 and optim.grad_k_at(0, 100, 0.2, 2) == 2
    seen = []
    monkeypatch.setattr(loop, "grad_k_at", lambda *a: seen.append(optim.grad_k_at(*a)) or seen[-1])
    train(_cfg(tmp_path, "train.max_steps=4", "train.grad_k_warmup=0.5", "model.grad_last_k=4",
               "model.grad_order=h_first", "data.max_samples=24", "logging.eval_every=100"), out_dir=tmp_path / "run")
    assert seen == [2, 3, 4, 4]
