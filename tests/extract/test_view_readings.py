"""Quick forms of the readings agree with the plain ones they replace."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue import load_catalogue
from armstrack.extract import actor_readings, mentions, view, weapon_readings
from armstrack.extract.lexicon import GIVE_VERBS, PERSON_NOUNS
from armstrack.records import Category, Span

_AFTER_WORDS = [
    *"official officials spokesman defence senior military the said".split(),
    "",
]


@settings(max_examples=500, deadline=None)
@given(after=st.lists(st.sampled_from(_AFTER_WORDS), min_size=5, max_size=5))
def test_speaker_follows_is_the_generators(after: list[str]) -> None:
    person = next((i for i, w in enumerate(after) if w in PERSON_NOUNS), None)
    plain = person is not None and all(w in actor_readings._MODIFIERS for w in after[:person])
    assert actor_readings._speaker_follows(after) == plain


def _plain_parts_for(sentence: view.SentenceView, weapon: view.WeaponMention) -> bool:
    """``weapon_readings._parts_for`` as written before its gate on the sentence's words."""
    if any(
        sentence.low(i) == "already" or sentence.low(i) in GIVE_VERBS
        for i in range(weapon.last + 1, weapon.last + 4)
    ):
        return False
    index = weapon.first - 1
    while index > weapon.first - 8 and (
        sentence.low(index) in weapon_readings._SPARES_GLUE or index in sentence.taken
    ):
        index -= 1
    low = sentence.low
    return (low(index) == "for" and low(index - 1) in weapon_readings._SPARES) or (
        low(index) in weapon_readings._FINISHING
        and low(index - 1) == "to"
        and low(index - 2) in weapon_readings._NEEDED
        and low(index - 3) in (weapon_readings._SPARES | weapon_readings._PARTS)
    )


_PARTS_WORDS = (
    "spare parts for the old tanks and engines needed to finish power tanks already sent "
    "components spares technology , its"
).split()


@settings(max_examples=1000, deadline=None)
@given(
    words=st.lists(st.sampled_from(_PARTS_WORDS), min_size=1, max_size=12),
    at=st.integers(0, 11),
)
def test_parts_for_is_the_plain_reading(words: list[str], at: int) -> None:
    text = " ".join(words)
    sentence = view.SentenceView(0, len(text), *mentions.tokenize(text, 0, len(text)))
    index = min(at, len(sentence.lows) - 1)
    weapon = view.WeaponMention(index, index, Category.OTHER, Span(0, 1, text[:1]))
    assert weapon_readings._parts_for(sentence, weapon) == _plain_parts_for(sentence, weapon)


def test_catalogue_tables_answer_as_its_methods() -> None:
    catalogue = load_catalogue()  # a fresh one: its tables are built by the first asks
    ids = [*catalogue.states, *catalogue.groups]
    for actor_id in ids:
        assert view.actor_ref(catalogue, actor_id) is catalogue.actor(actor_id)
    for body in catalogue.bodies:
        assert view.body_state(catalogue, body.name) == catalogue.body_state(body.name)
    for weapon_class in catalogue.classes:
        for term in weapon_class.terms:
            assert view.class_of(catalogue, term) is catalogue.class_of(term)
    for ask in (view.actor_ref, view.body_state, view.class_of):
        with pytest.raises(KeyError):
            ask(catalogue, "no such name")


@settings(max_examples=300, deadline=None)
@given(
    words=st.frozensets(st.sampled_from("we our us for artillery the , replace".split())),
    wanted=st.lists(st.sampled_from("we us for artillery armed".split()), max_size=4),
)
def test_holds_any_is_not_disjoint(words: frozenset[str], wanted: list[str]) -> None:
    assert view.holds_any(words, tuple(wanted)) == (not words.isdisjoint(wanted))


@settings(max_examples=1000, deadline=None)
@given(word=st.one_of(st.text(max_size=8), st.sampled_from(["", "a", "Kyiv", "F-16", "ı", "x2"])))
def test_is_alpha_is_the_method(word: str) -> None:
    assert view.is_alpha(word) == word.isalpha()
