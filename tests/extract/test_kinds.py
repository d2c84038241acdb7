"""The category of a transfer reported with a vague word ("weapons", "military aid"):
the one kind the article names as the giver's goods, in sentences of our own (see
test_reporting_constructs.py for the pattern), with near misses that keep "other"."""

from __future__ import annotations

import pytest
from tests.extract.constructs import Triple, cases, transfers_of

from armstrack.extract import Extractor

CASES = [
    *cases(
        "a_vague_word_takes_the_kind_named_next",
        [
            (
                "Belarus has sent weapons to Russia. Among them were Lancet drones.",
                {("BLR", "RUS", "uav", "delivered")},
            ),
            (
                "Syria denied supplying arms to Hezbollah. Israel says Syrian rockets were "
                "found in Lebanon.",
                {("SYR", "hezbollah", "ammunition", "delivered")},
            ),
            # Another state's goods, or two kinds, name no kind of this transfer.
            (
                "Belarus has sent weapons to Russia. Chinese drones were also seen at the front.",
                {("BLR", "RUS", "other", "delivered")},
            ),
            (
                "Belarus has sent weapons to Russia. Tanks and drones crossed the border.",
                {("BLR", "RUS", "other", "delivered")},
            ),
        ],
    ),
    *cases(
        "a_platform_armed_with_arms_is_the_goods",
        [
            (
                "Spain will sell Peru three corvettes armed with Harpoon missiles.",
                {("ESP", "PER", "ship", "agreed")},
            ),
            (
                "Brazil received four frigates equipped with Aster missiles and torpedoes from "
                "Italy.",
                {("ITA", "BRA", "ship", "delivered")},
            ),
            # Arms delivered beside the platform, or arms a receiver is equipped with.
            (
                "Spain will sell Peru three corvettes and Harpoon missiles.",
                {("ESP", "PER", "ship", "agreed"), ("ESP", "PER", "missile", "agreed")},
            ),
            (
                "Peru's navy operates patrol boats armed with Spike missiles supplied by Israel.",
                {("ISR", "PER", "missile", "delivered")},
            ),
        ],
    ),
    *cases(
        "counted_anti_words_before_one_weapon_noun",
        [
            (
                "Chile will buy 40 anti-aircraft and 2,000 anti-tank missiles from Israel.",
                {("ISR", "CHL", "air_defence", "agreed"), ("ISR", "CHL", "missile", "agreed")},
            ),
            # A list before the "anti-" word shares no noun with it.
            (
                "Chile bought 40 trucks, 12 howitzers and 200 anti-tank missiles from Israel.",
                {("ISR", "CHL", "artillery", "agreed"), ("ISR", "CHL", "missile", "agreed")},
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_kind_of_goods(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    assert transfers_of(extractor, text) == expected
