"""Which properties each node kind stores, and how nodes and ties become rows and back."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from graph.model import Claim, EventType, Node, NodeKind, OrgType, SeatType, Sector, Tie, TieType

COMMON_COLUMNS = ("id", "name", "description", "start", "end", "sources", "claims")
EXTRA_COLUMNS: Mapping[NodeKind, tuple[str, ...]] = {
    NodeKind.ORGANISATION: ("orgType", "sector", "branch", "municipality"),
    NodeKind.EVENT: ("eventType",),
    NodeKind.SOURCE: ("publisher", "url", "language"),
}
TIE_COLUMNS = ("id", "role", "start", "end", "seatType", "sources")
LIST_COLUMNS = frozenset({"sources"})


def node_columns(kind: NodeKind) -> tuple[str, ...]:
    return COMMON_COLUMNS + EXTRA_COLUMNS.get(kind, ())


def node_row(node: Node) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": node.id,
        "name": node.name,
        "description": node.description,
        "start": node.start,
        "end": node.end,
        "sources": list(node.sources),
        "claims": _claims_json(node.claims),
        "orgType": node.org_type.value if node.org_type else None,
        "sector": node.sector.value if node.sector else None,
        "branch": node.branch,
        "municipality": node.municipality,
        "eventType": node.event_type.value if node.event_type else None,
        "publisher": node.publisher,
        "url": node.url,
        "language": node.language,
    }
    return {column: values[column] for column in node_columns(node.kind)}


def node_from_row(kind: NodeKind, row: Mapping[str, Any]) -> Node:
    def text(key: str) -> str | None:
        value = row.get(key)
        return None if value is None else str(value)

    org_type, sector, event_type = text("orgType"), text("sector"), text("eventType")
    return Node(
        kind=kind,
        id=str(row["id"]),
        name=str(row.get("name") or ""),
        sources=tuple(row.get("sources") or ()),
        description=text("description"),
        start=text("start"),
        end=text("end"),
        org_type=OrgType(org_type) if org_type else None,
        sector=Sector(sector) if sector else None,
        branch=text("branch"),
        municipality=text("municipality"),
        event_type=EventType(event_type) if event_type else None,
        publisher=text("publisher"),
        url=text("url"),
        language=text("language"),
        claims=_claims_from_json(text("claims")),
    )


def tie_row(tie: Tie) -> dict[str, Any]:
    return {
        "id": tie.id,
        "role": tie.role,
        "start": tie.start,
        "end": tie.end,
        "seatType": tie.seat_type.value if tie.seat_type else None,
        "sources": list(tie.sources),
    }


def tie_from_row(type_: TieType, source: str, target: str, row: Mapping[str, Any]) -> Tie:
    seat_type = row.get("seatType")
    return Tie(
        type=type_,
        source=source,
        target=target,
        id=str(row["id"]),
        role=row.get("role"),
        start=row.get("start"),
        end=row.get("end"),
        seat_type=SeatType(seat_type) if seat_type else None,
        sources=tuple(row.get("sources") or ()),
    )


def _claims_json(claims: tuple[Claim, ...]) -> str | None:
    if not claims:
        return None
    return json.dumps(
        [{"field": c.field, "value": c.value, "sources": list(c.sources)} for c in claims],
        ensure_ascii=False,
    )


def _claims_from_json(text: str | None) -> tuple[Claim, ...]:
    if not text:
        return ()
    return tuple(
        Claim(field=item["field"], value=item["value"], sources=tuple(item["sources"]))
        for item in json.loads(text)
    )
