"""The training datasets of MBPP-format tasks, and the collate that pads them.

**The next-token shift happens here, in the dataset, and nowhere else.** For a full token sequence
``full = prompt + code + [EOS]`` the dataset returns ``input_ids = full[:-1]`` and
``labels = full[1:]``, so ``labels[t]`` is the token that logits at position ``t`` must predict.
Labels whose target is a prompt token are ``IGNORE_INDEX``, and so is padding. Losses therefore
compare ``logits[:, t]`` with ``labels[:, t]`` directly, with no further shift.
"""

from __future__ import annotations

import bisect
import re
import statistics
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import torch
from torch.utils.data import Dataset

from hrm_codegen.errors import DataFormatError
from hrm_codegen.io import iter_jsonl
from hrm_codegen.tasks.mbpp import MBPPTask, entry_point, format_completion, load_mbpp, load_mbpp_jsonl
from hrm_codegen.tokenization import EOS_TOKEN_ID, IGNORE_INDEX, get_tokenizer


class MBPPDataset(Dataset):
    """Tokenised MBPP-format tasks for teacher-forced training.

    Items are ``{"input_ids", "labels"}`` LongTensors of equal length ``<= seq_len`` (unpadded;
    :func:`collate_batch` pads). The shift is done here (module docstring): ``labels[t]`` is the
    target of position ``t``; targets inside the prompt are ``-100``; the last target is EOS.

    ``overlong`` decides what happens to an example whose prompt + code + EOS needs more than
    ``seq_len`` positions: ``"drop"`` (default) skips it and counts it in ``num_dropped``;
    ``"error"`` raises. An example is never cut inside its code.

    ``def_line_weight`` (``data.def_line_weight``) != 1 adds ``loss_weights`` (float, one per label):
    that weight on the targets that are tokens of the entry point's ``def NAME(...)`` line, 1 on
    the others. The line is the one whose name the prompt's asserts call, so the weight is on
    copying the name (and the arity) from the prompt.
    """

    def __init__(
        self,
        split: str | Path | Sequence[MBPPTask] = "train",
        tokenizer=None,
        seq_len: int = 256,
        overlong: str = "drop",
        def_line_weight: float = 1.0,
    ):
        if overlong not in ("drop", "error"):
            raise ValueError(f"overlong must be 'drop' or 'error', got {overlong!r}")
        if tokenizer is None:
            tokenizer = get_tokenizer()
        if isinstance(split, (str, Path)) and (str(split).endswith(".jsonl") or Path(str(split)).is_file()):
            tasks = load_mbpp_jsonl(split)
        elif isinstance(split, str):
            tasks = load_mbpp(split)
        else:
            tasks = list(split)
        self.tokenizer, self.seq_len, self.overlong = tokenizer, seq_len, overlong
        self.def_line_weight = def_line_weight
        prompts = tokenizer.encode_batch([t.prompt for t in tasks])
        codes = tokenizer.encode_batch([format_completion(t.code) for t in tasks])
        self.examples: list[tuple[list[int], list[int]]] = []
        self.def_spans: list[tuple[int, int]] = []  # code-token range of the def line, (0, 0) if none
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
            if def_line_weight != 1.0:
                self.def_spans.append(self._def_span(task, c))
            self.task_ids.append(task.task_id)

    def _def_span(self, task: MBPPTask, code_ids: list[int]) -> tuple[int, int]:
        """Code tokens ``[start, end)`` that overlap the entry point's ``def`` line (``(0, 0)``: none)."""
        text = self.tokenizer.decode(code_ids)
        name = entry_point(task.code, task.test_list)
        m = re.search(rf"^def\s+{re.escape(name)}\s*\(.*$", text, flags=re.M) if name else None
        if m is None:
            return (0, 0)
        offsets = self.tokenizer.token_offsets(code_ids) + [len(text)]
        tokens = [k for k in range(len(code_ids)) if offsets[k] < m.end() and offsets[k + 1] > m.start()]
        return (tokens[0], tokens[-1] + 1) if tokens else (0, 0)

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
        item = {"input_ids": input_ids, "labels": labels}
        if self.def_line_weight != 1.0:
            # Code token k is the target of position len(prompt) - 1 + k (the shift above).
            start, end = self.def_spans[idx]
            weights = torch.ones(len(labels))
            weights[len(prompt) - 1 + start:len(prompt) - 1 + end] = self.def_line_weight
            item["loss_weights"] = weights
        return item


