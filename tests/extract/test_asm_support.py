"""The openings of deals and support read around words found with the article's others:
what the plain reading (each word looked for on its own, each searched around) finds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue.normalise import caseless, fold
from armstrack.extract import pipeline


def _plain_support_positions(folded: str) -> list[int]:
    """``pipeline._support_positions`` as first written: every word found by a scan of
    its own, and the pattern searched around each one whole."""
    found: set[int] = set()
    for word in pipeline._SUPPORT_WORDS:
        at = folded.find(word)
        while at >= 0:
            end = at + len(word)
            inside = (at > 0 and pipeline._word_char(folded[at - 1])) or (
                end < len(folded) and pipeline._word_char(folded[end])
            )
            if not inside:
                lo, hi = max(0, at - pipeline._SUPPORT_REACH), end + 4
                match = pipeline._SUPPORT_OPENING.search(folded, lo, hi)
                while match is not None and match.start() < end:
                    if match.end() >= end:
                        found.add(match.start())
                    match = pipeline._SUPPORT_OPENING.search(
                        folded, max(match.end(), match.start() + 1), hi
                    )
            at = folded.find(word, end)
    return sorted(found)


def _plain_deal_positions(folded: str) -> list[int]:
    return [m.start() for m in pipeline._NEW_DEAL.finditer(folded)]


def _article_words(folded: str) -> pipeline.FoundWords:
    return pipeline._WORDS.find(folded, caseless(folded), folded)


def _check(text: str) -> None:
    folded = fold(text)
    words = _article_words(folded)
    expected = _plain_support_positions(folded)
    assert pipeline._support_positions(folded) == expected
    assert pipeline._support_positions(folded, words.positions[pipeline._SUPPORT_HINT]) == expected
    deals = _plain_deal_positions(folded)
    assert pipeline._new_deal_positions(folded) == deals
    assert pipeline._new_deal_positions(folded, words.positions[pipeline._SUPPORT_HINT]) == deals
    counts = pipeline._platform_counts(folded)
    assert pipeline._platform_counts(folded, words.positions[pipeline._PLATFORM_WORDS]) == counts


# The pattern's opening words, nouns and prepositions, whole and inside longer words, the
# tokens between them, marks and white space.
PIECES = [
    *("a", "an", "its", "their", "military", "defence", "defense", "security", "further"),
    *("additional", "new", "latest", "arming", "disarming", "aid", "said", "aides", "support"),
    *("assistance", "help", "for", "to", "forces", "tomorrow", "agreement", "deal", "deals"),
    *("contract", "package", "tranche", "shipment", "consignment", "ideal", "two", "jets"),
    *("x", "é", "_", "$", "-", ".", ",", "'", "’", "s", "'s", "’s", " ", " ", " ", "\n"),
    *("\u2003", "  ", "aircraft", "ships"),
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_support_positions_read_around_found_words_are_the_plain_ones(text: str) -> None:
    """Words found with the article's others and the searches skipped where no match can
    end at the word (``_may_open_support``) change nothing."""
    _check(text)


# The pattern's words alone, to be joined by white space: most texts then hold matches.
WORDS = [
    *("a", "an", "its", "their", "military", "defence", "security", "further", "new"),
    *("latest", "arming", "aid", "said", "support", "assistance", "help", "for", "to"),
    *("agreement", "deal", "contract", "package", "shipment", "x's", "x", "forces"),
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=5, max_size=60),
    st.sampled_from([" ", "  ", " \n", ", "]),
)
def test_support_positions_in_long_texts_of_their_words(words: list[str], gap: str) -> None:
    _check(gap.join(words))


def test_support_positions_in_real_like_articles() -> None:
    root = Path(__file__).resolve().parents[2]
    paths = sorted((root / "tests" / "gold" / "articles").glob("*.txt"))
    paths += sorted((root / "examples" / "articles").glob("*.txt"))
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        _check(text)
        found += len(_plain_support_positions(fold(text)))
    assert found


def test_deal_nouns_are_support_words() -> None:
    """``_new_deal_positions`` finds its nouns among the support words."""
    assert set(pipeline._DEAL_NOUNS) <= set(pipeline._SUPPORT_WORDS)
