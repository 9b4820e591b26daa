"""Matching an import's records to stored nodes before any is created.

A record whose id is new but which gives an identifier a stored node has (WIKIDATA:Q42) is
that node: it is written under the stored node's id, and every tie of the import that names
the record's id is rewritten to it. A record whose id was merged into another node
(`mergedFrom`) is that node too. Identifiers an import gives are added to those stored, never
put in their place, so importing a file again changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from graph.identifiers import united
from graph.imports.batch import Batch
from graph.imports.problems import Problem
from graph.model import Node


class MatchReader(Protocol):
    async def find_nodes(self, ids: Sequence[str]) -> list[Node | None]: ...

    async def nodes_by_identifiers(self, keys: Sequence[str]) -> dict[str, Node]: ...

    async def merged_into(self, ids: Sequence[str]) -> dict[str, Node]: ...


@dataclass(frozen=True)
class Matched:
    """A record of the import written to a stored node of another id, and why."""

    record: str
    """The id the record gave."""
    node: str
    """The stored node it updates."""
    by: str
    """The identifier key both give (`WIKIDATA:Q42`), or `mergedFrom` when the record's id
    was merged into the node."""


@dataclass(frozen=True)
class Matching:
    batch: Batch
    matched: tuple[Matched, ...]
    problems: list[Problem]


async def match_stored(batch: Batch, reader: MatchReader) -> Matching:
    """The batch with records of stored nodes renamed to them (see the module's rules)."""
    ids = [node.id for node in batch.nodes]
    inside = set(ids)
    stored = {node.id: node for node in await reader.find_nodes(ids) if node is not None}
    redirected = await reader.merged_into([i for i in ids if i not in stored])
    keys = sorted({i.key for node in batch.nodes for i in node.identifiers})
    holders = await reader.nodes_by_identifiers(keys)
    renamed: dict[str, str] = {}
    matched: list[Matched] = []
    problems: list[Problem] = []
    nodes: list[Node] = []
    for node in batch.nodes:
        target, by = _target(node, stored, redirected, holders)
        if target is not None and target.id in inside | set(renamed.values()):
            message = (
                f"node '{node.id}' is node '{target.id}' (by {by}), which this import "
                "gives as well; give it once"
            )
            problems.append(Problem(*batch.origin(node.id), message))
            target = None
        if target is not None:
            renamed[node.id] = target.id
            matched.append(Matched(node.id, target.id, by))
            batch.origins.setdefault(target.id, batch.origin(node.id))
            node = replace(node, id=target.id)
        for identifier in node.identifiers:
            holder = holders.get(identifier.key)
            if holder is not None and holder.id != node.id:
                message = (
                    f"node '{node.id}' gives {identifier.key}, the identifier of "
                    f"{holder.kind.value} '{holder.id}'"
                )
                problems.append(Problem(*batch.origin(node.id), message))
        before = stored.get(node.id) or target
        if before is not None:
            node = replace(node, identifiers=united(before.identifiers, node.identifiers))
        nodes.append(node)
    ties = [
        replace(
            tie,
            source=renamed.get(tie.source, tie.source),
            target=renamed.get(tie.target, tie.target),
        )
        for tie in batch.ties
    ]
    return Matching(Batch(nodes, ties, batch.origins), tuple(matched), problems)


def _target(
    node: Node, stored: dict[str, Node], redirected: dict[str, Node], holders: dict[str, Node]
) -> tuple[Node | None, str]:
    if node.id in stored:
        return None, ""
    if node.id in redirected:
        return redirected[node.id], "mergedFrom"
    for identifier in node.identifiers:
        holder = holders.get(identifier.key)
        if holder is not None and holder.kind is node.kind:
            return holder, identifier.key
    return None, ""
