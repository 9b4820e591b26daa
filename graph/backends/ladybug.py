"""The embedded backend: LadybugDB on disk, no server."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa

from graph import cypher
from graph.aggregates import Group, Grouping, Summary
from graph.backends import ladybug_handles, ladybug_schema, read_model
from graph.backends.cypher_store import CypherStore, Progress, Row
from graph.backends.read_model import HopOrder
from graph.backends.read_model_keeper import ReadModelKeeper
from graph.columns import (
    IDENTIFIERS,
    LIST_COLUMNS,
    MERGED_FROM,
    TIE_COLUMNS,
    node_columns,
    node_from_row,
    node_row,
    tie_from_row,
)
from graph.cypher import Statement
from graph.errors import BadInputError, StoreUnavailableError
from graph.history import SYSTEM, Attribution, LogEntry
from graph.model import Node, NodeKind, Tie, TieType
from graph.store import (
    Condition,
    EdgeMatch,
    Hop,
    Keyset,
    Match,
    Neighbour,
    NeighbourPage,
    NodeQuery,
    Page,
    SearchPage,
    SearchQuery,
    TieColumnBatch,
    TieCount,
    WriteSummary,
)
from graph.writes import nodes_for_bulk_load, ties_for_bulk_load

logger = logging.getLogger("poikki.store")


class LadybugStore(CypherStore):
    """`read_model=True` keeps a column-wise copy of the graph in memory (read_model.py) that
    answers node lookups and pages of neighbours while it is current; a server wants it, a
    one-shot command does not."""

    def __init__(
        self,
        path: Path,
        *,
        pool_size: int = 4,
        read_only: bool = False,
        read_model: bool = False,
    ) -> None:
        super().__init__()
        self.path = path
        self.read_only = read_only
        self._pool_size = pool_size
        self._db: ladybug.Database | None = None
        self._pool: asyncio.Queue[ladybug.Connection] = asyncio.Queue()
        self.read_model: ReadModelKeeper | None = None
        self._without_log = False
        if read_model:
            self.read_model = ReadModelKeeper(lambda: self.version, self._write_lock, self._model)

    @property
    def version(self) -> int:
        return self._version

    @version.setter
    def version(self, value: int) -> None:
        changed = value != getattr(self, "_version", None)
        self._version = value
        keeper = getattr(self, "read_model", None)
        if keeper is not None and changed:
            keeper.stale()

    async def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = await asyncio.to_thread(
            ladybug_handles.acquire, self.path, self.read_only, self._recovered_database
        )
        for _ in range(self._pool_size):
            self._pool.put_nowait(ladybug.Connection(self._db))
        if not self.read_only:
            await self._transaction([Statement(s, {}) for s in ladybug_schema.statements()])
            await self._add_missing_columns()
            await self._fill_derived()
        else:
            statement = Statement(ladybug_schema.table_names(), {})
            tables = await self._read(statement, housekeeping=True)
            self._without_log = cypher.LOG_LABEL not in {str(row[0]) for row in tables}
        await self.sync_version()
        if self.read_model is not None:
            self.read_model.start()

    async def _add_missing_columns(self) -> None:
        for kind in NodeKind:
            statement = Statement(ladybug_schema.column_names(kind), {})
            rows = await self._read(statement, housekeeping=True)
            present = {str(row[0]) for row in rows}
            added = ladybug_schema.added_columns(kind, present)
            if added:
                logger.info("Adding columns to %s: %s", kind.value, ", ".join(added))
                await self._transaction([Statement(text, {}) for text in added])

    def _recovered_database(self) -> ladybug.Database:
        try:
            return self._database(strict_log=True)
        except RuntimeError as error:
            if "WAL" not in str(error):
                raise StoreUnavailableError(_open_failure(self.path, error)) from error
            # A process killed while committing leaves the log's last transaction half
            # written. Replay what was committed and drop that tail: the transaction it held
            # was never confirmed, so dropping it keeps imports all-or-nothing.
            logger.warning(
                "The database's write-ahead log ends in a transaction that was not finished "
                "(the last writer was stopped while committing); it was dropped, every "
                "committed write is kept. (%s)",
                error,
            )
            try:
                return self._database(strict_log=False)
            except RuntimeError as again:
                raise StoreUnavailableError(_open_failure(self.path, again)) from again

    def _database(self, *, strict_log: bool) -> ladybug.Database:
        return ladybug.Database(
            str(self.path), read_only=self.read_only, throw_on_wal_replay_failure=strict_log
        )

    async def close(self) -> None:
        if self.read_model is not None:
            await self.read_model.close()
        while not self._pool.empty():
            self._pool.get_nowait().close()
        if self._db is not None:
            self._db = None
            ladybug_handles.release(self.path, self.read_only)

    async def ping(self) -> None:
        if self._db is None:
            raise StoreUnavailableError("The embedded database is not open.")
        await super().ping()

    async def bulk_load(
        self,
        nodes: Sequence[Node],
        ties: Sequence[Tie],
        progress: Progress | None = None,
        by: Attribution = SYSTEM,
        log: Sequence[LogEntry] = (),
    ) -> WriteSummary:
        async with self._write_lock:
            nodes_by_kind, kinds = nodes_for_bulk_load(nodes)
            if not await self._is_empty():
                raise BadInputError("A bulk load needs an empty database; use upsert instead.")
            try:
                await self._copy_all(_tables(nodes_by_kind, ties, kinds), progress)
                # COPY commits on its own: the log's entries follow the last COPY, and a
                # failure before they are written empties the graph again.
                await self._log_bulk_load(by, nodes, ties, log)
            except Exception:
                # Ties are checked while the nodes are copied: a bad tie, like a failed COPY,
                # empties the database again, so a bulk load is still all or nothing.
                await self._transaction([cypher.delete_graph()])
                raise
            return WriteSummary(created_nodes=len(nodes), created_ties=len(ties))

    # The reads the read model answers while it is current; each counts as one round trip,
    # as its statement would, so tests that bound round trips hold on either path.

    def _current(self, read: str) -> read_model.ReadModel | None:
        model = self.read_model.current() if self.read_model else None
        if model is not None:
            self.round_trips.record(f"read model: {read}")
        return model

    def _ordered(self, read: str, hop: Hop) -> tuple[read_model.ReadModel, HopOrder] | None:
        found = self.read_model.hop(hop) if self.read_model else None
        if found is not None:
            self.round_trips.record(f"read model: {read}")
        return found

    async def get_nodes(self, kind: NodeKind, ids: Sequence[str]) -> list[Node | None]:
        model = ids and self._current("get_nodes")
        return model.find(ids, kind) if model else await super().get_nodes(kind, ids)

    async def find_nodes(self, ids: Sequence[str]) -> list[Node | None]:
        model = ids and self._current("find_nodes")
        return model.find(ids) if model else await super().find_nodes(ids)

    async def nodes_by_identifiers(self, keys: Sequence[str]) -> dict[str, Node]:
        model = keys and self._current("nodes_by_identifiers")
        if model:
            return await asyncio.to_thread(model.listing, IDENTIFIERS, keys)
        return await super().nodes_by_identifiers(keys)

    async def merged_into(self, ids: Sequence[str]) -> dict[str, Node]:
        model = ids and self._current("merged_into")
        if model:
            return await asyncio.to_thread(model.listing, MERGED_FROM, ids)
        return await super().merged_into(ids)

    # A filter tree is evaluated over whole kinds and hops in a worker thread (numpy lets go
    # of the interpreter lock), so the event loop serves other requests meanwhile.

    async def list_nodes(self, query: NodeQuery) -> Page:
        model = self._current("list_nodes")
        if not model:
            return await super().list_nodes(query)
        if query.match is None and query.order.count is None:
            return model.list_nodes(query)
        return await asyncio.to_thread(model.list_nodes, query)

    async def count_nodes(
        self, kind: NodeKind, conditions: Sequence[Condition], match: Match | None = None
    ) -> int:
        model = self._current("count_nodes")
        if not model:
            return await super().count_nodes(kind, conditions, match)
        if match is None:
            return model.count_nodes(kind, conditions)
        return await asyncio.to_thread(model.count_nodes, kind, conditions, match)

    async def search(self, query: SearchQuery) -> SearchPage:
        model = self._current("search")
        if model:
            return await asyncio.to_thread(model.search, query)
        return await super().search(query)

    async def count_search(self, text: str, kinds: Sequence[NodeKind]) -> int:
        model = self._current("count_search")
        if model:
            return await asyncio.to_thread(model.count_search, text, kinds)
        return await super().count_search(text, kinds)

    async def scan_nodes(self, kind: NodeKind, after_id: str | None, limit: int) -> list[Node]:
        model = self._current("scan_nodes")
        if model:
            return model.scan_nodes(kind, after_id, limit)
        return await super().scan_nodes(kind, after_id, limit)

    async def scan_ties(self, type_: TieType, after_id: str | None, limit: int) -> list[Tie]:
        model = self._current("scan_ties")
        if model:
            return model.scan_ties(type_, after_id, limit)
        return await super().scan_ties(type_, after_id, limit)

    async def scan_tie_columns(
        self, type_: TieType, after_id: str | None, limit: int
    ) -> TieColumnBatch:
        model = self._current("scan_tie_columns")
        if model:
            return TieColumnBatch(model.scan_tie_columns(type_, after_id, limit))
        return await super().scan_tie_columns(type_, after_id, limit)

    async def first_neighbours(
        self, hop: Hop, parent_ids: Sequence[str], limit: int, where: EdgeMatch | None = None
    ) -> Mapping[str, NeighbourPage]:
        found = parent_ids and self._ordered("first_neighbours", hop)
        if not found:
            return await super().first_neighbours(hop, parent_ids, limit, where)
        model, order = found
        if where is None:
            return model.first_neighbours(order, hop, parent_ids, max(limit, 0))
        return await asyncio.to_thread(
            model.first_neighbours, order, hop, parent_ids, max(limit, 0), where
        )

    async def neighbours(
        self,
        hop: Hop,
        parent_ids: Sequence[str],
        after: Keyset | None = None,
        where: EdgeMatch | None = None,
    ) -> Mapping[str, list[Neighbour]]:
        found = parent_ids and self._ordered("neighbours", hop)
        if not found:
            return await super().neighbours(hop, parent_ids, after, where)
        model, order = found
        if where is None:
            return model.neighbours_after(order, hop, parent_ids, after)
        return await asyncio.to_thread(model.neighbours_after, order, hop, parent_ids, after, where)

    # Aggregates and counts of ties run in a worker thread: the first on a graph version
    # counts every tie (~0.3 s for a million), and Arrow's and numpy's kernels release the GIL.

    async def counted_neighbours(
        self,
        hop: Hop,
        parent_ids: Sequence[str],
        count: TieCount,
        descending: bool,
        after: Keyset | None,
        limit: int,
        where: EdgeMatch | None = None,
    ) -> Mapping[str, NeighbourPage]:
        found = parent_ids and self._ordered("counted_neighbours", hop)
        if found:
            model, order = found
            return await asyncio.to_thread(
                model.counted_neighbours,
                order,
                parent_ids,
                count,
                descending,
                after,
                max(limit, 0),
                where,
            )
        return await super().counted_neighbours(
            hop, parent_ids, count, descending, after, limit, where
        )

    async def summarise_nodes(self, query: NodeQuery) -> Summary:
        model = self._current("summarise_nodes")
        if model:
            return await asyncio.to_thread(model.summarise_nodes, query)
        return await super().summarise_nodes(query)

    async def group_nodes(self, query: NodeQuery, grouping: Grouping) -> list[Group]:
        model = self._current("group_nodes")
        if model:
            return await asyncio.to_thread(model.group_nodes, query, grouping)
        return await super().group_nodes(query, grouping)

    async def summarise_neighbours(
        self, hop: Hop, parent_ids: Sequence[str], where: EdgeMatch | None = None
    ) -> Mapping[str, Summary]:
        found = parent_ids and self._ordered("summarise_neighbours", hop)
        if found:
            model, order = found
            return await asyncio.to_thread(model.summarise_neighbours, order, parent_ids, where)
        return await super().summarise_neighbours(hop, parent_ids, where)

    async def group_neighbours(
        self,
        hop: Hop,
        parent_ids: Sequence[str],
        grouping: Grouping,
        where: EdgeMatch | None = None,
    ) -> Mapping[str, list[Group]]:
        found = parent_ids and self._ordered("group_neighbours", hop)
        if found:
            model, order = found
            return await asyncio.to_thread(
                model.group_neighbours, order, parent_ids, grouping, where
            )
        return await super().group_neighbours(hop, parent_ids, grouping, where)

    async def _model(self, version: int) -> read_model.ReadModel:
        """Every node and tie, column-wise, read through one connection."""
        connection = await self._pool.get()
        try:
            return await asyncio.to_thread(_read_model, connection, version)
        finally:
            self._pool.put_nowait(connection)

    def _node(self, value: Any) -> Node:
        return node_from_row(NodeKind(value["_LABEL"]), value)

    def _tie(self, value: Any, source: str, target: str) -> Tie:
        return tie_from_row(TieType(value["_LABEL"]), source, target, value)

    def _kind_test(self, var: str, kind: NodeKind) -> str:
        # LadybugDB has no label predicate (`o:Kind`), and ignores a label given again to a
        # variable already bound; `label()` names a node's table.
        return f"label({var}) = '{kind.value}'"

    async def _copy_all(self, tables: Iterator[_Copy], progress: Progress | None) -> None:
        """COPY the tables in order as a builder thread makes them: building Arrow columns
        from Python objects holds the GIL and COPY mostly runs in LadybugDB's C++ threads,
        so building the next tables overlaps copying this one (about 1 s of 11 on a million
        ties and two cores)."""
        loop = asyncio.get_running_loop()
        made: asyncio.Queue[_Copy | Exception | None] = asyncio.Queue()
        stop = threading.Event()

        def build() -> None:
            try:
                for table in tables:
                    if stop.is_set():
                        return
                    loop.call_soon_threadsafe(made.put_nowait, table)
            except Exception as error:  # handed over to the copying side
                loop.call_soon_threadsafe(made.put_nowait, error)
            else:
                loop.call_soon_threadsafe(made.put_nowait, None)

        builder = asyncio.ensure_future(asyncio.to_thread(build))
        try:
            while (item := await made.get()) is not None:
                if isinstance(item, Exception):
                    raise item
                await self._copy(item.table, item.data, item.options)
                if progress:
                    progress(item.count)
        finally:
            stop.set()
            await builder

    async def _copy(self, table: str, data: pa.Table, options: str) -> None:
        await self._transaction([Statement(f"COPY {table} FROM $data{options}", {"data": data})])

    async def _read(self, statement: Statement, housekeeping: bool = False) -> list[Row]:
        if self._without_log and cypher.LOG_LABEL in statement.text:
            return []  # opened read-only, made by a version that kept no log: none to read
        if not housekeeping:
            self.round_trips.record(statement.text)
        connection = await self._pool.get()
        timed = self.read_timeout and not housekeeping
        timeout_ms = round(self.read_timeout * 1000) if timed and self.read_timeout else 0
        try:
            return await asyncio.to_thread(_execute, connection, statement, timeout_ms)
        except RuntimeError as error:
            if str(error).startswith("Interrupted"):
                raise StoreUnavailableError(
                    f"The database did not answer within {self.read_timeout} s; "
                    "the query was stopped."
                ) from error
            raise
        finally:
            self._pool.put_nowait(connection)

    async def _transaction(self, statements: Sequence[Statement]) -> list[Row]:
        if not statements:
            return []
        for statement in statements:
            self.round_trips.record(statement.text)
        connection = await self._pool.get()
        try:
            return await asyncio.to_thread(_run_transaction, connection, statements)
        finally:
            self._pool.put_nowait(connection)


def _execute(
    connection: ladybug.Connection, statement: Statement, timeout_ms: int = 0
) -> list[Row]:
    """Run one statement; `timeout_ms` (0: none) stops a read that runs too long."""
    connection.set_query_timeout(timeout_ms)
    result = connection.execute(statement.text, statement.params)
    assert not isinstance(result, list), "one statement gives one result"
    rows = result.get_all()
    result.close()
    return [list(row) if isinstance(row, list) else list(row.values()) for row in rows]


def _read_model(connection: ladybug.Connection, version: int) -> read_model.ReadModel:
    def arrow(text: str) -> pa.Table:
        result = connection.execute(text)
        assert not isinstance(result, list), "one statement gives one result"
        table = result.get_as_arrow(chunk_size=1_000_000)
        result.close()
        return table

    def counts(text: str) -> list[int]:
        result = connection.execute(text)
        assert not isinstance(result, list), "one statement gives one result"
        row = result.get_next()
        result.close()
        return [int(value) for value in (row if isinstance(row, list) else row.values())]

    def sliced(statements: Sequence[str]) -> pa.Table:
        return pa.concat_tables([arrow(text) for text in statements], promote_options="default")

    connection.set_query_timeout(0)
    tables = {kind: counts(read_model.node_count_statement(kind)) for kind in NodeKind}
    rows_end = max((end for _, end in tables.values()), default=0)
    nodes = [
        sliced([read_model.node_statement(kind, rows) for rows in read_model.slices(size, end)])
        for kind, (size, end) in tables.items()
    ]
    ties = []
    for type_ in TieType:
        (size,) = counts(read_model.tie_count_statement(type_))
        statements = [
            read_model.tie_statement(type_, rows) for rows in read_model.slices(size, rows_end)
        ]
        ties.append(sliced(statements))
    return read_model.assemble(version, nodes, ties)


def _run_transaction(connection: ladybug.Connection, statements: Sequence[Statement]) -> list[Row]:
    if len(statements) == 1 and statements[0].text.startswith(("COPY", "CREATE")):
        return _execute(connection, statements[0])
    connection.execute("BEGIN TRANSACTION")
    rows: list[Row] = []
    try:
        for statement in statements:
            rows = _execute(connection, statement)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return rows


@dataclass(frozen=True)
class _Copy:
    table: str
    options: str
    count: int
    data: pa.Table


def _tables(
    nodes_by_kind: Mapping[NodeKind, Sequence[Node]],
    ties: Sequence[Tie],
    kinds: Mapping[str, NodeKind],
) -> Iterator[_Copy]:
    """What a bulk load copies, built one table at a time (in the builder thread): a table per
    node kind, then one per relationship table pair. LadybugDB copies into an empty
    relationship table far faster than into one that holds ties (COPYing 200,000 at a time
    made a load 5x slower), so each pair goes in one COPY."""
    for kind, group in nodes_by_kind.items():
        yield _Copy(kind.value, "", len(group), _node_table(kind, group))
    for (type_, source, target), tie_group in ties_for_bulk_load(ties, kinds).items():
        options = f" (from='{source.value}', to='{target.value}')"
        yield _Copy(type_.value, options, len(tie_group), _tie_columns(tie_group))


def _node_table(kind: NodeKind, nodes: Sequence[Node]) -> pa.Table:
    rows = [node_row(node) for node in nodes]
    return pa.table(
        {column: _array(column, [row[column] for row in rows]) for column in node_columns(kind)}
    )


def _tie_columns(ties: Sequence[Tie]) -> pa.Table:
    """Ties as Arrow columns, built column by column (a million ties, no row dicts)."""
    text = pa.string()
    values: dict[str, pa.Array] = {
        "from": pa.array([t.source for t in ties], text),
        "to": pa.array([t.target for t in ties], text),
        "id": pa.array([t.id for t in ties], text),
        "role": pa.array([t.role for t in ties], text),
        "start": pa.array([t.start for t in ties], text),
        "end": pa.array([t.end for t in ties], text),
        "seatType": pa.array([t.seat_type and t.seat_type.value for t in ties], text),
        "sources": _lists([t.sources for t in ties]),
    }
    return pa.table({name: values[name] for name in ("from", "to", *TIE_COLUMNS)})


def _lists(values: Sequence[Sequence[str]]) -> pa.Array:
    """A list-of-strings column from offsets into one flat column (faster than nested lists)."""
    offsets = [0]
    flat: list[str] = []
    for items in values:
        flat.extend(items)
        offsets.append(len(flat))
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(flat, pa.string()))


def _array(column: str, values: list[Any]) -> pa.Array:
    return pa.array(values, pa.list_(pa.string()) if column in LIST_COLUMNS else pa.string())


def _open_failure(path: Path, error: RuntimeError) -> str:
    if "lock" in str(error).lower():
        return (
            f"The database at {path} is held by another process (is `poikki serve` running?). "
            "Stop it, or send the change through the running server."
        )
    return f"The database at {path} could not be opened: {error}"
