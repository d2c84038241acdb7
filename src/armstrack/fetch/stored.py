"""Fetching into a store: `armstrack ingest URL...` and the rounds of `armstrack watch`.

Each page is stored as soon as it is fetched (one small transaction), so a round killed
half-way keeps what it fetched, and the watch state in the store lets the next round
resume without fetching it again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

from armstrack.fetch.client import Fetcher, FetchSettings
from armstrack.fetch.warcs import WarcArchive
from armstrack.fetch.watch import MAX_PAGES, RoundReport, fetch_urls, run_round
from armstrack.records import ArchiveRef, Article
from armstrack.store import IngestSummary, Store
from armstrack.store.database import database_url
from armstrack.store.watching import StoreWatchState

ARCHIVE_SUFFIX = "-archive"  # armstrack.db archives into armstrack-archive/ beside it


@dataclass
class StoredRound:
    """One round: what was fetched, and what storing it did."""

    report: RoundReport
    created: int = 0  # transfers new in the store
    changed: int = 0  # transfers whose record changed
    stored: IngestSummary = field(default_factory=IngestSummary)

    def line(self) -> str:
        """ "3 sources polled (2 not modified), 4 new pages, 4 ingested, 1 transfer added,
        2 changed, 0 errors" """
        r = self.report
        parts = [
            f"{_count(r.sources, 'source')} polled ({r.not_modified} not modified)",
            f"{_count(r.new_pages, 'new page')}",
            f"{r.ingested} ingested",
            f"{_count(self.created, 'transfer')} added",
            f"{self.changed} changed",
            _count(len(r.errors), "error"),
        ]
        if r.deferred:
            parts.insert(3, f"{r.deferred} left for the next round")
        return ", ".join(parts)


def default_archive(db: str) -> Path:
    """Where a store's fetched pages are archived unless told: beside a SQLite file
    (``news.db`` → ``news-archive/``), else ``armstrack-archive/`` here."""
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        return path.with_name(path.stem + ARCHIVE_SUFFIX)
    return Path("armstrack" + ARCHIVE_SUFFIX)


def watch_round(
    store: Store,
    sources: Iterable[str],
    settings: FetchSettings,
    archive: Path | None,
    *,
    max_pages: int = MAX_PAGES,
) -> StoredRound:
    """Poll the sources once and store the new pages they list."""
    state = StoreWatchState(store.engine)
    return _stored(
        store,
        archive,
        lambda fetcher, ingest, warcs: run_round(
            sources, fetcher, state, ingest, archive=warcs, max_pages=max_pages
        ),
        settings,
    )


def fetch_into(
    store: Store,
    urls: Iterable[str],
    settings: FetchSettings,
    archive: Path | None,
    *,
    max_pages: int = MAX_PAGES,
) -> StoredRound:
    """Fetch pages (and the pages of feeds, sitemaps and OPML lists) named by URL and store
    them; pages already fetched by a watch are fetched again (the store keeps versions)."""
    return _stored(
        store,
        archive,
        lambda fetcher, ingest, warcs: fetch_urls(
            urls, fetcher, ingest, archive=warcs, max_pages=max_pages
        ),
        settings,
    )


Run = Callable[
    [Fetcher, Callable[[Article, ArchiveRef | None], object], WarcArchive | None], RoundReport
]


def _stored(store: Store, archive: Path | None, run: Run, settings: FetchSettings) -> StoredRound:
    mark = store.change_mark()
    stored = IngestSummary()

    def ingest(article: Article, _ref: ArchiveRef | None) -> None:
        done = store.ingest([article], statistics=False)
        stored.added.update(done.added)
        stored.skipped.update(done.skipped)
        stored.errors += done.errors

    with Fetcher(settings) as fetcher:
        if archive is None:
            report = run(fetcher, ingest, None)
        else:
            with WarcArchive(archive) as warcs:
                report = run(fetcher, ingest, warcs)
    if stored.seen:
        store.refresh_statistics()
    created, changed = store.changes_since(mark)
    return StoredRound(report, created, changed, stored)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
