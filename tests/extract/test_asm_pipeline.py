"""The pipeline's hand readers against their readable forms, on longer texts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.extract import pipeline

READABLE_DETERMINER = re.compile(r"\b(?:the|these|those|such|any|that|this)\s+(?:\w+\s+)?\Z")

# Determiners whole and inside words, words between, word characters the letters do not
# cover, white space of several kinds, marks.
PIECES = [
    *("the", "these", "those", "such", "any", "that", "this", "a", "x", "_", "é", "2"),
    *("shipments", "other", "bathe", " ", " ", "  ", "\n", "\t", "\u2003", "-", ".", "s"),
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.integers(0, 80))
def test_determiner_before_read_in_place_is_its_readable_pattern(text: str, end: int) -> None:
    """``determiner_before``, read backwards in place, finds what the pattern finds in the
    30 characters before ``end``."""
    end = min(end, len(text))
    expected = READABLE_DETERMINER.search(text, max(0, end - 30), end) is not None
    assert pipeline.determiner_before(text, end) is expected


def _pattern_forms() -> set[str]:
    """The words ``_TOPICAL_NOUN`` matches, read out of its alternation."""
    body = pipeline._TOPICAL_NOUN.pattern.pattern
    assert body.startswith(r"\b(?:") and body.endswith(r")\b")
    forms: set[str] = set()
    for alternative in body[len(r"\b(?:") : -len(r")\b")].split("|"):
        assert re.fullmatch(r"[a-z]+(?:s\?)?", alternative), alternative
        if alternative.endswith("s?"):
            forms.update((alternative[:-2], alternative[:-1]))
        else:
            forms.add(alternative)
    return forms


def test_topical_forms_are_the_words_of_the_pattern() -> None:
    assert _pattern_forms() == pipeline._TOPICAL_FORMS


# The forms, words that hold them, word characters and marks around them.
TOPICAL_PIECES = [
    *sorted(pipeline._TOPICAL_FORMS),
    *("ideal", "dealt", "ordered", "reporter", "plans", "sale_", "x", "é", "2", "_"),
    *(" ", " ", "\n", "-", ".", ",", "'", "s"),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TOPICAL_PIECES), max_size=25).map("".join))
def test_topical_nouns_read_by_hand_are_the_pattern_matches(text: str) -> None:
    words = pipeline._WORDS.find(text, text, text)
    expected = [m.start() for m in words.matches(pipeline._TOPICAL_NOUN, text)]
    assert pipeline._topical_nouns(text, words.positions[pipeline._TOPICAL_NOUN]) == expected
