"""One sentence seen as tokens, actor mentions and weapon mentions.

Catalogue matches become typed mentions here, with the local context the rules
need: the preposition before an actor, whether a demonym stands for its state
("Russian forces"), names a speaker ("an Iranian official") or gives a weapon's
origin ("Iranian-made drones").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.extract.lexicon import (
    ATTACK_VERBS,
    CLAUSE_OPENERS,
    DEAL_WORDS,
    DETERMINERS,
    GIVE_NOUNS,
    GIVE_VERBS,
    ORIGIN_SUFFIXES,
    PERSON_NOUNS,
    PREPOSITIONS,
    QUOTE_MARKS,
    RECEIVE_NOUNS,
    RECEIVE_VERBS,
    STATE_NOUNS,
    USE_VERBS,
)
from armstrack.extract.matching import (
    BODY,
    DEMONYM_KINDS,
    OUTLET,
    PLACE,
    STATE,
    SYSTEM,
    WEAPON_KINDS,
    Match,
)
from armstrack.extract.prefilter import FoundWords, Prefiltered
from armstrack.extract.quantities import PATTERNS as QUANTITY_PATTERNS
from armstrack.extract.quantities import count_word, quantity_before
from armstrack.records import ActorRef, Category, Quantity, Span

_TOKEN: Final = re.compile(r"\w+|['’]s\b|[^\w\s]")
# _PAIR and _INSTITUTION run on ``caseless`` text: case-insensitive without the flag.
_PAIR: Final = Prefiltered.on_words(
    re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:countries|nations|sides|states|allies)\b"),
    "countries nations sides states allies".split(),
    caseless=True,
)
# "the junta", "the army": the state the article is about.
_INSTITUTION: Final = Prefiltered.on_words(
    re.compile(
        r"\b(?:the|its|their)\s+(?:junta|army|air force|navy|military|government|regime|"
        r"kingdom|armed forces|defen[cs]e ministry|ministry of defen[cs]e|marines|"
        r"country's military)\b"
    ),
    (
        *"junta army navy military government regime kingdom defen marines".split(),
        "air force",
        "armed forces",
    ),
    caseless=True,
)
# "the group", "the Lebanese militia": the armed group the article named last.
_GROUP_ANAPHOR: Final = Prefiltered.on_words(
    re.compile(
        r"\b(?:[Tt]he|[Tt]his)\s+(?:[A-Z][a-z]+\s+|armed\s+|militant\s+|rebel\s+)?"
        r"(?:group|militia|movement|rebels|militants|organi[sz]ation|insurgents|paramilitaries)\b"
    ),
    "group militia movement rebels militants organi insurgents paramilitaries".split(),
)
# "to the country", "for the embattled nation", "to the island": a receiver named in an
# earlier sentence (runs on ``caseless`` text).
_COUNTRY_ANAPHOR: Final = Prefiltered.on_words(
    re.compile(
        r"\b(?:to|for)\s+(?P<np>the\s+(?:[a-z]+\s+){0,2}?(?:country|nation|island))\b(?!['’-])"
    ),
    "country nation island".split(),
    caseless=True,
)
# For ``WordFinder``: the patterns of a sentence view, with the quantity's.
PATTERNS: Final = (_PAIR, _INSTITUTION, _GROUP_ANAPHOR, _COUNTRY_ANAPHOR, *QUANTITY_PATTERNS)
_TRIGGER_NOUNS: Final = frozenset(GIVE_NOUNS) | frozenset(RECEIVE_NOUNS)
_VERBISH: Final = (
    frozenset(GIVE_VERBS) | frozenset(RECEIVE_VERBS) | USE_VERBS | frozenset(DEAL_WORDS)
)
# Words between two actors that make them one list ("to Russia and Belarus"); ", and"
# more often joins two clauses.
_LIST_JOINS: Final = frozenset({("and",), ("or",), ("and", "the"), ("or", "the"), ("&",)})
# Words that may stand between a preposition and its actor: "to the paramilitary RSF".
_PREP_SKIP_STOPS: Final = frozenset(
    "and or but that which who said says has have had is are was were be been its their "
    # "in service until Bulgaria receives": a clause opens before the actor
    "until once when while whereas although though because unless after before".split()
)
_MODIFIERS: Final = frozenset(
    "military defence defense senior intelligence government foreign security top former "
    "unnamed anonymous navy naval army air force state ministry department and prime deputy "
    "vice chief".split()
)


# The mentions and the other records made for every sentence are dataclasses for
# ``replace``, equality and repr, but write out their ``__init__``: mypyc compiles a written
# one, while the generated one runs as interpreted Python, and was a seventh of the
# extraction time on real reporting. They are not frozen, for the same reason (a frozen
# ``__init__`` sets each field through ``object.__setattr__``); no code changes them.


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


@dataclass(frozen=True, slots=True)
class EarlierSystem:
    """A system named before the sentence: "the howitzer" may point back at it."""

    name: str
    category: Category
    maker: ActorRef | None


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "leaders", _leaders(self.states))
        at = tuple(
            [entry[0] for entry in entries] for entries in (self.states, self.groups, self.systems)
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


def _leaders(states: tuple[tuple[int, ActorRef], ...]) -> tuple[ActorRef, ...]:
    """The most named state after each mention; on a tie the state named first (usually
    in the headline) wins."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    leaders: list[ActorRef] = []
    best: ActorRef | None = None
    for position, actor in states:
        counts[actor.id] = counts.get(actor.id, 0) + 1
        first.setdefault(actor.id, position)
        if best is None or (counts[actor.id], -first[actor.id]) > (
            counts[best.id],
            -first[best.id],
        ):
            best = actor
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

    breaks: list[int] | None = None  # clause-break token indices, found once by frames._clause
    # The distinct tokens: most rules look for a few words, and most sentences have none
    # of them, which this answers without a loop over the tokens.
    words: frozenset[str] = frozenset()

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

    def low(self, index: int) -> str:
        """Token ``index`` in lower case, "" outside the sentence. The rules ask this some
        100,000 times an article pass: compiled, a method with a bounds check is the
        quickest answer (interpreted, a dictionary's own lookup was)."""
        lows = self.lows
        return lows[index] if 0 <= index < len(lows) else ""


