"""GraphML (graphml.graphdrawing.org), written incrementally with lxml's xmlfile."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from lxml import etree

from graph.exports.sink import Chunks
from graph.exports.view import Column, ExportGraph, Value, as_text

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_TYPES = {"string": "string", "int": "int", "double": "double"}


def write_graphml(graph: ExportGraph) -> Iterator[bytes]:
    sink = Chunks()
    node_keys = _keys("n", graph.node_columns)
    edge_keys = _keys("e", graph.edge_columns)
    with etree.xmlfile(sink, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("graphml", nsmap={None: NAMESPACE}):
            for kind, columns, keys in (
                ("node", graph.node_columns, node_keys),
                ("edge", graph.edge_columns, edge_keys),
            ):
                for column in columns:
                    xf.write(
                        etree.Element(
                            "key",
                            {
                                "id": keys[column.name],
                                "for": kind,
                                "attr.name": column.name,
                                "attr.type": _TYPES[column.type],
                            },
                        )
                    )
            direction = "directed" if graph.directed else "undirected"
            with xf.element("graph", id="G", edgedefault=direction):
                for node in graph.nodes():
                    element = etree.Element("node", id=node.key)
                    _data(element, node.attributes, node_keys)
                    xf.write(element)
                    if sink.full:
                        xf.flush()
                        yield sink.take()
                for edge in graph.edges():
                    element = etree.Element(
                        "edge", id=edge.key, source=edge.source, target=edge.target
                    )
                    _data(element, edge.attributes, edge_keys)
                    xf.write(element)
                    if sink.full:
                        xf.flush()
                        yield sink.take()
    yield sink.take()


def _keys(prefix: str, columns: Sequence[Column]) -> dict[str, str]:
    return {column.name: f"{prefix}{i}" for i, column in enumerate(columns)}


def _data(element: etree._Element, attributes: Mapping[str, Value], keys: dict[str, str]) -> None:
    for name, value in attributes.items():
        etree.SubElement(element, "data", key=keys[name]).text = as_text(value)
