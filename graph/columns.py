"""Which properties each node kind stores, and how nodes and ties become rows and back."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

import pyarrow as pa

from graph.collation import name_key
from graph.model import (
    KIND_SPECS,
    Claim,
    Identifier,
    Node,
    NodeKind,
    SeatType,
    Tie,
    TieType,
)
from graph.text_match import search_columns

COMMON_COLUMNS = (
    "id",
    "name",
    "description",
    "start",
    "end",
    "sources",
    "claims",
    "mergedFrom",
)
DERIVED_COLUMNS = ("nameKey", "searchName", "searchText")
"""Made from the name and description on every write (node_row), never read into a Node:
the name's Finnish collation key (graph/collation.py) and the folded text search matches
(graph/text_match.py)."""
EXTRA_COLUMNS: Mapping[NodeKind, tuple[str, ...]] = {
    kind: tuple(f.name for f in spec.fields) for kind, spec in KIND_SPECS.items() if spec.fields
}
MERGED_FROM = "mergedFrom"
"""Ids of the nodes merged into a node (graph/merges.py), each listed by one node only."""
IDENTIFIERS = "identifiers"
"""The column of an identified kind (KindSpec.identified) holding its identifiers' keys
(`SCHEME:value`, graph.model.Identifier.key): a list, so a lookup is one membership test."""
IDENTITY_COLUMNS: Mapping[NodeKind, tuple[str, ...]] = {
    kind: (IDENTIFIERS,) for kind, spec in KIND_SPECS.items() if spec.identified
}
TIE_COLUMNS = ("id", "role", "start", "end", "seatType", "sources")
LIST_COLUMNS = frozenset({"sources", "mergedFrom", IDENTIFIERS})
TIE_BATCH = pa.schema(
    [
        ("source", pa.string()),
        ("target", pa.string()),
        ("id", pa.string()),
        ("role", pa.string()),
        ("start", pa.string()),
        ("end", pa.string()),
        ("seatType", pa.string()),
        ("sources", pa.list_(pa.string())),
    ]
)
"""Ties of one type as columns (`GraphStore.scan_tie_columns`): their ends' ids and TIE_COLUMNS."""

# Enum lookups by value through dicts: the hot read paths convert thousands of rows.
_BY_VALUE: dict[type[StrEnum], dict[str, StrEnum]] = {
    f.choices: {member.value: member for member in f.choices}
    for spec in KIND_SPECS.values()
    for f in spec.fields
    if f.choices is not None
}
SEAT_TYPES = {member.value: member for member in SeatType}


def node_columns(kind: NodeKind) -> tuple[str, ...]:
    own = EXTRA_COLUMNS.get(kind, ()) + IDENTITY_COLUMNS.get(kind, ())
    return COMMON_COLUMNS + own + DERIVED_COLUMNS


def derived_values(name: str, description: str | None) -> dict[str, str]:
    """The DERIVED_COLUMNS of a node with this name and description."""
    return {"nameKey": name_key(name), **search_columns(name, description)}


def node_row(node: Node) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": node.id,
        "name": node.name,
        "description": node.description,
        "start": node.start,
        "end": node.end,
        "sources": list(node.sources),
        "claims": _claims_json(node.claims),
        "mergedFrom": list(node.merged_from),
    }
    if node.kind in IDENTITY_COLUMNS:
        values[IDENTIFIERS] = [identifier.key for identifier in node.identifiers]
    for f in KIND_SPECS[node.kind].fields:
        value = getattr(node, f.attribute)
        values[f.name] = value.value if isinstance(value, StrEnum) else value
    return values | derived_values(node.name, node.description)


def node_from_row(kind: NodeKind, row: Mapping[str, Any]) -> Node:
    get = row.get
    extras: dict[str, Any] = {}
    for f in KIND_SPECS[kind].fields:
        value = get(f.name)
        if f.choices is not None:
            extras[f.attribute] = _BY_VALUE[f.choices][value] if value else None
        else:
            extras[f.attribute] = _text(value)
    return Node(
        kind=kind,
        id=str(row["id"]),
        name=str(get("name") or ""),
        sources=tuple(get("sources") or ()),
        description=_text(get("description")),
        start=_text(get("start")),
        end=_text(get("end")),
        claims=_claims_from_json(_text(get("claims"))),
        identifiers=tuple(Identifier.from_key(key) for key in get(IDENTIFIERS) or ()),
        merged_from=tuple(get("mergedFrom") or ()),
        **extras,
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


def tie_batch(ties: Sequence[Tie]) -> pa.Table:
    """Ties as TIE_BATCH columns."""
    return pa.table(
        [
            [t.source for t in ties],
            [t.target for t in ties],
            [t.id for t in ties],
            [t.role for t in ties],
            [t.start for t in ties],
            [t.end for t in ties],
            [t.seat_type.value if t.seat_type else None for t in ties],
            [list(t.sources) for t in ties],
        ],
        schema=TIE_BATCH,
    )


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
