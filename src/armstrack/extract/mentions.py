"""One sentence seen as tokens, actor mentions and weapon mentions.

Catalogue matches become typed mentions here, with the local context the rules
need: the preposition before an actor, whether a demonym stands for its state
("Russian forces"), names a speaker ("an Iranian official") or gives a weapon's
origin ("Iranian-made drones").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from armstrack.catalogue import Catalogue, TermKind
from armstrack.extract.lexicon import (
    DETERMINERS,
    GIVE_NOUNS,
    ORIGIN_SUFFIXES,
    PERSON_NOUNS,
    PREPOSITIONS,
    RECEIVE_NOUNS,
    STATE_NOUNS,
)
from armstrack.extract.matching import Match
from armstrack.extract.quantities import quantity_before
from armstrack.records import ActorRef, Category, Quantity, Span

_TOKEN = re.compile(r"\w+|['’]s\b|[^\w\s]")
_PAIR = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:countries|nations|sides|states|allies)\b", re.I)
_TRIGGER_NOUNS = frozenset(GIVE_NOUNS) | frozenset(RECEIVE_NOUNS)
_MODIFIERS = frozenset(
    "military defence defense senior intelligence government foreign security top former "
    "unnamed anonymous navy naval army air force state ministry department and".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    low: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a sentence; ``first``/``last`` are token indices."""

    first: int
    last: int
    actor: ActorRef
    span: Span
    prep: str | None = None
    possessive: bool = False
    speaker: bool = False  # names who speaks ("a US official"), not a party
    role: str | None = None  # the body or noun that stands for the state


@dataclass(frozen=True, slots=True)
class WeaponMention:
    first: int
    last: int
    category: Category
    span: Span
    system: str | None = None
    generic: bool = False
    origin: str | None = None  # actor id of an origin word: "Iranian-made"
    quantity: Quantity | None = None
    made_in: str | None = None  # the catalogued system's country of origin


@dataclass(slots=True)
class SentenceView:
    start: int
    end: int
    tokens: list[Token]
    actors: list[ActorMention] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    outlets: list[tuple[int, str]] = field(default_factory=list)  # (token index, outlet id)
    taken: set[int] = field(default_factory=set)  # token indices inside a catalogue match
    origin_actors: dict[str, ActorRef] = field(default_factory=dict)

    def low(self, index: int) -> str:
        return self.tokens[index].low if 0 <= index < len(self.tokens) else ""


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(0).lower().replace("’", "'"))
        for m in _TOKEN.finditer(text, start, end)
    ]


def build_view(
    text: str,
    start: int,
    end: int,
    matches: Sequence[Match],
    catalogue: Catalogue,
    recent_states: Sequence[ActorRef] = (),
) -> SentenceView:
    """Tokens and typed mentions of the sentence ``text[start:end]``."""
    tokens = tokenize(text, start, end)
    view = SentenceView(start, end, tokens)
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    demonyms: list[tuple[int, int, str, Span]] = []
    for match in matches:
        first = starts.get(match.start)
        last = ends.get(match.end)
        if first is None or last is None:
            continue
        view.taken.update(range(first, last + 1))
        span = Span(match.start, match.end, text[match.start : match.end])
        kind = match.kind
        if kind in (TermKind.SYSTEM, TermKind.CLASS):
            view.weapons.append(_weapon(first, last, span, match, catalogue))
            continue
        if kind in (TermKind.DEMONYM, TermKind.GROUP_DEMONYM):
            demonyms.append((first, last, match.target, span))
            continue
        if kind is TermKind.OUTLET:
            view.outlets.append((first, match.target))
            continue
        actor_id = catalogue.body_state(match.target) if kind is TermKind.BODY else match.target
        if _origin_word(tokens, last):
            # "US-made", "Iran-supplied": a state name used as a weapon's origin.
            demonyms.append((first, last, actor_id, span))
            continue
        role = match.target if kind is TermKind.BODY else None
        view.actors.append(ActorMention(first, last, catalogue.actor(actor_id), span, role=role))
    _add_pair_mentions(view, text, recent_states)
    view.actors.sort(key=lambda a: a.first)
    _resolve_demonyms(view, demonyms, catalogue)
    view.actors = _with_context(view, view.actors)
    view.weapons = [_with_quantity(view, text, w) for w in view.weapons]
    return view


def _origin_word(tokens: list[Token], last: int) -> bool:
    return (
        last + 2 < len(tokens)
        and tokens[last + 1].low == "-"
        and tokens[last + 2].low in ORIGIN_SUFFIXES
    )


def _weapon(first: int, last: int, span: Span, match: Match, catalogue: Catalogue) -> WeaponMention:
    if match.kind is TermKind.SYSTEM:
        system = catalogue.systems[match.target]
        return WeaponMention(
            first, last, system.category, span, system=system.name, made_in=system.origin
        )
    weapon_class = catalogue.class_of(match.target)
    return WeaponMention(first, last, weapon_class.category, span, generic=weapon_class.generic)


