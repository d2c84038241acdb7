"""Plain-text articles: one article per file, an optional `` date YYYY-MM-DD`` first line."""

from __future__ import annotations

from pathlib import Path

from armstrack.extract.dates import date_prefix
from armstrack.ingest.decode import decode, read_bounded, require_text
from armstrack.ingest.headline import headline
from armstrack.records import Article


def read_text_file(path: Path, max_bytes: int) -> Article:
    """The article in ``path``; its text is kept exactly, date line included."""
    source = str(path)
    text = require_text(source, decode(source, read_bounded(path, max_bytes)))
    return Article(
        id=path.stem, text=text, published=date_prefix(text), title=headline(text), source=source
    )
