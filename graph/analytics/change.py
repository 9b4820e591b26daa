"""How a network changed between periods: each period's summary, who joined, left and stayed,
which ties formed, were kept and ended, each actor's trajectory, and how communities continued.

Each period is the same scope narrowed to that period, drawn, measured and partitioned exactly
as `collaboration`, `measures` and `communities` answer it; the comparison is set arithmetic on
node ids and tie keys (a tie's id, or in a projection the pair of actors it joins).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from graph.analytics.boundaries import EI
from graph.analytics.communities import Partition
from graph.analytics.measures import MeasuresResult, NodeResult
from graph.analytics.projection import Edge, Network
from graph.analytics.scope import Scope
from graph.errors import BadInputError
from graph.model import Node

MIN_PERIODS, MAX_PERIODS = 2, 8
Bounds = tuple[str | None, str | None]
"""A period's first and last date (either may be open)."""


@dataclass(frozen=True)
class PeriodState:
    """One period's network with its measures and communities."""

    network: Network
    measures: MeasuresResult
    partition: Partition


@dataclass(frozen=True)
class Summary:
    nodes: int
    edges: int
    density: float
    components: int
    average_degree: float
    """2E/N over the simple graph (0 for an empty one)."""
    ei: EI
    assortativity: float | None
    modularity: float
    communities: int


@dataclass(frozen=True)
class TieChange:
    """A tie in one or both of two consecutive periods: `before` in the earlier network,
    `after` in the later; None where it is absent."""

    key: tuple[str, ...]
    before: Edge | None
    after: Edge | None


@dataclass(frozen=True)
class Flow:
    """Members moving from a community of the earlier period to one of the later; None on a
    side for those who joined or left the network."""

    source: int | None
    target: int | None
    members: int
    jaccard: float
    """|A ∩ B| / |A ∪ B| of the two communities' members (0 for joiners and leavers)."""


@dataclass(frozen=True)
class Step:
    """From period `index` to `index + 1`."""

    index: int
    joined: Sequence[Node]
    left: Sequence[Node]
    stayed: Sequence[Node]
    formed: Sequence[TieChange]
    kept: Sequence[TieChange]
    ended: Sequence[TieChange]
    flows: Sequence[Flow]


@dataclass(frozen=True)
class Trajectory:
    """One node's measures in every period; None where it is not in that period's network."""

    node: Node
    points: Sequence[NodeResult | None]


class TrajectoryMeasure(StrEnum):
    DEGREE = "DEGREE"
    WEIGHTED_DEGREE = "WEIGHTED_DEGREE"
    BETWEENNESS = "BETWEENNESS"
    BROKERAGE = "BROKERAGE"

    def of(self, point: NodeResult | None) -> float:
        """The measure at a point; a node absent from a period counts 0 there."""
        if point is None:
            return 0.0
        if self is TrajectoryMeasure.DEGREE:
            return float(point.degree)
        if self is TrajectoryMeasure.WEIGHTED_DEGREE:
            return point.weighted_degree
        if self is TrajectoryMeasure.BETWEENNESS:
            return point.betweenness
        return float(point.brokerage.total)


@dataclass(frozen=True)
class ChangeResult:
    states: Sequence[PeriodState]
    summaries: Sequence[Summary]
    steps: Sequence[Step]
    trajectories: Sequence[Trajectory]
    """Every node of any period, by kind and id."""

    def ranked(self, measure: TrajectoryMeasure, descending: bool) -> list[Trajectory]:
        """Trajectories by the change of `measure` from the first period to the last, then by
        kind and id."""

        def delta(trajectory: Trajectory) -> float:
            return measure.of(trajectory.points[-1]) - measure.of(trajectory.points[0])

        # Trajectories are by kind and id, and sorting is stable: equal changes stay so.
        return sorted(self.trajectories, key=delta, reverse=descending)


