"""Tests of the corpus builder (``hrm_codegen.data.corpus``: mine, decontaminate, build, cli): mining, filters, decontamination, output."""

from __future__ import annotations

import json
import re
import sysconfig
import textwrap
from pathlib import Path

import pytest
import torch

from hrm_codegen import cli
from hrm_codegen.data.corpus import cli as corpus_cli
from hrm_codegen.data.corpus.build import MINED_ID_OFFSET, BuildConfig, build_pairs, build_raw
from hrm_codegen.data.corpus.decontaminate import EvalIndex, near_key
from hrm_codegen.data.corpus.mine import MineOptions, default_sources, mine_functions, path_skip_reason, read_source
from hrm_codegen.data.datasets import MBPPDataset, PackedCodeDataset
from hrm_codegen.errors import ConfigError
from hrm_codegen.tasks.mbpp import MBPPTask, format_prompt, load_mbpp, load_mbpp_jsonl

GOOD = '''
def running_total(values, start=0):
    """Return the running totals of a sequence of numbers.

    Longer explanation that must not reach the description.
    """
    out = []
    for v in values:
        start += v
        out.append(start)
    return out
'''

# MBPP test task 11, verbatim, given a docstring: must be caught by the code n-gram rule.
LEAKED = '''
def strip_char_ends(s, ch):
    """Remove a character wherever it first and last occurs in a text."""
    for i in range(len(s)):
        if (s[i] == ch):
            s = s[0 : i] + s[i + 1:]
            break
    for i in range(len(s) - 1,-1,-1):
        if (s[i] == ch):
            s = s[0 : i] + s[i + 1:]
            break
    return s
'''


def _mine(src: str, **kw):
    return mine_functions(textwrap.dedent(src), "t.py", MineOptions(**kw))


def _write_tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


# ------------------------------------------------------------------ mining and function filters


def test_mined_pair_has_description_signature_and_code_without_docstring():
    pairs, counts = _mine(GOOD)
    assert len(pairs) == 1 and counts["kept_functions"] == 1
    p = pairs[0]
    assert p.description == "Return the running totals of a sequence of numbers."
    assert p.text.splitlines() == [p.description, "Signature: running_total(values, start=0)"]
    assert p.code.startswith("def running_total(values, start=0):\n    out = []")
    assert '"""' not in p.code and "Longer explanation" not in p.code
    assert p.path == "t.py::running_total"


@pytest.mark.parametrize(
    "src, reason",
    [
        ("def f(x):\n    y = x + 1\n    return y\n", "no_docstring"),
        ('def test_thing():\n    """Check that the thing works well enough."""\n    assert 1\n    x = 2\n', "test_function"),
        ('def __getattr__(name):\n    """Lazy attribute access for the module."""\n    x = 1\n    return x\n', "dunder_name"),
        ('def f(x):\n    """Compute the thing from x and return it."""\n    return _impl(x, 1)\n', "trivial_body"),
        ('def f(x):\n    """Compute the thing from x and return it."""\n    pass\n', "trivial_body"),
        ('def f(x):\n    """Compute the thing from x and return it."""\n    return torch._C.f(x, k=1)\n', "trivial_body"),
        ('def f(x):\n    """:param x: the value\n    :returns: a thing"""\n    y = x\n    return y\n', "description_markup"),
        ('def f(x):\n    """f(x) -> int returns an int for x."""\n    y = x\n    return y\n', "description_markup"),
        ('def f(x):\n    """TODO: write the description of f."""\n    y = x\n    return y\n', "description_uninformative"),
        ('def f(x):\n    """See the other function for details."""\n    y = x\n    return y\n', "description_uninformative"),
        ('def f(x):\n    """Too short."""\n    y = x\n    return y\n', "description_too_short"),
        ('def f(x): """Inline docstring cannot be cut."""; return x\n', "docstring_layout"),
        ('from typing import overload\n@overload\ndef f(x: int) -> int:\n    """Typed overload stub of the function."""\n    ...\n',
         "overload_stub"),
    ],
)
def test_function_filters_drop_with_the_named_reason(src, reason):
    pairs, counts = _mine(src)
    assert pairs == [] and counts[reason] == 1, counts


