"""The per-request context: the store, the limits, who is asking, the change feed, and
DataLoaders made fresh for each request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from graph.analytics.service import Analytics
from graph.as_of import Snapshots
from graph.changes import ChangeFeed
from graph.curation import Curator
from graph.model import Node, NodeKind
from graph.store import EdgeMatch, GraphStore, Hop, Neighbour, NeighbourPage
from resolvers.auth import Viewer
from resolvers.tally_loaders import TallyLoaders

ANONYMOUS = "anonymous"
"""The actor the log names for a write without a token (none is allowed today)."""


@dataclass(frozen=True)
class Limits:
    default_first: int = 20
    max_first: int = 100
    max_search_text: int = 200
    max_network_nodes: int = 20_000
    max_network_edges: int = 30_000
    batch_loads: bool = True
    """False resolves every parent with its own store call: the naive baseline benchmarks use."""


@dataclass
class Context:
    store: GraphStore
    limits: Limits
    analytics_service: Analytics | None = None
    viewer: Viewer = field(default_factory=Viewer)
    feed: ChangeFeed = field(default_factory=ChangeFeed)
    snapshots: Snapshots | None = None
    """Where `asOf` reads come from (schema/as_of.py); None: `asOf` reads the live graph."""
    connection_params: dict[str, object] | None = None
    """What a websocket client sent in connection_init (strawberry fills it in)."""
    _node_loaders: dict[NodeKind, DataLoader[str, Node | None]] = field(default_factory=dict)
    _hop_loaders: dict[tuple[Hop, EdgeMatch | None], DataLoader[str, list[Neighbour]]] = field(
        default_factory=dict
    )
    _page_loaders: dict[tuple[Hop, int, EdgeMatch | None], DataLoader[str, NeighbourPage]] = field(
        default_factory=dict
    )
    """The loaders' functions hold the store, not the context: a loader that held its context
    would make a cycle, and everything a request loaded would wait for the cycle collector
    instead of being freed when the request ends."""

    _tally_loaders: TallyLoaders | None = None

    def tallies(self) -> TallyLoaders:
        """The loaders of aggregates and of pages sorted by a count of ties."""
        if self._tally_loaders is None:
            self._tally_loaders = TallyLoaders(self.store, self._batch_size)
        return self._tally_loaders

    def analytics(self) -> Analytics:
        if self.analytics_service is None:
            self.analytics_service = Analytics(self.store)
        return self.analytics_service

    @property
    def _batch_size(self) -> int | None:
        return None if self.limits.batch_loads else 1

    def curator(self) -> Curator:
        return Curator(self.store, self.feed, self.viewer.token_name or ANONYMOUS)

    def nodes(self, kind: NodeKind) -> DataLoader[str, Node | None]:
        if kind not in self._node_loaders:
            store = self.store  # the loader must not hold the context: see _page_loaders

            async def load(ids: Sequence[str]) -> list[Node | None]:
                return await store.get_nodes(kind, ids)

            self._node_loaders[kind] = DataLoader(load_fn=load, max_batch_size=self._batch_size)
        return self._node_loaders[kind]

    def first_neighbours(
        self, hop: Hop, limit: int, where: EdgeMatch | None = None
    ) -> DataLoader[str, NeighbourPage]:
        """The first `limit` neighbours along `hop` (whose ties meet `where`) and their count,
        batched over all parents asked for in one tick; the database does the cut."""
        key = (hop, limit, where)
        if key not in self._page_loaders:
            store = self.store

            async def load(parent_ids: Sequence[str]) -> list[NeighbourPage]:
                found = await store.first_neighbours(hop, parent_ids, limit, where)
                return [found[pid] for pid in parent_ids]

            self._page_loaders[key] = DataLoader(load_fn=load, max_batch_size=self._batch_size)
        return self._page_loaders[key]

    def neighbours(
        self, hop: Hop, where: EdgeMatch | None = None
    ) -> DataLoader[str, list[Neighbour]]:
        """Every neighbour along `hop` (whose ties meet `where`), batched over all parents
        asked for in one tick."""
        key = (hop, where)
        if key not in self._hop_loaders:
            store = self.store

            async def load(parent_ids: Sequence[str]) -> list[list[Neighbour]]:
                found = await store.neighbours(hop, parent_ids, where=where)
                return [found[pid] for pid in parent_ids]

            self._hop_loaders[key] = DataLoader(load_fn=load, max_batch_size=self._batch_size)
        return self._hop_loaders[key]
