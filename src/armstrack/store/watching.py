"""What `armstrack watch` remembers in the store between rounds: each source's validators
for a conditional GET and how its last poll went, and every page already fetched.

A restart reads this back, so nothing unchanged is fetched again and no page twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select, update

from armstrack.fetch.client import Validators
from armstrack.fetch.watch import Outcome
from armstrack.store.schema import fetched_pages, watched_sources


class StoreWatchState:
    """The watch state of one store (see ``armstrack.fetch.watch.WatchState``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def validators(self, url: str) -> Validators | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(watched_sources.c.etag, watched_sources.c.last_modified).where(
                    watched_sources.c.url == url
                )
            ).first()
        if row is None or not (row.etag or row.last_modified):
            return None
        return Validators(row.etag, row.last_modified)

    def remember(
        self, url: str, validators: Validators | None, status: str, error: str | None
    ) -> None:
        """Note how a poll of ``url`` went, with the validators to ask with next time
        (None: ask unconditionally; the round decides, see ``armstrack.fetch.watch``)."""
        failed = status == Outcome.FAILED
        values: dict[str, Any] = {
            "polled_at": _now(),
            "status": status,
            "error": error,
            "etag": validators.etag if validators else None,
            "last_modified": validators.last_modified if validators else None,
            "failures": watched_sources.c.failures + 1 if failed else 0,
        }
        with self.engine.begin() as conn:
            _upsert(conn, watched_sources, url, values, {"failures": int(failed)})

    def seen(self, url: str) -> bool:
        """Whether the page was fetched before (whatever came of it)."""
        with self.engine.connect() as conn:
            found = conn.execute(
                select(func.count()).where(fetched_pages.c.url == url)
            ).scalar_one()
        return bool(found)

    def mark_seen(self, url: str, outcome: str = "fetched") -> None:
        with self.engine.begin() as conn:
            _upsert(conn, fetched_pages, url, {"fetched_at": _now(), "outcome": outcome})

    def sources(self) -> list[tuple[str, str | None, str | None, int]]:
        """Every source polled so far: URL, last status, last error, failures in a row."""
        with self.engine.connect() as conn:
            return [
                (r.url, r.status, r.error, r.failures)
                for r in conn.execute(select(watched_sources).order_by(watched_sources.c.url))
            ]


def _upsert(
    conn: Connection,
    table: Table,
    url: str,
    values: dict[str, Any],
    first: dict[str, Any] | None = None,
) -> None:
    """Update the row of ``url``, or insert it (``first`` overrides values that only make
    sense as changes, such as a counter incremented in SQL). Portable across SQLite and
    PostgreSQL; the watch is the only writer of these tables."""
    done = conn.execute(update(table).where(table.c.url == url).values(values))
    if done.rowcount == 0:
        conn.execute(insert(table).values({**values, **(first or {}), "url": url}))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
