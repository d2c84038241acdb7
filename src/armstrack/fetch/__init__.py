"""Fetch: pages and feeds from the web, politely, archived to WARC, and watch rounds.

``Fetcher`` fetches one URL at a time within bounds (``FetchSettings``), ``WarcArchive``
archives what was fetched, ``parse_source`` reads feeds, sitemaps and OPML lists, and
``run_round`` polls watched sources and hands each new page over as an ``Article``.
"""

from armstrack.fetch.client import Fetched, Fetcher, FetchSettings, Validators
from armstrack.fetch.sources import Entry, SourceDocument, SourceKind, parse_source
from armstrack.fetch.warcs import ArchivedPage, WarcArchive, read_archived
from armstrack.fetch.watch import (
    MemoryState,
    Outcome,
    RoundReport,
    WatchState,
    fetch_urls,
    page_article,
    run_round,
)
from armstrack.records import ArchiveRef

__all__ = [
    "ArchiveRef",
    "ArchivedPage",
    "Entry",
    "FetchSettings",
    "Fetched",
    "Fetcher",
    "MemoryState",
    "Outcome",
    "RoundReport",
    "SourceDocument",
    "SourceKind",
    "Validators",
    "WarcArchive",
    "WatchState",
    "fetch_urls",
    "page_article",
    "parse_source",
    "read_archived",
    "run_round",
]
