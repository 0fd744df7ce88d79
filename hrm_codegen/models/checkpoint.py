"""Building a model from its config, and the checkpoint format: ``model.safetensors`` + ``config.yaml``.

:func:`build_model` picks the architecture of a config; :func:`save_checkpoint` writes a model's
weights (safetensors, metadata ``format``/``arch``) and its validated config (YAML, in field order);
:func:`load_model` rebuilds exactly that model and names the file when the weights do not fit.
``LMBase.save_pretrained`` / ``from_pretrained`` delegate here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Union

import yaml
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from hrm_codegen.errors import CheckpointError
from hrm_codegen.models.base import LMBase
from hrm_codegen.models.config import ModelConfig, load_config
from hrm_codegen.models.hrm import HierarchicalReasoningModel_ACTV1
from hrm_codegen.models.transformer import TransformerForCausalLM

WEIGHTS_NAME = "model.safetensors"
CONFIG_NAME = "config.yaml"


def build_model(cfg: Union[dict[str, Any], str, Path, ModelConfig]) -> LMBase:
    """Build an untrained model from a config dict, YAML path or ``ModelConfig`` (validated)."""
    config = load_config(cfg)
    if config.arch == "hrm":
        return HierarchicalReasoningModel_ACTV1(config)
    return TransformerForCausalLM(config)


def save_checkpoint(model: LMBase, directory: str | Path) -> Path:
    """Write ``model.safetensors`` and ``config.yaml`` to ``directory`` (created if needed)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().contiguous().cpu() for k, v in model.state_dict().items()}
    save_file(state, str(directory / WEIGHTS_NAME), metadata={"format": "pt", "arch": model.config.arch})
    (directory / CONFIG_NAME).write_text(yaml.safe_dump(model.config.model_dump(), sort_keys=False))
    return directory


def load_model(directory: Union[str, Path], device: Any = "cpu", expect: type[LMBase] | None = None) -> LMBase:
    """Load a model saved by :func:`save_checkpoint` (``config.yaml`` + ``model.safetensors``).

    ``expect``: the class the checkpoint must hold (a ``TypeError`` otherwise). A missing file is a
    ``FileNotFoundError``; weights that cannot be read or do not fit the config a :class:`CheckpointError`.
    """
    directory = Path(directory)
    for name in (CONFIG_NAME, WEIGHTS_NAME):
        if not (directory / name).is_file():
            raise FileNotFoundError(f"{directory / name} not found: not a checkpoint written by save_pretrained")
    model = build_model(load_config(directory / CONFIG_NAME))
    if expect is not None and not isinstance(model, expect):
        raise TypeError(f"{directory} holds a {type(model).__name__}, not a {expect.__name__}")
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
