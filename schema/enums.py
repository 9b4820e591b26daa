"""The model's enums registered as GraphQL enums, plus the API's own ordering enums.

Every enum and every value carries a description: `described` registers an enum from another
layer with a text for each of its members, and refuses one without.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from enum import Enum
from typing import TypeVar

import strawberry

from graph.model import Boundary, EventType, NodeKind, OrgType, SeatType, Sector, TieType

E = TypeVar("E", bound=type[Enum])


def described(enum: E, description: str, values: Mapping[str, str], name: str | None = None) -> E:
    """Registers `enum` (in place, so the schema uses the class itself) with a description and
    one for each member, by member name; a member without one is an error."""
    missing = sorted({member.name for member in enum} ^ values.keys())
    if missing:
        raise ValueError(f"{enum.__name__}: describe exactly its members; not {missing}")
    strawberry.enum(enum, name=name, description=description)
    definition = enum.__strawberry_definition__  # type: ignore[attr-defined]
    definition.values = [replace(v, description=values[v.name]) for v in definition.values]
    return enum


described(
    NodeKind,
    "The kind of a node; its GraphQL type has the same name in PascalCase.",
    {
        "PERSON": "A person in a public role: an elected official, a civil servant, a project "
        "worker.",
        "ORGANISATION": "A municipality, a city branch, an elected body, a company, an NGO, a "
        "school, a research institute, a residents' group...",
        "PROGRAMME": "A development programme, with a steering group and projects.",
        "PROJECT": "A project, pilot or service run within or beside a programme.",
        "OUTCOME": "Something that came of the work: a service, a model, a commitment.",
        "SOURCE": "A document, page or decision that facts cite.",
        "GOAL": "A goal a programme or project set itself.",
        "EVENT": "A dated event: a decision, a meeting, a visit, a training...",
        "STORY": "A development story, such as those of the Tekojen tori marketplace.",
    },
)
described(
    TieType,
    "The type of a tie (relationship); each joins only the kinds named, in that direction.",
    {
        "MEMBER_OF": "A person or organisation belongs to an organisation (a member, not an "
        "employee).",
        "EMPLOYED_BY": "A person works for an organisation.",
        "SITS_ON": "A person holds a seat on a programme's steering group (with its seat type).",
        "LEADS": "A person or organisation leads a programme or project (manager, owner, "
        "director).",
        "PARTICIPATES_IN": "A person or organisation takes part in a programme or project.",
        "PARTNER_IN": "An organisation is a partner in a programme or project: host, funder, "
        "coordinator.",
        "PART_OF": "A project or programme is part of a programme.",
        "PRODUCED": "A programme or project produced an outcome.",
        "ADOPTED": "An organisation, programme or project adopted an outcome.",
        "SUBUNIT_OF": "An organisation is a unit inside another (a department of a city).",
        "CONTINUED_BY": "A programme, project or outcome was carried on by another.",
        "RELATED_TO": "Two programmes or projects are related (no direction is meant).",
        "HAS_GOAL": "A programme or project set itself a goal.",
        "HAS_EVENT": "An event belongs to a programme or project.",
        "TOOK_PART_IN": "A person or organisation took part in an event.",
        "TELLS_OF": "A story tells of an organisation, programme, project or outcome.",
    },
)
described(
    Sector,
    "The sector an organisation belongs to: the SECTOR boundary's groups.",
    {
        "PUBLIC": "The state, municipalities, joint authorities and their units.",
        "PRIVATE": "Companies.",
        "THIRD_SECTOR": "Associations, foundations and other non-profits (NGOs).",
        "ACADEMIC": "Universities, research institutes and schools.",
        "RESIDENTS": "Residents and their groups.",
    },
)
described(
    OrgType,
    "What kind of organisation it is.",
    {
        "MUNICIPALITY": "A municipality or city as a whole.",
        "CITY_BRANCH": "A city's own administrative branch, department or unit.",
        "ELECTED_BODY": "A council, board or committee of elected officials.",
        "JOINT_AUTHORITY": "A joint municipal authority (kuntayhtymä), such as a hospital "
        "district.",
        "STATE_AGENCY": "A ministry or other agency of the state.",
        "FUND": "A fund or foundation that finances work.",
        "LABOUR_MARKET": "A trade union or an employers' organisation.",
        "COMPANY": "A company, municipally owned ones included.",
        "NGO": "An association or other non-governmental organisation.",
        "SCHOOL": "A school or other educational institution.",
        "RESEARCH": "A university or research institute.",
        "RESIDENT_GROUP": "A residents' group or community association.",
    },
)
described(
    SeatType,
    "Whether a steering-group seat is held by an elected official or a civil servant.",
    {
        "ELECTED_OFFICIAL": "Held by an elected official (a councillor).",
        "CIVIL_SERVANT": "Held by a civil servant (an official employed by the city).",
    },
)
described(
    EventType,
    "What kind of event it is.",
    {
        "DECISION": "A decision by a council, board or other body.",
        "MEETING": "A meeting, such as a steering group's.",
        "REPORT": "A report or evaluation published.",
        "VISIT": "A visit, such as a programme manager's to a municipality.",
        "TRAINING": "A training, such as one for internal developers.",
        "SPARRING": "A sparring session: coaching a workplace's development.",
        "WORKSHOP": "A workshop.",
        "LAUNCH": "A launch or opening of a service or project.",
        "COMMITMENT": "A commitment made, such as a pledge to a programme's goals.",
    },
)
described(
    Boundary,
    "A boundary a tie can cross: a tie crosses it when its two ends are on different sides, "
    "in the period asked for. Derived from the ends, never stored (docs/network-science.md).",
    {
        "SECTOR": "Public, private, third sector, academic or residents: an organisation's "
        "own sector (or the nearest above it), a person's employer's.",
        "BRANCH": "A city's administrative branch: an organisation's own (or the nearest "
        "above it), a person's employer's.",
        "ORGANISATION": "The organisation at the top of a unit's SUBUNIT_OF chain; a person's "
        "employer's.",
        "MUNICIPALITY": "The municipality an organisation is in (or the nearest above it has); "
        "a person's employer's.",
        "SEAT_TYPE": "Elected official or civil servant: the seat type of most of a person's "
        "steering-group seats in the scope.",
    },
)


@strawberry.enum(description="Sort order direction.")
class OrderDirection(Enum):
    ASC = strawberry.enum_value("ASC", description="Smallest first (A to Ö, earliest first).")
    DESC = strawberry.enum_value("DESC", description="Largest first (Ö to A, latest first).")


_BY_NAME = (
    "By name in Finnish order: case-insensitive, accents only breaking ties, å ä ö after z, "
    "v and w two letters (docs/search.md)."
)
_BY_ID = "By slug (the stable identifier), as code points."


@strawberry.enum(description="Fields a list of undated nodes can be sorted by.")
class EntityOrderField(Enum):
    NAME = strawberry.enum_value("nameKey", description=_BY_NAME)
    ID = strawberry.enum_value("id", description=_BY_ID)


@strawberry.enum(description="Fields a list of dated nodes can be sorted by.")
class DatedOrderField(Enum):
    NAME = strawberry.enum_value("nameKey", description=_BY_NAME)
    START = strawberry.enum_value(
        "start",
        description="By start date as written (`2013` before `2013-06`); undated ones first "
        "when ascending.",
    )
    END = strawberry.enum_value(
        "end",
        description="By end date as written; open-ended ones first when ascending.",
    )
    ID = strawberry.enum_value("id", description=_BY_ID)


__all__ = [
    "Boundary",
    "DatedOrderField",
    "EntityOrderField",
    "EventType",
    "NodeKind",
    "OrderDirection",
    "OrgType",
    "SeatType",
    "Sector",
    "TieType",
    "described",
]
