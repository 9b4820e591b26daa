"""The network questions at the root of the schema."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.analytics.change import period_scopes
from graph.analytics.communities import Algorithm, Partitioning
from graph.analytics.projection import Mode, Weighting
from graph.analytics.service import Analytics
from graph.errors import BadInputError, LimitExceededError
from graph.model import Boundary, NodeKind
from resolvers import global_ids
from schema.cost import DRAWN_EDGES, DRAWN_NODES, MAX_PATH_STEPS
from schema.info import Info
from schema.network_change import Change, PeriodInput, change_type
from schema.network_ego import EgoNetwork, ego_type
from schema.network_inputs import (
    AlgorithmArg,
    BoundaryArg,
    ModeArg,
    ResolutionArg,
    ScopeArg,
    ScopeInput,
    WeightingArg,
    node_slug,
    scope_of,
)
from schema.network_measures import CommunitiesResult, Measures, communities_type
from schema.network_types import NetworkGraph, NetworkNode, PathResult, edge_type


def _analytics(info: Info) -> Analytics:
    return info.context.analytics()


async def _drawn(
    info: Info,
    scope: ScopeInput | None,
    mode: Mode,
    weighting: Weighting,
    max_nodes: int | None,
    max_edges: int | None,
) -> NetworkGraph:
    limits = info.context.limits
    network = await _analytics(info).drawn(
        scope_of(scope),
        mode,
        weighting,
        _at_most(max_nodes, DRAWN_NODES, limits.max_network_nodes, "maxNodes"),
        _at_most(max_edges, DRAWN_EDGES, limits.max_network_edges, "maxEdges"),
    )
    return NetworkGraph(drawn=network)


def _at_most(asked: int | None, default: int, cap: int, name: str) -> int:
    if asked is None:
        return min(default, cap)
    if asked < 0:
        raise BadInputError(f"`{name}` must be from 0 to {cap:,}; got {asked:,}.", name)
    if asked > cap:
        raise BadInputError(
            f"`{name}` must be from 0 to {cap:,} (the server's cap); got {asked:,}. A larger "
            "network downloads from /export, which has no cap.",
            name,
        )
    return asked


_EGO_KINDS = {Mode.PEOPLE: NodeKind.PERSON, Mode.ORGANISATIONS: NodeKind.ORGANISATION}


MAX_NODES = (
    f"The most nodes to draw ({DRAWN_NODES:,} when not given, at most the server's cap "
    "POIKKI_MAX_NETWORK_NODES); a larger network is LIMIT_EXCEEDED. Counted by the cost "
    "limit: a smaller number lets more be asked of each node."
)
MAX_EDGES = f"The most edges to draw ({DRAWN_EDGES:,} when not given), as `maxNodes`."
SAMPLING_SEED = (
    "Seeds the sampling of betweenness's sources on networks above 5,000 nodes (see "
    "`sampling`): the same seed, scope and graph give the same numbers."
)
PARTITION_SEED = "Seeds the algorithm: the same seed, scope and graph give the same communities."
BothSeeds = Annotated[
    int,
    strawberry.argument(
        description=f"{SAMPLING_SEED} It also {PARTITION_SEED[0].lower()}{PARTITION_SEED[1:]}"
    ),
]


@strawberry.type
class NetworkQuery:
    @strawberry.field(description="The nodes and ties of a scope, ready for drawing.")
    async def network(
        self,
        info: Info,
        scope: ScopeArg = None,
        max_nodes: Annotated[int | None, strawberry.argument(description=MAX_NODES)] = None,
        max_edges: Annotated[int | None, strawberry.argument(description=MAX_EDGES)] = None,
    ) -> NetworkGraph:
        return await _drawn(info, scope, Mode.NETWORK, Weighting.SHARED, max_nodes, max_edges)

    @strawberry.field(
        description="The two-mode actor–initiative network of a scope projected onto people or "
        "organisations, weighted."
    )
    async def collaboration(
        self,
        info: Info,
        scope: ScopeArg = None,
        mode: ModeArg = Mode.PEOPLE,
        weighting: WeightingArg = Weighting.NEWMAN,
        max_nodes: Annotated[int | None, strawberry.argument(description=MAX_NODES)] = None,
        max_edges: Annotated[int | None, strawberry.argument(description=MAX_EDGES)] = None,
    ) -> NetworkGraph:
        return await _drawn(info, scope, mode, weighting, max_nodes, max_edges)

    @strawberry.field(
        description="A shortest path between two nodes within a scope (fewest ties), with the "
        "ties on it; null when they are not connected there."
    )
    async def path(
        self,
        info: Info,
        from_: Annotated[
            strawberry.ID,
            strawberry.argument(name="from", description="The global id of the path's start."),
        ],
        to: Annotated[
            strawberry.ID, strawberry.argument(description="The global id of the path's end.")
        ],
        scope: ScopeArg = None,
        mode: ModeArg = Mode.NETWORK,
    ) -> PathResult | None:
        found = await _analytics(info).path(node_slug(from_), node_slug(to), scope_of(scope), mode)
        if found is None:
            return None
        if len(found.path.nodes) > MAX_PATH_STEPS:
            raise LimitExceededError(
                f"The path has {len(found.path.nodes):,} nodes; at most {MAX_PATH_STEPS} are "
                "answered over GraphQL. Narrow the scope."
            )
        return PathResult(
            nodes=[NetworkNode(record=node, weight=0.0) for node in found.path.nodes],
            edges=[edge_type(found.network, edge) for edge in found.path.edges],
        )

    @strawberry.field(
        description="Density, components, centralities, Burt's constraint and effective size, "
        "E-I indices, Gould–Fernandez brokerage and assortativity of a network against a "
        "boundary; transitivity, Freeman centralisation, local clustering, k-cores and "
        "Borgatti–Everett core–periphery. Betweenness is exact up to 5,000 nodes and sampled "
        "above (see `sampling`). docs/network-science.md gives every formula."
    )
    async def measures(
        self,
        info: Info,
        scope: ScopeArg = None,
        boundary: BoundaryArg = Boundary.SECTOR,
        mode: ModeArg = Mode.PEOPLE,
        weighting: WeightingArg = Weighting.NEWMAN,
        seed: Annotated[int, strawberry.argument(description=SAMPLING_SEED)] = 0,
    ) -> Measures:
        result = await _analytics(info).measures(scope_of(scope), mode, weighting, boundary, seed)
        return Measures(boundary=boundary, result=result)

    @strawberry.field(
        description="How the scope's network changed from each period to the next: each "
        "period in numbers, who joined, left and stayed, which ties formed, were kept and "
        "ended, every node's trajectory, and how communities continued. Each period is the "
        "scope narrowed to it, measured and partitioned as `measures` and `communities` do."
    )
    async def change(
        self,
        info: Info,
        periods: Annotated[
            list[PeriodInput],
            strawberry.argument(
                description="The periods to compare, in order, 2 to 8 of them; each is the "
                "scope narrowed to it (so the scope itself takes no period)."
            ),
        ],
        scope: ScopeArg = None,
        mode: ModeArg = Mode.PEOPLE,
        weighting: WeightingArg = Weighting.NEWMAN,
        boundary: BoundaryArg = Boundary.SECTOR,
        algorithm: AlgorithmArg = Algorithm.LEIDEN,
        resolution: ResolutionArg = 1.0,
        seed: BothSeeds = 0,
    ) -> Change:
        scopes = period_scopes(scope_of(scope), [period.bounds() for period in periods])
        partitioning = Partitioning(algorithm, resolution, seed)
        found = await _analytics(info).change(scopes, mode, weighting, boundary, partitioning)
        return change_type(found, periods)

    @strawberry.field(
        description="One node's ego network in a network: its alters by boundary group, Blau's "
        "heterogeneity and the IQV, its E-I index, the density among its alters, Burt's "
        "effective size and constraint, and its ties with their sources. NOT_FOUND when the "
        "node does not exist or is not in the scope's network; BAD_INPUT when a projection "
        "(`mode`) is onto actors of another kind."
    )
    async def ego(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The global id of the ego.")],
        scope: ScopeArg = None,
        mode: ModeArg = Mode.PEOPLE,
        weighting: WeightingArg = Weighting.NEWMAN,
        boundary: BoundaryArg = Boundary.SECTOR,
    ) -> EgoNetwork:
        kind, slug = global_ids.decode(str(id))
        wanted = _EGO_KINDS.get(mode)
        if wanted is not None and kind is not wanted:
            raise BadInputError(
                f"'{id}' is a {kind.value}; the {mode.value} projection has only "
                f"{wanted.value} nodes (ask with another `mode`, such as NETWORK).",
                "id",
            )
        found = await _analytics(info).ego(kind, slug, scope_of(scope), mode, weighting, boundary)
        return ego_type(found, boundary)

    @strawberry.field(
        description="Communities by Leiden or Louvain, with modularity, and each community's "
        "E-I index against a boundary."
    )
    async def communities(
        self,
        info: Info,
        scope: ScopeArg = None,
        mode: ModeArg = Mode.PEOPLE,
        weighting: WeightingArg = Weighting.NEWMAN,
        algorithm: AlgorithmArg = Algorithm.LEIDEN,
        resolution: ResolutionArg = 1.0,
        seed: Annotated[int, strawberry.argument(description=PARTITION_SEED)] = 0,
        boundary: BoundaryArg = Boundary.SECTOR,
    ) -> CommunitiesResult:
        found = await _analytics(info).communities(
            scope_of(scope), mode, weighting, algorithm, resolution, seed, boundary
        )
        return communities_type(found, boundary)
