"""WARC and HTML readers for crawl-scale ingest, each against its peers in the same run.

Packs the 109 real web pages of ../shared/bench/html into a temporary gzipped WARC (a
request and a response record per page, repeated to ``--repeat`` copies) and measures:

  WARC readers   warcio, FastWARC and armstrack's own bounded reader: records/s and MB/s
                 of the archive file, reading every response's HTTP body
  HTML readers   trafilatura (armstrack's default), Resiliparse's main-content text alone,
                 and armstrack's resiliparse reader (Resiliparse's text + trafilatura's
                 metadata functions): pages/s, and how far their texts agree with
                 trafilatura's (share of trafilatura's words found, and the reverse)
  pre-filter     ms/page of the pre-filter on the raw markup, and pages it keeps
  transfers      the devset excerpts (../shared/devset/texts) wrapped as news pages with
                 menus, links and a footer: transfers each reader's text gives, against
                 those of the excerpt read as plain text

Timings are the best of ``--rounds`` runs in this process (one core). Other jobs on the
machine slow every reader alike, so compare the ratios of one run.

    python benchmarks/bench_readers.py [--repeat 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from armstrack.extract import Extractor
from armstrack.ingest.archive import ByteStream, read_body, read_http_head, read_records
from armstrack.ingest.html import article_from_html
from armstrack.ingest.prefilter import prefilter_for
from armstrack.ingest.settings import IngestSettings
from armstrack.records import Article, Transfer

SHARED = Path(__file__).resolve().parents[2] / "shared"
PAGES = SHARED / "bench" / "html"
DEVSET = SHARED / "devset"


def web_pages(folder: Path = PAGES) -> list[tuple[str, bytes]]:
    """(URL, HTML) of every page in ``folder``, in name order."""
    return [(f"https://{p.stem}.example/", p.read_bytes()) for p in sorted(folder.glob("*.html"))]


def pack_warc(path: Path, pages: list[tuple[str, bytes]], repeat: int = 1) -> int:
    """Write ``pages`` ``repeat`` times as a gzipped WARC of request and response records,
    as a crawler does (each copy at its own URL); return the number of responses."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for copy in range(repeat):
            for url, body in pages:
                where = f"{url}{copy}"
                request = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "x")], protocol="HTTP/1.1", is_http_request=True
                )
                writer.write_record(
                    writer.create_warc_record(
                        where, "request", payload=io.BytesIO(b""), length=0, http_headers=request
                    )
                )
                headers = [("Content-Type", "text/html; charset=utf-8")]
                response = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        where,
                        "response",
                        payload=io.BytesIO(body),
                        length=len(body),
                        http_headers=response,
                    )
                )
    return repeat * len(pages)


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://daily.example/{id}">{date}
<script>window.dataLayer = [{{"section": "world"}}];</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/sport">Sport</a> <a href="/culture">Culture</a></nav></header>
<main><article><h1>{title}</h1>
{paragraphs}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Rail strike ends after pay deal</a></li>
<li><a href="/b">Heatwave expected this weekend</a></li><li><a href="/c">Cup final tickets sold out</a></li></ul></aside>
</main><footer><p>Copyright 2024 The Daily Example. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> <a href="/cookies">Cookies</a> <a href="/contact">Contact</a></p></footer>
</body></html>
"""


def news_page(article_id: str, text: str, published: str | None) -> bytes:
    """``text`` (an excerpt, one paragraph a line) as a news page with menus and a footer."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0].startswith("date "):
        published = published or lines[0].removeprefix("date ").strip()
        lines = lines[1:]
    title = html.escape(lines[0] if lines else article_id)
    date = f'\n<meta property="article:published_time" content="{published}">' if published else ""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page = PAGE.format(id=article_id, title=title, date=date, paragraphs=paragraphs)
    return page.encode("utf-8")


