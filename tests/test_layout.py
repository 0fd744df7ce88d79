"""The package's layout: data flows one way, no import cycle, each module one job (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "hrm_codegen"

# Bottom to top; a module may import its own layer or a lower one, never a higher one.
LAYERS = [
    ["errors", "io", "config"],
    ["tokenization", "sandbox"],
    ["tasks"],
    ["data"],
    ["models"],
    ["inference"],
    ["training"],
    ["evaluation"],
    ["pipeline", "arms"],  # arms: the equal-compute matching of `run --arms`
    ["cli"],
]
LAYER_OF = {name: i for i, names in enumerate(LAYERS) for name in names}
# The sandbox launcher runs as a plain script in the jail, so it is one self-contained file.
LONG_FILES_ALLOWED = {"sandbox/_child.py"}
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    mods = {}
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = path
    return mods


def _imports(path: Path, module: str, known: set[str]) -> set[str]:
    """Every hrm_codegen module ``path`` imports (at any depth: inside functions too)."""
    found = set()
    is_pkg = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")[: len(module.split(".")) - node.level + (1 if is_pkg else 0)]
                base = ".".join(anchor + ([base] if base else []))
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name.startswith("hrm_codegen"):
                found.add(name)
    found.discard(module)
    return found


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {m: _imports(p, m, set(mods)) for m, p in mods.items()}


def test_every_top_level_module_has_a_layer():
    tops = {_top(m) for m in _modules()} - {""}
    assert tops <= set(LAYER_OF), f"modules without a layer in LAYERS: {sorted(tops - set(LAYER_OF))}"


def test_no_module_imports_from_a_higher_layer():
    bad = []
    for module, deps in _graph().items():
        top = _top(module)
        if not top:
            continue
        for dep in deps:
            if _top(dep) and LAYER_OF[_top(dep)] > LAYER_OF[top]:
                bad.append(f"{module} -> {dep}")
    assert not bad, "imports that reach up the layers:\n  " + "\n  ".join(sorted(bad))


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (module -> modules it imports), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            # a package's __init__ importing its own submodules (or one of them the package) is not a cycle
            if node.startswith(dep + ".") or dep.startswith(node + "."):
                continue
            if state.get(dep) == 1:
                return stack[stack.index(dep):] + [dep]
            if state.get(dep) is None and (cycle := visit(dep)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state.get(node) is None and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle():
    cycle = find_cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_check_finds_a_cycle():
    """The check itself: a made-up three-module cycle is found; the same graph without one edge is clean."""
    graph = {"p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p.a"}, "p.d": {"p.a"}}
    assert find_cycle(graph) == ["p.a", "p.b", "p.c", "p.a"]
    assert find_cycle({**graph, "p.c": set()}) is None


def test_no_module_is_over_600_lines():
    long = {str(p.relative_to(PKG)): n for p in PKG.rglob("*.py")
            if (n := len(p.read_text().splitlines())) > MAX_LINES and str(p.relative_to(PKG)) not in LONG_FILES_ALLOWED}
    assert not long, f"modules over {MAX_LINES} lines: {long}"
