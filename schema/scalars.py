"""Custom scalars."""

from __future__ import annotations

from typing import NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

from graph import dates
from graph.errors import BadInputError


def _parse(value: object) -> str:
    if not isinstance(value, str):
        raise BadInputError("A PartialDate must be a string such as 2013, 2013-06 or 2013-06-10.")
    try:
        return dates.check(value)
    except ValueError as error:
        raise BadInputError(str(error)) from error


PartialDate = NewType("PartialDate", str)


def partial_date(value: str | None) -> PartialDate | None:
    return None if value is None else PartialDate(value)


SCALARS: dict[object, ScalarDefinition] = {
    PartialDate: strawberry.scalar(
        name="PartialDate",
        serialize=str,
        parse_value=_parse,
        description=(
            "An ISO 8601 date of the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD."
        ),
    )
}
