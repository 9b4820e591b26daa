"""The model's enums as GraphQL enums, plus the API's own ordering enums."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph import model

NodeKind = strawberry.enum(model.NodeKind, description="The kind of a node.")
TieType = strawberry.enum(model.TieType, description="The type of a tie (relationship).")
Sector = strawberry.enum(model.Sector, description="The sector an organisation belongs to.")
OrgType = strawberry.enum(model.OrgType, description="What kind of organisation it is.")
SeatType = strawberry.enum(
    model.SeatType, description="Whether a steering-group seat is held by an elected official."
)
EventType = strawberry.enum(model.EventType, description="What kind of event it is.")


@strawberry.enum(description="Sort order direction.")
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.enum(description="Fields a list of undated nodes can be sorted by.")
class EntityOrderField(Enum):
    NAME = "name"
    ID = "id"


@strawberry.enum(description="Fields a list of dated nodes can be sorted by.")
class DatedOrderField(Enum):
    NAME = "name"
    START = "start"
    END = "end"
    ID = "id"