def pack_bins(lengths: Sequence[int], capacity: int, seed: int = 0) -> list[list[int]]:
    """Group item indices into bins whose lengths sum to at most ``capacity`` (best fit, seeded order).

    Items are taken in a ``seed``-shuffled order and each goes to the open bin it fills most tightly
    (a new bin when none has room), so the result is deterministic and rows are ~95%+ full when
    items are much shorter than ``capacity``. Each bin's indices keep their drawing order.
    """
    if any(n > capacity or n <= 0 for n in lengths):
        raise ValueError(f"every length must be in 1..{capacity} to be packed")
    order = torch.randperm(len(lengths), generator=torch.Generator().manual_seed(seed)).tolist()
    bins: list[list[int]] = []
    room: list[tuple[int, int]] = []  # (free positions, bin index), sorted
    for i in order:
        n = lengths[i]
        j = bisect.bisect_left(room, (n, -1))
        if j == len(room):
            bins.append([i])
            free, b = capacity - n, len(bins) - 1
        else:
            free, b = room.pop(j)
            bins[b].append(i)
            free -= n
        if free > 0:
            bisect.insort(room, (free, b))
    return bins


class PackedMBPPDataset(Dataset):
    """Rows of several MBPP-format examples each (``data.pack``), instead of one example per padded row.

    ``dataset`` items (``input_ids``/``labels``, already shifted) are grouped by :func:`pack_bins`
    into rows of at most ``seq_len`` positions and concatenated. Each item of a row gets its own
    ``segment_ids`` (1, 2, ...: :func:`collate_batch` puts them in ``attention_mask``, and attention
    stays inside a segment) and ``position_ids`` restarting at 0, so every example is seen exactly
    as if it had a row of its own; its labels (the loss mask) are its own. The grouping is fixed by
    ``seed``; the trainer's sampler shuffles the rows every epoch.
    """

    def __init__(self, dataset: Dataset, seq_len: int, seed: int = 0):
        self.dataset, self.seq_len = dataset, seq_len
        lengths = [len(dataset[i]["input_ids"]) for i in range(len(dataset))]
        self.bins = pack_bins(lengths, seq_len, seed)
        self.fill = sum(lengths) / max(1, len(self.bins) * seq_len)
        """Fraction of the rows' positions that hold real tokens."""

    def __len__(self) -> int:
        return len(self.bins)

    def __getitem__(self, idx: int) -> dict[str, torch.Tensor]:
        items = [self.dataset[i] for i in self.bins[idx]]
        return {
            "input_ids": torch.cat([it["input_ids"] for it in items]),
            "labels": torch.cat([it["labels"] for it in items]),
            "segment_ids": torch.cat([torch.full_like(it["input_ids"], k + 1) for k, it in enumerate(items)]),
            "position_ids": torch.cat([torch.arange(len(it["input_ids"])) for it in items]),
            **({"loss_weights": torch.cat([it["loss_weights"] for it in items])} if "loss_weights" in items[0] else {}),
        }


