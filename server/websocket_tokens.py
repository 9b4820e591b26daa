"""graphql-transport-ws whose token is checked again for every operation: a socket opened
before its token was revoked (by `revokeToken`, or by any process that writes to the store)
runs nothing more and is closed with 4403. The `changes` subscription checks at every change
it would deliver and ends when the token is gone; the socket is then closed the same way."""

from __future__ import annotations

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage

from graph.errors import PoikkiError
from resolvers.auth import revalidated
from resolvers.context import Context

REVOKED = 4403
"""graphql-transport-ws's code for Forbidden, as at connection_init with a wrong token."""
UNCHECKED = 1011


class TokenCheckingHandler(BaseGraphQLTransportWSHandler[Context, None]):
    _closing = False

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        if self.connection_acknowledged and not await self._token_stands():
            return
        await super().handle_subscribe(message)

    async def run_operation(self, operation: Operation[Context, None]) -> None:
        await super().run_operation(operation)
        if self.context.viewer.bad_token:
            await self._close(REVOKED, "Forbidden: the bearer token is no longer valid.")

    async def _token_stands(self) -> bool:
        try:
            self.context.viewer = await revalidated(self.context.store, self.context.viewer)
        except PoikkiError:
            await self._close(UNCHECKED, "The bearer token could not be checked; try again.")
            return False
        if self.context.viewer.bad_token:
            await self._close(REVOKED, "Forbidden: the bearer token is no longer valid.")
            return False
        return True

    async def _close(self, code: int, reason: str) -> None:
        if not self._closing:
            self._closing = True
            await self.websocket.close(code=code, reason=reason)
