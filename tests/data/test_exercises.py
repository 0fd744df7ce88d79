"""Tests of the generated training data: MBPP augmentation (``augment``) and template exercises (``exercises``)."""

from __future__ import annotations

import ast
import random
import re

import pytest

from hrm_codegen.data.augment import (
    AUGMENT_ID_OFFSET,
    augment_tasks,
    fresh_function_name,
    functions_under_test,
    make_variant,
    record_prompt,
    rename_identifiers,
    split_words,
    verify_records,
)
from hrm_codegen.data.corpus.build import BuildConfig, build_pairs
from hrm_codegen.data.corpus.decontaminate import EvalIndex
from hrm_codegen.data.exercises import (
    EXERCISE_ID_OFFSET,
    KINDS,
    decontaminate,
    generate_exercises,
    load_templates,
    make_exercise,
    parse_templates,
)
from hrm_codegen.tasks.mbpp import MBPPTask, format_prompt, load_mbpp, load_mbpp_jsonl


@pytest.fixture(scope="module")
def train_tasks() -> list[MBPPTask]:
    return load_mbpp("prompt") + load_mbpp("train")


@pytest.fixture(scope="module")
def templates():
    return load_templates()


# ------------------------------------------------------------------ renaming


def test_rename_touches_names_not_attributes_strings_or_kwargs():
    src = ("def count(s, n=2):\n\t# count stays in comments\n\tk = s.count('count') + n\n"
           "\treturn [count for count in range(k)], sorted(s, key=len)\n")
    out = rename_identifiers(src, {"count": "tally_items", "key": "zzz"})
    assert out.startswith("def tally_items(s, n=2):\n\t# count stays in comments\n\tk = s.count('count') + n")
    assert "[tally_items for tally_items in range(k)]" in out  # a bound name is renamed consistently
    assert "key=len" in out  # keyword-argument names at call sites are not variables
    assert ast.dump(ast.parse(out)).count("tally_items") == 3


def test_rename_within_one_function_leaves_the_others_alone():
    src = "def helper(x):\n    return x + 1\n\ndef main_fn(x, y):\n    return helper(x) * y\n"
    fn = ast.parse(src).body[1]
    out = rename_identifiers(src, {"x": "value"}, within=fn)
    assert out == "def helper(x):\n    return x + 1\n\ndef main_fn(value, y):\n    return helper(value) * y\n"


def test_fresh_names_are_identifiers_and_avoid_taken_names():
    rng = random.Random(0)
    taken = {"find_max", "sum", "items"}
    names = {fresh_function_name(rng, taken, hint=["find", "max"]) for _ in range(300)}
    assert len(names) > 200 and not names & taken
    assert all(n.isidentifier() and not n.startswith("test") for n in names)
    assert any("_" not in n and n != n.lower() for n in names)  # some camelCase
    assert split_words("find_MaxNum") == ["find", "max", "num"]


def test_variant_renames_code_and_asserts_consistently_and_reorders(train_tasks):
    task = next(t for t in train_tasks if t.task_id == 604)
    (old,) = functions_under_test(task)
    rng = random.Random(3)
    seen_orders = set()
    for _ in range(6):
        v = make_variant(task, rng, rename_params=1.0)
        new = v["renamed"][old]
        assert new != old and re.search(rf"def {new}\(", v["code"])
        assert not re.search(rf"\b{old}\b", v["code"] + "".join(v["test_list"]))
        assert all(f"assert {new}(" in t for t in v["test_list"])
        assert sorted(t.replace(new, old) for t in v["test_list"]) == sorted(task.test_list)
        seen_orders.add(tuple(t.replace(new, old) for t in v["test_list"]))
        assert record_prompt(v) == format_prompt(v["text"], v["test_list"])
    assert len(seen_orders) > 1 and tuple(task.test_list) not in seen_orders  # always reordered