def collate_batch(items: Iterable[dict[str, torch.Tensor]], pad_token_id: int = EOS_TOKEN_ID, pad_to: int | None = None):
    """Right-pad a list of dataset items into a batch.

    Returns ``input_ids`` and ``labels`` ``[B, S]`` (padding: ``pad_token_id`` / ``-100``),
    ``attention_mask`` (1 on real tokens) and ``prompt_lengths`` ``[B]`` (number of leading
    positions whose target is not supervised + 1, i.e. the prompt's token count; PrefixLM
    attention uses it). ``pad_to`` fixes ``S`` (e.g. ``seq_len``) for static shapes. Packed items
    (:class:`PackedMBPPDataset`) put their ``segment_ids`` in ``attention_mask`` and add
    ``position_ids`` (padding: 0). Items with ``loss_weights`` give a float ``loss_weights [B, S]``
    (padding: 0).
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
    packed = "segment_ids" in items[0]
    position_ids = torch.zeros((B, S), dtype=torch.long) if packed else None
    weights = torch.zeros((B, S)) if "loss_weights" in items[0] else None
    for i, it in enumerate(items):
        n = len(it["input_ids"])
        input_ids[i, :n] = it["input_ids"]
        labels[i, :n] = it["labels"]
        attention_mask[i, :n] = it["segment_ids"] if packed else 1
        if packed:
            position_ids[i, :n] = it["position_ids"]
        if weights is not None:
            weights[i, :n] = it["loss_weights"]
        supervised = (it["labels"] != IGNORE_INDEX).nonzero()
        prompt_lengths[i] = int(supervised[0]) + 1 if len(supervised) else n
    batch = {"input_ids": input_ids, "labels": labels, "attention_mask": attention_mask, "prompt_lengths": prompt_lengths}
    if packed:
        batch["position_ids"] = position_ids
    if weights is not None:
        batch["loss_weights"] = weights
    return batch


def data_report(seq_len: int = 256, tokenizer=None) -> dict[str, Any]:
    """Per split: task count, token-length statistics of prompt and code, and how many examples
    would not fit ``seq_len`` (prompt + code + EOS > seq_len + 1)."""
    if tokenizer is None:
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


class PackedCodeDataset(Dataset):
    """A raw-code JSONL (``--mode raw``) packed into fixed-length language-modelling sequences.

    Files are tokenised, each followed by EOS, concatenated in file order, and cut into
    non-overlapping windows of ``seq_len + 1`` tokens sharing one boundary token (window ``i``
    covers tokens ``i*seq_len .. (i+1)*seq_len``). Items follow the loader's convention:
    ``input_ids = window[:-1]``, ``labels = window[1:]`` (already shifted). Every position is
    supervised, across file boundaries too: after an EOS the model learns to predict the start of
    the next file, as in GPT pre-training; sequences are never padded. The last incomplete window
    is dropped. ``max_tokens`` caps the tokens used (files in order).

    Tokenising ~100 MB of code takes a minute or more, so with ``cache=True`` the token stream is
    saved once as ``<name>.tokens.npy`` (uint16) next to the JSONL and reused while it is newer
    than the JSONL. ``path`` may also name such a ``.npy`` file directly (it is much smaller to
    copy to another machine than the JSONL).
    """

    def __init__(self, path: str | Path, tokenizer=None, seq_len: int = 256, max_tokens: int | None = None,
                 cache: bool = True):
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"raw-code corpus not found: {path} (build it with `hrm-codegen data build --mode raw`)")
        if seq_len < 1:
            raise ValueError(f"seq_len must be positive, got {seq_len}")
        self.seq_len = seq_len
        tokens = self._load_or_tokenize(path, tokenizer, cache)
        self.tokens = tokens[:max_tokens] if max_tokens is not None else tokens
        self.num_files = int((self.tokens == EOS_TOKEN_ID).sum())

    @staticmethod
    def cache_path(path: str | Path) -> Path:
        """Where the token cache of a raw-code JSONL lives: ``raw.jsonl`` -> ``raw.tokens.npy``."""
        return Path(path).with_suffix(".tokens.npy")

    @classmethod
    def _load_or_tokenize(cls, path: Path, tokenizer, cache: bool) -> np.ndarray:
        if path.suffix == ".npy":
            return np.load(path)
        cached = cls.cache_path(path)
        if cache and cached.is_file() and cached.stat().st_mtime >= path.stat().st_mtime:
            return np.load(cached)
        if tokenizer is None:
            tokenizer = get_tokenizer()
        tokens = tokenize_files(tokenizer, _read_raw_texts(path))
        if cache:
            np.save(cached, tokens)
        return tokens

    def __len__(self) -> int:
        return max(0, (len(self.tokens) - 1) // self.seq_len)

    def __getitem__(self, idx: int) -> dict[str, torch.Tensor]:
        if not 0 <= idx < len(self):
            raise IndexError(f"PackedCodeDataset index {idx} out of range (length {len(self)})")
        window = torch.from_numpy(self.tokens[idx * self.seq_len : (idx + 1) * self.seq_len + 1].astype(np.int64))
        return {"input_ids": window[:-1], "labels": window[1:]}


def tokenize_files(tokenizer, texts: Sequence[str]) -> np.ndarray:
    """One uint16 token stream: each text's tokens followed by EOS (GPT-2 ids fit in 16 bits)."""
    if tokenizer.vocab_size > np.iinfo(np.uint16).max + 1:
        raise ValueError(f"vocabulary of {tokenizer.vocab_size} tokens does not fit the uint16 token stream")
    chunks = []
    for start in range(0, len(texts), 256):  # batches keep peak memory low
        for ids in tokenizer.encode_batch(list(texts[start : start + 256])):
            chunks.append(np.asarray(ids + [tokenizer.eos_token_id], dtype=np.uint16))
    return np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.uint16)


def _read_raw_texts(path: Path) -> list[str]:
    texts = []
    for where, rec in iter_jsonl(path):
        if not isinstance(rec.get("text"), str):
            raise DataFormatError(f"{where}: expected an object with a string 'text' (a --mode raw corpus)")
        texts.append(rec["text"])
    return texts
