"""The export formats by name: writer, media type and file name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from graph.exports.gexf import write_gexf
from graph.exports.graphml import write_graphml
from graph.exports.json_formats import write_cytoscape, write_d3, write_graphology
from graph.exports.jsonld import write_jsonld
from graph.exports.linked import LinkedGraph
from graph.exports.popolo import write_popolo
from graph.exports.spreadsheets import write_gephi_csv, write_kumu
from graph.exports.view import ExportGraph


class ExportFormat(StrEnum):
    GRAPHML = "graphml"
    GEXF = "gexf"
    CYTOSCAPE = "cytoscape"
    GRAPHOLOGY = "graphology"
    D3 = "d3"
    CSV = "csv"
    KUMU = "kumu"
    JSONLD = "jsonld"
    POPOLO = "popolo"


@dataclass(frozen=True)
class Writer:
    write: Callable[[ExportGraph], Iterator[bytes]]
    media_type: str
    suffix: str


@dataclass(frozen=True)
class LinkedWriter:
    """A format of the knowledge itself rather than of a network: it reads a scope's nodes and
    ties as stored, with their sources (graph.exports.linked)."""

    write: Callable[[LinkedGraph], Iterator[bytes]]
    media_type: str
    suffix: str


WRITERS: dict[ExportFormat, Writer | LinkedWriter] = {
    ExportFormat.GRAPHML: Writer(write_graphml, "application/graphml+xml", ".graphml"),
    ExportFormat.GEXF: Writer(write_gexf, "application/gexf+xml", ".gexf"),
    ExportFormat.CYTOSCAPE: Writer(write_cytoscape, "application/json", ".cyjs"),
    ExportFormat.GRAPHOLOGY: Writer(write_graphology, "application/json", ".graphology.json"),
    ExportFormat.D3: Writer(write_d3, "application/json", ".d3.json"),
    ExportFormat.CSV: Writer(write_gephi_csv, "application/zip", ".gephi-csv.zip"),
    ExportFormat.KUMU: Writer(write_kumu, "application/zip", ".kumu.zip"),
    ExportFormat.JSONLD: LinkedWriter(write_jsonld, "application/ld+json", ".jsonld"),
    ExportFormat.POPOLO: LinkedWriter(write_popolo, "application/json", ".popolo.json"),
}
