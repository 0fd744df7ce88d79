"""The checkpoint format: ``model.safetensors`` + ``config.yaml``, and nothing about architectures.

:func:`save_checkpoint` writes a model's weights (safetensors, metadata ``format``/``arch``) and its
validated config (YAML, in field order); :func:`read_config` and :func:`load_weights` read them back,
naming the file when one is missing, unreadable or does not fit. Which class a config builds is
:func:`hrm_codegen.models.base.build_model`'s job (``LMBase.save_pretrained`` / ``from_pretrained``
use both), so this module imports no model and the model imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
import yaml
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from hrm_codegen.errors import CheckpointError
from hrm_codegen.models.config import ModelConfig, load_config

WEIGHTS_NAME = "model.safetensors"
CONFIG_NAME = "config.yaml"


def save_checkpoint(model: torch.nn.Module, directory: str | Path) -> Path:
    """Write ``model.safetensors`` and ``config.yaml`` (``model.config``) to ``directory`` (created if needed)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().contiguous().cpu() for k, v in model.state_dict().items()}
    save_file(state, str(directory / WEIGHTS_NAME), metadata={"format": "pt", "arch": model.config.arch})
    (directory / CONFIG_NAME).write_text(yaml.safe_dump(model.config.model_dump(), sort_keys=False))
    return directory


def read_config(directory: str | Path) -> ModelConfig:
    """The validated config of a checkpoint folder; ``FileNotFoundError`` when either file is missing."""
    directory = Path(directory)
    for name in (CONFIG_NAME, WEIGHTS_NAME):
        if not (directory / name).is_file():
            raise FileNotFoundError(f"{directory / name} not found: not a checkpoint written by save_pretrained")
    return load_config(directory / CONFIG_NAME)


def load_weights(model: torch.nn.Module, directory: str | Path, device: Any = "cpu") -> torch.nn.Module:
    """Load the folder's weights into ``model`` (built from :func:`read_config`), moved to ``device``.

    Weights that cannot be read or do not fit the config are a :class:`CheckpointError` naming the file.
    """
    directory = Path(directory)
    try:
        state = load_file(str(directory / WEIGHTS_NAME), device=str(device))
    except (SafetensorError, OSError) as err:
        raise CheckpointError(f"{directory / WEIGHTS_NAME} cannot be read (corrupt or not a safetensors file): "
                              f"{err}") from None
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    wrong = [f"{k}: file {tuple(state[k].shape)} vs config {tuple(v.shape)}"
             for k, v in expected.items() if k in state and state[k].shape != v.shape]
    if missing or unexpected or wrong:
        raise CheckpointError(
            f"{directory / WEIGHTS_NAME} does not match {directory / CONFIG_NAME}: "
            f"missing {missing[:5]}, unexpected {unexpected[:5]}, shape mismatches {wrong[:5]}"
        )
    model.load_state_dict(state)
    return model.to(device)
