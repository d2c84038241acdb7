"""Weapon readings: what a weapon mention in its sentence really names.

A catalogue match is refined here from its neighbours: arms fitted to a platform,
weapons named only as what goods counter ("anti-drone guns"), launchers and the
ammunition they fire, parts and spares, replaced goods, vague heads that point back at
a named system ("the jets"), counted platforms and surnames of systems.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.extract.lexicon import (
    DETERMINERS,
    GIVE_VERBS,
    ORIGIN_SUFFIXES,
    QUOTE_MARKS,
    STATE_NOUNS,
)
from armstrack.extract.matching import (
    SYSTEM,
    Match,
)
from armstrack.extract.quantities import count_word, quantity_before
from armstrack.extract.view import (
    ActorMention,
    EarlierSystem,
    SentenceView,
    WeaponMention,
    class_of,
    holds_any,
    preposition,
)
from armstrack.records import Category, Span

SHIP_CATEGORY: Final = Category.SHIP  # read once per weapon (see ``matching.SYSTEM``)
# The others the readings compare with, held the same way: an enum member read off its
# class is a generic attribute lookup in compiled code.
AMMUNITION_CATEGORY: Final = Category.AMMUNITION
OTHER_CATEGORY: Final = Category.OTHER
MISSILE_CATEGORY: Final = Category.MISSILE
AIR_DEFENCE_CATEGORY: Final = Category.AIR_DEFENCE
ARTILLERY_CATEGORY: Final = Category.ARTILLERY


# Participles that join a platform to the arms it carries: "frigates armed with ...".
FITTING: Final = frozenset("armed equipped fitted".split())


_FITTED_PLATFORMS: Final = frozenset([Category.SHIP, Category.AIRCRAFT])


def without_fitted_arms(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "corvettes armed with Aster missiles": the ship is the goods, the missiles are
    its arms, no transfer of their own."""
    kept: list[WeaponMention] = []
    fitted_until = -1  # the last token of the run of arms after "armed with"
    for weapon in weapons:
        lead = weapon.first - 1
        while lead > weapon.first - 4 and view.low(lead) not in ("with", ",", "and"):
            lead -= 1  # "armed with 16 Aster missiles", "with the new ..."
        joined = view.low(lead) == "with" and view.low(lead - 1) in FITTING
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


def elided_counters(view: SentenceView, text: str) -> list[WeaponMention]:
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


def countering(view: SentenceView, weapon: WeaponMention) -> WeaponMention | None:
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


def add_anti_weapons(view: SentenceView, text: str) -> None:
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


