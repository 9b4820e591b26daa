"""Names sort in Finnish order over HTTP, and a database from before the collation key gets
it (and search's folded text) when it is opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ladybug
import pytest

from graph.backends.ladybug import LadybugStore
from graph.columns import DERIVED_COLUMNS, node_columns
from graph.model import Node, NodeKind, Tie, TieType
from graph.store import NodeQuery, SearchQuery
from tests.conftest import GraphQLClient
from tests.test_store_contract import FINNISH_ORDER

PEOPLE = """
query ($first: Int!, $after: String, $direction: OrderDirection!) {
  people(first: $first, after: $after, orderBy: {field: NAME, direction: $direction}) {
    pageInfo { hasNextPage endCursor }
    edges { node { name } }
  }
}
"""


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
def test_people_sort_in_finnish_order_page_by_page(
    make_client: Callable[..., GraphQLClient], direction: str
) -> None:
    people = [
        Node(NodeKind.PERSON, f"p{i}", name, sources=("src",))
        for i, name in enumerate(sorted(FINNISH_ORDER))  # code-point order to begin with
    ]
    client = make_client([Node(NodeKind.SOURCE, "src", "Lähde", sources=("src",)), *people], [])
    names: list[str] = []
    after = None
    while True:
        variables = {"first": 2, "after": after, "direction": direction}
        page = client.data(PEOPLE, variables)["people"]
        names += [edge["node"]["name"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert names == (FINNISH_ORDER if direction == "ASC" else FINNISH_ORDER[::-1])


def _old_database(path: Path, names: list[str]) -> None:
    """A database as Poikki wrote it before the derived columns: tables without them."""
    database = ladybug.Database(str(path))
    connection = ladybug.Connection(database)
    for kind in NodeKind:
        columns = ", ".join(
            f"`{c}` {'STRING[]' if c == 'sources' else 'STRING'}{' PRIMARY KEY' * (c == 'id')}"
            for c in node_columns(kind)
            if c not in DERIVED_COLUMNS
        )
        connection.execute(f"CREATE NODE TABLE {kind.value}({columns})")
    for i, name in enumerate(names):
        connection.execute(
            "CREATE (:Organisation {id: $id, name: $name, sources: ['s']})",
            {"id": f"o{i}", "name": name},
        )
    connection.close()
    database.close()


async def test_an_older_database_gets_the_derived_columns_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.lbug"
    _old_database(path, FINNISH_ORDER[::-1])
    store = LadybugStore(path)
    await store.open()
    try:
        page = await store.list_nodes(NodeQuery(NodeKind.ORGANISATION, limit=20))
        assert [node.name for node in page.nodes] == FINNISH_ORDER
        hits = await store.search(SearchQuery("oljy", (NodeKind.ORGANISATION,)))
        assert [hit.node.name for hit in hits.hits] == ["Öljy"]
    finally:
        await store.close()


MEMBERSHIPS = """
query ($after: String) {
  people(first: 1) { edges { node { memberships(first: 2, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { name } }
  } } } }
}
"""


@pytest.mark.parametrize("read_model", [True, False])
def test_a_relationship_field_lists_its_ties_in_finnish_order(
    make_client: Callable[..., GraphQLClient], read_model: bool
) -> None:
    organisations = [
        Node(NodeKind.ORGANISATION, f"o{i}", name, sources=("src",))
        for i, name in enumerate(sorted(FINNISH_ORDER))
    ]
    person = Node(NodeKind.PERSON, "member", "Jäsen", sources=("src",))
    ties = [
        Tie(TieType.MEMBER_OF, person.id, o.id, f"m{o.id}", sources=("src",)) for o in organisations
    ]
    source = Node(NodeKind.SOURCE, "src", "Lähde", sources=("src",))
    client = make_client([source, person, *organisations], ties, read_model=read_model)
    if read_model:  # page from the read model, not the database it stands in for
        store = client.embedded_store
        assert store.read_model is not None
        client.run(store.read_model.settled)
        assert client.http.get("/readyz").json()["readModel"]["current"]
    names: list[str] = []
    after = None
    while True:
        people = client.data(MEMBERSHIPS, {"after": after})["people"]["edges"]
        page = people[0]["node"]["memberships"]
        names += [edge["node"]["name"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert names == FINNISH_ORDER
