"""Poikki's own errors. Backends translate driver errors into these at the edge."""

from __future__ import annotations


class PoikkiError(Exception):
    """Base of every error Poikki raises on purpose."""


class NotFoundError(PoikkiError):
    def __init__(self, what: str, ident: str) -> None:
        super().__init__(f"{what} '{ident}' does not exist.")
        self.what = what
        self.ident = ident


class BadInputError(PoikkiError):
    """Input the caller can correct; `field` names what is wrong when one field is to blame."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class LimitExceededError(PoikkiError):
    pass


class StoreUnavailableError(PoikkiError):
    """The database cannot be reached or opened (for example another process holds it)."""
