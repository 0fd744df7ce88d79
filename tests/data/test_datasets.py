"""MBPP loader: split sizes, the prompt format, the label shift, masking, overlong policy, errors."""

import json
import re

import pytest
import torch

from hrm_codegen.data.datasets import MBPPDataset, collate_batch
from hrm_codegen.errors import DataFormatError
from hrm_codegen.tasks.mbpp import entry_point, format_completion, load_mbpp, load_mbpp_jsonl
from hrm_codegen.tokenization import IGNORE_INDEX


@pytest.mark.parametrize("split,n,n_sanitized", [("train", 374, 120), ("validation", 90, 43), ("test", 500, 257), ("prompt", 10, 7), ("all", 974, 427)])
def test_split_sizes(split, n, n_sanitized):
    tasks = load_mbpp(split)
    assert len(tasks) == n
    assert len(load_mbpp(split, sanitized=True)) == n_sanitized
    assert len(load_mbpp(f"sanitized-{split}")) == n_sanitized
    assert len({t.task_id for t in tasks}) == n


def test_split_ranges_are_disjoint():
    ids = {s: {t.task_id for t in load_mbpp(s)} for s in ("train", "validation", "test", "prompt")}
    assert min(ids["test"]) == 11 and max(ids["test"]) == 510
    assert min(ids["train"]) == 601 and max(ids["train"]) == 974
    assert sum(len(v) for v in ids.values()) == len(set().union(*ids.values())) == 974


def test_crlf_normalised_tabs_kept():
    tasks = load_mbpp("all")
    assert not any("\r" in t.code for t in tasks)
    assert any("\t" in t.code for t in tasks)
    assert sum(1 for t in tasks if t.test_setup_code) == 2


def test_prompt_format():
    task = load_mbpp("prompt")[1]  # task 2
    p = task.prompt
    assert p.startswith('"""\n') and p.endswith('"""\n')
    assert task.text.strip() in p
    for t in task.test_list:
        assert t in p
    assert task.code.split("\n")[0] not in p


def test_unknown_split():
    with pytest.raises(ValueError, match="unknown MBPP split"):
        load_mbpp("dev")


def test_labels_are_shifted_and_masked(tok):
    ds = MBPPDataset("validation", tok, seq_len=512)
    task = next(t for t in load_mbpp("validation") if t.task_id == ds.task_ids[0])
    item = ds[0]
    ids, labels = item["input_ids"], item["labels"]
    prompt = tok.encode(task.prompt)
    code = tok.encode(format_completion(task.code))
    full = prompt + code + [tok.eos_token_id]
    assert ids.dtype == labels.dtype == torch.long
    assert ids.tolist() == full[:-1]
    # labels[t] is the token that follows position t; prompt targets are ignored
    supervised = (labels != IGNORE_INDEX).nonzero().flatten().tolist()
    assert supervised == list(range(len(prompt) - 1, len(full) - 1))
    assert labels[supervised].tolist() == code + [tok.eos_token_id]
    assert labels[-1].item() == tok.eos_token_id  # EOS follows the code
    assert tok.decode(labels[supervised[:-1]].tolist()) == format_completion(task.code)


def test_collate_pads_and_masks(tok):
    ds = MBPPDataset("prompt", tok, seq_len=512)
    items = [ds[0], ds[1], ds[2]]
    batch = collate_batch(items, pad_token_id=tok.pad_token_id)
    lens = [len(it["input_ids"]) for it in items]
    S = max(lens)
    assert batch["input_ids"].shape == batch["labels"].shape == batch["attention_mask"].shape == (3, S)
    for i, n in enumerate(lens):
        assert batch["attention_mask"][i].sum() == n
        assert (batch["labels"][i, n:] == IGNORE_INDEX).all()
        assert (batch["input_ids"][i, n:] == tok.pad_token_id).all()
        first = (batch["labels"][i] != IGNORE_INDEX).nonzero()[0].item()
        assert batch["prompt_lengths"][i] == first + 1
    assert collate_batch(items, pad_to=600)["input_ids"].shape == (3, 600)


