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
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.extract.bisection import bisect_left
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
from armstrack.extract.spans import new_span
from armstrack.records import ActorKind, ActorRef, Category, Quantity, Span

_TOKEN: Final = re.compile(r"\w+|['’]s\b|[^\w\s]")
# The patterns below read a sentence from every position where a word of theirs is found.
# Each opening word checks the word boundary behind it (``the(?<!\wthe)`` is ``\bthe``)
# rather than after a leading ``\b``: a pattern that opens with a letter lets the regex
# engine skip each position without it, where a ``\b`` is tried at every one (a test
# checks the two forms agree).
# _PAIR and _INSTITUTION run on ``caseless`` text: case-insensitive without the flag.
_PAIR: Final = Prefiltered.on_words(
    re.compile(
        r"(?:the(?<!\wthe)|both(?<!\wboth))\s+(?:two\s+)?"
        r"(?:countries|nations|sides|states|allies|governments)\b"
    ),
    "countries nations sides states allies governments".split(),
    caseless=True,
)
# "the junta", "the army": the state the article is about.
_INSTITUTION: Final = Prefiltered.on_words(
    re.compile(
        r"(?:the(?<!\wthe)|its(?<!\wits)|their(?<!\wtheir))\s+"
        r"(?:junta|army|air force|navy|military|government|regime|kingdom|sultanate|armed forces|defen[cs]e ministry|ministry of defen[cs]e|marines|"
        r"country's military)\b"
    ),
    (
        *"junta army navy military government regime kingdom sultanate defen marines".split(),
        "air force",
        "armed forces",
    ),
    caseless=True,
)
# "the group", "the Lebanese militia": the armed group the article named last.
_GROUP_ANAPHOR: Final = Prefiltered.on_words(
    re.compile(
        r"[Tt]h(?:e(?<!\w[Tt]he)|is(?<!\w[Tt]his))\s+"
        r"(?:[A-Z][a-z]+\s+|armed\s+|militant\s+|rebel\s+)?"
        r"(?:group|militia|movement|rebels|militants|organi[sz]ation|insurgents|paramilitaries)\b"
    ),
    "group militia movement rebels militants organi insurgents paramilitaries".split(),
)
# "to the country", "for the embattled nation", "to the island": a receiver named in an
# earlier sentence (runs on ``caseless`` text).
_COUNTRY_ANAPHOR: Final = Prefiltered.on_words(
    re.compile(
        r"(?:to(?<!\wto)|for(?<!\wfor))\s+"
        r"(?P<np>the\s+(?:[a-z]+\s+){0,2}?(?:country|nation|island))\b(?!['’-])"
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
        earliest = first.setdefault(actor_id, position)
        if best is None or count > best_count or (count == best_count and earliest < best_first):
            best, best_count, best_first = actor, count, earliest  # the leader named again too
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
    # Unpacked first: a call with ``*args`` goes through the generic, interpreted-speed
    # call path in compiled code, not the direct one.
    starts, ends, lows = tokenize(text, start, end)
    view = SentenceView(start, end, starts, ends, lows)
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
        span = new_span(match.start, match.end, text[match.start : match.end])
        kind = match.kind
        if kind in WEAPON_KINDS:
            weapon = _weapon(first, last, span, match, catalogue)
            if weapon.system and weapon.category is not _SHIP and _names_a_class(lows, last):
                continue  # "boats of the Zolfaghar class": a ship class, not the missile
            if weapon.system and _system_surname(view, text, first, last):
                continue  # "Selcuk Bayraktar said": a person named like a weapon
            if weapon.generic and _share_of(view, first):
                continue  # "80 percent of its weapons from Russia": a trade statistic
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
        if _in_dateline(lows, first, span.text, text[start : match.start]) and not _hyphen_first(
            text, match.end
        ):
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
    if "anti" in view.words:
        _add_anti_weapons(view, text)
    _add_context_mentions(view, text, lowered, context, found)
    _drop_locating_states(view)
    view.actors.sort(key=lambda a: a.first)
    _resolve_demonyms(view, demonyms, catalogue)
    if len(demonyms) > 1:
        _listed_origins(view, demonyms, catalogue)
        _listed_forces(view, demonyms, catalogue)
    view.actors.sort(key=lambda a: a.first)  # demonyms join in text order: "the Israeli army"
    elided = _elided_counters(view, text)
    if elided:
        view.weapons = sorted(view.weapons + elided, key=lambda w: w.first)
    view.actors = _made_in(view, _with_context(view, view.actors))
    _first_person(view, text)
    if "based" in view.words and not view.words.isdisjoint(_GROUP_MEMBER_NOUNS):
        _based_group(view, text)
    view.weapons = [
        _with_quantity(view, text, lowered, w, found)
        for w in _point_back(
            view,
            _replaced(
                view,
                _parts_of(
                    view,
                    _interceptors(
                        _absorb_head_nouns(
                            _ammunition_of(
                                _fed_launchers(
                                    view, _class_modifiers(_ship_modifiers(view.weapons))
                                ),
                                text,
                            ),
                            lows,
                        ),
                        lows,
                    ),
                ),
            )
            + _heads(view, text)
            + _counted_platforms(view, text)
            + _counted_rounds(view, text),
        )
    ]
    if "with" in view.words and not view.words.isdisjoint(_FITTING):
        view.weapons = _without_fitted_arms(view, view.weapons)
    if not view.words.isdisjoint(_GUN_CUES):
        view.weapons = _rounds_not_guns(view, view.weapons)
    if "$" in text[view.start : view.end]:
        view.actors = [a for a in view.actors if not _currency_mark(text, a)]
    return view


def _currency_mark(text: str, mention: ActorMention) -> bool:
    """ "a US$2.5 billion contract", "A$300 million": a state's letters glued to the
    dollar sign name its currency, not a party."""
    return text[mention.span.end : mention.span.end + 1] == "$"


# Participles that join a platform to the arms it carries: "frigates armed with ...".
_FITTING: Final = frozenset("armed equipped fitted".split())
_FITTED_PLATFORMS: Final = frozenset([Category.SHIP, Category.AIRCRAFT])


def _without_fitted_arms(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "corvettes armed with Aster missiles": the ship is the goods, the missiles are
    its arms, no transfer of their own."""
    kept: list[WeaponMention] = []
    fitted_until = -1  # the last token of the run of arms after "armed with"
    for weapon in weapons:
        lead = weapon.first - 1
        while lead > weapon.first - 4 and view.low(lead) not in ("with", ",", "and"):
            lead -= 1  # "armed with 16 Aster missiles", "with the new ..."
        joined = view.low(lead) == "with" and view.low(lead - 1) in _FITTING
        platform = any(
            k.category in _FITTED_PLATFORMS and lead - 4 <= k.last < lead - 1 for k in kept
        )
        listed = fitted_until >= 0 and all(
            view.low(i) in (",", "and", "or") or i in view.taken
            for i in range(fitted_until + 1, weapon.first)
        )
        # "boats armed with Stingers supplied by the US": the arms were given all the same.
        given = any(view.low(i) in GIVE_VERBS for i in range(weapon.last + 1, weapon.last + 4))
        if ((joined and platform) or listed) and not given:
            fitted_until = weapon.last
            continue
        fitted_until = -1
        kept.append(weapon)
    return kept


# What a weapon "anti-" something is, when its own noun is left out ("anti-tank and
# anti-aircraft missiles"): against armour or ships a missile, against aircraft air defence.
_COUNTERED: Final = {
    Category.ARMOURED_VEHICLE: Category.MISSILE,
    Category.SHIP: Category.MISSILE,
    Category.AIRCRAFT: Category.AIR_DEFENCE,
    Category.UAV: Category.AIR_DEFENCE,
}


# What an "anti-" word stands against, when the catalogue does not name that target.
_COUNTER_WORDS: Final = {
    "aircraft": Category.AIR_DEFENCE,
    "air": Category.AIR_DEFENCE,
    "missile": Category.AIR_DEFENCE,
    "drone": Category.AIR_DEFENCE,
    "ship": Category.MISSILE,
    "tank": Category.MISSILE,
    "armor": Category.MISSILE,
    "armour": Category.MISSILE,
}


def _before_count(view: SentenceView, first: int) -> int:
    """Where a weapon's own count ("9,000 anti-armor systems") begins, or ``first``."""
    index = first
    while view.low(index - 1).isdigit() or (
        # a comma inside the number ("9,000"), not one that ends a list before the weapon
        view.low(index - 1) == "," and view.low(index - 2).isdigit() and index < first
    ):
        index -= 1
    return index


def _elided_counters(view: SentenceView, text: str) -> list[WeaponMention]:
    """ "anti-aircraft and anti-ship systems": the first "anti-" word shares the noun of
    the class named after it, and is a weapon of its own."""
    found: list[WeaponMention] = []
    for weapon in view.weapons:
        if view.low(weapon.first) != "anti":
            continue
        first = _before_count(view, weapon.first)  # "800 anti-aircraft and 9,000 anti-armor"
        if view.low(first - 1) not in ("and", "or", ","):
            continue
        category = _COUNTER_WORDS.get(view.low(first - 2))
        if category is None or view.low(first - 3) != "-" or view.low(first - 4) != "anti":
            continue
        if any(first - 4 <= i <= first - 2 for i in view.taken):
            continue  # the catalogue matched it already
        start, end = view.starts[first - 4], view.ends[first - 2]
        found.append(
            WeaponMention(first - 4, first - 2, category, Span(start, end, text[start:end]))
        )
    return found


def _countering(view: SentenceView, weapon: WeaponMention) -> WeaponMention | None:
    """The weapon an "anti-tank" with its noun left out stands for, or None."""
    category = _COUNTERED.get(weapon.category)
    if category is None or view.low(weapon.last + 1) not in ("and", "or", ","):
        return None
    return replace(weapon, category=category, generic=False)


# What an "anti-" weapon is that the catalogue has no term for, by what it is against:
# "anti-aircraft and anti-ship systems" are air defence and missiles.
_AGAINST: Final = {
    "aircraft": Category.AIR_DEFENCE,
    "air": Category.AIR_DEFENCE,
    "drone": Category.AIR_DEFENCE,
    "uav": Category.AIR_DEFENCE,
    "ballistic": Category.AIR_DEFENCE,
    "ship": Category.MISSILE,
    "tank": Category.MISSILE,
    "armour": Category.MISSILE,
    "armor": Category.MISSILE,
}
# The nouns that make "anti-X" a weapon, possibly after a list: "anti-X and anti-Y systems".
_ANTI_HEADS: Final = frozenset("system systems weapon weapons missile missiles".split())
_ANTI_REACH: Final = 12  # tokens from the first "anti" to the head noun


def _anti_head(view: SentenceView, index: int) -> bool:
    """Whether the "anti-X" at ``index`` heads, alone or in a list, a weapon noun."""
    at = index + 3
    while at < index + _ANTI_REACH:
        low = view.low(at)
        if low in _ANTI_HEADS:
            return True
        if low in (",", "and", "or"):
            at += 1
        elif low == "anti" and view.low(at + 1) == "-" and view.low(at + 2) in _AGAINST:
            at += 3
        else:
            return False
    return False


def _add_anti_weapons(view: SentenceView, text: str) -> None:
    """ "anti-aircraft and anti-ship systems": each "anti-X" of a list before a weapon noun
    is a weapon of its own, though only the last one carries the noun (and most such
    pairs are no catalogue term)."""
    added = False
    for index, low in enumerate(view.lows):
        category = _AGAINST.get(view.low(index + 2))
        if low != "anti" or category is None or view.low(index + 1) != "-":
            continue
        if not view.taken.isdisjoint(range(index, index + 3)) or not _anti_head(view, index):
            continue
        start, end = view.starts[index], view.ends[index + 2]
        span = Span(start, end, text[start:end])
        view.weapons.append(WeaponMention(index, index + 2, category, span))
        view.taken.update(range(index, index + 3))
        added = True
    if added:
        view.weapons.sort(key=lambda w: w.first)


# Launchers whose rounds are ammunition: "ammunition for HIMARS" sends no launcher (air
# defence rounds are interceptors, of the system's own category, and stay).
_FED: Final = frozenset(
    [Category.ARTILLERY, Category.ARMOURED_VEHICLE, Category.AIRCRAFT, Category.SMALL_ARMS]
)


def _fed_launchers(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "ammunition for HIMARS", "rounds for the Leopard tanks": the named launcher after
    "for" says what the rounds fit; only the rounds are goods."""
    kept: list[WeaponMention] = []
    for weapon in weapons:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.category is Category.AMMUNITION
            and weapon.system
            and weapon.category in _FED
            and _for_between(view, previous.last, weapon.first)
        ):
            continue
        kept.append(weapon)
    return kept


def _for_between(view: SentenceView, last: int, first: int) -> bool:
    """ "ammunition for the", "munitions for U.S.-provided": "for" next after the rounds."""
    if view.low(last + 1) != "for" or first - last > 6:
        return False
    return all(view.low(i) not in (",", "and", "or", ";") for i in range(last + 2, first))


# Words that let an artillery word name rounds, not guns: "artillery and tank shells",
# "ammunition for artillery".
_GUN_CUES: Final = frozenset(["artillery", "for"])
_ROUND_HEADS: Final = frozenset(
    "shell shells round rounds ammunition munition munitions rocket rockets".split()
)
_OWNER_WORDS: Final = frozenset("the its their both his her our".split())


def _rounds_not_guns(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """Artillery words that are no guns handed over: "artillery and tank shells" are
    rounds of both kinds; in "ammunition for artillery" (or "for its M777 howitzers") the
    guns only say whose rounds they are."""
    kept: list[WeaponMention] = []
    for index, weapon in enumerate(weapons):
        if weapon.category is not Category.ARTILLERY:
            kept.append(weapon)
            continue
        after = weapons[index + 1] if index + 1 < len(weapons) else None
        if (
            view.lows[weapon.first : weapon.last + 1] == ["artillery"]
            and after is not None
            and view.low(weapon.last + 1) in ("and", "or")
            and after.first == weapon.last + 2
            and after.category is Category.AMMUNITION
            and view.low(after.last) in _ROUND_HEADS
        ):
            kept.append(replace(weapon, category=Category.AMMUNITION))
            continue
        at = weapon.first - 1
        while view.low(at) in _OWNER_WORDS:
            at -= 1
        if view.low(at) == "for" and any(
            w.last == at - 1 and w.category is Category.AMMUNITION for w in weapons
        ):
            continue  # the rounds' guns
        kept.append(weapon)
    return kept


def _ammunition_of(weapons: list[WeaponMention], text: str) -> list[WeaponMention]:
    """ "HIMARS rockets", "Gepard ammunition": a launcher's name right before a word for
    rounds says whose rounds they are; the goods are ammunition, not the launcher."""
    kept: list[WeaponMention] = []
    for weapon in weapons:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.system
            and previous.category is not Category.AMMUNITION
            and weapon.system is None
            and weapon.category is Category.AMMUNITION
            and weapon.first == previous.last + 1
        ):
            start, end = previous.span.start, weapon.span.end
            span = Span(start, end, text[start:end])
            kept[-1] = WeaponMention(previous.first, weapon.last, Category.AMMUNITION, span)
            continue
        kept.append(weapon)
    return kept


# Nouns after a class word that make it a part of the weapon or a means to make it, not
# the weapon: "submarine engines", "drone production equipment". ("Missile components"
# stay missiles: smuggled in parts, they are assembled where they arrive.)
_PARTS: Final = frozenset("engine engines technology technologies".split())
_MEANS_OF_MAKING: Final = frozenset(
    "equipment line lines technology technologies facility facilities plant plants "
    "machinery tools".split()
)


def _parts_of(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """A class word that modifies a noun of parts or production is the goods' purpose;
    the goods themselves are other equipment (a named system keeps its category: "F-16
    parts" are, in reporting, most often the jets' own support)."""
    kept = []
    for weapon in weapons:
        after = view.low(weapon.last + 1)
        if not weapon.system and not weapon.generic and weapon.category is not Category.OTHER:
            if after in _PARTS or (
                after == "production" and view.low(weapon.last + 2) in _MEANS_OF_MAKING
            ):
                weapon = replace(weapon, category=Category.OTHER)
        if not weapon.generic and _parts_for(view, weapon):
            weapon = replace(weapon, category=Category.OTHER, system=None, made_in=None)
        kept.append(weapon)
    return kept


_SPARES: Final = frozenset("parts spares components".split())
_SPARES_GLUE: Final = frozenset("the its their old older ageing aging existing and , its".split())


def _parts_for(view: SentenceView, weapon: WeaponMention) -> bool:
    """ "spare parts for old tanks and helicopters": what the parts fit is no goods; the
    parts are other equipment ("parts for howitzers already donated" still reports the
    howitzers' own transfer)."""
    if any(
        view.low(i) == "already" or view.low(i) in GIVE_VERBS
        for i in range(weapon.last + 1, weapon.last + 4)
    ):
        return False
    index = weapon.first - 1
    while index > weapon.first - 8 and (view.low(index) in _SPARES_GLUE or index in view.taken):
        index -= 1
    return (view.low(index) == "for" and view.low(index - 1) in _SPARES) or _parts_needed(
        view, index
    )


_NEEDED: Final = frozenset("needed required necessary".split())
_FINISHING: Final = frozenset("finish complete power build".split())


def _parts_needed(view: SentenceView, index: int) -> bool:
    """ "the engines needed to finish the submarine": what the parts complete is no goods."""
    return (
        view.low(index) in _FINISHING
        and view.low(index - 1) == "to"
        and view.low(index - 2) in _NEEDED
        and view.low(index - 3) in (_SPARES | _PARTS)
    )


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
    # Indexed, not zipped with a shifted copy: a ``zip`` with ``strict`` is a generic call
    # with keywords in compiled code, dear for the one or two weapons of most sentences.
    kept: list[WeaponMention] = []
    for index, w in enumerate(weapons):
        after = weapons[index + 1] if index + 1 < len(weapons) else None
        if (
            w.system
            or w.category is _SHIP
            or after is None
            or after.first != w.last + 1
            or after.category is not _SHIP
        ):
            kept.append(w)
    return kept


def _class_modifiers(weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "a missile air defence system", "artillery radars": a class word right before a
    class word of another kind describes it; the last word names the goods."""
    kept: list[WeaponMention] = []
    for index, w in enumerate(weapons):  # indexed: see ``_ship_modifiers``
        after = weapons[index + 1] if index + 1 < len(weapons) else None
        if (
            w.system
            or w.generic
            or after is None
            or after.first != w.last + 1
            or after.system
            or after.generic
            or after.category is w.category
        ):
            kept.append(w)
    return kept


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


_BASED_REACH: Final = 3  # words from "based" to the group noun: "-based terrorist group"


def _based_group(view: SentenceView, text: str) -> None:
    """ "Hamas's leader says Iran arms the Gaza-based group": a group described by where
    it is based is the one group the sentence names, not the state of the place."""
    groups = {a.actor.id: a.actor for a in view.actors if a.actor.kind is ActorKind.GROUP}
    if len(groups) != 1:
        return
    (group,) = groups.values()
    for index, word in enumerate(view.lows):
        if word != "based" or view.low(index - 1) != "-":
            continue
        noun = next(
            (
                i
                for i in range(index + 1, index + 1 + _BASED_REACH)
                if view.low(i) in _GROUP_MEMBER_NOUNS
            ),
            None,
        )
        the = next((i for i in range(index - 2, index - 6, -1) if view.low(i) == "the"), None)
        if (
            noun is None
            or the is None
            or not all(view.low(i).isalpha() for i in range(index + 1, noun))
        ):
            continue
        first = the + 1
        span = Span(view.starts[first], view.ends[noun], text[view.starts[first] : view.ends[noun]])
        kept = [a for a in view.actors if not first <= a.first <= noun]
        mention = ActorMention(first, noun, group, span, _preposition(view, the))
        view.actors = sorted([*kept, mention], key=lambda a: a.first)
        return


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


_ROUNDS_COUNT: Final = 1000  # "fired three rounds" is no stock of ammunition


def _counted_rounds(view: SentenceView, text: str) -> list[WeaponMention]:
    """ "one million rounds", "300,000 rounds": bare rounds counted by the thousand are
    ammunition ("rounds of talks" are counted in ones, and followed by "of")."""
    if "rounds" not in view.words:
        return []
    found = []
    for index, word in enumerate(view.lows):
        if word != "rounds" or index in view.taken or view.low(index + 1) == "of":
            continue
        count = quantity_before(text, view.starts[index], 30)
        if count is None or count.value is None or count.value < _ROUNDS_COUNT:
            continue
        if count.span.end < view.starts[index] - 1:
            continue
        found.append(
            WeaponMention(index, index, Category.AMMUNITION, _token_span(view, text, index))
        )
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


_SHARES: Final = frozenset("percent cent % share shares proportion".split())


def _share_of(view: SentenceView, first: int) -> bool:
    """ "80 percent of weapons", "the largest share of its arms": a share of a trade."""
    before = first - 1
    if view.low(before) in ("its", "their", "the"):
        before -= 1
    return view.low(before) == "of" and view.low(before - 1) in _SHARES


def _system_surname(view: SentenceView, text: str, first: int, last: int) -> bool:
    """A one-word system name right after a capitalised given name, and followed by no
    capitalised word, is a surname: "Selcuk Bayraktar", "Hidayet Bayraktar, has said";
    not "More Patriot Missiles" in a headline nor "Gets Bayraktar" (a verb ends in s)."""
    given = first - 1
    after = last + 1
    return (
        first == last
        and view.low(first).isalpha()
        and not view.low(first).endswith("s")  # "Army Bushmasters": a plural is goods
        and given >= 1
        and (view.low(given - 1).isalpha() or view.low(given - 1) == ",")  # not “The
        and view.low(given) not in STATE_NOUNS
        and view.low(given) not in DETERMINERS
        and given not in view.taken
        and view.low(given).isalpha()
        and not view.low(given).endswith("s")
        and text[view.starts[given]].isupper()
        and text[view.starts[given] + 1 : view.ends[given]].islower()
        and (after >= len(view.lows) or not text[view.starts[after]].isupper())
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
                weapon = WeaponMention(
                    weapon.first,
                    weapon.last,
                    earlier.category,
                    weapon.span,
                    earlier.name,
                    weapon.generic,
                    weapon.origin,
                    weapon.quantity,
                    weapon.made_in,
                )  # ``replace`` by compiled code (every field: see weapon_with)
        pointed.append(weapon)
    return pointed


# Words that may stand between a system and its head noun: "Gepard anti-aircraft tanks",
# "K9 self-propelled howitzers".
_HEAD_MODIFIERS: Final = frozenset(
    "- anti aircraft air ship tank armour armor submarine self propelled mobile armed "
    "guided heavy light main battle multirole multi role fighter combat attack strike "
    "surface long short medium range defence defense naval coastal tracked wheeled "
    # "Terminal High Altitude Area Defense (THAAD) system missiles"
    "system systems ) "
    "\" ” ’ '".split()
)


# What stands between an air defence system and its "missiles": "and", or "systems and".
_LAUNCHERS_AND: Final = (
    ["and"],
    *([head, "and"] for head in "system systems launcher launchers battery batteries".split()),
)


def _interceptors(weapons: list[WeaponMention], lows: list[str]) -> list[WeaponMention]:
    """ "Patriot systems and missiles", "NASAMS launchers and missiles": a bare "missiles"
    joined to an air defence system and its head noun are that system's interceptors."""
    kept: list[WeaponMention] = []
    for weapon in weapons:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.category is Category.AIR_DEFENCE
            and weapon.system is None
            and weapon.category is Category.MISSILE
            and lows[weapon.first] in ("missiles", "missile")
            and lows[previous.last + 1 : weapon.first] in _LAUNCHERS_AND
        ):
            weapon = replace(weapon, category=Category.AIR_DEFENCE)
        kept.append(weapon)
    return kept


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


_DATELINE_MARKS: Final = re.compile(r"[(\u2014\u2013,/]|\s-|-\s")


def _hyphen_first(text: str, end: int) -> bool:
    """ "RAF C-17s delivered ...": a hyphen inside a word (a system's name) comes before any
    dateline mark (comma, slash, bracket, spaced dash), so the capitals open a sentence."""
    tail = text[end : end + 60]
    hyphen = re.search(r"\w-\w", tail)
    if hyphen is None:
        return False
    mark = _DATELINE_MARKS.search(tail)
    return mark is None or hyphen.start() < mark.start()


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
        span = new_span(match.start(), match.end(), text[match.start() : match.end()])
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
            if _set_origin(view, next_index + 2, actor_id) or _set_predicate_origin(
                view, first - 1, actor_id
            ):
                view.origin_actors[actor_id] = actor
            continue
        person = next((i for i, w in enumerate(after) if w in PERSON_NOUNS), None)
        if person is not None and all(w in _MODIFIERS for w in after[:person]):
            view.actors.append(ActorMention(first, last, actor, span, speaker=True))
            continue
        if after[0] == "military" and any(w.first == next_index for w in view.weapons):
            # "Russian military hardware": the goods' origin, not the Russian military
            if _set_origin(view, next_index, actor_id):
                view.origin_actors[actor_id] = actor
            continue
        if after[0] in STATE_NOUNS or (actor.kind == "group" and after[0] in _GROUP_MEMBER_NOUNS):
            view.actors.append(ActorMention(first, last, actor, span, role=after[0]))
            continue
        if after[0] in _AGENCY_NOUNS or (
            after[0].isalpha() and after[0] not in _NEWS_WORDS and after[1] in _AGENCY_NOUNS
        ):
            # "the Polish Armaments Agency signed a contract": a state buyer's agency.
            view.actors.append(ActorMention(first, last, actor, span, role="agency"))
            continue
        if (after[0] in _CARRIER_MODIFIERS and after[1] in _CARRIERS) or after[
            0
        ] in _SMUGGLING_CRAFT:
            # "A Turkish cargo ship delivered ...", "an Iranian dhow bound for the Houthis":
            # the state that sends the carrier.
            view.actors.append(ActorMention(first, last, actor, span, role="agent"))
            continue
        if _gives_package(after):
            # "the new German package for Ukraine": the state that gives the package.
            view.actors.append(ActorMention(first, last, actor, span, role="agent"))
            continue
        if after[0] in _TRIGGER_NOUNS and after[1] == "of":
            # "Germany vetoed a Spanish delivery of tanks": the state that delivers.
            view.actors.append(ActorMention(first, last, actor, span, role="agent"))
            continue
        if after[0] == "armed" and after[1] in ("forces", "services"):
            # "the Turkish Armed Forces"; "Turkish armed drones" stay an origin.
            view.actors.append(ActorMention(first, last, actor, span, role="armed forces"))
            continue
        if after[0] == "-" and after[1] in _USED_SUFFIXES:
            # "Houthi-operated Iranian drones": who operates the goods, not their origin
            view.actors.append(ActorMention(first, last, actor, span, role="user"))
            continue
        if after[0] in _TRIGGER_NOUNS and after[1] in ("of", "for"):
            # "the Polish purchase of American-built F-35s", "the Greek order for Rafales":
            # the state that buys (or, "the Czech sale of", sells), not the goods' origin.
            view.actors.append(ActorMention(first, last, actor, span, role="agent"))
            continue
        if actor.kind == "group" and after[0] == "-" and after[1] in _HELD_SUFFIXES:
            # "bound for Houthi-held areas": the group holding the place is the party.
            view.actors.append(ActorMention(first, last, actor, span, role="holder"))
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


_DEMONYM_JOINS: Final = frozenset([",", "and", "or"])


def _listed_origins(
    view: SentenceView, demonyms: list[tuple[int, int, str, Span]], catalogue: Catalogue
) -> None:
    """ "Indian, French and Russian artillery": every demonym of a list before one noun is
    an origin of it, so the noun is read once per origin (each origin gives its own)."""
    resolved = {a.first for a in view.actors}
    ordered = sorted(demonyms, key=lambda d: d[0])
    for k in range(len(ordered) - 2, -1, -1):
        first, last, actor_id, _span = ordered[k]
        following = ordered[k + 1]
        gap = {view.low(i) for i in range(last + 1, following[0])}
        if first in resolved or not gap or not gap <= _DEMONYM_JOINS:
            continue
        # the noun after the list, which the next demonym (or its own copy) already marks
        target = next((w for w in view.weapons if w.first > following[1]), None)
        if (
            target is None
            or target.origin != following[2]
            or target.first - following[1] > 3 + 2 * (len(ordered) - k)
            or any(w.origin == actor_id for w in view.weapons)
        ):
            continue
        view.weapons.insert(view.weapons.index(target), _replace_origin(target, actor_id))
        view.origin_actors[actor_id] = catalogue.actor(actor_id)


def _listed_forces(
    view: SentenceView, demonyms: list[tuple[int, int, str, Span]], catalogue: Catalogue
) -> None:
    """ "the Egyptian, Nigerian and Iraqi air forces": every demonym of a list before one
    state noun stands for its state, as the last one does."""
    roles = {a.first: a.role for a in view.actors if a.role in STATE_NOUNS}
    if not roles:
        return
    taken = {a.first for a in view.actors}
    ordered = sorted(demonyms, key=lambda d: d[0])
    for k in range(len(ordered) - 2, -1, -1):
        first, last, actor_id, span = ordered[k]
        following = ordered[k + 1][0]
        gap = {view.low(i) for i in range(last + 1, following)}
        role = roles.get(following)
        if role is None or first in taken or not gap or not gap <= _DEMONYM_JOINS:
            continue
        if any(w.origin == actor_id for w in view.weapons):
            continue  # "Indian, French and Russian artillery": origins
        view.actors.append(ActorMention(first, last, catalogue.actor(actor_id), span, role=role))
        roles[first] = role


_HELD_SUFFIXES: Final = frozenset("held controlled run occupied".split())
_USED_SUFFIXES: Final = frozenset("operated flown".split())


# "the Houthi militia", "Houthi fighters": a group's demonym before its members is the group.
_GROUP_MEMBER_NOUNS: Final = frozenset(
    "militia militias fighters militants insurgents guerrillas group movement".split()
)
# Heads of a state's procurement bodies after a demonym and at most one more word.
_AGENCY_NOUNS: Final = frozenset("agency agencies".split())
_NEWS_WORDS: Final = frozenset("news press wire state intelligence space".split())


_PACKAGE_HEADS: Final = frozenset("package packages tranche tranches".split())
_PACKAGE_MODIFIERS: Final = frozenset(
    "new latest next first second third aid military arms weapons security defence defense "
    "support assistance".split()
)


def _gives_package(after: list[str]) -> bool:
    """Whether the words after a demonym name a package it gives: "German aid package",
    "British military tranche" (a receiver still has to be named with "for" or "to")."""
    for word in after:
        if word in _PACKAGE_HEADS:
            return True
        if word not in _PACKAGE_MODIFIERS:
            return False
    return False


_CARRIER_MODIFIERS: Final = frozenset("cargo transport merchant supply container".split())
_CARRIERS: Final = frozenset(
    "ship ships vessel vessels plane planes aircraft flight flights".split()
)
# Craft that in reporting carry contraband, not a navy's own ships: "an Iranian dhow".
_SMUGGLING_CRAFT: Final = frozenset("dhow dhows skiff skiffs".split())
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
            # "Russian positions with Storm Shadow missiles": a preposition ends the
            # noun the demonym qualifies
            view.low(j) in (",", ".", "and", "to") or view.low(j) in PREPOSITIONS
            for j in range(index, weapon.first)
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
                # "the missiles used by Hezbollah were made in Iran"
                if _set_predicate_origin(view, made - 1, actor.actor.id):
                    view.origin_actors[actor.actor.id] = actor.actor
                else:
                    kept.append(actor)
            continue
        kept.append(actor)
    return kept


_COPULAS: Final = frozenset("is are was were".split())
_PREDICATE_ADVERBS: Final = frozenset("reportedly allegedly probably likely all mostly".split())
_PREDICATE_REACH: Final = 8  # "the missile fired by the Houthis at the ship was ..."
_PREDICATE_BREAKS: Final = frozenset([",", ";", ":", "and", "but", "than", "as"])
_OWN_OR_LISTED: Final = frozenset(["their", "its", "our", "and", "or"])


def _set_predicate_origin(view: SentenceView, index: int, actor_id: str) -> bool:
    """ "The drones used by the RSF are Chinese-made": an origin after a copula (token
    ``index`` or an adverb before it) marks the clause's subject goods."""
    if view.low(index) in _PREDICATE_ADVERBS:
        index -= 1
    if view.low(index) not in _COPULAS:
        return False
    for i in range(len(view.weapons) - 1, -1, -1):
        weapon = view.weapons[i]
        if weapon.last >= index:
            continue
        gap = range(weapon.last + 1, index)
        if weapon.origin or len(gap) > _PREDICATE_REACH:
            return False
        if any(view.low(j) in _PREDICATE_BREAKS or view.low(j) in _COPULAS for j in gap):
            return False
        lead = {view.low(weapon.first - 1), view.low(weapon.first - 2)}
        if lead & _OWN_OR_LISTED:
            return False  # "say their missiles and drones are built in Yemen": a boast
        view.weapons[i] = _replace_origin(weapon, actor_id)
        return True
    return False


def _replace_origin(weapon: WeaponMention, actor_id: str) -> WeaponMention:
    return weapon_with(weapon, actor_id, weapon.quantity)


def weapon_with(
    weapon: WeaponMention, origin: str | None, quantity: Quantity | None
) -> WeaponMention:
    """``replace(weapon, origin=origin, quantity=quantity)``, made by compiled code:
    ``dataclasses.replace`` reads each field in interpreted Python (a test checks that
    this copies every field)."""
    return WeaponMention(
        weapon.first,
        weapon.last,
        weapon.category,
        weapon.span,
        weapon.system,
        weapon.generic,
        origin,
        quantity,
        weapon.made_in,
    )


def service_end(view: SentenceView, mention: ActorMention) -> int:
    """The last token of a service a demonym names ("the Royal Saudi Air Force", "the
    Chilean Navy"), whose mention holds the demonym alone; else the mention's own last:
    list items are joined after the service's name."""
    at = mention.last
    if mention.role == "air" and view.low(at + 2) == "force":
        return at + 2
    return at + 1 if mention.role in _SERVICE_NOUNS and view.low(at + 1) == mention.role else at


_SERVICE_NOUNS: Final = frozenset("navy army marines".split())


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
                view.low(i)
                for i in range(service_end(view, previous) + 1, mention.first)
                if view.low(i) != "the"
            )
            in_list = between == (",",) and view.low(service_end(view, mention) + 1) in (
                ",",
                "and",
                "or",
            )
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
            return _preposition(view, _past_count(view, head))
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
        return _preposition(view, head)
    if word == "of" and view.low(index - 1) in _PLACE_HEADS:
        # "sent tanks to the Kursk region of Russia": the state takes the preposition of
        # the place it contains.
        return _preposition(view, index - 1)
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
    if quantity is None and len(view.weapons) == 1:
        quantity = _units_after(view, text, lowered, weapon)
        return weapon if quantity is None else replace(weapon, quantity=quantity)
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
    return weapon_with(
        weapon, weapon.origin, _with_more_to_follow(view, text, lowered, weapon, quantity)
    )


# "The deal for the K9 covers up to 48 units": a count of the one weapon of the sentence,
# named after it by "units" as what a deal covers ("the army has two units" is no count).
_UNITS_AFTER: Final = re.compile(
    r"\b(?:for|covers?|covering|includes?|including|comprises?|comprising|totals?|of)\s+"
    r"(?:(?P<approx>up to|some|about|around|nearly)\s+)?(?P<count>\d{1,4}|\w+)\s+units\b",
    re.IGNORECASE,
)


def _units_after(
    view: SentenceView, text: str, lowered: str, weapon: WeaponMention
) -> Quantity | None:
    """ "N units" later in a sentence that names one weapon only (else whose units?).
    ``lowered`` is ``caseless(text)``: a match holds "units" there, a plain substring
    test that spares most sentences the case-insensitive search."""
    if lowered.find("units", weapon.span.end, view.end) < 0:
        return None
    found = _UNITS_AFTER.search(text, weapon.span.end, view.end)
    if found is None:
        return None
    value = count_word(found.group("count").lower())
    if value is None or value == 0 or 1900 <= value <= 2100:
        return None
    words = Span(found.start(), found.end(), found.group(0))
    return Quantity(value, found.group("approx") is not None, words)


# "Four tanks will be sent now, with eight more to follow": the rest of the same lot.
_MORE_TO_FOLLOW: Final = re.compile(
    r",?\s+(?:with|and|plus)\s+(?:another\s+|a further\s+)?(?P<count>\w+)\s+more\s+"
    r"(?:to follow|to come|later)\b",
    re.IGNORECASE,
)


def _with_more_to_follow(
    view: SentenceView, text: str, lowered: str, weapon: WeaponMention, quantity: Quantity
) -> Quantity:
    """The count with the further ones the sentence says follow, when no other weapon
    stands between (then "more" could be of that one); a match holds "more" in
    ``lowered``, ``caseless(text)``."""
    if quantity.value is None or lowered.find("more", weapon.span.end, view.end) < 0:
        return quantity
    more = _MORE_TO_FOLLOW.search(text, weapon.span.end, view.end)
    if more is None:
        return quantity
    edge = weapon.span.end
    for other in sorted(view.weapons, key=lambda w: w.span.start):
        if not edge <= other.span.start < more.start():
            continue
        if other.span.start - edge > 1:
            return quantity  # another weapon: the further ones may be of it
        edge = other.span.end  # the head noun of the same mention: "Leopard 2 tanks"
    extra = count_word(more.group("count").lower())
    if extra is None:
        return quantity
    return replace(quantity, value=quantity.value + extra)


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
