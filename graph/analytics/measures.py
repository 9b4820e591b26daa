"""Every measure of one network against one boundary, computed together so it can be cached."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from graph.analytics.boundaries import EI, BrokerageRoles, brokerage, ei_index
from graph.analytics.centrality import (
    Sampling,
    components,
    density,
    edge_array,
    node_measures,
    nominal_assortativity,
)
from graph.analytics.cohesion import (
    Centralisation,
    centralisation,
    clustering,
    core_number,
    transitivity_of,
)
from graph.analytics.core_periphery import CorePeriphery, core_periphery
from graph.analytics.projection import Network
from graph.model import Node

EXACT_BETWEENNESS_UP_TO = 5_000
"""Above this many vertices betweenness is estimated from sampled sources (see Sampling)."""


@dataclass(frozen=True)
class NodeResult:
    node: Node
    group: str | None
    degree: int
    weighted_degree: float
    betweenness: float
    closeness: float
    eigenvector: float
    constraint: float | None
    effective_size: float | None
    ei: EI | None
    brokerage: BrokerageRoles
    coreness: float
    computed: Mapping[str, float | None] = field(default_factory=dict)
    """The measures computed from the graph alone (`Measure.compute`), by name."""


@dataclass(frozen=True)
class Measure:
    """One per-node number as every reader sees it: the GraphQL field of NodeMeasure and the
    MeasureField that sorts by it (schema/network_measures.py), and an export column
    (graph/exports/view.py). Adding a measure is its computation and one entry in MEASURES."""

    name: str
    """snake_case: the GraphQL field and, in camelCase, the export column."""
    title: str
    """A human name, for the spreadsheet formats."""
    value: Callable[[NodeResult], float | None]
    description: str | None = None
    integral: bool = False
    """An Int field and an int column; otherwise Float and double."""
    nullable: bool = False
    field: bool = True
    """False where NodeMeasure shows more than the number (ei, brokerage) or nothing (roles)."""
    sort: int | None = None
    """Its place in MeasureField (0 is the default sort); None: not a sort key."""
    sort_as: str | None = None
    """Its MeasureField name when not its name in upper case."""

    compute: Callable[[Any], Sequence[float | None]] | None = None
    """For a measure of the simple graph alone: its value at each vertex (see `from_graph`)."""

    @property
    def sort_name(self) -> str:
        return self.sort_as or self.name.upper()


def from_graph(
    name: str,
    title: str,
    compute: Callable[[Any], Sequence[float | None]],
    description: str | None = None,
    **options: Any,
) -> Measure:
    """A measure computed from the simplified igraph graph alone (weights summed in
    `weight`): its entry in MEASURES is all it takes, with its computation."""
    return Measure(name, title, lambda r: r.computed[name], description, compute=compute, **options)


MEASURES = (
    Measure(
        "degree",
        "Degree",
        lambda r: r.degree,
        "How many neighbours it has (parallel ties count once).",
        integral=True,
        sort=1,
    ),
    Measure(
        "weighted_degree",
        "Weighted degree (simple graph)",
        lambda r: r.weighted_degree,
        "The summed weight of its ties, parallel ties merged by adding their weights.",
        sort=2,
    ),
    Measure(
        "betweenness",
        "Betweenness",
        lambda r: r.betweenness,
        "Normalised betweenness (unweighted shortest paths).",
        sort=0,
    ),
    Measure(
        "closeness",
        "Closeness",
        lambda r: r.closeness,
        "Closeness, Wasserman–Faust corrected for components.",
        sort=3,
    ),
    Measure(
        "eigenvector",
        "Eigenvector",
        lambda r: r.eigenvector,
        "Eigenvector centrality (weighted, Euclidean norm 1).",
        sort=4,
    ),
    Measure(
        "constraint",
        "Constraint",
        lambda r: r.constraint,
        "Burt's constraint; null for an isolate.",
        nullable=True,
        sort=5,
    ),
    Measure(
        "effective_size",
        "Effective size",
        lambda r: r.effective_size,
        "Burt's effective size; null for an isolate.",
        nullable=True,
        sort=6,
    ),
    Measure(
        "ei",
        "E-I index",
        lambda r: r.ei.index if r.ei is not None else None,
        "The E-I index of its own ties, (E − I)/(E + I); null when its group is unknown.",
        nullable=True,
        field=False,
        sort=8,
        sort_as="EI_INDEX",
    ),
    Measure(
        "coordinator", "Coordinator", lambda r: r.brokerage.coordinator, integral=True, field=False
    ),
    Measure("itinerant", "Itinerant", lambda r: r.brokerage.itinerant, integral=True, field=False),
    Measure(
        "representative",
        "Representative",
        lambda r: r.brokerage.representative,
        integral=True,
        field=False,
    ),
    Measure(
        "gatekeeper", "Gatekeeper", lambda r: r.brokerage.gatekeeper, integral=True, field=False
    ),
    Measure("liaison", "Liaison", lambda r: r.brokerage.liaison, integral=True, field=False),
    Measure(
        "brokerage",
        "Brokerage",
        lambda r: r.brokerage.total,
        "Gould–Fernandez brokerage, all five roles: the ordered pairs it stands between.",
        integral=True,
        field=False,
        sort=7,
    ),
    from_graph(
        "clustering",
        "Local clustering",
        clustering,
        "Local clustering coefficient (unweighted): the share of pairs of its neighbours that "
        "are tied; 0 below degree 2.",
        sort=9,
    ),
    from_graph(
        "core_number",
        "k-core number",
        core_number,
        "k-core number (coreness, unweighted): the largest k such that it is in the k-core, "
        "where every node has at least k neighbours.",
        integral=True,
        sort=10,
    ),
    Measure(
        "coreness",
        "Core-periphery coreness",
        lambda r: r.coreness,
        "Borgatti–Everett continuous coreness (weighted, MINRES fit, Euclidean norm 1); the "
        "fit is `corePeriphery`.",
        sort=11,
    ),
)
"""Every per-node measure, in the order of NodeMeasure's fields and of the export columns."""
SORTS = sorted((m for m in MEASURES if m.sort is not None), key=lambda m: m.sort or 0)
"""The measures a list of nodes can be sorted by, the default first."""


