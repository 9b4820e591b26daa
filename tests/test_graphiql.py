"""GraphiQL at `/graphql` without a CDN and in private mode: the page loads only this server's
assets (also with POIKKI_PUBLIC_READ=false, when the API still refuses a request without a
token), headless Chromium runs it with every other host cut off, a person pastes a token into
the headers editor, and a query and a subscription answer; the committed bundle is what
tools/graphiql builds."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import httpx
import pytest
from starlette.testclient import TestClient

from graph.model import NodeKind
from resolvers import global_ids
from server.app import create_app
from server.graphiql import STATIC
from server.settings import Settings
from tests.live_server import GraphQL, Server, editor_token
from tests.pages import assert_committed_bundle_is_fresh, chromium

ROOT = Path(__file__).parent.parent
READY = "#graphiql[data-state=ready] .graphiql-query-editor .CodeMirror"
HEADERS_EDITOR = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror"
RESULT = ".result-window .CodeMirror"
BROWSER_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
QUERY = "{ programmes(first: 2) { totalCount edges { node { name } } } }"
SUBSCRIPTION = "subscription { changes { action nodeIds } }"
CREATE_PERSON = """
mutation ($input: NodeInput!) { createNode(input: $input) { __typename } }
"""
SOURCE = global_ids.encode(NodeKind.SOURCE, "espoo-news-2017-03-02")
WAIT_MS = 30_000


@dataclass
class PrivateServer:
    base: str
    token: str


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateServer]:
    """`poikki serve` with POIKKI_PUBLIC_READ=false and an editor token made before it starts
    (it then loads the demo)."""
    data_dir = tmp_path_factory.mktemp("graphiql")
    token = editor_token(data_dir, "graphiql test")
    server = Server(data_dir, env={"POIKKI_PUBLIC_READ": "false", "POIKKI_GRAPHIQL": "true"})
    try:
        server.wait_healthy()
        yield PrivateServer(server.base, token)
    finally:
        server.stop()


class _AssetLinks(HTMLParser):
    """Every <script src> and <link href> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        target = found.get("src") if tag == "script" else found.get("href")
        if tag in ("script", "link") and target:
            self.links.append((tag, target))


def _asset_links(html: str) -> list[tuple[str, str]]:
    parser = _AssetLinks()
    parser.feed(html)
    return parser.links


def _assert_page_and_assets_are_local(http: httpx.Client | TestClient, base: str) -> None:
    page = http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200, page.text[:500]
    assert page.headers["content-type"].startswith("text/html")
    assert "connect-src 'self'" in page.headers["content-security-policy"]
    links = _asset_links(page.text)
    scripts = [url for tag, url in links if tag == "script"]
    styles = [url for tag, url in links if tag == "link" and not url.startswith("data:")]
    assert scripts, page.text
    assert styles, page.text
    origin = urlsplit(base).netloc
    for tag, url in links:
        if url.startswith("data:"):
            continue
        absolute = urlsplit(urljoin(f"{base}/graphql", url))
        assert absolute.netloc == origin, (tag, url)
        assert absolute.scheme == urlsplit(base).scheme, (tag, url)
    for url in scripts + styles:
        asset = http.get(url)
        assert asset.status_code == 200, url
        expected = "javascript" if url in scripts else "text/css"
        assert expected in asset.headers["content-type"], (url, asset.headers["content-type"])
        assert len(asset.content) > 1000, url


def _assert_refused(response: httpx.Response) -> None:
    """A request the API does not answer without a token: a coded error, no data."""
    body = response.json()
    assert not body.get("data"), body
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body


def test_the_page_loads_only_local_assets_also_when_reading_needs_a_token(
    private_server: PrivateServer,
) -> None:
    with httpx.Client(base_url=private_server.base, timeout=30) as http:
        _assert_page_and_assets_are_local(http, private_server.base)
        assert http.get("/static/graphiql/THIRD_PARTY_LICENSES.txt").status_code == 200

        # The API itself still needs the token: over POST, over GET, and as a browser's GET
        # that carries a query (which runs it instead of serving the page).
        _assert_refused(http.post("/graphql", json={"query": "{ __typename }"}))
        _assert_refused(http.get("/graphql", params={"query": "{ __typename }"}))
        _assert_refused(
            http.get(
                "/graphql", params={"query": "{ __typename }"}, headers={"Accept": "text/html"}
            )
        )

    with GraphQL(private_server.base, private_server.token) as client:
        assert client.data("{ __typename }") == {"__typename": "Query"}


