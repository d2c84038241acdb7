"""Fixtures for store tests: a fresh SQLite file per test, and article builders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from armstrack.extract import Extractor
from armstrack.records import Article
from armstrack.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path, extractor: Extractor) -> Store:
    opened = open_store(tmp_path / "test.db", extractor)
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
