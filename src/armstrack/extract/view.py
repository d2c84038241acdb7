"""The sentence view: actor and weapon mentions of one sentence, with their tokens.

``mentions.build_view`` fills it; the readings in ``weapon_readings`` and
``actor_readings`` refine it, and every later stage reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.catalogue.schema import ClassEntry
from armstrack.extract.bisection import bisect_left
from armstrack.extract.lexicon import (
    ATTACK_VERBS,
    DEAL_WORDS,
    DETERMINERS,
    GIVE_VERBS,
    PREPOSITIONS,
    RECEIVE_VERBS,
    USE_VERBS,
)
from armstrack.extract.quantities import count_word
from armstrack.records import ActorRef, Category, Quantity, Span

_VERBISH: Final = (
    frozenset(GIVE_VERBS) | frozenset(RECEIVE_VERBS) | USE_VERBS | frozenset(DEAL_WORDS)
)


# Words that may stand between a preposition and its actor: "to the paramilitary RSF".
PREP_SKIP_STOPS: Final = frozenset(
    "and or but that which who said says has have had is are was were be been its their "
    # "in service until Bulgaria receives": a clause opens before the actor
    "until once when while whereas although though because unless after before".split()
)


@dataclass(slots=True, unsafe_hash=True)
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

    def __init__(
        self,
        first: int,
        last: int,
        actor: ActorRef,
        span: Span,
        prep: str | None = None,
        possessive: bool = False,
        speaker: bool = False,
        role: str | None = None,
    ) -> None:
        self.first, self.last, self.actor, self.span = first, last, actor, span
        self.prep, self.possessive, self.speaker, self.role = prep, possessive, speaker, role


@dataclass(slots=True, unsafe_hash=True)
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

    def __init__(
        self,
        first: int,
        last: int,
        category: Category,
        span: Span,
        system: str | None = None,
        generic: bool = False,
        origin: str | None = None,
        quantity: Quantity | None = None,
        made_in: str | None = None,
    ) -> None:
        self.first, self.last, self.category, self.span = first, last, category, span
        self.system, self.generic, self.origin = system, generic, origin
        self.quantity, self.made_in = quantity, made_in


@dataclass(slots=True, unsafe_hash=True)
class EarlierSystem:
    """A system named before the sentence: "the howitzer" may point back at it. Made for
    every system an article names: written out like the mentions (see above)."""

    name: str
    category: Category
    maker: ActorRef | None

    def __init__(self, name: str, category: Category, maker: ActorRef | None) -> None:
        self.name, self.category, self.maker = name, category, maker


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """Actors the article named so far, in order: for "the two countries", "the group".

    Every question is asked once per sentence, so each answers by bisecting the
    positions rather than scanning every earlier mention (which was quadratic).
    """

    states: tuple[tuple[int, ActorRef], ...] = ()
    groups: tuple[tuple[int, ActorRef], ...] = ()
    # Named systems with their category and maker: what "the howitzer" points back at.
    systems: tuple[tuple[int, EarlierSystem], ...] = ()
    # The state talked about most up to and including each entry of ``states``.
    leaders: tuple[ActorRef, ...] = field(init=False)
    # The positions of ``states``, ``groups`` and ``systems``, to bisect without a key
    # function (which costs a call per step).
    _at: tuple[list[int], list[int], list[int]] = field(init=False, repr=False, compare=False)

    # Written out, as the mentions' are (see ``mentions``): the dataclass's runs as
    # interpreted Python; compiled, ``object.__setattr__`` on a field sets it directly.
    def __init__(
        self,
        states: tuple[tuple[int, ActorRef], ...] = (),
        groups: tuple[tuple[int, ActorRef], ...] = (),
        systems: tuple[tuple[int, EarlierSystem], ...] = (),
    ) -> None:
        object.__setattr__(self, "states", states)
        object.__setattr__(self, "groups", groups)
        object.__setattr__(self, "systems", systems)
        object.__setattr__(self, "leaders", _leaders(states))
        at = (
            [position for position, _ in states],
            [position for position, _ in groups],
            [position for position, _ in systems],
        )
        object.__setattr__(self, "_at", at)

    def recent_states(self, before: int, count: int = 2) -> list[ActorRef]:
        found: list[ActorRef] = []
        for index in range(bisect_left(self._at[0], before) - 1, -1, -1):
            actor = self.states[index][1]
            if all(a.id != actor.id for a in found):
                found.append(actor)
                if len(found) == count:
                    break
        return found[::-1]

    def home_state(self, before: int) -> ActorRef | None:
        """The state the article talks about most so far."""
        seen = bisect_left(self._at[0], before)
        return self.leaders[seen - 1] if seen else None

    def recent_group(self, before: int) -> ActorRef | None:
        seen = bisect_left(self._at[1], before)
        return self.groups[seen - 1][1] if seen else None

    def recent_systems(self, before: int, count: int = 3) -> tuple[EarlierSystem, ...]:
        seen = bisect_left(self._at[2], before)
        return tuple(entry[1] for entry in self.systems[max(0, seen - count) : seen])


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """``a == b``, answered by identity or the ids where it can be: ``ActorRef`` is not
    compiled, and its dataclass ``__eq__`` runs as interpreted Python (refs with other ids
    differ; one ref equals itself)."""
    return a is b or (a.id == b.id and a == b)


def _leaders(states: tuple[tuple[int, ActorRef], ...]) -> tuple[ActorRef, ...]:
    """The most named state after each mention; on a tie the state named first (usually
    in the headline) wins."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    leaders: list[ActorRef] = []
    best: ActorRef | None = None
    # The leader's count and first position kept at hand, compared as plain integers:
    # ``(count, -first) > (best_count, -best_first)`` without two tuples per mention.
    best_count = best_first = 0
    for position, actor in states:
        actor_id = actor.id
        count = counts.get(actor_id, 0) + 1
        counts[actor_id] = count
        if count == 1:
            first[actor_id] = position
        # The first position is looked up only where it decides: on a tie, or for the first.
        if (
            best is None
            or count > best_count
            or (count == best_count and first[actor_id] < best_first)
        ):
            best, best_count, best_first = actor, count, first[actor_id]  # or named again
        leaders.append(best)
    return tuple(leaders)


