"""Web archives (WARC, plain or gzipped): every archived HTML page is an article.

The archive is streamed record by record and never read whole, as crawls run to gigabytes;
``archive`` reads it within fixed bounds. Only successful HTML responses are articles;
requests, metadata, images and error pages are skipped silently. Records are numbered from
1 in file order, every type counted, and an error about one record carries that number as
its ``line``. A record that cannot be used is one error and reading goes on; an archive cut
short or damaged ends with one error naming the record where it happens. With the
pre-filter on, the pages it skips are counted, and one NoWeaponNamed item at the end says
how many: a crawl is mostly such pages, and one item each would flood the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from armstrack.errors import InputError, NoWeaponNamed
from armstrack.ingest.archive import (
    ArchiveError,
    ByteStream,
    Record,
    UnusableRecord,
    read_body,
    read_http_head,
    read_records,
)
from armstrack.ingest.decode import too_large
from armstrack.ingest.html import HTML_MEDIA_TYPES, article_from_html
from armstrack.ingest.settings import IngestSettings
from armstrack.records import Article

# Possessive quantifiers: "\s*" on both sides of an optional quote, tried every way on a
# long run of spaces, took quadratic time to fail.
_CHARSET = re.compile(r"""charset\s*+=\s*+["']?+\s*+([\w.:-]+)""", re.IGNORECASE)


def read_warc_file(
    path: Path, settings: IngestSettings, only: range | None = None
) -> Iterator[Article | InputError]:
    """Articles from the HTML responses in the archive ``path``, read as a stream.

    Whatever the bytes, nothing is raised: every problem is an error item naming the file
    and the record. ``only`` limits reading to those record numbers (a partition); the
    records before them are skipped without being parsed.
    """
    source = str(path)
    tally = _Tally()
    try:
        with path.open("rb") as handle:
            yield from _items(source, ByteStream(handle), settings, only, tally)
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
    if tally.skipped:
        yield _skipped(source, tally, only)


@dataclass(slots=True)
class _Tally:
    pages: int = 0  # HTML pages read, skipped or not
    skipped: int = 0  # ... of which the pre-filter skipped
    last: int = 0  # the number of the last record read


def _skipped(source: str, tally: _Tally, only: range | None) -> NoWeaponNamed:
    pages = "page" if tally.pages == 1 else "pages"
    where = "" if only is None else f"records {only.start}-{tally.last}: "
    message = (
        f"{where}{tally.skipped:,} of {tally.pages:,} {pages} named no weapon; skipped by the "
        "pre-filter"
    )
    return NoWeaponNamed(source, message, None if only is None else only.start, tally.skipped)


def _items(
    source: str, stream: ByteStream, settings: IngestSettings, only: range | None, tally: _Tally
) -> Iterator[Article | InputError]:
    number = 0
    try:
        for record in read_records(stream):
            number = record.number
            if only is not None and number not in only:
                if number >= only.stop:
                    return
                continue
            tally.last = number
            item = _record_item(source, record, settings)
            if item is None:
                continue
            tally.pages += 1
            if isinstance(item, NoWeaponNamed):
                tally.skipped += 1
            else:
                yield item
    except ArchiveError as error:
        yield InputError(source, error.message, error.number)
        return
    except Exception as exc:  # a bug met on hostile bytes must not end the batch
        at = max(number, 1)
        message = f"record {at}: cannot read ({exc!r}; please report it); the rest is skipped"
        yield InputError(source, message, at)
        return
    if number == 0 and (only is None or only.start <= 1):
        yield InputError(source, "no WARC records (an empty or truncated archive)")


def count_records(path: Path) -> int:
    """The number of records in the archive ``path``; raises ArchiveError if damaged."""
    with path.open("rb") as handle:
        return sum(1 for _ in read_records(ByteStream(handle)))


def _record_item(
    source: str, record: Record, settings: IngestSettings
) -> Article | InputError | None:
    """The article in one record, an error about it, or None if it is not an article page."""
    number = record.number
    uri = _target_uri(record)
    if record.fields.get("warc-type") != "response" or uri is None:
        return None
    try:
        status, http = read_http_head(record.block)
        content_type = http.get("content-type", "")
        if status != "200" or not _is_html(content_type):
            return None
        payload = read_body(record.block, http, settings.max_bytes)
    except UnusableRecord as error:
        return error.kind(source, f"record {number}: {error.message}; skipped", number)
    if payload is None:
        limit = settings.max_bytes
        return too_large(source, None, limit, number, what=f"record {number}: the page")
    return _article(source, number, payload, uri, _charset(content_type), settings)


def _is_html(content_type: str) -> bool:
    return content_type.partition(";")[0].strip().lower() in HTML_MEDIA_TYPES


def _article(
    source: str,
    number: int,
    payload: bytes,
    uri: str,
    charset: str | None,
    settings: IngestSettings,
) -> Article | InputError:
    try:
        return article_from_html(
            payload,
            f"{source}:{number}",
            fallback_id=uri,
            url=uri,
            charset=charset,
            settings=settings,
        )
    except InputError as error:
        return type(error)(source, f"record {number}: {error.message}", number)


def _target_uri(record: Record) -> str | None:
    """The page's URL if it is fetched over HTTP; warcio's corrections are kept (the
    angle brackets of Wget 1.19 dropped, spaces escaped)."""
    uri = record.fields.get("warc-target-uri", "")
    if uri.startswith("<") and uri.endswith(">"):
        uri = uri[1:-1]
    uri = uri.replace(" ", "%20")
    return uri if uri.startswith(("http:", "https:")) else None


def _charset(content_type: str) -> str | None:
    found = _CHARSET.search(content_type[:1_000])
    return found.group(1) if found else None
