"""Behaviour of the extractor on short news-style passages written for these tests."""

from __future__ import annotations

import pytest

from armstrack.extract import Extractor
from armstrack.records import Article, Extraction, Stance, Transfer

PUBLISHED = "2024-02-21"


def _run(extractor: Extractor, text: str, published: str | None = PUBLISHED) -> Extraction:
    from datetime import date

    day = date.fromisoformat(published) if published else None
    return extractor.run(Article(id="t", text=text, published=day))


def _triples(extraction: Extraction) -> set[tuple[str, str, str, str]]:
    return {
        (t.supplier.id, t.recipient.id, t.category.value, t.status.label)
        for t in extraction.transfers
    }


def _only(extraction: Extraction) -> Transfer:
    assert len(extraction.transfers) == 1, _triples(extraction)
    return extraction.transfers[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # supplier first, active
        (
            "Iran has shipped hundreds of Shahed-136 drones to Russia.",
            ("IRN", "RUS", "uav", "delivered"),
        ),
        (
            "Tehran provided Moscow with ballistic missiles last month.",
            ("IRN", "RUS", "missile", "delivered"),
        ),
        (
            "Germany handed over two IRIS-T SLM batteries to Ukraine on Friday.",
            ("DEU", "UKR", "air_defence", "delivered"),
        ),
        # recipient first
        (
            "Serbia took delivery of FK-3 air defence systems from China.",
            ("CHN", "SRB", "air_defence", "delivered"),
        ),
        (
            "Poland received the first K2 tanks from South Korea in December.",
            ("KOR", "POL", "armoured_vehicle", "delivered"),
        ),
        # passive
        (
            "More than 5,000 NLAW launchers were shipped to Ukraine by Britain.",
            ("GBR", "UKR", "missile", "delivered"),
        ),
        (
            "Russia was supplied with artillery shells by North Korea, officials said.",
            ("PRK", "RUS", "ammunition", "delivered"),
        ),
        # noun phrases
        (
            "Iranian deliveries of Fateh-110 missiles to Russia began in January.",
            ("IRN", "RUS", "missile", "delivered"),
        ),
        (
            "Egypt's purchase of Rafale jets from France was completed last year.",
            ("FRA", "EGY", "aircraft", "agreed"),
        ),
        (
            "The sale of 40 F-16 jets to Turkey was approved by the State Department.",
            ("USA", "TUR", "aircraft", "agreed"),
        ),
        # origin adjective with use
        (
            "Russia launched dozens of Iranian-made drones at Kyiv overnight.",
            ("IRN", "RUS", "uav", "delivered"),
        ),
        (
            "The Houthis fired Iranian-made missiles at a tanker in the Red Sea.",
            ("IRN", "houthis", "missile", "delivered"),
        ),
        # statuses
        (
            "The United Arab Emirates signed a contract to buy 80 Rafale jets from France.",
            ("FRA", "ARE", "aircraft", "agreed"),
        ),
        (
            "India is in talks with Washington to acquire 31 MQ-9B drones.",
            ("USA", "IND", "uav", "discussed"),
        ),
        (
            "Algeria wants to buy Su-57 fighters from Russia, diplomats said.",
            ("RUS", "DZA", "aircraft", "discussed"),
        ),
        (
            "Britain will send 14 Challenger 2 tanks to Ukraine.",
            ("GBR", "UKR", "armoured_vehicle", "agreed"),
        ),
        # a recipient of a named system with no supplier named: the system's origin supplies
        (
            "Morocco has ordered Caesar howitzers for its army.",
            ("FRA", "MAR", "artillery", "agreed"),
        ),
    ],
)
def test_extract_finds_transfer_in_each_phrasing(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in _triples(_run(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Russia attacked Ukraine with Kinzhal missiles overnight.",
        "North Korea test-fired a Hwasong-18 missile into the sea on Monday.",
        "The Bundeswehr received 20 new Leopard 2A8 tanks from Krauss-Maffei Wegmann.",
        "Hamas fired rockets that it produced in local workshops.",
        "Ukraine's defence ministry handed the captured T-90 tank to a Ukrainian brigade.",
        "Russia's defence budget for missiles and drones will rise by a quarter next year.",
        "Iran unveiled a new ballistic missile at a parade in Tehran.",
        "The Taliban paraded US-made Humvees captured after the withdrawal.",
        "U.S. and British warplanes have struck Houthi targets in Yemen.",
        "Ukraine's F-16 jets, provided by a coalition of Western allies, shot down two missiles.",
    ],
)
def test_extract_finds_no_transfer_without_two_parties(extractor: Extractor, text: str) -> None:
    assert _run(extractor, text).transfers == ()


def test_extract_reexport_approval_does_not_make_approver_supplier(extractor: Extractor) -> None:
    text = "Germany approved Poland's request to re-export Leopard 2 tanks to Ukraine."
    triples = _triples(_run(extractor, text))
    assert ("POL", "UKR", "armoured_vehicle", "agreed") in triples
    assert not any(t[0] == "DEU" for t in triples)


def test_extract_several_transfers_in_one_article(extractor: Extractor) -> None:
    text = (
        "Iran has sent Shahed-136 drones to Russia, Ukrainian officials said. "
        "Moscow in turn agreed to sell Su-35 fighter jets to Tehran. "
        "North Korea has shipped millions of artillery shells to Russia by rail."
    )
    triples = _triples(_run(extractor, text))
    assert triples == {
        ("IRN", "RUS", "uav", "delivered"),
        ("RUS", "IRN", "aircraft", "agreed"),
        ("PRK", "RUS", "ammunition", "delivered"),
    }


def test_extract_merges_one_transfer_per_pair_and_category(extractor: Extractor) -> None:
    text = (
        "Iran has delivered Fateh-110 missiles to Russia. The shipments included the "
        "Zolfaghar, a member of the same family. Earlier talks on the deal were held in Tehran."
    )
    transfer = _only(_run(extractor, text))
    assert transfer.status.label == "delivered"
    assert [s.name for s in transfer.systems] == ["Fateh-110", "Zolfaghar"]
    assert transfer.systems[1].family == "Fateh-110"


def test_extract_denials_name_the_denying_actor(extractor: Extractor) -> None:
    text = (
        "Iran has supplied drones to Russia, according to Western officials. "
        "Tehran has denied sending any drones for use in Ukraine. "
        "The Kremlin dismissed the reports as baseless."
    )
    transfer = _only(_run(extractor, text))
    assert {a.id for a in transfer.denied_by} == {"IRN", "RUS"}


def test_extract_claims_carry_speaker_stance_and_hedge(extractor: Extractor) -> None:
    text = (
        "Iran has reportedly shipped around 400 missiles to Russia, six sources told Reuters. "
        "Iran's defence ministry declined to comment on the shipments. "
        "A U.S. official said Washington had not yet observed any deliveries."
    )
    transfer = _only(_run(extractor, text))
    stances = {c.stance for c in transfer.claims}
    assert {Stance.ASSERTS, Stance.DECLINES, Stance.UNCONFIRMED} <= stances
    first = next(c for c in transfer.claims if c.stance is Stance.ASSERTS and c.speaker)
    assert first.speaker is not None
    assert (first.speaker.outlet, first.speaker.count) == ("Reuters", 6)
    assert "reportedly" in first.hedges
    declined = next(c for c in transfer.claims if c.stance is Stance.DECLINES)
    assert declined.speaker is not None and declined.speaker.actor is not None
    assert declined.speaker.actor.id == "IRN"
    assert transfer.quantity is not None
    assert (transfer.quantity.value, transfer.quantity.approximate) == (400, True)


def test_extract_normalises_times_and_routes(extractor: Extractor) -> None:
    text = (
        "Iran began shipping missiles to Russia in early January, after a deal agreed late "
        "last year. Some were sent via the Caspian Sea and others by air."
    )
    transfer = _only(_run(extractor, text))
    assert {"2024-01", "2023-Q4"} <= {t.value for t in transfer.times}
    assert {("sea", "Caspian Sea"), ("air", None)} <= {(r.mode, r.via) for r in transfer.routes}


def test_extract_shipments_and_containers_are_not_quantities(extractor: Extractor) -> None:
    text = "North Korea sent at least 6,700 containers of artillery shells to Russia."
    transfer = _only(_run(extractor, text))
    assert transfer.quantity is None


def test_extract_evidence_spans_index_the_original_text(extractor: Extractor) -> None:
    text = " date 2024-02-21\nHeadline\n\nTehran  shipped SHAHED 136 drones to Moscow.\n"
    extraction = _run(extractor, text, None)
    transfer = _only(extraction)
    assert transfer.systems[0].name == "Shahed-136"
    for span in transfer.evidence:
        assert text[span.start : span.end] == span.text
    for claim in transfer.claims:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


def test_extract_uses_date_prefix_when_no_date_given(extractor: Extractor) -> None:
    text = " date 2024-02-21\nIran shipped drones to Russia last month."
    transfer = _only(_run(extractor, text, None))
    assert [t.value for t in transfer.times] == ["2024-01"]


def test_extract_pays_no_attention_to_payers(extractor: Extractor) -> None:
    text = "Denmark will pay for 18 Bohdana howitzers that Ukraine buys from Ukrainian makers."
    assert not any(t.supplier.id == "DNK" for t in _run(extractor, text).transfers)


def test_extract_public_api_accepts_string_dates() -> None:
    import armstrack

    result = armstrack.extract("Turkey delivered Bayraktar TB2 drones to Mali.", "2024-05-20")
    assert [(t.supplier.id, t.recipient.id) for t in result.transfers] == [("TUR", "MLI")]
    assert result.article.published is not None


def test_extract_evaluative_denial_belongs_to_the_clause_subject(extractor: Extractor) -> None:
    text = (
        "North Korea has shipped artillery shells to Russia, Seoul says. "
        "Moscow dismissed the reports as speculation, and Pyongyang called them a smear."
    )
    transfer = _only(_run(extractor, text))
    assert {a.id for a in transfer.denied_by} == {"PRK", "RUS"}


def test_extract_negated_statement_by_a_party_is_a_denial(extractor: Extractor) -> None:
    text = (
        "Iran has delivered ballistic missiles to Russia, U.S. officials said. "
        "An Iranian spokesman said Iran had not delivered any missiles to Russia."
    )
    transfer = _only(_run(extractor, text))
    assert [a.id for a in transfer.denied_by] == ["IRN"]
    assert transfer.status.label == "delivered"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "North Korea has moved 120 Koksan guns to Russia, officials said.",
            ("PRK", "RUS", "artillery", "delivered"),
        ),
        (
            "Yonhap reported, in the latest sign of closer ties, that Egypt wants to buy K2 tanks from South Korea.",
            ("KOR", "EGY", "armoured_vehicle", "discussed"),
        ),
    ],
)
def test_extract_movement_verbs_and_signs(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in _triples(_run(extractor, text))


def test_extract_reported_by_names_the_outlet(extractor: Extractor) -> None:
    transfer = _only(
        _run(extractor, "Iran shipped drones to Russia, as first reported by Reuters.")
    )
    assert [c.speaker.outlet for c in transfer.claims if c.speaker] == ["Reuters"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Diplomats say confirmed missile shipments to Russia would make talks harder.",
        "There have been no confirmed deliveries of the missiles since then.",
        "The confirmed shipments alarmed European capitals.",
    ],
)
def test_extract_confirmed_before_a_noun_is_no_confirmation(
    extractor: Extractor, sentence: str
) -> None:
    # Regression: "say confirmed shipments" was read as a speaker confirming the transfer.
    text = f"Iran has shipped ballistic missiles to Russia, officials said. {sentence}"
    transfer = _only(_run(extractor, text))
    assert Stance.CONFIRMS not in {c.stance for c in transfer.claims}


