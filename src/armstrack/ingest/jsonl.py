"""JSON lines: one article per line, ``{"id", "text", "date", "url", "title", "outlet"}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from armstrack.errors import InputError, RecordError
from armstrack.extract.dates import date_prefix
from armstrack.ingest.decode import check_size, decode, require_text, too_large
from armstrack.records import Article

CHUNK = 65_536  # how much of a line over the limit is read at a time while skipping it


class ArticleLine(BaseModel):
    """One JSON line; unknown keys are allowed (feeds carry many), known ones are typed."""

    model_config = ConfigDict(extra="ignore")

    id: str | int | None = None
    text: str
    date: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value:
            date.fromisoformat(value[:10])
        return value


def read_jsonl_file(
    path: Path, max_bytes: int, only: range | None = None
) -> Iterator[Article | InputError]:
    """Stream the file line by line; a bad line is an error item, not the end of the file.
    ``only`` limits reading to those line numbers (a partition of a large file)."""
    source = str(path)
    with path.open("rb") as handle:
        for number, raw in enumerate(lines(handle, max_bytes), start=1):
            if only is not None and number not in only:
                if number >= only.stop:
                    break
                continue
            if isinstance(raw, int):  # a line over the limit, skipped unread: its size
                yield too_large(source, raw, max_bytes, number)
                continue
            if not raw.strip():
                continue
            try:
                yield _article(source, number, raw, max_bytes, path.stem)
            except InputError as error:
                yield error


def lines(handle: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """Each line without its line ending or, for a line over ``limit`` bytes, its size.

    A line is read with a bound, never whole: one over the limit is skipped piece by
    piece, so memory stays within ``limit`` however long the line is.
    """
    while raw := handle.readline(limit + 3):  # room for the limit, CR LF, and one byte more
        if raw.endswith(b"\n") or len(raw) <= limit + 2:
            yield raw.rstrip(b"\r\n")
        else:
            yield len(raw) + _skip_line(handle)


def _skip_line(handle: BinaryIO) -> int:
    """Read up to the end of the line; the number of bytes before its line ending."""
    skipped = 0
    while piece := handle.readline(CHUNK):
        if piece.endswith(b"\n"):
            return skipped + len(piece.rstrip(b"\r\n"))
        skipped += len(piece)
    return skipped


def _article(source: str, number: int, raw: bytes, max_bytes: int, stem: str) -> Article:
    check_size(source, len(raw), max_bytes, number)
    data = _json(source, number, decode(source, raw, number))
    if not isinstance(data, dict):
        raise RecordError(source, 'a JSON line must be an object with a "text" field', number)
    try:
        record = ArticleLine.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"[{' -> '.join(map(str, e['loc']))}] {e['msg']}" for e in exc.errors()
        )
        raise RecordError(source, problems, number) from exc
    text = require_text(source, record.text, number)
    published = date.fromisoformat(record.date[:10]) if record.date else date_prefix(text)
    return Article(
        id=str(record.id) if record.id is not None else f"{stem}:{number}",
        text=text,
        published=published,
        url=record.url,
        title=record.title,
        outlet=record.outlet,
        source=f"{source}:{number}",
    )


def _json(source: str, number: int, line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        message = f"malformed JSON ({exc.msg} at column {exc.colno})"
    except ValueError as exc:  # a number of over 4,300 digits (CPython's guard against DoS)
        message = f"malformed JSON ({exc})"
    except RecursionError:  # arrays or objects nested thousands deep
        message = "malformed JSON (nested too deeply)"
    raise RecordError(source, message, number)
