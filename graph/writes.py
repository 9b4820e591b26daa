"""Turning a batch of nodes and ties into checked write statements and a summary.

Shared by every backend: it reads what exists through the store, rejects the whole batch on
the first class of problem, and writes only what would change, so re-importing is a no-op.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from graph import cypher
from graph.columns import node_row, tie_row
from graph.cypher import Statement
from graph.errors import BadInputError
from graph.history import Attribution, change_rows
from graph.model import TIE_SPECS, Node, NodeKind, Tie, TieType
from graph.store import WriteSummary

EndpointKey = tuple[TieType, NodeKind, NodeKind]


class WriteReader(Protocol):
    async def find_nodes(self, ids: Sequence[str]) -> list[Node | None]: ...

    async def existing_ties(self, type_: TieType, ids: Sequence[str]) -> list[Tie]: ...

    async def nodes_by_identifiers(self, keys: Sequence[str]) -> dict[str, Node]: ...


@dataclass
class WritePlan:
    nodes: list[Node] = field(default_factory=list)
    ties: list[tuple[Tie, NodeKind, NodeKind]] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    summary: WriteSummary = field(default_factory=WriteSummary)
    nodes_before: dict[str, Node] = field(default_factory=dict)
    ties_before: dict[str, Tie] = field(default_factory=dict)

    def log_rows(self, by: Attribution) -> list[dict[str, Any]]:
        """The log entries of the plan's writes: each changed node and tie, before and after."""
        return change_rows(
            by,
            [(self.nodes_before.get(node.id), node) for node in self.nodes],
            [(self.ties_before.get(tie.id), tie) for tie, _, _ in self.ties],
        )

    def nodes_by_kind(self) -> dict[NodeKind, list[dict[str, Any]]]:
        groups: dict[NodeKind, list[dict[str, Any]]] = defaultdict(list)
        for node in self.nodes:
            groups[node.kind].append(node_row(node))
        return groups

    def ties_by_endpoints(self) -> dict[EndpointKey, list[dict[str, Any]]]:
        groups: dict[EndpointKey, list[dict[str, Any]]] = defaultdict(list)
        for tie, source, target in self.ties:
            groups[(tie.type, source, target)].append(
                tie_row(tie) | {"source": tie.source, "target": tie.target}
            )
        return groups


async def plan_writes(reader: WriteReader, nodes: Sequence[Node], ties: Sequence[Tie]) -> WritePlan:
    _check_unique(nodes, ties)
    batch_ids = [node.id for node in nodes]
    endpoint_ids = sorted({i for tie in ties for i in (tie.source, tie.target)} - set(batch_ids))
    found = await reader.find_nodes(batch_ids + endpoint_ids)
    stored = {node.id: node for node in found if node is not None}

    await _check_identifiers(reader, nodes)
    kinds = {node_id: node.kind for node_id, node in stored.items()}
    changed_nodes: list[Node] = []
    created_nodes = 0
    for node in nodes:
        before = stored.get(node.id)
        if before is not None and not node.merged_from and before.merged_from:
            # Only a merge writes `mergedFrom`; an import or update of the node keeps it.
            node = replace(node, merged_from=before.merged_from)
        if before is not None and before.kind is not node.kind:
            raise BadInputError(
                f"Node '{node.id}' exists as a {before.kind.value}, not a {node.kind.value}.", "id"
            )
        kinds[node.id] = node.kind
        if before is None:
            created_nodes += 1
        if before != node:
            changed_nodes.append(node)

    typed_ties = [_with_kinds(tie, kinds) for tie in ties]
    before_ties = await _existing_ties(reader, ties)
    changed_ties = [(t, s, g) for t, s, g in typed_ties if before_ties.get(t.id) != t]
    moved = [t for t, _, _ in changed_ties if _moved(before_ties.get(t.id), t)]
    created_ties = sum(1 for t in ties if t.id not in before_ties)

    plan = WritePlan(changed_nodes, changed_ties, nodes_before=stored, ties_before=before_ties)
    plan.statements = _statements(plan, moved)
    plan.summary = WriteSummary(
        created_nodes=created_nodes,
        updated_nodes=len(changed_nodes) - created_nodes,
        unchanged_nodes=len(nodes) - len(changed_nodes),
        created_ties=created_ties,
        updated_ties=len(changed_ties) - created_ties,
        unchanged_ties=len(ties) - len(changed_ties),
    )
    return plan


