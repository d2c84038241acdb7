import gzip
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from armstrack.errors import DecodeError, EmptyArticleError, InputError
from armstrack.ingest import read_articles
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
    assert "record 3: the archive ends inside this record" in str(items[2])


@pytest.mark.parametrize("compress", [True, False])
def test_warc_damaged_archive_yields_what_came_before_then_one_error(
    tmp_path: Path, compress: bool
) -> None:
    path = _archive(tmp_path, compress, (MIXED[1], MIXED[4]))
    with path.open("ab") as handle:
        handle.write(b"this is not a record\r\n\r\n")
    items = list(read_articles([path]))
    assert [type(item) for item in items] == [Article, Article, InputError]
    assert str(items[2]) == (
        f"{path}:3: record 3: damaged archive (Invalid WARC record); the rest is skipped"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (ARTICLE_HTML, "not a WARC archive (Unknown archive format)"),
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
