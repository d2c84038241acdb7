"""Fetches archived to WARC: the records written, read back one by one, ingested again."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from tests.fetch.conftest import MakeFetcher
from tests.fetch.server import LocalServer, Reply, Request
from tests.fetch.site import ARTICLES, article_html, rss, serve_articles
from warcio.archiveiterator import ArchiveIterator

from armstrack.errors import ArchiveReadError
from armstrack.fetch import ArchiveRef, Fetched, WarcArchive, read_archived
from armstrack.ingest import IngestSettings, read_articles
from armstrack.ingest.html import article_from_html
from armstrack.records import Article

NAME = re.compile(r"armstrack-\d{14}-\d{5}\.warc\.gz")
LATIN_PAGE = (
    "<html><head><title>Café Söder reopens</title></head><body><article>"
    "<h1>Café Söder reopens</h1><p>The café on the corner of the market square has reopened"
    " after a winter of repairs, its owner said, with the old piano back in its place.</p>"
    "<p>Regulars were queueing before eight o'clock for the first crème brûlée.</p>"
    "</article></body></html>"
).encode("latin-1")


def _records(path: Path) -> list[tuple[str, str | None, int, object]]:
    """(type, target URI, offset, record headers) of every record of a WARC file."""
    found = []
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        for record in records:
            uri = record.rec_headers.get_header("WARC-Target-URI")
            http = record.http_headers
            found.append((record.rec_type, uri, records.get_record_offset(), http))
    return found


def _fetch_all(make_fetcher: MakeFetcher, server: LocalServer, paths: list[str]) -> list[Fetched]:
    fetcher = make_fetcher()
    return [fetcher.fetch(server.url(path)) for path in paths]


def test_archive_writes_response_and_request_records(
    server: LocalServer, make_fetcher: MakeFetcher, tmp_path: Path
):
    serve_articles(server)
    fetched = _fetch_all(make_fetcher, server, ["/news/iris-t", "/news/ferry"])
    with WarcArchive(tmp_path) as archive:
        refs = [archive.write(one) for one in fetched]
    [name] = [path.name for path in tmp_path.iterdir()]
    assert NAME.fullmatch(name)
    assert {ref.file for ref in refs} == {name}
    records = _records(tmp_path / name)
    iris, ferry = server.url("/news/iris-t"), server.url("/news/ferry")
    assert [(kind, uri) for kind, uri, _, _ in records] == [
        ("warcinfo", None),
        ("response", iris),
        ("request", iris),
        ("response", ferry),
        ("request", ferry),
    ]
    assert [ref.offset for ref in refs] == [records[1][2], records[3][2]]
    request = records[2][3]
    assert request.protocol == "GET"
    assert request.statusline == "/news/iris-t HTTP/1.1"
    assert request.get_header("User-Agent").startswith("armstrack/")


def test_archive_links_request_to_its_response(
    server: LocalServer, make_fetcher: MakeFetcher, tmp_path: Path
):
    serve_articles(server)
    [fetched] = _fetch_all(make_fetcher, server, ["/news/library"])
    with WarcArchive(tmp_path) as archive:
        ref = archive.write(fetched)
    with (tmp_path / ref.file).open("rb") as handle:
        handle.seek(ref.offset)
        records = ArchiveIterator(handle)
        response = next(records)
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        assert response.content_stream().read() == fetched.body
        request = next(records)
        assert request.rec_headers.get_header("WARC-Concurrent-To") == response_id
        records.close()


def _gzipped(request: Request) -> Reply:
    body = gzip.compress(article_html(*ARTICLES["/news/ferry"]).encode())
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")]
    return Reply(200, body, headers)


def _chunked(request: Request) -> Reply:
    html = article_html(*ARTICLES["/news/library"]).encode()
    pieces = [html[i : i + 100] for i in range(0, len(html), 100)]
    return Reply(200, pieces, [("Content-Type", "text/html")], chunked=True)


@pytest.mark.parametrize(
    ("path", "wire"),
    [("/gzip", ("Content-Encoding", "gzip")), ("/chunked", ("Transfer-Encoding", "chunked"))],
)
def test_archive_stores_decoded_body_with_consistent_header(
    server: LocalServer,
    make_fetcher: MakeFetcher,
    tmp_path: Path,
    path: str,
    wire: tuple[str, str],
):
    server.add("/gzip", _gzipped)
    server.add("/chunked", _chunked)
    [fetched] = _fetch_all(make_fetcher, server, [path])
    assert fetched.body.startswith(b"<!DOCTYPE html>")  # as httpx gives it, decoded
    with WarcArchive(tmp_path) as archive:
        ref = archive.write(fetched)
    with (tmp_path / ref.file).open("rb") as handle:
        handle.seek(ref.offset)
        records = ArchiveIterator(handle)
        record = next(records)
        http = record.http_headers
        assert http.get_header(wire[0]) is None
        assert http.get_header("X-Archive-Orig-" + wire[0]) == wire[1]
        assert http.get_header("Content-Length") == str(len(fetched.body))
        assert record.raw_stream.read() == fetched.body  # the bytes stored, undecoded
        records.close()


def test_read_archived_returns_the_page(
    server: LocalServer, make_fetcher: MakeFetcher, tmp_path: Path
):
    serve_articles(server)
    fetched = _fetch_all(make_fetcher, server, ["/news/iris-t", "/news/library"])
    with WarcArchive(tmp_path) as archive:
        refs = [archive.write(one) for one in fetched]
    page = read_archived(tmp_path, refs[1])
    assert page.url == server.url("/news/library")
    assert page.status == 200
    assert page.content_type == "text/html; charset=utf-8"
    assert page.body == fetched[1].body


def test_read_archived_refuses_what_is_not_a_response(
    server: LocalServer, make_fetcher: MakeFetcher, tmp_path: Path
):
    serve_articles(server)
    [fetched] = _fetch_all(make_fetcher, server, ["/news/iris-t"])
    with WarcArchive(tmp_path / "archive") as archive:
        ref = archive.write(fetched)
    (tmp_path / "secret.warc.gz").write_bytes((tmp_path / "archive" / ref.file).read_bytes())
    folder = tmp_path / "archive"
    request_offset = _records(folder / ref.file)[2][2]
    bad = [
        (ArchiveRef("../secret.warc.gz", ref.offset), "not a file of the archive folder"),
        (ArchiveRef("missing.warc.gz", 0), "cannot read"),
        (ArchiveRef(ref.file, 0), "no response record"),  # the warcinfo record
        (ArchiveRef(ref.file, request_offset), "no response record"),
        # Inside a gzip member: what warcio makes of the bytes there varies, never a page.
        (ArchiveRef(ref.file, ref.offset + 7), "not a readable WARC record|no response record"),
    ]
    for wrong, message in bad:
        with pytest.raises(ArchiveReadError, match=message):
            read_archived(folder, wrong)


def test_archive_rotates_files_by_size(
    server: LocalServer, make_fetcher: MakeFetcher, tmp_path: Path
):
    serve_articles(server)
    paths = list(ARTICLES)
    fetched = _fetch_all(make_fetcher, server, paths)
    with WarcArchive(tmp_path, max_file_bytes=500) as archive:  # each pair fills a file
        refs = [archive.write(one) for one in fetched]
    names = sorted(path.name for path in tmp_path.iterdir())
    assert len(names) == 3
    assert all(NAME.fullmatch(name) for name in names)
    assert [name[-14:-8] for name in names] == ["-00001", "-00002", "-00003"]
    assert sorted(ref.file for ref in refs) == names
    for path, ref in zip(paths, refs, strict=True):
        assert _records(tmp_path / ref.file)[0][0] == "warcinfo"
        assert read_archived(tmp_path, ref).url == server.url(path)


def test_two_archives_share_a_folder_without_overwriting(
    server: LocalServer, make_fetcher: MakeFetcher, tmp_path: Path
):
    serve_articles(server)
    fetched = _fetch_all(make_fetcher, server, ["/news/iris-t", "/news/ferry"])
    with WarcArchive(tmp_path) as first, WarcArchive(tmp_path) as second:
        refs = [first.write(fetched[0]), second.write(fetched[1])]
    assert refs[0].file != refs[1].file
    assert [read_archived(tmp_path, ref).body for ref in refs] == [f.body for f in fetched]


def test_archive_folder_ingests_as_the_same_articles(
    server: LocalServer, make_fetcher: MakeFetcher, tmp_path: Path
):
    serve_articles(server)
    server.add("/gzip", _gzipped)
    server.add("/chunked", _chunked)
    server.document("/latin", LATIN_PAGE, "text/html; charset=iso-8859-1")
    server.document("/feed.xml", rss([("/news/ferry", "Ferry", None, None)]), "application/rss+xml")
    paths = [*ARTICLES, "/gzip", "/chunked", "/latin", "/feed.xml"]
    fetched = _fetch_all(make_fetcher, server, paths)
    with WarcArchive(tmp_path) as archive:
        for one in fetched:
            archive.write(one)
    expected = [
        article_from_html(one.body, one.url, fallback_id=one.url, url=one.url, charset=one.charset)
        for one in fetched[:-1]  # the feed is archived, but is no page
    ]
    read = list(read_articles([tmp_path], IngestSettings()))
    assert all(isinstance(item, Article) for item in read), read
    assert [(a.text, a.url, a.title) for a in read] == [(a.text, a.url, a.title) for a in expected]
    assert "crème brûlée" in expected[-1].text
