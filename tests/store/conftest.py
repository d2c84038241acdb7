"""Fixtures for store tests: a fresh database per test on each backend, article builders."""

from __future__ import annotations

from datetime import date

import pytest

from armstrack.extract import Extractor
from armstrack.records import Article
from armstrack.store import Store, open_store


@pytest.fixture
def store(database: str, extractor: Extractor) -> Store:
    """A fresh store on SQLite and on PostgreSQL: every store test runs on both."""
    opened = open_store(database, extractor)
    yield opened  # type: ignore[misc]
    opened.close()


def article(
    text: str,
    *,
    url: str,
    outlet: str | None = None,
    published: str = "2024-02-21",
    title: str | None = None,
) -> Article:
    return Article(
        id=url,
        text=text,
        published=date.fromisoformat(published),
        url=url,
        title=title,
        outlet=outlet,
        source=url,
    )
