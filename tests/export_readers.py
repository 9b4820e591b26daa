"""Opens an export with the consumer the format is for, never with our own parser, and brings
what it read into one shape for comparison: nodes by key and edges by key, with attributes.

GraphML: networkx and igraph; GEXF: networkx and graphology-gexf; Cytoscape.js JSON: the
`cytoscape` package, headless; graphology JSON: graphology itself (and GraphML again through
graphology-graphml); d3 node-link JSON: networkx's node_link_graph; the CSV zips: Python's csv.
"""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import igraph as ig
import networkx as nx

REPO_ROOT = Path(__file__).resolve().parent.parent
CHECK_DIR = REPO_ROOT / "tools" / "export-check"


@dataclass
class Read:
    directed: bool
    nodes: dict[str, dict[str, Any]]
    edges: dict[str, tuple[str, str, dict[str, Any]]]
    edge_ids: bool = True
    """False when the reader loses edge ids: `edges` is then keyed by position."""


def by_networkx(graph: Any) -> Read:
    nodes = {str(key): dict(data) for key, data in graph.nodes(data=True)}
    edges = {}
    if graph.is_multigraph():
        found = graph.edges(keys=True, data=True)
        for source, target, key, data in found:
            data = dict(data)
            edge_id = str(data.pop("id", key))
            edges[edge_id] = (str(source), str(target), data)
    else:
        for source, target, data in graph.edges(data=True):
            data = dict(data)
            edges[str(data.pop("id"))] = (str(source), str(target), data)
    return Read(graph.is_directed(), nodes, edges)


def graphml_by_networkx(path: Path) -> Read:
    return by_networkx(nx.read_graphml(path))


def graphml_by_igraph(path: Path) -> Read:
    graph = ig.Graph.Read_GraphML(str(path))
    names = graph.vs["id"]

    def present(attributes: dict[str, Any]) -> dict[str, Any]:
        # igraph fills attributes a vertex or edge lacks: NaN for numbers, "" for strings.
        return {
            name: value
            for name, value in attributes.items()
            if value != "" and not (isinstance(value, float) and math.isnan(value))
        }

    nodes = {}
    for vertex in graph.vs:
        attributes = vertex.attributes()
        nodes[attributes.pop("id")] = present(attributes)
    # igraph 1.0's GraphML reader fills the edges' "id" attribute with vertex ids, so its
    # edges are compared by their ends and attributes rather than by id.
    edges = {}
    for edge in graph.es:
        attributes = edge.attributes()
        attributes.pop("id")
        edges[f"#{edge.index}"] = (names[edge.source], names[edge.target], present(attributes))
    return Read(graph.is_directed(), nodes, edges, edge_ids=False)


def gexf_by_networkx(path: Path) -> Read:
    return by_networkx(nx.read_gexf(path, version="1.3"))


def d3_by_networkx(path: Path) -> Read:
    data = json.loads(path.read_text(encoding="utf-8"))
    graph = nx.node_link_graph(data, edges="links")
    nodes = {str(key): dict(attributes) for key, attributes in graph.nodes(data=True)}
    edges = {}
    if graph.is_multigraph():
        for source, target, key, attributes in graph.edges(keys=True, data=True):
            edges[str(key)] = (source, target, dict(attributes))
    else:
        for source, target, attributes in graph.edges(data=True):
            attributes = dict(attributes)
            edges[attributes.pop("key")] = (source, target, attributes)
    return Read(graph.is_directed(), nodes, edges)


def by_node(reader: str) -> Callable[[Path], Read]:
    """One of tools/export-check/open.mjs's readers (the visualisers' npm packages)."""

    def read(path: Path) -> Read:
        node = shutil.which("node")
        assert node is not None, "Node.js is needed to open exports with the npm packages"
        done = subprocess.run(
            [node, str(CHECK_DIR / "open.mjs"), reader, str(path)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        return Read(
            data["directed"],
            {n["key"]: n["attributes"] for n in data["nodes"]},
            {e["key"]: (e["source"], e["target"], e["attributes"]) for e in data["edges"]},
        )

    return read


def sheets(path: Path) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))
            for name in archive.namelist()
        }


def gephi_csv(path: Path) -> Read:
    found = sheets(path)
    nodes = {
        row.pop("Id"): {"label": row.pop("Label"), **_filled(row)} for row in found["nodes.csv"]
    }
    edges = {}
    directions = set()
    for row in found["edges.csv"]:
        directions.add(row.pop("Type"))
        row.pop("Label")
        source, target, key = row.pop("Source"), row.pop("Target"), row.pop("Id")
        attributes = _filled(row)
        attributes["weight"] = attributes.pop("Weight")
        if "tieType" in attributes:
            attributes["type"] = attributes.pop("tieType")
        edges[key] = (source, target, attributes)
    assert len(directions) <= 1, directions
    return Read(directions == {"Directed"}, nodes, edges)


def kumu(path: Path) -> Read:
    found = sheets(path)
    nodes = {}
    for row in found["elements.csv"]:
        key = row.pop("ID")
        nodes[key] = {"label": row.pop("Label"), "kind": row.pop("Type"), **_filled(row)}
    edges = {}
    directions = set()
    for row in found["connections.csv"]:
        key, source, target = row.pop("ID"), row.pop("From"), row.pop("To")
        directions.add(row.pop("Direction"))
        edges[key] = (source, target, {"type": row.pop("Type"), **_filled(row)})
    assert len(directions) <= 1, directions
    return Read(directions == {"directed"}, nodes, edges)


def _filled(row: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in row.items() if value != ""}