def test_extract_confirms_with_an_object_clause(extractor: Extractor) -> None:
    text = (
        "Iran has shipped ballistic missiles to Russia, officials said. "
        "A U.S. official confirmed the shipments on Friday."
    )
    transfer = _only(_run(extractor, text))
    assert Stance.CONFIRMS in {c.stance for c in transfer.claims}


def test_extract_a_sentence_that_only_names_the_report_is_no_evidence(
    extractor: Extractor,
) -> None:
    # Regression: "the report" alone made the sentence a claim of the transfer.
    text = (
        "Iran has shipped ballistic missiles to Russia, Reuters reported. "
        "Oil markets showed little reaction to the report on Thursday."
    )
    transfer = _only(_run(extractor, text))
    assert all("Oil markets" not in span.text for span in transfer.evidence)
    assert all("Oil markets" not in c.evidence.text for c in transfer.claims)


@pytest.mark.parametrize(
    "follow_up",
    [
        "The $5.4 billion contract covers five S-400 systems.",
        "The 2018 agreement covers five S-400 systems.",
        "The contract covers five S-400 systems.",
    ],
)
def test_extract_quantity_from_a_sentence_about_the_contract(
    extractor: Extractor, follow_up: str
) -> None:
    text = f"Russia has supplied part of the S-400 package that India bought in 2018. {follow_up}"
    transfer = _only(_run(extractor, text))
    assert transfer.quantity is not None and transfer.quantity.value == 5


def test_extract_a_system_named_with_the_contract_points_at_its_own_transfer(
    extractor: Extractor,
) -> None:
    text = (
        "The UAE signed a contract to buy 80 Rafale jets from France. "
        "Talks on a separate purchase of F-35 jets from the United States have stalled. "
        "French officials said the Rafale contract would secure thousands of jobs."
    )
    systems = {
        (t.supplier.id, t.recipient.id): {s.name for s in t.systems}
        for t in _run(extractor, text).transfers
    }
    assert systems[("FRA", "ARE")] == {"Rafale"}
    assert "Rafale" not in systems[("USA", "ARE")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US will send Patriot missiles to Ukraine.", [("USA", "UKR", "air_defence")]),
        ("Russia supplied S-400 missiles to Turkey.", [("RUS", "TUR", "air_defence")]),
    ],
)
def test_extract_a_class_word_after_a_system_is_its_head_noun(
    extractor: Extractor, text: str, expected: list[tuple[str, str, str]]
) -> None:
    # Regression: "missiles" after an air defence system made a second, missile transfer.
    assert [t[:3] for t in _triples(_run(extractor, text))] == expected


def test_extract_named_systems_added_to_a_package_keep_its_parties(extractor: Extractor) -> None:
    text = (
        "The Pentagon will send Ukraine a new package of weapons including Stinger "
        "missiles, the Defense Department said. The package also contains Javelin and TOW "
        "anti-tank missiles and 155mm artillery rounds."
    )
    triples = {t[:3] for t in _triples(_run(extractor, text))}
    assert triples == {
        ("USA", "UKR", "air_defence"),
        ("USA", "UKR", "missile"),
        ("USA", "UKR", "ammunition"),
    }


def test_extract_unnamed_missiles_for_a_system_are_no_new_transfer(extractor: Extractor) -> None:
    text = (
        "Germany will supply Ukraine with three IRIS-T SLM air defence systems. "
        "The order also covers a stock of guided missiles for the launchers."
    )
    assert {t[:3] for t in _triples(_run(extractor, text))} == {("DEU", "UKR", "air_defence")}


@pytest.mark.parametrize(
    "opening",
    ["Armenia relies on Moscow for equipment.", "Armenia hosts a Russian military base."],
)
def test_extract_it_points_back_at_a_sentence_with_no_weapon(
    extractor: Extractor, opening: str
) -> None:
    # Regression: only sentences naming weapons set the subject a later "it" refers to.
    text = f"{opening} In May it took delivery of four Su-30SM fighters from Russia."
    assert _triples(_run(extractor, text)) == {("RUS", "ARM", "aircraft", "delivered")}


def test_extract_the_month_may_is_no_modal(extractor: Extractor) -> None:
    assert _triples(_run(extractor, "Russia may receive more drones from Iran.")) == {
        ("IRN", "RUS", "uav", "discussed")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Russia and India are discussing the sale of more S-400 systems.",
        "India and Russia are discussing the sale of more S-400 systems.",
    ],
)
def test_extract_two_sides_without_direction_take_it_from_the_maker(
    extractor: Extractor, text: str
) -> None:
    # Regression: the order of the coordinated sides decided who sold to whom.
    assert _triples(_run(extractor, text)) == {("RUS", "IND", "air_defence", "discussed")}


def test_extract_selecting_a_system_is_a_discussed_purchase(extractor: Extractor) -> None:
    text = "Australia selected the K9 howitzer from South Korea."
    assert _triples(_run(extractor, text)) == {("KOR", "AUS", "artillery", "discussed")}


@pytest.mark.parametrize(
    "text",
    [
        "Drones made in Iran were delivered to Russia via the Caspian Sea.",
        "Russia launched drones made in Iran at Kyiv overnight.",
    ],
)
def test_extract_made_in_names_the_origin(extractor: Extractor, text: str) -> None:
    assert _triples(_run(extractor, text)) == {("IRN", "RUS", "uav", "delivered")}


def test_extract_made_in_the_users_own_country_is_no_transfer(extractor: Extractor) -> None:
    text = "Russian forces now launch drones built in Russia at Ukrainian cities."
    assert _triples(_run(extractor, text)) == set()


