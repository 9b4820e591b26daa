"""The JSON formats of the JavaScript visualisers, streamed a node and an edge at a time:
Cytoscape.js `elements`, graphology's serialised graph (sigma.js), and d3's node-link data."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from graph.exports.view import ExportEdge, ExportGraph, ExportNode
from graph.hygiene import xml_safe

BATCH = 500


def write_cytoscape(graph: ExportGraph) -> Iterator[bytes]:
    """Cytoscape.js JSON: `cy.json(data)` or `cytoscape({elements: data.elements})` opens it."""
    yield _head({"data": {"name": graph.name, "directed": graph.directed}}, "elements")
    yield b'{"nodes":['
    yield from json_items({"data": {"id": n.key, **n.attributes}} for n in graph.nodes())
    yield b'],"edges":['
    yield from json_items(
        {"data": {"id": e.key, "source": e.source, "target": e.target, **e.attributes}}
        for e in graph.edges()
    )
    yield b"]}}"


def write_graphology(graph: ExportGraph) -> Iterator[bytes]:
    """graphology's serialised graph: `Graph.from(data)` (and so sigma.js) opens it."""
    options = {
        "type": "directed" if graph.directed else "undirected",
        "multi": graph.directed,
        "allowSelfLoops": False,
    }
    yield _head({"attributes": {"name": graph.name}, "options": options}, "nodes")
    yield b"["
    yield from json_items({"key": n.key, "attributes": dict(n.attributes)} for n in graph.nodes())
    yield b'],"edges":['
    yield from json_items(_graphology_edge(e) for e in graph.edges())
    yield b"]}"


def write_d3(graph: ExportGraph) -> Iterator[bytes]:
    """Node-link JSON as d3-force takes it (`nodes` with `id`, `links` with source and target);
    networkx reads it with `node_link_graph(data, edges="links")`."""
    head = {"directed": graph.directed, "multigraph": graph.directed, "graph": {"name": graph.name}}
    yield _head(head, "nodes")
    yield b"["
    yield from json_items(_d3_node(n) for n in graph.nodes())
    yield b'],"links":['
    yield from json_items(_d3_link(e) for e in graph.edges())
    yield b"]}"


def _graphology_edge(edge: ExportEdge) -> dict[str, Any]:
    return {
        "key": edge.key,
        "source": edge.source,
        "target": edge.target,
        "attributes": dict(edge.attributes),
    }


def _d3_node(node: ExportNode) -> dict[str, Any]:
    return {"id": node.key, **node.attributes}


def _d3_link(edge: ExportEdge) -> dict[str, Any]:
    return {"key": edge.key, "source": edge.source, "target": edge.target, **edge.attributes}


def _head(fields: dict[str, Any], opens: str) -> bytes:
    """The object's opening fields, up to and including the key `opens`."""
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return f'{text[:-1]},"{opens}":'.encode()


def json_safe(value: Any) -> Any:
    """`value` with its text as every format writes it (graph.hygiene.xml_safe), keys too."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {xml_safe(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


def json_items(items: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """A JSON array's items, comma-separated, in batches of BATCH."""
    batch: list[str] = []
    first = True
    for item in items:
        batch.append(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
        if len(batch) == BATCH:
            yield ("" if first else ",").encode() + ",".join(batch).encode()
            batch.clear()
            first = False
    if batch:
        yield ("" if first else ",").encode() + ",".join(batch).encode()
