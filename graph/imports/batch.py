"""What the readers make of the files: nodes and ties, each remembering where it was read."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.imports.problems import Problem
from graph.model import Node, NodeKind, Tie

Origin = tuple[str, int | None]
"""The file a record was read from and the line it starts on (None where no line applies)."""


@dataclass
class FileRead:
    """What one reader made of one file: records with their lines, and every problem found."""

    file: str
    nodes: list[tuple[Node, Origin]] = field(default_factory=list)
    ties: list[tuple[Tie, Origin]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    shared: set[str] = field(default_factory=set)
    """Ids of nodes derived from the same data wherever it appears (Popolo sources, whose id
    comes from their url): equal copies of these in several places are one node, not a clash."""

    def node(self, node: Node, line: int | None) -> None:
        self.nodes.append((node, (self.file, line)))

    def tie(self, tie: Tie, line: int | None) -> None:
        self.ties.append((tie, (self.file, line)))

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))


@dataclass
class Batch:
    """Every node and tie of one import; `origins` maps each node id and tie id to its origin."""

    nodes: list[Node]
    ties: list[Tie]
    origins: dict[str, tuple[str, int | None]]

    def origin(self, ident: str) -> Origin:
        return self.origins.get(ident, ("(batch)", None))

    def node_ids(self) -> set[str]:
        return {node.id for node in self.nodes}

    def dangling_ends(self) -> list[str]:
        """Ids that ties join but no node in the batch has: they must already be stored."""
        inside = self.node_ids()
        return sorted({end for tie in self.ties for end in (tie.source, tie.target)} - inside)

    def outside_sources(self) -> list[str]:
        """Ids cited as sources that no node in the batch has: they must be stored Sources."""
        inside = self.node_ids()
        return sorted(set(self.cited_ids()) - inside)

    def cited_ids(self) -> list[str]:
        cited = [c for node in self.nodes if node.kind is not NodeKind.SOURCE for c in node.sources]
        cited += [c for node in self.nodes for claim in node.claims for c in claim.sources]
        cited += [c for tie in self.ties for c in tie.sources]
        return cited

    def ids_to_look_up(self) -> list[str]:
        """The batch's own node ids (to compare kinds) and every id it needs from the store."""
        needed = {*self.node_ids(), *self.dangling_ends(), *self.outside_sources()}
        return sorted(needed)