@pytest.mark.parametrize(
    ("follow_up", "stance", "denied_by"),
    [
        ("The Kremlin declined to comment.", Stance.DECLINES, set()),
        ("Abu Dhabi has denied arming either side.", Stance.DENIES, {"ARE"}),
        ("Moscow and Abu Dhabi have denied the reports.", Stance.DENIES, {"ARE", "RUS"}),
    ],
)
def test_extract_stance_sentences_without_weapons(
    extractor: Extractor, follow_up: str, stance: Stance, denied_by: set[str]
) -> None:
    text = f"The UAE supplied drones to the RSF, UN experts said. {follow_up}"
    transfer = _only(_run(extractor, text))
    assert stance in {c.stance for c in transfer.claims}
    assert {a.id for a in transfer.denied_by} == denied_by


def test_extract_a_far_denial_about_something_else_is_not_attached(
    extractor: Extractor,
) -> None:
    text = (
        "Iran has shipped missiles to Russia, sources said. Oil prices rose on Friday. "
        "Markets were calm. Russia denies targeting civilians."
    )
    assert _only(_run(extractor, text)).denied_by == ()


def test_extract_a_transfer_approved_by_a_person_takes_the_systems_maker(
    extractor: Extractor,
) -> None:
    # Regression: "approved by President Biden" read as a vague giver, so no supplier.
    text = "The transfer of ATACMS missiles to Ukraine was approved by President Biden."
    assert _triples(_run(extractor, text)) == {("USA", "UKR", "missile", "agreed")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kim Jong Un has reportedly agreed to send artillery shells to Russia.",
            ("PRK", "RUS", "ammunition", "agreed"),
        ),
        (
            "Erdogan said Turkey had received S-400 systems from Russia.",
            ("RUS", "TUR", "air_defence", "delivered"),
        ),
    ],
)
def test_extract_leaders_stand_for_their_state(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert _triples(_run(extractor, text)) == {expected}


def test_extract_an_export_order_is_no_delivery(extractor: Extractor) -> None:
    text = (
        "The UAE signed a contract to buy 80 Rafale jets from France, the largest export "
        "order ever placed for the aircraft, during a visit by President Emmanuel Macron."
    )
    assert _triples(_run(extractor, text)) == {("FRA", "ARE", "aircraft", "agreed")}


@pytest.mark.parametrize(
    "denial",
    [
        "Tehran says it has supplied no weapons to Moscow.",
        "Iran has never sold weapons to Russia for use in Ukraine, its foreign ministry said.",
    ],
)
def test_extract_negated_statements_by_a_party_deny(extractor: Extractor, denial: str) -> None:
    text = f"Iran has delivered missiles to Russia, officials said. {denial}"
    assert [a.id for a in _only(_run(extractor, text)).denied_by] == ["IRN"]


def test_extract_to_be_delivered_is_not_yet_delivered(extractor: Extractor) -> None:
    text = "Poland will buy 486 HIMARS launchers from the United States, to be delivered from 2026."
    assert _triples(_run(extractor, text)) == {("USA", "POL", "artillery", "agreed")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Taiwan receives first US Abrams tanks as Beijing fumes over arms sales.",
            {("USA", "TWN", "armoured_vehicle", "delivered")},
        ),
        (
            "China condemned the sale of F-16 jets to Taiwan.",
            {("USA", "TWN", "aircraft", "agreed")},
        ),
    ],
)
def test_extract_a_critic_of_a_sale_is_no_party(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    # Regression: "Beijing fumes over arms sales" made Beijing a seller.
    assert _triples(_run(extractor, text)) == expected


def test_extract_a_participle_keeps_its_own_noun(extractor: Extractor) -> None:
    # Regression: the M-346s "ordered from Italy" lent Italy to the drones received before.
    text = (
        "Nigeria's air force had received Wing Loong II drones from China during the "
        "quarter and was preparing for the arrival of 24 M-346 jets ordered from Italy."
    )
    assert {t[:3] for t in _triples(_run(extractor, text))} == {
        ("CHN", "NGA", "uav"),
        ("ITA", "NGA", "aircraft"),
    }


def test_extract_a_participle_takes_the_whole_list_before_it(extractor: Extractor) -> None:
    text = "The first K2 tanks and K9 howitzers delivered to Poland by South Korea arrived."
    assert {t[:3] for t in _triples(_run(extractor, text))} == {
        ("KOR", "POL", "armoured_vehicle"),
        ("KOR", "POL", "artillery"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US Navy shot down Houthi drones over the Red Sea.", set()),
        (
            "The Pentagon said Russia's use of Iranian drones was a war crime.",
            {("IRN", "RUS", "uav", "delivered")},
        ),
    ],
)
def test_extract_use_and_shooting_down(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    # Regression: shooting down the Houthis' drones made the US their recipient.
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Bayraktar TB2 is already in service in Morocco, Poland and Nigeria.",
            {("TUR", "MAR", "uav"), ("TUR", "POL", "uav"), ("TUR", "NGA", "uav")},
        ),
        (
            "Seoul signed a deal to sell K9 howitzers to Egypt. The howitzer is also in "
            "service with the armies of Norway and Estonia.",
            {("KOR", "EGY", "artillery"), ("KOR", "NOR", "artillery"), ("KOR", "EST", "artillery")},
        ),
        (
            "The Rafale, a French-built jet operated by India and Greece, flew at the show.",
            {("FRA", "IND", "aircraft"), ("FRA", "GRC", "aircraft")},
        ),
        ("The K9 howitzer is in service with the South Korean army.", set()),
    ],
)
def test_extract_holders_listed_after_a_system_receive_it_from_its_maker(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = _triples(_run(extractor, text))
    assert {t[:3] for t in found} == expected
    assert all(t[3] == "delivered" for t in found if t[:3] != ("KOR", "EGY", "artillery"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Britain will send Challenger 2 tanks to Ukraine. Norway is sending eight "
            "Leopard 2 tanks, officials said.",
            {("GBR", "UKR", "armoured_vehicle"), ("NOR", "UKR", "armoured_vehicle")},
        ),
        # Two recipients so far: no guess.
        (
            "Britain sent Challenger 2 tanks to Ukraine. It sold Javelin missiles to Poland. "
            "Norway is sending eight Leopard 2 tanks.",
            {("GBR", "UKR", "armoured_vehicle"), ("GBR", "POL", "missile")},
        ),
    ],
)
def test_extract_a_further_donor_gives_to_the_only_recipient(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {t[:3] for t in _triples(_run(extractor, text))} == expected


@pytest.mark.parametrize(
    "text",
    [
        "India sold BrahMos missiles to Vietnam. Thailand sent a letter to India about BrahMos.",
        "India sold BrahMos missiles to Vietnam. Later Kyiv struck Russia with "
        "U.S.-supplied missiles.",
    ],
)
def test_extract_messages_and_origin_words_give_nothing(extractor: Extractor, text: str) -> None:
    assert {t[:2] for t in _triples(_run(extractor, text))} <= {("IND", "VNM")} | {("USA", "UKR")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spain signed a new contract with South Korea on Friday. The package includes "
            "60 K2 tanks and 30 K9 howitzers.",
            {("KOR", "ESP", "armoured_vehicle"), ("KOR", "ESP", "artillery")},
        ),
        (
            "Norway announced its 9th aid package for Ukraine on Monday. Among the weapons "
            "are six IRIS-T launchers.",
            {("NOR", "UKR", "air_defence")},
        ),
        (
            "Latvia will send 12 CV90 vehicles to Ukraine, its ministry said. They will "
            "leave in May along with 300 artillery shells.",
            {("LVA", "UKR", "armoured_vehicle"), ("LVA", "UKR", "ammunition")},
        ),
        # A capability list is no package: "including" after no transfer noun.
        (
            "Turkey sold Anka drones to Chad. The drone can be armed with bombs and "
            "missiles made in Turkey, including laser-guided munitions.",
            {("TUR", "TCD", "uav")},
        ),
    ],
)
def test_extract_contents_listed_in_the_next_sentence_join_the_transfer(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {t[:3] for t in _triples(_run(extractor, text))} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Spanish shipyard is building two corvettes for Morocco.",
            {("ESP", "MAR", "ship", "agreed")},
        ),
        ("The plant built in 2010 makes drones for Iran.", set()),
        (
            "The navy seized a shipment of Iranian rifles bound for the Houthis.",
            {("IRN", "houthis", "small_arms", "delivered")},
        ),
        (
            "Kenya, which bought Hurkus trainers from Turkey in 2019, wants more aircraft.",
            {("TUR", "KEN", "aircraft", "delivered")},
        ),
        (
            "Chile has donated 10 Leopard 2A4 tanks to the government of Ecuador.",
            {("CHL", "ECU", "armoured_vehicle", "delivered")},
        ),
        (
            "Iran has long backed Hezbollah. The group received Fateh-110 missiles from Tehran.",
            {("IRN", "hezbollah", "missile", "delivered")},
        ),
        (
            "Officials denied reports of Belarus supplying shells to Russia.",
            {("BLR", "RUS", "ammunition", "delivered")},
        ),
        (
            "Greece will receive F-16 jets from Norway, the Netherlands, and Denmark.",
            {
                ("NOR", "GRC", "aircraft", "agreed"),
                ("NLD", "GRC", "aircraft", "agreed"),
                ("DNK", "GRC", "aircraft", "agreed"),
            },
        ),
        (
            "The first 20 Bushmaster vehicles (PMV) donated by Australia to Ukraine left "
            "aboard a C-17 transport.",
            {("AUS", "UKR", "armoured_vehicle", "delivered")},
        ),
    ],
)
def test_extract_direction_bystanders_and_background(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "system"),
    [
        # The block has an entry of its own, in the F-16 family.
        ("Romania ordered F-16C/D Block 70 jets from the United States.", "F-16 Block 70"),
        ("Slovakia received Leopard 2A4 tanks from Germany.", "Leopard 2A4"),
        ("Azerbaijan agreed to buy JF-17C Block III fighters from Pakistan.", "JF-17 Thunder"),
        ("Sweden will transfer 50 CV90s to Ukraine.", "CV90"),
    ],
)
def test_extract_variant_designations_name_their_system(
    extractor: Extractor, text: str, system: str
) -> None:
    assert system in [s.name for s in _only(_run(extractor, text)).systems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Portugal has pledged six Leopard 2 tanks to Ukraine and Poland will send ten, "
            "with Finland and Sweden also signalling they will join.",
            {
                ("PRT", "UKR", "armoured_vehicle", "agreed"),
                ("POL", "UKR", "armoured_vehicle", "agreed"),
                ("FIN", "UKR", "armoured_vehicle", "discussed"),
                ("SWE", "UKR", "armoured_vehicle", "discussed"),
            },
        ),
        # "to Ukraine and Poland" is no list of receivers when Poland acts.
        (
            "Portugal delivered Leopard 2 tanks to Ukraine and Poland has sent Krab howitzers.",
            {
                ("PRT", "UKR", "armoured_vehicle", "delivered"),
                ("POL", "UKR", "artillery", "delivered"),
            },
        ),
    ],
)
def test_extract_gapped_and_joining_donors(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _triples(_run(extractor, text)) == expected


def test_extract_gapped_donor_takes_its_own_number(extractor: Extractor) -> None:
    text = "Portugal has pledged six Leopard 2 tanks to Ukraine and Poland will send ten."
    found = {
        (t.supplier.id, t.quantity.value if t.quantity else None)
        for t in _run(extractor, text).transfers
    }
    assert found == {("PRT", 6), ("POL", 10)}


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Ghana took delivery of two Agusta 109 helicopters from Italy.", 2),
        ("Ghana took delivery of Agusta 109 helicopters from Italy.", None),
    ],
)
def test_extract_a_number_inside_an_unknown_name_counts_nothing(
    extractor: Extractor, text: str, quantity: int | None
) -> None:
    found = _only(_run(extractor, text)).quantity
    assert (found.value if found else None) == quantity


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # the further ones of the same lot join the count
        ("Norway will send six Leopard 2 tanks to Ukraine soon, with ten more to follow.", 16),
        ("Italy is to deliver four NH90 helicopters to Qatar, and two more later.", 6),
        # "more" with no number adds nothing
        ("Norway will send six Leopard 2 tanks to Ukraine, with more to follow.", 6),
    ],
)
def test_extract_more_to_follow_joins_the_count(
    extractor: Extractor, text: str, quantity: int | None
) -> None:
    found = _only(_run(extractor, text)).quantity
    assert (found.value if found else None) == quantity


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # "units" after the one weapon of the sentence, as what the deal covers
        ("Romania's purchase of the HIMARS from the United States covers up to 54 units.", 54),
        ("Norway bought K9 howitzers from South Korea in a deal for 24 units.", 24),
        # units of an army are no count
        ("Romania bought the HIMARS from the United States; the army has two units ready.", None),
    ],
)
def test_extract_units_after_the_one_weapon_count_it(
    extractor: Extractor, text: str, quantity: int | None
) -> None:
    found = _only(_run(extractor, text)).quantity
    assert (found.value if found else None) == quantity


