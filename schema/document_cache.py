"""Parsing and validating a query document once per distinct text, not once per request.

strawberry's own ParserCache parses in its hook, where a document that does not parse raises
past the error handling (no `extensions.code`); here such a document is left to strawberry's
parse step, which reports it as it reports any.

strawberry's ValidationCache keys on the validation rules too, and its depth and alias limiters
make new rule classes for every request, so it never hits. The rules here are fixed for the
life of the schema, so a document's validation errors depend on its text alone.

The two extensions also put the limits in force themselves (the token limit for parsing, the
depth and alias rules for validation), which strawberry's MaxTokensLimiter and
AddValidationRules would do in two more extensions: each is made and entered for every
request (~25 µs each).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import suppress
from functools import lru_cache

from graphql import ASTValidationRule, DocumentNode, GraphQLError, parse
from strawberry.extensions import SchemaExtension

PARSED = 512
"""How many parsed documents are kept, least recently used out first."""


@lru_cache(maxsize=PARSED)
def _parsed(text: str, max_tokens: int | None) -> DocumentNode:
    return parse(text, max_tokens=max_tokens)


class ParseOnce(SchemaExtension):
    """A document's text parsed once (with the token limit in force), its tree reused."""

    def __init__(self, *, max_tokens: int | None = None) -> None:
        self.max_tokens = max_tokens

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        options = context.parse_options
        if self.max_tokens is not None:
            # Also read by strawberry's parse step, for a document parsed (and refused) there.
            options["max_tokens"] = self.max_tokens
        if context.query is not None and set(options) <= {"max_tokens"}:
            # A document that does not parse is parsed again by strawberry's parse step, which
            # reports it as it reports any.
            with suppress(GraphQLError):
                context.graphql_document = _parsed(context.query, options.get("max_tokens"))
        yield


class ValidatedDocuments:
    """The validation errors of each query text seen, least recently used out first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._errors: OrderedDict[str, list[GraphQLError]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> list[GraphQLError] | None:
        with self._lock:
            found = self._errors.get(text)
            if found is not None:
                self._errors.move_to_end(text)
            return found

    def put(self, text: str, errors: list[GraphQLError]) -> None:
        with self._lock:
            self._errors[text] = errors
            while len(self._errors) > self.size:
                self._errors.popitem(last=False)


class ValidateOnce(SchemaExtension):
    """A document's validation errors found once per text, with `rules` added to strawberry's
    (the same rule classes for every request)."""

    def __init__(
        self, *, documents: ValidatedDocuments, rules: Sequence[type[ASTValidationRule]] = ()
    ) -> None:
        self.documents = documents
        self.rules = tuple(rules)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if self.rules:
            context.validation_rules = (*context.validation_rules, *self.rules)
        text = context.query
        known = self.documents.get(text) if text is not None else None
        if known is not None:
            context.pre_execution_errors = list(known)
        yield
        if known is None and text is not None and context.pre_execution_errors is not None:
            self.documents.put(text, list(context.pre_execution_errors))
