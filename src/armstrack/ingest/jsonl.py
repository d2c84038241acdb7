"""JSON lines: one article per line, ``{"id", "text", "date", "url", "title", "outlet"}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from armstrack.errors import InputError, RecordError
from armstrack.extract.dates import date_prefix
from armstrack.ingest.decode import check_size, decode, require_text
from armstrack.records import Article


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
        for number, raw in enumerate(handle, start=1):
            if only is not None and number not in only:
                if number >= only.stop:
                    break
                continue
            if not raw.strip():
                continue
            try:
                yield _article(source, number, raw, max_bytes, path.stem)
            except InputError as error:
                yield error


def _article(source: str, number: int, raw: bytes, max_bytes: int, stem: str) -> Article:
    check_size(source, len(raw), max_bytes, number)
    line = decode(source, raw, number)
    try:
        data = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise RecordError(
            source, f"malformed JSON ({exc.msg} at column {exc.colno})", number
        ) from exc
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
