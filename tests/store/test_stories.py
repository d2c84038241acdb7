"""Resolution of the multi-article stories in tests/fixtures/stories against their spec.

The spec (``expected.json``, written with the fixtures) says which real-world
transfers an analyst sees in the 20 articles: statuses over time, report, outlet and
independent-origin counts, deniers and accepted quantities.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from armstrack.ingest import read_articles
from armstrack.records import ResolvedTransfer
from armstrack.store import Store

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
SPEC = json.loads((STORIES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, list[ResolvedTransfer]]:
    from armstrack.store import open_store

    store = open_store(tmp_path_factory.mktemp("stories") / "stories.db")
    summary = store.ingest(read_articles([STORIES / "all.jsonl"]))
    assert summary.added == {"new": SPEC["totals"]["articles"]}
    return store, store.transfers()


def _find(found: list[ResolvedTransfer], spec: dict[str, Any]) -> ResolvedTransfer:
    matches = [
        t
        for t in found
        if (t.supplier.id, t.recipient.id, t.category.value)
        == (spec["supplier"], spec["recipient"], spec["category"])
        and set(spec["systems"]) & set(t.systems)
    ]
    assert len(matches) == 1, f"{spec['key']}: {matches}"
    return matches[0]


def test_stories_resolve_into_the_expected_number_of_transfers(
    resolved: tuple[Store, list[ResolvedTransfer]],
) -> None:
    assert len(resolved[1]) == SPEC["totals"]["transfers"]


@pytest.mark.parametrize("spec", SPEC["transfers"], ids=lambda s: s["key"])
def test_story_transfer_matches_its_spec(
    resolved: tuple[Store, list[ResolvedTransfer]], spec: dict[str, Any]
) -> None:
    store, found = resolved
    transfer = _find(found, spec)
    assert transfer.status.label == spec["status"]
    assert (transfer.reports, transfer.outlets, transfer.origins) == (
        spec["reports"],
        spec["n_outlets"],
        spec["n_origins"],
    )
    assert set(transfer.denied_by) == set(spec["denied_by"])
    if spec["quantity_accepted"]:
        assert transfer.quantity in spec["quantity_accepted"]
    detail = store.transfer(transfer.id)
    assert detail is not None
    history = [(e.status.label, str(e.reported_on)) for e in detail.timeline]
    assert history == [(h["status"], h["date"]) for h in spec["status_history"]]