_SHIP: Final = Category.SHIP  # read once per weapon (see ``matching.SYSTEM``)


def tokenize(text: str, start: int, end: int) -> tuple[list[int], list[int], list[str]]:
    """Start and end offsets and lower-case forms of the tokens of ``text[start:end]``;
    typographic apostrophes read as ASCII ones ("Russia’s" has the token "'s")."""
    # The tokens of ``_TOKEN`` without a regex match per token: the sentence splits at
    # white space (which no token holds) into chunks, and a chunk of letters and digits,
    # most of them, is one token (``isalnum`` is the test ``\w`` makes, bar "_"); only
    # the others ("Russia’s", "2024.", "(AP)") are searched.
    piece = text[start:end]
    # An ASCII sentence is lowered at once (per character there): a slice of it per token.
    lowered = piece.lower() if piece.isascii() else ""
    starts: list[int] = []
    ends: list[int] = []
    lows: list[str] = []
    at = 0
    for chunk in piece.split():
        at = piece.find(chunk, at)
        if chunk.isalnum():
            starts.append(start + at)
            ends.append(start + at + len(chunk))
            lows.append(lowered[at : at + len(chunk)] if lowered else chunk.lower())
            at += len(chunk)
            continue
        # A word with one mark before or after it ("Kyiv,", "2024.", "(AP"), most of the
        # rest: two tokens, the mark alone (``[^\w\s]``; "’s" needs the letters after it).
        if len(chunk) > 1 and _lone_mark(chunk[-1]) and chunk[:-1].isalnum():
            word = chunk[:-1]
            starts += (start + at, start + at + len(word))
            ends += (start + at + len(word), start + at + len(chunk))
            lows += (lowered[at : at + len(word)] if lowered else word.lower(), chunk[-1])
            at += len(chunk)
            continue
        if len(chunk) > 1 and _lone_mark(chunk[0]) and chunk[1:].isalnum():
            word = chunk[1:]
            starts += (start + at, start + at + 1)
            ends += (start + at + 1, start + at + len(chunk))
            lows += (chunk[0], lowered[at + 1 : at + len(chunk)] if lowered else word.lower())
            at += len(chunk)
            continue
        for word in _TOKEN.findall(chunk):
            starts.append(start + at)
            ends.append(start + at + len(word))
            lows.append(lowered[at : at + len(word)] if lowered else word.lower())
            at += len(word)
    if "’" in piece:
        lows = [low.replace("’", "'") for low in lows]
    return starts, ends, lows


def _lone_mark(char: str) -> bool:
    """A character ``_TOKEN`` makes a token of its own: neither a word character nor white
    space (chunks hold none) nor an apostrophe, which may open "’s"."""
    return not char.isalnum() and char not in "_'’"


