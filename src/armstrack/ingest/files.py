"""Walk paths and dispatch each file to the reader for its format."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from armstrack.errors import InputError
from armstrack.ingest.feed import read_feed_file
from armstrack.ingest.html import read_html_file
from armstrack.ingest.jsonl import read_jsonl_file
from armstrack.ingest.text import read_text_file
from armstrack.ingest.warc import read_warc_file
from armstrack.records import Article

Reader = Callable[[Path, int], Iterator[Article | InputError]]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".feed"})
WARC_SUFFIXES = frozenset({".warc", ".warc.gz"})


@dataclass(frozen=True)
class IngestSettings:
    max_bytes: int = 2_000_000  # one article; a 20 MB "article" is a dump, not news


def read_articles(
    paths: Iterable[str | Path], settings: IngestSettings = IngestSettings()
) -> Iterator[Article | InputError]:
    """Articles from files and directories (recursively), in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and known(p))
            for file in files:
                yield from read_file(file, settings)
        elif path.is_file():
            yield from read_file(path, settings)
        else:
            yield InputError(str(path), "no such file or directory")


def _one(read: Callable[[Path, int], Article]) -> Reader:
    def reader(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
        yield read(path, max_bytes)

    return reader


# Checked in order; a file named explicitly with no known suffix is read as plain text.
READERS: tuple[tuple[frozenset[str], Reader], ...] = (
    (TEXT_SUFFIXES, _one(read_text_file)),
    (JSONL_SUFFIXES, read_jsonl_file),
    (HTML_SUFFIXES, _one(read_html_file)),
    (FEED_SUFFIXES, read_feed_file),
    (WARC_SUFFIXES, read_warc_file),
)


def suffix_of(path: Path) -> str:
    """The format suffix in lower case; ``.warc.gz`` counts as one."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _reader(path: Path) -> Reader | None:
    suffix = suffix_of(path)
    return next((read for suffixes, read in READERS if suffix in suffixes), None)


def known(path: Path) -> bool:
    return _reader(path) is not None


def read_file(path: Path, settings: IngestSettings) -> Iterator[Article | InputError]:
    read = _reader(path) or _one(read_text_file)
    try:
        yield from read(path, settings.max_bytes)
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
