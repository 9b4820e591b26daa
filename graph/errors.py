"""Poikki's own errors. Backends translate driver errors into these at the edge."""

from __future__ import annotations


class PoikkiError(Exception):
    """Base of every error Poikki raises on purpose."""

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled whole (a computing child sends its errors back), whatever the subclass's
        # constructor takes.
        return (_rebuilt, (type(self), self.args, dict(vars(self))))


def _rebuilt(
    kind: type[PoikkiError], args: tuple[object, ...], state: dict[str, object]
) -> PoikkiError:
    error = kind.__new__(kind)
    error.args = args
    vars(error).update(state)
    return error


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
