"""`change`: how a network changed from one period to the next, as GraphQL types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any

import strawberry

from graph.analytics.change import (
    ChangeResult,
    Flow,
    PeriodState,
    Step,
    Summary,
    TieChange,
    Trajectory,
    TrajectoryMeasure,
)
from graph.analytics.measures import NodeResult
from graph.analytics.scope import CouncilTerm
from graph.errors import BadInputError
from graph.model import Node
from resolvers.pages import ranked
from schema.enums import OrderDirection, described
from schema.info import Info
from schema.network_measures import RankedConnection, ranked_connection
from schema.network_types import EIIndex, NetworkEdge, edge_type, ei_type
from schema.nodes import Entity, as_graphql
from schema.scalars import PartialDate, partial_date

described(
    TrajectoryMeasure,
    "A per-node measure whose change from the first period to the last sorts trajectories; a "
    "node absent from a period counts 0 there.",
    {
        "DEGREE": "How many neighbours it has.",
        "WEIGHTED_DEGREE": "The summed weight of its ties (simple graph).",
        "BETWEENNESS": "Normalised betweenness, as `measures` gives it.",
        "BROKERAGE": "Gould–Fernandez brokerage, all roles.",
    },
)


@strawberry.input(
    description="A period: a council term, or `from` and `to` (either may be left open)."
)
class PeriodInput:
    term: CouncilTerm | None = strawberry.field(
        default=None, description="A council term as the period (not with `from` or `to`)."
    )
    from_: PartialDate | None = strawberry.field(
        default=None, name="from", description="The period's start; open when left out."
    )
    to: PartialDate | None = strawberry.field(
        default=None, description="The period's end; open when left out."
    )
    label: str | None = strawberry.field(
        default=None, description="Its name in the answer; by default the term or from–to."
    )

    def bounds(self) -> tuple[str | None, str | None]:
        if self.term is not None:
            if self.from_ or self.to:
                raise BadInputError("A period is a term or from and to, not both.", "periods")
            return self.term.period
        if not self.from_ and not self.to:
            raise BadInputError("A period needs a term, or from or to.", "periods")
        return self.from_, self.to

    def name(self) -> str:
        if self.label:
            return self.label
        if self.term is not None:
            return self.term.value
        return f"{self.from_ or '…'}–{self.to or '…'}"


@strawberry.type(description="One period's network in numbers.")
class PeriodSummary:
    label: str = strawberry.field(description="The period's label, as asked or made.")
    from_: PartialDate | None = strawberry.field(
        name="from", description="The period's start; null when open."
    )
    to: PartialDate | None = strawberry.field(description="The period's end; null when open.")
    node_count: int = strawberry.field(description="Nodes in the period's network.")
    edge_count: int = strawberry.field(
        description="Edges of its simple graph (parallel ties counted once)."
    )
    density: float = strawberry.field(description="2E / (N(N − 1)) of its simple graph.")
    components: int = strawberry.field(description="How many connected components it has.")
    average_degree: float = strawberry.field(description="2E/N of its simple graph.")
    ei: EIIndex = strawberry.field(
        description="The E-I index of the whole network against the boundary."
    )
    assortativity: float | None = strawberry.field(
        description="Nominal assortativity by the boundary; null if undefined."
    )
    modularity: float = strawberry.field(description="Newman's modularity of its communities.")
    community_count: int = strawberry.field(description="How many communities were found.")


def _period_summary(
    label: str, start: str | None, end: str | None, summary: Summary
) -> PeriodSummary:
    return PeriodSummary(
        label=label,
        from_=partial_date(start),
        to=partial_date(end),
        node_count=summary.nodes,
        edge_count=summary.edges,
        density=summary.density,
        components=summary.components,
        average_degree=summary.average_degree,
        ei=ei_type(summary.ei),
        assortativity=summary.assortativity,
        modularity=summary.modularity,
        community_count=summary.communities,
    )


@strawberry.type(
    description="A tie in one or both of two consecutive periods, as each period draws it."
)
class ChangedTie:
    key: str = strawberry.field(
        description="The tie's id, or in a projection the two actors' ids joined by `~`."
    )
    before: NetworkEdge | None = strawberry.field(description="In the earlier period.")
    after: NetworkEdge | None = strawberry.field(description="In the later period.")

    @strawberry.field(description="Its weight in the earlier period; null if absent then.")
    def weight_before(self) -> float | None:
        return None if self.before is None else self.before.weight

    @strawberry.field(description="Its weight in the later period; null if absent then.")
    def weight_after(self) -> float | None:
        return None if self.after is None else self.after.weight


@strawberry.type(
    description="Members moving from a community of the earlier period to one of the later: "
    "the flows an alluvial chart draws. A null side stands for joining or leaving the network."
)
class CommunityFlow:
    source: int | None = strawberry.field(description="The earlier community (0 is largest).")
    target: int | None = strawberry.field(description="The later community.")
    members: int = strawberry.field(description="How many nodes moved this way.")
    jaccard: float = strawberry.field(
        description="|A ∩ B| / |A ∪ B| of the two communities' members; 0 with a null side."
    )


Page = Annotated[int | None, strawberry.argument(description="How many (at most 100).")]
After = Annotated[
    str | None,
    strawberry.argument(description="The cursor of the last row seen: the rows after it."),
]


def _node_page(tag: str, pick: Callable[[Step], Sequence[Node]], description: str) -> Any:
    """A ChangeStep field: a page of the nodes `pick` takes from the step."""

    def resolve(
        self: ChangeStep, info: Info, first: Page = None, after: After = None
    ) -> RankedConnection[Entity]:
        return _nodes(info, pick(self.step), tag, first, after)

    return strawberry.field(resolver=resolve, description=description)


def _tie_page(tag: str, pick: Callable[[Step], Sequence[TieChange]], description: str) -> Any:
    """A ChangeStep field: a page of the tie changes `pick` takes from the step."""

    def resolve(
        self: ChangeStep, info: Info, first: Page = None, after: After = None
    ) -> RankedConnection[ChangedTie]:
        return self._ties(info, pick(self.step), tag, first, after)

    return strawberry.field(resolver=resolve, description=description)


@strawberry.type(description="From one period to the next.")
class ChangeStep:
    before: str = strawberry.field(description="The earlier period's label.")
    after: str = strawberry.field(description="The later period's label.")
    step: strawberry.Private[Step]
    states: strawberry.Private[tuple[PeriodState, PeriodState]]

    joined = _node_page(
        "joined", lambda step: step.joined, "Nodes in the later network but not the earlier."
    )
    left = _node_page(
        "left", lambda step: step.left, "Nodes in the earlier network but not the later."
    )
    stayed = _node_page("stayed", lambda step: step.stayed, "Nodes in both.")
    formed = _tie_page(
        "formed", lambda step: step.formed, "Ties in the later network but not the earlier."
    )
    kept = _tie_page(
        "kept", lambda step: step.kept, "Ties in both, with their weight before and after."
    )
    ended = _tie_page(
        "ended", lambda step: step.ended, "Ties in the earlier network but not the later."
    )

    @strawberry.field(description="How the earlier period's communities continued.")
    def flows(self) -> list[CommunityFlow]:
        return [_flow(flow) for flow in self.step.flows]

    def _ties(
        self,
        info: Info,
        changes: Sequence[TieChange],
        tag: str,
        first: int | None,
        after: str | None,
    ) -> RankedConnection[ChangedTie]:
        before, later = (state.network for state in self.states)
        page = ranked(info.context, changes, _unranked, _key, False, f"change:{tag}", first, after)
        return ranked_connection(
            page,
            lambda change: ChangedTie(
                key=_key(change),
                before=None if change.before is None else edge_type(before, change.before),
                after=None if change.after is None else edge_type(later, change.after),
            ),
        )


@strawberry.type(description="A node's measures in one period.")
class TrajectoryPoint:
    period: str = strawberry.field(description="The period's label.")
    present: bool = strawberry.field(description="Whether the node is in this period's network.")
    degree: int | None = strawberry.field(
        default=None, description="How many neighbours it has then; null when absent."
    )
    weighted_degree: float | None = strawberry.field(
        default=None, description="Weighted degree of the simple graph."
    )
    betweenness: float | None = strawberry.field(
        default=None, description="Normalised betweenness, as `measures` gives it."
    )
    brokerage: int | None = strawberry.field(
        default=None, description="Gould–Fernandez brokerage, all roles."
    )
    group: str | None = strawberry.field(
        default=None, description="Its side of the boundary in this period."
    )


def _point(period: str, result: NodeResult | None) -> TrajectoryPoint:
    if result is None:
        return TrajectoryPoint(period=period, present=False)
    return TrajectoryPoint(
        period=period,
        present=True,
        degree=result.degree,
        weighted_degree=result.weighted_degree,
        betweenness=result.betweenness,
        brokerage=result.brokerage.total,
        group=result.group,
    )


@strawberry.type(description="One node's measures period by period.")
class NodeTrajectory:
    trajectory: strawberry.Private[Trajectory]
    labels: strawberry.Private[tuple[str, ...]]
    measure: strawberry.Private[TrajectoryMeasure]

    @strawberry.field(description="The node followed.")
    def node(self) -> Entity:
        return as_graphql(self.trajectory.node)

    @strawberry.field(description="One point per period, in the periods' order.")
    def points(self) -> list[TrajectoryPoint]:
        return [
            _point(label, point)
            for label, point in zip(self.labels, self.trajectory.points, strict=True)
        ]

    @strawberry.field(
        description="The sorting measure in the last period minus the first (absent counts 0)."
    )
    def change(self) -> float:
        points = self.trajectory.points
        return self.measure.of(points[-1]) - self.measure.of(points[0])


@strawberry.type(
    description="How a scope's network changed over periods: each period in numbers, each "
    "step from one period to the next, and every node's trajectory."
)
class Change:
    result: strawberry.Private[ChangeResult]
    labels: strawberry.Private[tuple[str, ...]]
    bounds: strawberry.Private[tuple[tuple[str | None, str | None], ...]]

    @strawberry.field(description="Each period's network in numbers, in the order asked.")
    def periods(self) -> list[PeriodSummary]:
        return [
            _period_summary(label, start, end, summary)
            for label, (start, end), summary in zip(
                self.labels, self.bounds, self.result.summaries, strict=True
            )
        ]

    @strawberry.field(description="From each period to the next.")
    def steps(self) -> list[ChangeStep]:
        states = self.result.states
        return [
            ChangeStep(
                before=self.labels[step.index],
                after=self.labels[step.index + 1],
                step=step,
                states=(states[step.index], states[step.index + 1]),
            )
            for step in self.result.steps
        ]

    @strawberry.field(
        description="Every node of any period with its measures in each, by the change of "
        "`measure` from the first period to the last (then by kind and id)."
    )
    def trajectories(
        self,
        info: Info,
        measure: Annotated[
            TrajectoryMeasure,
            strawberry.argument(description="The measure whose change sorts the trajectories."),
        ] = TrajectoryMeasure.DEGREE,
        direction: Annotated[
            OrderDirection,
            strawberry.argument(description="Largest rise first (DESC, the default) or fall."),
        ] = OrderDirection.DESC,
        first: Page = None,
        after: After = None,
    ) -> RankedConnection[NodeTrajectory]:
        def delta(trajectory: Trajectory) -> float:
            return measure.of(trajectory.points[-1]) - measure.of(trajectory.points[0])

        page = ranked(
            info.context,
            self.result.trajectories,
            delta,
            _node_key,
            direction is OrderDirection.DESC,
            f"trajectories:{measure.name}:{direction.name}",
            first,
            after,
        )
        return ranked_connection(
            page,
            lambda found: NodeTrajectory(trajectory=found, labels=self.labels, measure=measure),
        )


def change_type(result: ChangeResult, periods: Sequence[PeriodInput]) -> Change:
    return Change(
        result=result,
        labels=tuple(period.name() for period in periods),
        bounds=tuple(period.bounds() for period in periods),
    )


def _unranked(_: object) -> float:
    return 0.0


def _key(change: TieChange) -> str:
    return "~".join(change.key)


def _node_key(trajectory: Trajectory) -> str:
    node = trajectory.node
    return f"{node.kind.value}:{node.id}"


def _nodes(
    info: Info, nodes: Sequence[Node], tag: str, first: int | None, after: str | None
) -> RankedConnection[Entity]:
    page = ranked(
        info.context,
        nodes,
        _unranked,
        lambda node: f"{node.kind.value}:{node.id}",
        False,
        f"change:{tag}",
        first,
        after,
    )
    return ranked_connection(page, as_graphql)


def _flow(flow: Flow) -> CommunityFlow:
    return CommunityFlow(
        source=flow.source, target=flow.target, members=flow.members, jaccard=flow.jaccard
    )