def test_extract_more_to_follow_of_another_weapon_is_not_added(extractor: Extractor) -> None:
    text = "Norway sent six Leopard 2 tanks and CV90 vehicles to Ukraine, with ten more to follow."
    found = {
        (t.category.value, t.quantity.value if t.quantity else None)
        for t in _run(extractor, text).transfers
    }
    assert ("armoured_vehicle", 16) not in found


def test_extract_a_demonym_subject_keeps_its_place_in_the_sentence(extractor: Extractor) -> None:
    # Regression: "the Israeli army" was read after Hamas and took the smuggled weapons.
    text = "The Israeli army said Hamas had used rifles smuggled from Egypt."
    assert {t[:2] for t in _triples(_run(extractor, text))} == {("EGY", "hamas")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peru has received its first KF-21 jets from South Korea. They will replace a "
            "fleet that includes French Mirage 2000 and Russian MiG-29 fighters.",
            {
                ("KOR", "PER", "aircraft", "delivered"),
                ("FRA", "PER", "aircraft", "delivered"),
                ("RUS", "PER", "aircraft", "delivered"),
            },
        ),
        ("The fleet includes ageing helicopters.", set()),
    ],
)
def test_extract_foreign_systems_in_a_fleet_were_delivered_to_its_owner(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _triples(_run(extractor, text)) == expected


def test_extract_a_gerund_subject_with_its_noun(extractor: Extractor) -> None:
    text = "Officials rejected claims of Hungarian firms supplying shells to Ukraine."
    assert {t[:2] for t in _triples(_run(extractor, text))} == {("HUN", "UKR")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: "on Monday" before the goods read as a carrier ("on a ship").
        (
            "Peru signed a contract on Monday to buy 30 K9 howitzers from Hanwha of South "
            "Korea, in a deal that officials called the largest sale of Korean arms yet.",
            {("KOR", "PER", "artillery", "agreed")},
        ),
        # Regression: "in Iranian hands" is no handing over.
        (
            "Iran has delivered Fateh-110 missiles to Russia. A Ukrainian officer said "
            "Kyiv believed dozens of the missiles were already in Russian hands.",
            {("IRN", "RUS", "missile", "delivered")},
        ),
        # Regression: radars listed in a package of jets are the jets' equipment.
        (
            "Chile agreed to buy 12 F-16 jets from the United States. The package includes "
            "spare engines, training and radars, the agency said.",
            {("USA", "CHL", "aircraft", "agreed")},
        ),
    ],
    ids=["date_is_no_carrier", "in_hands_is_no_handover", "radars_of_a_jet_package"],
)
def test_extract_keeps_bystander_words_out(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "used" before its noun is an adjective, not a use of weapons.
        (
            "Spain will export used frigates to Chile next year.",
            {("ESP", "CHL", "ship", "agreed")},
        ),
        # The approver of a priced sale is its seller; the objector is no party.
        (
            "Brazil approved a $950 million sale of 24 armoured vehicles to Uruguay despite "
            "protests from Argentina.",
            {("BRA", "URY", "armoured_vehicle", "agreed")},
        ),
        # Accepting hardware is receiving it; accepting an offer is not.
        (
            "The Finnish Defence Forces accepted its first K9 howitzers under a contract "
            "with South Korea.",
            {("KOR", "FIN", "artillery", "delivered")},
        ),
        ("Italy accepted the offer of tanks from Germany.", set()),
        # Permission to pass weapons on is no weapon received.
        (
            "Kenya received approval from Britain to transfer its helicopters to Somalia.",
            {("KEN", "SOM", "aircraft", "agreed")},
        ),
        # Names and class words of one phrase after "for" are what the goods are for.
        (
            "Latvia handed over 200 tons of ammunition to Ukraine, mostly cartridges for "
            "Kalashnikov AK-47 rifles.",
            {("LVA", "UKR", "ammunition", "delivered")},
        ),
        # "its" after "X rejected Y's complaints that" is X's.
        (
            "Estonia rejected Moscow's complaints that its supply of ammunition to Ukraine "
            "broke any rules.",
            {("EST", "UKR", "ammunition", "delivered")},
        ),
        # "pass on" gives; the approver of a re-export is no party.
        (
            "Austria approved Croatia's request to pass on six M-84 tanks to Ukraine.",
            {("HRV", "UKR", "armoured_vehicle", "agreed")},
        ),
        ("Slovenia passed a bill to fund tanks for Croatia.", set()),
    ],
    ids=[
        "used_is_an_adjective",
        "priced_sale_and_objector",
        "accepted_hardware",
        "accepted_offer",
        "approval_is_no_goods",
        "phrase_after_for_is_a_carrier",
        "its_after_a_possessor",
        "pass_on_gives",
        "passed_a_law",
    ],
)
def test_extract_reads_subjects_and_objects_of_real_phrasings(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A package's contents count even when the sale is named again later on.
        (
            "Finland approved a sale of missiles to Estonia. The package includes 12 "
            "amphibious assault vehicles. Officials said the sale of missiles to Estonia "
            "would close in May.",
            {("FIN", "EST", "missile", "agreed"), ("FIN", "EST", "armoured_vehicle", "agreed")},
        ),
        # Named systems of another category in sales that point back go the same way.
        (
            "The United States approved the sale of Harpoon missiles to Chile on Monday. "
            "That covers two deals: a $300 million sale of 30 Harpoon missiles and a $200 "
            "million sale of 6 HIMARS launchers.",
            {("USA", "CHL", "missile", "agreed"), ("USA", "CHL", "artillery", "agreed")},
        ),
    ],
    ids=["package_named_again_later", "second_sale_in_a_list"],
)
def test_extract_contents_across_sentences(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Poland will send 12 multiple rocket launch systems to Ukraine.", "artillery"),
        ("Greece approved the sale of 30 sniper systems to Cyprus.", "small_arms"),
        ("Norway will give 20 combat boats to Ukraine.", "ship"),
    ],
)
def test_extract_category_from_the_head_noun(
    extractor: Extractor, text: str, category: str
) -> None:
    assert _only(_run(extractor, text)).category.value == category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials in Ankara confirmed that Turkey would supply Azerbaijan with Bayraktar TB2 drones.",
            ("TUR", "AZE", "uav", "agreed"),
        ),
        (
            "Kenya welcomed Israel's decision to transfer Hermes 450 drones to Nairobi.",
            ("ISR", "KEN", "uav", "agreed"),
        ),
        (
            "The package makes France the first donor to deliver Caesar howitzers to Armenia.",
            ("FRA", "ARM", "artillery", "delivered"),
        ),
        (
            "Poland took the step to transfer K9 howitzers to Estonia next year.",
            ("POL", "EST", "artillery", "agreed"),
        ),
        (
            "Egypt is to receive Rafale jets from France under the 2021 deal.",
            ("FRA", "EGY", "aircraft", "agreed"),
        ),
        (
            "Italy began to deliver M-346 jets to Nigeria in March.",
            ("ITA", "NGA", "aircraft", "delivered"),
        ),
        (
            "Spain is sending 10 Leopard 2 tanks to Ukraine, the minister said.",
            ("ESP", "UKR", "armoured_vehicle", "agreed"),
        ),
        (
            "Vietnam is acquiring K9 howitzers from South Korea.",
            ("KOR", "VNM", "artillery", "agreed"),
        ),
        (
            "Iran is supplying Shahed-136 drones to Russia, officials say.",
            ("IRN", "RUS", "uav", "delivered"),
        ),
        (
            "The two Type 056 corvettes being given to Cambodia by China arrive next year.",
            ("CHN", "KHM", "ship", "agreed"),
        ),
        (
            "Its old jets stay in service until Bulgaria receives the F-16 Block 70 it bought from the US.",
            ("USA", "BGR", "aircraft", "agreed"),
        ),
        (
            "Tokyo announced that the Patriot interceptors had been shipped to the United States.",
            ("JPN", "USA", "air_defence", "delivered"),
        ),
        (
            "The plan will cover spare parts for Archer howitzers already donated by Sweden to Ukraine.",
            ("SWE", "UKR", "artillery", "delivered"),
        ),
        (
            "In Seoul, the sale of K2 tanks to Romania is currently being discussed.",
            ("KOR", "ROU", "armoured_vehicle", "discussed"),
        ),
        (
            "Peru has selected Hanwha to supply K9 howitzers to its army.",
            ("KOR", "PER", "artillery", "discussed"),
        ),
        (
            "Lockheed was set to hold talks with Manila on selling F-16 jets to the Philippines.",
            ("USA", "PHL", "aircraft", "discussed"),
        ),
        (
            "Norway will back Kyiv by gifting 22 M109 howitzers to Ukraine.",
            ("NOR", "UKR", "artillery", "agreed"),
        ),
        (
            "Thailand has bought Gripen jets from Sweden and is eyeing Chinese submarines.",
            ("CHN", "THA", "ship", "discussed"),
        ),
        (
            "Analysts warned that sending ATACMS missiles to Ukraine could provoke Russia, "
            "but Washington sent them.",
            ("USA", "UKR", "missile", "delivered"),
        ),
        # a verb that only makes the transfer possible
        (
            "The spare parts Norway is buying would ease a later transfer of NASAMS "
            "launchers to Moldova.",
            ("NOR", "MDA", "air_defence", "discussed"),
        ),
        # a letter about a deal is not the deal
        (
            "Last spring Vietnam's navy sent a letter concerning a BrahMos missile deal with India.",
            ("IND", "VNM", "missile", "discussed"),
        ),
    ],
)
def test_extract_status_follows_verb_form(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str]
) -> None:
    """Infinitives, progressives of announcing, "would" in reported speech, a present
    after "until", talks and choices are no delivery; a perfect or "already" is one."""
    assert expected in _triples(_run(extractor, text))


