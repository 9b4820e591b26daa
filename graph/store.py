"""The GraphStore and TokenStore protocols and the values that cross them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import pyarrow as pa

from graph.aggregates import Group, Grouping, Summary
from graph.history import SYSTEM, Attribution, LogEntry
from graph.model import GraphStats, Node, NodeKind, Tie, TieType
from graph.text_match import Tier, fold
from graph.tokens import ApiToken


class Direction(StrEnum):
    OUT = "OUT"
    IN = "IN"


class Op(StrEnum):
    EQUALS = "EQUALS"
    IN = "IN"
    CONTAINS = "CONTAINS"
    ACTIVE_FROM = "ACTIVE_FROM"
    ACTIVE_TO = "ACTIVE_TO"
    INSTANT_FROM = "INSTANT_FROM"
    """ACTIVE_FROM for a point in time: `prop` (the end) is on or after the value, or, when
    it has none, the start is (an instant with only a start ends when it starts)."""


@dataclass(frozen=True)
class Condition:
    """`prop` is a stored property name taken from the model's columns, never user text."""

    prop: str
    op: Op
    value: str | tuple[str, ...]


class SortField(StrEnum):
    """What a list is sorted by: the stored property named by the value."""

    NAME = "nameKey"
    """The name in Finnish order (graph/collation.py)."""
    START = "start"
    END = "end"
    ID = "id"


@dataclass(frozen=True)
class Order:
    field: SortField = SortField.NAME
    descending: bool = False
    count: TieCount | None = None
    """When given, the list is sorted by this count instead of `field` (then by id); its
    keysets are (graph.aggregates.count_key(count), id)."""


@dataclass(frozen=True)
class Keyset:
    """The sort values of the last row a client has seen; the next page starts after it."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class NodeQuery:
    kind: NodeKind
    conditions: tuple[Condition, ...] = ()
    order: Order = Order()
    limit: int = 20
    after: Keyset | None = None
    match: Match | None = None
    """Beyond `conditions`: AND/OR/NOT and conditions on related nodes and ties."""


@dataclass(frozen=True)
class Page:
    nodes: Sequence[Node]
    keysets: Sequence[Keyset]
    has_more: bool


@dataclass(frozen=True)
class Hop:
    """One step from a node of `parent` kind along ties of `types` to nodes of `others` kinds."""

    parent: NodeKind
    types: tuple[TieType, ...]
    direction: Direction
    others: tuple[NodeKind, ...]


class Quantifier(StrEnum):
    """How many of a node's ties along a hop must match: at least one, none, every one (true
    when it has none), exactly one."""

    SOME = "SOME"
    NONE = "NONE"
    ALL = "ALL"
    SINGLE = "SINGLE"


@dataclass(frozen=True)
class Match:
    """A condition on nodes of one kind, met when every part is: its own `conditions`, each
    `related`, each of `all_of`, at least one of `any_of` (when given; an empty tuple matches
    nothing) and not `negated`. `Match()` matches every node of the kind."""

    conditions: tuple[Condition, ...] = ()
    related: tuple[Related, ...] = ()
    all_of: tuple[Match, ...] = ()
    any_of: tuple[Match, ...] | None = None
    negated: Match | None = None


@dataclass(frozen=True)
class EdgeMatch:
    """A condition on one tie along a hop and the node at its far end, met as Match's parts:
    the tie's own `tie` conditions and, by the far node's kind, `node`."""

    tie: tuple[Condition, ...] = ()
    node: tuple[tuple[NodeKind, Match], ...] | None = None
    all_of: tuple[EdgeMatch, ...] = ()
    any_of: tuple[EdgeMatch, ...] | None = None
    negated: EdgeMatch | None = None


@dataclass(frozen=True)
class Related:
    """The node's ties along `hop` that meet `edge`: SOME of them, NONE, ALL or a SINGLE one."""

    hop: Hop
    quantifier: Quantifier
    edge: EdgeMatch = EdgeMatch()


@dataclass(frozen=True)
class TieCount:
    """How many ties a node has along the one of `hops` whose parent is its kind (none: 0)."""

    name: str
    """What the count is called (cursors of lists sorted by it carry the name)."""
    hops: tuple[Hop, ...]

    def hop_of(self, kind: NodeKind) -> Hop | None:
        return next((hop for hop in self.hops if hop.parent is kind), None)


@dataclass(frozen=True)
class Neighbour:
    tie: Tie
    node: Node
    keyset: Keyset


@dataclass(frozen=True)
class NeighbourPage:
    """The first neighbours of one parent, and how many it has in all."""

    items: Sequence[Neighbour]
    total: int


