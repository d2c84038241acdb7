"""Holders: states and groups that hold, fly or use goods, and lists of them.

A state that operates, has, shows off or is armed with goods it did not make received
them from their maker or stated origin (GOLD.md: "Z fires X-made Y" counts). This
module reads those holders in one sentence: operator and buyer lists ("other operators
include A and B", "the fifth country to buy X, after A and B"), possessors and users of
foreign goods ("Turkey's S-400 batteries", "armed with Iranian-made rockets"), fleets
and packages' contents; ``frames`` adds what it finds to the trigger frames.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from armstrack.extract.actor_readings import service_end
from armstrack.extract.clauses import (
    ADVERBS,
    BE,
    TRIGGER_WORDS,
    FrameHit,
    Trigger,
    clause_of,
)
from armstrack.extract.lexicon import (
    ANAPHORIC_NOUNS,
    CLAUSE_BREAKS,
    DEAL_WORDS,
    DETERMINERS,
    GIVE_NOUNS,
    NEGATIONS,
    ORIGIN_SUFFIXES,
    PREPOSITIONS,
    RECEIVE_NOUNS,
    USE_VERBS,
    Frame,
)
from armstrack.extract.status import (
    MODALS,
)
from armstrack.extract.topic_holders import (
    BOUGHT_VERBS,
    BUYER_ORDINALS,
    COUNTRY_NOUNS,
    FORCE_WORDS,
    HOLDER_MODIFIERS,
    HOLDER_NOUNS,
    HOLDER_SINGULARS,
    HOLDER_WORDS,
    HOLDING_VERBS,
    MAX_LISTED,
    OPERATE_VERBS,
    TOPIC_NOUNS,
    entered_service,
    holder_list,
    joined_goods,
    maker_or_origin,
)
from armstrack.extract.view import (
    ActorMention,
    SentenceView,
    WeaponMention,
    same_actor,
)
from armstrack.records import ActorRef, Status

DEFINITE: Final = frozenset(["the", "these", "those", "this", "that", "its", "their", "such"])


_ALSO_BOUGHT: Final = frozenset("bought purchased acquired".split())


# Every word _holding_cues looks for.
_HOLDING_CUES: Final = (
    HOLDING_VERBS
    | HOLDER_NOUNS
    | _ALSO_BOUGHT
    | {"service", "use", "being", "include", "includes", "including"}
)


_FLEET_NOUNS: Final = frozenset(
    "fleet fleets inventory arsenal stockpile stockpiles defences defenses".split()
)


_FLEET_LINKS: Final = frozenset("includes include including comprising consisting of".split())


_FLEET_VERBS: Final = _FLEET_LINKS - {"of"}


_HOLDER_STOPS: Final = frozenset([",", "and", "or", "of", "with", "to", "from"])


def fleet_frames(view: SentenceView) -> list[FrameHit]:
    """ "an ageing fleet that includes American F-16s and Russian Su-30s": foreign-made
    systems in a state's fleet were delivered to it (the owner, if not named, is the state
    the article is about; see filling.fill_partial)."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_FLEET_NOUNS) and view.words.isdisjoint(_FORCE_HEADS):
        return found
    for index, word in enumerate(view.lows):
        if word not in FLEET_CUES:
            continue  # one set test for most tokens, none of the two below
        if word not in _FLEET_NOUNS and not _force_includes(view, index):
            continue
        # "an arsenal of Iranian-made rockets includes ...": a verb further on is the link.
        link = next(
            (i for i in range(index + 1, index + 8) if view.low(i) in _FLEET_VERBS), None
        ) or next((i for i in range(index + 1, index + 4) if view.low(i) in _FLEET_LINKS), None)
        if link is None:
            continue
        end = clause_of(view, index)[1]
        # "an arsenal of Iranian-made rockets includes Fajr-5s": the class gives the origin.
        stated = next((w.origin for w in view.weapons if index < w.first < link and w.origin), None)
        held = [
            w if w.origin else replace(w, origin=stated)
            for w in view.weapons
            if link < w.first <= end and (w.origin or (stated and w.system))
        ]
        # "Hezbollah's arsenal", "the Houthis' Iranian-supplied arsenal": the owner.
        owner = (
            next(
                (
                    a.actor
                    for a in view.actors
                    if a.possessive
                    and index - 6 <= a.last < index
                    and not {view.low(i) for i in range(a.last + 2, index)} & _HOLDER_STOPS
                ),
                None,
            )
            or _force_owner(view, index)
            or _named_force(view, index)
        )
        for origin in dict.fromkeys(w.origin for w in held):
            supplier = view.origin_actors.get(origin or "")
            if supplier is None or supplier == owner:
                continue
            weapons = _of_one_origin(held, origin)
            frame = FrameHit(Frame.RECEIVE, index, Status.DELIVERED, False, supplier, owner)
            frame.weapons = weapons
            found.append(frame)
    return found


# "Egypt's air force includes French Rafales": a force whose make-up is listed is a fleet.
_FORCE_HEADS: Final = frozenset("force forces army navy".split())


def _force_includes(view: SentenceView, index: int) -> bool:
    return view.low(index) in _FORCE_HEADS and view.low(index + 1) in _FLEET_VERBS


def _named_force(view: SentenceView, index: int) -> ActorRef | None:
    """ "The Egyptian air force includes", "Saudi air defences, including": the state a
    demonym names with its force or fleet."""
    return next(
        (a.actor for a in view.actors
         if a.role in FORCE_WORDS and index - 3 <= a.last < index
         and all(view.low(i) in FORCE_WORDS for i in range(a.last + 1, index))),
        None,
    )  # fmt: skip


