"""The WARC container, read within fixed bounds: bytes in, records and HTTP bodies out.

Crawls run to gigabytes, and a hostile archive may be built to exhaust memory or time, so
every read here is bounded and the work is linear in the size of the file:

- the file is gunzipped member by member, ``CHUNK`` bytes at a time, and never to more
  than ``MAX_EXPANSION`` times its size in all: a gzip bomb is refused, not inflated;
- a header (a record's or an HTTP response's) is at most ``MAX_HEADER_BYTES``;
- a record's content is streamed, and only as much of it as the caller asks for is held;
- a record cut short by the end of the file is reported, with how much of it is missing.

warcio is not used for reading: it reads a header line without bound, holds a whole HTTP
chunk in memory, writes warnings to stderr and hands out a truncated record as if whole.

``ArchiveError`` ends the reading of an archive (the file ends, or where the next record
starts is lost); ``UnusableRecord`` spoils one record only, and reading goes on.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from armstrack.errors import DecodeError, InputError, RecordError

CHUNK = 65_536
# Real WARC and HTTP headers take a few kB (Apache refuses HTTP headers over 100 lines of
# 8 kB); a longer one is damage or an attack, and its end cannot be looked for forever.
MAX_HEADER_BYTES = 256_000
# gzip shrinks web pages and WARC headers 4 to 15 times; only padding built to be
# inflated (a "gzip bomb") goes past 100. The allowance lets a tiny archive hold one
# highly repetitive page.
MAX_EXPANSION = 100
EXPANSION_ALLOWANCE = 1_000_000
GZIP_MAGIC = b"\x1f\x8b"
_GZIP = 16 + zlib.MAX_WBITS  # a gzip header and trailer around the deflate data
_VERSION = re.compile(rb"WARC/\d{1,3}\.\d{1,3}\r?\n")
_LENGTH = re.compile(r"[0-9]{1,18}")
_CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]{1,16})[ \t]*(?:;[^\r\n]*)?\r?\n")
MAX_CHUNK_LINE = 4_096  # a chunk-size line: hex digits and, rarely, a short extension
ZLIB_CODINGS = frozenset({"gzip", "x-gzip", "deflate"})


class ArchiveError(Exception):
    """The archive cannot be read past here; ``message`` names the record and says why."""

    def __init__(self, number: int, message: str) -> None:
        super().__init__(message)
        self.number = number
        self.message = message


class UnusableRecord(Exception):
    """One record cannot be used (the archive goes on); ``kind`` is the InputError to give."""

    def __init__(self, message: str, kind: type[InputError] = RecordError) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind


class ByteStream:
    """The bytes of an archive file, gunzipped if it starts with the gzip magic, in pieces
    of at most ``CHUNK`` bytes; ``readline`` and ``read`` never return more than asked."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._pending = handle.read(len(GZIP_MAGIC))  # input not yet turned into output
        gzipped = bool(self._pending) and GZIP_MAGIC.startswith(self._pending)  # maybe cut
        self._inflater = zlib.decompressobj(_GZIP) if gzipped else None
        size = os.fstat(handle.fileno()).st_size
        self._budget = MAX_EXPANSION * size + EXPANSION_ALLOWANCE  # left to decompress
        self._member_output = 0  # bytes the current gzip member gave so far
        self._full = False  # the last piece filled CHUNK: zlib may hold more output
        self._buffer = b""
        self._pos = 0
        self.cut: bool = False  # the file ended inside a gzip member
        self.cut_before_output: bool = False  # ... and that member gave nothing yet

    def readline(self, limit: int) -> bytes:
        """Bytes up to and including the next newline, but never more than ``limit``."""
        parts: list[bytes] = []
        while limit > 0 and self._ready():
            stop = min(len(self._buffer), self._pos + limit)
            newline = self._buffer.find(b"\n", self._pos, stop)
            end = stop if newline < 0 else newline + 1
            parts.append(self._buffer[self._pos : end])
            limit -= end - self._pos
            self._pos = end
            if newline >= 0:
                break
        return b"".join(parts)

    def read(self, size: int) -> bytes:
        """``size`` bytes, fewer only at the end of the file."""
        parts: list[bytes] = []
        while size > 0 and self._ready():
            piece = self._buffer[self._pos : self._pos + size]
            self._pos += len(piece)
            size -= len(piece)
            parts.append(piece)
        return b"".join(parts)

    def at_end(self) -> bool:
        return not self._ready()

    def _ready(self) -> bool:
        """True when the buffer holds unread bytes, refilling it if needed."""
        while self._pos >= len(self._buffer):
            piece = self._next_piece()
            if piece is None:
                return False
            self._buffer, self._pos = piece, 0
        return True

    def _next_piece(self) -> bytes | None:
        """The next piece of the file's content (maybe empty); None at its end."""
        if self._inflater is None:
            piece = self._pending or self._handle.read(CHUNK)
            self._pending = b""
            return piece or None
        draining = self._full and not self._inflater.eof
        if not self._pending and not draining:
            self._pending = self._handle.read(CHUNK)
            if not self._pending:
                self.cut = not self._inflater.eof
                self.cut_before_output = self.cut and not self._member_output
                return None
        if self._inflater.eof:  # a member ended: the bytes after it start the next one
            self._inflater = zlib.decompressobj(_GZIP)
            self._member_output = 0
        return self._inflate(self._inflater)

    def _inflate(self, inflater: zlib._Decompress) -> bytes:
        try:
            piece = inflater.decompress(self._pending, CHUNK)
        except zlib.error as exc:
            if not self._member_output and not self._pending.startswith(GZIP_MAGIC):
                raise _Corrupt("data that is not gzip where a gzip member should start") from exc
            raise _Corrupt(f"corrupt gzip data ({exc})") from exc
        self._pending = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
        self._full = len(piece) == CHUNK
        self._member_output += len(piece)
        self._budget -= len(piece)
        if self._budget < 0:
            raise _Corrupt(
                f"it decompresses to over {MAX_EXPANSION} times its size, a gzip bomb or "
                "a damaged file"
            )
        return piece


