"""Only listed documents run (POIKKI_PERSISTED_ONLY): any other is refused with FORBIDDEN
in place of its validation (nothing about the schema is told), over HTTP and the websocket
alike, whoever asks. A document is listed
when its SHA-256 (of its text in UTF-8) is on the persisted list; server/persisted_queries.py
turns a hash a client sends into the listed text, which then passes here."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

MESSAGE = (
    "This server runs only the documents on its persisted list, and this one is not on it"
    " (send a listed document, or its hash in extensions.persistedQuery)."
)


class OnlyListed(SchemaExtension):
    def __init__(self, *, hashes: frozenset[str]) -> None:
        self.hashes = hashes

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.query and document_hash(context.query) not in self.hashes:
            # Set before validation, it stands in for it (strawberry then validates nothing).
            context.pre_execution_errors = [GraphQLError(MESSAGE, extensions={"code": "FORBIDDEN"})]
        yield


def document_hash(document: str) -> str:
    """A document's id in the persisted list and in Automatic Persisted Queries: the SHA-256
    of its text in UTF-8, lowercase hex."""
    return hashlib.sha256(document.encode("utf-8")).hexdigest()
