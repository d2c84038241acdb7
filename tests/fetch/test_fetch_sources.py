"""Feeds, sitemaps and OPML lists read into entries and child sources, safely."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from armstrack.errors import SourceError
from armstrack.fetch import Entry, SourceKind, parse_source
from armstrack.fetch.sources import source_kind

BASE = "https://aggregator.example/feeds/world.xml"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World roundup</title>
<item><title>Ferry timetable changes</title><link>/stories/ferry</link>
<pubDate>Tue, 05 Mar 2024 23:30:00 +0300</pubDate>
<description>&lt;p&gt;New &lt;b&gt;crossings&lt;/b&gt; from May.&lt;/p&gt;</description>
<source url="https://harbour-gazette.example/rss">Harbour Gazette</source></item>
<item><title>No link here</title></item>
<item><title>Library hours</title><link>https://city.example/library</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Digest</title><id>urn:d</id>
<updated>2024-03-06T08:00:00Z</updated>
<entry><title>Bridge reopens</title><id>urn:1</id><link href="https://b.example/bridge"/>
<updated>2024-03-06T08:00:00Z</updated><published>2024-03-04T22:15:00-05:00</published>
<source><id>urn:s</id><title>Valley Courier</title></source></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://city.example/a</loc><lastmod>2024-03-01</lastmod></url>
<url><loc> https://city.example/b?x=1&amp;y=2 </loc></url>
<url><loc>mailto:someone@city.example</loc></url>
</urlset>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://daily.example/2024/03/05/ferries</loc>
<news:news><news:publication><news:name>The Daily Example</news:name>
<news:language>en</news:language></news:publication>
<news:publication_date>2024-03-05T23:40:00+03:00</news:publication_date>
<news:title>Ferries to run later</news:title></news:news></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://daily.example/news-sitemap.xml</loc></sitemap>
<sitemap><loc>/sitemap-2.xml</loc><lastmod>2024-03-01</lastmod></sitemap>
<sitemap><loc>https://daily.example/news-sitemap.xml</loc></sitemap>
</sitemapindex>"""

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="News"><outline text="Gazette" type="rss" xmlUrl="https://g.example/rss"/>
<outline text="Courier" type="rss" xmlUrl="/courier.xml"/></outline>
<outline text="A site, not a feed" htmlUrl="https://site.example/"/>
</body></opml>"""


def test_parse_rss_entries_with_publisher():
    document = parse_source(BASE, RSS, "application/rss+xml")
    assert document.kind is SourceKind.FEED
    assert document.title == "World roundup"
    assert document.entries == (
        Entry(
            url="https://aggregator.example/stories/ferry",
            title="Ferry timetable changes",
            published=date(2024, 3, 5),  # as the feed dated it, not moved to UTC
            publisher="Harbour Gazette",
            summary="New crossings from May.",
        ),
        Entry(url="https://city.example/library", title="Library hours"),
    )
    assert document.damage is None


def test_parse_atom_source_title_is_publisher():
    [entry] = parse_source(BASE, ATOM, None).entries
    assert entry == Entry(
        "https://b.example/bridge", "Bridge reopens", date(2024, 3, 4), "Valley Courier"
    )


def test_parse_sitemap_pages_without_lastmod_as_date():
    document = parse_source("https://city.example/sitemap.xml", SITEMAP, "application/xml")
    assert document.kind is SourceKind.SITEMAP
    assert document.entries == (
        Entry("https://city.example/a"),
        Entry("https://city.example/b?x=1&y=2"),
    )


def test_parse_news_sitemap_title_date_and_publication():
    [entry] = parse_source("https://daily.example/news.xml", NEWS_SITEMAP, None).entries
    assert entry == Entry(
        "https://daily.example/2024/03/05/ferries",
        title="Ferries to run later",
        published=date(2024, 3, 5),
        publisher="The Daily Example",
    )


def test_parse_sitemap_index_children_once_each():
    document = parse_source("https://daily.example/sitemap.xml", SITEMAP_INDEX, None)
    assert document.kind is SourceKind.SITEMAP_INDEX
    assert document.children == (
        "https://daily.example/news-sitemap.xml",
        "https://daily.example/sitemap-2.xml",
    )
    assert document.entries == ()


def test_parse_opml_feeds_at_any_depth():
    document = parse_source("https://me.example/list.opml", OPML, "text/x-opml")
    assert document.kind is SourceKind.OPML
    assert document.title == "My feeds"
    assert document.children == ("https://g.example/rss", "https://me.example/courier.xml")


def test_parse_gzipped_sitemap():
    body = gzip.compress(NEWS_SITEMAP)
    assert source_kind(body) is SourceKind.SITEMAP
    assert len(parse_source("https://d.example/s.xml.gz", body, "application/gzip").entries) == 1


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (RSS, SourceKind.FEED),
        (ATOM, SourceKind.FEED),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- hi --><rdf:RDF/>', SourceKind.FEED),
        (SITEMAP_INDEX, SourceKind.SITEMAP_INDEX),
        (OPML, SourceKind.OPML),
        (b"<!DOCTYPE html>\n<html><body>a page</body></html>", None),
        (b"just text", None),
    ],
)
def test_source_kind_by_root_element(body: bytes, kind: SourceKind | None):
    assert source_kind(body) is kind


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b"<rss version='2.0'><channel><title>Broken <item><title>x</item></rss>",
            "malformed feed",
        ),
        (b"<urlset><url><loc>https://a.example/</loc></url>", "malformed XML"),
        (b"<!DOCTYPE html><html><body>hello</body></html>", "root element is <html>"),
        (b"", "it does not start with XML"),
    ],
)
def test_parse_refuses_malformed_or_foreign_documents(body: bytes, message: str):
    url = "https://x.example/feed.xml"
    with pytest.raises(SourceError) as caught:
        parse_source(url, body, "application/xml")
    assert caught.value.source == url
    assert message in caught.value.message


def test_parse_damaged_feed_keeps_readable_entries():
    body = RSS.replace(b"</channel></rss>", b"<item><title>cut")
    document = parse_source(BASE, body, None)
    assert [entry.title for entry in document.entries][:2] == [
        "Ferry timetable changes",
        "Library hours",
    ]
    assert document.damage is not None
    assert "malformed feed" in document.damage


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE %s [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY file SYSTEM "file:///etc/hostname">
]>"""


@pytest.mark.parametrize(
    "body",
    [
        LAUGHS % b"rss"
        + b"<rss><channel><item><title>&e;</title><link>/x</link></item></channel></rss>",
        LAUGHS % b"urlset" + b"<urlset><url><loc>https://a.example/&e;&file;</loc></url></urlset>",
    ],
)
def test_parse_refuses_entity_declarations(body: bytes):
    with pytest.raises(SourceError, match="declares XML entities"):
        parse_source("https://x.example/s.xml", body, None)


def test_parse_expands_no_entity_it_cannot_see_declared():
    # An entity used without a declaration in the prologue: lxml leaves it unresolved.
    body = b"<urlset><url><loc>https://a.example/&ext;</loc></url></urlset>"
    with pytest.raises(SourceError, match="malformed XML"):
        parse_source("https://x.example/s.xml", body, None)
