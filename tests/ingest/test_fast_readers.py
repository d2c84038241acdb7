"""The resiliparse reader: Resiliparse's main text, trafilatura's metadata, the same errors.

Every case is read with both readers and compared: the fast one must find the same
article (id, title, date, outlet), the body paragraphs without the page's menus, and give
the same error items for pages and archives that cannot be used.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from armstrack.errors import InputError, NoWeaponNamed
from armstrack.ingest import IngestSettings, fast_html, read_articles
from armstrack.records import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
ARTICLE = FIXTURES / "article.html"
FAST = IngestSettings(html_reader="resiliparse")
SECOND = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Rail cars reach Dornfeld</title>
</head><body><nav><a href="/">Front page</a> <a href="/region">Region</a></nav>
<article><h1>Rail cars reach Dornfeld</h1>
<p>A freight train of eighteen flat cars carrying wheeled armoured personnel carriers pulled
into the Dornfeld depot early on Thursday, railway staff told this newspaper on the platform.</p>
<p>The vehicles were painted in desert colours and still bore the transport markings of their
manufacturer. No official would say which unit is to receive them or when they would leave.</p>
</article><footer>Sign up for our weekly newsletter</footer></body></html>
"""
QUIET = SECOND.replace(b"wheeled armoured personnel carriers", b"grain and timber").replace(
    b"The vehicles", b"The wagons"
)


def _items(path: Path, settings: IngestSettings) -> list[Article | InputError]:
    return list(read_articles([path], settings))


def _one(path: Path, settings: IngestSettings) -> Article:
    (item,) = _items(path, settings)
    assert isinstance(item, Article), item
    return item


@pytest.mark.parametrize("field", ["id", "url", "title", "published", "outlet", "source"])
def test_fast_reader_finds_the_same_metadata(field: str) -> None:
    assert getattr(_one(ARTICLE, FAST), field) == getattr(_one(ARTICLE, IngestSettings()), field)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Dock workers at Port Verano spent most of Monday night lifting olive-green tracked",
        "at least twelve self-propelled guns lined up on the quay",
        "They expect a second ship carrying spare parts and training simulators",
    ],
)
def test_fast_reader_keeps_the_body_paragraphs(paragraph: str) -> None:
    assert paragraph in " ".join(_one(ARTICLE, FAST).text.split())


@pytest.mark.parametrize(
    "boilerplate", ["Subscribe for unlimited reading", "Accept all cookies", "Privacy policy"]
)
def test_fast_reader_leaves_out_navigation_and_footer(boilerplate: str) -> None:
    assert boilerplate not in _one(ARTICLE, FAST).text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("boilerplate.html", (FIXTURES / "boilerplate.html").read_bytes()),
        ("binary.html", b"<html>\x00\x01\x02</html>"),
        ("big.html", ARTICLE.read_bytes() * 40),
    ],
)
def test_fast_reader_refuses_what_the_default_reader_refuses(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    settings = {"max_bytes": len(ARTICLE.read_bytes()) * 2}
    (slow,) = _items(path, IngestSettings(**settings))
    (fast,) = _items(path, IngestSettings(html_reader="resiliparse", **settings))
    assert isinstance(slow, InputError)
    assert (type(fast), str(fast)) == (type(slow), str(slow))


def test_fast_reader_turns_a_parser_crash_into_an_error_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*_: object, **__: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(fast_html, "extract_plain_text", crash)
    (item,) = _items(ARTICLE, FAST)
    assert isinstance(item, InputError)
    assert "cannot parse the HTML (RuntimeError('boom')); please report it" in item.message


def test_fast_reader_without_resiliparse_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        "armstrack.ingest.settings.find_spec",
        lambda name: None if name == "resiliparse" else real(name),
    )
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'armstrack\[fast\]'"):
        IngestSettings(html_reader="resiliparse")


def _warc(path: Path, bodies: list[bytes], cut: int = 0) -> Path:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number, body in enumerate(bodies, 1):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://rail-news.example/{number}",
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=headers,
        )
        writer.write_record(record)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - cut])
    return path


def _shape(items: list[Article | InputError]) -> list[tuple[str, str]]:
    return [
        (type(i).__name__, i.id if isinstance(i, Article) else f"{i.line}: {i.message}")
        for i in items
    ]


@pytest.mark.parametrize("prefilter", [False, True])
def test_fast_reader_reads_a_warc_as_the_default_reader_does(
    tmp_path: Path, prefilter: bool
) -> None:
    path = _warc(tmp_path / "crawl.warc.gz", [SECOND, ARTICLE.read_bytes(), QUIET, SECOND])
    slow = _items(path, IngestSettings(prefilter=prefilter))
    fast = _items(path, IngestSettings(prefilter=prefilter, html_reader="resiliparse"))
    assert _shape(fast) == _shape(slow)
    assert [type(i) for i in fast] == [Article] * (3 if prefilter else 4) + [NoWeaponNamed] * (
        prefilter
    )


@pytest.mark.parametrize("cut", [40, 400])
def test_fast_reader_reports_a_damaged_warc_as_the_default_reader_does(
    tmp_path: Path, cut: int
) -> None:
    """An archive cut short gives the pages before the cut, then one error naming the
    record: the HTML reader changes nothing of that."""
    path = _warc(tmp_path / "cut.warc.gz", [SECOND, QUIET, ARTICLE.read_bytes()], cut=cut)
    slow = _items(path, IngestSettings(prefilter=True))
    fast = _items(path, IngestSettings(prefilter=True, html_reader="resiliparse"))
    assert _shape(fast) == _shape(slow)
    kinds = [type(i) for i in fast]
    assert kinds == [Article, InputError, NoWeaponNamed]
    assert "record 3: " in fast[1].message
