"""Stance cues tried only where their opening words start find what a search finds.

A cue with an ``opener`` is matched at the places one of its opening words starts, once
its own words are in the sentence (``claims.cue_matches``), rather than searched for at
every position: right only if every match of the pattern opens with one of those words.
"""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue.normalise import caseless, fold
from armstrack.extract import claims
from armstrack.extract.prefilter import Prefiltered, WordFinder
from armstrack.extract.sentences import split_bounded

ROOT = Path(__file__).resolve().parents[2]
# Each gated pattern (whose words decide whether to look) with its opener (where).
OPENED = [
    *(
        (f"STANCE_CUES[{index}]", cue.pattern, cue.opener)
        for index, cue in enumerate(claims.STANCE_CUES)
        if cue.opener is not None
    ),
    ("HEDGES", claims.HEDGES, claims._HEDGE_OPENER),
]
IDS = [name for name, _, _ in OPENED]
SEPARATORS = (" ", " ", " ", "  ", "\n", ", ", ". ", ": ", '"', " “", "-", "; ")
PHRASES = (
    "The ministry declined to comment. Tehran did not respond to a request for comment.",
    "Moscow would neither confirm nor deny it; Kyiv would not confirm or deny the report.",
    "Officials could not independently verify the claims and have not yet confirmed them.",
    "Requests for comment to the ministry went unanswered; it has yet to publicly respond.",
    'The spokesman said: "No comment." He had nothing more to add and remained silent.',
    "Baku has so far not commented, and officials were tight-lipped; it didn't return calls.",
    "The Pentagon is looking into the reports but has seen no evidence; it won't confirm.",
    "Ankara didn't confirm it, couldn't be reached and cannot be verified as the seller.",
    "China has never provided weapons, and Iran is believed to have reportedly sent drones.",
    "Minsk did not supply arms; it may have shipped shells, which are said to be rumoured.",
)


def _texts() -> list[str]:
    files = sorted((ROOT / "tests" / "gold" / "articles").glob("*.txt"))
    files += sorted((ROOT / "examples" / "articles").glob("*.txt"))
    return [fold(text) for text in (*PHRASES, *(path.read_text("utf-8") for path in files))]


def _opens_at_its_words(pattern: re.Pattern[str], words: tuple[str, ...], text: str) -> int:
    """How many places of ``text`` the pattern matches at, checking each is at a word."""
    matched = 0
    for position in range(len(text)):
        if pattern.match(text, position) is not None:
            assert text.startswith(words, position), (pattern.pattern[:40], text[position:])
            matched += 1
    return matched


def _vocabulary(pattern: re.Pattern[str]) -> list[str]:
    """The words and word pieces the pattern spells out, for texts that come near it."""
    return sorted(set(re.findall(r"[a-z']+", pattern.pattern)) | {"no comment", "the ministry"})


@pytest.mark.parametrize(("name", "gate", "opener"), OPENED, ids=IDS)
def test_claim_opener_every_match_opens_with_one_of_its_words(
    name: str, gate: Prefiltered, opener: Prefiltered
) -> None:
    assert opener.pattern is gate.pattern and opener.opens
    matched = sum(_opens_at_its_words(gate.pattern, opener.words, text) for text in _texts())
    assert matched, f"{name}: no example text exercises the pattern"


def _search_matches(gate: Prefiltered, opener: Prefiltered, text: str) -> None:
    """The opener in each sentence the gate lets through, with the article's words found,
    is the search (``cue_matches`` and ``find_hedges`` read them so)."""
    finder = WordFinder(claims.PATTERNS)
    found = finder.find(text, caseless(text), text)
    cue = claims.StanceCue(claims.Stance.DENIES, gate)
    cue.opener = opener
    for start, end in [(0, len(text)), *split_bounded(text)[0]]:
        spans = [m.span() for m in claims.cue_matches(cue, text, start, end, found)]
        assert spans == [m.span() for m in gate.pattern.finditer(text, start, end)]
        alone = [m.span() for m in claims.cue_matches(cue, text, start, end, None)]
        assert alone == spans


@pytest.mark.parametrize(("name", "gate", "opener"), OPENED, ids=IDS)
def test_claim_opener_matches_are_the_search(
    name: str, gate: Prefiltered, opener: Prefiltered
) -> None:
    for text in _texts():
        _search_matches(gate, opener, text)


@st.composite
def _near_texts(draw: st.DrawFn, vocabulary: list[str]) -> str:
    words = draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=14))
    separators = draw(
        st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words))
    )
    return fold("".join(w + s for w, s in zip(words, separators, strict=True)))


@pytest.mark.parametrize(("name", "gate", "opener"), OPENED, ids=IDS)
def test_claim_opener_on_generated_texts(name: str, gate: Prefiltered, opener: Prefiltered) -> None:
    vocabulary = _vocabulary(gate.pattern)

    @settings(max_examples=400, deadline=None)
    @given(_near_texts(vocabulary))
    def check(text: str) -> None:
        _opens_at_its_words(gate.pattern, opener.words, text)
        _search_matches(gate, opener, text)

    check()


def test_claim_opener_spoken_stance_is_the_search() -> None:
    """``has_spoken_stance`` answers as the cues' own searches would, and ``find_hedges``
    finds the hedges the plain search finds."""
    for text in _texts():
        found = WordFinder(claims.PATTERNS).find(text, caseless(text), text)
        for start, end in split_bounded(text)[0]:
            expected = any(
                cue.pattern.pattern.search(text, start, end) for cue in claims._SPOKEN_CUES
            )
            assert claims.has_spoken_stance(text, start, end, found) == expected
            hedges = [m.group(0) for m in claims.HEDGES.pattern.finditer(text, start, end)]
            assert claims.find_hedges(text, start, end, found) == tuple(dict.fromkeys(hedges))
