"""The Starlette app: GraphQL (with GraphiQL), exports, health, and the store's lifespan."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import TypedDict

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.unset import UNSET, UnsetType

from graph.analytics.service import Analytics
from graph.as_of import Snapshots
from graph.changes import ChangeFeed
from graph.errors import PoikkiError, StoreUnavailableError
from graph.store import GraphStore
from resolvers.auth import ForbiddenError, Viewer
from resolvers.context import Context, Limits
from schema.build import build_schema
from schema.writes import WriteCount
from seed.loader import load_seed_if_empty
from server.access import admit, admit_request, authorization_of
from server.explorer import explorer_routes
from server.export_routes import export, jsonld_context
from server.graphiql import graphiql_page, graphiql_routes
from server.graphql_http import GraphQLOverHTTP
from server.http_cache import EntityTags
from server.middleware import RequestContext
from server.persisted_list import persisted_documents
from server.persisted_queries import PersistedQueries
from server.settings import Settings
from server.stores import selected, store_for

logger = logging.getLogger("poikki.app")


class State(TypedDict):
    store: GraphStore
    analytics: Analytics
    feed: ChangeFeed
    snapshots: Snapshots


class PoikkiGraphQL(GraphQLOverHTTP):
    def __init__(self, settings: Settings) -> None:
        writes = WriteCount()
        listed = persisted_documents(settings)
        only = frozenset(listed) if settings.persisted_only else None
        super().__init__(
            build_schema(settings.query_limits, writes, only, plain_reads=settings.plain_reads),
            documents=PersistedQueries(
                listed, size=settings.persisted_query_cache, only=settings.persisted_only
            ),
            tags=EntityTags(
                cache_control=settings.cache_control,
                sole_writer=selected(settings).sole_writer,
                writes=writes,
            ),
            graphql_ide="graphiql" if settings.graphiql else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        )
        self.limits: Limits = settings.limits
        self.public_read = settings.public_read
        self.max_tokens = settings.max_tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._asks_for_graphiql(scope):
            admitted = await admit_request(Request(scope), self.public_read)
            if isinstance(admitted, Response):
                await admitted(scope, receive, send)
                return
            scope["state"]["viewer"] = admitted
            await _synced(scope["state"].get("store"))
        await super().__call__(scope, receive, send)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return Context(
            store=request.state.store,
            limits=self.limits,
            analytics_service=request.state.analytics,
            viewer=getattr(request.state, "viewer", Viewer()),
            feed=request.state.feed,
            snapshots=request.state.snapshots,
        )

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """Websocket clients send their token in connection_init's payload."""
        try:
            context.viewer = await admit(
                context.store, authorization_of(context.connection_params), self.public_read
            )
        except ForbiddenError as error:
            raise ConnectionRejectionError({"message": str(error)}) from error
        acknowledged: UnsetType = UNSET
        return acknowledged

    def _asks_for_graphiql(self, scope: Scope) -> bool:
        """A browser's GET for the GraphiQL page (strawberry's own test), which only serves
        HTML: let in without a token, as its assets are; the API checks the pasted token."""
        request = self.request_adapter_class(Request(scope))
        return self.graphql_ide is not None and self.should_render_graphql_ide(request)

    async def render_graphql_ide(self, request: Request) -> Response:
        return graphiql_page()


async def _synced(store: GraphStore | None) -> None:
    """Bring the store's version up to the log's (read at most every 100 ms), so this
    request's caches see writes made by other processes and other stores."""
    if store is None:
        return
    # A database that cannot answer is reported by the request itself, as before.
    with suppress(StoreUnavailableError):
        await store.sync_version()


async def healthz(request: Request) -> JSONResponse:
    try:
        await request.state.store.ping()
    except PoikkiError as error:
        return JSONResponse({"status": "unavailable", "reason": str(error)}, status_code=503)
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Ready for traffic: the store answers (within the store timeout). The embedded read
    model's state is reported, not waited for: until it is current, reads go to the database."""
    store = request.state.store
    try:
        await store.ping()
    except PoikkiError as error:
        return JSONResponse({"status": "not ready", "reason": str(error)}, status_code=503)
    keeper = getattr(store, "read_model", None)
    extra = {"readModel": keeper.status()} if keeper is not None else {}
    answers, held = request.state.analytics.cached()
    analytics = {"cached": answers, "bytes": held, "budgetBytes": request.state.analytics.budget}
    return JSONResponse({"status": "ready", **extra, "analyticsCache": analytics})


