"""Transfers stated across two sentences: the deal or the donor in one, the goods or the
other party in the next. Sentences of our own, written after constructs of real
reporting (none copied); each positive case has a near miss that must give nothing new.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.constructs import Triple, cases, transfers_of

from armstrack.catalogue.normalise import fold
from armstrack.extract import Extractor
from armstrack.extract.pipeline import _SUPPORT_OPENING, _support_positions

CASES = [
    *cases(
        "goods_moved_after_a_deal_without_goods",
        [
            (
                "Brazil signed a contract with Sweden in 2014. The first four Gripen jets "
                "landed and were handed over in Anapolis last month.",
                {("SWE", "BRA", "aircraft", "delivered")},
            ),
            (
                "Chile and Israel signed an agreement on Tuesday. The Spyder batteries will be "
                "delivered within two years.",
                {("ISR", "CHL", "air_defence", "agreed")},
            ),
            (
                "Qatar announced a new package for Somalia. The first batch of armoured "
                "vehicles arrived in Mogadishu on Sunday.",
                {("QAT", "SOM", "armoured_vehicle", "delivered")},
            ),
            # Near misses: goods that go to a third state, a deal whose sides make none of
            # the goods, weapons that are fired rather than moved.
            (
                "Brazil signed a contract with Sweden in 2014. The first Rafale jets arrived "
                "in Greece in 2021.",
                {("FRA", "GRC", "aircraft", "delivered")},  # by the maker, not the deal
            ),
            (
                "Chile and Peru signed an agreement on Tuesday. The Spyder batteries will be "
                "delivered within two years.",
                set(),
            ),
            (
                "Qatar announced a new package for Somalia. Russian Iskander missiles struck "
                "Kharkiv overnight.",
                set(),
            ),
        ],
    ),
    *cases(
        "one_party_named_after_a_deal",
        [
            (
                "Canberra unveiled a fresh military aid package for Kyiv on Thursday. "
                "Australia will ship 30 Bushmaster vehicles in the coming weeks.",
                {("AUS", "UKR", "armoured_vehicle", "agreed")},
            ),
            (
                "Romania signed a deal with Turkey on Monday. Romania will receive 18 Bayraktar "
                "TB2 drones next year.",
                {("TUR", "ROU", "uav", "agreed")},
            ),
            # Near misses: the party named is no side of the deal; only vague goods.
            (
                "Canberra unveiled a fresh military aid package for Kyiv on Thursday. "
                "Japan will ship 30 trucks in the coming weeks.",
                set(),
            ),
            (
                "Romania signed a deal with Turkey on Monday. Romania wants more weapons.",
                set(),
            ),
        ],
    ),
    *cases(
        "receiver_named_before_as_the_country",
        [
            (
                "Moldova has struggled to guard its skies. Romania will hand two Hawk "
                "batteries to the country next month.",
                {("ROU", "MDA", "air_defence", "agreed")},
            ),
            (
                "The Philippines faces pressure at sea. Tokyo approved the sale of six radar "
                "systems for the island nation.",
                {("JPN", "PHL", "sensor", "agreed")},
            ),
            # Near misses: the country is the speaker's own, or no goods go to it.
            (
                "Greece has long feared Ankara. Athens will buy 20 F-35 jets for the country.",
                {("USA", "GRC", "aircraft", "agreed")},
            ),
            (
                "Moldova has struggled to guard its skies. Romania praised the country's "
                "resolve on Monday.",
                set(),
            ),
        ],
    ),
    *cases(
        "receiver_named_before_as_a_pronoun",
        [
            (
                "Georgia has turned to new partners. Paris agreed to supply it with four "
                "Ground Master 200 radars.",
                {("FRA", "GEO", "sensor", "agreed")},
            ),
            (
                "Ghana wants to rebuild its air arm. Brazil will send it two Super Tucano "
                "aircraft next year.",
                {("BRA", "GHA", "aircraft", "agreed")},
            ),
            # Near misses: no goods; the pronoun's antecedent is in the same sentence.
            ("Georgia has turned to new partners. Paris agreed to supply it with fuel.", set()),
            (
                "Ghana wants to rebuild its air arm. Brazil sold Super Tucano aircraft to "
                "Nigeria to provide it with close air support.",
                {("BRA", "NGA", "aircraft", "delivered")},
            ),
        ],
    ),
    *cases(
        "giver_of_goods_named_just_before",
        [
            (
                "Romania took delivery of its first F-35 jets on Friday. Washington sold them "
                "under a 2024 contract.",
                {("USA", "ROU", "aircraft", "delivered")},
            ),
            (
                "Moldova received its first Piranha armoured vehicles last week. Germany and "
                "Austria donated them.",
                {
                    ("DEU", "MDA", "armoured_vehicle", "delivered"),
                    ("AUT", "MDA", "armoured_vehicle", "delivered"),
                },
            ),
            (
                "The first Bayraktar TB2 drones arrived in Kosovo on Sunday. Turkey "
                "delivered them ahead of schedule.",
                {("TUR", "XKX", "uav", "delivered")},
            ),
            # Near misses: the goods are named in the sentence itself; the giver is the
            # receiver; a denial.
            (
                "Chile bought Leopard tanks from Germany in 2007. Chile later sold some of "
                "the tanks to Ecuador, so Berlin had to approve before Santiago shipped them.",
                {
                    ("DEU", "CHL", "armoured_vehicle", "delivered"),
                    ("CHL", "ECU", "armoured_vehicle", "delivered"),
                },
            ),
            (
                "Romania took delivery of its first F-35 jets on Friday. Romania sent them "
                "to its air base at Campia Turzii.",
                {("USA", "ROU", "aircraft", "delivered")},
            ),
            (
                "The drones were found in Sudan last month. Iran denied it had supplied them.",
                set(),
            ),
        ],
    ),
    *cases(
        "deal_naming_one_side_then_the_goods",
        [
            (
                "Ottawa unveiled a C$500 million package on Tuesday. It includes eight "
                "NASAMS launchers for Ukraine.",
                {("CAN", "UKR", "air_defence", "agreed")},
            ),
            (
                "Serbia signed a contract on Monday. The first twelve Rafale jets will "
                "arrive in 2028.",
                {("FRA", "SRB", "aircraft", "agreed")},
            ),
            # Near misses: the one side makes the goods itself; goods of a third state;
            # a list that names no receiver.
            (
                "France signed a contract on Monday. The first twelve Rafale jets will "
                "arrive in 2028.",
                set(),
            ),
            (
                "Serbia signed a contract on Monday. The first Rafale jets arrived in Qatar "
                "in 2019.",
                {("FRA", "QAT", "aircraft", "delivered")},
            ),
            (
                "Ottawa unveiled a C$500 million package on Tuesday. It includes eight "
                "NASAMS launchers.",
                set(),
            ),
        ],
    ),
    *cases(
        "giver_and_receiver_named_without_goods_then_the_goods",
        [
            (
                "Belarus is arming Russia, Ukrainian officials say. Minsk has sent 120 T-72 "
                "tanks since the spring.",
                {("BLR", "RUS", "armoured_vehicle", "delivered")},
            ),
            (
                "Seoul pledged more military help to Warsaw on Monday. South Korea will ship "
                "36 K9 howitzers by June.",
                {("KOR", "POL", "artillery", "agreed")},
            ),
            (
                "Latvia's newest consignment to Ukraine left Riga on Friday. It included "
                "M113 armoured vehicles.",
                {("LVA", "UKR", "armoured_vehicle", "delivered")},
            ),
            # Near misses: the armed side is another; goods without a deal named before.
            (
                "Belarus is arming Russia, Ukrainian officials say. Ukraine has sent 120 "
                "T-72 tanks to the front.",
                set(),
            ),
            (
                "Latvia's border guards left Riga on Friday. It included M113 armoured vehicles.",
                set(),
            ),
        ],
    ),
    *cases(
        "goods_received_then_their_giver_in_a_passive",
        [
            (
                "Sudan's army has received a new batch of attack drones. The drones were "
                "supplied by Iran, according to Western officials.",
                {("IRN", "SDN", "uav", "delivered")},
            ),
            # Near misses: other goods; an active verb with its own receiver.
            (
                "Sudan's army has received a new batch of attack drones. The rifles were "
                "supplied by Iran, according to Western officials.",
                set(),
            ),
            (
                "Sudan's army has received a new batch of attack drones. Iran sent the "
                "drones to Russia, according to Western officials.",
                {("IRN", "RUS", "uav", "delivered")},
            ),
        ],
    ),
    *cases(
        "seizure_told_in_two_sentences",
        [
            (
                "Coast guards boarded a fishing boat smuggling weapons to resupply Hezbollah "
                "fighters. The seized arms included Iranian-made Dehlavieh missiles.",
                {("IRN", "hezbollah", "missile", "delivered")},
            ),
            (
                "The frigate stopped a skiff in the Gulf of Aden on Monday. It was carrying "
                "Iranian-made drone components bound for the Houthi militia.",
                {("IRN", "houthis", "uav", "delivered")},
            ),
            # Near misses: goods of no stated origin; a receiver the goods are aimed at.
            (
                "Coast guards boarded a fishing boat smuggling weapons to resupply Hezbollah "
                "fighters. The seized arms included anti-tank missiles.",
                set(),
            ),
            (
                "Israeli jets struck Hezbollah fighters near Tyre. The seized arms included "
                "Iranian-made Dehlavieh missiles.",
                set(),
            ),
        ],
    ),
    *cases(
        "later_part_of_goods_reported_before",
        [
            (
                "Croatia has ordered 12 Rafale jets from France. Zagreb received the first "
                "six in April.",
                {("FRA", "HRV", "aircraft", "delivered")},
            ),
            # Near miss: what was received is no goods.
            (
                "Croatia has ordered 12 Rafale jets from France. Zagreb received the first "
                "visit of the French president in April.",
                {("FRA", "HRV", "aircraft", "agreed")},
            ),
        ],
    ),
    *cases(
        "military_support_listed_in_the_next_sentence",
        [
            (
                "Finland unveiled its latest military support for Ukraine on Wednesday. Among "
                "the weapons are eight Patria armoured vehicles and mortar rounds.",
                {
                    ("FIN", "UKR", "armoured_vehicle", "agreed"),
                    ("FIN", "UKR", "ammunition", "agreed"),
                },
            ),
            (
                "Belgium pledged further aid to Ukraine on Friday. The aid includes two "
                "minehunters, along with 6 howitzers.",
                {("BEL", "UKR", "ship", "agreed"), ("BEL", "UKR", "artillery", "agreed")},
            ),
            # Near miss: support voiced, not given.
            (
                "Finland voiced strong support for Ukraine on Wednesday. Among the weapons "
                "Russia used were Kh-101 cruise missiles.",
                set(),
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cross_sentence_construct_gives_the_transfers_of_the_annotation(
    extractor: Extractor, text: str, expected: set[Triple]
) -> None:
    assert transfers_of(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Estonia's latest shipment to Ukraine left Tallinn. Officials said the aid would grow.",
        "Oslo signed an agreement with Kyiv and pledged further military aid to Ukraine, "
        "saying its new security assistance for Kyiv would follow Canada's harpoon deal.",
        "Belarus is arming Russia; Minsk sent more military help, officials said.",
        "Nothing here names a deal.",
    ],
)
def test_support_openings_read_around_their_words_find_what_a_full_scan_finds(
    text: str,
) -> None:
    folded = fold(text)
    full = [m.start() for m in _SUPPORT_OPENING.finditer(folded)]
    assert _support_positions(folded) == full


SUPPORT_PIECES = ["said", "aid", "aide", "military", "arming", "disarming", "'s", "deal", "an"]
SUPPORT_PIECES += ["agreement", "for", "new", " ", " ", ".", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SUPPORT_PIECES), max_size=10).map("".join))
def test_support_openings_skip_only_words_inside_longer_words(text: str) -> None:
    """Read around its words ("aid", not the "aid" of "said"), the opening pattern is
    found wherever a scan of the whole text finds it, in short texts of its own words, and
    only where a match starts (openings may overlap: "'s arming deal" opens twice)."""
    found = _support_positions(text)
    assert {m.start() for m in _SUPPORT_OPENING.finditer(text)} <= set(found)
    assert all(_SUPPORT_OPENING.match(text, start) is not None for start in found)
