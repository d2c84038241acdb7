"""HTML pages: one article per page, its main text and metadata found by trafilatura.

The article text is trafilatura's main-text output, kept exactly as it returns it; menus,
footers and related-link boxes are left out. ``article_from_html`` is shared with the WARC
reader, which feeds it the archived pages.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import trafilatura
from trafilatura.settings import Document

from armstrack.errors import DecodeError, EmptyArticleError, InputError
from armstrack.ingest.decode import decode, read_bounded
from armstrack.records import Article

HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# htmldate's extensive search guesses a date from the body text ("on 3 March ..."), which is
# the date of an event, not of the report: only dates in the page's markup and URL are kept.
DATE_PARAMS = {"original_date": True, "extensive_search": False}
# Precision mode skips trafilatura's "baseline" rescue, which turns a page of nothing but
# menus and footers into "text"; a menu read as an article only feeds false matches onwards.
FAVOR_PRECISION = True
# Possessive quantifiers: with "\s*" on both sides of an optional quote, a long run of spaces
# would be split every possible way before the match fails (quadratic time).
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*+=\s*+["']?+\s*+([\w.:-]+)""", re.IGNORECASE)


def read_html_file(path: Path, max_bytes: int) -> Article:
    """The article in the HTML page ``path``; its id is the canonical URL, else the file stem."""
    return article_from_html(read_bounded(path, max_bytes), str(path), fallback_id=path.stem)


def article_from_html(
    raw: bytes,
    source: str,
    *,
    fallback_id: str,
    url: str | None = None,
    charset: str | None = None,
) -> Article:
    """The main text and metadata of one HTML document.

    ``url`` is where the page was fetched from, used when the page names no canonical URL;
    ``charset`` is one declared outside the page (an HTTP header). No date is invented: a
    page that states none has ``published=None``.
    """
    document = _extract(source, _markup(source, raw, charset), url)
    text = document.text if document is not None else None
    if document is None or not text or not text.strip():
        raise EmptyArticleError(
            source, "no article text found in the page (only menus, links or boilerplate)"
        )
    return Article(
        id=document.url or fallback_id,
        text=text,
        published=_iso_date(document.date),
        url=document.url or None,
        title=document.title or None,
        outlet=document.sitename or None,
        source=source,
    )


def _markup(source: str, raw: bytes, charset: str | None) -> str | bytes:
    """UTF-8 text, else text in the declared charset, else bytes for trafilatura to guess."""
    try:
        return decode(source, raw)
    except DecodeError:
        if b"\x00" in raw:  # binary: refused with the same error as a text file
            raise
    found = _META_CHARSET.search(raw[:4096])
    declared = charset or (found.group(1).decode("ascii") if found else None)
    if declared:
        try:
            return raw.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: let trafilatura guess instead
    return raw


def _extract(source: str, markup: str | bytes, url: str | None) -> Document | None:
    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=FAVOR_PRECISION,
            date_extraction_params=dict(DATE_PARAMS),
        )
    except Exception as exc:  # a parser crash on one page must not end the batch
        raise InputError(source, f"cannot parse the HTML ({exc!r}); please report it") from exc
    return result if isinstance(result, Document) else None


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
