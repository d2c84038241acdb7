"""Cutting the input into partitions that workers can read independently.

A partition is a whole file, or a range of line numbers of a JSON-lines file or of record
numbers of a WARC archive, so that one big archive spreads over many workers. Reading
the partitions one after the other yields exactly what ``read_articles`` yields.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from armstrack.errors import InputError
from armstrack.ingest.files import (
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    input_files,
    read_file,
    suffix_of,
)
from armstrack.ingest.jsonl import CHUNK, read_jsonl_file
from armstrack.ingest.settings import IngestSettings
from armstrack.ingest.warc import count_records, read_warc_file
from armstrack.records import Article


@dataclass(frozen=True, slots=True)
class Partition:
    """Records ``first`` to ``last`` (1-based, inclusive) of a file, or all of it."""

    path: str
    first: int = 1
    last: int | None = None  # None: to the end of the file

    def __str__(self) -> str:
        if self.first == 1 and self.last is None:
            return self.path
        return f"{self.path}[{self.first}-{self.last or ''}]"


def plan(paths: Iterable[str | Path], size: int = 500) -> Iterator[Partition | InputError]:
    """Partitions of every input, in ``read_articles`` order; a path that cannot be read
    (missing, say) is the same error ``read_articles`` gives."""
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _split(item, size)


def _split(path: Path, size: int) -> Iterator[Partition]:
    count = _records(path)
    if count is None or count <= size:
        yield Partition(str(path))
        return
    for first in range(1, count + 1, size):
        last = first + size - 1
        yield Partition(str(path), first, None if last >= count else last)


def _records(path: Path) -> int | None:
    """Lines of a JSON-lines file or records of a WARC archive; None for other files or
    a file that cannot be counted (its one partition then reports the problem)."""
    suffix = suffix_of(path)
    try:
        if suffix in JSONL_SUFFIXES:
            return _lines(path)
        if suffix in WARC_SUFFIXES:
            return count_records(path)
    except Exception:  # damaged or unreadable: read whole, where the reader reports it
        return None
    return None


def _lines(path: Path) -> int:
    """Lines as ``read_jsonl_file`` numbers them, counted a piece at a time (a line may
    be longer than memory)."""
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while piece := handle.read(CHUNK):
            count += piece.count(b"\n")
            last = piece[-1:]
    return count + (last != b"\n")


def read_partition(
    partition: Partition, settings: IngestSettings
) -> Iterator[Article | InputError]:
    path = Path(partition.path)
    if partition.first == 1 and partition.last is None:
        yield from read_file(path, settings)
        return
    only = range(partition.first, (partition.last or 2**62) + 1)
    try:
        if suffix_of(path) in JSONL_SUFFIXES:
            yield from read_jsonl_file(path, settings.max_bytes, only)
        else:
            yield from read_warc_file(path, settings, only)
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
