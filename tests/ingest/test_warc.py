import gzip
import os
import shutil
import tracemalloc
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from armstrack.errors import (
    ArticleTooLargeError,
    DecodeError,
    EmptyArticleError,
    InputError,
    RecordError,
)
from armstrack.ingest import IngestSettings, read_articles, warc
from armstrack.ingest.warc import read_warc_file
from armstrack.records import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
ARTICLE_HTML = (FIXTURES / "article.html").read_bytes()
BOILERPLATE_HTML = (FIXTURES / "boilerplate.html").read_bytes()
CANONICAL = "https://coastal-ledger.example/world/2024/03/12/howitzers-port-verano"
SECOND_HTML = b"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Rail cars with armoured vehicles reach Dornfeld</title>
</head><body><nav><a href="/">Front page</a> <a href="/region">Region</a></nav>
<article><h1>Rail cars with armoured vehicles reach Dornfeld</h1>
<p>A freight train of eighteen flat cars carrying wheeled armoured personnel carriers pulled
into the Dornfeld depot early on Thursday, railway staff told this newspaper.</p>
<p>The vehicles were painted in desert colours and still bore the transport markings of their
manufacturer. No official would say which unit is to receive them or when.</p>
</article><footer>Sign up for our weekly newsletter</footer></body></html>
"""
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


@dataclass(frozen=True)
class Rec:
    """One record to write: a response unless ``kind`` says otherwise."""

    url: str
    body: bytes = b""
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    kind: str = "response"
    headers: tuple[tuple[str, str], ...] = ()


MIXED = (
    Rec("https://coastal-ledger.example/?p=123", kind="request"),
    Rec("https://coastal-ledger.example/?p=123", ARTICLE_HTML),
    Rec("https://coastal-ledger.example/logo.png", PNG, content_type="image/png"),
    Rec("https://coastal-ledger.example/gone", SECOND_HTML, status="404 Not Found"),
    Rec("https://rail-news.example/dornfeld", SECOND_HTML),
)


def _write_warc(path: Path, records: Sequence[Rec], compress: bool) -> list[int]:
    """Write ``records``; return the offset where each record ends."""
    ends = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for rec in records:
            writer.write_record(_record(writer, rec))
            ends.append(handle.tell())
    return ends


def _record(writer: WARCWriter, rec: Rec) -> object:
    if rec.kind == "request":
        http = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "example")], protocol="HTTP/1.1", is_http_request=True
        )
    else:
        headers = [("Content-Type", rec.content_type), *rec.headers]
        http = StatusAndHeaders(rec.status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(
        rec.url, rec.kind, payload=BytesIO(rec.body), length=len(rec.body), http_headers=http
    )


def _archive(tmp_path: Path, compress: bool, records: Sequence[Rec] = MIXED) -> Path:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    _write_warc(path, records, compress)
    return path


@pytest.mark.parametrize("compress", [True, False])
def test_warc_html_responses_become_articles_and_the_rest_is_skipped(
    tmp_path: Path, compress: bool
) -> None:
    path = _archive(tmp_path, compress)
    items = list(read_articles([path]))
    assert all(isinstance(item, Article) for item in items), items
    assert [(a.id, a.url, a.source) for a in items if isinstance(a, Article)] == [
        (CANONICAL, CANONICAL, f"{path}:2"),
        ("https://rail-news.example/dornfeld", "https://rail-news.example/dornfeld", f"{path}:5"),
    ]


@pytest.mark.parametrize("compress", [True, False])
def test_warc_page_metadata_and_text(tmp_path: Path, compress: bool) -> None:
    first, second = list(read_articles([_archive(tmp_path, compress)]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.published, first.outlet) == (
        "Harbour crane crews unload tracked howitzers at Port Verano",
        date(2024, 3, 12),
        "The Coastal Ledger",
    )
    assert "twelve self-propelled guns" in first.text
    assert "Privacy policy" not in first.text
    assert "eighteen flat cars" in second.text
    assert "newsletter" not in second.text
    assert second.published is None  # the page gives no date; the WARC-Date is not one


@pytest.mark.parametrize("compress", [True, False])
def test_warc_record_without_text_is_an_error_with_its_number(
    tmp_path: Path, compress: bool
) -> None:
    records = (MIXED[1], Rec("https://x.example/menu", BOILERPLATE_HTML), MIXED[4])
    path = _archive(tmp_path, compress, records)
    items = list(read_articles([path]))
    assert [type(item) for item in items] == [Article, EmptyArticleError, Article]
    error = items[1]
    assert isinstance(error, EmptyArticleError)
    assert (error.source, error.line) == (str(path), 2)
    assert str(error).startswith(f"{path}:2: record 2: no article text found")


@pytest.mark.parametrize("compress", [True, False])
def test_warc_binary_page_is_refused_with_its_number(tmp_path: Path, compress: bool) -> None:
    path = _archive(tmp_path, compress, (Rec("https://x.example/", PNG), MIXED[4]))
    error, article = list(read_articles([path]))
    assert isinstance(error, DecodeError) and error.line == 1
    assert "record 1: binary file" in str(error)
    assert isinstance(article, Article)


@pytest.mark.parametrize("compress", [True, False])
def test_warc_truncated_archive_yields_what_came_before_then_one_error(
    tmp_path: Path, compress: bool
) -> None:
    records = (MIXED[1], MIXED[4], MIXED[1])
    path = tmp_path / "cut.warc.gz"
    ends = _write_warc(path, records, compress)
    with path.open("r+b") as handle:
        handle.truncate((ends[1] + ends[2]) // 2)
    items = list(read_articles([path]))
    assert [type(item) for item in items] == [Article, Article, InputError]
    assert (items[2].source, items[2].line) == (str(path), 3)
    assert "record 3: truncated (the archive ends after " in str(items[2])


@pytest.mark.parametrize(
    ("compress", "reason"),
    [
        (False, "a record should start with WARC/1.0, not 'this is not a re...'"),
        (True, "data that is not gzip where a gzip member should start"),
    ],
)
def test_warc_damaged_archive_yields_what_came_before_then_one_error(
    tmp_path: Path, compress: bool, reason: str
) -> None:
    path = _archive(tmp_path, compress, (MIXED[1], MIXED[4]))
    with path.open("ab") as handle:
        handle.write(b"this is not a record\r\n\r\n")
    items = list(read_articles([path]))
    assert [type(item) for item in items] == [Article, Article, InputError]
    assert str(items[2]) == f"{path}:3: record 3: damaged archive ({reason}); the rest is skipped"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (ARTICLE_HTML, "not a WARC archive (it starts with '<!DOCTYPE html>', not WARC/1.0)"),
        (b"", "no WARC records (an empty or truncated archive)"),
    ],
)
def test_files_that_are_not_archives_are_one_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "page.WARC.GZ"
    path.write_bytes(data)
    (item,) = list(read_articles([path]))
    assert isinstance(item, InputError)
    assert message in str(item)


@pytest.mark.parametrize("charset", ["iso-8859-1"])
def test_warc_charset_from_the_http_header_is_used(tmp_path: Path, charset: str) -> None:
    body = SECOND_HTML.replace(b'<meta charset="utf-8">', b"").replace(
        b"railway staff", "caf\u00e9 staff".encode(charset)
    )
    rec = Rec("https://x.example/a", body, content_type=f"text/html; charset={charset}")
    (article,) = list(read_articles([_archive(tmp_path, True, (rec,))]))
    assert isinstance(article, Article)
    assert "caf\u00e9 staff" in article.text


@pytest.mark.parametrize("compress", [True, False])
def test_warc_gzip_content_encoding_is_undone(tmp_path: Path, compress: bool) -> None:
    rec = Rec(
        "https://x.example/z", gzip.compress(SECOND_HTML), headers=(("Content-Encoding", "gzip"),)
    )
    (article,) = list(read_articles([_archive(tmp_path, compress, (rec,))]))
    assert isinstance(article, Article)
    assert "eighteen flat cars" in article.text


@pytest.mark.parametrize("compress", [True, False])
def test_warc_is_read_as_a_stream(tmp_path: Path, compress: bool) -> None:
    """Cut the file after the first article was yielded: a streaming reader sees the cut.

    A reader that loaded the whole archive up front would still yield its 299 images
    (skipped) without complaint; one that streams runs into the truncation.
    """
    images = [Rec(f"https://x.example/{n}.png", PNG, content_type="image/png") for n in range(299)]
    path = tmp_path / "big.warc"
    ends = _write_warc(path, [MIXED[4], *images], compress)
    items = read_articles([path])
    first = next(items)
    assert isinstance(first, Article)
    with path.open("r+b") as handle:
        handle.truncate((ends[150] + ends[151]) // 2)
    rest = list(items)
    assert [(type(item), getattr(item, "line", None)) for item in rest] == [(InputError, 152)]


def test_folder_of_mixed_formats_yields_every_good_article_and_one_error_per_bad_item(
    tmp_path: Path,
) -> None:
    for name in ("article.html", "boilerplate.html", "rss.xml", "atom.atom", "not_a_feed.xml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "crawl").mkdir()
    _write_warc(tmp_path / "crawl" / "a.warc.gz", MIXED, compress=True)
    (tmp_path / "crawl" / "broken.warc").write_bytes(b"not an archive\r\n")
    (tmp_path / "note.txt").write_text("Plain text still works.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(PNG)  # not a known format: ignored
    items = list(read_articles([tmp_path]))
    good = sorted(Path(a.source or "").name for a in items if isinstance(a, Article))
    bad = sorted((Path(e.source).name, e.line) for e in items if isinstance(e, InputError))
    assert good == [
        "a.warc.gz:2", "a.warc.gz:5", "article.html", "atom.atom:1", "atom.atom:2",
        "note.txt", "rss.xml:1", "rss.xml:2",
    ]  # fmt: skip
    assert bad == [
        ("boilerplate.html", None), ("broken.warc", 1), ("not_a_feed.xml", None), ("rss.xml", 3),
    ]  # fmt: skip


# Records of every kind the reader decodes: plain, a request between, gzip content
# encoding, chunked transfer encoding. Record number -> the page's decoded body.
CUT_RECORDS = (
    Rec("https://x.example/1", b"<p>one</p>"),
    Rec("https://x.example/1", kind="request"),
    Rec(
        "https://x.example/2", gzip.compress(b"<p>two</p>"), headers=(("Content-Encoding", "gzip"),)
    ),
    Rec(
        "https://x.example/3",
        b"5\r\n<p>th\r\n7\r\nree</p>\r\n0\r\n\r\n",
        headers=(("Transfer-Encoding", "chunked"),),
    ),
)
CUT_PAGES = {1: b"<p>one</p>", 3: b"<p>two</p>", 4: b"<p>three</p>"}


def _payload_as_text(
    raw: bytes,
    source: str,
    *,
    fallback_id: str,
    url: str | None,
    charset: str | None,
    settings: IngestSettings,
) -> Article:
    """Stands in for the HTML extractor: the article text is the payload, exactly."""
    return Article(id=fallback_id, text=raw.decode("utf-8"), source=source)


def _cut_verdict(path: Path, cut: int, ends: list[int]) -> str | None:
    """What is wrong with reading the archive cut after ``cut`` bytes, or None."""
    try:
        items = list(read_warc_file(path, IngestSettings(max_bytes=1_000_000)))
    except Exception as exc:
        return f"raised {exc!r}"
    whole = sum(end <= cut for end in ends)  # records that end before the cut
    pages = {
        int((a.source or "").rpartition(":")[2]): a.text.encode()
        for a in items
        if isinstance(a, Article)
    }
    errors = [(e.source, e.line, e.message) for e in items if isinstance(e, InputError)]
    before = {n: body for n, body in CUT_PAGES.items() if n <= whole}
    if cut == 0:
        expected = [(str(path), None, "no WARC records (an empty or truncated archive)")]
        return None if errors == expected else f"errors {errors}"
    if cut in ends:  # a whole number of records is a valid, shorter archive
        return None if (pages, errors) == (before, []) else f"pages {pages}, errors {errors}"
    with_cut = {n: body for n, body in CUT_PAGES.items() if n <= whole + 1}
    if pages not in (before, with_cut):  # the cut record's page only if its content is whole
        return f"pages {pages}"
    if len(errors) != 1 or errors[0][:2] != (str(path), whole + 1):
        return f"errors {errors}"
    return None if errors[0][2].startswith(f"record {whole + 1}: truncated (") else errors[0][2]


@pytest.mark.parametrize("compress", [True, False])
def test_read_warc_file_cut_at_every_byte_yields_each_whole_record_and_names_the_cut_one(
    tmp_path: Path, compress: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every cut gives the pages of the records before it, with their exact payloads, and
    one error naming the file and the record cut, unless it falls between two records.

    The HTML extractor is replaced by a stand-in that keeps the payload: the archive is
    under test here, and trafilatura would take a minute over the 3,000 cuts.
    """
    monkeypatch.setattr(warc, "article_from_html", _payload_as_text)
    whole = tmp_path / "whole.warc"
    ends = _write_warc(whole, CUT_RECORDS, compress)
    data = whole.read_bytes()
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(data)
    wrong = {}
    for cut in reversed(range(len(data) + 1)):
        os.truncate(path, cut)
        verdict = _cut_verdict(path, cut, ends)
        if verdict is not None:
            wrong[cut] = verdict
    assert not wrong, f"{len(wrong)} of {len(data) + 1} cuts: {list(wrong.items())[:5]}"


