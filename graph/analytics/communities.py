"""Community detection by modularity: Leiden or Louvain, in igraph's C core, seeded."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

import igraph as ig
import numpy as np

from graph.errors import BadInputError


class Algorithm(StrEnum):
    LEIDEN = "LEIDEN"
    LOUVAIN = "LOUVAIN"


@dataclass(frozen=True)
class Partition:
    """`membership[v]` is vertex v's community; communities are numbered by size, largest
    first (ties: by their smallest vertex). `modularity` is Newman's (resolution 1); `quality`
    is modularity at the resolution asked for, which is what was optimised."""

    membership: list[int]
    modularity: float
    quality: float


class Partitioning(NamedTuple):
    """How communities are found: the arguments of `detect` after the graph."""

    algorithm: Algorithm = Algorithm.LEIDEN
    resolution: float = 1.0
    seed: int = 0


def detect(
    graph: Any, algorithm: Algorithm, resolution: float = 1.0, seed: int = 0, iterations: int = 2
) -> Partition:
    """Optimise modularity at `resolution` with igraph's C implementations, seeded.

    Leiden runs `iterations` passes (negative: until a pass no longer improves; on 50,000
    people and 1.3 million ties two passes take about 3 s and reach modularity 0.410, running
    to stability takes about 47 s for 0.418). leidenalg's optimiser needed 38 s
    for two passes of the same graph, so igraph's is used.
    """
    if resolution <= 0:
        raise BadInputError("The resolution must be positive.", "resolution")
    if graph.vcount() == 0:
        return Partition([], 0.0, 0.0)
    weights = "weight" if graph.ecount() else None
    with _seeded(seed):
        if algorithm is Algorithm.LEIDEN:
            clusters = graph.community_leiden(
                objective_function="modularity",
                weights=weights,
                resolution=resolution,
                n_iterations=iterations,
            )
        else:
            clusters = graph.community_multilevel(weights=weights, resolution=resolution)
    found = list(clusters.membership)
    quality = float(graph.modularity(found, weights=weights, resolution=resolution))
    membership = _renumbered(found)
    modularity = graph.modularity(membership, weights=weights) if graph.ecount() else 0.0
    return Partition(membership, float(modularity), quality)


_IGRAPH_RANDOM = threading.Lock()


@contextmanager
def _seeded(seed: int) -> Iterator[None]:
    """igraph draws from one process-wide generator: swap in a seeded one under a lock."""
    with _IGRAPH_RANDOM:
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)


def _renumbered(membership: list[int]) -> list[int]:
    """Communities numbered by size, largest first, ties by their smallest vertex."""
    labels, first, found = np.unique(membership, return_index=True, return_inverse=True)
    sizes = np.bincount(found.reshape(-1), minlength=len(labels))
    new = np.empty(len(labels), dtype=np.int64)
    new[np.lexsort((first, -sizes))] = np.arange(len(labels))
    renumbered: list[int] = new[found.reshape(-1)].tolist()
    return renumbered
