"""The log every write appends to, in the same transaction: who did what to which node or tie,
the values before and after, and the sources cited. Its last position is the graph's version
in every process (docs/history.md).

Values are kept as JSON in the model's stored field names (graph/columns.py) without the
derived columns, so an entry's values make the node or tie again (`node_of`, `tie_of`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from graph.columns import DERIVED_COLUMNS, node_from_row, node_row, tie_from_row, tie_row
from graph.model import Node, NodeKind, Tie, TieType
from graph.tokens import ApiToken

TOKEN_SUBJECT = "Token"
"""The subject type of a token's entries (its name, role and date; never its digest)."""
BULK_SUBJECT = "*"
"""The subject of a bulk load's entries: one per node kind or tie type loaded."""
ERASED = "erased"
"""What an erased entry's subject becomes (forgetPerson): nothing of the person is left."""


class Operation(StrEnum):
    """What a write did; its entries say what it did to each node or tie."""

    WRITE = "write"
    CREATE_NODE = "createNode"
    UPDATE_NODE = "updateNode"
    LINK = "link"
    UPDATE_TIE = "updateTie"
    UNLINK = "unlink"
    IMPORT = "import"
    BULK_LOAD = "bulkLoad"
    FORGET_PERSON = "forgetPerson"
    CREATE_TOKEN = "createToken"
    REVOKE_TOKEN = "revokeToken"
    MERGE_NODES = "mergeNodes"
    DELETE = "delete"


@dataclass(frozen=True)
class Attribution:
    """Who writes and why: crosses the store's seam with every write and is logged with it.
    `actor` is a token's name, `cli:<user>` from the command line, or `system`."""

    actor: str
    operation: Operation


SYSTEM = Attribution("system", Operation.WRITE)


@dataclass(frozen=True)
class LogEntry:
    position: int
    """Strictly increasing across the database's whole log; the graph's version after it."""
    time: str
    """When it was written: ISO 8601 in UTC, to the microsecond."""
    actor: str
    operation: str
    subject: str
    """The node or tie id; a token's name; BULK_SUBJECT; ERASED."""
    subject_type: str
    """The NodeKind or TieType value; TOKEN_SUBJECT; for a bulk load what it loaded."""
    before: str | None
    """The values (JSON) before the write; None: it did not exist."""
    after: str | None
    """The values (JSON) after it; None: it was deleted."""
    sources: tuple[str, ...]
    """The sources the write cited (the ones the subject cites afterwards)."""

    def values_before(self) -> dict[str, Any] | None:
        return None if self.before is None else dict(json.loads(self.before))

    def values_after(self) -> dict[str, Any] | None:
        return None if self.after is None else dict(json.loads(self.after))


@dataclass(frozen=True)
class Subject:
    """A node (kind) or tie (type) by id, as the log names it."""

    type: str
    id: str

    @classmethod
    def of(cls, item: Node | Tie) -> Subject:
        return cls(item.kind.value if isinstance(item, Node) else item.type.value, item.id)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def node_values(node: Node) -> dict[str, Any]:
    row = {k: v for k, v in node_row(node).items() if k not in DERIVED_COLUMNS}
    row["claims"] = json.loads(row["claims"]) if row.get("claims") else []
    return row


def tie_values(tie: Tie) -> dict[str, Any]:
    return tie_row(tie) | {"source": tie.source, "target": tie.target}


def node_of(kind: NodeKind, values: Mapping[str, Any]) -> Node:
    claims = values.get("claims") or []
    return node_from_row(kind, dict(values) | {"claims": json.dumps(claims) if claims else None})


def tie_of(type_: TieType, values: Mapping[str, Any]) -> Tie:
    return tie_from_row(type_, str(values["source"]), str(values["target"]), values)


def _json(values: Mapping[str, Any] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True)


def change_rows(
    by: Attribution,
    nodes: Sequence[tuple[Node | None, Node | None]] = (),
    ties: Sequence[tuple[Tie | None, Tie | None]] = (),
) -> list[dict[str, Any]]:
    """The entries (as statement rows, positions to come) of one write: each (before, after)
    pair of a node or tie, None where it did not or no longer exists."""
    time = now()
    rows = []
    for before_node, after_node in nodes:
        item = after_node or before_node
        assert item is not None, "a change has a before or an after"
        rows.append(
            _row(
                by,
                time,
                Subject.of(item),
                _json(None if before_node is None else node_values(before_node)),
                _json(None if after_node is None else node_values(after_node)),
                (after_node or item).sources,
            )
        )
    for before_tie, after_tie in ties:
        tie = after_tie or before_tie
        assert tie is not None, "a change has a before or an after"
        rows.append(
            _row(
                by,
                time,
                Subject.of(tie),
                _json(None if before_tie is None else tie_values(before_tie)),
                _json(None if after_tie is None else tie_values(after_tie)),
                tie.sources,
            )
        )
    return _numbered(rows)


def bulk_rows(by: Attribution, loaded: Mapping[str, int]) -> list[dict[str, Any]]:
    """A bulk load's entries: one per node kind or tie type, with how many were loaded (the
    values of each node and tie are the store's until a later entry changes them)."""
    time = now()
    rows = [
        _row(by, time, Subject(name, BULK_SUBJECT), None, _json({"count": count}), ())
        for name, count in loaded.items()
    ]
    return _numbered(rows)


def erasure_rows(by: Attribution, kind: NodeKind | TieType) -> list[dict[str, Any]]:
    """The one entry an erasure leaves: that something of this kind was erased, by whom and
    when; no id, no values, no sources."""
    return _numbered([_row(by, now(), Subject(kind.value, ERASED), None, None, ())])


def token_rows(by: Attribution, before: ApiToken | None, after: ApiToken | None) -> list[Any]:
    def shown(token: ApiToken | None) -> str | None:
        if token is None:
            return None
        return _json({"name": token.name, "role": token.role.value, "created": token.created})

    token = after or before
    assert token is not None, "a change has a before or an after"
    row = _row(by, now(), Subject(TOKEN_SUBJECT, token.name), shown(before), shown(after), ())
    return _numbered([row])


def entry_row(entry: LogEntry) -> dict[str, Any]:
    """An entry as it is stored, position included (copying a log)."""
    return {
        "position": entry.position,
        "time": entry.time,
        "actor": entry.actor,
        "operation": entry.operation,
        "subject": entry.subject,
        "subjectType": entry.subject_type,
        "before": entry.before,
        "after": entry.after,
        "sources": list(entry.sources),
    }


def entry_of(row: Sequence[Any]) -> LogEntry:
    """An entry from the columns ENTRY_COLUMNS names, in that order."""
    position, time, actor, operation, subject, subject_type, before, after, sources = row
    return LogEntry(
        int(position),
        str(time),
        str(actor),
        str(operation),
        str(subject),
        str(subject_type),
        None if before is None else str(before),
        None if after is None else str(after),
        tuple(sources or ()),
    )


ENTRY_COLUMNS = (
    "position",
    "time",
    "actor",
    "operation",
    "subject",
    "subjectType",
    "before",
    "after",
    "sources",
)


def _row(
    by: Attribution,
    time: str,
    subject: Subject,
    before: str | None,
    after: str | None,
    sources: Sequence[str],
) -> dict[str, Any]:
    return {
        "time": time,
        "actor": by.actor,
        "operation": by.operation.value,
        "subject": subject.id,
        "subjectType": subject.type,
        "before": before,
        "after": after,
        "sources": list(sources),
    }


def _numbered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row | {"offset": index} for index, row in enumerate(rows, start=1)]
