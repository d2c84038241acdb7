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
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_page_construct_gives_the_transfers_of_the_annotation(
    extractor: Extractor, text: str, expected: set[Triple]
) -> None:
    assert transfers_of(extractor, text) == expected