def test_extract_system_head_noun_after_modifiers_is_one_weapon(extractor: Extractor) -> None:
    text = "Hungary has delivered the first Tunguska self-propelled tanks to Serbia."
    assert {t[2] for t in _triples(_run(extractor, text))} == {"air_defence"}


@pytest.mark.parametrize(
    ("text", "giver", "other"),
    [
        (
            "Romania and Bulgaria agreed to hand over Romanian MiG-21 jets to Moldova.",
            "ROU",
            "BGR",
        ),
        (
            "Greece and Cyprus will send Greek BMP-1 vehicles to Armenia.",
            "GRC",
            "CYP",
        ),
    ],
)
def test_extract_joint_subject_gives_only_the_origin_state(
    extractor: Extractor, text: str, giver: str, other: str
) -> None:
    suppliers = {t[0] for t in _triples(_run(extractor, text))}
    assert giver in suppliers
    assert other not in suppliers


@pytest.mark.parametrize(
    "text",
    [
        "Hanoi has ordered Su-30 jets from Moscow, Japanese officials told reporters, in what "
        "would be the first delivery of new fighters to Vietnam in a decade.",
        "Jakarta is in talks to buy Rafale jets from Paris, a step that would give Indonesia "
        "its first Western fighters.",
    ],
)
def test_extract_conditional_relative_agrees_to_nothing(extractor: Extractor, text: str) -> None:
    """ "in what would be the first delivery", "a step that would give": a conditional
    relative, not a word given as "said Paris would supply" is: nothing agreed by it."""
    triples = _triples(_run(extractor, text))
    assert not [t for t in triples if t[0] in ("JPN", "FRA") and t[3] == "agreed"]


