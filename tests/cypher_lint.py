"""Lints Cypher statements with Neo4j's own front end, with no Neo4j server.

A thin wrapper over ``tools/cypher-lint/lint.mjs`` (Node, ``@neo4j-cypher/language-support``):
one ``node`` process lints a whole batch, since starting it and warming up Neo4j's front end
costs more than linting a statement.

Every ``$parameter`` a statement uses must be named in its parameters, or it is an error.
The optional ``schema`` is passed on as the package's ``DbSchema`` (``labels``,
``relationshipTypes``, ``propertyKeys``, ``parameters``, ``functions``, ``procedures``,
``defaultLanguage``, ...); see lint.mjs for what each key turns on.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
LINTER_DIR = REPO_ROOT / "tools" / "cypher-lint"
LINT_SCRIPT = LINTER_DIR / "lint.mjs"
PACKAGE_DIR = LINTER_DIR / "node_modules" / "@neo4j-cypher" / "language-support"

TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class Diagnostic:
    """One finding; line and column are 1-based, as in Neo4j's own error messages."""

    severity: str  # "error", "warning", "information" or "hint"
    message: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column} {self.severity}: {self.message}"


def lint(
    statements: Sequence[tuple[str, str, dict[str, Any]]],
    schema: dict[str, Any] | None = None,
    *,
    bundled_routines: bool = False,
) -> dict[str, list[Diagnostic]]:
    """Lints ``(name, query, parameters)`` statements; returns each name's diagnostics.

    Parameter values are only examples: what matters is which names are declared. Values
    that JSON cannot hold are sent as their ``str()``.

    ``bundled_routines`` fills in the schema's ``functions`` and ``procedures``, where it
    leaves them out, from the registry the package ships (Neo4j 5 with APOC and GDS): then
    misspelt functions and procedures are errors and procedure signatures are checked.
    Without it any function or procedure name is accepted.
    """
    names = [name for name, _, _ in statements]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"statement names must be unique; repeated: {duplicates}")
    node = _node()
    payload = {
        "schema": schema or {},
        "bundledRoutines": bundled_routines,
        "statements": [
            {"name": name, "query": query, "parameters": parameters}
            for name, query, parameters in statements
        ],
    }
    completed = subprocess.run(
        [node, str(LINT_SCRIPT)],
        input=json.dumps(payload, default=str),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"{LINT_SCRIPT.relative_to(REPO_ROOT)} exited with {completed.returncode}: "
            f"{completed.stderr.strip()}"
        )
    results: list[dict[str, Any]] = json.loads(completed.stdout)
    linted = {
        result["name"]: [Diagnostic(**diagnostic) for diagnostic in result["diagnostics"]]
        for result in results
    }
    if sorted(linted) != sorted(names):
        raise RuntimeError(f"the linter answered for {sorted(linted)}, not {sorted(names)}")
    return linted


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError(
            "node is not on PATH: the Cypher linter needs Node.js 20 or newer "
            "(then run `scripts/install test`, which runs npm ci in tools/cypher-lint)."
        )
    if not PACKAGE_DIR.is_dir():
        raise RuntimeError(
            f"{PACKAGE_DIR.relative_to(REPO_ROOT)} is missing: run `scripts/install test` "
            "(it runs `npm ci --prefix tools/cypher-lint`)."
        )
    return node
