"""The pages in a real browser: Debian's chromium, driven by Playwright, against uvicorn.

Nothing here downloads a browser: chromium must be at /usr/bin/chromium (CI installs it
with tools/ensure-chromium). Screenshots of every page go to test-artifacts/screenshots/;
with ARMSTRACK_README_SHOTS=1 the README's two screenshots are rewritten in docs/screenshots/.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    Request,
    Response,
    expect,
    sync_playwright,
)
from tests.web.conftest import examples_in, site_pages

from armstrack.extract import Extractor
from armstrack.store import Store
from armstrack.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOST = "127.0.0.1"
WAIT_MS = 5_000  # everything is local: a missing element should fail fast
ICON = "/static/favicon.svg"
COUNT = re.compile(r"^([\d,]+) transfers?\b")


@pytest.fixture(scope="module")
def sqlite_store(
    tmp_path_factory: pytest.TempPathFactory, extractor: Extractor, root: Path
) -> Iterator[Store]:
    """The examples in SQLite only: these tests are about the pages, not the backend (the
    other web tests cover both), and a second run would double the slowest tests here."""
    yield from examples_in(str(tmp_path_factory.mktemp("browser") / "web.db"), extractor, root)


@contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free port in a background thread; its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((HOST, 0))  # bound here and handed over: no race for the port
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host=HOST, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://{HOST}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def server_url(sqlite_store: Store) -> Iterator[str]:
    """The app over the examples, served by uvicorn on a free port in a background thread."""
    with served(create_app(sqlite_store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
            "(apt-get install chromium, or tools/ensure-chromium); they never download one",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Tab:
    """A page plus everything that went wrong in it: console errors, uncaught exceptions,
    failed or error responses, and every URL it requested."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} at {message.location}")

    def on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def on_failed(self, request: Request) -> None:
        # The icon loads after the load event; leaving the page at once cancels it.
        if request.failure == "net::ERR_ABORTED" and request.url.endswith(ICON):
            return
        self.errors.append(f"request failed ({request.failure}): {request.url}")

    def goto(self, path: str) -> None:
        response = self.page.goto(path)
        assert response is not None and response.status == 200, (path, response)

    def assert_clean(self, where: str = "") -> None:
        foreign = [u for u in self.requested if urlsplit(u).hostname != HOST]
        assert not foreign, f"{where}: requests leaving the site: {foreign}"
        assert not self.errors, f"{where}: {self.errors}"
        self.requested.clear()


OpenTab = Callable[..., Tab]


@pytest.fixture
def open_tab(server_url: str, browser: Browser) -> Iterator[OpenTab]:
    """Opens watched tabs (1280x900 unless told) in fresh contexts; closes them after."""
    contexts: list[BrowserContext] = []

    def open_(width: int = 1280, height: int = 900) -> Tab:
        context = browser.new_context(
            viewport={"width": width, "height": height}, base_url=server_url
        )
        context.set_default_timeout(WAIT_MS)
        contexts.append(context)
        tab = Tab(context.new_page())
        tab.page.on("console", tab.on_console)
        tab.page.on("pageerror", lambda error: tab.errors.append(f"uncaught: {error}"))
        tab.page.on("request", lambda request: tab.requested.append(request.url))
        tab.page.on("requestfailed", tab.on_failed)
        tab.page.on("response", tab.on_response)
        return tab

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def shots(root: Path) -> Path:
    folder = root / "test-artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def readme_shot(root: Path, page: Page, name: str, *, full_page: bool) -> None:
    """The README's screenshots: only rewritten when asked, so test runs change no file."""
    if os.environ.get("ARMSTRACK_README_SHOTS") == "1":
        folder = root / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / name, full_page=full_page)


def rows(page: Page) -> Locator:
    return page.locator("table.transfers tbody tr")


def shown_total(page: Page) -> int:
    found = COUNT.match(page.locator("#count").inner_text().strip())
    assert found, page.locator("#count").inner_text()
    return int(found.group(1).replace(",", ""))


