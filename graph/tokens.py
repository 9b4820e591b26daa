"""Bearer tokens and the roles they carry. Only a token's SHA-256 digest is stored: a token is
32 random bytes, so a fast hash is enough (there is nothing to guess by brute force)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum

from graph.errors import BadInputError
from graph.hygiene import shown

TOKEN_PREFIX = "poikki_"
MAX_NAME = 100


class Role(StrEnum):
    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"

    def allows(self, needed: Role) -> bool:
        order = (Role.READER, Role.EDITOR, Role.ADMIN)
        return order.index(self) >= order.index(needed)


@dataclass(frozen=True)
class ApiToken:
    name: str
    role: Role
    digest: str
    created: str
    """ISO 8601 timestamp (UTC)."""


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def checked_name(name: str) -> str:
    """A token's name, trimmed: 1 to MAX_NAME printable characters; BadInputError if not."""
    trimmed = name.strip()
    if not 1 <= len(trimmed) <= MAX_NAME or not trimmed.isprintable():
        raise BadInputError(
            f"A token's name is 1 to {MAX_NAME} printable characters (no control characters); "
            f"got '{shown(name)}'.",
            "name",
        )
    return trimmed
