"""JSONL reading and writing: every JSONL file of the package (tasks, corpora, samples, metrics) goes through here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from hrm_codegen.errors import DataFormatError


def iter_jsonl(path: str | Path, skip_bad: bool = False) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, object)`` for each non-blank line of a JSONL file, ``where`` being ``"file:line"``.

    A line that is not a JSON object raises :class:`DataFormatError` naming the file and line, or is
    skipped with ``skip_bad`` (a log whose last line a crash cut short).
    """
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                if skip_bad:
                    continue
                raise DataFormatError(f"{where}: not valid JSON ({e.msg})") from None
            if not isinstance(rec, dict):
                if skip_bad:
                    continue
                raise DataFormatError(f"{where}: expected a JSON object, got {type(rec).__name__}")
            yield where, rec


def read_jsonl(path: str | Path, skip_bad: bool = False) -> list[dict[str, Any]]:
    """All objects of a JSONL file (see :func:`iter_jsonl`)."""
    return [rec for _, rec in iter_jsonl(path, skip_bad=skip_bad)]


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]], append: bool = False) -> None:
    """Write (or append) one JSON object per line."""
    with Path(path).open("a" if append else "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
