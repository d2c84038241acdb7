"""Shared fixtures: the packaged catalogue and an extractor over it, built once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.postgres import Cluster

from armstrack.catalogue import Catalogue, default_catalogue
from armstrack.extract import Extractor

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return default_catalogue()


@pytest.fixture(scope="session")
def extractor(catalogue: Catalogue) -> Extractor:
    return Extractor(catalogue)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    """A PostgreSQL server for the whole session (started on first use)."""
    cluster = Cluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each backend, as a --db value."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    cluster: Cluster = request.getfixturevalue("postgres")
    return cluster.new_database()