class _Corrupt(Exception):
    """The gzip layer cannot go on; numbered by the record reader that meets it."""


class Block:
    """The content of one record: its ``length`` bytes of the stream, never more."""

    def __init__(self, stream: ByteStream, number: int, length: int) -> None:
        self._stream = stream
        self.number = number
        self.length = length
        self.left = length

    def readline(self, limit: int) -> bytes:
        want = min(limit, self.left)
        with _numbered(self.number):
            line = self._stream.readline(want)
        return self._took(line, want, whole=line.endswith(b"\n"))

    def read(self, size: int) -> bytes:
        want = min(size, self.left)
        with _numbered(self.number):
            data = self._stream.read(want)
        return self._took(data, want, whole=False)

    def pieces(self, count: int | None = None) -> Iterator[bytes]:
        """The next ``count`` bytes (all that is left, by default), ``CHUNK`` at a time."""
        left = self.left if count is None else min(count, self.left)
        while left > 0:
            piece = self.read(min(CHUNK, left))
            left -= len(piece)
            yield piece

    def skip(self) -> None:
        for _ in self.pieces():
            pass

    def _took(self, data: bytes, want: int, *, whole: bool) -> bytes:
        """Count ``data`` as read; the file ended inside the record if it is short of
        ``want`` bytes and is not a ``whole`` line."""
        self.left -= len(data)
        if len(data) < want and not whole:
            got = self.length - self.left
            raise ArchiveError(
                self.number,
                f"record {self.number}: truncated (the archive ends after {got} of its "
                f"{self.length} bytes; an interrupted download?); skipped",
            )
        return data


@dataclass(frozen=True, slots=True)
class Record:
    """One WARC record: its number (from 1), its header fields and its content."""

    number: int
    fields: dict[str, str]
    block: Block


