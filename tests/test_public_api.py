"""The public API lists exactly what it exports, as httpx checks its own."""

from __future__ import annotations

import armstrack


def test_all_lists_every_public_name() -> None:
    public = {name for name in vars(armstrack) if not name.startswith("_")}
    modules = {"catalogue", "errors", "extract", "records", "ingest", "serialise", "evaluate", "cli"}
    assert set(armstrack.__all__) == public - modules


def test_all_names_resolve() -> None:
    for name in armstrack.__all__:
        assert getattr(armstrack, name) is not None
