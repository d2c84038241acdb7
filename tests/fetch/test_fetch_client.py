"""The fetcher against a real server on loopback: politeness, retries, bounds, errors."""

from __future__ import annotations

import socket
import time

import pytest
from tests.fetch.conftest import MakeFetcher
from tests.fetch.server import FakeClock, LocalServer, Reply, Request, Route, http_date

from armstrack import __version__
from armstrack.errors import DisallowedError, FetchError, InputError
from armstrack.fetch import Validators
from armstrack.fetch.client import retry_after

PAGE = b"<html><body><p>A page.</p></body></html>"
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"


def test_fetch_sends_identifying_user_agent(server: LocalServer, make_fetcher: MakeFetcher):
    server.document("/page", PAGE)
    fetched = make_fetcher().fetch(server.url("/page"))
    assert fetched.status == 200
    assert fetched.body == PAGE
    agent = server.asked("/page")[0].headers["user-agent"]
    assert agent == f"armstrack/{__version__} (+https://github.com/armstrack/armstrack)"


@pytest.mark.parametrize(
    "validators",
    [Validators(etag='"v1"'), Validators(last_modified="Tue, 05 Mar 2024 10:00:00 GMT")],
)
def test_fetch_conditional_get_is_not_modified(
    server: LocalServer, make_fetcher: MakeFetcher, validators: Validators
):
    server.document("/feed", PAGE, etag=validators.etag, last_modified=validators.last_modified)
    fetcher = make_fetcher()
    first = fetcher.fetch(server.url("/feed"))
    assert first.validators == validators
    second = fetcher.fetch(server.url("/feed"), first.validators)
    assert second.not_modified
    assert second.body == b""
    changed = fetcher.fetch(server.url("/feed"), Validators('"v0"', "Mon, 01 Jan 2024 0:0:0 GMT"))
    assert changed.status == 200


def test_fetch_http_error_names_url_and_status(server: LocalServer, make_fetcher: MakeFetcher):
    url = server.url("/feed.xml")
    with pytest.raises(FetchError) as caught:
        make_fetcher().fetch(url)
    assert isinstance(caught.value, InputError)
    assert str(caught.value) == f"{url}: HTTP 404 Not Found"


def _busy_then_ok(status: int, retry: str | None) -> Route:
    def route(request: Request) -> Reply:
        if request.count == 1:
            return Reply(status, b"busy", [("Retry-After", retry)] if retry else [])
        return Reply(200, PAGE)

    return route


@pytest.mark.parametrize(("status", "retry", "wait"), [(429, "7", 7.0), (503, "0", 1.0)])
def test_fetch_honours_retry_after_seconds(
    server: LocalServer,
    make_fetcher: MakeFetcher,
    clock: FakeClock,
    status: int,
    retry: str,
    wait: float,
):
    server.add("/page", _busy_then_ok(status, retry))
    fetched = make_fetcher(respect_robots=False).fetch(server.url("/page"))
    assert fetched.body == PAGE
    assert clock.sleeps == [wait]  # as asked, and never under the backoff of 1 s
    assert server.hits["/page"] == 2


def test_fetch_honours_retry_after_date(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock
):
    server.add("/page", _busy_then_ok(429, http_date(time.time() + 30)))
    make_fetcher(respect_robots=False).fetch(server.url("/page"))
    [wait] = clock.sleeps
    assert 28 <= wait <= 31  # counted from the response's Date, whole seconds


def test_fetch_gives_up_when_retry_after_is_over_the_cap(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock
):
    server.add("/page", _busy_then_ok(429, "3600"))
    with pytest.raises(FetchError, match="retry after 3600 s, over the 120 s limit"):
        make_fetcher(respect_robots=False).fetch(server.url("/page"))
    assert clock.sleeps == []
    assert server.hits["/page"] == 1


def test_fetch_retries_server_error_with_backoff(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock
):
    server.add("/flaky", _busy_then_ok(500, None))
    server.add("/down", lambda request: Reply(503, b"down"))
    fetcher = make_fetcher(respect_robots=False, backoff=1.5)
    assert fetcher.fetch(server.url("/flaky")).body == PAGE
    assert clock.sleeps == [1.5]
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url("/down"))
    assert caught.value.message == "HTTP 503 Service Unavailable; gave up after 4 attempts"
    assert clock.sleeps == [1.5, 1.5, 3.0, 6.0]
    assert server.hits["/down"] == 4


