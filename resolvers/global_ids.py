"""Relay global ids: an opaque, URL-safe encoding of a node's kind and its stable slug."""

from __future__ import annotations

import base64
import binascii

from graph.errors import BadInputError
from graph.model import NodeKind


def encode(kind: NodeKind, slug: str) -> str:
    return base64.urlsafe_b64encode(f"{kind.value}:{slug}".encode()).decode().rstrip("=")


def decode(global_id: str) -> tuple[NodeKind, str]:
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        kind_name, _, slug = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
        kind = NodeKind(kind_name)
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise BadInputError(f"'{global_id}' is not a Poikki node id.", "id") from error
    if not slug:
        raise BadInputError(f"'{global_id}' is not a Poikki node id.", "id")
    return kind, slug


def decode_as(kind: NodeKind, global_id: str) -> str:
    actual, slug = decode(global_id)
    if actual is not kind:
        raise BadInputError(f"'{global_id}' is the id of a {actual.value}, not a {kind.value}.")
    return slug
