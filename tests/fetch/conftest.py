"""Fixtures of the fetch tests: a loopback server, a fake clock, fetchers that use both."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from tests.fetch.server import FakeClock, LocalServer

from armstrack.fetch import Fetcher, FetchSettings

# No waits between requests (the delay test sets its own), a short real timeout.
TEST_SETTINGS = FetchSettings(timeout=5.0, delay=0.0)

MakeFetcher = Callable[..., Fetcher]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    local.start()
    yield local
    local.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_fetcher(clock: FakeClock) -> Iterator[MakeFetcher]:
    """Fetchers timed by ``clock``, with TEST_SETTINGS changed as asked; all closed after."""
    made: list[Fetcher] = []

    def make(**changes: Any) -> Fetcher:
        fetcher = Fetcher(replace(TEST_SETTINGS, **changes), clock=clock, sleep=clock.sleep)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()
