"""The pre-filter keeps every page whose text could name a weapon, and skips the rest.

Unit cases use sentences written for these tests. The equivalence tests read real arms
reporting (../shared/devset, when it is beside the project, and the bundled examples)
wrapped as web pages, with and without the pre-filter: the transfers must be the same.
"""

from __future__ import annotations

import html
import io
import json
import pickle
import re
import time
from datetime import date
from pathlib import Path
from typing import Literal

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from armstrack.catalogue import Catalogue
from armstrack.errors import InputError, NoWeaponNamed
from armstrack.extract import Extractor
from armstrack.extract.matching import WEAPON_KINDS, Matcher
from armstrack.ingest import IngestSettings, read_articles
from armstrack.ingest.html import article_from_html
from armstrack.ingest.partitions import Partition, plan, read_partition
from armstrack.ingest.prefilter import Prefilter, prefilter_for
from armstrack.records import Article, Transfer

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devset"
EXAMPLES = ROOT / "examples"
PAGE = "<html><head><title>News</title></head><body>{}</body></html>"


def _page(body: str) -> str:
    return PAGE.format(body)


@pytest.fixture(scope="module")
def check() -> Prefilter:
    return prefilter_for(())


@pytest.mark.parametrize(
    "body",
    [
        "<p>The ministry said the drones arrived on Monday.</p>",
        "<p>Two SHAHED-136 units were seen.</p>",
        "<p>Pilots trained on the F-<b>16</b> for a year.</p>",  # inline markup joins
        "<p>The Pat<span>riot</span> battery was moved.</p>",
        "<p>The Hi<wbr>MARS launcher fired.</p>",
        "<p>Pilots trained on the F&#8209;16 for a year.</p>",  # references are decoded
        "<p>Pilots trained on the F&#x2011;16C for a year.</p>",
        "<p>A H&uuml;rjet trainer flew past.</p>",
        "<p>A Sha&shy;hed flew over the city.</p>",
        "<p>A Sha\u00adhed flew over the city.</p>",
        "<p>Pilots trained on the \uff26-16 for a year.</p>",  # full-width letters
        "<p>The port received a landing&nbsp;craft.</p>",  # a two-word class term
        "<p>The port received a landing\n        craft.</p>",
        "<p>The port received a landing <em>craft</em>.</p>",
        "<p>The port received a landing\u2009craft.</p>",
        "<p>We saw drones</p><p>Then we left.</p>",  # a block tag separates words
        "<ul><li>drones</li><li>tractors</li></ul>",
        "<p>Budget news</p><br>drones",
        "<p>It was a Bayraktar-TB2s delivery.</p>",
        "<p>Sam said hello.</p>",  # the matcher wants "SAM": the pre-filter errs on keeping
        "<scripture>drones</scripture>",  # not a script
        "<script>var a = 1;</script><p>drones</p><script>var b = 2;</script>",
        "<script>var a = 1; drones",  # a script never closed is kept, not searched for
        "<!-- no comment --><p>drones</p>",
        "<!--><p>drones</p>-->",  # "<!-->" is a whole comment
    ],
)
def test_prefilter_keeps_a_page_that_may_name_a_weapon(check: Prefilter, body: str) -> None:
    assert check.may_hold_transfer(_page(body))
    assert check.may_hold_transfer(_page(body).encode("utf-8"))


@pytest.mark.parametrize(
    "body",
    [
        "<p>The council approved the budget for the new library.</p>",
        "<p>Das Budget wurde am Montag beschlossen.</p>",
        '<p><a href="/world/drones" title="drones">Budget news</a></p>',  # attributes
        "<script>var drones = 1;</script><p>Budget news</p>",
        "<style>.drones { color: red }</style><p>Budget news</p>",
        "<!-- drones --><p>Budget news</p>",
        "<p>Budget news</p>",  # the page title, metadata, names no weapon either
        "<p>A bombastic speech on farms and alarms.</p>",  # words inside words
    ],
)
def test_prefilter_skips_a_page_that_names_no_weapon(check: Prefilter, body: str) -> None:
    page = _page(body).replace("<title>News", "<title>Drones")
    assert not check.may_hold_transfer(page)


def test_prefilter_keeps_bytes_that_are_not_utf8(check: Prefilter) -> None:
    assert check.may_hold_transfer(_page("<p>Caf\xe9 news</p>").encode("latin-1"))


