"""The ``armstrack`` command: argument parsing and printing, nothing else.

Exit codes: 0 when every input was used, 1 when anything was skipped, 2 for
usage errors (bad options, an unreadable catalogue or gold file).
"""

from __future__ import annotations

import json
import os
import re
import socket
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from datetime import datetime
from enum import StrEnum
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from armstrack.catalogue import load_catalogue
from armstrack.errors import (
    ArmstrackError,
    CatalogueError,
    DamagedInputError,
    InputError,
    MergeRefused,
    NoWeaponNamed,
)
from armstrack.evaluate import (
    ClaimScores,
    ClusterScores,
    evaluate_clusters,
    load_claims,
    load_gold,
    predict,
    score,
    score_claims,
)
from armstrack.extract import Extractor, Settings
from armstrack.fetch.client import FetchSettings
from armstrack.fetch.stored import default_archive, fetch_into, watch_round
from armstrack.ingest import IngestSettings, read_articles
from armstrack.ingest.files import input_files
from armstrack.records import Article, Category, Extraction, ResolvedTransfer, Status, Transfer
from armstrack.serialise import extraction_dict
from armstrack.store import IngestSummary, Store, TransferFilter, export, open_store
from armstrack.store.database import database_url
from armstrack.web.settings import MAX_BODY, WebSettings

T = TypeVar("T")

app = typer.Typer(
    help=(
        "Turn news reports into a sourced database of international arms transfers.\n\n"
        "Example: armstrack extract examples/articles --format table"
    ),
    no_args_is_help=True,
    add_completion=False,
    # Plain help: Rich's help adds a column of Python types ("<list[Path]>") that says
    # nothing to a user; the metavars and help texts say it in words.
    rich_markup_mode=None,
)


def _help_in_words() -> None:
    """Typer 0.29 writes Python types into help ("<list[Path]>", "<int range>"), which
    say nothing to a user: options show a placeholder word (TEXT, N, PATH, FILE) or
    their choices instead, and arguments only their names."""
    from typer.core import TyperArgument, TyperOption

    if not hasattr(TyperOption, "display_type"):
        return  # another Typer: its own help stands
    typed = TyperOption.display_type
    words = {"str": "TEXT", "int": "N", "float": "NUMBER", "path": "PATH", "file": "FILE"}

    def display_type(self: TyperOption, ctx: typer.Context) -> str:
        shown = typed(self, ctx).strip("<>").removesuffix(" range")
        shown = shown.removeprefix("list[").removesuffix("]")
        return shown if "|" in shown else words.get(shown.lower(), shown.upper())

    TyperOption.display_type = display_type  # type: ignore[method-assign,assignment]
    if hasattr(TyperOption, "_get_number_range_help_str"):
        # "at least 1", "1 to 64", not "x>=1" and "1<=x<=64".
        TyperOption._get_number_range_help_str = _range_in_words  # type: ignore[method-assign,assignment]
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    if hasattr(TyperArgument, "_usage_display_name"):
        # "PATH..." for a required list, "[FILE]..." for an optional one; not "{PATH}...".
        TyperArgument._usage_display_name = lambda self: (  # type: ignore[method-assign]
            (self.display_name_raw if self.required else f"[{self.display_name_raw}]")
            + ("..." if self.nargs != 1 else "")
        )


def _range_in_words(option: Any) -> str | None:
    """The bounds of a number option in words (None: unbounded)."""

    def number(value: object) -> str:
        return f"{value:g}" if isinstance(value, float) else str(value)

    low, high = getattr(option, "min", None), getattr(option, "max", None)
    if low is None and high is None:
        return None
    if low is None:
        return f"at most {number(high)}"
    if high is None:
        return f"at least {number(low)}"
    return f"{number(low)} to {number(high)}"


_help_in_words()

# markup=False: paths, ids and messages are printed as they are, "[draft].txt" included.
# Piped output gets a wide table rather than Rich's 80-column default.
out = Console(
    highlight=False, soft_wrap=True, markup=False, width=None if sys.stdout.isatty() else 150
)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


def _complain(label: str, message: object) -> None:
    if label == "skipped" and isinstance(message, DamagedInputError):
        label = "warning"  # its readable articles were used; the rest may be lost
    err.print(Text.assemble((label, "red"), " ", str(message)))


def _require(paths: list[Path]) -> None:
    """A path named on the command line that is not there is a usage error (a typo);
    what a folder walk meets is reported and skipped by the readers instead."""
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        _complain("error:", f"no such file or directory: {', '.join(missing)}")
        raise typer.Exit(2)


INPUT_HELP = (
    "Text files (.txt, .md; a first line ' date YYYY-MM-DD' gives"
    " the publication date), JSON lines (.jsonl), web pages (.html), RSS/At"
    "om feeds (.xml, .rss, .atom), web archives (.warc, .warc.gz), or folders of them;"
    " or http(s) addresses of pages, feeds, sitemaps and OPML lists, fetched and archived."
)