def period_scopes(scope: Scope, periods: Sequence[Bounds]) -> list[Scope]:
    """The scope narrowed to each period in turn; the scope itself must have no period."""
    if not MIN_PERIODS <= len(periods) <= MAX_PERIODS:
        raise BadInputError(
            f"A change compares {MIN_PERIODS} to {MAX_PERIODS} periods; got {len(periods)}.",
            "periods",
        )
    if scope.period_from or scope.period_to:
        raise BadInputError(
            "The periods give a change its dates: leave from, to and term out of the scope.",
            "scope",
        )
    return [replace(scope, period_from=start, period_to=end) for start, end in periods]


def compare(states: Sequence[PeriodState]) -> ChangeResult:
    summaries = [summarise(state) for state in states]
    steps = [_step(i, states[i], states[i + 1]) for i in range(len(states) - 1)]
    return ChangeResult(states, summaries, steps, _trajectories(states))


def summarise(state: PeriodState) -> Summary:
    measured = state.measures
    nodes = len(measured.nodes)
    return Summary(
        nodes=nodes,
        edges=measured.edges,
        density=measured.density,
        components=len(measured.component_sizes),
        average_degree=2 * measured.edges / nodes if nodes else 0.0,
        ei=measured.ei,
        assortativity=measured.assortativity,
        modularity=state.partition.modularity,
        communities=len(set(state.partition.membership)),
    )


def tie_key(network: Network, edge: Edge) -> tuple[str, ...]:
    """A tie's identity across periods: its id, or in a projection the two actors' ids."""
    if edge.tie is not None:
        return (edge.tie.id,)
    ends = network.nodes[edge.source].id, network.nodes[edge.target].id
    return (min(ends), max(ends))


def _step(index: int, before: PeriodState, after: PeriodState) -> Step:
    earlier = {node.id: node for node in before.network.nodes}
    later = {node.id: node for node in after.network.nodes}
    old, new = _ties(before.network), _ties(after.network)
    return Step(
        index=index,
        joined=_sorted(later[i] for i in later.keys() - earlier.keys()),
        left=_sorted(earlier[i] for i in earlier.keys() - later.keys()),
        stayed=_sorted(later[i] for i in later.keys() & earlier.keys()),
        formed=[TieChange(k, None, new[k]) for k in sorted(new.keys() - old.keys())],
        kept=[TieChange(k, old[k], new[k]) for k in sorted(new.keys() & old.keys())],
        ended=[TieChange(k, old[k], None) for k in sorted(old.keys() - new.keys())],
        flows=_flows(before, after),
    )


def _ties(network: Network) -> dict[tuple[str, ...], Edge]:
    return {tie_key(network, edge): edge for edge in network.iter_edges()}


def _sorted(nodes: Iterable[Node]) -> list[Node]:
    return sorted(nodes, key=lambda node: (node.kind.value, node.id))


def _members(state: PeriodState) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for node, community in zip(state.network.nodes, state.partition.membership, strict=True):
        found.setdefault(community, set()).add(node.id)
    return found


def _flows(before: PeriodState, after: PeriodState) -> list[Flow]:
    """Every pair of communities that share members, plus those who joined or left, in the
    order of the earlier community, then the later (joiners last)."""
    old, new = _members(before), _members(after)
    flows: list[Flow] = []
    for a in sorted(old):
        for b in sorted(new):
            shared = len(old[a] & new[b])
            if shared:
                flows.append(Flow(a, b, shared, shared / len(old[a] | new[b])))
        gone = len(old[a] - set().union(*new.values()))
        if gone:
            flows.append(Flow(a, None, gone, 0.0))
    everyone_before = set().union(*old.values())
    for b in sorted(new):
        came = len(new[b] - everyone_before)
        if came:
            flows.append(Flow(None, b, came, 0.0))
    return flows


def _trajectories(states: Sequence[PeriodState]) -> list[Trajectory]:
    at = [{result.node.id: result for result in state.measures.nodes} for state in states]
    nodes = {result.node.id: result.node for state in states for result in state.measures.nodes}
    return [
        Trajectory(node, [points.get(node.id) for points in at]) for node in _sorted(nodes.values())
    ]
