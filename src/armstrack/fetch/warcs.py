"""WARC archives of what was fetched: a response and a request record for every fetch.

Files are gzipped record by record, so one record can be read at its offset, and named
``armstrack-YYYYMMDDHHMMSS-00001.warc.gz`` (the time the file was started, then a serial
number); a new file is started once one passes ``max_file_bytes``. Each file opens with a
warcinfo record naming the software.

The body stored is the one httpx gives: de-chunked and with its Content-Encoding (gzip,
deflate, br) undone, byte for byte what was parsed. The stored HTTP header is made to say
so: Content-Encoding and Transfer-Encoding are dropped and Content-Length is the stored
length, with the values received kept as ``X-Archive-Orig-*`` fields (pywb's convention).
Every WARC reader, ours in ``ingest/`` included, then reads the body as it is, and the
archive shows exactly what armstrack read; only the compressed bytes of the wire are lost.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from armstrack.errors import ArchiveReadError
from armstrack.fetch.client import USER_AGENT, Closable, Fetched
from armstrack.records import ArchiveRef

FILE_PREFIX = "armstrack"
MAX_FILE_BYTES = 1_000_000_000  # the customary size of a WARC file (Heritrix, IIPC)
READ_LIMIT = 50_000_000  # a stored body read back; the fetcher stores 5 MB by default
WARC_VERSION = "1.1"
# Fields describing the bytes on the wire, not the body stored: renamed, not kept as they are.
WIRE_FIELDS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
ORIGINAL_PREFIX = "X-Archive-Orig-"


@dataclass(frozen=True, slots=True)
class ArchivedPage:
    url: str
    status: int
    content_type: str | None
    body: bytes


class WarcArchive(Closable):
    """Writes fetches to WARC files in ``folder`` (created if missing); close it when done.

    Writes are serialised, so fetches from several threads may share one archive.
    """

    def __init__(self, folder: str | Path, *, max_file_bytes: int = MAX_FILE_BYTES) -> None:
        self.folder = Path(folder)
        self.max_file_bytes = max_file_bytes
        self._lock = threading.Lock()
        self._serial = 0
        self._name = ""
        self._handle: IO[bytes] | None = None
        self._writer: Any = None  # warcio's WARCWriter, untyped

    def close(self) -> None:
        with self._lock:
            self._close_file()

    def write(self, fetched: Fetched) -> ArchiveRef:
        """Archive one response and the request that asked for it; where the response is."""
        with self._lock:
            handle, writer = self._current()
            response = writer.create_warc_record(
                fetched.url,
                "response",
                payload=BytesIO(fetched.body),
                length=len(fetched.body),
                http_headers=_response_head(fetched),
                warc_headers_dict={"WARC-Date": _warc_date(fetched.fetched_at)},
            )
            request = writer.create_warc_record(
                fetched.url,
                "request",
                payload=BytesIO(b""),
                length=0,
                http_headers=_request_head(fetched),
                warc_headers_dict={
                    "WARC-Date": _warc_date(fetched.fetched_at),
                    "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
                },
            )
            ref = ArchiveRef(self._name, handle.tell())
            writer.write_record(response)
            writer.write_record(request)
            handle.flush()  # a reader (the web app) may look for it at once
            if handle.tell() >= self.max_file_bytes:
                self._close_file()
            return ref

    def _current(self) -> tuple[IO[bytes], Any]:
        """The open file and its writer, starting a new file if none is open."""
        if self._handle is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
            while self._handle is None:
                self._serial += 1
                self._name = f"{FILE_PREFIX}-{stamp}-{self._serial:05d}.warc.gz"
                try:  # "x": another writer's file of the same second is never overwritten
                    self._handle = (self.folder / self._name).open("xb")
                except FileExistsError:
                    continue
            self._writer = WARCWriter(self._handle, gzip=True, warc_version=WARC_VERSION)
            info = {"software": USER_AGENT, "format": f"WARC File Format {WARC_VERSION}"}
            self._writer.write_record(self._writer.create_warcinfo_record(self._name, info))
        return self._handle, self._writer

    def _close_file(self) -> None:
        if self._handle is not None:
            self._handle.close()
        self._handle = None
        self._writer = None


def read_archived(folder: str | Path, ref: ArchiveRef, max_bytes: int = READ_LIMIT) -> ArchivedPage:
    """The response record at ``ref`` in the archive ``folder``; ArchiveReadError if the
    file is missing, outside the folder, or holds no response record at that offset."""
    source = f"{ref.file}@{ref.offset}"
    if Path(ref.file).name != ref.file or ref.file in ("", ".", "..") or ref.offset < 0:
        raise ArchiveReadError(source, "not a file of the archive folder")
    try:
        with (Path(folder) / ref.file).open("rb") as handle:
            handle.seek(ref.offset)
            return _response_at(source, handle, max_bytes)
    except OSError as exc:
        raise ArchiveReadError(source, f"cannot read: {exc.strerror or exc}") from exc


def _response_at(source: str, handle: IO[bytes], max_bytes: int) -> ArchivedPage:
    records = ArchiveIterator(handle)
    try:
        record = next(records, None)
        if record is None or record.rec_type != "response" or record.http_headers is None:
            raise ArchiveReadError(source, "no response record at this offset")
        body = record.content_stream().read(max_bytes + 1)
        http = record.http_headers
        status = http.get_statuscode()
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
    except ArchiveReadError:
        raise
    except Exception as exc:  # warcio raises many kinds on bytes that are not a record
        raise ArchiveReadError(source, f"not a readable WARC record here ({exc!r})") from exc
    finally:
        records.close()
    if len(body) > max_bytes:
        raise ArchiveReadError(source, f"the archived body is over {max_bytes} bytes")
    code = int(status) if str(status).isdigit() else 0
    return ArchivedPage(url, code, http.get_header("Content-Type"), body)


def _response_head(fetched: Fetched) -> StatusAndHeaders:
    headers: list[tuple[str, str]] = []
    for name, value in fetched.headers:
        wire = name.lower() in WIRE_FIELDS
        headers.append((ORIGINAL_PREFIX + name if wire else name, value))
    headers.append(("Content-Length", str(len(fetched.body))))
    status = f"{fetched.status} {fetched.reason}".strip()
    return StatusAndHeaders(status, headers, protocol=fetched.http_version)


def _request_head(fetched: Fetched) -> StatusAndHeaders:
    parts = urlsplit(fetched.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    line = f"GET {target} {fetched.http_version}"
    return StatusAndHeaders(line, list(fetched.request_headers), is_http_request=True)


def _warc_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
