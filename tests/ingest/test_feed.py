import shutil
from datetime import date
from pathlib import Path

import pytest

from armstrack.errors import (
    ArticleTooLargeError,
    DamagedInputError,
    DecodeError,
    EmptyArticleError,
    InputError,
)
from armstrack.ingest import IngestSettings, read_articles
from armstrack.ingest.feed import html_to_text
from armstrack.records import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
RSS = FIXTURES / "rss.xml"
ATOM = FIXTURES / "atom.atom"


def _articles(path: Path) -> list[Article]:
    items = list(read_articles([path]))
    return [item for item in items if isinstance(item, Article)]


def test_rss_items_become_articles_and_the_empty_one_an_error() -> None:
    items = list(read_articles([RSS]))
    assert [type(item) for item in items] == [Article, Article, EmptyArticleError]
    error = items[2]
    assert isinstance(error, EmptyArticleError)
    assert (error.source, error.line) == (str(RSS), 3)
    assert str(error) == f"{RSS}:3: entry 3 has no text (no content or summary)"


@pytest.mark.parametrize(
    ("number", "field", "expected"),
    [
        (0, "id", "fd-2024-0211"),
        (0, "url", "https://frontier-dispatch.example/2024/02/patrol-boats"),
        (0, "title", "Patrol boats handed over at Lindholm naval yard"),
        (0, "published", date(2024, 2, 11)),
        (0, "outlet", "Frontier Dispatch"),
        (0, "source", f"{RSS}:1"),
        (1, "id", "https://frontier-dispatch.example/2024/02/radar-selmar"),  # no guid: link
        (1, "published", date(2024, 2, 13)),
    ],
)
def test_rss_item_metadata(number: int, field: str, expected: object) -> None:
    assert getattr(_articles(RSS)[number], field) == expected


def test_rss_full_content_wins_over_the_summary_and_keeps_paragraphs() -> None:
    text = _articles(RSS)[0].text
    assert text == (
        "Four fast patrol boats were formally handed over to the Ostmark coast guard at the "
        "Lindholm naval yard on Saturday, officials said.\n\n"
        "The boats, built under a contract signed in 2022, will be based at the southern "
        "harbour of Brenn. A fifth vessel is due later this year."
    )


def test_rss_html_summary_is_plain_text() -> None:
    assert _articles(RSS)[1].text == (
        "Two mobile air-surveillance radars are being shipped to Selmar by rail, a logistics "
        "firm said.\n\nSelmar's defence office would not confirm the shipment."
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (0, ("tag:northsea-observer.example,2024:entry-41", date(2024, 4, 1))),
        (1, ("tag:northsea-observer.example,2024:entry-42", date(2024, 4, 2))),  # updated only
    ],
)
def test_atom_entries_carry_id_and_date(number: int, expected: tuple[str, date]) -> None:
    article = _articles(ATOM)[number]
    assert (article.id, article.published) == expected
    assert article.outlet == "Northsea Observer"


def test_atom_content_and_summary_are_read() -> None:
    first, second = _articles(ATOM)
    assert first.text.startswith("Six turboprop training aircraft landed at Valdor")
    assert "\n\nThe air force said" in first.text
    assert second.text.startswith("Opposition members asked why an order for artillery")


@pytest.mark.parametrize("name", ["not_a_feed.xml"])
def test_html_page_in_a_feed_file_is_one_error(name: str) -> None:
    (item,) = list(read_articles([FIXTURES / name]))
    assert type(item) is InputError
    assert str(item) == f"{FIXTURES / name}: not an RSS or Atom feed (root element is <html>)"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"items": []}', "not an RSS or Atom feed (it does not start with an XML element)"),
        (b"", "not an RSS or Atom feed (it does not start with an XML element)"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T', "malformed feed"),
    ],
)
def test_files_that_are_not_usable_feeds_are_errors(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(data)
    (item,) = list(read_articles([path]))
    assert isinstance(item, InputError)
    assert item.source == str(path)
    assert message in str(item)


@pytest.mark.parametrize(
    ("pub_date", "expected"),
    [
        ("Tue, 13 Feb 2024 00:30:00 +0100", date(2024, 2, 13)),  # 12 Feb in UTC
        ("Tue, 13 Feb 2024 23:30:00 -0500", date(2024, 2, 13)),  # 14 Feb in UTC
        ("2024-02-13T00:30:00+01:00", date(2024, 2, 13)),
        ("not a date", None),
    ],
)
def test_feed_date_is_the_day_as_written_not_the_utc_day(
    tmp_path: Path, pub_date: str, expected: date | None
) -> None:
    path = tmp_path / "local.rss"
    path.write_text(
        "<rss version='2.0'><channel><title>T</title><item><link>https://x.example/a</link>"
        f"<pubDate>{pub_date}</pubDate><description>Body.</description></item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = _articles(path)
    assert article.published == expected


@pytest.mark.parametrize("name", ["news.RSS", "news.feed", "news.Atom"])
def test_feed_suffixes_are_matched_case_insensitively(tmp_path: Path, name: str) -> None:
    shutil.copy(ATOM, tmp_path / name)
    assert len(_articles(tmp_path / name)) == 2


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("<p>Line one<br>line two</p>", "Line one\nline two"),
        ("<div>A  <b>bold</b>\n  claim &amp; a &lt;tag&gt;</div>", "A bold claim & a <tag>"),
        ("<p>Kept.</p><script>var hidden = 1;</script><style>p {}</style>", "Kept."),
        ("<ul><li>First</li><li>Second</li></ul>", "First\n\nSecond"),
        ("Just text, no markup.", "Just text, no markup."),
        ("", ""),
    ],
)
def test_html_to_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


