"""Constructs that decide the category of a transfer, or add a second category to a
pair already found, each rewritten in sentences of our own (see
test_reporting_constructs.py for the pattern): one case per construct, with the
transfers the annotation scheme (GOLD.md) expects, and near misses that must give none.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.extract.constructs import Triple, cases, transfers_of

from armstrack.extract import Extractor
from armstrack.records import Article

CASES = [
    *cases(
        "anti_words_listed_before_one_weapon_noun",
        [
            (
                "Spain approved an arms package for Morocco. The package includes four patrol "
                "boats and anti-aircraft and anti-ship systems.",
                {
                    ("ESP", "MAR", "ship", "agreed"),
                    ("ESP", "MAR", "air_defence", "agreed"),
                    ("ESP", "MAR", "missile", "agreed"),
                },
            ),
            (
                "Chile will buy anti-aircraft and anti-tank missiles from Israel.",
                {("ISR", "CHL", "air_defence", "agreed"), ("ISR", "CHL", "missile", "agreed")},
            ),
            (
                "Peru received anti-drone systems from Israel.",
                {("ISR", "PER", "air_defence", "delivered")},
            ),
            ("Chile condemned the anti-aircraft fire over Peru.", set()),
            ("Peru joined an anti-ship exercise with Chile.", set()),
        ],
    ),
    *cases(
        "protective_gear_listed_with_weapons_is_other",
        [
            (
                "Norway will send Moldova patrol boats, helmets and camouflage nets.",
                {("NOR", "MDA", "ship", "agreed"), ("NOR", "MDA", "other", "agreed")},
            ),
            (
                "Canada has delivered flak jackets and radios to Moldova.",
                {("CAN", "MDA", "other", "delivered")},
            ),
            ("Soldiers in Canadian helmets patrolled the border with Moldova.", set()),
        ],
    ),
    *cases(
        "parts_and_means_of_making_a_weapon_are_other",
        [
            (
                "Italy refused to sell frigate engines to Vietnam.",
                {("ITA", "VNM", "other", "discussed")},
            ),
            (
                "Belarus supplied tanks and cruise missile production equipment to Iran.",
                {
                    ("BLR", "IRN", "armoured_vehicle", "delivered"),
                    ("BLR", "IRN", "other", "delivered"),
                },
            ),
            (
                "Belarus supplied cruise missiles to Iran.",
                {("BLR", "IRN", "missile", "delivered")},
            ),
            (
                "Iran shipped cruise missile components to the Houthis.",
                {("IRN", "houthis", "missile", "delivered")},
            ),
            ("Iran opened a drone production line near Tehran.", set()),
        ],
    ),
    *cases(
        "a_package_whose_giver_is_a_demonym_or_from",
        [
            (
                "The new Dutch package for Moldova includes Fennek vehicles and mortars.",
                {
                    ("NLD", "MDA", "armoured_vehicle", "agreed"),
                    ("NLD", "MDA", "artillery", "agreed"),
                },
            ),
            (
                "The tranche from Norway for Georgia includes NASAMS launchers.",
                {("NOR", "GEO", "air_defence", "agreed")},
            ),
            ("The latest Georgian aid package includes mortars.", set()),
        ],
    ),
    *cases(
        "aid_that_consists_of_goods",
        [
            (
                "Japan's aid to Moldova consists of armoured vehicles, thermal scopes and rifles.",
                {
                    ("JPN", "MDA", "armoured_vehicle", "agreed"),
                    ("JPN", "MDA", "sensor", "agreed"),
                    ("JPN", "MDA", "small_arms", "agreed"),
                },
            ),
            ("The Moldovan army consists of three brigades with old rifles.", set()),
        ],
    ),
    *cases(
        "a_launcher_name_before_a_word_for_rounds",
        [
            (
                "Spain sent Skynex ammunition and Caesar howitzers to Estonia.",
                {
                    ("ESP", "EST", "ammunition", "delivered"),
                    ("ESP", "EST", "artillery", "delivered"),
                },
            ),
            ("Spain sent HIMARS launchers to Estonia.", {("ESP", "EST", "artillery", "delivered")}),
            ("Estonia fired HIMARS rockets at a training range.", set()),
        ],
    ),
    *cases(
        "rounds_for_a_named_launcher_send_no_launcher",
        [
            (
                "Italy will send Latvia ammunition for the PzH 2000 and counter-battery systems.",
                {("ITA", "LVA", "ammunition", "agreed"), ("ITA", "LVA", "sensor", "agreed")},
            ),
            (
                "Italy will send Latvia PzH 2000 howitzers and ammunition.",
                {("ITA", "LVA", "artillery", "agreed"), ("ITA", "LVA", "ammunition", "agreed")},
            ),
            ("Latvia ran out of ammunition for the PzH 2000 in a drill.", set()),
        ],
    ),
    *cases(
        "goods_listed_with_goods_of_one_origin_bound_for_a_receiver",
        [
            (
                "Coastguards seized 40 rifles and Iranian drones destined for Hezbollah.",
                {
                    ("IRN", "hezbollah", "small_arms", "delivered"),
                    ("IRN", "hezbollah", "uav", "delivered"),
                },
            ),
            (
                "After a rocket attack, coastguards seized Iranian drones destined for Hezbollah.",
                {("IRN", "hezbollah", "uav", "delivered")},
            ),
        ],
    ),
    *cases(
        "a_maker_and_its_state_in_apposition",
        [
            (
                "The Ghanaian Navy bought three patrol boats from Naval Group Shipyard, France.",
                {("FRA", "GHA", "ship", "agreed")},
            ),
            ("The Ghanaian Navy toured Naval Group Shipyard, France.", set()),
        ],
    ),
    *cases(
        "each_giver_after_from_gives_the_goods_before_it",
        [
            (
                "Burkina Faso received attack helicopters from Russia, along with drones from Turkey.",
                {("RUS", "BFA", "aircraft", "delivered"), ("TUR", "BFA", "uav", "delivered")},
            ),
            (
                "Burkina Faso received attack helicopters and drones from Turkey.",
                {("TUR", "BFA", "aircraft", "delivered"), ("TUR", "BFA", "uav", "delivered")},
            ),
        ],
    ),
    *cases(
        "the_holder_of_goods_a_passive_says_were_given",
        [
            (
                "Most of Angola's tanks were supplied by Russia and Belarus.",
                {
                    ("RUS", "AGO", "armoured_vehicle", "delivered"),
                    ("BLR", "AGO", "armoured_vehicle", "delivered"),
                },
            ),
            (
                "Most of Angola's combat aircraft are sourced from Russia.",
                {("RUS", "AGO", "aircraft", "delivered")},
            ),
            ("Angola's tanks were destroyed by Russia.", set()),
            ("Sources said Angola's tanks were repaired in Russia.", set()),
        ],
    ),
    *cases(
        "a_share_of_an_arms_trade_is_no_transfer",
        [
            ("Angola sourced 70 percent of its weapons from Russia in the last decade.", set()),
            ("Angola sourced its weapons from Russia.", {("RUS", "AGO", "other", "delivered")}),
        ],
    ),
    *cases(
        "parts_for_a_weapon_are_other_goods",
        [
            (
                "Italy will send spare parts for old tanks and helicopters to Egypt.",
                {("ITA", "EGY", "other", "agreed")},
            ),
            (
                "Italy will send helicopters and spare parts to Egypt.",
                {("ITA", "EGY", "aircraft", "agreed")},
            ),
        ],
    ),
    *cases(
        "a_system_word_between_a_name_and_its_head_noun",
        [
            (
                "Qatar will buy Terminal High Altitude Area Defense (THAAD) system missiles "
                "from the United States.",
                {("USA", "QAT", "air_defence", "agreed")},
            ),
        ],
    ),
    *cases(
        "missiles_joined_to_an_air_defence_system_are_its_interceptors",
        [
            (
                "Oman bought NASAMS launchers and missiles from Norway.",
                {("NOR", "OMN", "air_defence", "agreed")},
            ),
            (
                "Oman bought air defence systems and missiles from Norway.",
                {("NOR", "OMN", "air_defence", "agreed")},
            ),
            (
                "Oman bought NASAMS launchers and cruise missiles from Norway.",
                {("NOR", "OMN", "air_defence", "agreed"), ("NOR", "OMN", "missile", "agreed")},
            ),
        ],
    ),
    *cases(
        "a_firm_name_written_in_lower_case_is_goods",
        [
            (
                "Niger took delivery of Russian helicopters and drones.",
                {("RUS", "NER", "aircraft", "delivered"), ("RUS", "NER", "uav", "delivered")},
            ),
            ("Russian helicopters flew over the border with Niger.", set()),
        ],
    ),
    *cases(
        "a_class_word_before_a_class_word_of_another_kind",
        [
            (
                "Norway will buy a missile air defence system for Moldova.",
                {("NOR", "MDA", "air_defence", "agreed")},
            ),
            (
                "Poland delivered artillery radars to Moldova.",
                {("POL", "MDA", "sensor", "delivered")},
            ),
            ("Moldova tested a missile air defence system of its own.", set()),
        ],
    ),
    *cases(
        "rounds_for_small_arms_are_ammunition",
        [
            (
                "Norway will give Moldova three million small arms rounds.",
                {("NOR", "MDA", "ammunition", "agreed")},
            ),
            (
                "Norway gave Moldova pistols and 90,000 cartridges.",
                {
                    ("NOR", "MDA", "small_arms", "delivered"),
                    ("NOR", "MDA", "ammunition", "delivered"),
                },
            ),
            # Near miss: cartridges handed in by citizens move between no two parties.
            ("Residents handed in shotgun cartridges during the amnesty.", set()),
        ],
    ),
    *cases(
        "goods_added_to_the_frame_goods_of_another_kind",
        [
            (
                "Besides drones, Belarus has also sent Russia mortar shells.",
                {("BLR", "RUS", "uav", "delivered"), ("BLR", "RUS", "ammunition", "delivered")},
            ),
            (
                "Pakistan has given Nigeria not only trainer jets but also rifles.",
                {
                    ("PAK", "NGA", "aircraft", "delivered"),
                    ("PAK", "NGA", "small_arms", "delivered"),
                },
            ),
            (
                "Turkey supplied Somalia with armoured vehicles, and also with grenades.",
                {
                    ("TUR", "SOM", "armoured_vehicle", "delivered"),
                    ("TUR", "SOM", "ammunition", "delivered"),
                },
            ),
            # Near misses: the added clause has its own verb and party; an opening that only
            # sets the scene.
            (
                "Turkey supplied Somalia with armoured vehicles but also fired missiles at rebels.",
                {("TUR", "SOM", "armoured_vehicle", "delivered")},
            ),
            ("Besides its own tanks, Egypt builds new howitzers.", set()),
            (
                "After rifles, mortars and trucks, Poland will now also send drones to Moldova.",
                {
                    ("POL", "MDA", "uav", "agreed"),
                    ("POL", "MDA", "small_arms", "agreed"),
                    ("POL", "MDA", "artillery", "agreed"),
                },
            ),
            # "After" without "also" only tells the time.
            (
                "After rifle drills, Poland sent drones to Moldova.",
                {("POL", "MDA", "uav", "delivered")},
            ),
        ],
    ),
    *cases(
        "artillery_words_that_name_rounds",
        [
            (
                "Officials say Belarus has provided Russia with artillery and tank shells.",
                {("BLR", "RUS", "ammunition", "delivered")},
            ),
            (
                "Norway sent Estonia shells for its K9 howitzers.",
                {("NOR", "EST", "ammunition", "delivered")},
            ),
            # Guns listed beside other goods stay guns.
            (
                "Norway sent Estonia artillery and rifles.",
                {
                    ("NOR", "EST", "artillery", "delivered"),
                    ("NOR", "EST", "small_arms", "delivered"),
                },
            ),
            ("Officials say artillery and tank shells are running short in Estonia.", set()),
            (
                "Moldova received anti-aircraft equipment from Romania.",
                {("ROU", "MDA", "air_defence", "delivered")},
            ),
        ],
    ),
    *cases(
        "rounds_named_by_calibre_or_counted_by_thousands",
        [
            (
                "Belarus sent Russia drones and 400,000 rounds.",
                {("BLR", "RUS", "uav", "delivered"), ("BLR", "RUS", "ammunition", "delivered")},
            ),
            (
                "Bulgaria sold Ukraine 122mm rounds and RPG rounds.",
                {("BGR", "UKR", "ammunition", "delivered")},
            ),
            # Near misses: rounds of talks; a few rounds fired.
            ("Belarus and Russia held three rounds of talks on drones.", set()),
            ("A Russian drone crew fired 40 rounds near Kharkiv.", set()),
        ],
    ),
    *cases(
        "vague_goods_spelled_out_by_kind",
        [
            (
                "Serbia sent arms to Armenia: rifles, machine guns and mortars.",
                {
                    ("SRB", "ARM", "small_arms", "delivered"),
                    ("SRB", "ARM", "artillery", "delivered"),
                },
            ),
            (
                "Serbia sent a consignment of arms to Armenia. The cargo included drones and rifles.",
                {("SRB", "ARM", "uav", "delivered"), ("SRB", "ARM", "small_arms", "delivered")},
            ),
            (
                "Belarus supplied Russia with weapons ranging from pistols to guided missiles.",
                {("BLR", "RUS", "small_arms", "delivered"), ("BLR", "RUS", "missile", "delivered")},
            ),
            (
                "Serbia has sent arms to Armenia — rifles and mortar shells — despite protests.",
                {
                    ("SRB", "ARM", "small_arms", "delivered"),
                    ("SRB", "ARM", "ammunition", "delivered"),
                },
            ),
            (
                "Serbia has supplied Armenia with arms, from pistols to guided missiles.",
                {("SRB", "ARM", "small_arms", "delivered"), ("SRB", "ARM", "missile", "delivered")},
            ),
            # Near misses: the colon opens a clause with a party; a cargo of no shipment.
            (
                "Serbia sent arms to Armenia: officials in Yerevan confirmed it.",
                {("SRB", "ARM", "other", "delivered")},
            ),
            ("Police stopped a truck near Belgrade. The cargo included rifles.", set()),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_construct_gives_the_categories_of_the_annotation(
    extractor: Extractor, text: str, expected: set[Triple]
) -> None:
    assert transfers_of(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "systems"),
    [
        # A person who shares a one-word weapon name is no system of the transfer.
        ("The envoy to Kenya, Ahmet Bayraktar, said Turkey sold drones to Kenya.", set()),
        ("Turkey sold Kenya the Bayraktar last year.", {"Bayraktar TB2"}),
        ("“The Bayraktar arrived in Kenya from Turkey,” he said.", {"Bayraktar TB2"}),
        # A relative clause after the goods lists the same delivery's systems.
        (
            "Chad received four warplanes from Russia, which include Sukhoi-25 jets and an "
            "Mi-24P helicopter.",
            {"Su-25", "Mi-24"},
        ),
        ("Chad received four warplanes from Russia, which flew over Ndjamena.", set()),
    ],
)
def test_a_surname_named_like_a_weapon_names_no_system(
    extractor: Extractor, text: str, systems: set[str]
) -> None:
    article = Article(id="t", text=text, published=date(2024, 2, 21))
    found = {s.name for t in extractor.run(article).transfers for s in t.systems}
    assert found == systems
