"""The store: a database of articles, reports and resolved transfers.

    >>> store = open_store("armstrack.db")          # SQLite file, created and migrated
    >>> summary = store.ingest(read_articles(["examples/"]))
    >>> store.transfers(TransferFilter(supplier="IRN"))[0].recipient.id
    'RUS'

Only this package touches the database; every write goes through ``Writer``.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import DBAPIError

from armstrack.catalogue import Catalogue
from armstrack.errors import ExtractionFailed, InputError, StoreFailed
from armstrack.extract import Extractor
from armstrack.records import (
    Added,
    Article,
    Extraction,
    ResolvedTransfer,
    SearchHit,
    TransferChange,
    TransferDetail,
)
from armstrack.store import queries
from armstrack.store.database import connect, lock_writers, migrate, refresh_statistics
from armstrack.store.queries import TransferFilter
from armstrack.store.schema import skipped_inputs
from armstrack.store.writer import Writer, _now

__all__ = ["IngestSummary", "Store", "TransferFilter", "open_store"]

Progress = Callable[[int, int], None]  # (articles seen, skipped so far)
COUNT_CACHE = 256  # totals of distinct filter sets kept


@dataclass
class IngestSummary:
    """What one ingest run did, counted per outcome and per skip reason."""

    added: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return sum(self.added.values()) + sum(self.skipped.values())


class Store:
    """An open armstrack database."""

    def __init__(self, engine: Engine, extractor: Extractor) -> None:
        self.engine = engine
        self.extractor = extractor
        self.catalogue: Catalogue = extractor.catalogue
        self.writer = Writer(self.catalogue)
        self._counts: dict[tuple[Any, ...], int] = {}  # see transfer_page
        self._counts_lock = threading.Lock()

    def ingest(
        self,
        items: Iterable[Article | InputError],
        batch_size: int = 100,
        progress: Progress | None = None,
        *,
        statistics: bool = True,
    ) -> IngestSummary:
        """Store articles (skipping unchanged ones) and resolve their transfers.

        Each batch is one transaction: an interrupted run keeps every finished batch,
        and running it again skips them. ``statistics=False`` leaves the planner's
        statistics for the caller to refresh once after many small calls.
        """
        summary = IngestSummary()
        batch: list[Article | InputError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                self._ingest_batch(batch, summary, progress)
                batch = []
        if batch:
            self._ingest_batch(batch, summary, progress)
        if statistics:
            self.refresh_statistics()
        return summary

    def refresh_statistics(self) -> None:
        """Update the query planner's statistics (after an ingest)."""
        refresh_statistics(self.engine)

    def _ingest_batch(
        self, batch: list[Article | InputError], summary: IngestSummary, progress: Progress | None
    ) -> None:
        articles = [item for item in batch if not isinstance(item, InputError)]
        self._write_batch(batch, articles, summary)
        if progress:
            progress(summary.seen, sum(summary.skipped.values()))

    def _write_batch(
        self, batch: list[Article | InputError], articles: list[Article], summary: IngestSummary
    ) -> None:
        # Extract outside the write transaction: a concurrent ingester waits only for the
        # writing. Articles already stored unchanged are not extracted again.
        with self.engine.connect() as conn:
            statuses = self.writer.classify(conn, articles)
        results: list[tuple[Article, Extraction] | InputError] = list(
            item for item in batch if isinstance(item, InputError)
        )
        for article, status in zip(articles, statuses, strict=True):
            if status is Added.UNCHANGED:
                summary.added[status.value] += 1
            else:
                results.append(extract_safely(self.extractor, article))
        self.write(results, summary)

    def write(
        self, results: list[tuple[Article, Extraction] | InputError], summary: IngestSummary
    ) -> None:
        """Store a batch in one transaction. When the database refuses it, store its items
        one at a time: an article the database cannot hold is recorded as skipped and
        the rest are kept. Only a database that cannot even record that stops the run."""
        try:
            self._write(results, summary)
        except DBAPIError:
            if len(results) == 1 and isinstance(results[0], InputError):
                raise
            for result in results:
                try:
                    self._write([result], summary)
                except DBAPIError as exc:
                    if isinstance(result, InputError):
                        raise
                    article = result[0]
                    failure = StoreFailed(
                        article.source or article.id,
                        f"the database refused it ({_reason(exc)}); the rest of the batch "
                        "is stored",
                    )
                    self._write([failure], summary)

    def _write(
        self, results: list[tuple[Article, Extraction] | InputError], summary: IngestSummary
    ) -> None:
        """Store extracted articles and skipped inputs in one transaction, holding the
        store's writer lock so that concurrent ingesters never interleave. Skipped
        inputs are recorded with input errors first, then extraction failures; a skip
        already recorded (the same source, line and reason) is not recorded twice.
        ``summary`` changes only when the transaction commits."""
        pairs = [r for r in results if not isinstance(r, InputError)]
        errors = sorted(
            (r for r in results if isinstance(r, InputError)),
            key=lambda e: isinstance(e, ExtractionFailed),
        )
        done = IngestSummary()
        try:
            with self.engine.begin() as conn:
                lock_writers(conn)
                self.writer.sync(conn)
                recorded = _recorded_skips(conn, errors)
                for error in errors:
                    done.skipped[error.reason] += 1
                    done.errors.append(error)
                    if (error.source, error.line, error.reason) in recorded:
                        continue
                    recorded.add((error.source, error.line, error.reason))
                    conn.execute(
                        insert(skipped_inputs).values(
                            source=error.source,
                            line=error.line,
                            reason=error.reason,
                            message=error.message,
                            at=_now(),
                        )
                    )
                for added in self.writer.store_batch(conn, pairs):
                    done.added[added.value] += 1
                self.writer.remember(conn)
        except BaseException:
            self.writer.forget()  # the batch was rolled back; what the writer cached is void
            raise
        summary.added.update(done.added)
        summary.skipped.update(done.skipped)
        summary.errors += done.errors

    def transfers(self, filters: TransferFilter | None = None) -> list[ResolvedTransfer]:
        narrowed = queries.narrow(filters or TransferFilter(), self.catalogue)
        with self.engine.connect() as conn:
            return queries.list_transfers(conn, self.catalogue, narrowed)

    def transfer_page(self, filters: TransferFilter) -> tuple[list[ResolvedTransfer], int]:
        """One page of transfers and how many match in all.

        The total costs a scan of every matching row, so it is kept until the data
        changes: paging through the same filters, or many readers asking the same
        question, count once.
        """
        filters = queries.narrow(filters, self.catalogue)
        with self.engine.connect() as conn:
            items = queries.list_transfers(conn, self.catalogue, filters)
            key = (
                replace(filters, limit=0, offset=0, sort="", descending=True),
                queries.data_stamp(conn),
            )
            total = self._counts.get(key)
            if total is None:
                total = queries.count_transfers(conn, filters)
                with self._counts_lock:  # the web app's threads share the store
                    if len(self._counts) >= COUNT_CACHE:
                        self._counts.pop(next(iter(self._counts)))  # the oldest entry
                    self._counts[key] = total
        return items, total

    def transfer(self, transfer_id: int) -> TransferDetail | None:
        with self.engine.connect() as conn:
            return queries.transfer_detail(conn, self.catalogue, transfer_id)

    def change_mark(self) -> int:
        """Where the change log stands: ``changes_since`` counts what came after."""
        with self.engine.connect() as conn:
            return queries.change_mark(conn)

    def changes_since(self, mark: int) -> tuple[int, int]:
        """Transfers created and transfers changed since ``mark``."""
        with self.engine.connect() as conn:
            return queries.changes_since(conn, mark)

    def merged_into(self, transfer_id: int) -> int | None:
        """The transfer an analyst merged this one into, or None: where its links go."""
        with self.engine.connect() as conn:
            return queries.merged_into(conn, transfer_id)

    def merge_transfers(self, survivor: int, absorbed: Sequence[int], note: str = "") -> None:
        """Merge transfers an analyst knows to be one deal: the reports of ``absorbed``
        join ``survivor``, whose record is recomputed; the absorbed ids keep answering,
        as redirects. Raises ``MergeRefused`` for missing or already merged ids and for
        transfers of different suppliers, recipients or categories."""
        try:
            with self.engine.begin() as conn:
                lock_writers(conn)
                self.writer.sync(conn)
                self.writer.merge(conn, survivor, absorbed, note)
                self.writer.remember(conn)
        except BaseException:
            self.writer.forget()
            raise

    def transfer_history(self, transfer_id: int) -> list[TransferChange]:
        """Every change of one transfer's record, oldest first (empty for no such id)."""
        with self.engine.connect() as conn:
            return queries.transfer_history(conn, transfer_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        with self.engine.connect() as conn:
            return queries.search(conn, query, limit)

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            return queries.stats(conn)

    def to_pandas(self, filters: TransferFilter | None = None) -> Any:
        """The filtered transfers as a pandas DataFrame (``pip install 'armstrack[pandas]'``)."""
        try:
            import pandas as pd
        except ModuleNotFoundError as error:
            raise ModuleNotFoundError(
                "Store.to_pandas() needs pandas: pip install 'armstrack[pandas]'"
            ) from error

        narrowed = queries.narrow(filters or TransferFilter(), self.catalogue)
        return pd.read_sql(queries.transfer_query(narrowed), self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _recorded_skips(conn: Connection, errors: list[InputError]) -> set[tuple[str, int | None, str]]:
    """The skips of these sources already in the store: a re-run adds no twin rows."""
    sources = sorted({e.source for e in errors})
    if not sources:
        return set()
    rows = conn.execute(
        select(skipped_inputs.c.source, skipped_inputs.c.line, skipped_inputs.c.reason).where(
            skipped_inputs.c.source.in_(sources)
        )
    )
    return {(r.source, r.line, r.reason) for r in rows}


def _reason(exc: DBAPIError) -> str:
    """The driver's message, first line only (SQLAlchemy appends the statement)."""
    return str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__


def extract_safely(
    extractor: Extractor, article: Article
) -> tuple[Article, Extraction] | InputError:
    """The article with its extraction, or the failure to record: one article that
    breaks the extractor must not end a run."""
    try:
        return article, extractor.run(article)
    except Exception as exc:
        return ExtractionFailed(article.source or article.id, f"extraction failed ({exc!r})")


def open_store(target: str | Path = "armstrack.db", extractor: Extractor | None = None) -> Store:
    """Open (creating and migrating as needed) the database at a path or SQLAlchemy URL."""
    engine = connect(target)
    migrate(engine)
    return Store(engine, extractor or Extractor())
