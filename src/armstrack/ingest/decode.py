"""Bytes to text within a size limit, with errors that say what is wrong with the input."""

from __future__ import annotations

import os
from pathlib import Path

from armstrack.errors import ArticleTooLargeError, DecodeError, EmptyArticleError

ADVICE = "split it, or raise --max-bytes"


def check_size(
    source: str,
    size: int,
    limit: int,
    line: int | None = None,
    *,
    what: str = "article",
    advice: str = ADVICE,
) -> None:
    if size > limit:
        raise too_large(source, size, limit, line, what=what, advice=advice)


def too_large(
    source: str,
    size: int | None,
    limit: int,
    line: int | None = None,
    *,
    what: str = "article",
    advice: str = ADVICE,
) -> ArticleTooLargeError:
    """The error for an input over ``limit``; a ``size`` of None: reading stopped there."""
    if size is None:
        message = f"{what} is over the {_size(limit)} limit (reading stopped there; {advice})"
    else:
        message = f"{what} is {_size(size)}, over the {_size(limit)} limit ({advice})"
    return ArticleTooLargeError(source, message, line)


def read_bounded(path: Path, limit: int, *, what: str = "article", advice: str = ADVICE) -> bytes:
    """The bytes of ``path``, refused before reading when there are more than ``limit``.

    At most ``limit + 1`` bytes are ever read: a file may grow after its size was taken,
    and some files (in /proc, for one) report a size of 0 whatever they hold.
    """
    source = str(path)
    with path.open("rb") as handle:
        check_size(source, os.fstat(handle.fileno()).st_size, limit, what=what, advice=advice)
        raw = handle.read(limit + 1)
    check_size(source, len(raw), limit, what=what, advice=advice)
    return raw


def decode(source: str, raw: bytes, line: int | None = None) -> str:
    """UTF-8 text of ``raw`` (a BOM is dropped); binary or other encodings are errors.

    A NUL byte anywhere makes the input binary, not only in its first kilobytes: text
    never holds one, and PostgreSQL cannot store one in a text column.
    """
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise DecodeError(
            source, f"binary file (NUL byte at offset {nul}), not a text article", line
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1].hex()
        raise DecodeError(
            source,
            f"not UTF-8 text (byte 0x{bad} at offset {exc.start}); convert it to UTF-8",
            line,
        ) from exc
    return text


def require_text(source: str, text: str, line: int | None = None) -> str:
    """``text`` if it holds text: not blank, and no NUL character (which an escape such
    as JSON's ``\\u0000`` or an XML character reference can smuggle past ``decode``)."""
    if not text.strip():
        raise EmptyArticleError(source, "empty article (no text)", line)
    refuse_nul(source, text, line)
    return text


def refuse_nul(source: str, text: str, line: int | None = None) -> None:
    nul = text.find("\x00")
    if nul >= 0:
        raise DecodeError(
            source, f"NUL character in the text (at offset {nul}), not a text article", line
        )


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1e6:.1f} MB"
    if count >= 1_000:
        return f"{count / 1e3:.1f} kB"
    return f"{count} bytes"
