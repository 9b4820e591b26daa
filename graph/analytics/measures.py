"""Every measure of one network against one boundary, computed together so it can be cached."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.analytics.boundaries import EI, BrokerageRoles, brokerage, ei_index
from graph.analytics.centrality import (
    Sampling,
    components,
    density,
    node_measures,
    nominal_assortativity,
)
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


def measure(
    network: Network,
    groups: Sequence[str | None],
    *,
    samples: int = 200,
    seed: int = 0,
    exact_up_to: int = EXACT_BETWEENNESS_UP_TO,
) -> MeasuresResult:
    graph = network.graph.copy()
    graph.simplify(combine_edges={"weight": "sum"})
    sources = samples if graph.vcount() > exact_up_to else None
    per_node = node_measures(graph, weighted=True, betweenness_sources=sources, seed=seed)
    ei = ei_index(graph, groups)
    roles = brokerage(graph, groups)
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
        assortativity=nominal_assortativity(graph, groups),
        sampling=per_node.sampling,
    )
