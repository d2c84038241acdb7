"""RSS and Atom feeds: every entry is an article.

An entry's text is its full content when the feed carries it, else its summary; HTML is
turned into plain text with one blank line between paragraphs. Entries are numbered from 1
in file order; an error about one entry carries that number as its ``line``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_tz
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException

import feedparser

from armstrack.errors import DamagedInputError, EmptyArticleError, InputError
from armstrack.ingest.decode import check_size, read_bounded, refuse_nul
from armstrack.ingest.html import HTML_MEDIA_TYPES
from armstrack.records import Article

# Tags that end a paragraph when an entry's HTML becomes plain text; <br> ends a line.
BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6"
    " header hr li main nav ol p pre section table tr ul".split()
)
HIDDEN_TAGS = frozenset({"script", "style", "template"})
# feedparser holds the whole feed and its parse tree in memory (3.4 times the file, measured
# on a 100 MB feed), so a feed is refused by its size before it is parsed. A feed carries
# many articles, so its limit is a multiple of an article's: 100 MB with the default 2 MB.
FEED_SIZE_FACTOR = 50
# Where the root element of a file that is not a feed is looked for, to name it in the error.
ROOT_WINDOW = 65_536
# Possessive quantifiers: the prologue is matched once, never re-split (a run of spaces
# matched as "\s+" repeated took exponential time to fail).
_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*+(?:\[.*?\])?+\s*+>)*+"
    rb"<([A-Za-z_][\w:.-]*)",
    re.DOTALL | re.IGNORECASE,
)


def read_feed_file(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """Articles from the entries of one feed; a bad entry is an error item, not the end.

    A malformed feed of which feedparser could still read entries gives those entries,
    then one error that says what is wrong with it: some entries may be missing.
    """
    source = str(path)
    limit = FEED_SIZE_FACTOR * max_bytes
    advice = f"a feed may be {FEED_SIZE_FACTOR} times --max-bytes; split it, or raise --max-bytes"
    raw = read_bounded(path, limit, what="feed", advice=advice)
    parsed = feedparser.parse(raw)
    if not parsed.get("version"):  # feedparser found no RSS, Atom or RDF root element
        raise InputError(source, f"not an RSS or Atom feed ({_root_description(raw)})")
    if parsed.bozo and not parsed.entries:
        raise _malformed(source, parsed.bozo_exception)
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _article(source, number, entry, outlet, max_bytes)
        except InputError as error:
            yield error
    if parsed.bozo:
        yield _malformed(source, parsed.bozo_exception, len(parsed.entries))


def _article(source: str, number: int, entry: Any, outlet: str | None, max_bytes: int) -> Article:
    text = _entry_text(entry)
    if not text.strip():
        raise EmptyArticleError(
            source, f"entry {number} has no text (no content or summary)", number
        )
    check_size(source, len(text.encode("utf-8")), max_bytes, number)
    refuse_nul(source, text, number)  # the loose parser lets "&#0;" through
    link = entry.get("link") or None
    return Article(
        id=entry.get("id") or link or f"{Path(source).stem}:{number}",
        text=text,
        published=_entry_date(entry),
        url=link,
        title=entry.get("title") or None,
        outlet=publisher(entry) or outlet,
        source=f"{source}:{number}",
    )


def publisher(entry: Any) -> str | None:
    """The original publisher an aggregator names for a syndicated entry (RSS ``<source>``,
    Atom ``<source><title>``): the outlet whose report it is, not the feed's."""
    found = entry.get("source") or {}
    title = found.get("title") if hasattr(found, "get") else None
    return title.strip() or None if isinstance(title, str) else None


def _entry_text(entry: Any) -> str:
    """The full content if present, else the summary, as plain text."""
    contents = entry.get("content") or []
    if contents and (contents[0].get("value") or "").strip():
        detail = contents[0]
    else:
        detail = entry.get("summary_detail") or {"value": entry.get("summary", "")}
    value: str = detail.get("value") or ""
    return html_to_text(value) if detail.get("type", "text/html") in HTML_MEDIA_TYPES else value


def _entry_date(entry: Any) -> date | None:
    """The publication date as the feed wrote it, else its update date.

    feedparser's ``*_parsed`` values are converted to UTC, which moves a report published
    just after midnight east of Greenwich to the day before; the date as written wins.
    """
    for key in ("published", "updated"):
        # dict.get: feedparser's own get() answers "updated" with "published" (and warns)
        written = _written_date(dict.get(entry, key) or "")
        if written:
            return written
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return date(*parsed[:3])
    return None


def _written_date(value: str) -> date | None:
    """The calendar date of an ISO 8601 (Atom) or RFC 822 (RSS) date in its own time zone."""
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        pass
    fields = parsedate_tz(value)
    try:
        return date(*fields[:3]) if fields else None
    except ValueError:  # a day or month out of range
        return None


def _malformed(source: str, exc: Exception, read: int = 0) -> InputError:
    """The error for a feed feedparser found fault with, after ``read`` entries it could read."""
    entries = "1 entry was" if read == 1 else f"{read} entries were"
    consequence = (
        f"{entries} read anyway; check it for missing or garbled ones"
        if read
        else "no entry could be read"
    )
    kind = DamagedInputError if read else InputError
    if isinstance(exc, SAXParseException):
        message, line = exc.getMessage(), exc.getLineNumber()
        return kind(source, f"malformed feed ({message}), {consequence}", line)
    return kind(source, f"malformed feed ({exc}), {consequence}")


def _root_description(raw: bytes) -> str:
    found = _ROOT.match(raw[:ROOT_WINDOW])
    if found is None:
        return "it does not start with an XML element"
    return f"root element is <{found.group(1).decode('ascii', 'replace')}>"


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one line per <br>, a blank line between paragraphs."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class _TextCollector(HTMLParser):
    """Text of HTML, with newlines only where tags break lines (never code or markup)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(re.sub(r"\s+", " ", data))