def column(page: Page, index: int) -> list[str]:
    """The text of one column (1-based, as in CSS) in every row of the transfers table."""
    cells = page.locator(f"table.transfers tbody tr td:nth-child({index})")
    return [text.strip() for text in cells.all_inner_texts()]


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_filter_by_category(open_tab: OpenTab, shots: Path) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/")
    everything = shown_total(page)
    page.locator("select[name=category]").select_option("uav")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"category=uav"))
    assert query(page)["category"] == ["uav"]
    expect(page.locator("select[name=category]")).to_have_value("uav")
    total = shown_total(page)
    assert 0 < total < everything
    assert rows(page).count() == total
    categories = page.locator("table.transfers tbody td span.cat")
    assert categories.count() == total
    for cell in categories.all():
        assert cell.get_attribute("data-category") == "uav"
        assert cell.inner_text().strip() == "uav"
    page.screenshot(path=shots / "table.png", full_page=True)
    tab.assert_clean("/?category=uav")


def test_filter_by_actor_name(open_tab: OpenTab) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/")
    everything = shown_total(page)
    page.locator("input[name=actor]").fill("Iran")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"actor=Iran"))
    expect(page.locator("input[name=actor]")).to_have_value("Iran")
    total = shown_total(page)
    assert 0 < total < everything
    assert rows(page).count() == total
    pairs = list(zip(column(page, 2), column(page, 3), strict=True))
    assert all("Iran" in pair for pair in pairs), pairs
    tab.assert_clean("/?actor=Iran")


def test_sort_by_clicking_a_column_header(open_tab: OpenTab) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/")
    sorted_heads = page.locator("table.transfers th[aria-sort]")
    origins = page.locator("table.transfers th", has_text="Origins")
    expect(sorted_heads).to_have_count(1)
    expect(sorted_heads).to_contain_text("Last reported")
    expect(origins).not_to_have_attribute("aria-sort", re.compile(".*"))

    origins.get_by_role("link").click()
    page.wait_for_url(re.compile(r"sort=origins"))
    expect(origins).to_have_attribute("aria-sort", "descending")
    expect(sorted_heads).to_have_count(1)
    counts = [int(c.replace(",", "")) for c in column(page, 11)]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1], counts

    origins.get_by_role("link").click()
    page.wait_for_url(re.compile(r"order=asc"))
    expect(origins).to_have_attribute("aria-sort", "ascending")
    assert query(page)["sort"] == ["origins"]
    counts = [int(c.replace(",", "")) for c in column(page, 11)]
    assert counts == sorted(counts), counts
    tab.assert_clean("sorting")


def test_filter_with_the_keyboard_alone(open_tab: OpenTab) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, box  # shown when focused
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main$"))
    page.keyboard.press("Tab")  # from the start of <main>: the first filter field
    expect(page.locator("input[name=actor]")).to_be_focused()
    page.keyboard.type("Iran")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"actor=Iran"))
    total = shown_total(page)
    assert total > 0 and rows(page).count() == total
    tab.assert_clean("keyboard")


def open_richest_transfer(tab: Tab) -> str:
    """Click the first transfer of the table sorted by independent origins; its path."""
    tab.goto("/?sort=origins&order=desc")
    link = rows(tab.page).first.locator("td").first.get_by_role("link")
    href = link.get_attribute("href")
    assert href and re.fullmatch(r"/transfers/\d+", href), href
    link.click()
    tab.page.wait_for_url(re.compile(re.escape(href) + "$"))
    return href


