"""`GET /explore` drawn by headless Chromium against a real `poikki serve`: the drawn counts
equal the GraphQL answer for the same scope, before and after a change of period and of
projection, a clicked node shows its sources, and a screenshot is kept in test-artifacts/."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from seed.synthetic import synthetic_graph
from server.app import create_app
from server.explorer import STATIC
from server.settings import Settings
from tests.databases import load_copy
from tests.live_server import Server
from tests.pages import assert_committed_bundle_is_fresh, chromium

ROOT = Path(__file__).parent.parent
ARTEFACTS = ROOT / "test-artifacts"
READY = "#graph[data-state=ready]"
WAIT_MS = 120_000
"""The longest any step may take. Every wait ends as soon as the page says it is done (its
`data-state`, `data-render` and `data-camera` attributes), never after a fixed time or a number
of animation frames, so a generous bound costs nothing on an idle machine and keeps the test
green on a busy one, where Chromium in software WebGL may be many times slower."""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`poikki serve` on a free loopback port over a fresh data dir (the demo loads at start)."""
    server = Server(tmp_path_factory.mktemp("explorer"))
    try:
        server.wait_healthy()
        yield server.base
    finally:
        server.stop()


def _graphql(base: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    response = httpx.post(
        f"{base}/graphql", json={"query": query, "variables": variables or {}}, timeout=120
    )
    body = response.json()
    assert "errors" not in body, body["errors"]
    data: dict[str, Any] = body["data"]
    return data


def _counts(base: str, scope: dict[str, Any], mode: str = "NETWORK") -> tuple[int, int]:
    """What GraphQL itself answers for the scope: `network`, or `collaboration` for a mode."""
    if mode == "NETWORK":
        query = "query($s: ScopeInput) { g: network(scope: $s) { nodeCount edgeCount } }"
        graph = _graphql(base, query, {"s": scope})["g"]
    else:
        query = (
            "query($s: ScopeInput, $m: Mode!) "
            "{ g: collaboration(scope: $s, mode: $m) { nodeCount edgeCount } }"
        )
        graph = _graphql(base, query, {"s": scope, "m": mode})["g"]
    return graph["nodeCount"], graph["edgeCount"]


def _launch(playwright: Any) -> Any:
    args = ["--enable-unsafe-swiftshader"]  # WebGL in software: sigma.js draws with WebGL
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
    return playwright.chromium.launch(executable_path=chromium(), args=args, timeout=WAIT_MS)


@contextmanager
def _explorer(base_url: str, size: tuple[int, int] = (1400, 900)) -> Iterator[Any]:
    """The explorer in headless Chromium, once it is ready; the page's script must raise no
    error while it is open."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")
    errors: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = _launch(playwright)
        try:
            page = browser.new_page(viewport={"width": size[0], "height": size[1]})
            page.set_default_timeout(WAIT_MS)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{base_url}/explore")
            page.wait_for_selector(READY, timeout=WAIT_MS)
            yield page
        finally:
            browser.close()
    assert errors == []


def _drawn(page: Any) -> tuple[int, int]:
    container = page.locator("#graph")
    return (
        int(container.get_attribute("data-node-count")),
        int(container.get_attribute("data-edge-count")),
    )


def _redrawn(page: Any, before: int) -> None:
    """Wait until the page has drawn again after a change, and is ready: the page says "ready"
    only for a drawing of the controls as they are (a change makes any draw under way stale)."""
    page.wait_for_function(
        "n => { const g = document.getElementById('graph');"
        " return g.dataset.state === 'ready' && Number(g.dataset.render) > n; }",
        arg=before,
        timeout=WAIT_MS,
    )


def _camera(page: Any, placed: str) -> None:
    """Wait until the page says the camera is placed and drawn there (`data-camera`)."""
    page.wait_for_selector(f"#graph[data-camera={json.dumps(placed)}]", timeout=WAIT_MS)


def _render_number(page: Any) -> int:
    return int(page.locator("#graph").get_attribute("data-render"))


def test_the_explorer_draws_what_graphql_answers_and_shows_a_nodes_sources(
    base_url: str,
) -> None:
    with _explorer(base_url) as page:
        _camera(page, "whole")

        # The whole graph: the page sends no scope, and draws what `network` answers.
        assert json.loads(page.locator("#graph").get_attribute("data-scope")) == {}
        whole = _drawn(page)
        assert whole == _counts(base_url, {})
        assert whole[0] > 0
        assert whole[1] > 0

        # The period slider: 2013–2017.
        render = _render_number(page)
        page.locator("#from-year").fill("2013")
        page.locator("#to-year").fill("2017")
        _redrawn(page, render)
        scope = json.loads(page.locator("#graph").get_attribute("data-scope"))
        assert scope == {"from": "2013", "to": "2017"}
        period = _drawn(page)
        assert period == _counts(base_url, scope)
        assert period != whole
        print(f"drawn: whole graph {whole}, 2013–2017 {period} (nodes, edges)")

        # Click the node with the most sources among the heaviest: its sources are listed.
        network = _graphql(
            base_url,
            "query($s: ScopeInput) { network(scope: $s) { nodes { id label weight"
            " node { sources { title } } } } }",
            {"s": scope},
        )["network"]["nodes"]
        target = max(
            (n for n in network if n["node"]["sources"]),
            key=lambda n: (n["weight"], len(n["node"]["sources"]), n["id"]),
        )
        # Centred and drawn there (synchronously: no animation, no frame to wait for), so
        # that sigma's picking finds the node under the mouse.
        page.evaluate("id => window.poikkiExplorer.centre(id)", target["id"])
        _camera(page, f"node:{target['id']}")
        position = page.evaluate("id => window.poikkiExplorer.viewportPosition(id)", target["id"])
        box = page.locator("#graph").bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
        page.wait_for_selector(
            f'#details[data-state=ready][data-node-id="{target["id"]}"]', timeout=WAIT_MS
        )
        shown = page.locator("#node-sources li").all_text_contents()
        titles = [source["title"] for source in target["node"]["sources"]]
        assert len(shown) == len(titles)
        for title in titles:
            assert any(text.startswith(title) for text in shown), (title, shown)
        assert page.locator("#details h3").text_content() == target["label"]
        assert page.locator("#node-ties li").count() > 0
        # Its ego network and the whole view's cohesion, as GraphQL answers them.
        answer = _graphql(
            base_url,
            "query($id: ID!, $s: ScopeInput) { ego(id: $id, scope: $s, mode: NETWORK) "
            "{ size } measures(scope: $s, mode: NETWORK) { density transitivity } }",
            {"id": target["id"], "s": scope},
        )
        assert page.locator("#ego dd").first.text_content() == str(answer["ego"]["size"])
        summary = page.locator("#network-summary dd").all_text_contents()
        measured = answer["measures"]
        assert summary[:2] == [f"{measured['density']:.3f}", f"{measured['transitivity']:.3f}"]

        # The whole view again, the node still picked out, for the screenshot.
        page.evaluate("() => window.poikkiExplorer.showWhole()")
        _camera(page, "whole")
        ARTEFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / "explorer.png"), timeout=WAIT_MS)

        # The projection onto people, same period: what `collaboration` answers.
        render = _render_number(page)
        page.locator("#mode").select_option("PEOPLE")
        _redrawn(page, render)
        people = _drawn(page)
        assert people == _counts(base_url, scope, "PEOPLE")
        print(f"drawn: people 2013–2017 {people}")

        # The download links carry the same scope.
        href = page.locator('#exports a[data-format="graphml"]').get_attribute("href")
        assert href is not None
        graphml = httpx.get(f"{base_url}{href}", timeout=120)
        assert graphml.status_code == 200
        assert "from=2013" in href
        assert "mode=PEOPLE" in href


CHANGE_TOTALS = """
query ($periods: [PeriodInput!]!, $mode: Mode!) {
  change(periods: $periods, mode: $mode) {
    periods { label nodeCount edgeCount }
    steps { joined { totalCount } left { totalCount } stayed { totalCount }
      formed { totalCount } kept { totalCount } ended { totalCount } }
  }
}
"""


def test_the_compare_view_draws_what_change_answers(base_url: str) -> None:
    """Ticking "compare" draws both terms' networks at once: as many ties coloured formed,
    kept and ended, and nodes joined, stayed and left, as `change` counts; the chart shows
    each period's numbers."""
    with _explorer(base_url) as page:
        for mode in ("ORGANISATIONS", "NETWORK"):
            render = _render_number(page)
            if mode == "ORGANISATIONS":
                page.locator("#mode").select_option(mode)
                _redrawn(page, render)
                render = _render_number(page)
                page.locator("#compare").check()
            else:
                page.locator("#mode").select_option(mode)
            _redrawn(page, render)
            container = page.locator("#graph")
            assert container.get_attribute("data-view") == "change"
            periods = json.loads(container.get_attribute("data-periods"))
            assert [p["term"] for p in periods] == ["TERM_2013_2017", "TERM_2017_2021"]
            answer = _graphql(base_url, CHANGE_TOTALS, {"periods": periods, "mode": mode})
            step = answer["change"]["steps"][0]
            drawn = {
                part: int(container.get_attribute(f"data-{part}"))
                for part in ("formed", "kept", "ended", "joined", "stayed", "left")
            }
            assert drawn == {part: step[part]["totalCount"] for part in drawn}, mode
            nodes, edges = _drawn(page)
            assert nodes == drawn["joined"] + drawn["stayed"] + drawn["left"]
            assert edges == drawn["formed"] + drawn["kept"] + drawn["ended"]
            assert drawn["kept"] + drawn["formed"] > 0
            summaries = answer["change"]["periods"]
            row = page.locator('#change-chart tr[data-field="edgeCount"] .value')
            assert row.all_text_contents() == [str(p["edgeCount"]) for p in summaries]
            print(f"compare {mode}: {drawn}")
        _camera(page, "whole")
        ARTEFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / "explorer-compare.png"), timeout=WAIT_MS)

        render = _render_number(page)
        page.locator("#compare").uncheck()
        _redrawn(page, render)
        assert page.locator("#graph").get_attribute("data-view") == "network"


