"""A transfer's outlet count: articles with no known outlet count once, as one unknown outlet."""

from __future__ import annotations

from datetime import date

import pytest

from armstrack.records import Article
from armstrack.store import Store

TEXTS = [
    "Iran has shipped Shahed-136 drones to Russia, two European officials said on Monday. "
    "The drones crossed the Caspian Sea on cargo ships last month, the officials added.",
    "Russia received a new batch of Iranian Shahed-136 drones this week, according to a "
    "security source in the region, who said the aircraft were flown in from Tehran.",
    "Ukrainian intelligence said Iran had delivered Shahed-136 drones to Russia in "
    "November, and that more were expected before the end of the winter.",
]


def _article(number: int, outlet: str | None) -> Article:
    # No URL: the outlet is only what ``outlet`` says (a URL's domain would name one).
    return Article(
        id=f"unknown-{number}",
        text=TEXTS[number],
        published=date(2024, 2, 21 + number),
        outlet=outlet,
        source=f"test-{number}",
    )


@pytest.mark.parametrize(
    ("outlets", "expected"),
    [
        ((None, None, None), 1),  # three unknown: one unknown outlet
        (("Reuters", None, None), 2),  # Reuters and one unknown outlet
        (("Reuters", "Reuters", None), 2),
        (("Reuters", "Associated Press", "Al Jazeera"), 3),
    ],
)
def test_outlets_count_unknown_outlets_once(
    store: Store, outlets: tuple[str | None, ...], expected: int
) -> None:
    store.ingest([_article(i, outlet) for i, outlet in enumerate(outlets)])
    (drones,) = [t for t in store.transfers() if t.category.value == "uav"]
    assert drones.reports == 3
    assert drones.outlets == expected
