"""The demo knowledge: Espoo's development programmes and KunTeko 2020, checked before use."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from graph.model import TIE_SPECS, Node, NodeKind, Tie
from seed import espoo, espoo_record, kunteko
from seed.sources import SOURCES


def validate(nodes: Sequence[Node], ties: Sequence[Tie]) -> list[str]:
    """Every problem that would make the graph dishonest or unloadable, one line each."""
    problems: list[str] = []
    by_id = {node.id: node for node in nodes}
    source_ids = {node.id for node in nodes if node.kind is NodeKind.SOURCE}
    for id, count in Counter(node.id for node in nodes).items():
        if count > 1:
            problems.append(f"node id {id!r} is used {count} times")
    for id, count in Counter(t.id for t in ties).items():
        if count > 1:
            problems.append(f"tie id {id!r} is used {count} times")
    for node in nodes:
        problems += _unsourced(f"node {node.id!r}", node.sources, source_ids)
        for claim in node.claims:
            problems += _unsourced(
                f"claim {claim.field!r} of {node.id!r}", claim.sources, source_ids
            )
    for t in ties:
        label = f"tie {t.id!r}"
        problems += _unsourced(label, t.sources, source_ids)
        ends = by_id.get(t.source), by_id.get(t.target)
        for end_id, end in zip((t.source, t.target), ends, strict=True):
            if end is None:
                problems.append(f"{label} names an unknown node {end_id!r}")
        source, target = ends
        spec = TIE_SPECS[t.type]
        if source is None or target is None:
            continue
        if source.kind not in spec.sources or target.kind not in spec.targets:
            problems.append(f"{label}: {t.type} cannot join {source.kind} to {target.kind}")
    return problems


def _unsourced(label: str, cited: Sequence[str], source_ids: set[str]) -> list[str]:
    if not cited:
        return [f"{label} cites no source"]
    return [f"{label} cites an unknown source {id!r}" for id in cited if id not in source_ids]


def seed_graph() -> tuple[list[Node], list[Tie]]:
    nodes = [*SOURCES, *espoo.nodes(), *espoo_record.nodes(), *kunteko.nodes()]
    ties = [*espoo.ties(), *espoo_record.ties(), *kunteko.ties()]
    problems = validate(nodes, ties)
    if problems:
        raise ValueError("the demo knowledge is inconsistent:\n" + "\n".join(problems))
    return nodes, ties
