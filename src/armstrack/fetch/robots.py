"""robots.txt: what a host allows, decided from the answer to one request for it.

The standard library's ``urllib.robotparser`` matches the rules; this module only decides
what each kind of answer means (RFC 9309, section 2.3.1):

- a robots.txt (2xx): its rules, and its Crawl-delay, apply;
- 401 or 403: everything is disallowed, as is conventional (and as robotparser does);
- any other 4xx, 404 or 410 among them: there are no rules, everything is allowed;
- 429, 5xx, a timeout, no connection, a redirect loop: everything is disallowed. The RFC
  calls the file "unreachable" then, and a server that fails or is overloaded is the last
  one to load with a crawl. Nothing of the host is fetched until it answers (a Fetcher
  asks once; the next watch round, with a new Fetcher, asks again).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

# RFC 9309 asks crawlers to parse at least the first 500 KiB; what follows is ignored.
ROBOTS_MAX_BYTES = 512_000
# A Crawl-delay beyond this is honoured only up to it: a minute a page is slow enough.
MAX_CRAWL_DELAY = 60.0
# The rules that refuse everything (robotparser's own disallow_all flag is not typed).
DISALLOW_ALL = ["User-agent: *", "Disallow: /"]


@dataclass(frozen=True, slots=True)
class Robots:
    """The rules of one host; ``refusal`` says why everything is refused without rules."""

    parser: RobotFileParser
    refusal: str | None = None

    def allows(self, user_agent: str, url: str) -> bool:
        return self.parser.can_fetch(user_agent, url)

    def crawl_delay(self, user_agent: str) -> float:
        """The host's Crawl-delay for us in seconds (0 if none), at most MAX_CRAWL_DELAY."""
        try:
            delay = self.parser.crawl_delay(user_agent)
        except (TypeError, ValueError):  # a malformed value in the file
            return 0.0
        return min(float(delay or 0), MAX_CRAWL_DELAY)


def robots_url(url: str) -> str:
    """Where the robots.txt governing ``url`` is: the root of its scheme, host and port."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def robots_from_answer(status: int, reason: str, body: bytes) -> Robots:
    """The rules that a final (redirects followed) answer to a robots.txt request means."""
    if 200 <= status < 300:
        return Robots(_parsed(body.decode("utf-8", "replace").splitlines()))
    if status in (401, 403):
        refusal = f"robots.txt is forbidden to us (HTTP {status} {reason})"
        return Robots(_parsed(DISALLOW_ALL), refusal)
    if 400 <= status < 500 and status != 429:
        return Robots(_parsed([]))
    return unreachable(f"HTTP {status} {reason}".strip())


def unreachable(problem: str) -> Robots:
    """Everything refused, because robots.txt could not be read (``problem`` says why)."""
    refusal = f"robots.txt could not be read ({problem}); the host is left alone"
    return Robots(_parsed(DISALLOW_ALL), refusal)


def _parsed(lines: list[str]) -> RobotFileParser:
    """A parser of ``lines``; no lines is no rules, which allows everything."""
    parser = RobotFileParser()
    parser.parse(lines)
    return parser
