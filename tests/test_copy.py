"""Copying the whole graph between stores: everything arrives, counts are checked, and a
non-empty target is refused. Neo4j joins when POIKKI_NEO4J_URI is set."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import BadInputError
from graph.model import NodeKind, TieType
from graph.store import GraphStore
from seed.knowledge import seed_graph
from server.copy import copy_graph
from tests.backends import BACKENDS, open_backend


async def _everything(store: GraphStore) -> tuple[list[object], list[object]]:
    nodes = [n for kind in NodeKind for n in await store.scan_nodes(kind, None, 10_000)]
    ties = [t for type_ in TieType for t in await store.scan_ties(type_, None, 10_000)]
    return sorted(nodes, key=lambda n: n.id), sorted(ties, key=lambda t: t.id)


@pytest.mark.parametrize("target_backend", BACKENDS)
async def test_copy_moves_everything_and_checks_counts(target_backend: str, tmp_path: Path) -> None:
    source = await open_backend("embedded", tmp_path / "source")
    target = await open_backend(target_backend, tmp_path / "target")
    try:
        nodes, ties = seed_graph()
        await source.bulk_load(nodes, ties)
        read: list[int] = []
        written: list[int] = []
        report = await copy_graph(
            source, target, batch=16, on_read=read.append, on_write=written.append
        )
        assert (report.nodes, report.ties) == (len(nodes), len(ties))
        assert sum(read) == sum(written) == len(nodes) + len(ties)
        assert max(read) == 16
        assert await _everything(target) == await _everything(source)
        with pytest.raises(BadInputError, match="not empty"):
            await copy_graph(source, target)
    finally:
        await source.close()
        await target.close()