def test_skip_private_is_optional():
    src = 'def _helper(x):\n    """Double the value x and return the result."""\n    y = 2 * x\n    return y\n'
    assert len(_mine(src)[0]) == 1
    pairs, counts = _mine(src, skip_private=True)
    assert pairs == [] and counts["private_name"] == 1


def test_one_line_body_that_computes_is_kept():
    src = 'def f(xs):\n    """Sum of the squares of the numbers."""\n    return sum(x * x for x in xs)\n'
    assert len(_mine(src)[0]) == 1


def test_function_inside_module_level_if_is_dedented_and_parses():
    src = 'import sys\nif sys.platform:\n    def f(x):\n        """Double the value x and return the result."""\n        y = 2 * x\n        return y\n'
    (pair,), _ = _mine(src)
    assert pair.code == "def f(x):\n    y = 2 * x\n    return y\n"


def test_methods_only_when_they_stand_alone():
    src = '''
    class A:
        def plain(self, x, y=1):
            """Add two numbers together and return the sum."""
            return x + y * 2

        @staticmethod
        def static(x):
            """Square a number and return the result please."""
            z = x * x
            return z

        def uses_self(self, x):
            """Add the stored offset to a number and return it."""
            return self.k + x

        @classmethod
        def unused_cls(cls, x: int):
            """Halve a number and round it towards zero."""
            return int(x / 2)

        @property
        def prop(self):
            """A property documented with enough words."""
            return 1 + 2
    '''
    pairs, counts = _mine(src)
    assert [p.path for p in pairs] == ["t.py::A.plain", "t.py::A.static", "t.py::A.unused_cls"]
    assert pairs[2].code == "def unused_cls(x: int):\n    return int(x / 2)\n"
    assert pairs[0].code == "def plain(x, y=1):\n    return x + y * 2\n"  # unused self removed
    assert pairs[0].signature == "plain(x, y=1)"
    assert pairs[1].code.startswith("def static(x):")  # decorator dropped
    assert counts["method_needs_class"] == 2
    assert _mine(src, methods=False)[0] == []


def test_unparsable_module_counts_once_as_syntax_error():
    pairs, counts = _mine("print 'python 2'\n")
    assert pairs == [] and counts == {"syntax_error": 1}


# ------------------------------------------------------------------ file filters


@pytest.mark.parametrize(
    "rel, reason",
    [
        ("pkg/tests/helpers.py", "test_file"),
        ("pkg/test/x.py", "test_file"),
        ("idlelib/idle_test/x.py", "test_file"),
        ("pkg/test_mod.py", "test_file"),
        ("pkg/mod_test.py", "test_file"),
        ("pkg/conftest.py", "test_file"),
        ("sympy/benchmarks/bench_x.py", "test_file"),
        ("pip/_vendor/rich/x.py", "vendored"),
        ("google/protobuf/descriptor_pb2.py", "generated"),
        ("pkg/testing_utils_module.py", None),
        ("pkg/latest.py", None),
    ],
)
def test_path_filters(rel, reason):
    assert path_skip_reason(Path(rel)) == reason


def test_read_source_rejects_generated_large_and_binary_files(tmp_path):
    gen = tmp_path / "g.py"
    gen.write_text("# Generated by the protocol buffer compiler.  DO NOT EDIT!\nx = 1\n")
    assert read_source(gen, 10_000) == (None, "generated")
    big = tmp_path / "b.py"
    big.write_text("x = 1\n" * 1000)
    assert read_source(big, 100) == (None, "too_large")
    binary = tmp_path / "c.py"
    binary.write_bytes(b"x = '\xff\xfe'\n")
    assert read_source(binary, 10_000) == (None, "unreadable")
    ok = tmp_path / "ok.py"
    ok.write_bytes(b"x = 1\r\ny = 2\r\n")
    assert read_source(ok, 10_000) == ("x = 1\ny = 2\n", None)


