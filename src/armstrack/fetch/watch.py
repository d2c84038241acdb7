"""A watch round: poll every watched source, fetch the pages not seen yet, hand each
one over as an article; and ``fetch_urls`` for URLs named once (``armstrack ingest URL``).

What a round remembers lives behind ``WatchState`` (the store implements it; ``MemoryState``
serves tests), so this module never touches the database. Failures are per URL: a source
or a page that fails is one line of the report and one ``remember(..., error=...)``, and
the round goes on.

When a source is asked for again with its validators (a conditional GET):

- a feed or sitemap's validators are remembered only once every page it lists has been
  dealt with; if a page failed to fetch or was left for the next round (``max_pages``),
  the source is fetched in full next time, or its 304 would hide those pages for good;
- a list of sources (OPML, sitemap index) is fetched in full every round: the state keeps
  no list of its children, and the feeds it lists change while it does not.

A page is marked seen once ingested, and also when it was fetched but holds no article
(no text, not HTML): such a page stays that way, and refetching it every round would
cost a request and an error line each time, forever. A page that could not be fetched,
or that ``ingest`` refused, is tried again in the next round.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Protocol

from armstrack.errors import InputError
from armstrack.fetch.client import Fetched, Fetcher, Validators
from armstrack.fetch.sources import Entry, SourceDocument, parse_source, source_kind
from armstrack.fetch.warcs import WarcArchive
from armstrack.ingest.html import HTML_MEDIA_TYPES, article_from_html
from armstrack.records import ArchiveRef, Article

# How deep lists of sources are followed: an OPML list's feeds (1), a sitemap index's
# sitemaps (1), an OPML list of sitemap indexes (2). Deeper nesting is reported, not read.
MAX_DEPTH = 2
MAX_PAGES = 200  # new pages fetched per source per round; the rest wait for the next one

Ingest = Callable[[Article, ArchiveRef | None], object]


class Outcome(StrEnum):
    """What became of one URL in a round, as ``WatchState.remember`` hears it."""

    FETCHED = "fetched"
    NOT_MODIFIED = "not_modified"
    FAILED = "failed"


class WatchState(Protocol):
    """What rounds remember: validators of sources, outcomes, and the pages seen."""

    def validators(self, url: str) -> Validators | None: ...

    def remember(
        self, url: str, validators: Validators | None, status: str, error: str | None
    ) -> None: ...

    def seen(self, url: str) -> bool: ...

    def mark_seen(self, url: str) -> None: ...


class MemoryState:
    """A WatchState in memory, for tests and one-off runs."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[Validators | None, str, str | None]] = {}
        self.pages: set[str] = set()

    def validators(self, url: str) -> Validators | None:
        return self.known[url][0] if url in self.known else None

    def remember(
        self, url: str, validators: Validators | None, status: str, error: str | None
    ) -> None:
        self.known[url] = (validators, status, error)

    def seen(self, url: str) -> bool:
        return url in self.pages

    def mark_seen(self, url: str) -> None:
        self.pages.add(url)


@dataclass(frozen=True, slots=True)
class RoundReport:
    sources: int = 0  # source documents asked for, those listed by other sources included
    not_modified: int = 0  # of which answered 304
    new_pages: int = 0  # pages not seen before that were fetched (or tried)
    ingested: int = 0  # of which handed to ``ingest`` without error
    deferred: int = 0  # new pages left for the next round by ``max_pages``
    errors: tuple[tuple[str, str], ...] = ()  # (url, message), in the order met


def run_round(
    sources: Iterable[str],
    fetcher: Fetcher,
    state: WatchState,
    ingest: Ingest,
    *,
    archive: WarcArchive | None = None,
    max_pages: int = MAX_PAGES,
) -> RoundReport:
    """Poll each of ``sources`` and ingest the new pages they list, archiving every
    document fetched if ``archive`` is given; ``ingest`` gets the article and its ref."""
    round_ = _Round(fetcher, state, ingest, archive, max_pages)
    for url in sources:
        round_.poll(url, 0)
    return round_.report()


def fetch_urls(
    urls: Iterable[str],
    fetcher: Fetcher,
    ingest: Ingest,
    *,
    archive: WarcArchive | None = None,
    state: WatchState | None = None,
    max_pages: int = MAX_PAGES,
) -> RoundReport:
    """Fetch each URL once: a page is ingested, a feed, sitemap or OPML list is read as a
    source and its pages ingested. Without ``state``, every page listed is fetched."""
    round_ = _Round(fetcher, state or MemoryState(), ingest, archive, max_pages)
    for url in urls:
        fetched = round_.get(url)
        if fetched is None:
            continue
        if source_kind(fetched.body) is None:
            round_.tally.new_pages += 1
            round_.page_fetched(url, fetched, None)
        else:
            round_.tally.sources += 1
            round_.source_fetched(url, fetched, 0)
    return round_.report()


def page_article(fetched: Fetched, entry: Entry | None = None) -> Article:
    """The article of a fetched page, completed by what its source said of it: the
    publisher of a syndicated item is its outlet, and its date fills in a page's own."""
    media_type = (fetched.content_type or "").partition(";")[0].strip().lower()
    if media_type and media_type not in HTML_MEDIA_TYPES:
        raise InputError(fetched.url, f"not an HTML page ({media_type}); skipped")
    article = article_from_html(
        fetched.body,
        source=fetched.url,
        fallback_id=fetched.url,
        url=fetched.url,
        charset=fetched.charset,
    )
    if entry is None:
        return article
    return replace(
        article,
        outlet=entry.publisher or article.outlet,
        published=article.published or entry.published,
        title=article.title or entry.title,
    )


