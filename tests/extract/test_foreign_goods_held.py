"""Foreign-made goods a state or group holds, flies or uses, named with no transfer verb:
the holder received them from their state of origin or the catalogued system's maker
(GOLD.md: "Z fires X-made Y" counts as delivered). Sentences of our own, written after
the constructs of real reporting; none is copied from an article.
"""

from __future__ import annotations

import pytest
from tests.extract.constructs import Triple, cases, transfers_of

from armstrack.extract import Extractor

CASES = [
    *cases(
        "a_possessor_holds_foreign_goods",
        [
            (
                "Kuwait's Italian-built Eurofighter jets flew over the capital.",
                {("ITA", "KWT", "aircraft", "delivered")},
            ),
            (
                "The Kenyan Air Force's inventory includes American-made F-5 jets.",
                {("USA", "KEN", "aircraft", "delivered")},
            ),
            # a catalogued system the possessor does not make: its maker gave it
            (
                "Serbia's HQ-22 batteries were moved closer to the border.",
                {("CHN", "SRB", "air_defence", "delivered")},
            ),
            # a force named by demonym owns the goods through its own "'s"
            (
                "The Royal Jordanian Air Force's American F-16s flew patrols.",
                {("USA", "JOR", "aircraft", "delivered")},
            ),
            (
                "Argentina's first F-16 jets landed at Tandil.",
                {("USA", "ARG", "aircraft", "delivered")},
            ),
            ("Bulgaria's F-16 jets are delayed again.", set()),
            # the maker is only a guess: a giver the article names wins
            (
                "Norway sent F-16 jets to Ukraine. Ukraine's F-16 jets downed two missiles.",
                {("NOR", "UKR", "aircraft", "delivered")},
            ),
            # the noun after the goods says they are only ordered
            (
                "Vietnam's Russian Su-35 order has stalled.",
                {("RUS", "VNM", "aircraft", "agreed")},
            ),
            # the maker's own forces, and goods only planned for: no transfer
            ("China's HQ-9 batteries guard the coast.", set()),
            # a foreign system named as a type or a likeness is not held
            ("Iran's F-14-style jets are ageing.", set()),
            ("China's F-35 lookalike J-35 flew at the air show.", set()),
            ("Brazil's future Gripen jets will be assembled at home.", set()),
            # a system built at home under licence, held by a force: no transfer
            ("The Indian Army's T-90 tanks rolled past the stand.", set()),
            # goods given by a vague coalition keep no maker as giver
            (
                "Kenya's Bayraktar drones, provided by a group of partners, patrol the coast.",
                set(),
            ),
        ],
    ),
    *cases(
        "a_force_flies_or_uses_foreign_goods",
        [
            (
                "The Bangladeshi air force flies Chinese-built F-7 jets.",
                {("CHN", "BGD", "aircraft", "delivered")},
            ),
            (
                "The Zambian military used Chinese-made fighter jets against the rebels.",
                {("CHN", "ZMB", "aircraft", "delivered")},
            ),
            (
                "Ghana's military uses Chinese-made artillery.",
                {("CHN", "GHA", "artillery", "delivered")},
            ),
            # a demonym before "military" and goods is their origin
            (
                "The Chadian army uses Russian military hardware.",
                {("RUS", "TCD", "other", "delivered")},
            ),
            (
                "Angola operates Russian-made Su-30K fighters and Chinese-made K-8 trainers.",
                {("RUS", "AGO", "aircraft", "delivered"), ("CHN", "AGO", "aircraft", "delivered")},
            ),
            # "military use" stays a noun
            ("Kenya restricts the military use of Chinese-made drones.", set()),
            # striking or destroying goods is no holding of them
            ("Ukraine destroyed Russian-made tanks near Avdiivka.", set()),
            ("Israeli jets struck Iranian-made drones in Iraq.", set()),
            ("Turkey struck a truck carrying Russian weapons near Tal Rifaat.", set()),
            ("Ukraine fired on Russian ships carrying North Korean shells.", set()),
            ("Ukraine attacked Russian positions armed with Iranian drones.", set()),
            # "with" makes the goods the means of the strike
            (
                "Russia struck Odesa with Iranian-made drones.",
                {("IRN", "RUS", "uav", "delivered")},
            ),
        ],
    ),
    *cases(
        "a_holder_has_or_is_armed_with_foreign_goods",
        [
            (
                "Hamas has Iranian-made anti-tank missiles.",
                {("IRN", "hamas", "missile", "delivered")},
            ),
            (
                "Belarus possesses Russian Iskander missiles.",
                {("RUS", "BLR", "missile", "delivered")},
            ),
            (
                "Sudanese soldiers armed with Chinese-made rifles guarded the bridge.",
                {("CHN", "SDN", "small_arms", "delivered")},
            ),
            (
                "Malian troops are now equipped with Turkish-made armoured vehicles.",
                {("TUR", "MLI", "armoured_vehicle", "delivered")},
            ),
            # "has" as an auxiliary: what was destroyed, downed or copied is not held
            ("Ukraine has destroyed Chinese-made drones near Kupiansk.", set()),
            ("Iran has copied American drones.", set()),
            ("Israel has seen Iranian-made drones over the Golan.", set()),
            # holding no goods, or goods of no stated origin
            ("Ukraine has no Swedish jets yet.", set()),
            ("Russia has armed drones.", set()),
            ("Kenya does not have Turkish-made drones.", set()),
            (
                "Hamas has stockpiled an arsenal of Iranian rockets.",
                {("IRN", "hamas", "ammunition", "delivered")},
            ),
            (
                "Boko Haram fighters carried Chinese-made rifles.",
                {("CHN", "boko_haram", "small_arms", "delivered")},
            ),
            # a vessel carrying goods is a carrier, not a holder
            ("A dhow carried Iranian missiles off Somalia.", set()),
        ],
    ),
    *cases(
        "goods_that_belong_to_or_help_a_holder",
        [
            (
                "Officials said the downed Wing Loong belonged to the Ethiopian army.",
                {("CHN", "ETH", "uav", "delivered")},
            ),
            (
                "Israeli drones owned by the Azerbaijani military struck the depot.",
                {("ISR", "AZE", "uav", "delivered")},
            ),
            (
                "Turkish-made drones have helped the Ethiopian army push back the rebels.",
                {("TUR", "ETH", "uav", "delivered")},
            ),
            # a bare demonym may name the helper's own forces, a modal only a hope
            ("Russian warplanes helped Syrian troops retake Palmyra.", set()),
            ("US-made jets could help Ukraine defend its skies.", set()),
        ],
    ),
    *cases(
        "a_user_of_goods_of_several_origins",
        [
            (
                "Niger deployed Turkish Bayraktar drones and Chinese CH-4 drones.",
                {("TUR", "NER", "uav", "delivered"), ("CHN", "NER", "uav", "delivered")},
            ),
            # what the goods strike is no goods of the user
            (
                "Azerbaijan used Israeli-made drones to destroy Russian-made tanks.",
                {("ISR", "AZE", "uav", "delivered")},
            ),
        ],
    ),
    *cases(
        "goods_used_by_a_holder_and_their_stated_origin",
        [
            (
                "Chinese-made drones used by the RSF hit the airport.",
                {("CHN", "rsf", "uav", "delivered")},
            ),
            # the origin stated after a copula marks the subject goods
            (
                "The rockets fired by Hamas were Iranian-made, analysts said.",
                {("IRN", "hamas", "ammunition", "delivered")},
            ),
            (
                "The drones used by the Sudanese army were made in Iran.",
                {("IRN", "SDN", "uav", "delivered")},
            ),
            # goods with no holder, a denied origin, and a holder's own boast: no transfer
            ("The drone that hit the tanker was Iranian-made.", set()),
            ("The drone fired by the Houthis was not Iranian-made.", set()),
            ("The Houthis say their missiles and drones are built in Yemen.", set()),
        ],
    ),
    *cases(
        "a_subject_before_an_aside_uses_the_goods",
        [
            (
                "The Houthis, a Tehran-aligned militia, fired Iranian-made missiles at ships.",
                {("IRN", "houthis", "missile", "delivered")},
            ),
            # the actor inside the aside is not the subject of the verb after it
            (
                "The RSF, which Chad's army has watched for months, used Emirati drones.",
                {("ARE", "rsf", "uav", "delivered")},
            ),
        ],
    ),
    *cases(
        "goods_in_service_with_or_used_in_a_relative_clause",
        [
            (
                "Chinese rifles in service with the Malian army were seized.",
                {("CHN", "MLI", "small_arms", "delivered")},
            ),
            (
                "Turkish drones flown by Nigerian forces hit the camp.",
                {("TUR", "NGA", "uav", "delivered")},
            ),
            (
                "The HQ-9 batteries, which Egypt deployed last year, guard the canal.",
                {("CHN", "EGY", "air_defence", "delivered")},
            ),
            # what the relative clause's subject shot down is not its own
            ("Iranian drones, which Ukraine shot down, fell on Kyiv.", set()),
        ],
    ),
    *cases(
        "a_force_shows_off_or_launches_from_its_ground",
        [
            (
                "Morocco's army displayed US-made Abrams tanks at the parade.",
                {("USA", "MAR", "armoured_vehicle", "delivered")},
            ),
            (
                "A frigate downed an Iranian-made drone launched from Houthi-held territory.",
                {("IRN", "houthis", "uav", "delivered")},
            ),
            # a demonym before "-operated" names the user, not the origin
            (
                "Houthi-operated Iranian drones struck the tanker.",
                {("IRN", "houthis", "uav", "delivered")},
            ),
            ("Turkish-operated Bayraktar drones struck the depot.", set()),
            # a launch site names no user
            ("Shahed drones launched from Belarus struck Zhytomyr.", set()),
        ],
    ),
    *cases(
        "a_holder_passes_its_goods_on",
        [
            # the holder of goods sent on by a passive verb gives them, not their maker
            (
                "Belgium's F-16 jets were handed over to Ukraine.",
                {("BEL", "UKR", "aircraft", "delivered")},
            ),
            (
                "The F-16s belonging to the Netherlands were delivered to Ukraine.",
                {("NLD", "UKR", "aircraft", "delivered")},
            ),
            # goods a holder has, "bought from" a seller in an aside, were handed over
            (
                "Peru's Mirage 2000 jets, bought from France, remain in service.",
                {("FRA", "PER", "aircraft", "delivered")},
            ),
            # a compound participle after "has" is no holding
            ("Iran has reverse-engineered American drones.", set()),
        ],
    ),
    *cases(
        "copies_and_places_are_no_holders",
        [
            # a copy built by the user is not the design's goods
            (
                "The drones, Iraqi-built versions of the Mohajer-6 that Baghdad has "
                "launched at militants, were shown in Mosul.",
                set(),
            ),
            # a place before the verb is where crews trained, not who holds the goods
            (
                "Turkey bought Gepard guns. Crews trained in Norway operate the systems.",
                {("DEU", "TUR", "air_defence", "agreed")},
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_foreign_goods_held_give_the_annotated_transfers(
    extractor: Extractor, text: str, expected: set[Triple]
) -> None:
    assert transfers_of(extractor, text) == expected
