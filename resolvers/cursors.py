"""Opaque keyset cursors: the sort values of a row, tagged with the order they belong to."""

from __future__ import annotations

import base64
import binascii
import json

from graph.errors import BadInputError
from graph.store import Keyset


def encode(order_tag: str, keyset: Keyset) -> str:
    payload = json.dumps([order_tag, *keyset.values], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode(order_tag: str, cursor: str) -> Keyset:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        tag, *values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as error:
        raise BadInputError(f"Cursor '{cursor}' is malformed.", "after") from error
    if tag != order_tag or not values or not all(isinstance(v, str) for v in values):
        raise BadInputError(f"Cursor '{cursor}' does not belong to this list and order.", "after")
    return Keyset(tuple(values))