@dataclass
class _Tally:
    sources: int = 0
    not_modified: int = 0
    new_pages: int = 0
    ingested: int = 0
    deferred: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


class _Round:
    """One round's work and counts; every URL is asked for at most once."""

    def __init__(
        self,
        fetcher: Fetcher,
        state: WatchState,
        ingest: Ingest,
        archive: WarcArchive | None,
        max_pages: int,
    ) -> None:
        self.fetcher = fetcher
        self.state = state
        self.ingest = ingest
        self.archive = archive
        self.max_pages = max_pages
        self.tally = _Tally()
        self.asked: set[str] = set()
        self.unfinished: set[str] = set()  # pages tried this round and to be tried again

    def report(self) -> RoundReport:
        tally = self.tally
        return RoundReport(
            tally.sources,
            tally.not_modified,
            tally.new_pages,
            tally.ingested,
            tally.deferred,
            tuple(tally.errors),
        )

    def get(self, url: str, validators: Validators | None = None) -> Fetched | None:
        """The response at ``url``; None, with the failure recorded, if there is none."""
        self.asked.add(url)
        try:
            return self.fetcher.fetch(url, validators)
        except InputError as error:
            self.fail(url, error)
            return None

    def poll(self, url: str, depth: int) -> None:
        """Ask for the source ``url`` (conditionally if it was seen before) and deal with it."""
        if url in self.asked:
            return  # listed twice, or a list listing itself
        self.tally.sources += 1
        known = self.state.validators(url)
        fetched = self.get(url, known)
        if fetched is None:
            return
        if fetched.not_modified:
            self.tally.not_modified += 1
            self.state.remember(url, fetched.validators or known, Outcome.NOT_MODIFIED, None)
            return
        self.source_fetched(url, fetched, depth)

    def source_fetched(self, url: str, fetched: Fetched, depth: int) -> None:
        self.archived(fetched)  # a source is archived too, though not ingested
        try:
            document = parse_source(fetched.url, fetched.body, fetched.content_type)
        except InputError as error:
            self.fail(url, error)
            return
        if document.damage:
            self.tally.errors.append((url, document.damage))
        for child in self.children(url, document, depth):
            self.poll(child, depth + 1)
        complete = self.pages(document) and not document.children and not document.damage
        validators = fetched.validators if complete else None
        self.state.remember(url, validators, Outcome.FETCHED, document.damage)

    def children(self, url: str, document: SourceDocument, depth: int) -> tuple[str, ...]:
        if document.children and depth >= MAX_DEPTH:
            count = len(document.children)
            message = f"{count} sources listed {depth + 1} levels deep, over {MAX_DEPTH}; skipped"
            self.tally.errors.append((url, message))
            return ()
        return document.children

    def pages(self, document: SourceDocument) -> bool:
        """Fetch and ingest the new pages of ``document``, newest first; True if every
        one was dealt with (ingested, or marked seen as holding no article)."""
        new: dict[str, Entry] = {}
        # A stable sort: undated entries keep their order, after the dated ones.
        for entry in sorted(document.entries, key=_newest_first):
            if entry.url not in new and entry.url not in self.asked:
                if not self.state.seen(entry.url):
                    new[entry.url] = entry
        taken = list(new.values())[: self.max_pages]
        self.tally.deferred += len(new) - len(taken)
        done = [self.page(entry) for entry in taken]
        # A page this source shares with one read earlier in the round counts as well.
        failed_before = any(entry.url in self.unfinished for entry in document.entries)
        return all(done) and len(taken) == len(new) and not failed_before

    def page(self, entry: Entry) -> bool:
        fetched = self.get(entry.url)
        self.tally.new_pages += 1
        done = fetched is not None and self.page_fetched(entry.url, fetched, entry)
        if not done:
            self.unfinished.add(entry.url)
        return done

    def page_fetched(self, url: str, fetched: Fetched, entry: Entry | None) -> bool:
        """Ingest a fetched page; True if it is dealt with for good."""
        ref = self.archived(fetched)
        try:
            article = replace(page_article(fetched, entry), archived=ref)
        except InputError as error:  # no article in it, and there will not be one
            self.fail(url, error)
            self.seen(url, fetched)
            return True
        try:
            self.ingest(article, ref)
        except InputError as error:
            self.fail(url, error)
            return False
        self.tally.ingested += 1
        self.state.remember(url, None, Outcome.FETCHED, None)
        self.seen(url, fetched)
        return True

    def seen(self, url: str, fetched: Fetched) -> None:
        self.state.mark_seen(url)
        if fetched.url != url:  # redirected: the page is known by both names
            self.state.mark_seen(fetched.url)

    def archived(self, fetched: Fetched) -> ArchiveRef | None:
        return self.archive.write(fetched) if self.archive is not None else None

    def fail(self, url: str, error: InputError) -> None:
        self.tally.errors.append((url, error.message))
        self.state.remember(url, None, Outcome.FAILED, error.message)


def _newest_first(entry: Entry) -> int:
    return -(entry.published or date.min).toordinal()
