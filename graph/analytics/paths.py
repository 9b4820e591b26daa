"""A shortest path between two nodes of a network, with the edges that make it."""

from __future__ import annotations

from dataclasses import dataclass

from graph.analytics.projection import Edge, Network
from graph.errors import NotFoundError
from graph.model import Node


@dataclass(frozen=True)
class Path:
    nodes: list[Node]
    edges: list[Edge]


def shortest_path(network: Network, source: str, target: str) -> Path | None:
    """Fewest hops; among equally short paths, the one igraph's breadth-first search meets
    first, which is stable because vertices are ordered by kind and id. None when the two
    are not connected in the scope."""
    at = network.index()
    for end in (source, target):
        if end not in at:
            raise NotFoundError("Node in the scope", end)
    graph = network.graph
    vertices = graph.get_shortest_path(at[source], at[target], output="vpath")
    if not vertices:
        return None
    edge_ids = graph.get_shortest_path(at[source], at[target], output="epath")
    return Path([network.nodes[v] for v in vertices], [network.edge(e) for e in edge_ids])
