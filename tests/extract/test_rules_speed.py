"""The faster forms of the claim and frame readers answer as their readable forms did.

``claims.has_spoken_stance`` stops at the first place a cue matches, where it took the
first of all a cue's matches; the stance cues, titles and anaphora read their first set
tests off the sentence's cue bits (``frames.known_cues``), read once a sentence.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue.normalise import caseless, fold
from armstrack.extract import claims, frames, lexicon, speakers, status
from armstrack.extract.prefilter import WordFinder
from armstrack.extract.sentences import split_bounded
from armstrack.extract.view import SentenceView

FINDER = WordFinder(claims.PATTERNS)
SEPARATORS = (" ", " ", " ", "  ", "\n", ", ", ". ", ": ", '"', " “", "-", "; ")
VOCABULARY = sorted(
    {
        word
        for cue in claims._SPOKEN_CUES
        for word in re.findall(r"[a-z']+", cue.pattern.pattern.pattern)
    }
    | {"it", "they", "the ministry", "moscow", "no comment", "drones", "said"}
)


def _first_matches(folded: str, start: int, end: int, found: object) -> bool:
    """``has_spoken_stance`` as written before: the first match of each cue's matches."""
    return any(
        next(claims.cue_matches(cue, folded, start, end, found), None) is not None  # type: ignore[arg-type]
        for cue in claims._SPOKEN_CUES
    )


@st.composite
def _near_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=16))
    separators = draw(
        st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words))
    )
    return fold("".join(w + s for w, s in zip(words, separators, strict=True)))


@settings(max_examples=1500, deadline=None)
@given(_near_texts(), st.integers(0, 40), st.integers(0, 200))
def test_spoken_stance_is_the_first_of_the_matches(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(len(text), start + length)
    found = FINDER.find(text, caseless(text), text)
    for given_found in (found, None):
        expected = _first_matches(text, start, end, given_found)
        assert claims.has_spoken_stance(text, start, end, given_found) == expected
    for start, end in split_bounded(text)[0]:
        expected = _first_matches(text, start, end, found)
        assert claims.has_spoken_stance(text, start, end, found) == expected


def _view(lows: list[str]) -> SentenceView:
    return SentenceView(0, 0, [0] * len(lows), [0] * len(lows), lows)


def test_stance_cue_bits_are_their_words() -> None:
    """A gated stance cue's bit is that of its words among ``frames``' cue sets."""
    gated = [cue for cue in claims.STANCE_CUES if cue.words]
    assert gated
    sets = dict((id(words), bit) for bit, words in frames._CUE_SETS)
    for cue in claims.STANCE_CUES:
        assert cue.bit == (sets[id(cue.words)] if cue.words else 0)
    bits = [speakers._TITLE_CUE, speakers._CONTACTED_CUE, speakers._OUTLET_CUE]
    words = [lexicon.TITLE_WORDS, lexicon.CONTACTED, lexicon.OUTLET_KINDS]
    assert bits == [sets[id(cue_words)] for cue_words in words]


CUE_WORDS = sorted({word for _, words in frames._CUE_SETS for word in words})


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*CUE_WORDS, "the", ","]), max_size=20), min_size=2))
def test_known_cues_are_those_of_the_sentence_asked(sentences: list[list[str]]) -> None:
    """The bits remembered are those of the sentence asked about, never of another."""
    views = [_view(lows) for lows in sentences]
    for view in views:
        assert frames.known_cues(view) == frames._cues(view)
    for view in reversed(views):
        assert frames.known_cues(view) == frames._cues(view)
        for bit, words in frames._CUE_SETS:
            assert bool(frames.known_cues(view) & bit) == (not view.words.isdisjoint(words))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=4), min_size=1, max_size=6))
def test_capitalised_is_the_method(words: list[str]) -> None:
    """``speakers._capitalised`` compares ASCII itself: as ``str.isupper`` answers."""
    text = " ".join(words)
    starts, ends, lows, at = [], [], [], 0
    for word in words:
        starts.append(at)
        ends.append(at + len(word))
        lows.append(word.lower())
        at += len(word) + 1
    view = SentenceView(0, len(text), starts, ends, lows)
    for index, word in enumerate(words):
        expected = word[0].isupper() and lows[index].isalpha()
        assert speakers._capitalised(text, view, index) == expected


