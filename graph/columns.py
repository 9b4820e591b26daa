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


# Enum lookups by value through dicts: the hot read paths convert thousands of rows.
ORG_TYPES = {member.value: member for member in OrgType}
SECTORS = {member.value: member for member in Sector}
EVENT_TYPES = {member.value: member for member in EventType}
SEAT_TYPES = {member.value: member for member in SeatType}


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
    get = row.get
    org_type, sector, event_type = get("orgType"), get("sector"), get("eventType")
    return Node(
        kind=kind,
        id=str(row["id"]),
        name=str(get("name") or ""),
        sources=tuple(get("sources") or ()),
        description=_text(get("description")),
        start=_text(get("start")),
        end=_text(get("end")),
        org_type=ORG_TYPES[org_type] if org_type else None,
        sector=SECTORS[sector] if sector else None,
        branch=_text(get("branch")),
        municipality=_text(get("municipality")),
        event_type=EVENT_TYPES[event_type] if event_type else None,
        publisher=_text(get("publisher")),
        url=_text(get("url")),
        language=_text(get("language")),
        claims=_claims_from_json(_text(get("claims"))),
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


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
        seat_type=SEAT_TYPES[seat_type] if seat_type else None,
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
