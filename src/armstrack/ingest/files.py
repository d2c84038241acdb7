"""Walk paths and dispatch each file to the reader for its format."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from armstrack.errors import InputError
from armstrack.ingest.jsonl import read_jsonl_file
from armstrack.ingest.text import read_text_file
from armstrack.records import Article

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True)
class IngestSettings:
    max_bytes: int = 2_000_000  # one article; a 20 MB "article" is a dump, not news


def read_articles(
    paths: Iterable[str | Path], settings: IngestSettings = IngestSettings()
) -> Iterator[Article | InputError]:
    """Articles from files and directories (recursively), in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _known(p))
            for file in files:
                yield from _read_file(file, settings)
        elif path.is_file():
            yield from _read_file(path, settings)
        else:
            yield InputError(str(path), "no such file or directory")


def _known(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES


def _read_file(path: Path, settings: IngestSettings) -> Iterator[Article | InputError]:
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl_file(path, settings.max_bytes)
        else:
            yield read_text_file(path, settings.max_bytes)
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