def _force_owner(view: SentenceView, index: int) -> ActorRef | None:
    """ "the Nigerian Air Force's inventory": the state of a force with its own "'s"."""
    for actor in view.actors:
        end = _force_possessor_end(view, actor)
        if end >= 0 and index - 3 <= end < index:
            return actor.actor
    return None


def owned_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """ "Poland will guard the skies with its US F-16s": foreign-made weapons a state
    holds as its own were delivered to it by their state of origin."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(("its", "their")):
        return found
    for weapon in view.weapons:
        owned = {view.low(weapon.first - 1), view.low(weapon.first - 2)} & {"its", "their"}
        if not weapon.origin or not owned:
            continue
        if any(weapon in f.weapons and f.supplier is not None for f in frames):
            continue
        holder = next(
            (a.actor for a in view.actors
             if a.first < weapon.first and a.prep is None and not a.speaker
             and (not a.possessive or view.low(a.last + 2) in FORCE_WORDS)),
            None,
        )  # fmt: skip
        supplier = _held_goods_giver(view, weapon)
        if holder is None or supplier is None or holder == supplier:
            continue
        found.append(
            FrameHit(Frame.RECEIVE, weapon.first, Status.DELIVERED, False, supplier, holder,
                     [replace(weapon, quantity=None)])
        )  # fmt: skip
    return found


# "belonging to the Malian army", "in the hands of the Ethiopian army": the holder after.
_BELONGING: Final = (
    ("belonging", "to"),
    ("belongs", "to"),
    ("belonged", "to"),
    ("owned", "by"),
    ("of",),
    ("in", "the", "hands", "of"),
)


_HOLDER_BREAKS: Final = frozenset(["and", "or", ",", ";", "by", "from", "to", "for", "with"])


def possessed_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """ "Greece's French-built Rafale jets", "the Swiss-made trainers of the Mexican Air
    Force": goods of a stated foreign origin that a state or group holds were delivered
    to it by that origin."""
    found: list[FrameHit] = []
    if not view.origin_actors and not view.maker_actors:
        return found
    if not view.words.isdisjoint(_TAKEN_IN_WAR) or view.words.isdisjoint(_OWNING_WORDS):
        return found  # "the Taliban's US-made Humvees, captured in 2021": no delivery
    for weapon in view.weapons:
        supplier = _held_goods_giver(view, weapon)
        holder = holder_of(view, weapon) if supplier is not None else None
        if supplier is None or holder is None or holder.id == supplier.id:
            continue
        if any(
            f.supplier is not None and (weapon in f.weapons or f.recipient == holder)
            for f in frames + found
        ):
            continue  # "Russia delivered Iranian drones to ..." says more
        if not weapon.origin and not _owned_by_state(view, weapon, holder):
            continue  # "the Indian Army's T-90s" may be built at home under licence
        if not weapon.origin and any(f.vague_supplier for f in frames):
            continue  # "Ukraine's F-16s, provided by a coalition": the maker is no giver
        if not weapon.origin and any(
            weapon in f.weapons and f.recipient not in (None, holder) for f in frames
        ):
            continue  # "the F-16s belonging to Norway were handed to Ukraine": Norway gives
        # The maker is only a guess at the giver: left for the article to name another
        # (filling.drop_maker_guesses), "Ukraine's F-16s" after "Denmark sent F-16s".
        giver = supplier if weapon.origin else None
        kind = Frame.GIVE if weapon.origin else Frame.RECEIVE
        found.append(
            FrameHit(kind, weapon.first, _held_status(view, weapon), False, giver, holder,
                     [replace(weapon, quantity=None)])
        )  # fmt: skip
    return found


# Words a holder's goods need: "Qatar's Rafales", "the Rafales of the Qatari air force".
_OWNING_WORDS: Final = frozenset(["'s", "'", "of", "belonging", "belongs", "belonged", "owned"])


def _owned_by_state(view: SentenceView, weapon: WeaponMention, holder: ActorRef) -> bool:
    """ "Turkey's S-400 batteries": the state itself, possessive right before the system;
    "the Mohajer-6 belongs to the Sudanese army": a verb of belonging after it."""
    after = weapon.last + 1
    while view.low(after) in _HOLDER_NOUNS_AFTER:
        after += 1
    if view.low(after) in ("belonging", "belongs", "belonged"):
        return True
    return any(
        a.possessive
        and a.actor == holder
        and a.last + 1 < weapon.first <= a.last + 4
        and all(
            view.low(i) in _HELD_MODIFIERS or view.low(i).isdigit()
            for i in range(a.last + 2, weapon.first)
        )
        for a in view.actors
    )


# What may stand between a state's "'s" and its system: "Argentina's first 12 F-16s".
_HELD_MODIFIERS: Final = frozenset(
    "first remaining ageing aging older existing entire modern advanced latest".split()
)


def _of_one_origin(goods: list[WeaponMention], origin: str | None) -> list[WeaponMention]:
    """The goods of one stated origin, counts dropped: a holder's goods carry no number of
    the transfer."""
    return [replace(w, quantity=None) for w in goods if w.origin == origin]


def _held_goods_giver(view: SentenceView, weapon: WeaponMention) -> ActorRef | None:
    """Who made held goods: their origin word ("Qatar's French-built jets"), else the maker
    of the catalogued system ("Turkey's S-400 batteries")."""
    if weapon.origin:
        return view.origin_actors.get(weapon.origin)
    if (
        weapon.system
        and weapon.made_in
        and not weapon.generic
        and view.words.isdisjoint(_NOT_YET_HELD)
        and not _likeness(view, weapon)
    ):
        return view.maker_actors.get(weapon.made_in)
    return None


# "China's F-35 lookalike", "an F-16-class jet": a system named as a type, not held.
_LIKENESS: Final = frozenset(
    "lookalike look-alike clone clones copy copies knockoff rival rivals equivalent "
    "counterpart counterparts version versions answer analogue analog competitor".split()
)


def _likeness(view: SentenceView, weapon: WeaponMention) -> bool:
    after = view.low(weapon.last + 1)
    return after == "-" or after in _LIKENESS


# Goods a state is only waiting for: "Poland's future K2 tanks will be built locally".
_NOT_YET_HELD: Final = MODALS | frozenset(
    "future new planned upcoming ordered awaited awaiting delayed delay delays due expected".split()
)


def _held_status(view: SentenceView, weapon: WeaponMention) -> Status:
    """ "Indonesia's Su-35 order": the noun after the goods may say they are only bought
    or asked for."""
    after = weapon.last + 1
    while view.low(after) in _HOLDER_NOUNS_AFTER:
        after += 1  # "the Su-35 fighter order"
    word = view.low(after)
    if word in RECEIVE_NOUNS:
        return RECEIVE_NOUNS[word]
    if word in DEAL_WORDS:
        return DEAL_WORDS[word]
    return Status.DELIVERED


# "Turkmenistan showcased Turkish-made drones at a parade": what a state shows off of a
# stated foreign origin it holds.
_SHOWING: Final = frozenset(
    "showcased showcases showcasing displayed displays displaying paraded parades parading "
    "exhibited unveiled showed shown".split()
)


_SHOW_REACH: Final = 7  # "showed off two new Chinese-made FK-3"


_TAKEN_IN_WAR: Final = frozenset(
    "captured seized looted abandoned trophy trophies left seizure capture".split()
)


_SHOW_STOPS: Final = CLAUSE_BREAKS | PREPOSITIONS | frozenset([",", "and", "or", "."])


def showcase_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if not view.origin_actors or view.words.isdisjoint(_SHOWING):
        return found
    if not view.words.isdisjoint(_TAKEN_IN_WAR):
        return found  # "paraded US-made Humvees captured after the withdrawal"
    for index, word in enumerate(view.lows):
        if word not in _SHOWING:
            continue
        goods = [
            w for w in view.weapons
            if index < w.first <= index + _SHOW_REACH and w.origin
            and not any(view.low(i) in _SHOW_STOPS for i in range(index + 1, w.first))
        ]  # fmt: skip
        subject = next(
            (a for a in reversed(view.actors)
             if a.last < index and a.prep is None and not a.speaker
             and (not a.possessive or view.low(a.last + 2) in FORCE_WORDS)),
            None,
        )  # fmt: skip
        if not goods or subject is None:
            continue
        between = {view.low(i) for i in range(subject.last + 1, index)} - {subject.role}
        if not between <= BE | ADVERBS | MODALS | FORCE_WORDS | {"'s", "'"}:
            continue  # "the Venezuelan military paraded", "Taiwan's army displayed"
        supplier = view.origin_actors.get(goods[0].origin or "")
        if supplier is None or supplier.id == subject.actor.id:
            continue
        if any(f.supplier == supplier and f.recipient == subject.actor for f in frames + found):
            continue
        weapons = _of_one_origin(goods, goods[0].origin)
        found.append(
            FrameHit(Frame.GIVE, index, Status.DELIVERED, False, supplier, subject.actor, weapons)
        )
    return found


# "Hezbollah has Iranian-made rockets", "Russian troops armed with North Korean rifles":
# verbs of having and equipping whose object is goods of a stated foreign origin.
_HAVING: Final = frozenset(
    "has have had possess possesses possessed own owns owned boasts boast retains "
    "armed equipped amassed stockpiled stockpiles carry carries carried".split()
)


# Carrying is holding only for people: "al-Shabaab fighters carry Russian-made rifles"
# (a ship or a plane carrying goods is a carrier, see _carried).
_CARRY: Final = frozenset("carry carries carried".split())


_PEOPLE: Final = frozenset("fighters troops soldiers militants militiamen forces".split())


# "amassed an arsenal of Iranian rockets": "of" after a store of goods leads to them.
_STORES: Final = frozenset("arsenal arsenals stockpile stockpiles stock stocks array".split())


_HAVING_REACH: Final = 6  # "has some 150 Iranian-made rockets"


_HAVING_GAP: Final = (
    BE
    | ADVERBS
    | MODALS
    | FORCE_WORDS
    | frozenset("'s ' the its their troops fighters soldiers units".split())
)


def having_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if not view.origin_actors or view.words.isdisjoint(_HAVING):
        return found
    if not view.words.isdisjoint(_TAKEN_IN_WAR):
        return found  # "the Taliban have US-made Humvees captured from the army"
    for index, word in enumerate(view.lows):
        if word not in _HAVING:
            continue
        lead = index + 1
        if view.low(lead + 1) == "-" and view.low(lead + 2).endswith("ed"):
            continue  # "has reverse-engineered American drones"
        if word in ("armed", "equipped"):
            if view.low(lead) != "with":
                continue  # "armed drones", "equipped them"
            lead += 1
        elif _participle(view.low(lead)):
            continue  # "has destroyed Russian-made tanks": "has" is an auxiliary
        goods = [
            w for w in view.weapons
            if w.origin and lead <= w.first <= lead + _HAVING_REACH
            and not any(_having_stop(view, i) for i in range(lead, w.first))
        ]  # fmt: skip
        holder = _having_subject(view, index)
        if word in _CARRY and _PEOPLE.isdisjoint(view.lows[max(0, index - 3) : index]):
            continue  # "a dhow carried Iranian missiles"
        if not goods or holder is None:
            continue
        supplier = view.origin_actors.get(goods[0].origin or "")
        if supplier is None or supplier.id == holder.id:
            continue
        if any(f.supplier is not None and goods[0] in f.weapons for f in frames + found):
            continue  # "has supplied Iranian drones": a frame says more
        weapons = _of_one_origin(goods, goods[0].origin)
        found.append(
            FrameHit(Frame.GIVE, index, Status.DELIVERED, False, supplier, holder, weapons)
        )
    return found


_IRREGULAR_PARTICIPLES: Final = frozenset(
    "shot hit struck sent bought got won lost found been begun seen shown taken given "
    "made sold brought caught built spent put set".split()
)


def _participle(word: str) -> bool:
    """A past participle after "has": "has captured", "has shot down", "has seen"."""
    if word == "had":
        return False  # "has had US-made Patriots since 2023"
    return (
        word.endswith(("ed", "en"))
        or word in _IRREGULAR_PARTICIPLES
        or word in USE_VERBS
        or word in TRIGGER_WORDS
    )


# "Iranian-made drones helped the Sudanese army retake the city": goods of a stated
# origin that help a party were in its hands.
_HELPING: Final = frozenset("help helps helped allowed allow allows enabled enable enables".split())


_HELP_GAP: Final = BE | ADVERBS | frozenset(["also", "greatly", "significantly", "decisively"])


def helped_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if not view.origin_actors or view.words.isdisjoint(_HELPING):
        return found
    for index, word in enumerate(view.lows):
        if word not in _HELPING:
            continue
        goods = next((w for w in reversed(view.weapons) if w.last < index), None)
        if goods is None or not goods.origin or not _marked_made(view, goods):
            continue  # "Russian warplanes helped Syrian troops": Russia's own jets
        if not {view.low(i) for i in range(goods.last + 1, index)} <= _HELP_GAP:
            continue  # "drones that Iran sent helped ...": the goods are no subject
        lead = index + 1
        while view.low(lead) in DETERMINERS:
            lead += 1
        helped = next((a for a in view.actors if a.first == lead and not a.speaker), None)
        supplier = view.origin_actors.get(goods.origin)
        if helped is None or supplier is None or supplier.id == helped.actor.id:
            continue
        if any(f.supplier is not None and goods in f.weapons for f in frames + found):
            continue
        found.append(
            FrameHit(Frame.GIVE, index, Status.DELIVERED, False, supplier, helped.actor,
                     [replace(goods, quantity=None)])
        )  # fmt: skip
    return found


_RELATIVES: Final = frozenset(["which", "that"])


_AUXILIARIES: Final = frozenset("has have had is are was were".split())


def relative_use_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """ "Iranian drones, which Russia has used since 2022": the relative clause's subject
    uses the goods it follows."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_RELATIVES) or view.words.isdisjoint(USE_VERBS):
        return found
    for weapon in view.weapons:
        lead = weapon.last + 1
        while view.low(lead) in _HOLDER_NOUNS_AFTER:
            lead += 1  # "the S-400 systems, which"
        lead += view.low(lead) == ","
        if view.low(lead) not in _RELATIVES:
            continue
        lead += view.low(lead + 1) == "the"  # "drones that the Sudanese Armed Forces used"
        user = next(
            (a for a in view.actors if a.first == lead + 1 and a.prep is None and not a.speaker),
            None,
        )
        if user is None:
            continue
        verb = user.last + 1
        while view.low(verb) in _AUXILIARIES or view.low(verb) in ADVERBS:
            verb += 1
        supplier = _held_goods_giver(view, weapon)
        if view.low(verb) not in USE_VERBS or view.low(verb) in _STRIKES:
            continue  # "drones, which Ukraine shot down": no use of one's own
        if supplier is None or supplier.id == user.actor.id or _copy_of(view, weapon):
            continue
        if any(f.supplier is not None and weapon in f.weapons for f in frames + found):
            continue
        found.append(
            FrameHit(Frame.GIVE, verb, Status.DELIVERED, False, supplier, user.actor,
                     [replace(weapon, quantity=None)])
        )  # fmt: skip
    return found


