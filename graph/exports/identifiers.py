"""Where a node's identifiers in other registers (scheme, value) become links: the sameAs
URIs of the JSON-LD export and the `identifiers` array of the Popolo export. The one place the
exports read identifiers: `IdentifiersOf` gives a node's (by default those the store keeps)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import quote

from graph.model import Node

Identifier = tuple[str, str]
"""(scheme, value): a scheme as the API names it (WIKIDATA, ROR, ORCID, ISNI, YTUNNUS, URL)."""
IdentifiersOf = Callable[[Node], Sequence[Identifier]]

YTUNNUS_BASE = "https://tietopalvelu.ytj.fi/yritys/"
"""The Finnish Business Information System's public page of a business id (Y-tunnus): the
register's own address for it, so a business id links where anyone can check it."""

_WIKIDATA = re.compile(r"Q[1-9]\d*")
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")
_ROR = re.compile(r"0[a-z0-9]{6}\d{2}")
_ISNI = re.compile(r"\d{15}[\dX]")
_YTUNNUS = re.compile(r"\d{7}-\d")


def stored_identifiers(node: Node) -> Sequence[Identifier]:
    """The identifiers the store keeps for the node (people and organisations), normalised
    as graph/identifiers.py stores them."""
    return [(i.scheme.value, i.value) for i in node.identifiers]


def same_as_link(scheme: str, value: str) -> str | None:
    """The URI an identifier names the node by, or None for a scheme or value not understood
    (the exports leave it out rather than write a broken link)."""
    scheme, value = scheme.strip().upper(), value.strip()
    if scheme == "WIKIDATA":
        value = value.removeprefix("http://www.wikidata.org/entity/").upper()
        return f"http://www.wikidata.org/entity/{value}" if _WIKIDATA.fullmatch(value) else None
    if scheme == "ORCID":
        value = value.removeprefix("https://orcid.org/").upper()
        return f"https://orcid.org/{value}" if _ORCID.fullmatch(value) else None
    if scheme == "ROR":
        value = value.removeprefix("https://ror.org/").lower()
        return f"https://ror.org/{value}" if _ROR.fullmatch(value) else None
    if scheme == "ISNI":
        value = value.replace(" ", "").upper()
        return f"https://isni.org/isni/{value}" if _ISNI.fullmatch(value) else None
    if scheme == "YTUNNUS":
        return YTUNNUS_BASE + value if _YTUNNUS.fullmatch(value) else None
    if scheme == "URL":
        lowered = value.lower()
        if lowered.startswith(("http://", "https://")) and not any(c.isspace() for c in value):
            return quote(value, safe=":/?#[]@!$&'()*+,;=%-._~")
    return None


def same_as_links(identifiers: Sequence[Identifier]) -> list[str]:
    """Each identifier's URI once, in the order given; those not understood are left out."""
    links = (same_as_link(scheme, value) for scheme, value in identifiers)
    return list(dict.fromkeys(link for link in links if link is not None))


def popolo_identifiers(identifiers: Sequence[Identifier]) -> list[dict[str, str]]:
    """Popolo's `identifiers`: `{"scheme": "wikidata", "identifier": "Q42"}`, the scheme in
    lower case as Popolo's examples write it."""
    return [
        {"scheme": scheme.strip().lower(), "identifier": value.strip()}
        for scheme, value in identifiers
    ]
