"""Fixtures for the web layer: a real SQLite store of the bundled examples, and the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from armstrack.extract import Extractor
from armstrack.ingest import read_articles
from armstrack.store import Store, open_store
from armstrack.web import create_app

TOKEN = "test-token-7c1f"


def site_pages(transfer: str, supplier: str) -> list[str]:
    """Every kind of page, for the tests that visit them all; ``transfer`` and
    ``supplier`` are paths of one transfer and its supplier's actor page."""
    return [
        "/",
        "/?category=uav&sort=origins&order=asc",
        transfer,
        "/articles/1",
        supplier,
        "/systems",
        "/systems/Shahed-136",
        "/network",
        "/network?category=missile",
        "/timeline",
        "/timeline?by=status&grain=quarter",
        "/search?q=missiles",
    ]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def examples_store(
    tmp_path_factory: pytest.TempPathFactory,
    extractor: Extractor,
    root: Path,
    request: pytest.FixtureRequest,
) -> Iterator[Store]:
    """The bundled examples in a store of each backend: the web tests run on both."""
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("web") / "examples.db")
    else:
        target = request.getfixturevalue("postgres").new_database()
    yield from examples_in(target, extractor, root)


def examples_in(target: str, extractor: Extractor, root: Path) -> Iterator[Store]:
    """A store at ``target`` holding the bundled examples, closed after use."""
    store = open_store(target, extractor)
    store.ingest(
        read_articles([root / "examples" / "articles", root / "examples" / "articles.jsonl"])
    )
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(examples_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(examples_store), raise_server_exceptions=False) as test_client:
        yield test_client
