"""Fetching pages and feeds over HTTP, politely and within bounds.

A ``Fetcher`` serves one run (a watch round, one ``armstrack ingest URL``) and keeps, per
host, what politeness needs: robots.txt is asked for once and obeyed (``robots.py`` says
what each answer means), one request is made at a time, and ``delay`` seconds (or the
host's Crawl-delay, if longer) pass between the end of one request and the next. Busy or
failing servers are retried with exponential backoff, waiting as long as a Retry-After
asks. Every response is bounded: redirects are followed by hand up to ``max_redirects``,
a body is streamed and abandoned past ``max_bytes``, and one response may take
``timeout`` seconds from the request to its last byte.

Only a 2xx response (with its body) or a 304 is returned; anything else raises a
``FetchError`` naming the URL that was asked for.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from typing import Self
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from armstrack.errors import DisallowedError, FetchError
from armstrack.fetch.robots import (
    ROBOTS_MAX_BYTES,
    Robots,
    robots_from_answer,
    robots_url,
    unreachable,
)


def _version() -> str:
    try:
        return version("armstrack")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0"


USER_AGENT = f"armstrack/{_version()} (+https://github.com/armstrack/armstrack)"
# Worth another try: the server timed out, was busy or briefly down, or asks us to slow down.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
SCHEMES = frozenset({"http", "https"})
# The same pattern as the WARC reader's (ingest/warc.py), so that a page read from the
# archive is decoded exactly as it was when fetched.
_CHARSET = re.compile(r"""charset\s*+=\s*+["']?+\s*+([\w.:-]+)""", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]{1,18}")


@dataclass(frozen=True, slots=True)
class FetchSettings:
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds for one response, from the request to its last byte
    delay: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = 5_000_000  # one response body, after its Content-Encoding is undone
    max_redirects: int = 5
    retries: int = 3  # further attempts after a timeout, a lost connection, a 429 or a 5xx
    backoff: float = 1.0  # the first wait before a retry; it doubles with each one
    max_retry_after: float = 120.0  # a server asking to wait longer is not retried
    respect_robots: bool = True


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said identifies a version of a document, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True, slots=True)
class Fetched:
    """One final response, redirects followed: a 2xx with its whole body, or a 304."""

    url: str  # where the response came from, after redirects
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]  # as received, in order
    body: bytes  # with its Content-Encoding undone (as httpx gives it); empty unless 2xx
    http_version: str
    request_headers: tuple[tuple[str, str], ...]  # as sent, for the archive
    fetched_at: datetime  # UTC

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    @property
    def content_type(self) -> str | None:
        return self.header("content-type")

    @property
    def charset(self) -> str | None:
        found = _CHARSET.search((self.content_type or "")[:1_000])
        return found.group(1) if found else None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def validators(self) -> Validators | None:
        etag, modified = self.header("etag"), self.header("last-modified")
        return Validators(etag, modified) if etag or modified else None


@dataclass
class _Host:
    """Politeness state of one host name."""

    turn: threading.Lock = field(default_factory=threading.Lock)  # one request at a time
    robots: threading.Lock = field(default_factory=threading.Lock)  # one robots.txt request
    ready_at: float = float("-inf")  # by the Fetcher's clock
    crawl_delay: float = 0.0


