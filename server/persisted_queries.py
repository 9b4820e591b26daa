"""Automatic Persisted Queries as Apollo Client speaks them: a request may name its document
by hash, `extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex>"}`, the SHA-256 of
the document's text in UTF-8.

- Hash only, and the document is known: it runs (over GET too, so a CDN can cache the GET).
- Hash only, and it is not: `PersistedQueryNotFound`, coded PERSISTED_QUERY_NOT_FOUND (HTTP 200
  with application/json, 404 with application/graphql-response+json); Apollo Client then sends
  the hash with the query.
- Hash and query: the hash must be the query's (else BAD_INPUT, 400); the query runs and, once
  it has parsed and validated, is learnt under its hash.

Learnt documents are kept in memory per process, the least recently used dropped first, so
each process of a deployment learns them on its own (a client re-sends on NOT_FOUND, which is
always correct). The documents of the persisted list are known from the start and never
dropped. With POIKKI_PERSISTED_ONLY an unknown hash is FORBIDDEN instead of NOT_FOUND, as
re-sending the query could not help (schema/allow_list.py refuses it).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass

from schema.allow_list import document_hash
from server.refusals import RequestRefusedError

VERSION = 1
NOT_FOUND = "PersistedQueryNotFound"
"""Apollo's exact message, which Apollo Client matches as well as the code."""
MAX_LEARNT_CHARACTERS = 65_536
"""A longer document runs but is not learnt, so the store holds at most size × this."""
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


@dataclass(frozen=True)
class Resolved:
    """The document a request runs, and the hash to learn it under once it has run."""

    document: str | None
    learn_as: str | None = None


class PersistedQueries:
    def __init__(self, listed: Mapping[str, str], *, size: int, only: bool = False) -> None:
        self.listed = dict(listed)
        self.size = size
        self.only = only
        self._learnt: OrderedDict[str, str] = OrderedDict()

    def resolve(self, query: str | None, extensions: Mapping[str, object] | None) -> Resolved:
        """The document a request names; RequestRefusedError when it names none it may run."""
        persisted = (extensions or {}).get("persistedQuery")
        if persisted is None:
            return Resolved(query)
        sha256 = _hash_of(persisted)
        if query is not None:
            if document_hash(query) != sha256:
                raise RequestRefusedError(
                    400, "The persistedQuery's sha256Hash is not the SHA-256 of the query sent."
                )
            known = sha256 in self.listed or self.only
            return Resolved(query, None if known else sha256)
        document = self.listed.get(sha256) or self._recalled(sha256)
        if document is not None:
            return Resolved(document)
        if self.only:
            raise RequestRefusedError(
                403,
                "This server runs only the documents on its persisted list; this hash is not"
                " on it.",
                "FORBIDDEN",
                json_status=200,
            )
        raise RequestRefusedError(404, NOT_FOUND, "PERSISTED_QUERY_NOT_FOUND", json_status=200)

    def learn(self, sha256: str, document: str) -> None:
        if self.size == 0 or len(document) > MAX_LEARNT_CHARACTERS:
            return
        self._learnt[sha256] = document
        self._learnt.move_to_end(sha256)
        while len(self._learnt) > self.size:
            self._learnt.popitem(last=False)

    def _recalled(self, sha256: str) -> str | None:
        found = self._learnt.get(sha256)
        if found is not None:
            self._learnt.move_to_end(sha256)
        return found


def _hash_of(persisted: object) -> str:
    if not isinstance(persisted, Mapping) or persisted.get("version") != VERSION:
        raise RequestRefusedError(
            400, f'`extensions.persistedQuery` must be {{"version": {VERSION}, "sha256Hash": …}}.'
        )
    sha256 = persisted.get("sha256Hash")
    if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        raise RequestRefusedError(
            400, "`extensions.persistedQuery.sha256Hash` must be 64 hexadecimal digits."
        )
    return sha256.lower()