@dataclass(frozen=True)
class SearchQuery:
    """Nodes of `kinds` whose name or description contains `text`, both folded, best first
    (graph/text_match.py), a keyset page at a time."""

    text: str
    kinds: tuple[NodeKind, ...]
    limit: int = 20
    after: Keyset | None = None
    """The keyset of the last hit seen: its tier, name key and id."""

    @property
    def needle(self) -> str:
        """The folded text a node's folded name or description must contain."""
        return fold(self.text)


@dataclass(frozen=True)
class SearchHit:
    node: Node
    tier: Tier
    keyset: Keyset


@dataclass(frozen=True)
class SearchPage:
    hits: Sequence[SearchHit]
    has_more: bool


@dataclass(frozen=True)
class TieColumnBatch:
    """Ties of one type in id order as columns (graph.columns.TIE_BATCH)."""

    table: pa.Table

    def __len__(self) -> int:
        return int(self.table.num_rows)


@dataclass(frozen=True)
class WriteSummary:
    created_nodes: int = 0
    updated_nodes: int = 0
    unchanged_nodes: int = 0
    created_ties: int = 0
    updated_ties: int = 0
    unchanged_ties: int = 0


@dataclass(frozen=True)
class MergeResult:
    """What `merge_nodes` did: the kept node as stored after, the removed one as it was."""

    kept: Node
    removed: Node
    moved: tuple[Tie, ...] = ()
    """The removed node's ties, now the kept node's."""
    folded: tuple[Tie, ...] = ()
    """The kept node's ties that absorbed a duplicate (same type, far end and period), with
    the duplicates' sources added."""
    dropped: tuple[Tie, ...] = ()
    """Ties that joined the two nodes: they would join the kept node to itself."""
    absorbed: tuple[Tie, ...] = ()
    """The removed node's ties folded into one of `folded`, as they were."""


@dataclass
class RoundTrips:
    """Counts the statements sent to the database (and the reads the embedded read model
    answers in their place, one each), so tests can bound them."""

    count: int = 0
    by_statement: dict[str, int] = field(default_factory=dict)

    def record(self, statement: str) -> None:
        self.count += 1
        self.by_statement[statement] = self.by_statement.get(statement, 0) + 1


class TokenStore(Protocol):
    """Where bearer tokens are kept: their names, roles and digests, never the secrets."""

    async def save_token(self, token: ApiToken, by: Attribution = SYSTEM) -> None:
        """Store a token (its digest, never the secret); names are unique."""

    async def token_by_digest(self, digest: str) -> ApiToken | None: ...

    async def list_tokens(self) -> list[ApiToken]: ...

    async def revoke_token(self, name: str, by: Attribution = SYSTEM) -> bool:
        """Delete the token of that name; False when there is none."""


