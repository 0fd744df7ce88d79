"""`hrm-codegen run`: presets load and validate, and a tiny end-to-end run writes the report."""

import json

import pytest
import yaml

from hrm_codegen import pipeline
from hrm_codegen.errors import ConfigError


def test_shipped_presets_validate_and_match_baseline_flops():
    from hrm_codegen.config import PRESET_DIR

    names = sorted(p.stem for p in PRESET_DIR.glob("*.yaml"))
    assert {"quickstart", "mini", "cpu", "arms-short", "gpu-speedrun"} <= set(names)
    for name in names:
        preset = pipeline.load_preset(name)
        pipeline.corpus_configs(preset)
        pipeline.select_arms(preset, list(preset.arms))
        for _, cfg in pipeline.stage_configs(preset):
            base, info = pipeline.arm_config(cfg, pipeline.select_arms(preset, ["baseline"])["baseline"], "baseline")
            assert base.model.arch == "transformer"
            # equal compute: the baseline's total training FLOPs within one step of the HRM's
            hrm_total = info["hrm_train_flops_per_token"] * info["hrm_steps"]
            base_total = info["arm_train_flops_per_token"] * info["arm_steps"]
            assert abs(base_total - hrm_total) <= info["arm_train_flops_per_token"]


def test_bad_preset_errors_name_the_problem(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        pipeline.load_preset("no-such-preset")
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"stages": [{"config": "tiny"}], "evalute": {}}))
    with pytest.raises(ConfigError, match="evalute"):
        pipeline.load_preset(bad)
    assert pipeline.main(["--preset", str(bad)]) == 2


def test_loss_drop():
    d = pipeline.loss_drop([10.0] * 10 + [5.0] * 10)
    assert d["start"] == 10.0 and d["end"] == 5.0 and d["drop_pct"] == 50.0
    assert pipeline.loss_drop([1.0]) is None


def test_tiny_end_to_end_with_baseline(tmp_path):
    preset = {
        "name": "tiny-e2e",
        "description": "test",
        "stages": [{"name": "ft", "config": "tiny", "overrides": [
            "train.max_steps=3", "train.batch_size=2", "data.max_samples=16", "data.max_eval_samples=4",
            "logging.every=1", "logging.eval_every=3", "checkpoint.every=3", "logging.progress_bar=false",
            "logging.tensorboard=false"]}],
        "evaluate": {"split": "test", "tasks": "11-12", "greedy": {"max_new_tokens": 16},
                     "sampled": {"n": 2, "temperature": 1.0, "max_new_tokens": 16}, "workers": 2},
    }
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(preset))
    out = tmp_path / "run"
    assert pipeline.main(["--preset", str(path), "--out", str(out), "--compare-baseline",
                          "--lr-sweep", "1e-4,3e-3", "--sweep-fraction", "0.67"]) == 0
    report = json.loads((out / "report.json").read_text())
    assert set(report["models"]) == {"hrm", "baseline"}
    for m in report["models"].values():
        # each model tried both rates on 2 of its 3 steps and trained with the one of lower validation loss
        sweep = m["lr_sweep"]
        assert [t["lr"] for t in sweep["trials"]] == [1e-4, 3e-3] and all(t["steps"] == 2 for t in sweep["trials"])
        assert sweep["chosen"] == min(sweep["trials"], key=lambda t: t["val_loss"])["lr"]
        greedy = m["evaluation"]["greedy"]
        assert greedy["num_tasks"] == 2 and isinstance(greedy["pass@1"], float)
        assert m["evaluation"]["sampled"]["num_samples"] == 4
        assert m["stages"][0]["steps"] == 3 and m["train_flops"] > 0
        assert m["inference_flops_per_token"] > 0 and m["kv_cache_bytes_per_token_fp32"] > 0
        assert m["decode_ms_per_token"] > 0 and m["decode_prompt_len"] >= 1  # measured with the KV cache
        # one evaluation (step 3), at the FLOPs the whole run spent
        ((flops, val),) = m["val_loss_curve"]
        assert flops == pytest.approx(m["train_flops"]) and val == pytest.approx(m["val_loss"])
        assert 1 <= len(m["samples"]) <= 5
    assert report["equal_compute"][0]["arm"] == "baseline" and report["equal_compute"][0]["arm_num_layers"] >= 1
    md = (out / "report.md").read_text()
    assert "| hrm |" in md and "| baseline |" in md and "Equal training compute" in md and "Learning-rate sweep" in md
    assert "decode ms/token" in md
    assert pipeline.main(["--preset", str(path), "--lr-sweep", "1e-3,fast", "--out", str(tmp_path / "o")]) == 2
    assert not (tmp_path / "o").exists()
    assert (out / "val_loss_vs_flops.png").stat().st_size > 0


