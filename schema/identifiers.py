"""Identifiers in other registers as GraphQL shows and takes them."""

from __future__ import annotations

import strawberry

from graph.model import Scheme
from schema.enums import described

described(
    Scheme,
    "A register whose ids people and organisations carry; values are checked and normalised "
    "(docs/import-formats.md).",
    {
        "WIKIDATA": "A Wikidata entity: Q and digits (a wikidata.org address becomes its Q-id).",
        "ROR": "A Research Organization Registry id: 9 characters, checked (a ror.org address "
        "becomes its id).",
        "ORCID": "A researcher's ORCID iD, its check digit checked (ISO 7064 11,2); kept as "
        "0000-0002-1825-0097 (an orcid.org address becomes that).",
        "ISNI": "An International Standard Name Identifier: 16 characters, its check digit "
        "checked; kept without spaces.",
        "YTUNNUS": "A Finnish business id (Y-tunnus), its check digit checked; kept as 0116297-6.",
        "URL": "An http or https address that identifies it (a home page, a register's page).",
    },
    name="IdentifierScheme",
)


@strawberry.type(description="The node's id in another register.")
class Identifier:
    scheme: Scheme = strawberry.field(description="The register.")
    value: str = strawberry.field(description="The id there, normalised (Q42, not its address).")


@strawberry.input(description="An id in another register; checked and normalised per scheme.")
class IdentifierInput:
    scheme: Scheme = strawberry.field(description="The register.")
    value: str = strawberry.field(
        description="The id, or an address that holds it (https://www.wikidata.org/wiki/Q42)."
    )
