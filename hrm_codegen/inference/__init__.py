"""Autoregressive generation for HRM and the baseline transformer (one shared implementation).

* :mod:`~hrm_codegen.inference.sampling` -- :func:`top_k_filter`, :func:`top_p_filter`,
  :func:`sample_next_token` (temperature 0 = greedy) and the checks of sampling arguments.
* :mod:`~hrm_codegen.inference.engine` -- :class:`CachedDecoder` (the KV cache),
  :class:`RecomputeDecoder` (the full-recompute reference it is tested against) and
  :func:`generate`: ``generate(model, input_ids, max_new_tokens, ...)`` -> token ids.
* :mod:`~hrm_codegen.inference.stops` -- :class:`StopOnStrings`, :func:`completion_text` and
  :class:`TextStreamer`: the benchmarks' stop strings (``hrm_codegen.tasks``) applied while generating.
* :mod:`~hrm_codegen.inference.completions` -- :func:`generate_code`: prompts in, cut completions out.
* :mod:`~hrm_codegen.inference.latency` -- :func:`decode_latency`: ms per cached decode step, per model.
* :mod:`~hrm_codegen.inference.cli` -- ``hrm-codegen generate``.

Models know nothing of this package: call ``generate(model, ...)``, not a method of the model.
"""

from __future__ import annotations

from hrm_codegen.inference.completions import generate_code
from hrm_codegen.inference.engine import CachedDecoder, RecomputeDecoder, Streamer, generate
from hrm_codegen.inference.latency import decode_latency
from hrm_codegen.inference.sampling import sample_next_token, top_k_filter, top_p_filter, validate_sampling_args
from hrm_codegen.inference.stops import StopOnStrings, TextStreamer, completion_text

__all__ = [
    "CachedDecoder",
    "RecomputeDecoder",
    "StopOnStrings",
    "Streamer",
    "TextStreamer",
    "completion_text",
    "decode_latency",
    "generate",
    "generate_code",
    "sample_next_token",
    "top_k_filter",
    "top_p_filter",
    "validate_sampling_args",
]
