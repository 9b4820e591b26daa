"""Merging one node into another: what the kept node becomes and the statements that make it so.

Shared by every backend, as graph/writes.py is. The rules:

- Both nodes must exist and be of one kind (not Source: facts cite sources by id), and differ;
  a node merged already is named as such.
- Every tie of the removed node moves to the kept node, keeping its id. A moved tie that
  duplicates one of the kept node's ties (same type, same far end in the same direction, same
  start and end) is folded into it: that tie cites the sources of both (and takes the role
  when it had none). A tie joining the two nodes would join the kept node to itself: dropped.
- The kept node's values win. A field the kept node leaves empty takes the removed node's
  value; a field where both have different values keeps the removed node's value as a claim
  (with its sources) beside the kept one (with the kept node's sources), as a contradicting
  update does. Sources, identifiers and claims are united; the removed id (and every id merged
  into it before) is added to the kept node's `mergedFrom`, so looking it up answers the kept
  node.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Protocol

from graph import cypher
from graph.columns import node_row, tie_row
from graph.cypher import Statement
from graph.errors import BadInputError, NotFoundError
from graph.identifiers import united
from graph.model import KIND_SPECS, Claim, Node, NodeKind, Tie, TieType
from graph.store import MergeResult

_FIELDS = ("name", "description", "start", "end")


class MergeReader(Protocol):
    async def find_nodes(self, ids: Sequence[str]) -> list[Node | None]: ...

    async def merged_into(self, ids: Sequence[str]) -> dict[str, Node]: ...

    async def ties_of(self, kind: NodeKind, ids: Sequence[str]) -> list[Tie]: ...


@dataclass(frozen=True)
class MergePlan:
    """What a merge does, the statements of its transaction, and each node and tie it changes
    as (before, after), None where it no longer exists (what the log records)."""

    result: MergeResult
    statements: list[Statement]
    nodes: list[tuple[Node | None, Node | None]]
    ties: list[tuple[Tie | None, Tie | None]]


async def plan_merge(reader: MergeReader, keep_id: str, remove_id: str) -> MergePlan:
    """What merging `remove_id` into `keep_id` does (MergePlan). BadInputError (naming `keep`
    or `remove`) or NotFoundError when it cannot be done."""
    if keep_id == remove_id:
        raise BadInputError(f"'{keep_id}' cannot be merged into itself.", "remove")
    keep, remove = await reader.find_nodes([keep_id, remove_id])
    for node, ident, role in ((keep, keep_id, "keep"), (remove, remove_id, "remove")):
        if node is None:
            into = (await reader.merged_into([ident])).get(ident)
            if into is not None:
                raise BadInputError(f"'{ident}' was merged into '{into.id}' already.", role)
            raise NotFoundError("Node", ident)
    assert keep is not None
    assert remove is not None
    if keep.kind is NodeKind.SOURCE or remove.kind is NodeKind.SOURCE:
        # Facts cite sources by id in lists of their own; a merged source would leave them
        # citing an id that answers nothing, so sources are not merged.
        raise BadInputError("Sources cannot be merged; merge the nodes that cite them.", "remove")
    if keep.kind is not remove.kind:
        raise BadInputError(
            f"'{remove.id}' is a {remove.kind.value} and '{keep.id}' a {keep.kind.value}: "
            "only nodes of one kind can be merged.",
            "remove",
        )
    kept = merged_node(keep, remove)
    keep_ties = await reader.ties_of(keep.kind, [keep.id])
    remove_ties = await reader.ties_of(remove.kind, [remove.id])
    moved, folded, dropped, absorbed = _moved_ties(keep, remove, keep_ties, remove_ties)
    ends = sorted({end for tie in (*moved, *folded) for end in (tie.source, tie.target)})
    kinds = {node.id: node.kind for node in await reader.find_nodes(ends) if node is not None}
    kinds[keep.id] = keep.kind
    result = MergeResult(kept, remove, tuple(moved), tuple(folded), tuple(dropped), tuple(absorbed))
    before = {tie.id: tie for tie in (*keep_ties, *remove_ties)}
    return MergePlan(
        result,
        _statements(result, remove_ties, kinds),
        nodes=[(keep, kept), (remove, None)],
        ties=[
            *((before.get(tie.id), tie) for tie in (*result.moved, *result.folded)),
            *((tie, None) for tie in (*result.dropped, *result.absorbed)),
        ],
    )


def merged_node(keep: Node, remove: Node) -> Node:
    """The kept node with the removed node's values, sources, identifiers and claims."""
    node, claims = keep, list(keep.claims)
    attributes = [(name, name) for name in _FIELDS]
    attributes += [(f.name, f.attribute) for f in KIND_SPECS[keep.kind].fields]
    for field, attribute in attributes:
        mine, theirs = getattr(keep, attribute), getattr(remove, attribute)
        if theirs is None or theirs == mine:
            continue
        if mine is None:
            node = replace(node, **{attribute: theirs})
        else:
            claims = _claimed(claims, Claim(field, _text(mine), keep.sources))
            claims = _claimed(claims, Claim(field, _text(theirs), remove.sources))
    for claim in remove.claims:
        claims = _claimed(claims, claim)
    return replace(
        node,
        sources=tuple(dict.fromkeys(keep.sources + remove.sources)),
        claims=tuple(claims),
        identifiers=united(keep.identifiers, remove.identifiers),
        merged_from=tuple(dict.fromkeys((*keep.merged_from, remove.id, *remove.merged_from))),
    )


