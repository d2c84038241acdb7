"""Credits found in datelines, bylines and attributions; photo credits and side details not."""

from __future__ import annotations

import pytest

from armstrack.catalogue import Catalogue
from armstrack.catalogue.normalise import key
from armstrack.resolve.credits import Lookup, Tier, find_credits, main_credit, outlet_lookup


@pytest.fixture(scope="module")
def lookup(catalogue: Catalogue) -> Lookup:
    names = {}
    for outlet in catalogue.outlets.values():
        for name in (outlet.name, *outlet.aliases):
            names.setdefault(key(name), outlet.id)
    return outlet_lookup(names, key)


@pytest.mark.parametrize(
    ("text", "outlet", "tier"),
    [
        ("ANKARA (AP) — Turkey has received the jets.", "ap", Tier.BYLINE),
        ("MOSCOW, May 3. /TASS/. The ministry said the drones arrived.", "tass", Tier.BYLINE),
        ("MOSCOW, May 3rd. /tass/. The ministry said the drones arrived.", "tass", Tier.BYLINE),
        ("Reuters | Updated: 03-05-2024\nThe drones arrived.", "reuters", Tier.BYLINE),
        ("The drones arrived last week.\nSource: Yonhap", "yonhap", Tier.BYLINE),
        ("Officials told Reuters the drones arrived.", "reuters", Tier.SOURCED),
        ("A report seen by the Guardian lists the flights.", "guardian", Tier.SOURCED),
        ("The drones arrived, according to Yonhap.", "yonhap", Tier.CITED),
        ("The drones arrived, AFP reported.", "afp", Tier.CITED),
        (
            "The drones arrived last week.\nReuters contributed reporting.",
            "reuters",
            Tier.CONTRIBUTED,
        ),
        ("The drones arrived last week.\nAdditional input from AFP.", "afp", Tier.CONTRIBUTED),
        ("Os drones chegaram, segundo a Reuters.", "reuters", Tier.CITED),
        ("Los drones llegaron, informó Reuters el lunes.", "reuters", Tier.CITED),
        ("Die Drohnen sind angekommen, wie Reuters berichtete.", "reuters", Tier.CITED),
        ("Reuters zufolge sind die Drohnen angekommen.", "reuters", Tier.CITED),
        ("Według Reutersa drony dotarły.", None, None),
        ("Drony dotarły, podała agencja AFP.", "afp", Tier.CITED),
        ("De drones zijn aangekomen, volgens AFP.", "afp", Tier.CITED),
        ("D'après l'AFP, les drones sont arrivés.", "afp", Tier.CITED),
    ],
)
def test_find_credits_reads_credit_patterns(
    lookup: Lookup, text: str, outlet: str | None, tier: Tier | None
) -> None:
    credit = main_credit(find_credits(text, lookup))
    if outlet is None:  # a declined name ("Reutersa"), a name after its kind: not read
        assert credit is None
        return
    assert credit is not None
    assert (credit.outlet, credit.tier) == (outlet, tier)


@pytest.mark.parametrize(
    "text",
    [
        "The jets were unveiled in Ankara. (Yves Herman, Pool Photo via AP, File)",
        "The jets were unveiled. Photograph: AFP/Getty",
        "[RALF HIRSCHBERGER/DPA VIA AP, FILE] The tanks left on Monday.",
        "Officials told reporters the drones arrived, according to officials.",
    ],
)
def test_find_credits_ignores_photo_credits_and_unknown_names(lookup: Lookup, text: str) -> None:
    assert find_credits(text, lookup) == []


def test_find_credits_drops_a_cited_side_detail_below_the_lead(lookup: Lookup) -> None:
    lead = "The ministry said on Monday that the jets had been delivered to the navy. " * 12
    text = lead + "The signing was held online, The Hindu reported."
    assert find_credits(text, lookup) == []


def test_main_credit_prefers_the_outlets_own_sourcing_to_a_contribution(lookup: Lookup) -> None:
    text = "A spokesman told AFP the deal was signed.\nAdditional input from Reuters."
    credit = main_credit(find_credits(text, lookup))
    assert credit is not None and credit.outlet == "afp"