# "Russian-built versions of the Shahed-136": a copy made elsewhere, not the design's goods.
_COPY_NOUNS: Final = frozenset(
    "version versions copy copies variant variants clone clones derivative derivatives".split()
)


def _copy_of(view: SentenceView, weapon: WeaponMention) -> bool:
    at = weapon.first - 1
    at -= view.low(at) in ("the", "a", "an")
    return view.low(at) == "of" and view.low(at - 1) in _COPY_NOUNS


# Verbs of use that also say what was hit: "drones that Ukraine shot down".
_STRIKES: Final = frozenset(
    "attack attacked attacking strike struck striking hit hitting shoot shot shooting".split()
)


def _marked_made(view: SentenceView, weapon: WeaponMention) -> bool:
    """ "Iranian-made drones", "US-supplied jets": the origin word says who made or sent
    the goods, not whose forces use them (as a bare "Russian warplanes" may)."""
    return any(
        view.low(i) in ORIGIN_SUFFIXES and view.low(i - 1) == "-"
        for i in range(weapon.first - 4, weapon.first)
    )


def _having_stop(view: SentenceView, index: int) -> bool:
    """A word that ends the object of a verb of having before the goods."""
    word = view.low(index)
    if word == "of" and view.low(index - 1) in _STORES:
        return False
    return word in _SHOW_STOPS or word in NEGATIONS