class HtmlReaderChoice(StrEnum):
    trafilatura = "trafilatura"
    resiliparse = "resiliparse"


PrefilterOption = Annotated[
    bool,
    typer.Option(
        "--prefilter/--no-prefilter",
        help="Skip web pages (HTML files, WARC records) that name no weapon before their "
        "text is extracted: much faster on a crawl; such pages are counted, not stored.",
    ),
]
HtmlReaderOption = Annotated[
    HtmlReaderChoice,
    typer.Option(
        "--html-reader",
        help="Main-text extraction of web pages: trafilatura (careful) or resiliparse "
        "(several times faster; pip install 'armstrack[fast]').",
    ),
]
ArchiveOption = Annotated[
    Path | None,
    typer.Option(
        "--archive",
        metavar="DIR",
        help="Folder of WARC files where every fetched page and feed is kept as it was "
        "received (default: beside the SQLite file, news.db -> news-archive/).",
    ),
]
DelayOption = Annotated[
    float,
    typer.Option(
        min=0.0,
        metavar="SECONDS",
        help="Pause between two requests to the same site (robots.txt may ask for more).",
    ),
]


def _version(value: bool) -> None:
    if value:
        out.print(f"armstrack {version('armstrack')}")
        raise typer.Exit()


@app.callback()
def main(
    _show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn news reports into a sourced database of international arms transfers.

    Example: armstrack extract examples/articles --format table
    """


CatalogueOption = Annotated[
    list[Path] | None,
    typer.Option("--catalogue", "-c", help="Extra catalogue TOML file (repeatable)."),
]


def _ingest_settings(
    max_bytes: int, prefilter: bool, catalogue: list[Path] | None, reader: HtmlReaderChoice
) -> IngestSettings:
    try:
        return IngestSettings(
            max_bytes=max_bytes,
            prefilter=prefilter,
            catalogue_files=tuple(map(str, catalogue or ())),
            html_reader=reader.value,
        )
    except ModuleNotFoundError as error:
        _complain("error:", error)
        raise typer.Exit(2) from error


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _extractor(catalogue: list[Path] | None) -> Extractor:
    settings = Settings(catalogue_files=tuple(str(p) for p in catalogue or ()))
    try:
        return Extractor.from_settings(settings)
    except CatalogueError as error:
        _complain("error:", f"catalogue: {error}")
        raise typer.Exit(2) from error


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help=INPUT_HELP)],
    format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="A table to read, JSON, or JSON lines (one article a line)."
        ),
    ] = OutputFormat.table,
    catalogue: CatalogueOption = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest article accepted, in bytes.")
    ] = 2_000_000,
    prefilter: PrefilterOption = False,
    html_reader: HtmlReaderOption = HtmlReaderChoice.trafilatura,
) -> None:
    """Extract reported arms transfers from articles and print them.

    Example: armstrack extract examples/articles --format jsonl
    """
    _require(paths)
    settings = _ingest_settings(max_bytes, prefilter, catalogue, html_reader)
    extractor = _extractor(catalogue)
    skipped: Counter[str] = Counter()
    results: list[Extraction] = []
    prefiltered = 0
    for item in read_articles(paths, settings):
        if isinstance(item, NoWeaponNamed):
            prefiltered += item.pages
            continue
        if isinstance(item, InputError):
            _complain("skipped", item)
            skipped[item.reason] += 1
            continue
        try:
            extraction = extractor.run(item)
        except Exception as exc:
            _complain(
                "skipped",
                f"{item.source or item.id}: extraction failed ({exc!r}); please report it",
            )
            skipped["extraction failed"] += 1
            continue
        for limit in extraction.limits:
            err.print(f"note {item.source or item.id}: {limit}")
        if format is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(extraction_dict(extraction), ensure_ascii=False) + "\n")
        else:
            results.append(extraction)
    if format is OutputFormat.json:
        sys.stdout.write(
            json.dumps([extraction_dict(e) for e in results], ensure_ascii=False, indent=2) + "\n"
        )
    elif format is OutputFormat.table:
        out.print(_table(results), soft_wrap=False)
    _summary(len(results) if format is not OutputFormat.jsonl else None, skipped)
    if prefiltered:
        err.print(_prefiltered(prefiltered))
    if skipped:
        raise typer.Exit(1)


def _prefiltered(pages: int) -> str:
    return f"{pages} page{'' if pages == 1 else 's'} skipped by the pre-filter (no weapon named)"


def _table(results: list[Extraction]) -> Table:
    table = Table(
        title="Reported arms transfers",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
    )
    table.add_column("article", max_width=18, overflow="ellipsis", no_wrap=True)
    table.add_column("from → to", no_wrap=True)
    for column in ("category", "status", "qty"):
        table.add_column(column, no_wrap=True)
    table.add_column("systems", ratio=1, min_width=12)
    table.add_column("when", no_wrap=True)
    table.add_column("denied by")
    for extraction in results:
        for t in extraction.transfers:
            table.add_row(
                extraction.article.id,
                f"{t.supplier.id} → {t.recipient.id}",
                t.category.value,
                t.status.label,
                _quantity(t),
                ", ".join(s.name for s in t.systems),
                t.times[0].value if t.times else "",
                " ".join(a.id for a in t.denied_by),
            )
    return table


def _quantity(transfer: Transfer) -> str:
    quantity = transfer.quantity
    if quantity is None or quantity.value is None:
        return ""
    return f"~{quantity.value}" if quantity.approximate else str(quantity.value)


def _summary(count: int | None, skipped: Counter[str]) -> None:
    done = f"{count} article{'' if count == 1 else 's'} read" if count is not None else "done"
    if skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in skipped.most_common())
        err.print(f"{done}; {sum(skipped.values())} skipped ({reasons})")
    elif count is not None:
        err.print(done)


@app.command(name="eval")
def eval_command(
    gold: Annotated[
        Path, typer.Argument(metavar="GOLD", help="Gold JSON-lines file (see GOLD.md).")
    ],
    texts: Annotated[
        Path,
        typer.Argument(
            exists=True,
            file_okay=False,
            metavar="TEXTS_DIR",
            help="Folder with <id>.txt files or JSON-lines articles.",
        ),
    ],
    show: Annotated[bool, typer.Option("--show", help="List misses per article.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    catalogue: CatalogueOption = None,
    clusters: Annotated[
        bool,
        typer.Option(
            "--clusters",
            help="GOLD is a cluster set: score independent origins, copies and merging.",
        ),
    ] = False,
    claims: Annotated[
        Path | None,
        typer.Option(
            "--claims",
            metavar="FILE",
            help="Claims gold (who said what, see CLAIMS.md): score speakers and stances too.",
        ),
    ] = None,
) -> None:
    """Score the extractor against gold annotations, or origins and merging on clusters.

    Example: armstrack eval tests/gold/gold.jsonl tests/gold/articles --show

    Example: armstrack eval --clusters tests/fixtures/clusters/clusters.jsonl tests/fixtures/clusters/texts
    """
    extractor = _extractor(catalogue)
    if clusters:
        _eval_clusters(gold, texts, extractor, show, as_json)
        return
    lines = _scored(lambda: load_gold(gold))
    claim_lines = _scored(lambda: load_claims(claims)) if claims else None
    predicted = predict(lines, texts, extractor)
    scores = score(lines, predicted)
    claim_scores = score_claims(claim_lines, predicted) if claim_lines is not None else None
    if as_json:
        summary = scores.as_dict()
        if claim_scores is not None:
            summary["claims"] = claim_scores.as_dict()
        _write_json(summary, [asdict(m) for m in scores.misses] if show else None)
        return
    if show:
        for miss in scores.misses:
            out.print(f"{miss.id}: missed {miss.missed} spurious {miss.spurious}")
            for triple, want, got in miss.wrong_status:
                out.print(f"    status {triple}: gold {want}, got {got}")
            for triple, want_n, got_n in miss.wrong_quantity:
                out.print(f"    quantity {triple}: gold {want_n}, got {got_n}")
    summary = scores.as_dict()
    out.print(f"articles {scores.articles}")
    for name in ("triples", "systems", "denials"):
        row = summary[name]
        out.print(
            f"{name:<9} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
            f"  (tp {row['tp']}, fp {row['fp']}, fn {row['fn']})"
        )
    out.print(f"status accuracy   {scores.status_ok}/{scores.status_n}")
    out.print(f"quantity accuracy {scores.quantity_ok}/{scores.quantity_n}")
    if claim_scores is not None:
        _print_claims(claim_scores, show)


def _print_claims(scores: ClaimScores, show: bool) -> None:
    if show:
        for article_id, missed, spurious in scores.misses:
            out.print(f"{article_id}: claims missed {missed} spurious {spurious}")
    rows = [("claims", scores.end_to_end), ("on found", scores.on_found)]
    rows += [(f"  {stance}", counts) for stance, counts in scores.stances.items()]
    for name, counts in rows:
        p, r, f = counts.prf()
        out.print(
            f"{name:<22} P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
            f"  (tp {counts.tp}, fp {counts.fp}, fn {counts.fn})"
        )


def _scored(score: Callable[[], T]) -> T:
    """The scores, or a usage error naming the gold or texts that could not be read."""
    try:
        return score()
    except (ArmstrackError, OSError) as error:
        _complain("error:", error)
        raise typer.Exit(2) from error


def _write_json(summary: dict[str, Any], misses: list[Any] | None) -> None:
    if misses is not None:
        summary["misses"] = misses
    sys.stdout.write(json.dumps(summary, indent=2) + "\n")


def _eval_clusters(
    gold: Path, texts: Path, extractor: Extractor, show: bool, as_json: bool
) -> None:
    scores: ClusterScores = _scored(lambda: evaluate_clusters(gold, texts, extractor))
    if as_json:
        _write_json(scores.as_dict(), list(scores.misses) if show else None)
        return
    if show:
        for miss in scores.misses:
            out.print(f"  {miss}")
    for c in scores.clusters:
        out.print(
            f"cluster {c.cluster}: {c.articles} articles, transfer found in {c.found}, "
            f"origin right {c.right}; origins shown {c.shown}, true {c.true}; "
            f"transfers {sorted(c.transfers)}"
        )
    shown, true = sum(c.shown for c in scores.clusters), sum(c.true for c in scores.clusters)
    out.print(
        f"article origin right {sum(c.right for c in scores.clusters)}/{scores.found} "
        f"({scores.accuracy:.2f}); origins shown {shown} vs true {true} "
        f"({scores.overstatement:+.0%}); copies linked {scores.linked}/{scores.copies}; "
        f"clusters fused: {scores.fused or 'none'}"
    )


DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="ARMSTRACK_DB",
        metavar="FILE|URL",
        help="SQLite file or SQLAlchemy URL of the store.",
    ),
]


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def _open(db: str, catalogue: list[Path] | None = None, *, create: bool = False) -> Store:
    """Open the store; only ``ingest`` creates one: a read command given a file that is
    not there says so rather than answering from a new, empty store."""
    url = database_url(db)
    if not create and url.startswith("sqlite:///"):
        if not Path(url.removeprefix("sqlite:///")).is_file():
            _complain(
                "error:",
                f"no database at {db!r}; create one with: armstrack ingest PATH... --db {db}",
            )
            raise typer.Exit(2)
    try:
        store = open_store(db, _extractor(catalogue))
    except ModuleNotFoundError as error:
        _complain(
            "error:",
            f"cannot open the store {db!r}: {error}; for PostgreSQL install "
            "the driver with: pip install 'armstrack[postgresql]'",
        )
        raise typer.Exit(2) from error
    except (OperationalError, ArgumentError) as error:
        _complain("error:", f"cannot open the store {db!r}: {error}")
        raise typer.Exit(2) from error
    return store


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(metavar="PATH|URL", help=INPUT_HELP)],
    db: DbOption = "armstrack.db",
    catalogue: CatalogueOption = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest article accepted, in bytes.")
    ] = 2_000_000,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per transaction.")] = 100,
    engine: Annotated[
        Engine,
        typer.Option(help="local: this process extracts; dask: Dask workers extract."),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Address of a running Dask scheduler (default: a local cluster)."),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Workers of the local Dask cluster (one core each).")
    ] = 2,
    partition_size: Annotated[
        int,
        typer.Option(min=1, help="Records per Dask task when a JSONL or WARC file is split."),
    ] = 500,
    archive: ArchiveOption = None,
    delay: DelayOption = 1.0,
    prefilter: PrefilterOption = False,
    html_reader: HtmlReaderOption = HtmlReaderChoice.trafilatura,
) -> None:
    """Store articles and their transfers in the database, resolving reports across articles.

    Example: armstrack ingest examples/articles examples/articles.jsonl --db armstrack.db

    Example: armstrack ingest https://example.org/news/feed.xml
    """
    settings = _ingest_settings(max_bytes, prefilter, catalogue, html_reader)
    summary: IngestSummary
    urls = [i for i in inputs if _is_url(i)]
    paths = [Path(i) for i in inputs if not _is_url(i)]
    _require(paths)
    if urls:
        _ingest_urls(urls, db, catalogue, archive, delay)
        if not paths:
            return
    with _open(db, catalogue, create=True) as store:
        # The input's size is known up front (a walk of stat calls): a bar with a
        # percentage and an ETA follows the bytes of the files read so far.
        total = sum(f.stat().st_size for f in input_files(paths) if isinstance(f, Path)) or None
        with _progress_bar(total is not None and engine is Engine.local) as bar:
            task = bar.add_task("ingest", total=total, articles=0, skipped=0, rate=0.0)
            started = time.monotonic()

            def progress(seen: int, skipped: int) -> None:
                elapsed = max(time.monotonic() - started, 1e-6)
                bar.update(task, articles=seen, skipped=skipped, rate=seen / elapsed)
                if total is None:
                    bar.update(task, completed=seen)

            if engine is Engine.dask:
                try:
                    from armstrack.scale import ingest_dask
                except ModuleNotFoundError as error:
                    _complain("error:", f"{error}; install it with: pip install 'armstrack[dask]'")
                    raise typer.Exit(2) from error

                summary = ingest_dask(
                    store,
                    paths,
                    scheduler=scheduler,
                    workers=workers,
                    batch_size=batch_size,
                    partition_size=partition_size,
                    settings=settings,
                    catalogue_files=catalogue or (),
                    progress=progress,
                )
                for problem in summary.errors:
                    if not isinstance(problem, NoWeaponNamed):
                        _complain("skipped", problem)
                for partition, why in summary.failed:
                    _complain("failed", f"{partition}: {why}")
            else:
                items = _reported(
                    read_articles(paths, settings, lambda f: bar.advance(task, f.stat().st_size))
                )
                summary = store.ingest(items, batch_size=batch_size, progress=progress)
        added = ", ".join(f"{n} {what}" for what, n in sorted(summary.added.items())) or "nothing"
        prefiltered = sum(e.pages for e in summary.errors if isinstance(e, NoWeaponNamed))
        faults = summary.skipped.copy()
        del faults[NoWeaponNamed.reason]
        skipped = sum(faults.values())
        reasons = ", ".join(f"{n} {reason}" for reason, n in faults.most_common())
        err.print(
            f"{sum(summary.added.values()) + skipped} articles: {added}"
            + (f"; {skipped} skipped ({reasons})" if skipped else "")
            + (f"; {_prefiltered(prefiltered)}" if prefiltered else "")
        )
        failed = getattr(summary, "failed", [])
        if failed:
            err.print(
                f"{len(failed)} partition(s) failed and were left out; "
                "run the same command again to retry them"
            )
        if skipped or failed:
            raise typer.Exit(1)


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _ingest_urls(
    urls: list[str], db: str, catalogue: list[Path] | None, archive: Path | None, delay: float
) -> None:
    """Fetch the URLs into the store and say what came of it; exit 1 if one failed."""
    settings = FetchSettings(delay=delay)
    with _open(db, catalogue, create=True) as store:
        done = fetch_into(store, urls, settings, archive or default_archive(db))
    for url, problem in done.report.errors:
        _complain("skipped", f"{url}: {problem}")
    err.print(done.line())
    if done.report.errors:
        raise typer.Exit(1)


@app.command()
def watch(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="SOURCE",
            help="Addresses of RSS/Atom feeds, sitemaps (news sitemaps too) and OPML lists.",
            show_default=False,
        ),
    ] = None,
    sources_file: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            metavar="FILE",
            help="A text file of source addresses, one per line ('#' starts a comment).",
        ),
    ] = None,
    every: Annotated[
        str,
        typer.Option(metavar="DURATION", help="Time between rounds: 90s, 15m, 2h."),
    ] = "15m",
    once: Annotated[
        bool, typer.Option("--once", help="One round, then exit (for cron or a timer).")
    ] = False,
    db: DbOption = "armstrack.db",
    catalogue: CatalogueOption = None,
    archive: ArchiveOption = None,
    delay: DelayOption = 1.0,
    max_pages: Annotated[
        int,
        typer.Option(min=1, help="New pages fetched per source per round; the rest wait."),
    ] = 200,
) -> None:
    """Follow feeds, sitemaps and OPML lists: each round fetches the pages not seen yet,
    archives them, and stores their transfers. What was seen is kept in the store, so a
    restart fetches nothing again. Prints one line per round; Ctrl-C stops.

    Example: armstrack watch https://example.org/feed.xml --every 15m

    Example: armstrack watch --sources feeds.txt --once
    """
    wanted = list(sources or []) + (_source_lines(sources_file) if sources_file else [])
    if not wanted:
        _complain("error:", "name at least one source, or a file of them with --sources")
        raise typer.Exit(2)
    if bad := [s for s in wanted if not _is_url(s)]:
        _complain("error:", f"not an http(s) address: {', '.join(bad)}")
        raise typer.Exit(2)
    pause = _duration(every)
    settings = FetchSettings(delay=delay)
    folder = archive or default_archive(db)
    with _open(db, catalogue, create=True) as store:
        try:
            while True:
                started = time.monotonic()
                failed = _watch_once(store, wanted, settings, folder, max_pages)
                if once:
                    if failed:
                        raise typer.Exit(1)
                    return
                time.sleep(max(0.0, pause - (time.monotonic() - started)))
        except KeyboardInterrupt:
            err.print("stopped")


def _watch_once(
    store: Store, sources: list[str], settings: FetchSettings, folder: Path, max_pages: int
) -> bool:
    """One round and its line; whether anything failed. A round that breaks as a whole
    (the database locked or gone, the disk full) is reported and the next one tried: a
    watcher left running must outlive a bad quarter of an hour."""
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    try:
        done = watch_round(store, sources, settings, folder, max_pages=max_pages)
    except (OSError, SQLAlchemyError, ArmstrackError) as error:
        _complain("error", f"{stamp} the round failed ({error}); the next one will try again")
        return True
    for url, problem in done.report.errors:
        _complain("error", f"{url}: {problem}")
    out.print(f"{stamp} {done.line()}", highlight=False)
    return bool(done.report.errors)


_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr)?\s*", re.IGNORECASE)


def _duration(text: str) -> float:
    """Seconds in "90s", "15m", "2h" (a bare number is minutes); a usage error otherwise."""
    found = _DURATION.fullmatch(text)
    if not found or float(found.group(1)) <= 0:
        _complain("error:", f"--every {text!r} is not a duration such as 90s, 15m or 2h")
        raise typer.Exit(2)
    unit = (found.group(2) or "m")[0].lower()
    return float(found.group(1)) * {"s": 1, "m": 60, "h": 3600}[unit]


def _source_lines(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        _complain("error:", f"cannot read the sources file {path}: {error}")
        raise typer.Exit(2) from error
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def _progress_bar(sized: bool) -> Progress:
    """A bar with percentage and time left when the input's size is known; a spinner
    with counts otherwise."""
    counts = (
        TextColumn("{task.fields[articles]} articles"),
        TextColumn("{task.fields[skipped]} skipped"),
        TextColumn("{task.fields[rate]:.0f}/s"),
    )
    if not sized:
        return Progress(SpinnerColumn(), *counts, TimeElapsedColumn(), console=err)
    return Progress(
        BarColumn(),
        TaskProgressColumn(),
        *counts,
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
    )


def _reported(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
    """Pass items on, printing each broken input as it is met."""
    for item in items:
        if isinstance(item, InputError) and not isinstance(item, NoWeaponNamed):
            _complain("skipped", item)
        yield item


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command(name="transfers")
def transfers_command(
    db: DbOption = "armstrack.db",
    supplier: Annotated[
        str | None, typer.Option(help="Supplier: code, slug or name in any case, e.g. IRN or Iran.")
    ] = None,
    recipient: Annotated[
        str | None, typer.Option(help="Recipient: code, slug or name, e.g. UKR or houthis.")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Either side: code, slug or name.")] = None,
    category: Annotated[str | None, typer.Option(help="Weapon category, e.g. missile.")] = None,
    system: Annotated[str | None, typer.Option(help="System or family name, e.g. Shahed.")] = None,
    status: Annotated[
        str | None, typer.Option(help="At least: discussed, agreed or delivered.")
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Reported on or after."),
    ] = None,
    until: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Reported on or before."),
    ] = None,
    min_origins: Annotated[
        int, typer.Option(min=0, help="At least this many independent origins.")
    ] = 0,
    limit: Annotated[
        int, typer.Option(min=1, max=100_000, help="Most transfers listed, newest first.")
    ] = 1000,
    format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="A table to read, or CSV or JSON.")
    ] = TableFormat.table,
) -> None:
    """List resolved transfers, filtered.

    Example: armstrack transfers --supplier IRN --status delivered --format csv
    """
    if status is not None and status.upper() not in Status.__members__:
        _complain("error:", f"--status must be discussed, agreed or delivered, not {status!r}")
        raise typer.Exit(2)
    if category is not None and category not in Category._value2member_map_:
        _complain("error:", f"--category must be one of {', '.join(c.value for c in Category)}")
        raise typer.Exit(2)
    with _open(db) as store:
        filters = TransferFilter(
            supplier=supplier,
            recipient=recipient,
            actor=actor,
            category=category,
            system=system,
            status=status,
            since=since.date() if since else None,
            until=until.date() if until else None,
            min_origins=min_origins,
            limit=limit,
        )
        found = store.transfers(filters)
        if format is TableFormat.csv:
            sys.stdout.write(export.to_csv(found))
        elif format is TableFormat.json:
            sys.stdout.write(export.to_json(found))
        else:
            out.print(_resolved_table(found), soft_wrap=False)
            err.print(f"{len(found)} transfer{'' if len(found) == 1 else 's'}")


def _resolved_table(found: list[ResolvedTransfer]) -> Table:
    table = Table(
        title="Resolved transfers", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    for column in ("id", "from → to", "category", "status", "qty"):
        table.add_column(column, no_wrap=True)
    table.add_column("systems", ratio=1, min_width=12)
    for column in ("first", "last", "reports", "outlets", "origins", "denied by"):
        table.add_column(column, no_wrap=True)
    for t in found:
        table.add_row(
            str(t.id),
            f"{t.supplier.id} → {t.recipient.id}",
            t.category.value,
            t.status.label,
            "" if t.quantity is None else str(t.quantity),
            ", ".join(t.systems),
            t.first_reported.isoformat() if t.first_reported else "",
            t.last_reported.isoformat() if t.last_reported else "",
            str(t.reports),
            str(t.outlets),
            str(t.origins),
            " ".join(t.denied_by),
        )
    return table


@app.command()
def show(
    transfer_id: Annotated[
        int, typer.Argument(metavar="ID", help="Transfer id from 'armstrack transfers'.")
    ],
    db: DbOption = "armstrack.db",
) -> None:
    """Show one transfer: its status timeline, its reports, claims and evidence sentences.

    Example: armstrack show 12
    """
    with _open(db) as store:
        survivor = store.merged_into(transfer_id)
        detail = store.transfer(survivor or transfer_id)
    if detail is None:
        _complain("error:", f"no transfer with id {transfer_id}")
        raise typer.Exit(2)
    if survivor is not None:
        out.print(f"transfer {transfer_id} was merged into transfer {survivor}:\n")
    t = detail.transfer
    out.print(
        f"#{t.id} {t.supplier.name} → {t.recipient.name}: {t.category.value}, {t.status.label}"
        + (f", {t.quantity} items" if t.quantity else "")
    )
    if t.systems:
        out.print(f"systems: {', '.join(t.systems)}")
    out.print(
        detail.origin_summary
        or f"{t.reports} reports from {t.outlets} outlets, {t.origins} independent origins"
    )
    if t.denied_by:
        out.print(f"denied by: {', '.join(t.denied_by)}")
    out.print("\ntimeline:")
    for event in detail.timeline:
        out.print(
            f"  {event.reported_on or 'undated'}  {event.status.label}  (report {event.mention_id})"
        )
    for report in detail.reports:
        source = report.outlet or report.url or f"article {report.article_id}"
        copy = f", copy of version {report.duplicate_of}" if report.duplicate_of else ""
        out.print(f"\n[{report.published or 'undated'}] {source} (origin {report.origin}{copy})")
        if report.title:
            out.print(f"  {report.title}")
        if report.origin_note:
            out.print(f"  origin: {report.origin_note}")
        if report.merge_reason:
            out.print(f"  {report.merge_reason}")
        for claim in report.claims:
            who = claim.speaker.text if claim.speaker else "the article"
            hedges = f" [{', '.join(claim.hedges)}]" if claim.hedges else ""
            out.print(f"  - {claim.stance.value} by {who}{hedges}: {claim.evidence.text}")


@app.command()
def merge(
    keep: Annotated[int, typer.Argument(metavar="KEEP", help="The transfer id to keep.")],
    others: Annotated[
        list[int],
        typer.Argument(metavar="ID", help="Transfer ids whose reports join KEEP."),
    ],
    note: Annotated[
        str, typer.Option("--note", help="Why they are one deal, kept with the merge.")
    ] = "",
    db: DbOption = "armstrack.db",
) -> None:
    """Merge transfers that are one deal: their reports join KEEP, whose record and change
    log are updated. The other ids still answer, in the CLI and on the web, by pointing
    at KEEP. Only transfers of one supplier, recipient and category can be merged.

    Example: armstrack merge 12 15 --note "same contract, signed and delivered"
    """
    with _open(db) as store:
        try:
            store.merge_transfers(keep, others, note)
        except MergeRefused as error:
            _complain("error:", error)
            raise typer.Exit(2) from error
        detail = store.transfer(keep)
    assert detail is not None
    t = detail.transfer
    out.print(
        f"merged {', '.join(f'#{i}' for i in others)} into #{keep}: "
        f"{t.supplier.name} → {t.recipient.name}, {t.category.value}, {t.status.label}; "
        f"{detail.origin_summary or f'{t.reports} reports'}"
    )


@app.command(name="search")
def search_command(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY",
            help='Words that must all occur; "a phrase" in quotes; OR between two terms.',
        ),
    ],
    db: DbOption = "armstrack.db",
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Most articles listed.")] = 20,
) -> None:
    """Full-text search over the stored articles.

    Example: armstrack search "Caspian Sea"
    """
    with _open(db) as store:
        hits = store.search(query, limit)
    if not hits:
        err.print(f"no article matches {query!r}")
        return
    for hit in hits:
        title = _one_line(hit.title or hit.url or "")
        out.print(f"article {hit.article_id}  {hit.published or 'undated'}  {title}")
        out.print(f"    {_one_line(hit.snippet)}")
    err.print(f"{len(hits)} article{'' if len(hits) == 1 else 's'}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


@app.command()
def stats(db: DbOption = "armstrack.db") -> None:
    """Counts of articles, reports and transfers in the store.

    Example: armstrack stats --db armstrack.db
    """
    with _open(db) as store:
        counts = store.stats()
    sys.stdout.write(json.dumps(counts, indent=2, default=str) + "\n")


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    graphml = "graphml"
    sipri = "sipri"


@app.command(name="export")
def export_command(
    db: DbOption = "armstrack.db",
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="csv, json, graphml, or sipri (a trade register)."),
    ] = ExportFormat.csv,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
) -> None:
    """Export every resolved transfer as CSV, JSON, GraphML or a SIPRI-style register.

    Example: armstrack export --format graphml -o transfers.graphml
    """
    with _open(db) as store:
        found = store.transfers(TransferFilter(limit=10_000_000))
        if format is ExportFormat.sipri:
            details = [d for d in (store.transfer(t.id) for t in found) if d is not None]
            content = export.to_sipri(details)
        else:
            content = {"csv": export.to_csv, "json": export.to_json, "graphml": export.to_graphml}[
                format.value
            ](found)
        if output is None:
            sys.stdout.write(content)
        else:
            output.write_text(content, encoding="utf-8")
            err.print(f"{len(found)} transfers written to {output}")


@app.command()
def serve(
    db: DbOption = "armstrack.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    ingest_token: Annotated[
        str | None,
        typer.Option(
            envvar="ARMSTRACK_INGEST_TOKEN",
            help="Turn on POST /api/ingest for clients sending this bearer token.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1, max=64, help="Server processes; more use more cores (each opens the store)."
        ),
    ] = 1,
    base_url: Annotated[
        str | None,
        typer.Option(
            envvar="ARMSTRACK_BASE_URL",
            metavar="URL",
            help="Public address that absolute links (the Atom feed's) start with, e.g. "
            "https://arms.example.org/armstrack; default: the address the server listens on.",
        ),
    ] = None,
    max_body: Annotated[
        int,
        typer.Option(
            envvar="ARMSTRACK_MAX_BODY",
            min=1,
            metavar="BYTES",
            help="Largest POST /api/ingest body; a bigger one is refused (413) before it is read.",
        ),
    ] = MAX_BODY,
    archive: ArchiveOption = None,
) -> None:
    """Serve the web UI and the REST API over a store (read-only unless given a token).

    Example: armstrack serve --db armstrack.db --port 8000 --workers 2
    """
    import uvicorn

    from armstrack.web import create_app
    from armstrack.web.app import ARCHIVE_ENV, BASE_URL_ENV, DB_ENV, MAX_BODY_ENV, TOKEN_ENV

    try:
        settings = WebSettings(
            ingest_token=ingest_token,
            base_url=base_url,
            max_body=max_body,
            archive=str(archive or default_archive(db)),
        )
    except ValueError as error:
        _complain("error:", error)
        raise typer.Exit(2) from error
    _check_port(host, port)
    with _open(db) as store:
        shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
        out.print(
            f"armstrack is serving {db} at http://{shown}:{port}/ (API docs at /docs; Ctrl-C stops)"
        )
        if workers == 1:
            uvicorn.run(
                create_app(store, settings=settings), host=host, port=port, log_level="warning"
            )
            return
    # Each worker process builds its own app from the environment; the store is migrated
    # above, once, so that the workers do not race to.
    os.environ[DB_ENV] = db
    os.environ[MAX_BODY_ENV] = str(max_body)
    os.environ[ARCHIVE_ENV] = settings.archive or ""
    if ingest_token:
        os.environ[TOKEN_ENV] = ingest_token
    if settings.base_url:
        os.environ[BASE_URL_ENV] = settings.base_url
    uvicorn.run(
        "armstrack.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


def _check_port(host: str, port: int) -> None:
    """Fail before the banner when the address cannot be listened on (a port in use):
    uvicorn would print its error only after armstrack said it was serving."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _name, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            # As uvicorn does: a port in TIME_WAIT after a restart is free to use.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        _complain(
            "error:",
            f"cannot listen on {host}:{port} ({error.strerror or error}); "
            "choose another with --port or --host",
        )
        raise typer.Exit(2) from error


@app.command(name="catalogue")
def catalogue_command(
    files: Annotated[
        list[Path] | None, typer.Argument(metavar="FILE", help="Extension files to check.")
    ] = None,
) -> None:
    """Check the catalogue (and your extension files) and print what it holds.

    Example: armstrack catalogue my-systems.toml
    """
    try:
        loaded = load_catalogue(files or ())
    except CatalogueError as error:
        _complain("error:", f"{error.source}:")
        for problem in error.problems:
            err.print(f"  {problem}")
        raise typer.Exit(2) from error
    out.print(
        f"states {len(loaded.states)}, bodies {len(loaded.bodies)}, groups {len(loaded.groups)}, "
        f"outlets {len(loaded.outlets)}, systems {len(loaded.systems)}, "
        f"class terms {sum(len(c.terms) for c in loaded.classes)}, places {len(loaded.places)}"
    )
    for source in loaded.sources:
        out.print(f"  {source}")


if __name__ == "__main__":
    app()
