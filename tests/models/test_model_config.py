"""Model config schema (errors name the key), build_model entry points, and checkpoint round trips."""

from __future__ import annotations

import pytest
import torch
import yaml
from model_helpers import TINY, tiny_model

from hrm_codegen.errors import ConfigError
from hrm_codegen.models import (
    HierarchicalReasoningModel_ACTV1,
    ModelConfig,
    TransformerForCausalLM,
    build_model,
    load_model,
)


def test_defaults_are_documented_27m_hrm():
    cfg = ModelConfig()
    assert (cfg.arch, cfg.hidden_size, cfg.num_heads, cfg.H_layers, cfg.L_layers, cfg.H_cycles, cfg.L_cycles) == (
        "hrm", 512, 8, 4, 4, 2, 2)
    assert cfg.vocab_size == 50257 and cfg.causal and cfg.task == "codegen"
    assert cfg.intermediate_size == 1536  # 4 * 512 * 2/3 = 1365.3 -> next multiple of 256
    assert ModelConfig(expansion=2.0, hidden_size=64, num_heads=4).intermediate_size == 256


@pytest.mark.parametrize("cfg, key", [
    ({"hiden_size": 64}, "hiden_size"),
    ({"hidden_size": "512"}, "hidden_size"),
    ({"causal": "yes"}, "causal"),
    ({"arch": "rnn"}, "arch"),
    ({"attention": "sliding"}, "attention"),
    ({"num_heads": 0}, "num_heads"),
    ({"hidden_size": 100, "num_heads": 8}, "num_heads"),
    ({"halt_exploration_prob": 1.5}, "halt_exploration_prob"),
    ({"state_init_std": -1.0}, "state_init_std"),
])
def test_config_errors_name_the_key(cfg, key):
    with pytest.raises(ConfigError, match=key):
        build_model(cfg)


def test_bidirectional_codegen_is_refused_with_label_leak_explanation():
    with pytest.raises(ConfigError, match="label leak"):
        build_model({"causal": False})
    # The puzzle task may be bidirectional (every position sees the whole grid there).
    model = build_model({**TINY, "task": "puzzle", "causal": False})
    ids = torch.randint(0, TINY["vocab_size"], (1, 6))
    changed = ids.clone()
    changed[0, -1] = (changed[0, -1] + 1) % TINY["vocab_size"]
    assert not torch.allclose(model(ids).logits[0, 0], model(changed).logits[0, 0])
    with pytest.raises(ValueError, match="causal"):
        model.new_kv_cache(1, 8)


def test_build_from_yaml(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(yaml.safe_dump({"model": {**TINY, "arch": "transformer"}}))
    assert isinstance(build_model(path), TransformerForCausalLM)
    path.write_text(yaml.safe_dump(TINY))
    assert isinstance(build_model(str(path)), HierarchicalReasoningModel_ACTV1)
    with pytest.raises(ConfigError, match="not found"):
        build_model(tmp_path / "missing.yaml")


@pytest.mark.parametrize("overrides", [dict(halt_max_steps=2, pos_encodings="learned"), dict(arch="transformer")])
def test_save_load_round_trip(tmp_path, overrides):
    model = tiny_model(seed=3, **overrides)
    model.save_pretrained(tmp_path)
    assert (tmp_path / "model.safetensors").is_file() and (tmp_path / "config.yaml").is_file()
    loaded = load_model(tmp_path).eval()
    assert type(loaded) is type(model) and loaded.config == model.config
    ids = torch.randint(0, TINY["vocab_size"], (2, 9))
    with torch.no_grad():
        assert torch.equal(model(ids).logits, loaded(ids).logits)
    fresh = tiny_model(seed=4, **overrides)
    with torch.no_grad():
        assert not torch.equal(fresh(ids).logits, loaded(ids).logits)  # the weights really came from the file
    assert type(model).from_pretrained(tmp_path).num_parameters() == model.num_parameters()


def test_load_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="config.yaml"):
        load_model(tmp_path)
    tiny_model().save_pretrained(tmp_path)
    cfg = yaml.safe_load((tmp_path / "config.yaml").read_text())
    cfg["hidden_size"] = 64
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(cfg))
    with pytest.raises(ValueError, match="shape mismatch"):
        load_model(tmp_path)
    (tmp_path / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ValueError, match="cannot be read"):
        load_model(tmp_path)
    (tmp_path / "model.safetensors").unlink()
    with pytest.raises(FileNotFoundError, match="model.safetensors"):
        load_model(tmp_path)
