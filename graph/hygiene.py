"""Input hygiene: the rules for text that enters Poikki, applied by every path that writes or
parses what a client sends, so that nothing stored can break a reader, a file format or the CLI.

- One-line text (names, titles, roles, urls, ...) holds no control character (Unicode Cc: C0,
  DEL and C1, NUL included), no line or paragraph separator, no lone surrogate and neither of
  the noncharacters U+FFFE and U+FFFF.
- Many-line text (descriptions, the values of claims) follows the same rule but may hold tab,
  newline, carriage return and the line and paragraph separators.
- An id is 1 to MAX_ID characters of one-line text without whitespace.
- JSON a client hands over (cursors, import files) nests at most MAX_JSON_DEPTH arrays and
  objects; deeper JSON is refused before it is parsed.
"""

from __future__ import annotations

import re

from graph.errors import BadInputError

MAX_ID = 200
MAX_JSON_DEPTH = 100
SHOWN = 60
TOO_DEEP = f"the JSON nests arrays and objects more than {MAX_JSON_DEPTH} deep"

_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_NOT_MANY_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_WHITESPACE = re.compile(r"\s")
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What XML 1.0 cannot hold, even escaped (its Char production)."""
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\Z)|[\[\]{}]', re.DOTALL)


def text_problem(value: str, *, many_lines: bool = False) -> str | None:
    """What is wrong with `value` as text (as "contains ..."), or None when it is fine."""
    found = (_NOT_MANY_LINES if many_lines else _NOT_ONE_LINE).search(value)
    if found is None:
        return None
    char = found.group()
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"contains a lone surrogate {code}, which is not a character"
    if char in "\ufffe\uffff":
        return f"contains {code}, which is not a character"
    if many_lines or char not in "\t\n\r\u2028\u2029":
        return f"contains the control character {code}"
    return f"contains a line break or tab ({code}); only a description may hold one"


def id_problem(value: str) -> str | None:
    """What is wrong with `value` as an id, or None when it is fine."""
    if not value:
        return "is empty"
    if len(value) > MAX_ID:
        return f"is {len(value):,} characters long; an id has at most {MAX_ID}"
    problem = text_problem(value)
    if problem is None and _WHITESPACE.search(value):
        problem = "contains whitespace"
    return problem


def check_text(field: str, value: str, *, many_lines: bool = False) -> str:
    """`value`, or BadInputError naming `field`."""
    problem = text_problem(value, many_lines=many_lines)
    if problem is not None:
        raise BadInputError(f"'{field}' {problem}.", field)
    return value


def check_id(field: str, value: str) -> str:
    """`value`, or BadInputError naming `field`."""
    problem = id_problem(value)
    if problem is not None:
        raise BadInputError(f"The id in '{field}' {problem}.", field)
    return value


def too_deep_at(text: str, limit: int = MAX_JSON_DEPTH) -> int | None:
    """Where JSON `text` opens its array or object deeper than `limit`, or None if it never
    does. Brackets inside strings do not count; the text need not be valid JSON."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > limit:
                return token.start()
        elif bracket in "]}":
            depth -= 1
    return None


def shown(value: str) -> str:
    """`value` as a message may quote it: short, with anything unprintable escaped."""
    cut = value if len(value) <= SHOWN else f"{value[:SHOWN]}…"
    return cut if cut.isprintable() else ascii(cut)[1:-1]


def xml_safe(text: str) -> str:
    """`text` without what XML cannot hold (control characters, lone surrogates, U+FFFE/F)."""
    return _NOT_XML.sub("", text)
