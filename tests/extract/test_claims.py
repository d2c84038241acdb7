"""Who said what about a transfer: speakers and stances on passages written for these tests.

Each case is a construct seen in real reporting, rewritten with other names, numbers and
wording. A claim is compared as the claim scorer keys it: the speaker's actor id, else
"outlet:" and the outlet's letters, else "nonstate".
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from armstrack.extract import Extractor
from armstrack.records import Article, Claim, Transfer

Key = tuple[str, str, str, str, str]


def _key(claim: Claim) -> str | None:
    speaker = claim.speaker
    if speaker is None:
        return None
    if speaker.actor is not None:
        return speaker.actor.id
    if speaker.outlet:
        name = re.sub(r"^the\s+", "", speaker.outlet.lower())
        return "outlet:" + re.sub(r"[^a-z0-9]", "", name)
    return "nonstate" if speaker.role or speaker.text else None


def _claims(extractor: Extractor, text: str) -> set[Key]:
    article = Article(id="t", text=text, published=date(2024, 5, 14))
    found: set[Key] = set()
    transfer: Transfer
    for transfer in extractor.run(article).transfers:
        for claim in transfer.claims:
            key = _key(claim)
            if key is not None:
                found.add(
                    (
                        transfer.supplier.id,
                        transfer.recipient.id,
                        transfer.category.value,
                        key,
                        claim.stance.value,
                    )
                )
    return found


def test_claims_commitment_negated_is_no_confirmation(extractor: Extractor) -> None:
    text = "Spain has not approved the sale of Leopard 2 tanks to Ukraine."
    assert not {c for c in _claims(extractor, text) if c[4] == "confirms"}


@pytest.mark.parametrize(
    ("follow_up", "stance"),
    [
        (
            "The Greek defence minister refused to discuss the Mirage shipment.",
            "declines_to_comment",
        ),
        ("Greece's defence ministry declined to give further details.", "declines_to_comment"),
        (
            "The Greek defence ministry declined to confirm or deny the shipment.",
            "declines_to_comment",
        ),
    ],
)
def test_claims_refusing_to_discuss_is_declining(
    extractor: Extractor, follow_up: str, stance: str
) -> None:
    text = f"Greece has shipped 6 Mirage 2000 jets to Cyprus, Reuters reported. {follow_up}"
    claims = _claims(extractor, text)
    assert ("GRC", "CYP", "aircraft", "GRC", stance) in claims
    assert ("GRC", "CYP", "aircraft", "GRC", "denies") not in claims


def test_claims_rejecting_protests_is_no_denial(extractor: Extractor) -> None:
    text = (
        "Estonia has sent 100 Javelin missiles to Ukraine. Estonia rejected Moscow's "
        "protests that the Javelin deliveries broke arms export rules."
    )
    assert not {c for c in _claims(extractor, text) if c[4] == "denies"}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Brazil sold 8 Gripen jets to Colombia, a report said. A Colombian defence "
            "ministry spokesman said there had been no purchase of Gripen jets.",
            ("BRA", "COL", "aircraft", "COL", "denies"),
            ("BRA", "COL", "aircraft", "COL", "confirms"),
        ),
        (
            "Brazil sold 8 Gripen jets to Colombia, a report said. The Colombian defence "
            "ministry did not confirm the Gripen sale.",
            ("BRA", "COL", "aircraft", "COL", "not_confirmed"),
            ("BRA", "COL", "aircraft", "COL", "confirms"),
        ),
    ],
)
def test_claims_party_negating_the_transfer_does_not_confirm_it(
    extractor: Extractor, text: str, expected: Key, absent: Key
) -> None:
    claims = _claims(extractor, text)
    assert expected in claims
    assert absent not in claims


@pytest.mark.parametrize(
    "text",
    [
        "Czechia will buy 10 Zuzana howitzers from Slovakia, the defence ministers of the "
        "two countries said on Friday.",
    ],
)
def test_claims_the_two_countries_both_speak(extractor: Extractor, text: str) -> None:
    speakers = {c[3] for c in _claims(extractor, text)}
    assert {"CZE", "SVK"} <= speakers


def test_claims_reported_that_clause_is_no_speaker(extractor: Extractor) -> None:
    text = (
        "Earlier, local media, citing sources, reported that eight Rafale jets had arrived "
        "from France in Greece."
    )
    assert not {c for c in _claims(extractor, text) if c[3] == "FRA"}


def test_claims_outlet_relaying_a_state_is_no_speaker(extractor: Extractor) -> None:
    text = (
        "North Korea has sent 50 Koksan guns to Russia, the Financial Times reported, citing "
        "Ukrainian intelligence officials."
    )
    speakers = {c[3] for c in _claims(extractor, text)}
    assert "UKR" in speakers
    assert "outlet:financialtimes" not in speakers


def test_claims_negation_about_another_recipient_is_no_denial(extractor: Extractor) -> None:
    text = (
        "Japan has exported four destroyers to the Philippines, a Japanese defence ministry "
        "official said, adding the destroyers would not be provided to a third country."
    )
    claims = _claims(extractor, text)
    assert ("JPN", "PHL", "ship", "JPN", "confirms") in claims
    assert not {c for c in claims if c[4] == "denies"}


def test_claims_relative_clause_speaker_stops_at_a_preposition(extractor: Extractor) -> None:
    text = (
        "Bulgaria has sent 100,000 artillery shells to Ukraine, Reuters reported. Bulgaria "
        "kept close ties with Russia under Radev, who has denied the shell shipments."
    )
    claims = _claims(extractor, text)
    assert ("BGR", "UKR", "ammunition", "RUS", "denies") not in claims


@pytest.mark.parametrize(
    "follow_up",
    [
        "An Algerian spokesman said the reports about the jets were false.",
        "Algiers called the reports about the jets lies and propaganda.",
    ],
)
def test_claims_saying_the_reports_are_false_is_no_confirmation(
    extractor: Extractor, follow_up: str
) -> None:
    text = f"Algeria bought 14 Su-57 jets from Russia, a Moroccan outlet claimed. {follow_up}"
    assert ("RUS", "DZA", "aircraft", "DZA", "confirms") not in _claims(extractor, text)


# One construct per id prefix; each sentence is ours, written for the construct.
CLAIM_CASES = [
    pytest.param(
        "Poland will hand over 40 Rosomak armoured vehicles to Ukraine, the Polish "
        "defence ministry said on Tuesday.",
        ("POL", "UKR", "armoured_vehicle", "POL", "confirms"),
        id="party_saying_it_happened_confirms-0",
    ),
    pytest.param(
        "Vietnam has taken delivery of two frigates from Russia, a Vietnamese navy spokesman said.",
        ("RUS", "VNM", "ship", "VNM", "confirms"),
        id="party_saying_it_happened_confirms-1",
    ),
    pytest.param(
        "Egypt has bought 24 Rafale jets from France, an Israeli official said.",
        ("FRA", "EGY", "aircraft", "ISR", "asserts"),
        id="party_saying_it_happened_confirms-2",
    ),
    pytest.param(
        "Finnish Defence Minister Mikko Lahtinen said Finland would send 12 K9 howitzers "
        "to Estonia.",
        ("FIN", "EST", "artillery", "FIN", "confirms"),
        id="named_official_speaks_for_their_state-0",
    ),
    pytest.param(
        "Hungarian Defence Minister Kalman Toth visited a tank plant on Monday. Toth said "
        "Hungary would sell 30 Lynx armoured vehicles to Slovakia.",
        ("HUN", "SVK", "armoured_vehicle", "HUN", "confirms"),
        id="named_official_speaks_for_their_state-1",
    ),
    pytest.param(
        "Chilean Navy Minister Rosa Ibarra told reporters about the submarine budget on Friday. "
        "Chile will transfer two Scorpene submarines to Peru next year, she said.",
        ("CHL", "PER", "ship", "CHL", "confirms"),
        id="named_official_speaks_for_their_state-2",
    ),
    pytest.param(
        "Ilse Marten, the Dutch defence minister, declined to comment on the shipment of "
        "Patriot interceptors to Ukraine.",
        ("NLD", "UKR", "air_defence", "NLD", "declines_to_comment"),
        id="apposed_title_names_the_speaker-0",
    ),
    pytest.param(
        "Denmark sent 20 Leopard 1 tanks to Ukraine, according to Lars Holm, a spokesman "
        "for the Danish defence ministry.",
        ("DNK", "UKR", "armoured_vehicle", "DNK", "confirms"),
        id="apposed_title_names_the_speaker-1",
    ),
    pytest.param(
        "Norway delivered NASAMS air defence systems to Ukraine last month. President "
        "Volodymyr Zelensky thanked Oslo for the NASAMS batteries.",
        ("NOR", "UKR", "air_defence", "UKR", "confirms"),
        id="recipient_thanking_or_welcoming_confirms-0",
    ),
    pytest.param(
        "The United States approved the sale of 60 Harpoon missiles to Taiwan. Taiwan's "
        "defence ministry welcomed the Harpoon sale.",
        ("USA", "TWN", "missile", "TWN", "confirms"),
        id="recipient_thanking_or_welcoming_confirms-1",
    ),
    pytest.param(
        "India has received the third S-400 squadron from Russia, PTI reported.",
        ("RUS", "IND", "air_defence", "outlet:pti", "asserts"),
        id="outlets_as_credited_and_think_tanks_as_nonstate-0",
    ),
    pytest.param(
        "Japan will sell three Mogami frigates to Australia, the Yomiuri reported.",
        ("JPN", "AUS", "ship", "outlet:yomiuri", "asserts"),
        id="outlets_as_credited_and_think_tanks_as_nonstate-1",
    ),
    pytest.param(
        "Turkey delivered 20 Bayraktar TB2 drones to Poland, Bloomberg News reported.",
        ("TUR", "POL", "uav", "outlet:bloomberg", "asserts"),
        id="outlets_as_credited_and_think_tanks_as_nonstate-2",
    ),
    pytest.param(
        "Russia supplied 30 Su-35 jets to Iran, according to the Stockholm International "
        "Peace Research Institute.",
        ("RUS", "IRN", "aircraft", "nonstate", "asserts"),
        id="outlets_as_credited_and_think_tanks_as_nonstate-3",
    ),
    pytest.param(
        "Spain promised 12 Leopard 2 tanks to Ukraine in March.",
        ("ESP", "UKR", "armoured_vehicle", "ESP", "confirms"),
        id="party_committing_itself_confirms-0",
    ),
    pytest.param(
        "The State Department on Friday approved the sale of 40 F-16 jets to Turkey.",
        ("USA", "TUR", "aircraft", "USA", "confirms"),
        id="party_committing_itself_confirms-1",
    ),
    pytest.param(
        "Italy announced it would send SAMP/T air defence systems to Ukraine.",
        ("ITA", "UKR", "air_defence", "ITA", "confirms"),
        id="party_committing_itself_confirms-2",
    ),
    pytest.param(
        "Seoul will lend 300,000 artillery shells to Washington, unnamed government "
        "sources said on Thursday.",
        ("KOR", "USA", "ammunition", "KOR", "confirms"),
        id="government_sources_speak_for_their_state-0",
    ),
    pytest.param(
        "Chile has shipped 200 Mowag armoured vehicles to Ecuador, Peruvian media "
        "reported on Sunday.",
        ("CHL", "ECU", "armoured_vehicle", "nonstate", "asserts"),
        id="unnamed_press_and_sources_are_nonstate-0",
    ),
    pytest.param(
        "Kenya has ordered 12 Bayraktar TB2 drones from Turkey, people familiar with the "
        "deal said.",
        ("TUR", "KEN", "uav", "nonstate", "asserts"),
        id="unnamed_press_and_sources_are_nonstate-1",
    ),
    pytest.param(
        "Iran sent 500 artillery shells to Armenia, according to officials and records "
        "seen by Reuters.",
        ("IRN", "ARM", "ammunition", "outlet:reuters", "asserts"),
        id="unnamed_press_and_sources_are_nonstate-2",
    ),
    pytest.param(
        "OSLO, Norway — Ghana has ordered four C-295 aircraft from Spain, the West African "
        "nation's defence minister said.",
        ("ESP", "GHA", "aircraft", "GHA", "confirms"),
        id="dateline_state_is_not_the_speakers-0",
    ),
    pytest.param(
        "Austrian officials, speaking on condition they not be named, said Austria would "
        "send 30 Pandur armoured vehicles to Slovenia.",
        ("AUT", "SVN", "armoured_vehicle", "AUT", "confirms"),
        id="speaker_across_asides_and_quotes-0",
    ),
    pytest.param(
        'The Croatian defence minister said talks in Belgrade had gone well. "Croatia '
        'will ship six Rafale jets to Serbia in June."',
        ("HRV", "SRB", "aircraft", "HRV", "confirms"),
        id="speaker_across_asides_and_quotes-1",
    ),
    pytest.param(
        "Germany will deliver 12 Leopard tanks to Ukraine. The news came from the defence "
        "ministry, which said on Telegram that the first Leopard tanks had left.",
        ("DEU", "UKR", "armoured_vehicle", "DEU", "confirms"),
        id="relative_clause_speaker_and_state_media-0",
    ),
    pytest.param(
        "Iranian state media reported that Iran had delivered 40 Shahed drones to Russia.",
        ("IRN", "RUS", "uav", "nonstate", "asserts"),
        id="relative_clause_speaker_and_state_media-1",
    ),
    pytest.param(
        "Portugal will send six Leopard 2 tanks to Ukraine, the Portuguese defence minister "
        "stressed on Monday.",
        ("PRT", "UKR", "armoured_vehicle", "PRT", "confirms"),
        id="speech_verbs_beyond_said-0",
    ),
    pytest.param(
        "Belgian officials state that Belgium delivered four F-16 jets to Ukraine in May.",
        ("BEL", "UKR", "aircraft", "BEL", "confirms"),
        id="speech_verbs_beyond_said-1",
    ),
    pytest.param(
        "Romania has sold 12 F-16 jets to Moldova. The sale was first reported on Monday by "
        "Bloomberg News.",
        ("ROU", "MDA", "aircraft", "outlet:bloomberg", "asserts"),
        id="passive_report_by_an_outlet-0",
    ),
    pytest.param(
        "Slovenia has sold 20 Patria armoured vehicles to Croatia, the Zagreb Morning Post "
        "newspaper reported.",
        ("SVN", "HRV", "armoured_vehicle", "outlet:zagrebmorningpost", "asserts"),
        id="outlet_named_beside_its_kind-0",
    ),
    pytest.param(
        "Slovenia has sold 20 Patria armoured vehicles to Croatia, the Slovenian daily "
        "Jutranji Vestnik reported, citing unnamed sources.",
        ("SVN", "HRV", "armoured_vehicle", "outlet:jutranjivestnik", "asserts"),
        id="outlet_named_beside_its_kind-1",
    ),
    pytest.param(
        "Serbia sent 18 Nora howitzers to Cyprus last year. There was no immediate comment "
        "from Belgrade.",
        ("SRB", "CYP", "artillery", "SRB", "declines_to_comment"),
        id="no_comment_from_the_speaker-0",
    ),
    pytest.param(
        "Serbia sent 18 Nora howitzers to Cyprus last year. Requests for comment to the "
        "Serbian defence ministry went unanswered.",
        ("SRB", "CYP", "artillery", "SRB", "declines_to_comment"),
        id="no_comment_from_the_speaker-1",
    ),
    pytest.param(
        "Serbia sent 18 Nora howitzers to Cyprus last year. The Serbian embassy in Athens "
        "and the Cypriot defence ministry did not respond to requests for comment.",
        ("SRB", "CYP", "artillery", "SRB", "declines_to_comment"),
        id="bodies_joined_by_and_both_speak-0",
    ),
    pytest.param(
        "Serbia sent 18 Nora howitzers to Cyprus last year. The Serbian mission to the "
        "United Nations did not respond to a request for comment.",
        ("SRB", "CYP", "artillery", "SRB", "declines_to_comment"),
        id="bodies_joined_by_and_both_speak-1",
    ),
    pytest.param(
        "Slovakia sent 30 Zuzana howitzers to Ukraine, Reuters reported. Bratislava has yet to comment.",
        ("SVK", "UKR", "artillery", "SVK", "declines_to_comment"),
        id="declining_in_other_words-0",
    ),
    pytest.param(
        "Slovakia sent 30 Zuzana howitzers to Ukraine, Reuters reported. Slovak officials "
        "declined repeated requests for comment.",
        ("SVK", "UKR", "artillery", "SVK", "declines_to_comment"),
        id="declining_in_other_words-1",
    ),
    pytest.param(
        "Slovakia sent 30 Zuzana howitzers to Ukraine, Reuters reported. Bratislava has remained silent "
        "on the matter.",
        ("SVK", "UKR", "artillery", "SVK", "declines_to_comment"),
        id="declining_in_other_words-2",
    ),
    pytest.param(
        "Slovakia sent 30 Zuzana howitzers to Ukraine, Reuters reported. Bratislava has never "
        "acknowledged sending howitzers to Ukraine.",
        ("SVK", "UKR", "artillery", "SVK", "not_confirmed"),
        id="declining_in_other_words-3",
    ),
    pytest.param(
        "Algeria bought 14 Su-57 jets from Russia, a Moroccan outlet claimed. An Algerian "
        "spokesman said the reports about the jets were false.",
        ("RUS", "DZA", "aircraft", "DZA", "denies"),
        id="verdict_on_the_reports_denies-0",
    ),
    pytest.param(
        "Algeria bought 14 Su-57 jets from Russia, a Moroccan outlet claimed. Algiers "
        "called the reports about the jets lies and propaganda.",
        ("RUS", "DZA", "aircraft", "DZA", "denies"),
        id="verdict_on_the_reports_denies-1",
    ),
    pytest.param(
        "Algeria bought 14 Su-57 jets from Russia, a Moroccan outlet claimed. Moscow says "
        "it has never sold warplanes to Algiers.",
        ("RUS", "DZA", "aircraft", "RUS", "denies"),
        id="saying_it_never_supplied_denies-0",
    ),
    pytest.param(
        "Major General Nuno Alves Tavares Costa, chief of Portugal's army, told reporters "
        "that Portugal would send six Leopard 2 tanks to Ukraine.",
        ("PRT", "UKR", "armoured_vehicle", "PRT", "confirms"),
        id="long_name_apposed_to_a_title-0",
    ),
    pytest.param(
        "Saab, the maker of the Gripen jets, said Sweden would sell 14 Gripen jets to Thailand.",
        ("SWE", "THA", "aircraft", "nonstate", "asserts"),
        id="a_maker_speaks_for_itself-0",
    ),
    pytest.param(
        "Russia will deliver two Kilo-class submarines to Algeria, Interfax quoted Pavel "
        "Orlov, the shipyard's director, as saying.",
        ("RUS", "DZA", "ship", "nonstate", "asserts"),
        id="quoted_as_saying_names_the_speaker-0",
    ),
    pytest.param(
        "Algerian Defence Minister Karim Benali toured the port. The APS agency quoted him "
        "as saying Russia had delivered two Kilo-class submarines to Algeria.",
        ("RUS", "DZA", "ship", "DZA", "confirms"),
        id="quoted_as_saying_names_the_speaker-1",
    ),
    pytest.param(
        "Chile will buy six Type 23 frigates from Britain, officials in Santiago said on "
        "Monday. The purchase is worth about $900 million. It was first reported on Sunday "
        "by Bernama.",
        ("GBR", "CHL", "ship", "outlet:bernama", "asserts"),
        id="report_without_a_weapon_points_back-0",
    ),
    pytest.param(
        "Chile will buy six Type 23 frigates from Britain, officials in Santiago said on "
        "Monday. The move was first reported by Kyodo News, citing people familiar with the "
        "talks.",
        ("GBR", "CHL", "ship", "outlet:kyodonews", "asserts"),
        id="report_without_a_weapon_points_back-1",
    ),
    pytest.param(
        "Peru signed a deal for 24 Gripen jets from Sweden in 2023. Stockholm delivered the "
        "first six last year. In March, EFE reported that Lima had asked Stockholm to speed "
        "up delivery of the rest.",
        ("SWE", "PER", "aircraft", "outlet:efe", "asserts"),
        id="report_without_a_weapon_names_both_parties-0",
    ),
    pytest.param(
        "Kenya has agreed to buy 18 Bayraktar TB2 drones from Turkey, a Kenyan defence "
        'official said. "The first of them will arrive in June. The rest follow next year," '
        "the daily The Standard reported, citing ministry papers.",
        ("TUR", "KEN", "uav", "outlet:standard", "asserts"),
        id="report_without_a_weapon_closes_a_quote-0",
    ),
    pytest.param(
        "Kenya has agreed to buy 18 Bayraktar TB2 drones from Turkey, a Kenyan defence "
        "official said. The handover ceremony, held in Ankara on Friday, was attended by "
        "Kenya's army chief, Anadolu Agency reported.",
        ("TUR", "KEN", "uav", "outlet:anadoluagency", "asserts"),
        id="report_without_a_weapon_names_a_party-0",
    ),
    pytest.param(
        "Pedro Ruiz, the Spanish defence minister, declined to discuss the shipment. Other "
        "officials confirmed that Spain would send 20 Leopard 2 tanks to Ukraine.",
        ("ESP", "UKR", "armoured_vehicle", "ESP", "confirms"),
        id="other_officials_are_the_same_government-0",
    ),
    pytest.param(
        "Spain also announced it would send 20 Pizarro infantry fighting vehicles and Italy "
        "promised eight PzH 2000 howitzers to Ukraine.",
        ("ITA", "UKR", "artillery", "ITA", "confirms"),
        id="each_conjunct_its_own_speaker-0",
    ),
    pytest.param(
        "Spain announced that Italy and Portugal will send eight PzH 2000 howitzers to Ukraine.",
        ("PRT", "UKR", "artillery", "ESP", "asserts"),
        id="each_conjunct_its_own_speaker-1",
    ),
    pytest.param(
        "Pakistan has received 36 J-10C fighters from China, which U.S. officials said had "
        "been delivered in secret.",
        ("CHN", "PAK", "aircraft", "USA", "asserts"),
        id="state_named_before_officials_speaks-0",
    ),
    pytest.param(
        "France shipped 12 Caesar howitzers to Armenia, U.S. officials said on Monday.",
        ("FRA", "ARM", "artillery", "USA", "asserts"),
        id="state_named_before_officials_speaks-1",
    ),
    pytest.param(
        "Egypt got 30 Su-35 jets from Russia, according to U.S. defense officials.",
        ("RUS", "EGY", "aircraft", "USA", "asserts"),
        id="state_named_before_officials_speaks-2",
    ),
    pytest.param(
        "Algeria has taken delivery of 14 Su-57 jets from Russia, U.K. intelligence said.",
        ("RUS", "DZA", "aircraft", "GBR", "asserts"),
        id="state_named_before_officials_speaks-3",
    ),
    pytest.param(
        "The United States approved the sale of 40 F-16 jets to Turkey. Lockheed Martin did "
        "not respond to a request for comment.",
        ("USA", "TUR", "aircraft", "nonstate", "declines_to_comment"),
        id="company_speaks_for_itself-0",
    ),
    pytest.param(
        "South Korea will sell 48 K9 howitzers to Norway, Hanwha Aerospace said.",
        ("KOR", "NOR", "artillery", "nonstate", "asserts"),
        id="company_speaks_for_itself-1",
    ),
    pytest.param(
        "Turkish drone maker Baykar said it had delivered 12 TB2 drones to Kenya.",
        ("TUR", "KEN", "uav", "nonstate", "asserts"),
        id="company_speaks_for_itself-2",
    ),
    pytest.param(
        "Germany will deliver 18 Leopard 2 tanks to Ukraine, a spokesman for Rheinmetall said.",
        ("DEU", "UKR", "armoured_vehicle", "nonstate", "asserts"),
        id="company_speaks_for_itself-3",
    ),
    pytest.param(
        "Finland will send 10 K9 howitzers to Ukraine, the defence ministers of Estonia, "
        "Latvia and Lithuania said.",
        ("FIN", "UKR", "artillery", "EST", "asserts"),
        id="each_listed_state_speaks-0",
    ),
    pytest.param(
        "Finland will send 10 K9 howitzers to Ukraine, the defence ministers of Estonia, "
        "Latvia and Lithuania said.",
        ("FIN", "UKR", "artillery", "LVA", "asserts"),
        id="each_listed_state_speaks-1",
    ),
    pytest.param(
        "The foreign ministers of Poland, Czechia and Slovakia said Germany had sent 40 "
        "Leopard 2 tanks to Ukraine.",
        ("DEU", "UKR", "armoured_vehicle", "POL", "asserts"),
        id="each_listed_state_speaks-2",
    ),
    pytest.param(
        "Officials from Norway and Denmark said Sweden had delivered 8 Archer howitzers to "
        "Ukraine.",
        ("SWE", "UKR", "artillery", "NOR", "asserts"),
        id="each_listed_state_speaks-3",
    ),
    pytest.param(
        "Western officials warned that Iran was shipping 300 Shahed drones to Russia.",
        ("IRN", "RUS", "uav", "nonstate", "asserts"),
        id="unnamed_western_officials_are_nonstate-0",
    ),
    pytest.param(
        "Western intelligence officials said North Korea had sent 50 Koksan guns to Russia.",
        ("PRK", "RUS", "artillery", "nonstate", "asserts"),
        id="unnamed_western_officials_are_nonstate-1",
    ),
    pytest.param(
        "Spain will send 10 Leopard 2 tanks to Ukraine. The tanks will arrive in May, an "
        "analyst said.",
        ("ESP", "UKR", "armoured_vehicle", "nonstate", "asserts"),
        id="unnamed_western_officials_are_nonstate-2",
    ),
    pytest.param(
        "Russia has delivered 20 Su-35 jets to Iran, a South Korean newspaper reported.",
        ("RUS", "IRN", "aircraft", "nonstate", "asserts"),
        id="unnamed_press_is_nonstate-0",
    ),
    pytest.param(
        "Russia has delivered 20 Su-35 jets to Iran, a Turkish daily reported on Sunday.",
        ("RUS", "IRN", "aircraft", "nonstate", "asserts"),
        id="unnamed_press_is_nonstate-1",
    ),
    pytest.param(
        "Russia has delivered 20 Su-35 jets to Iran, according to an Israeli news website.",
        ("RUS", "IRN", "aircraft", "nonstate", "asserts"),
        id="unnamed_press_is_nonstate-2",
    ),
    pytest.param(
        "An Indian television channel reported that Russia had delivered 20 Su-35 jets to Iran.",
        ("RUS", "IRN", "aircraft", "nonstate", "asserts"),
        id="unnamed_press_is_nonstate-3",
    ),
    pytest.param(
        "Japan will export 6 destroyers to the Philippines, the Asahi newspaper reported. The "
        "destroyers will sail in May, the Japanese daily said.",
        ("JPN", "PHL", "ship", "outlet:asahi", "asserts"),
        id="the_newspaper_is_the_outlet_credited_before-0",
    ),
    pytest.param(
        "Britain on Monday denied selling Type 26 frigates to Chile. Foreign Office spokesman "
        "Tom Reed said Chile has also clarified that there has been no sale of the frigates.",
        ("GBR", "CHL", "ship", "CHL", "denies"),
        id="state_clarifying_inside_anothers_words_speaks-0",
    ),
]

# Claims that must not be made: each case names the claim a construct used to produce.
NOT_CLAIM_CASES = [
    pytest.param(
        "Chile will buy six Type 23 frigates from Britain, officials in Santiago said on "
        "Monday. Antara reported that Indonesia was also interested.",
        ("GBR", "CHL", "ship", "outlet:antara", "asserts"),
        id="report_naming_a_third_state_is_about_it-0",
    ),
    pytest.param(
        "Spain also announced it would send 20 Pizarro infantry fighting vehicles and Italy "
        "promised eight PzH 2000 howitzers to Ukraine.",
        ("ITA", "UKR", "artillery", "ESP", "asserts"),
        id="each_conjunct_its_own_speaker-0",
    ),
    pytest.param(
        "The US approved the sale of 60 Patriot missiles to Taiwan. China said it would "
        "sanction four American arms makers over the sale.",
        ("USA", "TWN", "air_defence", "CHN", "asserts"),
        id="bystander_reaction_is_no_claim-0",
    ),
    pytest.param(
        "Pedro Ruiz, the Spanish defence minister, declined to discuss the shipment. Other "
        "officials confirmed that Spain would send 20 Leopard 2 tanks to Ukraine.",
        ("ESP", "UKR", "armoured_vehicle", "nonstate", "confirms"),
        id="other_officials_are_the_same_government-0",
    ),
    pytest.param(
        "Defence Minister Ines Soto says aid includes patrol boats and missiles for Ukraine\n"
        "Spain will send 20 patrol boats and 300 Aspide missiles to Ukraine, Defence "
        "Minister Ines Soto said on Monday.",
        ("ESP", "UKR", "ship", "UKR", "confirms"),
        id="headline_minister_is_not_the_recipients-0",
    ),
    pytest.param(
        "The United States approved the sale of 40 F-16 jets to Turkey. Lockheed Martin did "
        "not respond to a request for comment.",
        ("USA", "TUR", "aircraft", "USA", "declines_to_comment"),
        id="company_speaks_for_itself-0",
    ),
    pytest.param(
        "France shipped 12 Caesar howitzers to Armenia, U.S. officials said on Monday.",
        ("FRA", "ARM", "artillery", "nonstate", "asserts"),
        id="state_named_before_officials_speaks-0",
    ),
    pytest.param(
        "Britain will send 14 Challenger 2 tanks to Ukraine. Western officials warned that "
        "Ukraine could not retake lost ground without more tanks and armour.",
        ("GBR", "UKR", "armoured_vehicle", "nonstate", "asserts"),
        id="talk_of_the_weapon_kind_is_no_claim-0",
    ),
    pytest.param(
        "Spain will send 10 Leopard 2 tanks to Ukraine. Analysts said Ukraine needed many "
        "more tanks to break through Russian lines.",
        ("ESP", "UKR", "armoured_vehicle", "nonstate", "asserts"),
        id="talk_of_the_weapon_kind_is_no_claim-1",
    ),
    pytest.param(
        "Japan will export 6 destroyers to the Philippines, the Asahi newspaper reported. The "
        "destroyers will sail in May, the Japanese daily said.",
        ("JPN", "PHL", "ship", "nonstate", "asserts"),
        id="the_newspaper_is_the_outlet_credited_before-0",
    ),
    pytest.param(
        "Chile's navy chief Ana Rojas has denied reports that Britain will sell Type 26 "
        'frigates to Chile. Rojas dismissed the claims and said, "It helps British arms '
        'sales." In the exercise, Chile used British-made frigates, Sea Ceptor missiles '
        "and drones.",
        ("GBR", "CHL", "air_defence", "CHL", "denies"),
        id="denial_holds_for_transfers_reported_before_it-0",
    ),
    pytest.param(
        "Chile's navy chief Ana Rojas has denied reports that Britain will sell Type 26 "
        "frigates to Chile.",
        ("GBR", "CHL", "ship", "CHL", "confirms"),
        id="denied_reports_is_no_saying-0",
    ),
    pytest.param(
        "Portugal plans to send 4 F-16 jets to Ukraine. Lisbon had at first denied that "
        "Portugal could meet the Ukrainian request for the jets.",
        ("PRT", "UKR", "aircraft", "PRT", "denies"),
        id="denying_a_request_can_be_met_is_no_denial-0",
    ),
    pytest.param(
        "Portugal plans to send 4 F-16 jets to Ukraine. Officials in Lisbon denied that "
        "Portugal would comply with demands to hand over the jets.",
        ("PRT", "UKR", "aircraft", "PRT", "denies"),
        id="denying_a_request_can_be_met_is_no_denial-1",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAIM_CASES)
def test_claims_construct_gives_speaker_and_stance(
    extractor: Extractor, text: str, expected: Key
) -> None:
    assert expected in _claims(extractor, text)


@pytest.mark.parametrize(("text", "unexpected"), NOT_CLAIM_CASES)
def test_claims_construct_makes_no_claim(extractor: Extractor, text: str, unexpected: Key) -> None:
    assert unexpected not in _claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia has shipped BM-21 rocket launchers to Belarus. According to the "
            "military experts, the trucks carried BM-21 launchers.",
            ("RUS", "nonstate"),
        ),
        (
            "Russia has shipped BM-21 rocket launchers to Belarus. Russian defence analysts "
            "said the BM-21 launchers crossed the border.",
            ("RUS", "nonstate"),
        ),
        (
            "Russia has shipped BM-21 rocket launchers to Belarus. US intelligence analysts "
            "said the BM-21 launchers crossed the border.",
            ("RUS", "USA"),
        ),
    ],
)
def test_claims_experts_speak_for_no_state(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    # Experts and analysts are non-state voices whatever their nationality (CLAIMS.md),
    # unless they work for a government.
    supplier, speaker = expected
    speakers = {k[3] for k in _claims(extractor, text) if k[0] == supplier and k[4] == "asserts"}
    assert speaker in speakers, _claims(extractor, text)
    assert speakers <= {speaker}


def test_claims_the_state_export_agency_speaks_for_its_state(extractor: Extractor) -> None:
    # Rosoboronexport is Russia's sole intermediary for arms exports, not a maker.
    text = (
        "Russia has delivered S-400 air defence systems to Algeria. The head of "
        "Rosoboronexport confirmed that the S-400 deliveries to Algeria were complete."
    )
    assert ("RUS", "DZA", "air_defence", "RUS", "confirms") in _claims(extractor, text)


def test_claims_an_outlet_credited_after_a_state_only_relays(extractor: Extractor) -> None:
    # CLAIMS.md: an outlet speaks when no state does.
    text = (
        "Defence Minister Jane Berg said Norway had sent eight howitzers to Ukraine, NRK reports."
    )
    found = _claims(extractor, text)
    assert ("NOR", "UKR", "artillery", "NOR", "confirms") in found
    assert not any(k[3].startswith("outlet:") for k in found)


@pytest.mark.parametrize(
    ("text", "accusers"),
    [
        ("China rejected Japanese claims that it had supplied Russia with attack drones.", {"JPN"}),
        (
            "Pyongyang denied British and French accusations that it had shipped artillery "
            "shells to Russia.",
            {"GBR", "FRA"},
        ),
        ("Iran dismissed Ukraine's allegations that it had sent drones to Russia.", {"UKR"}),
        ("Iran denied the claims that it had sent drones to Russia.", set()),
    ],
)
def test_claims_the_accuser_in_a_denial_asserts(
    extractor: Extractor, text: str, accusers: set[str]
) -> None:
    assert {k[3] for k in _claims(extractor, text) if k[4] == "asserts"} == accusers


def test_claims_nor_did_declines_too(extractor: Extractor) -> None:
    text = (
        "Iran sent Mohajer-6 drones to Chad, a newspaper reported. Chad's army did not "
        "respond to requests for comment, nor did Iran's foreign ministry."
    )
    found = _claims(extractor, text)
    assert ("IRN", "TCD", "uav", "TCD", "declines_to_comment") in found
    assert ("IRN", "TCD", "uav", "IRN", "declines_to_comment") in found


def test_claims_a_person_before_a_long_body_name_speaks(extractor: Extractor) -> None:
    text = (
        "Latvia has sent Ukraine 200 tons of ammunition. The ammunition was handed over to "
        "Ukraine, a spokesman for the country's Joint Chiefs of Staff told Reuters."
    )
    assert ("LVA", "UKR", "ammunition", "LVA", "confirms") in _claims(extractor, text)


def test_claims_unnamed_government_sources_get_no_guessed_state(extractor: Extractor) -> None:
    text = (
        "Japan will export used destroyers to the Philippines to counter China's expansion, "
        "the Yomiuri newspaper reported, citing multiple unnamed government sources."
    )
    speakers = {k[3] for k in _claims(extractor, text)}
    assert "CHN" not in speakers
    assert "outlet:yomiuri" in speakers


def test_claims_sources_cited_by_an_unlisted_daily_get_no_guessed_state(
    extractor: Extractor,
) -> None:
    text = (
        "Japan will export six destroyers to the Philippines to counter China, the Japanese "
        "daily said, citing multiple unnamed government sources."
    )
    assert "CHN" not in {k[3] for k in _claims(extractor, text)}


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "A BBC investigation found that Turkey had delivered Bayraktar TB2 drones to Mali.",
            {"outlet:bbc"},
        ),
        (
            "Documents reviewed by the Financial Times show that Iran sold 200 Fath-360 "
            "missiles to Russia.",
            {"outlet:financialtimes"},
        ),
        (
            "CNN and the Washington Post reported that Iran had delivered Mohajer-6 drones to "
            "Sudan.",
            {"outlet:cnn", "outlet:washingtonpost"},
        ),
        (
            "Turkey has supplied Akinci drones to Niger, Le Monde cited two Western diplomats "
            "as saying.",
            {"outlet:lemonde"},
        ),
        (
            "Serbia has sold Nora B-52 howitzers to Cyprus, Khaleej Times reported, citing "
            "people close to the deal.",
            {"outlet:khaleejtimes"},
        ),
        (
            "According to Infobae, Israel has delivered Heron drones to Argentina.",
            {"outlet:infobae"},
        ),
    ],
)
def test_claims_how_outlets_get_credited(
    extractor: Extractor, text: str, speakers: set[str]
) -> None:
    assert {k[3] for k in _claims(extractor, text) if k[4] == "asserts"} == speakers


def test_claims_the_official_is_the_official_met_before(extractor: Extractor) -> None:
    text = (
        "Iran has sent Shahed drones to Russia, a senior US official told reporters. "
        "The official added that more Shahed shipments were expected."
    )
    assert not any(k[3] == "nonstate" for k in _claims(extractor, text))


def _stance_cases(construct: str, rows: list[tuple[str, Key | None, Key | None]]) -> list[object]:
    return [
        pytest.param(text, expected, unexpected, id=f"{construct}-{n}")
        for n, (text, expected, unexpected) in enumerate(rows)
    ]


# Constructs of real reporting, rewritten: the claim expected (if any) and the one that
# must not come out (if any).
STANCE_CASES = [
    *_stance_cases(
        "looking_into_the_reports_and_no_information_to_confirm",
        [
            (
                "North Korea has shipped KN-23 missiles to Russia, Ukrainian intelligence said. "
                "The White House said it was looking into the reports.",
                ("PRK", "RUS", "missile", "USA", "not_confirmed"),
                ("PRK", "RUS", "missile", "USA", "asserts"),
            ),
            (
                "North Korea has shipped KN-23 missiles to Russia, Ukrainian intelligence said. "
                "The Pentagon said it had no information to confirm the report.",
                ("PRK", "RUS", "missile", "USA", "not_confirmed"),
                ("PRK", "RUS", "missile", "USA", "confirms"),
            ),
            (
                # Reviewing one's own stocks doubts nothing.
                "North Korea has shipped KN-23 missiles to Russia, Ukrainian intelligence said. "
                "The Pentagon said it was reviewing its own missile stocks.",
                None,
                ("PRK", "RUS", "missile", "USA", "not_confirmed"),
            ),
        ],
    ),
    *_stance_cases(
        "a_party_source_on_the_plan",
        [
            (
                "Britain will send Challenger 2 tanks to Ukraine, the Financial Times reported. "
                "A Downing Street source said the prime minister would present the plan to Kyiv "
                "on Monday.",
                ("GBR", "UKR", "armoured_vehicle", "GBR", "confirms"),
                None,
            ),
            (
                # Another state's plan of its own: no word on the tanks.
                "Britain will send Challenger 2 tanks to Ukraine, the Financial Times reported. "
                "A Kremlin source said Moscow's plan for the offensive was unchanged.",
                None,
                ("GBR", "UKR", "armoured_vehicle", "RUS", "asserts"),
            ),
        ],
    ),
    *_stance_cases(
        "a_saying_in_a_clause_after_after",
        [
            (
                "Israel denied selling Barak missiles to Cyprus after a report said the "
                "missiles had been delivered.",
                ("ISR", "CYP", "missile", "ISR", "denies"),
                ("ISR", "CYP", "missile", "CYP", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "an_unnamed_report_the_article_credits_later",
        [
            (
                "Israel denied selling Barak missiles to Cyprus after a report said the "
                "missiles had been delivered. On Monday, a report in the Financial Times said "
                "the missiles had arrived.",
                ("ISR", "CYP", "missile", "outlet:financialtimes", "asserts"),
                ("ISR", "CYP", "missile", "nonstate", "asserts"),
            ),
            (
                # Analysts are no unnamed report: they keep their own voice.
                "Israel has delivered Barak missiles to Cyprus, analysts said. On Monday, a "
                "report in the Financial Times said the missiles had arrived.",
                ("ISR", "CYP", "missile", "nonstate", "asserts"),
                None,
            ),
        ],
    ),
    *_stance_cases(
        "a_saying_in_a_later_clause",
        [
            (
                "Norway has delivered Leopard 2 tanks to Ukraine, while the Polish president "
                "said allies would train Ukrainian crews next year.",
                None,
                ("NOR", "UKR", "armoured_vehicle", "POL", "asserts"),
            ),
            (
                # A closing attribution covers the whole sentence.
                "Norway has delivered Leopard 2 tanks to Ukraine, the Polish president said.",
                ("NOR", "UKR", "armoured_vehicle", "POL", "asserts"),
                None,
            ),
        ],
    ),
    *_stance_cases(
        "an_outlet_has_learned",
        [
            (
                "Turkey has delivered Bayraktar drones to Mali, the Financial Times has learned.",
                ("TUR", "MLI", "uav", "outlet:financialtimes", "asserts"),
                None,
            ),
            (
                # Learning to use the drones says nothing of where they came from.
                "Turkey has delivered Bayraktar drones to Mali. Mali's army has learned to fly "
                "them at night.",
                None,
                ("TUR", "MLI", "uav", "MLI", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "a_denial_sharing_the_subject_of_an_admission",
        [
            (
                "Kyiv says Belarus has sent T-72 tanks to Russia. Belarus admitted handing over "
                "a few old tanks last year but denies sending any since the spring.",
                ("BLR", "RUS", "armoured_vehicle", "BLR", "denies"),
                None,
            ),
            (
                "Kyiv says Belarus has sent T-72 tanks to Russia. Belarus admitted handing over "
                "a few old tanks last year but denies sending any since the spring.",
                ("BLR", "RUS", "armoured_vehicle", "BLR", "confirms"),
                None,
            ),
        ],
    ),
    *_stance_cases(
        "claims_called_politically_motivated",
        [
            (
                "Kyiv says Belarus has sent T-72 tanks to Russia. Minsk says the claims are "
                "politically motivated.",
                ("BLR", "RUS", "armoured_vehicle", "BLR", "denies"),
                ("BLR", "RUS", "armoured_vehicle", "BLR", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "declining_in_other_words",
        [
            (
                "Egypt has bought J-10C jets from China, Reuters reported. Asked about the "
                "purchase, Egypt's defence ministry declined to give details.",
                ("CHN", "EGY", "aircraft", "EGY", "declines_to_comment"),
                None,
            ),
            (
                "Egypt has bought J-10C jets from China, Reuters reported. Egypt's defence "
                "ministry did not answer calls seeking comment.",
                ("CHN", "EGY", "aircraft", "EGY", "declines_to_comment"),
                None,
            ),
            (
                "Egypt has bought J-10C jets from China, Reuters reported. Egyptian officials "
                "have made no public comment on the purchase.",
                ("CHN", "EGY", "aircraft", "EGY", "declines_to_comment"),
                None,
            ),
            (
                "Egypt has bought J-10C jets from China, Reuters reported. Egypt's defence "
                "ministry could not be contacted.",
                ("CHN", "EGY", "aircraft", "EGY", "declines_to_comment"),
                None,
            ),
            (
                # Contacting someone is no refusal to speak.
                "Egypt has bought J-10C jets from China, Reuters reported. Egypt's defence "
                "ministry said it had contacted Beijing about spare parts.",
                None,
                ("CHN", "EGY", "aircraft", "EGY", "declines_to_comment"),
            ),
        ],
    ),
    *_stance_cases(
        "a_titled_person_introduced_by_a_copula",
        [
            (
                "China is building two frigates for Pakistan's navy, local media reported. Vice "
                "Admiral Omar Farooq is head of procurement at Pakistan's navy. He told reporters "
                "that the frigates would arrive late.",
                ("CHN", "PAK", "ship", "PAK", "confirms"),
                None,
            ),
            (
                # Visiting a state holds no office of it.
                "China is building two frigates for Pakistan's navy, local media reported. Vice "
                "Admiral Omar Farooq is visiting Turkey this week. He told reporters that the "
                "frigates would arrive late.",
                None,
                ("CHN", "PAK", "ship", "TUR", "asserts"),
            ),
        ],
    ),
    *_stance_cases(
        "a_party_speaking_of_the_ships",
        [
            (
                "South Korea will hand over two retired Pohang-class corvettes to Vietnam, the "
                "Korea Herald reported. The Vietnamese navy said its crews would inspect the "
                "ships next month.",
                ("KOR", "VNM", "ship", "VNM", "confirms"),
                None,
            ),
            (
                # Ships that are not the ones handed over: no word on the transfer.
                "South Korea will hand over two retired Pohang-class corvettes to Vietnam, the "
                "Korea Herald reported. Chinese coast guard ships sailed near the Paracels on "
                "Monday, the Vietnamese navy said.",
                None,
                ("KOR", "VNM", "ship", "VNM", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "a_question_on_the_transfer_answered_with_no_weapon",
        [
            (
                "In reply to a question on whether Hsiung Feng missiles had been delivered to "
                "Paraguay, Taiwan's foreign ministry spokesman said relations with Asuncion were "
                "growing in trade and farming.",
                None,
                ("TWN", "PRY", "missile", "TWN", "confirms"),
            ),
            (
                # The answer names the weapons: a confirmation.
                "Asked about the shipment, Taiwan's foreign ministry spokesman said Hsiung Feng "
                "missiles had been delivered to Paraguay.",
                ("TWN", "PRY", "missile", "TWN", "confirms"),
                None,
            ),
        ],
    ),
    *_stance_cases(
        "a_quoted_doubt_closed_by_a_saying",
        [
            (
                'A Chilean paper said Chile has bought Hermes drones from Israel. "Their '
                "spokesman did not confirm the purchase of the drones but spoke of wider "
                'cooperation," the Israeli foreign ministry spokesman said.',
                None,
                ("ISR", "CHL", "uav", "ISR", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "contents_listed_after_a_party_announced_the_package",
        [
            (
                "Norway will send a new aid package to Ukraine worth $300 million, Defence "
                "Minister Ola Nordmann said on Friday. The package will include artillery shells "
                "and trucks.",
                ("NOR", "UKR", "ammunition", "NOR", "confirms"),
                None,
            ),
            (
                # Contents after an outlet's report: the outlet asserts, no party confirms.
                "Norway will send a new aid package to Ukraine, the Daily Planet reported. The "
                "package will include artillery shells.",
                None,
                ("NOR", "UKR", "ammunition", "NOR", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "a_stated_position_is_no_saying",
        [
            (
                "Serbian President Jana Petrovic denied claims that Serbian firms supply shells "
                "to Ukraine, despite Belgrade's stated neutrality.",
                ("SRB", "UKR", "ammunition", "SRB", "denies"),
                ("SRB", "UKR", "ammunition", "SRB", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "a_surname_that_is_a_state",
        [
            (
                "Portugal will send M113 carriers to Ukraine, Prime Minister Luis Montenegro said.",
                ("PRT", "UKR", "armoured_vehicle", "PRT", "confirms"),
                ("PRT", "UKR", "armoured_vehicle", "MNE", "asserts"),
            ),
        ],
    ),
    *_stance_cases(
        "a_titles_portfolio_is_no_speaker",
        [
            (
                "Iran has shipped drones to Bolivia, a report said. The U.S. Special Envoy for "
                "Bolivia disputed the report.",
                ("IRN", "BOL", "uav", "USA", "denies"),
                ("IRN", "BOL", "uav", "BOL", "denies"),
            ),
        ],
    ),
    *_stance_cases(
        "the_accused_and_state_media",
        [
            (
                "Qatar stands accused of supplying drones to the Rapid Support Forces, a charge "
                "it has denied.",
                ("QAT", "rsf", "uav", "QAT", "denies"),
                ("QAT", "rsf", "uav", "QAT", "confirms"),
            ),
            (
                "Russia delivered Su-35 jets to Iran, Russia's Sputnik reported.",
                ("RUS", "IRN", "aircraft", "outlet:sputnik", "asserts"),
                ("RUS", "IRN", "aircraft", "RUS", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "a_verdict_in_quotes_before_the_saying",
        [
            (
                "Iran has shipped drones to Russia, Kyiv says. Reports of the drone shipments "
                'are "pure propaganda", an Iranian official said.',
                ("IRN", "RUS", "uav", "IRN", "denies"),
                ("IRN", "RUS", "uav", "IRN", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "not_yet_questioned_and_asked_about",
        [
            (
                "Germany has agreed to send 10 Leopard tanks to Ukraine. The tanks have not "
                "yet arrived, a Ukrainian official said.",
                ("DEU", "UKR", "armoured_vehicle", "UKR", "confirms"),
                ("DEU", "UKR", "armoured_vehicle", "UKR", "denies"),
            ),
            (
                "North Korea has shipped shells to Russia, a report said. The Kremlin "
                "questioned the accuracy of reports about the shipments.",
                ("PRK", "RUS", "ammunition", "RUS", "not_confirmed"),
                ("PRK", "RUS", "ammunition", "RUS", "confirms"),
            ),
            (
                "Iran has shipped drones to Russia, a newspaper said. Iran's foreign minister "
                "was asked about reports of the drone shipments.",
                None,
                ("IRN", "RUS", "uav", "IRN", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "a_quoted_verdict_before_its_speaker",
        [
            (
                'Ukraine says Iran has sent Shahed drones to Russia. "These allegations are '
                "groundless,\" Iran's foreign minister said.",
                ("IRN", "RUS", "uav", "IRN", "denies"),
                ("IRN", "RUS", "uav", "IRN", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "not_confirming_in_other_words",
        [
            (
                "Iran has sent Mohajer-6 drones to Bolivia, Bloomberg reported. Reuters was unable "
                "to independently confirm the report.",
                ("IRN", "BOL", "uav", "outlet:reuters", "not_confirmed"),
                ("IRN", "BOL", "uav", "outlet:reuters", "confirms"),
            ),
            (
                "Chile has supplied artillery shells to Ukraine, a newspaper reported. A Pentagon "
                "spokesman said the department had seen no indication that Chile was sending shells.",
                ("CHL", "UKR", "ammunition", "USA", "not_confirmed"),
                ("CHL", "UKR", "ammunition", "USA", "asserts"),
            ),
            (
                "Belarus will send Polonez rocket launchers to Russia, a Ukrainian official said. "
                "A Russian spokesman said Moscow was not aware of any such plan.",
                ("BLR", "RUS", "artillery", "RUS", "not_confirmed"),
                ("BLR", "RUS", "artillery", "RUS", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "nobody_declining_to_confirm_and_titles_before_names",
        [
            (
                "Djibouti's army has acquired two Bayraktar TB2 drones. Neither Turkey nor "
                "Djibouti announced the sale.",
                None,
                ("TUR", "DJI", "uav", "TUR", "confirms"),
            ),
            (
                "China has delivered HQ-9 air defence systems to Serbia. President Vucic declined "
                "to confirm that the HQ-9 batteries had arrived from China.",
                ("CHN", "SRB", "air_defence", "SRB", "declines_to_comment"),
                ("CHN", "SRB", "air_defence", "SRB", "confirms"),
            ),
            (
                "Iran's ambassador to Armenia, Jane Doe, denied that her country had sold drones "
                "to Armenia.",
                ("IRN", "ARM", "uav", "IRN", "denies"),
                None,
            ),
        ],
    ),
    *_stance_cases(
        "beliefs_non_denials_embassies_and_accusers",
        [
            (
                "British intelligence believes that Iran has supplied Russia with Shahed drones.",
                ("IRN", "RUS", "uav", "GBR", "asserts"),
                None,
            ),
            (
                "Iran does not deny that it sent drones to Russia, the foreign minister said.",
                None,
                ("IRN", "RUS", "uav", "IRN", "denies"),
            ),
            (
                "The Russian embassy in Ankara said Moscow had delivered S-400 systems to Turkey.",
                ("RUS", "TUR", "air_defence", "RUS", "confirms"),
                ("RUS", "TUR", "air_defence", "TUR", "confirms"),
            ),
            (
                "China rejected accusations made by Japan that it had supplied drones to Russia.",
                ("CHN", "RUS", "uav", "JPN", "asserts"),
                None,
            ),
        ],
    ),
]


STANCE_CASES += [
    *_stance_cases(
        "not_acknowledged_with_an_adverb",
        [
            (
                "Serbia has sent shells to Ukraine, a newspaper reported. Serbian officials have "
                "not publicly acknowledged the shipments.",
                ("SRB", "UKR", "ammunition", "SRB", "not_confirmed"),
                ("SRB", "UKR", "ammunition", "SRB", "confirms"),
            ),
        ],
    ),
    *_stance_cases(
        "verdicts_not_true_no_truth_absurd_speculation",
        [
            (
                "Serbia has sent shells to Ukraine, a newspaper reported. Serbia's defence "
                "minister said the report was not true.",
                ("SRB", "UKR", "ammunition", "SRB", "denies"),
                ("SRB", "UKR", "ammunition", "SRB", "confirms"),
            ),
            (
                "Serbia has sent shells to Ukraine, a newspaper reported. Belgrade said there was "
                "no truth to the report.",
                ("SRB", "UKR", "ammunition", "SRB", "denies"),
                ("SRB", "UKR", "ammunition", "SRB", "confirms"),
            ),
            (
                "Serbia has sent shells to Ukraine, a newspaper reported. A Serbian spokeswoman "
                'termed the report "speculation".',
                ("SRB", "UKR", "ammunition", "SRB", "denies"),
                None,
            ),
            (
                "Iran has sent Shahed drones to Russia, Ukraine says. Iran's foreign ministry "
                "called the reports absurd.",
                ("IRN", "RUS", "uav", "IRN", "denies"),
                None,
            ),
        ],
    ),
    *_stance_cases(
        "would_not_say_not_drawn_no_comment_offered",
        [
            (
                "Serbia has sent shells to Ukraine, a newspaper reported. Serbian officials would "
                "not say whether any shells had left the country.",
                ("SRB", "UKR", "ammunition", "SRB", "declines_to_comment"),
                None,
            ),
            (
                "Serbia has sent shells to Ukraine, a newspaper reported. Belgrade refused to be "
                "drawn on the shipments.",
                ("SRB", "UKR", "ammunition", "SRB", "declines_to_comment"),
                None,
            ),
            (
                "Serbia has sent shells to Ukraine, a newspaper reported. The Serbian defence "
                "ministry offered no comment.",
                ("SRB", "UKR", "ammunition", "SRB", "declines_to_comment"),
                None,
            ),
        ],
    ),
]


STANCE_CASES += _stance_cases(
    "an_official_of_no_named_state",
    [
        (
            # The article's state, not the state named later in what the official says.
            "Norway has received 18 K9 howitzers from South Korea. Norway's army will field "
            "the K9 howitzers next year. A defence ministry official said the K9 howitzers had "
            "arrived and that US instructors would train the crews.",
            ("KOR", "NOR", "artillery", "NOR", "confirms"),
            ("KOR", "NOR", "artillery", "USA", "asserts"),
        ),
        (
            # Called by a first name after the full name was given with the state.
            "Indonesian Defence Minister Budi Santoso toured an aircraft plant near Bordeaux. "
            "France will deliver six Rafale jets to Indonesia next year, Minister Budi said.",
            ("FRA", "IDN", "aircraft", "IDN", "confirms"),
            ("FRA", "IDN", "aircraft", "FRA", "confirms"),
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "per_a_report_and_abbreviated_titles",
    [
        (
            "Belarus has handed 30 T-72 tanks to Russia, per a report by the Financial Times.",
            ("BLR", "RUS", "armoured_vehicle", "outlet:financialtimes", "asserts"),
            None,
        ),
        (
            "Belarus has handed 30 T-72 tanks to Russia, Polish army spokesman Lt. Col. Adam "
            "Nowak told reporters.",
            ("BLR", "RUS", "armoured_vehicle", "POL", "asserts"),
            None,
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "a_state_named_as_the_subject_of_its_own_denial",
    [
        (
            "Turkey has shipped drones to Sudan, a newspaper reported. A Turkish foreign ministry "
            "spokeswoman told reporters that Turkey had never sold weapons to either side.",
            ("TUR", "SDN", "uav", "TUR", "denies"),
            None,
        ),
        (
            "Turkey has shipped drones to Sudan, a newspaper reported. Turkey has never provided "
            "arms to any warring party, the Turkish foreign ministry said.",
            ("TUR", "SDN", "uav", "TUR", "denies"),
            None,
        ),
        (
            # Another state's word on it is no denial by it.
            "Turkey has shipped drones to Sudan, a newspaper reported. A Greek diplomat said "
            "Turkey had never sent weapons to Sudan.",
            None,
            ("TUR", "SDN", "uav", "TUR", "denies"),
        ),
        (
            # Evidence is no weapon.
            'Turkey has shipped drones to Sudan, a newspaper reported. "They never provide any '
            'evidence," a Turkish spokeswoman said as cited by the agency Anadolu.',
            None,
            ("TUR", "SDN", "uav", "outlet:anadolu", "asserts"),
        ),
    ],
)


_DRONES = "Iran has shipped Mohajer drones to Venezuela, a Colombian official said. "
STANCE_CASES += _stance_cases(
    "more_ways_of_declining",
    [
        (
            _DRONES + "Asked about the drones, Iran's envoy in Caracas said he could not comment.",
            ("IRN", "VEN", "uav", "IRN", "declines_to_comment"),
            ("IRN", "VEN", "uav", "IRN", "confirms"),
        ),
        (
            _DRONES + "Venezuela's defence ministry said it would not discuss the purchase.",
            ("IRN", "VEN", "uav", "VEN", "declines_to_comment"),
            ("IRN", "VEN", "uav", "VEN", "confirms"),
        ),
        (
            _DRONES + "Caracas has remained tight-lipped.",
            ("IRN", "VEN", "uav", "VEN", "declines_to_comment"),
            None,
        ),
        (
            _DRONES + "The Venezuelan government has so far not commented.",
            ("IRN", "VEN", "uav", "VEN", "declines_to_comment"),
            None,
        ),
        (
            _DRONES + "The Venezuelan army did not provide comment.",
            ("IRN", "VEN", "uav", "VEN", "declines_to_comment"),
            None,
        ),
        (
            _DRONES + "Venezuela's army did not reply to questions, and neither did Iran's "
            "foreign ministry.",
            ("IRN", "VEN", "uav", "IRN", "declines_to_comment"),
            None,
        ),
        (
            _DRONES + "Officials in Caracas and Tehran did not answer requests for comment.",
            ("IRN", "VEN", "uav", "IRN", "declines_to_comment"),
            None,
        ),
        (
            _DRONES + "Iran's U.N. mission declined to comment on Monday.",
            ("IRN", "VEN", "uav", "IRN", "declines_to_comment"),
            None,
        ),
    ],
)


_JETS = "Egypt has ordered 24 J-10C jets from China, "
STANCE_CASES += [
    *_stance_cases(
        "anonymous_sources_are_the_crediting_outlets",
        [
            (
                _JETS + "the Wall Street Journal reported, quoting people familiar with the talks.",
                ("CHN", "EGY", "aircraft", "outlet:wallstreetjournal", "asserts"),
                ("CHN", "EGY", "aircraft", "nonstate", "asserts"),
            ),
            (
                _JETS + "an industry source said, according to Defense News.",
                ("CHN", "EGY", "aircraft", "outlet:defensenews", "asserts"),
                ("CHN", "EGY", "aircraft", "nonstate", "asserts"),
            ),
            (
                _JETS + "a military source told Sputnik.",
                ("CHN", "EGY", "aircraft", "outlet:sputnik", "asserts"),
                ("CHN", "EGY", "aircraft", "EGY", "confirms"),
            ),
            (
                _JETS + "Defense News reported. A senior official told the outlet the J-10C deal "
                "was worth $2bn.",
                ("CHN", "EGY", "aircraft", "outlet:defensenews", "asserts"),
                ("CHN", "EGY", "aircraft", "nonstate", "asserts"),
            ),
        ],
    ),
    *_stance_cases(
        "the_report_is_its_authors",
        [
            (
                "Russia's foreign intelligence service said in a report that Bulgaria has sent "
                "artillery shells to Ukraine. The artillery shells travelled by rail through "
                "Romania, the report claimed.",
                ("BGR", "UKR", "ammunition", "RUS", "asserts"),
                ("BGR", "UKR", "ammunition", "nonstate", "asserts"),
            ),
        ],
    ),
]


STANCE_CASES += _stance_cases(
    "a_state_in_the_officials_quote_is_not_theirs",
    [
        (
            'Chile will buy two Type 23 frigates from Britain, the Chilean navy said. "Britain '
            'has agreed to sell us two of its frigates," Defence Minister Ana Soto said.',
            ("GBR", "CHL", "ship", "CHL", "confirms"),
            ("GBR", "CHL", "ship", "GBR", "confirms"),
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "an_official_in_a_government_body",
    [
        (
            "Kenya will buy six Z-9 helicopters from China, an official in the presidency said.",
            ("CHN", "KEN", "aircraft", "KEN", "confirms"),
            ("CHN", "KEN", "aircraft", "nonstate", "asserts"),
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "a_hyphenated_surname_said_later",
    [
        (
            "Norway's Foreign Minister Kari Lund-Berg rejected reports of arms sales to Chile. "
            "In March of 2021, Lund-Berg said that Norway had sold a few mortars to Chile.",
            ("NOR", "CHL", "artillery", "NOR", "confirms"),
            None,
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "the_government_is_the_state_that_spoke_last",
    [
        (
            "Finland is the country Helsinki papers name most. Sweden will give tanks to "
            'Finland, Defence Minister Olle Berg said. "For now, we will not send frigates to '
            'Finland," the government said in a statement.',
            ("SWE", "FIN", "ship", "SWE", "denies"),
            ("SWE", "FIN", "ship", "FIN", "denies"),
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "a_demonym_in_an_outlets_name_is_the_outlets",
    [
        (
            "Poland will hand more Krab howitzers to Ukraine. According to a report by the "
            "Polish Press Agency, the guns will go by rail.",
            ("POL", "UKR", "artillery", "outlet:polishpressagency", "asserts"),
            ("POL", "UKR", "artillery", "POL", "confirms"),
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "the_report_noun_ends_the_outlet",
    [
        (
            "Kenya is buying helicopters from Italy. According to Xinhua report the Kenyan "
            "army will get six AW139 helicopters, while the air force gets two.",
            ("ITA", "KEN", "aircraft", "outlet:xinhua", "asserts"),
            ("ITA", "KEN", "aircraft", "KEN", "confirms"),
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "reports_emerged_is_an_unnamed_voice",
    [
        (
            "Reports surfaced in May that Bulgaria had sold mortar rounds to Georgia.",
            ("BGR", "GEO", "ammunition", "nonstate", "asserts"),
            None,
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "an_unlisted_rights_group_by_its_name",
    [
        (
            "In a report released on Friday, Arms Transparency International said Turkey had "
            "sold armed drones to Niger.",
            ("TUR", "NER", "uav", "nonstate", "asserts"),
            None,
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "the_two_countries_are_the_pair_joined_by_and",
    [
        (
            "Croatia and Hungary have agreed to hand Croatian Mi-8 helicopters to Ukraine, the "
            "foreign ministers of the two countries said in Zagreb on Monday.",
            ("HRV", "UKR", "aircraft", "HUN", "asserts"),
            ("HRV", "UKR", "aircraft", "UKR", "confirms"),
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "a_closing_attribution_carries_the_denial_before_it",
    [
        (
            "The Kremlin on Monday rejected Western claims that Belarus had sent tanks to "
            "Russia, said spokesman Ivan Petrov.",
            ("BLR", "RUS", "armoured_vehicle", "RUS", "denies"),
            ("BLR", "RUS", "armoured_vehicle", "RUS", "confirms"),
        ),
    ],
)


_SHELLS = "Belarus has sent 122mm artillery shells to Myanmar, Thai military intelligence said. "
STANCE_CASES += [
    *_stance_cases(
        "both_countries_of_a_stance_are_the_parties",
        [
            (
                _SHELLS + "Both countries have rejected the allegations.",
                ("BLR", "MMR", "ammunition", "MMR", "denies"),
                ("BLR", "MMR", "ammunition", "THA", "denies"),
            ),
            (
                _SHELLS + "The two governments deny the reports.",
                ("BLR", "MMR", "ammunition", "BLR", "denies"),
                ("BLR", "MMR", "ammunition", "THA", "denies"),
            ),
            (
                # The accuser's "two countries" are no parties.
                _SHELLS + "Thailand said the two countries had signed a new defence pact.",
                None,
                ("BLR", "MMR", "ammunition", "BLR", "denies"),
            ),
        ],
    ),
    *_stance_cases(
        "neither_of_them_responded",
        [
            (
                _SHELLS + "Neither Minsk nor Naypyidaw responded to requests for comment.",
                ("BLR", "MMR", "ammunition", "MMR", "declines_to_comment"),
                None,
            ),
            (
                _SHELLS + "Neither Minsk nor Naypyidaw responded to requests for comment.",
                ("BLR", "MMR", "ammunition", "BLR", "declines_to_comment"),
                None,
            ),
            (
                _SHELLS + "Neither government has replied to questions sent on Monday.",
                ("BLR", "MMR", "ammunition", "MMR", "declines_to_comment"),
                None,
            ),
            (
                _SHELLS
                + "Neither Minsk nor Naypyidaw has publicly confirmed or denied the report.",
                ("BLR", "MMR", "ammunition", "BLR", "declines_to_comment"),
                None,
            ),
            (
                # An answer given is no silence.
                _SHELLS + "Neither Minsk nor Naypyidaw answered that the shells were old stock.",
                None,
                ("BLR", "MMR", "ammunition", "BLR", "declines_to_comment"),
            ),
        ],
    ),
    *_stance_cases(
        "a_partys_home_press_on_what_the_party_confirms",
        [
            (
                "Algerian media reported that Algeria had received Su-57 fighters from Russia. "
                "Algeria's defence ministry said the Su-57 jets had arrived at Oum El Bouaghi.",
                ("RUS", "DZA", "aircraft", "DZA", "confirms"),
                ("RUS", "DZA", "aircraft", "nonstate", "asserts"),
            ),
            (
                # Another country's press keeps its voice.
                "Moroccan media reported that Algeria had received Su-57 fighters from Russia. "
                "Algeria's defence ministry said the Su-57 jets had arrived at Oum El Bouaghi.",
                ("RUS", "DZA", "aircraft", "nonstate", "asserts"),
                None,
            ),
            (
                # With no word from the party, its home press is the voice there is.
                "Algerian media reported that Algeria had received Su-57 fighters from Russia.",
                ("RUS", "DZA", "aircraft", "nonstate", "asserts"),
                None,
            ),
        ],
    ),
    *_stance_cases(
        "a_party_declining_far_after_the_report",
        [
            (
                _SHELLS + "The rounds fit the junta's older howitzers. Fighting has spread to "
                "three states. Thousands have fled to the border. The Belarusian embassy in "
                "Bangkok declined to comment.",
                ("BLR", "MMR", "ammunition", "BLR", "declines_to_comment"),
                None,
            ),
            (
                # A bystander far away declines to comment on something else.
                _SHELLS + "The rounds fit the junta's older howitzers. Fighting has spread to "
                "three states. Thousands have fled to the border. The Indian embassy in "
                "Bangkok declined to comment.",
                None,
                ("BLR", "MMR", "ammunition", "IND", "declines_to_comment"),
            ),
        ],
    ),
]


_RIFLES = "Pakistan has sold 5,000 G3 rifles to Nigeria, the Daily Planet reported. "
STANCE_CASES += _stance_cases(
    "silence_in_other_words",
    [
        (
            _RIFLES + "No comment was immediately available from Nigeria's army.",
            ("PAK", "NGA", "small_arms", "NGA", "declines_to_comment"),
            None,
        ),
        (
            _RIFLES + "Asked about the rifles, a Pakistani official said he had nothing to add.",
            ("PAK", "NGA", "small_arms", "PAK", "declines_to_comment"),
            ("PAK", "NGA", "small_arms", "PAK", "confirms"),
        ),
        (
            _RIFLES + "There has been no official comment from Abuja.",
            ("PAK", "NGA", "small_arms", "NGA", "declines_to_comment"),
            None,
        ),
        (
            _RIFLES + 'Asked about the rifles, Nigeria\'s army spokesman said: "No comment."',
            ("PAK", "NGA", "small_arms", "NGA", "declines_to_comment"),
            ("PAK", "NGA", "small_arms", "NGA", "confirms"),
        ),
        (
            _RIFLES + "Nigeria's army ignored a request for comment.",
            ("PAK", "NGA", "small_arms", "NGA", "declines_to_comment"),
            None,
        ),
        (
            _RIFLES + "Pakistan's defence ministry declined to provide details.",
            ("PAK", "NGA", "small_arms", "PAK", "declines_to_comment"),
            None,
        ),
        (
            _RIFLES + "Nigeria's army has not replied.",
            ("PAK", "NGA", "small_arms", "NGA", "declines_to_comment"),
            None,
        ),
        (
            # Who could not be reached declines, not the paper that tried.
            _RIFLES + "The Daily Planet could not reach Pakistan's defence ministry for comment.",
            ("PAK", "NGA", "small_arms", "PAK", "declines_to_comment"),
            ("PAK", "NGA", "small_arms", "outlet:dailyplanet", "declines_to_comment"),
        ),
        (
            _RIFLES + "Attempts to reach officials in Abuja for comment were unsuccessful.",
            ("PAK", "NGA", "small_arms", "NGA", "declines_to_comment"),
            None,
        ),
        (
            # Reaching a place is no silence.
            _RIFLES + "Reporters could not reach the Nigerian port of Lagos before dusk.",
            None,
            ("PAK", "NGA", "small_arms", "NGA", "declines_to_comment"),
        ),
        (
            _RIFLES + "Islamabad was contacted for comment but did not reply.",
            ("PAK", "NGA", "small_arms", "PAK", "declines_to_comment"),
            None,
        ),
        (
            _RIFLES + "Nigeria's army was contacted for comment. It did not respond.",
            ("PAK", "NGA", "small_arms", "NGA", "declines_to_comment"),
            ("PAK", "NGA", "small_arms", "outlet:dailyplanet", "declines_to_comment"),
        ),
        (
            _RIFLES + "The paper contacted Nigeria's army for comment. It did not respond.",
            ("PAK", "NGA", "small_arms", "NGA", "declines_to_comment"),
            ("PAK", "NGA", "small_arms", "outlet:dailyplanet", "declines_to_comment"),
        ),
    ],
)


_TANKS = "Egypt has sold 40 M60 tanks to Somalia, according to a report by Asia Times. "
STANCE_CASES += _stance_cases(
    "the_report_is_the_outlets",
    [
        (
            _TANKS + "The report, citing officials, said the M60 tanks were shipped in May.",
            ("EGY", "SOM", "armoured_vehicle", "outlet:asiatimes", "asserts"),
            ("EGY", "SOM", "armoured_vehicle", "nonstate", "asserts"),
        ),
        (
            _TANKS + "The report cited a Western diplomat as saying the M60 tanks left in May.",
            ("EGY", "SOM", "armoured_vehicle", "outlet:asiatimes", "asserts"),
            ("EGY", "SOM", "armoured_vehicle", "nonstate", "asserts"),
        ),
        (
            # An analyst the report cites speaks for herself.
            _TANKS + "The report cited a defence analyst as saying the M60 tanks left in May.",
            ("EGY", "SOM", "armoured_vehicle", "nonstate", "asserts"),
            None,
        ),
        (
            # A state named keeps its own voice.
            _TANKS + "The report cited a Kenyan official as saying the M60 tanks left in May.",
            ("EGY", "SOM", "armoured_vehicle", "KEN", "asserts"),
            None,
        ),
    ],
)


_HOWITZERS = "Serbia has delivered 12 Nora B-52 howitzers to Cyprus, "
STANCE_CASES += _stance_cases(
    "unnamed_press_however_qualified_and_named_press_whoever_owns_it",
    [
        (
            _HOWITZERS + "Serbian state media outlets reported.",
            ("SRB", "CYP", "artillery", "nonstate", "asserts"),
            ("SRB", "CYP", "artillery", "SRB", "confirms"),
        ),
        (
            _HOWITZERS + "according to media reports in Cyprus.",
            ("SRB", "CYP", "artillery", "nonstate", "asserts"),
            ("SRB", "CYP", "artillery", "CYP", "confirms"),
        ),
        (
            _HOWITZERS + "Cyprus's official media said.",
            ("SRB", "CYP", "artillery", "nonstate", "asserts"),
            ("SRB", "CYP", "artillery", "CYP", "confirms"),
        ),
        (
            _HOWITZERS + "media close to the Serbian government reported.",
            ("SRB", "CYP", "artillery", "nonstate", "asserts"),
            ("SRB", "CYP", "artillery", "SRB", "confirms"),
        ),
        (
            _HOWITZERS + "the Turkish state news agency Anadolu reported.",
            ("SRB", "CYP", "artillery", "outlet:anadolu", "asserts"),
            ("SRB", "CYP", "artillery", "TUR", "asserts"),
        ),
        (
            # A ministry's statement an agency carries is the ministry's word.
            _HOWITZERS + "according to a Serbian defence ministry statement carried by Anadolu.",
            ("SRB", "CYP", "artillery", "SRB", "confirms"),
            ("SRB", "CYP", "artillery", "outlet:anadolu", "asserts"),
        ),
        (
            # A state's own official speaking to an agency is the state's word.
            _HOWITZERS + "a Serbian defence official told Anadolu.",
            ("SRB", "CYP", "artillery", "SRB", "confirms"),
            ("SRB", "CYP", "artillery", "nonstate", "asserts"),
        ),
        (
            # A minister of media speaks for the state.
            _HOWITZERS + "Cyprus's media minister said.",
            ("SRB", "CYP", "artillery", "CYP", "confirms"),
            None,
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "rejections_in_other_words",
    [
        (
            _SHELLS + "Minsk categorically ruled out having sent any shells.",
            ("BLR", "MMR", "ammunition", "BLR", "denies"),
            None,
        ),
        (
            # Refusing to send more is no denial of what was sent.
            _SHELLS + "Minsk ruled out sending more shells this year.",
            None,
            ("BLR", "MMR", "ammunition", "BLR", "denies"),
        ),
        (
            _SHELLS + "Naypyidaw brushed off the reports.",
            ("BLR", "MMR", "ammunition", "MMR", "denies"),
            None,
        ),
        (
            _SHELLS + "The Belarusian embassy rebuffed the allegations on Monday.",
            ("BLR", "MMR", "ammunition", "BLR", "denies"),
            None,
        ),
        (
            _SHELLS + "Minsk contested the results of the border survey.",
            None,
            ("BLR", "MMR", "ammunition", "BLR", "denies"),
        ),
        (
            _SHELLS + "Belarus's foreign ministry said the report was a lie.",
            ("BLR", "MMR", "ammunition", "BLR", "denies"),
            ("BLR", "MMR", "ammunition", "BLR", "confirms"),
        ),
        (
            _SHELLS + "Myanmar's junta said the claims were without foundation.",
            ("BLR", "MMR", "ammunition", "MMR", "denies"),
            ("BLR", "MMR", "ammunition", "MMR", "confirms"),
        ),
        (
            _SHELLS + 'Minsk branded the accusations "outright lies".',
            ("BLR", "MMR", "ammunition", "BLR", "denies"),
            None,
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "one_stance_shared_by_joined_speakers",
    [
        (
            _RIFLES + "Pakistani and Nigerian officials did not respond to requests for comment.",
            ("PAK", "NGA", "small_arms", "PAK", "declines_to_comment"),
            None,
        ),
        (
            _RIFLES + "Officials in Abuja declined to comment, as did Pakistan's defence ministry.",
            ("PAK", "NGA", "small_arms", "PAK", "declines_to_comment"),
            None,
        ),
        (
            _RIFLES + "Islamabad denied the report, as did the Nigerian army.",
            ("PAK", "NGA", "small_arms", "NGA", "denies"),
            None,
        ),
        (
            # "as" with no comma before it compares; it adds no speaker.
            _RIFLES + "Islamabad denied the report as firmly as it did last year.",
            ("PAK", "NGA", "small_arms", "PAK", "denies"),
            ("PAK", "NGA", "small_arms", "NGA", "denies"),
        ),
    ],
)


STANCE_CASES += _stance_cases(
    "blocs_speak_for_no_state",
    [
        (
            _RIFLES + "G20 defence ministers said the G3 rifles had reached Lagos in March.",
            ("PAK", "NGA", "small_arms", "nonstate", "asserts"),
            ("PAK", "NGA", "small_arms", "PAK", "confirms"),
        ),
        (
            _RIFLES + "The European Union said the G3 rifles had reached Lagos in March.",
            ("PAK", "NGA", "small_arms", "nonstate", "asserts"),
            None,
        ),
        (
            # A state's minister at a bloc's meeting still speaks for the state.
            _RIFLES + "Nigeria's defence minister told an EU meeting the G3 rifles had arrived.",
            ("PAK", "NGA", "small_arms", "NGA", "confirms"),
            None,
        ),
    ],
)


_LEOPARDS = "Poland has sent 14 Leopard tanks to Ukraine. "
_TANKS_SOLD = "Egypt has sold 40 M60 tanks to Somalia. "
STANCE_CASES += _stance_cases(
    "a_word_on_another_states_plans_is_no_word_on_this_transfer",
    [
        (
            _LEOPARDS + "Asia Times wrote that Lithuania was also weighing the idea of more tanks.",
            None,
            ("POL", "UKR", "armoured_vehicle", "outlet:asiatimes", "asserts"),
        ),
        (
            _LEOPARDS + "Asia Times said Britain would also train crews for the tanks.",
            None,
            ("POL", "UKR", "armoured_vehicle", "outlet:asiatimes", "asserts"),
        ),
        (
            _LEOPARDS + "A Czech official said Hungary had asked about the tanks.",
            None,
            ("POL", "UKR", "armoured_vehicle", "CZE", "asserts"),
        ),
        (
            _TANKS_SOLD + "Somalia's defence minister said Kenya was also interested in the tanks.",
            None,
            ("EGY", "SOM", "armoured_vehicle", "SOM", "confirms"),
        ),
        (
            _TANKS_SOLD + "Somalia's defence minister said the tanks had been delivered in May.",
            ("EGY", "SOM", "armoured_vehicle", "SOM", "confirms"),
            None,
        ),
        (
            _LEOPARDS + "Asia Times said the tanks had reached Ukraine's army in Lviv.",
            ("POL", "UKR", "armoured_vehicle", "outlet:asiatimes", "asserts"),
            None,
        ),
    ],
)


@pytest.mark.parametrize(("text", "expected", "unexpected"), STANCE_CASES)
def test_claims_construct_of_real_reporting(
    extractor: Extractor, text: str, expected: Key | None, unexpected: Key | None
) -> None:
    found = _claims(extractor, text)
    assert expected is None or expected in found, found
    assert unexpected is None or unexpected not in found


def test_claims_a_pronoun_before_an_adverb_is_the_person_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "Croatian Defence Minister Ivo Horvat had called the system indispensable. Then, in "
        "April, he surprisingly announced that the S-300 system had been given to Ukraine."
    )
    speakers = {k[3] for k in _claims(extractor, text)}
    assert "HRV" in speakers, _claims(extractor, text)
