"""Models: the causal HRM, the transformer baseline, their config schema and checkpoints.

``build_model(cfg)`` builds either architecture from a dict, a YAML path or a ``ModelConfig``;
``load_model(dir)`` rebuilds a model saved with ``model.save_pretrained(dir)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Union

from hrm_codegen.errors import ConfigError
from hrm_codegen.models.base import KVCache, LMBase, LMOutput, TrainOutput
from hrm_codegen.models.config import ModelConfig, load_config
from hrm_codegen.models.hrm import HierarchicalReasoningModel_ACTV1, HRMCarry, HRMForCausalLM
from hrm_codegen.models.transformer import TransformerForCausalLM

__all__ = [
    "ConfigError",
    "HRMCarry",
    "HRMForCausalLM",
    "HierarchicalReasoningModel_ACTV1",
    "KVCache",
    "LMBase",
    "LMOutput",
    "ModelConfig",
    "TrainOutput",
    "TransformerForCausalLM",
    "build_model",
    "load_config",
    "load_model",
]


def build_model(cfg: Union[dict[str, Any], str, Path, ModelConfig]) -> LMBase:
    """Build an untrained model from a config dict, YAML path or ``ModelConfig`` (validated)."""
    config = load_config(cfg)
    if config.arch == "hrm":
        return HierarchicalReasoningModel_ACTV1(config)
    return TransformerForCausalLM(config)


def load_model(directory: Union[str, Path], device: Any = "cpu") -> LMBase:
    """Load a model saved by ``save_pretrained`` (``config.yaml`` + ``model.safetensors``)."""
    return LMBase.from_pretrained(directory, device=device)