# ------------------------------------------------------------------ duplicates and decontamination


def test_near_key_ignores_names_comments_and_layout_but_not_logic():
    a = "def f(xs, k):\n    # comment\n    return [x * k for x in xs]\n"
    b = "def scale(values,factor):\n    return [x*factor for x in values]\n"
    c = "def f(xs, k):\n    return [x + k for x in xs]\n"
    assert near_key(a) == near_key(b)
    assert near_key(a) != near_key(c)


@pytest.fixture(scope="module")
def eval_index() -> EvalIndex:
    return EvalIndex([t for s in ("test", "validation") for t in load_mbpp(s)])


def test_eval_index_catches_code_description_and_name_leaks(eval_index):
    code11 = textwrap.dedent(LEAKED).split('"""\n', 2)[-1]
    assert eval_index.check("Remove a character at both ends.", "g", "def g(s, ch):\n" + code11) == "contam_code_ngram"
    # description of task 12 with different code
    desc = "Sort a given matrix in ascending order according to the sum of its rows."
    assert eval_index.check(desc, "g", "def g(m):\n    return m\n") == "contam_description_ngram"
    # same function name as task 12 and overlapping content words
    assert eval_index.check("Sort the matrix rows by their sum.", "sort_matrix", "def sort_matrix(m):\n    pass\n") == (
        "contam_name_description"
    )
    # same name but unrelated description: kept
    assert eval_index.check("Render the widget tree to HTML text.", "sort_matrix", "def sort_matrix(m):\n    pass\n") is None
    assert eval_index.check("Return the running totals.", "running_total", textwrap.dedent(GOOD)) is None


def test_idiomatic_ngrams_are_not_treated_as_leaks():
    task = MBPPTask(11, "Write a function to add up a list.", "def f(arr):\n    for i in range(len(arr)):\n        pass\n", ())
    index = EvalIndex([task], code_n=6)
    common = [f"def g{k}(arr):\n    for i in range(len(arr)):\n        print(i + {k})\n" for k in range(4)]
    assert index.check("Print the indices of a list.", "g0", common[0]) == "contam_code_ngram"
    index.set_idioms(common, max_df=3)
    assert index.check("Print the indices of a list.", "g0", common[0]) is None


# ------------------------------------------------------------------ builds


@pytest.fixture()
def source_tree(tmp_path) -> Path:
    dup = GOOD.replace("running_total", "cumulative")  # near duplicate of GOOD (renamed copy)
    long_body = "\n".join(f"    v{i} = x + {i}" for i in range(120))
    return _write_tree(tmp_path / "src", {
        "pkg/a.py": GOOD,
        "pkg/b.py": dup,
        "pkg/leak.py": LEAKED,
        "pkg/long.py": f'def long_one(x):\n    """A function that is far too long for the budget."""\n{long_body}\n    return x\n',
        "pkg/tests/test_a.py": GOOD.replace("running_total", "other_total"),
    })


def _cfg(tmp_path, src, **kw) -> BuildConfig:
    return BuildConfig(out=tmp_path / "out" / "c.jsonl", sources=[("src", src)], workers=1, progress=False, **kw)


