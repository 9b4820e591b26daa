"""What every Cypher backend does the same way: the shared statements, read and turned into
the model. A backend supplies how a statement runs and how its driver shows nodes and
relationships; it overrides a read only where its dialect differs."""

from __future__ import annotations

import asyncio
import time
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from graph import cypher
from graph.backends.cypher_tallies import CypherTallies
from graph.columns import derived_values, tie_batch
from graph.cypher import Statement
from graph.errors import BadInputError
from graph.history import (
    ERASED,
    SYSTEM,
    Attribution,
    LogEntry,
    Operation,
    Subject,
    bulk_rows,
    change_rows,
    entry_of,
    entry_row,
    erasure_rows,
    token_rows,
)
from graph.merges import plan_merge
from graph.model import GraphStats, Node, NodeKind, Tie, TieType
from graph.store import (
    Condition,
    Direction,
    EdgeMatch,
    Hop,
    Keyset,
    Match,
    MergeResult,
    Neighbour,
    NeighbourPage,
    NodeQuery,
    Page,
    RoundTrips,
    SearchHit,
    SearchPage,
    SearchQuery,
    TieColumnBatch,
    WriteSummary,
)
from graph.text_match import Tier
from graph.tokens import ApiToken, Role
from graph.writes import plan_writes

Row = list[Any]
VERSION_MAX_AGE = 0.1
"""Seconds a version read from the log serves before `sync_version` reads it again."""
LOG_BATCH = 10_000
"""Entries of a copied log written per transaction."""
Progress = Callable[[int], None]


