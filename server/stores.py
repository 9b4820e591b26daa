"""Which GraphStore the settings select."""

from __future__ import annotations

from graph.backends.ladybug import LadybugStore
from graph.store import GraphStore
from server.settings import Settings


def store_for(settings: Settings, *, read_only: bool = False) -> GraphStore:
    return LadybugStore(settings.database_path, read_only=read_only)
