"""Arms matched in training compute: real tokens per step and the compact head are measured, not assumed."""

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
