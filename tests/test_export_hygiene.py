"""Exports of whatever a database holds: names with control characters and dates stored before
the input rules were strict are written as files their consumers open (networkx, lxml, json,
zipfile), every transfer over a real `poikki serve` completes, and bad export parameters
answer 400 naming the parameter."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import networkx as nx
import pytest
from lxml import etree
from starlette.testclient import TestClient

from graph.exports.formats import WRITERS, ExportFormat
from graph.model import Node, NodeKind, Tie, TieType
from resolvers import global_ids
from server.app import create_app
from server.settings import Settings
from tests.databases import load_copy
from tests.live_server import Server

UNHOLDABLE = "\x00\x01\x08\x0b\x0c\x1b\x1f\ufffe\uffff"
"""What XML 1.0 cannot hold, even escaped."""
SOURCE = Node(NodeKind.SOURCE, "s", "A source")
NODES = [
    SOURCE,
    Node(NodeKind.PERSON, "nul", f"Nul{UNHOLDABLE}name", sources=("s",), start="2013\n"),
    Node(
        NodeKind.ORGANISATION,
        "org",
        "Org\x7f\x85",
        sources=("s",),
        branch=f"Branch{UNHOLDABLE}",
        municipality="Espoo\x00",
        start="\u0662\u0660\u0661\u0663",
    ),
    Node(NodeKind.PROJECT, "project", "Project\x00", sources=("s",), start="2014-03", end="2016"),
    Node(NodeKind.ORGANISATION, "partner", "Partner\x1b", sources=("s",)),
    Node(NodeKind.PERSON, "second", "Second\x0c", sources=("s",)),
]
TIES = [
    Tie(TieType.MEMBER_OF, "nul", "org", "tie\x00id", role=f"chair{UNHOLDABLE}", sources=("s",)),
    Tie(TieType.PARTICIPATES_IN, "nul", "project", "nul-project", sources=("s",)),
    Tie(TieType.PARTNER_IN, "org", "project", "org-project", start="2015\n", sources=("s",)),
    Tie(TieType.PARTNER_IN, "partner", "project", "partner\x00project", sources=("s",)),
    Tie(TieType.PARTICIPATES_IN, "second", "project", "second-project", sources=("s",)),
]
PERSON_KEY = global_ids.encode(NodeKind.PERSON, "nul")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("unholdable")
    load_copy(Settings(data_dir=data_dir).database_path, NODES, TIES)
    served = Server(data_dir)
    try:
        served.wait_healthy()
        yield served
    finally:
        served.stop()


def download(server: Server, export_format: str, query: str = "") -> bytes:
    """The whole file; httpx raises if the server cut the chunked transfer short."""
    with httpx.stream("GET", f"{server.base}/export/{export_format}?{query}", timeout=60) as got:
        assert got.status_code == 200, got.read()
        return b"".join(got.iter_bytes())


@pytest.mark.parametrize("query", ["", "mode=ORGANISATIONS", "measures=true"])
def test_graphml_of_control_characters_parses_with_networkx_and_lxml(
    server: Server, tmp_path: Path, query: str
) -> None:
    data = download(server, "graphml", query)
    etree.fromstring(data)
    path = tmp_path / "unholdable.graphml"
    path.write_bytes(data)
    graph = nx.read_graphml(path)
    if not query:
        assert graph.nodes[PERSON_KEY]["label"] == "Nulname"
        assert {d.get("role") for _, _, d in graph.edges(data=True)} >= {"chair"}
        org = graph.nodes[global_ids.encode(NodeKind.ORGANISATION, "org")]
        assert (org["label"], org["branch"], org["municipality"]) == (
            "Org\x7f\x85",
            "Branch",
            "Espoo",
        )


@pytest.mark.parametrize("query", ["", "mode=PEOPLE", "measures=true"])
def test_gexf_of_control_characters_parses_with_networkx_and_lxml(
    server: Server, tmp_path: Path, query: str
) -> None:
    data = download(server, "gexf", query)
    etree.fromstring(data)
    path = tmp_path / "unholdable.gexf"
    path.write_bytes(data)
    graph = nx.read_gexf(path, version="1.3")
    if not query:
        assert graph.nodes[PERSON_KEY]["label"] == "Nulname"


def test_dates_stored_before_the_strict_rule_export_as_the_dates_they_spell(
    server: Server, tmp_path: Path
) -> None:
    path = tmp_path / "dated.gexf"
    path.write_bytes(download(server, "gexf"))
    graph = nx.read_gexf(path, version="1.3")
    starts = {data["id"]: data.get("start") for _, _, data in graph.edges(data=True)}
    assert starts["org-project"] == "2015-01-01"


@pytest.mark.parametrize(
    "export_format",
    [f for f in ExportFormat if f not in (ExportFormat.GRAPHML, ExportFormat.GEXF)],
)
def test_every_other_format_of_control_characters_is_whole(
    server: Server, export_format: ExportFormat
) -> None:
    """Read as its media type says: a zip's every sheet, JSON parsed, other text as UTF-8."""
    data = download(server, export_format.value)
    media_type = WRITERS[export_format].media_type
    if media_type == "application/zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            text = "".join(archive.read(name).decode() for name in archive.namelist())
    elif media_type == "application/json":
        text = json.dumps(json.loads(data))
    else:
        text = data.decode("utf-8")
    assert "Nulname" in text


SEED = global_ids.encode(NodeKind.PERSON, "nul")


@pytest.fixture(scope="module")
def asgi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data_dir = tmp_path_factory.mktemp("parameters")
    load_copy(Settings(data_dir=data_dir).database_path, NODES, TIES)
    with TestClient(create_app(Settings(data_dir=data_dir))) as http:
        yield http


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("from=2013%0A", "from"),
        ("to=%D9%A2%D9%A0%D9%A1%D9%A3", "to"),
        ("from=%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%93", "from"),
        ("from=2013-06%00", "from"),
        ("to=+2013", "to"),
        ("depth=%D9%A1", "depth"),
        ("depth=1%0A", "depth"),
        ("depth=0_1", "depth"),
        ("depth=%201", "depth"),
        ("depth=" + "9" * 5000, "depth"),
        ("resolution=%D9%A1.5", "resolution"),
        ("resolution=1e999", "resolution"),
        ("seed=%EF%BC%91", "seed"),
        ("seeds=" + global_ids.encode(NodeKind.PERSON, "p" * 201), "seeds"),
        ("seeds=" + "x" * 60_000, "seeds"),
        ("seeds=" + global_ids.encode(NodeKind.PERSON, "p\x00"), "seeds"),
        (f"seeds={SEED}%0A", "seeds"),
        ("initiatives=" + global_ids.encode(NodeKind.PROJECT, "p" * 201), "initiatives"),
    ],
)
@pytest.mark.parametrize("export_format", ["graphml", "gexf", "csv"])
def test_bad_export_parameters_get_400_naming_the_parameter(
    asgi: TestClient, export_format: str, query: str, parameter: str
) -> None:
    response = asgi.get(f"/export/{export_format}?{query}")
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "BAD_INPUT", "parameter": parameter}
    assert len(error["message"]) < 400
