"""The model's enums registered as GraphQL enums, plus the API's own ordering enums."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.model import EventType, NodeKind, OrgType, SeatType, Sector, TieType

# strawberry.enum registers a class in place, so the schema uses the model's own enums.
for _enum, _description in (
    (NodeKind, "The kind of a node."),
    (TieType, "The type of a tie (relationship)."),
    (Sector, "The sector an organisation belongs to."),
    (OrgType, "What kind of organisation it is."),
    (SeatType, "Whether a steering-group seat is held by an elected official or a civil servant."),
    (EventType, "What kind of event it is."),
):
    strawberry.enum(_enum, description=_description)


@strawberry.enum(description="Sort order direction.")
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.enum(description="Fields a list of undated nodes can be sorted by.")
class EntityOrderField(Enum):
    NAME = "nameKey"
    ID = "id"


@strawberry.enum(description="Fields a list of dated nodes can be sorted by.")
class DatedOrderField(Enum):
    NAME = "nameKey"
    START = "start"
    END = "end"
    ID = "id"


__all__ = [
    "DatedOrderField",
    "EntityOrderField",
    "EventType",
    "NodeKind",
    "OrderDirection",
    "OrgType",
    "SeatType",
    "Sector",
    "TieType",
]