def _text(value: object) -> str:
    return str(value.value) if isinstance(value, StrEnum) else str(value)


def _claimed(claims: list[Claim], claim: Claim) -> list[Claim]:
    for i, held in enumerate(claims):
        if (held.field, held.value) == (claim.field, claim.value):
            sources = tuple(dict.fromkeys(held.sources + claim.sources))
            return [*claims[:i], replace(held, sources=sources), *claims[i + 1 :]]
    return [*claims, claim]


def _key(tie: Tie, node_id: str) -> tuple[object, ...]:
    """What makes two of a node's ties duplicates: type, far end and direction, period."""
    outgoing = tie.source == node_id
    far = tie.target if outgoing else tie.source
    return (tie.type, outgoing, far, tie.start, tie.end)


def _moved_ties(
    keep: Node, remove: Node, keep_ties: Sequence[Tie], remove_ties: Sequence[Tie]
) -> tuple[list[Tie], list[Tie], list[Tie], list[Tie]]:
    held = {
        _key(tie, keep.id): tie for tie in keep_ties if remove.id not in (tie.source, tie.target)
    }
    folded: dict[str, Tie] = {}
    moved: list[Tie] = []
    dropped: list[Tie] = []
    absorbed: list[Tie] = []
    for tie in sorted(remove_ties, key=lambda t: t.id):
        source = keep.id if tie.source == remove.id else tie.source
        target = keep.id if tie.target == remove.id else tie.target
        if source == target:
            dropped.append(tie)
            continue
        candidate = replace(tie, source=source, target=target)
        key = _key(candidate, keep.id)
        twin = held.get(key)
        if twin is None:
            moved.append(candidate)
            held[key] = candidate
            continue
        absorbed.append(tie)
        richer = replace(
            twin,
            sources=tuple(dict.fromkeys(twin.sources + tie.sources)),
            role=twin.role if twin.role is not None else tie.role,
        )
        held[key] = richer
        if any(t.id == twin.id for t in moved):
            moved = [richer if t.id == twin.id else t for t in moved]
        else:
            folded[twin.id] = richer
    return moved, list(folded.values()), dropped, absorbed


def _statements(
    result: MergeResult, remove_ties: Sequence[Tie], kinds: dict[str, NodeKind]
) -> list[Statement]:
    by_type: dict[TieType, list[str]] = defaultdict(list)
    for tie in remove_ties:
        by_type[tie.type].append(tie.id)
    statements = [cypher.delete_ties(t, ids) for t, ids in sorted(by_type.items())]
    statements.append(cypher.delete_nodes(result.removed.kind, [result.removed.id]))
    statements.append(cypher.upsert_nodes(result.kept.kind, [node_row(result.kept)]))
    by_ends: dict[tuple[TieType, NodeKind, NodeKind], list[dict[str, object]]] = defaultdict(list)
    for tie in (*result.moved, *result.folded):
        ends = (tie.type, kinds[tie.source], kinds[tie.target])
        by_ends[ends].append(tie_row(tie) | {"source": tie.source, "target": tie.target})
    statements += [
        cypher.upsert_ties(type_, source, target, rows)
        for (type_, source, target), rows in sorted(by_ends.items())
    ]
    return statements