class Closable:
    """Closed at the end of a ``with`` block; subclasses say how."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        raise NotImplementedError


class Fetcher(Closable):
    """Fetches URLs politely; close it (or use it in a ``with``) when done.

    ``clock`` and ``sleep`` time the waits between requests and before retries, so tests
    can run them without waiting. The ``timeout`` of a response is always real time.
    """

    def __init__(
        self,
        settings: FetchSettings = FetchSettings(),
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self._clock = clock
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=settings.timeout,
            follow_redirects=False,  # followed by hand: each hop is checked and counted
        )
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, Robots] = {}

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, validators: Validators | None = None) -> Fetched:
        """The 2xx response at ``url`` with its body, or its 304 when ``validators`` still
        match; raises FetchError (DisallowedError for robots.txt) for anything else."""
        limit = self.settings.max_bytes
        fetched = self._follow(url, validators, limit, robots=self.settings.respect_robots)
        if 200 <= fetched.status < 300 or fetched.not_modified:
            return fetched
        problem = f"HTTP {fetched.status} {fetched.reason}".strip()
        if fetched.url != url:
            problem += f" at {fetched.url}"
        if fetched.status in RETRY_STATUSES and self.settings.retries:
            problem += f"; gave up after {self.settings.retries + 1} attempts"
        raise FetchError(url, problem)

    def _follow(
        self,
        url: str,
        validators: Validators | None,
        limit: int,
        *,
        robots: bool,
        truncate: bool = False,
    ) -> Fetched:
        """The final response of ``url``'s redirects, whatever its status."""
        chain = [url]
        while True:
            here = chain[-1]
            if _scheme(here) not in SCHEMES:
                raise FetchError(url, f"not a valid http or https URL: {here}")
            if robots:
                self._check_robots(url, here)
            fetched = self._attempts(url, here, validators, limit, truncate)
            location = fetched.header("location") if fetched.status in REDIRECT_STATUSES else None
            if not location:
                return fetched
            target = urldefrag(urljoin(fetched.url, location.strip())).url
            if target in chain:
                raise FetchError(url, f"redirect loop ({' -> '.join([*chain, target])})")
            chain.append(target)
            if len(chain) - 1 > self.settings.max_redirects:
                limit_text = f"the limit is {self.settings.max_redirects}"
                raise FetchError(url, f"too many redirects ({len(chain) - 1}; {limit_text})")

    def _check_robots(self, url: str, here: str) -> None:
        rules = self._robots_for(here)
        if not rules.allows(self.settings.user_agent, here):
            where = "" if here == url else f" ({here})"
            raise DisallowedError(url, (rules.refusal or "disallowed by robots.txt") + where)

    def _robots_for(self, url: str) -> Robots:
        """The robots.txt rules for ``url``'s host, asked for on first use only."""
        key = robots_url(url)
        host = self._host(url)
        with host.robots:
            rules = self._robots.get(key)
            if rules is None:
                rules = self._read_robots(key)
                self._robots[key] = rules
                host.crawl_delay = max(
                    host.crawl_delay, rules.crawl_delay(self.settings.user_agent)
                )
        return rules

    def _read_robots(self, url: str) -> Robots:
        try:
            answer = self._follow(url, None, ROBOTS_MAX_BYTES, robots=False, truncate=True)
        except FetchError as error:  # no answer at all: a timeout, no connection, a loop
            return unreachable(error.message)
        return robots_from_answer(answer.status, answer.reason, answer.body)

    def _attempts(
        self, url: str, here: str, validators: Validators | None, limit: int, truncate: bool
    ) -> Fetched:
        """The response of one hop, retried while the failure may pass; the last failing
        response is returned, a connection that never works raises FetchError."""
        attempt = 0
        while True:
            last = attempt >= self.settings.retries
            try:
                fetched = self._once(url, here, validators, limit, truncate)
            except httpx.TransportError as exc:
                if last or not _transient(exc):
                    raise FetchError(url, self._transport_problem(exc, attempt + 1)) from exc
                self._sleep(self._backoff(attempt))
            except (httpx.HTTPError, httpx.InvalidURL) as exc:  # a corrupt gzip body, a bad host
                raise FetchError(url, f"cannot fetch: {exc}") from exc
            else:
                if last or fetched.status not in RETRY_STATUSES:
                    return fetched
                self._sleep(self._retry_wait(url, fetched, attempt))
            attempt += 1

    def _once(
        self, url: str, here: str, validators: Validators | None, limit: int, truncate: bool
    ) -> Fetched:
        headers = validators.headers() if validators else {}
        with self._turn(here):
            deadline = time.monotonic() + self.settings.timeout
            with self._client.stream("GET", here, headers=headers) as response:
                ok = 200 <= response.status_code < 300
                # An error page's body is of no use: the connection is closed unread.
                body = _body(url, response, limit, truncate, deadline) if ok else b""
        return Fetched(
            url=str(response.url),
            status=response.status_code,
            reason=response.reason_phrase,
            headers=_pairs(response.headers.raw),
            body=body,
            http_version=response.http_version,
            request_headers=_pairs(response.request.headers.raw),
            fetched_at=datetime.now(UTC),
        )

    @contextmanager
    def _turn(self, url: str) -> Iterator[None]:
        """Wait for ``url``'s host to be free and its delay to pass, then hold it."""
        host = self._host(url)
        with host.turn:
            wait = host.ready_at - self._clock()
            if wait > 0:
                self._sleep(wait)
            try:
                yield
            finally:
                host.ready_at = self._clock() + max(self.settings.delay, host.crawl_delay)

    def _host(self, url: str) -> _Host:
        name = (urlsplit(url).hostname or "").lower()
        with self._lock:
            return self._hosts.setdefault(name, _Host())

    def _backoff(self, attempt: int) -> float:
        return float(min(self.settings.backoff * 2**attempt, self.settings.max_retry_after))

    def _retry_wait(self, url: str, fetched: Fetched, attempt: int) -> float:
        """How long to wait before asking again: as long as the server asks, if it does,
        and never less than the backoff; a server asking too long a wait is given up on."""
        asked = retry_after(fetched.header("retry-after"), fetched.header("date"))
        if asked is not None and asked > self.settings.max_retry_after:
            raise FetchError(
                url,
                f"HTTP {fetched.status} {fetched.reason}: the server asks to retry after "
                f"{asked:.0f} s, over the {self.settings.max_retry_after:g} s limit; "
                "try again later",
            )
        return max(asked or 0.0, self._backoff(attempt))

    def _transport_problem(self, exc: httpx.TransportError, attempts: int) -> str:
        if isinstance(exc, httpx.TimeoutException):
            problem = f"timed out after {self.settings.timeout:g} s"
        elif isinstance(exc, httpx.ConnectError):
            problem = f"cannot connect ({exc or 'no reason given'})"
        else:
            problem = f"connection failed ({exc or type(exc).__name__})"
        return problem + (f"; gave up after {attempts} attempts" if attempts > 1 else "")


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:  # an unbalanced "[" of an IPv6 address
        return ""


