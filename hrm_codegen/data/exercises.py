"""Small programming exercises in MBPP's format, generated from templates and checked by execution.

Each template (:mod:`hrm_codegen.data.exercise_templates`, ``_text``, ``_num``, ``_seq``, ``_seq2``, ``_str``, ``_math``,
``_core``/``_core2``, ``_lib``/``_lib2``, ``_train``/``_train2``) is written from the Python language and
its standard library (builtins; str/list/dict/set/tuple methods; math, itertools, collections, re,
heapq, bisect, functools) and from the *shapes* of MBPP **train** tasks (601-974); no MBPP test or
validation task was used to write them. A template has paraphrased descriptions, one or more
reference solutions written with canonical names (``def f(nums): ...``: loops, comprehensions,
builtins), and an input kind per parameter (:data:`KINDS`). One exercise draws:

* a description paraphrase and MBPP's prefix (``Write a function to`` / ``Write a python function to``);
* a reference solution, renamed: a fresh function name (:func:`~hrm_codegen.data.augment.fresh_function_name`)
  and parameter names from the kind's pool, through the same AST renamer as the augmentation;
* three inputs, and the expected values by **running the reference** on them.

*Where the expected values come from.* They are computed in this process with ``exec`` of the
reference -- code of this package's own templates, not model output, run on small inputs the
generator drew -- in a fresh namespace, on deep copies of the inputs (so in-place solutions cannot
change the asserts). That is fast and needs no round trip per value. The record that results
(reference, then its asserts with the values as literals) is then **run in the sandbox** like any
other (:func:`~hrm_codegen.data.augment.verify_records`), so a value whose ``repr`` does not
round-trip, or anything that behaves differently from in-process, fails and is dropped and counted.

Exercises are deterministic for a seed (one seeded generator per exercise index), distinct (exact
duplicates of code + asserts are redrawn), and decontaminated against MBPP test and validation
with the corpus's own :class:`~hrm_codegen.data.corpus.decontaminate.EvalIndex` (:func:`decontaminate`).
Records: MBPP format plus ``"source": "exercise"``, ``"template"``; ``task_id = EXERCISE_ID_OFFSET + i``.
"""

from __future__ import annotations

import ast
import builtins
import copy
import hashlib
import random
import string
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from tqdm import tqdm

from hrm_codegen.data.augment import (
    augment_tasks,
    fresh_function_name,
    identifiers,
    is_free_name,
    record_prompt,
    rename_identifiers,
    verify_records,
)
from hrm_codegen.data.corpus.decontaminate import EVAL_SPLITS, MBPP_KEPT_SPLITS, EvalIndex
from hrm_codegen.tasks.mbpp import format_completion, load_mbpp
from hrm_codegen.tokenization import get_tokenizer

EXERCISE_ID_OFFSET = 3_000_000
PREFIXES = ("Write a function to ", "Write a python function to ")
MAX_REPR = 90  # characters of one argument list or expected value in an assert


# --------------------------------------------------------------------------------------------
# Input kinds: a sampler and the parameter names that suit it
# --------------------------------------------------------------------------------------------

_WORDS = (
    "apple river stone cloud green python table light music paper orange window silver garden planet "
    "rocket yellow forest bridge winter summer coffee dragon little market number letter simple banana "
    "cat dog sun map key pen cup box red sky tree bird fish code data list word test moon star book"
).split()


def _word(r: random.Random) -> str:
    return r.choice(_WORDS)


def _ints(r, lo=-20, hi=60, n_lo=1, n_hi=8):
    return [r.randint(lo, hi) for _ in range(r.randint(n_lo, n_hi))]


