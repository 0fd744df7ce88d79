"""Arms matched in training compute: real tokens per step and the compact head are measured, not assumed."""

from pathlib import Path

from hrm_codegen import arms
from hrm_codegen.training.config import TrainConfig


def _cfg(**data):
    return TrainConfig.model_validate({
        "run_name": "t", "train": {"max_steps": 100, "batch_size": 4},
        "model": {"hidden_size": 64, "num_heads": 2, "H_layers": 1, "L_layers": 1, "max_seq_len": 256},
        "data": {"train": "train", "seq_len": 256, **data}})


def test_a_padded_arm_trains_more_steps_for_the_same_real_token_flops():
    hrm = _cfg(pack=True)
    lay = {True: {"row_tokens": 240.0, "head_rows": None}, False: {"row_tokens": 80.0, "head_rows": None}}
    acfg, info = arms.arm_config(hrm, ["data.pack=false"], "padded", layout=lambda c: lay[c.data.pack])
    assert acfg.data.pack is False
    assert info["arm_real_tokens_per_step"] == 4 * 80.0 and info["hrm_real_tokens_per_step"] == 4 * 240.0
    assert info["arm_steps"] == 300  # same model, a third of the real tokens per step
    hrm_total = info["hrm_train_flops_per_token"] * info["hrm_real_tokens_per_step"] * info["hrm_steps"]
    arm_total = info["arm_train_flops_per_token"] * info["arm_real_tokens_per_step"] * info["arm_steps"]
    assert abs(arm_total - hrm_total) <= info["arm_train_flops_per_token"] * info["arm_real_tokens_per_step"]
    _, plain = arms.arm_config(hrm, ["data.pack=false"], "padded")  # before data exists: rows assumed equal
    assert plain["arm_steps"] == 100 and "arm_real_tokens_per_step" not in plain


def test_row_layout_measures_the_rows_the_trainer_draws():
    packed = arms.row_layout(_cfg(pack=True, compact_head=True, head_ids="targets"))
    padded = arms.row_layout(_cfg(pack=False, compact_head=True, head_ids="targets"))
    # The same MBPP train tasks: packing puts several in a row, so more real tokens per row...
    assert packed["row_tokens"] > 1.2 * padded["row_tokens"] > 0
    # ...and the head the trainer builds from them is compact, whatever the rows
    assert packed["head_rows"] == padded["head_rows"] and 256 < packed["head_rows"] < 50257
    # FLOPs per token with that head are far below the 50,257-row head of the config alone
    cfg = _cfg(pack=True, compact_head=True)
    full = arms.flops_per_token(cfg.model, 256)
    compact = arms.flops_per_token(cfg.model.model_copy(update={"output_vocab_size": packed["head_rows"]}), 256)
    assert compact < 0.8 * full


def _sweep(fraction):
    calls = []

    def train(stages, out_dir):  # val loss is lowest at lr 2e-3; records what it was asked to train
        (_, cfg), = stages
        calls.append((cfg.optim.lr, cfg.train.max_steps, cfg.logging.eval_every))
        return [{"val_loss": abs(cfg.optim.lr - 2e-3), "steps": cfg.train.max_steps, "run": cfg.run_name}]

    return arms.sweep_lr([("ft", _cfg())], [1e-3, 2e-3, 4e-3], fraction, Path("x"), train), calls


def test_a_short_sweep_trains_short_runs_and_leaves_the_model_to_be_trained():
    (best, table, trained), calls = _sweep(0.25)
    assert best == 2e-3 and trained is None
    assert [c[:2] for c in calls] == [(1e-3, 25), (2e-3, 25), (4e-3, 25)] and all(c[2] == 25 for c in calls)
    assert [t["steps"] for t in table] == [25, 25, 25]


def test_a_full_length_sweep_keeps_the_best_trial_as_the_model():
    (best, table, trained), calls = _sweep(1.0)
    # every trial is the configured run (all its steps and evaluations), and the best one is returned
    assert best == 2e-3 and [c[1] for c in calls] == [100, 100, 100]
    assert all(c[2] == _cfg().logging.eval_every for c in calls)
    assert trained == [{"val_loss": 0.0, "steps": 100, "run": "t-lr0.002"}]