def test_augmentation_is_deterministic_distinct_and_passes_in_the_sandbox(train_tasks):
    tasks = [t for t in train_tasks if t.task_id in (2, 601, 604, 605, 640, 700, 927)]
    a, counts = augment_tasks(tasks, 3, seed=1)
    b, _ = augment_tasks(tasks, 3, seed=1)
    c, _ = augment_tasks(tasks, 3, seed=2)
    assert a == b and a != c
    assert counts["tasks"] == 7 and counts["variants_generated"] == len(a) >= 18
    assert len({(r["code"], tuple(r["test_list"])) for r in a}) == len(a)
    assert all(AUGMENT_ID_OFFSET + r["origin"] * 1000 < r["task_id"] <= AUGMENT_ID_OFFSET + r["origin"] * 1000 + 3
               for r in a)
    passed, statuses, failures = verify_records(a, workers=2)
    assert len(passed) == len(a), failures


def test_verify_drops_and_counts_a_broken_variant(train_tasks):
    (good,) = augment_tasks([next(t for t in train_tasks if t.task_id == 604)], 1)[0]
    bad = dict(good, task_id=good["task_id"] + 1, test_list=[good["test_list"][0].replace("==", "!=")])
    passed, statuses, failures = verify_records([good, bad], workers=1)
    assert passed == [good] and statuses["failed"] == 1 and failures[0].startswith(f"{bad['task_id']}: failed")


# ------------------------------------------------------------------ templates and exercises


def test_templates_are_many_distinct_and_well_formed(templates):
    assert len(templates) >= 100
    assert len({t.key for t in templates}) == len(templates)
    assert sum(len(t.solutions) > 1 for t in templates) >= 80  # loops vs comprehensions vs builtins
    assert sum(len(t.descriptions) for t in templates) >= 2 * len(templates)
    for t in templates:
        for sol in t.solutions:
            assert len(t.params(sol)) == len(t.kinds)


def test_one_exercise_of_every_solution_passes_in_the_sandbox(templates):
    recs = []
    for t in templates:
        for k, sol in enumerate(t.solutions):
            one = t.__class__(t.key, t.kinds, t.descriptions, (sol,))
            rec = make_exercise(one, random.Random(f"test:{t.key}:{k}"))
            assert rec is not None, t.key
            recs.append(dict(rec, task_id=len(recs)))
    for rec in recs:
        assert rec["text"].startswith(("Write a function to ", "Write a python function to "))
        assert len(rec["test_list"]) == 3 and len(set(rec["test_list"])) == 3
        name = rec["code"].split("def ", 1)[1].split("(")[0]
        assert all(t.startswith(f"assert {name}(") for t in rec["test_list"])
    passed, statuses, failures = verify_records(recs, workers=2)
    assert len(passed) == len(recs), failures


def test_expected_values_come_from_running_the_reference_on_copies():
    (t,) = parse_templates("== sort_in_place | ints\n> sort a list in place and return it\n"
                           "def f(nums):\n    nums.sort()\n    return nums\n")
    rec = make_exercise(t, random.Random(0))
    for test in rec["test_list"]:
        call, expected = re.match(r"assert \w+\((.*)\) ?== ?(.*)", test).groups()
        assert sorted(ast.literal_eval(call)) == ast.literal_eval(expected)  # the argument shown is unsorted input


def test_generate_is_deterministic_distinct_and_uses_every_template(templates):
    a, counts = generate_exercises(2 * len(templates), seed=5, templates=templates)
    b, _ = generate_exercises(2 * len(templates), seed=5, templates=templates)
    assert a == b and counts["generated"] == len(a) == 2 * len(templates)
    assert a != generate_exercises(2 * len(templates), seed=6, templates=templates)[0]
    assert len({(r["code"], tuple(r["test_list"])) for r in a}) == len(a)
    assert {r["template"] for r in a} == {t.key for t in templates}
    assert [r["task_id"] for r in a] == list(range(EXERCISE_ID_OFFSET, EXERCISE_ID_OFFSET + len(a)))


