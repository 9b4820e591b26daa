"""Aggregates and count orders as every Cypher backend reads them (graph/cypher_aggregates.py's
statements, in the backend's `dialect`); CypherStore inherits them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from graph import cypher_aggregates as statements
from graph.aggregates import DateSpan, Group, Grouping, Summary, count_key, ordered_groups
from graph.cypher import Statement
from graph.model import Node, NodeKind, Tie
from graph.store import (
    Direction,
    EdgeMatch,
    Hop,
    Keyset,
    Neighbour,
    NeighbourPage,
    NodeQuery,
    Page,
    TieCount,
)

Row = list[Any]


class CypherTallies(ABC):
    dialect: statements.Dialect = statements.LADYBUG

    @abstractmethod
    async def _read(self, statement: Statement) -> list[Row]: ...

    @abstractmethod
    def _node(self, value: Any) -> Node: ...

    @abstractmethod
    def _tie(self, value: Any, source: str, target: str) -> Tie: ...

    @abstractmethod
    def _kind_test(self, var: str, kind: NodeKind) -> str: ...

    async def _list_by_count(self, query: NodeQuery) -> Page:
        probe = replace(query, limit=query.limit + 1)
        rows = await self._read(statements.list_by_count(probe, self.dialect, self._kind_test))
        page = rows[: query.limit]
        return Page(
            nodes=[self._node(node) for node, _, _ in page],
            keysets=[Keyset((count_key(int(count)), str(node_id))) for _, count, node_id in page],
            has_more=len(rows) > query.limit,
        )

    async def counted_neighbours(
        self,
        hop: Hop,
        parent_ids: Sequence[str],
        count: TieCount,
        descending: bool,
        after: Keyset | None,
        limit: int,
        where: EdgeMatch | None = None,
    ) -> Mapping[str, NeighbourPage]:
        result = {pid: NeighbourPage([], 0) for pid in parent_ids}
        if not parent_ids:
            return result
        statement = statements.counted_neighbours(
            hop,
            parent_ids,
            count,
            descending,
            after,
            max(limit, 0),
            where,
            self.dialect,
            self._kind_test,
        )
        for pid, rels, others, counts, total in await self._read(statement):
            items = []
            for rel, other, tally in zip(rels or (), others or (), counts or (), strict=True):
                node = self._node(other)
                ends = (pid, node.id) if hop.direction is Direction.OUT else (node.id, pid)
                tie = self._tie(rel, *ends)
                keyset = Keyset((count_key(int(tally)), node.id, tie.id))
                items.append(Neighbour(tie=tie, node=node, keyset=keyset))
            result[pid] = NeighbourPage(items[: max(limit, 0)], int(total or 0))
        return result

    async def summarise_nodes(self, query: NodeQuery) -> Summary:
        (row,) = await self._read(statements.summarise_nodes(query, self._kind_test))
        return _summary(row)

    async def group_nodes(self, query: NodeQuery, grouping: Grouping) -> list[Group]:
        rows = await self._read(
            statements.group_nodes(query, grouping, self.dialect, self._kind_test)
        )
        return ordered_groups((_key(key), int(total)) for key, total in rows)

    async def summarise_neighbours(
        self, hop: Hop, parent_ids: Sequence[str], where: EdgeMatch | None = None
    ) -> Mapping[str, Summary]:
        found = {pid: Summary() for pid in parent_ids}
        if parent_ids:
            statement = statements.summarise_neighbours(hop, parent_ids, where, self._kind_test)
            for pid, *row in await self._read(statement):
                found[pid] = _summary(row)
        return found

    async def group_neighbours(
        self,
        hop: Hop,
        parent_ids: Sequence[str],
        grouping: Grouping,
        where: EdgeMatch | None = None,
    ) -> Mapping[str, list[Group]]:
        counts: dict[str, list[tuple[str | None, int]]] = {pid: [] for pid in parent_ids}
        if parent_ids:
            statement = statements.group_neighbours(
                hop, parent_ids, grouping, where, self.dialect, self._kind_test
            )
            for pid, key, total in await self._read(statement):
                counts[pid].append((_key(key), int(total)))
        return {pid: ordered_groups(found) for pid, found in counts.items()}


def _summary(row: Row) -> Summary:
    total, start_early, start_late, end_early, end_late = row
    return Summary(
        int(total or 0),
        DateSpan.of_padded(start_early, start_late),
        DateSpan.of_padded(end_early, end_late),
    )


def _key(value: Any) -> str | None:
    return None if value is None else str(value)
