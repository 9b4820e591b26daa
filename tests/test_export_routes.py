"""The export routes and command: GEXF timelines, media types and file names, streaming, bad
parameters, and the CLI writing what HTTP serves."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph.exports.formats import WRITERS
from graph.model import Node, NodeKind, Tie, TieType
from resolvers import global_ids
from server.cli import app
from tests import export_readers as readers
from tests.conftest import GraphQLClient
from tests.databases import load_copy

SOURCE = Node(NodeKind.SOURCE, "s", "A source")


def _node(kind: NodeKind, slug: str, start: str | None = None, end: str | None = None) -> Node:
    return Node(kind, slug, slug.title(), sources=("s",), start=start, end=end)


def _tie(
    type_: TieType, source: str, target: str, start: str | None = None, end: str | None = None
) -> Tie:
    tie_id = f"{source}-{target}"
    return Tie(type_, source, target, tie_id, start=start, end=end, sources=("s",))


def _key(kind: NodeKind, slug: str) -> str:
    return global_ids.encode(kind, slug)


TIMELINE_NODES = [
    SOURCE,
    _node(NodeKind.PROGRAMME, "programme", start="2013-06", end="2017"),
    _node(NodeKind.PROJECT, "project", start="2019-03-01", end="2020-12-31"),
    _node(NodeKind.PERSON, "two-spells"),
    _node(NodeKind.PERSON, "own-dates"),
    _node(NodeKind.ORGANISATION, "founded", start="2010"),
    _node(NodeKind.PERSON, "undated"),
    _node(NodeKind.PROGRAMME, "timeless"),
]
TIMELINE_TIES = [
    _tie(TieType.PARTICIPATES_IN, "two-spells", "programme"),
    _tie(TieType.PARTICIPATES_IN, "two-spells", "project"),
    _tie(TieType.PARTICIPATES_IN, "own-dates", "programme", start="2014-03", end="2015"),
    _tie(TieType.PARTNER_IN, "founded", "project"),
    _tie(TieType.PARTICIPATES_IN, "undated", "timeless"),
]


def test_gexf_opens_in_dynamic_mode_with_the_spells_worked_out_by_hand(
    make_client: Callable[..., GraphQLClient], tmp_path: Path
) -> None:
    client = make_client(TIMELINE_NODES, TIMELINE_TIES)
    path = tmp_path / "timeline.gexf"
    path.write_bytes(client.http.get("/export/gexf").content)
    graph = nx.read_gexf(path, version="1.3")

    assert graph.graph["mode"] == "dynamic"
    text = path.read_text(encoding="utf-8")
    assert 'timeformat="date"' in text
    assert 'timerepresentation="interval"' in text
    node = graph.nodes
    # A person takes part in two programmes years apart: two spells, each widest-read.
    assert node[_key(NodeKind.PERSON, "two-spells")]["spells"] == [
        ("2013-06-01", "2017-12-31"),
        ("2019-03-01", "2020-12-31"),
    ]
    # One spell is written as the node's own start and end.
    assert node[_key(NodeKind.PERSON, "own-dates")]["start"] == "2014-03-01"
    assert node[_key(NodeKind.PERSON, "own-dates")]["end"] == "2015-12-31"
    # Founded in 2010 and never ended: open at the end, whatever its ties.
    assert node[_key(NodeKind.ORGANISATION, "founded")]["start"] == "2010-01-01"
    assert "end" not in node[_key(NodeKind.ORGANISATION, "founded")]
    # Nothing dated: present all the time.
    for slug, kind in (("undated", NodeKind.PERSON), ("timeless", NodeKind.PROGRAMME)):
        assert not {"start", "end", "spells"} & set(node[_key(kind, slug)]), slug
    # Edges carry their own dates, or their programme's, widest-read.
    edges = {data["id"]: data for _, _, data in graph.edges(data=True)}
    assert (edges["own-dates-programme"]["start"], edges["own-dates-programme"]["end"]) == (
        "2014-03-01",
        "2015-12-31",
    )
    assert edges["two-spells-programme"]["start"] == "2013-06-01"
    assert edges["two-spells-programme"]["end"] == "2017-12-31"
    assert not {"start", "end"} & set(edges["undated-timeless"])


def test_the_seed_term_export_has_a_timeline_every_edge_fits_in(
    client: GraphQLClient, tmp_path: Path
) -> None:
    path = tmp_path / "term.gexf"
    path.write_bytes(client.http.get("/export/gexf", params={"term": "TERM_2013_2017"}).content)
    graph = nx.read_gexf(path, version="1.3")
    assert graph.graph["mode"] == "dynamic"

    def spells(key: str) -> list[tuple[str, str]]:
        data = graph.nodes[key]
        if "spells" in data:
            return [(s, "9999" if e == "None" else e) for s, e in data["spells"]]
        if "start" in data or "end" in data:
            return [(data.get("start", ""), data.get("end", "9999"))]
        return [("", "9999")]

    dated = 0
    for source, target, data in graph.edges(data=True):
        if "start" not in data and "end" not in data:
            continue
        dated += 1
        start, end = data.get("start", ""), data.get("end", "9999")
        for end_node in (source, target):
            assert any(s <= start and end <= e for s, e in spells(end_node)), (data, end_node)
    assert dated > 50
    assert sum("spells" in d or "start" in d for _, d in graph.nodes(data=True)) > 50


FILES = {
    "graphml": ("application/graphml+xml", "poikki-network.graphml"),
    "gexf": ("application/gexf+xml", "poikki-network.gexf"),
    "cytoscape": ("application/json", "poikki-network.cyjs"),
    "graphology": ("application/json", "poikki-network.graphology.json"),
    "d3": ("application/json", "poikki-network.d3.json"),
    "csv": ("application/zip", "poikki-network.gephi-csv.zip"),
    "kumu": ("application/zip", "poikki-network.kumu.zip"),
}


@pytest.mark.parametrize("export_format", list(FILES))
def test_media_type_and_file_name(client: GraphQLClient, export_format: str) -> None:
    response = client.http.get(f"/export/{export_format}")
    media_type, file_name = FILES[export_format]
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert response.headers["content-disposition"] == f'attachment; filename="{file_name}"'
    assert "content-length" not in response.headers  # streamed, not built whole first


def test_a_period_names_the_file(client: GraphQLClient) -> None:
    response = client.http.get("/export/csv", params={"from": "2015", "to": "2016-06"})
    assert (
        'filename="poikki-network-2015--2016-06.gephi-csv.zip"'
        in (response.headers["content-disposition"])
    )


def test_the_zips_hold_the_sheets_the_tools_expect(client: GraphQLClient, tmp_path: Path) -> None:
    for export_format, names in (
        ("csv", ["nodes.csv", "edges.csv"]),
        ("kumu", ["elements.csv", "connections.csv"]),
    ):
        path = tmp_path / f"{export_format}.zip"
        path.write_bytes(client.http.get(f"/export/{export_format}").content)
        with zipfile.ZipFile(path) as archive:
            assert archive.namelist() == names
            assert archive.testzip() is None
        sheets = readers.sheets(path)
        header = list(sheets[names[1]][0])
        if export_format == "csv":
            assert header[:7] == [
                "Source",
                "Target",
                "Type",
                "Id",
                "Label",
                "Weight",
                "Time Interval",
            ]
            assert {row["Type"] for row in sheets["edges.csv"]} == {"Directed"}
            dated = [row for row in sheets["edges.csv"] if row["Time Interval"]]
            assert dated
            assert all(
                row["Time Interval"].startswith("<[") and row["Time Interval"].endswith("]>")
                for row in dated
            )
        else:
            assert header[:5] == ["ID", "From", "To", "Type", "Direction"]
            assert list(sheets["elements.csv"][0])[:3] == ["ID", "Label", "Type"]


@pytest.mark.parametrize(
    ("query", "parameter", "says"),
    [
        ("depht=2", "depht", "Unknown parameter 'depht'"),
        ("depth=two", "depth", "'depth' must be a number"),
        ("depth=9", "depth", "depth must be 0 to 6"),
        ("from=2017-13", "from", "not a calendar date"),
        ("from=2018&to=2016", "scope", "ends before it starts"),
        ("term=TERM_1999", "term", "'TERM_1999' is not a valid term"),
        ("term=TERM_2013_2017&from=2014", "term", "a term or from/to"),
        ("mode=CLIQUE", "mode", "use one of NETWORK, PEOPLE, ORGANISATIONS"),
        ("weighting=COSINE", "weighting", "is not a valid weighting"),
        ("kinds=PERSON,ROBOT", "kinds", "'ROBOT' is not a valid kinds"),
        ("kinds=SOURCE", "kinds", "Sources are citations"),
        ("types=KNOWS", "types", "'KNOWS' is not a valid types"),
        ("seeds=xyz", "seeds", "'xyz' is not a Poikki node id"),
        (f"initiatives={global_ids.encode(NodeKind.PERSON, 'x')}", "initiatives", "not a prog"),
        ("measures=maybe", "measures", "must be true or false"),
        ("resolution=nan", "resolution", "finite number"),
        ("depth=1&depth=2", "depth", "Give 'depth' once"),
    ],
)
def test_bad_parameters_get_400_naming_the_parameter(
    client: GraphQLClient, query: str, parameter: str, says: str
) -> None:
    response = client.http.get(f"/export/gexf?{query}")
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "BAD_INPUT", "parameter": parameter}
    assert says in error["message"]


def test_an_unknown_seed_is_404(client: GraphQLClient) -> None:
    missing = global_ids.encode(NodeKind.PERSON, "nobody-at-all")
    response = client.http.get("/export/graphml", params={"seeds": missing})
    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "nobody-at-all" in response.json()["errors"][0]["message"]


def test_an_unknown_format_lists_the_known_ones(client: GraphQLClient) -> None:
    response = client.http.get("/export/pdf")
    assert response.status_code == 404
    body = response.json()
    known = [f.value for f in WRITERS]
    assert known[:7] == ["graphml", "gexf", "cytoscape", "graphology", "d3", "csv", "kumu"]
    assert body["formats"] == known
    assert ", ".join(known) in body["errors"][0]["message"]


def test_the_cli_writes_what_http_serves(
    make_client: Callable[..., GraphQLClient], tmp_path: Path
) -> None:
    from seed.knowledge import seed_graph

    data_dir = tmp_path / "cli"
    load_copy(data_dir / "poikki.lbug", *seed_graph())
    out = tmp_path / "people.graphml"
    result = CliRunner().invoke(
        app,
        [
            "export",
            "--format",
            "graphml",
            "--out",
            str(out),
            "--term",
            "TERM_2013_2017",
            "--mode",
            "PEOPLE",
            "--data-dir",
            str(data_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output
    client = make_client(*seed_graph())
    served = client.http.get(
        "/export/graphml", params={"term": "TERM_2013_2017", "mode": "PEOPLE"}
    ).content
    assert out.read_bytes() == served
    assert nx.read_graphml(out).number_of_nodes() > 0


def test_the_cli_names_a_bad_option_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "never.gexf"
    result = CliRunner().invoke(
        app,
        ["export", "--format", "gexf", "--out", str(out), "--from", "2017-13"],
    )
    assert result.exit_code == 2
    assert "--from" in result.output
    assert "not a calendar date" in result.output
    assert not out.exists()