def _transient(exc: httpx.TransportError) -> bool:
    """A failure another attempt may not meet (an unsupported scheme or a proxy refusing
    the URL will fail the same way every time)."""
    return isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)


def _body(url: str, response: httpx.Response, limit: int, truncate: bool, deadline: float) -> bytes:
    """The body, streamed and never held beyond ``limit`` bytes: over it, reading stops
    and FetchError is raised (or, with ``truncate``, the first ``limit`` bytes are kept)."""
    declared = response.headers.get("content-length", "").strip()
    if not truncate and _DIGITS.fullmatch(declared) and int(declared) > limit:
        raise FetchError(url, f"response larger than {_size(limit)}; skipped")
    pieces: list[bytes] = []
    size = 0
    # Decoded pieces: a compressed body is bounded by what it inflates to. httpx inflates
    # one network read (at most 64 kB) at a time, so one piece stays within tens of MB.
    for piece in response.iter_bytes():
        if size + len(piece) > limit:
            if not truncate:
                raise FetchError(url, f"response larger than {_size(limit)}; skipped")
            pieces.append(piece[: limit - size])
            break
        size += len(piece)
        pieces.append(piece)
        if time.monotonic() > deadline:  # a server trickling bytes, each read in time
            raise httpx.ReadTimeout("the whole response took too long", request=response.request)
    return b"".join(pieces)


def retry_after(value: str | None, sent: str | None = None) -> float | None:
    """Seconds a Retry-After asks for: a number of seconds, or an HTTP date counted from
    the response's Date (``sent``), so that the server's clock is compared with itself."""
    value = (value or "").strip()
    if _DIGITS.fullmatch(value):
        return float(value)
    when, now = _http_date(value), _http_date(sent) or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds()) if when else None


def _http_date(value: str | None) -> datetime | None:
    try:
        when = parsedate_to_datetime(value or "")
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _pairs(raw: list[tuple[bytes, bytes]]) -> tuple[tuple[str, str], ...]:
    return tuple((name.decode("latin-1"), value.decode("latin-1")) for name, value in raw)


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1e6:g} MB"
    if count >= 1_000:
        return f"{count / 1e3:g} kB"
    return f"{count} bytes"
