"""Docstring coverage of the public API (the plan's D6 bar: >= 90%), checked in CI."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "hrm_codegen"
THRESHOLD = 0.90


def public_definitions(path: Path):
    """(qualified name, has docstring) for each public module-level function/class and public method."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            out.append((node.name, ast.get_docstring(node) is not None))
            if isinstance(node, ast.ClassDef):
                for sub in node.body:
                    if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)) and not sub.name.startswith("_"):
                        out.append((f"{node.name}.{sub.name}", ast.get_docstring(sub) is not None))
    return out


def test_public_docstring_coverage():
    rows = [(f"{p.relative_to(PACKAGE)}:{name}", ok) for p in sorted(PACKAGE.rglob("*.py")) for name, ok in public_definitions(p)]
    assert rows, "no public definitions found"
    missing = [name for name, ok in rows if not ok]
    coverage = 1 - len(missing) / len(rows)
    assert coverage >= THRESHOLD, f"docstring coverage {coverage:.1%} < {THRESHOLD:.0%}; missing: {missing}"


def test_every_module_has_a_docstring():
    missing = [str(p.relative_to(PACKAGE)) for p in sorted(PACKAGE.rglob("*.py")) if ast.get_docstring(ast.parse(p.read_text())) is None]
    assert not missing, f"modules without a docstring: {missing}"
