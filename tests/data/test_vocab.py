"""Token ids of a compact LM head and the identifier-word pool of unpredictable names (``data.vocab``)."""

import random

import torch

from hrm_codegen.data.augment import fresh_function_name, split_words
from hrm_codegen.data.datasets import MBPPDataset
from hrm_codegen.data.vocab import build_identifier_files, identifier_ids, identifier_words, output_ids_of
from hrm_codegen.tokenization import EOS_TOKEN_ID


def test_identifier_files_are_built_from_the_names_in_code(tmp_path, tok):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "mod.py").write_text("def parse_Header(raw_bytes):\n    return raw_bytes  # a comment\n")
    (tmp_path / "lib" / "tests").mkdir()
    (tmp_path / "lib" / "tests" / "test_x.py").write_text("zzz_skipped = 1\n")
    n_ids, n_words = build_identifier_files(tok, tmp_path / "lib", tmp_path / "ids.txt", tmp_path / "words.txt")
    words = (tmp_path / "words.txt").read_text().split()
    assert words == ["header", "parse", "raw"] and n_words == 3  # builtins (bytes), comments, tests left out
    ids = [int(x) for x in (tmp_path / "ids.txt").read_text().split()]
    assert n_ids == len(ids) and ids == sorted(ids)
    assert set(tok.encode(" parse_Header")) <= set(ids)


def test_the_shipped_lists_and_the_head_ids_of_a_dataset(tok):
    words = identifier_words()
    assert len(words) > 5000 and list(words) == sorted(words) and all(w.isalpha() and w.islower() for w in words)
    assert len(identifier_ids()) > 5000
    data = torch.utils.data.Subset(MBPPDataset("train", tok, 256), range(5))
    ids = output_ids_of(data, 50257)
    assert ids.tolist() == sorted(set(ids.tolist()))
    have = set(ids.tolist())
    assert set(range(256)) <= have and EOS_TOKEN_ID in have and set(identifier_ids()) <= have
    assert set(data[3]["input_ids"].tolist()) <= have
    assert len(output_ids_of(data, 50257, identifiers=False)) < len(ids)
    # head_ids: targets -- only what the code predicts (and bytes, EOS): a prompt-only id stays out.
    targets = set(output_ids_of(data, 50257, identifiers=False, inputs=False).tolist())
    labelled = {int(t) for i in range(5) for t in data[i]["labels"] if t >= 0}
    assert targets == labelled | set(range(256)) | {EOS_TOKEN_ID}
    assert set(data[3]["input_ids"].tolist()) - targets  # the prompt holds ids the code never writes


def test_random_names_come_from_the_identifier_words_and_are_reproducible():
    names = [fresh_function_name(random.Random(i), {"taken"}, random_share=1.0) for i in range(50)]
    assert names == [fresh_function_name(random.Random(i), {"taken"}, random_share=1.0) for i in range(50)]
    pool = set(identifier_words())
    assert all(set(split_words(n)) <= pool for n in names)
    assert len(set(names)) == 50
