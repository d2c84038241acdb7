"""Connecting to the database and bringing its schema up to date.

SQLite by default (one file, WAL mode, foreign keys on); any SQLAlchemy URL works
for the engine, and the same Alembic migrations build the schema everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text

MIGRATIONS = "armstrack.store:migrations"


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a URL or a plain file path."""
    text = str(target)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser()}"


def connect(target: str | Path) -> Engine:
    engine = create_engine(database_url(target))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    # WAL: readers never block the writer; a killed writer loses only its open batch.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    # The default 2 MB page cache turns a 1 GB store's index lookups into disk reads.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


# Any fixed numbers: the keys of PostgreSQL's advisory locks that serialise writers
# and migrations.
WRITER_LOCK = 0x61726D73
MIGRATION_LOCK = 0x61726D74


def migrate(engine: Engine) -> None:
    """Apply every migration the database lacks (a no-op when it is current).

    Two processes opening a new store at once must not both create its tables: each
    takes a lock first (SQLite's write lock, a PostgreSQL advisory lock), so the second
    finds the schema current once the first has committed.
    """
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        elif connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def lock_writers(conn: Connection) -> None:
    """Take the store's writer lock for the rest of the open transaction.

    Resolution reads what earlier batches wrote, so two ingesters must not write at once:
    PostgreSQL takes a transaction-scoped advisory lock; SQLite takes its write lock now
    (BEGIN IMMEDIATE) instead of at the first write, after reads that may be stale.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


# The tables that filtered queries read; their statistics steer the query planner.
QUERIED_TABLES = (
    "transfers", "mentions", "claims", "evidence", "status_events", "article_versions",
    "articles",
)  # fmt: skip


def refresh_statistics(engine: Engine) -> None:
    """Let the planner know the data: without statistics SQLite takes every index for
    selective and, filtering on "delivered" (most rows), sorts the whole table instead of
    walking the date index (measured: 24 -> 4 ms on a 100,000-article store)."""
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            for table in QUERIED_TABLES:
                conn.exec_driver_sql(f"ANALYZE {table}")
        elif conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"ANALYZE {', '.join(QUERIED_TABLES)}")