async def _check_identifiers(reader: WriteReader, nodes: Sequence[Node]) -> None:
    """An identifier belongs to one node: BadInputError naming the first one two would share."""
    holders: dict[str, str] = {}
    for node in nodes:
        for identifier in node.identifiers:
            other = holders.setdefault(identifier.key, node.id)
            if other != node.id:
                raise BadInputError(
                    f"Nodes '{other}' and '{node.id}' both give {identifier.key}.", "identifiers"
                )
    for key, holder in (await reader.nodes_by_identifiers(list(holders))).items():
        if holder.id != holders[key]:
            raise BadInputError(
                f"Node '{holders[key]}' gives {key}, which node '{holder.id}' has already.",
                "identifiers",
            )


def _statements(plan: WritePlan, moved: Sequence[Tie]) -> list[Statement]:
    statements = [
        cypher.delete_ties(type_, [t.id for t in moved if t.type is type_])
        for type_ in sorted({t.type for t in moved})
    ]
    statements += [cypher.upsert_nodes(kind, rows) for kind, rows in plan.nodes_by_kind().items()]
    statements += [
        cypher.upsert_ties(type_, source, target, rows)
        for (type_, source, target), rows in plan.ties_by_endpoints().items()
    ]
    return statements


async def _existing_ties(reader: WriteReader, ties: Sequence[Tie]) -> dict[str, Tie]:
    by_type: dict[TieType, list[str]] = defaultdict(list)
    for tie in ties:
        by_type[tie.type].append(tie.id)
    existing: dict[str, Tie] = {}
    for type_, ids in by_type.items():
        existing.update({tie.id: tie for tie in await reader.existing_ties(type_, ids)})
    return existing


def nodes_for_bulk_load(
    nodes: Sequence[Node],
) -> tuple[dict[NodeKind, list[Node]], dict[str, NodeKind]]:
    """Nodes by kind, and each id's kind; ids and identifiers must be unique (both backends'
    bulk loads)."""
    _check_unique_ids("node", [node.id for node in nodes])
    _check_unique_ids("identifier", [i.key for node in nodes for i in node.identifiers])
    by_kind: dict[NodeKind, list[Node]] = defaultdict(list)
    kinds: dict[str, NodeKind] = {}
    for node in nodes:
        by_kind[node.kind].append(node)
        kinds[node.id] = node.kind
    return by_kind, kinds


def ties_for_bulk_load(
    ties: Sequence[Tie], kinds: Mapping[str, NodeKind]
) -> dict[EndpointKey, list[Tie]]:
    """Ties by (type, source kind, target kind), checked against the loaded nodes' kinds,
    without making a row per tie (the bulk path builds columns)."""
    _check_unique_ids("tie", [tie.id for tie in ties])
    by_ends: dict[EndpointKey, list[Tie]] = defaultdict(list)
    allowed = {
        (type_, source, target)
        for type_, spec in TIE_SPECS.items()
        for source in spec.sources
        for target in spec.targets
    }
    for tie in ties:
        source, target = kinds.get(tie.source), kinds.get(tie.target)
        if source is None or target is None or (tie.type, source, target) not in allowed:
            _, source, target = _with_kinds(tie, kinds)  # raises, naming what is wrong
        by_ends[(tie.type, source, target)].append(tie)
    return by_ends


def _moved(before: Tie | None, after: Tie) -> bool:
    return before is not None and (before.source, before.target) != (after.source, after.target)


def _with_kinds(tie: Tie, kinds: Mapping[str, NodeKind]) -> tuple[Tie, NodeKind, NodeKind]:
    for end in (tie.source, tie.target):
        if end not in kinds:
            raise BadInputError(f"Tie '{tie.id}' refers to node '{end}', which does not exist.")
    source, target = kinds[tie.source], kinds[tie.target]
    spec = TIE_SPECS[tie.type]
    if source not in spec.sources or target not in spec.targets:
        raise BadInputError(
            f"Tie '{tie.id}': {tie.type.value} cannot join a {source.value} to a {target.value}."
        )
    return tie, source, target


def _check_unique(nodes: Sequence[Node], ties: Sequence[Tie]) -> None:
    _check_unique_ids("node", [node.id for node in nodes])
    _check_unique_ids("tie", [tie.id for tie in ties])


def _check_unique_ids(what: str, ids: Sequence[str]) -> None:
    if len(set(ids)) == len(ids):
        return
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise BadInputError(f"The batch holds {what} '{ident}' twice.", "id")
        seen.add(ident)
