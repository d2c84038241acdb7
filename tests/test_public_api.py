"""The public API lists exactly what it exports, as httpx checks its own."""

from __future__ import annotations

from types import ModuleType

import armstrack


def test_all_lists_every_public_name() -> None:
    public = {
        name
        for name, value in vars(armstrack).items()
        if not name.startswith("_") and not isinstance(value, ModuleType)
    }
    assert set(armstrack.__all__) == public | {"__version__"}


def test_all_names_resolve() -> None:
    for name in armstrack.__all__:
        assert getattr(armstrack, name) is not None
