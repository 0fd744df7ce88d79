"""The model configuration schema (``ModelConfig``), using HRM's own key names.

One schema serves both architectures (``arch: hrm | transformer``) so that a baseline can be
described by the same file as the HRM it is compared with. Keys that only one architecture uses
are accepted (and ignored) by the other; unknown keys and wrong types are errors that name the key.

Defaults are the 27M-style HRM of the paper (D 512, 8 heads, 4 H + 4 L layers, 2 x 2 cycles)
with the GPT-2 vocabulary, except ``halt_max_steps`` which defaults to 1: carried segments cost
M times the compute and the KV cache at inference, so M > 1 stays an option
until a measurement says it helps; and ``norm_style`` which defaults to ``pre`` (HRM-Text's blocks),
because the paper's post-norm HRM does not learn to copy without a learning-rate warm-up (issue 12,
see ``norm_style``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, model_validator

from hrm_codegen.config import load_config_file, resolve_config_path, validate
from hrm_codegen.errors import ConfigError


class ModelConfig(BaseModel):
    """Hyper-parameters of an HRM or a baseline transformer (every key has a documented default)."""

    # extra="forbid": a typo in a YAML key must fail loudly, not silently fall back to a default.
    # strict=True: "512" is not an int; YAML already gives real ints/floats/bools.
    model_config = ConfigDict(extra="forbid", strict=True, validate_assignment=True)

    arch: Literal["hrm", "transformer"] = "hrm"
    """Which model: the recurrent HRM or the plain transformer baseline."""
    task: Literal["codegen", "puzzle"] = "codegen"
    """``codegen`` (next-token objective) requires ``causal: true``."""
    vocab_size: int = 50257
    """GPT-2 BPE vocabulary."""
    hidden_size: int = 512
    """Model width D, shared by the H and L modules."""
    num_heads: int = 8
    """Attention heads per block (head dim = hidden_size / num_heads)."""
    expansion: float = 4.0
    """SwiGLU hidden size = expansion * D * 2/3, rounded up to a multiple of 256."""
    H_layers: int = 4
    """Blocks in the high-level module (HRM only)."""
    L_layers: int = 4
    """Blocks in the low-level module (HRM only)."""
    H_cycles: int = 2
    """H updates per segment (HRM only)."""
    L_cycles: int = 2
    """L updates per H update (HRM only)."""
    halt_max_steps: int = 1
    """M, the maximum number of ACT segments. 1 = a plain causal LM with no Q head loss (HRM only)."""
    halt_exploration_prob: float = 0.1
    """Probability of forcing a random minimum of 2..M segments during training (HRM only)."""
    grad_last_k: int = 2
    """Module applications at the end of a segment that back-propagate (HRM only). 2 = HRM's one-step
    gradient (the last L and the last H update); HRM-Text uses 2..5; a value >= H_cycles*(L_cycles+1)
    back-propagates through the whole segment."""
    grad_order: Literal["execution", "h_first"] = "execution"
    """Which ``grad_last_k`` applications back-propagate. ``execution``: the last K in execution order
    (``L L H L L H``: K=3 is the last two L and the last H). ``h_first``: HRM-Text's split: the last
    ``min(H_cycles, K-1)`` H applications, and the rest (at least one) the last L applications (K=3:
    both H and the last L). Both give HRM's one-step gradient at K=2 and the whole segment at K >=
    H_cycles*(L_cycles+1)."""
    state_init_std: float = 1.0
    """Std of the fixed random initial states ``H_init``/``L_init`` (HRM only). 1.0 = HRM's unit-scale init;
    0.0 starts every segment from a zero state, so the first L update sees only the token embeddings. On the
    variable-span copy task (an induction task; ``benchmarks/copy_bench.py --task variable``, D 128, lr 2e-3,
    batch 32) the pre-norm HRM with 0.0 reaches 95% in about 100 fewer steps than with 1.0, and with
    ``grad_last_k: 6`` (whole segment) as fast as the 4-layer transformer (reports/copy-induction.md)."""
    num_layers: int = 8
    """Blocks of the transformer baseline (transformer only). 8 matches the default HRM's parameters;
    24 matches its block applications per token."""
    pos_encodings: Literal["rope", "learned"] = "rope"
    """RoPE (default) or learned absolute position embeddings."""
    rope_theta: float = 10000.0
    """RoPE base."""
    max_seq_len: int = 1024
    """Longest prompt + generated sequence (sizes RoPE tables / position embeddings)."""
    causal: bool = True
    """Causal attention in every block. ``false`` is only valid for ``task: puzzle``."""
    attention: Literal["causal", "prefix"] = "causal"
    """``prefix`` = PrefixLM: bidirectional inside the prompt, causal from the first answer token."""
    norm_style: Literal["post", "pre"] = "pre"
    """``pre`` (default): pre-norm blocks with a norm at each module's exit (HRM-Text); ``post``: the paper's
    post-norm blocks. On the copy task (``benchmarks/copy_bench.py``, D 128, batch 32) at lr 2e-3 without
    warm-up the pre-norm HRM copies in 100 steps, while the post-norm one stays at chance (loss ln 500)
    through 650, also with zero initial states (``state_init_std: 0``: the post-norm state path, not
    ``H_init``/``L_init``, is the cause); post-norm HRM needs a warm-up (100 steps: copies by 150) or
    lr <= 5e-4 (copies by 200). Use ``post`` only with a warm-up."""
    rms_norm_eps: float = 1e-5
    """Epsilon of the parameterless RMSNorm."""
    tie_embeddings: bool = False
    """Score tokens with the input embedding matrix (no separate LM head). A token the model has only
    *read* (a function name in the asserts) then has a trained output row too, which copying needs."""
    copy_head: bool = False
    """A pointer-generator output (:mod:`hrm_codegen.models.copy_head`): the next token is written by the
    LM head or copied from a visible position, mixed by a learned gate; the logits are ``log p``. It lets
    the model emit a token it has read but never had as a training target (a rare piece of a function
    name in the asserts), which a plain head does not. Refuses ``train.loss: stablemax``."""
    output_vocab_size: int | None = None
    """Rows of the LM head. null = ``vocab_size`` (every token can be predicted); ``n`` = a compact output
    vocabulary of ``n`` token ids, kept in the checkpoint as the buffer ``output_ids`` (the trainer fills
    it from the training data with ``data.compact_head``). Logits of other ids are ``-inf``. At D 128
    the 50257-row head is most of a CPU training step; the ~6k ids of an MBPP-shaped corpus are not."""

    @model_validator(mode="after")
    def _check(self) -> ModelConfig:
        positive = ["vocab_size", "hidden_size", "num_heads", "H_layers", "L_layers", "H_cycles", "L_cycles",
                    "halt_max_steps", "grad_last_k", "num_layers", "max_seq_len"]
        for key in positive:
            if getattr(self, key) < 1:
                raise ValueError(f"{key} must be >= 1, got {getattr(self, key)}")
        if self.output_vocab_size is not None and not 1 <= self.output_vocab_size <= self.vocab_size:
            raise ValueError(f"output_vocab_size must be in 1..vocab_size={self.vocab_size}, got {self.output_vocab_size}")
        if self.state_init_std < 0:
            raise ValueError(f"state_init_std must be >= 0, got {self.state_init_std}")
        if self.expansion <= 0:
            raise ValueError(f"expansion must be > 0, got {self.expansion}")
        if not 0.0 <= self.halt_exploration_prob <= 1.0:
            raise ValueError(f"halt_exploration_prob must be in [0, 1], got {self.halt_exploration_prob}")
        if self.hidden_size % self.num_heads:
            raise ValueError(f"hidden_size ({self.hidden_size}) must be divisible by num_heads ({self.num_heads})")
        if self.pos_encodings == "rope" and (self.hidden_size // self.num_heads) % 2:
            raise ValueError(f"pos_encodings: rope needs an even head dim, got {self.hidden_size // self.num_heads}")
        if self.task == "codegen" and not self.causal:
            raise ValueError(
                "causal: false is refused for task: codegen. With bidirectional attention and a next-token "
                "objective, position t attends to token t+1 -- the very label it must predict -- so the model "
                "learns to copy the answer (label leak) and cannot generate. Use causal: true (optionally "
                "attention: prefix for a bidirectional prompt); causal: false is only for task: puzzle."
            )
        return self

    @property
    def head_dim(self) -> int:
        """Per-head width."""
        return self.hidden_size // self.num_heads

    @property
    def intermediate_size(self) -> int:
        """SwiGLU hidden size: expansion * D * 2/3 rounded up to a multiple of 256 (as in HRM)."""
        raw = int(round(self.expansion * self.hidden_size * 2 / 3))
        return -(-raw // 256) * 256


def load_config(cfg: Union[dict[str, Any], str, Path, ModelConfig]) -> ModelConfig:
    """Validate a config given as a dict, a YAML file path (or a shipped config's name) or a ``ModelConfig``.

    A YAML file may hold the keys at the top level or under a ``model:`` section.
    Raises ``ConfigError`` naming every bad key.
    """
    if isinstance(cfg, ModelConfig):
        return cfg
    if isinstance(cfg, (str, Path)):
        path = resolve_config_path(cfg, what="model config file")
        cfg = load_config_file(path, "model config")
        if isinstance(cfg.get("model"), dict):
            cfg = cfg["model"]
    if not isinstance(cfg, dict):
        raise ConfigError(f"model config must be a mapping of keys to values, got {type(cfg).__name__}")
    return validate(ModelConfig, cfg, "invalid model config")
