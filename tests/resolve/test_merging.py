"""Resolution keeps deals apart and says why reports were merged."""

from __future__ import annotations

from datetime import date

import pytest

from armstrack.records import Status
from armstrack.resolve.matching import MentionKey, TransferKey, choose_transfer, stated_times

FAMILY = frozenset({"Fateh-110"})
DELIVERED = int(Status.DELIVERED)


def _transfer(systems: set[str], day: date, stage: int = DELIVERED, **extra: object) -> TransferKey:
    return TransferKey(1, frozenset(systems), FAMILY, day, day, stage=stage, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "stage", "merged"),
    [
        (date(2024, 9, 10), DELIVERED, False),  # another delivery seven months later
        (date(2024, 3, 1), DELIVERED, True),  # reports of one event, days apart
        (date(2024, 6, 1), DELIVERED, False),
    ],
)
def test_choose_transfer_keeps_family_designations_apart_unless_close(
    day: date, stage: int, merged: bool
) -> None:
    transfer = _transfer({"Fateh-110", "Zolfaghar"}, date(2024, 2, 20))
    mention = MentionKey(frozenset({"Fateh-360"}), FAMILY, day, stage=stage)
    chosen, reason = choose_transfer(mention, [transfer])
    assert (chosen == 1) is merged
    assert reason.startswith("merged because one family" if merged else "new transfer")


def test_choose_transfer_merges_a_family_designation_that_advances_the_deal() -> None:
    talks = _transfer({"Fateh-110"}, date(2024, 1, 5), stage=int(Status.DISCUSSED))
    mention = MentionKey(frozenset({"Zolfaghar"}), FAMILY, date(2024, 4, 12), stage=DELIVERED)
    chosen, reason = choose_transfer(mention, [talks])
    assert chosen == 1
    assert "a stage further" in reason


def test_choose_transfer_separates_deliveries_whose_event_dates_disagree() -> None:
    first = MentionKey(
        frozenset(), frozenset(), date(2024, 2, 20), frozenset({"2024-02"}), stage=DELIVERED
    )
    transfer = _transfer(set(), date(2024, 2, 20), times=stated_times(first))
    later = MentionKey(
        frozenset(), frozenset(), date(2024, 9, 9), frozenset({"2024-09"}), stage=DELIVERED
    )
    chosen, reason = choose_transfer(later, [transfer])
    assert chosen is None
    assert "event dates disagree" in reason


def test_choose_transfer_separates_quantities_that_disagree_months_apart() -> None:
    transfer = _transfer(set(), date(2024, 2, 20), quantities=frozenset({("delivered", 200)}))
    mention = MentionKey(
        frozenset(),
        frozenset(),
        date(2024, 8, 1),
        quantities=frozenset({("delivered", 40)}),
        stage=DELIVERED,
    )
    chosen, reason = choose_transfer(mention, [transfer])
    assert chosen is None
    assert "quantities disagree" in reason


def test_choose_transfer_explains_a_merge_of_the_same_system() -> None:
    transfer = _transfer({"Fateh-110"}, date(2024, 2, 20))
    mention = MentionKey(frozenset({"Fateh-110"}), FAMILY, date(2024, 2, 23), stage=DELIVERED)
    assert choose_transfer(mention, [transfer]) == (
        1,
        "merged because the same system (Fateh-110), 3 days from its other reports",
    )
