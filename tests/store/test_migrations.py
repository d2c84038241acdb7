"""The migrations build exactly the schema the code declares (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from armstrack.store import open_store
from armstrack.store.schema import metadata

# Full-text search is made in plain SQL by the migrations, per backend, and not declared.
UNDECLARED = ("article_search", "article_versions_search")


def _real(differences: list[Any]) -> list[Any]:
    """The differences that are not noise: alembic cannot compare an index over a
    descending column (PostgreSQL's NULLS LAST) and reports it dropped and added again
    under the same name; a name dropped and added is compared by its columns instead."""
    found = [d for d in differences if not any(name in repr(d) for name in UNDECLARED)]
    dropped = {d[1].name: d[1] for d in found if d[0] == "remove_index"}
    added = {d[1].name: d[1] for d in found if d[0] == "add_index"}
    same = {
        name
        for name in dropped.keys() & added.keys()
        if [str(e) for e in dropped[name].expressions] == [str(e) for e in added[name].expressions]
        or [c.name for c in dropped[name].columns] == [c.name for c in added[name].columns]
    }
    return [d for d in found if not (d[0] in ("remove_index", "add_index") and d[1].name in same)]


def test_migrated_database_matches_the_declared_schema(database: str) -> None:
    store = open_store(database)
    try:
        with store.engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        store.close()
    assert _real(differences) == []
