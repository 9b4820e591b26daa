"""Small constructors that keep the seed modules readable."""

from __future__ import annotations

import re
import unicodedata

from graph.model import Claim, Node, NodeKind, SeatType, Tie, TieType


def slug(text: str) -> str:
    """An ASCII slug: 'Kestävä Espoo 2017–2021' -> 'kestava-espoo-2017-2021'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def tie(
    type: TieType,
    source: str,
    target: str,
    *,
    sources: tuple[str, ...],
    role: str | None = None,
    start: str | None = None,
    end: str | None = None,
    seat_type: SeatType | None = None,
) -> Tie:
    """A tie whose id is derived from what identifies it, so re-seeding is idempotent."""
    parts = [source, type.value.lower(), target, slug(role or ""), start or ""]
    return Tie(
        type=type,
        source=source,
        target=target,
        id="--".join(p for p in parts if p),
        role=role,
        start=start,
        end=end,
        seat_type=seat_type,
        sources=sources,
    )


def claim(field: str, value: str, *sources: str) -> Claim:
    return Claim(field=field, value=value, sources=tuple(sources))


__all__ = ["Claim", "Node", "NodeKind", "claim", "slug", "tie"]