def _having_subject(view: SentenceView, index: int) -> ActorRef | None:
    """The party that has or is armed: the nearest actor before the verb with nothing but
    auxiliaries, adverbs and its force's words between ("the Sudanese army has", "Russian
    troops armed with", "Azerbaijan's military is equipped with")."""
    subject = next((a for a in reversed(view.actors) if a.last < index and not a.speaker), None)
    if subject is None or subject.prep is not None:
        return None
    between = {view.low(i) for i in range(subject.last + 1, index)}
    if not between <= _HAVING_GAP or NEGATIONS & {view.low(index + 1), view.low(index - 1)}:
        return None
    return subject.actor


_HOLDER_BREAKS_OR_PREPOSITIONS: Final = _HOLDER_BREAKS | PREPOSITIONS  # built once


def holder_of(view: SentenceView, weapon: WeaponMention) -> ActorRef | None:
    """The possessor before the goods ("Serbia's Chinese FK-3") or the holder after them."""
    for actor in view.actors:
        last = actor.last if actor.possessive else _force_possessor_end(view, actor)
        if last >= 0 and last < weapon.first <= last + 5:
            between = {view.low(i) for i in range(last + 1, weapon.first)} - {"'s", "'"}
            if not between & _HOLDER_BREAKS_OR_PREPOSITIONS:
                return actor.actor
    after = weapon.last + 1
    while view.low(after).isalpha() and view.low(after) in _HOLDER_NOUNS_AFTER:
        after += 1  # "PC-7 trainers of the Mexican Air Force": past the class noun
    for cue in _BELONGING:
        if view.low(after) != cue[0] or tuple(view.low(after + i) for i in range(len(cue))) != cue:
            continue  # (the first word first: the tuple only where it may match)
        start = after + len(cue)
        while view.low(start) in DETERMINERS:
            start += 1
        holder = next((a for a in view.actors if a.first == start and not a.speaker), None)
        if holder is not None:
            return holder.actor
    return None


