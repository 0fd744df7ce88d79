"""Duplicate keys and decontamination: what a training corpus must not share with MBPP test and validation."""

from __future__ import annotations

import ast
import hashlib
import re
from collections import Counter
from typing import Iterable, Sequence

from hrm_codegen.data.corpus.mine import parse_quietly
from hrm_codegen.tasks.mbpp import MBPPTask

MBPP_KEPT_SPLITS = ("prompt", "train")  # MBPP tasks copied into the corpus
EVAL_SPLITS = ("test", "validation")  # MBPP tasks the corpus is decontaminated against

_MBPP_PREFIX = re.compile(r"^\s*write an? (python )?(function|program|method)( to| that| for| of)?\s*", re.I)
_STOPWORDS = frozenset(
    "a an the of to and or in on for from with by is are be given that this it its as at into list "
    "write python function return returns find check whether number numbers".split()
)
_WORD = re.compile(r"[a-z0-9]+")
_CODE_TOKEN = re.compile(r"[A-Za-z_]\w*|\d+|[^\w\s]")


def exact_key(code: str) -> str:
    """Hash of the code with trailing spaces and blank lines ignored."""
    norm = "\n".join(line.rstrip() for line in code.strip().split("\n") if line.strip())
    return hashlib.sha1(norm.encode()).hexdigest()


class _Renamer(ast.NodeTransformer):
    """Renames the function and its parameters to positional placeholders (near-duplicate key)."""

    def __init__(self, names: dict[str, str]):
        self.names = names

    def visit_Name(self, node: ast.Name) -> ast.Name:
        node.id = self.names.get(node.id, node.id)
        return node

    def visit_arg(self, node: ast.arg) -> ast.arg:
        node.arg = self.names.get(node.arg, node.arg)
        node.annotation = None
        return node


def near_key(code: str) -> str:
    """Hash of the AST with the function and parameter names replaced, comments and layout ignored."""
    tree = parse_quietly(code)
    if tree is None or not tree.body or not isinstance(tree.body[0], ast.FunctionDef):
        return exact_key(code)
    fn = tree.body[0]
    a = fn.args
    params = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg] if x is not None]
    names = {fn.name: "_f", **{p: f"_p{i}" for i, p in enumerate(params)}}
    fn.name = "_f"
    fn.returns = None
    tree = _Renamer(names).visit(tree)
    return hashlib.sha1(ast.dump(tree, annotate_fields=False).encode()).hexdigest()


# --------------------------------------------------------------------------------------------
# Decontamination against MBPP test + validation
# --------------------------------------------------------------------------------------------


def code_tokens(code: str) -> list[str]:
    """Lexical tokens of code (identifiers, numbers, single punctuation); layout-independent."""
    return _CODE_TOKEN.findall(code)


def ngrams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    """The set of ``n``-grams of ``tokens`` (empty if there are fewer than ``n``)."""
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def description_words(text: str) -> list[str]:
    """Lower-case words of a description, without MBPP's "Write a (python) function to" prefix."""
    return _WORD.findall(_MBPP_PREFIX.sub("", text.split("\n")[0]).lower())


def content_words(text: str) -> set[str]:
    """Description words minus stop words (for the name + description similarity)."""
    return {w for w in description_words(text) if w not in _STOPWORDS and len(w) > 1}


def normalize_name(name: str) -> str:
    """Case- and underscore-insensitive function name."""
    return name.lower().replace("_", "")


def mbpp_function_names(task: MBPPTask) -> set[str]:
    """Names defined in a task's code that its asserts call (the names a model would have to write)."""
    defined = set(re.findall(r"^\s*def\s+(\w+)", task.code, flags=re.M))
    called = set(re.findall(r"(\w+)\s*\(", " ".join(task.test_list)))
    return (defined & called) or defined


class EvalIndex:
    """N-gram and name indexes of the MBPP tasks a training corpus must not leak (test + validation).

    ``check(description, name, code)`` returns the first decontamination reason that applies, or
    None. Code n-grams that occur in more than ``idiom_df`` distinct *candidates* are treated as
    idioms (``for i in range ( len ( arr ) ) :``) and ignored; :meth:`set_idioms` sets them from
    the candidate pool before checking.
    """

    def __init__(self, tasks: Sequence[MBPPTask], code_n: int = 10, desc_n: int = 8, desc_min_n: int = 5,
                 name_jaccard: float = 0.25):
        self.code_n, self.desc_n, self.desc_min_n, self.name_jaccard = code_n, desc_n, desc_min_n, name_jaccard
        self.code_grams: set[tuple[str, ...]] = set()
        self.desc_grams: dict[int, set[tuple[str, ...]]] = {}
        self.names: dict[str, list[set[str]]] = {}
        self.idioms: set[tuple[str, ...]] = set()
        self.shared_seen = 0  # distinct shared n-grams seen by set_idioms
        for t in tasks:
            self.code_grams |= ngrams(code_tokens(t.code), code_n)
            words = description_words(t.text)
            if len(words) >= desc_n:
                self.desc_grams.setdefault(desc_n, set()).update(ngrams(words, desc_n))
            elif len(words) >= desc_min_n:  # a short description counts only as a whole
                self.desc_grams.setdefault(len(words), set()).add(tuple(words))
            for name in mbpp_function_names(t):
                self.names.setdefault(normalize_name(name), []).append(content_words(t.text))

    def shared_code_grams(self, code: str) -> set[tuple[str, ...]]:
        """The code n-grams ``code`` shares with the indexed tasks (idioms included)."""
        return ngrams(code_tokens(code), self.code_n) & self.code_grams

    def set_idioms(self, codes: Iterable[str], max_df: int) -> list[set[tuple[str, ...]]]:
        """Mark shared n-grams found in more than ``max_df`` of ``codes`` as idioms.

        Returns each code's shared n-grams (idioms included), so that callers need not recompute them.
        """
        shared = [self.shared_code_grams(code) for code in codes]
        df = Counter(g for grams in shared for g in grams)
        self.idioms = {g for g, c in df.items() if c > max_df}
        self.shared_seen = len(df)
        return shared

    def check(self, description: str, name: str | None, code: str, shared: set | None = None) -> str | None:
        """The decontamination reason for one candidate (``contam_*``), or None if it is clean.

        ``shared`` may pass the code's shared n-grams when they are already known.
        """
        if (self.shared_code_grams(code) if shared is None else shared) - self.idioms:
            return "contam_code_ngram"
        words = description_words(description)
        if any(ngrams(words, n) & grams for n, grams in self.desc_grams.items()):
            return "contam_description_ngram"
        if name is not None and normalize_name(name) in self.names:
            mine = content_words(description)
            for theirs in self.names[normalize_name(name)]:
                if mine and theirs and len(mine & theirs) / len(mine | theirs) >= self.name_jaccard:
                    return "contam_name_description"
        return None

