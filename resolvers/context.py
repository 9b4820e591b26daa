"""The per-request context: the store, the limits, and DataLoaders made fresh for each request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from graph.analytics.service import Analytics
from graph.model import Node, NodeKind
from graph.store import GraphStore, Hop, Neighbour


@dataclass(frozen=True)
class Limits:
    default_first: int = 20
    max_first: int = 100
    max_search_text: int = 200
    max_network_nodes: int = 20_000


@dataclass
class Context:
    store: GraphStore
    limits: Limits
    analytics_service: Analytics | None = None
    _node_loaders: dict[NodeKind, DataLoader[str, Node | None]] = field(default_factory=dict)
    _hop_loaders: dict[Hop, DataLoader[str, list[Neighbour]]] = field(default_factory=dict)

    def analytics(self) -> Analytics:
        if self.analytics_service is None:
            self.analytics_service = Analytics(self.store)
        return self.analytics_service

    def nodes(self, kind: NodeKind) -> DataLoader[str, Node | None]:
        if kind not in self._node_loaders:

            async def load(ids: Sequence[str]) -> list[Node | None]:
                return await self.store.get_nodes(kind, ids)

            self._node_loaders[kind] = DataLoader(load_fn=load)
        return self._node_loaders[kind]

    def neighbours(self, hop: Hop) -> DataLoader[str, list[Neighbour]]:
        """Every neighbour along `hop`, batched over all parents asked for in one tick."""
        if hop not in self._hop_loaders:

            async def load(parent_ids: Sequence[str]) -> list[list[Neighbour]]:
                found = await self.store.neighbours(hop, parent_ids)
                return [found[pid] for pid in parent_ids]

            self._hop_loaders[hop] = DataLoader(load_fn=load)
        return self._hop_loaders[hop]
