"""Text stops while generating: stop a row once its text holds a stop string, cut, and stream.

The stop strings themselves are benchmarks' facts (``hrm_codegen.tasks``: ``Benchmark.stops``,
``MBPP_STOPS``) and the cut is :func:`hrm_codegen.tasks.base.cut_at_stops`; this module only
applies them to tokens as they are generated.
"""

from __future__ import annotations

import sys
from typing import Any, Sequence, TextIO

import torch

from hrm_codegen.tasks.base import cut_at_stops


class StopOnStrings:
    """Stopping criterion for :func:`~hrm_codegen.inference.engine.generate`: a row is done once its new text holds a stop string.

    Only the last few tokens of each row are decoded per step: a stop string of ``L`` bytes that
    just appeared lies within the last ``L`` tokens (every token is at least one byte), so the
    check costs O(rows) per step instead of re-decoding whole completions.
    """

    def __init__(self, tokenizer: Any, stops: Sequence[str]):
        self.tokenizer = tokenizer
        self.stops = tuple(s for s in stops if s)
        self.window = max((len(s.encode("utf-8")) for s in self.stops), default=0) + 1

    def __call__(self, new_tokens: torch.Tensor) -> torch.Tensor:
        """``new_tokens [rows, t]`` -> ``BoolTensor [rows]``: True where a stop string appeared."""
        done = torch.zeros(new_tokens.shape[0], dtype=torch.bool)
        if not self.stops:
            return done
        for row, ids in enumerate(new_tokens[:, -self.window :].tolist()):
            text = self.tokenizer.decode(ids)
            done[row] = any(stop in text for stop in self.stops)
        return done


def completion_text(tokenizer: Any, new_tokens: Sequence[int], stops: Sequence[str], eos_token_id: int | None) -> str:
    """Decode generated ids, cut at the first EOS and then at the first stop string."""
    ids = list(new_tokens)
    if eos_token_id is not None and eos_token_id in ids:
        ids = ids[: ids.index(eos_token_id)]
    return cut_at_stops(tokenizer.decode(ids), stops)


class TextStreamer:
    """Prints the completion of row 0 while it is generated, exactly as :func:`completion_text` cuts it.

    Text is held back while it could still become a stop string (a suffix that is a prefix of one)
    or while it ends inside a multi-byte character, so nothing printed ever has to be taken back.
    """

    def __init__(self, tokenizer: Any, stops: Sequence[str] = (), eos_token_id: int | None = None,
                 file: TextIO | None = None):
        self.tokenizer, self.stops, self.eos_token_id = tokenizer, tuple(s for s in stops if s), eos_token_id
        self.file = file if file is not None else sys.stdout
        self.ids: list[int] = []
        self.printed = 0
        self.last_char_newline = False
        self.done = False  # the completion is complete (EOS or a stop string); later tokens are ignored
        self.ended = False

    def _holdback(self, text: str) -> int:
        """Characters at the end of ``text`` that may not be printed yet."""
        if text.endswith("\ufffd"):  # an incomplete UTF-8 sequence: wait for its next byte
            return len(text)
        for size in range(min(len(text), max((len(s) for s in self.stops), default=0)), 0, -1):
            if any(stop.startswith(text[-size:]) for stop in self.stops):
                return size
        return 0

    def _emit(self, text: str) -> None:
        if len(text) > self.printed:
            self.file.write(text[self.printed :])
            self.file.flush()
            self.printed = len(text)
            self.last_char_newline = text.endswith("\n")

    def put(self, tokens: torch.Tensor) -> None:
        """Receive the step's tokens; prints what is now certain of row 0."""
        if self.done:
            return
        token = int(tokens.reshape(-1)[0])
        if token == self.eos_token_id:
            self.end()
            return
        self.ids.append(token)
        text = self.tokenizer.decode(self.ids)
        cut = cut_at_stops(text, self.stops)
        if len(cut) < len(text):
            self._emit(cut)
            self.done = True
            return
        self._emit(text[: len(text) - self._holdback(text)])

    def end(self) -> None:
        """Print whatever was held back (cut at the stops) and a final newline."""
        if not self.done:
            self._emit(cut_at_stops(self.tokenizer.decode(self.ids), self.stops))
            self.done = True
        if not self.ended:
            if not self.last_char_newline:
                self.file.write("\n")
            self.file.flush()
            self.ended = True

