"""Zips of CSV sheets: Gephi's spreadsheet import (nodes.csv, edges.csv) and Kumu's import
(elements.csv, connections.csv), streamed through zipfile into chunks."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from graph.exports.sink import Chunks
from graph.exports.spells import Interval
from graph.exports.view import Column, ExportGraph, Value, as_text

Row = Sequence[str]


def write_gephi_csv(graph: ExportGraph) -> Iterator[bytes]:
    """Gephi's Data Laboratory tables. Gephi reserves Id, Label, Source, Target, Type (the
    edge's direction), Weight and Time Interval; the tie type is the `tieType` column."""
    spells = graph.spells()
    node_columns = [c for c in graph.node_columns if c.name != "label"]
    edge_columns = [c for c in graph.edge_columns if c.name != "weight"]
    direction = "Directed" if graph.directed else "Undirected"

    def node_rows() -> Iterator[Row]:
        yield ["Id", "Label", "Time Interval", *(c.name for c in node_columns)]
        for node in graph.nodes(spells):
            label = as_text(node.attributes.get("label", node.key))
            yield [
                node.key,
                label,
                _gephi_intervals(node.spells),
                *_cells(node_columns, node.attributes),
            ]

    def edge_rows() -> Iterator[Row]:
        names = ["tieType" if c.name == "type" else c.name for c in edge_columns]
        yield ["Source", "Target", "Type", "Id", "Label", "Weight", "Time Interval", *names]
        for edge in graph.edges():
            intervals = (edge.interval,) if edge.interval else ()
            yield [
                edge.source,
                edge.target,
                direction,
                edge.key,
                as_text(edge.attributes.get("type", "")),
                as_text(edge.attributes["weight"]),
                _gephi_intervals(intervals),
                *_cells(edge_columns, edge.attributes),
            ]

    return zip_sheets([("nodes.csv", node_rows), ("edges.csv", edge_rows)])


def write_kumu(graph: ExportGraph) -> Iterator[bytes]:
    """Kumu's import sheets, keyed by ID so that people of the same name stay apart: elements
    (ID, Label, Type = the node's kind, then fields) and connections (ID, From, To, Type = the
    tie type, Direction, then fields)."""
    node_columns = [c for c in graph.node_columns if c.name not in ("kind", "label")]
    edge_columns = [c for c in graph.edge_columns if c.name != "type"]
    direction = "directed" if graph.directed else "undirected"

    def elements() -> Iterator[Row]:
        yield ["ID", "Label", "Type", *(c.title for c in node_columns)]
        for node in graph.nodes():
            kind = as_text(node.attributes["kind"])
            label = as_text(node.attributes.get("label", node.key))
            yield [node.key, label, kind, *_cells(node_columns, node.attributes)]

    def connections() -> Iterator[Row]:
        yield ["ID", "From", "To", "Type", "Direction", *(c.title for c in edge_columns)]
        for edge in graph.edges():
            kind = as_text(edge.attributes.get("type", "collaborates"))
            yield [
                edge.key,
                edge.source,
                edge.target,
                kind,
                direction,
                *_cells(edge_columns, edge.attributes),
            ]

    return zip_sheets([("elements.csv", elements), ("connections.csv", connections)])


def _cells(columns: Sequence[Column], attributes: Mapping[str, Value]) -> list[str]:
    return [as_text(attributes[c.name]) if c.name in attributes else "" for c in columns]


def _gephi_intervals(intervals: Iterable[Interval]) -> str:
    listed = [f"[{i.start or '-Infinity'}, {i.end or 'Infinity'}]" for i in intervals]
    return f"<{'; '.join(listed)}>" if listed else ""


def zip_sheets(sheets: Sequence[tuple[str, Callable[[], Iterator[Row]]]]) -> Iterator[bytes]:
    sink = Chunks()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, rows in sheets:
            with (
                archive.open(name, "w", force_zip64=True) as member,
                io.TextIOWrapper(member, encoding="utf-8", newline="") as text,
            ):
                writer = csv.writer(text)
                for row in rows():
                    writer.writerow(row)
                    if sink.full:
                        text.flush()
                        yield sink.take()
    yield sink.take()
