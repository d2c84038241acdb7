"""Passages shared between texts: excerpts and copies found, boilerplate ignored."""

from __future__ import annotations

import pytest

from armstrack.resolve.passages import fingerprints, in_report, overlap

STORY = (
    "Iran has shipped about two hundred short-range ballistic missiles to Russia in recent "
    "weeks, three officials said on Tuesday, in a transfer that Western governments had "
    "warned against for months. The missiles left the port on two cargo ships that crossed "
    "the Caspian Sea, one of the officials said, asking not to be named. A second official "
    "said the delivery followed a deal struck in Moscow late last year and that more "
    "shipments were planned before the summer."
)
FOOTER = (
    " Subscribe to our newsletter for the best of world news every morning and follow us "
    "on every social network for breaking stories as they happen."
)


def _shared(new: str, old: str) -> set[int]:
    return set(fingerprints(new).hashes) & set(fingerprints(old).hashes)


@pytest.mark.parametrize("cut", [len(STORY) // 2, len(STORY)])
def test_overlap_finds_an_excerpt_that_carries_the_report(cut: int) -> None:
    excerpt = STORY[:cut] + FOOTER
    prints = fingerprints(excerpt)
    report = in_report(prints, excerpt, [(0, STORY.index("months.") + 7)])  # reporting sentence
    found = overlap(prints, _shared(excerpt, STORY), len(set(fingerprints(STORY).hashes)), report)
    assert found.carries_report


def test_overlap_ignores_shared_boilerplate() -> None:
    one = "Turkey delivered Bayraktar drones to Mali last week, officials said." + FOOTER
    two = "Egypt signed a contract for South Korean howitzers on Monday." + FOOTER
    prints = fingerprints(two)
    report = in_report(prints, two, [(0, two.index("Monday.") + 7)])
    found = overlap(prints, _shared(two, one), len(set(fingerprints(one).hashes)), report)
    assert found.shared >= 2
    assert not found.carries_report


def test_fingerprints_keep_about_one_hash_in_six_words() -> None:
    words = len(STORY.split())
    assert words / 8 < len(fingerprints(STORY)) < words / 4


MARKETS = (
    " Markets in the region were calm on Wednesday as traders waited for the central "
    "bank's decision on interest rates, which analysts expect to remain unchanged. "
    "Fuel prices rose for the third week in a row, and the finance ministry said it "
    "would publish its revised budget for the coming year before the end of the month. "
)
WEATHER = (
    " Heavy rain is forecast for the northern provinces over the weekend, and the "
    "authorities have closed two mountain roads as a precaution. Farmers welcomed the "
    "rain after a dry spring that had threatened the wheat harvest across the plains, "
    "although some villages near the river were told to prepare for floods. "
)


def test_a_text_reporting_nothing_is_a_copy_when_it_shares_a_long_passage() -> None:
    # A rewrite keeps the original's story whole between paragraphs of its own: under
    # half of either text's passages, but one long run of words, is shared.
    original = STORY + MARKETS + WEATHER
    rewrite = (
        "The summit ended without a joint statement, and the delegations left the city "
        "a day earlier than planned after talks on trade and border crossings stalled. "
        "Ministers are due to meet again in the autumn, when a new round of negotiations "
        "on fishing rights and the shared power grid is expected to begin in earnest. "
        "Neither side would say which of the disputed points had been the hardest to settle."
    ) + STORY
    prints = fingerprints(rewrite)
    found = overlap(
        prints, _shared(rewrite, original), len(set(fingerprints(original).hashes)), None
    )
    assert found.share < 0.5
    assert found.carries_report


def test_a_text_reporting_nothing_is_no_copy_for_a_shared_footer() -> None:
    one = STORY + FOOTER
    two = MARKETS + WEATHER + FOOTER
    prints = fingerprints(two)
    found = overlap(prints, _shared(two, one), len(set(fingerprints(one).hashes)), None)
    assert found.shared >= 2
    assert not found.carries_report
