"""The gates ``frames.find_frames`` skips its readers by read what the readers' own
first tests read.

``frames._cues`` reads, in one pass over a sentence's tokens, one bit per set of words a
reader first looks for; ``find_frames`` calls a reader only when its bits are set. The
bits must be the set tests they stand for, and the extraction must not change when every
reader runs (each then skips itself by its own test, as before the gates).
"""

import dataclasses
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import armstrack
from armstrack.extract import clauses, frames, pipeline, status, topic_holders
from armstrack.extract.clauses import TRIGGER_WORDS, FrameHit
from armstrack.extract.lexicon import Frame
from armstrack.extract.view import SentenceView
from armstrack.records import ActorKind, ActorRef, Status

T = TypeVar("T")
CUE_WORDS = sorted({word for _, words in frames._CUE_SETS for word in words})
OTHER_WORDS = ["the", "Russia", "drones", ",", ".", "'s", "", "x", "sent", "to", "and"]


def _view(lows: list[str]) -> SentenceView:
    return SentenceView(0, 0, [0] * len(lows), [0] * len(lows), lows)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(CUE_WORDS + OTHER_WORDS), max_size=40))
def test_cue_bits_are_the_set_tests_they_stand_for(lows: list[str]) -> None:
    view = _view(lows)
    cues = frames._cues(view)
    for bit, words in frames._CUE_SETS:
        assert bool(cues & bit) == (not view.words.isdisjoint(words)), sorted(words)[:5]


def test_cue_bits_are_distinct_and_short() -> None:
    bits = [bit for bit, _ in frames._CUE_SETS]
    assert len(set(bits)) == len(bits)
    assert all(bit > 0 and bit & (bit - 1) == 0 for bit in bits)
    assert max(bits) < 2**62  # a short int for mypyc: no boxed arithmetic


# Bits whose presence makes ``find_frames`` skip a reader: left unset, every reader runs.
_SKIPPING = frames._TAKEN_CUE | frames._NEGATION_CUE
_ALL_READERS = sum(bit for bit, _ in frames._CUE_SETS) & ~_SKIPPING


class _Everything:
    """A word set that holds every word: a token gate on it lets each token through."""

    def __contains__(self, word: object) -> bool:
        return True


Patch = tuple[object, str, object]


def _checked(
    monkeypatch: pytest.MonkeyPatch, fn: Callable[..., T], patches: list[Patch], found: list[int]
) -> Callable[..., T]:
    """``fn``, run gated as shipped and again with its gates open: both must agree."""

    def run(*args: object) -> T:
        gated = fn(*args)
        with monkeypatch.context() as opened:
            for module, name, value in patches:
                opened.setattr(module, name, value)
            plain = fn(*args)
        assert repr(plain) == repr(gated), fn.__name__
        found.append(1 if gated else 0)
        return gated

    return run


