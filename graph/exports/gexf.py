"""GEXF 1.3 (gexf.net), written incrementally with lxml's xmlfile.

When anything has a date the graph is dynamic: each edge carries its interval as start/end,
and each node the spells it is present in (its own dates merged with its ties'), so Gephi's
timeline shows the network as it was at any date. Dates of reduced precision are read at
their widest ("2017" starts on 2017-01-01 and ends on 2017-12-31).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lxml import etree

from graph.exports.sink import Chunks
from graph.exports.spells import Interval
from graph.exports.view import ExportGraph, Value, as_text

NAMESPACE = "http://gexf.net/1.3"
SCHEMA = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_TYPES = {"string": "string", "int": "integer", "double": "double"}
NODE_XML = frozenset({"label", "start", "end"})
"""Node columns GEXF carries in the element itself rather than as attribute values."""
EDGE_XML = frozenset({"weight", "start", "end"})


def write_gexf(graph: ExportGraph) -> Iterator[bytes]:
    spells = graph.spells()
    sink = Chunks()
    node_columns = [c for c in graph.node_columns if c.name not in NODE_XML]
    edge_columns = [c for c in graph.edge_columns if c.name not in EDGE_XML]
    graph_attributes = {
        "defaultedgetype": "directed" if graph.directed else "undirected",
        "mode": "dynamic" if spells.dated else "static",
    }
    if spells.dated:
        graph_attributes |= {"timeformat": "date", "timerepresentation": "interval"}
    with etree.xmlfile(sink, encoding="utf-8") as xf:
        xf.write_declaration()
        root = {"version": "1.3", f"{{{XSI}}}schemaLocation": SCHEMA}
        with xf.element("gexf", root, nsmap={None: NAMESPACE, "xsi": XSI}):
            meta = etree.Element("meta")
            etree.SubElement(meta, "creator").text = "Poikki"
            etree.SubElement(meta, "description").text = graph.name
            xf.write(meta)
            with xf.element("graph", graph_attributes):
                for kind, columns in (("node", node_columns), ("edge", edge_columns)):
                    declared = etree.Element("attributes", {"class": kind})
                    for column in columns:
                        etree.SubElement(
                            declared,
                            "attribute",
                            id=column.name,
                            title=column.name,
                            type=_TYPES[column.type],
                        )
                    xf.write(declared)
                with xf.element("nodes"):
                    for node in graph.nodes(spells):
                        element = etree.Element("node", id=node.key)
                        element.set("label", str(node.attributes.get("label", node.key)))
                        if len(node.spells) == 1:
                            _set_interval(element, node.spells[0])
                        _attvalues(element, node.attributes, NODE_XML)
                        if len(node.spells) > 1:
                            listed = etree.SubElement(element, "spells")
                            for spell in node.spells:
                                _set_interval(etree.SubElement(listed, "spell"), spell)
                        xf.write(element)
                        if sink.full:
                            xf.flush()
                            yield sink.take()
                with xf.element("edges"):
                    for edge in graph.edges():
                        element = etree.Element(
                            "edge", id=edge.key, source=edge.source, target=edge.target
                        )
                        if "type" in edge.attributes:
                            element.set("label", str(edge.attributes["type"]))
                        element.set("weight", as_text(edge.attributes["weight"]))
                        if edge.interval is not None:
                            _set_interval(element, edge.interval)
                        _attvalues(element, edge.attributes, EDGE_XML)
                        xf.write(element)
                        if sink.full:
                            xf.flush()
                            yield sink.take()
    yield sink.take()


def _set_interval(element: etree._Element, interval: Interval) -> None:
    if interval.start is not None:
        element.set("start", interval.start)
    if interval.end is not None:
        element.set("end", interval.end)


def _attvalues(
    element: etree._Element, attributes: Mapping[str, Value], skip: frozenset[str]
) -> None:
    values = [(name, value) for name, value in attributes.items() if name not in skip]
    if values:
        listed = etree.SubElement(element, "attvalues")
        for name, value in values:
            etree.SubElement(listed, "attvalue", {"for": name, "value": as_text(value)})
