"""Casts from an environment variable's text to a setting's value. A cast that cannot take
the text raises CastError, which says what was wanted; the settings name the variable."""

from __future__ import annotations

from pathlib import Path

NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


class CastError(ValueError):
    def __init__(self, wanted: str, got: str) -> None:
        super().__init__(f"must {wanted}; got '{got}'.")


def text(raw: str) -> str:
    return raw


def lowercase(raw: str) -> str:
    return raw.lower()


def positive_integer(raw: str) -> int:
    if not raw.isdigit() or int(raw) < 1:
        raise CastError("be a positive integer", raw)
    return int(raw)


def positive_whole_seconds(raw: str) -> float:
    """Seconds as a positive integer."""
    return float(positive_integer(raw))


def whole_number(raw: str) -> int:
    if not raw.isdigit():
        raise CastError("be a whole number", raw)
    return int(raw)


def optional_path(raw: str) -> Path | None:
    """Empty: none."""
    return Path(raw) if raw else None


def header_value(raw: str) -> str:
    """Text an HTTP header may carry: printable ASCII, not empty."""
    if not raw.strip() or not all(" " <= character <= "~" for character in raw):
        raise CastError("be printable ASCII, not empty", raw)
    return raw.strip()


def flag(raw: str) -> bool:
    lowered = raw.lower()
    if lowered not in {"true", "false", "1", "0", "yes", "no"}:
        raise CastError("be true or false", lowered)
    return lowered in {"true", "1", "yes"}


def seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise CastError("be a positive number of seconds", raw)
    return value


def comma_separated(raw: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in raw.split(",") if item.strip())


def neo4j_uri(raw: str) -> str | None:
    """Empty: none."""
    if raw and raw.split("://", 1)[0] not in NEO4J_SCHEMES:
        schemes = ", ".join(f"{scheme}://" for scheme in NEO4J_SCHEMES)
        raise CastError(f"start with one of {schemes}", raw)
    return raw or None