def test_overlong_drop_counts_and_error(tok):
    full = MBPPDataset("train", tok, seq_len=4096)
    short = MBPPDataset("train", tok, seq_len=128)
    assert len(full) == 374 and full.num_dropped == 0
    assert short.num_dropped > 0 and len(short) + short.num_dropped == 374
    assert all(len(short[i]["input_ids"]) <= 128 for i in range(len(short)))
    with pytest.raises(ValueError, match="seq_len"):
        MBPPDataset("train", tok, seq_len=128, overlong="error")


def test_never_cut_inside_code(tok):
    ds = MBPPDataset("train", tok, seq_len=128)
    for i in range(len(ds)):
        assert ds[i]["labels"][-1].item() == tok.eos_token_id


def _write(tmp_path, lines):
    p = tmp_path / "mine.jsonl"
    p.write_text("\n".join(lines) + "\n")
    return p


def test_user_jsonl(tmp_path, tok):
    rec = {"task_id": 5000, "text": "Add two numbers.", "code": "def add(a, b):\r\n\treturn a + b", "test_list": ["assert add(1, 2) == 3"]}
    p = _write(tmp_path, [json.dumps(rec), "", json.dumps(dict(rec, task_id="Mbpp/5001"))])
    tasks = load_mbpp_jsonl(p)
    assert [t.task_id for t in tasks] == [5000, 5001]
    assert tasks[0].code == "def add(a, b):\n\treturn a + b"
    assert len(MBPPDataset(p, tok, seq_len=256)) == 2


def test_malformed_json_names_file_and_line(tmp_path):
    good = json.dumps({"task_id": 1, "text": "t", "code": "c", "test_list": []})
    p = _write(tmp_path, [good, "{not json"])
    with pytest.raises(DataFormatError, match=r"mine\.jsonl:2: not valid JSON"):
        load_mbpp_jsonl(p)


def test_missing_field_names_file_and_line(tmp_path):
    p = _write(tmp_path, [json.dumps({"task_id": 1, "text": "t", "test_list": []})])
    with pytest.raises(DataFormatError, match=r"mine\.jsonl:1: missing field\(s\) code"):
        load_mbpp_jsonl(p)


def test_wrong_type_and_missing_file(tmp_path):
    p = _write(tmp_path, [json.dumps({"task_id": 1, "text": "t", "code": "c", "test_list": "assert x"})])
    with pytest.raises(DataFormatError, match="test_list"):
        load_mbpp_jsonl(p)
    with pytest.raises(FileNotFoundError, match="nope.jsonl"):
        load_mbpp_jsonl(tmp_path / "nope.jsonl")


def test_def_line_weight_lands_on_the_entry_points_def_line():
    """``def_line_weight`` weighs exactly the targets of the called function's ``def`` line, through collate."""
    tasks = load_mbpp("train")[:40]
    by_id = {t.task_id: t for t in tasks}
    plain = MBPPDataset(tasks, seq_len=512)
    weighted = MBPPDataset(tasks, seq_len=512, def_line_weight=4.0)
    assert "loss_weights" not in plain[0]
    found = 0
    for i, task_id in enumerate(weighted.task_ids):
        item, task = weighted[i], by_id[task_id]
        assert torch.equal(item["labels"], plain[i]["labels"])
        assert set(item["loss_weights"].unique().tolist()) <= {1.0, 4.0}
        heavy = (item["loss_weights"] == 4.0).nonzero()[:, 0]
        assert (item["labels"][heavy] != IGNORE_INDEX).all()  # never a prompt target
        name = entry_point(task.code, task.test_list)
        lines = [ln for ln in format_completion(task.code).splitlines() if re.match(rf"def\s+{name}\s*\(", ln)]
        if not lines:
            assert heavy.numel() == 0
            continue
        found += 1
        # Contiguous tokens that spell the line (the last one may carry its newline).
        assert bool((heavy.diff() == 1).all())
        assert weighted.tokenizer.decode(item["labels"][heavy].tolist()).strip() == lines[0].strip()
    assert found >= 35
    batch = collate_batch([weighted[0], weighted[1]])
    n0 = len(weighted[0]["input_ids"])
    assert batch["loss_weights"].dtype == torch.float32
    assert torch.equal(batch["loss_weights"][0, :n0], weighted[0]["loss_weights"])
    assert (batch["loss_weights"][0, n0:] == 0).all()
