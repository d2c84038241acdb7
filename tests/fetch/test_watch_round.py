"""Watch rounds against a local site: what is fetched, ingested, archived and remembered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.fetch.conftest import MakeFetcher
from tests.fetch.server import LocalServer, Reply, Request
from tests.fetch.site import (
    ARTICLES,
    EMPTY_PAGE,
    article_html,
    opml,
    rss,
    serve_articles,
    sitemap,
    sitemap_index,
)

from armstrack.errors import StoreFailed
from armstrack.fetch import (
    ArchiveRef,
    MemoryState,
    RoundReport,
    Validators,
    WarcArchive,
    fetch_urls,
    read_archived,
    run_round,
)
from armstrack.records import Article

IRIS_DATE = "Tue, 05 Mar 2024 09:30:00 +0100"


class Collected:
    """An ``ingest`` callback that keeps what it is given."""

    def __init__(self) -> None:
        self.items: list[tuple[Article, ArchiveRef | None]] = []

    def __call__(self, article: Article, ref: ArchiveRef | None) -> None:
        self.items.append((article, ref))

    @property
    def urls(self) -> list[str]:
        return [article.url or "" for article, _ in self.items]


def _site(server: LocalServer) -> str:
    """Articles and a feed listing them all; the feed's URL."""
    serve_articles(server)
    items = [
        ("/news/iris-t", "Missiles for Ukraine", "Fjord Post", IRIS_DATE),
        ("/news/library", "Library on Sundays", None, None),
        ("/news/ferry", "Ferry timetable", None, None),
    ]
    server.document("/feed.xml", rss(items), "application/rss+xml", etag='"feed-1"')
    return server.url("/feed.xml")


def test_round_ingests_new_pages_and_archives_them(
    server: LocalServer, make_fetcher: MakeFetcher, tmp_path: Path
):
    feed = _site(server)
    ingest = Collected()
    with WarcArchive(tmp_path) as archive:
        report = run_round([feed], make_fetcher(), MemoryState(), ingest, archive=archive)
    assert report == RoundReport(sources=1, new_pages=3, ingested=3)
    assert sorted(ingest.urls) == sorted(server.url(path) for path in ARTICLES)
    for article, ref in ingest.items:
        assert ref is not None
        assert article.archived == ref
        page = read_archived(tmp_path, ref)
        assert page.url == article.url
        assert ARTICLES[page.url.removeprefix(server.url(""))][0].encode() in page.body


def test_round_takes_outlet_and_missing_date_from_the_feed(
    server: LocalServer, make_fetcher: MakeFetcher
):
    feed = _site(server)
    dated = article_html(*ARTICLES["/news/ferry"], published="2024-02-01")
    server.document("/news/ferry", dated.encode())
    ingest = Collected()
    run_round([feed], make_fetcher(), MemoryState(), ingest, archive=None)
    articles = {article.url: article for article, ref in ingest.items}
    assert all(ref is None for _, ref in ingest.items)  # archiving is off
    iris = articles[server.url("/news/iris-t")]
    assert iris.outlet == "Fjord Post"  # the item's <source>: who published it first
    assert iris.published == date(2024, 3, 5)  # the page states none: the feed's date
    assert "20 IRIS-T air defence missiles" in iris.text
    ferry = articles[server.url("/news/ferry")]
    assert ferry.published == date(2024, 2, 1)  # the page's own date wins
    assert ferry.outlet != "Fjord Post"


def test_second_round_refetches_nothing_unchanged(server: LocalServer, make_fetcher: MakeFetcher):
    feed = _site(server)
    state = MemoryState()
    run_round([feed], make_fetcher(), state, Collected())
    assert state.validators(feed) == Validators(etag='"feed-1"')
    before = server.hits.copy()
    ingest = Collected()
    report = run_round([feed], make_fetcher(), state, ingest)
    assert report == RoundReport(sources=1, not_modified=1)
    assert ingest.items == []
    assert server.asked("/feed.xml")[-1].headers["if-none-match"] == '"feed-1"'
    assert {path: server.hits[path] - before[path] for path in server.hits} == {
        "/robots.txt": 1,  # a new Fetcher asks again, once
        "/feed.xml": 1,
        **{path: 0 for path in ARTICLES},
    }
    # The feed changes: only its new item is fetched.
    server.document("/news/new", article_html(*ARTICLES["/news/ferry"]).encode())
    items = [("/news/new", "New", None, None), ("/news/ferry", "Ferry timetable", None, None)]
    server.document("/feed.xml", rss(items), "application/rss+xml", etag='"feed-2"')
    report = run_round([feed], make_fetcher(), state, ingest)
    assert report == RoundReport(sources=1, new_pages=1, ingested=1)
    assert ingest.urls == [server.url("/news/new")]


