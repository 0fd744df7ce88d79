"""MBPP loading, the one prompt format, and the training dataset.

**The prompt format** (used by training and evaluation alike, :func:`format_prompt`)::

    \"\"\"
    Write a function to find the similar elements from the given two tuple lists.
    assert similar_elements((3, 4, 5, 6),(5, 7, 4, 10)) == (4, 5)
    assert ...
    \"\"\"
    <code>

The docstring holds the description and *all* the task's asserts (the function name often appears
only there), followed by a newline; the model writes the code after it, then EOS. Stop strings for
generation (``\\n\"\"\"``, ``\\nassert``, ...) end a completion where a new docstring or test would begin.

**The next-token shift happens here, in the loader, and nowhere else.** For a full token sequence
``full = prompt + code + [EOS]`` the dataset returns ``input_ids = full[:-1]`` and
``labels = full[1:]``, so ``labels[t]`` is the token that logits at position ``t`` must predict.
Labels whose target is a prompt token are ``-100``, and so is padding. Losses therefore compare
``logits[:, t]`` with ``labels[:, t]`` directly, with no further shift.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import torch
from torch.utils.data import Dataset

MBPP_DIR = Path(__file__).resolve().parent / "mbpp"
MBPP_FILE = MBPP_DIR / "mbpp.jsonl"
SANITIZED_FILE = MBPP_DIR / "sanitized-mbpp.json"
IGNORE_INDEX = -100

# Task-id ranges of the official splits (inclusive), from the MBPP README.
SPLITS: dict[str, tuple[int, int]] = {
    "prompt": (1, 10),
    "test": (11, 510),
    "validation": (511, 600),
    "train": (601, 974),
    "all": (1, 974),
}
REQUIRED_FIELDS = ("task_id", "text", "code", "test_list")


class DataFormatError(ValueError):
    """A data file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class MBPPTask:
    """One MBPP-format problem, line endings normalised to LF (tabs kept)."""

    task_id: int
    text: str
    code: str
    test_list: tuple[str, ...]
    test_setup_code: str = ""
    challenge_test_list: tuple[str, ...] = ()
    test_imports: tuple[str, ...] = ()

    @property
    def prompt(self) -> str:
        """The model's prompt for this task (:func:`format_prompt`)."""
        return format_prompt(self.text, self.test_list)


