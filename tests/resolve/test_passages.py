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
