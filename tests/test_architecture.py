"""The layers import one way and the project's own modules form no import cycle.

Every import statement counts: at module level, inside `if TYPE_CHECKING:` blocks and inside
functions, and `strawberry.lazy("module")` references too. A cycle hidden behind a deferred import
is still a cycle for the reader, who cannot understand either module without the other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGES = ("graph", "schema", "resolvers", "server", "seed", "benchmarks")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {
    _module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
}


def _imported_names(module: str, tree: ast.Module) -> Iterator[str]:
    """Every dotted name the module imports: a package, a module, or a name in a module."""
    is_package = MODULES[module].name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "lazy"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value


def _own_module(name: str) -> str | None:
    """The project module a dotted name lives in, or None for the standard library and others."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found = {_own_module(name) for name in _imported_names(module, tree)}
        graph[module] = {target for target in found if target and target != module}
    return graph


def _external_imports(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    return {name for name in _imported_names(module, tree) if _own_module(name) is None}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as the path of modules that closes it, or None (depth-first search)."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(module: str) -> list[str] | None:
        path.append(module)
        on_path.add(module)
        for target in sorted(graph[module]):
            if target in on_path:
                return [*path[path.index(target) :], target]
            if target not in done:
                found = visit(target)
                if found:
                    return found
        path.pop()
        on_path.remove(module)
        done.add(module)
        return None

    for module in sorted(graph):
        if module not in done:
            found = visit(module)
            if found:
                return found
    return None


def _violations(importer: str, forbidden: tuple[str, ...]) -> list[str]:
    """`importer -> imported` for each import from a package in `importer` of a forbidden one."""
    return sorted(
        f"{module} -> {target}"
        for module, targets in _imports().items()
        if module == importer or module.startswith(importer + ".")
        for target in targets
        if any(target == f or target.startswith(f + ".") for f in forbidden)
    )


def test_the_walk_sees_every_package_and_their_imports() -> None:
    graph = _imports()
    assert {module.partition(".")[0] for module in graph} == set(PACKAGES)
    assert "graph.store" in graph["resolvers.pages"]


def test_the_cycle_search_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_among_the_projects_own_modules() -> None:
    cycle = _cycle(_imports())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_graph_knows_nothing_of_graphql_or_http() -> None:
    assert _violations("graph", ("schema", "resolvers", "server")) == []


def test_the_schema_never_reaches_into_a_backend() -> None:
    assert _violations("schema", ("graph.backends",)) == []


def test_resolvers_do_not_import_the_server() -> None:
    assert _violations("resolvers", ("server",)) == []


def test_only_the_neo4j_backend_imports_the_driver() -> None:
    importers = {
        module
        for module in MODULES
        if any(n == "neo4j" or n.startswith("neo4j.") for n in _external_imports(module))
    }
    assert importers == {"graph.backends.neo4j"}
