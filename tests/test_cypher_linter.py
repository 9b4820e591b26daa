"""The Cypher linter itself: it passes good Cypher and fails bad Cypher, with no server."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from tests import cypher_lint
from tests.cypher_lint import Diagnostic, lint

STATEMENTS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "valid_with_parameters",
        "MATCH (p:Person {id: $id}) WHERE p.name STARTS WITH $prefix "
        "RETURN p.name AS name ORDER BY name LIMIT $limit",
        {"id": "p-1", "prefix": "A", "limit": 10},
    ),
    ("misspelt_keyword", "MACTH (n) RETURN n", {}),
    ("undefined_variable", "MATCH (n) RETURN m", {}),
    ("undefined_variable_on_line_3", "MATCH (n)\nWHERE n.x = 1\nRETURN k", {}),
    ("undeclared_parameter", "MATCH (n {id: $id}) RETURN n", {}),
    ("deprecated_id", "MATCH (n) RETURN id(n)", {}),
    ("label_expression", "MATCH (n:Person|Organisation) RETURN n", {}),
    (
        "unwind_optional_match",
        "UNWIND $ids AS pid MATCH (p:Person {id: pid}) "
        "OPTIONAL MATCH (p)-[r:LEADS|SITS_ON]->(o:Programme|Project) RETURN pid, r, o",
        {"ids": ["p-1", "p-2"]},
    ),
    (
        "unknown_procedure_without_registry",
        "CALL db.no.such.thing($x) YIELD node RETURN node",
        {"x": None},
    ),
]


@pytest.fixture(scope="module")
def linted() -> dict[str, list[Diagnostic]]:
    return lint(STATEMENTS)


def _severities(diagnostics: list[Diagnostic]) -> list[str]:
    return [diagnostic.severity for diagnostic in diagnostics]


def test_valid_statement_with_parameters_is_clean(linted: dict[str, list[Diagnostic]]) -> None:
    assert linted["valid_with_parameters"] == []


def test_misspelt_keyword_is_an_error(linted: dict[str, list[Diagnostic]]) -> None:
    # Two errors: the language-support's own parser and Neo4j's front end both object.
    diagnostics = linted["misspelt_keyword"]
    assert {(d.severity, d.line, d.column) for d in diagnostics} == {("error", 1, 1)}
    assert any("Invalid input 'MACTH'" in d.message for d in diagnostics)


def test_undefined_variable_is_an_error(linted: dict[str, list[Diagnostic]]) -> None:
    assert linted["undefined_variable"] == [
        Diagnostic("error", "Variable `m` not defined", line=1, column=18)
    ]


def test_positions_are_one_based_lines_and_columns(linted: dict[str, list[Diagnostic]]) -> None:
    assert linted["undefined_variable_on_line_3"] == [
        Diagnostic("error", "Variable `k` not defined", line=3, column=8)
    ]


def test_undeclared_parameter_is_an_error(linted: dict[str, list[Diagnostic]]) -> None:
    assert linted["undeclared_parameter"] == [
        Diagnostic("error", "Parameter $id is not defined.", line=1, column=15)
    ]


def test_id_function_is_a_deprecation_warning(linted: dict[str, list[Diagnostic]]) -> None:
    [diagnostic] = linted["deprecated_id"]
    assert diagnostic.severity == "warning"
    assert "deprecated function" in diagnostic.message
    assert "elementId" in diagnostic.message


def test_label_expressions_are_clean(linted: dict[str, list[Diagnostic]]) -> None:
    assert linted["label_expression"] == []
    assert linted["unwind_optional_match"] == []


def test_procedures_are_unchecked_without_a_registry(
    linted: dict[str, list[Diagnostic]],
) -> None:
    assert linted["unknown_procedure_without_registry"] == []


def test_schema_and_bundled_routines_turn_on_name_checks() -> None:
    schema = {
        "labels": ["Person", "Organisation"],
        "relationshipTypes": ["LEADS"],
        "propertyKeys": ["id", "name"],
    }
    linted = lint(
        [
            (
                "fulltext",
                "CALL db.index.fulltext.queryNodes('search', $q) YIELD node, score "
                "RETURN node.name AS name, score",
                {"q": "espoo"},
            ),
            (
                "fulltext_bad_yield",
                "CALL db.index.fulltext.queryNodes('s', 'q') YIELD n RETURN n",
                {},
            ),
            ("unknown_procedure", "CALL db.no.such.thing() YIELD node RETURN node", {}),
            ("misspelt_function", "MATCH (p:Person) RETURN toLowr(p.name)", {}),
            ("unknown_names", "MATCH (p:Persn)-[:SITS_ON]->(o) RETURN p.nmae", {}),
        ],
        schema,
        bundled_routines=True,
    )
    assert linted["fulltext"] == []
    assert [d.message for d in linted["fulltext_bad_yield"]] == ["Unknown procedure output: `n`"]
    assert _severities(linted["unknown_procedure"]) == ["error"]
    assert linted["unknown_procedure"][0].message.startswith("Procedure db.no.such.thing is not")
    assert _severities(linted["misspelt_function"]) == ["error"]
    assert linted["misspelt_function"][0].message.startswith("Function toLowr is not present")
    assert _severities(linted["unknown_names"]) == ["warning"] * 3
    assert [d.message.split(" is not present")[0] for d in linted["unknown_names"]] == [
        "Label Persn",
        "Relationship type SITS_ON",
        "nmae",
    ]


def test_repeated_names_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        lint([("a", "RETURN 1", {}), ("a", "RETURN 2", {})])


def test_bad_input_exits_non_zero_with_a_message() -> None:
    completed = subprocess.run(
        ["node", str(cypher_lint.LINT_SCRIPT)],
        input=json.dumps({"statements": [{"name": "a"}]}),
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert "statements[0].query must be a string" in completed.stderr
    assert completed.stdout == ""


def test_missing_packages_name_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cypher_lint, "PACKAGE_DIR", cypher_lint.REPO_ROOT / "no-such-dir")
    with pytest.raises(RuntimeError, match="scripts/install test"):
        lint([("a", "RETURN 1", {})])