def test_transfer_page_shows_timeline_claims_and_evidence(
    open_tab: OpenTab, shots: Path, root: Path
) -> None:
    tab = open_tab()
    page = tab.page
    open_richest_transfer(tab)
    expect(page.locator("h1")).to_contain_text("→")
    steps = page.locator("ol.timeline li")
    expect(steps.first).to_be_visible()
    expect(steps.first.locator(".status")).to_have_text(re.compile("discussed|agreed|delivered"))
    claims = page.locator("div.stances")
    expect(claims).to_be_visible()
    expect(claims.locator("section ul.claims li").first).to_be_visible()
    quote = page.locator("blockquote.evidence-context").first
    mark = quote.locator("mark.evidence").first
    expect(mark).to_be_visible()
    evidence = mark.inner_text().strip()
    assert evidence, "empty evidence mark"
    assert evidence in quote.inner_text()
    assert evidence in page.locator("body").inner_text()
    # Every in-page link (timeline steps, claims' "In" column) lands on a report.
    anchors = page.locator("main a[href^='#report-']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert anchors
    for anchor in set(anchors):
        expect(page.locator(anchor)).to_have_count(1)
    # The change log: one row per change, its newest report a link to that report.
    history = page.locator("table.changes tbody tr")
    expect(history.first).to_be_visible()
    assert history.count() >= 3  # a created record logs its status, dates, origins...
    fields = history.locator("td:nth-child(2)").all_inner_texts()
    assert "status" in fields
    report_link = history.first.locator("a[href^='#report-']")
    expect(report_link).to_have_count(1)
    report_link.click()
    expect(page.locator(report_link.get_attribute("href") or "#none")).to_be_in_viewport()
    page.screenshot(path=shots / "transfer.png", full_page=True)
    readme_shot(root, page, "transfer.png", full_page=False)
    tab.assert_clean(page.url)


def test_article_page_marks_the_evidence(open_tab: OpenTab, shots: Path) -> None:
    tab = open_tab()
    page = tab.page
    transfer = open_richest_transfer(tab)
    report = page.locator("div.report").first
    pieces = [p.strip() for p in report.locator("mark.evidence").all_text_contents()]
    assert pieces
    report.locator("p.meta a[href^='/articles/']").click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    body = page.locator(".article-text")
    expect(body.locator("mark").first).to_be_visible()
    marked = "".join(body.locator("mark.evidence").all_text_contents())
    for piece in pieces:
        assert piece in marked, (piece, marked)
    expect(page.locator(f"main a[href='{transfer}']")).to_have_count(1)  # links back
    page.screenshot(path=shots / "article.png", full_page=True)
    tab.assert_clean(page.url)


def test_network_edge_lists_its_transfers_in_place(
    open_tab: OpenTab, shots: Path, root: Path
) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/network")
    network = page.locator("svg#network")
    edges = network.locator("a.edge")
    assert edges.count() >= 2
    assert network.locator("g.nodes a.node circle").count() >= 2
    first = edges.first
    label = first.get_attribute("aria-label") or ""
    found = re.search(r": ([\d,]+) transfers? \(", label)
    assert found, label
    first.locator("path.hit").click()

    panel = page.locator("#edge-panel")
    items = panel.locator("ul.edge-transfers li")
    expect(items).to_have_count(int(found.group(1).replace(",", "")))
    expect(panel.locator("h2")).to_have_text(label.rsplit(" (", 1)[0])
    links = items.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links and all(re.fullmatch(r"/transfers/\d+", link) for link in links), links
    expect(panel.get_by_role("link", name="Open in the table")).to_have_attribute(
        "href", first.get_attribute("href") or ""
    )
    expect(first).to_have_class(re.compile(r"\bselected\b"))
    assert urlsplit(page.url).path == "/network"
    page.screenshot(path=shots / "network.png")
    readme_shot(root, page, "network.png", full_page=False)

    # The keyboard: Space on a focused arrow shows it too (Enter follows the link).
    second = edges.nth(1)
    second.focus()
    page.keyboard.press(" ")
    expect(panel.locator("h2")).to_have_text(
        (second.get_attribute("aria-label") or "").rsplit(" (", 1)[0]
    )
    assert urlsplit(page.url).path == "/network"

    # And a listed transfer opens its page.
    items.first.locator("a").click()
    page.wait_for_url(re.compile(r"/transfers/\d+$"))
    expect(page.locator("h1")).to_contain_text("→")
    tab.assert_clean("network")


def test_timeline_draws_bars(open_tab: OpenTab, shots: Path) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/timeline")
    bars = page.locator("svg.chart rect.bar")
    expect(bars.first).to_be_visible()
    heights = [
        float(h or 0) for h in bars.evaluate_all("rs => rs.map(r => r.getAttribute('height'))")
    ]
    assert heights and all(h > 0 for h in heights), heights
    # The bars add up to the numbers in the table below them.
    titles = bars.locator("title").all_text_contents()
    counts = [re.search(r": ([\d,]+) ", title) for title in titles]
    drawn = sum(int(found.group(1).replace(",", "")) for found in counts if found)
    assert all(counts), titles
    cells = page.locator("details td.num").all_text_contents()
    tabled = sum(int(n.replace(",", "")) for n in cells)
    assert drawn == tabled > 0, (drawn, tabled)
    page.screenshot(path=shots / "timeline.png", full_page=True)
    tab.assert_clean("/timeline")


# Elements sticking out past the right edge of the viewport, except inside a box that
# scrolls sideways on its own (a wide chart or the network drawing).
OVERFLOWING = """width => [...document.querySelectorAll("main *")].filter(el => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 0.5) return false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (["auto", "scroll"].includes(style.overflowX) && up.getBoundingClientRect().right <= width + 0.5) return false;
    }
    return true;
}).map(el => el.tagName.toLowerCase() + "." + el.className + ": " + el.getBoundingClientRect().right)"""


@pytest.mark.parametrize("width", [375])
def test_phone_width_reads_the_table_as_cards(open_tab: OpenTab, shots: Path, width: int) -> None:
    tab = open_tab(width, 812)
    page = tab.page
    tab.goto("/")
    page.screenshot(path=shots / "phone-table.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(OVERFLOWING, width) == []
    # Every field of a transfer is on screen, labelled: none is hidden or scrolled away.
    first = rows(page).first
    labels = first.locator("td").evaluate_all(
        "cells => cells.map(td => [td.dataset.label, getComputedStyle(td, '::before').content])"
    )
    assert [label for label, _ in labels] == [
        "Id", "Supplier", "Recipient", "Category", "Systems", "Qty", "Status",
        "First reported", "Last reported", "Reports", "Origins", "Denied by",
    ]  # fmt: skip
    assert all(shown == f'"{label}"' for label, shown in labels if label != "Id"), labels
    for cell in first.locator("td").all():
        box = cell.bounding_box()
        assert box is not None and box["width"] > 0 and box["x"] >= 0, box
        assert box["x"] + box["width"] <= width, box
    # Sorting stays at hand: the header row is a row of sort links.
    sort = page.locator("table.transfers thead th.sortable", has_text="Origins").get_by_role("link")
    expect(sort).to_be_visible()
    sort.click()
    page.wait_for_url(re.compile(r"sort=origins"))
    transfer = rows(page).first.locator("td a").first.get_attribute("href")
    for path in [transfer, "/articles/1", "/network", "/timeline", "/systems", "/search?q=Iran"]:
        assert path
        tab.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert page.evaluate(OVERFLOWING, width) == [], path
    tab.assert_clean("phone")


BOXES = """els => els.map(el => { const b = el.getBoundingClientRect();
    return [el.dataset.id || el.textContent, b.left, b.top, b.right, b.bottom]; })"""


def _overlaps(boxes: list[list[Any]]) -> list[tuple[str, str]]:
    return [
        (p[0], q[0])
        for i, p in enumerate(boxes)
        for q in boxes[i + 1 :]
        if p[1] < q[3] and q[1] < p[3] and p[2] < q[4] and q[2] < p[4]
    ]


@pytest.mark.parametrize("path", ["/network", "/network?category=missile"])
def test_network_nodes_and_labels_do_not_overlap(open_tab: OpenTab, shots: Path, path: str) -> None:
    tab = open_tab(1280, 1200)
    page = tab.page
    tab.goto(path)
    nodes = page.locator("svg#network a.node")
    assert nodes.count() >= 2
    # Each actor's box (circle and label, as the browser draws them) is clear of the others.
    boxes = nodes.evaluate_all(BOXES)
    assert _overlaps(boxes) == []
    labels = page.locator("svg#network a.node text").evaluate_all(BOXES)
    frame = page.locator("svg#network").bounding_box()
    assert frame is not None
    for _, left, top, right, bottom in labels:
        assert frame["x"] <= left and right <= frame["x"] + frame["width"]
        assert frame["y"] <= top and bottom <= frame["y"] + frame["height"]
    # Labels are drawn at a readable size.
    size = page.locator("svg#network a.node text").first.evaluate(
        "t => t.getBoundingClientRect().height"
    )
    assert size >= 11, size
    # Every arrowhead points at its recipient from outside the circle, after a visible shaft.
    arrows = page.locator("svg#network a.edge").evaluate_all(
        """edges => edges.map(edge => {
            const svg = edge.ownerSVGElement, ctm = edge.getScreenCTM();
            const node = svg.querySelector(`a.node[data-id="${edge.dataset.recipient}"] circle`);
            const tip = edge.querySelector(".head").points[0];
            const at = new DOMPoint(tip.x, tip.y).matrixTransform(ctm);
            const c = new DOMPoint(node.cx.baseVal.value, node.cy.baseVal.value).matrixTransform(ctm);
            const r = node.r.baseVal.value * ctm.a;
            const shaft = edge.querySelector(".shaft").getTotalLength() * ctm.a;
            return [edge.getAttribute("aria-label"), Math.hypot(at.x - c.x, at.y - c.y) - r, shaft];
        })"""
    )
    for label, outside, shaft in arrows:
        assert 0 < outside < 5, (label, outside)
        assert shaft >= 10, (label, shaft)
    # The legend names only the colours drawn.
    legend = page.locator("p.legend span.key").evaluate_all("ks => ks.map(k => k.dataset.category)")
    drawn = page.locator("svg#network a.edge").evaluate_all(
        "es => [...new Set(es.map(e => e.dataset.category))]"
    )
    assert sorted(legend) == sorted(drawn)
    page.locator("svg#network").screenshot(path=shots / f"network-{len(boxes)}-actors.png")
    tab.assert_clean(path)


def test_timeline_axis_is_continuous(open_tab: OpenTab, shots: Path) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/timeline")
    ticks = page.locator("svg.chart text.tick")
    labels = [t.strip() for t in ticks.all_text_contents()]
    barred = {t.split(":")[0] for t in page.locator("svg.chart rect.bar title").all_text_contents()}
    empty = [label for label in labels if label not in barred]
    assert empty, (labels, barred)  # some months had no report, and keep their label
    boxes = ticks.evaluate_all(BOXES)
    assert _overlaps(boxes) == []
    lefts = [box[1] + (box[3] - box[1]) / 2 for box in boxes]
    steps = {round(b - a) for a, b in pairwise(lefts)}
    assert max(steps) - min(steps) <= 1, steps  # evenly spaced: a continuous axis
    y_labels = page.locator("svg.chart g.y-axis text.axis").all_text_contents()
    assert y_labels[0] == "0" and len(y_labels) >= 3, y_labels
    assert page.locator("svg.chart g.grid line").count() == len(y_labels)
    page.locator("svg.chart").screenshot(path=shots / "timeline-chart.png")
    tab.assert_clean("/timeline")


STYLE = """el => { const s = getComputedStyle(el);
    return [s.backgroundColor, s.textDecorationLine, s.textDecorationStyle]; }"""


def test_evidence_and_claim_highlights_differ_beyond_colour(open_tab: OpenTab, shots: Path) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/articles/1")
    legend = page.locator("p.marks-legend")
    evidence = legend.locator("mark.evidence").evaluate(STYLE)
    claim = legend.locator("mark.claim.stance-asserts").evaluate(STYLE)
    denial = legend.locator("mark.claim.stance-denies").evaluate(STYLE)
    transparent = "rgba(0, 0, 0, 0)"
    assert evidence[0] != transparent and evidence[1] == "none"  # shaded, not underlined
    assert claim[0] == transparent and claim[1] == "underline"  # underlined, not shaded
    assert denial[1] == "underline" and denial[2] == "wavy" and claim[2] != "wavy"
    # In the text too: every claim underlined, all evidence shaded, each titled in words.
    body = page.locator(".article-text")
    for mark in body.locator("mark.claim").all():
        assert mark.evaluate(STYLE)[1] == "underline"
        assert "claim: " in (mark.get_attribute("title") or "")
    for mark in body.locator("mark.evidence").all():
        assert mark.evaluate(STYLE)[0] != transparent
    assert not body.inner_text().lstrip().startswith("date ")
    page.screenshot(path=shots / "article-marks.png")
    tab.assert_clean("/articles/1")


def test_date_filters_take_iso_dates_only(open_tab: OpenTab) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/")
    since = page.locator("input[name=since]")
    since.fill("09/01/2024")
    assert not since.evaluate("input => input.checkValidity()")
    since.fill("2024-09-01")
    expect(since).to_have_value("2024-09-01")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"since=2024-09-01"))
    expect(page.locator("input[name=since]")).to_have_value("2024-09-01")
    assert all(day >= "2024-09-01" for day in column(page, 9))
    tab.assert_clean("dates")


