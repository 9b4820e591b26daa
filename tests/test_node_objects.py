"""The GraphQL objects made per edge of every page, assigned without their dataclass __init__
(schema/nodes.py), equal what __init__ makes."""

from __future__ import annotations

import dataclasses

import pytest

from graph import model
from graph.model import NodeKind, TieType
from schema.nodes import TYPES, TieEdge, _tie_edge, as_graphql


@pytest.mark.parametrize("kind", list(NodeKind))
def test_a_node_object_is_what_its_init_makes(kind: NodeKind) -> None:
    record = model.Node(kind=kind, id=f"{kind.value}-1", name="Nimi")
    graphql_type = TYPES[kind]
    assert [field.name for field in dataclasses.fields(graphql_type) if field.init] == ["record"]
    made = as_graphql(record)
    assert type(made) is graphql_type
    assert made == graphql_type(record=record)
    assert vars(made) == vars(graphql_type(record=record))


def test_a_tie_edge_is_what_its_init_makes() -> None:
    tie = model.Tie(type=TieType.PARTICIPATES_IN, source="a", target="b", id="t")
    far = model.Node(kind=NodeKind.PROJECT, id="b", name="Hanke")

    def cursor_at(position: int) -> str:
        return f"c{position}"

    fields = [field.name for field in dataclasses.fields(TieEdge) if field.init]
    assert fields == ["tie", "far", "position", "cursor_at"]
    made = _tie_edge(tie, far, 3, cursor_at)
    assert type(made) is TieEdge
    assert vars(made) == vars(TieEdge(tie=tie, far=far, position=3, cursor_at=cursor_at))
