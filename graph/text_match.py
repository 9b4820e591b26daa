"""How search matches text: folded text, and the relevance of a match.

Text is folded before it is compared, both what is stored and what is asked: diacritics go
(`päätös` and `paatos` both fold to `paatos`, `Malmö` to `malmo`, `é` to `e`), letters that
carry their stroke in the letter itself are spelt out (`ø` → `o`, `æ` → `ae`, `ß` → `ss`), case
goes (Unicode case folding) and runs of white space become one space. So matching ignores
case and Finnish and Swedish diacritics whichever side has them.

A node matches when its folded name or description contains the folded text. How well is a
`Tier`: the name is the text, starts with it, has a word starting with it, has it inside a
word, or only the description has it. Hits are ranked by tier, then by name in Finnish order
(graph/collation.py), then by id, so the order is total and pages are stable.
"""

from __future__ import annotations

import unicodedata
from enum import IntEnum

SEPARATOR = "\n"
"""Between the folded name and the folded description in `searchText`; folding makes every
other white space a space, so a folded query never contains it and a match never spans it."""

_SPELT_OUT = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D",
     "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ı": "i"}
)  # fmt: skip


def fold(text: str) -> str:
    """`text` as search compares it: no diacritics, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELT_OUT))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


class Tier(IntEnum):
    """How a node matches the folded text, best last; `score` is what clients see."""

    DESCRIPTION = 1
    """Only the description contains the text."""
    INSIDE_NAME = 2
    """The name contains it inside a word."""
    NAME_WORD = 3
    """A word of the name (after a space) starts with it."""
    NAME_PREFIX = 4
    """The name starts with it."""
    WHOLE_NAME = 5
    """The name is the text."""

    @property
    def score(self) -> float:
        """Relevance from 0.2 (the description only) to 1.0 (the whole name)."""
        return self.value / len(Tier)


def search_columns(name: str, description: str | None) -> dict[str, str]:
    """The stored columns search reads: the folded name (for the tier) and the folded name and
    description together (what a match is looked for in)."""
    folded_name = fold(name)
    return {
        "searchName": folded_name,
        "searchText": folded_name + SEPARATOR + fold(description or ""),
    }