def test_broken_sources_do_not_stop_the_round(server: LocalServer, make_fetcher: MakeFetcher):
    feed = _site(server)
    server.document("/broken.xml", b"<rss><channel><title>x</title><item><title>y", "text/xml")
    server.document("/page.html", EMPTY_PAGE)
    missing, broken, page = (server.url(p) for p in ["/gone.xml", "/broken.xml", "/page.html"])
    state = MemoryState()
    ingest = Collected()
    report = run_round([missing, broken, page, feed], make_fetcher(), state, ingest)
    assert report.ingested == 3
    assert report.sources == 4
    assert [url for url, _ in report.errors] == [missing, broken, page]
    assert report.errors[0][1] == "HTTP 404 Not Found"
    assert report.errors[1][1].startswith("malformed feed")
    assert report.errors[2][1] == "not a feed, sitemap or OPML list (root element is <html>)"
    assert state.known[missing] == (None, "failed", "HTTP 404 Not Found")
    assert state.known[feed] == (Validators(etag='"feed-1"'), "fetched", None)


def test_failed_page_is_retried_next_round(server: LocalServer, make_fetcher: MakeFetcher):
    feed = _site(server)
    html = article_html(*ARTICLES["/news/library"]).encode()

    def flaky(request: Request) -> Reply:
        return Reply(500, b"oops") if request.count == 1 else Reply(200, html)

    server.add("/news/library", flaky)
    state = MemoryState()
    report = run_round([feed], make_fetcher(retries=0), state, Collected())
    library = server.url("/news/library")
    assert report.errors == ((library, "HTTP 500 Internal Server Error"),)
    assert report.ingested == 2
    assert state.validators(feed) is None  # else a 304 would hide the failed page for good
    ingest = Collected()
    report = run_round([feed], make_fetcher(retries=0), state, ingest)
    assert "if-none-match" not in server.asked("/feed.xml")[-1].headers
    assert report == RoundReport(sources=1, new_pages=1, ingested=1)
    assert ingest.urls == [library]
    assert server.hits["/news/iris-t"] == 1
    report = run_round([feed], make_fetcher(retries=0), state, ingest)
    assert report == RoundReport(sources=1, not_modified=1)


def test_page_failed_in_one_source_keeps_the_other_unvalidated(
    server: LocalServer, make_fetcher: MakeFetcher
):
    feed = _site(server)
    server.add("/news/library", lambda request: Reply(503, b"busy"))
    items = [("/news/library", "Library on Sundays", None, None)]
    server.document("/other.xml", rss(items), "application/rss+xml", etag='"other"')
    other = server.url("/other.xml")
    state = MemoryState()
    report = run_round([feed, other], make_fetcher(retries=0), state, Collected())
    assert report.errors == ((server.url("/news/library"), "HTTP 503 Service Unavailable"),)
    assert server.hits["/news/library"] == 1  # asked once in the round
    assert state.validators(feed) is None
    assert state.validators(other) is None


def test_empty_page_is_an_error_once(server: LocalServer, make_fetcher: MakeFetcher):
    server.document("/gallery", EMPTY_PAGE)
    server.document("/feed.xml", rss([("/gallery", "Photos", None, None)]), etag='"g"')
    feed, gallery = server.url("/feed.xml"), server.url("/gallery")
    state = MemoryState()
    report = run_round([feed], make_fetcher(), state, Collected())
    [(url, message)] = report.errors
    assert (url, report.ingested) == (gallery, 0)
    assert message.startswith("no article text found")
    assert state.seen(gallery)
    report = run_round([feed], make_fetcher(), state, Collected())
    assert report == RoundReport(sources=1, not_modified=1)
    assert server.hits["/gallery"] == 1


