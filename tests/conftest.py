"""Fixtures shared by the test folders (which mirror the package: tests/<package>/ tests hrm_codegen/<package>/).

pytest inserts this folder into ``sys.path`` (rootdir conftest, no ``__init__.py``), which is how
``import model_helpers`` works from every subfolder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from hrm_codegen.sandbox import Limits, Sandbox
from hrm_codegen.tokenization import get_tokenizer

ROOT = Path(__file__).resolve().parent.parent
"""The repository root (scripts/, benchmarks/, the package)."""


@pytest.fixture(scope="session")
def tok():
    """The shipped GPT-2 tokenizer."""
    return get_tokenizer()


@pytest.fixture(scope="module")
def box():
    """A two-worker sandbox with a 10 s limit per program, shared by one test module."""
    with Sandbox(workers=2, limits=Limits(timeout=10)) as sandbox:
        yield sandbox


@pytest.fixture
def one_thread():
    """Run each test on one intra-op thread (autouse under tests/models/ and tests/inference/).

    Tiny models are dominated by per-op overhead, and on a shared 2-core CI box extra threads only
    contend (measured on the loaded dev box: 84 ms vs 13.5 ms per cached decode step, 2 vs 1 threads).
    Restored afterwards, so other test modules keep their own settings.
    """
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)
