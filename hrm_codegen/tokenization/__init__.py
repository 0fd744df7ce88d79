"""GPT-2 byte-level BPE tokenizer, fully offline.

The BPE ranks ship inside the package (``gpt2/gpt2.tiktoken``, the same ranks as OpenAI's
``encoder.json`` + ``vocab.bpe``; see ``gpt2/README.md``), so no network, cache directory or
environment variable is involved. ``tiktoken`` does the encoding.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterable, Sequence

import tiktoken
from tiktoken.load import load_tiktoken_bpe

GPT2_DIR = Path(__file__).resolve().parent / "gpt2"
EOS_TOKEN = "<|endoftext|>"
EOS_TOKEN_ID = 50256
VOCAB_SIZE = 50257
IGNORE_INDEX = -100
"""The label of a position that has no target (prompt, padding): losses skip it (PyTorch's default)."""
# GPT-2's pre-tokenisation pattern (tiktoken's r50k_pat_str).
_GPT2_PATTERN = r"""'(?:[sdmt]|ll|ve|re)| ?\p{L}++| ?\p{N}++| ?[^\s\p{L}\p{N}]++|\s++$|\s+(?!\S)|\s"""


class GPT2Tokenizer:
    """GPT-2 BPE with the interface the rest of the package uses.

    ``<|endoftext|>`` (50256) is both EOS and padding: GPT-2 has no pad token, and padded
    positions are always masked (labels ``-100``, attention mask 0), so reusing EOS is safe.
    Text is encoded as ordinary text: a literal ``<|endoftext|>`` inside a string is *not*
    turned into the special token (so user code cannot inject an EOS).
    """

    def __init__(self, bpe_file: str | Path = GPT2_DIR / "gpt2.tiktoken"):
        ranks = load_tiktoken_bpe(str(bpe_file))
        self._enc = tiktoken.Encoding(
            name="gpt2-offline",
            pat_str=_GPT2_PATTERN,
            mergeable_ranks=ranks,
            special_tokens={EOS_TOKEN: EOS_TOKEN_ID},
            explicit_n_vocab=VOCAB_SIZE,
        )
        self.eos_token = EOS_TOKEN
        self.eos_token_id = EOS_TOKEN_ID
        self.pad_token_id = EOS_TOKEN_ID
        self.vocab_size = VOCAB_SIZE

    def encode(self, text: str) -> list[int]:
        """Token ids of ``text`` (no special tokens added)."""
        return self._enc.encode_ordinary(text)

    def encode_batch(self, texts: Sequence[str], num_threads: int = 4) -> list[list[int]]:
        """Token ids for each text of ``texts``, encoded in parallel threads."""
        return self._enc.encode_ordinary_batch(list(texts), num_threads=num_threads)

    def decode(self, ids: Iterable[int], skip_special_tokens: bool = False) -> str:
        """Text of ``ids``; with ``skip_special_tokens`` the EOS/pad id is dropped first."""
        ids = [int(i) for i in ids]
        if skip_special_tokens:
            ids = [i for i in ids if i != self.eos_token_id]
        return self._enc.decode(ids)

    def token_offsets(self, ids: Sequence[int]) -> list[int]:
        """The character offset in ``decode(ids)`` at which each token's text starts."""
        return self._enc.decode_with_offsets([int(i) for i in ids])[1]

    def decode_batch(self, batch: Iterable[Iterable[int]], skip_special_tokens: bool = False) -> list[str]:
        """``decode`` for each sequence of ``batch``."""
        return [self.decode(ids, skip_special_tokens=skip_special_tokens) for ids in batch]

    def __len__(self) -> int:
        return self.vocab_size


@functools.lru_cache(maxsize=1)
def get_tokenizer() -> GPT2Tokenizer:
    """The package's GPT-2 tokenizer (built once per process from the shipped files)."""
    return GPT2Tokenizer()


__all__ = ["GPT2Tokenizer", "get_tokenizer", "EOS_TOKEN_ID", "VOCAB_SIZE"]
