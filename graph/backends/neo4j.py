"""The server backend: Neo4j 5 (a server, a cluster or Aura) through the official async driver.

No other module imports `neo4j`: driver errors become Poikki's own errors here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import neo4j
from neo4j import exceptions as driver_errors

from graph.backends import neo4j_cypher
from graph.backends.cypher_store import CypherStore, Progress, Row
from graph.columns import node_from_row, node_row, tie_from_row, tie_row
from graph.cypher import Statement
from graph.errors import BadInputError, StoreUnavailableError
from graph.history import SYSTEM, Attribution, LogEntry
from graph.model import Node, NodeKind, Tie, TieType
from graph.store import EdgeMatch, Hop, SearchQuery, WriteSummary
from graph.writes import nodes_for_bulk_load, ties_for_bulk_load

BATCH_ROWS = 5_000
_KINDS = {kind.value: kind for kind in NodeKind}


class Neo4jStore(CypherStore):
    dialect = neo4j_cypher.DIALECT

    def __init__(
        self, uri: str, *, user: str, password: str, database: str, batch_rows: int = BATCH_ROWS
    ) -> None:
        super().__init__()
        self.uri = uri
        self.database = database
        self._auth = (user, password)
        self._batch_rows = batch_rows
        self._driver: neo4j.AsyncDriver | None = None
        self._prepared = False

    async def open(self) -> None:
        """Connect and set up the schema. If Neo4j cannot be reached this raises, but the
        store stays usable: every later call tries again, so a server that comes up later is
        picked up without a restart."""
        async with self._translated():
            self._driver = neo4j.AsyncGraphDatabase.driver(self.uri, auth=self._auth)
        await self._prepare()

    async def _prepare(self) -> None:
        if self._prepared:
            return
        driver = self._open_driver()
        async with self._translated():
            await driver.verify_connectivity()
            for text in neo4j_cypher.schema_statements():
                await driver.execute_query(text, database_=self.database)
        self._prepared = True
        await self._fill_derived()
        await self.sync_version()

    async def close(self) -> None:
        if self._driver is not None:
            await self._driver.close()
            self._driver = None

    def _search_statement(self, query: SearchQuery) -> Statement:
        return neo4j_cypher.search(query)

    def _count_search_statement(self, text: str, kinds: Sequence[NodeKind]) -> Statement:
        return neo4j_cypher.count_search(text, kinds)

    def _find_nodes_statement(self, ids: Sequence[str]) -> Statement:
        return neo4j_cypher.find_nodes(ids)

    def _first_neighbours_statement(
        self, hop: Hop, parent_ids: Sequence[str], limit: int, where: EdgeMatch | None
    ) -> Statement:
        return neo4j_cypher.first_neighbours(hop, parent_ids, limit, where)

    def _kind_test(self, var: str, kind: NodeKind) -> str:
        return neo4j_cypher.kind_test(var, kind)

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
            ties_by_ends = ties_for_bulk_load(ties, kinds)
            if not await self._is_empty():
                raise BadInputError("A bulk load needs an empty database; use upsert instead.")
            try:
                for kind, group in nodes_by_kind.items():
                    for batch in _batches([node_row(n) for n in group], self._batch_rows):
                        await self._transaction([neo4j_cypher.create_nodes(kind, batch)])
                        if progress:
                            progress(len(batch))
                for (type_, source, target), tie_group in ties_by_ends.items():
                    rows = [_tie_create_row(tie) for tie in tie_group]
                    for batch in _batches(rows, self._batch_rows):
                        statement = neo4j_cypher.create_ties(type_, source, target, batch)
                        await self._transaction([statement])
                        if progress:
                            progress(len(batch))
                await self._log_bulk_load(by, nodes, ties, log)
            except BaseException:
                await self.delete_everything()
                raise
            return WriteSummary(created_nodes=len(nodes), created_ties=len(ties))

    def _node(self, value: Any) -> Node:
        kind = next(_KINDS[label] for label in value.labels if label in _KINDS)
        return node_from_row(kind, dict(value))

    def _tie(self, value: Any, source: str, target: str) -> Tie:
        return tie_from_row(TieType(value.type), source, target, dict(value))

    async def _read(self, statement: Statement, housekeeping: bool = False) -> list[Row]:
        await self._prepare()
        if not housekeeping:
            self.round_trips.record(statement.text)
        async with self._translated():
            timeout = None if housekeeping else self.read_timeout
            query = neo4j.Query(statement.text, timeout=timeout)
            result = await self._open_driver().execute_query(
                query,
                statement.params,
                routing_=neo4j.RoutingControl.READ,
                database_=self.database,
            )
        return [list(record.values()) for record in result.records]

    async def _transaction(self, statements: Sequence[Statement]) -> list[Row]:
        if not statements:
            return []
        await self._prepare()
        for statement in statements:
            self.round_trips.record(statement.text)

        async def work(tx: neo4j.AsyncManagedTransaction) -> list[Row]:
            rows: list[Row] = []
            for statement in statements:
                result = await tx.run(statement.text, statement.params)
                rows = [list(values) for values in await result.values()]
            return rows

        async with (
            self._translated(),
            self._open_driver().session(database=self.database) as session,
        ):
            return await session.execute_write(work)

    async def delete_everything(self) -> None:
        """Empty the database, in batches so a large graph does not need one huge transaction."""
        while True:
            rows = await self._write_returning(neo4j_cypher.delete_batch(self._batch_rows))
            if not rows or not rows[0][0]:
                return

    async def _write_returning(self, statement: Statement) -> list[Row]:
        await self._prepare()
        self.round_trips.record(statement.text)
        async with self._translated():
            result = await self._open_driver().execute_query(
                statement.text, statement.params, database_=self.database
            )
        return [list(record.values()) for record in result.records]

    def _open_driver(self) -> neo4j.AsyncDriver:
        if self._driver is None:
            raise StoreUnavailableError("The Neo4j store is not open.")
        return self._driver

    @asynccontextmanager
    async def _translated(self) -> AsyncIterator[None]:
        try:
            yield
        except driver_errors.AuthError as error:
            raise StoreUnavailableError(
                f"Neo4j at {self.uri} refused the credentials (POIKKI_NEO4J_USER and "
                f"POIKKI_NEO4J_PASSWORD): {error.message}"
            ) from error
        except (driver_errors.ServiceUnavailable, driver_errors.SessionExpired, OSError) as error:
            raise StoreUnavailableError(
                f"Neo4j at {self.uri} cannot be reached: {error}. Is the server running, and "
                "is POIKKI_NEO4J_URI right?"
            ) from error
        except driver_errors.ConstraintError as error:
            raise BadInputError(f"Neo4j refused the write: {error.message}") from error
        except driver_errors.ClientError as error:
            if error.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreUnavailableError(
                    f"Neo4j at {self.uri} has no database '{self.database}' "
                    "(POIKKI_NEO4J_DATABASE)."
                ) from error
            raise
        except driver_errors.DatabaseUnavailable as error:
            raise StoreUnavailableError(
                f"The Neo4j database '{self.database}' is unavailable: {error.message}"
            ) from error
        except driver_errors.ConfigurationError as error:
            raise StoreUnavailableError(f"The Neo4j driver is misconfigured: {error}") from error


def _batches(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def _tie_create_row(tie: Tie) -> dict[str, Any]:
    return {"source": tie.source, "target": tie.target, "properties": tie_row(tie)}
