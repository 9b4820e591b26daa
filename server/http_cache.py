"""What HTTP caches need of a GET query: an `ETag`, a `Cache-Control` and `Vary`, and
`If-None-Match` answered 304 with no body.

The ETag is a digest of what the answer depends on: the graph's version (the store's, which
every write moves on, and the count of mutations writers ran, which covers token writes), the
document, its variables and operation name, the asker's role and the media type answered. Its
key also holds a value drawn at random when the server starts, so no tag outlives the process
that made it (the database may have changed while no server ran). The role is in the key and
`Vary: Accept, Authorization` is sent, so neither a client that changes tokens nor a shared
cache is given an answer made for another role.

When only this process writes to its database (the embedded backend), the tag is known before
the query runs and a match is answered 304 without running it. When other processes may write
too (Neo4j), the store's version does not see their writes, so the tag also digests the
answer's bytes: the query runs, and a match is still answered 304 without the body.

Only answers without errors carry a tag; every other GET answer is `Cache-Control: no-store`,
so a cache never keeps a refusal (a PERSISTED_QUERY_NOT_FOUND above all).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

from starlette.datastructures import MutableHeaders
from starlette.responses import Response

from graph.tokens import Role
from schema.writes import WriteCount

VARY = ("Accept", "Authorization")
NO_STORE = "no-store"


@dataclass(frozen=True)
class Answer:
    """What a GET query's answer depends on, besides the graph."""

    document: str
    operation_name: str | None
    variables: Mapping[str, object] | None
    role: Role | None
    media_type: str


@dataclass
class EntityTags:
    cache_control: str
    sole_writer: bool
    """Only this process writes to the database: the store's version counts every write."""
    writes: WriteCount
    boot: str = field(default_factory=lambda: secrets.token_hex(16))

    def key(self, answer: Answer, graph_version: int) -> str:
        material = [
            self.boot,
            graph_version,
            self.writes.value,
            answer.role.value if answer.role else None,
            answer.media_type,
            answer.document,
            answer.operation_name,
            answer.variables or {},
        ]
        encoded = json.dumps(material, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()

    def before_running(self, key: str) -> str | None:
        """The tag of the answer, when it is known without running the query."""
        return _quoted(key) if self.sole_writer else None

    def of_answer(self, key: str, body: bytes) -> str:
        if self.sole_writer:
            return _quoted(key)
        return _quoted(hashlib.sha256(key.encode("ascii") + body).hexdigest())

    def mark(self, headers: MutableHeaders, etag: str | None) -> None:
        """Headers of a GET answer: its tag and Cache-Control, or no-store without a tag."""
        if etag is None:
            headers["Cache-Control"] = NO_STORE
        else:
            headers["ETag"] = etag
            headers["Cache-Control"] = self.cache_control
        for name in VARY:
            headers.add_vary_header(name)

    def not_modified(self, etag: str) -> Response:
        response = Response(status_code=304)
        self.mark(response.headers, etag)
        return response


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether If-None-Match names `etag` (weak comparison, as RFC 9110 asks for it)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


def _quoted(digest: str) -> str:
    return f'"{digest[:32]}"'
