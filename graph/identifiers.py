"""Identifiers in other registers: each scheme's form, check digit and normal spelling.

A value is normalised before it is stored or looked up, so one entity has one spelling:
a Wikidata entity's address becomes its bare Q-id, an ORCID iD's address its dashed
16 characters, and so on (docs/import-formats.md lists every rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlsplit

from stdnum.exceptions import ValidationError
from stdnum.fi import ytunnus
from stdnum.iso7064 import mod_11_2, mod_97_10

from graph.hygiene import text_problem
from graph.model import Identifier, Scheme

_WIKIDATA = re.compile(
    r"(?:https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/)?(Q[1-9][0-9]*)", re.IGNORECASE
)
_ROR = re.compile(r"(?:https?://)?(?:ror\.org/)?(0[0-9a-hjkmnp-tv-z]{6}[0-9]{2})", re.IGNORECASE)
_ORCID = re.compile(
    r"(?:https?://(?:www\.)?orcid\.org/)?([0-9]{4}-?[0-9]{4}-?[0-9]{4}-?[0-9]{3}[0-9X])"
)
_ISNI = re.compile(r"(?:https?://isni\.org/isni/)?([0-9 ]{15,19}[0-9X])", re.IGNORECASE)
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


class IdentifierError(ValueError):
    """A value that is not an identifier of its scheme; the message says why."""


def _wikidata(text: str) -> str:
    found = _WIKIDATA.fullmatch(text)
    if found is None:
        raise IdentifierError("a Wikidata id is Q and digits (Q42), or its wikidata.org address")
    return found.group(1).upper()


def _ror(text: str) -> str:
    found = _ROR.fullmatch(text)
    if found is None:
        raise IdentifierError(
            "a ROR id is 0, six letters or digits and two check digits (040af2s02), "
            "or its ror.org address"
        )
    value = found.group(1).lower()
    # The two digits are ISO 7064 mod 97-10 over the base-32 (Crockford) number before them.
    number = 0
    for char in value[1:7]:
        number = number * 32 + _CROCKFORD.index(char)
    if not mod_97_10.is_valid(f"{number}{value[7:]}"):
        raise IdentifierError(f"'{value}' is not a ROR id: its check digits do not match")
    return value


def _mod_11_2(text: str, pattern: re.Pattern[str], what: str) -> str:
    found = pattern.fullmatch(text)
    compact = None if found is None else re.sub(r"[ -]", "", found.group(1)).upper()
    if compact is None or len(compact) != 16:
        raise IdentifierError(f"an {what} is 16 characters, digits and a last check digit or X")
    if not mod_11_2.is_valid(compact):
        raise IdentifierError(f"'{text}' is not an {what}: its check digit does not match")
    return compact


def _orcid(text: str) -> str:
    compact = _mod_11_2(text, _ORCID, "ORCID iD")
    return "-".join(compact[i : i + 4] for i in range(0, 16, 4))


def _isni(text: str) -> str:
    return _mod_11_2(text, _ISNI, "ISNI")


def _ytunnus(text: str) -> str:
    try:
        return str(ytunnus.format(ytunnus.validate(text)))
    except ValidationError as error:
        raise IdentifierError(
            f"'{text}' is not a Finnish business id (Y-tunnus: seven digits, a dash and a check "
            f"digit, as 0116297-6): {str(error).rstrip('.').lower()}"
        ) from error


def _url(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
        raise IdentifierError("a URL identifier is an http or https address")
    return text


_NORMALISE: Mapping[Scheme, Callable[[str], str]] = {
    Scheme.WIKIDATA: _wikidata,
    Scheme.ROR: _ror,
    Scheme.ORCID: _orcid,
    Scheme.ISNI: _isni,
    Scheme.YTUNNUS: _ytunnus,
    Scheme.URL: _url,
}


def scheme_named(text: str) -> Scheme:
    """The scheme of that name, in any case (`wikidata`, `WIKIDATA`); IdentifierError if none."""
    member = Scheme.__members__.get(text.strip().upper())
    if member is None:
        known = ", ".join(Scheme.__members__)
        raise IdentifierError(f"'{text}' is not an identifier scheme; known: {known}")
    return member


def identifier(scheme: Scheme, value: str) -> Identifier:
    """The identifier, its value checked and normalised; IdentifierError says what is wrong."""
    text = value.strip()
    if not text:
        raise IdentifierError(f"a {scheme.value} identifier needs a value")
    problem = text_problem(text)
    if problem is not None:
        raise IdentifierError(f"a {scheme.value} identifier {problem}")
    return Identifier(scheme, _NORMALISE[scheme](text))


def united(*groups: Iterable[Identifier]) -> tuple[Identifier, ...]:
    """Every identifier of the groups once, in the order first given."""
    return tuple(dict.fromkeys(i for group in groups for i in group))
