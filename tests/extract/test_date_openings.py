"""The quarter and season patterns tried where a match can open find what a search finds."""

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue.normalise import caseless
from armstrack.extract import dates, prefilter

# Pieces of text around the quarter and season patterns' words, with near misses.
_PIECES = (
    "the", "The", "first", "second", "third", "fourth", "final", "last", "quarter",
    "quarters", "headquarters", "Q", "Q4", "Q1", "Q5", "q3", "Qatar", "of", "2023", "1999",
    "2100", "in", "In", "during", "over", "through", "spring", "summer", "autumn", "fall",
    "winter", "midsummer", "x", "_", "é", "1", " ", " ", "  ", "\n", "-", " -", ",", ".",
    "\u00a0", "\u2009",
)  # fmt: skip
_PATTERNS = (
    (dates._QUARTERS, dates._two_words_openings),
    (dates._SEASONS, dates._two_words_openings),
)


def _occurrences(text: str, words: tuple[str, ...], start: int, end: int) -> list[int]:
    found = [i for i in range(start, end) for word in words if text.startswith(word, i)]
    return sorted(set(found))


def _same_matches(text: str, start: int, end: int) -> None:
    for pattern, openings in _PATTERNS:
        subject = caseless(text) if pattern.caseless else text
        words = _occurrences(subject, pattern.words, start, end)
        found = prefilter.matches_at(pattern.pattern, subject, openings(subject, words, start), end)
        expected: list[re.Match[str]] = list(pattern.pattern.finditer(subject, start, end))
        assert [(m.span(), m.groupdict()) for m in found] == [
            (m.span(), m.groupdict()) for m in expected
        ]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=25).map("".join),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_date_quarter_and_season_openings_find_what_a_search_finds(
    text: str, lo: int, hi: int
) -> None:
    _same_matches(text, min(lo, hi, len(text)), min(max(lo, hi), len(text)))


def test_date_quarter_and_season_openings_in_real_like_articles() -> None:
    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "examples" / "articles").glob("*.txt"))
    files += sorted((root / "tests" / "gold" / "articles").glob("*.txt"))
    phrase = "In the fourth quarter of 2023, Q4 2024 and in the autumn of 2022, during the fall."
    for text in (phrase, *(path.read_text() for path in files)):
        for start in (0, 7, len(text) // 3):
            _same_matches(text, start, len(text))