def fed_launchers(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "ammunition for HIMARS", "rounds for the Leopard tanks": the named launcher after
    "for" says what the rounds fit; only the rounds are goods."""
    kept: list[WeaponMention] = []
    for weapon in weapons:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.category is AMMUNITION_CATEGORY
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
GUN_CUES: Final = frozenset(["artillery", "for"])


_ROUND_HEADS: Final = frozenset(
    "shell shells round rounds ammunition munition munitions rocket rockets".split()
)


_OWNER_WORDS: Final = frozenset("the its their both his her our".split())


def rounds_not_guns(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """Artillery words that are no guns handed over: "artillery and tank shells" are
    rounds of both kinds; in "ammunition for artillery" (or "for its M777 howitzers") the
    guns only say whose rounds they are."""
    kept: list[WeaponMention] = []
    for index, weapon in enumerate(weapons):
        if weapon.category is not ARTILLERY_CATEGORY:
            kept.append(weapon)
            continue
        after = weapons[index + 1] if index + 1 < len(weapons) else None
        if (
            view.lows[weapon.first : weapon.last + 1] == ["artillery"]
            and after is not None
            and view.low(weapon.last + 1) in ("and", "or")
            and after.first == weapon.last + 2
            and after.category is AMMUNITION_CATEGORY
            and view.low(after.last) in _ROUND_HEADS
        ):
            kept.append(replace(weapon, category=AMMUNITION_CATEGORY))
            continue
        at = weapon.first - 1
        while view.low(at) in _OWNER_WORDS:
            at -= 1
        if view.low(at) == "for" and any(
            w.last == at - 1 and w.category is AMMUNITION_CATEGORY for w in weapons
        ):
            continue  # the rounds' guns
        kept.append(weapon)
    return kept


def ammunition_of(weapons: list[WeaponMention], text: str) -> list[WeaponMention]:
    """ "HIMARS rockets", "Gepard ammunition": a launcher's name right before a word for
    rounds says whose rounds they are; the goods are ammunition, not the launcher."""
    kept: list[WeaponMention] = []
    for weapon in weapons:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.system
            and previous.category is not AMMUNITION_CATEGORY
            and weapon.system is None
            and weapon.category is AMMUNITION_CATEGORY
            and weapon.first == previous.last + 1
        ):
            start, end = previous.span.start, weapon.span.end
            span = Span(start, end, text[start:end])
            kept[-1] = WeaponMention(previous.first, weapon.last, AMMUNITION_CATEGORY, span)
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


def parts_of(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """A class word that modifies a noun of parts or production is the goods' purpose;
    the goods themselves are other equipment (a named system keeps its category: "F-16
    parts" are, in reporting, most often the jets' own support)."""
    kept = []
    for weapon in weapons:
        after = view.low(weapon.last + 1)
        if not weapon.system and not weapon.generic and weapon.category is not OTHER_CATEGORY:
            if after in _PARTS or (
                after == "production" and view.low(weapon.last + 2) in _MEANS_OF_MAKING
            ):
                weapon = replace(weapon, category=OTHER_CATEGORY)
        if not weapon.generic and _parts_for(view, weapon):
            weapon = replace(weapon, category=OTHER_CATEGORY, system=None, made_in=None)
        kept.append(weapon)
    return kept


_SPARES: Final = frozenset("parts spares components".split())


_SPARES_GLUE: Final = frozenset("the its their old older ageing aging existing and , its".split())


def _parts_for(view: SentenceView, weapon: WeaponMention) -> bool:
    """ "spare parts for old tanks and helicopters": what the parts fit is no goods; the
    parts are other equipment ("parts for howitzers already donated" still reports the
    howitzers' own transfer)."""
    if not holds_any(view.words, _SPARES_OR_PARTS_WORDS):
        return False  # either reading needs one of the words: most sentences have none
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
_SPARES_OR_PARTS: Final = _SPARES | _PARTS
_SPARES_OR_PARTS_WORDS: Final = tuple(_SPARES_OR_PARTS)  # for ``holds_any``


_FINISHING: Final = frozenset("finish complete power build".split())


def _parts_needed(view: SentenceView, index: int) -> bool:
    """ "the engines needed to finish the submarine": what the parts complete is no goods."""
    return (
        view.low(index) in _FINISHING
        and view.low(index - 1) == "to"
        and view.low(index - 2) in _NEEDED
        and view.low(index - 3) in _SPARES_OR_PARTS
    )


# Verbs whose object is the old equipment that new goods stand in for.
_REPLACING: Final = frozenset(
    "replace replaces replaced replacing succeed supersede retire".split()
)
_REPLACING_WORDS: Final = tuple(_REPLACING)  # for ``holds_any``


def replaced(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "The jets will replace Soviet-era MiG-29 and Su-22 aircraft": what is replaced is
    no goods; "replace its T-72s with K2 tanks": what replaces it is."""
    if not holds_any(view.words, _REPLACING_WORDS):
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


def ship_modifiers(weapons: list[WeaponMention]) -> list[WeaponMention]:
    """ "missile frigates", "drone carriers": a class word right before a ship class
    describes the ship, it is no goods of its own."""
    # Indexed, not zipped with a shifted copy: a ``zip`` with ``strict`` is a generic call
    # with keywords in compiled code, dear for the one or two weapons of most sentences.
    kept: list[WeaponMention] = []
    for index, w in enumerate(weapons):
        after = weapons[index + 1] if index + 1 < len(weapons) else None
        if (
            w.system
            or w.category is SHIP_CATEGORY
            or after is None
            or after.first != w.last + 1
            or after.category is not SHIP_CATEGORY
        ):
            kept.append(w)
    return kept


def class_modifiers(weapons: list[WeaponMention]) -> list[WeaponMention]:
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
POINTING_HEADS: Final[dict[str, tuple[Category, ...]]] = {
    "jets": (Category.AIRCRAFT,),
    "planes": (Category.AIRCRAFT,),
    "vessels": (Category.SHIP,),
    "ships": (Category.SHIP,),
    "guns": (Category.ARTILLERY,),
    "batteries": (Category.AIR_DEFENCE,),
    "launchers": (Category.AIR_DEFENCE, Category.ARTILLERY, Category.MISSILE),
}


# The nouns as a tuple: ``holds_any`` looks each up in the sentence's words (a loop over
# a dictionary would make an iterator over its keys).
_POINTING_WORDS: Final = tuple(POINTING_HEADS)


def pointing_heads(view: SentenceView, text: str) -> list[WeaponMention]:
    """Vague nouns that point back at the system named last of their kind, as mentions
    of it; only where the sentence names no weapon of that kind itself."""
    if not view.named_systems or not holds_any(view.words, _POINTING_WORDS):
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
TOPIC_REACH: Final = 40


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
PLATFORM_NOUNS: Final[dict[str, Category]] = {
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
_FIRST_PERSON_WORDS: Final = ("we", "our", "us")  # for ``holds_any``
_QUOTE_WORDS: Final = tuple(QUOTE_MARKS)


def first_person(view: SentenceView, text: str) -> None:
    """ "'We will send 20 howitzers to Ukraine,' the German chancellor said": inside the
    quote, "we" is the state of the one who speaks."""
    if not holds_any(view.words, _FIRST_PERSON_WORDS) or not holds_any(view.words, _QUOTE_WORDS):
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
            prep = preposition(view, index) if word == "us" else None
            added.append(ActorMention(index, index, state, span, prep, word == "our"))
    if added:
        view.actors = sorted([*view.actors, *added], key=lambda a: a.first)


_PLATFORM_WORDS: Final = tuple(PLATFORM_NOUNS)  # see ``_POINTING_WORDS``


def counted_platforms(view: SentenceView, text: str) -> list[WeaponMention]:
    if not holds_any(view.words, _PLATFORM_WORDS) or not _military(view):
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


def counted_rounds(view: SentenceView, text: str) -> list[WeaponMention]:
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
            WeaponMention(index, index, AMMUNITION_CATEGORY, _token_span(view, text, index))
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


def surname(view: SentenceView, text: str, first: int) -> bool:
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


def share_of(view: SentenceView, first: int) -> bool:
    """ "80 percent of weapons", "the largest share of its arms": a share of a trade."""
    before = first - 1
    if view.low(before) in ("its", "their", "the"):
        before -= 1
    return view.low(before) == "of" and view.low(before - 1) in _SHARES


def system_surname(view: SentenceView, text: str, first: int, last: int) -> bool:
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


def point_back(view: SentenceView, weapons: list[WeaponMention]) -> list[WeaponMention]:
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
            if weapon.category is MISSILE_CATEGORY:
                kinds = (MISSILE_CATEGORY, AIR_DEFENCE_CATEGORY)
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


def interceptors(weapons: list[WeaponMention], lows: list[str]) -> list[WeaponMention]:
    """ "Patriot systems and missiles", "NASAMS launchers and missiles": a bare "missiles"
    joined to an air defence system and its head noun are that system's interceptors."""
    kept: list[WeaponMention] = []
    for weapon in weapons:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.category is AIR_DEFENCE_CATEGORY
            and weapon.system is None
            and weapon.category is MISSILE_CATEGORY
            and lows[weapon.first] in ("missiles", "missile")
            and lows[previous.last + 1 : weapon.first] in _LAUNCHERS_AND
        ):
            weapon = replace(weapon, category=AIR_DEFENCE_CATEGORY)
        kept.append(weapon)
    return kept


def absorb_head_nouns(weapons: list[WeaponMention], lows: list[str]) -> list[WeaponMention]:
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


def names_a_class(lows: list[str], last: int) -> bool:
    following = lows[last + 1 : last + 3]
    return following[:1] == ["class"] or following == ["-", "class"]


def in_dateline(lows: list[str], first: int, surface: str, before: str) -> bool:
    """ "ALGIERS/MOSCOW, April 16 -": the place a story was filed from is no party."""
    if first > 3 or not surface.isupper() or len(surface) < 3:
        return False
    # Everything before it is upper case too ("ALGIERS/MOSCOW"), as datelines are.
    if any(c.islower() for c in before):
        return False
    return any(low in ("-", "—", "–", "(") for low in lows[first + 1 : first + 8])


_DATELINE_MARKS: Final = re.compile(r"[(\u2014\u2013,/]|\s-|-\s")


def hyphen_first(text: str, end: int) -> bool:
    """ "RAF C-17s delivered ...": a hyphen inside a word (a system's name) comes before any
    dateline mark (comma, slash, bracket, spaced dash), so the capitals open a sentence."""
    tail = text[end : end + 60]
    hyphen = re.search(r"\w-\w", tail)
    if hyphen is None:
        return False
    mark = _DATELINE_MARKS.search(tail)
    return mark is None or hyphen.start() < mark.start()


def origin_word(lows: list[str], last: int) -> bool:
    if last + 3 < len(lows) and lows[last + 1] == "." and lows[last + 2] == "-":
        last += 1  # "U.S.-supplied": the name's last full stop stands before the hyphen
    return last + 2 < len(lows) and lows[last + 1] == "-" and lows[last + 2] in ORIGIN_SUFFIXES


def new_weapon(
    first: int, last: int, span: Span, match: Match, catalogue: Catalogue
) -> WeaponMention:
    if match.kind is SYSTEM:
        system = catalogue.systems[match.target]
        return WeaponMention(
            first, last, system.category, span, system=system.name, made_in=system.origin
        )
    weapon_class = class_of(catalogue, match.target)
    return WeaponMention(first, last, weapon_class.category, span, generic=weapon_class.generic)
