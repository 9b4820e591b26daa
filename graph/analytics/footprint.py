"""About how many bytes a cached network answer holds of its own, to keep the analytics cache
within its budget (`POIKKI_ANALYTICS_CACHE_MB`).

The estimate walks the answer: numpy arrays count their buffers, an igraph graph its edges and
their weights, containers and objects Python's own sizes. What the answer shares with the
snapshot it was computed from (the snapshot itself, its nodes and ties) counts only as the
reference to it. A long list or dict is measured by its first `SAMPLE` items, the rest taken to
be alike, so a million-edge answer is weighed in a few milliseconds.
"""

from __future__ import annotations

import sys
from dataclasses import fields, is_dataclass
from typing import Any

import igraph as ig
import numpy as np

from graph.analytics.frame import Snapshot, TieView
from graph.model import Node

SAMPLE = 32
"""Items of a list, tuple, set or dict measured one by one; the rest are taken to be alike."""
GRAPH_BYTES_PER_EDGE = 100
"""An igraph graph's edge: its ends and indexes in the C core (~48 bytes) and its weight, a
Python float in the attribute list (~32 bytes), rounded up."""
REFERENCE = 8
_SHARED = (Snapshot, TieView, Node)
"""The snapshot's own: an answer holds references to them, not copies (a tie object is made
from the snapshot's columns for the answer, so it counts)."""


def footprint(value: object) -> int:
    return _size(value, set())


def _size(value: object, seen: set[int]) -> int:
    if id(value) in seen:
        return 0
    seen.add(id(value))
    if isinstance(value, _SHARED):
        return REFERENCE
    if isinstance(value, np.ndarray):
        return int(value.nbytes) + sys.getsizeof(value, 0)
    if isinstance(value, ig.Graph):
        return GRAPH_BYTES_PER_EDGE * int(value.ecount()) + REFERENCE * int(value.vcount())
    if isinstance(value, str | bytes | int | float | bool) or value is None:
        return sys.getsizeof(value)
    if isinstance(value, dict):
        return sys.getsizeof(value) + _sampled(
            [part for item in _first(value.items()) for part in item], len(value), seen, 2
        )
    if isinstance(value, list | tuple | set | frozenset):
        return sys.getsizeof(value) + _sampled(_first(value), len(value), seen, 1)
    own = sys.getsizeof(value)
    # A dataclass's fields, and what its cached_properties computed, live in __dict__ (those
    # with slots list their fields only).
    if hasattr(value, "__dict__"):
        attributes = list(vars(value).values())
    elif is_dataclass(value):
        attributes = [getattr(value, f.name) for f in fields(value)]
    else:
        return own
    return own + sum(_size(attribute, seen) for attribute in attributes)


def _first(items: Any) -> list[Any]:
    found: list[Any] = []
    for item in items:
        if len(found) == SAMPLE:
            break
        found.append(item)
    return found


def _sampled(measured: list[Any], count: int, seen: set[int], per_item: int) -> int:
    """The measured items' sizes, extrapolated to `count` items of `per_item` parts each."""
    if not measured:
        return 0
    total = sum(_size(item, seen) for item in measured)
    items = len(measured) // per_item
    return total * count // items if items else total
