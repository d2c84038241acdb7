"""Actor readings: what a state or group mention stands for in its sentence.

A demonym may name its state ("Russian forces"), a speaker ("an Iranian official") or
a weapon's origin ("Iranian-made drones"); anaphors ("the country", "the group") stand
for a state or group named before; places that only locate something are no party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.extract.lexicon import (
    CLAUSE_OPENERS,
    GIVE_NOUNS,
    GIVE_VERBS,
    ORIGIN_SUFFIXES,
    PERSON_NOUNS,
    PREPOSITIONS,
    RECEIVE_NOUNS,
    STATE_NOUNS,
)
from armstrack.extract.prefilter import FoundWords, Prefiltered
from armstrack.extract.quantities import count_word
from armstrack.extract.spans import new_span
from armstrack.extract.view import (
    PREP_SKIP_STOPS,
    ActorMention,
    ArticleContext,
    SentenceView,
    WeaponMention,
    actor_ref,
    preposition,
    token_at_offset,
)
from armstrack.records import ActorKind, ActorRef, Category, Quantity, Span

# The patterns below read a sentence from every position where a word of theirs is found.
# Each opening word checks the word boundary behind it (``the(?<!\wthe)`` is ``\bthe``)
# rather than after a leading ``\b``: a pattern that opens with a letter lets the regex
# engine skip each position without it, where a ``\b`` is tried at every one (a test
# checks the two forms agree).
# _PAIR and _INSTITUTION run on ``caseless`` text: case-insensitive without the flag.
PAIR: Final = Prefiltered.on_words(
    re.compile(
        r"(?:the(?<!\wthe)|both(?<!\wboth))\s+(?:two\s+)?"
        r"(?:countries|nations|sides|states|allies|governments)\b"
    ),
    "countries nations sides states allies governments".split(),
    caseless=True,
)


# "the junta", "the army": the state the article is about.
INSTITUTION: Final = Prefiltered.on_words(
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
GROUP_ANAPHOR: Final = Prefiltered.on_words(
    re.compile(
        r"[Tt]h(?:e(?<!\w[Tt]he)|is(?<!\w[Tt]his))\s+"
        r"(?:[A-Z][a-z]+\s+|armed\s+|militant\s+|rebel\s+)?"
        r"(?:group|militia|movement|rebels|militants|organi[sz]ation|insurgents|paramilitaries)\b"
    ),
    "group militia movement rebels militants organi insurgents paramilitaries".split(),
)


# "to the country", "for the embattled nation", "to the island": a receiver named in an
# earlier sentence (runs on ``caseless`` text).
COUNTRY_ANAPHOR: Final = Prefiltered.on_words(
    re.compile(
        r"(?:to(?<!\wto)|for(?<!\wfor))\s+"
        r"(?P<np>the\s+(?:[a-z]+\s+){0,2}?(?:country|nation|island))\b(?!['’-])"
    ),
    "country nation island".split(),
    caseless=True,
)


_TRIGGER_NOUNS: Final = frozenset(GIVE_NOUNS) | frozenset(RECEIVE_NOUNS)


# Words between two actors that make them one list ("to Russia and Belarus"); ", and"
# more often joins two clauses.
_LIST_JOINS: Final = frozenset({("and",), ("or",), ("and", "the"), ("or", "the"), ("&",)})


_MODIFIERS: Final = frozenset(
    "military defence defense senior intelligence government foreign security top former "
    "unnamed anonymous navy naval army air force state ministry department and prime deputy "
    "vice chief".split()
)


_BASED_REACH: Final = 3  # words from "based" to the group noun: "-based terrorist group"


def based_group(view: SentenceView, text: str) -> None:
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
                if view.low(i) in GROUP_MEMBER_NOUNS
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
        mention = ActorMention(first, noun, group, span, preposition(view, the))
        view.actors = sorted([*kept, mention], key=lambda a: a.first)
        return


def add_context_mentions(
    view: SentenceView,
    text: str,
    lowered: str,
    context: ArticleContext,
    found: FoundWords | None,
) -> None:
    """ "the two countries", "the junta", "the group": actors named earlier in the article."""
    # The words of a pattern are found where they stand in other words too ("the United
    # States" holds "states", "international" "nation"); a search of the sentence costs
    # more than the tokens' test of ``_may_hold``, made where the words are found.
    # Each search starts where a match may open (see ``_search_from``), not at the
    # sentence's start: the regex engine tries every position before it.
    if (
        PAIR.may_match(lowered, view.start, view.end, found)
        and (begin := _search_from(view, text, _PAIR_LEADS, _PAIR_HEADS, 1)) >= 0
    ):
        for match in PAIR.finditer(lowered, begin, view.end, found):
            pair = _coordinated_pair(view, match.start()) or context.recent_states(match.start())
            if len(pair) == 2:
                _add_context_actors(view, text, match, pair, "pair")
    if (
        INSTITUTION.may_match(lowered, view.start, view.end, found)
        and (begin := _search_from(view, text, _INSTITUTION_LEADS, _INSTITUTION_HEADS, 1)) >= 0
    ):
        for match in INSTITUTION.finditer(lowered, begin, view.end, found):
            if text[match.end() : match.end() + 1] == "-":
                continue  # "the military-led government"
            if text[match.end() : match.end() + 4] == " of ":
                continue  # "the government of Ukraine" is Ukraine's, read through its name
            home = context.home_state(match.start())
            if home is not None:
                _add_context_actors(view, text, match, [home], "institution")
    for match in GROUP_ANAPHOR.finditer(text, view.start, view.end, found):
        group = context.recent_group(match.start())
        if group is not None:
            _add_context_actors(view, text, match, [group], "group")
    if (
        COUNTRY_ANAPHOR.may_match(lowered, view.start, view.end, found)
        and (begin := _search_from(view, text, _COUNTRY_LEADS, _COUNTRY_HEADS, 3)) >= 0
    ):
        for match in COUNTRY_ANAPHOR.finditer(lowered, begin, view.end, found):
            _add_country_anaphor(view, text, match, context)


def _add_context_actors(
    view: SentenceView, text: str, match: re.Match[str], actors: Sequence[ActorRef], role: str
) -> None:
    """The ``actors`` as mentions of the words of ``match``, unless they are in a name
    (a function, not a closure: one is made per sentence)."""
    first, last = (
        token_at_offset(view.starts, match.start()),
        token_at_offset(view.ends, match.end()),
    )
    if first is None or last is None or any(i in view.taken for i in range(first, last + 1)):
        return
    span = new_span(match.start(), match.end(), text[match.start() : match.end()])
    for actor in actors:
        view.actors.append(ActorMention(first, last, actor, span, role=role))


# The tokens a match of ``PAIR``, ``INSTITUTION`` or ``COUNTRY_ANAPHOR`` holds: a head
# word ("countries"; the first word of "air force"), and one of the leads right before
# it or, for the country, up to three tokens before ("to the embattled nation"). The
# heads are tuples: ``_may_hold`` runs through them (a compiled loop over a tuple indexes
# it; over a set it calls the set's iterator).
_PAIR_LEADS: Final = frozenset(["the", "both", "two"])
_PAIR_HEADS: Final = tuple("countries nations sides states allies governments".split())
_INSTITUTION_LEADS: Final = frozenset(["the", "its", "their"])
_INSTITUTION_HEADS: Final = tuple(
    "junta army air navy military government regime kingdom sultanate armed defence "
    "defense ministry marines country".split()
)
_COUNTRY_LEADS: Final = frozenset(["the"])
_COUNTRY_HEADS: Final = ("country", "nation", "island")
# Letters ``caseless`` reads as ASCII ones and a token's lower case does not ("ı" is "i"
# to the patterns, the token "mılitary" is no "military").
_CASELESS_ONLY: Final = ("ı", "ſ", "İ")


def _may_hold(
    view: SentenceView, text: str, leads: frozenset[str], heads: tuple[str, ...], reach: int
) -> bool:
    """Whether a token of ``heads`` has one of ``leads`` among the ``reach`` tokens before
    it, as every match of the pattern has (its words are whole tokens); or the sentence
    holds a letter that makes its tokens no sure guide to ``caseless`` text."""
    return _search_from(view, text, leads, heads, reach) >= 0


# Tokens a match opens before its head at most: "to the embattled small nation".
_OPENING_REACH: Final = 4


def _search_from(
    view: SentenceView, text: str, leads: frozenset[str], heads: tuple[str, ...], reach: int
) -> int:
    """Where a search of the sentence for the pattern may start, -1 if it need not run
    (see ``_may_hold``): a match holds a head with a lead before it, so none opens before
    the first such head's ``_OPENING_REACH`` tokens; where letters of ``caseless`` make
    the tokens no guide, the sentence's start."""
    lows = view.lows
    words = view.words
    first = len(lows)  # the first head with a lead, if any
    for head in heads:
        if head not in words:
            continue  # most heads: the sentence's words say so without a loop
        # Each token compared to the one head: cheaper than a set lookup per token.
        for index in range(1, first):
            if lows[index] == head and _lead_before(lows, leads, index, reach):
                first = index
                break
    if any(text.find(letter, view.start, view.end) >= 0 for letter in _CASELESS_ONLY):
        return view.start
    return view.starts[max(0, first - _OPENING_REACH)] if first < len(lows) else -1