def _force_possessor_end(view: SentenceView, actor: ActorMention) -> int:
    """The last token of "Saudi Air Force" when "'s" follows it (the demonym itself is no
    possessive), else -1."""
    if actor.prep is not None or actor.speaker or view.low(actor.last + 1) not in FORCE_WORDS:
        return -1
    end = actor.last + 1
    while view.low(end + 1) in FORCE_WORDS:
        end += 1
    return end + 1 if view.low(end + 1) in ("'s", "'") else -1


_HOLDER_NOUNS_AFTER: Final = frozenset(
    "jet jets fighter fighters helicopter helicopters trainer trainers aircraft drone drones "
    "tank tanks vehicle vehicles system systems battery batteries launcher launchers".split()
)


def _holding_cues(view: SentenceView) -> list[int]:
    lows = view.lows
    cues: list[int] = []
    if view.words.isdisjoint(_HOLDING_CUES):
        return cues
    for index, word in enumerate(lows):
        if word not in _CUE_TOKENS:
            continue  # no branch below reads it
        before, after = view.low(index - 1), view.low(index + 1)
        if word in ("service", "use") and before == "in" and after in ("in", "with", "by"):
            cues.append(index)
        elif entered_service(lows, index):
            cues.append(index)  # "the S-400 has entered service in China and Turkey"
        elif word in HOLDING_VERBS and after == "by" and (before not in BE or word != "used"):
            cues.append(index)  # "a jet operated by"; "is used by" reads as its own frame
        elif word in _ALSO_BOUGHT and after == "by" and "also" in (before, view.low(index - 2)):
            cues.append(index)  # "also bought by": other holders of the system
        elif word in HOLDER_NOUNS and after == "in" and before in ("found", "find", "finds"):
            cues.append(index)  # "the TB2 has found buyers in Poland and Morocco"
        elif word == "including" and before == "," and _counted_users_before(lows, index):
            cues.append(index)  # "Many countries use the K9, including Norway and Finland"
        elif (word in HOLDER_NOUNS and after in _INCLUDE_WORDS) or (
            word == "being" and before in ("others", "rest")
        ):
            cues.append(index)  # "operators include", "the others being"
        elif (word in _INCLUDE_WORDS or word in ("are", "were")) and _holders_before(
            lows, index, word in _INCLUDE_WORDS
        ):
            cues.append(index)  # "operators of the Akinci include", "states that fly it include"
    return cues


_INCLUDE_WORDS: Final = frozenset(["include", "includes", "including", ":"])


_MANY: Final = frozenset("many several numerous some dozens a dozen".split())


_USERS_REACH: Final = 10  # tokens from the counted noun to "including"


def _counted_users_before(lows: list[str], index: int) -> bool:
    """ "Many countries use the K9, including": a sentence that opens with a counted
    country noun and a verb of holding before ", including"."""
    noun = next((i for i in range(min(index, 3)) if lows[i] in COUNTRY_NOUNS), None)
    if noun is None or noun == 0 or lows[noun - 1] not in _MANY or index - noun > _USERS_REACH:
        return False
    return any(
        w in OPERATE_VERBS or w in BOUGHT_VERBS or w in ("use", "used")
        for w in lows[noun + 1 : index]
    )


# Every word a cue of _holding_cues may stand at (the gate above it reads fewer).
_CUE_TOKENS: Final = _HOLDING_CUES | _INCLUDE_WORDS | {"are", "were"}


def _holders_before(lows: list[str], index: int, listing: bool) -> bool:
    """A holder noun or an operating verb a few words before "include": "users of the
    K9 include", "countries that operate the HIMARS include"."""
    start = max(0, index - 7)
    window = lows[start:index]
    owned = any(
        w in HOLDER_NOUNS and lows[start + i + 1] in ("of", "for") for i, w in enumerate(window)
    ) or (
        # "the Rafale's export customers are": the system owns the holder noun
        index > 0 and lows[index - 1] in HOLDER_NOUNS and ("'s" in window or "’s" in window)
    )
    if not listing:
        return owned  # "buyers of the J-10 are": a copula lists only after a holder noun
    # "countries that operate the HIMARS include", "states that have bought the TB2 include"
    holding = any(w in OPERATE_VERBS or w in BOUGHT_VERBS for w in window)
    return owned or (holding and "that" in window)