MALFORMED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    b"<item><description>One.</description></item>"
    b"<item><description>Two <b>bold</i>.</description></item>"
    b"<item><description>Three.</description></item></channel>"
)


@pytest.mark.parametrize(
    ("data", "entries", "message"),
    [
        (
            MALFORMED,
            3,
            "malformed feed (mismatched tag), 3 entries were read anyway; "
            "check it for missing or garbled ones",
        ),
        (
            b'<?xml version="1.0" encoding="us-ascii"?><rss version="2.0"><channel><title>T'
            b"</title><item><description>Caf\xc3\xa9.</description></item></channel></rss>",
            1,
            "malformed feed (document declared as us-ascii, but parsed as utf-8), "
            "1 entry was read anyway",
        ),
    ],
)
def test_malformed_feed_gives_its_entries_and_one_error_naming_the_problem(
    tmp_path: Path, data: bytes, entries: int, message: str
) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(data)
    items = list(read_articles([path]))
    assert [type(item) for item in items] == [Article] * entries + [DamagedInputError]
    error = items[-1]
    assert isinstance(error, DamagedInputError) and error.source == str(path)
    assert error.reason == "damaged"
    assert error.message.startswith(message)


def test_feed_over_its_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    item = "<item><description>A short entry.</description></item>"
    path = tmp_path / "big.rss"
    path.write_text(f"<rss version='2.0'><channel>{item * 1000}</channel></rss>", "utf-8")
    (error,) = list(read_articles([path], IngestSettings(max_bytes=1_000)))
    assert isinstance(error, ArticleTooLargeError)
    assert str(error) == (
        f"{path}: feed is 54.0 kB, over the 50.0 kB limit "
        "(a feed may be 50 times --max-bytes; split it, or raise --max-bytes)"
    )


def test_feed_entry_with_a_nul_character_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.rss"
    path.write_text(
        "<rss version='2.0'><channel><title>T</title><item><description>A &#0; B</description>"
        "</item><item><description>Fine.</description></item></channel></rss>",
        encoding="utf-8",
    )
    nul, fine, malformed = list(read_articles([path]))
    assert isinstance(nul, DecodeError) and nul.line == 1
    assert nul.message == "NUL character in the text (at offset 2), not a text article"
    assert isinstance(fine, Article) and fine.text == "Fine."
    assert isinstance(malformed, InputError)  # "&#0;" is not XML either


@pytest.mark.parametrize("start", [b" " * 64 + b"x", b"<!DOCTYPE" + b" " * 100_000])
def test_not_a_feed_is_described_in_linear_time(tmp_path: Path, start: bytes) -> None:
    """The prologue pattern once took 2^n steps to fail on n spaces."""
    path = tmp_path / "spaces.rss"
    path.write_bytes(start)
    (error,) = list(read_articles([path]))
    assert str(error) == f"{path}: not an RSS or Atom feed (it does not start with an XML element)"


def test_an_aggregated_entry_takes_its_publisher_as_outlet(tmp_path: Path) -> None:
    feed = tmp_path / "aggregator.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>News Digest</title>"
        "<item><title>One</title><link>https://digest.example/1</link>"
        "<source url='https://wire.example/rss'>Wire Service</source>"
        "<description>Peru bought two patrol boats.</description></item>"
        "<item><title>Two</title><link>https://digest.example/2</link>"
        "<description>Chile sold a frigate.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    atom = tmp_path / "aggregator.atom"
    atom.write_text(
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>Digest</title>"
        "<entry><id>urn:x:1</id><title>One</title><updated>2024-05-01T00:00:00Z</updated>"
        "<source><title>Harbour Gazette</title></source>"
        "<summary>Peru bought two patrol boats.</summary></entry></feed>",
        encoding="utf-8",
    )
    assert [a.outlet for a in _articles(feed)] == ["Wire Service", "News Digest"]
    assert [a.outlet for a in _articles(atom)] == ["Harbour Gazette"]