def test_a_view_larger_than_the_default_draw_size_is_drawn_whole(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A network draws 2,500 nodes and edges unless more are asked for: the page asks for its
    view's size first, then for the view at that size (without the ties' sources when they
    would pass the cost limit), so a synthetic graph of 3,000 people is drawn whole."""
    pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")
    data_dir = tmp_path_factory.mktemp("explorer-synthetic")
    load_copy(data_dir / "poikki.lbug", *synthetic_graph(3_000, seed=3))
    server = Server(data_dir)
    try:
        server.wait_healthy()
        counts = _counts(server.base, {})
        assert counts[0] > 2_500
        assert counts[1] > 2_500
        with _explorer(server.base, (1000, 700)) as page:
            assert _drawn(page) == counts
    finally:
        server.stop()


def test_the_page_and_its_assets_are_served(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(data_dir=tmp_path))) as http:
        page = http.get("/explore")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert 'id="graph"' in page.text
        assert 'data-node-count="0"' in page.text
        assert "https://" not in page.text  # everything from this server, no CDN
        script = http.get("/static/explorer/explorer.js")
        assert script.status_code == 200
        assert "javascript" in script.headers["content-type"]
        assert http.get("/static/explorer/explorer.css").status_code == 200
        assert http.get("/static/explorer/THIRD_PARTY_LICENSES.txt").status_code == 200


def test_the_committed_bundle_is_what_the_sources_build() -> None:
    assert_committed_bundle_is_fresh("explorer")
    assert (STATIC / "explorer.js").stat().st_size > 0
