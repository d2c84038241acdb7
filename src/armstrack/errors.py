"""The exception hierarchy of armstrack.

    ArmstrackError                 base of everything raised on purpose
    ├── CatalogueError             a catalogue file is missing, unreadable or inconsistent
    ├── MergeRefused               transfers an analyst asked to merge cannot be merged
    └── InputError                 an input file or record cannot be used
        ├── DecodeError            bytes that are not text (binary file, bad encoding)
        ├── EmptyArticleError      no text at all
        ├── ArticleTooLargeError   over the configured size limit
        ├── RecordError            a malformed JSON line or a record missing fields
        ├── DamagedInputError      a damaged file whose readable articles were still used
        ├── NoWeaponNamed          web pages the pre-filter skipped (a count, not a fault)
        ├── ExtractionFailed       the extractor raised on this article (a bug to report)
        ├── StoreFailed            the database refused this article
        ├── FetchError             a URL could not be fetched (HTTP error, timeout, too large)
        │   └── DisallowedError    robots.txt forbids it, or could not be read to tell
        ├── SourceError            a fetched feed, sitemap or OPML list cannot be used
        └── ArchiveReadError       an archived page cannot be read back from its WARC file

Every InputError carries the source path and, where known, the line number, so the
CLI can print ``path:line: message`` and go on with the rest of the batch.
"""

from __future__ import annotations


class ArmstrackError(Exception):
    """Base class of all errors armstrack raises on purpose."""


class CatalogueError(ArmstrackError):
    """A catalogue file is missing, unreadable or inconsistent."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


class MergeRefused(ArmstrackError):
    """Transfers cannot be merged: an id that does not exist or was merged already, or
    records of different suppliers, recipients or categories."""


class InputError(ArmstrackError):
    """An input file or record cannot be used; it is skipped, the batch goes on."""

    reason = "unusable input"

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        # Rebuilt from its fields when it crosses processes (Dask workers send it back).
        return (type(self), (self.source, self.message, self.line))


class ExtractionFailed(InputError):
    """The extractor raised on this article: a bug to report, not a reason to stop."""

    reason = "extraction failed"


class DamagedInputError(InputError):
    """A damaged file of which some articles could still be read: they are used, and the
    damage is reported (what else it held may be lost)."""

    reason = "damaged"


class NoWeaponNamed(InputError):
    """Web pages that name no weapon, skipped by the pre-filter before their text was
    extracted: the extractor could find no transfer in them. Not a fault of the input (a
    crawl is mostly such pages), so a report counts them apart; one item stands for all
    the ``pages`` skipped in a file or a partition of one, which keeps a crawl's report
    and memory small."""

    reason = "no weapon named"

    def __init__(self, source: str, message: str, line: int | None = None, pages: int = 1) -> None:
        super().__init__(source, message, line)
        self.pages = pages

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None, int]]:  # type: ignore[override]
        return (type(self), (self.source, self.message, self.line, self.pages))


class StoreFailed(InputError):
    """The database refused this article (a constraint, a value it cannot hold); the
    rest of its batch is stored without it."""

    reason = "not stored"


class DecodeError(InputError):
    reason = "not text"


class EmptyArticleError(InputError):
    reason = "empty"


class ArticleTooLargeError(InputError):
    reason = "too large"


class RecordError(InputError):
    reason = "malformed record"


class FetchError(InputError):
    """A URL could not be fetched: an HTTP error, a timeout, a response over the size
    limit, too many redirects. ``source`` is the URL asked for."""

    reason = "not fetched"


class DisallowedError(FetchError):
    """robots.txt forbids fetching the URL, or could not be fetched to tell."""

    reason = "disallowed by robots.txt"


class SourceError(InputError):
    """A fetched feed, sitemap or OPML list is malformed or not a source at all."""

    reason = "not a usable source"


class ArchiveReadError(InputError):
    """An archived page cannot be read back: no such file, or no response record there."""

    reason = "archive unreadable"
