"""Who is asking: the role of the bearer token on a request, and the checks that need one."""

from __future__ import annotations

from dataclasses import dataclass

from graph.errors import PoikkiError
from graph.store import TokenStore
from graph.tokens import Role, digest_of


class ForbiddenError(PoikkiError):
    """No token, a token that is not known, or one whose role is not enough."""


@dataclass(frozen=True)
class Viewer:
    role: Role | None = None
    token_name: str | None = None
    bad_token: bool = False
    """A token was presented and is not known: every operation is refused."""
    digest: str | None = None
    """The digest of the token presented, to check again that it still stands."""

    def require(self, needed: Role, doing: str) -> None:
        if self.bad_token:
            raise ForbiddenError("The bearer token is not valid.")
        if self.role is None:
            raise ForbiddenError(f"{doing} needs a bearer token with the {needed.value} role.")
        if not self.role.allows(needed):
            raise ForbiddenError(
                f"{doing} needs the {needed.value} role; this token is a {self.role.value}."
            )


async def viewer_of(store: TokenStore, authorization: str | None) -> Viewer:
    if not authorization:
        return Viewer()
    scheme, _, secret = authorization.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        return Viewer(bad_token=True)
    return await _viewer_by_digest(store, digest_of(secret.strip()))


async def revalidated(store: TokenStore, viewer: Viewer) -> Viewer:
    """The viewer as the store's tokens say now: a token revoked since (by any process that
    writes to the store) makes a bad token. Anonymous viewers and bad tokens stay as they are."""
    if viewer.digest is None or viewer.bad_token:
        return viewer
    return await _viewer_by_digest(store, viewer.digest)


async def _viewer_by_digest(store: TokenStore, digest: str) -> Viewer:
    token = await store.token_by_digest(digest)
    if token is None:
        return Viewer(bad_token=True)
    return Viewer(token.role, token.name, digest=digest)
