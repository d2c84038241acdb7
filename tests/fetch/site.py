"""A small news site for the fetch tests: article pages, feeds, sitemaps, OPML lists.

The articles are written for these tests; one reports an arms delivery, the others
report nothing military.
"""

from __future__ import annotations

from html import escape

from tests.fetch.server import LocalServer

ARTICLES = {
    "/news/iris-t": (
        "Norway to send IRIS-T missiles to Ukraine",
        [
            "Norway will deliver 20 IRIS-T air defence missiles to Ukraine before the winter,"
            " the Norwegian defence ministry said in a statement on Tuesday.",
            "The missiles are meant to protect power stations and water works, according to"
            " the ministry, which did not say how they would be transported.",
        ],
    ),
    "/news/library": (
        "City library to open on Sundays",
        [
            "The central library will open its doors on Sunday afternoons from next month,"
            " the city council decided after a long debate on Wednesday evening.",
            "Volunteers from the reading club have offered to help staff the front desk"
            " during the first weeks of the new opening hours.",
        ],
    ),
    "/news/ferry": (
        "Island ferry gets a new timetable",
        [
            "The ferry to the northern islands will leave an hour earlier on weekdays"
            " from May, the operator announced, citing requests from commuters.",
            "A late crossing on Fridays is being added for the summer months, when"
            " visitors crowd the small harbour until long after dark.",
        ],
    ),
}


def article_html(title: str, paragraphs: list[str], published: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'{meta}</head><body><nav><a href="/">Front page</a> <a href="/about">About</a>'
        f"</nav><article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    )


# A photo gallery: no text for an article.
EMPTY_PAGE = (
    b'<!DOCTYPE html><html><head><title>Photos</title></head><body><div class="gallery">'
    b'<img src="/1.jpg" alt=""><img src="/2.jpg" alt=""></div></body></html>'
)


def rss(items: list[tuple[str, str, str | None, str | None]], title: str = "Local news") -> bytes:
    """An RSS feed of (link, title, source, pubDate) items."""
    parts = []
    for link, item_title, source, published in items:
        parts.append(
            f"<item><title>{escape(item_title)}</title><link>{escape(link)}</link>"
            + (f"<pubDate>{published}</pubDate>" if published else "")
            + (
                f'<source url="https://elsewhere.example/rss">{escape(source)}</source>'
                if source
                else ""
            )
            + "</item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title>{''.join(parts)}</channel></rss>"
    ).encode()


def sitemap(urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{escape(url)}</loc></url>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    ).encode()


def sitemap_index(urls: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{escape(url)}</loc></sitemap>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex'
        f' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    ).encode()


def opml(feeds: list[str]) -> bytes:
    outlines = "".join(f'<outline type="rss" text="f" xmlUrl="{escape(url)}"/>' for url in feeds)
    return (
        f'<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head>'
        f"<body>{outlines}</body></opml>"
    ).encode()


def serve_articles(server: LocalServer) -> None:
    """Every article at its path, with an ETag, as UTF-8 HTML."""
    for path, (title, paragraphs) in ARTICLES.items():
        server.document(path, article_html(title, paragraphs).encode(), etag=f'"{path}"')
