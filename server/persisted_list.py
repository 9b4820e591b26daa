"""The list of persisted documents (POIKKI_PERSISTED_QUERIES_FILE), read and written.

Read in either of two shapes:
- a JSON object mapping each document's SHA-256 (hex) to the document;
- Apollo's persisted-query manifest, as `@apollo/generate-persisted-query-manifest` writes it:
  `{"format": "apollo-persisted-query-manifest", "version": 1,
  "operations": [{"id": …, "body": …, "name": …, "type": "query"}]}`.
Every id must be the SHA-256 of its body in UTF-8 (the generator's default), as the Automatic
Persisted Queries protocol hashes it. `poikki persist` writes the manifest: one entry per
operation of each .graphql file, the operation with the fragments it uses, printed as
graphql-js's `print` prints it (so a client that prints its parsed document sends that text).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    OperationDefinitionNode,
    parse,
    print_ast,
    visit,
)
from graphql.language import Visitor

from schema.allow_list import document_hash
from server.settings import Settings
from server.variables import ConfigError

MANIFEST_FORMAT = "apollo-persisted-query-manifest"
MANIFEST_VERSION = 1


class PersistedListError(ValueError):
    """A list or a .graphql file that cannot be read; the message names the file and entry."""


@dataclass(frozen=True)
class PersistedOperation:
    id: str
    """The SHA-256 of `body` in UTF-8, lowercase hex."""
    body: str
    name: str | None
    type: str
    """`query`, `mutation` or `subscription`."""


def read_list(path: Path) -> dict[str, PersistedOperation]:
    """The operations the file lists, by id; PersistedListError naming what is wrong."""
    try:
        data: object = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PersistedListError(f"{path}: {error}") from error
    if isinstance(data, dict) and "format" in data:
        entries = _manifest_entries(path, data)
    elif isinstance(data, dict) and all(isinstance(v, str) for v in data.values()):
        entries = [(str(key), value, None) for key, value in data.items()]
    else:
        raise PersistedListError(
            f"{path}: expected a JSON object of SHA-256 -> document, or {MANIFEST_FORMAT}."
        )
    operations: dict[str, PersistedOperation] = {}
    for given_id, body, name in entries:
        if given_id != document_hash(body):
            raise PersistedListError(
                f"{path}: entry {given_id!r} is not the SHA-256 of its document"
                f" ({document_hash(body)})."
            )
        described = _described(path, body, given_id)
        operations[given_id] = PersistedOperation(
            given_id, body, name or described.name, described.type
        )
    return operations


def persisted_documents(settings: Settings) -> dict[str, str]:
    """The documents of POIKKI_PERSISTED_QUERIES_FILE by hash; ConfigError naming the
    variable when it cannot be read, or when POIKKI_PERSISTED_ONLY has no list to go by."""
    path = settings.persisted_queries_file
    if path is None:
        if settings.persisted_only:
            raise ConfigError(
                "POIKKI_PERSISTED_ONLY=true needs POIKKI_PERSISTED_QUERIES_FILE: the list of"
                " the documents that may run (`poikki persist` writes one)."
            )
        return {}
    try:
        listed = read_list(path)
    except PersistedListError as error:
        raise ConfigError(f"POIKKI_PERSISTED_QUERIES_FILE: {error}") from error
    return {sha256: operation.body for sha256, operation in listed.items()}


def write_manifest(path: Path, operations: Iterable[PersistedOperation]) -> None:
    """Apollo's manifest of `operations`, sorted by name and id so that a diff reads well."""
    ordered = sorted(operations, key=lambda op: (op.name or "", op.id))
    manifest = {
        "format": MANIFEST_FORMAT,
        "version": MANIFEST_VERSION,
        "operations": [
            {"id": op.id, "body": op.body, "name": op.name, "type": op.type} for op in ordered
        ],
    }
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def operations_in(text: str, source: str) -> list[PersistedOperation]:
    """Each operation of a .graphql document with the fragments it uses, printed."""
    try:
        document = parse(text, no_location=True)
    except GraphQLError as error:
        raise PersistedListError(f"{source}: {error.message}") from error
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if not operations:
        raise PersistedListError(f"{source}: holds no operation.")
    if len(operations) > 1 and any(op.name is None for op in operations):
        raise PersistedListError(f"{source}: name every operation of a file that holds several.")
    found = []
    for operation in operations:
        used = _fragments_used(operation, fragments, source)
        body = print_ast(DocumentNode(definitions=(operation, *used)))
        name = operation.name.value if operation.name else None
        found.append(PersistedOperation(document_hash(body), body, name, operation.operation.value))
    return found


def _manifest_entries(path: Path, data: Mapping[str, object]) -> list[tuple[str, str, str | None]]:
    if data.get("format") != MANIFEST_FORMAT or data.get("version") != MANIFEST_VERSION:
        raise PersistedListError(
            f"{path}: expected format {MANIFEST_FORMAT!r} version {MANIFEST_VERSION}."
        )
    listed = data.get("operations")
    if not isinstance(listed, list):
        raise PersistedListError(f"{path}: `operations` must be a list.")
    entries = []
    for index, entry in enumerate(listed):
        if not isinstance(entry, dict):
            raise PersistedListError(f"{path}: operations[{index}] must be an object.")
        given_id, body, name = entry.get("id"), entry.get("body"), entry.get("name")
        if not isinstance(given_id, str) or not isinstance(body, str):
            raise PersistedListError(f"{path}: operations[{index}] needs `id` and `body` strings.")
        entries.append((given_id, body, name if isinstance(name, str) else None))
    return entries


def _described(path: Path, body: str, given_id: str) -> PersistedOperation:
    """The name and type of the operation a listed document holds."""
    listed = operations_in(body, f"{path}: entry {given_id!r}")
    if len(listed) != 1:
        raise PersistedListError(f"{path}: entry {given_id!r} must hold one operation.")
    return listed[0]


def _fragments_used(
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    source: str,
) -> list[FragmentDefinitionNode]:
    """The fragments `operation` spreads, directly or through others, in the file's order."""
    names: set[str] = set()
    pending: list[OperationDefinitionNode | FragmentDefinitionNode] = [operation]
    while pending:
        for spread in _spreads(pending.pop()):
            if spread not in names:
                if spread not in fragments:
                    raise PersistedListError(f"{source}: unknown fragment {spread!r}.")
                names.add(spread)
                pending.append(fragments[spread])
    return [fragment for name, fragment in fragments.items() if name in names]


def _spreads(definition: OperationDefinitionNode | FragmentDefinitionNode) -> set[str]:
    found: set[str] = set()

    class Spreads(Visitor):
        def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
            found.add(node.name.value)

    visit(definition, Spreads())
    return found
