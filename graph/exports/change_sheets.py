"""A change between periods as a zip of CSV sheets, one per part of the `change` answer:
periods.csv, nodes.csv (joined, left, stayed), ties.csv (formed, kept, ended),
trajectories.csv and flows.csv."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from graph.analytics.change import ChangeResult, TieChange
from graph.analytics.projection import Edge, Network
from graph.exports.spreadsheets import Row, zip_sheets
from graph.exports.view import as_text
from graph.model import NodeKind

GlobalId = Callable[[NodeKind, str], str]
"""A node's global id from its kind and id."""


def write_change(
    result: ChangeResult, labels: Sequence[str], global_id: GlobalId
) -> Iterator[bytes]:
    def periods() -> Iterator[Row]:
        yield [
            "period", "nodes", "edges", "density", "components", "average_degree", "ei_index",
            "ei_external", "ei_internal", "assortativity", "modularity", "communities",
        ]  # fmt: skip
        for label, s in zip(labels, result.summaries, strict=True):
            yield [
                label,
                *(_text(v) for v in (s.nodes, s.edges, s.density, s.components)),
                *(_text(v) for v in (s.average_degree, s.ei.index, s.ei.external, s.ei.internal)),
                *(_text(v) for v in (s.assortativity, s.modularity, s.communities)),
            ]

    def nodes() -> Iterator[Row]:
        yield ["before", "after", "change", "id", "kind", "label"]
        for step in result.steps:
            pair = [labels[step.index], labels[step.index + 1]]
            for change, found in (
                ("joined", step.joined),
                ("left", step.left),
                ("stayed", step.stayed),
            ):
                for node in found:
                    yield [*pair, change, global_id(node.kind, node.id), node.kind.name, node.name]

    def ties() -> Iterator[Row]:
        yield [
            "before", "after", "change", "key", "source", "target", "weight_before",
            "weight_after", "sources",
        ]  # fmt: skip
        for step in result.steps:
            pair = [labels[step.index], labels[step.index + 1]]
            earlier = result.states[step.index].network
            later = result.states[step.index + 1].network
            for change, found in (
                ("formed", step.formed),
                ("kept", step.kept),
                ("ended", step.ended),
            ):
                for tie in found:
                    yield [*pair, change, *_tie_cells(tie, earlier, later, global_id)]

    def trajectories() -> Iterator[Row]:
        measures = ("degree", "betweenness", "brokerage", "group")
        yield [
            "id", "kind", "label", *(f"{label} {m}" for label in labels for m in measures),
        ]  # fmt: skip
        for trajectory in result.trajectories:
            node = trajectory.node
            cells = [global_id(node.kind, node.id), node.kind.name, node.name]
            for point in trajectory.points:
                if point is None:
                    cells += ["", "", "", ""]
                else:
                    values = (point.degree, point.betweenness, point.brokerage.total, point.group)
                    cells += [_text(v) for v in values]
            yield cells

    def flows() -> Iterator[Row]:
        yield ["before", "after", "source_community", "target_community", "members", "jaccard"]
        for step in result.steps:
            pair = [labels[step.index], labels[step.index + 1]]
            for flow in step.flows:
                values = (flow.source, flow.target, flow.members, flow.jaccard)
                yield [*pair, *(_text(v) for v in values)]

    return zip_sheets(
        [
            ("periods.csv", periods),
            ("nodes.csv", nodes),
            ("ties.csv", ties),
            ("trajectories.csv", trajectories),
            ("flows.csv", flows),
        ]
    )


def _tie_cells(change: TieChange, earlier: Network, later: Network, global_id: GlobalId) -> Row:
    network, edge = (later, change.after) if change.after is not None else (earlier, change.before)
    assert edge is not None, "a tie change is in at least one of its periods"
    source, target = network.nodes[edge.source], network.nodes[edge.target]
    before = None if change.before is None else change.before.weight
    after = None if change.after is None else change.after.weight
    return [
        "~".join(change.key),
        global_id(source.kind, source.id),
        global_id(target.kind, target.id),
        _text(before),
        _text(after),
        ";".join(global_id(NodeKind.SOURCE, ident) for ident in _sources(network, edge)),
    ]


def _sources(network: Network, edge: Edge) -> list[str]:
    """The sources that state a tie; in a projection, those of the shared initiatives."""
    if edge.tie is not None:
        return list(edge.tie.sources)
    return sorted({source for node in network.shared(edge) for source in node.sources})


def _text(value: float | int | str | None) -> str:
    return "" if value is None else as_text(value)
