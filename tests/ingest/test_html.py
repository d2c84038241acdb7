import shutil
from datetime import date
from pathlib import Path

import pytest

from armstrack.errors import ArticleTooLargeError, DecodeError, EmptyArticleError, InputError
from armstrack.ingest import IngestSettings, read_articles
from armstrack.ingest.html import article_from_html
from armstrack.records import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
ARTICLE = FIXTURES / "article.html"

UNDATED_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Convoy seen at the border crossing</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Convoy seen at the border crossing</h1>
<p>Officials said on 3 March 2023 that a convoy of trucks had crossed the border carrying
crates of rifles and ammunition for the northern garrison, the second such convoy this year.</p>
<p>The ministry did not respond to questions about the cargo, and local caf\u00e9 owners said
reporters were kept away from the crossing point for most of the afternoon.</p>
</article><footer>Copyright 2021 Wire Media. All rights reserved.</footer></body></html>
"""


def _read_one(path: Path, settings: IngestSettings | None = None) -> Article | InputError:
    (item,) = list(read_articles([path], settings or IngestSettings()))
    return item


def _article(path: Path) -> Article:
    item = _read_one(path)
    assert isinstance(item, Article), item
    return item


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Harbour crane crews unload tracked howitzers at Port Verano"),
        ("url", "https://coastal-ledger.example/world/2024/03/12/howitzers-port-verano"),
        ("id", "https://coastal-ledger.example/world/2024/03/12/howitzers-port-verano"),
        ("published", date(2024, 3, 12)),
        ("outlet", "The Coastal Ledger"),
        ("source", str(ARTICLE)),
    ],
)
def test_html_page_metadata_is_extracted(field: str, expected: object) -> None:
    assert getattr(_article(ARTICLE), field) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Dock workers at Port Verano spent most of Monday night lifting olive-green tracked",
        "at least twelve self-propelled guns lined up on the quay",
        "agreed to supply last autumn under a credit arrangement",
        "They expect a second ship carrying spare parts and training simulators",
    ],
)
def test_html_text_keeps_the_body_paragraphs(paragraph: str) -> None:
    text = _article(ARTICLE).text
    assert paragraph in " ".join(text.split())


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Subscribe for unlimited reading",
        "Accept all cookies",
        "Local rowing club wins regional regatta",
        "Copyright 2024 The Coastal Ledger",
        "Privacy policy",
    ],
)
def test_html_text_leaves_out_navigation_and_footer(boilerplate: str) -> None:
    assert boilerplate not in _article(ARTICLE).text


@pytest.mark.parametrize("name", ["boilerplate.html"])
def test_html_page_without_article_text_is_an_empty_error_naming_the_file(name: str) -> None:
    item = _read_one(FIXTURES / name)
    assert isinstance(item, EmptyArticleError)
    assert item.source == str(FIXTURES / name)
    assert str(item).startswith(f"{FIXTURES / name}: no article text found")


@pytest.mark.parametrize("charset", ["utf-8"])
def test_html_page_without_metadata_uses_the_stem_and_invents_no_date(
    tmp_path: Path, charset: str
) -> None:
    path = tmp_path / "convoy.html"
    path.write_text(UNDATED_PAGE.format(charset=charset), encoding=charset)
    article = _article(path)
    assert (article.id, article.url, article.published) == ("convoy", None, None)
    assert "crates of rifles and ammunition" in article.text


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1"])
def test_html_page_in_a_declared_charset_is_decoded(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "convoy.html"
    path.write_bytes(UNDATED_PAGE.format(charset=charset).encode(charset))
    assert "local caf\u00e9 owners" in " ".join(_article(path).text.split())


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<html>"])
def test_html_binary_file_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(data)
    item = _read_one(path)
    assert isinstance(item, DecodeError)
    assert str(item) == f"{path}: binary file (NUL byte at offset 8), not a text article"


@pytest.mark.parametrize("max_bytes", [1_000])
def test_html_page_over_the_size_limit_is_refused(max_bytes: int) -> None:
    item = _read_one(ARTICLE, IngestSettings(max_bytes=max_bytes))
    assert isinstance(item, ArticleTooLargeError)
    assert item.source == str(ARTICLE)


@pytest.mark.parametrize("name", ["PAGE.HTM", "page.Html"])
def test_html_suffix_is_matched_case_insensitively(tmp_path: Path, name: str) -> None:
    shutil.copy(ARTICLE, tmp_path / name)
    assert _article(tmp_path / name).outlet == "The Coastal Ledger"


@pytest.mark.parametrize("url", ["https://wire.example/item"])
def test_html_fetch_url_is_used_only_without_a_canonical_url(url: str) -> None:
    page = article_from_html(ARTICLE.read_bytes(), "x", fallback_id="x", url=url)
    assert page.url == "https://coastal-ledger.example/world/2024/03/12/howitzers-port-verano"
    undated = UNDATED_PAGE.format(charset="utf-8").encode()
    assert article_from_html(undated, "y", fallback_id="y", url=url).url == url


@pytest.mark.parametrize("offset", [9_000, 100_000])
def test_html_page_with_a_nul_byte_past_the_first_8_kb_is_refused(
    tmp_path: Path, offset: int
) -> None:
    page = UNDATED_PAGE.format(charset="utf-8").encode()
    page = page.replace(b"</footer>", b"<!--" + b"x" * (offset - len(page)) + b"\x00--></footer>")
    path = tmp_path / "nul.html"
    path.write_bytes(page)
    item = _read_one(path)
    assert isinstance(item, DecodeError)
    assert item.message == f"binary file (NUL byte at offset {page.index(0)}), not a text article"
