"""Was a passing completion generalised or recalled? Its closest training solution, by normalised AST.

A program is normalised by parsing it, dropping docstrings, renaming every identifier it binds or
reads (functions, parameters, locals; not attributes or builtins) to ``v0, v1, ...`` in order of
first appearance, and unparsing it; the similarity of two programs is ``difflib``'s ratio of their
normalised token streams (1.0: the same program up to names and formatting). A report lists, for
each passing task, the training record with the highest similarity, so a reader can see whether a
pass copies a solution seen in training (~1.0) or composes one (well below).
"""

from __future__ import annotations

import ast
import builtins
import difflib
import io
import tokenize
from typing import Any, Iterable, Sequence

_BUILTINS = frozenset(dir(builtins))


class _Canon(ast.NodeTransformer):
    def __init__(self):
        self.names: dict[str, str] = {}

    def _name(self, name: str) -> str:
        if name in _BUILTINS:
            return name
        return self.names.setdefault(name, f"v{len(self.names)}")

    def visit_FunctionDef(self, node):  # noqa: N802 (ast's method names)
        node.name = self._name(node.name)
        if node.body and isinstance(node.body[0], ast.Expr) and isinstance(getattr(node.body[0], "value", None), ast.Constant) \
                and isinstance(node.body[0].value.value, str) and len(node.body) > 1:
            node.body = node.body[1:]  # the docstring
        self.generic_visit(node)
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_arg(self, node):  # noqa: N802
        node.arg = self._name(node.arg)
        node.annotation = None
        return node

    def visit_Name(self, node):  # noqa: N802
        node.id = self._name(node.id)
        return node


def normalise(code: str) -> list[str] | None:
    """The token stream of ``code`` with names canonicalised (see the module docstring); None if it does not parse."""
    try:
        tree = _Canon().visit(ast.parse(code))
        text = ast.unparse(tree)
    except (SyntaxError, ValueError, RecursionError):
        return None
    return [t.string for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.string.strip()]


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """``difflib`` ratio of two normalised token streams."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def normalised_corpus(entries: Iterable[tuple[Any, str]]) -> list[tuple[Any, list[str], str]]:
    """``(key, code)`` entries as ``(key, normalised tokens, code)``, those that parse (normalise once, search often)."""
    out = []
    for key, code in entries:
        toks = normalise(code)
        if toks is not None:
            out.append((key, toks, code))
    return out


def nearest(code: str, corpus: Sequence[tuple[Any, list[str], str]]) -> dict[str, Any] | None:
    """The entry of a :func:`normalised_corpus` most similar to ``code``: ``{"key", "similarity", "code"}``."""
    target = normalise(code)
    if target is None:
        return None
    best: dict[str, Any] | None = None
    for key, toks, other in corpus:
        sm = difflib.SequenceMatcher(None, target, toks, autojunk=False)
        if best is not None and sm.real_quick_ratio() <= best["similarity"]:
            continue  # an upper bound: cannot beat the best so far
        score = sm.ratio()
        if best is None or score > best["similarity"]:
            best = {"key": key, "similarity": score, "code": other}
    return best
