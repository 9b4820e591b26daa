"""Who may come in: the bearer token on an HTTP request or a websocket's connection_init,
checked before anything is read. Reads are public unless POIKKI_PUBLIC_READ=false; a token
that is presented but not known (unknown, revoked or malformed) is refused everywhere.

A request that is not let in at all is HTTP 401 with `WWW-Authenticate` and a GraphQL error
body coded FORBIDDEN (a websocket is closed with 4403); a viewer let in whose role is
too small for a field gets that field's FORBIDDEN error in a 200 answer, as GraphQL clients
expect."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse

from graph.store import TokenStore
from graph.tokens import Role
from resolvers.auth import ForbiddenError, Viewer, viewer_of
from server.refusals import JSON, RequestRefusedError, preferred_media_type, refusal


async def admit(store: TokenStore, authorization: str | None, public_read: bool) -> Viewer:
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
        media_type = preferred_media_type(connection.headers.get("accept", ""))
        return forbidden(error, media_type)


def authorization_of(payload: Mapping[str, Any] | None) -> str | None:
    """The token a websocket client sends in connection_init: {"Authorization": "Bearer …"}."""
    if not payload:
        return None
    for key, value in payload.items():
        if key.lower() == "authorization" and isinstance(value, str):
            return value
    return None


def forbidden(error: ForbiddenError, media_type: str = JSON) -> JSONResponse:
    unauthorised = RequestRefusedError(
        401, str(error), "FORBIDDEN", headers={"WWW-Authenticate": 'Bearer realm="poikki"'}
    )
    return refusal(unauthorised, media_type)