def build_view(
    text: str,
    start: int,
    end: int,
    matches: Sequence[Match],
    catalogue: Catalogue,
    context: ArticleContext = ArticleContext(),
    *,
    lowered: str,
    found: FoundWords | None = None,
) -> SentenceView:
    """Tokens and typed mentions of the sentence ``text[start:end]``; ``lowered`` is
    ``caseless(text)``, made once per article, as is ``found``, the words of ``PATTERNS``
    in it."""
    view = SentenceView(start, end, *tokenize(text, start, end))
    view.earlier_systems = context.recent_systems(start)
    view.named_systems = context.recent_systems(start, _TOPIC_REACH)
    lows = view.lows
    demonyms: list[tuple[int, int, str, Span]] = []
    # Where each catalogued weapon starts: "its US F-16s" reads the state as their origin.
    weapon_starts = {_token_at(view.starts, m.start) for m in matches if m.kind in WEAPON_KINDS}
    for match in matches:
        first = _token_at(view.starts, match.start)
        last = _token_at(view.ends, match.end)
        if first is None or last is None:
            continue
        view.taken.update(range(first, last + 1))
        span = Span(match.start, match.end, text[match.start : match.end])
        kind = match.kind
        if kind in WEAPON_KINDS:
            weapon = _weapon(first, last, span, match, catalogue)
            if weapon.system and weapon.category is not _SHIP and _names_a_class(lows, last):
                continue  # "boats of the Zolfaghar class": a ship class, not the missile
            if not weapon.system and view.low(last + 1) == "fire":
                continue  # "protection against small arms fire": the shooting, no goods
            if not weapon.system and view.low(first - 1) == "-" and view.low(first - 2) == "anti":
                # "anti-tank and anti-aircraft missiles": what the weapon is against.
                countered = _countering(view, weapon)
                if countered is None:
                    continue
                weapon = countered
            if weapon.made_in:
                view.maker_actors[weapon.made_in] = catalogue.actor(weapon.made_in)
            view.weapons.append(weapon)
            continue
        if kind in DEMONYM_KINDS:
            demonyms.append((first, last, match.target, span))
            continue
        if kind is OUTLET:
            view.outlets.append((first, match.target))
            continue
        if kind is PLACE:
            continue  # "South America" only keeps "America" from matching
        actor_id = catalogue.body_state(match.target) if kind is BODY else match.target
        if _origin_word(lows, last):
            # "US-made", "Iran-supplied": a state name used as a weapon's origin.
            demonyms.append((first, last, actor_id, span))
            continue
        if _in_dateline(lows, first, span.text, text[start : match.start]):
            continue
        if (
            kind is STATE
            and lows[first - 1 : first] in (["its"], ["their"])
            and last + 1 in weapon_starts
        ):
            # "with its US F-16s": the state is where the weapons come from.
            demonyms.append((first, last, actor_id, span))
            continue
        if kind is STATE and _surname(view, text, first):
            continue  # "Prime Minister Luis Montenegro": a person, not the state
        role = match.target if kind is BODY else None
        view.actors.append(ActorMention(first, last, catalogue.actor(actor_id), span, role=role))
    _add_context_mentions(view, text, lowered, context, found)
    _drop_locating_states(view)
    view.actors.sort(key=lambda a: a.first)
    _resolve_demonyms(view, demonyms, catalogue)
    view.actors.sort(key=lambda a: a.first)  # demonyms join in text order: "the Israeli army"
    view.actors = _made_in(view, _with_context(view, view.actors))
    _first_person(view, text)
    view.weapons = [
        _with_quantity(view, text, lowered, w, found)
        for w in _point_back(
            view,
            _replaced(view, _absorb_head_nouns(_ship_modifiers(view.weapons), lows))
            + _heads(view, text)
            + _counted_platforms(view, text),
        )
    ]
    return view


# What a weapon "anti-" something is, when its own noun is left out ("anti-tank and
# anti-aircraft missiles"): against armour or ships a missile, against aircraft air defence.
_COUNTERED: Final = {
    Category.ARMOURED_VEHICLE: Category.MISSILE,
    Category.SHIP: Category.MISSILE,
    Category.AIRCRAFT: Category.AIR_DEFENCE,
    Category.UAV: Category.AIR_DEFENCE,
}


def _countering(view: SentenceView, weapon: WeaponMention) -> WeaponMention | None:
    """The weapon an "anti-tank" with its noun left out stands for, or None."""
    category = _COUNTERED.get(weapon.category)
    if category is None or view.low(weapon.last + 1) not in ("and", "or", ","):
        return None
    return replace(weapon, category=category, generic=False)


# Verbs whose object is the old equipment that new goods stand in for.
_REPLACING: Final = frozenset(
    "replace replaces replaced replacing succeed supersede retire".split()
)