def test_build_pairs_writes_loader_format_with_counts(tmp_path, source_tree):
    stats = build_pairs(_cfg(tmp_path, source_tree))
    tasks = load_mbpp_jsonl(tmp_path / "out" / "c.jsonl")
    mined = [t for t in tasks if t.task_id >= MINED_ID_OFFSET]
    assert [t.code.split("(")[0] for t in mined] == ["def running_total"]  # dup, leak, long, tests dropped
    assert mined[0].test_list == ()
    assert mined[0].prompt == format_prompt(mined[0].text, [])
    assert "Signature: running_total(values, start=0)" in mined[0].prompt
    mbpp_ids = {t.task_id for t in tasks if t.task_id < MINED_ID_OFFSET}
    assert mbpp_ids == set(range(1, 11)) | set(range(601, 975))  # prompt + train, none dropped
    f = stats["functions"]
    assert (f["duplicate_near"], f["contam_code_ngram"], f["too_long_tokens"]) == (1, 1, 1)
    assert stats["files"]["test_file"] == 1
    assert stats["written"] == {"total": 385, "mbpp": 384, "mined": 1, "mined_available": 1}
    on_disk = json.loads((tmp_path / "out" / "c.stats.json").read_text())
    assert on_disk["functions"]["contam_code_ngram"] == 1
    ds = MBPPDataset(tmp_path / "out" / "c.jsonl", seq_len=256)
    # MBPP tasks are kept verbatim even when their asserts make them too long; the stats say how many
    assert ds.num_dropped == stats["mbpp"]["over_seq_len"] > 0
    assert all(tid < MINED_ID_OFFSET for tid in ds.dropped_task_ids)


def test_build_is_deterministic_and_respects_max_samples(tmp_path, source_tree):
    a = _cfg(tmp_path, source_tree, max_samples=50, seed=3)
    build_pairs(a)
    first = a.out.read_bytes()
    build_pairs(a)
    assert a.out.read_bytes() == first
    assert len(first.decode().splitlines()) == 50
    b = _cfg(tmp_path, source_tree, include_mbpp=False)
    assert build_pairs(b)["written"]["total"] == 1


def test_raw_mode_and_packed_dataset(tmp_path, source_tree):
    cfg = _cfg(tmp_path, source_tree, mode="raw")
    stats = build_raw(cfg)
    recs = [json.loads(line) for line in cfg.out.read_text().splitlines()]
    # a.py, b.py, long.py; the leaked file is dropped, the tests folder skipped
    assert sorted(r["path"] for r in recs) == ["src/pkg/a.py", "src/pkg/b.py", "src/pkg/long.py"]
    assert stats["files"]["contam_code_ngram"] == 1
    ds = PackedCodeDataset(cfg.out, seq_len=32)
    assert len(ds) == (len(ds.tokens) - 1) // 32 > 3
    item, nxt = ds[0], ds[1]
    assert item["input_ids"].shape == item["labels"].shape == (32,)
    assert item["input_ids"].dtype == torch.long
    assert item["labels"][:-1].tolist() == item["input_ids"][1:].tolist()  # already shifted
    assert item["labels"][-1] == nxt["input_ids"][0]  # windows tile the token stream
    assert ds.num_files == 3  # one EOS after each file
    with pytest.raises(IndexError):
        ds[len(ds)]
    # the token cache is written once and gives the same items, also when loaded directly
    cache = PackedCodeDataset.cache_path(cfg.out)
    assert cache.is_file()
    again = PackedCodeDataset(cache, seq_len=32)
    assert torch.equal(again[1]["input_ids"], nxt["input_ids"])
    assert len(PackedCodeDataset(cfg.out, seq_len=32, max_tokens=65)) == 2


def test_packed_dataset_names_a_wrong_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.jsonl"):
        PackedCodeDataset(tmp_path / "missing.jsonl")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"task_id": 1}\n')
    with pytest.raises(ValueError, match="pairs.jsonl:1"):
        PackedCodeDataset(pairs)


def test_cli_builds_and_reports(tmp_path, source_tree, capsys):
    out = tmp_path / "cli.jsonl"
    assert corpus_cli.main(["--source", str(source_tree), "--out", str(out), "--quiet", "--workers", "1", "--no-mbpp"]) == 0
    printed = capsys.readouterr().out
    assert "written: total=1" in printed and "contam_code_ngram=1" in printed
    assert out.with_suffix(".stats.json").is_file()