@dataclass(slots=True)
class SentenceView:
    """A sentence's tokens and mentions. Token ``i`` is ``text[starts[i]:ends[i]]``, in
    lower case as ``lows[i]``: three flat lists, as cheap to build as one list of token
    objects would be dear, in the extractor's innermost loop."""

    start: int
    end: int
    starts: list[int]
    ends: list[int]
    lows: list[str]
    actors: list[ActorMention] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    outlets: list[tuple[int, str]] = field(default_factory=list)  # (token index, outlet id)
    taken: set[int] = field(default_factory=set)  # token indices inside a catalogue match
    origin_actors: dict[str, ActorRef] = field(default_factory=dict)
    maker_actors: dict[str, ActorRef] = field(default_factory=dict)  # catalogue origins
    earlier_systems: tuple[EarlierSystem, ...] = ()  # the last few named before the sentence
    named_systems: tuple[EarlierSystem, ...] = ()  # the last many: what "the jets" are

    breaks: list[int] | None = None  # clause-break token indices, found once by clauses.clause_of
    # The distinct tokens: most rules look for a few words, and most sentences have none
    # of them, which this answers without a loop over the tokens.
    words: frozenset[str] = frozenset()
    # Which of frames' cue sets the sentence holds a word of (frames.known_cues), -1
    # until read: its later readers (claims, anaphora, deal sides) test bits, not sets.
    cues: int = -1

    def __init__(
        self, start: int, end: int, starts: list[int], ends: list[int], lows: list[str]
    ) -> None:
        self.start, self.end, self.starts, self.ends, self.lows = start, end, starts, ends, lows
        self.actors = []
        self.weapons = []
        self.outlets = []
        self.taken = set()
        self.origin_actors = {}
        self.maker_actors = {}
        self.earlier_systems = self.named_systems = ()
        self.breaks = None
        self.words = frozenset(lows)
        self.cues = -1

    def low(self, index: int) -> str:
        """Token ``index`` in lower case, "" outside the sentence. The rules ask this some
        100,000 times an article pass: compiled, a method with a bounds check is the
        quickest answer (interpreted, a dictionary's own lookup was)."""
        lows = self.lows
        return lows[index] if 0 <= index < len(lows) else ""


# The catalogue is not compiled: a call of its methods runs as interpreted Python, for
# every mention of every sentence. Each answers from a table it builds on first use; these
# read the table, and call the method only where it has no answer yet (or none at all,
# which then raises as the method does).


def actor_ref(catalogue: Catalogue, actor_id: str) -> ActorRef:
    """``catalogue.actor(actor_id)``."""
    ref = catalogue._actor_refs.get(actor_id)
    return catalogue.actor(actor_id) if ref is None else ref


def body_state(catalogue: Catalogue, name: str) -> str:
    """``catalogue.body_state(name)``."""
    state = catalogue._body_states.get(name)
    return catalogue.body_state(name) if state is None else state


def class_of(catalogue: Catalogue, term: str) -> ClassEntry:
    """``catalogue.class_of(term)``."""
    entry = catalogue._class_terms.get(term)
    return catalogue.class_of(term) if entry is None else entry


def holds_any(words: frozenset[str], wanted: tuple[str, ...]) -> bool:
    """``not words.isdisjoint(wanted)`` for a few words: compiled, ``any`` is a loop of set
    lookups, and ``isdisjoint`` a method called by name (some 800 instructions)."""
    return any(word in words for word in wanted)


def is_alpha(word: str) -> bool:
    """``word.isalpha()``, which compiled code calls by name: a word of ASCII letters, as
    most are, is read here, any other by the method."""
    for char in word:
        code = ord(char)
        if code >= 0x80:
            return word.isalpha()
        if not (0x61 <= code <= 0x7A or 0x41 <= code <= 0x5A):
            return False
    return word != ""


