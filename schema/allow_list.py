"""Only listed documents run (POIKKI_PERSISTED_ONLY): any other is refused with FORBIDDEN
before it is parsed, over HTTP and the websocket alike, whoever asks. A document is listed
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

    def on_operation(self) -> Iterator[None]:
        query = self.execution_context.query
        if query and document_hash(query) not in self.hashes:
            raise GraphQLError(MESSAGE, extensions={"code": "FORBIDDEN"})
        yield


def document_hash(document: str) -> str:
    """A document's id in the persisted list and in Automatic Persisted Queries: the SHA-256
    of its text in UTF-8, lowercase hex."""
    return hashlib.sha256(document.encode("utf-8")).hexdigest()
