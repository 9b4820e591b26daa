"""Who may come in: the bearer token on an HTTP request or a websocket's connection_init,
checked before anything is read. Reads are public unless POIKKI_PUBLIC_READ=false; a token
that is presented but not known is refused everywhere."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse

from graph.store import GraphStore
from graph.tokens import Role
from resolvers.auth import ForbiddenError, Viewer, viewer_of


async def admit(store: GraphStore, authorization: str | None, public_read: bool) -> Viewer:
    """The viewer behind `authorization`; ForbiddenError when they may not even read."""
    viewer = await viewer_of(store, authorization)
    if viewer.bad_token or not public_read:
        viewer.require(Role.READER, "Reading")
    return viewer


async def admit_request(connection: HTTPConnection, public_read: bool) -> Viewer | JSONResponse:
    try:
        return await admit(
            connection.state.store, connection.headers.get("authorization"), public_read
        )
    except ForbiddenError as error:
        return forbidden(error)


def authorization_of(payload: Mapping[str, Any] | None) -> str | None:
    """The token a websocket client sends in connection_init: {"Authorization": "Bearer …"}."""
    if not payload:
        return None
    for key, value in payload.items():
        if key.lower() == "authorization" and isinstance(value, str):
            return value
    return None


def forbidden(error: ForbiddenError) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": str(error), "extensions": {"code": "FORBIDDEN"}}]},
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer realm="poikki"'},
    )