def test_no_console_errors_and_nothing_loaded_from_elsewhere(open_tab: OpenTab) -> None:
    tab = open_tab()
    page = tab.page
    tab.goto("/")
    first = rows(page).first
    transfer = first.locator("td a").first.get_attribute("href")
    supplier = first.locator("td:nth-child(2) a").get_attribute("href")
    tab.assert_clean("/")
    assert transfer and supplier
    pages = [*site_pages(transfer, supplier)[1:], "/docs"]  # "/" is checked above
    for path in pages:
        assert path
        tab.goto(path)  # returns after the load event: styles and scripts have loaded
        if path == "/docs":  # Swagger UI draws itself from /openapi.json
            expect(page.locator(".swagger-ui .info .title")).to_contain_text("armstrack")
        assert len(tab.requested) >= 3, (path, tab.requested)  # page, style, script
        tab.assert_clean(path)


def test_browser_finds_an_icon(open_tab: OpenTab) -> None:
    # Regression: with no icon, chromium logged a 404 console error on every page.
    tab = open_tab()
    tab.goto("/")
    icon = tab.page.locator("link[rel~='icon']").get_attribute("href")
    assert icon
    for path in (icon, "/favicon.ico"):
        response = tab.page.request.get(path)
        assert response.status == 200 and response.headers["content-type"].startswith(
            "image/svg+xml"
        ), path
    tab.assert_clean("/")


def test_every_arrow_can_be_clicked(open_tab: OpenTab) -> None:
    # Regression: A -> B and B -> A shared one segment, and short arrows lay under long ones.
    tab = open_tab(1280, 1200)  # the whole drawing in the viewport: elementFromPoint sees it
    tab.goto("/network")
    hidden = tab.page.locator("svg#network a.edge").evaluate_all(
        """edges => edges.filter(edge => {
            const line = edge.querySelector(".hit");
            const length = line.getTotalLength();
            return ![0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].some(t => {
                const at = line.getPointAtLength(length * t).matrixTransform(line.getScreenCTM());
                const top = document.elementFromPoint(at.x, at.y);
                return top !== null && top.closest("a.edge") === edge;
            });
        }).map(edge => edge.getAttribute("aria-label"))"""
    )
    assert not hidden, f"arrows no pointer can reach: {hidden}"
    tab.assert_clean("/network")
