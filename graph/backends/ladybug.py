"""The embedded backend: LadybugDB on disk, no server."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa

from graph import cypher
from graph.backends import ladybug_schema
from graph.columns import LIST_COLUMNS, TIE_COLUMNS, node_columns, node_from_row, tie_from_row
from graph.cypher import Statement
from graph.errors import BadInputError, StoreUnavailableError
from graph.model import GraphStats, Node, NodeKind, Tie, TieType
from graph.store import (
    Condition,
    Direction,
    Hop,
    Keyset,
    Neighbour,
    NodeQuery,
    Page,
    RoundTrips,
    WriteSummary,
)
from graph.writes import WritePlan, plan_writes

Row = list[Any]


class LadybugStore:
    def __init__(self, path: Path, *, pool_size: int = 4, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.round_trips = RoundTrips()
        self._pool_size = pool_size
        self._db: ladybug.Database | None = None
        self._pool: asyncio.Queue[ladybug.Connection] = asyncio.Queue()
        self._write_lock = asyncio.Lock()

    async def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = await asyncio.to_thread(
                ladybug.Database, str(self.path), read_only=self.read_only
            )
        except RuntimeError as error:
            raise StoreUnavailableError(_open_failure(self.path, error)) from error
        for _ in range(self._pool_size):
            self._pool.put_nowait(ladybug.Connection(self._db))
        if not self.read_only:
            await self._transaction([Statement(s, {}) for s in ladybug_schema.statements()])

    async def close(self) -> None:
        while not self._pool.empty():
            self._pool.get_nowait().close()
        if self._db is not None:
            self._db.close()
            self._db = None

    async def ping(self) -> None:
        if self._db is None:
            raise StoreUnavailableError("The embedded database is not open.")
        await self._read(Statement("RETURN 1", {}))

    async def get_nodes(self, kind: NodeKind, ids: Sequence[str]) -> list[Node | None]:
        if not ids:
            return []
        rows = await self._read(cypher.get_nodes(kind, ids))
        found = {node.id: node for node in (_node(row[0]) for row in rows)}
        return [found.get(i) for i in ids]

    async def find_nodes(self, ids: Sequence[str]) -> list[Node | None]:
        if not ids:
            return []
        rows = await self._read(cypher.find_nodes(ids))
        found = {node.id: node for node in (_node(row[0]) for row in rows)}
        return [found.get(i) for i in ids]

    async def list_nodes(self, query: NodeQuery) -> Page:
        probe = NodeQuery(query.kind, query.conditions, query.order, query.limit + 1, query.after)
        rows = await self._read(cypher.list_nodes(probe))
        page = rows[: query.limit]
        return Page(
            nodes=[_node(row[0]) for row in page],
            keysets=[Keyset(tuple(row[1:])) for row in page],
            has_more=len(rows) > query.limit,
        )

    async def count_nodes(self, kind: NodeKind, conditions: Sequence[Condition]) -> int:
        rows = await self._read(cypher.count_nodes(kind, conditions))
        return int(rows[0][0])

    async def neighbours(
        self, hop: Hop, parent_ids: Sequence[str], after: Keyset | None = None
    ) -> Mapping[str, list[Neighbour]]:
        result: dict[str, list[Neighbour]] = {pid: [] for pid in parent_ids}
        if not parent_ids:
            return result
        for pid, rel, other, *keys in await self._read(cypher.neighbours(hop, parent_ids, after)):
            if rel is None:
                continue
            node = _node(other)
            source, target = (pid, node.id) if hop.direction is Direction.OUT else (node.id, pid)
            tie = tie_from_row(TieType(rel["_LABEL"]), source, target, rel)
            result[pid].append(Neighbour(tie=tie, node=node, keyset=Keyset(tuple(keys))))
        return result

    async def search(self, text: str, kinds: Sequence[NodeKind], limit: int) -> list[Node]:
        rows = await self._read(cypher.search(text, kinds, limit))
        return [_node(row[0]) for row in rows]

    async def upsert(self, nodes: Sequence[Node], ties: Sequence[Tie]) -> WriteSummary:
        async with self._write_lock:
            plan = await plan_writes(self, nodes, ties)
            await self._transaction(plan.statements)
            return plan.summary

    async def existing_ties(self, type_: TieType, ids: Sequence[str]) -> list[Tie]:
        rows = await self._read(cypher.existing_ties(type_, ids))
        return [tie_from_row(type_, source, target, rel) for source, target, rel in rows]

    async def bulk_load(self, nodes: Sequence[Node], ties: Sequence[Tie]) -> WriteSummary:
        async with self._write_lock:
            plan = WritePlan.for_bulk_load(nodes, ties)
            if (await self._read(cypher.count_all_nodes()))[0][0]:
                raise BadInputError("A bulk load needs an empty database; use upsert instead.")
            try:
                for kind, group in plan.nodes_by_kind().items():
                    await self._copy(kind.value, _node_table(kind, group), "")
                for (type_, source, target), tie_group in plan.ties_by_endpoints().items():
                    options = f" (from='{source.value}', to='{target.value}')"
                    await self._copy(type_.value, _tie_table(tie_group), options)
            except RuntimeError:
                await self._transaction([Statement("MATCH (n) DETACH DELETE n", {})])
                raise
            return WriteSummary(created_nodes=len(nodes), created_ties=len(ties))

    async def stats(self) -> GraphStats:
        nodes: dict[NodeKind, int] = {}
        ties: dict[TieType, int] = {}
        unsourced_nodes = unsourced_ties = 0
        for kind in NodeKind:
            total, unsourced = (await self._read(cypher.count_by_kind(kind)))[0]
            nodes[kind], unsourced_nodes = int(total), unsourced_nodes + int(unsourced or 0)
        for type_ in TieType:
            total, unsourced = (await self._read(cypher.count_by_type(type_)))[0]
            ties[type_], unsourced_ties = int(total), unsourced_ties + int(unsourced or 0)
        return GraphStats(nodes, ties, unsourced_nodes, unsourced_ties)

    async def _copy(self, table: str, data: pa.Table, options: str) -> None:
        await self._transaction([Statement(f"COPY {table} FROM $data{options}", {"data": data})])

    async def _read(self, statement: Statement) -> list[Row]:
        self.round_trips.record(statement.text)
        connection = await self._pool.get()
        try:
            return await asyncio.to_thread(_execute, connection, statement)
        finally:
            self._pool.put_nowait(connection)

    async def _transaction(self, statements: Sequence[Statement]) -> None:
        if not statements:
            return
        for statement in statements:
            self.round_trips.record(statement.text)
        connection = await self._pool.get()
        try:
            await asyncio.to_thread(_run_transaction, connection, statements)
        finally:
            self._pool.put_nowait(connection)


def _execute(connection: ladybug.Connection, statement: Statement) -> list[Row]:
    result = connection.execute(statement.text, statement.params)
    assert not isinstance(result, list), "one statement gives one result"
    rows = result.get_all()
    result.close()
    return [list(row) if isinstance(row, list) else list(row.values()) for row in rows]


def _run_transaction(connection: ladybug.Connection, statements: Sequence[Statement]) -> None:
    if len(statements) == 1 and statements[0].text.startswith(("COPY", "CREATE")):
        _execute(connection, statements[0])
        return
    connection.execute("BEGIN TRANSACTION")
    try:
        for statement in statements:
            _execute(connection, statement)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _node(value: Mapping[str, Any]) -> Node:
    return node_from_row(NodeKind(value["_LABEL"]), value)


def _node_table(kind: NodeKind, nodes: Sequence[dict[str, Any]]) -> pa.Table:
    return pa.table(
        {column: _array(column, [row[column] for row in nodes]) for column in node_columns(kind)}
    )


def _tie_table(ties: Sequence[dict[str, Any]]) -> pa.Table:
    columns = {"from": pa.array([t["source"] for t in ties], pa.string())}
    columns["to"] = pa.array([t["target"] for t in ties], pa.string())
    for column in TIE_COLUMNS:
        columns[column] = _array(column, [t[column] for t in ties])
    return pa.table(columns)


def _array(column: str, values: list[Any]) -> pa.Array:
    return pa.array(values, pa.list_(pa.string()) if column in LIST_COLUMNS else pa.string())


def _open_failure(path: Path, error: RuntimeError) -> str:
    if "lock" in str(error).lower():
        return (
            f"The database at {path} is held by another process (is `poikki serve` running?). "
            "Stop it, or send the change through the running server."
        )
    return f"The database at {path} could not be opened: {error}"
