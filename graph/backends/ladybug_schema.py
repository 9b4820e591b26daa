"""LadybugDB DDL for the knowledge model: one node table per kind, one relationship table
group per tie type with every endpoint pair the model allows."""

from __future__ import annotations

from graph.columns import LIST_COLUMNS, TIE_COLUMNS, node_columns
from graph.cypher import COUNTER_LABEL, LOG_LABEL, TOKEN_LABEL
from graph.model import TIE_SPECS, NodeKind, TieType


def _column(name: str) -> str:
    column_type = "STRING[]" if name in LIST_COLUMNS else "STRING"
    suffix = " PRIMARY KEY" if name == "id" else ""
    return f"`{name}` {column_type}{suffix}"


def node_table(kind: NodeKind) -> str:
    columns = ", ".join(_column(name) for name in node_columns(kind))
    return f"CREATE NODE TABLE IF NOT EXISTS {kind.value}({columns})"


def tie_table(type_: TieType) -> str:
    spec = TIE_SPECS[type_]
    pairs = ", ".join(
        f"FROM {source.value} TO {target.value}"
        for source in sorted(spec.sources)
        for target in sorted(spec.targets)
    )
    columns = ", ".join(
        f"`{name}` {'STRING[]' if name in LIST_COLUMNS else 'STRING'}" for name in TIE_COLUMNS
    )
    return f"CREATE REL TABLE IF NOT EXISTS {type_.value}({pairs}, {columns})"


def token_table() -> str:
    return (
        f"CREATE NODE TABLE IF NOT EXISTS {TOKEN_LABEL}(digest STRING PRIMARY KEY, "
        "name STRING, role STRING, created STRING)"
    )


def log_tables() -> list[str]:
    """The log (graph/history.py) and the counter that numbers its entries."""
    return [
        f"CREATE NODE TABLE IF NOT EXISTS {LOG_LABEL}(position INT64 PRIMARY KEY, time STRING, "
        "actor STRING, operation STRING, subject STRING, subjectType STRING, before STRING, "
        "after STRING, sources STRING[])",
        f"CREATE NODE TABLE IF NOT EXISTS {COUNTER_LABEL}(name STRING PRIMARY KEY, position INT64)",
    ]


def table_names() -> str:
    return "CALL show_tables() RETURN name"


def column_names(kind: NodeKind) -> str:
    """The names of the columns a kind's table has."""
    return f"CALL table_info('{kind.value}') RETURN name"


def added_columns(kind: NodeKind, present: set[str]) -> list[str]:
    """ALTER statements giving a table made by an earlier version the columns it lacks
    (`CREATE NODE TABLE IF NOT EXISTS` leaves an existing table as it is)."""
    return [
        f"ALTER TABLE {kind.value} ADD {_column(name)}"
        for name in node_columns(kind)
        if name not in present
    ]


def statements() -> list[str]:
    tables = [node_table(kind) for kind in NodeKind] + [tie_table(t) for t in TieType]
    return [*tables, token_table(), *log_tables()]