def test_greedy_analysis_rates_names_and_finds_the_closest_training_solution(tmp_path):
    from hrm_codegen.tasks.mbpp import load_mbpp

    t11, t12 = load_mbpp("test")[:2]
    results = tmp_path / "results.jsonl"
    rows = [{"task_id": "Mbpp/11", "sample": 0, "completion": t11.code, "passed": True, "passed_extra": True},
            {"task_id": "Mbpp/12", "sample": 0, "completion": "def other(x):\n    return x\n", "passed": False}]
    results.write_text("".join(json.dumps(r) + "\n" for r in rows))
    renamed = t11.code.replace("remove_Occ", "drop_char").replace("ch", "c")
    train = tmp_path / "train.jsonl"
    train.write_text("".join(json.dumps({"task_id": i, "text": "x", "code": c, "test_list": ["assert True"]}) + "\n"
                             for i, c in ((1, "def f(n):\n    return n * 2\n"), (2, renamed))))
    ga = pipeline.greedy_analysis(results, "test", [str(train)])
    assert ga["tasks"] == 2 and ga["name_copy"] == 0.5 and ga["parses"] == 1.0
    (p,) = ga["passing"]
    assert p["task_id"] == 11 and p["nearest_training"]["key"] == "train.jsonl:2"
    assert p["nearest_training"]["similarity"] == 1.0  # the same program up to names


def test_arms_are_matched_in_training_flops_and_unknown_arms_fail_before_work(tmp_path):
    preset = {"name": "arms", "stages": [{"config": "tiny", "overrides": ["train.max_steps=100"]}],
              "arms": {"m2": ["model.halt_max_steps=2"], "pre": ["model.norm_style=pre", "optim.lr=1e-3"],
                       "tf_prefix": ["model.arch=transformer", "model.attention=prefix"]}}
    path = tmp_path / "arms.yaml"
    path.write_text(yaml.safe_dump(preset))
    p = pipeline.load_preset(path)
    ((_, cfg),) = pipeline.stage_configs(p)
    arms = pipeline.select_arms(p, ["m2", "tf_prefix", "baseline"])
    assert list(arms) == ["m2", "tf_prefix", "baseline"]
    for name, overrides in arms.items():
        acfg, info = pipeline.arm_config(cfg, overrides, name)
        assert acfg.run_name.endswith(name)
        hrm_total = info["hrm_train_flops_per_token"] * info["hrm_steps"]
        arm_total = info["arm_train_flops_per_token"] * info["arm_steps"]
        assert abs(arm_total - hrm_total) <= info["arm_train_flops_per_token"]
    m2, info = pipeline.arm_config(cfg, arms["m2"], "m2")
    # M = 2 spends an extra no-grad segment per step on the Q target, so it gets fewer steps
    assert m2.model.halt_max_steps == 2 and info["arm_steps"] < 100 and info["arm_num_layers"] is None
    tf, info = pipeline.arm_config(cfg, arms["tf_prefix"], "tf_prefix")
    assert tf.model.attention == "prefix" and tf.model.num_layers == info["arm_num_layers"] >= 1
    with pytest.raises(ConfigError, match="nope"):
        pipeline.select_arms(p, ["nope"])
    assert pipeline.main(["--preset", str(path), "--arms", "m2,nope", "--out", str(tmp_path / "o")]) == 2
    assert not (tmp_path / "o").exists()  # refused before any work
    assert pipeline.main(["--preset", str(path), "--tasks", "11-x", "--out", str(tmp_path / "o")]) == 2
    assert not (tmp_path / "o").exists()
    path.write_text(yaml.safe_dump({**preset, "arms": {"hrm": []}}))
    with pytest.raises(ConfigError, match="reserved"):
        pipeline.load_preset(path)


def test_decode_latency_fits_a_model_with_a_short_context(tmp_path):
    from hrm_codegen.models import build_model

    model = build_model({"arch": "hrm", "hidden_size": 32, "num_heads": 2, "H_layers": 1, "L_layers": 1,
                         "max_seq_len": 40, "vocab_size": 300})
    model.save_pretrained(tmp_path / "m")
    models = {"hrm": {"stages": [{"last_checkpoint": str(tmp_path / "m")}]}}
    pipeline.add_decode_latency(models)  # 128 + 4 x 16 tokens would not fit 40
    assert models["hrm"]["decode_prompt_len"] == 20 and models["hrm"]["decode_ms_per_token"] > 0
