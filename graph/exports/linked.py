"""A scope as the linked-data formats read it: its nodes and its ties as stored (a tie's own
dates, not those it counts with), every node by id (for the sources they cite), and each
node's identifiers; streamed, so a writer holds one node or tie at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from graph.exports.identifiers import IdentifiersOf, stored_identifiers
from graph.model import Node, Tie

PROGRESS_EVERY = 1_000


@dataclass(frozen=True)
class LinkedGraph:
    nodes: Sequence[Node]
    """The scope's nodes, in the order of their kind and id."""
    stored_ties: Callable[[], Iterator[Tie]]
    """A fresh pass over the scope's ties, in the order of their type and id."""
    tie_count: int
    node: Callable[[str], Node | None]
    """Any stored node by id: the sources a node or tie cites need not be in the scope."""
    key_of: Callable[[Node], str]
    """A node's key in the other exports (its global id)."""
    identifiers: IdentifiersOf = stored_identifiers
    context_url: str | None = None
    """Where the JSON-LD context is published; None: the document embeds it."""
    progress: Callable[[int], None] | None = None

    @property
    def node_count(self) -> int:
        return len(self.nodes)

    def ties(self) -> Iterator[Tie]:
        for done, tie in enumerate(self.stored_ties(), 1):
            yield tie
            self._tick(done)
        self._tick(-1, self.tie_count % PROGRESS_EVERY)

    def each_node(self) -> Iterator[Node]:
        for done, node in enumerate(self.nodes, 1):
            yield node
            self._tick(done)
        self._tick(-1, self.node_count % PROGRESS_EVERY)

    def _tick(self, done: int, step: int = PROGRESS_EVERY) -> None:
        if self.progress is not None and step and (done == -1 or done % PROGRESS_EVERY == 0):
            self.progress(step)