def test_fetch_retries_refused_connection(make_fetcher: MakeFetcher, clock: FakeClock):
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"cannot connect .*; gave up after 3 attempts"):
        make_fetcher(respect_robots=False, retries=2).fetch(f"http://127.0.0.1:{port}/")
    assert clock.sleeps == [1.0, 2.0]


def test_fetch_follows_redirects(server: LocalServer, make_fetcher: MakeFetcher):
    server.add("/old", lambda request: Reply(301, headers=[("Location", "/new#top")]))
    server.document("/new", PAGE)
    fetched = make_fetcher().fetch(server.url("/old"))
    assert fetched.url == server.url("/new")
    assert fetched.body == PAGE


@pytest.mark.parametrize(
    ("start", "message"),
    [("/loop/a", "redirect loop ("), ("/hop/0", "too many redirects (6; the limit is 5)")],
)
def test_fetch_refuses_redirect_loops_and_chains(
    server: LocalServer, make_fetcher: MakeFetcher, start: str, message: str
):
    server.add("/loop/a", lambda request: Reply(302, headers=[("Location", "/loop/b")]))
    server.add("/loop/b", lambda request: Reply(302, headers=[("Location", "/loop/a")]))
    for hop in range(10):
        server.add(
            f"/hop/{hop}", lambda r, n=hop: Reply(307, headers=[("Location", f"/hop/{n + 1}")])
        )
    with pytest.raises(FetchError) as caught:
        make_fetcher().fetch(server.url(start))
    assert caught.value.message.startswith(message)
    assert sum(server.hits[path] for path in server.hits if path != "/robots.txt") <= 6


def test_fetch_times_out(server: LocalServer, make_fetcher: MakeFetcher):
    def slow(request: Request) -> Reply:
        server.release.wait(5)
        return Reply(200, PAGE)

    server.add("/slow", slow)
    with pytest.raises(FetchError) as caught:
        make_fetcher(timeout=0.3, retries=1, respect_robots=False).fetch(server.url("/slow"))
    assert caught.value.message == "timed out after 0.3 s; gave up after 2 attempts"


@pytest.mark.parametrize("declared", [True, False])
def test_fetch_cuts_off_oversized_body(
    server: LocalServer, make_fetcher: MakeFetcher, declared: bool
):
    piece, count = b"x" * 65_536, 1_024  # 64 MB, never all sent

    def huge(request: Request) -> Reply:
        length = [("Content-Length", str(len(piece) * count))] if declared else []
        return Reply(200, (piece for _ in range(count)), [("Content-Type", "text/html"), *length])

    server.add("/huge", huge)
    with pytest.raises(FetchError) as caught:
        make_fetcher(max_bytes=100_000, respect_robots=False).fetch(server.url("/huge"))
    assert caught.value.message == "response larger than 100 kB; skipped"
    assert server.stream.ended.wait(10)
    assert not server.stream.complete
    assert server.stream.sent < len(piece) * count // 2


def test_fetch_obeys_robots_txt_asked_once(server: LocalServer, make_fetcher: MakeFetcher):
    robots = b"User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n"
    server.document("/robots.txt", robots, "text/plain")
    server.document("/public", PAGE)
    server.document("/private/page", PAGE)
    fetcher = make_fetcher()
    with pytest.raises(DisallowedError) as caught:
        fetcher.fetch(server.url("/private/page"))
    assert caught.value.message == "disallowed by robots.txt"
    assert fetcher.fetch(server.url("/public")).body == PAGE
    assert server.hits["/private/page"] == 0
    assert server.hits["/robots.txt"] == 1


def test_fetch_obeys_robots_txt_after_redirect(server: LocalServer, make_fetcher: MakeFetcher):
    server.document("/robots.txt", b"User-agent: armstrack\nDisallow: /private/\n", "text/plain")
    server.add("/go", lambda request: Reply(302, headers=[("Location", "/private/page")]))
    with pytest.raises(DisallowedError, match=r"disallowed by robots.txt \(http://.*/private/"):
        make_fetcher().fetch(server.url("/go"))
    assert server.hits["/private/page"] == 0