def test_prefilter_keeps_every_weapon_term_the_matcher_finds(catalogue: Catalogue) -> None:
    """Each system and class term, alone in a page, as written and in the plural: where
    the extractor's matcher finds a weapon, the pre-filter keeps the page."""
    check = Prefilter(catalogue)
    matcher = Matcher.from_catalogue(catalogue)
    missed = []
    for term in catalogue.terms():
        if term.kind not in WEAPON_KINDS:
            continue
        for text in (term.surface, f"{term.surface}s", f"the {term.surface}C/D Block 70"):
            named = any(m.kind in WEAPON_KINDS for m in matcher.find(text))
            if named and not check.may_hold_transfer(_page(f"<p>{html.escape(text)}</p>")):
                missed.append(text)
    assert not missed


@pytest.mark.parametrize(
    ("name", "kept", "skipped"),
    [
        ("Testbird-7", "Norway sent TESTBIRD 7 units.", "Norway sent test birds."),
        ("Птица-7", "Норвегия отправила Птица-7.", "Норвегия отправила птиц."),
    ],
)
def test_prefilter_uses_the_users_catalogue(
    tmp_path: Path, name: str, kept: str, skipped: str
) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        f'[[system]]\nname = "{name}"\ncategory = "uav"\norigin = "NOR"\n', encoding="utf-8"
    )
    check = prefilter_for((str(extra),))
    assert check.may_hold_transfer(_page(f"<p>{kept}</p>"))
    assert not check.may_hold_transfer(_page(f"<p>{skipped}</p>"))
    assert not prefilter_for(()).may_hold_transfer(_page(f"<p>{kept}</p>"))


HANG = 20.0  # seconds for 2 MB: catches a return to quadratic time, not a slow machine


@pytest.mark.parametrize(
    "unit",
    ["<script", "<script>", "<!--", "<a ", "<p", "&#", "&amp", "< ", "\u00ad", "\uff26"],
)
def test_prefilter_time_is_linear_on_hostile_pages(check: Prefilter, unit: str) -> None:
    page = unit * (2_000_000 // len(unit))
    started = time.monotonic()
    check.may_hold_transfer(page)
    assert time.monotonic() - started < HANG


def _response(writer: WARCWriter, url: str, body: bytes) -> object:
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    payload = io.BytesIO(body)
    return writer.create_warc_record(
        url, "response", payload=payload, length=len(body), http_headers=headers
    )


ARMS = "<article><p>Officials said on Monday that Turkey had delivered six drones to Mali, in a deal signed last year.</p></article>"
OTHER = "<article><p>Officials said on Monday that the city council had approved the budget for the new library.</p></article>"


def _warc(path: Path, bodies: list[str]) -> Path:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number, body in enumerate(bodies):
            url = f"https://news.example/{number}"
            writer.write_record(_response(writer, url, _page(body).encode("utf-8")))
    return path


def test_warc_pages_skipped_by_the_prefilter_are_one_counted_item(tmp_path: Path) -> None:
    path = _warc(tmp_path / "crawl.warc.gz", [OTHER, ARMS, OTHER, OTHER])
    items = list(read_articles([path], IngestSettings(prefilter=True)))
    assert [type(item) for item in items] == [Article, NoWeaponNamed]
    skipped = items[1]
    assert isinstance(skipped, NoWeaponNamed)
    assert (skipped.source, skipped.line, skipped.pages) == (str(path), None, 3)
    assert skipped.message == "3 of 4 pages named no weapon; skipped by the pre-filter"
    assert all(isinstance(i, Article) for i in read_articles([path], IngestSettings()))


def test_warc_partitions_count_their_own_skipped_pages(tmp_path: Path) -> None:
    path = _warc(tmp_path / "crawl.warc.gz", [OTHER, ARMS, OTHER, OTHER, OTHER])
    settings = IngestSettings(prefilter=True)
    parts = [p for p in plan([path], size=2) if isinstance(p, Partition)]
    items = [item for part in parts for item in read_partition(part, settings)]
    notes = [(i.line, i.pages, i.message) for i in items if isinstance(i, NoWeaponNamed)]
    assert notes == [
        (1, 1, "records 1-2: 1 of 2 pages named no weapon; skipped by the pre-filter"),
        (3, 2, "records 3-4: 2 of 2 pages named no weapon; skipped by the pre-filter"),
        (5, 1, "records 5-5: 1 of 1 page named no weapon; skipped by the pre-filter"),
    ]
    assert [i.id for i in items if isinstance(i, Article)] == [
        i.id for i in read_articles([path], settings) if isinstance(i, Article)
    ]


def test_html_file_skipped_by_the_prefilter_says_why(tmp_path: Path) -> None:
    (tmp_path / "arms.html").write_text(_page(ARMS), encoding="utf-8")
    (tmp_path / "other.html").write_text(_page(OTHER), encoding="utf-8")
    arms, other = read_articles([tmp_path], IngestSettings(prefilter=True))
    assert isinstance(arms, Article)
    assert isinstance(other, NoWeaponNamed)
    assert (other.source, other.pages, other.reason) == (
        str(tmp_path / "other.html"),
        1,
        "no weapon named",
    )


@pytest.mark.parametrize("reader", ["trafilatura", "resiliparse"])
def test_page_naming_a_weapon_only_in_its_menu_is_skipped_once_its_text_is_read(
    tmp_path: Path, reader: Literal["trafilatura", "resiliparse"]
) -> None:
    menu = '<nav><a href="/drones">Drones</a> <a href="/tanks">Tanks</a></nav>'
    path = tmp_path / "menu.html"
    path.write_text(_page(menu + OTHER), encoding="utf-8")
    (item,) = read_articles([path], IngestSettings(prefilter=True, html_reader=reader))
    assert isinstance(item, NoWeaponNamed)
    assert item.message == "no weapon named in the page's main text; skipped by the pre-filter"
    (article,) = read_articles([path], IngestSettings(html_reader=reader))
    assert isinstance(article, Article)


def test_no_weapon_named_crosses_processes_with_its_count() -> None:
    error = NoWeaponNamed("crawl.warc", "5 of 9 pages named no weapon", 11, pages=5)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.source, copy.message, copy.line, copy.pages) == (
        "crawl.warc",
        error.message,
        11,
        5,
    )


