"""Measures and communities as paginated GraphQL results, top first."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, Generic, TypeVar

import strawberry

from graph.analytics.measures import MEASURES, SORTS, Measure, MeasuresResult, NodeResult
from graph.analytics.service import Communities
from graph.model import Boundary
from resolvers.pages import Ranked, checked_first, ranked
from schema.connections import PageInfo, page_info
from schema.enums import OrderDirection
from schema.info import Info
from schema.network_inputs import MeasureField
from schema.network_types import (
    Brokerage,
    EIIndex,
    NetworkNode,
    brokerage_type,
    ei_type,
)
from schema.nodes import Entity, as_graphql

T = TypeVar("T")
Item = TypeVar("Item")
First = Annotated[
    int | None, strawberry.argument(description="How many to return (20 by default, at most 100).")
]
AfterRow = Annotated[
    str | None,
    strawberry.argument(description="The cursor of the last row seen: the rows after it."),
]


@strawberry.type(description="One row of a computed ranking, with its cursor.")
class RankedEdge(Generic[T]):
    cursor: str = strawberry.field(
        description="Pass as `after` for the rows after this one in the same ranking."
    )
    node: T = strawberry.field(
        description="What is ranked at this place: a node's measures, a community, an alter..."
    )


@strawberry.type(
    description="A page of computed rows in the order the field states (nulls last, ties "
    "broken by id), with cursors; the rows are computed once per graph version."
)
class RankedConnection(Generic[T]):
    edges: list[RankedEdge[T]] = strawberry.field(description="The rows on this page, in order.")
    page_info: PageInfo = strawberry.field(description="Whether more follow, and cursors.")
    total_count: int = strawberry.field(description="How many there are, over all pages.")


@strawberry.input(description="Sort order of node measures; ties in the value are broken by id.")
class MeasureOrder:
    field: Enum = strawberry.field(
        graphql_type=MeasureField,
        default=MeasureField[SORTS[0].sort_name],
        description="The measure to sort by (betweenness by default).",
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Largest first by default; nulls go last."
    )


def _measure_field(measure: Measure) -> Any:
    """NodeMeasure's field for a measure of the table: its value, an Int or a Float."""

    def resolve(self: NodeMeasure) -> float | None:
        return measure.value(self.result)

    number: Any = int if measure.integral else float
    return strawberry.field(
        resolver=resolve,
        description=measure.description,
        graphql_type=number | None if measure.nullable else number,
    )


@strawberry.type(description="One node's measures in the network, and its side of the boundary.")
class NodeMeasure:
    result: strawberry.Private[NodeResult]

    @strawberry.field(description="The node measured.")
    def node(self) -> Entity:
        return as_graphql(self.result.node)

    @strawberry.field(description="Its side of the boundary; null where the knowledge is silent.")
    def group(self) -> str | None:
        return self.result.group

    # One field per number in MEASURES, in its order (a class body's locals() is its namespace).
    locals().update({m.name: _measure_field(m) for m in MEASURES if m.field})

    @strawberry.field(description="The E-I index of its own ties.")
    def ei(self) -> EIIndex | None:
        ei = self.result.ei
        return None if ei is None else ei_type(ei)

    @strawberry.field(description="Its Gould–Fernandez brokerage roles against the boundary.")
    def brokerage(self) -> Brokerage:
        return brokerage_type(self.result.brokerage)


@strawberry.type(description="One side of the boundary: how many nodes, and its E-I index.")
class GroupEI:
    group: str = strawberry.field(description="The side's name (a sector, a municipality...).")
    size: int = strawberry.field(description="How many of the network's nodes are on it.")
    ei: EIIndex = strawberry.field(
        description="The E-I index of its members' ties: negative when they keep to themselves."
    )


@strawberry.type(description="Betweenness was estimated from this many sampled sources.")
class Sampling:
    sources: int = strawberry.field(description="How many source nodes were sampled.")
    seed: int = strawberry.field(description="The seed that chose them (`seed` as asked).")


@strawberry.type(
    description="Freeman's centralisation (1978/79): the sum of the differences between the "
    "most central node and every other, over that sum's maximum (a star's) for the same "
    "number of nodes; 1 for a star, 0 when all are equally central. Unweighted, hop counts; "
    "null below three nodes."
)
class Centralisation:
    degree: float | None = strawberry.field(description="Σ(d* − dᵢ) / ((n − 1)(n − 2)).")
    betweenness: float | None = strawberry.field(
        description="Σ(b* − bᵢ) / (n − 1) over normalised betweenness."
    )
    closeness: float | None = strawberry.field(
        description="Σ(c* − cᵢ) · (2n − 3) / ((n − 1)(n − 2)) over normalised closeness "
        "(Wasserman–Faust corrected where the network is disconnected)."
    )


@strawberry.type(
    description="The fit of Borgatti and Everett's continuous core–periphery model (1999), "
    "minimising Σ_{i<j}(aᵢⱼ − cᵢcⱼ)² over the weighted ties; each node's score is `coreness`."
)
class CorePeriphery:
    correlation: float | None = strawberry.field(
        description="Pearson's r between the ties and the ideal pattern cᵢcⱼ over all pairs; "
        "null when either is constant."
    )
    sweeps: int = strawberry.field(description="Coordinate-descent sweeps the fit took.")
    converged: bool = strawberry.field(
        description="False when the scores were still moving after the most sweeps (1,000)."
    )


