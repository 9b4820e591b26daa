"""Relay global ids: an opaque, URL-safe encoding of a node's kind and its stable slug."""

from __future__ import annotations

import base64
import binascii
from functools import lru_cache

from graph.errors import BadInputError
from graph.hygiene import MAX_ID, id_problem, shown
from graph.model import NodeKind

MAX_GLOBAL_ID = 4 * (len("Organisation:") + 4 * MAX_ID) // 3 + 4
"""The longest global id a slug of MAX_ID characters (of up to 4 UTF-8 bytes each) gives."""


@lru_cache(maxsize=1 << 16)
def encode(kind: NodeKind, slug: str) -> str:
    """Cached: a network's edges name each of its nodes many times over."""
    return base64.urlsafe_b64encode(f"{kind.value}:{slug}".encode()).decode().rstrip("=")


def decode(global_id: str) -> tuple[NodeKind, str]:
    """The kind and slug of a global id; BadInputError (field `id`) for anything else, an
    undecodable or over-long id or a slug that breaks the id rules included."""
    if len(global_id) > MAX_GLOBAL_ID:
        raise BadInputError(
            f"'{shown(global_id)}' is not a Poikki node id: it is {len(global_id):,} characters "
            f"long (at most {MAX_GLOBAL_ID}).",
            "id",
        )
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        raw = base64.b64decode(padded.encode("ascii"), altchars=b"-_", validate=True)
        kind_name, _, slug = raw.decode().partition(":")
        kind = NodeKind(kind_name)
    except (binascii.Error, UnicodeError, ValueError) as error:
        raise BadInputError(f"'{shown(global_id)}' is not a Poikki node id.", "id") from error
    problem = id_problem(slug)
    if problem is not None:
        raise BadInputError(
            f"'{shown(global_id)}' is not a Poikki node id: its slug {problem}.", "id"
        )
    return kind, slug


def decode_as(kind: NodeKind, global_id: str) -> str:
    actual, slug = decode(global_id)
    if actual is not kind:
        raise BadInputError(f"'{global_id}' is the id of a {actual.value}, not a {kind.value}.")
    return slug
