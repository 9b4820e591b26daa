"""The network questions at the root of the schema."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.analytics.communities import Algorithm
from graph.analytics.projection import Mode, Network, Weighting
from graph.analytics.service import Analytics
from graph.errors import LimitExceededError
from graph.model import Boundary
from resolvers.context import Context
from schema.network_inputs import ScopeInput, node_slug, scope_of
from schema.network_measures import CommunitiesResult, Measures, communities_type
from schema.network_types import NetworkGraph, NetworkNode, PathResult, drawable, edge_type

Info = strawberry.Info[Context, None]


def _analytics(info: Info) -> Analytics:
    return info.context.analytics()


def _drawable(info: Info, network: Network) -> NetworkGraph:
    limit = info.context.limits.max_network_nodes
    if len(network.nodes) > limit:
        raise LimitExceededError(
            f"The network has {len(network.nodes)} nodes; at most {limit} are drawn over "
            "GraphQL. Narrow the scope, or use the exports."
        )
    return drawable(network)


@strawberry.type
class NetworkQuery:
    @strawberry.field(description="The nodes and ties of a scope, ready for drawing.")
    async def network(self, info: Info, scope: ScopeInput | None = None) -> NetworkGraph:
        network = await _analytics(info).network(scope_of(scope), Mode.NETWORK, Weighting.SHARED)
        return _drawable(info, network)

    @strawberry.field(
        description="The two-mode actor–initiative network of a scope projected onto people or "
        "organisations, weighted."
    )
    async def collaboration(
        self,
        info: Info,
        scope: ScopeInput | None = None,
        mode: Mode = Mode.PEOPLE,
        weighting: Weighting = Weighting.NEWMAN,
    ) -> NetworkGraph:
        network = await _analytics(info).network(scope_of(scope), mode, weighting)
        return _drawable(info, network)

    @strawberry.field(
        description="A shortest path between two nodes within a scope (fewest ties), with the "
        "ties on it; null when they are not connected there."
    )
    async def path(
        self,
        info: Info,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        scope: ScopeInput | None = None,
        mode: Mode = Mode.NETWORK,
    ) -> PathResult | None:
        analytics = _analytics(info)
        chosen = scope_of(scope)
        found = await analytics.path(node_slug(from_), node_slug(to), chosen, mode)
        if found is None:
            return None
        network = await analytics.network(chosen, mode, Weighting.SHARED)
        return PathResult(
            nodes=[NetworkNode(record=node, weight=0.0) for node in found.nodes],
            edges=[edge_type(network, edge) for edge in found.edges],
        )

    @strawberry.field(
        description="Density, components, centralities, Burt's constraint and effective size, "
        "E-I indices, Gould–Fernandez brokerage and assortativity of a network against a "
        "boundary. Betweenness is exact up to 5,000 nodes and sampled above (see `sampling`)."
    )
    async def measures(
        self,
        info: Info,
        scope: ScopeInput | None = None,
        boundary: Boundary = Boundary.SECTOR,
        mode: Mode = Mode.PEOPLE,
        weighting: Weighting = Weighting.NEWMAN,
        seed: int = 0,
    ) -> Measures:
        result = await _analytics(info).measures(scope_of(scope), mode, weighting, boundary, seed)
        return Measures(boundary=boundary, result=result)

    @strawberry.field(
        description="Communities by Leiden or Louvain, with modularity, and each community's "
        "E-I index against a boundary."
    )
    async def communities(
        self,
        info: Info,
        scope: ScopeInput | None = None,
        mode: Mode = Mode.PEOPLE,
        weighting: Weighting = Weighting.NEWMAN,
        algorithm: Algorithm = Algorithm.LEIDEN,
        resolution: float = 1.0,
        seed: int = 0,
        boundary: Boundary = Boundary.SECTOR,
    ) -> CommunitiesResult:
        found = await _analytics(info).communities(
            scope_of(scope), mode, weighting, algorithm, resolution, seed, boundary
        )
        return communities_type(found, boundary)