def devset_articles() -> list[tuple[str, str, str | None]]:
    """(id, text, date) of every devset excerpt."""
    dates: dict[str, str | None] = {}
    for gold in sorted(DEVSET.glob("gold-*.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            dates[row["id"]] = row.get("date")
    return [
        (p.stem, p.read_text(encoding="utf-8"), dates.get(p.stem))
        for p in sorted((DEVSET / "texts").glob("*.txt"))
    ]


def best(run: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    """The shortest time of ``rounds`` runs, and what the last returned."""
    fastest, result = float("inf"), None
    for _ in range(rounds):
        started = time.perf_counter()
        result = run()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest, result


def _own(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        for record in read_records(ByteStream(handle)):
            if record.fields.get("warc-type") == "response":
                _, fields = read_http_head(record.block)
                read_body(record.block, fields, 10_000_000)
                count += 1
    return count


def _warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                record.content_stream().read()
                count += 1
    return count


def _fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response):
            record.reader.read()
            count += 1
    return count


def bench_warc(path: Path, rounds: int) -> None:
    size = path.stat().st_size
    records = _record_count(path)
    print(f"\nWARC readers: {path.stat().st_size / 1e6:.1f} MB gzipped, {records} records")
    print(f"{'reader':<12} {'records/s':>10} {'MB/s':>7} {'vs warcio':>10}")
    times = {}
    for name, read in (("warcio", _warcio), ("fastwarc", _fastwarc), ("armstrack", _own)):
        times[name], _ = best(lambda read=read: read(path), rounds)
    for name, seconds in times.items():
        ratio = times["warcio"] / seconds
        print(f"{name:<12} {records / seconds:>10.0f} {size / seconds / 1e6:>7.1f} {ratio:>9.2f}x")


def _record_count(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in read_records(ByteStream(handle)))


def _texts(pages: list[tuple[str, bytes]], settings: IngestSettings) -> list[Article | None]:
    found: list[Article | None] = []
    for url, body in pages:
        try:
            found.append(article_from_html(body, url, fallback_id=url, url=url, settings=settings))
        except Exception:
            found.append(None)
    return found


def _bare_resiliparse(pages: list[tuple[str, bytes]]) -> list[str]:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    from armstrack.ingest.fast_html import TEXT_OPTIONS

    return [
        extract_plain_text(HTMLTree.parse(body.decode("utf-8", "replace")), **TEXT_OPTIONS)
        for _, body in pages
    ]


def agreement(reference: str, other: str) -> float:
    """The share of ``reference``'s words (with repeats) that ``other`` has too."""
    want = Counter(reference.lower().split())
    have = Counter(other.lower().split())
    total = sum(want.values())
    return sum((want & have).values()) / total if total else 1.0


def bench_html(pages: list[tuple[str, bytes]], rounds: int) -> None:
    slow = IngestSettings()
    fast = IngestSettings(html_reader="resiliparse")
    t_slow, reference = best(lambda: _texts(pages, slow), rounds)
    t_bare, _ = best(lambda: _bare_resiliparse(pages), rounds)
    t_fast, quick = best(lambda: _texts(pages, fast), rounds)
    pairs = [(a, b) for a, b in zip(reference, quick, strict=True) if a and b]
    recall = sum(agreement(a.text, b.text) for a, b in pairs) / len(pairs)
    precision = sum(agreement(b.text, a.text) for a, b in pairs) / len(pairs)
    meta = sum(
        (a.id, a.title, a.published, a.outlet) == (b.id, b.title, b.published, b.outlet)
        for a, b in pairs
    )
    n = len(pages)
    print(f"\nHTML readers: {n} real pages, {sum(len(b) for _, b in pages) / 1e6:.1f} MB")
    print(f"{'reader':<26} {'pages/s':>8} {'ms/page':>8} {'vs trafilatura':>15}")
    for name, seconds in (
        ("trafilatura (default)", t_slow),
        ("resiliparse text only", t_bare),
        ("resiliparse reader", t_fast),
    ):
        print(
            f"{name:<26} {n / seconds:>8.0f} {seconds / n * 1000:>8.2f} {t_slow / seconds:>14.1f}x"
        )
    print(
        f"pages with text: trafilatura {sum(a is not None for a in reference)}, "
        f"resiliparse {sum(b is not None for b in quick)}; on the {len(pairs)} both read:"
    )
    print(f"  trafilatura's words found by resiliparse  {recall:6.1%} (mean over pages)")
    print(f"  resiliparse's words found by trafilatura  {precision:6.1%}")
    print(f"  same id, title, date and outlet            {meta}/{len(pairs)}")
    check = prefilter_for(())
    t_pre, kept = best(lambda: [check.may_hold_transfer(b) for _, b in pages], rounds)
    named = sum(a is not None and check.names_weapon(a.text) for a in reference)
    print(
        f"pre-filter: {t_pre / n * 1000:.2f} ms/page on the markup ({t_slow / t_pre:.0f}x cheaper "
        f"than trafilatura), keeps {sum(kept)} of {n} pages; {named} name a weapon in the "
        "main text trafilatura finds"
    )


def _keys(transfers: tuple[Transfer, ...]) -> Counter[tuple[str, ...]]:
    """What a transfer says, apart from where in the text it says it."""
    return Counter(
        (
            t.supplier.id,
            t.recipient.id,
            t.category.value,
            t.status.value,
            *sorted(s.name for s in t.systems),
        )
        for t in transfers
    )


def bench_transfers() -> None:
    if not DEVSET.is_dir():
        print("\ntransfers: skipped, no ../shared/devset beside the project")
        return
    extractor = Extractor()
    articles = devset_articles()
    pages = [(f"https://daily.example/{i}", news_page(i, text, d)) for i, text, d in articles]
    plain: Counter[tuple[str, ...]] = Counter()
    for article_id, text, published in articles:
        when = date.fromisoformat(published[:10]) if published else None
        plain += _keys(extractor.run(Article(id=article_id, text=text, published=when)).transfers)
    print(f"\ntransfers on {len(pages)} devset excerpts wrapped as news pages")
    print(f"{'text from':<26} {'transfers':>9} {'same as plain':>14} {'missing':>8} {'extra':>6}")
    print(f"{'plain text (reference)':<26} {sum(plain.values()):>9}")
    for name, settings in (
        ("trafilatura", IngestSettings()),
        ("resiliparse", IngestSettings(html_reader="resiliparse")),
        ("trafilatura + pre-filter", IngestSettings(prefilter=True)),
        ("resiliparse + pre-filter", IngestSettings(prefilter=True, html_reader="resiliparse")),
    ):
        found: Counter[tuple[str, ...]] = Counter()
        for article in _texts(pages, settings):
            if article is not None:
                found += _keys(extractor.run(article).transfers)
        same = sum((found & plain).values())
        missing, extra = sum((plain - found).values()), sum((found - plain).values())
        print(f"{name:<26} {sum(found.values()):>9} {same:>14} {missing:>8} {extra:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5, help="copies of the pages in the WARC")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each; the best counts")
    args = parser.parse_args()
    if not PAGES.is_dir():
        sys.exit(f"no pages to read: {PAGES} is only beside the project")
    pages = web_pages()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.warc.gz"
        pack_warc(path, pages, args.repeat)
        bench_warc(path, args.rounds)
    bench_html(pages, args.rounds)
    bench_transfers()


if __name__ == "__main__":
    main()