@strawberry.type(description="Measures of a network against a boundary.")
class Measures:
    boundary: Boundary = strawberry.field(description="The boundary the groups are counted by.")
    result: strawberry.Private[MeasuresResult]

    @strawberry.field(description="How many nodes the network has.")
    def node_count(self) -> int:
        return len(self.result.nodes)

    @strawberry.field(description="How many edges its simple graph has (parallel ties once).")
    def edge_count(self) -> int:
        return self.result.edges

    @strawberry.field(
        description="Edges over possible pairs, 2E / (N(N − 1)), of the simple graph; 0 below "
        "two nodes."
    )
    def density(self) -> float:
        return self.result.density

    @strawberry.field(description="Sizes of the connected components, largest first.")
    def component_sizes(self) -> list[int]:
        return list(self.result.component_sizes)

    @strawberry.field(description="The E-I index of the whole network.")
    def ei(self) -> EIIndex:
        return ei_type(self.result.ei)

    @strawberry.field(description="The E-I index of each group, largest group first.")
    def groups(self) -> list[GroupEI]:
        sizes: dict[str, int] = {}
        for item in self.result.nodes:
            if item.group is not None:
                sizes[item.group] = sizes.get(item.group, 0) + 1
        return [
            GroupEI(group=group, size=sizes.get(group, 0), ei=ei_type(ei))
            for group, ei in sorted(
                self.result.group_ei.items(), key=lambda g: (-sizes.get(g[0], 0), g[0])
            )
        ]

    @strawberry.field(description="Nominal assortativity by the boundary; null if undefined.")
    def assortativity(self) -> float | None:
        return self.result.assortativity

    @strawberry.field(
        description="Global transitivity: 3 × triangles / connected triples (unweighted; 0 "
        "without triples)."
    )
    def transitivity(self) -> float:
        return self.result.transitivity

    @strawberry.field(description="Freeman's centralisation by degree, betweenness and closeness.")
    def centralisation(self) -> Centralisation:
        found = self.result.centralisation
        return Centralisation(
            degree=found.degree, betweenness=found.betweenness, closeness=found.closeness
        )

    @strawberry.field(description="How well a core–periphery pattern fits the network.")
    def core_periphery(self) -> CorePeriphery:
        fit = self.result.core_periphery
        return CorePeriphery(
            correlation=fit.correlation, sweeps=fit.sweeps, converged=fit.converged
        )

    @strawberry.field(description="Set when betweenness was estimated rather than exact.")
    def sampling(self) -> Sampling | None:
        found = self.result.sampling
        return None if found is None else Sampling(sources=found.sources, seed=found.seed)

    @strawberry.field(description="Per-node measures, top first by the chosen measure.")
    def nodes(
        self,
        info: Info,
        first: First = None,
        after: AfterRow = None,
        order_by: Annotated[
            MeasureOrder | None,
            strawberry.argument(
                description="The measure and direction (betweenness, largest first, by default)."
            ),
        ] = None,
    ) -> RankedConnection[NodeMeasure]:
        order = order_by or MeasureOrder()
        measure: Measure = order.field.value
        descending = order.direction is OrderDirection.DESC
        page = ranked(
            info.context,
            self.result.nodes,
            measure.value,
            lambda r: r.node.id,
            descending,
            f"measures:{order.field.name}:{order.direction.name}",
            first,
            after,
        )
        return ranked_connection(page, lambda result: NodeMeasure(result=result))


@strawberry.type(description="A community and how it sits against the boundary.")
class Community:
    index: int = strawberry.field(description="0 is the largest community.")
    size: int = strawberry.field(description="How many members it has.")
    ei: EIIndex | None = strawberry.field(
        description="The E-I index of the ties among its members: does it cross the boundary?"
    )
    records: strawberry.Private[list[NetworkNode]]

    @strawberry.field(description="Its members, strongest tied first.")
    def members(self, info: Info, first: First = None) -> list[NetworkNode]:
        return self.records[: checked_first(info.context, first)]


@strawberry.type(description="Communities found in a network.")
class CommunitiesResult:
    modularity: float = strawberry.field(description="Newman's modularity of the partition.")
    quality: float = strawberry.field(description="The optimised quality at the resolution.")
    count: int = strawberry.field(description="How many communities were found.")
    found: strawberry.Private[list[Community]]

    @strawberry.field(description="Communities, largest first.")
    def communities(
        self, info: Info, first: First = None, after: AfterRow = None
    ) -> RankedConnection[Community]:
        page = ranked(
            info.context,
            self.found,
            lambda c: float(c.size),
            lambda c: f"{c.index:09d}",
            True,
            "communities",
            first,
            after,
        )
        return ranked_connection(page, lambda c: c)


def communities_type(found: Communities, boundary: Boundary) -> CommunitiesResult:
    network = found.network
    strength = network.strength()
    members: dict[int, list[int]] = {}
    for vertex, community in enumerate(found.partition.membership):
        members.setdefault(community, []).append(vertex)
    communities = [
        Community(
            index=index,
            size=len(members[index]),
            ei=ei_type(found.ei[index]),
            records=[
                NetworkNode(record=network.nodes[v], weight=float(strength[v]))
                for v in sorted(members[index], key=lambda v: (-strength[v], network.nodes[v].id))
            ],
        )
        for index in range(len(members))
    ]
    return CommunitiesResult(
        modularity=found.partition.modularity,
        quality=found.partition.quality,
        count=len(communities),
        found=communities,
    )


def ranked_connection(page: Ranked[Item], make: Callable[[Item], T]) -> RankedConnection[T]:
    return RankedConnection(
        edges=[RankedEdge(cursor=cursor, node=make(item)) for cursor, item in page.rows],
        page_info=page_info(
            lambda at: page.rows[at][0], len(page.rows), page.has_next, page.has_previous
        ),
        total_count=page.total,
    )