class CypherStore(CypherTallies, ABC):
    def __init__(self) -> None:
        self.read_timeout: float | None = None
        """Seconds a read may take before it is stopped (None: no limit); writes are not."""
        self.round_trips = RoundTrips()
        self.version = 0
        self._write_lock = asyncio.Lock()
        self._version_read_at = -VERSION_MAX_AGE

    @abstractmethod
    async def _read(self, statement: Statement, housekeeping: bool = False) -> list[Row]:
        """Run a read. A `housekeeping` read is the store's own (the version that keys the
        caches, the schema checks of opening), not a query's work: it is left out of
        `round_trips` and is not stopped at `read_timeout`, which bounds what clients ask."""

    @abstractmethod
    async def _transaction(self, statements: Sequence[Statement]) -> list[Row]:
        """Run the statements in one transaction; the rows the last one returned."""

    @abstractmethod
    def _node(self, value: Any) -> Node: ...

    @abstractmethod
    def _tie(self, value: Any, source: str, target: str) -> Tie: ...

    @abstractmethod
    def _kind_test(self, var: str, kind: NodeKind) -> str:
        """Cypher that holds when the node `var` is of `kind` (graph/cypher_matches.py)."""

    async def ping(self) -> None:
        await self._read(cypher.ping())

    async def get_nodes(self, kind: NodeKind, ids: Sequence[str]) -> list[Node | None]:
        if not ids:
            return []
        return self._in_order(ids, await self._read(cypher.get_nodes(kind, ids)))

    async def find_nodes(self, ids: Sequence[str]) -> list[Node | None]:
        if not ids:
            return []
        return self._in_order(ids, await self._read(self._find_nodes_statement(ids)))

    def _find_nodes_statement(self, ids: Sequence[str]) -> Statement:
        return cypher.find_nodes(ids)

    async def list_nodes(self, query: NodeQuery) -> Page:
        if query.order.count is not None:
            return await self._list_by_count(query)
        probe = replace(query, limit=query.limit + 1)
        rows = await self._read(cypher.list_nodes(probe, self._kind_test))
        page = rows[: query.limit]
        return Page(
            nodes=[self._node(row[0]) for row in page],
            keysets=[Keyset(tuple(row[1:])) for row in page],
            has_more=len(rows) > query.limit,
        )

    async def count_nodes(
        self, kind: NodeKind, conditions: Sequence[Condition], match: Match | None = None
    ) -> int:
        rows = await self._read(cypher.count_nodes(kind, conditions, match, self._kind_test))
        return int(rows[0][0])

    async def neighbours(
        self,
        hop: Hop,
        parent_ids: Sequence[str],
        after: Keyset | None = None,
        where: EdgeMatch | None = None,
    ) -> Mapping[str, list[Neighbour]]:
        result: dict[str, list[Neighbour]] = {pid: [] for pid in parent_ids}
        if not parent_ids:
            return result
        statement = cypher.neighbours(hop, parent_ids, after, where, self._kind_test)
        for pid, rel, other, *keys in await self._read(statement):
            if rel is None:
                continue
            node = self._node(other)
            source, target = (pid, node.id) if hop.direction is Direction.OUT else (node.id, pid)
            tie = self._tie(rel, source, target)
            result[pid].append(Neighbour(tie=tie, node=node, keyset=Keyset(tuple(keys))))
        return result

    async def first_neighbours(
        self, hop: Hop, parent_ids: Sequence[str], limit: int, where: EdgeMatch | None = None
    ) -> Mapping[str, NeighbourPage]:
        result = {pid: NeighbourPage([], 0) for pid in parent_ids}
        if not parent_ids or limit <= 0:
            return await self._counted(hop, parent_ids, where) if parent_ids else result
        rows = await self._read(self._first_neighbours_statement(hop, parent_ids, limit, where))
        for pid, rels, others, total in rows:
            items = []
            for rel, other in zip(rels or (), others or (), strict=True):
                if rel is None:
                    continue
                node = self._node(other)
                ends = (pid, node.id) if hop.direction is Direction.OUT else (node.id, pid)
                tie = self._tie(rel, *ends)
                # The key the database sorted by (not one made again here, which another ICU
                # version could make differently).
                keyset = Keyset((other.get("nameKey") or "", node.id, tie.id))
                items.append(Neighbour(tie=tie, node=node, keyset=keyset))
            result[pid] = NeighbourPage(items, int(total or 0))
        return result

    def _first_neighbours_statement(
        self, hop: Hop, parent_ids: Sequence[str], limit: int, where: EdgeMatch | None
    ) -> Statement:
        return cypher.first_neighbours(hop, parent_ids, limit, where, self._kind_test)

    async def _counted(
        self, hop: Hop, parent_ids: Sequence[str], where: EdgeMatch | None
    ) -> dict[str, NeighbourPage]:
        pages = await self.first_neighbours(hop, parent_ids, 1, where)
        return {pid: NeighbourPage([], page.total) for pid, page in pages.items()}

    async def search(self, query: SearchQuery) -> SearchPage:
        if not query.kinds:
            return SearchPage([], has_more=False)
        probe = replace(query, limit=query.limit + 1)
        rows = await self._read(self._search_statement(probe))
        hits = [
            SearchHit(self._node(node), Tier(int(tier)), Keyset((str(int(tier)), key, node_id)))
            for node, tier, key, node_id in rows[: query.limit]
        ]
        return SearchPage(hits, has_more=len(rows) > query.limit)

    def _search_statement(self, query: SearchQuery) -> Statement:
        return cypher.search(query)

    async def count_search(self, text: str, kinds: Sequence[NodeKind]) -> int:
        if not kinds:
            return 0
        rows = await self._read(self._count_search_statement(text, kinds))
        return int(rows[0][0])

    def _count_search_statement(self, text: str, kinds: Sequence[NodeKind]) -> Statement:
        return cypher.count_search(text, kinds)

    async def _fill_derived(self, batch: int = 5_000) -> int:
        """Write the derived columns of nodes stored before they existed; how many there were."""
        filled = 0
        for kind in NodeKind:
            while rows := await self._read(cypher.missing_derived(kind, batch), housekeeping=True):
                values = [
                    {"id": node_id} | derived_values(str(name or ""), description)
                    for node_id, name, description in rows
                ]
                await self._transaction([cypher.set_derived(kind, values)])
                filled += len(values)
        return filled

    async def existing_ties(self, type_: TieType, ids: Sequence[str]) -> list[Tie]:
        rows = await self._read(cypher.existing_ties(type_, ids))
        return [self._tie(rel, source, target) for source, target, rel in rows]

    async def nodes_by_identifiers(self, keys: Sequence[str]) -> dict[str, Node]:
        if not keys:
            return {}
        rows = await self._read(cypher.nodes_by_identifiers(keys))
        return {str(key): self._node(node) for key, node in rows}

    async def name_rows(self, kind: NodeKind) -> list[tuple[str, str, tuple[str, ...]]]:
        rows = await self._read(cypher.name_rows(kind))
        return [(str(i), str(name or ""), tuple(keys or ())) for i, name, keys in rows]

    async def merged_into(self, ids: Sequence[str]) -> dict[str, Node]:
        if not ids:
            return {}
        rows = await self._read(cypher.merged_into(ids))
        return {str(ident): self._node(node) for ident, node in rows}

    async def merge_nodes(
        self, keep_id: str, remove_id: str, by: Attribution = SYSTEM
    ) -> MergeResult:
        async with self._write_lock:
            plan = await plan_merge(self, keep_id, remove_id)
            logged = replace(by, operation=Operation.MERGE_NODES)
            await self._logged(plan.statements, change_rows(logged, plan.nodes, plan.ties))
            return plan.result

    async def upsert(
        self, nodes: Sequence[Node], ties: Sequence[Tie], by: Attribution = SYSTEM
    ) -> WriteSummary:
        async with self._write_lock:
            plan = await plan_writes(self, nodes, ties)
            if plan.statements:
                await self._logged(plan.statements, plan.log_rows(by))
            return plan.summary

    async def _logged(self, statements: Sequence[Statement], rows: list[dict[str, Any]]) -> None:
        """Run a write and append its log entries in one transaction; the version becomes
        the log's new last position."""
        log = [cypher.append_log(rows)] if rows else []
        found = await self._transaction([*statements, *log, cypher.log_position()])
        self._set_version(int(found[0][0]) if found and found[0][0] is not None else 0)

    def _set_version(self, position: int) -> None:
        self._version_read_at = time.monotonic()
        if position != self.version:
            self.version = position

    async def _log_bulk_load(
        self, by: Attribution, nodes: Sequence[Node], ties: Sequence[Tie], log: Sequence[LogEntry]
    ) -> None:
        """A bulk load's entries (one per kind and type), or the log its graph comes with."""
        if not log:
            loaded = Counter(node.kind.value for node in nodes)
            loaded.update(tie.type.value for tie in ties)
            await self._logged([], bulk_rows(by, loaded))
            return
        for start in range(0, len(log), LOG_BATCH):
            batch = log[start : start + LOG_BATCH]
            rows = [entry_row(entry) for entry in batch]
            await self._transaction([cypher.restore_log(rows, batch[-1].position)])
        self._set_version(log[-1].position)

    async def sync_version(self) -> int:
        now = time.monotonic()
        if now - self._version_read_at >= VERSION_MAX_AGE:
            rows = await self._read(cypher.log_position(), housekeeping=True)
            # A write of this process may have moved it on while the read was under way.
            if self._version_read_at <= now:
                self._set_version(int(rows[0][0]) if rows and rows[0][0] is not None else 0)
        return self.version

    async def history(
        self, subject_type: str, subject: str, before: int | None, limit: int
    ) -> list[LogEntry]:
        rows = await self._read(cypher.subject_history(subject_type, subject, before, limit))
        return [entry_of(row) for row in rows]

    async def log_entries(self, after: int, limit: int) -> list[LogEntry]:
        return [entry_of(row) for row in await self._read(cypher.log_entries(after, limit))]

    async def position_at(self, moment: str) -> int:
        rows = await self._read(cypher.position_at(moment))
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

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

    async def scan_nodes(self, kind: NodeKind, after_id: str | None, limit: int) -> list[Node]:
        rows = await self._read(cypher.scan_nodes(kind, after_id, limit))
        return [self._node(row[0]) for row in rows]

    async def scan_ties(self, type_: TieType, after_id: str | None, limit: int) -> list[Tie]:
        rows = await self._read(cypher.scan_ties(type_, after_id, limit))
        return [self._tie(rel, source, target) for source, target, rel in rows]

    async def scan_tie_columns(
        self, type_: TieType, after_id: str | None, limit: int
    ) -> TieColumnBatch:
        return TieColumnBatch(tie_batch(await self.scan_ties(type_, after_id, limit)))

    async def _is_empty(self) -> bool:
        return not (await self._read(cypher.count_all_nodes()))[0][0]

    def _in_order(self, ids: Sequence[str], rows: list[Row]) -> list[Node | None]:
        found = {node.id: node for node in (self._node(row[0]) for row in rows)}
        return [found.get(i) for i in ids]

    async def ties_of(self, kind: NodeKind, ids: Sequence[str]) -> list[Tie]:
        found: dict[str, Tie] = {}
        for statement in (cypher.ties_from(kind, ids), cypher.ties_to(kind, ids)):
            for source, target, rel in await self._read(statement):
                tie = self._tie(rel, source, target)
                found[tie.id] = tie
        return sorted(found.values(), key=lambda tie: tie.id)

    async def delete(
        self, nodes: Sequence[Node], ties: Sequence[Tie], by: Attribution = SYSTEM
    ) -> None:
        statements = []
        by_type: dict[TieType, list[str]] = {}
        for tie in ties:
            by_type.setdefault(tie.type, []).append(tie.id)
        statements += [cypher.delete_ties(t, ids) for t, ids in sorted(by_type.items())]
        by_kind: dict[NodeKind, list[str]] = {}
        for node in nodes:
            by_kind.setdefault(node.kind, []).append(node.id)
        statements += [cypher.delete_nodes(k, ids) for k, ids in sorted(by_kind.items())]
        if not statements:
            return
        if by.operation is Operation.FORGET_PERSON:
            # The entries of what is erased lose their values; one entry says that it was.
            subjects = [Subject.of(t) for t in ties] + [Subject.of(n) for n in nodes]
            erased = [{"type": s.type, "id": s.id} for s in subjects]
            statements.append(cypher.erase_log(erased, ERASED))
            rows = erasure_rows(by, nodes[0].kind if nodes else ties[0].type)
        else:
            rows = change_rows(by, [(n, None) for n in nodes], [(t, None) for t in ties])
        async with self._write_lock:
            await self._logged(statements, rows)

    async def unsourced_nodes(self, kind: NodeKind, after_id: str | None, limit: int) -> list[Node]:
        rows = await self._read(cypher.unsourced_nodes(kind, after_id, limit))
        return [self._node(row[0]) for row in rows]

    async def unsourced_ties(self, type_: TieType, after_id: str | None, limit: int) -> list[Tie]:
        rows = await self._read(cypher.unsourced_ties(type_, after_id, limit))
        return [self._tie(rel, source, target) for source, target, rel in rows]

    async def save_token(self, token: ApiToken, by: Attribution = SYSTEM) -> None:
        async with self._write_lock:
            if any(t.name == token.name for t in await self.list_tokens()):
                raise BadInputError(f"A token named '{token.name}' exists already.", "name")
            statement = cypher.save_token(token.name, token.role.value, token.digest, token.created)
            await self._logged([statement], token_rows(by, None, token))

    async def token_by_digest(self, digest: str) -> ApiToken | None:
        rows = await self._read(cypher.token_by_digest(digest))
        return _token(rows[0]) if rows else None

    async def list_tokens(self) -> list[ApiToken]:
        return [_token(row) for row in await self._read(cypher.list_tokens())]

    async def revoke_token(self, name: str, by: Attribution = SYSTEM) -> bool:
        async with self._write_lock:
            found = [t for t in await self.list_tokens() if t.name == name]
            if not found:
                return False
            await self._logged([cypher.revoke_token(name)], token_rows(by, found[0], None))
            return True


def _token(row: Row) -> ApiToken:
    name, role, digest, created = row
    return ApiToken(str(name), Role(str(role)), str(digest), str(created))
