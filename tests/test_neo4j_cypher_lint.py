"""Every statement the Neo4j backend can emit passes Neo4j's own Cypher front end.

No Neo4j server runs here, so `@neo4j-cypher/language-support` (tools/cypher-lint) parses and
checks each statement against the labels, types and properties of the model: no errors, no
warnings (deprecations included).
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest

from graph import cypher, cypher_aggregates
from graph.backends import neo4j_cypher
from graph.backends.neo4j_catalogue import catalogue
from graph.columns import (
    COMMON_COLUMNS,
    DERIVED_COLUMNS,
    EXTRA_COLUMNS,
    IDENTITY_COLUMNS,
    TIE_COLUMNS,
)
from graph.history import ENTRY_COLUMNS
from graph.model import NodeKind, TieType
from tests.cypher_lint import Diagnostic, lint

# Keys of the $rows maps that bulk writes unwind, beside the stored properties.
ROW_KEYS = {"source", "target", "properties"}
TOKEN_KEYS = {"digest", "name", "role", "created"}
LOG_KEYS = {*ENTRY_COLUMNS, "offset"}
SCHEMA: dict[str, Any] = {
    "labels": [kind.value for kind in NodeKind]
    + [cypher.TOKEN_LABEL, cypher.LOG_LABEL, cypher.COUNTER_LABEL],
    "relationshipTypes": [type_.value for type_ in TieType],
    "propertyKeys": sorted(
        {
            *COMMON_COLUMNS,
            *DERIVED_COLUMNS,
            *TIE_COLUMNS,
            *(c for cs in EXTRA_COLUMNS.values() for c in cs),
            *(c for cs in IDENTITY_COLUMNS.values() for c in cs),
        }
        | ROW_KEYS
        | TOKEN_KEYS
        | LOG_KEYS
    ),
}
BROKEN = {
    "broken[misspelt keyword]": "UNWIND $ids AS id MACTH (n:Person {id: id}) RETURN n",
    "broken[undefined variable]": "UNWIND $ids AS id MATCH (n:Person {id: id}) RETURN m",
    "broken[deprecated function]": "UNWIND $ids AS id MATCH (n:Person {id: id}) RETURN id(n)",
    "broken[unknown label]": "UNWIND $ids AS id MATCH (n:Persn {id: id}) RETURN n",
}


@pytest.fixture(scope="module")
def diagnostics() -> dict[str, list[Diagnostic]]:
    batch = [(name, s.text, s.params) for name, s in catalogue().items()]
    batch += [(name, text, {"ids": ["a"]}) for name, text in BROKEN.items()]
    return lint(batch, SCHEMA, bundled_routines=True)


def test_every_statement_passes_with_no_errors_or_warnings(
    diagnostics: dict[str, list[Diagnostic]],
) -> None:
    found = {
        name: [str(d) for d in found]
        for name, found in diagnostics.items()
        if found and name not in BROKEN
    }
    assert found == {}
    assert len(diagnostics) == len(catalogue()) + len(BROKEN)


def test_the_lint_fails_on_broken_statements(diagnostics: dict[str, list[Diagnostic]]) -> None:
    severities = {name: {d.severity for d in diagnostics[name]} for name in BROKEN}
    assert "error" in severities["broken[misspelt keyword]"]
    assert "error" in severities["broken[undefined variable]"]
    assert "warning" in severities["broken[deprecated function]"]
    assert "warning" in severities["broken[unknown label]"]


def test_the_catalogue_covers_every_statement_builder() -> None:
    names = {name.split("[")[0] for name in catalogue()}
    for module in (cypher, cypher_aggregates, neo4j_cypher):
        builders = {
            name
            for name, function in inspect.getmembers(module, inspect.isfunction)
            if function.__module__ == module.__name__
            and not name.startswith("_")
            and inspect.signature(function).return_annotation in {"Statement", "list[str]"}
        }
        assert builders, module.__name__
        assert builders <= names, f"not in the lint catalogue: {builders - names}"


def test_the_backends_build_no_statements_of_their_own() -> None:
    backends = Path(cypher.__file__).parent / "backends"
    for module in ("neo4j.py", "cypher_store.py"):
        source = (backends / module).read_text(encoding="utf-8")
        assert "Statement(" not in source, f"{module} writes Cypher outside the catalogue"
