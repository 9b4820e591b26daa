"""Every error a client sees carries `extensions.code`; unexpected ones are masked and logged."""

from __future__ import annotations

import logging
import re

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from graph.analytics.isolation import ComputationFailedError
from graph.errors import (
    BadInputError,
    LimitExceededError,
    NotFoundError,
    PoikkiError,
    StoreUnavailableError,
)
from resolvers.auth import ForbiddenError

logger = logging.getLogger("poikki.errors")

_CODES: dict[type[PoikkiError], str] = {
    NotFoundError: "NOT_FOUND",
    BadInputError: "BAD_INPUT",
    LimitExceededError: "LIMIT_EXCEEDED",
    StoreUnavailableError: "UNAVAILABLE",
    ComputationFailedError: "UNAVAILABLE",
    ForbiddenError: "FORBIDDEN",
}
# Messages of strawberry's depth and alias limiters and graphql-core's token limit.
_LIMIT_MESSAGES = re.compile(
    r"exceeds maximum operation depth"
    r"|aliases found\. Allowed"
    r"|Document contains more than \d+ tokens"
)


def code_of(error: GraphQLError) -> str | None:
    """The code a client can act on, or None when the error is unexpected."""
    given = (error.extensions or {}).get("code")
    if given in _CODES.values() and error.original_error is None:
        return str(given)
    original = error.original_error
    if isinstance(original, PoikkiError):
        return next(code for kind, code in _CODES.items() if isinstance(original, kind))
    if original is None or isinstance(original, GraphQLError):
        # Raised by graphql-core itself: parsing, validation, coercing variables and values.
        if _LIMIT_MESSAGES.search(error.message):
            return "LIMIT_EXCEEDED"
        return "BAD_INPUT"
    return None


def is_expected(error: GraphQLError) -> bool:
    return code_of(error) is not None


class ErrorCodes(MaskErrors):
    """Adds `extensions.code` to expected errors; masks the rest as INTERNAL_SERVER_ERROR."""

    def __init__(self) -> None:
        super().__init__(error_message="Unexpected error.")

    def _process_result(self, result: object) -> None:
        # MaskErrors asks first whether the result is one with errors, a runtime-checked
        # protocol (~4 µs a request); an answer without errors has nothing to process.
        if getattr(result, "errors", None):
            super()._process_result(result)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [self._with_code(error) for error in errors]

    def _with_code(self, error: GraphQLError) -> GraphQLError:
        code = code_of(error)
        if code is None:
            logger.error("Unexpected error at %s", error.path, exc_info=error.original_error)
            masked = self.anonymise_error(error)
            masked.extensions = {"code": "INTERNAL_SERVER_ERROR"}
            return masked
        extensions = dict(error.extensions or {})
        extensions["code"] = code
        field = getattr(error.original_error, "field", None)
        if field:
            extensions["field"] = field
        error.extensions = extensions
        return error
