"""What a request's query document must be before it is parsed: no deeper than MAX_NESTING (the
parser recurses, and a deep enough document would exhaust Python's stack), and a single
operation unless `operationName` picks one (graphql-core would otherwise run the first).

The check only lexes, and stops after `max_tokens` tokens: the schema's token limit refuses any
longer document before its parser could get further."""

from __future__ import annotations

from functools import lru_cache

from graphql import GraphQLError
from graphql.language import Lexer, Source, TokenKind

MAX_NESTING = 64
"""Deepest nesting of braces, brackets and parentheses; the depth limit refuses far less."""
_OPENING = {TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L}
_CLOSING = {TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R}
_OPERATIONS = {"query", "mutation", "subscription"}


class DocumentRefusedError(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


ACCEPTED = 512
"""How many accepted documents are remembered, so that a document asked for again is not
lexed again (refusals are not remembered: they raise)."""


@lru_cache(maxsize=ACCEPTED)
def check_document(query: str, operation_name: str | None, max_tokens: int) -> None:
    """DocumentRefusedError when the document is too deep or its operation is ambiguous. A
    document that does not even lex is left to the parser, which says where."""
    lexer = Lexer(Source(query))
    nesting = operations = 0
    between_definitions = True
    try:
        for _ in range(max_tokens):
            token = lexer.advance()
            if token.kind is TokenKind.EOF:
                break
            if between_definitions and nesting == 0:
                starts_operation = token.kind is TokenKind.BRACE_L or (
                    token.kind is TokenKind.NAME and token.value in _OPERATIONS
                )
                operations += starts_operation
                between_definitions = False
            if token.kind in _OPENING:
                nesting += 1
                if nesting > MAX_NESTING:
                    raise DocumentRefusedError(
                        f"The query is nested deeper than {MAX_NESTING} levels.",
                        "LIMIT_EXCEEDED",
                    )
            elif token.kind in _CLOSING:
                nesting -= 1
                between_definitions = nesting == 0 and token.kind is TokenKind.BRACE_R
    except GraphQLError:
        return
    if operations > 1 and operation_name is None:
        raise DocumentRefusedError(
            "The document holds several operations: name the one to run in operationName.",
            "BAD_INPUT",
        )
