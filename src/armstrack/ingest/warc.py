"""Web archives (WARC, plain or gzipped): every archived HTML page is an article.

The archive is streamed record by record and never read whole, as crawls run to gigabytes.
Only successful HTML responses are articles; requests, metadata, images and error pages are
skipped silently. Records are numbered from 1 in file order, every type counted, and an
error about one record carries that number as its ``line``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from armstrack.errors import InputError
from armstrack.ingest.decode import check_size
from armstrack.ingest.html import HTML_MEDIA_TYPES, article_from_html
from armstrack.records import Article

CHUNK = 65_536
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


class _Truncated(Exception):
    """The archive ends inside a record."""


def read_warc_file(
    path: Path, max_bytes: int, only: range | None = None
) -> Iterator[Article | InputError]:
    """Articles from the HTML responses in the archive ``path``, read as a stream.

    A damaged archive ends with one error naming the record where the damage starts,
    after every article read before it. ``only`` limits reading to those record numbers
    (a partition); the records before them are skipped without being parsed.
    """
    source = str(path)
    number = 0
    with path.open("rb") as handle:
        try:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if only is not None and number not in only:
                    if number >= only.stop:
                        break
                    continue
                item = _record_item(source, number, record, max_bytes)
                if item is not None:
                    yield item
        except _Truncated:
            yield InputError(
                source,
                f"record {number}: the archive ends inside this record "
                "(truncated download?); it and anything after it are lost",
                number,
            )
            return
        except (ArchiveLoadFailed, StatusAndHeadersParserException) as exc:
            yield _damaged(source, number + 1, exc)
            return
    if number == 0 and (only is None or only.start <= 1):
        yield InputError(source, "no WARC records (an empty or truncated archive)")


def _record_item(
    source: str, number: int, record: Any, max_bytes: int
) -> Article | InputError | None:
    """The article in one record, an error about it, or None if it is not an article page."""
    page = _is_html_page(record)
    payload, size = _read_payload(record, max_bytes) if page else (b"", 0)
    _drain(record)
    if not page:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    try:
        check_size(source, size, max_bytes)
        return article_from_html(
            payload,
            f"{source}:{number}",
            fallback_id=uri or f"{Path(source).stem}:{number}",
            url=uri,
            charset=_charset(record),
        )
    except InputError as error:
        return type(error)(source, f"record {number}: {error.message}", number)


def _is_html_page(record: Any) -> bool:
    http = record.http_headers
    if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
        return False
    media_type = (http.get_header("Content-Type") or "").partition(";")[0]
    return media_type.strip().lower() in HTML_MEDIA_TYPES


def _charset(record: Any) -> str | None:
    found = _CHARSET.search(record.http_headers.get_header("Content-Type") or "")
    return found.group(1) if found else None


def _read_payload(record: Any, limit: int) -> tuple[bytes, int]:
    """The decoded HTTP body and its size; an oversized body is counted, not kept."""
    stream = record.content_stream()  # undoes chunked transfer and gzip content encoding
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size <= limit:
            chunks.append(chunk)
    return (b"".join(chunks) if size <= limit else b""), size


def _drain(record: Any) -> None:
    """Read the rest of the record; raise _Truncated if the file ends before its length.

    warcio does not notice truncation itself: it hands out the short record as if whole.
    """
    stream = record.raw_stream
    while stream.read(CHUNK):
        pass
    if getattr(stream, "limit", 0) > 0:  # warcio's LimitReader counts down the bytes owed
        raise _Truncated


def _damaged(source: str, number: int, exc: Exception) -> InputError:
    # warcio's message goes on with the raw bytes it choked on: keep only its first part
    reason = str(exc).partition(", first line")[0] or type(exc).__name__
    if number == 1:
        return InputError(source, f"not a WARC archive ({reason})", number)
    return InputError(
        source, f"record {number}: damaged archive ({reason}); the rest is skipped", number
    )