def operator_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """ "Pakistan and Azerbaijan already fly the JF-17": states that operate a named
    system got it from its maker."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(OPERATE_VERBS):
        return found
    for index, word in enumerate(view.lows):
        if word not in OPERATE_VERBS or word.endswith("ing"):
            continue
        held = [
            w for w in view.weapons
            if (index < w.first <= index + 3 and w.system and w.made_in)
            # "flies two Chinese-built JF-17s": the origin word stands before the goods
            or (w.origin and index < w.first <= index + _SHOW_REACH
                and not any(view.low(i) in _SHOW_STOPS for i in range(index + 1, w.first)))
        ]  # fmt: skip
        subject = next(
            (
                a
                for a in reversed(view.actors)
                if a.last < index and a.prep is None and not a.speaker
            ),
            None,
        )
        if not held or subject is None:
            continue
        between = {view.low(i) for i in range(subject.last + 1, index)}
        if _whose_force(view, subject.last):
            between -= {",", "whose"}  # "Qatar, whose air force flies US-made F-15s"
        if not between <= ADVERBS | FORCE_WORDS:
            continue  # "Pakistan, whose pilots fly the JF-17": another subject
        if any(f.supplier is not None and held[0] in f.weapons for f in frames):
            continue  # "operates a Kilo-class submarine that India handed over"
        # "the Nigerian Air Force flies Chinese-built JF-17s": the origin word, else the maker
        supplier = _held_goods_giver(view, held[0])
        maker = held[0].origin or held[0].made_in
        weapons = [replace(w, quantity=None) for w in held if (w.origin or w.made_in) == maker]
        for holder in [subject.actor, *listed_siblings(view, subject.actor)]:
            if supplier is None or holder.id == supplier.id or holder.kind != "state":
                continue
            if any(f.recipient == holder and f.supplier is not None for f in frames):
                continue
            found.append(
                FrameHit(Frame.GIVE, index, Status.DELIVERED, False, supplier, holder, weapons)
            )
    return found


def _whose_force(view: SentenceView, last: int) -> bool:
    """ "Qatar, whose air force": a state's own force opens the relative clause."""
    return (
        view.low(last + 1) == ","
        and view.low(last + 2) == "whose"
        and view.low(last + 3) in FORCE_WORDS
    )


def holder_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """One delivered transfer per listed holder of a named system, from its maker."""
    found: list[FrameHit] = []
    for cue in _holding_cues(view):
        holders = holder_list(view, cue)
        weapons = _held_systems(view, cue) or _held_origin_goods(view, cue)
        if not holders or not weapons:
            continue
        maker = weapons[0].made_in
        supplier = (
            view.maker_actors.get(maker or "")
            or next((s.maker for s in view.earlier_systems if s.name == weapons[0].system), None)
            or view.origin_actors.get(weapons[0].origin or "")
        )
        if supplier is None:
            continue
        for holder in holders:
            if holder.id == supplier.id:
                continue
            if any(f.recipient == holder and f.supplier is not None for f in frames):
                continue  # the sentence says who supplied it already
            found.append(
                FrameHit(Frame.GIVE, cue, Status.DELIVERED, False, supplier, holder, weapons)
            )
    return found


def _held_origin_goods(view: SentenceView, cue: int) -> list[WeaponMention]:
    """ "Turkish drones flown by Ukrainian forces", "Chinese rifles in service with the
    army": goods of a stated origin right before the cue."""
    goods = next(
        (w for w in reversed(view.weapons) if w.last < cue and cue - w.last <= 3 and w.origin),
        None,
    )
    return [replace(goods, quantity=None)] if goods is not None else []


def _held_systems(view: SentenceView, cue: int) -> list[WeaponMention]:
    """The named system before the cue, or the one "the howitzer" points back at."""
    before = [w for w in view.weapons if w.last < cue]
    named = [w for w in before if w.system and w.made_in]
    if named:
        last = named[-1]
        return [replace(w, quantity=None) for w in named if w.made_in == last.made_in]
    if not before or before[-1].generic or view.low(before[-1].first - 1) not in DEFINITE:
        return []
    head = before[-1]
    earlier = [s for s in view.earlier_systems if s.category is head.category and s.maker]
    if not earlier:
        return []
    system = earlier[-1]
    return [
        replace(
            head,
            system=system.name,
            made_in=system.maker.id if system.maker else None,
            quantity=None,
        )
    ]


def listed_siblings(view: SentenceView, actor: ActorRef) -> list[ActorRef]:
    """Actors listed with ``actor`` by commas, "and" and "or" under the same preposition,
    before it as well as after it: "Iran, Russia and Belarus delivered ..." names three."""
    mentions = view.actors
    for index, mention in enumerate(mentions):
        if not same_actor(mention.actor, actor) or mention.speaker:
            continue
        first = last = index
        while first > 0 and in_one_list(view, mentions[first - 1], mentions[first]):
            first -= 1
        while last + 1 < len(mentions) and in_one_list(view, mentions[last], mentions[last + 1]):
            last += 1
        found: list[ActorRef] = []
        for other in mentions[first : last + 1]:
            if (
                not same_actor(other.actor, actor)
                and not other.speaker
                and other.actor not in found
            ):
                found.append(other.actor)
        return found[:MAX_LISTED]
    return []


LIST_GLUE: Final = frozenset(["and", "or", ",", "the"])