def _add_pair_mentions(view: SentenceView, text: str, recent: Sequence[ActorRef]) -> None:
    """ "the two countries" stands for the last two states the article named."""
    if len(recent) < 2:
        return
    starts = {t.start: i for i, t in enumerate(view.tokens)}
    ends = {t.end: i for i, t in enumerate(view.tokens)}
    for match in _PAIR.finditer(text, view.start, view.end):
        first, last = starts.get(match.start()), ends.get(match.end())
        if first is None or last is None:
            continue
        span = Span(match.start(), match.end(), match.group(0))
        for actor in recent[-2:]:
            view.actors.append(ActorMention(first, last, actor, span, role="pair"))


def _resolve_demonyms(
    view: SentenceView, demonyms: list[tuple[int, int, str, Span]], catalogue: Catalogue
) -> None:
    """Decide what each demonym does: stands for its state, names a speaker, or an origin."""
    for first, last, actor_id, span in demonyms:
        actor = catalogue.actor(actor_id)
        after = [view.low(i) for i in range(last + 1, last + 6)]
        next_index = last + 1
        if view.low(next_index) == "-" and view.low(next_index + 1) in ORIGIN_SUFFIXES:
            if _set_origin(view, next_index + 2, actor_id):
                view.origin_actors[actor_id] = actor
            continue
        person = next((i for i, w in enumerate(after) if w in PERSON_NOUNS), None)
        if person is not None and all(w in _MODIFIERS for w in after[:person]):
            view.actors.append(ActorMention(first, last, actor, span, speaker=True))
            continue
        if after[0] in STATE_NOUNS:
            view.actors.append(ActorMention(first, last, actor, span, role=after[0]))
            continue
            continue
        if _set_origin(view, next_index, actor_id):
            view.origin_actors[actor_id] = actor
            weapon = next(w for w in view.weapons if w.origin == actor_id and w.first >= next_index)
            if view.low(weapon.last + 1) in _TRIGGER_NOUNS:
                view.actors.append(ActorMention(first, last, actor, span, role="agent"))
            continue


def _set_origin(view: SentenceView, index: int, actor_id: str) -> bool:
    """Mark the weapon starting within three tokens of ``index`` as made by ``actor_id``."""
    for i, weapon in enumerate(view.weapons):
        gap = weapon.first - index
        if 0 <= gap <= 3 and not any(view.low(j) in (",", ".", "and", "to") for j in range(index, weapon.first)):
            view.weapons[i] = _replace_origin(weapon, actor_id)
            # "Iranian Shahed-136 and Mohajer-6 drones": the origin covers the list.
            for k in range(i + 1, len(view.weapons)):
                following = view.weapons[k]
                between = {view.low(j) for j in range(view.weapons[k - 1].last + 1, following.first)}
                if following.origin is None and between <= {"and", ",", "or"}:
                    view.weapons[k] = _replace_origin(following, actor_id)
                else:
                    break
            return True
    return False


def _replace_origin(weapon: WeaponMention, actor_id: str) -> WeaponMention:
    return replace(weapon, origin=actor_id)


def _with_context(view: SentenceView, actors: list[ActorMention]) -> list[ActorMention]:
    """Preposition before each actor (shared along "to X and Y"), possessive, speaker."""
    result: list[ActorMention] = []
    previous: ActorMention | None = None
    for mention in actors:
        prep = _preposition(view, mention.first)
        if prep is None and previous is not None and previous.prep:
            between = [view.low(i) for i in range(previous.last + 1, mention.first)]
            if set(between) & {"and", "or"} and all(w in ("and", ",", "or", "the") for w in between):
                prep = previous.prep
        possessive = view.low(mention.last + 1) in ("'s", "'")
        speaker = mention.speaker or _names_speaker(view, mention)
        updated = ActorMention(
            mention.first, mention.last, mention.actor, mention.span, prep, possessive,
            speaker, mention.role,
        )  # fmt: skip
        result.append(updated)
        previous = updated
    return result


def _preposition(view: SentenceView, first: int) -> str | None:
    index = first - 1
    while index >= 0 and view.low(index) in DETERMINERS:
        index -= 1
    word = view.low(index)
    if word == "to" and view.low(index - 1) == "according":
        return "according"
    return word if word in PREPOSITIONS else None


def _names_speaker(view: SentenceView, mention: ActorMention) -> bool:
    """ "a US official", "Iran's defence ministry spokesman", "according to Iran"."""
    index = mention.last + 1
    if view.low(index) in ("'s", "'"):
        index += 1
    for offset in range(3):
        word = view.low(index + offset)
        if word in PERSON_NOUNS:
            return True
        taken = index + offset in view.taken
        if word not in _MODIFIERS and not taken:
            return False
    return False


def _with_quantity(view: SentenceView, text: str, weapon: WeaponMention) -> WeaponMention:
    quantity = quantity_before(text, weapon.span.start, window=min(80, weapon.span.start - view.start))
    return weapon if quantity is None else replace(weapon, quantity=quantity)