def test_capitalised_on_every_character() -> None:
    for code in range(0x3000):
        char = chr(code)
        view = SentenceView(0, 1, [0], [1], ["a"])
        assert speakers._capitalised(char, view, 0) == char.isupper()


class _Everything:
    """A word set that holds every word: a token gate on it lets each token through."""

    def __contains__(self, word: object) -> bool:
        return True


STATUS_CONTEXT = sorted(
    status._DENIED_WORDS
    | status._DEBATED_WORDS
    | status._PENDING_WORDS
    | {"not", "n't", "never", "be", "being", "track", "schedule", "the", ",", "and", "jets"}
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(STATUS_CONTEXT), min_size=1, max_size=14), st.integers(0, 13))
def test_status_readers_read_only_their_words(lows: list[str], at: int) -> None:
    """``status``'s readers after a noun skip the tokens none of their tests asks for:
    they answer as if they read every token."""
    if not str(status.__file__).endswith(".py"):
        return  # compiled: a patch does not reach the compiled readers (see the next test)
    index = at % len(lows)
    readers = [
        (status._denied_after, "_DENIED_WORDS"),
        (status._debated_after, "_DEBATED_WORDS"),
        (status._pending_after, "_PENDING_WORDS"),
    ]
    for reader, words in readers:
        gated = reader(_view(list(lows)), index)
        with pytest.MonkeyPatch.context() as opened:
            opened.setattr(status, words, _Everything())
            assert reader(_view(list(lows)), index) == gated, reader.__name__


def test_status_readers_on_the_sources() -> None:
    """The test above, run on the sources when the modules are compiled."""
    if str(status.__file__).endswith(".py"):
        return
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{__file__}::test_status_readers_read_only_their_words"],
        env={**os.environ, "PYTHONPATH": str(root / "src")},
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout[-3000:]


# The verdict cue's hint as written before its "lies" branch opened with its letter.
VERDICT_HINT = re.compile(
    r"untrue|false|\blies?\b|fake|propaganda|sinformation|nonsense|baseless|groundless|"
    r"without foundation|without any foundation|without basis|"
    r"unfounded|fabricat|absurd|ridiculous|speculati|slander|not true|no truth|no basis|"
    r"motivated|unsubstantiated"
)
LIE_PIECES = ["lie", "lies", "l", "ies", "be", "al", "false", " ", "-", ".", "'", "_", "é", "1"]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(LIE_PIECES), max_size=8).map("".join),
    st.integers(0, 6),
    st.integers(0, 40),
)
def test_verdict_hint_is_the_plain_hint(text: str, start: int, end: int) -> None:
    hint = claims.STANCE_CUES[2].pattern.hint
    found = [m.span() for m in hint.finditer(text, start, end)]
    assert found == [m.span() for m in VERDICT_HINT.finditer(text, start, end)]


def _plain_bloc(view: SentenceView, start: int, end: int) -> str | None:
    """``speakers._bloc`` as written before it tested a pair's first word."""
    for index in range(start, end + 1):
        word = view.low(index)
        if word in speakers._BLOCS:
            return word
        if f"{word} {view.low(index + 1)}" in speakers._BLOC_PAIRS and index < end:
            return f"{word} {view.low(index + 1)}"
    return None


BLOC_WORDS = ["european", "union", "united", "nations", "african", "nato", "the", "un", "a b"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(BLOC_WORDS), max_size=8), st.integers(0, 8), st.integers(0, 8))
def test_bloc_is_the_plain_reader(lows: list[str], start: int, end: int) -> None:
    view = _view(lows)
    assert speakers._bloc(view, start, end) == _plain_bloc(view, start, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*CUE_WORDS, "the", ","]), max_size=20), min_size=2))
def test_holds_cue_is_the_set_test(sentences: list[list[str]]) -> None:
    """Read off the sentence's bits or tested, ``holds_cue`` is the set test of its words."""
    views = [_view(lows) for lows in sentences]
    for view in views[::2]:
        frames.known_cues(view)  # these hold their bits, the others are tested
    for view in views:
        for bit, words in frames._CUE_SETS:
            assert frames.holds_cue(view, bit, words) == (not view.words.isdisjoint(words))
