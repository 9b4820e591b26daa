"""GraphiQL at `GET /graphql` (for browsers), served from this package: no CDN, so it works
offline, and the page and its assets are public static files even when reading needs a token.

The script and styles are built by `tools/graphiql` into `server/static/graphiql/` and
committed, so serving needs no Node. The page opens GraphiQL's headers editor, where a person
pastes `{"Authorization": "Bearer …"}`; the API checks that token as it checks any client's.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static" / "graphiql"
ASSETS = "/static/graphiql"
ASSET_NAMES = ("graphiql.js", "graphiql.css")

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Poikki GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{assets}/graphiql.css?v={version}">
</head>
<body>
<div id="graphiql" data-state="loading">Loading…</div>
<script src="{assets}/graphiql.js?v={version}"></script>
</body>
</html>
"""

# GraphiQL and its components set inline styles; its fonts are inline data. The API and
# subscriptions are this same origin (http and ws).
_SECURITY = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
}


@cache
def _asset_version() -> str:
    """A digest of the built assets, so that browsers fetch them again after an upgrade."""
    digest = hashlib.sha256()
    for name in ASSET_NAMES:
        path = STATIC / name
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:12]


@cache
def page() -> str:
    return _PAGE.format(assets=ASSETS, version=_asset_version())


def graphiql_page() -> HTMLResponse:
    return HTMLResponse(page(), headers=_SECURITY)


def graphiql_routes() -> list[BaseRoute]:
    """GraphiQL's built script and styles (the page itself answers at /graphql)."""
    return [
        Mount(ASSETS, app=StaticFiles(directory=STATIC, check_dir=False), name="graphiql"),
    ]