def test_round_expands_opml_and_sitemap_index(server: LocalServer, make_fetcher: MakeFetcher):
    serve_articles(server)
    u = server.url
    server.document("/feed.xml", rss([("/news/iris-t", "M", None, None)]), etag='"f"')
    server.document("/pages.xml", sitemap([u("/news/ferry"), u("/news/library")]), etag='"p"')
    server.document("/index.xml", sitemap_index([u("/pages.xml")]), etag='"i"')
    listing = opml([u("/feed.xml"), u("/index.xml"), u("/list.opml"), u("/feed.xml")])
    server.document("/list.opml", listing, "text/x-opml", etag='"o"')
    state = MemoryState()
    ingest = Collected()
    report = run_round([u("/list.opml")], make_fetcher(), state, ingest)
    assert report == RoundReport(sources=4, new_pages=3, ingested=3)
    assert sorted(ingest.urls) == sorted(u(path) for path in ARTICLES)
    report = run_round([u("/list.opml")], make_fetcher(), state, Collected())
    # The lists are read in full (their feeds change while they do not); the rest is 304.
    assert report == RoundReport(sources=4, not_modified=2)
    assert "if-none-match" not in server.asked("/list.opml")[-1].headers
    assert server.asked("/pages.xml")[-1].headers["if-none-match"] == '"p"'


def test_round_stops_at_nesting_depth(server: LocalServer, make_fetcher: MakeFetcher):
    for level in range(4):
        server.document(f"/l{level}.opml", opml([server.url(f"/l{level + 1}.opml")]))
    report = run_round([server.url("/l0.opml")], make_fetcher(), MemoryState(), Collected())
    assert report.sources == 3
    assert report.errors == (
        (server.url("/l2.opml"), "1 sources listed 3 levels deep, over 2; skipped"),
    )
    assert server.hits["/l3.opml"] == 0


def test_round_defers_pages_over_max_pages(server: LocalServer, make_fetcher: MakeFetcher):
    serve_articles(server)
    pages = [server.url(path) for path in ARTICLES]
    server.document("/pages.xml", sitemap(pages), "application/xml", etag='"s"')
    state = MemoryState()
    ingest = Collected()
    source = [server.url("/pages.xml")]
    report = run_round(source, make_fetcher(), state, ingest, max_pages=2)
    assert report == RoundReport(sources=1, new_pages=2, ingested=2, deferred=1)
    report = run_round(source, make_fetcher(), state, ingest, max_pages=2)
    assert report == RoundReport(sources=1, new_pages=1, ingested=1)
    assert ingest.urls == pages
    report = run_round(source, make_fetcher(), state, ingest, max_pages=2)
    assert report == RoundReport(sources=1, not_modified=1)


def test_round_obeys_robots_txt(server: LocalServer, make_fetcher: MakeFetcher):
    feed = _site(server)
    server.document("/robots.txt", b"User-agent: *\nDisallow: /news/library\n", "text/plain")
    report = run_round([feed], make_fetcher(), MemoryState(), Collected())
    assert report.errors == ((server.url("/news/library"), "disallowed by robots.txt"),)
    assert report.ingested == 2
    assert server.hits["/news/library"] == 0


def test_refused_article_is_not_marked_seen(server: LocalServer, make_fetcher: MakeFetcher):
    feed = _site(server)

    def ingest(article: Article, ref: ArchiveRef | None) -> None:
        if "IRIS-T" in article.text:
            raise StoreFailed(article.id, "database is locked")

    state = MemoryState()
    report = run_round([feed], make_fetcher(), state, ingest)
    iris = server.url("/news/iris-t")
    assert report.errors == ((iris, "database is locked"),)
    assert report.ingested == 2
    assert not state.seen(iris)


@pytest.mark.parametrize("archiving", [True, False])
def test_fetch_urls_ingests_pages_and_expands_sources(
    server: LocalServer, make_fetcher: MakeFetcher, tmp_path: Path, archiving: bool
):
    feed = _site(server)
    urls = [server.url("/news/iris-t"), feed, server.url("/missing")]
    ingest = Collected()
    archive = WarcArchive(tmp_path) if archiving else None
    report = fetch_urls(urls, make_fetcher(), ingest, archive=archive)
    if archive is not None:
        archive.close()
    assert report == RoundReport(
        sources=1,
        new_pages=3,
        ingested=3,
        errors=((server.url("/missing"), "HTTP 404 Not Found"),),
    )
    assert ingest.urls[0] == server.url("/news/iris-t")
    assert server.hits["/news/iris-t"] == 1  # listed in the feed too, fetched once
    assert all((ref is not None) == archiving for _, ref in ingest.items)
