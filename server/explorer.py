"""`GET /explore`: a page that draws a scope of the network and lets a person explore it.

The page is a client like any other: its script (built by `tools/explorer` into
`server/static/explorer/`, committed, so serving needs no Node) reads everything through
`/graphql` and links to `/export/{format}` for downloads.
"""

from __future__ import annotations

from functools import cache
from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Route

from graph.exports.formats import WRITERS, ExportFormat, LinkedWriter
from server.bundles import Bundle, page_headers

BUNDLE = Bundle("explorer")
STATIC = BUNDLE.folder

_BODY = """<header>
  <h1>Poikki explorer</h1>
  <span id="status" role="status">Loading…</span>
  <nav><a href="/graphql">GraphiQL</a></nav>
</header>
<main>
  <aside id="controls" aria-label="What to draw">
    <label for="search">Search</label>
    <input id="search" type="search" placeholder="a name or a word" autocomplete="off">
    <ul id="search-results"></ul>

    <h2>Scope</h2>
    <fieldset id="programmes">
      <legend>Programmes</legend>
      <button type="button" id="all-programmes" class="link">all (clear the ticks)</button>
      <div id="programme-list"></div>
    </fieldset>
    <fieldset id="period">
      <legend>Period</legend>
      <div id="period-label">all years</div>
      <label>From <input id="from-year" type="range" disabled></label>
      <label>To <input id="to-year" type="range" disabled></label>
      <label>Council term <select id="term"><option value="">none</option></select></label>
      <button type="button" id="all-years" class="link">all years</button>
    </fieldset>
    <label>Projection <select id="mode"></select></label>
    <fieldset id="compare-periods">
      <legend>Compare two periods</legend>
      <label><input id="compare" type="checkbox"> Show how the network changed</label>
      <label>From <select id="compare-before"></select></label>
      <label>To <select id="compare-after"></select></label>
      <div id="change-chart"></div>
    </fieldset>

    <h2>Appearance</h2>
    <label>Boundary <select id="boundary"></select></label>
    <label>Colour by <select id="colour"></select></label>
    <label>Size by <select id="size"></select></label>
    <label><input id="brokers" type="checkbox" checked> Highlight the top brokers</label>
    <ul id="legend"></ul>

    <h2>Download this view</h2>
    <ul id="exports">{exports}</ul>

    <details>
      <summary>Bearer token</summary>
      <form id="token-form">
        <p class="muted">Only when the server asks one for reading.</p>
        <input id="token" type="password" autocomplete="off" aria-label="Bearer token">
      </form>
    </details>
  </aside>
  <div id="graph" data-state="loading" data-node-count="0" data-edge-count="0"
       data-render="0" aria-label="The network"></div>
  <aside id="details-panel" aria-label="Details">
    <h2>Details</h2>
    <section id="details" data-state="empty"><div id="details-body"></div></section>
    <h2>This network</h2>
    <dl id="network-summary"></dl>
    <h2>Brokers</h2>
    <ul id="broker-list"></ul>
    <h2>Communities</h2>
    <ul id="community-list"></ul>
  </aside>
</main>"""

_HEADERS = page_headers(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'"
)


@cache
def page() -> str:
    exports = "".join(
        f'<li><a data-format="{escape(f.value)}" href="/export/{escape(f.value)}">'
        f"{escape(f.value)}</a></li>"
        for f in ExportFormat
        # The view's links carry its mode and measures, which the knowledge formats refuse.
        if not isinstance(WRITERS[f], LinkedWriter)
    )
    return BUNDLE.page("Poikki explorer", _BODY.format(exports=exports))


async def explore(request: Request) -> HTMLResponse:
    return HTMLResponse(page(), headers=_HEADERS)


def explorer_routes() -> list[BaseRoute]:
    """The page and its built script and styles."""
    return [
        Route("/explore", explore, methods=["GET"]),
        BUNDLE.route(),
    ]