def _gzip(pieces: Iterable[bytes]) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return b"".join([*map(compressor.compress, pieces), compressor.flush()])


def _zeros(size: int) -> Iterable[bytes]:
    block = bytes(1_000_000)
    return [block] * (size // len(block))


def _response(body_size: int, extra: bytes = b"", uri: bytes = b"https://x.example/p") -> bytes:
    """The WARC and HTTP headers of an HTML response whose body has ``body_size`` bytes."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + extra + b"\r\n"
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + b"\r\n"
        b"Content-Length: %d\r\n\r\n" % (len(http) + body_size) + http
    )


BOMB = 40_000_000  # bytes of zeros: about 40 kB gzipped


def _page_bomb() -> bytes:
    return _gzip([_response(BOMB), *_zeros(BOMB), b"\r\n\r\n"])


def _encoded_bomb() -> bytes:
    body = _gzip(_zeros(BOMB))
    return _response(len(body), b"Content-Encoding: gzip\r\n") + body + b"\r\n\r\n"


def _one_huge_chunk() -> bytes:
    body = b"%x\r\n" % BOMB + bytes(BOMB) + b"\r\n0\r\n\r\n"
    return _response(len(body), b"Transfer-Encoding: chunked\r\n") + body + b"\r\n\r\n"


def _image_then_no_newline() -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n"
    head = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/i\r\n"
    image = head + b"Content-Length: %d\r\n\r\n" % (len(http) + len(PNG)) + http + PNG
    return image + b"\r\n\r\n" + b"x" * 20_000_000


@pytest.mark.parametrize(
    ("name", "build", "messages"),
    [
        (
            "zeros.warc.gz",
            lambda: _gzip(_zeros(BOMB)),
            [r"not a WARC archive (it starts with '\x00"],
        ),
        (
            "page.warc.gz",
            _page_bomb,
            [
                "record 1: the page is over the 100.0 kB limit (reading stopped there;",
                "record 1: damaged archive (it decompresses to over 100 times its size",
            ],
        ),
        ("encoded.warc", _encoded_bomb, ["record 1: the page is over the 100.0 kB limit"]),
        ("chunked.warc", _one_huge_chunk, ["record 1: the page is over the 100.0 kB limit"]),
        ("no-newline.warc", lambda: b"x" * 20_000_000, ["not a WARC archive (it starts with 'xxx"]),
        (
            "tail.warc",
            _image_then_no_newline,
            ["record 2: damaged archive (a record should start with WARC/1.0, not 'xxx"],
        ),
    ],
)
def test_warc_bombs_and_endless_lines_are_refused_in_bounded_memory(
    tmp_path: Path, name: str, build: object, messages: list[str]
) -> None:
    assert callable(build)
    path = tmp_path / name
    path.write_bytes(build())
    tracemalloc.start()
    try:
        items = list(read_warc_file(path, IngestSettings(max_bytes=100_000)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert all(isinstance(item, InputError) and item.source == str(path) for item in items)
    assert len(items) == len(messages)
    for item, start in zip(items, messages, strict=True):
        assert isinstance(item, InputError) and item.message.startswith(start), item
    assert peak < 4_000_000  # the inputs hold 20 to 40 MB; reading them took under 0.7 MB


def test_warc_page_over_the_limit_is_refused_and_the_next_one_read(tmp_path: Path) -> None:
    path = _archive(tmp_path, True, (Rec("https://x.example/big", ARTICLE_HTML), MIXED[4]))
    items = list(read_articles([path], IngestSettings(max_bytes=len(ARTICLE_HTML) - 1)))
    assert [type(item) for item in items] == [ArticleTooLargeError, Article]
    assert str(items[0]) == (
        f"{path}:1: record 1: the page is over the {(len(ARTICLE_HTML) - 1) / 1e3:.1f} kB "
        "limit (reading stopped there; split it, or raise --max-bytes)"
    )


@pytest.mark.parametrize("compress", [True, False])
def test_warc_header_over_the_limit_is_damage_not_read_on(tmp_path: Path, compress: bool) -> None:
    uri = b"https://x.example/" + b"a" * 300_000
    data = _response(4, uri=uri) + b"<p/>" + b"\r\n\r\n"
    path = tmp_path / ("long.warc.gz" if compress else "long.warc")
    path.write_bytes(_gzip([data]) if compress else data)
    (item,) = list(read_warc_file(path, IngestSettings(max_bytes=100_000)))
    assert isinstance(item, InputError) and item.line == 1
    assert item.message == (
        "record 1: damaged archive (its header is over 256 kB); the rest is skipped"
    )


def test_warc_http_header_over_the_limit_spoils_only_its_record(tmp_path: Path) -> None:
    padding = tuple(("X-Padding", "p" * 1_000) for _ in range(300))
    records = (Rec("https://x.example/padded", SECOND_HTML, headers=padding), MIXED[4])
    error, article = list(read_articles([_archive(tmp_path, True, records)]))
    assert isinstance(error, RecordError) and error.line == 1
    assert error.message == "record 1: its HTTP header is over 256 kB; skipped"
    assert isinstance(article, Article) and "eighteen flat cars" in article.text


@pytest.mark.parametrize("coding", ["br", "zstd"])
def test_warc_unknown_content_encoding_is_an_error_not_garbage(tmp_path: Path, coding: str) -> None:
    rec = Rec(
        "https://x.example/z", b"\x8b\x02\x80<p>x</p>\x03", headers=(("Content-Encoding", coding),)
    )
    (error,) = list(read_articles([_archive(tmp_path, True, (rec,))]))
    assert isinstance(error, DecodeError) and error.line == 1
    assert error.message == f"record 1: its content encoding '{coding}' is not supported; skipped"


def test_warc_gzipped_as_one_member_is_read_whole(tmp_path: Path) -> None:
    """`gzip crawl.warc` makes one gzip member of all records: warcio refused it."""
    plain = _archive(tmp_path, False, (MIXED[1], MIXED[4]))
    path = tmp_path / "one-member.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    items = list(read_articles([path]))
    assert [(type(i), i.source) for i in items] == [(Article, f"{path}:1"), (Article, f"{path}:2")]
