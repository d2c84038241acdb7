import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue import normalise
from armstrack.catalogue.normalise import caseless, fold, fold_words, original_groups


@pytest.mark.parametrize(
    "text",
    [
        "Iran SENT drones BY SEA in Early January",
        "İran and ıran",  # dotted capital I (two characters in lower case), dotless i
        "ſaid, Kilo",  # long s and the Kelvin sign read as "s" and "k" under IGNORECASE
        "ΟΔΟΣ'Α Ünited Éire",  # letters outside ASCII, final sigma
        "",
    ],
)
def test_caseless_matches_where_ignorecase_matches(text: str) -> None:
    pattern = r"\b(?:iran|said|kilo|by\s+sea|early|united)\b|[A-Za-z]+|\w+"
    lowered = caseless(text)
    assert len(lowered) == len(text)
    assert [m.span() for m in re.finditer(pattern, lowered)] == [
        m.span() for m in re.finditer(pattern, text, re.IGNORECASE)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Late LAST Year", {"rel": "LAST", "qual": "Late"}), ("last year", {"rel": "last"})],
)
def test_original_groups_reads_the_original_text(text: str, expected: dict[str, str]) -> None:
    match = re.search(r"(?:(?P<qual>late) )?(?P<rel>last) year", caseless(text))
    assert match is not None
    groups = original_groups(text, match)
    assert {k: v for k, v in groups.items() if v is not None} == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Shahed-136 drones?",
        "Russia’s “Geran‑2” — İstanbul, ıſ\u212a Σ?\u00a0Ｆ-16\u200b😀 海軍 ok?",
        "?’?",
        "é",
    ],
)
def test_fold_is_the_character_table(text: str) -> None:
    """The quick ASCII path changes no character: ``fold`` is its table, everywhere."""
    assert fold(text) == text.translate(normalise._TABLE)
    assert fold_words(text) == text.translate(normalise._WORD_TABLE)


@settings(max_examples=1000, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aZ ?’é\u0130\u0131\u017f\u212aΣσ\u00dfΑ\u1e9e\ud800海Ｆ")),
        max_size=30,
    )
)
def test_caseless_quick_form_is_the_plain_one(text: str) -> None:
    """The ASCII characters lowered as bytes, the others each on its own: what lowering
    the whole text makes (two-character lowerings and the final sigma included)."""
    assert caseless(text) == normalise._caseless_whole(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_caseless_quick_form_is_the_plain_one_on_any_text(text: str) -> None:
    assert caseless(text) == normalise._caseless_whole(text)
