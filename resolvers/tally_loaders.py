"""DataLoaders for aggregates and for pages sorted by a count of ties, made fresh for each
request: the parents (or root lists) asked for in one tick share one store call."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from graph.aggregates import Group, Grouping, Summary
from graph.store import EdgeMatch, GraphStore, Hop, NeighbourPage, NodeQuery, TieCount

Along = tuple[Hop, EdgeMatch | None]
"""A relationship field's hop and the filter on its ties."""


class TallyLoaders:
    def __init__(self, store: GraphStore, batch_size: int | None) -> None:
        self.store = store
        self.batch_size = batch_size
        self._summaries: dict[Along, DataLoader[str, Summary]] = {}
        self._groups: dict[tuple[Along, Grouping], DataLoader[str, list[Group]]] = {}
        self._counted: dict[tuple[Along, TieCount, bool, int], DataLoader[str, NeighbourPage]] = {}
        self._node_summaries: DataLoader[NodeQuery, Summary] | None = None
        self._node_groups: dict[Grouping, DataLoader[NodeQuery, list[Group]]] = {}

    def summaries(self, hop: Hop, where: EdgeMatch | None) -> DataLoader[str, Summary]:
        key = (hop, where)
        if key not in self._summaries:

            async def load(parent_ids: Sequence[str]) -> list[Summary]:
                found = await self.store.summarise_neighbours(hop, parent_ids, where)
                return [found[pid] for pid in parent_ids]

            self._summaries[key] = DataLoader(load_fn=load, max_batch_size=self.batch_size)
        return self._summaries[key]

    def groups(
        self, hop: Hop, where: EdgeMatch | None, grouping: Grouping
    ) -> DataLoader[str, list[Group]]:
        key = ((hop, where), grouping)
        if key not in self._groups:

            async def load(parent_ids: Sequence[str]) -> list[list[Group]]:
                found = await self.store.group_neighbours(hop, parent_ids, grouping, where)
                return [found[pid] for pid in parent_ids]

            self._groups[key] = DataLoader(load_fn=load, max_batch_size=self.batch_size)
        return self._groups[key]

    def counted(
        self, hop: Hop, where: EdgeMatch | None, count: TieCount, descending: bool, limit: int
    ) -> DataLoader[str, NeighbourPage]:
        """The first `limit` neighbours of each parent sorted by `count`, and their total."""
        key = ((hop, where), count, descending, limit)
        if key not in self._counted:

            async def load(parent_ids: Sequence[str]) -> list[NeighbourPage]:
                found = await self.store.counted_neighbours(
                    hop, parent_ids, count, descending, None, limit, where
                )
                return [found[pid] for pid in parent_ids]

            self._counted[key] = DataLoader(load_fn=load, max_batch_size=self.batch_size)
        return self._counted[key]

    def node_summaries(self) -> DataLoader[NodeQuery, Summary]:
        """By the query that selects a root list's nodes (its order and page left out)."""
        if self._node_summaries is None:

            async def load(queries: Sequence[NodeQuery]) -> list[Summary]:
                return list(await asyncio.gather(*map(self.store.summarise_nodes, queries)))

            self._node_summaries = DataLoader(load_fn=load, max_batch_size=self.batch_size)
        return self._node_summaries

    def node_groups(self, grouping: Grouping) -> DataLoader[NodeQuery, list[Group]]:
        if grouping not in self._node_groups:

            async def load(queries: Sequence[NodeQuery]) -> list[list[Group]]:
                found = [self.store.group_nodes(query, grouping) for query in queries]
                return list(await asyncio.gather(*found))

            self._node_groups[grouping] = DataLoader(load_fn=load, max_batch_size=self.batch_size)
        return self._node_groups[grouping]
