"""Constructs found by running the extractor on real news pages outside the development
set (a private check set of procurement and sales reporting), each rewritten in
sentences of our own, with the transfers the annotation scheme (GOLD.md) expects."""

from __future__ import annotations

import pytest
from tests.extract.constructs import Triple, cases, transfers_of

from armstrack.extract import Extractor

CASES = [
    *cases(
        "new_buyer_named_by_an_ordinal",
        [
            (
                "Peru became the third export customer of the Gripen.",
                {("SWE", "PER", "aircraft", "agreed")},
            ),
            (
                "Chile signed for ten Sea Ceptor launchers, making Chile the fourth foreign "
                "buyer of the type.",
                {("GBR", "CHL", "air_defence", "agreed")},
            ),
            (
                "Peru could become the first customer for the Gripen.",
                {("SWE", "PER", "aircraft", "discussed")},
            ),
            ("Peru became the third country to criticise the Gripen.", set()),
            ("Peru became the first customer of the new development bank.", set()),
        ],
    ),
    *cases(
        "contents_after_an_inverted_package_link",
        [
            (
                "Washington approved the sale of 40 F-16 jets to Jordan. Also in the package "
                "are missiles and bombs.",
                {
                    ("USA", "JOR", "aircraft", "agreed"),
                    ("USA", "JOR", "missile", "agreed"),
                    ("USA", "JOR", "ammunition", "agreed"),
                },
            ),
            (
                "Washington approved the sale of 40 F-16 jets to Jordan. In the meantime there "
                "are missiles on display in Amman.",
                {("USA", "JOR", "aircraft", "agreed")},
            ),
        ],
    ),
    *cases(
        "talks_with_a_list_of_buyers",
        [
            (
                "China is in talks with Iraq, Egypt and Algeria over the Wing Loong II.",
                {
                    ("CHN", "IRQ", "uav", "discussed"),
                    ("CHN", "EGY", "uav", "discussed"),
                    ("CHN", "DZA", "uav", "discussed"),
                },
            ),
            (
                "Sweden is in talks with Peru and Chile on the sale of Gripen jets.",
                {("SWE", "PER", "aircraft", "discussed"), ("SWE", "CHL", "aircraft", "discussed")},
            ),
            ("China is in talks with Iraq, Egypt and Algeria over gas pipelines.", set()),
        ],
    ),
    *cases(
        "a_dated_subject_approves_a_sale_of_foreign_made_goods",
        [
            (
                "The United States on Friday announced the approval of a $120 million sale of a "
                "NASAMS air defence system to Estonia.",
                {("USA", "EST", "air_defence", "agreed")},
            ),
            (
                "Russia on Monday condemned the sale of Patriot missiles to Poland.",
                {("USA", "POL", "air_defence", "agreed")},
            ),
        ],
    ),
    *cases(
        "a_buyer_verb_with_a_pronoun_takes_the_topic_system",
        [
            (
                "The Rafale flew at the show in Dubai. Indonesia wants to buy it.",
                {("FRA", "IDN", "aircraft", "discussed")},
            ),
            (
                "The K9 howitzer is selling well. Vietnam plans to purchase them.",
                {("KOR", "VNM", "artillery", "discussed")},
            ),
            ("The Rafale flew at the show in Dubai. Indonesia does not want to buy it.", set()),
            ("The Rafale flew at the show in Dubai. Indonesia cannot afford to buy it.", set()),
        ],
    ),
    *cases(
        "a_stated_wish_to_buy_is_discussed",
        [
            (
                "Ghana has expressed its willingness to buy Akash missiles from India.",
                {("IND", "GHA", "air_defence", "discussed")},
            ),
            (
                "Ghana is keen to acquire Akash missiles from India.",
                {("IND", "GHA", "air_defence", "discussed")},
            ),
            (
                "Ghana signed a contract for Akash missiles from India.",
                {("IND", "GHA", "air_defence", "agreed")},
            ),
        ],
    ),
    *cases(
        "goods_bought_to_replace_what_was_given",
        [
            (
                "Slovakia will buy howitzers from Germany to replace the equipment donated to "
                "Ukraine.",
                {("DEU", "SVK", "artillery", "agreed")},
            ),
            (
                "Slovakia will buy K2 tanks to replace the tanks it donated to Ukraine.",
                {
                    ("KOR", "SVK", "armoured_vehicle", "agreed"),
                    ("SVK", "UKR", "armoured_vehicle", "delivered"),
                },
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_page_construct_gives_the_transfers_of_the_annotation(
    extractor: Extractor, text: str, expected: set[Triple]
) -> None:
    assert transfers_of(extractor, text) == expected
