"""GraphiQL at `GET /graphql` (for browsers), served from this package: no CDN, so it works
offline, and the page and its assets are public static files even when reading needs a token.

The script and styles are built by `tools/graphiql` into `server/static/graphiql/` and
committed, so serving needs no Node. The page opens GraphiQL's headers editor, where a person
pastes `{"Authorization": "Bearer …"}`; the API checks that token as it checks any client's.
"""

from __future__ import annotations

from functools import cache

from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute

from server.bundles import Bundle, page_headers

BUNDLE = Bundle("graphiql")
STATIC = BUNDLE.folder


# GraphiQL and its components set inline styles; its fonts are inline data. The API and
# subscriptions are this same origin (http and ws).
_HEADERS = page_headers(
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
)


@cache
def page() -> str:
    return BUNDLE.page("Poikki GraphiQL", '<div id="graphiql" data-state="loading">Loading…</div>')


def graphiql_page() -> HTMLResponse:
    return HTMLResponse(page(), headers=_HEADERS)


def graphiql_routes() -> list[BaseRoute]:
    """GraphiQL's built script and styles (the page itself answers at /graphql)."""
    return [BUNDLE.route()]
