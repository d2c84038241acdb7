"""Shared fixtures: the packaged catalogue and an extractor over it, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

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
