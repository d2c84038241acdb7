"""Connecting to the database and bringing its schema up to date.

SQLite by default (one file, WAL mode, foreign keys on); any SQLAlchemy URL works
for the engine, and the same Alembic migrations build the schema everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

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


def migrate(engine: Engine) -> None:
    """Apply every migration the database lacks (a no-op when it is current)."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
