"""HTML pages: one article per page, its main text and metadata found by trafilatura.

The article text is trafilatura's main-text output, kept exactly as it returns it; menus,
footers and related-link boxes are left out. ``article_from_html`` is shared with the WARC
reader, which feeds it the archived pages.

Two settings make a crawl faster (see ``IngestSettings``): the pre-filter skips a page that
names no weapon before its text is extracted, and the ``resiliparse`` reader takes the main
text from Resiliparse instead, with the metadata found as trafilatura finds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import trafilatura
from trafilatura.settings import Document

from armstrack.errors import DecodeError, EmptyArticleError, InputError, NoWeaponNamed
from armstrack.ingest.decode import decode, read_bounded
from armstrack.ingest.prefilter import Prefilter, prefilter_for
from armstrack.ingest.settings import DEFAULT_SETTINGS, IngestSettings
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


@dataclass(frozen=True, slots=True)
class Page:
    """What a reader found in one HTML document: its main text and its metadata."""

    text: str
    url: str | None = None
    date: str | None = None
    title: str | None = None
    sitename: str | None = None


def read_html_file(path: Path, settings: IngestSettings) -> Article:
    """The article in the HTML page ``path``; its id is the canonical URL, else the file stem."""
    raw = read_bounded(path, settings.max_bytes)
    return article_from_html(raw, str(path), fallback_id=path.stem, settings=settings)


def article_from_html(
    raw: bytes,
    source: str,
    *,
    fallback_id: str,
    url: str | None = None,
    charset: str | None = None,
    settings: IngestSettings = DEFAULT_SETTINGS,
) -> Article:
    """The main text and metadata of one HTML document.

    ``url`` is where the page was fetched from, used when the page names no canonical URL;
    ``charset`` is one declared outside the page (an HTTP header). No date is invented: a
    page that states none has ``published=None``. Raises NoWeaponNamed for a page the
    pre-filter skips (``settings.prefilter``).
    """
    markup, utf8 = _markup(source, raw, charset)
    page = _page(source, raw if utf8 else markup, markup, url, settings)
    if page is None:
        raise EmptyArticleError(
            source, "no article text found in the page (only menus, links or boilerplate)"
        )
    return Article(
        id=page.url or fallback_id,
        text=page.text,
        published=_iso_date(page.date),
        url=page.url or None,
        title=page.title or None,
        outlet=page.sitename or None,
        source=source,
    )


def _markup(source: str, raw: bytes, charset: str | None) -> tuple[str | bytes, bool]:
    """UTF-8 text, else text in the declared charset, else bytes for trafilatura to guess;
    and whether ``raw`` is UTF-8."""
    try:
        return decode(source, raw), True
    except DecodeError:
        if b"\x00" in raw:  # binary: refused with the same error as a text file
            raise
    found = _META_CHARSET.search(raw[:4096])
    declared = charset or (found.group(1).decode("ascii") if found else None)
    if declared:
        try:
            return raw.decode(declared), False
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: let trafilatura guess instead
    return raw, False


def _page(
    source: str, scan: str | bytes, markup: str | bytes, url: str | None, settings: IngestSettings
) -> Page | None:
    """The page's text and metadata, None if it has no text; NoWeaponNamed if the pre-filter
    skips it, on its markup (``scan``: UTF-8 bytes, or the decoded text) or on its text."""
    check = prefilter_for(settings.catalogue_files) if settings.prefilter else None
    if check is not None and not check.may_hold_transfer(scan):
        raise NoWeaponNamed(source, "no weapon named in the page; skipped by the pre-filter")
    if settings.html_reader == "resiliparse":
        from armstrack.ingest import fast_html

        text = fast_html.main_text(source, markup)
        if not text.strip():
            return None
        _require_weapon(source, text, check)
        return fast_html.with_metadata(source, markup, url, text)
    page = _trafilatura_page(source, markup, url)
    if page is not None and page.text.strip():
        _require_weapon(source, page.text, check)
        return page
    return None


def _require_weapon(source: str, text: str, check: Prefilter | None) -> None:
    if check is not None and not check.names_weapon(text):
        message = "no weapon named in the page's main text; skipped by the pre-filter"
        raise NoWeaponNamed(source, message)


def _trafilatura_page(source: str, markup: str | bytes, url: str | None) -> Page | None:
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
    if not isinstance(result, Document) or not result.text:
        return None
    return Page(result.text, result.url, result.date, result.title, result.sitename)


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
