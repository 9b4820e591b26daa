"""What is wrong with an import, and the error that rejects it whole."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.errors import BadInputError

SHOWN = 20


@dataclass(frozen=True)
class Problem:
    """One thing a curator must fix, at the file and (where known) the line it is on."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{where(self.file, self.line)}: {self.message}"


def where(file: str, line: int | None) -> str:
    """`file:line`, or just the file where no line applies."""
    return file if line is None else f"{file}:{line}"


class ImportRejected(BadInputError):  # noqa: N818 - the name callers catch
    """Nothing was imported because of `problems`; every one found is listed, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(_message(self.problems), "files")


def _message(problems: Sequence[Problem]) -> str:
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [f"The import was rejected and nothing was imported: {count} {noun}."]
    lines += [str(problem) for problem in problems[:SHOWN]]
    if count > SHOWN:
        lines.append(f"and {count - SHOWN} more")
    return "\n".join(lines)
