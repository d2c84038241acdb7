"""Bytes to text, with errors that say what is wrong with the input."""

from __future__ import annotations

from armstrack.errors import ArticleTooLargeError, DecodeError, EmptyArticleError


def check_size(source: str, size: int, limit: int, line: int | None = None) -> None:
    if size > limit:
        raise ArticleTooLargeError(
            source,
            f"article is {_size(size)}, over the {_size(limit)} limit "
            "(split it, or raise --max-bytes)",
            line,
        )


def decode(source: str, raw: bytes, line: int | None = None) -> str:
    """UTF-8 text of ``raw`` (a BOM is dropped); binary or other encodings are errors."""
    if b"\x00" in raw[:8192]:
        raise DecodeError(source, "binary file (contains NUL bytes), not a text article", line)
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
    if not text.strip():
        raise EmptyArticleError(source, "empty article (no text)", line)
    return text


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1e6:.1f} MB"
    if count >= 1_000:
        return f"{count / 1e3:.1f} kB"
    return f"{count} bytes"