class GraphStore(TokenStore, Protocol):
    """The graph's nodes and ties; a backend keeps the tokens beside them (TokenStore)."""

    round_trips: RoundTrips
    version: int
    """The log's last position (graph/history.py) as last read: grows with every write by
    any process; caches of derived results key on it."""
    read_timeout: float | None
    """Seconds a read may run before it is stopped (StoreUnavailableError); None: no limit."""

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Raise StoreUnavailableError if the database cannot answer."""

    async def get_nodes(self, kind: NodeKind, ids: Sequence[str]) -> list[Node | None]:
        """Nodes of one kind in the order of `ids`; None where an id is unknown."""

    async def find_nodes(self, ids: Sequence[str]) -> list[Node | None]:
        """Nodes of any kind in the order of `ids`."""

    async def list_nodes(self, query: NodeQuery) -> Page: ...

    async def count_nodes(
        self, kind: NodeKind, conditions: Sequence[Condition], match: Match | None = None
    ) -> int: ...

    async def neighbours(
        self,
        hop: Hop,
        parent_ids: Sequence[str],
        after: Keyset | None = None,
        where: EdgeMatch | None = None,
    ) -> Mapping[str, list[Neighbour]]:
        """Every neighbour of each parent along `hop` whose tie meets `where`, ordered by name,
        id and tie id."""

    async def first_neighbours(
        self, hop: Hop, parent_ids: Sequence[str], limit: int, where: EdgeMatch | None = None
    ) -> Mapping[str, NeighbourPage]:
        """The first `limit` neighbours of each parent (in `neighbours` order, those whose tie
        meets `where`) and their count, cut in the database so a parent with many neighbours
        costs little."""

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
        """Each parent's neighbours (whose tie meets `where`) sorted by `count` of the
        neighbour, its id and the tie id (all descending or all ascending): up to `limit`
        after `after`, and how many it has in all; keysets are
        (graph.aggregates.count_key(count), node id, tie id)."""

    async def summarise_nodes(self, query: NodeQuery) -> Summary:
        """Count, start and end of the nodes `query` selects (its order and page aside)."""

    async def group_nodes(self, query: NodeQuery, grouping: Grouping) -> list[Group]:
        """The nodes `query` selects counted by a key, in graph.aggregates.ordered_groups."""

    async def summarise_neighbours(
        self, hop: Hop, parent_ids: Sequence[str], where: EdgeMatch | None = None
    ) -> Mapping[str, Summary]:
        """Per parent, the count of its ties along `hop` that meet `where`, and the span of
        their dates."""

    async def group_neighbours(
        self,
        hop: Hop,
        parent_ids: Sequence[str],
        grouping: Grouping,
        where: EdgeMatch | None = None,
    ) -> Mapping[str, list[Group]]:
        """Per parent, its ties along `hop` that meet `where`, counted by a key of the tie
        or the neighbour."""

    async def search(self, query: SearchQuery) -> SearchPage:
        """A page of the nodes that match, by tier (best first), name key and id."""

    async def count_search(self, text: str, kinds: Sequence[NodeKind]) -> int:
        """How many nodes of `kinds` match `text` (as `search` matches it)."""

    async def existing_ties(self, type_: TieType, ids: Sequence[str]) -> list[Tie]:
        """Stored ties of one type by tie id, in no particular order."""

    async def nodes_by_identifiers(self, keys: Sequence[str]) -> dict[str, Node]:
        """The node holding each of these identifier keys (`SCHEME:value`); absent if none."""

    async def name_rows(self, kind: NodeKind) -> list[tuple[str, str, tuple[str, ...]]]:
        """Every node of a kind as (id, folded name, identifier keys), in no order."""

    async def merged_into(self, ids: Sequence[str]) -> dict[str, Node]:
        """The node each of these ids was merged into (it lists the id in `mergedFrom`)."""

    async def merge_nodes(
        self, keep_id: str, remove_id: str, by: Attribution = SYSTEM
    ) -> MergeResult:
        """Merge `remove` into `keep` in one transaction (graph/merges.py says how), its log
        entries included."""

    async def upsert(
        self, nodes: Sequence[Node], ties: Sequence[Tie], by: Attribution = SYSTEM
    ) -> WriteSummary:
        """Create or update nodes and ties in one transaction: all of it or none of it, its
        log entries included."""

    async def bulk_load(
        self,
        nodes: Sequence[Node],
        ties: Sequence[Tie],
        progress: Callable[[int], None] | None = None,
        by: Attribution = SYSTEM,
        log: Sequence[LogEntry] = (),
    ) -> WriteSummary:
        """Load into an empty store through the database's fast bulk path.

        `progress` is told how many nodes and ties each step wrote; a failed load leaves the
        store empty again. Logged as one entry per node kind and tie type, or, given `log`
        (the entries of the graph's log, when copying), as that log with its positions.
        """

    async def stats(self) -> GraphStats: ...

    async def scan_nodes(self, kind: NodeKind, after_id: str | None, limit: int) -> list[Node]:
        """Up to `limit` nodes of a kind with ids after `after_id`, in id order."""

    async def scan_ties(self, type_: TieType, after_id: str | None, limit: int) -> list[Tie]:
        """Up to `limit` ties of a type with ids after `after_id`, in id order."""

    async def scan_tie_columns(
        self, type_: TieType, after_id: str | None, limit: int
    ) -> TieColumnBatch:
        """As `scan_ties`, as columns (graph.columns.TIE_BATCH): for reading a whole graph
        without an object per tie."""

    async def ties_of(self, kind: NodeKind, ids: Sequence[str]) -> list[Tie]:
        """Every tie, of any type and direction, with an end among these nodes of one kind."""

    async def delete(
        self, nodes: Sequence[Node], ties: Sequence[Tie], by: Attribution = SYSTEM
    ) -> None:
        """Delete ties and nodes (with every tie they are part of) in one transaction. By
        Operation.FORGET_PERSON it is an erasure: the log entries of these nodes and ties lose
        their ids and values, and one entry says that something was erased."""

    async def sync_version(self) -> int:
        """`version`, read from the database when the last read is 100 ms old or more."""

    async def history(
        self, subject_type: str, subject: str, before: int | None, limit: int
    ) -> list[LogEntry]:
        """Up to `limit` log entries of one node (kind) or tie (type), newest first, before
        the position `before` (None: from the newest)."""

    async def log_entries(self, after: int, limit: int) -> list[LogEntry]:
        """Up to `limit` log entries after a position, oldest first."""

    async def position_at(self, moment: str) -> int:
        """The last log position written at or before a moment (ISO 8601 UTC); 0: none."""

    async def unsourced_nodes(self, kind: NodeKind, after_id: str | None, limit: int) -> list[Node]:
        """Nodes of a kind that cite no source, in id order after `after_id`."""

    async def unsourced_ties(self, type_: TieType, after_id: str | None, limit: int) -> list[Tie]:
        """Ties of a type that cite no source, in id order after `after_id`."""
