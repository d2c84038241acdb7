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