def test_parse_templates_rejects_mismatched_kinds():
    with pytest.raises(ValueError, match="2 parameters but 1 kinds"):
        parse_templates("== bad | ints\n> do a thing\ndef f(a, b):\n    return a\n")
    with pytest.raises(ValueError, match="unknown kinds"):
        parse_templates("== bad | nope\n> do a thing\ndef f(a):\n    return a\n")
    assert set(KINDS) >= {"ints", "str", "dict", "matrix"}


# ------------------------------------------------------------------ decontamination and the build


def test_decontamination_drops_planted_test_and_validation_tasks(templates):
    indexes = {s: EvalIndex(load_mbpp(s)) for s in ("test", "validation")}
    clean, _ = generate_exercises(20, seed=0, templates=templates)
    planted = []
    for split, k in (("test", 40), ("validation", 7)):
        t = load_mbpp(split)[k]
        planted.append({"task_id": 99 + k, "text": t.text, "code": t.code, "test_list": list(t.test_list),
                        "template": f"planted-{split}"})
    kept, counts, dropped = decontaminate(clean + planted, indexes, group="template")
    assert [r["task_id"] for r in kept] == [r["task_id"] for r in clean if r in kept]
    assert not any(r["template"].startswith("planted") for r in kept)
    assert sum(v for k, v in counts.items() if k.startswith("test:")) >= 1
    assert any(d.startswith("validation:") and d.endswith(": 106") for d in dropped)
    assert len(kept) >= len(clean) - 3  # generated exercises are mostly clean


def test_whole_groups_drops_the_family_of_a_flagged_record(templates):
    indexes = {"test": EvalIndex(load_mbpp("test"))}
    clean, _ = generate_exercises(30, seed=0, templates=templates)
    t = load_mbpp("test")[40]
    # a family of three: one record is the test task itself, two are innocuous-looking siblings
    leak = {"task_id": 1, "text": t.text, "code": t.code, "test_list": list(t.test_list), "template": "fam"}
    siblings = [{**c, "task_id": 2 + i, "template": "fam"} for i, c in enumerate(clean[:2])]
    records = clean[2:] + [leak, *siblings]
    by_record, _, _ = decontaminate(records, indexes, group="template")
    assert {r["task_id"] for r in siblings} <= {r["task_id"] for r in by_record}  # the siblings pass the n-gram checks
    kept, counts, dropped = decontaminate(records, indexes, group="template", whole_groups=True)
    assert not any(r["template"] == "fam" for r in kept)
    assert counts["test:family_of_flagged"] == 2 and "test:family_of_flagged: 2" in dropped
    assert [r for r in by_record if r["template"] != "fam"] == kept


def test_build_writes_exercises_in_the_loader_format(tmp_path):
    cfg = BuildConfig(out=tmp_path / "c.jsonl", include=("exercises",), num_exercises=40, seed=1, progress=False,
                      exec_workers=2)
    stats = build_pairs(cfg)
    first = cfg.out.read_bytes()
    tasks = load_mbpp_jsonl(cfg.out)
    ex = stats["generated"]["exercises"]
    assert ex["generated"] == 40 and ex["templates"] >= 100
    assert ex["kept"] == ex["passed"] == ex["executed"] == len(tasks) == stats["written"]["exercises"]
    assert ex["generated"] == ex["kept"] + sum(ex["decontamination"].values()) + ex["over_seq_len"] + ex["failed"]
    assert set(ex["decontamination"]) == {"test", "validation"}
    assert all(t.task_id >= EXERCISE_ID_OFFSET and len(t.test_list) == 3 for t in tasks)
    assert all(t.prompt == format_prompt(t.text, t.test_list) for t in tasks)
    build_pairs(cfg)
    assert cfg.out.read_bytes() == first  # deterministic for a seed
