"""Plain-text articles: one article per file, an optional `` date YYYY-MM-DD`` first line."""

from __future__ import annotations

from pathlib import Path

from armstrack.extract.dates import date_prefix
from armstrack.ingest.decode import check_size, decode, require_text
from armstrack.records import Article


def read_text_file(path: Path, max_bytes: int) -> Article:
    """The article in ``path``; its text is kept exactly, date line included."""
    source = str(path)
    check_size(source, path.stat().st_size, max_bytes)
    text = require_text(source, decode(source, path.read_bytes()))
    return Article(id=path.stem, text=text, published=date_prefix(text), source=source)
