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
from schema.identifiers import IdentifierInput
from schema.kind_fields import about, kind_fields, with_kind_fields
from schema.scalars import PartialDate

SOURCES_HELP = "The sources that state this (global ids of Source nodes); at least one."
NAME_HELP = "Its name as the sources give it: one line, no control characters."
DESCRIPTION_HELP = "What it is, in a few sentences (may span lines)."
START_HELP = "When it began: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the source."
END_HELP = "When it ended, as `start`; not before the start."
CLEARS = " Null clears it; left out, it is not touched."
TIE_ROLE_HELP = "The role held through the tie, in the source's words (chair, member, host...)."
TIE_START_HELP = "When the tie began: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."
TIE_END_HELP = "When the tie ended, as `start`; left empty for an open-ended tie."
IDENTIFIERS_HELP = (
    "Its ids in other registers (people and organisations only), each checked and "
    "normalised; an id another node has is InvalidInput naming that node."
)
SEAT_HELP = "On a SITS_ON tie: whether the seat is an elected official's or a civil servant's."


@strawberry.input(description="A new node of any kind but Source (see createSource).")
@with_kind_fields(sources=False, before="sources")
class NodeInput:
    kind: NodeKind = strawberry.field(description="Which kind of node (not SOURCE).")
    name: str = strawberry.field(description=NAME_HELP)
    id: str | None = strawberry.field(
        default=None, description="The slug to give it (lower-case, dashes); made from the name."
    )
    description: str | None = strawberry.field(default=None, description=DESCRIPTION_HELP)
    start: PartialDate | None = strawberry.field(default=None, description=START_HELP)
    end: PartialDate | None = strawberry.field(default=None, description=END_HELP)
    sources: list[strawberry.ID] = strawberry.field(description=SOURCES_HELP)
    identifiers: list[IdentifierInput] | None = strawberry.field(
        default=None, description=IDENTIFIERS_HELP
    )


@strawberry.input(
    description="New values for a node's fields, with the sources that state them. A value "
    "from sources the node already cites corrects it; a different value from new sources is "
    "kept as a claim beside the stored one (both with their sources) unless `preferNew`."
)
@with_kind_fields(sources=True, before="prefer_new", default=strawberry.UNSET, note=CLEARS)
class NodeChangesInput:
    id: strawberry.ID = strawberry.field(description="The node's global id.")
    sources: list[strawberry.ID] = strawberry.field(description=SOURCES_HELP)
    name: str | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"{NAME_HELP} Required: it can be changed, never cleared (null is "
        "BAD_INPUT naming `name`).",
    )
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description=DESCRIPTION_HELP + CLEARS
    )
    start: PartialDate | None = strawberry.field(
        default=strawberry.UNSET, description=START_HELP + CLEARS
    )
    end: PartialDate | None = strawberry.field(
        default=strawberry.UNSET, description=END_HELP + CLEARS
    )
    identifiers: list[IdentifierInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Its ids in other registers, in place of those it has (not claims: an id "
        "is checked, not contested). People and organisations only." + CLEARS,
    )
    prefer_new: bool = strawberry.field(
        default=False, description="Make a contradicting value the node's value (both kept)."
    )


@strawberry.input(description="A new source: a document, page or decision facts cite.")
class SourceInput:
    title: str = strawberry.field(description="Its title as published: one line.")
    id: str | None = strawberry.field(
        default=None, description="The slug to give it (lower-case, dashes); made from the title."
    )
    publisher: str | None = strawberry.field(default=None, description=about("publisher"))
    date: PartialDate | None = strawberry.field(
        default=None, description="When it was published: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."
    )
    url: str | None = strawberry.field(default=None, description=about("url"))
    language: str | None = strawberry.field(default=None, description=about("language"))
    description: str | None = strawberry.field(
        default=None, description="What it is or says, in a few sentences (may span lines)."
    )


@strawberry.input(description="A tie between two nodes; linking again with the same id updates it.")
class LinkInput:
    type: TieType = strawberry.field(
        description="The tie's type; it must join the two nodes' kinds in this direction."
    )
    source: strawberry.ID = strawberry.field(description="The global id of the tie's start.")
    target: strawberry.ID = strawberry.field(description="The global id of the tie's end.")
    sources: list[strawberry.ID] = strawberry.field(description=SOURCES_HELP)
    id: str | None = strawberry.field(
        default=None, description="The tie's id; by default made of its type and its ends."
    )
    role: str | None = strawberry.field(default=None, description=TIE_ROLE_HELP)
    start: PartialDate | None = strawberry.field(default=None, description=TIE_START_HELP)
    end: PartialDate | None = strawberry.field(default=None, description=TIE_END_HELP)
    seat_type: SeatType | None = strawberry.field(default=None, description=SEAT_HELP)


@strawberry.input(description="New values for a tie's fields, with the sources that state them.")
class TieChangesInput:
    id: str = strawberry.field(description="The tie's id (a TieEdge's `tieId`).")
    sources: list[strawberry.ID] = strawberry.field(description=SOURCES_HELP)
    type: TieType | None = strawberry.field(
        default=None, description="The tie's type, if known: speeds up the lookup."
    )
    role: str | None = strawberry.field(
        default=strawberry.UNSET, description=TIE_ROLE_HELP + CLEARS
    )
    start: PartialDate | None = strawberry.field(
        default=strawberry.UNSET, description=TIE_START_HELP + CLEARS
    )
    end: PartialDate | None = strawberry.field(
        default=strawberry.UNSET, description=TIE_END_HELP + CLEARS
    )
    seat_type: SeatType | None = strawberry.field(
        default=strawberry.UNSET, description=SEAT_HELP + CLEARS
    )


@strawberry.input(description="One file of an import: its name picks the format.")
class ImportFileInput:
    name: str = strawberry.field(
        description="`*.jsonl` (Poikki JSON Lines), `nodes.csv`/`ties.csv`/`sources.csv` (a CSV "
        "bundle) or `*.json` (Popolo)."
    )
    content: str = strawberry.field(
        description="The file's whole text (UTF-8); docs/import-formats.md gives each format."
    )


NODE_FIELDS = {
    **{name: name for name in ("name", "description", "start", "end", "identifiers")},
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


def identifier_pairs(values: dict[str, Any]) -> dict[str, Any]:
    """The values with `identifiers` as the curation layer takes them: (scheme, value) pairs;
    an explicit null (clear them) as none."""
    if "identifiers" in values:
        given = values["identifiers"] or []
        values = values | {"identifiers": [(i.scheme.value, i.value) for i in given]}
    return values


def changes(input_: object, fields: dict[str, str]) -> dict[str, Any]:
    """The fields a client gave on an update input, named as the curation layer names them:
    a value sets the field, None (an explicit null) clears it; fields left out are not here."""
    values = {name: getattr(input_, attribute, UNSET) for attribute, name in fields.items()}
    return {name: value for name, value in values.items() if value is not UNSET}