def _lead_before(lows: list[str], leads: frozenset[str], index: int, reach: int) -> bool:
    """Whether one of ``leads`` is among the ``reach`` tokens before token ``index``."""
    return any(lows[before] in leads for before in range(max(0, index - reach), index))


def _add_country_anaphor(
    view: SentenceView, text: str, match: re.Match[str], context: ArticleContext
) -> None:
    """ "Ukraine pleads for air defence. Berlin will send IRIS-T to the country": the state
    the article is about. Not when this sentence names that state: "Athens will buy jets
    for the country" buys for itself."""
    start, end = match.start("np"), match.end("np")
    first, last = token_at_offset(view.starts, start), token_at_offset(view.ends, end)
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


def drop_locating_states(view: SentenceView) -> None:
    """ "Yemen's Houthis", "Lebanon's Hezbollah": the state only locates the group."""
    words = view.words
    if "'s" not in words and "'" not in words:
        return  # no possessive: what each mention is need not be read
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


def _speaker_follows(after: list[str]) -> bool:
    """Whether a person noun follows, past modifiers only ("an Iranian defence official"):
    a loop, not the two generators it stands for (a call and an object each)."""
    for word in after:
        if word in PERSON_NOUNS:
            return True
        if word not in _MODIFIERS:
            return False
    return False


