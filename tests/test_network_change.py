"""`change` over GraphQL equals what two `collaboration`, `measures` and `communities` answers
give when compared by hand, and networkx's numbers of each period's network."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.model import Node, NodeKind, Tie, TieType
from resolvers import global_ids
from tests.conftest import GraphQLClient
from tests.live_server import seed

POIKKI = Path(sys.executable).parent / "poikki"
TERMS = ("TERM_2013_2017", "TERM_2017_2021")
PERIODS = "[{term: TERM_2013_2017}, {term: TERM_2017_2021}]"
ALL = 100
CHANGE = """
query ($mode: Mode!) {
  change(periods: %s, mode: $mode, boundary: SECTOR) {
    periods { label nodeCount edgeCount density components averageDegree ei { index }
      assortativity modularity communityCount }
    steps { before after
      joined(first: 100) { totalCount edges { node { id } } }
      left(first: 100) { totalCount edges { node { id } } }
      stayed(first: 100) { totalCount edges { node { id } } }
      formed(first: 100) { totalCount edges { node { key weightBefore weightAfter
        after { source target weight } } } }
      kept(first: 100) { totalCount edges { node { key weightBefore weightAfter } } }
      ended(first: 100) { totalCount edges { node { key weightBefore weightAfter
        before { source target sources { id } } } } }
      flows { source target members jaccard } }
    trajectories(first: 100) { totalCount edges { node { node { id } change
      points { period present degree betweenness brokerage group } } } }
  }
}
"""
COLLABORATION = """
query ($term: CouncilTerm!, $mode: Mode!) {
  collaboration(scope: {term: $term}, mode: $mode, maxNodes: 1000, maxEdges: 5000) {
    nodes { id } edges { id source target weight sources { id } }
  }
  measures(scope: {term: $term}, mode: $mode, boundary: SECTOR) {
    ei { index } assortativity
    nodes(first: 100) {
      edges { node { node { id } group degree betweenness brokerage { total } } }
    }
  }
  communities(scope: {term: $term}, mode: $mode) {
    modularity count communities(first: 100) { edges { node { index members(first: 100) { id } } } }
  }
}
"""


def _ids(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in connection["edges"]]


def _key(client_edge: dict[str, Any], mode: str) -> str:
    if mode == "NETWORK":
        return str(client_edge["id"])
    ends = sorted(global_ids.decode(e)[1] for e in (client_edge["source"], client_edge["target"]))
    return "~".join(ends)


def _period(client: GraphQLClient, term: str, mode: str) -> dict[str, Any]:
    return client.data(COLLABORATION, {"term": term, "mode": mode})


def _simple(answer: dict[str, Any]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(node["id"] for node in answer["collaboration"]["nodes"])
    for edge in answer["collaboration"]["edges"]:
        if edge["source"] != edge["target"]:
            graph.add_edge(edge["source"], edge["target"])
    return graph


@pytest.mark.parametrize("mode", ["PEOPLE", "ORGANISATIONS", "NETWORK"])
def test_change_between_terms_is_the_difference_of_the_two_terms_networks(
    client: GraphQLClient, mode: str
) -> None:
    change = client.data(CHANGE % PERIODS, {"mode": mode})["change"]
    before, after = (_period(client, term, mode) for term in TERMS)
    nodes = [{n["id"] for n in p["collaboration"]["nodes"]} for p in (before, after)]
    edges = [{_key(e, mode): e for e in p["collaboration"]["edges"]} for p in (before, after)]
    (step,) = change["steps"]
    assert (step["before"], step["after"]) == TERMS
    _same(step["joined"], _ids(step["joined"]), nodes[1] - nodes[0])
    _same(step["left"], _ids(step["left"]), nodes[0] - nodes[1])
    _same(step["stayed"], _ids(step["stayed"]), nodes[0] & nodes[1])
    formed = {e["node"]["key"]: e["node"] for e in step["formed"]["edges"]}
    kept = {e["node"]["key"]: e["node"] for e in step["kept"]["edges"]}
    ended = {e["node"]["key"]: e["node"] for e in step["ended"]["edges"]}
    _same(step["formed"], list(formed), edges[1].keys() - edges[0].keys())
    _same(step["kept"], list(kept), edges[1].keys() & edges[0].keys())
    _same(step["ended"], list(ended), edges[0].keys() - edges[1].keys())
    for key, tie in kept.items():
        assert tie["weightBefore"] == pytest.approx(edges[0][key]["weight"])
        assert tie["weightAfter"] == pytest.approx(edges[1][key]["weight"])
    for key, tie in formed.items():
        assert tie["weightBefore"] is None
        assert tie["weightAfter"] == pytest.approx(edges[1][key]["weight"])
    for key, tie in ended.items():
        assert tie["weightAfter"] is None
        assert tie["before"]["sources"] == edges[0][key]["sources"], "sourced as drawn"


def _same(connection: dict[str, Any], page: list[str], expected: set[str]) -> None:
    """A first page of at most 100 is the expected set when it holds all of it, else a part
    of it; the total counts all of it."""
    assert connection["totalCount"] == len(expected)
    assert len(page) == min(len(expected), ALL)
    assert set(page) <= expected


@pytest.mark.parametrize("mode", ["PEOPLE", "ORGANISATIONS"])
def test_each_periods_numbers_equal_networkx_and_the_measures_answer(
    client: GraphQLClient, mode: str
) -> None:
    change = client.data(CHANGE % PERIODS, {"mode": mode})["change"]
    for summary, term in zip(change["periods"], TERMS, strict=True):
        answer = _period(client, term, mode)
        graph = _simple(answer)
        n, m = graph.number_of_nodes(), graph.number_of_edges()
        assert summary["label"] == term
        assert (summary["nodeCount"], summary["edgeCount"]) == (n, m)
        assert summary["density"] == pytest.approx(nx.density(graph) if n > 1 else 0.0)
        assert summary["components"] == nx.number_connected_components(graph)
        assert summary["averageDegree"] == pytest.approx(2 * m / n if n else 0.0)
        assert summary["ei"] == answer["measures"]["ei"]
        assert summary["assortativity"] == answer["measures"]["assortativity"]
        communities = answer["communities"]
        assert summary["communityCount"] == communities["count"]
        assert summary["modularity"] == pytest.approx(communities["modularity"])
        partition = [
            {m["id"] for m in e["node"]["members"]} for e in communities["communities"]["edges"]
        ]
        weighted = nx.Graph()
        weighted.add_nodes_from(graph)
        for edge in answer["collaboration"]["edges"]:
            u, v, w = edge["source"], edge["target"], edge["weight"]
            previous = weighted.get_edge_data(u, v, {"weight": 0.0})["weight"]
            weighted.add_edge(u, v, weight=previous + w)
        if m:
            expected = nx.community.modularity(weighted, partition, weight="weight")
            assert summary["modularity"] == pytest.approx(expected)


def test_trajectories_hold_each_periods_measures_sorted_by_their_change(
    client: GraphQLClient,
) -> None:
    change = client.data(CHANGE % PERIODS, {"mode": "PEOPLE"})["change"]
    measured = []
    for term in TERMS:
        nodes = _period(client, term, "PEOPLE")["measures"]["nodes"]["edges"]
        measured.append({e["node"]["node"]["id"]: e["node"] for e in nodes})
    trajectories = [e["node"] for e in change["trajectories"]["edges"]]
    assert change["trajectories"]["totalCount"] == len(measured[0].keys() | measured[1].keys())
    for trajectory in trajectories:
        ident = trajectory["node"]["id"]
        degrees = []
        for point, term, period in zip(trajectory["points"], TERMS, measured, strict=True):
            assert point["period"] == term
            found = period.get(ident)
            assert point["present"] is (found is not None)
            if found is None:
                assert point["degree"] is None
                degrees.append(0)
                continue
            assert point["degree"] == found["degree"]
            assert point["betweenness"] == pytest.approx(found["betweenness"])
            assert point["brokerage"] == found["brokerage"]["total"]
            assert point["group"] == found["group"]
            degrees.append(found["degree"])
        assert trajectory["change"] == degrees[1] - degrees[0]
    changes = [t["change"] for t in trajectories]
    assert changes == sorted(changes, reverse=True)


def test_community_flows_count_the_members_two_partitions_share(client: GraphQLClient) -> None:
    change = client.data(CHANGE % PERIODS, {"mode": "ORGANISATIONS"})["change"]
    partitions = []
    for term in TERMS:
        edges = _period(client, term, "ORGANISATIONS")["communities"]["communities"]["edges"]
        partitions.append(
            {e["node"]["index"]: {m["id"] for m in e["node"]["members"]} for e in edges}
        )
    old, new = partitions
    everyone_before = set().union(*old.values())
    everyone_after = set().union(*new.values())
    expected = []
    for a in sorted(old):
        for b in sorted(new):
            shared = old[a] & new[b]
            if shared:
                jaccard = len(shared) / len(old[a] | new[b])
                expected.append((a, b, len(shared), pytest.approx(jaccard)))
        if old[a] - everyone_after:
            expected.append((a, None, len(old[a] - everyone_after), 0.0))
    for b in sorted(new):
        if new[b] - everyone_before:
            expected.append((None, b, len(new[b] - everyone_before), 0.0))
    flows = change["steps"][0]["flows"]
    assert [(f["source"], f["target"], f["members"], f["jaccard"]) for f in flows] == expected
    assert sum(f["members"] for f in flows if f["source"] is not None) == len(everyone_before)
    assert sum(f["members"] for f in flows if f["target"] is not None) == len(everyone_after)


def _node(kind: NodeKind, ident: str, start: str | None = None, end: str | None = None) -> Node:
    return Node(kind, ident, ident.title(), sources=("s",), start=start, end=end)


def _tie(type_: TieType, source: str, target: str) -> Tie:
    return Tie(type_, source, target, f"{source}--{target}", sources=("s",))


def test_a_hand_worked_change_of_three_people_over_two_projects(
    make_client: Callable[..., GraphQLClient],
) -> None:
    """Anna and Ben share project P (2014–2015); Ben and Cai share Q (2019–2020).

    From 2013–2016 to 2018–2021: Cai joins, Anna leaves, Ben stays; the tie Anna~Ben ends and
    Ben~Cai forms. Ben's degree is 1 in both periods (change 0); Cai's goes 0 → 1, Anna's 1 → 0.
    """
    source = Node(NodeKind.SOURCE, "s", "Hand-made", sources=("s",))
    nodes = [
        source,
        *(_node(NodeKind.PERSON, name) for name in ("anna", "ben", "cai")),
        _node(NodeKind.PROJECT, "p", "2014", "2015"),
        _node(NodeKind.PROJECT, "q", "2019", "2020"),
    ]
    ties = [
        _tie(TieType.PARTICIPATES_IN, "anna", "p"),
        _tie(TieType.PARTICIPATES_IN, "ben", "p"),
        _tie(TieType.PARTICIPATES_IN, "ben", "q"),
        _tie(TieType.PARTICIPATES_IN, "cai", "q"),
    ]
    client = make_client(nodes, ties)
    periods = '[{from: "2013", to: "2016", label: "before"}, {from: "2018", to: "2021"}]'
    change = client.data(CHANGE % periods, {"mode": "PEOPLE"})["change"]
    assert [p["label"] for p in change["periods"]] == ["before", "2018–2021"]
    assert [(p["nodeCount"], p["edgeCount"]) for p in change["periods"]] == [(2, 1), (2, 1)]
    (step,) = change["steps"]
    person = {name: global_ids.encode(NodeKind.PERSON, name) for name in ("anna", "ben", "cai")}
    assert _ids(step["joined"]) == [person["cai"]]
    assert _ids(step["left"]) == [person["anna"]]
    assert _ids(step["stayed"]) == [person["ben"]]
    assert [e["node"]["key"] for e in step["formed"]["edges"]] == ["ben~cai"]
    assert [e["node"]["key"] for e in step["ended"]["edges"]] == ["anna~ben"]
    assert step["kept"]["totalCount"] == 0
    assert step["formed"]["edges"][0]["node"]["weightAfter"] == 1.0  # NEWMAN: 1/(2−1)
    by_change = [
        (e["node"]["node"]["id"], e["node"]["change"]) for e in change["trajectories"]["edges"]
    ]
    assert by_change == [(person["cai"], 1.0), (person["ben"], 0.0), (person["anna"], -1.0)]
    # One community each period ({anna, ben}, then {ben, cai}): Ben carries on, Anna leaves,
    # Cai joins.
    assert step["flows"] == [
        {"source": 0, "target": 0, "members": 1, "jaccard": pytest.approx(1 / 3)},
        {"source": 0, "target": None, "members": 1, "jaccard": 0.0},
        {"source": None, "target": 0, "members": 1, "jaccard": 0.0},
    ]


def test_changes_page_with_cursors(client: GraphQLClient) -> None:
    query = (
        "query ($after: String) { change(periods: " + PERIODS + ", mode: ORGANISATIONS) { "
        "steps { kept(first: 5, after: $after) { totalCount edges { cursor node { key } } "
        "pageInfo { hasNextPage endCursor } } } } }"
    )
    seen: list[str] = []
    after = None
    while True:
        kept = client.data(query, {"after": after})["change"]["steps"][0]["kept"]
        seen += [e["node"]["key"] for e in kept["edges"]]
        if not kept["pageInfo"]["hasNextPage"]:
            break
        after = kept["pageInfo"]["endCursor"]
    assert seen == sorted(seen)
    assert len(seen) == len(set(seen)) == kept["totalCount"] > 5


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ("periods: [{term: TERM_2013_2017}]", "periods"),
        ('periods: [{term: TERM_2013_2017, from: "2014"}, {term: TERM_2017_2021}]', "periods"),
        ('periods: [{label: "no dates"}, {term: TERM_2017_2021}]', "periods"),
        (f"periods: {PERIODS}, scope: {{term: TERM_2021_2025}}", "scope"),
    ],
)
def test_a_change_without_two_proper_periods_is_refused_by_name(
    client: GraphQLClient, arguments: str, field: str
) -> None:
    body = client.post(f"{{ change({arguments}) {{ periods {{ label }} }} }}")
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert error["extensions"]["field"] == field
    assert body["data"] is None


def _sheets(content: bytes) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {
            name: list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))
            for name in archive.namelist()
        }


def test_a_change_exports_as_one_csv_sheet_per_part_equal_to_the_graphql_answer(
    client: GraphQLClient,
) -> None:
    change = client.data(CHANGE % PERIODS, {"mode": "PEOPLE"})["change"]
    response = client.http.get("/export/csv", params={"periods": ",".join(TERMS), "mode": "PEOPLE"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert "change" in response.headers["content-disposition"]
    sheets = _sheets(response.content)
    assert sorted(sheets) == sorted(
        ["periods.csv", "nodes.csv", "ties.csv", "trajectories.csv", "flows.csv"]
    )
    for row, summary in zip(sheets["periods.csv"], change["periods"], strict=True):
        assert row["period"] == summary["label"]
        assert (int(row["nodes"]), int(row["edges"])) == (
            summary["nodeCount"],
            summary["edgeCount"],
        )
        assert float(row["modularity"]) == summary["modularity"]
    (step,) = change["steps"]
    for part in ("joined", "left", "stayed"):
        listed = {r["id"] for r in sheets["nodes.csv"] if r["change"] == part}
        assert listed == set(_ids(step[part])), part
    for part in ("formed", "kept", "ended"):
        rows = {r["key"]: r for r in sheets["ties.csv"] if r["change"] == part}
        answer = {e["node"]["key"]: e["node"] for e in step[part]["edges"]}
        assert rows.keys() == answer.keys(), part
        for key, tie in answer.items():
            before, after = rows[key]["weight_before"], rows[key]["weight_after"]
            assert (float(before) if before else None) == tie["weightBefore"]
            assert (float(after) if after else None) == tie["weightAfter"]
    ended = {e["node"]["key"]: e["node"] for e in step["ended"]["edges"]}
    for row in (r for r in sheets["ties.csv"] if r["change"] == "ended"):
        cited = [s["id"] for s in ended[row["key"]]["before"]["sources"]]
        assert row["sources"].split(";") == cited
    trajectories = {e["node"]["node"]["id"]: e["node"] for e in change["trajectories"]["edges"]}
    assert {r["id"] for r in sheets["trajectories.csv"]} == trajectories.keys()
    for row in sheets["trajectories.csv"]:
        for point in trajectories[row["id"]]["points"]:
            degree = row[f"{point['period']} degree"]
            assert (int(degree) if degree else None) == point["degree"]
    flows = [
        (r["source_community"], r["target_community"], int(r["members"]))
        for r in sheets["flows.csv"]
    ]
    assert flows == [
        ("" if f["source"] is None else str(f["source"]),
         "" if f["target"] is None else str(f["target"]),
         f["members"])
        for f in step["flows"]
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"periods": "TERM_2013_2017,TERM_2017_2021"}, None),
        ({"periods": "TERM_2013_2017"}, "periods"),
        ({"periods": "TERM_2013_2017,NOT_A_TERM"}, "periods"),
        ({"periods": "TERM_2013_2017,..", "format": "csv"}, "periods"),
        ({"periods": "TERM_2013_2017,2017-06..2021", "term": "TERM_2021_2025"}, "scope"),
    ],
)
def test_a_change_export_is_csv_with_two_proper_periods(
    client: GraphQLClient, query: dict[str, str], field: str | None
) -> None:
    export_format = "csv" if field else "graphml"
    params = {k: v for k, v in query.items() if k != "format"}
    response = client.http.get(f"/export/{export_format}", params=params)
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert error["extensions"]["parameter"] == (field or "format")


def test_poikki_export_writes_a_change_from_the_command_line(tmp_path: Path) -> None:
    seed(tmp_path)
    out = tmp_path / "change.zip"
    args = ["export", "--format", "csv", "--out", str(out), "--mode", "ORGANISATIONS"]
    args += ["--period", "TERM_2013_2017", "--period", "2017-06..2021-07", "--data-dir"]
    done = subprocess.run(
        [str(POIKKI), *args, str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote the change over 2 periods" in done.stdout
    periods = _sheets(out.read_bytes())["periods.csv"]
    assert [row["period"] for row in periods] == ["TERM_2013_2017", "2017-06..2021-07"]
    assert all(int(row["nodes"]) > 0 for row in periods)
