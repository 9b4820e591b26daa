"""What part of the graph a network question is about: which nodes, which ties, which time."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from graph import dates
from graph.analytics.periods import meets
from graph.errors import BadInputError
from graph.model import NodeKind, TieType

NETWORK_KINDS = frozenset(NodeKind) - {NodeKind.SOURCE}
MAX_DEPTH = 6


class CouncilTerm(StrEnum):
    """Espoo's council terms as named periods (a term starts in June after April elections;
    the 2021 elections were postponed to June, so that term began in August)."""

    TERM_2013_2017 = "TERM_2013_2017"
    TERM_2017_2021 = "TERM_2017_2021"
    TERM_2021_2025 = "TERM_2021_2025"

    @property
    def period(self) -> tuple[str, str]:
        return {
            CouncilTerm.TERM_2013_2017: ("2013-01-01", "2017-05-31"),
            CouncilTerm.TERM_2017_2021: ("2017-06-01", "2021-07-31"),
            CouncilTerm.TERM_2021_2025: ("2021-08-01", "2025-05-31"),
        }[self]


@dataclass(frozen=True)
class Scope:
    """Seeds and a depth, or a set of programmes and projects, or (neither) the whole graph;
    narrowed to a period and to node kinds and tie types.

    A node or tie counts in the period when it starts no later than `period_to` and ends (if
    it ends) no earlier than `period_from`, with the dates it counts with (`periods`: an
    instant ends when it starts, an undated tie takes its initiative's dates); a tie counts
    only when both its ends do. Reduced-precision dates are read at their widest ("2017" may
    be any day of 2017).
    """

    seeds: tuple[str, ...] = ()
    depth: int = 1
    initiatives: tuple[str, ...] = ()
    period_from: str | None = None
    period_to: str | None = None
    kinds: frozenset[NodeKind] = NETWORK_KINDS
    types: frozenset[TieType] = frozenset(TieType)

    def __post_init__(self) -> None:
        if self.seeds and self.initiatives:
            raise BadInputError("A scope takes seeds or initiatives, not both.", "scope")
        if not 0 <= self.depth <= MAX_DEPTH:
            raise BadInputError(f"A scope's depth must be 0 to {MAX_DEPTH}.", "depth")
        for value in (self.period_from, self.period_to):
            if value is not None:
                try:
                    dates.check(value)
                except ValueError as error:
                    raise BadInputError(str(error), "scope") from error
        start, end = self.period_from, self.period_to
        if start and end and dates.first_day(start) > dates.last_day(end):
            raise BadInputError("The scope's period ends before it starts.", "scope")
        if NodeKind.SOURCE in self.kinds:
            raise BadInputError("Sources are citations, not part of the network.", "kinds")

    def active(self, start: str | None, end: str | None) -> bool:
        """Whether the period from `start` to `end` meets the scope's period."""
        return meets((self.period_from, self.period_to), start, end)
