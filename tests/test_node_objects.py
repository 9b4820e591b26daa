"""The GraphQL objects made per edge of every page, assigned without their dataclass __init__
(schema/nodes.py), equal what __init__ makes."""

from __future__ import annotations

import dataclasses

import pytest

from graph import model
from graph.model import NodeKind, TieType
from graph.store import Keyset, Neighbour
from resolvers.pages import TiePage
from schema.nodes import TYPES, TieEdge, _tie_connection, as_graphql
from schema.relations import hop_of


@pytest.mark.parametrize("kind", list(NodeKind))
def test_a_node_object_is_what_its_init_makes(kind: NodeKind) -> None:
    record = model.Node(kind=kind, id=f"{kind.value}-1", name="Nimi")
    graphql_type = TYPES[kind]
    assert [field.name for field in dataclasses.fields(graphql_type) if field.init] == ["record"]
    made = as_graphql(record)
    assert type(made) is graphql_type
    assert made == graphql_type(record=record)
    assert vars(made) == vars(graphql_type(record=record))


def test_the_edges_of_a_page_are_what_their_init_makes() -> None:
    fields = [field.name for field in dataclasses.fields(TieEdge) if field.init]
    assert fields == ["node", "tie", "position", "cursor_at"]
    projects = [model.Node(kind=NodeKind.PROJECT, id=f"p{i}", name=f"Hanke {i}") for i in (1, 2)]
    items = [
        Neighbour(
            model.Tie(type=TieType.PART_OF, source=project.id, target="ohjelma", id=f"t{i}"),
            project,
            Keyset((project.name, project.id, f"t{i}")),
        )
        for i, project in enumerate(projects)
    ]
    page = TiePage(items=items, tag="tie:PART_OF", has_next=False, total=2)
    hop = hop_of(model.NodeKind.PROGRAMME, "projects")
    edges = _tie_connection(page, hop, "ohjelma", None, None).edges
    assert [type(edge) for edge in edges] == [TieEdge, TieEdge]
    for position, (edge, item) in enumerate(zip(edges, items, strict=True)):
        made = TieEdge(
            node=as_graphql(item.node), tie=item.tie, position=position, cursor_at=page.cursor_at
        )
        assert vars(edge) == vars(made)
        assert type(edge.node) is type(made.node)
        assert edge.cursor() == page.cursor_at(position)