def test_cli_names_a_missing_source(tmp_path, capsys):
    assert cli.main(["data", "build", "--source", str(tmp_path / "nope"), "--out", str(tmp_path / "x.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "sources" in err and "source folder not found" in err and "nope" in err


def test_an_unwritable_output_folder_fails_before_any_mining(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert cli.main(["data", "build", "--sources", "mbpp", "--out", str(blocker / "c.jsonl"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "out (corpus output folder)" in err and str(blocker) in err


def test_default_sources_are_this_interpreters_stdlib_and_purelib():
    roots = dict(default_sources())
    assert roots["stdlib"] == Path(sysconfig.get_paths()["stdlib"]).resolve()


@pytest.mark.slow
def test_stdlib_build_yields_hundreds_of_clean_pairs(tmp_path):
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    stats = build_pairs(BuildConfig(out=tmp_path / "s.jsonl", sources=[("stdlib", stdlib)], workers=2,
                                    progress=False, include_mbpp=False))
    assert stats["written"]["mined"] > 500
    assert stats["files"]["test_file"] > 100
    tasks = load_mbpp_jsonl(tmp_path / "s.jsonl")
    assert all(t.task_id >= MINED_ID_OFFSET and "Signature: " in t.text for t in tasks)


# ------------------------------------------------------------------ generated sources (--sources)


def test_sources_flag_defaults_to_the_old_behaviour_and_parses_new_sources(tmp_path):
    default = corpus_cli.config_from_args(["--out", str(tmp_path / "a.jsonl")])
    assert default.include == ("mbpp", "mined") == BuildConfig(out=tmp_path).include
    cfg = corpus_cli.config_from_args(["--sources", "mbpp,augment,exercises", "--num-exercises", "500", "--variants", "3",
                                   "--seed", "4", "--exec-workers", "1"])
    assert (cfg.include, cfg.num_exercises, cfg.variants, cfg.seed, cfg.exec_workers) == (
        ("mbpp", "augment", "exercises"), 500, 3, 4, 1)


def test_sources_flag_names_an_unknown_source():
    with pytest.raises(ConfigError, match=r"include.*unknown source\(s\) bogus"):
        corpus_cli.config_from_args(["--sources", "mbpp,bogus"])


def test_a_value_out_of_range_is_named_before_any_work(tmp_path):
    with pytest.raises(ConfigError, match="seq_len"):
        corpus_cli.config_from_args(["--seq-len", "8", "--out", str(tmp_path / "x.jsonl")])
    with pytest.raises(ConfigError, match="variants"):
        corpus_cli.config_from_args(["--variants", "5000"])


def test_build_without_mined_skips_mining_and_reports_generated_counts(tmp_path, capsys):
    out = tmp_path / "gen.jsonl"
    assert corpus_cli.main(["--sources", "exercises", "--num-exercises", "12", "--out", str(out), "--quiet",
                        "--exec-workers", "1"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"exercises: generated=12 from \d+ templates, dropped by decontamination \(test=\d+, "
                     r"validation=\d+\)", printed)
    stats = json.loads(out.with_suffix(".stats.json").read_text())
    assert "files" not in stats  # no source folder was walked
    assert stats["written"]["mined"] == 0 and stats["written"]["exercises"] == len(load_mbpp_jsonl(out)) > 0


def test_a_corpus_is_reused_only_when_built_with_the_same_options_and_templates(tmp_path):
    from hrm_codegen.data.corpus.build import BuildConfig, build, is_current

    cfg = BuildConfig(out=tmp_path / "gen.jsonl", include=["exercises"], num_exercises=12, exec_workers=1,
                      progress=False)
    assert "not found" in is_current(cfg)
    build(cfg)
    assert is_current(cfg) is None
    assert "options" in is_current(cfg.model_copy(update={"num_exercises": 13}))
    stats_file = tmp_path / "gen.stats.json"
    stats = json.loads(stats_file.read_text())
    stats_file.write_text(json.dumps({**stats, "templates": "0" * 16}))
    assert "templates changed" in is_current(cfg)
