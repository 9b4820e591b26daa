"""Exports opened by the tools they are for, and compared with the GraphQL `network` answer for
the same scope: same nodes, same edges, same attributes."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graph import dates
from graph.exports.view import EDGE_COLUMNS, MEASURE_COLUMNS, NODE_COLUMNS
from graph.model import NodeKind
from resolvers import global_ids
from tests import export_readers as readers
from tests.conftest import GraphQLClient

TERM_2013 = global_ids.encode(NodeKind.PROGRAMME, "espoon-kehitysohjelmat-2013-2017")
MAKELA = global_ids.encode(NodeKind.PERSON, "jukka-makela")

GRAPH_FIELDS = """
  nodes { id kind label sector orgType branch municipality start end sourcesCount weight }
  edges { id source target type role seatType start end weight sourcesCount }
"""
COLLABORATION = f"""
query ($scope: ScopeInput, $mode: Mode!, $weighting: Weighting!) {{
  collaboration(scope: $scope, mode: $mode, weighting: $weighting) {{ {GRAPH_FIELDS} }}
}}
"""

# (name, GraphQL scope, export parameters, mode, weighting)
SCOPES = [
    ("whole", None, {}, "NETWORK", "SHARED"),
    ("term", {"term": "TERM_2013_2017"}, {"term": "TERM_2013_2017"}, "NETWORK", "SHARED"),
    (
        "programme-people",
        {"initiatives": [TERM_2013]},
        {"initiatives": TERM_2013},
        "PEOPLE",
        "NEWMAN",
    ),
    (
        "seeds-organisations",
        {"seeds": [MAKELA], "depth": 3, "from": "2015", "to": "2019"},
        {"seeds": MAKELA, "depth": "3", "from": "2015", "to": "2019"},
        "ORGANISATIONS",
        "JACCARD",
    ),
]

XML_NODE_EXTRAS = {"spells", "start", "end"}
"""What GEXF readers add to a node: its presence in time, checked on its own below."""

FormatReader = tuple[str, str, Callable[[Path], readers.Read]]
FORMAT_READERS: list[FormatReader] = [
    ("graphml", "networkx", readers.graphml_by_networkx),
    ("graphml", "igraph", readers.graphml_by_igraph),
    ("graphml", "graphology-graphml", readers.by_node("graphml")),
    ("gexf", "networkx", readers.gexf_by_networkx),
    ("gexf", "graphology-gexf", readers.by_node("gexf")),
    ("cytoscape", "cytoscape", readers.by_node("cytoscape")),
    ("graphology", "graphology", readers.by_node("graphology")),
    ("d3", "networkx", readers.d3_by_networkx),
    ("csv", "python-csv", readers.gephi_csv),
    ("kumu", "python-csv", readers.kumu),
]
TITLES = {column.title: column.name for column in (*NODE_COLUMNS, *MEASURE_COLUMNS)}
EDGE_TITLES = {column.title: column.name for column in EDGE_COLUMNS}


def export(client: GraphQLClient, export_format: str, params: dict[str, str], tmp: Path) -> Path:
    response = client.http.get(f"/export/{export_format}", params=params)
    assert response.status_code == 200, response.text
    path = tmp / f"export.{export_format}"
    path.write_bytes(response.content)
    return path


def expected_network(
    client: GraphQLClient, scope: dict[str, Any] | None, mode: str, weighting: str
) -> dict[str, Any]:
    variables = {"scope": scope, "mode": mode, "weighting": weighting}
    found: dict[str, Any] = client.data(COLLABORATION, variables)["collaboration"]
    return found


def present(fields: dict[str, Any], drop: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None and k not in drop}


def same_value(expected: Any, read: Any) -> bool:
    if isinstance(expected, bool) or not isinstance(expected, int | float):
        return str(read) == str(expected)
    return math.isclose(float(read), float(expected), rel_tol=1e-12, abs_tol=1e-12)


def assert_attributes(
    what: str, expected: dict[str, Any], read: dict[str, Any], extras: set[str] = frozenset()
) -> None:
    for name, value in expected.items():
        assert name in read, f"{what}: {name} missing from {read}"
        assert same_value(value, read[name]), f"{what}: {name} is {read[name]}, not {value}"
    unexpected = set(read) - set(expected) - extras
    assert not unexpected, f"{what}: unexpected {unexpected}"


EDGE_ENDS = ("id", "source", "target")


def edge_multiset(directed: bool, edges: list[tuple[str, str, dict[str, Any]]]) -> Counter[Any]:
    """Edges as (ends, attributes) with values in one canonical form, counted."""

    def canonical(value: Any) -> Any:
        try:
            return round(float(value), 12)
        except ValueError:
            return str(value)

    counted: Counter[Any] = Counter()
    for source, target, attributes in edges:
        ends = (source, target) if directed else frozenset((source, target))
        counted[ends, frozenset((k, canonical(v)) for k, v in attributes.items())] += 1
    return counted


def normalise(export_format: str, read: readers.Read) -> readers.Read:
    """The spreadsheets name columns for people; bring them back to attribute names."""
    if export_format == "kumu":
        nodes = {k: {TITLES.get(n, n): v for n, v in a.items()} for k, a in read.nodes.items()}
        edges = {
            k: (s, t, {EDGE_TITLES.get(n, n): v for n, v in a.items()})
            for k, (s, t, a) in read.edges.items()
        }
        return readers.Read(read.directed, nodes, edges)
    return read


@pytest.mark.parametrize(
    ("export_format", "consumer", "read"),
    FORMAT_READERS,
    ids=[f"{f}-{c}" for f, c, _ in FORMAT_READERS],
)
@pytest.mark.parametrize(
    ("scope", "params", "mode", "weighting"),
    [s[1:] for s in SCOPES],
    ids=[s[0] for s in SCOPES],
)
def test_the_consumer_reads_what_graphql_answers(
    client: GraphQLClient,
    tmp_path: Path,
    export_format: str,
    consumer: str,
    read: Callable[[Path], readers.Read],
    scope: dict[str, Any] | None,
    params: dict[str, str],
    mode: str,
    weighting: str,
) -> None:
    expected = expected_network(client, scope, mode, weighting)
    path = export(client, export_format, {**params, "mode": mode, "weighting": weighting}, tmp_path)
    found = normalise(export_format, read(path))

    assert found.directed is (mode == "NETWORK")
    assert set(found.nodes) == {node["id"] for node in expected["nodes"]}
    assert expected["edges"], "the scope should have edges to compare"
    if not found.edge_ids:
        wanted = [(e["source"], e["target"], present(e, EDGE_ENDS)) for e in expected["edges"]]
        assert edge_multiset(found.directed, list(found.edges.values())) == edge_multiset(
            found.directed, wanted
        )
        return
    assert set(found.edges) == {edge["id"] for edge in expected["edges"]}

    xml_dates = export_format == "gexf"
    node_drop = ("id", "start", "end") if xml_dates else ("id",)
    node_extras = XML_NODE_EXTRAS if xml_dates else set()
    if export_format == "csv":
        node_extras = {"Time Interval"}
    for node in expected["nodes"]:
        assert_attributes(
            f"{consumer} node {node['label']}",
            present(node, node_drop),
            found.nodes[node["id"]],
            node_extras,
        )

    edge_drop = ("id", "source", "target", *(("start", "end") if xml_dates else ()))
    for edge in expected["edges"]:
        source, target, attributes = found.edges[edge["id"]]
        ends = (source, target) if found.directed else frozenset((source, target))
        wanted = (edge["source"], edge["target"])
        assert ends == (wanted if found.directed else frozenset(wanted))
        wanted_attributes = present(edge, edge_drop)
        extras = {"start", "end"} if xml_dates else set()
        if export_format == "csv":
            extras = {"Time Interval"}
        if export_format == "kumu" and mode != "NETWORK":
            wanted_attributes["type"] = "collaborates"
        if export_format == "gexf" and "type" in wanted_attributes:
            extras.add("label")  # GEXF's edge label: the tie type again, for Gephi to show
        assert_attributes(f"{consumer} edge {edge['id']}", wanted_attributes, attributes, extras)
        if xml_dates and consumer == "networkx":
            assert attributes.get("start") == (edge["start"] and dates.first_day(edge["start"]))
            assert attributes.get("end") == (edge["end"] and dates.last_day(edge["end"]))


MEASURES = """
query ($scope: ScopeInput, $boundary: Boundary!, $mode: Mode!, $weighting: Weighting!) {
  measures(scope: $scope, boundary: $boundary, mode: $mode, weighting: $weighting) {
    nodes(first: 100) { totalCount edges { node {
      node { id } group degree weightedDegree betweenness closeness eigenvector constraint
      effectiveSize ei { index }
      brokerage { coordinator itinerant representative gatekeeper liaison total }
    } } }
  }
  communities(scope: $scope, boundary: $boundary, mode: $mode, weighting: $weighting) {
    communities(first: 100) { edges { node { index members { id } } } }
  }
}
"""


@pytest.mark.parametrize(
    ("export_format", "consumer", "read"),
    FORMAT_READERS,
    ids=[f"{f}-{c}" for f, c, _ in FORMAT_READERS],
)
def test_measures_ride_on_the_nodes_as_graphql_computes_them(
    client: GraphQLClient,
    tmp_path: Path,
    export_format: str,
    consumer: str,
    read: Callable[[Path], readers.Read],
) -> None:
    scope = {"initiatives": [TERM_2013]}
    variables = {"scope": scope, "boundary": "SEAT_TYPE", "mode": "PEOPLE", "weighting": "NEWMAN"}
    data = client.data(MEASURES, variables)
    community = {
        member["id"]: edge["node"]["index"]
        for edge in data["communities"]["communities"]["edges"]
        for member in edge["node"]["members"]
    }
    params = {
        "initiatives": TERM_2013,
        "mode": "PEOPLE",
        "weighting": "NEWMAN",
        "measures": "true",
        "boundary": "SEAT_TYPE",
    }
    found = normalise(export_format, read(export(client, export_format, params, tmp_path)))

    measured = [edge["node"] for edge in data["measures"]["nodes"]["edges"]]
    assert len(measured) == data["measures"]["nodes"]["totalCount"] == len(found.nodes)
    assert {m["group"] for m in measured} >= {"ELECTED_OFFICIAL", "CIVIL_SERVANT"}
    for m in measured:
        key = m["node"]["id"]
        roles = m["brokerage"]
        expected = present(
            {
                "group": m["group"],
                "degree": m["degree"],
                "weightedDegree": m["weightedDegree"],
                "betweenness": m["betweenness"],
                "closeness": m["closeness"],
                "eigenvector": m["eigenvector"],
                "constraint": m["constraint"],
                "effectiveSize": m["effectiveSize"],
                "ei": m["ei"]["index"] if m["ei"] else None,
                **{role: roles[role] for role in ("coordinator", "itinerant", "representative")},
                **{role: roles[role] for role in ("gatekeeper", "liaison")},
                "brokerage": roles["total"],
                "community": community[key],
            },
            (),
        )
        read_attributes = found.nodes[key]
        for name, value in expected.items():
            assert name in read_attributes, f"{consumer}: {name} missing for {key}"
            assert same_value(value, read_attributes[name]), (consumer, name, key)