def read_records(stream: ByteStream) -> Iterator[Record]:
    """The records of the archive in file order, each one's content to read or leave
    (what is left of it is skipped before the next record is looked for).

    Raises ArchiveError where the archive ends inside a record or its framing is lost.
    """
    number = 0
    while True:
        with _numbered(number + 1):
            first = _record_start(stream, number)
        if first is None:
            return
        number += 1
        with _numbered(number):
            fields = _warc_fields(stream, first, number)
        block = Block(stream, number, _content_length(fields, number))
        yield Record(number, fields, block)
        block.skip()


@contextmanager
def _numbered(number: int) -> Iterator[None]:
    """Turn a failure of the gzip layer into the error about record ``number``."""
    try:
        yield
    except _Corrupt as exc:
        raise _damaged(number, str(exc)) from exc


def _record_start(stream: ByteStream, number: int) -> bytes | None:
    """The first line of the record after record ``number``, past the blank lines that
    close that one; None at the end of the archive."""
    budget, line_ends = MAX_HEADER_BYTES, 0
    while budget > 0:
        line = stream.readline(budget)
        if line.strip():
            return line
        if not line:
            _check_end(stream, number, line_ends)
            return None
        budget -= len(line)
        line_ends += line.endswith(b"\n")
    raise _damaged(number + 1, f"over {MAX_HEADER_BYTES // 1000} kB of blank lines")


def _check_end(stream: ByteStream, number: int, line_ends: int) -> None:
    """Check that the archive ends after record ``number`` and not inside it: inside
    its gzip member, or before the two line ends that close every record."""
    if stream.cut and (stream.cut_before_output or number == 0):  # the next record's member
        raise _truncated_header(number + 1)
    if stream.cut or (number and line_ends < 2):
        raise ArchiveError(
            number,
            f"record {number}: truncated (the archive ends after its content, before the "
            "end of the record; an interrupted download?)",
        )


def _warc_fields(stream: ByteStream, first: bytes, number: int) -> dict[str, str]:
    if not first.endswith(b"\n") and stream.at_end() and first.startswith(b"WARC/"[: len(first)]):
        raise _truncated_header(number)
    if not _VERSION.fullmatch(first):
        found = _shown(first)
        if number == 1:
            raise ArchiveError(1, f"not a WARC archive (it starts with {found}, not WARC/1.0)")
        raise _damaged(number, f"a record should start with WARC/1.0, not {found}")

    def readline(limit: int) -> bytes:
        line = stream.readline(limit)
        if not line.endswith(b"\n") and len(line) < limit:
            raise _truncated_header(number)
        return line

    lines = read_header_lines(readline, MAX_HEADER_BYTES - len(first))
    if lines is None:
        raise _damaged(number, f"its header is over {MAX_HEADER_BYTES // 1000} kB")
    return parse_fields(lines)


def _content_length(fields: dict[str, str], number: int) -> int:
    value = fields.get("content-length")
    if value is None or not _LENGTH.fullmatch(value):
        found = "none" if value is None else _shown(value.encode("utf-8", "replace"))
        raise _damaged(number, f"no valid Content-Length in its header (found {found})")
    return int(value)


def read_header_lines(readline: Callable[[int], bytes], budget: int) -> list[bytes] | None:
    """Lines up to a blank line (or the end of the input), within ``budget`` bytes in all;
    None if there are more."""
    lines: list[bytes] = []
    while budget > 0:
        line = readline(budget)
        budget -= len(line)
        if not line.strip(b"\r\n"):  # the blank line that ends a header, or the end
            return lines
        if not line.endswith(b"\n"):  # the end of the input, or of the budget
            return None if budget <= 0 else [*lines, line]
        lines.append(line)
    return None


def parse_fields(lines: list[bytes]) -> dict[str, str]:
    """Header fields by lower-case name, the first of a repeated one; folded lines joined."""
    fields: dict[str, list[str]] = {}
    name: str | None = None
    for raw in lines:
        line = _text(raw).rstrip("\r\n")
        if line[:1] in (" ", "\t"):  # a folded line goes on with the field above
            if name is not None:
                fields[name].append(line.strip())
            continue
        key, colon, value = line.partition(":")
        name = key.strip().lower() if colon else None
        if name is not None and name in fields:
            name = None
        if name is not None:
            fields[name] = [value.strip()]
    return {key: " ".join(parts) for key, parts in fields.items()}