def test_the_page_is_served_locally_with_public_reads_and_not_when_graphiql_is_off(
    tmp_path: Path,
) -> None:
    with TestClient(create_app(Settings(data_dir=tmp_path / "public"))) as http:
        _assert_page_and_assets_are_local(http, "http://testserver")
    settings = Settings(data_dir=tmp_path / "private", graphiql=False, public_read=False)
    with TestClient(create_app(settings)) as http:
        # No GraphiQL: nothing to let in without a token.
        _assert_refused(http.get("/graphql", headers={"Accept": "text/html"}))


def _result_with(page: Any, needle: str, timeout_ms: int = WAIT_MS) -> Any:
    """The result pane's JSON once its text contains `needle`."""
    handle = page.wait_for_function(
        "([selector, needle]) => { const editor = document.querySelector(selector);"
        " const text = editor && editor.CodeMirror.getValue();"
        " return text && text.includes(needle) ? text : null; }",
        arg=[RESULT, needle],
        timeout=timeout_ms,
    )
    return json.loads(handle.json_value())


def _set_query(page: Any, query: str) -> None:
    """Replace the query editor's text, and wait until GraphiQL has parsed it (it then keeps
    it in the URL's `q`): running it earlier would send the previous query's document."""
    page.evaluate(
        "query => document.querySelector('.graphiql-query-editor .CodeMirror')"
        ".CodeMirror.setValue(query)",
        query,
    )
    page.wait_for_function(
        "query => new URLSearchParams(window.location.search).get('q') === query",
        arg=query,
        timeout=WAIT_MS,
    )


def test_graphiql_runs_offline_with_a_pasted_token(
    private_server: PrivateServer, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")
    base = private_server.base
    with GraphQL(base, private_server.token) as client:
        expected = client.data(QUERY)
    blocked: list[str] = []
    errors: list[str] = []

    def local_only(route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=chromium(),
            headless=True,
            args=BROWSER_FLAGS,
        )
        try:
            context.route("**/*", local_only)
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            sockets: list[Any] = []
            page.on("websocket", lambda socket: sockets.append(socket))
            page.goto(f"{base}/graphql?{urlencode({'q': QUERY})}", timeout=WAIT_MS)
            page.wait_for_selector(READY, timeout=WAIT_MS)

            # Without a token the API refuses the page's schema request, and says why.
            refused = _result_with(page, '"errors"')
            assert not refused.get("data"), refused

            # A person pastes the token into the headers editor (open from the start).
            headers = json.dumps({"Authorization": f"Bearer {private_server.token}"})
            page.locator(HEADERS_EDITOR).click()
            page.keyboard.insert_text(headers)
            page.wait_for_function(
                "([selector, text]) =>"
                " document.querySelector(selector).CodeMirror.getValue() === text",
                arg=[HEADERS_EDITOR, headers],
                timeout=WAIT_MS,
            )

            page.locator(".graphiql-execute-button").click()
            answer = _result_with(page, '"data"')
            assert answer == {"data": expected}
            assert answer["data"]["programmes"]["totalCount"] > 0

            # A subscription goes over the websocket, with the pasted token in connection_init.
            _set_query(page, SUBSCRIPTION)
            page.locator(".graphiql-execute-button").click()
            with GraphQL(base, private_server.token) as client:
                _write_until_the_subscription_shows_it(page, client)
            assert {urlsplit(socket.url).path for socket in sockets} == {"/graphql"}
        finally:
            context.close()
    assert blocked == []
    assert errors == []


def _write_until_the_subscription_shows_it(page: Any, client: GraphQL) -> None:
    """Create people until the result pane shows one: the server registers the subscription
    some time after the page sends it, so a first write may come before it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    deadline = time.monotonic() + WAIT_MS / 1000
    for attempt in itertools.count(1):
        person = {"kind": "PERSON", "name": f"GraphiQL Subscriber {attempt}", "sources": [SOURCE]}
        created = client.data(CREATE_PERSON, {"input": person})
        assert created["createNode"]["__typename"] == "NodeSaved", created
        try:
            change = _result_with(page, "CREATED", timeout_ms=5_000)
        except PlaywrightTimeoutError:
            if time.monotonic() > deadline:
                raise
            continue
        assert change["data"]["changes"]["action"] == "CREATED"
        assert change["data"]["changes"]["nodeIds"]
        return


def test_the_committed_bundle_is_what_the_sources_build() -> None:
    assert_committed_bundle_is_fresh("graphiql")
    assert (STATIC / "graphiql.js").stat().st_size > 0