@pytest.mark.parametrize(
    ("status", "allowed", "refusal"),
    [
        (404, True, None),
        (410, True, None),
        (401, False, "robots.txt is forbidden to us (HTTP 401 Unauthorized)"),
        (403, False, "robots.txt is forbidden to us (HTTP 403 Forbidden)"),
        (
            503,
            False,
            "robots.txt could not be read (HTTP 503 Service Unavailable); the host is left alone",
        ),
    ],
)
def test_fetch_robots_txt_answer_decides(
    server: LocalServer,
    make_fetcher: MakeFetcher,
    status: int,
    allowed: bool,
    refusal: str | None,
):
    server.add("/robots.txt", lambda request: Reply(status, b"no"))
    server.document("/page", PAGE)
    fetcher = make_fetcher(retries=1)
    if allowed:
        assert fetcher.fetch(server.url("/page")).status == 200
    else:
        with pytest.raises(DisallowedError) as caught:
            fetcher.fetch(server.url("/page"))
        assert caught.value.message == refusal
    assert server.hits["/page"] == (1 if allowed else 0)


def test_fetch_robots_txt_unreachable_disallows(make_fetcher: MakeFetcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DisallowedError, match=r"robots.txt could not be read \(cannot connect"):
        make_fetcher(retries=0).fetch(f"http://127.0.0.1:{port}/page")


def test_fetch_ignores_robots_txt_when_told(server: LocalServer, make_fetcher: MakeFetcher):
    server.document("/robots.txt", b"User-agent: *\nDisallow: /\n", "text/plain")
    server.document("/page", PAGE)
    assert make_fetcher(respect_robots=False).fetch(server.url("/page")).status == 200
    assert server.hits["/robots.txt"] == 0


def test_fetch_waits_between_requests_to_one_host(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock
):
    server.document("/a", PAGE)
    server.document("/b", PAGE)
    fetcher = make_fetcher(delay=5.0)
    fetcher.fetch(server.url("/a", "localhost"))  # robots.txt, then /a: one wait
    assert clock.sleeps == [5.0]
    clock.now += 3.0  # time passes between requests: only the rest is waited
    fetcher.fetch(server.url("/b", "localhost"))
    assert clock.sleeps == [5.0, 2.0]
    fetcher.fetch(server.url("/a", "127.0.0.1"))  # another host: its robots.txt at once
    assert clock.sleeps == [5.0, 2.0, 5.0]
    assert [r.path for r in server.requests] == ["/robots.txt", "/a", "/b", "/robots.txt", "/a"]


def test_fetch_honours_crawl_delay(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock
):
    server.document("/robots.txt", b"User-agent: *\nCrawl-delay: 9\n", "text/plain")
    server.document("/a", PAGE)
    fetcher = make_fetcher(delay=1.0)
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/a"))
    assert clock.sleeps == [1.0, 9.0]  # the delay, until robots.txt said more


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/f.xml", "http://[::1/"])
def test_fetch_refuses_other_schemes(make_fetcher: MakeFetcher, url: str):
    with pytest.raises(FetchError, match="not a valid http or https URL"):
        make_fetcher().fetch(url)


def test_fetch_corrupt_compressed_body_is_a_fetch_error(
    server: LocalServer, make_fetcher: MakeFetcher
):
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    body = GZIP_HEADER + b"\xff" * 20  # a deflate block of the reserved type 3
    server.add("/bad", lambda request: Reply(200, body, headers))
    with pytest.raises(FetchError, match="cannot fetch: "):
        make_fetcher().fetch(server.url("/bad"))


@pytest.mark.parametrize(
    ("value", "date", "seconds"),
    [
        ("120", None, 120.0),
        ("Tue, 05 Mar 2024 10:01:00 GMT", "Tue, 05 Mar 2024 10:00:00 GMT", 60.0),
        ("Tue, 05 Mar 2024 09:00:00 GMT", "Tue, 05 Mar 2024 10:00:00 GMT", 0.0),
        ("soon", None, None),
        (None, None, None),
    ],
)
def test_retry_after_parses_seconds_and_dates(
    value: str | None, date: str | None, seconds: float | None
):
    assert retry_after(value, date) == seconds
