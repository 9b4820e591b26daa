"""What an export asks for, read from query parameters (HTTP) or options (CLI), with the
same scope as the GraphQL `network` query; and the export graph it makes."""

from __future__ import annotations

import math
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from graph import dates
from graph.analytics.change import Bounds, period_scopes
from graph.analytics.communities import Algorithm, Partitioning
from graph.analytics.projection import Mode, Weighting
from graph.analytics.scope import CouncilTerm, Scope
from graph.analytics.service import Analytics
from graph.errors import BadInputError
from graph.exports.change_sheets import write_change
from graph.exports.formats import WRITERS, ExportFormat, LinkedWriter
from graph.exports.linked import LinkedGraph
from graph.exports.view import Analysis, ExportGraph
from graph.hygiene import shown
from graph.model import Boundary, Node, NodeKind, Tie, TieType
from resolvers import global_ids
from resolvers.scopes import build_scope

E = TypeVar("E", bound=Enum)

LISTS = ("seeds", "initiatives", "kinds", "types", "periods")
SINGLES = (
    "depth",
    "from",
    "to",
    "term",
    "mode",
    "weighting",
    "measures",
    "boundary",
    "algorithm",
    "resolution",
    "seed",
)
PARAMETERS = LISTS + SINGLES
_INTEGER = re.compile(r"[+-]?\d{1,18}", re.ASCII)
_DECIMAL = re.compile(
    r"[+-]?(?:(?:\d{1,18}(?:\.\d{0,18})?|\.\d{1,18})(?:[eE][+-]?\d{1,3})?|nan|inf|infinity)",
    re.ASCII | re.IGNORECASE,
)
"""Numbers as a query string spells them: ASCII digits only, no spaces, no underscores (nan
and inf are read, to be refused as not finite)."""


@dataclass(frozen=True)
class Period:
    """A period of a change export: a council term, or FROM..TO with either side open."""

    label: str
    bounds: Bounds


@dataclass(frozen=True)
class ExportRequest:
    scope: Scope
    periods: tuple[Period, ...] = ()
    """Two or more: the export is the change between them (CSV only), not one network."""
    mode: Mode = Mode.NETWORK
    weighting: Weighting = Weighting.NEWMAN
    measures: bool = False
    boundary: Boundary = Boundary.SECTOR
    algorithm: Algorithm = Algorithm.LEIDEN
    resolution: float = 1.0
    seed: int = 0

    def file_name(self, export_format: ExportFormat) -> str:
        parts = ["poikki", self.mode.value.lower()]
        if self.periods:
            labels = "--".join(period.label.replace("..", "-") for period in self.periods)
            return "-".join([*parts, "change", labels]) + ".change.zip"
        if self.scope.period_from or self.scope.period_to:
            parts.append(f"{self.scope.period_from or ''}--{self.scope.period_to or ''}")
        return "-".join(parts) + WRITERS[export_format].suffix


def parse_format(name: str) -> ExportFormat:
    try:
        return ExportFormat(name)
    except ValueError:
        known = ", ".join(f.value for f in ExportFormat)
        raise BadInputError(
            f"'{shown(name)}' is not an export format; the formats are {known}.", "format"
        ) from None


def parse_request(values: Mapping[str, Sequence[str]]) -> ExportRequest:
    """Read an export request; repeated or comma-separated values make the lists."""
    unknown = sorted(set(values) - set(PARAMETERS))
    if unknown:
        raise BadInputError(
            f"Unknown parameter '{shown(unknown[0])}'; the parameters are {', '.join(PARAMETERS)}.",
            shown(unknown[0]),
        )
    for name in SINGLES:
        if len(values.get(name, ())) > 1:
            raise BadInputError(f"Give '{name}' once.", name)

    def listed(name: str) -> list[str]:
        return [item for value in values.get(name, ()) for item in value.split(",") if item]

    def single(name: str) -> str | None:
        found = values.get(name, ())
        return found[0] if found else None

    def enum(name: str, kind: type[E], default: E) -> E:
        raw = single(name)
        return default if raw is None else _member(name, kind, raw)

    def number(name: str, default: int, parse: Callable[[str], int | float]) -> int | float:
        raw = single(name)
        if raw is None:
            return default
        pattern = _INTEGER if parse is int else _DECIMAL
        try:
            if not pattern.fullmatch(raw):
                raise ValueError(raw)
            value = parse(raw)
        except ValueError:
            whole = " (a whole one)" if parse is int else ""
            message = f"'{name}' must be a number{whole}; got '{shown(raw)}'."
            raise BadInputError(message, name) from None
        if not math.isfinite(value):
            raise BadInputError(f"'{name}' must be a finite number; got '{shown(raw)}'.", name)
        return value

    term = single("term")
    scope = build_scope(
        seeds=listed("seeds"),
        depth=int(number("depth", 1, int)),
        initiatives=listed("initiatives"),
        start=_date(single("from"), "from"),
        end=_date(single("to"), "to"),
        term=None if term is None else _member("term", CouncilTerm, term),
        kinds=[_member("kinds", NodeKind, k) for k in listed("kinds")],
        types=[_member("types", TieType, t) for t in listed("types")],
    )
    periods = tuple(_period(raw) for raw in listed("periods"))
    if periods:
        period_scopes(scope, [period.bounds for period in periods])  # refuses what it cannot use
    return ExportRequest(
        scope=scope,
        periods=periods,
        mode=enum("mode", Mode, Mode.NETWORK),
        weighting=enum("weighting", Weighting, Weighting.NEWMAN),
        measures=_flag(single("measures")),
        boundary=enum("boundary", Boundary, Boundary.SECTOR),
        algorithm=enum("algorithm", Algorithm, Algorithm.LEIDEN),
        resolution=float(number("resolution", 1, float)),
        seed=int(number("seed", 0, int)),
    )


