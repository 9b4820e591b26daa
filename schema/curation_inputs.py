"""Inputs of the curation mutations. Fields left out are not touched; sources are global ids.

In the update inputs (`NodeChangesInput`, `TieChangesInput`) an explicit null clears an
optional field, so their fields default to UNSET (left out), not None; `changes` tells the two
apart. In the create inputs null and left out both mean "no value".
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import UNSET

from schema.enums import NodeKind, SeatType, TieType
from schema.kind_fields import kind_fields, with_kind_fields
from schema.scalars import PartialDate

SOURCES_HELP = "The sources that state this (global ids of Source nodes); at least one."


@strawberry.input(description="A new node of any kind but Source (see createSource).")
@with_kind_fields(sources=False, before="sources")
class NodeInput:
    kind: NodeKind
    name: str
    id: str | None = strawberry.field(
        default=None, description="The slug to give it (lower-case, dashes); made from the name."
    )
    description: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    sources: list[strawberry.ID] = strawberry.field(description=SOURCES_HELP)


@strawberry.input(
    description="New values for a node's fields, with the sources that state them. A value "
    "from sources the node already cites corrects it; a different value from new sources is "
    "kept as a claim beside the stored one (both with their sources) unless `preferNew`."
)
@with_kind_fields(sources=True, before="prefer_new", default=strawberry.UNSET)
class NodeChangesInput:
    id: strawberry.ID
    sources: list[strawberry.ID] = strawberry.field(description=SOURCES_HELP)
    name: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    start: PartialDate | None = strawberry.UNSET
    end: PartialDate | None = strawberry.UNSET
    prefer_new: bool = strawberry.field(
        default=False, description="Make a contradicting value the node's value (both kept)."
    )


@strawberry.input(description="A new source: a document, page or decision facts cite.")
class SourceInput:
    title: str
    id: str | None = None
    publisher: str | None = None
    date: PartialDate | None = strawberry.field(default=None, description="When it was published.")
    url: str | None = strawberry.field(default=None, description="Where it can be read.")
    language: str | None = strawberry.field(default=None, description="e.g. fi, sv, en.")
    description: str | None = None


@strawberry.input(description="A tie between two nodes; linking again with the same id updates it.")
class LinkInput:
    type: TieType
    source: strawberry.ID
    target: strawberry.ID
    sources: list[strawberry.ID] = strawberry.field(description=SOURCES_HELP)
    id: str | None = strawberry.field(
        default=None, description="The tie's id; by default made of its type and its ends."
    )
    role: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    seat_type: SeatType | None = None


@strawberry.input(description="New values for a tie's fields, with the sources that state them.")
class TieChangesInput:
    id: str
    sources: list[strawberry.ID] = strawberry.field(description=SOURCES_HELP)
    type: TieType | None = strawberry.field(default=None, description="Speeds up the lookup.")
    role: str | None = strawberry.UNSET
    start: PartialDate | None = strawberry.UNSET
    end: PartialDate | None = strawberry.UNSET
    seat_type: SeatType | None = strawberry.UNSET


@strawberry.input(description="One file of an import: its name picks the format.")
class ImportFileInput:
    name: str = strawberry.field(
        description="`*.jsonl` (Poikki JSON Lines), `nodes.csv`/`ties.csv`/`sources.csv` (a CSV "
        "bundle) or `*.json` (Popolo)."
    )
    content: str


NODE_FIELDS = {
    **{name: name for name in ("name", "description", "start", "end")},
    **{attribute: field.name for attribute, field in kind_fields(sources=True).items()},
}
SOURCE_FIELDS = {
    "title": "name",
    "description": "description",
    "date": "start",
    "publisher": "publisher",
    "url": "url",
    "language": "language",
}
TIE_FIELDS = {"role": "role", "start": "start", "end": "end", "seat_type": "seatType"}


def given(input_: object, fields: dict[str, str]) -> dict[str, Any]:
    """The fields a client set to a value on a create input, named as the curation layer
    names them."""
    values = {name: getattr(input_, attribute, None) for attribute, name in fields.items()}
    return {name: value for name, value in values.items() if value is not None}


def changes(input_: object, fields: dict[str, str]) -> dict[str, Any]:
    """The fields a client gave on an update input, named as the curation layer names them:
    a value sets the field, None (an explicit null) clears it; fields left out are not here."""
    values = {name: getattr(input_, attribute, UNSET) for attribute, name in fields.items()}
    return {name: value for name, value in values.items() if value is not UNSET}
