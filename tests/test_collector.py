"""The cycle collector and a serving app: what the server made to start is frozen while it
serves (a full collection walked ~170,000 such objects for ~0.1 s, every twentieth nested
query or so), and nothing stays frozen once the app stops."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from starlette.testclient import TestClient

from graph.backends.ladybug import LadybugStore
from seed.knowledge import seed_graph
from server.app import YOUNG_OBJECTS_BEFORE_A_COLLECTION, create_app, served_store
from server.settings import Settings
from tests.databases import load_copy


def test_what_the_server_made_to_start_is_not_walked_while_it_serves(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    load_copy(settings.database_path, *seed_graph())
    app = create_app(settings)
    gc.unfreeze()
    with TestClient(app) as http:
        assert http.get("/healthz").status_code == 200
        assert gc.get_freeze_count() > 0
        walked = {id(thing) for thing in gc.get_objects()}
        assert id(app) not in walked
        assert id(app.router) not in walked
        answer = http.post(
            "/graphql", json={"query": "{ people(first: 1) { edges { node { name } } } }"}
        )
        assert answer.json()["data"]["people"]["edges"]
    assert gc.get_freeze_count() == 0


def test_a_served_request_leaves_nothing_for_the_collector(tmp_path: Path) -> None:
    """The executor, the request's context, its loaders and what they loaded are freed by
    refcounting when the answer is sent, not left in cycles; the collector runs seldom while
    the server serves (server/app.py) and at Python's default once it stops."""
    settings = Settings(data_dir=tmp_path, result_cache_mb=0)
    load_copy(settings.database_path, *seed_graph())
    default = gc.get_threshold()
    nested = """{ programmes(first: 5) { edges { node { name projects(first: 5) { edges {
      node { name participants(first: 5) { edges { role node { __typename } } } } } } } } } }"""
    with TestClient(create_app(settings)) as http:
        assert gc.get_threshold()[0] == YOUNG_OBJECTS_BEFORE_A_COLLECTION
        deadline = time.monotonic() + 60
        while not http.get("/readyz").json()["readModel"]["current"]:
            assert time.monotonic() < deadline, "the read model was not built"
        store = served_store(http.app)
        assert isinstance(store, LadybugStore)
        assert store.read_model is not None
        model = store.read_model.current()
        assert model is not None
        assert id(model) not in {id(thing) for thing in gc.get_objects()}  # frozen when built
        assert http.post("/graphql", json={"query": nested}).json()["data"]["programmes"]
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            answer = http.post("/graphql", json={"query": nested})
            assert answer.json()["data"]["programmes"]["edges"]
            gc.collect()
            left = {type(thing).__name__ for thing in gc.garbage}
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
        assert not left & {"PlannedExecutor", "Context", "DataLoader", "Neighbour", "Node"}
    assert gc.get_threshold() == default