# Markup a real page puts around words: references for hyphens, spaces and apostrophes,
# links and emphasis on words, lines wrapped in the source.
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def _marked_up(text: str) -> str:
    words = html.escape(text, quote=False).split(" ")
    for index in range(0, len(words), 5):
        words[index] = f'<a href="/topic/{index}">{words[index]}</a>'
    for index in range(2, len(words), 7):
        words[index] = f"<em>{words[index]}</em>"
    joined = ""
    for index, word in enumerate(words):
        joined += ("&nbsp;" if index % 4 == 3 else "\n      " if index % 9 == 8 else " ") + word
    return _HYPHEN.sub("&#8209;", joined.strip()).replace("\u2019", "&#8217;")


def _news_page(text: str, published: date | None) -> bytes:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paragraphs = "\n".join(f"<p>{_marked_up(line)}</p>" for line in lines)
    return (
        f"<html><head><meta charset='utf-8'><title>Report</title>{meta}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<main><article>{paragraphs}</article></main>"
        "<footer><p>Copyright 2024 Example News</p></footer></body></html>"
    ).encode()


def _transfers(
    extractor: Extractor, page: bytes, settings: IngestSettings
) -> tuple[Transfer, ...] | None:
    """The page's transfers; None if the pre-filter skipped it."""
    try:
        article = article_from_html(page, "page", fallback_id="page", settings=settings)
    except NoWeaponNamed:
        return None
    except InputError:
        return ()
    return extractor.run(article).transfers


def _same_transfers(extractor: Extractor, pages: list[bytes]) -> None:
    with_transfers = 0
    for page in pages:
        plain = _transfers(extractor, page, IngestSettings())
        filtered = _transfers(extractor, page, IngestSettings(prefilter=True))
        assert filtered == plain or (filtered is None and plain == ()), page[:300]
        with_transfers += bool(plain)
    assert with_transfers >= len(pages) // 3  # arms reporting: most pages name transfers


def _dated(text: str) -> date | None:
    found = re.match(r" ?date (\d{4}-\d{2}-\d{2})", text)
    return date.fromisoformat(found.group(1)) if found else None


def test_prefilter_loses_no_transfer_of_the_examples(extractor: Extractor) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "articles").glob("*.txt"))]
    records = (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in records if line.strip()]
    _same_transfers(extractor, [_news_page(text, _dated(text)) for text in texts])


@pytest.mark.skipif(not DEVSET.is_dir(), reason="../shared/devset is only beside the project")
def test_prefilter_loses_no_transfer_of_the_devset(extractor: Extractor) -> None:
    # Real news nobody here wrote, read from where it lies; never copied into the project.
    dates: dict[str, date | None] = {}
    for gold in DEVSET.glob("gold-*.jsonl"):
        for line in gold.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            dates[row["id"]] = date.fromisoformat(row["date"][:10]) if row.get("date") else None
    pages = [
        _news_page(path.read_text(encoding="utf-8"), dates.get(path.stem))
        for path in sorted((DEVSET / "texts").glob("*.txt"))
    ]
    _same_transfers(extractor, pages)


def test_prefilter_of_a_catalogue_is_built_once() -> None:
    assert prefilter_for(()) is prefilter_for(())