@dataclass(frozen=True)
class MeasuresResult:
    nodes: Sequence[NodeResult]
    edges: int
    density: float
    component_sizes: Sequence[int]
    ei: EI
    group_ei: dict[str, EI]
    assortativity: float | None
    sampling: Sampling | None
    transitivity: float
    centralisation: Centralisation
    core_periphery: CorePeripheryFit


@dataclass(frozen=True)
class CorePeripheryFit:
    """How the continuous core–periphery pattern fits (the scores are on the nodes)."""

    correlation: float | None
    sweeps: int
    converged: bool


def measure(
    network: Network,
    groups: Sequence[str | None],
    *,
    samples: int = 200,
    seed: int = 0,
    exact_up_to: int = EXACT_BETWEENNESS_UP_TO,
) -> MeasuresResult:
    graph = _simple(network)
    sources = samples if graph.vcount() > exact_up_to else None
    ends = edge_ends(network, graph)  # once, not by each measure
    per_node = node_measures(
        graph, weighted=True, betweenness_sources=sources, seed=seed, ends=ends
    )
    ei = ei_index(graph, groups, ends=ends)
    roles = brokerage(graph, groups, ends=ends)
    computed = {m.name: m.compute(graph) for m in MEASURES if m.compute is not None}
    fit: CorePeriphery = core_periphery(graph, ends=ends)
    local_clustering = cast(Sequence[float], computed["clustering"])  # never None
    nodes = [
        NodeResult(
            node=node,
            group=groups[v],
            degree=per_node.degree[v],
            weighted_degree=per_node.weighted_degree[v],
            betweenness=per_node.betweenness[v],
            closeness=per_node.closeness[v],
            eigenvector=per_node.eigenvector[v],
            constraint=per_node.constraint[v],
            effective_size=per_node.effective_size[v],
            ei=ei.vertices[v],
            brokerage=roles[v],
            coreness=fit.coreness[v],
            computed={name: values[v] for name, values in computed.items()},
        )
        for v, node in enumerate(network.nodes)
    ]
    return MeasuresResult(
        nodes=nodes,
        edges=graph.ecount(),
        density=density(graph),
        component_sizes=[len(c) for c in components(graph)],
        ei=ei.whole,
        group_ei=ei.groups,
        assortativity=nominal_assortativity(graph, groups, ends=ends),
        sampling=per_node.sampling,
        transitivity=transitivity_of(local_clustering, per_node.degree),
        centralisation=centralisation(per_node.degree, per_node.betweenness, per_node.closeness),
        core_periphery=CorePeripheryFit(fit.correlation, fit.sweeps, fit.converged),
    )


def edge_ends(network: Network, graph: Any) -> Any:
    """``edge_array(graph)``: from the network's own arrays when `graph` is the network's
    graph (igraph keeps the edges' order and writes each pair smaller end first), since
    reading 1.3 million edges back out of igraph takes 0.3 s."""
    if graph is network.graph:
        return np.sort(np.asarray(network.ends, dtype=np.int64).reshape(-1, 2), axis=1)
    return edge_array(graph)


def _simple(network: Network) -> Any:
    """The network's graph with parallel ties merged (weights summed) and loops dropped: the
    graph itself when it has neither (a projection never has), not a copy with its ties
    sorted, which would cost a second graph and change only the order of sums."""
    if network.graph.is_simple():
        return network.graph
    graph = network.graph.copy()
    graph.simplify(combine_edges={"weight": "sum"})
    return graph