def token_at_offset(offsets: list[int], offset: int) -> int | None:
    """The token that starts (in ``view.starts``) or ends (in ``view.ends``) at ``offset``,
    if one does: the offsets are in order, so a bisection finds it without a dictionary
    built for every sentence."""
    index = bisect_left(offsets, offset)
    return index if index < len(offsets) and offsets[index] == offset else None


def preposition(view: SentenceView, first: int) -> str | None:
    index = first - 1
    while index >= 0 and view.low(index) in DETERMINERS:
        index -= 1
    if view.low(index) in ATTACK_VERBS:
        return "against"  # "howitzers designed to target Seoul": a target, no party
    if view.low(index) in _MAKER_TITLES:
        # "from Turkish vehicle maker Otokar": past the company's description.
        index -= 1
        for _ in range(2):
            if view.low(index).isalpha() and view.low(index) not in PREPOSITIONS:
                index -= 1
        while index >= 0 and view.low(index) in DETERMINERS:
            index -= 1
    for _ in range(2):
        word = view.low(index)
        if word in PREPOSITIONS or not is_alpha(word) or word in PREP_SKIP_STOPS:
            break
        # Three tests with one suffix each: compiled, a tuple of them is made for each call.
        if word.endswith("ed") or word.endswith("ing") or word.endswith("s") or word in _VERBISH:
            break
        if index in view.taken or view.lows[index] != word:
            break
        index -= 1
        while index >= 0 and view.low(index) in DETERMINERS:
            index -= 1
    word = view.low(index)
    if word == "as" and view.low(index - 1) == "such":
        index, word = index - 1, "such"
    elif word == "as" and view.low(index - 2) == "such" and view.low(index - 1) in _GROUP_NOUNS:
        return preposition(view, index - 1)  # "sold drones to such countries as Egypt"
    if word in _EXAMPLE_LEADS:
        # "sold to countries including Qatar", "to several nations, such as Chad": the
        # examples take the preposition of the group they illustrate.
        head = index - 1
        while view.low(head) == ",":
            head -= 1
        if view.low(head) in _GROUP_NOUNS:
            return preposition(view, _past_count(view, head))
    if word == "," and view.low(index - 1) in _MAKER_TITLES:
        # "from Dearsan Shipyard, Turkey": the state the named maker is in.
        return _maker_preposition(view, index - 1)
    if word == "to" and view.low(index - 1) == "according":
        return "according"
    if word == "from" and view.low(index - 1) in _OBJECTION_NOUNS:
        return "against"  # "a sale to Taiwan despite objections from China": a bystander
    if word == "of" and view.low(index - 1) in _OF_HEADS:
        # "to the government of Ukraine", "with the armed forces of Norway": the head's
        # preposition is the state's.
        head = index - 1
        while view.low(head - 1) in _OF_HEADS or view.low(head - 1) in DETERMINERS:
            head -= 1
        return preposition(view, head)
    if word == "of" and view.low(index - 1) in _PLACE_HEADS:
        # "sent tanks to the Kursk region of Russia": the state takes the preposition of
        # the place it contains.
        return preposition(view, index - 1)
    return word if word in PREPOSITIONS else None


def _maker_preposition(view: SentenceView, title: int) -> str | None:
    """The preposition before a maker's name of a word or two and its title ("Shipyard")."""
    for index in range(title - 1, title - 4, -1):
        word = view.low(index)
        if word in ("from", "by"):
            return word
        if not word.isalpha() or word in PREPOSITIONS:
            return None
    return None


_EXAMPLE_LEADS: Final = frozenset(["including", "notably", "such", "like", "among"])


_GROUP_NOUNS: Final = frozenset(
    "countries nations states customers buyers clients operators users partners allies "
    "armies militaries governments".split()
)


_MAKER_TITLES: Final = frozenset(
    "maker makers manufacturer producer conglomerate group firm company shipbuilder "
    "shipyard shipyards contractor exporter".split()
)


# Nouns of reacting before "from X": X objects to a transfer, it supplies nothing.
_OBJECTION_NOUNS: Final = frozenset(
    "objection objections opposition protest protests criticism condemnation pressure "
    "warning warnings threat threats complaint complaints backlash anger outcry".split()
)


# Nouns that stand for a state when followed by "of <state>".
_OF_HEADS: Final = frozenset(
    "government governments people armed forces army armies military militaries navy navies "
    "air force ministry defence defense authorities states countries nations".split()
)


# Words of a rough count before a group noun: "to more than 30 countries".
_COUNT_LEADS: Final = frozenset(
    "more than over some about around nearly almost least at dozen dozens several".split()
)


def _past_count(view: SentenceView, head: int) -> int:
    """The first token of the count before the group noun at ``head`` ("more than 30
    countries"), or ``head`` itself: the group takes the preposition before its count."""
    first = head
    while first > 0 and (
        view.low(first - 1) in _COUNT_LEADS or count_word(view.low(first - 1)) is not None
    ):
        first -= 1
    return first


# Nouns of a place inside a state, before "of <state>".
_PLACE_HEADS: Final = frozenset("region regions province oblast district".split())
