"""Watched sources: RSS and Atom feeds, XML sitemaps and OPML lists of feeds.

``parse_source`` turns a fetched document into the pages it lists (``Entry``) and the
further sources it points to (a sitemap index's sitemaps, an OPML list's feeds). Feeds are
read by feedparser, as ``ingest/feed.py`` reads them; sitemaps and OPML by lxml.

The bytes come from the network, so XML is parsed defensively: a document declaring
entities in its DOCTYPE is refused before any parser sees it (entity expansion is how
"billion laughs" and external-entity attacks work, and no real feed needs one), and lxml
resolves no entity, loads no DTD and reads nothing from the network.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree  # type: ignore[import-untyped]  # no stubs installed

from armstrack.errors import SourceError
from armstrack.ingest.feed import _entry_date, html_to_text

# Where the root element is looked for; a prologue longer than this is not a source's.
ROOT_WINDOW = 65_536
# The sitemap protocol's limit on an uncompressed sitemap; a .xml.gz one is inflated to
# at most this, so a compressed bomb is cut off.
MAX_SITEMAP_BYTES = 52_428_800
GZIP_MAGIC = b"\x1f\x8b"
# Possessive quantifiers: the prologue is matched once, never re-split (as in ingest/feed.py).
_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*+(?:\[.*?\])?+\s*+>)*+"
    rb"<([A-Za-z_][\w:.-]*)",
    re.DOTALL | re.IGNORECASE,
)


class SourceKind(StrEnum):
    FEED = "feed"
    SITEMAP = "sitemap"
    SITEMAP_INDEX = "sitemap_index"
    OPML = "opml"


# The root element (its local name, in lower case) of each kind of source.
ROOTS = {
    "rss": SourceKind.FEED,
    "rdf": SourceKind.FEED,  # RSS 1.0, <rdf:RDF>
    "feed": SourceKind.FEED,  # Atom
    "urlset": SourceKind.SITEMAP,
    "sitemapindex": SourceKind.SITEMAP_INDEX,
    "opml": SourceKind.OPML,
}


@dataclass(frozen=True, slots=True)
class Entry:
    """A page a source lists, with what the source says about it."""

    url: str
    title: str | None = None
    published: date | None = None
    # The original publisher of a syndicated item (RSS <source>, Atom source/title, a news
    # sitemap's publication name), which becomes the article's outlet.
    publisher: str | None = None
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class SourceDocument:
    url: str
    kind: SourceKind
    title: str | None = None
    entries: tuple[Entry, ...] = ()
    children: tuple[str, ...] = ()  # further sources: a sitemap index's, an OPML list's
    # What is wrong with a damaged feed whose entries could still be read.
    damage: str | None = None


def source_kind(body: bytes) -> SourceKind | None:
    """The kind of source ``body`` is, by its root element; None for anything else (an
    HTML page, plain text). A gzipped body is looked into."""
    found = _ROOT.match(_inflated(body, ROOT_WINDOW)[:ROOT_WINDOW])
    return ROOTS.get(_local(found.group(1).decode("ascii", "replace"))) if found else None


def parse_source(url: str, body: bytes, content_type: str | None) -> SourceDocument:
    """The entries and child sources of the document fetched from ``url``; SourceError if
    it is not a feed, sitemap or OPML list, or is too malformed to read."""
    raw = _inflated(body, MAX_SITEMAP_BYTES)
    if len(raw) > MAX_SITEMAP_BYTES:
        raise SourceError(url, f"over {MAX_SITEMAP_BYTES // 1_048_576} MB once uncompressed")
    found = _ROOT.match(raw[:ROOT_WINDOW])
    if found is None:
        raise SourceError(url, "not a feed, sitemap or OPML list (it does not start with XML)")
    if b"<!ENTITY" in found.group(0):
        raise SourceError(url, "declares XML entities, which are refused (an expansion attack?)")
    root = found.group(1).decode("ascii", "replace")
    kind = ROOTS.get(_local(root))
    if kind is None:
        raise SourceError(url, f"not a feed, sitemap or OPML list (root element is <{root}>)")
    if kind is SourceKind.FEED:
        return _feed(url, raw, content_type)
    tree = _xml(url, raw)
    if kind is SourceKind.OPML:
        return _opml(url, tree)
    return _sitemap(url, tree, kind)


def _inflated(body: bytes, limit: int) -> bytes:
    """``body`` gunzipped to at most ``limit + 1`` bytes if it is gzipped (a .xml.gz
    sitemap), else as it is; a damaged gzip stream gives what could be read."""
    if not body.startswith(GZIP_MAGIC):
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return inflater.decompress(body, limit + 1)
    except zlib.error:
        return b""


def _local(name: str) -> str:
    return name.rpartition(":")[2].lower()


def _feed(url: str, raw: bytes, content_type: str | None) -> SourceDocument:
    # The bytes, never the URL: feedparser would fetch a URL itself. Content-Location sets
    # the base that relative links are resolved against.
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(raw, response_headers=headers)
    entries = tuple(entry for item in parsed.entries if (entry := _feed_entry(url, item)))
    damage = None
    if parsed.bozo and _broken(parsed.bozo_exception):
        damage = f"malformed feed ({parsed.bozo_exception})"
        if not entries:
            raise SourceError(url, f"{damage}, no entry with a link could be read")
        damage += f"; {len(entries)} entries read anyway, some may be missing"
    title = parsed.feed.get("title") or None
    return SourceDocument(url, SourceKind.FEED, title, entries, damage=damage)


def _broken(exc: Exception) -> bool:
    """Whether feedparser's complaint means damage, not a mislabelled encoding or type
    (which are common and harmless: the feed is read all the same)."""
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    return not isinstance(exc, harmless)


def _feed_entry(url: str, item: Any) -> Entry | None:
    link = _web_url(url, item.get("link"))
    if link is None:
        return None
    source = item.get("source") or {}
    summary = item.get("summary") or ""
    return Entry(
        url=link,
        title=item.get("title") or None,
        published=_entry_date(item),
        publisher=(source.get("title") or "").strip() or None,
        summary=html_to_text(summary) or None,
    )


_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def _xml(url: str, raw: bytes) -> Any:
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        raise SourceError(url, f"malformed XML ({exc.msg})", line) from exc


def _children(element: Any, name: str) -> list[Any]:
    """The child elements of ``element`` with the local name ``name``, in any namespace
    (sitemaps in the wild are written with and without theirs)."""
    return [child for child in element if _is(child, name)]


def _is(element: Any, name: str) -> bool:
    return isinstance(element.tag, str) and etree.QName(element).localname == name


def _text(element: Any, *path: str) -> str | None:
    """The stripped text at ``path`` of child names below ``element``, or None."""
    for name in path:
        found = _children(element, name)
        if not found:
            return None
        element = found[0]
    text = "".join(element.itertext()).strip()
    return text or None


def _sitemap(url: str, root: Any, kind: SourceKind) -> SourceDocument:
    if kind is SourceKind.SITEMAP_INDEX:
        locations = (_web_url(url, _text(item, "loc")) for item in _children(root, "sitemap"))
        children = tuple(dict.fromkeys(loc for loc in locations if loc))
        return SourceDocument(url, kind, children=children)
    entries = tuple(
        entry for item in _children(root, "url") if (entry := _sitemap_entry(url, item))
    )
    return SourceDocument(url, kind, entries=entries)


def _sitemap_entry(url: str, item: Any) -> Entry | None:
    """A page of a sitemap, with what a Google News sitemap adds. <lastmod> is not taken
    for the publication date: it changes with every correction of the page."""
    location = _web_url(url, _text(item, "loc"))
    if location is None:
        return None
    news = _children(item, "news")
    if not news:
        return Entry(location)
    return Entry(
        location,
        title=_text(news[0], "title"),
        published=_w3c_date(_text(news[0], "publication_date")),
        publisher=_text(news[0], "publication", "name"),
    )


def _opml(url: str, root: Any) -> SourceDocument:
    """The feeds of an OPML list: every outline with an xmlUrl, at any depth (folders)."""
    feeds = (
        _web_url(url, outline.get("xmlUrl") or outline.get("xmlurl"))
        for outline in root.iter()
        if _is(outline, "outline")
    )
    head = _children(root, "head")
    title = _text(head[0], "title") if head else None
    return SourceDocument(
        url, SourceKind.OPML, title, children=tuple(dict.fromkeys(f for f in feeds if f))
    )


def _web_url(base: str, link: str | None) -> str | None:
    """``link`` made absolute against ``base``; None unless it is an http(s) URL."""
    if not link or not link.strip():
        return None
    absolute = urljoin(base, link.strip())
    return absolute if urlsplit(absolute).scheme.lower() in ("http", "https") else None


def _w3c_date(value: str | None) -> date | None:
    """The calendar date of a W3C datetime, in its own time zone ("2024-03-05T23:30+03:00"
    is 5 March, as the publisher dated it)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None
