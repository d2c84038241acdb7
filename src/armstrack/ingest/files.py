"""Walk paths and dispatch each file to the reader for its format."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from armstrack.errors import InputError
from armstrack.ingest.feed import read_feed_file
from armstrack.ingest.html import read_html_file
from armstrack.ingest.jsonl import read_jsonl_file
from armstrack.ingest.settings import DEFAULT_SETTINGS, IngestSettings
from armstrack.ingest.text import read_text_file
from armstrack.ingest.warc import read_warc_file
from armstrack.records import Article

Reader = Callable[[Path, IngestSettings], Iterator[Article | InputError]]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".feed"})
WARC_SUFFIXES = frozenset({".warc", ".warc.gz"})

# What an OSError means for a user, in words that are the same on every system.
_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.ELOOP: "symbolic link loop",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "path too long",
}
_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


def read_articles(
    paths: Iterable[str | Path],
    settings: IngestSettings = DEFAULT_SETTINGS,
    done: Callable[[Path], None] | None = None,
) -> Iterator[Article | InputError]:
    """Articles from files and directories (recursively), in a stable order; ``done``
    hears of each file once all of it has been read (for a progress bar)."""
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        yield from read_file(item, settings)
        if done is not None:
            done(item)


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The files to read: each file named, and the files of a known format under each
    folder named, depth first by name. A path that cannot be read is an error item: a
    FIFO or a device is never opened (reading one could wait forever)."""
    for path in map(Path, paths):
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield InputError(str(path), reason(exc, path))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield path
        else:
            yield InputError(str(path), _not_regular(mode))


@dataclass(frozen=True, slots=True)
class _Folder:
    path: Path


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Files of a known format under ``root`` and problems met, depth first by name.

    Symbolic links are followed, but each real folder is walked once: a link back up the
    tree is reported as a loop, and links cannot make the walk longer than the tree.
    """
    walked: dict[tuple[int, int], Path] = {}
    stack: list[Path | InputError | _Folder] = [_Folder(root)]
    while stack:
        item = stack.pop()
        if isinstance(item, _Folder):
            stack.extend(reversed(_contents(item.path, walked)))
        else:
            yield item


def _contents(
    folder: Path, walked: dict[tuple[int, int], Path]
) -> list[Path | InputError | _Folder]:
    """What ``folder`` holds, sorted by name: files to read, folders to walk, problems."""
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in walked:
            first = walked[key]
            if first in folder.parents:
                return [InputError(str(folder), f"symbolic link loop (back to {first})")]
            return []  # already walked as ``first``: its files are read once
        walked[key] = folder
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        return [InputError(str(folder), f"cannot read the folder: {reason(exc, folder)}")]
    found = (_entry(folder / name) for name in names)
    return [item for item in found if item is not None]


def _entry(path: Path) -> Path | InputError | _Folder | None:
    """A file to read, a folder to walk, a problem, or None for a file of another format."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:  # a broken link or a loop of links may have been meant as either
        return InputError(str(path), reason(exc, path))
    if stat.S_ISDIR(mode):
        return _Folder(path)
    if not known(path):
        return None
    return path if stat.S_ISREG(mode) else InputError(str(path), _not_regular(mode))


def reason(exc: OSError, path: Path) -> str:
    """Why ``path`` cannot be read, as a user would say it."""
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return "broken symbolic link (its target does not exist)"
    words = _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
    return words[:1].lower() + words[1:]


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "special file")
    return f"not a regular file ({kind})"


def _one(read: Callable[[Path, IngestSettings], Article]) -> Reader:
    def reader(path: Path, settings: IngestSettings) -> Iterator[Article | InputError]:
        yield read(path, settings)

    return reader


def _sized(read: Callable[[Path, int], Iterator[Article | InputError]]) -> Reader:
    """A reader that needs only the size limit of the settings."""

    def reader(path: Path, settings: IngestSettings) -> Iterator[Article | InputError]:
        return read(path, settings.max_bytes)

    return reader


def _read_text(path: Path, settings: IngestSettings) -> Article:
    return read_text_file(path, settings.max_bytes)


# Checked in order; a file named explicitly with no known suffix is read as plain text.
READERS: tuple[tuple[frozenset[str], Reader], ...] = (
    (TEXT_SUFFIXES, _one(_read_text)),
    (JSONL_SUFFIXES, _sized(read_jsonl_file)),
    (HTML_SUFFIXES, _one(read_html_file)),
    (FEED_SUFFIXES, _sized(read_feed_file)),
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
    read = _reader(path) or _one(_read_text)
    try:
        yield from read(path, settings)
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {reason(exc, path)}")
    except Exception as exc:  # a parser crash on one file must not end the batch
        yield InputError(str(path), f"cannot read ({exc!r}); please report it")