def resolve_demonyms(
    view: SentenceView, demonyms: list[tuple[int, int, str, Span]], catalogue: Catalogue
) -> None:
    """Decide what each demonym does: stands for its state, names a speaker, or an origin."""
    for first, last, actor_id, span in demonyms:
        actor = actor_ref(catalogue, actor_id)
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
        if _speaker_follows(after):
            view.actors.append(ActorMention(first, last, actor, span, speaker=True))
            continue
        if after[0] == "military" and any(w.first == next_index for w in view.weapons):
            # "Russian military hardware": the goods' origin, not the Russian military
            if _set_origin(view, next_index, actor_id):
                view.origin_actors[actor_id] = actor
            continue
        if after[0] in STATE_NOUNS or (actor.kind == "group" and after[0] in GROUP_MEMBER_NOUNS):
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


def listed_origins(
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
        view.origin_actors[actor_id] = actor_ref(catalogue, actor_id)


def listed_forces(
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
        view.actors.append(
            ActorMention(first, last, actor_ref(catalogue, actor_id), span, role=role)
        )
        roles[first] = role


_HELD_SUFFIXES: Final = frozenset("held controlled run occupied".split())


_USED_SUFFIXES: Final = frozenset("operated flown".split())


# "the Houthi militia", "Houthi fighters": a group's demonym before its members is the group.
GROUP_MEMBER_NOUNS: Final = frozenset(
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


def made_in_origins(view: SentenceView, actors: list[ActorMention]) -> list[ActorMention]:
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


def with_context(view: SentenceView, actors: list[ActorMention]) -> list[ActorMention]:
    """Preposition before each actor (shared along "to X and Y"), possessive, speaker."""
    result: list[ActorMention] = []
    previous: ActorMention | None = None
    comma_chain = False  # the previous actor was joined to its own predecessor by a comma
    for mention in actors:
        prep = preposition(view, mention.first)
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
                and not set(between) & PREP_SKIP_STOPS
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