# Failure classes seen on unseen news. Each fixture below is written for these tests,
# varied in actors, systems, word order and house style; the triples are
# (supplier, recipient, category, status).
_Triples = set[tuple[str, str, str, str]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Wing Loong II drone is now in service in Egypt, Saudi Arabia, Pakistan "
            "and Nigeria.",
            {
                ("CHN", "EGY", "uav", "delivered"),
                ("CHN", "SAU", "uav", "delivered"),
                ("CHN", "PAK", "uav", "delivered"),
                ("CHN", "NGA", "uav", "delivered"),
            },
        ),
        (
            "Operators of the Bayraktar Akinci include Azerbaijan, Pakistan and Algeria.",
            {
                ("TUR", "AZE", "uav", "delivered"),
                ("TUR", "PAK", "uav", "delivered"),
                ("TUR", "DZA", "uav", "delivered"),
            },
        ),
        (
            "The Caesar howitzer, also bought by Indonesia and Thailand, impressed the "
            "visiting delegation.",
            {("FRA", "IDN", "artillery", "delivered"), ("FRA", "THA", "artillery", "delivered")},
        ),
        (
            "KAI has so far exported 60 FA-50 light fighters to four countries, the others "
            "being Iraq, Indonesia and the Philippines.",
            {
                ("KOR", "IRQ", "aircraft", "delivered"),
                ("KOR", "IDN", "aircraft", "delivered"),
                ("KOR", "PHL", "aircraft", "delivered"),
            },
        ),
        (
            "The Gripen C/D is flown by the air forces of Hungary, the Czech Republic and "
            "Thailand.",
            {
                ("SWE", "HUN", "aircraft", "delivered"),
                ("SWE", "CZE", "aircraft", "delivered"),
                ("SWE", "THA", "aircraft", "delivered"),
            },
        ),
        (
            "Brazil's A-29 Super Tucano, already in use with Chile and Portugal, was shown "
            "at the fair.",
            {("BRA", "CHL", "aircraft", "delivered"), ("BRA", "PRT", "aircraft", "delivered")},
        ),
        (
            "Countries that operate the HIMARS include Romania, Estonia and Lithuania.",
            {
                ("USA", "ROU", "artillery", "delivered"),
                ("USA", "EST", "artillery", "delivered"),
                ("USA", "LTU", "artillery", "delivered"),
            },
        ),
        (
            "Other buyers of the J-10 are Pakistan and Egypt, according to the report.",
            {("CHN", "PAK", "aircraft", "delivered"), ("CHN", "EGY", "aircraft", "delivered")},
        ),
        (
            "Romania and Greece already operate the Patriot, the ministry noted.",
            {
                ("USA", "ROU", "air_defence", "delivered"),
                ("USA", "GRC", "air_defence", "delivered"),
            },
        ),
        ("The Akinci drone is in service with the Turkish air force and navy.", set()),
        ("Russia operates the Su-57 in small numbers.", set()),
    ],
)
def test_class1_holder_lists(extractor: Extractor, text: str, expected: _Triples) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Denmark has pledged 19 F-16 jets to Ukraine and the Netherlands will provide "
            "24, with Norway and Belgium also saying they would contribute.",
            {
                ("DNK", "UKR", "aircraft", "agreed"),
                ("NLD", "UKR", "aircraft", "agreed"),
                ("NOR", "UKR", "aircraft", "discussed"),
                ("BEL", "UKR", "aircraft", "discussed"),
            },
        ),
        (
            "Germany, France and Italy will deliver air defence systems to Moldova.",
            {
                ("DEU", "MDA", "air_defence", "agreed"),
                ("FRA", "MDA", "air_defence", "agreed"),
                ("ITA", "MDA", "air_defence", "agreed"),
            },
        ),
        (
            "In a joint statement, Estonia, Latvia and Lithuania said they had sent "
            "Stinger missiles to Ukraine.",
            {
                ("EST", "UKR", "air_defence", "delivered"),
                ("LVA", "UKR", "air_defence", "delivered"),
                ("LTU", "UKR", "air_defence", "delivered"),
            },
        ),
        (
            "Canada and Australia announced on Tuesday that they would jointly donate 30 "
            "armoured vehicles to Ukraine.",
            {
                ("CAN", "UKR", "armoured_vehicle", "agreed"),
                ("AUS", "UKR", "armoured_vehicle", "agreed"),
            },
        ),
        (
            "The Czech Republic and Slovakia have both supplied T-72 tanks to Kyiv.",
            {
                ("CZE", "UKR", "armoured_vehicle", "delivered"),
                ("SVK", "UKR", "armoured_vehicle", "delivered"),
            },
        ),
        (
            "Kyiv will receive Patriot batteries from Germany and Romania, with the "
            "Netherlands also considering a contribution.",
            {
                ("DEU", "UKR", "air_defence", "agreed"),
                ("ROU", "UKR", "air_defence", "agreed"),
                ("NLD", "UKR", "air_defence", "discussed"),
            },
        ),
        (
            "Sweden has sent 10 Stridsvagn 122 tanks to Ukraine while Finland will deliver "
            "three, the ministries said.",
            {
                ("SWE", "UKR", "armoured_vehicle", "delivered"),
                ("FIN", "UKR", "armoured_vehicle", "agreed"),
            },
        ),
    ],
)
def test_class2_donor_lists_and_gapping(
    extractor: Extractor, text: str, expected: _Triples
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Germany unveiled a new military aid package for Ukraine on Tuesday. It "
            "includes 20 Marder infantry fighting vehicles and four Gepard guns.",
            {
                ("DEU", "UKR", "armoured_vehicle", "agreed"),
                ("DEU", "UKR", "air_defence", "agreed"),
            },
        ),
        (
            "Washington announced a $400 million arms package for Taiwan. Among the items "
            "are 100 Stinger missiles.",
            {("USA", "TWN", "air_defence", "agreed")},
        ),
        (
            "Indonesia finalised a deal with France on Thursday. The order covers 42 "
            "Rafale fighters.",
            {("FRA", "IDN", "aircraft", "agreed")},
        ),
        (
            "Italy approved a sixth package of military aid for Ukraine. The shipment will "
            "contain SAMP/T launchers, officials said.",
            {("ITA", "UKR", "air_defence", "agreed")},
        ),
        (
            "The Netherlands has handed a new military aid tranche to Ukraine. "
            "Included are 12 PzH 2000 howitzers.",
            {("NLD", "UKR", "artillery", "delivered")},
        ),
        (
            "Britain has delivered more drones to Ukraine, the defence ministry said. "
            "Along with them came 20 AS-90 howitzers.",
            {("GBR", "UKR", "uav", "delivered"), ("GBR", "UKR", "artillery", "delivered")},
        ),
    ],
)
def test_class3_transfer_across_sentences(
    extractor: Extractor, text: str, expected: _Triples
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norway's defence ministry said on Monday that it would donate 20 M109 "
            "howitzers to Ukraine.",
            {("NOR", "UKR", "artillery", "agreed")},
        ),
        (
            "The Pentagon said it had delivered the first Abrams tanks to Ukraine.",
            {("USA", "UKR", "armoured_vehicle", "delivered")},
        ),
        (
            "The Dutch government confirmed it will supply Kyiv with F-16 fighters.",
            {("NLD", "UKR", "aircraft", "agreed")},
        ),
        (
            "Germany's Federal Ministry of Defence has handed over 10 Leopard 1A5 tanks "
            "to Ukraine.",
            {("DEU", "UKR", "armoured_vehicle", "delivered")},
        ),
        (
            "The Ministry of National Defence of Poland announced that it has ordered 96 "
            "Apache helicopters from the United States.",
            {("USA", "POL", "aircraft", "agreed")},
        ),
        (
            "The Indian Navy will receive its first MH-60R helicopters from the United "
            "States next month.",
            {("USA", "IND", "aircraft", "agreed")},
        ),
    ],
)
def test_class4_government_bodies_and_pronouns(
    extractor: Extractor, text: str, expected: _Triples
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Forces loyal to Khalifa Haftar have received armoured vehicles from the "
            "United Arab Emirates, the panel found.",
            {("ARE", "lna", "armoured_vehicle", "delivered")},
        ),
        (
            "Rwanda has supplied M23 rebels with mortars, UN experts said.",
            {("RWA", "m23", "artillery", "delivered")},
        ),
        (
            "Iran has armed Hamas for years. The group has received Fajr-5 rockets "
            "smuggled through tunnels.",
            {("IRN", "hamas", "ammunition", "delivered")},
        ),
        (
            "Houthi rebels launched Iranian-designed missiles at ships in the Red Sea.",
            {("IRN", "houthis", "missile", "delivered")},
        ),
        (
            "Hezbollah fighters used Russian Kornet missiles against Israeli tanks.",
            {("RUS", "hezbollah", "missile", "delivered")},
        ),
        (
            "The RSF paramilitary received drones from the UAE, according to a UN report.",
            {("ARE", "rsf", "uav", "delivered")},
        ),
        (
            "Haftar's forces took delivery of Russian Pantsir systems last year.",
            {("RUS", "lna", "air_defence", "delivered")},
        ),
    ],
)
def test_class5_armed_groups(extractor: Extractor, text: str, expected: _Triples) -> None:
    assert {t[:3] for t in _triples(_run(extractor, text))} == {t[:3] for t in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nigeria took delivery of two new attack helicopters from Turkey.",
            {("TUR", "NGA", "aircraft", "delivered")},
        ),
        (
            "Japan will give Vietnam six patrol boats under a new aid deal.",
            {("JPN", "VNM", "ship", "agreed")},
        ),
        (
            "Lithuania has sent anti-drone systems to Ukraine.",
            {("LTU", "UKR", "air_defence", "delivered")},
        ),
        (
            "Canada donated 1,000 thermal scopes to Ukraine.",
            {("CAN", "UKR", "sensor", "delivered")},
        ),
        (
            "Serbia sold 5,000 assault rifles to Burkina Faso.",
            {("SRB", "BFA", "small_arms", "delivered")},
        ),
        (
            "Thailand will buy 12 new VX-30 howitzers from Israel.",
            {("ISR", "THA", "artillery", "agreed")},
        ),
        (
            "Australia will supply Papua New Guinea with four Guardian-class patrol vessels.",
            {("AUS", "PNG", "ship", "agreed")},
        ),
        (
            "Germany delivered counter-drone jammers and sniper rifles to Ukraine.",
            {("DEU", "UKR", "air_defence", "delivered"), ("DEU", "UKR", "small_arms", "delivered")},
        ),
    ],
)
def test_class6_category_from_words(extractor: Extractor, text: str, expected: _Triples) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Italy's Fincantieri is building four frigates for the Indonesian Navy.",
            {("ITA", "IDN", "ship", "agreed")},
        ),
        (
            "South Korean shipbuilder Hanwha Ocean won a contract to build three "
            "submarines for Canada.",
            {("KOR", "CAN", "ship", "agreed")},
        ),
        (
            "The NASAMS launchers, bought from Norway, were shipped to Lithuania through Poland.",
            {("NOR", "LTU", "air_defence", "delivered")},
        ),
        (
            "Turkey sold Akinci drones to Indonesia, despite objections from Greece.",
            {("TUR", "IDN", "uav", "delivered")},
        ),
        (
            "The United States shipped the howitzers to Ukraine through Poland, Pentagon "
            "officials said.",
            {("USA", "UKR", "artillery", "delivered")},
        ),
        (
            "A Chinese shipyard launched the second of four frigates it is building for "
            "the Pakistan Navy.",
            {("CHN", "PAK", "ship", "agreed")},
        ),
        (
            "Russia delivered S-400 missiles to India by sea via Iran, sources said.",
            {("RUS", "IND", "air_defence", "delivered")},
        ),
    ],
)
def test_class7_direction_and_bystanders(
    extractor: Extractor, text: str, expected: _Triples
) -> None:
    assert {t[:3] for t in _triples(_run(extractor, text))} == {t[:3] for t in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Egypt, which acquired Rafale jets from France in 2015, is now eyeing other options.",
            {("FRA", "EGY", "aircraft", "delivered")},
        ),
        (
            "Indonesia, which bought Su-30 fighters from Russia in 2003, has now ordered "
            "Rafales from France.",
            {("RUS", "IDN", "aircraft", "delivered"), ("FRA", "IDN", "aircraft", "agreed")},
        ),
        (
            "The US Navy intercepted a dhow carrying Iranian anti-tank missiles destined "
            "for the Houthis.",
            {("IRN", "houthis", "missile", "delivered")},
        ),
        (
            "French forces seized a cargo of Iranian assault rifles heading to the Houthis.",
            {("IRN", "houthis", "small_arms", "delivered")},
        ),
        (
            "Greece, which received Mirage 2000 jets from France in 2007, is buying F-35 "
            "fighters from the United States.",
            {("FRA", "GRC", "aircraft", "delivered"), ("USA", "GRC", "aircraft", "agreed")},
        ),
        (
            "Israeli troops seized a consignment of Iranian-made drones intended for Hezbollah.",
            {("IRN", "hezbollah", "uav", "delivered")},
        ),
    ],
)
def test_class8_background_and_seized(extractor: Extractor, text: str, expected: _Triples) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "systems"),
    [
        ("Croatia ordered 12 Leopard 2A8 tanks from Germany.", {"Leopard 2A8"}),
        ("Poland signed for 72 more K239 Chunmoo launchers from South Korea.", {"K239 Chunmoo"}),
        ("Slovakia will buy F-16V Block 70 jets from the United States.", {"F-16 Block 70"}),
        ("Egypt bought F-16C Block 52 jets from the US.", {"F-16"}),
        ("Egypt received MiG-29M2 fighters from Russia.", {"MiG-29"}),
        ("Argentina bought 24 F-16AM/BM jets from Denmark.", {"F-16"}),
        (
            "Spain sent Ukraine Aspide missiles, M113 carriers and six Leopard 2A4 tanks.",
            {"Aspide", "M113", "Leopard 2A4"},
        ),
        ("Bulgaria received its first Stryker ICVV vehicles from the US.", {"Stryker"}),
        ("Washington approved a sale of 135 AGM-84H missiles to Taiwan.", {"SLAM-ER"}),
        ("China will give Cambodia two Type 56 corvettes next year.", {"Type 056 corvette"}),
        ("Turkey handed over the corvette PNS Khaibar to Pakistan.", {"Ada-class corvette"}),
        ("Kyiv received 12 M-777 howitzers from Canada.", {"M777"}),
    ],
)
def test_class9_systems_named(extractor: Extractor, text: str, systems: set[str]) -> None:
    names = {s.name for t in _run(extractor, text).transfers for s in t.systems}
    assert systems <= names, names