def test_gated_readers_find_what_every_reader_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """On every sentence of real-like articles: the frames, deal sides, clause breaks,
    topic cues and statuses read gated as shipped are those read with every reader run
    (the deal triggers read among all the triggers, every token and word read) as before
    the gates."""
    root = Path(__file__).resolve().parents[2]
    if not str(frames.__file__).endswith(".py"):
        # Compiled modules call each other directly, past any patch: the check runs on
        # the sources the compiled build is made from, in a process that imports them.
        _run_on_sources(root, "test_gated_readers_find_what_every_reader_finds")
        return
    paths = sorted((root / "tests" / "gold" / "articles").glob("*.txt"))
    paths += sorted((root / "examples" / "articles").glob("*.txt"))
    keys = ("frames", "deals", "breaks", "topics", "status", "triggers")
    found: dict[str, list[int]] = {key: [] for key in keys}
    everything = _Everything()
    for module, name, fn, patches, key in [
        (pipeline, "find_frames", frames.find_frames,
         [(frames, "_cues", lambda view: _ALL_READERS)], "frames"),
        (pipeline, "deal_sides", frames.deal_sides,
         [(frames, "_DEAL_CUES", TRIGGER_WORDS)], "deals"),
        (clauses, "_find_breaks", clauses._find_breaks,
         [(clauses, "_BREAK_WORDS", everything)], "breaks"),
        (topic_holders, "_topic_cues", topic_holders._topic_cues,
         [(topic_holders, "_TOPIC_CUE_TOKENS", everything)], "topics"),
        (frames, "read_status", status.read_status,
         [(status, "_STATUS_WORDS", everything)], "status"),
        (frames, "_not_a_trigger", frames._not_a_trigger,
         [(frames, "_RULED_WORDS", everything)], "triggers"),
    ]:  # fmt: skip
        monkeypatch.setattr(module, name, _checked(monkeypatch, fn, patches, found[key]))
    extractor = armstrack.Extractor()
    for path in paths:
        armstrack.extract(path.read_text(encoding="utf-8"), None, id=path.stem, extractor=extractor)
    assert all(sum(hits) > 0 for hits in found.values()), {k: sum(v) for k, v in found.items()}


def _run_on_sources(root: Path, test: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{__file__}::{test}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert "1 passed" in done.stdout


def test_copy_frame_is_what_replace_makes() -> None:
    """``frames._copy_frame`` writes out ``dataclasses.replace(frame)``: a field added to
    FrameHit must be added to it."""
    assert [f.name for f in dataclasses.fields(FrameHit)] == [
        *("kind", "trigger", "status", "negated", "supplier", "recipient", "weapons"),
        *("anaphoric", "definite", "passive", "vague_supplier", "stated"),
    ]
    state = ActorRef("RUS", ActorKind.STATE, "Russia")
    frame = FrameHit(Frame.GIVE, 3, Status.AGREED, True, state, None, [], True, False, True)
    frame.stated = True
    copy = frames._copy_frame(frame)
    assert copy == dataclasses.replace(frame) and copy is not frame
    assert copy.weapons is frame.weapons


TRIGGER_CONTEXT = [
    *sorted(frames._RULED_WORDS),
    *sorted(TRIGGER_WORDS)[::9],
    *("the", "a", "to", "of", "for", "down", "on", "over", "by", "-", "'s", "took", "aid"),
    *("order", "officials", "troops", "letter", "in", "hands", "was", "military", "arms"),
]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(TRIGGER_CONTEXT), min_size=1, max_size=12),
    st.integers(0, 11),
    st.booleans(),
)
def test_word_rules_read_only_for_their_words(lows: list[str], at: int, noun: bool) -> None:
    """``_not_a_trigger`` reads the word rules only for ``_RULED_WORDS``: as if for every
    word."""
    view = _view(lows)
    index = at % len(lows)
    gated = frames._not_a_trigger(view, index, noun)
    with pytest.MonkeyPatch.context() as opened:
        opened.setattr(frames, "_RULED_WORDS", _Everything())
        assert frames._not_a_trigger(view, index, noun) == gated


# The readable form of ``frames._noun_modifier``, as written before the hand reader.
NOUN_MODIFIER = re.compile(r"[\d.,$€£]+$|(?:billion|million|bn|new|latest|same|arms|weapons)$")
MODIFIER_PIECES = [
    *("0", "5", "2018", "٣", "²", ".", ",", "$", "€", "£", "-", "x", "a", "\n", " ", "¥"),
    *("billion", "million", "bn", "new", "latest", "same", "arms", "weapons", "the", "bns"),
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(MODIFIER_PIECES), max_size=5).map("".join))
def test_noun_modifier_is_the_pattern(word: str) -> None:
    assert frames._noun_modifier(word) == bool(NOUN_MODIFIER.match(word))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=6))
def test_noun_modifier_is_the_pattern_on_any_text(word: str) -> None:
    assert frames._noun_modifier(word) == bool(NOUN_MODIFIER.match(word))
