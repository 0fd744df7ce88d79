"""Models: the causal HRM, the transformer baseline, their config schema and checkpoints.

``build_model(cfg)`` builds either architecture from a dict, a YAML path or a ``ModelConfig``;
``load_model(dir)`` rebuilds a model saved with ``model.save_pretrained(dir)``
(:mod:`~hrm_codegen.models.checkpoint`). Generation is :mod:`hrm_codegen.inference`'s job.
"""

from __future__ import annotations

from hrm_codegen.errors import ConfigError
from hrm_codegen.models.base import KVCache, LMBase, LMOutput, TrainOutput, build_model, load_model
from hrm_codegen.models.checkpoint import CONFIG_NAME, WEIGHTS_NAME, save_checkpoint
from hrm_codegen.models.config import ModelConfig, load_config
from hrm_codegen.models.hrm import HierarchicalReasoningModel_ACTV1, HRMCarry, HRMForCausalLM
from hrm_codegen.models.transformer import TransformerForCausalLM

__all__ = [
    "CONFIG_NAME",
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
    "WEIGHTS_NAME",
    "build_model",
    "load_config",
    "load_model",
    "save_checkpoint",
]

