"""ISO 8601 dates of reduced precision ("2013", "2013-06", "2013-06-10"), as sources give them.

Only ASCII digits, and nothing before or after: "2013\\n" and "٢٠١٣" are not dates.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from graph.hygiene import shown

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


def check(text: str) -> str:
    """Return `text` if it is a valid reduced-precision date; raise ValueError naming it if not."""
    match = _PARTIAL_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"'{shown(text)}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError as error:
        raise ValueError(f"'{text}' is not a calendar date.") from error
    return text


def first_day(text: str) -> str:
    """The earliest full date a reduced-precision date can mean."""
    text = _stored(text)
    return {4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text)


def last_day(text: str) -> str:
    """The latest full date a reduced-precision date can mean."""
    text = _stored(text)
    if len(text) == 4:
        return f"{text}-12-31"
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        return f"{text}-{calendar.monthrange(year, month)[1]:02d}"
    return text


def _stored(text: str) -> str:
    """A date as `check` accepts it. Dates stored before the rule was strict may have kept
    surrounding whitespace or other scripts' digits: those are read as the date they spell."""
    if _PARTIAL_DATE.fullmatch(text):
        return check(text)
    spelled = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text.strip())
    return check(spelled)


# Dates compared by the day they reach: a date of reduced precision padded with a month and
# day no calendar has ("2013" → "2013-00-00" to find the earliest, "2013-99-99" the latest)
# sorts as text by its first or its last day, and a coarser date before or after a finer one
# that reaches the same day ("2013" before "2013-01-01"; "2013" after "2013-12-31").
EARLY_PAD = "-00"
LATE_PAD = "-99"


def padded(text: str, pad: str) -> str:
    """`text` padded to a full date with `pad` (EARLY_PAD or LATE_PAD)."""
    return text + {4: pad + pad, 7: pad}.get(len(text), "")


def unpadded(text: str, pad: str) -> str:
    """The date `padded` made `text` from."""
    while text.endswith(pad):
        text = text[: -len(pad)]
    return text


def year(text: str) -> str:
    """The year a date of any precision falls in: its first four characters."""
    return text[:4]
