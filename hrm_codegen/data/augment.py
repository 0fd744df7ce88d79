"""Augmented MBPP tasks: the tested function renamed, optionally its parameters, asserts reordered.

MBPP's train split (601-974) and prompt split (1-10) have only 384 tasks, and a small model trained on
them learns the names more than the task (it never learns to *copy* the name the asserts call). Each
variant of a task keeps the reference solution's logic and the assert values, and changes the
surface a model could memorise:

* the **tested function** (every name the asserts call that the code defines) gets a fresh,
  plausible name (``snake_case`` or ``camelCase``) built from :data:`VERBS`, :data:`ADJECTIVES`
  and :data:`NOUNS` -- a general English / programming vocabulary written for this module, not taken
  from MBPP -- or the original name's words restyled (``max_of_list`` -> ``maxOfList``);
* optionally the tested function's **parameters** get other names of the same kind
  (a string stays a string: ``str1`` -> ``text``);
* the **asserts** are shuffled.

Renaming goes through the AST: every :class:`ast.Name`, :class:`ast.arg` and ``def`` name with the old
identifier is rewritten *at its source position*, so the code keeps its layout, tabs and comments,
and attributes (``s.count``) or strings are never touched. Variants are built deterministically from
a seed, and every variant is **executed in the sandbox** (reference code, setup code, asserts) before
it is kept: one that fails is dropped and counted (:func:`verify_records`).

Records have the corpus's MBPP format with ``"source": "augment"``, ``"origin"`` (the MBPP task id)
and ``task_id = AUGMENT_ID_OFFSET + origin * 1000 + k``.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import random
import re
from collections import Counter
from typing import Iterable, Sequence

from tqdm import tqdm

from hrm_codegen.data.vocab import identifier_words
from hrm_codegen.sandbox import Limits, Sandbox
from hrm_codegen.tasks.mbpp import MBPPTask, format_prompt, task_parts

AUGMENT_ID_OFFSET = 2_000_000  # + origin * 1000 + k: never collides with MBPP (<1000) or mined (1_000_000+)
MAX_VARIANTS = 999

VERBS = (
    "get find compute count check calc make build extract collect filter merge split join sort order rotate "
    "remove replace convert parse scan sum total pick select group pair match flatten shift swap trim strip "
    "clean map reduce measure detect locate fetch gather list rank score tally track transform turn "
    "encode decode expand fold combine append insert drop keep mark label read render solve evaluate derive "
    "generate produce return search lookup"
).split()
ADJECTIVES = (
    "max min first last unique common even odd longest shortest largest smallest distinct sorted nested "
    "total average middle next prev previous positive negative upper lower single double inner outer new "
    "final simple valid missing repeated frequent alternate adjacent reversed consecutive equal"
).split()
NOUNS = (
    "items values numbers elements array string text word words chars letters digits pairs keys entries "
    "records tuple tuples matrix rows columns grid nodes sequence series range result results parts pieces "
    "chunks tokens names labels counts sums squares cubes powers factors divisors multiples primes bits "
    "index indices position positions length size value item element number data list lists set sets "
    "dict mapping table key sentence line lines vowels spaces gap gaps run runs segment total area volume"
).split()

_RESERVED = frozenset(keyword.kwlist) | frozenset(dir(builtins)) | {"self", "cls", "main", "test", "f"}

# Parameter-name pools by what the original name suggests (order matters: first match wins).
PARAM_POOLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"str|text|word|sent|char|ch$|^s\d?$|name", ("text", "string", "s", "word", "phrase", "line", "txt", "str_in")),
    (r"dict|map|^d\d?$", ("mapping", "table", "lookup", "dct", "entries", "data_dict")),
    (r"tup", ("tup", "items", "record", "values", "tpl", "seq")),
    (r"list|lst|arr|nums|seq|^l\d?$|^a\d?$|items|elem", ("items", "values", "arr", "seq", "data", "lst", "numbers",
                                                         "elements", "xs")),
    (r"^[nmkxyzrijpq]\d?$|num|^k|limit|val|count|size|len|index|idx|^pos",
     ("n", "num", "value", "k", "x", "count", "limit", "size", "amount", "m")),
)
GENERIC_PARAMS = ("arg", "value", "data", "item", "obj", "inp", "source", "target", "other", "first", "second")


# --------------------------------------------------------------------------------------------
# Fresh names
# --------------------------------------------------------------------------------------------


def split_words(name: str) -> list[str]:
    """Lower-case words of an identifier in snake_case, camelCase or a mix (``find_MaxNum`` -> find, max, num)."""
    parts = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).split("_")
    return [p.lower() for p in parts if p]


def style_name(words: Sequence[str], style: str) -> str:
    """Join words as ``snake`` (``find_max``), ``camel`` (``findMax``) or ``pascal_snake`` (``find_Max``, MBPP's mix)."""
    if style == "camel":
        return words[0] + "".join(w.capitalize() for w in words[1:])
    if style == "pascal_snake":
        return "_".join([words[0]] + [w.capitalize() for w in words[1:]])
    return "_".join(words)


def is_free_name(name: str, taken: Iterable[str]) -> bool:
    """A valid identifier that is no keyword, builtin or already used name (case-insensitively)."""
    low = {t.lower() for t in taken}
    return name.isidentifier() and name not in _RESERVED and name.lower() not in low


def fresh_function_name(rng: random.Random, taken: Iterable[str], hint: Sequence[str] = (),
                        hint_share: float = 0.25, topic: Sequence[str] = (), topic_share: float = 0.4,
                        random_share: float = 0.0) -> str:
    """A fresh plausible function name not in ``taken``.

    With probability ``random_share`` the name is instead one to three words drawn uniformly from the
    ~8.8k words of the standard library's identifiers (:func:`~hrm_codegen.data.vocab.identifier_words`):
    a name the description does not predict, so a model must copy it from the asserts.

    With probability ``hint_share`` (and when ``hint`` words are given) the hint words are kept in
    another style, with a verb prefixed when they lack one; else with probability ``topic_share``
    one to three consecutive ``topic`` words (the description's content words) follow a verb;
    otherwise verb + (adjective) + noun words are drawn from the module's word lists. Styles: snake (70%), camelCase (20%), MBPP's
    ``find_Max`` mix (10%).
    """
    taken = set(taken)
    if random_share and rng.random() < random_share:
        pool = identifier_words()
        for _ in range(200):
            words = [rng.choice(pool) for _ in range(rng.choice((1, 2, 2, 3)))]
            name = style_name(words, rng.choices(("snake", "camel", "pascal_snake"), (0.6, 0.2, 0.2))[0])
            if is_free_name(name, taken):
                return name
    for attempt in range(200):
        if hint and attempt < 20 and rng.random() < hint_share:
            words = list(hint)
            if words[0] not in VERBS and rng.random() < 0.5:
                words = [rng.choice(VERBS)] + words
        elif topic and attempt < 20 and rng.random() < topic_share:
            k = rng.randint(1, min(3, len(topic)))
            start = rng.randrange(len(topic) - k + 1)
            words = list(topic[start : start + k])
            if words[0] not in VERBS:
                words = [rng.choice(VERBS)] + words
            if len(words) == 1:
                words.append(rng.choice(NOUNS))
        else:
            shape = rng.random()
            if shape < 0.45:
                words = [rng.choice(VERBS), rng.choice(NOUNS)]
            elif shape < 0.8:
                words = [rng.choice(VERBS), rng.choice(ADJECTIVES), rng.choice(NOUNS)]
            elif shape < 0.9:
                words = [rng.choice(ADJECTIVES), rng.choice(NOUNS)]
            else:
                words = [rng.choice(VERBS), rng.choice(NOUNS), rng.choice(("of", "in", "by", "from")), rng.choice(NOUNS)]
        style = rng.choices(("snake", "camel", "pascal_snake"), (0.7, 0.2, 0.1))[0]
        name = style_name(words, style)
        if is_free_name(name, taken):
            return name
    raise RuntimeError("no free function name found")  # pragma: no cover - the word lists are large


def fresh_param_name(rng: random.Random, original: str, taken: Iterable[str]) -> str | None:
    """Another name of the same kind as parameter ``original`` (see :data:`PARAM_POOLS`), or None."""
    pool = GENERIC_PARAMS
    for pattern, names in PARAM_POOLS:
        if re.search(pattern, original, flags=re.I):
            pool = names
            break
    options = [n for n in pool if n != original and is_free_name(n, taken)]
    return rng.choice(options) if options else None


# --------------------------------------------------------------------------------------------
# Renaming at source positions
# --------------------------------------------------------------------------------------------


def identifiers(tree: ast.AST) -> set[str]:
    """Every identifier a tree uses or binds: names, arguments, defs, classes, attributes, imports, keywords."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            out.add(node.id)
        elif isinstance(node, ast.arg):
            out.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.Attribute):
            out.add(node.attr)
        elif isinstance(node, ast.alias):
            out.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.keyword) and node.arg:
            out.add(node.arg)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            out.update(node.names)
    return out


def _positions(tree: ast.AST, lines: list[bytes], mapping: dict[str, str]) -> list[tuple[int, int, str, str]]:
    """``(line index, byte column, old, new)`` of every occurrence of a mapped name in ``tree``."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in mapping:
            out.append((node.lineno - 1, node.col_offset, node.id, mapping[node.id]))
        elif isinstance(node, ast.arg) and node.arg in mapping:
            out.append((node.lineno - 1, node.col_offset, node.arg, mapping[node.arg]))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in mapping:
            line = lines[node.lineno - 1]
            m = re.compile(rb"def\s+" + re.escape(node.name.encode())).search(line, node.col_offset)
            if m is None:  # pragma: no cover - a def line always has "def name"
                raise ValueError(f"cannot find the name of def {node.name} on line {node.lineno}")
            out.append((node.lineno - 1, m.end() - len(node.name.encode()), node.name, mapping[node.name]))
    return out


def rename_identifiers(source: str, mapping: dict[str, str], within: ast.AST | None = None) -> str:
    """``source`` with the identifiers in ``mapping`` renamed where they are names, arguments or def names.

    Attributes, keyword-argument names at call sites, strings and comments are left alone; the
    layout is kept byte for byte. ``within`` (a node of ``ast.parse(source)``) limits the renaming
    to that subtree (e.g. one function's parameters). Raises ``SyntaxError`` if ``source`` does not parse.
    """
    if not mapping:
        return source
    tree = within if within is not None else ast.parse(source)
    lines = source.encode("utf-8").split(b"\n")
    edits = sorted(_positions(tree, lines, mapping), reverse=True)
    for row, col, old, new in edits:
        line = lines[row]
        if line[col : col + len(old.encode())] != old.encode():  # e.g. positions inside old f-strings
            raise ValueError(f"name {old!r} not found at line {row + 1}, column {col}")
        lines[row] = line[:col] + new.encode() + line[col + len(old.encode()):]
    return b"\n".join(lines).decode("utf-8")


def functions_under_test(task: MBPPTask) -> list[str]:
    """The functions the code defines at module level and the asserts call, in definition order."""
    tree = ast.parse(task.code)
    defined = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    called = set()
    for test in task.test_list:
        for node in ast.walk(ast.parse(test)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                called.add(node.func.id)
    return [n for n in defined if n in called]


# --------------------------------------------------------------------------------------------
# Variants
# --------------------------------------------------------------------------------------------


_TOPIC_STOP = frozenset(
    "a an the of to and or in on for from with by is are be given that this it its as at into write python "
    "function program using use all each every which whose than then not only".split())


def topic_words(text: str) -> list[str]:
    """Content words of a description's first line, in order (candidate words of a function name)."""
    words = re.findall(r"[a-z]+", text.split("\n")[0].lower())
    return [w for w in words if w not in _TOPIC_STOP and len(w) > 2][:6]


def _rename_words(text: str, mapping: dict[str, str]) -> str:
    """Rename identifiers mentioned in a description; plain words (``merge``) stay English."""
    for old, new in mapping.items():
        if old.isalpha() and old.islower():
            continue
        text = re.sub(rf"(?<![\w.]){re.escape(old)}(?!\w)", new, text)
    return text


def make_variant(task: MBPPTask, rng: random.Random, rename_params: float = 0.5,
                 keep_order: bool = False, random_names: float = 0.0) -> dict | None:
    """One renamed variant of ``task`` as a corpus record (without ``task_id``), or None when the task
    has no tested function that can be renamed. Not yet executed: see :func:`verify_records`."""
    try:
        names = functions_under_test(task)
        tree = ast.parse(task.code)
    except SyntaxError:
        return None
    if not names:
        return None
    taken = identifiers(tree)
    for t in task.test_list:
        taken |= identifiers(ast.parse(t))
    mapping: dict[str, str] = {}
    for name in names:
        new = fresh_function_name(rng, taken | set(mapping.values()), hint=split_words(name),
                                  topic=topic_words(task.text), random_share=random_names)
        mapping[name] = new
    code = rename_identifiers(task.code, mapping)
    tests = [rename_identifiers(t, mapping) for t in task.test_list]
    setup = rename_identifiers(task.test_setup_code, mapping) if task.test_setup_code.strip() else task.test_setup_code
    params_renamed = {}
    if rng.random() < rename_params:
        new_tree = ast.parse(code)
        fn = next(n for n in new_tree.body if isinstance(n, ast.FunctionDef) and n.name == mapping[names[-1]])
        used = identifiers(new_tree) | set(mapping.values())
        for a in fn.args.posonlyargs + fn.args.args:
            new = fresh_param_name(rng, a.arg, used | set(params_renamed.values()))
            if new:
                params_renamed[a.arg] = new
        code = rename_identifiers(code, params_renamed, within=fn)
    if not keep_order and len(tests) > 1:
        order = list(range(len(tests)))
        while order == sorted(order):
            rng.shuffle(order)
        tests = [tests[i] for i in order]
    return {
        "text": _rename_words(task.text, mapping), "code": code, "test_list": tests, "test_setup_code": setup,
        "challenge_test_list": [], "source": "augment", "origin": task.task_id,
        "renamed": {**mapping, **params_renamed},
    }


def augment_tasks(tasks: Sequence[MBPPTask], variants: int, seed: int = 0, rename_params: float = 0.5,
                  progress: bool = False, random_names: float = 0.0) -> tuple[list[dict], Counter]:
    """Up to ``variants`` distinct variants of each task (deterministic for a ``seed``), not yet executed.

    Returns the records (with ``task_id``) and counts: ``tasks``, ``tasks_without_tested_function``,
    ``variants_generated``, ``duplicate_variants`` (a draw identical to an earlier one, e.g. tasks
    with a single assert and no parameters).
    """
    if not 0 <= variants <= MAX_VARIANTS:
        raise ValueError(f"variants must be between 0 and {MAX_VARIANTS}, got {variants}")
    counts: Counter = Counter()
    out = []
    for task in tqdm(tasks, desc="augment", unit="task", disable=not progress, mininterval=1.0):
        counts["tasks"] += 1
        rng = random.Random(f"{seed}:augment:{task.task_id}")
        seen = set()
        for _ in range(variants * 3):  # a few extra draws make up for duplicates
            if len(seen) >= variants:
                break
            rec = make_variant(task, rng, rename_params, random_names=random_names)
            if rec is None:
                counts["tasks_without_tested_function"] += 1
                break
            key = (rec["code"], tuple(rec["test_list"]))
            if key in seen:
                counts["duplicate_variants"] += 1
                continue
            seen.add(key)
            out.append({"task_id": AUGMENT_ID_OFFSET + task.task_id * 1000 + len(seen), **rec})
    counts["variants_generated"] = len(out)
    return out, counts


# --------------------------------------------------------------------------------------------
# Execution check (shared with the exercise generator)
# --------------------------------------------------------------------------------------------


def record_prompt(rec: dict) -> str:
    """The training prompt of a record (the project's one format, :func:`format_prompt`)."""
    return format_prompt(rec["text"], rec["test_list"])


def verify_records(records: Sequence[dict], workers: int = 2, timeout: float = 10.0, memory_mb: int = 1024,
                   progress: bool = False, desc: str = "executing") -> tuple[list[dict], Counter, list[str]]:
    """Run each record's reference code, setup code and asserts in the sandbox; keep those that pass.

    Returns ``(passed records in input order, Counter of statuses, "task_id: error" of each failure)``.
    """
    if not records:
        return [], Counter(), []
    tasks = [MBPPTask(r["task_id"], r["text"], r["code"], tuple(r["test_list"]), r.get("test_setup_code") or "")
             for r in records]
    ok = [False] * len(records)
    counts: Counter = Counter()
    failures = []
    with Sandbox(workers=workers, limits=Limits(timeout=timeout, memory_mb=memory_mb)) as box:
        bar = tqdm(total=len(records), desc=desc, unit="prog", disable=not progress, mininterval=1.0)
        for i, res in box.run_many(task_parts(t, t.code) for t in tasks):
            counts[res.status] += 1
            ok[i] = res.passed
            if not res.passed:
                failures.append(f"{records[i]['task_id']}: {res.status}: {res.error[:200]}")
            bar.update()
        bar.close()
    failures.sort()
    return [r for r, good in zip(records, ok) if good], counts, failures
