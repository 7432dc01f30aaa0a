"""The shape of the package: no import cycles (not even through imports inside functions), no private
name imported from another module, no module over 400 lines and no function over 40."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ppo_nlp"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 40
# Import edges allowed to close a cycle (none: the recursion of archives inside archives lives in one module,
# `ingest.archives`, whose `read_stream` reads a member of any kind).
KNOWN_CYCLES: tuple[tuple[str, str], ...] = ()


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    """ids of nodes under `if TYPE_CHECKING:` (never run, so no runtime edge)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skip.update(id(n) for n in ast.walk(node))
    return skip


def _imports(name: str, tree: ast.Module, known: set[str]) -> list[tuple[str, list[str]]]:
    """(imported ppo_nlp module, names taken from it) for every import anywhere in the module."""
    out, skip = [], _type_checking_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names if a.name.split(".")[0] == "ppo_nlp"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "ppo_nlp":
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.append((sub, []) if sub in known else (node.module, [alias.name]))
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, tree in modules.items():
        for target, _ in _imports(name, tree, known):
            while target not in known and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in known and target != name:
                graph[name].add(target)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of modules, or [] when the graph has none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        stack.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def _is_package_face(target: str, name: str) -> bool:
    """A package may re-export its own modules' names."""
    return name.startswith(target + ".") or target == name


@pytest.mark.parametrize("graph, expected", [
    ({"a": {"b"}, "b": set()}, []),
    ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
])
def test_house_cycle_finder(graph, expected):
    assert _cycle(graph) == expected


def test_house_no_import_cycles():
    graph = _graph()
    for a, b in KNOWN_CYCLES:
        graph[a].discard(b)
    assert _cycle(graph) == []


def _private_module_outside(name: str, target: str) -> bool:
    """`pkg._mod` imported from outside `pkg`."""
    parent, _, last = target.rpartition(".")
    return last.startswith("_") and not last.startswith("__") and not name.startswith(parent + ".")


def test_house_no_private_names_across_modules():
    modules = _modules()
    known = set(modules)
    imports = [(name, target, names) for name, tree in modules.items() for target, names in _imports(name, tree, known)]
    bad = [f"{name} <- {target}.{n}" for name, target, names in imports
           for n in names if n.startswith("_") and not n.startswith("__") and not _is_package_face(name, target)]
    bad += [f"{name} <- {target}" for name, target, _ in imports if _private_module_outside(name, target)]
    assert bad == []


def _long_functions(tree: ast.Module) -> list[tuple[str, int]]:
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]


@pytest.mark.parametrize("limit", ["module", "function"])
def test_house_size_limits(limit):
    paths = sorted(PACKAGE.rglob("*.py"))
    if limit == "module":
        bad = [(str(p.relative_to(PACKAGE)), n) for p in paths
               if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    else:
        bad = [(str(p.relative_to(PACKAGE)), f) for p in paths
               for f in _long_functions(ast.parse(p.read_text(encoding="utf-8")))]
    assert bad == []


# Modules that may name the resources folder: its one reader, the paths module, and the first-name loader,
# which lists the files `first_names_*.tsv` by pattern (it reads each through the one reader).
RESOURCE_FOLDER_USERS = {"ppo_nlp.paths", "ppo_nlp.resources", "ppo_nlp.normalize.names"}


def test_house_one_resource_reader():
    users = {name for name, tree in _modules().items()
             if any(isinstance(n, ast.Name) and n.id == "RESOURCES_DIR" for n in ast.walk(tree))}
    assert users <= RESOURCE_FOLDER_USERS
