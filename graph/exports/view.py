"""A network as every export format sees it: named, typed columns, and nodes and edges streamed
one at a time with their attributes, so a writer never holds the whole document."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from graph.analytics.measures import MEASURES, MeasuresResult, NodeResult
from graph.analytics.projection import Edge, Network, span
from graph.exports.spells import Interval, Spells, interval
from graph.hygiene import xml_safe
from graph.model import Node

PROGRESS_EVERY = 1_000
ColumnType = Literal["string", "int", "double"]
Value = str | int | float


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    title: str
    """A human name, for the spreadsheet formats."""


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.title() for word in rest)


NODE_COLUMNS = (
    Column("kind", "string", "Kind"),
    Column("label", "string", "Label"),
    Column("sector", "string", "Sector"),
    Column("orgType", "string", "Organisation type"),
    Column("branch", "string", "Branch"),
    Column("municipality", "string", "Municipality"),
    Column("start", "string", "Start"),
    Column("end", "string", "End"),
    Column("sourcesCount", "int", "Sources"),
    Column("weight", "double", "Weighted degree"),
)
MEASURE_COLUMNS = (
    Column("group", "string", "Boundary group"),
    *(Column(_camel(m.name), "int" if m.integral else "double", m.title) for m in MEASURES),
    Column("community", "int", "Community"),
)
EDGE_COLUMNS = (
    Column("type", "string", "Type"),
    Column("role", "string", "Role"),
    Column("seatType", "string", "Seat type"),
    Column("start", "string", "Start"),
    Column("end", "string", "End"),
    Column("weight", "double", "Weight"),
    Column("sourcesCount", "int", "Sources"),
)


@dataclass(frozen=True)
class ExportNode:
    key: str
    attributes: Mapping[str, Value]
    """Only the columns that have a value."""
    spells: tuple[Interval, ...]
    """When the node is present (empty: always): its own dates and those of its edges."""


@dataclass(frozen=True)
class ExportEdge:
    key: str
    source: str
    target: str
    attributes: Mapping[str, Value]
    interval: Interval | None


@dataclass(frozen=True)
class Analysis:
    measures: MeasuresResult
    membership: Sequence[int]


class ExportGraph:
    """One network, how its nodes are keyed (`key_of`), and optionally its measures and communities.

    In the NETWORK mode an edge is a stored tie, directed from its source to its target; in a
    projection it joins two actors, undirected, through the initiatives they share.
    """

    def __init__(
        self,
        network: Network,
        key_of: Callable[[Node], str],
        *,
        name: str = "Poikki network",
        analysis: Analysis | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.network = network
        self.name = name
        self.analysis = analysis
        self.directed = bool(network.ties)
        self.node_columns = NODE_COLUMNS + (MEASURE_COLUMNS if analysis else ())
        self.edge_columns = EDGE_COLUMNS
        self._key_of = key_of
        self._progress = progress

    @property
    def node_count(self) -> int:
        return len(self.network.nodes)

    @property
    def edge_count(self) -> int:
        return int(self.network.edge_count)

    def nodes(self, spells: Spells | None = None) -> Iterator[ExportNode]:
        """The nodes in order, with their spells when `spells` (from `spells()`) is given."""
        strength = self._strength()
        measured = self.analysis.measures.nodes if self.analysis else None
        for v, node in enumerate(self.network.nodes):
            attributes = _node_attributes(node, float(strength[v]))
            if measured is not None and self.analysis is not None:
                attributes.update(_measure_attributes(measured[v], self.analysis.membership[v]))
            yield ExportNode(
                xml_safe(self._key_of(node)), attributes, spells.of(v) if spells is not None else ()
            )
            self._tick(v)
        self._tick(-1, self.node_count % PROGRESS_EVERY)

    def edges(self) -> Iterator[ExportEdge]:
        for e, edge in enumerate(self.network.iter_edges()):
            yield self._edge(edge)
            self._tick(e)
        self._tick(-1, self.edge_count % PROGRESS_EVERY)

    def _tick(self, done: int, step: int = PROGRESS_EVERY) -> None:
        """Report progress every PROGRESS_EVERY items, and the remainder at the end (-1)."""
        if self._progress is not None and step and (done + 1) % PROGRESS_EVERY == 0:
            self._progress(step)

    def _strength(self) -> Any:
        """Each node's weighted degree, as igraph's strength counts it, in one small array."""
        ends, weights = self.network.ends, self.network.weights
        return np.bincount(ends[:, 0], weights, self.node_count) + np.bincount(
            ends[:, 1], weights, self.node_count
        )

    def _edge(self, edge: Edge) -> ExportEdge:
        nodes = self.network.nodes
        source = xml_safe(self._key_of(nodes[edge.source]))
        target = xml_safe(self._key_of(nodes[edge.target]))
        tie = edge.tie
        if tie is None:
            shared = self.network.shared(edge)
            start, end = span(shared)
            sources = {s for node in shared for s in node.sources}
            attributes = _present(
                {"start": start, "end": end, "weight": edge.weight, "sourcesCount": len(sources)}
            )
            return ExportEdge(
                xml_safe(f"{nodes[edge.source].id}~{nodes[edge.target].id}"),
                source,
                target,
                attributes,
                interval(start, end),
            )
        if tie.source != self.network.nodes[edge.source].id:
            source, target = target, source
        attributes = _present(
            {
                "type": tie.type.name,
                "role": tie.role,
                "seatType": tie.seat_type.name if tie.seat_type else None,
                "start": tie.start,
                "end": tie.end,
                "weight": edge.weight,
                "sourcesCount": len(tie.sources),
            }
        )
        return ExportEdge(
            xml_safe(tie.id), source, target, attributes, interval(tie.start, tie.end)
        )

    def spells(self) -> Spells:
        """When each node is present; one pass over the edges."""
        spells = Spells(self.node_count)
        for v, node in enumerate(self.network.nodes):
            spells.add_own(v, interval(node.start, node.end))
        for edge in self.network.iter_edges():
            if edge.tie is not None:
                tie_interval = interval(edge.tie.start, edge.tie.end)
            else:
                tie_interval = interval(*span(self.network.shared(edge)))
            spells.add(edge.source, tie_interval)
            spells.add(edge.target, tie_interval)
        return spells


def _node_attributes(node: Node, weight: float) -> dict[str, Value]:
    return _present(
        {
            "kind": node.kind.name,
            "label": node.name,
            "sector": node.sector.name if node.sector else None,
            "orgType": node.org_type.name if node.org_type else None,
            "branch": node.branch,
            "municipality": node.municipality,
            "start": node.start,
            "end": node.end,
            "sourcesCount": len(node.sources),
            "weight": weight,
        }
    )


def _measure_attributes(result: NodeResult, community: int) -> dict[str, Value]:
    values: dict[str, Value | None] = {"group": result.group}
    values.update((_camel(m.name), m.value(result)) for m in MEASURES)
    values["community"] = community
    return _present(values)


def _present(values: Mapping[str, Value | None]) -> dict[str, Value]:
    """The values that are there: no None, and no NaN or infinity (JSON has neither); text
    without what XML cannot hold, in every format alike (see graph.hygiene.xml_safe)."""
    return {
        name: xml_safe(value) if isinstance(value, str) else value
        for name, value in values.items()
        if value is not None and not (isinstance(value, float) and not math.isfinite(value))
    }


def as_text(value: Value) -> str:
    """A value as XML and CSV write it; floats round-trip exactly."""
    return repr(value) if isinstance(value, float) else str(value)