def _replaced(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "The jets will replace Soviet-era MiG-29 and Su-22 aircraft": what is replaced is
    no goods; "replace its T-72s with K2 tanks": what replaces it is."""
    if view.words.isdisjoint(_REPLACING):
        return weapons
    kept = []
    replaced_until = -1  # the last token of the run of replaced weapons
    for weapon in weapons:
        between = range(max(replaced_until + 1, weapon.first - 5), weapon.first)
        opens = any(view.low(i) in _REPLACING for i in between)
        continues = replaced_until >= 0 and all(
            view.low(i) in (",", "and", "or", "the", "its", "their") or i in view.taken
            for i in range(replaced_until + 1, weapon.first)
        )
        crossed = any(view.low(i) in ("with", "by") for i in between)
        # "to replace the Leopards it gave to Ukraine": those were given all the same.
        given = any(view.low(i) in GIVE_VERBS for i in range(weapon.last + 1, weapon.last + 7))
        if (opens or continues) and not crossed and not given:
            replaced_until = weapon.last
            continue
        replaced_until = -1
        kept.append(weapon)
    return kept


def _ship_modifiers(weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "missile frigates", "drone carriers": a class word right before a ship class
    describes the ship, it is no goods of its own."""
    following: list[WeaponMention | None] = [*weapons[1:], None]
    return [
        w
        for w, after in zip(weapons, following, strict=False)
        if w.system
        or w.category is Category.SHIP
        or after is None
        or after.first != w.last + 1
        or after.category is not Category.SHIP
    ]


_POINTERS: Final = frozenset(["the", "this", "these", "those"])


# Nouns too vague to name weapons on their own ("jets" may be airliners) that, after
# "the", point back at a system the article named: "The jets were donated by Denmark".
# The pipeline reads sentences holding them (see its topical nouns).
POINTING_HEADS: dict[str, tuple[Category, ...]] = {
    "jets": (Category.AIRCRAFT,),
    "planes": (Category.AIRCRAFT,),
    "vessels": (Category.SHIP,),
    "ships": (Category.SHIP,),
    "guns": (Category.ARTILLERY,),
    "batteries": (Category.AIR_DEFENCE,),
    "launchers": (Category.AIR_DEFENCE, Category.ARTILLERY, Category.MISSILE),
}


def _heads(view: SentenceView, text: str) -> list[WeaponMention]:
    """Vague nouns that point back at the system named last of their kind, as mentions
    of it; only where the sentence names no weapon of that kind itself."""
    if not view.named_systems or view.words.isdisjoint(POINTING_HEADS):
        return []
    found = []
    for index, word in enumerate(view.lows):
        kinds = POINTING_HEADS.get(word)
        if kinds is None or index in view.taken or not _pointed_at(view, index):
            continue
        if any(w.category in kinds for w in view.weapons):
            continue
        earlier = _topic(view, kinds)
        if earlier is not None:
            span = _token_span(view, text, index)
            found.append(WeaponMention(index, index, earlier.category, span, system=earlier.name))
    return found


# How many earlier system names a pointer chooses among (a bound: linear time).
_TOPIC_REACH: Final = 40


def _topic(view: SentenceView, kinds: tuple[Category, ...]) -> EarlierSystem | None:
    """The system of one of ``kinds`` the article named most so far, the latest on a tie:
    "the aircraft" are the jets the story is about, not the old fleet they replace."""
    counts: dict[str, int] = {}
    latest: dict[str, tuple[int, EarlierSystem]] = {}
    for order, system in enumerate(view.named_systems):
        if system.category in kinds:
            counts[system.name] = counts.get(system.name, 0) + 1
            latest[system.name] = (order, system)
    if not counts:
        return None
    best = max(counts, key=lambda name: (counts[name], latest[name][0]))
    return latest[best][1]


# Nouns of platforms that are weapons only in military company: "delivered three aircraft
# to the Nigerian Air Force" (an airline buys aircraft too). Counted, in a sentence that
# names a military; the pipeline reads sentences holding them (see its topical nouns).
PLATFORM_NOUNS: dict[str, Category] = {
    "aircraft": Category.AIRCRAFT,
    "planes": Category.AIRCRAFT,
    "jets": Category.AIRCRAFT,
    "trainers": Category.AIRCRAFT,
    "ships": Category.SHIP,
    "vessels": Category.SHIP,
    "boats": Category.SHIP,
}
_MILITARY: Final = frozenset(
    "navy naval military army armed defence defense coast marines squadron warplanes "
    "combat fighter".split()
)


_FIRST_PERSON: Final = frozenset(["we", "our", "us"])


def _first_person(view: SentenceView, text: str) -> None:
    """ "'We will send 20 howitzers to Ukraine,' the German chancellor said": inside the
    quote, "we" is the state of the one who speaks."""
    if view.words.isdisjoint(_FIRST_PERSON) or view.words.isdisjoint(QUOTE_MARKS):
        return
    # Who speaks stands right after the closing quote: '," the Danish minister said'.
    closing = [
        i for i, word in enumerate(view.lows) if word in QUOTE_MARKS and view.low(i - 1) == ","
    ]
    states = {
        a.actor.id: a.actor
        for a in view.actors
        if a.speaker and any(q < a.first <= q + 6 for q in closing)
    }
    if len(states) != 1:
        return
    (state,) = states.values()
    quoted = False
    added = []
    for index, word in enumerate(view.lows):
        if word in QUOTE_MARKS:
            quoted = not quoted
        elif quoted and word in _FIRST_PERSON and index not in view.taken:
            span = _token_span(view, text, index)
            prep = _preposition(view, index) if word == "us" else None
            added.append(ActorMention(index, index, state, span, prep, word == "our"))
    if added:
        view.actors = sorted([*view.actors, *added], key=lambda a: a.first)


def _counted_platforms(view: SentenceView, text: str) -> list[WeaponMention]:
    if view.words.isdisjoint(PLATFORM_NOUNS) or not _military(view):
        return []
    found = []
    for index, word in enumerate(view.lows):
        category = PLATFORM_NOUNS.get(word)
        if category is None or index in view.taken or not _counted_at(view, index):
            continue
        if any(w.first <= index <= w.last + 1 for w in view.weapons):
            continue  # "two Y-12 aircraft": the system's head noun
        span = _token_span(view, text, index)
        found.append(WeaponMention(index, index, category, span))
    return found


def _military(view: SentenceView) -> bool:
    return not view.words.isdisjoint(_MILITARY) or {"air", "force"} <= view.words


def _counted_at(view: SentenceView, index: int) -> bool:
    """A count right before the noun, or one modifier before: "three new aircraft"."""
    before = view.low(index - 1)
    return count_word(before) is not None or (
        before.isalpha()
        and index - 1 not in view.taken
        and count_word(view.low(index - 2)) is not None
    )


def _token_span(view: SentenceView, text: str, index: int) -> Span:
    return Span(view.starts[index], view.ends[index], text[view.starts[index] : view.ends[index]])


_NAME_TITLES: Final = frozenset(
    "minister president premier chancellor secretary general admiral king prince "
    "spokesman spokeswoman ambassador envoy mr mrs ms dr".split()
)


def _surname(view: SentenceView, text: str, first: int) -> bool:
    """A state name right after a title and a capitalised first name is a surname."""
    given = first - 1
    return (
        given >= 1
        and given not in view.taken
        and text[view.starts[given]].isupper()
        and view.low(given).isalpha()
        and view.low(given - 1) in _NAME_TITLES
    )


def _pointed_at(view: SentenceView, index: int) -> bool:
    """A pointer right before, or one word before: "the jets", "the promised jets"."""
    return view.low(index - 1) in _POINTERS or (
        view.low(index - 2) in _POINTERS and index - 1 not in view.taken
    )


def _point_back(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "... the S-300 ... The missile system had been given to Ukraine": a definite class
    word in a sentence that names no system is the system named last of its kind (an air
    defence system is a "missile system" too). Its maker is not taken: who gives it is
    the article's to say, not the factory's."""
    if not view.named_systems or any(w.system for w in weapons):
        return weapons
    pointed = []
    for weapon in weapons:
        # One word may stand between: "the promised tanks".
        if not weapon.generic and not weapon.system and _pointed_at(view, weapon.first):
            kinds: tuple[Category, ...] = (weapon.category,)
            if weapon.category is Category.MISSILE:
                kinds = (Category.MISSILE, Category.AIR_DEFENCE)
            earlier = _topic(view, kinds)
            if earlier is not None:
                weapon = replace(weapon, system=earlier.name, category=earlier.category)
        pointed.append(weapon)
    return pointed


# Words that may stand between a system and its head noun: "Gepard anti-aircraft tanks",
# "K9 self-propelled howitzers".
_HEAD_MODIFIERS: Final = frozenset(
    "- anti aircraft air ship tank armour armor submarine self propelled mobile armed "
    "guided heavy light main battle multirole multi role fighter combat attack strike "
    "surface long short medium range defence defense naval coastal tracked wheeled "
    "\" ” ’ '".split()
)


def _absorb_head_nouns(weapons: list[WeaponMention], lows: list[str]) -> list[WeaponMention]:
    """ "Patriot missiles", "S-400 missiles": a class word right after a system, or
    after a few modifiers, is that system's head noun and takes its category (as
    "missiles" it made a second transfer). It stays a mention: the frame rules read
    coordinated systems through it."""
    kept: list[WeaponMention] = []
    for weapon in weapons:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.system
            and weapon.system is None
            and previous.last < weapon.first <= previous.last + 5
            and all(lows[i] in _HEAD_MODIFIERS for i in range(previous.last + 1, weapon.first))
            and weapon.category is not previous.category
        ):
            weapon = replace(weapon, category=previous.category)
        kept.append(weapon)
    return kept


def _token_at(offsets: list[int], offset: int) -> int | None:
    """The token that starts (in ``view.starts``) or ends (in ``view.ends``) at ``offset``,
    if one does: the offsets are in order, so a bisection finds it without a dictionary
    built for every sentence."""
    index = bisect_left(offsets, offset)
    return index if index < len(offsets) and offsets[index] == offset else None


def _names_a_class(lows: list[str], last: int) -> bool:
    following = lows[last + 1 : last + 3]
    return following[:1] == ["class"] or following == ["-", "class"]


def _in_dateline(lows: list[str], first: int, surface: str, before: str) -> bool:
    """ "ALGIERS/MOSCOW, April 16 -": the place a story was filed from is no party."""
    if first > 3 or not surface.isupper() or len(surface) < 3:
        return False
    # Everything before it is upper case too ("ALGIERS/MOSCOW"), as datelines are.
    if any(c.islower() for c in before):
        return False
    return any(low in ("-", "—", "–", "(") for low in lows[first + 1 : first + 8])


def _origin_word(lows: list[str], last: int) -> bool:
    if last + 3 < len(lows) and lows[last + 1] == "." and lows[last + 2] == "-":
        last += 1  # "U.S.-supplied": the name's last full stop stands before the hyphen
    return last + 2 < len(lows) and lows[last + 1] == "-" and lows[last + 2] in ORIGIN_SUFFIXES


def _weapon(first: int, last: int, span: Span, match: Match, catalogue: Catalogue) -> WeaponMention:
    if match.kind is SYSTEM:
        system = catalogue.systems[match.target]
        return WeaponMention(
            first, last, system.category, span, system=system.name, made_in=system.origin
        )
    weapon_class = catalogue.class_of(match.target)
    return WeaponMention(first, last, weapon_class.category, span, generic=weapon_class.generic)


def _add_context_mentions(
    view: SentenceView,
    text: str,
    lowered: str,
    context: ArticleContext,
    found: FoundWords | None,
) -> None:
    """ "the two countries", "the junta", "the group": actors named earlier in the article."""

    def add(match: re.Match[str], actors: Sequence[ActorRef], role: str) -> None:
        first, last = _token_at(view.starts, match.start()), _token_at(view.ends, match.end())
        if first is None or last is None or any(i in view.taken for i in range(first, last + 1)):
            return
        span = Span(match.start(), match.end(), text[match.start() : match.end()])
        for actor in actors:
            view.actors.append(ActorMention(first, last, actor, span, role=role))

    for match in _PAIR.finditer(lowered, view.start, view.end, found):
        pair = _coordinated_pair(view, match.start()) or context.recent_states(match.start())
        if len(pair) == 2:
            add(match, pair, "pair")
    for match in _INSTITUTION.finditer(lowered, view.start, view.end, found):
        if text[match.end() : match.end() + 1] == "-":
            continue  # "the military-led government"
        if text[match.end() : match.end() + 4] == " of ":
            continue  # "the government of Ukraine" is Ukraine's, read through its name
        home = context.home_state(match.start())
        if home is not None:
            add(match, [home], "institution")
    for match in _GROUP_ANAPHOR.finditer(text, view.start, view.end, found):
        group = context.recent_group(match.start())
        if group is not None:
            add(match, [group], "group")
    for match in _COUNTRY_ANAPHOR.finditer(lowered, view.start, view.end, found):
        _add_country_anaphor(view, text, match, context)


def _add_country_anaphor(
    view: SentenceView, text: str, match: re.Match[str], context: ArticleContext
) -> None:
    """ "Ukraine pleads for air defence. Berlin will send IRIS-T to the country": the state
    the article is about. Not when this sentence names that state: "Athens will buy jets
    for the country" buys for itself."""
    start, end = match.start("np"), match.end("np")
    first, last = _token_at(view.starts, start), _token_at(view.ends, end)
    if first is None or last is None or any(i in view.taken for i in range(first, last + 1)):
        return
    home = context.home_state(view.start)
    if home is None or any(a.actor.id == home.id for a in view.actors):
        return
    span = Span(start, end, text[start:end])
    view.actors.append(ActorMention(first, last, home, span, role="anaphor"))


def _coordinated_pair(view: SentenceView, before: int) -> list[ActorRef]:
    """ "Slovakia and Poland have agreed to hand jets to Ukraine, the defence ministers of
    the two countries announced": the two states the sentence joins by "and" before."""
    states = [a for a in view.actors if a.actor.kind == "state" and view.ends[a.last] <= before]
    for left, right in zip(states[-2::-1], states[:0:-1], strict=True):
        if (
            right.first == left.last + 2
            and view.low(left.last + 1) == "and"
            and left.actor.id != right.actor.id
        ):
            return [left.actor, right.actor]
    return []


def _drop_locating_states(view: SentenceView) -> None:
    """ "Yemen's Houthis", "Lebanon's Hezbollah": the state only locates the group."""
    groups = {a.first for a in view.actors if a.actor.kind == "group"}
    if not groups:
        return  # most sentences name no armed group
    view.actors = [
        a
        for a in view.actors
        if not (
            a.actor.kind == "state"
            and view.low(a.last + 1) in ("'s", "'")
            and (a.last + 2 in groups or a.last + 3 in groups)
        )
    ]


def _resolve_demonyms(
    view: SentenceView, demonyms: list[tuple[int, int, str, Span]], catalogue: Catalogue
) -> None:
    """Decide what each demonym does: stands for its state, names a speaker, or an origin."""
    for first, last, actor_id, span in demonyms:
        actor = catalogue.actor(actor_id)
        after = [view.low(i) for i in range(last + 1, last + 6)]
        next_index = last + 1
        if view.low(next_index) == "." and view.low(next_index + 1) == "-":
            next_index += 1  # "U.S.-made"
        if view.low(next_index) == "-" and view.low(next_index + 1) in ORIGIN_SUFFIXES:
            if _set_origin(view, next_index + 2, actor_id):
                view.origin_actors[actor_id] = actor
            continue
        person = next((i for i, w in enumerate(after) if w in PERSON_NOUNS), None)
        if person is not None and all(w in _MODIFIERS for w in after[:person]):
            view.actors.append(ActorMention(first, last, actor, span, speaker=True))
            continue
        if after[0] in STATE_NOUNS or (
            actor.kind.value == "group" and after[0] in _GROUP_MEMBER_NOUNS
        ):
            view.actors.append(ActorMention(first, last, actor, span, role=after[0]))
            continue
        if after[0] in _CARRIER_MODIFIERS and after[1] in _CARRIERS:
            # "A Turkish cargo ship delivered ...": the state that sends the carrier.
            view.actors.append(ActorMention(first, last, actor, span, role="agent"))
            continue
        if after[0] == "armed" and after[1] in ("forces", "services"):
            # "the Turkish Armed Forces"; "Turkish armed drones" stay an origin.
            view.actors.append(ActorMention(first, last, actor, span, role="armed forces"))
            continue
        if _set_origin(view, next_index, actor_id):
            view.origin_actors[actor_id] = actor
            weapon = next(w for w in view.weapons if w.origin == actor_id and w.first >= next_index)
            if view.low(weapon.last + 1) in _TRIGGER_NOUNS or (
                weapon.category is Category.SHIP and _carries_goods(view, weapon)
            ):
                # "Iranian arms deliveries"; "A Greek frigate has delivered 500 shells":
                # the ship carries, its state gives.
                view.actors.append(ActorMention(first, last, actor, span, role="agent"))
            continue


# "the Houthi militia", "Houthi fighters": a group's demonym before its members is the group.
_GROUP_MEMBER_NOUNS: Final = frozenset(
    "militia militias fighters militants insurgents guerrillas group movement".split()
)
_CARRIER_MODIFIERS: Final = frozenset("cargo transport merchant supply container".split())
_CARRIERS: Final = frozenset(
    "ship ships vessel vessels plane planes aircraft flight flights".split()
)
_AUXILIARIES: Final = frozenset("has have had was were is are will would".split())


def _carries_goods(view: SentenceView, carrier: WeaponMention) -> bool:
    """Whether a ship is the subject of a verb of giving whose object is other weapons."""
    verb = carrier.last + 1
    while view.low(verb) in _AUXILIARIES:
        verb += 1
    return view.low(verb) in GIVE_VERBS and any(w.first > verb for w in view.weapons)


def _set_origin(view: SentenceView, index: int, actor_id: str) -> bool:
    """Mark the weapon starting within three tokens of ``index`` as made by ``actor_id``."""
    for i, weapon in enumerate(view.weapons):
        gap = weapon.first - index
        if 0 <= gap <= 3 and not any(
            view.low(j) in (",", ".", "and", "to") for j in range(index, weapon.first)
        ):
            view.weapons[i] = _replace_origin(weapon, actor_id)
            # "Iranian Shahed-136 and Mohajer-6 drones": the origin covers the list.
            for k in range(i + 1, len(view.weapons)):
                following = view.weapons[k]
                between = {
                    view.low(j) for j in range(view.weapons[k - 1].last + 1, following.first)
                }
                if following.origin is None and between <= {"and", ",", "or"}:
                    view.weapons[k] = _replace_origin(following, actor_id)
                else:
                    break
            return True
    return False


_MADE: Final = frozenset("made built produced manufactured designed assembled".split())


def _made_in(view: SentenceView, actors: list[ActorMention]) -> list[ActorMention]:
    """ "drones made in Iran", "a launcher made by North Korea": the state is the weapon's
    origin, not a place or a party."""
    kept = []
    for actor in actors:
        made = actor.first - 2
        if actor.prep in ("in", "by") and view.low(made) in _MADE:
            for index, weapon in enumerate(view.weapons):
                if weapon.last == made - 1 or (
                    weapon.last == made - 2 and view.low(made - 1) == ","
                ):
                    view.weapons[index] = _replace_origin(weapon, actor.actor.id)
                    view.origin_actors[actor.actor.id] = actor.actor
                    break
            else:
                kept.append(actor)
            continue
        kept.append(actor)
    return kept


def _replace_origin(weapon: WeaponMention, actor_id: str) -> WeaponMention:
    return replace(weapon, origin=actor_id)


def _with_context(view: SentenceView, actors: list[ActorMention]) -> list[ActorMention]:
    """Preposition before each actor (shared along "to X and Y"), possessive, speaker."""
    result: list[ActorMention] = []
    previous: ActorMention | None = None
    comma_chain = False  # the previous actor was joined to its own predecessor by a comma
    for mention in actors:
        prep = _preposition(view, mention.first)
        chained = False
        if prep is None and previous is not None and previous.prep:
            between = tuple(
                view.low(i) for i in range(previous.last + 1, mention.first) if view.low(i) != "the"
            )
            in_list = between == (",",) and view.low(mention.last + 1) in (",", "and", "or")
            chained = in_list
            # "from A, B, and C": the serial comma closes a list already running.
            in_list = in_list or (comma_chain and between in ((",", "and"), (",", "or")))
            # "with Russia's state arms exporter Rosoboronexport": the same actor, one phrase.
            same_phrase = (
                previous.possessive
                and previous.actor == mention.actor
                and len(between) <= 5
                and not set(between) & _PREP_SKIP_STOPS
            )
            # "to Ukraine and Spain will send six": Spain opens a clause of its own; so
            # with the verb left out, "to Ukraine and Finland six".
            opens_clause = view.low(mention.last + 1) in CLAUSE_OPENERS or gapped(
                view, mention.last
            )
            if (between in _LIST_JOINS or in_list or same_phrase) and not opens_clause:
                prep = previous.prep
        possessive = view.low(mention.last + 1) in ("'s", "'")
        speaker = mention.speaker or _names_speaker(view, mention)
        updated = ActorMention(
            mention.first, mention.last, mention.actor, mention.span, prep, possessive,
            speaker, mention.role,
        )  # fmt: skip
        result.append(updated)
        previous = updated
        comma_chain = chained
    return result


def gapped(view: SentenceView, last: int) -> bool:
    """Whether the actor ending at ``last`` is followed by a bare count that ends the
    clause: "... and Finland six."."""
    word = view.low(last + 1)
    if count_word(word) is None:
        return False
    return view.low(last + 2) in (",", ".", ";", "", "and")


def _preposition(view: SentenceView, first: int) -> str | None:
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
        if word in PREPOSITIONS or not word.isalpha() or word in _PREP_SKIP_STOPS:
            break
        if word.endswith(("ed", "ing", "s")) or word in _VERBISH:
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
        return _preposition(view, index - 1)  # "sold drones to such countries as Egypt"
    if word in _EXAMPLE_LEADS:
        # "sold to countries including Qatar", "to several nations, such as Chad": the
        # examples take the preposition of the group they illustrate.
        head = index - 1
        while view.low(head) == ",":
            head -= 1
        if view.low(head) in _GROUP_NOUNS:
            return _preposition(view, head)
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
        return _preposition(view, head)
    return word if word in PREPOSITIONS else None


_EXAMPLE_LEADS: Final = frozenset(["including", "notably", "such", "like", "among"])
_GROUP_NOUNS: Final = frozenset(
    "countries nations states customers buyers clients operators users partners allies "
    "armies militaries governments".split()
)
_MAKER_TITLES: Final = frozenset(
    "maker makers manufacturer producer conglomerate group firm company shipbuilder "
    "shipyard contractor exporter".split()
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


def _with_quantity(
    view: SentenceView, text: str, lowered: str, weapon: WeaponMention, found: FoundWords | None
) -> WeaponMention:
    quantity = quantity_before(
        text,
        weapon.span.start,
        window=min(80, weapon.span.start - view.start),
        lowered=lowered,
        found=found,
    )
    if quantity is None or any(
        w.span.start <= quantity.span.start < w.span.end for w in view.weapons
    ):
        return weapon  # the "2" of "Challenger 2 tanks" counts nothing
    if _in_designation(text, view.start, quantity.span.start):
        # "two Agusta 109 helicopters": the 109 is an uncatalogued name; the count, if
        # any, stands before the name.
        earlier = quantity_before(
            text,
            quantity.span.start,
            window=min(80, quantity.span.start - view.start),
            lowered=lowered,
            found=found,
        )
        if earlier is None or _in_designation(text, view.start, earlier.span.start):
            return weapon
        quantity = earlier
    return replace(weapon, quantity=quantity)


_DESIGNATION: Final = re.compile(r"\b([A-Z][\w-]*)[ -]\Z")
_NOT_NAMES: Final = frozenset(
    "the these those its their all some about around another only and with".split()
)


def _in_designation(text: str, floor: int, start: int) -> bool:
    """Whether the number at ``start`` follows a capitalised name: "Agusta 109"."""
    if not text[start : start + 1].isdigit():
        return False
    name = _DESIGNATION.search(text, max(floor, start - 30), start)
    if name is None or name.group(1).lower() in _NOT_NAMES:
        return False
    before = text[max(floor, name.start() - 2) : name.start()].strip()
    return name.start() > floor and before not in (".", "")  # not a sentence opening