async def _open(store: GraphStore, settings: Settings) -> bool:
    """Open the store; a database server that is down is reported and waited for, not fatal."""
    try:
        await store.open()
    except StoreUnavailableError as error:
        if not selected(settings).serves_while_down:
            raise
        logger.error("%s Serving anyway: /healthz answers 503 until Neo4j answers.", error)
        return False
    return True


def served_store(app: ASGIApp) -> GraphStore:
    """The store an app from `create_app` serves, once its lifespan has opened it."""
    assert isinstance(app, Starlette), f"not an app from create_app: {app!r}"
    store: GraphStore = app.state.store  # Starlette's State holds untyped attributes
    return store


YOUNG_OBJECTS_BEFORE_A_COLLECTION = 50_000
"""Python collects its youngest objects every 700 net allocations; a nested page makes tens of
thousands of objects that refcounting frees as the request ends, so at 700 the collector
walked them ~9 times a request (1-2.5 ms of a 12 ms answer) and promoted the living ones to
be walked again. Eight nested pages in flight at once hold ~40,000 young objects between
them: at 10,000 they set off a young collection every ~4 requests (~5 ms each, 1.2-1.7 ms a
request), at 50,000 none in 240 requests (measured in process, 2026-12-02). A collection walks
up to this many young objects (~3 ms at 50,000), a middle one ten times that, so higher would
lengthen the pauses where a large answer is being built."""


_THRESHOLDS_AT_IMPORT = gc.get_threshold()


def _freeze_what_lives_as_long_as_the_server() -> None:
    """What the server made to start (modules, the schema, the store) lives until it stops:
    frozen, the cycle collector no longer walks those ~170,000 objects. A full collection,
    which the allocations of about every twentieth nested query set off, took ~0.1 s with
    them (docs/executor.md)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_A_COLLECTION, *_THRESHOLDS_AT_IMPORT[1:])


def create_app(settings: Settings, *, seed_if_empty: bool = False) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[State]:
        store = store_for(settings, serving=True)
        reachable = await _open(store, settings)
        app.state.store = store  # lets operators' tools and tests read the round-trip counter
        snapshots = Snapshots()
        try:
            if reachable and seed_if_empty and await load_seed_if_empty(store):
                logger.info("The database was empty: loaded the demo knowledge.")
            _freeze_what_lives_as_long_as_the_server()
            yield {
                "store": store,
                "analytics": Analytics(
                    store,
                    max_ties=settings.analytics_max_ties,
                    cache_bytes=settings.analytics_cache_mb * 2**20,
                    isolate_above=settings.analytics_isolate_above,
                    workers=settings.analytics_workers,
                ),
                "feed": ChangeFeed(),
                "snapshots": snapshots,
            }
        finally:
            # A stopped app (tests start many) leaves nothing out of collection.
            gc.unfreeze()
            gc.set_threshold(*_THRESHOLDS_AT_IMPORT)
            await snapshots.close()
            await store.close()

    graphql = PoikkiGraphQL(settings)

    async def export_route(request: Request) -> Response:
        admitted = await admit_request(request, settings.public_read)
        if isinstance(admitted, Response):
            return admitted
        return await export(request)

    return Starlette(
        routes=[
            Route("/graphql", graphql),  # any method: GraphQLOverHTTP answers 405 itself
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            # Before /export/{format}: the context a JSON-LD export names (public, like a schema).
            Route("/export/jsonld/context", jsonld_context, methods=["GET"], name="jsonld_context"),
            Route("/export/{format}", export_route, methods=["GET"]),
            *explorer_routes(),
            *graphiql_routes(),
        ],
        lifespan=lifespan,
        middleware=[
            Middleware(RequestContext, max_body_bytes=settings.max_body_bytes),
            *(
                [
                    Middleware(
                        CORSMiddleware,
                        allow_origins=list(settings.cors_origins),
                        allow_methods=["GET", "POST", "OPTIONS"],
                        allow_headers=[
                            "Authorization",
                            "Content-Type",
                            "X-Request-ID",
                            "If-None-Match",
                        ],
                        expose_headers=["X-Request-ID", "Content-Disposition", "ETag"],
                        max_age=600,
                    )
                ]
                if settings.cors_origins
                else []
            ),
        ],
    )