def read_http_head(block: Block) -> tuple[str, dict[str, str]]:
    """The status code and header fields of the HTTP response that starts ``block``."""
    lines = read_header_lines(block.readline, MAX_HEADER_BYTES)
    if lines is None:
        raise UnusableRecord(f"its HTTP header is over {MAX_HEADER_BYTES // 1000} kB")
    if not lines:
        return "", {}
    status = _text(lines[0]).split()
    return (status[1] if len(status) > 1 else ""), parse_fields(lines[1:])


def read_body(block: Block, fields: dict[str, str], limit: int) -> bytes | None:
    """The HTTP body after ``read_http_head``, de-chunked and decompressed; None if it is
    over ``limit`` bytes, in which case reading stopped right there."""
    chunked = "chunked" in fields.get("transfer-encoding", "").lower()
    pieces = _decoded(_dechunked(block) if chunked else block.pieces(), fields)
    kept: list[bytes] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > limit:
            return None
        kept.append(piece)
    return b"".join(kept)


def _dechunked(block: Block) -> Iterator[bytes]:
    """The body of a chunked response. A body that is not chunked after all is passed on
    as it is from there: some crawlers store it de-chunked and keep the header."""
    while block.left:
        line = block.readline(MAX_CHUNK_LINE)
        found = _CHUNK_SIZE.fullmatch(line)
        if found is None:
            yield line
            yield from block.pieces()
            return
        size = int(found.group(1), 16)
        if size == 0:  # the last chunk; trailer fields are skipped with the rest
            return
        yield from block.pieces(size)
        block.readline(2)  # the line end after the chunk's data


def _decoded(pieces: Iterator[bytes], fields: dict[str, str]) -> Iterator[bytes]:
    """``pieces`` with their content encoding undone, ``CHUNK`` bytes of output at most
    at a time, so a compressed bomb is only inflated as far as the caller reads."""
    coding = fields.get("content-encoding", "").strip().lower()
    if coding in ("", "identity"):
        yield from pieces
        return
    if coding not in ZLIB_CODINGS:
        raise UnusableRecord(f"its content encoding {coding[:40]!r} is not supported", DecodeError)
    inflater: zlib._Decompress | None = None
    for piece in pieces:
        inflater = inflater or zlib.decompressobj(_wbits(piece))
        data, more = piece, True
        while (data or more) and not inflater.eof:
            try:
                out = inflater.decompress(data, CHUNK)
            except zlib.error as exc:
                raise UnusableRecord(
                    f"its {coding} content is corrupt ({exc})", DecodeError
                ) from exc
            data, more = inflater.unconsumed_tail, len(out) == CHUNK
            yield out


def _wbits(start: bytes) -> int:
    """zlib's window setting for a body labelled gzip or deflate, by its first bytes:
    servers send zlib-wrapped and raw deflate under either name."""
    if start.startswith(GZIP_MAGIC):
        return _GZIP
    if len(start) >= 2 and start[0] & 0x0F == 8 and (start[0] << 8 | start[1]) % 31 == 0:
        return zlib.MAX_WBITS
    return -zlib.MAX_WBITS


def _damaged(number: int, reason: str) -> ArchiveError:
    return ArchiveError(number, f"record {number}: damaged archive ({reason}); the rest is skipped")


def _truncated_header(number: int) -> ArchiveError:
    return ArchiveError(
        number,
        f"record {number}: truncated (the archive ends inside its header; an interrupted "
        "download?); skipped",
    )


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _shown(raw: bytes) -> str:
    """The start of ``raw`` as a short quoted string, for an error message."""
    text = raw[:16].decode("latin-1").strip(" \t\r\n")
    return repr(text + "...") if len(raw) > 16 else repr(text)
