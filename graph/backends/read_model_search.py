"""Search from the read model: graph/cypher.py's `search` and `count_search` over the stored
folded columns, in Arrow.

The same columns (`searchText`, `searchName`, `nameKey`, written by graph.columns.node_row)
and the same rules (graph/text_match.py): a node matches when `searchText` contains the
folded text; hits go by tier, best first, then by name key and id as code points, which is
how the databases compare them. Arrow's kernels release the GIL, so the store runs this in a
worker thread and a search over a large graph does not hold the event loop.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from graph.model import NodeKind
from graph.store import Keyset, SearchQuery
from graph.text_match import Tier


@dataclass(frozen=True)
class NameOrder:
    """Every node's row in the node table, by name key and then id."""

    rows: np.ndarray


@dataclass(frozen=True)
class Found:
    rows: list[int]
    tiers: list[Tier]
    keysets: list[Keyset]
    has_more: bool


def name_order(nodes: pa.Table) -> NameOrder:
    table = pa.table({"key": pc.coalesce(nodes.column("nameKey"), ""), "id": nodes.column("id")})
    order = pc.sort_indices(table, [("key", "ascending"), ("id", "ascending")])
    return NameOrder(order.to_numpy().astype(np.int64))


def matching(nodes: pa.Table, kinds: tuple[NodeKind, ...], needle: str) -> np.ndarray:
    """Which rows of the node table are of `kinds` and contain the folded text."""
    of_kinds = pc.is_in(nodes.column("_kind"), value_set=pa.array([k.value for k in kinds]))
    contains = pc.match_substring(nodes.column("searchText"), needle)
    both = pc.fill_null(pc.and_(of_kinds, contains), False)
    mask: np.ndarray = both.to_numpy(zero_copy_only=False)
    return mask


def find(nodes: pa.Table, order: NameOrder, query: SearchQuery) -> Found:
    needle = query.needle
    mask = matching(nodes, query.kinds, needle)
    rows = order.rows[mask[order.rows]]
    taken = pa.array(rows, pa.int64())
    keys = pc.coalesce(nodes.column("nameKey").take(taken), "")
    ids = nodes.column("id").take(taken)
    tiers = _tiers(pc.coalesce(nodes.column("searchName").take(taken), ""), needle)
    if query.after is not None:
        tier, key, last_id = query.after.values
        later = pc.or_(
            pc.greater(keys, key), pc.and_(pc.equal(keys, key), pc.greater(ids, last_id))
        ).to_numpy(zero_copy_only=False)
        kept = (tiers < int(tier)) | ((tiers == int(tier)) & later)
        rows, tiers, keys, ids = rows[kept], tiers[kept], keys.filter(kept), ids.filter(kept)
    chosen = np.argsort(-tiers, kind="stable")[: query.limit + 1]
    page = chosen[: query.limit]
    page_keys, page_ids = keys.take(page).to_pylist(), ids.take(page).to_pylist()
    return Found(
        rows=[int(row) for row in rows[page]],
        tiers=[Tier(int(tier)) for tier in tiers[page]],
        keysets=[
            Keyset((str(int(tier)), key, node_id))
            for tier, key, node_id in zip(tiers[page], page_keys, page_ids, strict=True)
        ],
        has_more=len(chosen) > query.limit,
    )


def _tiers(names: pa.ChunkedArray | pa.Array, needle: str) -> np.ndarray:
    """Each folded name's tier for the folded text (all of them contain it somewhere in
    their name or description)."""
    tiers = np.full(len(names), Tier.DESCRIPTION.value, dtype=np.int64)
    # From the weakest up, each stronger test overwriting: the strongest that holds wins.
    for tier, test in (
        (Tier.INSIDE_NAME, pc.match_substring(names, needle)),
        (Tier.NAME_WORD, pc.match_substring(names, " " + needle)),
        (Tier.NAME_PREFIX, pc.starts_with(names, needle)),
        (Tier.WHOLE_NAME, pc.equal(names, needle)),
    ):
        tiers[test.to_numpy(zero_copy_only=False)] = tier.value
    return tiers
