"""Which token ids a compact LM head keeps (``data.compact_head``).

The head's rows are the ids of the training data, the 256 single-byte tokens and EOS, and the ids
that spell Python identifiers: every token of the names in the standard library's code (each name
alone, after a space and after a dot, as the tokenizer sees them in code). The last set is shipped
(``data/vocab/identifier_ids.txt``, built by :func:`build_identifier_files` from CPython 3.11's
``Lib/``, tests excluded) so that every machine gets the same head: a function name in a test
prompt is made of such tokens far more often than of tokens from the training data alone (MBPP test
names fully covered: 397/500 with the MBPP-shaped corpus's ids, 458/500 with the identifiers too).
"""

from __future__ import annotations

import builtins
import io
import keyword
import re
import sysconfig
import tokenize
from functools import lru_cache
from pathlib import Path

import torch
from torch.utils.data import Dataset

from hrm_codegen.tokenization import EOS_TOKEN_ID

IDENTIFIER_IDS = Path(__file__).parent / "vocab" / "identifier_ids.txt"
IDENTIFIER_WORDS = Path(__file__).parent / "vocab" / "identifier_words.txt"


def python_identifiers(root: str | Path | None = None) -> set[str]:
    """Every NAME token in the ``.py`` files under ``root`` (default: this Python's standard library,
    without ``site-packages`` and test folders)."""
    root = Path(root or sysconfig.get_paths()["stdlib"])
    names: set[str] = set()
    for path in sorted(root.rglob("*.py")):
        if {"site-packages", "test", "tests"} & set(path.relative_to(root).parts):
            continue
        try:
            for tok in tokenize.generate_tokens(io.StringIO(path.read_text(errors="ignore")).readline):
                if tok.type == tokenize.NAME:
                    names.add(tok.string)
        except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
            continue  # a file the tokenizer cannot read adds nothing
    return names


def build_identifier_files(tokenizer, root: str | Path | None = None, ids_out: str | Path = IDENTIFIER_IDS,
                           words_out: str | Path = IDENTIFIER_WORDS) -> tuple[int, int]:
    """Write the shipped lists (one item per line): the sorted token ids of :func:`python_identifiers`,
    and the words they are made of (:func:`identifier_words`); returns both counts."""
    names = sorted(python_identifiers(root))
    ids: set[int] = set()
    for form in ("{}", " {}", ".{}"):
        for encoded in tokenizer.encode_batch([form.format(n) for n in names]):
            ids.update(encoded)
    Path(ids_out).write_text("".join(f"{i}\n" for i in sorted(ids)))
    reserved = set(keyword.kwlist) | set(dir(builtins))
    words = sorted({w for n in names for w in re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", n).lower().split("_")
                    if w.isascii() and w.isalpha() and 2 <= len(w) <= 12 and w not in reserved})
    Path(words_out).write_text("".join(f"{w}\n" for w in words))
    return len(ids), len(words)


@lru_cache(maxsize=1)
def identifier_words() -> tuple[str, ...]:
    """Lower-case words of the standard library's identifiers (``fd``, ``tzinfo``, ``spawn`` ...):
    the pool of unpredictable function names (corpus ``random_names``)."""
    return tuple(IDENTIFIER_WORDS.read_text().split())


@lru_cache(maxsize=1)
def identifier_ids() -> tuple[int, ...]:
    """The shipped identifier token ids (see the module docstring)."""
    return tuple(int(line) for line in IDENTIFIER_IDS.read_text().split())


def output_ids_of(dataset: Dataset, vocab_size: int, identifiers: bool = True, inputs: bool = True) -> torch.Tensor:
    """Sorted token ids a compact LM head keeps for ``dataset``: every id of its items' labels (with
    ``inputs``, of their inputs too), the 256 single-byte tokens (GPT-2's ids 0-255, so any text stays
    writable), EOS, and with ``identifiers`` the shipped identifier ids.

    Every id in the head that is never a target is pushed down by each softmax of training, so the
    model learns never to emit it. ``inputs=False, identifiers=False`` keeps such ids out of the head;
    a tied head can still score the ones a prompt holds at generation
    (``hrm_codegen.inference.generate(score_prompt_tokens=True)``)."""
    seen = torch.zeros(vocab_size, dtype=torch.bool)
    seen[:256] = True
    seen[EOS_TOKEN_ID] = True
    if identifiers:
        seen[torch.tensor(identifier_ids())] = True
    for i in range(len(dataset)):
        item = dataset[i]
        if inputs:
            seen[item["input_ids"]] = True
        labels = item["labels"]
        seen[labels[labels >= 0]] = True
    return seen.nonzero()[:, 0]