def _lf(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\r", "\n")


def format_prompt(text: str, test_list: Sequence[str]) -> str:
    """The prompt format shared by training and evaluation (see the module docstring).

    ``text`` is the task description and ``test_list`` its asserts; a ``\"\"\"`` inside either is
    rewritten to ``'''`` so that it cannot close the docstring early.
    """
    lines = [_lf(text).strip()] + [_lf(t).strip() for t in test_list]
    body = "\n".join(line.replace('"""', "'''") for line in lines if line)
    return f'"""\n{body}\n"""\n'


def format_completion(code: str) -> str:
    """The training target after the prompt: the code with LF endings and one final newline."""
    return _lf(code).rstrip() + "\n"


def _task_from_record(rec: dict[str, Any], where: str) -> MBPPTask:
    missing = [f for f in REQUIRED_FIELDS if f not in rec]
    if missing:
        raise DataFormatError(f"{where}: missing field(s) {', '.join(missing)}")
    try:
        task_id = int(str(rec["task_id"]).split("/")[-1])
    except ValueError as e:
        raise DataFormatError(f"{where}: task_id {rec['task_id']!r} is not an integer or 'Mbpp/N'") from e
    for f in ("text", "code"):
        if not isinstance(rec[f], str):
            raise DataFormatError(f"{where}: field {f!r} must be a string")
    if not isinstance(rec["test_list"], list) or not all(isinstance(t, str) for t in rec["test_list"]):
        raise DataFormatError(f"{where}: field 'test_list' must be a list of strings")
    return MBPPTask(
        task_id=task_id,
        text=_lf(rec["text"]),
        code=_lf(rec["code"]),
        test_list=tuple(_lf(t) for t in rec["test_list"]),
        test_setup_code=_lf(rec.get("test_setup_code") or ""),
        challenge_test_list=tuple(_lf(t) for t in rec.get("challenge_test_list") or ()),
        test_imports=tuple(rec.get("test_imports") or ()),
    )


def iter_jsonl(path: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, object)`` for each non-blank line of a JSONL file, ``where`` being ``"file:line"``.

    A line that is not a JSON object raises :class:`DataFormatError` naming the file and line;
    every JSONL reader of the package (MBPP tasks, samples to score, raw code) goes through here.
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
                raise DataFormatError(f"{where}: not valid JSON ({e.msg})") from None
            if not isinstance(rec, dict):
                raise DataFormatError(f"{where}: expected a JSON object, got {type(rec).__name__}")
            yield where, rec


def load_mbpp_jsonl(path: str | Path) -> list[MBPPTask]:
    """Tasks of an MBPP-format JSONL file (one JSON object per line; blank lines skipped).

    Each object needs ``task_id``, ``text``, ``code`` and ``test_list``; ``test_setup_code`` and
    ``challenge_test_list`` are optional. A malformed line raises :class:`DataFormatError`
    naming the file and the line number.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"MBPP-format file not found: {path}")
    return [_task_from_record(rec, where) for where, rec in iter_jsonl(path)]


def _load_sanitized() -> list[MBPPTask]:
    recs = json.loads(SANITIZED_FILE.read_text(encoding="utf-8"))
    out = []
    for i, rec in enumerate(recs):
        rec = dict(rec, text=rec["prompt"])
        out.append(_task_from_record(rec, f"{SANITIZED_FILE}[{i}]"))
    return out


def load_mbpp(split: str = "all", sanitized: bool = False, path: str | Path | None = None) -> list[MBPPTask]:
    """MBPP tasks of ``split`` (``train``, ``validation``, ``test``, ``prompt`` or ``all``).

    ``sanitized=True`` returns the hand-checked subset (427 tasks in all) restricted to the same
    task-id range; ``split`` may also be written ``sanitized-test`` etc. ``path`` reads a user's
    MBPP-format JSONL instead of the shipped file (the split's id range still applies unless
    ``split`` is ``all``). Everything is read from files inside the package; nothing downloads.
    """
    if split.startswith("sanitized-"):
        split, sanitized = split[len("sanitized-"):], True
    if split not in SPLITS:
        raise ValueError(f"unknown MBPP split {split!r}; choose one of {', '.join(SPLITS)} (or sanitized-<split>)")
    if path is not None:
        tasks = load_mbpp_jsonl(path)
    elif sanitized:
        tasks = _load_sanitized()
    else:
        tasks = load_mbpp_jsonl(MBPP_FILE)
    lo, hi = SPLITS[split]
    if path is not None and split == "all":
        return tasks
    return [t for t in tasks if lo <= t.task_id <= hi]


def load_mbpp_hf(split: str = "test", sanitized: bool = False) -> list[MBPPTask]:  # pragma: no cover - network
    """Optional: the same tasks through Hugging Face ``datasets`` (needs the package and a network).

    Never used by default; the shipped files are the same bytes the HF dataset is built from.
    """
    try:
        import datasets  # type: ignore
    except ImportError as e:
        raise ImportError("load_mbpp_hf needs `pip install datasets` and a network; use load_mbpp()") from e
    ds = datasets.load_dataset("mbpp", "sanitized" if sanitized else "full", split=split)
    key = "prompt" if sanitized else "text"
    return [_task_from_record(dict(r, text=r[key]), f"hf:mbpp[{i}]") for i, r in enumerate(ds)]


class MBPPDataset(Dataset):
    """Tokenised MBPP-format tasks for teacher-forced training.

    Items are ``{"input_ids", "labels"}`` LongTensors of equal length ``<= seq_len`` (unpadded;
    :func:`collate_batch` pads). The shift is done here (module docstring): ``labels[t]`` is the
    target of position ``t``; targets inside the prompt are ``-100``; the last target is EOS.

    ``overlong`` decides what happens to an example whose prompt + code + EOS needs more than
    ``seq_len`` positions: ``"drop"`` (default) skips it and counts it in ``num_dropped``;
    ``"error"`` raises. An example is never cut inside its code.
    """

    def __init__(
        self,
        split: str | Path | Sequence[MBPPTask] = "train",
        tokenizer=None,
        seq_len: int = 256,
        overlong: str = "drop",
    ):
        if overlong not in ("drop", "error"):
            raise ValueError(f"overlong must be 'drop' or 'error', got {overlong!r}")
        if tokenizer is None:
            from hrm_codegen.tokenization import get_tokenizer

            tokenizer = get_tokenizer()
        if isinstance(split, (str, Path)) and (str(split).endswith(".jsonl") or Path(str(split)).is_file()):
            tasks = load_mbpp_jsonl(split)
        elif isinstance(split, str):
            tasks = load_mbpp(split)
        else:
            tasks = list(split)
        self.tokenizer, self.seq_len, self.overlong = tokenizer, seq_len, overlong
        prompts = tokenizer.encode_batch([t.prompt for t in tasks])
        codes = tokenizer.encode_batch([format_completion(t.code) for t in tasks])
        self.examples: list[tuple[list[int], list[int]]] = []
        self.task_ids: list[int] = []
        self.dropped_task_ids: list[int] = []
        for task, p, c in zip(tasks, prompts, codes):
            full = p + c + [tokenizer.eos_token_id]
            if len(full) - 1 > seq_len:
                if overlong == "error":
                    raise ValueError(
                        f"task {task.task_id}: prompt+code+EOS is {len(full)} tokens, more than seq_len+1="
                        f"{seq_len + 1}; raise seq_len or use overlong='drop'"
                    )
                self.dropped_task_ids.append(task.task_id)
                continue
            self.examples.append((p, c))
            self.task_ids.append(task.task_id)

    @property
    def num_dropped(self) -> int:
        """How many examples were dropped as longer than ``seq_len``."""
        return len(self.dropped_task_ids)

    def __len__(self) -> int:
        return len(self.examples)

    def __getitem__(self, idx: int) -> dict[str, torch.Tensor]:
        prompt, code = self.examples[idx]
        full = prompt + code + [self.tokenizer.eos_token_id]
        input_ids = torch.tensor(full[:-1], dtype=torch.long)
        labels = torch.tensor(full[1:], dtype=torch.long)
        labels[: len(prompt) - 1] = IGNORE_INDEX  # targets that are prompt tokens
        return {"input_ids": input_ids, "labels": labels}


def collate_batch(items: Iterable[dict[str, torch.Tensor]], pad_token_id: int = 50256, pad_to: int | None = None):
    """Right-pad a list of dataset items into a batch.

    Returns ``input_ids`` and ``labels`` ``[B, S]`` (padding: ``pad_token_id`` / ``-100``),
    ``attention_mask`` (1 on real tokens) and ``prompt_lengths`` ``[B]`` (number of leading
    positions whose target is not supervised + 1, i.e. the prompt's token count; PrefixLM
    attention uses it). ``pad_to`` fixes ``S`` (e.g. ``seq_len``) for static shapes.
    """
    items = list(items)
    S = max(len(it["input_ids"]) for it in items)
    if pad_to is not None:
        S = max(S, pad_to)
    B = len(items)
    input_ids = torch.full((B, S), pad_token_id, dtype=torch.long)
    labels = torch.full((B, S), IGNORE_INDEX, dtype=torch.long)
    attention_mask = torch.zeros((B, S), dtype=torch.long)
    prompt_lengths = torch.zeros(B, dtype=torch.long)
    for i, it in enumerate(items):
        n = len(it["input_ids"])
        input_ids[i, :n] = it["input_ids"]
        labels[i, :n] = it["labels"]
        attention_mask[i, :n] = 1
        supervised = (it["labels"] != IGNORE_INDEX).nonzero()
        prompt_lengths[i] = int(supervised[0]) + 1 if len(supervised) else n
    return {"input_ids": input_ids, "labels": labels, "attention_mask": attention_mask, "prompt_lengths": prompt_lengths}


def data_report(seq_len: int = 256, tokenizer=None) -> dict[str, Any]:
    """Per split: task count, token-length statistics of prompt and code, and how many examples
    would not fit ``seq_len`` (prompt + code + EOS > seq_len + 1)."""
    if tokenizer is None:
        from hrm_codegen.tokenization import get_tokenizer

        tokenizer = get_tokenizer()
    report: dict[str, Any] = {"seq_len": seq_len, "splits": {}}
    for split in ("train", "validation", "test", "prompt"):
        tasks = load_mbpp(split)
        p = [len(x) for x in tokenizer.encode_batch([t.prompt for t in tasks])]
        c = [len(x) for x in tokenizer.encode_batch([format_completion(t.code) for t in tasks])]
        stats = {}
        for name, xs in (("prompt_tokens", p), ("code_tokens", c)):
            q = statistics.quantiles(xs, n=20) if len(xs) > 1 else [xs[0]] * 19
            stats[name] = {"mean": round(statistics.fmean(xs), 1), "median": statistics.median(xs), "p95": q[18], "max": max(xs)}
        stats["tasks"] = len(tasks)
        stats["sanitized_tasks"] = len(load_mbpp(split, sanitized=True))
        stats["over_seq_len"] = sum(1 for a, b in zip(p, c) if a + b > seq_len)
        report["splits"][split] = stats
    return report