def _mixed_str(r: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + "  "
    return "".join(r.choice(alphabet) for _ in range(r.randint(3, 12))).strip() or "a1"


def _sentence(r: random.Random) -> str:
    words = [_word(r) for _ in range(r.randint(2, 6))]
    if r.random() < 0.3:
        words[0] = words[0].capitalize()
    return " ".join(words)


def _letters(r: random.Random) -> str:
    pool = "aabcdeeiilmnoorssttu"
    return "".join(r.choice(pool) for _ in range(r.randint(1, 10)))


@dataclass(frozen=True)
class Kind:
    """An input kind: ``sample(rng)`` draws a value, ``names`` are parameter names that suit it."""

    sample: Callable[[random.Random], object]
    names: tuple[str, ...]


KINDS: dict[str, Kind] = {
    "ints": Kind(lambda r: _ints(r), ("nums", "arr", "numbers", "lst", "values", "list1", "items", "a")),
    "ints0": Kind(lambda r: _ints(r, n_lo=0), ("nums", "arr", "numbers", "lst", "values", "list1")),
    "nats": Kind(lambda r: _ints(r, 0, 40), ("nums", "arr", "numbers", "lst", "values", "list1", "data")),
    "pos_ints": Kind(lambda r: _ints(r, 1, 30), ("nums", "arr", "numbers", "lst", "values", "list1")),
    "digits": Kind(lambda r: _ints(r, 0, 9, 1, 6), ("digits", "nums", "arr", "lst")),
    "sorted": Kind(lambda r: sorted(_ints(r, 0, 40)), ("arr", "nums", "sorted_list", "a", "lst")),
    "ints2": Kind(lambda r: _ints(r, -10, 30, 1, 6), ("other", "nums2", "arr2", "list2", "b", "second")),
    "int": Kind(lambda r: r.randint(0, 30), ("n", "num", "x", "number", "value")),
    "pos": Kind(lambda r: r.randint(1, 40), ("n", "num", "number", "limit", "count")),
    "small": Kind(lambda r: r.randint(1, 9), ("n", "k", "m", "size", "times", "step")),
    "idx": Kind(lambda r: r.randint(0, 4), ("k", "i", "index", "n", "pos", "idx")),
    "signed": Kind(lambda r: r.randint(-50, 50), ("x", "n", "num", "value", "a")),
    "signed2": Kind(lambda r: r.randint(-50, 50), ("y", "m", "b", "other", "num2")),
    "big": Kind(lambda r: r.randint(10, 999_999), ("n", "num", "number", "value")),
    "bits": Kind(lambda r: r.randint(0, 255), ("n", "num", "x", "value", "bits")),
    "year": Kind(lambda r: r.randint(1800, 2400), ("year", "y", "yr")),
    "side": Kind(lambda r: r.randint(1, 20), ("a", "side", "length", "r", "radius", "base")),
    "side2": Kind(lambda r: r.randint(1, 20), ("b", "width", "height", "h", "other")),
    "side3": Kind(lambda r: r.randint(1, 20), ("c", "depth", "third", "z")),
    "str": Kind(lambda r: r.choice((_word(r), _letters(r), _word(r) + _word(r))), ("s", "text", "string", "word", "str1")),
    "str2": Kind(lambda r: r.choice((_word(r), _letters(r))), ("t", "other", "str2", "second", "word2")),
    "short": Kind(lambda r: "".join(r.choice("abcde") for _ in range(r.randint(1, 4))), ("s", "text", "word", "letters")),
    "mixed": Kind(_mixed_str, ("s", "text", "string", "str1", "line")),
    "sentence": Kind(_sentence, ("text", "sentence", "s", "line", "phrase")),
    "char": Kind(lambda r: r.choice("aeiostnrl"), ("ch", "c", "char", "letter")),
    "words": Kind(lambda r: [_word(r) for _ in range(r.randint(1, 6))], ("words", "strs", "names", "items", "list1")),
    "tup": Kind(lambda r: tuple(_ints(r, -5, 30, 1, 7)), ("tup", "t", "test_tup", "values", "tpl")),
    "tup2": Kind(lambda r: tuple(_ints(r, -5, 30, 1, 7)), ("other", "tup2", "test_tup2", "second")),
    "pairs": Kind(lambda r: [(r.randint(0, 20), r.randint(0, 20)) for _ in range(r.randint(1, 5))],
                  ("pairs", "tuples", "test_list", "records", "items")),
    "named": Kind(lambda r: [(_word(r), r.randint(0, 99)) for _ in range(r.randint(1, 5))],
                  ("records", "pairs", "items", "test_list", "scores")),
    "dict": Kind(lambda r: {_word(r): r.randint(-10, 99) for _ in range(r.randint(1, 5))},
                 ("d", "dct", "mapping", "scores", "data", "dict1")),
    "dict2": Kind(lambda r: {_word(r): r.randint(0, 50) for _ in range(r.randint(1, 4))}, ("other", "d2", "dict2")),
    "matrix": Kind(lambda r: [_ints(r, -9, 20, 1, 4) for _ in range(r.randint(1, 4))],
                   ("matrix", "grid", "rows", "lists", "list1")),
    "camel": Kind(lambda r: "".join(w.capitalize() if i else w for i, w in enumerate(_word(r) for _ in range(r.randint(1, 4)))),
                  ("text", "name", "s", "identifier", "camel")),
    "snake": Kind(lambda r: "_".join(_word(r) for _ in range(r.randint(1, 4))), ("text", "name", "s", "identifier", "snake")),
    "ab": Kind(lambda r: "".join(r.choice("aabbc") for _ in range(r.randint(1, 8))), ("text", "s", "string", "pattern_text")),
    "square": Kind(lambda r: (lambda n: [[r.randint(0, 9) for _ in range(n)] for _ in range(n)])(r.randint(1, 4)),
                   ("matrix", "grid", "m", "mat")),
}


# --------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    """One exercise family: descriptions, input kinds, reference solutions with canonical names."""

    key: str
    kinds: tuple[str, ...]
    descriptions: tuple[str, ...]
    solutions: tuple[str, ...]  # each "def f(<params>): ..." (imports may precede it)

    def params(self, solution: str) -> list[str]:
        """The parameter names of one solution's ``f``."""
        fn = next(n for n in ast.parse(solution).body if isinstance(n, ast.FunctionDef) and n.name == "f")
        return [a.arg for a in fn.args.args]


def parse_templates(text: str) -> list[Template]:
    """Templates from the compact text format of :mod:`~hrm_codegen.data.exercise_templates`.

    A template starts with ``== key | kind, kind`` and has description lines (``> ...``) and one or
    more solutions separated by ``--`` lines. Raises ``ValueError`` naming the template on errors.
    """
    out: list[Template] = []
    blocks = [b for b in text.split("\n== ") if b.strip()]
    for block in blocks:
        lines = block.strip("\n").removeprefix("== ").split("\n")
        key, _, kinds = lines[0].partition("|")
        descs = tuple(line[2:].strip() for line in lines[1:] if line.startswith("> "))
        code = "\n".join(line for line in lines[1:] if not line.startswith("> "))
        sols = tuple(s.strip("\n") + "\n" for s in code.split("\n--\n") if s.strip())
        t = Template(key.strip(), tuple(k.strip() for k in kinds.split(",") if k.strip()), descs, sols)
        problems = [k for k in t.kinds if k not in KINDS]
        if problems or not descs or not sols:
            raise ValueError(f"template {t.key!r}: unknown kinds {problems} or no description/solution")
        for sol in sols:
            try:
                n = len(t.params(sol))
            except (SyntaxError, StopIteration) as e:
                raise ValueError(f"template {t.key!r}: solution does not define f: {e}") from None
            if n != len(t.kinds):
                raise ValueError(f"template {t.key!r}: {n} parameters but {len(t.kinds)} kinds")
        out.append(t)
    keys = Counter(t.key for t in out)
    if dup := [k for k, c in keys.items() if c > 1]:
        raise ValueError(f"duplicate template keys: {dup}")
    return out


def load_templates() -> list[Template]:
    """Every template shipped with the package (parsed once per call; cheap)."""
    from hrm_codegen.data import (
        exercise_templates,
        exercise_templates_core,
        exercise_templates_core2,
        exercise_templates_lib,
        exercise_templates_lib2,
        exercise_templates_math,
        exercise_templates_num,
        exercise_templates_seq,
        exercise_templates_seq2,
        exercise_templates_str,
        exercise_templates_text,
        exercise_templates_train,
        exercise_templates_train2,
    )

    # The order fixes which template exercise i draws from: keep it when adding modules.
    modules = (exercise_templates, exercise_templates_text, exercise_templates_num, exercise_templates_seq,
               exercise_templates_seq2, exercise_templates_str, exercise_templates_math,
               exercise_templates_core, exercise_templates_core2, exercise_templates_lib, exercise_templates_lib2,
               exercise_templates_train, exercise_templates_train2)
    return parse_templates("\n".join(m.TEMPLATES_TEXT for m in modules))


def templates_fingerprint() -> str:
    """A short hash of every shipped template (text and order): a corpus built with other templates
    is another corpus, though its build options are the same."""
    return hashlib.sha256("\n".join(f"{t.key}|{t.kinds}|{t.descriptions}|{t.solutions}"
                                     for t in load_templates()).encode()).hexdigest()[:16]


# --------------------------------------------------------------------------------------------
# One exercise
# --------------------------------------------------------------------------------------------


def reference_function(code: str, name: str) -> Callable:
    """``name`` from executing trusted template ``code`` in a fresh namespace (see the module docstring)."""
    ns: dict = {"__builtins__": builtins, "__name__": "exercise"}
    exec(compile(code, "<exercise>", "exec"), ns)  # noqa: S102 - our own template code, not model output
    return ns[name]


def _args_text(args: Sequence[object]) -> str:
    return ", ".join(repr(a) for a in args)


def make_exercise(template: Template, rng: random.Random, max_tries: int = 30, random_names: float = 0.0) -> dict | None:
    """One exercise record from ``template`` (without ``task_id``), or None when no inputs worked.

    Inputs whose reference call raises, or whose assert would be too long, are redrawn; the three
    inputs must be distinct and, when the template allows it, give at least two distinct results.
    """
    solution = rng.choice(template.solutions)
    params = template.params(solution)
    tree = ast.parse(solution)
    taken = identifiers(tree) - set(params) - {"f"}
    mapping = {}
    for p, kind in zip(params, template.kinds):
        options = [n for n in KINDS[kind].names if is_free_name(n, taken | set(mapping.values()))]
        mapping[p] = rng.choice(options) if options else p
    taken |= set(mapping.values())
    words = template.key.split("_")
    name = fresh_function_name(rng, taken, hint=words, hint_share=0.35, random_share=random_names)
    code = rename_identifiers(solution, {"f": name, **mapping})
    fn = reference_function(code, name)
    cases, results = [], []
    for _ in range(max_tries):
        args = [KINDS[k].sample(rng) for k in template.kinds]
        shown = _args_text(args)
        if any(shown == c for c, _ in cases) or len(shown) > MAX_REPR:
            continue
        try:
            value = fn(*copy.deepcopy(args))
        except Exception:  # noqa: BLE001 - an input the reference does not accept: draw another
            continue
        text = repr(value)
        if len(text) > MAX_REPR or value is None:
            continue
        if len(cases) == 2 and len({r for r in results} | {text}) == 1 and max_tries > 10:
            max_tries -= 1  # prefer a third case that differs, but accept repeats eventually
            continue
        cases.append((shown, text))
        results.append(text)
        if len(cases) == 3:
            break
    if len(cases) < 3:
        return None
    eq = rng.choice((" == ", "=="))
    tests = [f"assert {name}({a}){eq}{v}" for a, v in cases]
    desc = rng.choice(PREFIXES) + rng.choice(template.descriptions).rstrip(".") + "."
    return {"text": desc, "code": code, "test_list": tests, "test_setup_code": "", "challenge_test_list": [],
            "source": "exercise", "template": template.key}


def generate_exercises(n: int, seed: int = 0, templates: Sequence[Template] | None = None,
                       progress: bool = False, random_names: float = 0.0) -> tuple[list[dict], Counter]:
    """``n`` distinct exercises (deterministic for ``seed``), not yet executed in the sandbox.

    Templates are used in turn (exercise ``i`` draws from template ``i % len(templates)`` first), so
    every template contributes about equally. Returns the records and counts (``generated``,
    ``duplicates_redrawn``, ``no_valid_inputs``).
    """
    templates = list(templates) if templates is not None else load_templates()
    counts: Counter = Counter()
    out, seen = [], set()
    bar = tqdm(total=n, desc="exercises", unit="ex", disable=not progress, mininterval=1.0)
    attempt = 0
    while len(out) < n and attempt < 4 * n + 100:
        rng = random.Random(f"{seed}:exercise:{attempt}")
        template = templates[attempt % len(templates)] if attempt < 2 * n else rng.choice(templates)
        attempt += 1
        rec = make_exercise(template, rng, random_names=random_names)
        if rec is None:
            counts["no_valid_inputs"] += 1
            continue
        key = (rec["code"], tuple(rec["test_list"]))
        if key in seen:
            counts["duplicates_redrawn"] += 1
            continue
        seen.add(key)
        out.append({"task_id": EXERCISE_ID_OFFSET + len(out), **rec})
        bar.update()
    bar.close()
    counts["generated"] = len(out)
    return out, counts


# --------------------------------------------------------------------------------------------
# Decontamination and token lengths
# --------------------------------------------------------------------------------------------


def decontaminate(records: Sequence[dict], indexes: dict, group: str, idiom_df: int = 5,
                  name_of: Callable[[dict], str | None] | None = None,
                  whole_groups: bool = False) -> tuple[list[dict], Counter, list[str]]:
    """Drop records that leak an MBPP evaluation split, with the corpus's :meth:`EvalIndex.check`.

    ``indexes`` maps a split name (``test``, ``validation``) to its :class:`~hrm_codegen.data.corpus.decontaminate.EvalIndex`;
    a record is checked against each in turn and counted under ``"<split>:<reason>"`` for the first
    that flags it. Generated records repeat their template, so a shared code n-gram is an idiom when
    it occurs in more than ``idiom_df`` distinct ``group`` values (templates, or origin tasks), not
    records. ``name_of(record)`` gives the tested function's name (default: the first ``def``).
    ``whole_groups``: a flagged record also drops every other record of its ``group`` (counted as
    ``"<split>:family_of_flagged"``).
    """
    if name_of is None:
        name_of = _first_def_name
    counts: Counter = Counter()
    dropped: list[str] = []
    for split, index in indexes.items():
        per_group: dict = {}
        shared = [index.shared_code_grams(r["code"]) for r in records]
        for r, grams in zip(records, shared):
            per_group.setdefault(r.get(group), set()).update(grams)
        df = Counter(g for grams in per_group.values() for g in grams)
        index.idioms = {g for g, c in df.items() if c > idiom_df}
        kept, flagged = [], set()
        for r, grams in zip(records, shared):
            reason = index.check(r["text"], name_of(r), r["code"], grams)
            if reason:
                counts[f"{split}:{reason}"] += 1
                dropped.append(f"{split}:{reason}: {r['task_id']}")
                flagged.add(r.get(group))
            else:
                kept.append(r)
        if whole_groups:
            for r in kept:
                if r.get(group) in flagged:
                    counts[f"{split}:family_of_flagged"] += 1
                    dropped.append(f"{split}:family_of_flagged: {r['task_id']}")
            kept = [r for r in kept if r.get(group) not in flagged]
        records = kept
    return list(records), counts, dropped


def _first_def_name(rec: dict) -> str | None:
    for line in rec["code"].split("\n"):
        if line.startswith("def "):
            return line[4:].split("(")[0].strip()
    return None


def token_lengths(records: Sequence[dict], tokenizer=None) -> list[int]:
    """Positions each record needs for training: ``len(prompt + code + EOS) - 1`` GPT-2 tokens."""
    if tokenizer is None:
        tokenizer = get_tokenizer()
    prompts = tokenizer.encode_batch([record_prompt(r) for r in records])
    codes = tokenizer.encode_batch([format_completion(r["code"]) for r in records])
    return [len(p) + len(c) for p, c in zip(prompts, codes)]


# --------------------------------------------------------------------------------------------
# The generated sources of ``hrm-codegen data build``
# --------------------------------------------------------------------------------------------

GENERATED_SOURCES = ("augment", "exercises")


def length_stats(lengths: Sequence[int], seq_len: int) -> dict:
    """Token-length summary: count, mean, median, max, and how many fit ``seq_len`` (and 256)."""
    if not lengths:
        return {"n": 0}
    s = sorted(lengths)
    return {"n": len(s), "mean": round(sum(s) / len(s), 1), "median": s[len(s) // 2], "p95": s[int(0.95 * (len(s) - 1))],
            "max": s[-1], "fit_seq_len": sum(n <= seq_len for n in s), "fit_256": sum(n <= 256 for n in s)}


def _finish_source(records: list[dict], indexes: dict, group: str, name_of, cfg, label: str) -> tuple[list[dict], dict]:
    """Decontaminate, drop records over ``cfg.seq_len``, execute the rest in the sandbox; count each step."""
    st: dict = {"generated": len(records)}
    clean, contam, dropped = decontaminate(records, indexes, group, cfg.idiom_df, name_of, cfg.drop_flagged_families)
    st["decontamination"] = {split: sum(c for k, c in contam.items() if k.startswith(split + ":")) for split in indexes}
    st["decontamination_reasons"] = dict(sorted(contam.items()))
    st["decontamination_dropped"] = dropped
    lengths = token_lengths(clean)
    st["tokens"] = length_stats(lengths, cfg.seq_len)
    fits = [r for r, n in zip(clean, lengths) if n <= cfg.seq_len]
    st["over_seq_len"] = len(clean) - len(fits)

    passed, statuses, failures = verify_records(fits, workers=cfg.exec_workers, progress=cfg.progress,
                                                desc=f"executing {label}")
    st["executed"] = len(fits)
    st["passed"] = len(passed)
    st["failed"] = len(fits) - len(passed)
    st["exec_statuses"] = dict(statuses)
    st["exec_failures"] = failures
    st["kept"] = len(passed)
    return passed, st


def build_generated(cfg) -> tuple[dict[str, list[dict]], dict]:
    """The generated sources named in ``cfg.include`` (a corpus ``BuildConfig``), ready to write.

    ``augment``: ``cfg.variants`` renamed variants of each MBPP train + prompt task
    (:mod:`hrm_codegen.data.augment`); ``exercises``: ``cfg.num_exercises`` template exercises.
    Each is decontaminated against MBPP test and validation (counted separately), filtered to
    ``cfg.seq_len`` tokens and executed in the sandbox with ``cfg.exec_workers`` workers.
    Returns ``({source: records}, {source: stats})``.
    """
    indexes = {s: EvalIndex(load_mbpp(s), cfg.code_ngram, cfg.desc_ngram, cfg.desc_min_ngram, cfg.name_jaccard)
               for s in EVAL_SPLITS}
    out: dict[str, list[dict]] = {}
    stats: dict = {}
    if "augment" in cfg.include:
        tasks = [t for s in MBPP_KEPT_SPLITS for t in load_mbpp(s)]
        recs, counts = augment_tasks(tasks, cfg.variants, cfg.seed, progress=cfg.progress, random_names=cfg.random_names)
        out["augment"], stats["augment"] = _finish_source(
            recs, indexes, "origin", lambda r: next(iter(r["renamed"].values())), cfg, "augment")
        stats["augment"].update(counts)
    if "exercises" in cfg.include:
        templates = load_templates()
        recs, counts = generate_exercises(cfg.num_exercises, cfg.seed, templates, progress=cfg.progress,
                                          random_names=cfg.random_names)
        out["exercises"], stats["exercises"] = _finish_source(recs, indexes, "template", None, cfg, "exercises")
        stats["exercises"].update(counts, templates=len(templates),
                                  templates_kept=len({r["template"] for r in out["exercises"]}))
    return out, stats
