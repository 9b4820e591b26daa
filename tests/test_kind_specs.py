"""Each node kind's spec is the one place its fields, dates and filters live: whatever a spec
names goes through an import, the store, the root list's filter and GraphQL."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph.model import KIND_SPECS, Field, Node, NodeKind, Timing
from seed.knowledge import seed_graph
from server.app import create_app
from server.settings import Settings
from tests.conftest import GraphQLClient
from tests.curators import Curators, curators_of
from tests.databases import load_copy

IMPORT = """
mutation ($files: [ImportFileInput!]!) {
  importBatch(files: $files) { __typename ... on ImportRejected { problems { message } } }
}
"""
SOURCE = "cited-by-every-kind"


def test_every_kind_has_one_spec_with_fields_a_node_holds() -> None:
    assert list(KIND_SPECS) == list(NodeKind)
    plurals = [spec.plural for spec in KIND_SPECS.values()]
    assert len(set(plurals)) == len(plurals)
    attributes = {f.name for f in dataclasses.fields(Node)}
    for kind, spec in KIND_SPECS.items():
        names = {f.name for f in spec.fields}
        assert {f.attribute for f in spec.fields} <= attributes, kind
        assert set(spec.filters) <= names, kind


def _value(kind: NodeKind, field: Field) -> str:
    if field.choices is not None:
        return list(field.choices)[-1].name
    return f"{kind.value.lower()}-{field.name}"


def _record(kind: NodeKind) -> dict[str, Any]:
    spec = KIND_SPECS[kind]
    record: dict[str, Any] = {"kind": kind.name, "id": f"spec-{kind.value.lower()}"}
    record[spec.spelled.get("name", "name")] = f"Spec {kind.value}"
    record[spec.spelled.get("start", "start")] = "2020-05"
    if spec.spans:
        record["end"] = "2021"
    if kind is not NodeKind.SOURCE:
        record["sources"] = [SOURCE]
    record.update((f.name, _value(kind, f)) for f in spec.fields)
    return record


@pytest.fixture(scope="module")
def curators(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Curators]:
    """The seed and one node of every kind with every field its spec names, imported."""
    folder = tmp_path_factory.mktemp("specs")
    load_copy(Settings(data_dir=folder).database_path, *seed_graph())
    with TestClient(create_app(Settings(data_dir=folder))) as http:
        found = curators_of(GraphQLClient(http))
        source = {"kind": "SOURCE", "id": SOURCE, "title": "Cited by every kind"}
        records = [source, *(_record(kind) for kind in NodeKind if kind is not NodeKind.SOURCE)]
        records.append(_record(NodeKind.SOURCE))
        content = "".join(json.dumps(record) + "\n" for record in records)
        files = [{"name": "specs.jsonl", "content": content}]
        answer = found.editor.data(IMPORT, {"files": files})
        assert answer["importBatch"]["__typename"] == "ImportSummary", answer
        yield found


def _filter_value(field: Field, value: str) -> Any:
    return [value] if field.choices is not None else value


@pytest.mark.parametrize("kind", list(NodeKind), ids=lambda kind: kind.value)
def test_a_kinds_fields_are_imported_stored_filtered_and_served(
    curators: Curators, kind: NodeKind
) -> None:
    spec = KIND_SPECS[kind]
    record = _record(kind)
    fields = " ".join(f.name for f in spec.fields)
    dates = "date" if spec.timing is Timing.PUBLISHED else ""
    dates = "start end" if spec.spans else dates
    by_name = {f.name: f for f in spec.fields}
    cases: list[dict[str, Any]] = [{}]
    cases += [{name: _filter_value(by_name[name], record[name])} for name in spec.filters]
    if spec.spans:
        cases.append({"activeFrom": "2021-06", "activeTo": "2030"})
    for conditions in cases:
        query = (
            f"query ($filter: {_filter_type(kind)}) {{ {spec.plural}(filter: $filter) "
            f"{{ edges {{ node {{ slug {fields} {dates} }} }} }} }}"
        )
        answer = curators.anonymous.data(query, {"filter": {**conditions, "nameContains": "Spec "}})
        nodes = [edge["node"] for edge in answer[spec.plural]["edges"]]
        assert [n["slug"] for n in nodes] == [record["id"]], (kind, conditions)
        for name in by_name:
            assert nodes[0][name] == record[name], (kind, name)
        if spec.spans:
            assert (nodes[0]["start"], nodes[0]["end"]) == ("2020-05", "2021")


def _filter_type(kind: NodeKind) -> str:
    return f"{kind.value}Filter"


def test_a_filter_names_the_kinds_own_values(curators: Curators) -> None:
    """A text filter equals the value; a choice filter takes any of those given."""
    for kind, spec in KIND_SPECS.items():
        for name in spec.filters:
            field = next(f for f in spec.fields if f.name == name)
            other: Any = (
                [_other_choice(field.choices)] if field.choices else f"not-{_value(kind, field)}"
            )
            query = (
                f"query ($filter: {_filter_type(kind)}) {{ {spec.plural}(filter: $filter) "
                "{ edges { node { slug } } } }"
            )
            conditions = {name: other, "nameContains": "Spec "}
            answer = curators.anonymous.data(query, {"filter": conditions})
            assert answer[spec.plural]["edges"] == [], (kind, name)


def _other_choice(choices: type[StrEnum]) -> str:
    return next(iter(choices)).name


def test_the_generated_filters_are_typed_by_their_fields(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*seed_graph())
    for kind, spec in KIND_SPECS.items():
        for field in spec.fields:
            if field.name not in spec.filters or field.choices is None:
                continue
            query = (
                f"query {{ {spec.plural}(filter: {{ {field.name}: [NOT_A_CHOICE] }}) "
                "{ totalCount } }"
            )
            assert client.error_codes(query) == ["BAD_INPUT"], (kind, field)