def in_one_list(view: SentenceView, left: ActorMention, right: ActorMention) -> bool:
    """Whether two neighbouring mentions are items of one list."""
    if left.prep != right.prep or right.first <= left.last + 1:
        return False
    return all(
        view.low(i) in LIST_GLUE for i in range(service_end(view, left) + 1, right.first)
    ) or _preposition_repeated(view, left, right)


# "to China and later to India": words of time between the items of a list whose
# preposition is repeated.
_LIST_TIME_WORDS: Final = frozenset("later then also subsequently eventually since".split())


def _preposition_repeated(view: SentenceView, left: ActorMention, right: ActorMention) -> bool:
    """ "sold it to China and (later) to India": "and", words of time, then the same
    preposition again right before the second item."""
    at = right.first - 2 if view.low(right.first - 1) == "the" else right.first - 1
    if left.prep is None or view.low(at) != left.prep:
        return False
    gap = [view.low(i) for i in range(left.last + 1, at)]
    return (
        bool(gap)
        and gap[0] in ("and", "or", ",")
        and all(w in LIST_GLUE or w in _LIST_TIME_WORDS for w in gap)
    )


_JOINED: Final = frozenset("fleet fleets inventory arsenal service force forces navy army".split())


_JOIN_REACH: Final = 16  # "integrated Russian Mi-38T helicopters and Chinese Y-8 aircraft into its"


def joins_a_fleet(view: SentenceView, index: int) -> bool:
    """ "added (goods) to its fleet", "integrated (goods) into its air force": goods
    between the verb and the holder's own force."""
    for i in range(index + 2, index + _JOIN_REACH):
        if view.low(i) in ("to", "into") and view.low(i + 1) in ("its", "their"):
            return any(view.low(j) in _JOINED for j in range(i + 2, i + 5)) and any(
                index < w.first < i for w in view.weapons
            )
    return False


PACKAGE_NOUNS: Final = (
    ANAPHORIC_NOUNS
    | frozenset(GIVE_NOUNS)
    | frozenset("aid assistance tranche batch support equipment hardware".split())
    # "The cargo included drones and rifles": what a shipment carried
    | frozenset(["cargo"])
)


# "Also in the package are missiles and bombs": the contents stand after an inverted link.
_IN_PACKAGE_LINKS: Final = frozenset("are is were was".split())


_IN_PACKAGE_REACH: Final = 4  # the phrase opens the sentence, after "Also" or "And"


def in_the_package(view: SentenceView) -> bool:
    """Whether the sentence opens with "(Also) in the package are": it lists goods."""
    # (no test of the sentence's words first: four tokens cost less to read than a set)
    for at in range(min(_IN_PACKAGE_REACH, len(view.lows))):
        if (
            view.low(at) == "in"
            and view.low(at + 1) in ("the", "this", "that")
            and view.low(at + 2) in PACKAGE_NOUNS
            and view.low(at + 3) in _IN_PACKAGE_LINKS
        ):
            return True
    return False


# "Peru became the first export customer of the Gripen", "making Chile the third buyer
# of the drone": the new buyer named by an ordinal (one of ``HOLDER_SINGULARS``) takes
# the goods from their maker.


_NEW_BUYER_ORDINALS: Final = BUYER_ORDINALS | {"first", "new"}


_NEW_BUYER_LINKS: Final = frozenset("became becomes become is was".split())


_NEW_BUYER_MAKING: Final = frozenset("making makes made make".split())


_NEW_BUYER_MODALS: Final = frozenset("could may might would to".split())


_NEW_BUYER_REACH: Final = 8  # tokens from the subject to its link word


