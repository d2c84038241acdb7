"""The archived copy of a fetched page, seen in Debian's chromium: shown in place, its
scripts never run and nothing it names is loaded from elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from tests.web.test_browser import WAIT_MS, browser, served  # noqa: F401 (a fixture)

from armstrack.extract import Extractor
from armstrack.fetch.client import Fetched
from armstrack.fetch.warcs import WarcArchive
from armstrack.ingest.html import article_from_html
from armstrack.store import open_store
from armstrack.web import create_app
from armstrack.web.settings import WebSettings

URL = "https://harbour-news.example/2024/05/frigates"
# A page as a site might serve it: a script that would rewrite the page and call home,
# an image and a style sheet from elsewhere, a form.
PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Frigates for Chile</title>
<link rel="stylesheet" href="https://cdn.harbour-news.example/site.css"></head><body>
<article><h1>Frigates for Chile</h1>
<p>Australia will deliver two frigates to Chile next year, the navy said on Monday.</p>
<p>The ships will be refitted before they sail, officials added.</p></article>
<img src="https://cdn.harbour-news.example/ship.jpg" alt="a ship">
<form action="https://harbour-news.example/subscribe"><input name="mail"></form>
<script>document.body.setAttribute("data-ran", "yes");
fetch("https://tracker.example/hit");</script>
</body></html>"""


@pytest.fixture(scope="module")
def archived_site(
    tmp_path_factory: pytest.TempPathFactory, extractor: Extractor
) -> Iterator[tuple[str, int]]:
    folder = tmp_path_factory.mktemp("archive")
    fetched = Fetched(
        url=URL,
        status=200,
        reason="OK",
        headers=(("Content-Type", "text/html; charset=utf-8"),),
        body=PAGE,
        http_version="HTTP/1.1",
        request_headers=(("User-Agent", "armstrack-test"),),
        fetched_at=datetime(2024, 5, 6, 9, 30, tzinfo=UTC),
    )
    with WarcArchive(folder / "warc") as archive:
        ref = archive.write(fetched)
    article = article_from_html(PAGE, URL, fallback_id=URL, url=URL)
    store = open_store(str(folder / "site.db"), extractor)
    store.ingest([replace(article, archived=ref)])
    app = create_app(store, settings=WebSettings(archive=str(folder / "warc")))
    with served(app) as url:
        yield url, 1
    store.close()


def test_archived_copy_shows_in_place_and_runs_nothing(
    archived_site: tuple[str, int],
    browser: Browser,  # noqa: F811 (the fixture imported above)
    root: Path,
) -> None:
    base, article_id = archived_site
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WAIT_MS)
    answered: list[str] = []  # responses that reached the browser
    refused: list[str] = []
    page = context.new_page()
    page.on("response", lambda response: answered.append(response.url))
    page.on("requestfailed", lambda request: refused.append(f"{request.failure} {request.url}"))
    try:
        assert page.goto(f"/articles/{article_id}") is not None
        frame = page.frame_locator("iframe.archived")
        expect(frame.locator("h1")).to_have_text("Frigates for Chile")
        expect(frame.locator("body")).not_to_have_attribute("data-ran", "yes")
        expect(page.locator("iframe.archived")).to_have_attribute("sandbox", "")
        page.wait_for_timeout(300)  # time for a script, had one run, to call home
        assert all(url.startswith(base) for url in answered), answered
        # The page's style sheet and image were refused by the policy, not fetched; its
        # script never ran, so it never called the tracker.
        assert refused and all(r.startswith("csp https://cdn.") for r in refused), refused
        alone = page.goto(f"/articles/{article_id}/archived")
        assert alone is not None and alone.status == 200
        assert alone.headers["content-security-policy"].startswith("sandbox")
        expect(page.locator("body")).not_to_have_attribute("data-ran", "yes")
        assert all(url.startswith(base) for url in answered), answered
        page.screenshot(path=root / "test-artifacts" / "screenshots" / "archived.png")
    finally:
        context.close()