async def export_graph(
    analytics: Analytics,
    request: ExportRequest,
    progress: Callable[[int], None] | None = None,
) -> ExportGraph:
    network = await analytics.network(request.scope, request.mode, request.weighting)
    analysis = None
    if request.measures:
        measures = await analytics.measures(
            request.scope, request.mode, request.weighting, request.boundary, request.seed
        )
        communities = await analytics.communities(
            request.scope,
            request.mode,
            request.weighting,
            request.algorithm,
            request.resolution,
            request.seed,
            request.boundary,
        )
        analysis = Analysis(measures, communities.partition.membership)
    name = {
        Mode.NETWORK: "Poikki network",
        Mode.PEOPLE: "Poikki collaboration network of people",
        Mode.ORGANISATIONS: "Poikki collaboration network of organisations",
    }[request.mode]
    return ExportGraph(network, _global_id, name=name, analysis=analysis, progress=progress)


def export_chunks(
    analytics: Analytics,
    request: ExportRequest,
    export_format: ExportFormat,
    progress: Callable[[int], None] | None = None,
    context_url: str | None = None,
) -> Awaitable[Exported]:
    """The file's chunks (made as they are read) and its node and edge counts. `context_url`:
    where the JSON-LD context is published (None: the document embeds it)."""
    if request.periods:
        return _change_chunks(analytics, request, export_format)
    return _network_chunks(analytics, request, export_format, progress, context_url)


@dataclass(frozen=True)
class Exported:
    chunks: Iterator[bytes]
    nodes: int
    edges: int


async def _network_chunks(
    analytics: Analytics,
    request: ExportRequest,
    export_format: ExportFormat,
    progress: Callable[[int], None] | None,
    context_url: str | None = None,
) -> Exported:
    writer = WRITERS[export_format]
    if isinstance(writer, LinkedWriter):
        linked = await linked_graph(analytics, request, export_format, progress, context_url)
        return Exported(writer.write(linked), linked.node_count, linked.tie_count)
    graph = await export_graph(analytics, request, progress)
    return Exported(writer.write(graph), graph.node_count, graph.edge_count)


async def linked_graph(
    analytics: Analytics,
    request: ExportRequest,
    export_format: ExportFormat,
    progress: Callable[[int], None] | None = None,
    context_url: str | None = None,
) -> LinkedGraph:
    """The scope's nodes and ties as stored: what the knowledge formats (JSON-LD, Popolo)
    write. They are the network's nodes and ties, so a projection or measures do not apply."""
    for name, asked in (("mode", request.mode is not Mode.NETWORK), ("measures", request.measures)):
        if asked:
            raise BadInputError(
                f"'{name}' does not apply to {export_format.value}: it writes the knowledge "
                "itself (the NETWORK mode's nodes and ties, with their sources).",
                name,
            )
    snapshot, subgraph = await analytics.stored(request.scope)
    rows = subgraph.tie_rows

    def ties() -> Iterator[Tie]:
        return (snapshot.stored_tie(int(row)) for row in rows)

    return LinkedGraph(
        nodes=subgraph.nodes,
        stored_ties=ties,
        tie_count=len(rows),
        node=snapshot.node,
        key_of=_global_id,
        context_url=context_url,
        progress=progress,
    )


async def _change_chunks(
    analytics: Analytics, request: ExportRequest, export_format: ExportFormat
) -> Exported:
    if export_format is not ExportFormat.CSV:
        raise BadInputError(
            f"A change between periods exports as csv (one sheet per part), not as "
            f"{export_format.value}.",
            "format",
        )
    scopes = period_scopes(request.scope, [period.bounds for period in request.periods])
    partitioning = Partitioning(request.algorithm, request.resolution, request.seed)
    result = await analytics.change(
        scopes, request.mode, request.weighting, request.boundary, partitioning
    )
    labels = [period.label for period in request.periods]
    nodes = len(result.trajectories)
    edges = sum(len(s.formed) + len(s.kept) + len(s.ended) for s in result.steps)
    return Exported(write_change(result, labels, global_ids.encode), nodes, edges)


def _global_id(node: Node) -> str:
    return global_ids.encode(node.kind, node.id)


def _period(raw: str) -> Period:
    if ".." not in raw:
        return Period(raw.upper(), _member("periods", CouncilTerm, raw).period)
    start, _, end = raw.partition("..")
    if not start and not end:
        raise BadInputError("A period needs a term, or FROM..TO with a date on a side.", "periods")
    return Period(raw, (_date(start or None, "periods"), _date(end or None, "periods")))


def _member(name: str, kind: type[E], raw: str) -> E:
    for member in kind:
        if raw.upper() == member.name:
            return member
    known = ", ".join(member.name for member in kind)
    raise BadInputError(f"'{shown(raw)}' is not a valid {name}; use one of {known}.", name)


def _date(raw: str | None, name: str) -> str | None:
    if raw is None:
        return None
    try:
        return dates.check(raw)
    except ValueError as error:
        raise BadInputError(f"'{name}': {error}", name) from error


def _flag(raw: str | None) -> bool:
    if raw is None:
        return False
    if raw.lower() in {"true", "1", "yes"}:
        return True
    if raw.lower() in {"false", "0", "no"}:
        return False
    raise BadInputError(f"'measures' must be true or false; got '{shown(raw)}'.", "measures")