def test_a_tranche_opens_a_deal_whose_contents_follow(extractor: Extractor) -> None:
    """A sentence naming no weapon but "a new ... tranche" is kept, so that the next
    sentence's list joins its transfer, with the status of "handed"."""
    text = (
        "Norway handed a new military support tranche to Ukraine on Friday. "
        "Included are 8 Archer howitzers."
    )
    assert _triples(_run(extractor, text)) == {("NOR", "UKR", "artillery", "delivered")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Belgium delivered a new aid package to Ukraine on Friday. The package includes "
            "8 Archer howitzers.",
            "delivered",
        ),
        (
            "Denmark has sent its latest tranche to Ukraine. It includes 20 CV90 vehicles.",
            "delivered",
        ),
        (
            "Norway will send a new aid package to Ukraine. The package includes 8 Archer "
            "howitzers.",
            "agreed",
        ),
        (
            "Sweden plans to send a new aid package to Ukraine. The package includes 8 "
            "Archer howitzers.",
            "discussed",
        ),
        (
            "Finland announced a new aid package for Ukraine. The package includes 8 Archer "
            "howitzers.",
            "agreed",
        ),
    ],
)
def test_transfers_package_contents_take_the_status_of_its_verb(
    extractor: Extractor, text: str, status: str
) -> None:
    assert {t[3] for t in _triples(_run(extractor, text))} == {status}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An active giving verb with its own state subject and "to X" states the direction,
        # even when the receiver made the goods.
        (
            "Belarus handed 30 T-72 tanks to Russia last spring.",
            {("BLR", "RUS", "armoured_vehicle", "delivered")},
        ),
        (
            "Japan exported Patriot interceptors to the United States under revised rules.",
            {("JPN", "USA", "air_defence", "delivered")},
        ),
        (
            "Officials in Kyiv said Belarus had handed 30 T-72 tanks to Russia.",
            {("BLR", "RUS", "armoured_vehicle", "delivered")},
        ),
        (
            "Israel has shipped two Patriot batteries to the United States, officials said.",
            {("ISR", "USA", "air_defence", "delivered")},
        ),
        (
            "Armenia sold its Su-30SM fighter jets to Russia in 2023.",
            {("ARM", "RUS", "aircraft", "delivered")},
        ),
        # Where the giver is inferred, the maker still supplies.
        (
            "The delivery of Russia's S-400 systems for Turkey began in July.",
            {("RUS", "TUR", "air_defence", "delivered")},
        ),
        ("Turkey received S-400s from Russia.", {("RUS", "TUR", "air_defence", "delivered")}),
        (
            "Russia's S-400s were delivered to Turkey in 2019.",
            {("RUS", "TUR", "air_defence", "delivered")},
        ),
        # The goods are not the verb's object, or go back to their maker for repair.
        (
            "Turkey transferred 2 billion dollars to Russia for S-400 missiles.",
            {("RUS", "TUR", "air_defence", "delivered")},
        ),
        (
            "Egypt sent its MiG-29 jets back to Russia for overhaul.",
            {("RUS", "EGY", "aircraft", "delivered")},
        ),
        pytest.param(
            "Belarus removed T-72 tanks from storage and sent them to Russia.",
            {("BLR", "RUS", "armoured_vehicle", "delivered")},
            # A subject shared by two verbs is left to the maker rule: allowing it cost a
            # false positive on held-out reporting.
            marks=pytest.mark.xfail(strict=True, reason="coordinated verb phrase"),
        ),
    ],
)
def test_transfers_stated_giver_keeps_direction_against_the_maker(
    extractor: Extractor, text: str, expected: _Triples
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Serbian ammunition made its way to Ukraine through third countries.",
            {("SRB", "UKR", "ammunition", "delivered")},
        ),
        (
            "Serbian shells worth 800 million dollars have made their way quietly to Ukraine.",
            {("SRB", "UKR", "ammunition", "delivered")},
        ),
        (
            "Bulgarian artillery shells ended up in Ukraine, according to the report.",
            {("BGR", "UKR", "ammunition", "delivered")},
        ),
        (
            "Iranian drones found their way to Sudan last year.",
            {("IRN", "SDN", "uav", "delivered")},
        ),
        # No origin on the goods, airspace rather than a receiver, one stray drone.
        ("Serbian officials denied that ammunition made its way to Ukraine.", set()),
        ("Russian drones made their way into Ukrainian airspace.", set()),
        ("A Russian drone ended up in Romania after the strike.", set()),
    ],
)
def test_transfers_goods_of_stated_origin_that_made_their_way(
    extractor: Extractor, text: str, expected: _Triples
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A cargo ship carrying North Korean artillery shells bound for Russia docked at Rajin.",
            {("PRK", "RUS", "ammunition", "delivered")},
        ),
        (
            "Iranian missiles bound for the Houthis were seized off Yemen.",
            {("IRN", "houthis", "missile", "delivered")},
        ),
        ("Iranian rifles bound for Yemen were seized by the navy.", set()),
        # "Bound for" a state with no seizure: tried, but it added a false positive on
        # held-out reporting, so a state destination is still not read as the receiver.
        pytest.param(
            "Iranian drones bound for Russia were loaded at the port.",
            {("IRN", "RUS", "uav", "delivered")},
            marks=pytest.mark.xfail(strict=True, reason="state destination not a receiver"),
        ),
        pytest.param(
            "The French frigate bound for Greece left Lorient on Monday.",
            {("FRA", "GRC", "ship", "delivered")},
            marks=pytest.mark.xfail(strict=True, reason="state destination not a receiver"),
        ),
    ],
)
def test_transfers_goods_bound_for_a_receiver(
    extractor: Extractor, text: str, expected: _Triples
) -> None:
    assert _triples(_run(extractor, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Norway will send armoured personnel carriers to Ukraine. A diplomat said there have "
        "been fresh transfers of Russian tanks across the border to the rebels in eastern Ukraine.",
        "Norway will send armoured personnel carriers to Ukraine. Observers also reported new "
        "deliveries of Iranian-made armoured trucks to the militias in the east.",
    ],
)
def test_transfers_goods_of_a_third_origin_do_not_point_back(
    extractor: Extractor, text: str
) -> None:
    # The transfer noun names goods made elsewhere: it is not news of the Norwegian gift.
    assert _triples(_run(extractor, text)) == {("NOR", "UKR", "armoured_vehicle", "agreed")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The delivery of 24 K9 howitzers to Norway is on track for the autumn.", "agreed"),
        (
            "Deliveries of the K9 howitzers to Norway remain on schedule, the ministry said.",
            "agreed",
        ),
        ("The delivery of 24 K9 howitzers to Norway was completed on Monday.", "delivered"),
    ],
)
def test_transfers_a_delivery_on_track_is_still_to_come(
    extractor: Extractor, text: str, status: str
) -> None:
    assert _triples(_run(extractor, text)) == {("KOR", "NOR", "artillery", status)}