def new_buyer_frames(view: SentenceView, text: str, frames: list[FrameHit]) -> list[FrameHit]:
    """One transfer from the maker of the goods to the state named the new (ordinal)
    customer or buyer of them; an operator or user already holds them."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(HOLDER_WORDS) or (
        view.words.isdisjoint(_NEW_BUYER_ORDINALS) and view.words.isdisjoint(_MEMBER_CUES)
    ):
        return found
    for noun, word in enumerate(view.lows):
        if word not in HOLDER_WORDS or view.low(noun + 1) not in ("of", "for"):
            continue
        the = _new_buyer_article(view, noun) if word in HOLDER_SINGULARS else None
        if the is None:
            the = _member_article(view, noun)
        if the is None:
            continue
        buyer = _new_buyer_subject(view, the)
        goods = _goods_after(view, text, noun + 1)
        if buyer is None or goods is None:
            continue
        supplier, weapon = goods
        recipient = buyer.actor
        if recipient.id == supplier.id or any(
            f.recipient is not None and f.recipient.id == recipient.id and f.weapons for f in frames
        ):
            continue
        status = Status.DELIVERED if word.rstrip("s") in ("operator", "user") else Status.AGREED
        if word.endswith("s") and any(view.low(i) in _BULK_SUPERLATIVES for i in range(the, noun)):
            status = Status.DELIVERED  # "among the largest buyers of": bought in bulk already
        if any(view.low(i) in _NEW_BUYER_MODALS for i in range(the - 3, the)):
            status = Status.DISCUSSED  # "could become the first buyer"
        found.append(FrameHit(Frame.GIVE, noun, status, False, supplier, recipient, [weapon]))
    return found


def _new_buyer_article(view: SentenceView, noun: int) -> int | None:
    """The "the" that opens an ordinal buyer noun ("the third foreign buyer"), or None."""
    at, ordinal = noun - 1, False
    while at >= noun - 4 and view.low(at) != "the":
        word = view.low(at)
        if word in _NEW_BUYER_ORDINALS:
            ordinal = True
        elif word not in HOLDER_MODIFIERS:
            return None
        at -= 1
    return at if ordinal and view.low(at) == "the" else None


# "Algeria is an operator of the Su-57", "Iraq is one of the users of the T-50", "Egypt
# is among the buyers of the Rafale", "Qatar is the largest foreign user of the Rafale":
# a state a copula names a holder (the plurals only after "one of the", "among the").
_SUPERLATIVES: Final = frozenset("largest biggest main only major key".split())
_BULK_SUPERLATIVES: Final = frozenset("largest biggest".split())
_MEMBER_CUES: Final = _SUPERLATIVES | frozenset(["a", "an", "one", "among"])


def _member_article(view: SentenceView, noun: int) -> int | None:
    """The token right after the link word of a holder noun that needs no ordinal
    ("is an operator of", "is one of the users of"), or None."""
    at = noun - 1
    while at >= noun - 4 and view.low(at) != "the" and view.low(at) in _MEMBER_MODIFIERS:
        at -= 1
    word, plural = view.low(at), view.low(noun) in HOLDER_NOUNS
    if word in ("a", "an") and not plural:
        return at
    if word != "the":
        return None
    if plural and view.low(at - 1) == "of" and view.low(at - 2) == "one":
        return at - 2
    if plural and view.low(at - 1) == "among":
        return at - 1
    superlative = any(view.low(i) in _SUPERLATIVES for i in range(at + 1, noun))
    return at if superlative and not plural else None


_MEMBER_MODIFIERS: Final = HOLDER_MODIFIERS | _SUPERLATIVES | frozenset(["few"])


def _new_buyer_subject(view: SentenceView, the: int) -> ActorMention | None:
    """The state that becomes the buyer: "Peru became the", "making Peru the"."""
    for actor in view.actors:
        if actor.speaker or actor.possessive:
            continue
        if actor.last == the - 1 and view.low(actor.first - 1) in _NEW_BUYER_MAKING:
            return actor
    if view.low(the - 1) not in _NEW_BUYER_LINKS:
        return None
    before = [
        a
        for a in view.actors
        if a.prep is None
        and not a.speaker
        and not a.possessive
        and the - 1 - _NEW_BUYER_REACH <= a.last < the - 1
    ]
    return before[-1] if before else None


def _goods_after(view: SentenceView, text: str, at: int) -> tuple[ActorRef, WeaponMention] | None:
    """The named goods right after ``at`` ("of Saab's Gripen fighter") with their maker
    or stated origin; the topic system for "of this system", "of the type"."""
    for weapon in view.weapons:
        if at < weapon.first <= at + 4:
            supplier = maker_or_origin(view, weapon)
            return (supplier, replace(weapon, quantity=None)) if supplier is not None else None
    if view.low(at + 1) in ("this", "the", "that") and view.low(at + 2) in TOPIC_NOUNS:
        return joined_goods(view, text, at + 1)
    return None


# "The S-400 is in demand. Pakistan wants to buy it": a buyer's verb whose object is a
# pronoun takes the system the article named last, from its maker.
_BUYER_PRONOUN_VERBS: Final = frozenset("buy purchase acquire procure order".split())


def pronoun_goods(view: SentenceView, text: str, frames: list[FrameHit]) -> None:
    """Give a receiving frame that has no goods, but a buying verb with "it" or "them"
    as object, the topic system and its maker, in a sentence that names no weapon."""
    if view.weapons or not view.earlier_systems or view.words.isdisjoint(_BUYER_PRONOUN_VERBS):
        return
    for frame in frames:
        at = frame.trigger
        if frame.weapons or frame.recipient is None or frame.negated:
            continue
        if view.low(at) not in _BUYER_PRONOUN_VERBS or view.low(at + 1) not in ("it", "them"):
            continue
        goods = joined_goods(view, text, at + 1)
        if goods is None or goods[0].id == frame.recipient.id:
            continue
        frame.weapons = [goods[1]]
        frame.supplier = frame.supplier or goods[0]


# "Poland will buy K2 tanks to replace the equipment donated to Ukraine": the goods
# bought stand before "replace"; what was given away is the object after it.
_REPLACING: Final = frozenset("replace replaces replacing replaced replenish backfill".split())


_REPLACED_REACH: Final = 5  # tokens from "replace" to the giving word of its object


def not_replacements(
    view: SentenceView, trigger: Trigger, weapons: list[WeaponMention]
) -> list[WeaponMention]:
    """The goods of a giving word inside the object of "replace", without the goods
    bought to replace them (named before "replace")."""
    if view.words.isdisjoint(_REPLACING):
        return weapons
    at = trigger.index
    cue = next(
        (
            i
            for i in range(at - 1, max(-1, at - _REPLACED_REACH - 1), -1)
            if view.low(i) in _REPLACING
        ),
        None,
    )
    if cue is None:
        return weapons
    return [w for w in weapons if w.first > cue]


# The words each reader here first looks for (see ``supply_frames.RELIANCE_CUES``).
FLEET_CUES: Final = _FLEET_NOUNS | _FORCE_HEADS
OWNER_CUES: Final = frozenset(["its", "their"])
POSSESSED_CUES: Final = _OWNING_WORDS  # and none of TAKEN_IN_WAR
TAKEN_IN_WAR: Final = _TAKEN_IN_WAR
SHOWING_CUES: Final = _SHOWING  # and none of TAKEN_IN_WAR
HAVING_CUES: Final = _HAVING  # and none of TAKEN_IN_WAR
REPLACING_CUES: Final = _REPLACING  # of not_replacements
HELPING_CUES: Final = _HELPING
RELATIVE_CUES: Final = _RELATIVES  # with a verb of use
HOLDING_CUES: Final = _HOLDING_CUES
NEW_BUYER_CUES: Final = _NEW_BUYER_ORDINALS | _MEMBER_CUES  # with a holder word