@pytest.mark.parametrize(
    "text",
    [
        "The Bayraktar TB2 has been sold to countries including Qatar, Niger and Poland.",
        "Turkey has sold Bayraktar TB2 drones to nations such as Qatar, Niger and Poland.",
        "Bayraktar TB2 drones were exported to several customers, including Qatar, Niger "
        "and Poland.",
    ],
)
def test_transfers_recipients_given_as_examples_of_a_group(extractor: Extractor, text: str) -> None:
    assert _triples(_run(extractor, text)) == {
        ("TUR", recipient, "uav", "delivered") for recipient in ("QAT", "NER", "POL")
    }


def test_transfers_a_definite_class_word_points_back_at_the_system(extractor: Extractor) -> None:
    # An air defence system is also called "the missile system"; its maker does not
    # become the giver.
    text = (
        "Bulgaria has operated an S-300 battery since the 1990s. The prime minister said "
        "the missile system had been handed over to Ukraine by Bulgaria."
    )
    transfer = _only(_run(extractor, text))
    assert (transfer.supplier.id, transfer.recipient.id, transfer.category.value) == (
        "BGR",
        "UKR",
        "air_defence",
    )
    assert [s.name for s in transfer.systems] == ["S-300"]


def test_transfers_unnamed_doers_are_no_state(extractor: Extractor) -> None:
    # The makers give, not the state that complained first in the sentence.
    text = (
        "Japan has complained of delays to its orders, as manufacturers send howitzers to Ukraine."
    )
    assert all(t.supplier.id != "JPN" for t in _run(extractor, text).transfers)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A freight train carried T-72 tanks across Moravia on Monday. "
            "Prague will send the tanks to Ukraine, officials said.",
            {("CZE", "UKR", "armoured_vehicle", ("T-72",))},
        ),
        # "the missile system" points back at the air defence system named before it.
        (
            "Slovakia had long called its S-300 battery indispensable. "
            "The defence minister said on Friday that the missile system had been handed to "
            "Ukraine.",
            {("SVK", "UKR", "air_defence", ("S-300",))},
        ),
        # No pointer: "tanks" is any tanks, not the Russian ones named before.
        (
            "Russian T-90 tanks shelled the town. Poland sends tanks to Ukraine.",
            {("POL", "UKR", "armoured_vehicle", ())},
        ),
    ],
)
def test_transfers_class_word_after_a_pointer_is_the_system_named_before(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    found = {
        (t.supplier.id, t.recipient.id, t.category.value, tuple(s.name for s in t.systems))
        for t in _run(extractor, text).transfers
    }
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The origin stated for the arsenal covers the systems it lists; the owner is the
        # possessor before it.
        (
            "The Houthis' Iranian-supplied arsenal includes Quds-1 cruise missiles.",
            {("IRN", "houthis", "missile", ("Quds-1",))},
        ),
        (
            "Hezbollah's arsenal of Iranian-made rockets includes Fajr-5 and Zelzal-2.",
            {("IRN", "hezbollah", "ammunition", ("Fajr-5", "Zelzal-2"))},
        ),
        # No origin stated: a state's own arsenal.
        ("Russia's arsenal includes Iskander missiles.", set()),
    ],
)
def test_transfers_an_arsenal_of_stated_origin(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    found = {
        (t.supplier.id, t.recipient.id, t.category.value, tuple(s.name for s in t.systems))
        for t in _run(extractor, text).transfers
    }
    assert found == expected


def test_transfers_a_package_announced_by_a_body_named_twice(extractor: Extractor) -> None:
    # "US" and "Department of Defense" are one giver.
    text = (
        "The US Department of Defense announced a new aid package for Ukraine. The package "
        "includes Stinger missiles and 155mm rounds."
    )
    assert _triples(_run(extractor, text)) == {
        ("USA", "UKR", "air_defence", "agreed"),
        ("USA", "UKR", "ammunition", "agreed"),
    }


def test_transfers_the_states_of_a_list_are_its_subjects(extractor: Extractor) -> None:
    text = "The Baltic states of Estonia, Latvia and Lithuania will send mortars to Ukraine."
    assert _triples(_run(extractor, text)) == {
        (giver, "UKR", "artillery", "agreed") for giver in ("EST", "LVA", "LTU")
    }


@pytest.mark.parametrize(
    ("text", "systems"),
    [
        (
            "Poland bought FA-50 jets from South Korea. The jets will replace Soviet-era "
            "MiG-29 and Su-22 aircraft.",
            {("KOR", "POL", "FA-50")},
        ),
        (
            # What was given away and is now replaced was given all the same.
            "Germany will buy new tanks to replace the Leopard 2 tanks it gave to Ukraine.",
            {("DEU", "UKR", "Leopard 2")},
        ),
    ],
)
def test_transfers_what_is_replaced_is_no_goods(
    extractor: Extractor, text: str, systems: set[tuple[str, str, str]]
) -> None:
    found = {
        (t.supplier.id, t.recipient.id, s.name)
        for t in _run(extractor, text).transfers
        for s in t.systems
    }
    assert found == systems


def test_transfers_a_serial_comma_before_a_clause_with_goods_as_subject(
    extractor: Extractor,
) -> None:
    text = (
        "More than 2,000 NLAW anti-tank weapons were shipped to Ukraine by Norway, and "
        "Stinger air defence missiles were handed over to Ukrainian units by Denmark."
    )
    assert _triples(_run(extractor, text)) == {
        ("NOR", "UKR", "missile", "delivered"),
        ("DNK", "UKR", "air_defence", "delivered"),
    }


def test_transfers_goods_that_point_back_come_from_their_known_seller(
    extractor: Extractor,
) -> None:
    text = (
        "Embraer delivered four Super Tucano aircraft to Paraguay. The same jets were later "
        "acquired by the air forces of Ghana and Mali."
    )
    assert _triples(_run(extractor, text)) == {
        ("BRA", recipient, "aircraft", "delivered") for recipient in ("PRY", "GHA", "MLI")
    }


def test_transfers_deliveries_that_took_place_raise_the_status(extractor: Extractor) -> None:
    text = (
        "Algeria ordered 40 Mi-28 helicopters from Russia in 2014, and deliveries took place "
        "over the following two years."
    )
    assert _triples(_run(extractor, text)) == {("RUS", "DZA", "aircraft", "delivered")}


def test_transfers_an_office_holder_of_a_state_gives(extractor: Extractor) -> None:
    text = "Chief of Army Staff of the Indian Army Gen. A. Rao handed over 12 T-72 tanks to the Nepal Army."
    assert _triples(_run(extractor, text)) == {("IND", "NPL", "armoured_vehicle", "delivered")}


def test_transfers_each_count_with_its_own_source(extractor: Extractor) -> None:
    text = "Chile received 12 Leopard 2 tanks from Germany, 9 from Spain and 4 from Norway."
    found = {
        (t.supplier.id, t.quantity.value if t.quantity else None)
        for t in _run(extractor, text).transfers
    }
    assert found == {("DEU", 12), ("ESP", 9), ("NOR", 4)}
