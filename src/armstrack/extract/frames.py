"""Transfer frames: who gives what to whom in one sentence.

A frame starts at a trigger word (supply, receive, fire, deal, ...). Its roles
come from the actors in the trigger's clause and the words around them: the
subject before an active verb, "to X" and an indirect object after a giving
verb, "from X" and "with X" for a buyer, "by X" after a passive. Weapons come
from the same clause. A frame that finds no party at all points back at a
transfer already mentioned ("the transfer includes around 400 missiles").

This module finds the triggers and the frames of a sentence, and reads lists, gapping,
holders and packages; ``roles`` fills a trigger's roles, ``status`` reads how far the
transfer has gone, and ``clauses`` holds the frame records and the clause breaks all
three read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from armstrack.extract.clauses import (
    ADVERBS,
    BE,
    COMPLEMENTIZERS,
    TRIGGER_WORDS,
    FrameHit,
    Trigger,
    clause_of,
    delivery_after,
)
from armstrack.extract.lexicon import (
    AID_QUALIFIERS,
    ANAPHORIC_NOUNS,
    ARRIVAL_VERBS,
    ASK_VERBS,
    AWARD_VERBS,
    BUILD_VERBS,
    CLAUSE_BREAKS,
    DEAL_WORDS,
    DETERMINERS,
    END_VERBS,
    FLY_VERBS,
    GIVE_NOUNS,
    GIVE_VERBS,
    JOINING_VERBS,
    MODAL_TRIGGERS,
    NEGATIONS,
    NON_GOODS,
    ORIGIN_SUFFIXES,
    PENDING_CUES,
    PERSON_NOUNS,
    PREPOSITIONS,
    RECEIVE_NOUNS,
    RECEIVE_VERBS,
    USE_VERBS,
    WAY_VERBS,
    Frame,
)
from armstrack.extract.mentions import (
    ActorMention,
    EarlierSystem,
    SentenceView,
    WeaponMention,
    gapped,
    same_actor,
)
from armstrack.extract.quantities import count_word
from armstrack.extract.roles import (
    INSTEAD,
    WINNING,
    YARD_REACH,
    YARD_VERBS,
    RoleContext,
    agent_of,
    by_listed_origin,
    by_origin,
    by_source,
    carrier,
    first_of,
    give_roles,
    holder_of_goods,
    people_arrive,
    provides_no_goods,
    receive_roles,
    segment_of,
    stated_origin,
    use_roles,
    weapons_for,
)
from armstrack.extract.status import (
    MODALS,
    blocked,
    bought_back_then,
    in_service,
    is_passive,
    read_status,
)
from armstrack.records import ActorRef, Category, Quantity, Span, Status

_NOUN_LEFT: Final = DETERMINERS | frozenset(
    ["'s", "'", "first", "new", "further", "additional", "more"]
)
# Parties taken from one coordinated list ("A, B, C and D delivered ..."): real lists of
# donors or buyers stay well under this (the longest seen in news: about 30 states).
MAX_LISTED: Final = 50
_NOUN_PREPOSITIONS: Final = frozenset("on of in for at against".split())
_DEFINITE: Final = frozenset(["the", "these", "those", "this", "that", "its", "their", "such"])
# Nouns after a trigger noun that make it a modifier: "delivery dates", "supply lines".
_COMPOUND_HEADS: Final = frozenset(
    "dates date schedule schedules timeline timelines deadline deadlines times costs cost "
    "price prices terms ceremony ceremonies route routes network networks chain chains "
    "lines line depot depots hub hubs officials system systems problems delays agency "
    "agencies controls control licence license licences licenses market markets version "
    "versions variant variants customer customers rules regime regimes ban bans credit".split()
)


def find_frames(view: SentenceView, text: str, last_subject: ActorRef | None) -> list[FrameHit]:
    """Every transfer frame of a sentence, complete or not."""
    _loyal_subjects(view)
    triggers = _triggers(view)
    core = [t for t in triggers if t.kind is not Frame.DEAL]
    # "approved the sale of", "offered to supply": the modal verb only sets the status
    # of the transfer word that follows it in the same clause.
    core = [
        t for t in core
        if view.low(t.index) not in MODAL_TRIGGERS
        or not any(o.index > t.index and clause_of(view, o.index) == clause_of(view, t.index) for o in core)
    ]  # fmt: skip
    frames = []
    for trigger in core:
        frame = _core_frame(view, text, trigger, core, last_subject)
        if frame is not None:
            frames.append(frame)
    covered = {clause_of(view, f.trigger) for f in frames}
    for trigger in triggers:
        if trigger.kind is Frame.DEAL and clause_of(view, trigger.index) not in covered:
            frame = _deal_frame(view, trigger)
            if frame is not None:
                frames.append(frame)
    deals = [t for t in triggers if t.kind is Frame.DEAL]
    _complement(frames, _deal_parties(view, deals))
    _fill_gaps(view, frames)
    _inherit_means(view, frames)
    _pronoun_goods(view, text, frames)
    frames = [_oriented(f) for frame in frames for f in _coordinated(view, frame)]
    frames = [f for frame in frames for f in by_origin(view, frame)]
    frames = [f for frame in frames for f in by_listed_origin(view, frame)]
    frames = [f for frame in frames for f in by_source(view, frame)]
    _pending_delivery(view, frames)
    if _vague_giver(view):
        for frame in frames:
            frame.vague_supplier = True
    found = frames + _joiners(view, frames) + _gapped_givers(view, frames)
    found += _counted_sources(view, frames)
    found += _holder_frames(view, frames)
    found += _operator_frames(view, frames)
    found += _role_frames(view, frames)
    found += _reliance_frames(view, found)
    found += _turned_to_frames(view, found)
    found += _sourced_frames(view, found)
    found += _way_frames(view, frames)
    found += _possessed_frames(view, found)
    found += _showcase_frames(view, found)
    found += topic_holder_frames(view, text, found)
    found += joined_frames(view, text, found)
    found += _new_buyer_frames(view, text, found)
    found += _having_frames(view, found)
    found += _helped_frames(view, found)
    found += _relative_use_frames(view, found)
    return found + _fleet_frames(view) + _owned_frames(view, found) + _bound_frames(view, frames)


_LOYAL: Final = frozenset("loyal allied aligned".split())
_FORCE_NOUNS: Final = frozenset("forces fighters troops militias militiamen units".split())


def _loyal_subjects(view: SentenceView) -> None:
    """ "Forces loyal to Khalifa Haftar received ...": the group the forces belong to is the
    subject, not the object of "to"."""
    if view.words.isdisjoint(_LOYAL):
        return
    view.actors = [
        replace(a, prep=None)
        if a.prep == "to"
        and view.low(a.first - 2) in _LOYAL
        and view.low(a.first - 3) in _FORCE_NOUNS
        else a
        for a in view.actors
    ]


def _way_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """ "Serbian ammunition made its way to Ukraine", "Bulgarian shells ended up with
    Ukrainian units": goods of a stated origin reached a receiver by some route; the
    origin supplied them. One stray drone ("a Russian drone ended up in Romania") is an
    incident, not a supply."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(WAY_VERBS | END_VERBS):
        return found
    for index, word in enumerate(view.lows):
        lead = _way_lead(view, index, word)
        if lead is None:
            continue
        receiver = next(
            (a for a in view.actors if a.first in (lead, lead + 1) and not a.speaker), None
        )
        start = max(clause_of(view, index)[0], index - _BOUND_REACH)
        goods = [w for w in view.weapons if start <= w.first and w.last < index and w.origin]
        if receiver is None or not goods:
            continue
        if {view.low(i) for i in range(goods[0].first - 3, goods[0].first)} & _SINGLE:
            continue
        supplier = view.origin_actors.get(goods[-1].origin or "")
        if supplier is None or supplier == receiver.actor:
            continue
        if any(f.recipient == receiver.actor and f.supplier is not None for f in frames):
            continue
        before = [view.low(i) for i in range(max(start, index - 3), index)]
        negated = any(w in NEGATIONS for w in before)
        status = Status.DISCUSSED if any(w in MODALS for w in before) else Status.DELIVERED
        weapons = [w for w in goods if w.origin == goods[-1].origin]
        found.append(
            FrameHit(Frame.GIVE, index, status, negated, supplier, receiver.actor, weapons)
        )
    return found


_SINGLE: Final = frozenset(["a", "an", "one"])


def _way_lead(view: SentenceView, index: int, word: str) -> int | None:
    """The token after "made its way to", "found their way to", "ended up in/with"."""
    if word in WAY_VERBS and view.low(index + 1) in ("its", "their"):
        lead = index + 3
        while view.low(lead) in ADVERBS or view.low(lead).endswith("ly"):
            lead += 1  # "made its way indirectly to"
        if view.low(index + 2) == "way" and view.low(lead) == "to":
            return lead + 1
    if word in END_VERBS and view.low(index + 1) == "up" and view.low(index + 2) in ("in", "with"):
        return index + 3
    return None


_GOODS_GLUE: Final = frozenset([",", "and", "or", "as", "well", "some", "more", "than"])


def _listed_with(view: SentenceView, goods: list[WeaponMention], index: int) -> list[WeaponMention]:
    """ "150 anti-tank missiles and Iranian drones bound for ...": goods of no stated origin
    listed with goods of one origin (nothing but list words, numbers and names between)
    travel with them."""
    if not goods:
        return goods
    listed = list(goods)
    for weapon in sorted(view.weapons, key=lambda w: -w.first):
        if weapon in listed or weapon.origin or weapon.last >= index:
            continue
        nearest = min((g.first for g in listed if g.first > weapon.last), default=None)
        if nearest is None or not all(
            i in view.taken or view.low(i) in _GOODS_GLUE or view.low(i).isdigit()
            for i in range(weapon.last + 1, nearest)
        ):
            continue
        listed.append(weapon)
    return sorted(listed, key=lambda w: w.first)


# "a cargo of Iranian rifles bound for the Houthis": goods on their way to a receiver.
_BOUND_CUES: Final = {
    "bound": ("for", "to"),
    "destined": ("for",),
    "intended": ("for",),
    "heading": ("to", "for"),
    "headed": ("to", "for"),
    "en": ("route",),
}
_BOUND_REACH: Final = 12  # tokens between the goods and the cue


_CARRYING: Final = frozenset("carrying carried transporting loaded laden".split())


def _carried(view: SentenceView, goods: WeaponMention) -> bool:
    """ "a ship carrying North Korean shells bound for Russia": goods in transit to a state
    on a carrier are sent to it."""
    return any(view.low(i) in _CARRYING for i in range(goods.first - 4, goods.first))


def _bound_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """One delivered transfer from the stated origin of goods "bound for" a receiver
    (seized or intercepted shipments count as delivered: they were sent)."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_BOUND_CUES):
        return found
    for index, word in enumerate(view.lows):
        if view.low(index + 1) not in _BOUND_CUES.get(word, ()):
            continue
        lead = index + 3 if word == "en" else index + 2
        receiver = next(
            (a for a in view.actors if a.first in (lead, lead + 1) and not a.speaker), None
        )
        goods = [
            w
            for w in view.weapons
            if index - _BOUND_REACH <= w.first and w.last < index and w.origin
        ]
        if receiver is None or not goods:
            continue
        if receiver.actor.kind == "state" and not _carried(view, goods[0]):
            continue  # "bound for Yemen" names a destination, often not the receiver
        origin = goods[-1].origin
        supplier = view.origin_actors.get(origin or "")
        if supplier is None or supplier == receiver.actor:
            continue
        if any(f.recipient == receiver.actor and f.supplier is not None for f in frames):
            continue  # "a shipment of Iranian rifles bound for ..." is a frame already
        weapons = _listed_with(view, [w for w in goods if w.origin == origin], index)
        found.append(
            FrameHit(Frame.GIVE, index, Status.DELIVERED, False, supplier, receiver.actor, weapons)
        )
    return found


# "in service in A, B and C", "operated by A and B", "operators include A", "the others
# being A and B": the listed states hold the system, so its maker delivered it to them.
_HOLDING_VERBS: Final = frozenset("operated flown used fielded employed".split())
_HOLDER_NOUNS: Final = frozenset("operators users customers buyers clients".split())
_HOLDER_GLUE: Final = frozenset([",", "and", "or", "the", "as", "well"])
# "in service with the armed forces of India": words between the cue and the first holder.
_HOLDER_LEAD: Final = frozenset(
    "in with by of the armies militaries navies forces armed air include includes "
    "including are were such as :".split()
) | frozenset("countries nations - – — two three four five six seven eight nine ten ranks".split())


_ALSO_BOUGHT: Final = frozenset("bought purchased acquired".split())
# Every word _holding_cues looks for.
_HOLDING_CUES: Final = (
    _HOLDING_VERBS
    | _HOLDER_NOUNS
    | _ALSO_BOUGHT
    | {"service", "use", "being", "include", "includes"}
)


_FLEET_NOUNS: Final = frozenset("fleet fleets inventory arsenal stockpile stockpiles".split())
_FLEET_LINKS: Final = frozenset("includes include including comprising consisting of".split())
_FLEET_VERBS: Final = _FLEET_LINKS - {"of"}
_HOLDER_STOPS: Final = frozenset([",", "and", "or", "of", "with", "to", "from"])


def _fleet_frames(view: SentenceView) -> list[FrameHit]:
    """ "an ageing fleet that includes American F-16s and Russian Su-30s": foreign-made
    systems in a state's fleet were delivered to it (the owner, if not named, is the state
    the article is about; see transfers._fill_partial)."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_FLEET_NOUNS):
        return found
    for index, word in enumerate(view.lows):
        if word not in _FLEET_NOUNS:
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
        owner = next(
            (
                a.actor
                for a in view.actors
                if a.possessive
                and index - 6 <= a.last < index
                and not {view.low(i) for i in range(a.last + 2, index)} & _HOLDER_STOPS
            ),
            None,
        ) or _force_owner(view, index)
        for origin in dict.fromkeys(w.origin for w in held):
            supplier = view.origin_actors.get(origin or "")
            if supplier is None or supplier == owner:
                continue
            weapons = [replace(w, quantity=None) for w in held if w.origin == origin]
            frame = FrameHit(Frame.RECEIVE, index, Status.DELIVERED, False, supplier, owner)
            frame.weapons = weapons
            found.append(frame)
    return found


def _force_owner(view: SentenceView, index: int) -> ActorRef | None:
    """ "the Nigerian Air Force's inventory": the state of a force with its own "'s"."""
    for actor in view.actors:
        end = _force_possessor_end(view, actor)
        if end >= 0 and index - 3 <= end < index:
            return actor.actor
    return None


def _owned_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
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
             and (not a.possessive or view.low(a.last + 2) in _FORCE_WORDS)),
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


def _possessed_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
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
        holder = _holder_of(view, weapon) if supplier is not None else None
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
        # (transfers._drop_maker_guesses), "Ukraine's F-16s" after "Denmark sent F-16s".
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


def _owner_gives(view: SentenceView, frame: FrameHit) -> ActorRef | None:
    """ "Norway's F-16s were handed to Ukraine", "the jets belonging to Denmark were
    delivered to Kyiv": the holder of goods a passive giving verb sends on gives them."""
    if frame.kind is not Frame.GIVE:
        return None
    goods = next((w for w in frame.weapons if w.last < frame.trigger), None)
    owner = _holder_of(view, goods) if goods is not None else None
    return owner if owner is not None and owner != frame.recipient else None


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


def _showcase_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if view.words.isdisjoint(_SHOWING) or not view.origin_actors:
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
             and (not a.possessive or view.low(a.last + 2) in _FORCE_WORDS)),
            None,
        )  # fmt: skip
        if not goods or subject is None:
            continue
        between = {view.low(i) for i in range(subject.last + 1, index)} - {subject.role}
        if not between <= BE | ADVERBS | MODALS | _FORCE_WORDS | {"'s", "'"}:
            continue  # "the Venezuelan military paraded", "Taiwan's army displayed"
        supplier = view.origin_actors.get(goods[0].origin or "")
        if supplier is None or supplier.id == subject.actor.id:
            continue
        if any(f.supplier == supplier and f.recipient == subject.actor for f in frames + found):
            continue
        weapons = [replace(w, quantity=None) for w in goods if w.origin == goods[0].origin]
        found.append(
            FrameHit(Frame.GIVE, index, Status.DELIVERED, False, supplier, subject.actor, weapons)
        )
    return found


# The words of a force that a demonym names: "the Royal Saudi Air Force's F-15s".
_FORCE_WORDS: Final = frozenset(
    "air force forces navy army armed military coast guard naval marine marines corps "
    "ground land self-defense self-defence defence defense".split()
)


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
    | _FORCE_WORDS
    | frozenset("'s ' the its their troops fighters soldiers units".split())
)


def _having_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if view.words.isdisjoint(_HAVING) or not view.origin_actors:
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
        weapons = [replace(w, quantity=None) for w in goods if w.origin == goods[0].origin]
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


def _helped_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if view.words.isdisjoint(_HELPING) or not view.origin_actors:
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


def _relative_use_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
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


def _holder_of(view: SentenceView, weapon: WeaponMention) -> ActorRef | None:
    """The possessor before the goods ("Serbia's Chinese FK-3") or the holder after them."""
    for actor in view.actors:
        last = actor.last if actor.possessive else _force_possessor_end(view, actor)
        if last >= 0 and last < weapon.first <= last + 5:
            between = {view.low(i) for i in range(last + 1, weapon.first)} - {"'s", "'"}
            if not between & (_HOLDER_BREAKS | PREPOSITIONS):
                return actor.actor
    after = weapon.last + 1
    while view.low(after).isalpha() and view.low(after) in _HOLDER_NOUNS_AFTER:
        after += 1  # "PC-7 trainers of the Mexican Air Force": past the class noun
    for cue in _BELONGING:
        if tuple(view.low(after + i) for i in range(len(cue))) != cue:
            continue
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
    if actor.prep is not None or actor.speaker or view.low(actor.last + 1) not in _FORCE_WORDS:
        return -1
    end = actor.last + 1
    while view.low(end + 1) in _FORCE_WORDS:
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
        before, after = view.low(index - 1), view.low(index + 1)
        if word in ("service", "use") and before == "in" and after in ("in", "with", "by"):
            cues.append(index)
        elif word in _HOLDING_VERBS and after == "by" and (before not in BE or word != "used"):
            cues.append(index)  # "a jet operated by"; "is used by" reads as its own frame
        elif word in _ALSO_BOUGHT and after == "by" and "also" in (before, view.low(index - 2)):
            cues.append(index)  # "also bought by": other holders of the system
        elif word in _HOLDER_NOUNS and after == "in" and before in ("found", "find", "finds"):
            cues.append(index)  # "the TB2 has found buyers in Poland and Morocco"
        elif (word in _HOLDER_NOUNS and after in _INCLUDE_WORDS) or (
            word == "being" and before in ("others", "rest")
        ):
            cues.append(index)  # "operators include", "the others being"
        elif (word in _INCLUDE_WORDS or word in ("are", "were")) and _holders_before(
            lows, index, word in _INCLUDE_WORDS
        ):
            cues.append(index)  # "operators of the Akinci include", "states that fly it include"
    return cues


_INCLUDE_WORDS: Final = frozenset(["include", "includes", "including", ":"])
_OPERATE_VERBS: Final = frozenset(
    "operate operates operating fly flies flying field fields".split()
)


def _holders_before(lows: list[str], index: int, listing: bool) -> bool:
    """A holder noun or an operating verb a few words before "include": "users of the
    K9 include", "countries that operate the HIMARS include"."""
    start = max(0, index - 7)
    window = lows[start:index]
    owned = any(
        w in _HOLDER_NOUNS and lows[start + i + 1] in ("of", "for") for i, w in enumerate(window)
    ) or (
        # "the Rafale's export customers are": the system owns the holder noun
        index > 0 and lows[index - 1] in _HOLDER_NOUNS and ("'s" in window or "’s" in window)
    )
    if not listing:
        return owned  # "buyers of the J-10 are": a copula lists only after a holder noun
    # "countries that operate the HIMARS include", "states that have bought the TB2 include"
    holding = any(w in _OPERATE_VERBS or w in _BOUGHT_VERBS for w in window)
    return owned or (holding and "that" in window)


_BOUGHT_VERBS: Final = frozenset("bought purchased acquired ordered".split())


def _operator_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """ "Pakistan and Azerbaijan already fly the JF-17": states that operate a named
    system got it from its maker."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_OPERATE_VERBS):
        return found
    for index, word in enumerate(view.lows):
        if word not in _OPERATE_VERBS or word.endswith("ing"):
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
        if not between <= ADVERBS | _HOLDER_FORCES:
            continue  # "Pakistan, whose pilots fly the JF-17": another subject
        if any(f.supplier is not None and held[0] in f.weapons for f in frames):
            continue  # "operates a Kilo-class submarine that India handed over"
        # "the Nigerian Air Force flies Chinese-built JF-17s": the origin word, else the maker
        supplier = _held_goods_giver(view, held[0])
        maker = held[0].origin or held[0].made_in
        weapons = [replace(w, quantity=None) for w in held if (w.origin or w.made_in) == maker]
        for holder in [subject.actor, *_siblings(view, subject.actor)]:
            if supplier is None or holder.id == supplier.id or holder.kind != "state":
                continue
            if any(f.recipient == holder and f.supplier is not None for f in frames):
                continue
            found.append(
                FrameHit(Frame.GIVE, index, Status.DELIVERED, False, supplier, holder, weapons)
            )
    return found


# "Turkey remains Azerbaijan's biggest arms supplier", "Kazakhstan was the largest
# recipient of Russian arms": a trade relation stated by role (SIPRI-style data).
_SUPPLIER_ROLES: Final = frozenset("supplier suppliers source provider exporter".split())
_RECIPIENT_ROLES: Final = frozenset("recipient recipients importer buyer customer client".split())
_COPULAS: Final = frozenset("is was remains remained became has been are were".split())
_ARMS_WORDS: Final = frozenset("arms weapons weapon military defence defense".split())


def _role_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    if view.words.isdisjoint(_SUPPLIER_ROLES) and view.words.isdisjoint(_RECIPIENT_ROLES):
        return []
    if view.words.isdisjoint(_ARMS_WORDS):
        return []
    found = []
    for index, word in enumerate(view.lows):
        if word in _SUPPLIER_ROLES:
            pair = _supplier_role(view, index)
        elif word in _RECIPIENT_ROLES:
            pair = _recipient_role(view, index)
        else:
            continue
        if pair is None or any(f.supplier == pair[0] and f.recipient == pair[1] for f in frames):
            continue
        weapons = [w for w in view.weapons if abs(w.first - index) <= 6]
        found.append(FrameHit(Frame.GIVE, index, Status.DELIVERED, False, *pair, weapons))
    return found


# "Algeria relies on Russia for most of its weapons": a state that depends on another
# for arms gets them from it (SIPRI-style reporting of standing trade).
_RELYING: Final = frozenset(
    "rely relies relied relying depend depends depended depending dependent reliant".split()
)
_RELY_REACH: Final = 8  # "relies on Russia for the bulk of its military hardware"


def _reliance_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if view.words.isdisjoint(_RELYING):
        return found
    for cue, word in enumerate(view.lows):
        if word not in _RELYING:
            continue
        index = cue  # the token before "on": "depends heavily on"
        while view.low(index + 1) in _RELY_ADVERBS or view.low(index + 1) in ADVERBS:
            index += 1
        if view.low(index + 1) not in ("on", "upon"):
            continue
        subject = next(
            (a for a in reversed(view.actors)
             if a.last < cue and a.prep is None and not a.speaker and not a.possessive),
            None,
        )  # fmt: skip
        if subject is None or not {view.low(i) for i in range(subject.last + 1, cue)} <= (
            BE | ADVERBS | MODALS | _RELY_ADVERBS
        ):
            continue  # "Algeria, whose army relies on ...": another subject
        givers = [a for a in view.actors if a.prep == "on" and index + 1 < a.first <= index + 3]
        tail = range(index + 2, index + 2 + _RELY_REACH)
        if givers:
            span = [i for i in tail if view.low(i) == "for"]
            if not span:
                continue
            goods = [w for w in view.weapons if span[0] < w.first <= span[0] + _RELY_REACH]
            if not goods and not any(
                view.low(i) in _ARMS_WORDS for i in range(span[0] + 1, span[0] + _RELY_REACH)
            ):
                continue
            pairs = [(g.actor, goods) for g in givers]
        else:
            # "Armenia has long relied on Russian weapons": the origin word gives.
            goods = [w for w in view.weapons if w.first in tail and w.origin]
            origin = view.origin_actors.get(goods[0].origin or "") if goods else None
            if origin is None:
                continue
            pairs = [(origin, goods)]
        for giver, weapons in pairs:
            _add_standing_trade(frames, found, index, giver, subject.actor, weapons)
    return found


def _add_standing_trade(
    frames: list[FrameHit],
    found: list[FrameHit],
    index: int,
    giver: ActorRef,
    holder: ActorRef,
    weapons: list[WeaponMention],
) -> None:
    """A delivered transfer of goods a holder has from a giver, unless a frame already
    says so (counts belong to the holding, not the trade)."""
    if giver.id == holder.id or any(f.supplier == giver and f.recipient == holder for f in frames):
        return
    found.append(
        FrameHit(Frame.GIVE, index, Status.DELIVERED, False, giver, holder,
                 [replace(w, quantity=None) for w in weapons])
    )  # fmt: skip


# "Serbia turned to China for jets", "Russia has been paying Tehran for drones": the state
# turned to or paid supplies the goods after "for" (to the one paying: delivered).
_TURNING: Final = frozenset("turn turns turned turning look looks looked looking".split())
_PAYING: Final = frozenset("pay pays paid paying".split())
_FOR_REACH: Final = 6  # "for a batch of about 40 fighter jets"


def _turned_to_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if view.words.isdisjoint(_TURNING) and view.words.isdisjoint(_PAYING):
        return found
    for cue, word in enumerate(view.lows):
        paying = word in _PAYING
        if not paying and not (word in _TURNING and view.low(cue + 1) == "to"):
            continue
        giver = next(
            (a for a in view.actors
             if a.first == (cue + 1 if paying else cue + 2) and not a.speaker and not a.possessive),
            None,
        )  # fmt: skip
        if giver is None or view.low(giver.last + 1) != "for":
            continue
        subject = next(
            (a for a in reversed(view.actors)
             if a.last < cue and a.prep is None and not a.speaker and not a.possessive),
            None,
        )  # fmt: skip
        if subject is None or not {view.low(i) for i in range(subject.last + 1, cue)} <= (
            BE | ADVERBS | MODALS | _RELY_ADVERBS | {"has", "have", "had", "been"}
        ):
            continue  # "Serbia, whose army turned to ...": another subject
        reach = range(giver.last + 2, giver.last + 2 + _FOR_REACH)
        goods = [w for w in view.weapons if w.first in reach]
        if not goods or subject.actor == giver.actor:
            continue
        if any(f.supplier == giver.actor and f.recipient == subject.actor for f in frames):
            continue
        status = Status.DELIVERED if paying else Status.AGREED
        found.append(
            FrameHit(Frame.GIVE, cue, status, False, giver.actor, subject.actor,
                     [replace(w, quantity=None) for w in goods])
        )  # fmt: skip
    return found


_RELY_ADVERBS: Final = frozenset("long heavily largely mostly still traditionally".split())
# "Most of Vietnam's fighter jets are sourced from Russia", "Myanmar's aircraft come from
# China and Russia": the possessor of the goods got them from the "from" states.
_SOURCED: Final = frozenset("sourced come comes came coming".split())


def _sourced_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if view.words.isdisjoint(_SOURCED):
        return found
    for index, word in enumerate(view.lows):
        if word not in _SOURCED or view.low(index + 1) != "from":
            continue
        owner = next((a for a in reversed(view.actors) if a.possessive and a.last < index), None)
        if owner is None:
            continue
        goods = [w for w in view.weapons if owner.last < w.first < index]
        if not goods and not any(view.low(i) in _ARMS_WORDS for i in range(owner.last + 1, index)):
            continue
        between = {view.low(i) for i in range(owner.last + 1, index)}
        if between & (CLAUSE_BREAKS | COMPLEMENTIZERS):
            continue
        first = next((a for a in view.actors if a.first == index + 2 and a.prep == "from"), None)
        if first is None:
            continue
        for giver in [first.actor, *_siblings(view, first.actor)]:
            _add_standing_trade(frames, found, index, giver, owner.actor, goods)
    return found


def _subject_before(view: SentenceView, index: int) -> ActorMention | None:
    """The bare actor before a copula that stands before ``index``."""
    copula = next(
        (i for i in range(index - 1, max(-1, index - 8), -1) if view.low(i) in _COPULAS), None
    )
    if copula is None:
        return None
    return next(
        (a for a in reversed(view.actors)
         if a.last < copula and a.prep is None and not a.possessive and not a.speaker),
        None,
    )  # fmt: skip


def _supplier_role(view: SentenceView, index: int) -> tuple[ActorRef, ActorRef] | None:
    """ "A is B's biggest arms supplier" -> (A, B)."""
    owner = next((a for a in view.actors if a.possessive and index - 5 <= a.last < index), None)
    if owner is None or not any(view.low(i) in _ARMS_WORDS for i in range(owner.last, index + 3)):
        return None
    subject = _subject_before(view, owner.first) or _complement_after(view, index)
    if subject is None or subject.actor == owner.actor:
        return None
    return subject.actor, owner.actor


def _complement_after(view: SentenceView, index: int) -> ActorMention | None:
    """ "India's main arms supplier is Russia": the bare actor right after a copula."""
    after = index + 1
    if view.low(after) not in _COPULAS:
        return None
    while view.low(after) in _COPULAS or view.low(after) in ADVERBS:
        after += 1
    return next(
        (a for a in view.actors if a.first in (after, after + 1) and a.prep is None
         and not a.possessive and not a.speaker),
        None,
    )  # fmt: skip


def _recipient_role(view: SentenceView, index: int) -> tuple[ActorRef, ActorRef] | None:
    """ "B was the largest recipient of Russian arms" -> (Russia, B)."""
    if view.low(index + 1) != "of":
        return None
    tail = range(index + 2, index + 7)
    if not any(view.low(i) in _ARMS_WORDS for i in tail):
        return None
    origin = next((w.origin for w in view.weapons if w.first in tail and w.origin), None) or next(
        (a.actor.id for a in view.actors if a.first in tail and a.possessive), None
    )
    subject = _subject_before(view, index)
    if origin is None or subject is None or subject.actor.id == origin:
        return None
    supplier = view.origin_actors.get(origin) or next(
        (a.actor for a in view.actors if a.actor.id == origin), None
    )
    return (supplier, subject.actor) if supplier is not None else None


def _holder_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """One delivered transfer per listed holder of a named system, from its maker."""
    found: list[FrameHit] = []
    for cue in _holding_cues(view):
        holders = _holder_list(view, cue)
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


_LIST_ENDS: Final = frozenset([".", ";", ""])
# "the Egyptian Air Force and the Nigerian Army": a holder's own force noun.
_HOLDER_FORCES: Final = frozenset(
    "air force forces army armies navy navies military militaries marines".split()
)


def _holder_list(view: SentenceView, cue: int, limit: int | None = None) -> list[ActorRef]:
    """The states listed right after a holding cue (before ``limit``, if given)."""
    clause_end = clause_of(view, cue)[1] if view.low(cue) != "being" else len(view.lows) - 1
    if limit is not None:
        clause_end = min(clause_end, limit)
    listed: list[ActorRef] = []
    position = cue + 1
    for mention in view.actors:
        if mention.first < position or mention.speaker:
            continue
        gap = [view.low(i) for i in range(position, mention.first)]
        if mention.first > clause_end and not (
            limit is None
            and listed
            and len(gap) <= 3
            and "and" in gap
            and view.low(mention.last + 1) in _LIST_ENDS
        ):
            break  # "Pakistan, Myanmar, and Nigeria.": a serial comma ends no list
        glue = _HOLDER_LEAD if not listed else _HOLDER_GLUE | _HOLDER_FORCES
        if len(gap) > 6 or any(w not in glue for w in gap):
            break
        if mention.actor not in listed and mention.actor.kind == "state":
            listed.append(mention.actor)
        position = mention.last + 1
    return listed[:MAX_LISTED]


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
    if not before or before[-1].generic or view.low(before[-1].first - 1) not in _DEFINITE:
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


# A list of a system's holders in a sentence that names no weapon: "Other operators
# include A and B", "Export customers so far are A and B", "It is also flown by A and
# B", "has exported 60 to four countries, the others being A and B". The system is the
# one the article named last; the pipeline reads such a sentence only when it holds one
# of ``TOPIC_LIST_WORDS``.
_HOLDER_SINGULARS: Final = frozenset("operator user customer buyer client".split())
_TOPIC_HOLDER_NOUNS: Final = _HOLDER_NOUNS | _HOLDER_SINGULARS
# Words that may stand before the holder noun: "its other export customers".
_HOLDER_MODIFIERS: Final = frozenset(
    "the its their other export foreign overseas international current existing known "
    "confirmed first second third main major largest biggest early earlier previous only "
    "military and , so far".split()
)
# What links the holder noun to its list: "customers include", "users so far are".
_HOLDER_LINKS: Final = frozenset("include includes included are were is was comprise :".split())
_LINK_FILLERS: Final = frozenset("so far now already currently to date today also".split())
# "operators of the type include": what the holder noun may be of, pointing at the topic.
_TOPIC_NOUNS: Final = frozenset(
    "type system systems platform model design aircraft jet jets fighter fighters drone "
    "drones vehicle vehicles it them".split()
)
# "The type's export customers": the topic may own the holder noun.
_HOLDER_OWNERS: Final = _HOLDER_MODIFIERS | _TOPIC_NOUNS | {"'s", "'"}
_TOPIC_PRONOUNS: Final = frozenset("it they this these".split())
_TOPIC_OPENERS: Final = frozenset("and but so since today now currently".split())
_TOPIC_VERBS: Final = _HOLDING_VERBS | _BOUGHT_VERBS
_EXPORTED: Final = frozenset("exported sold delivered supplied".split())
_COUNTRY_NOUNS: Final = frozenset("countries nations states customers buyers".split())
_PLANNED: Final = frozenset("plans planned planning plan intends intend wants want".split())
_PROSPECTIVE: Final = frozenset(
    "potential prospective possible future likely interested interest candidate".split()
)
TOPIC_LIST_WORDS: Final = (
    *sorted(_TOPIC_HOLDER_NOUNS), *sorted(_TOPIC_VERBS), *sorted(_EXPORTED),
    *sorted(_OPERATE_VERBS), "use", "uses", "service", "being", "joining", "joins",
    "joined", "join", "received", "delivery", "follows", "followed",
)  # fmt: skip


def topic_holder_frames(
    view: SentenceView, text: str, frames: list[FrameHit] | None = None
) -> list[FrameHit]:
    """One transfer per state listed as holding the system the article is about, from
    its maker: in a sentence that names no weapon (the system named last before it), only
    a class pointing back at it ("the drones"), the one system, or goods of one stated
    origin ("Turkish drones": from that origin)."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(TOPIC_LIST_WORDS) or not (view.earlier_systems or view.weapons):
        return found
    topic = _pointed_topic(view)
    goods = _goods_of_one_origin(view) if topic is None else None
    supplier = topic.maker if topic is not None else goods.origin_actor if goods else None
    if supplier is None:
        return found
    # A frame that has both sides says more ("Beijing sold it to Cairo" with no goods
    # named is no such frame: assembly drops it).
    known = {f.recipient.id for f in frames or [] if f.recipient and f.supplier and f.weapons}
    for cue, before in _topic_cues(view):
        start, end = clause_of(view, cue)
        words = {view.low(i) for i in range(start, end + 1)}
        if not words.isdisjoint(_PROSPECTIVE) or not words.isdisjoint(NEGATIONS):
            continue  # "potential buyers include", "it is not flown by": no transfer
        if "if" in words or "would" in words:
            continue  # "if it were exported to": a condition
        # The status words near the cue, after the states a verb follows: "Chad plans to
        # buy it, Mali already flies it".
        low = max(start, cue - 6)
        if before:
            low = max([a.last + 1 for a in view.actors if a.last < cue] + [low])
        status = _topic_status({view.low(i) for i in range(low, cue + 1)})
        listed = _states_before(view, cue) if before else _holder_list(view, cue)
        holders = [h for h in listed if h.id != supplier.id and h.id not in known]
        if not holders:
            continue
        span = Span(view.starts[cue], view.ends[cue], text[view.starts[cue] : view.ends[cue]])
        weapon = (
            goods.weapon
            if goods is not None
            else WeaponMention(
                cue,
                cue,
                topic.category if topic else Category.OTHER,
                span,
                system=topic.name if topic else None,
                made_in=supplier.id,
            )
        )
        for holder in holders:
            if not any(f.recipient == holder for f in found):
                found.append(FrameHit(Frame.GIVE, cue, status, False, supplier, holder, [weapon]))
    return found


class _OriginGoods:
    """Goods a sentence names by their origin alone: "Chinese drones"."""

    def __init__(self, origin_actor: ActorRef, weapon: WeaponMention) -> None:
        self.origin_actor, self.weapon = origin_actor, weapon


def _goods_of_one_origin(view: SentenceView) -> _OriginGoods | None:
    """The goods of one stated origin a sentence names, and nothing else: "Chad and Mali
    are among buyers of Chinese drones"."""
    origins = {w.origin for w in view.weapons}
    if len(origins) != 1 or any(w.system for w in view.weapons):
        return None
    weapon = view.weapons[0]
    actor = view.origin_actors.get(weapon.origin or "")
    return _OriginGoods(actor, replace(weapon, quantity=None)) if actor else None


# "Spain became the fifth country to buy the drone, after Italy and France", "Peru is
# the latest customer, joining Chile and Brazil": the states the new buyer follows hold
# the same goods.
_JOINED_AFTER: Final = frozenset("joining after following alongside".split())
_ORDINALS: Final = frozenset(
    "latest newest second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth".split()
)
_JOINED_NOUNS: Final = _TOPIC_HOLDER_NOUNS | frozenset(
    "country countries nation nations state states member".split()
)
_AFTER_REACH: Final = 20  # tokens from the ordinal to "after"


def joined_frames(view: SentenceView, text: str, frames: list[FrameHit]) -> list[FrameHit]:
    """One delivered transfer per state listed after "joining" or "after" a new buyer
    named by an ordinal, from the maker (or stated origin) of the goods."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_JOINS) and (
        view.words.isdisjoint(_JOINED_AFTER) or view.words.isdisjoint(_ORDINALS)
    ):
        return found
    known = {f.recipient.id for f in frames if f.recipient and f.supplier and f.weapons}
    for cue, word in enumerate(view.lows):
        limit: int | None = None  # where the list of holders ends
        if word in _JOINS and _joins_as_holders(view, cue):
            goods = _joined_goods(view, text, len(view.lows))  # "joins A as users of X"
        elif word in _JOINED_AFTER and _ordinal_buyer_before(view, cue):
            goods = _joined_goods(view, text, cue)
        elif word == "joining" and _bought_before(view, cue) and _list_closes(view, cue):
            goods = _joined_goods(view, text, cue)  # "Peru bought the X, joining A and B."
        elif word in _JOINED_AFTER and _ordinal_after_list(view, cue) is not None:
            goods = _joined_goods(view, text, len(view.lows))  # "After A and B, C is the third"
            limit = _ordinal_after_list(view, cue)
        elif word in _JOINED_AFTER and _ordinal_noun(view, cue) is not None:
            verb = _verb_after_list(view, cue)  # "the third state after A and B to buy X"
            goods = _named_goods_after(view, verb) if verb is not None else None
        else:
            continue
        if goods is None:
            continue
        supplier, weapon = goods
        for holder in _holder_list(view, cue, limit):
            if holder.id == supplier.id or holder.id in known:
                continue
            if not any(f.recipient == holder for f in found):
                found.append(
                    FrameHit(Frame.GIVE, cue, Status.DELIVERED, False, supplier, holder, [weapon])
                )
    return found


def _ordinal_noun(view: SentenceView, cue: int) -> int | None:
    """The noun of a holder an ordinal names before ``cue``: "the fifth country"."""
    start = max(0, cue - _AFTER_REACH)
    ordinal = next((i for i in range(start, cue) if view.low(i) in _ORDINALS), None)
    if ordinal is None:
        return None
    return next(
        (i for i in range(ordinal + 1, min(cue, ordinal + 4)) if view.low(i) in _JOINED_NOUNS),
        None,
    )


def _ordinal_buyer_before(view: SentenceView, cue: int) -> bool:
    """ "the fifth country to buy", "the latest customer": an ordinal, then a noun of a
    holder, before ``cue`` in the sentence."""
    noun = _ordinal_noun(view, cue)
    if noun is None:
        return False
    # "the fifth customer", "the second country to buy it" (not "... to condemn it")
    return view.low(noun) in _TOPIC_HOLDER_NOUNS or any(
        view.low(i) in _JOIN_VERBS for i in range(noun + 1, cue)
    )


def _verb_after_list(view: SentenceView, cue: int) -> int | None:
    """The buying verb right after the states listed from ``cue`` ("after Chile and Peru
    to buy"), or None."""
    listed = {i for a in view.actors for i in range(a.first, a.last + 1)}
    at = cue + 1
    while at in listed or view.low(at) in _HOLDER_GLUE:
        at += 1
    if at > cue + 1 and view.low(at) == "to" and view.low(at + 1) in _JOIN_VERBS:
        return at + 1
    return None


_BUY_ACTS: Final = _BOUGHT_VERBS | frozenset("buy buys received acquires orders".split())


def _bought_before(view: SentenceView, cue: int) -> bool:
    """A verb of buying before ``cue`` in the sentence: "Peru ordered the X, joining"."""
    return any(view.low(i) in _BUY_ACTS for i in range(max(0, cue - _AFTER_REACH), cue))


def _list_closes(view: SentenceView, cue: int) -> bool:
    """Whether the states listed from ``cue`` end the sentence: "joining A and B." (not
    "joining A and B in a pact")."""
    ends = {a.first: a.last for a in view.actors}
    at = cue + 1
    while at in ends or view.low(at) in _HOLDER_GLUE:
        at = ends[at] + 1 if at in ends else at + 1
    return at > cue + 1 and view.low(at) in _LIST_ENDS


def _ordinal_after_list(view: SentenceView, cue: int) -> int | None:
    """ "After Egypt and Qatar, India became the third customer": the comma that closes
    the states listed from ``cue``, if an ordinal buyer follows it, else None."""
    ends = {a.first: a.last for a in view.actors}
    at, closing = cue + 1, False
    while True:  # the list ends after the state that follows its "and"
        if at in ends:
            at = ends[at] + 1
            if closing:
                break
        elif view.low(at) in ("and", "or"):
            at, closing = at + 1, True
        elif view.low(at) in (",", "the"):
            at += 1
        else:
            break
    if not closing or view.low(at) != ",":
        return None
    end = min(len(view.lows), at + _AFTER_REACH)
    ordinal = next((i for i in range(at, end) if view.low(i) in _ORDINALS), None)
    if ordinal is None:
        return None
    noun = next((i for i in range(ordinal + 1, ordinal + 4) if view.low(i) in _JOINED_NOUNS), None)
    if noun is None:
        return None
    if view.low(noun) in _TOPIC_HOLDER_NOUNS or any(
        view.low(i) in _JOIN_VERBS for i in range(noun + 1, noun + 4)
    ):
        return at
    return None


def _named_goods_after(view: SentenceView, verb: int) -> tuple[ActorRef, WeaponMention] | None:
    """The named system (or goods of a stated origin) the verb takes, with its maker:
    "to buy the Caesar howitzer" (not "to operate two types of stealth fighter")."""
    for weapon in view.weapons:
        if verb < weapon.first <= verb + 4:
            supplier = view.maker_actors.get(weapon.made_in or "") or view.origin_actors.get(
                weapon.origin or ""
            )
            if supplier is not None:
                return supplier, replace(weapon, quantity=None)
    return None


# "Chile joins Brazil and Peru as operators of the type", "... in flying it".
_JOINS: Final = frozenset("joins joined join joining follows followed follow".split())
_HOLDING_GERUNDS: Final = frozenset(
    "operating flying fielding using buying ordering acquiring purchasing".split()
)


def _joins_as_holders(view: SentenceView, cue: int) -> bool:
    """Whether the states listed after "joins" are then named as holders: "as
    (existing) operators", "in operating"."""
    listed = {i for a in view.actors for i in range(a.first, a.last + 1)}
    at = cue + 1
    while view.low(at) != "as" and (
        at in listed or view.low(at) in _HOLDER_GLUE or view.low(at) in _HOLDER_FORCES
    ):
        at += 1
    if at == cue + 1:
        return False
    if view.low(at) == "in":
        return view.low(at + 1) in _HOLDING_GERUNDS
    if view.low(at) != "as":
        return False
    noun = at + 1
    while noun < at + 4 and view.low(noun) in _HOLDER_OWNERS:
        noun += 1
    return view.low(noun) in _TOPIC_HOLDER_NOUNS


_JOIN_VERBS: Final = frozenset(
    "buy purchase acquire order operate field fly use receive equip get adopt select choose".split()
)


def _joined_goods(view: SentenceView, text: str, cue: int) -> tuple[ActorRef, WeaponMention] | None:
    """The goods the new buyer takes, before ``cue``, with their maker or stated origin;
    the topic system if the sentence names none."""
    before = [w for w in view.weapons if w.last < cue]
    for weapon in reversed(before):
        supplier = view.maker_actors.get(weapon.made_in or "") or view.origin_actors.get(
            weapon.origin or ""
        )
        if supplier is not None:
            return supplier, replace(weapon, quantity=None)
    if view.weapons or not view.earlier_systems:
        return None
    topic = view.earlier_systems[-1]
    if topic.maker is None:
        return None
    at = min(cue, len(view.lows) - 1)  # the token the topic is read at
    span = Span(view.starts[at], view.ends[at], text[view.starts[at] : view.ends[at]])
    weapon = WeaponMention(at, at, topic.category, span, system=topic.name, made_in=topic.maker.id)
    return topic.maker, weapon


def _pointed_topic(view: SentenceView) -> EarlierSystem | None:
    """The system named last before the sentence, if the sentence names no weapon or only
    a class of it pointed back at ("the drones", "such jets"): what its holders hold."""
    if not view.weapons:
        return view.earlier_systems[-1] if view.earlier_systems else None
    one = _one_named_system(view)
    if one is not None:
        return one
    kinds = {w.category for w in view.weapons}
    if len(kinds) != 1 or not all(_points_back(view, w) for w in view.weapons):
        return None
    kind = kinds.pop()
    named = {w.system for w in view.weapons if w.system}
    return next(
        (
            s
            for s in reversed(view.earlier_systems)
            if s.category is kind and (not named or s.name in named)
        ),
        None,
    )


def _one_named_system(view: SentenceView) -> EarlierSystem | None:
    """The one catalogued system a sentence names (as often as it likes), with its maker:
    "The TB2 is a bestseller, with Chad and Mali among its users"."""
    # "the Hermes 900 drones": a class noun after the name is the same goods
    weapons = [w for w in view.weapons if w.system or w.origin]
    if not weapons:
        return None
    first = weapons[0]
    if not first.system or not first.made_in:
        return None
    if any(w.system != first.system for w in weapons):
        return None
    maker = view.maker_actors.get(first.made_in)
    return EarlierSystem(first.system, first.category, maker) if maker else None


def _points_back(view: SentenceView, weapon: WeaponMention) -> bool:
    """ "the drones", "such jets": a class named by a determiner that points back (or
    already read as the system named before, which then has no maker of its own)."""
    before = weapon.first - 1
    while before > weapon.first - 5 and (_modifier(view, before) or view.low(before) == "-"):
        before -= 1  # "the long-endurance drones"
    if weapon.origin or view.low(before) not in _POINTING_DETERMINERS:
        return False
    return weapon.generic or weapon.system is None or weapon.made_in is None


_POINTING_DETERMINERS: Final = frozenset("the these those such this that its their".split())


def _topic_cues(view: SentenceView) -> list[tuple[int, bool]]:
    """Where a list of the topic system's holders follows (or, with True, precedes)."""
    cues: list[tuple[int, bool]] = []
    for index, word in enumerate(view.lows):
        if word in _TOPIC_HOLDER_NOUNS:
            link = _holder_link(view, index)
            if link is not None:
                cues.append((link, False))  # "other operators include"
        elif word in _TOPIC_VERBS and view.low(index + 1) == "by" and _topic_subject(view, index):
            cues.append((index, False))  # "it is also flown by", "it has been bought by"
        elif (
            word == "service"
            and view.low(index - 1) == "in"
            and view.low(index + 1) in ("in", "with")
            and _topic_subject(view, index - 1)
        ):
            cues.append((index, False))  # "it is in service with"
        elif (
            word == "being" and view.low(index - 1) in ("others", "rest") and _exported(view, index)
        ):
            cues.append((index, False))  # "exported 60 to four countries, the others being"
        elif word in ("including", "namely") and view.low(index - 1) in (",", ":"):
            if view.low(index - 2) in _COUNTRY_NOUNS and (
                _exported(view, index) or _held_after(view, index)
            ):
                cues.append((index, False))  # "sold to six countries, including"
        elif word in _EXPORTED:
            to = _topic_object_end(view, index + 1)
            if view.low(to) == "to" and (to > index + 1 or _topic_subject(view, index)):
                cues.append((to, False))  # "it has been sold to", "has sold the jet to"
        elif word in _HOLDING_ACTS and _topic_object_end(view, index + 1) > index + 1:
            if word in _VAGUE_ACTS and view.low(index + 1) in ("it", "them"):
                continue  # "Kyiv used it as evidence": "it" may be anything
            cues.append((index, True))  # "Egypt and Qatar also fly the jet"
        elif (
            word == "delivery"
            and view.low(index - 1) in _TAKING
            and view.low(index + 1) == "of"
            and _topic_object_end(view, index + 2) > index + 2
        ):
            cues.append((index - 1, True))  # "Chad and Mali took delivery of the type"
        elif word in ("are", "were") and _listed_as_holders(view, index + 1):
            cues.append((index, True))  # "Chad and Mali are other states that bought it"
        elif word == "among" and _listed_as_holders(view, index + 1):
            cues.append((index, True))  # "with Chad and Mali among its users"
    return cues


# "Chad and Mali are among its export customers", "... are some other African states
# that have bought them": a list of states named as holders by a copula.
_AMONG_WORDS: Final = _HOLDER_OWNERS | frozenset(
    "among some also all both african asian european arab gulf latin american middle "
    "eastern western southern northern regional".split()
)
_HOLDING_RELATIVES: Final = frozenset("that which to".split())


def _listed_as_holders(view: SentenceView, at: int) -> bool:
    """Whether the words from ``at`` name the states before as holders of the topic: a
    holder noun, or a country noun that bought or operates it."""
    end = at
    while end < at + 6 and (view.low(end) in _AMONG_WORDS or end in view.taken):
        end += 1
    if view.low(end) in _TOPIC_HOLDER_NOUNS:
        return view.low(end + 1) not in ("of", "for") or _topic_object_end(view, end + 2) > end + 2
    # "are other Sahel states that": any words before a country noun, which the verb
    # after it must tie to the topic.
    end = next((i for i in range(at, at + 6) if view.low(i) in _COUNTRY_NOUNS), end)
    if view.low(end) not in _COUNTRY_NOUNS or view.low(end + 1) not in _HOLDING_RELATIVES:
        return False
    verb = end + 2
    while view.low(verb) in BE or view.low(verb) in ADVERBS:
        verb += 1
    return view.low(verb) in _HOLDING_ACTS and _topic_object_end(view, verb + 1) > verb + 1


_TAKING: Final = frozenset("took taken take takes taking".split())
_VAGUE_ACTS: Final = frozenset("use uses received".split())
# "Egypt and India also operate the type", "Qatar has bought the French jet": states
# before the verb, the topic after it.
_HOLDING_ACTS: Final = _OPERATE_VERBS | _BOUGHT_VERBS | frozenset("use uses received".split())
# Words that may stand between a determiner and a noun pointing at the topic: "the
# French-built fighter".
_TOPIC_ADJECTIVES: Final = frozenset(
    "same french-built new light combat multirole multi-role advanced twin-engine "
    "single-engine armed attack stealth fighter - made built".split()
)


def _topic_object_end(view: SentenceView, at: int) -> int:
    """The token after a phrase at ``at`` that points at the topic system ("it", "the
    jet", "the French-built type"), or ``at`` if there is none."""
    if view.low(at) in ("it", "them"):
        return at + 1
    first = at + 1 if at in view.taken else at  # past the demonym: "Chinese drones"
    origin = next((w for w in view.weapons if w.first == first and w.origin and not w.system), None)
    if origin is not None:
        return origin.last + 1  # "buyers of Chinese drones"
    if view.low(at) not in DETERMINERS and view.low(at) not in _POINTING_DETERMINERS:
        return at
    starts = {w.first: w for w in view.weapons if not w.origin}
    end = at + 1
    while end < at + 6:
        if end in starts:  # "the drones", "the K9 howitzers", "the Hermes 900 drones"
            while end in starts:
                end = starts[end].last + 1
            return end
        if view.low(end) in _TOPIC_NOUNS:
            return end + 1
        if not (view.low(end) in _TOPIC_ADJECTIVES or end in view.taken or _modifier(view, end)):
            break
        end += 1  # "the French fighter": a demonym is a catalogue match
    return at


def _modifier(view: SentenceView, index: int) -> bool:
    """A token of a compound modifier: "self-propelled", "twin-engined", "155mm"."""
    word = view.low(index)
    if word == "-" or view.low(index + 1) == "-" or view.low(index - 1) == "-":
        return True  # "long-endurance"
    return word.endswith("ed") or word[:1].isdigit()


_PLANS_TO_ALL: Final = _PLANNED | {"to", "all", "both"}


def _states_before(view: SentenceView, verb: int) -> list[ActorRef]:
    """The states listed right before ``verb`` (past adverbs and auxiliaries): "Egypt,
    Qatar and India have also bought"."""
    at = verb - 1
    # "Chile already plans to operate it", "Chad and Mali both fly it"
    while view.low(at) in ADVERBS or view.low(at) in BE or view.low(at) in _PLANS_TO_ALL:
        at -= 1
    while view.low(at) in _HOLDER_FORCES:
        at -= 1  # "the Chadian and Malian armies already fly it"
    listed: list[ActorRef] = []
    for mention in reversed(view.actors):
        if mention.last > at:
            continue
        if mention.last < at or mention.speaker or mention.possessive:
            break
        if mention.prep not in (None, "with"):
            break  # "crews trained in Germany operate it": a place, no holder
        if mention.actor.kind == "state" and mention.actor not in listed:
            listed.append(mention.actor)
        at = mention.first - 1
        while view.low(at) in _HOLDER_GLUE:
            at -= 1
    return listed[::-1][:MAX_LISTED]


def _holder_link(view: SentenceView, noun: int) -> int | None:
    """The link after a holder noun that opens its sentence ("Its export customers so far
    are"), or None: "Russia's customers", "gas buyers" hold no topic system."""
    if any(view.low(i) not in _HOLDER_OWNERS for i in range(0, noun)):
        return None
    at = noun + 1
    if view.low(at) in ("of", "for"):  # "operators of the type include"
        at += 1
        while view.low(at) in DETERMINERS:
            at += 1
        if view.low(at) not in _TOPIC_NOUNS:
            return None
        at += 1
    while view.low(at) in _LINK_FILLERS:
        at += 1
    return at if view.low(at) in _HOLDER_LINKS else None


def _topic_subject(view: SentenceView, verb: int) -> bool:
    """Whether the clause before ``verb`` is a subject that points at the topic system
    ("It is also", "The type has since been") and auxiliaries alone."""
    # The clause of the verb: "According to the firm, it is in service with".
    at = max([i + 1 for i in range(verb) if view.low(i) == ","] + [0])
    while view.low(at) in _TOPIC_OPENERS or view.low(at) == "," or view.low(at)[:1].isdigit():
        at += 1  # "Since 2010 the type has"
    if _topic_object_end(view, at) > at:
        at = _topic_object_end(view, at)  # "The French-built jet is", "this platform is"
    elif view.low(at) in _TOPIC_PRONOUNS:
        at += 1
    else:
        return False
    return all(
        view.low(i) in BE or view.low(i) in ADVERBS or view.low(i) in _LINK_FILLERS
        for i in range(at, verb)
    )  # "it is currently in service with"


def _held_after(view: SentenceView, cue: int) -> bool:
    """A verb of holding the topic after the list that follows ``cue``: "30 countries,
    including Chad and Mali, have bought it"."""
    ends = {a.first: a.last for a in view.actors}
    at = cue + 1
    while at in ends or view.low(at) in _HOLDER_GLUE:
        at = ends[at] + 1 if at in ends else at + 1
    while view.low(at) in ADVERBS or view.low(at) in BE:
        at += 1
    return view.low(at) in _HOLDING_ACTS and _topic_object_end(view, at + 1) > at + 1


def _exported(view: SentenceView, cue: int) -> bool:
    """An export verb before ``cue``: "has exported 60 to four countries, the others"."""
    return any(view.low(i) in _EXPORTED for i in range(max(0, cue - 16), cue))


def _topic_status(words: set[str]) -> Status:
    """Delivered, unless the clause says the holders ordered it ("ordered by",
    "customers have ordered") or plan to buy it."""
    if not words.isdisjoint(_PLANNED):
        return Status.DISCUSSED
    if "ordered" in words:
        return Status.AGREED
    return Status.DELIVERED


def _inherit_means(view: SentenceView, frames: list[FrameHit]) -> None:
    """ "will support Ukraine by gifting 20 vehicles": a gerund after "by" is the means
    of the verb before it and is no further along than that verb."""
    for index, frame in enumerate(frames):
        if view.low(frame.trigger - 1) != "by" or not view.low(frame.trigger).endswith("ing"):
            continue
        clause = clause_of(view, frame.trigger)
        head = next(
            (f for f in reversed(frames[:index]) if clause[0] <= f.trigger < frame.trigger),
            None,
        )
        if head is not None:
            frame.status = min(frame.status, head.status)


def _fill_gaps(view: SentenceView, frames: list[FrameHit]) -> None:
    """ "Norway pledged eight tanks to Ukraine and Spain will send six": a giver with no
    goods and no receiver gives what the clause before gave, to the same receiver, in the
    number after its verb."""
    for index, frame in enumerate(frames):
        if frame.kind is not Frame.GIVE or frame.supplier is None or frame.recipient:
            continue
        if frame.weapons or not 0 <= frame.trigger < len(view.lows) - 1:
            continue
        count = _count_after(view, frame.trigger)
        model = next(
            (f for f in reversed(frames[:index]) if f.complete and f.weapons and not f.negated),
            None,
        ) or next(
            # "Denmark has pledged 14 tanks and Spain will send six": the receiver may
            # come from the article, for both givers alike.
            (f for f in reversed(frames[:index])
             if f.supplier is not None and f.weapons and not f.negated and f.kind is Frame.GIVE),
            None,
        )  # fmt: skip
        if count is None or model is None or model.supplier == frame.supplier:
            continue
        frame.recipient = model.recipient
        frame.weapons = [replace(w, quantity=count) for w in model.weapons]


# "..., with Portugal and Finland also indicating they will take part": states that
# say they may join a transfer just reported.
_JOINING: Final = frozenset(
    "indicating saying signalling signaling considering planning expected mulling "
    "weighing pledging promising taking joining".split()
)


def _joiners(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """One discussed transfer per state listed after "with" and before "also <verb>ing",
    of the goods and to the receiver of the last complete frame before the list."""
    found: list[FrameHit] = []
    listed = [a for a in view.actors if a.prep == "with" and not a.speaker]
    if not listed:
        return found
    tail = listed[-1].last
    if view.low(tail + 1) != "also" or view.low(tail + 2) not in _JOINING:
        return found
    model = next(
        (f for f in reversed(frames) if f.complete and f.weapons and f.trigger < listed[0].first),
        None,
    ) or next(
        # the receiver may come from the article: "Spain pledged six tanks, with ..."
        (f for f in reversed(frames)
         if f.supplier is not None and f.weapons and f.trigger < listed[0].first),
        None,
    )  # fmt: skip
    lead = listed[0].first - 1
    if model is None or "with" not in (
        view.low(lead),
        view.low(lead - 1) if view.low(lead) == "the" else "",
    ):
        return found
    for mention in listed:
        if mention.actor not in (model.supplier, model.recipient):
            weapons = [replace(w, quantity=None) for w in model.weapons]
            found.append(FrameHit(Frame.GIVE, model.trigger, Status.DISCUSSED, False,
                                  mention.actor, model.recipient, weapons))  # fmt: skip
    return found


def _gapped_givers(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """ "Portugal will send three tanks to Ukraine and Finland six": the second giver
    sends the same goods to the same receiver, as many as its count says."""
    found: list[FrameHit] = []
    for mention in view.actors:
        if mention.prep is not None or view.low(mention.first - 1) != "and":
            continue
        if not gapped(view, mention.last):
            goods = _gapped_goods(view, mention)
            twin = _twin(frames, mention, None, give_only=True) if goods else None
            if twin is not None:
                # "Sweden is sending Archer howitzers, and Britain AS-90 guns": the second
                # giver's own goods, to the same receiver.
                twin.weapons = goods
                found.append(twin)
            continue
        twin = _twin(frames, mention, _count_after(view, mention.last), give_only=True)
        if twin is not None:
            found.append(twin)
    return found


def _gapped_goods(view: SentenceView, giver: ActorMention) -> list[WeaponMention]:
    """The goods right after a giver with no verb of its own, up to the end of the
    clause: "..., and France SAMP/T systems."."""
    goods = [w for w in view.weapons if giver.last < w.first <= giver.last + 2]
    if not goods:
        return []
    lead = {view.low(i) for i in range(giver.last + 1, goods[0].first)}
    if not lead <= {"more", "its", "their"} and _count_at(view, giver.last + 1) is None:
        return []
    after = goods[-1].last + 1
    if view.low(after).isalpha() and view.low(after) not in PREPOSITIONS:
        after += 1  # "AS-90 guns": the class noun after the system's name
    return goods if view.low(after) in (",", ".", ";", "") else []


def _counted_sources(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """ "received 12 tanks from Sweden, 9 from Poland and 4 from Spain": each count with
    its own "from" is the same goods from another giver."""
    found: list[FrameHit] = []
    for mention in view.actors:
        if mention.prep != "from" or view.low(mention.first - 1) != "from":
            continue
        count = _count_at(view, mention.first - 2)  # the count before "from"
        if count is None:
            goods = _own_goods_before(view, mention)
            twin = _twin(frames, mention, None, give_only=False) if goods else None
            if twin is not None:
                # "50 Bradleys from the US and 40 Marders from Germany": each its own,
                # the earlier giver keeps only the goods before its own "from".
                spans = {(w.first, w.last) for w in goods}
                for frame in frames:
                    if frame.supplier is not None and frame.supplier != mention.actor:
                        kept = [w for w in frame.weapons if (w.first, w.last) not in spans]
                        frame.weapons = kept or frame.weapons
                twin.weapons = goods
                found.append(twin)
            continue
        twin = _twin(frames, mention, count, give_only=False)
        if twin is not None:
            found.append(twin)
    return found


def _own_goods_before(view: SentenceView, source: ActorMention) -> list[WeaponMention]:
    """The goods right before "from <source>" after an "and" that follows another giver's
    "from": "... from the US and 40 Marder vehicles from Germany"."""
    goods = [
        w for w in view.weapons
        if w.last == source.first - 2
        # "Marder vehicles from Germany": the class noun after the system's name
        or (w.last == source.first - 3 and view.low(w.last + 1).isalpha()
            and view.low(w.last + 1) not in PREPOSITIONS)
    ]  # fmt: skip
    if not goods:
        return []
    lead = goods[0].first - 1
    # past the count and name words: "and 14 Leopard tanks from Poland"
    while goods[0].first - lead <= 3 and view.low(lead) not in PREPOSITIONS | {"and", ","}:
        lead -= 1
    if view.low(lead) != "and":
        return []
    earlier = any(
        a.prep == "from" and a.last == lead - 1 and a.actor != source.actor for a in view.actors
    )
    return goods if earlier else []


def _twin(
    frames: list[FrameHit], giver: ActorMention, count: Quantity | None, give_only: bool
) -> FrameHit | None:
    """The last complete frame before ``giver`` again, from that giver, ``count`` goods."""
    model = next(
        (
            f
            for f in reversed(frames)
            if f.complete and f.weapons and f.trigger < giver.first
            and (f.kind is Frame.GIVE or not give_only)
            and giver.actor not in (f.supplier, f.recipient)
        ),
        None,
    )  # fmt: skip
    if model is None:
        return None
    weapons = [replace(w, quantity=count) for w in model.weapons]
    return FrameHit(model.kind, model.trigger, model.status, model.negated, giver.actor,
                    model.recipient, weapons)  # fmt: skip


def _count_after(view: SentenceView, trigger: int) -> Quantity | None:
    """The bare number that stands for the goods after a gapped verb: "will send six"."""
    following = view.low(trigger + 2)
    if following.isalpha() and following != "more":
        return None  # "send six tanks" names its goods; "send six" gaps them
    return _count_at(view, trigger + 1)


def _count_at(view: SentenceView, index: int) -> Quantity | None:
    """The count token ``index`` says, as a quantity."""
    value = count_word(view.low(index))
    if value is None:
        return None
    return Quantity(value, False, Span(view.starts[index], view.ends[index], view.low(index)))


def _oriented(frame: FrameHit) -> FrameHit:
    """ "Russia and India are discussing the sale of S-400s": where the two sides come
    without a direction, the maker of every named system is the one that supplies it."""
    if frame.supplier is None or frame.recipient is None or frame.stated:
        return frame
    makers = {w.made_in for w in frame.weapons if w.system}
    if makers == {frame.recipient.id}:
        frame.supplier, frame.recipient = frame.recipient, frame.supplier
    return frame


def _coordinated(view: SentenceView, frame: FrameHit) -> list[FrameHit]:
    """ "MiG-29s donated by Russia and Belarus": one frame per coordinated party."""
    out = [frame]
    for role in ("supplier", "recipient"):
        actor = getattr(frame, role)
        if actor is None:
            continue
        # Each sibling twins the frames found so far for the other role only: one frame
        # per (supplier, recipient) pair, so the frames grow as the product of the two
        # lists, never doubling with each listed name.
        bases = list(out)
        siblings = _siblings(view, actor)
        if role == "supplier" and not siblings:
            siblings = _joint_speakers(view, actor)
        if role == "supplier" and siblings:
            origin = _own_origin(frame, [actor, *siblings])
            if origin is not None:
                # "Slovakia and Poland agreed to hand over Slovakian MiG-29s": the weapons'
                # stated origin picks the giver out of the joint subject.
                for existing in out:
                    existing.supplier = origin
                continue
        for sibling in siblings:
            for existing in bases:
                twin = replace(existing)
                setattr(twin, role, sibling)
                if twin.supplier != twin.recipient:
                    out.append(twin)
    return out


# "The defence ministers of Norway, Sweden and Denmark said they would send ...": the
# states whose office holders speak together; the last one reads as the bare subject.
_JOINT_OFFICES: Final = frozenset("ministers leaders governments presidents heads chiefs".split())


def _joint_speakers(view: SentenceView, actor: ActorRef) -> list[ActorRef]:
    """The states listed with ``actor`` after "the ministers of" (its own preposition is
    lost to the verb that follows it)."""
    mentions = view.actors
    last = next(
        (i for i, m in enumerate(mentions) if same_actor(m.actor, actor) and m.prep is None), None
    )
    if last is None or last == 0:
        return []
    found: list[ActorRef] = []
    index = last
    while index > 0:
        before, mention = mentions[index - 1], mentions[index]
        between = {view.low(i) for i in range(before.last + 1, mention.first)} - {"the"}
        if before.prep != "of" or not between or not between <= {",", "and"}:
            break
        found.append(before.actor)
        index -= 1
    head = mentions[index].first - 1
    if index == last or view.low(head) != "of" or view.low(head - 1) not in _JOINT_OFFICES:
        return []
    return [a for a in dict.fromkeys(found) if a != actor]


def _own_origin(frame: FrameHit, group: list[ActorRef]) -> ActorRef | None:
    """The one member of a coordinated list that every origin-marked weapon comes from."""
    origins = {w.origin for w in frame.weapons if w.origin}
    if len(origins) != 1:
        return None
    (origin,) = origins
    return next((a for a in group if a.id == origin), None)


def _siblings(view: SentenceView, actor: ActorRef) -> list[ActorRef]:
    """Actors listed with ``actor`` by commas, "and" and "or" under the same preposition,
    before it as well as after it: "Iran, Russia and Belarus delivered ..." names three."""
    mentions = view.actors
    for index, mention in enumerate(mentions):
        if not same_actor(mention.actor, actor) or mention.speaker:
            continue
        first = last = index
        while first > 0 and _listed(view, mentions[first - 1], mentions[first]):
            first -= 1
        while last + 1 < len(mentions) and _listed(view, mentions[last], mentions[last + 1]):
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


_LIST_GLUE: Final = frozenset(["and", "or", ",", "the"])


def overlong_list(view: SentenceView) -> bool:
    """Whether the sentence lists more actors in a row than one frame takes as parties."""
    run = 1
    actors = view.actors
    for index in range(1, len(actors)):  # indexed: a ``zip`` with ``strict`` is a generic call
        run = run + 1 if _listed(view, actors[index - 1], actors[index]) else 1
        if run > MAX_LISTED:
            return True
    return False


def _listed(view: SentenceView, left: ActorMention, right: ActorMention) -> bool:
    """Whether two neighbouring mentions are items of one list."""
    if left.prep != right.prep or right.first <= left.last + 1:
        return False
    return all(view.low(i) in _LIST_GLUE for i in range(left.last + 1, right.first))


def _vague_giver(view: SentenceView) -> bool:
    """ "provided by a coalition of Western allies": a giver is named, but no state."""
    lows = view.lows
    if "by" not in view.words:
        return False
    for index in (i for i, word in enumerate(lows) if word == "by" and i > 0):
        # "approved by President Biden" names the approver, not a giver.
        if lows[index - 1] in GIVE_VERBS and lows[index - 1] not in MODAL_TRIGGERS:
            following = range(index + 1, min(index + 4, len(view.lows)))
            if not any(a.first in following for a in view.actors):
                return True
    return False


def _deal_parties(view: SentenceView, deals: list[Trigger]) -> list[ActorRef]:
    """The two sides of "Britain and Turkey signed a contract", if exactly two."""
    for trigger in deals:
        clause = clause_of(view, trigger.index)
        sides = {
            a.actor.id: a.actor
            for a in view.actors
            if clause[0] <= a.first <= clause[1] and not a.speaker
            and a.prep in (None, "with", "between") and a.role != "pair"
        }  # fmt: skip
        if len(sides) == 2:
            return list(sides.values())
        heads = _list_heads(view, clause)
        if len(sides) > 2 and len(heads) == 2:
            return heads  # the later names of "with Iraq, Egypt and Qatar" are its twins
    return []


def _list_heads(view: SentenceView, clause: tuple[int, int]) -> list[ActorRef]:
    """The deal sides of a clause when one side is a list of states with one
    preposition ("Russia is in talks with Iraq, Egypt and Qatar"): each list by its first
    name; ``_coordinated`` twins the frame for the others."""
    heads: dict[str, ActorRef] = {}
    previous: ActorMention | None = None
    for mention in view.actors:
        if not clause[0] <= mention.first <= clause[1] or mention.speaker:
            continue
        if mention.prep not in (None, "with", "between") or mention.role == "pair":
            continue
        glue = (
            all(view.low(i) in _LIST_GLUE for i in range(previous.last + 1, mention.first))
            if previous
            else False
        )
        if not (glue and previous is not None and previous.prep == mention.prep):
            heads.setdefault(mention.actor.id, mention.actor)
        previous = mention
    return list(heads.values())


def _complement(frames: list[FrameHit], deal_sides: list[ActorRef]) -> None:
    """Frames with one party each complete one another ("Russia supplied the S-400 that
    India bought"), or take the other side of a deal in the same sentence."""
    givers = [f for f in frames if f.supplier is not None and f.recipient is None]
    takers = [f for f in frames if f.recipient is not None and f.supplier is None]
    for giver in givers:
        for taker in takers:
            assert giver.supplier is not None and taker.recipient is not None
            if giver.supplier.id == taker.recipient.id or not _same_goods(giver, taker):
                continue
            giver.recipient, taker.supplier = taker.recipient, giver.supplier
    for frame in frames:
        known = frame.supplier or frame.recipient
        if known is None and len(deal_sides) == 2:
            _orient(frame, deal_sides)
            continue
        if frame.complete or known is None or known not in deal_sides:
            continue
        other = next(a for a in deal_sides if a != known)
        if frame.supplier is None:
            frame.supplier = other
        else:
            frame.recipient = other


def _orient(frame: FrameHit, sides: list[ActorRef]) -> None:
    """ "talks between Algeria and Russia over the purchase of Su-35s": the maker supplies."""
    makers = {w.origin or w.made_in for w in frame.weapons} - {None}
    for index, side in enumerate(sides):
        if side.id in makers:
            frame.supplier, frame.recipient = side, sides[1 - index]
            frame.anaphoric = False
            return


def _same_goods(a: FrameHit, b: FrameHit) -> bool:
    cats_a = {w.category for w in a.weapons if not w.generic}
    cats_b = {w.category for w in b.weapons if not w.generic}
    return not cats_a or not cats_b or bool(cats_a & cats_b)


def _triggers(view: SentenceView) -> list[Trigger]:
    found: list[Trigger] = []
    if view.words.isdisjoint(TRIGGER_WORDS):
        return found
    for index, word in enumerate(view.lows):
        if word not in TRIGGER_WORDS or index in view.taken:
            continue
        noun = _reads_as_noun(view, index)
        if _not_a_trigger(view, index, noun):
            continue
        if noun and word in GIVE_NOUNS:
            found.append(Trigger(index, Frame.GIVE, GIVE_NOUNS[word], True))
        elif noun and word in RECEIVE_NOUNS:
            found.append(Trigger(index, Frame.RECEIVE, RECEIVE_NOUNS[word], True))
        elif word in GIVE_VERBS:
            found.append(Trigger(index, Frame.GIVE, GIVE_VERBS[word], False))
        elif word in RECEIVE_VERBS:
            found.append(Trigger(index, Frame.RECEIVE, RECEIVE_VERBS[word], False))
        elif word in USE_VERBS and (not noun or (word == "use" and view.low(index + 1) == "of")):
            # "Russia's use of Iranian drones" uses them as much as "Russia used" does.
            found.append(Trigger(index, Frame.USE, Status.DELIVERED, False))
        elif word in DEAL_WORDS:
            found.append(Trigger(index, Frame.DEAL, DEAL_WORDS[word], True))
        elif word in ("took", "take", "taking", "takes", "taken"):
            if view.low(index + 1) == "delivery" or view.low(index + 1) == "possession":
                found.append(Trigger(index, Frame.RECEIVE, Status.DELIVERED, False))
    return found


# Nouns that "export" only qualifies: "export order", "export licence", "export market".
# ("export contract" stays a trigger: "its first export contract, signed with Manila"
# names the seller through "its".)
_EXPORT_HEADS: Final = frozenset(
    "order orders licence license licences licenses version variant variants market "
    "markets customer customers controls rules ban bans success credit credits approval "
    "approvals potential drive earnings revenue".split()
)


def _not_a_trigger(view: SentenceView, index: int, noun: bool) -> bool:
    """ "took delivery" is one trigger, "aid officials" and "food aid" are none."""
    word = view.low(index)
    before = view.low(index - 1)
    if word in ("delivery", "possession") and before in (
        "take",
        "took",
        "taking",
        "takes",
        "taken",
    ):
        return True
    if word == "aid" and before not in AID_QUALIFIERS:
        return True
    if word in ("shoot", "shot", "shooting", "shoots") and view.low(index + 1) == "down":
        return True  # "shot down Houthi drones": the enemy's weapons, not one's own
    if word in ("export", "exports") and view.low(index + 1) in _EXPORT_HEADS:
        return True  # "the largest export order": the order says what happened
    if word in ("hand", "hands") and (
        before == "-" or before in DETERMINERS or view.low(index - 2) in ("in", "into")
    ):
        return True  # "second-hand F-16s", "in Russian hands", "into the hands of"
    if before == "-" and word in ORIGIN_SUFFIXES:
        return True  # "US-supplied missiles" names an origin; the verb of the clause acts
    if not noun and _sends_no_goods(view, index):
        return True  # "sent a letter about the deal", "sent troops"
    if word in ("armed", "arm") and not any(
        a.first == index + 1 or (a.first == index + 2 and view.low(index + 1) in ("the", "by"))
        for a in view.actors
    ):
        return True  # "armed drones", "armed forces"; "has armed Hamas", "armed by Iran" give
    if word in BUILD_VERBS and not _builds_for(view, index):
        return True  # "the plant built in 2010" makes nothing for anyone
    if word in ("sign", "signs") and (
        before in DETERMINERS or view.low(index + 1) in ("of", "that")
    ):
        return True  # "a sign of close ties", "the latest sign that"
    if (
        noun
        and word in GIVE_NOUNS
        and (view.low(index - 1) in RECEIVE_VERBS or view.low(index - 2) in RECEIVE_VERBS)
    ):
        return True  # "received shipments of": the receiving verb carries the frame
    if word in JOINING_VERBS and (noun or not _joins_a_fleet(view, index)):
        return True  # "he added", "added to the pressure"; "added jets to its fleet"
    if word in AWARD_VERBS and (noun or not _awards_an_order(view, index)):
        return True  # "awarded a medal", "the award ceremony"; "awarded Damen a contract"
    if word in ASK_VERBS and "for" not in {view.low(i) for i in range(index + 1, index + 5)}:
        return True  # "asked about the Su-57" asks for nothing yet
    if word.startswith("request") and view.low(index + 1) == "to":
        return True  # "Poland's request to re-export": the request is about the re-export
    if word in _PASS_VERBS and view.low(index + 1) != "on":
        return True  # "passed a law", "passing through"; "pass on the guns" gives
    if word in _TURN_VERBS and view.low(index + 1) != "over":
        return True  # "turned to Moscow"; "turned over two boats" gives
    if word == "used" and (
        before in TRIGGER_WORDS
        or before in DETERMINERS
        or (
            (before in _GOODS_PREPOSITIONS or count_word(before) is not None)
            and any(w.first == index + 1 for w in view.weapons)
        )
    ):
        return True  # "export used destroyers", "opt for used F-16s": an adjective
    if word in ("ship", "ships") and (before == "-" or before in _SHIP_NOUN_LEADS):
        return True  # "anti-ship missiles", "a cargo ship"
    if word == "ship" and view.low(index + 1) in ("'s", "'"):
        return True  # "the frigate design won on the ship's small crew"
    if word == "hand" and before in ("by", "on", "at"):
        return True  # "launched by hand", "on hand"
    if word == "ships" and not any(a.last == index - 1 for a in view.actors):
        return True  # "Iran ships missiles", not "short-deck ships"
    following = view.low(index + 1)
    return noun and (following in PERSON_NOUNS or following in _COMPOUND_HEADS)


_PASS_VERBS: Final = frozenset("pass passes passed passing".split())
_AWARDED: Final = frozenset("contract contracts order orders deal tender".split())
_AWARD_REACH: Final = 8  # "awarded Spanish shipbuilder Navantia a contract"


_JOINED: Final = frozenset("fleet fleets inventory arsenal service force forces navy army".split())
_JOIN_REACH: Final = 16  # "integrated Russian Mi-38T helicopters and Chinese Y-8 aircraft into its"


def _joins_a_fleet(view: SentenceView, index: int) -> bool:
    """ "added (goods) to its fleet", "integrated (goods) into its air force": goods
    between the verb and the holder's own force."""
    for i in range(index + 2, index + _JOIN_REACH):
        if view.low(i) in ("to", "into") and view.low(i + 1) in ("its", "their"):
            return any(view.low(j) in _JOINED for j in range(i + 2, i + 5)) and any(
                index < w.first < i for w in view.weapons
            )
    return False


def _awards_an_order(view: SentenceView, index: int) -> bool:
    """ "awarded (Damen) a contract": the object of the award is an order."""
    return any(view.low(i) in _AWARDED for i in range(index + 1, index + _AWARD_REACH))


_GOODS_PREPOSITIONS: Final = frozenset("for of with from on".split())
_SHIP_NOUN_LEADS: Final = frozenset("cargo container merchant transport supply navy naval".split())
_TURN_VERBS: Final = frozenset("turn turns turned turning".split())
_PLACE_PREPOSITIONS: Final = frozenset("in at on into near since during".split())


def _builds_for(view: SentenceView, index: int) -> bool:
    """ "built for Pakistan", "is building two frigates for the Egyptian navy"."""
    for actor in view.actors:
        if actor.prep != "for" or actor.speaker or not index < actor.first <= index + 10:
            continue
        between = {view.low(i) for i in range(index + 1, actor.first) if i not in view.taken}
        # "the plant built in 2010 makes drones for Iran": the "for" is another verb's.
        return not between & (CLAUSE_BREAKS | _PLACE_PREPOSITIONS)
    return False


# "gave initial approval to", "sent a formal request": adjectives before a non-good.
_NON_GOODS_ADJECTIVES: Final = frozenset(
    "formal official written more initial final preliminary conditional tentative".split()
)


def _sends_no_goods(view: SentenceView, index: int) -> bool:
    """The object of a giving verb is a message or people, not hardware."""
    for offset in (1, 2, 3):
        word = view.low(index + offset)
        if word in NON_GOODS:
            return True
        if word not in DETERMINERS and word not in _NON_GOODS_ADJECTIVES:
            return False
    return False


def _reads_as_noun(view: SentenceView, index: int) -> bool:
    word = view.low(index)
    if word in GIVE_NOUNS and word not in GIVE_VERBS and word not in RECEIVE_VERBS:
        if word not in RECEIVE_NOUNS or word not in RECEIVE_VERBS:
            return True
    before = view.low(index - 1)
    if before in _NOUN_PREPOSITIONS and word.endswith("ing"):
        return True  # "attacks on shipping"
    # "drones used by Russia": a participle of use with its doer is no "drone use"
    after_weapon = any(w.last == index - 1 for w in view.weapons) and not (
        word in USE_VERBS and word.endswith("ed") and view.low(index + 1) in ("by", "from")
    )
    after_agent = any(a.last == index - 1 and a.role == "agent" for a in view.actors)
    return (
        before in _NOUN_LEFT
        or view.low(index + 1) == "of"
        or after_weapon
        or after_agent
        or (before in ("arms", "weapons", "military") and not _military_subject(view, index))
    )


def _military_subject(view: SentenceView, index: int) -> bool:
    """ "The Myanmar military used ...", "Egypt's military fired ...": a past verb after a
    named state's military, not "military use" or "military supplies"."""
    word = view.low(index)
    if view.low(index - 1) != "military" or not (
        word.endswith("ed") or (word in USE_VERBS and word.endswith("s"))
    ):
        return False  # "military supplies" stays a noun; "the military uses" is a verb
    return any(a.last == index - 2 or (a.possessive and a.last == index - 3) for a in view.actors)


def _pending_delivery(view: SentenceView, frames: list[FrameHit]) -> None:
    """ "bought eight drones last year, with deliveries due in 2026": the purchase is
    made and nothing handed over yet."""
    if "with" not in view.words or not frames:
        return
    for index, word in enumerate(view.lows):
        if word != "with" or not delivery_after(view, index):
            continue
        if not any(view.low(i) in PENDING_CUES for i in range(index + 2, index + 8)):
            continue
        for frame in frames:
            if frame.trigger < index and frame.status is Status.DELIVERED:
                frame.status = Status.AGREED


def _core_frame(
    view: SentenceView,
    text: str,
    trigger: Trigger,
    core: list[Trigger],
    last_subject: ActorRef | None,
) -> FrameHit | None:
    clause = clause_of(view, trigger.index)
    if blocked(view, trigger, clause[0]):
        return None
    if (view.low(trigger.index - 2), view.low(trigger.index - 1)) in INSTEAD:
        return None  # "rather than supplying weapons to Ukraine": the road not taken
    if provides_no_goods(view, trigger):
        return None  # "never provided Hungary with evidence that tanks were sent"
    if _buys_to_pass_on(view, trigger):
        return None  # "would buy and donate NASAMS to Ukraine": the giving verb says it
    status, negated = read_status(view, trigger, clause[0])
    if in_service(view, trigger, clause) or bought_back_then(view, trigger, clause):
        status = Status.DELIVERED
    weapons = weapons_for(view, trigger, core, clause)
    goods = [w for w in weapons if not carrier(view, w)]
    weapons = _not_replacements(view, trigger, goods or weapons)
    parties = [a for a in view.actors if clause[0] <= a.first <= clause[1] and not a.speaker]
    frame = FrameHit(trigger.kind, trigger.index, status, negated, weapons=weapons)
    frame.definite = trigger.noun and (
        any(view.low(i) in _DEFINITE for i in range(max(0, trigger.index - 3), trigger.index))
        or _pointer_before(view, trigger.index)
    )
    if trigger.kind is Frame.USE:
        return use_roles(view, text, trigger, frame, parties, clause, last_subject)
    passive = is_passive(view, trigger)
    frame.passive = passive
    segment = segment_of(trigger, core, clause)
    agent = agent_of(view, trigger, parties, passive, last_subject, clause)
    ctx = RoleContext(view, trigger, parties, passive, agent, segment)
    if trigger.kind is Frame.GIVE:
        give_roles(ctx, frame)
        if frame.recipient is None and _pronoun_receiver(view, trigger, frame, segment):
            frame.recipient = last_subject if last_subject != frame.supplier else None
    else:
        receive_roles(ctx, frame)
    if frame.supplier is None and frame.recipient is not None and passive:
        frame.supplier = _yard_builder(view, frame, parties)
        if frame.supplier is not None:
            # A launched hull is still the yard's: "launched" is no use of it in service.
            frame.status = min(frame.status, Status.AGREED)
    if frame.supplier is None and frame.recipient is not None:
        # "the delivery of Iranian missiles to Russia": the origin word names the giver.
        frame.supplier = stated_origin(view, frame)
    if frame.supplier is None and frame.recipient is not None and passive:
        frame.supplier = _owner_gives(view, frame)
    if frame.recipient is None and frame.supplier is not None and passive:
        frame.recipient = holder_of_goods(view, frame, parties)
    if frame.supplier is None and frame.recipient is None:
        frame.anaphoric = True
    if (
        view.low(trigger.index) in FLY_VERBS
        and first_of(parties, trigger, ("to",), after=True) is None
    ):
        return None  # "the KAAN first flew in 2024" moves nothing to anyone
    if view.low(trigger.index) in ARRIVAL_VERBS and people_arrive(view, trigger.index):
        return None  # "technicians arrived in Romania for training on the Patriot"
    return frame


_RECEIVER_PRONOUNS: Final = frozenset(["it", "them"])


def _pronoun_receiver(
    view: SentenceView, trigger: Trigger, frame: FrameHit, segment: tuple[int, int]
) -> bool:
    """ "Kenya is rebuilding its navy. Ankara will supply it with two corvettes", "... will
    send two corvettes to it": a pronoun receiver after an active giving verb, the subject
    of the sentence before (``last_subject``)."""
    if trigger.noun or frame.supplier is None or frame.passive:
        return False
    supplier = frame.supplier
    if any(not same_actor(a.actor, supplier) for a in view.actors if not a.speaker):
        return False  # "built for its ally Pakistan to provide it with": "it" is named here
    index = trigger.index
    after = view.low(index + 1)
    if after in _RECEIVER_PRONOUNS:
        # "supply it with", "send them 40 tanks"; not "sell it to", "ship it home"
        goods = {w.first for w in frame.weapons}
        return view.low(index + 2) == "with" or any(index + 2 <= g <= index + 4 for g in goods)
    return any(
        view.low(i) in ("to", "for") and view.low(i + 1) in _RECEIVER_PRONOUNS
        and (i + 2 > segment[1] or view.low(i + 2) in (".", ",", "by", "in", "next", "this"))
        and any(w.last < i for w in frame.weapons)
        for i in range(index + 1, segment[1] + 1)
    )  # fmt: skip


def _yard_builder(
    view: SentenceView, frame: FrameHit, parties: list[ActorMention]
) -> ActorRef | None:
    """The subject that launched a ship built or ordered for a navy is its builder:
    "Dearsan launched a corvette ordered by the Nigerian Navy", "China launched the
    second of four frigates to be built for Algeria"."""
    ships = [
        w.first for w in frame.weapons if w.category is Category.SHIP and w.first < frame.trigger
    ]
    if not ships:
        return None
    verbs = [i for i in range(max(0, ships[0] - YARD_REACH), ships[0]) if view.low(i) in YARD_VERBS]
    if not verbs:
        return None
    subjects = [a for a in parties if a.last < verbs[-1] and a.prep is None]
    if not subjects or subjects[-1].actor == frame.recipient:
        return None
    return subjects[-1].actor


_BUYING: Final = frozenset(
    "buy buys bought buying purchase purchases purchased purchasing procure procures "
    "procured procuring".split()
)


def _buys_to_pass_on(view: SentenceView, trigger: Trigger) -> bool:
    """ "Canada will buy and donate an air defence system to Ukraine": the buyer's own
    purchase is the means of the gift, not a transfer to the buyer to report."""
    if trigger.kind is not Frame.RECEIVE or view.low(trigger.index) not in _BUYING:
        return False
    return view.low(trigger.index + 1) == "and" and view.low(trigger.index + 2) in GIVE_VERBS


def _deal_frame(view: SentenceView, trigger: Trigger) -> FrameHit | None:
    """ "Egypt signed a deal with Russia for Su-35 jets": direction from the system's origin."""
    clause = clause_of(view, trigger.index)
    parties = [a for a in view.actors if clause[0] <= a.first <= clause[1] and not a.speaker]
    weapons = [w for w in view.weapons if clause[0] <= w.first <= clause[1]]
    origins = {w.origin or w.made_in for w in weapons} - {None}
    if not parties or not weapons:
        return None
    status, negated = read_status(view, trigger, clause[0])
    frame = FrameHit(Frame.DEAL, trigger.index, status, negated, weapons=weapons)
    ids = {a.actor.id: a.actor for a in parties if a.prep in (None, "with", "between", "for")}
    sellers = {a.actor.id: a.actor for a in parties if a.prep == "from" and a.first > trigger.index}
    if len(sellers) == 1 and len(ids) == 1:
        # "Vietnam approved a contract for the Akash system from India": who sells it.
        (frame.supplier,) = sellers.values()
        (frame.recipient,) = ids.values()
        if any(view.low(i) in WINNING for i in range(trigger.index - 3, trigger.index)):
            # "Saab won a contract from Thailand": the winner sells to the "from" buyer.
            frame.supplier, frame.recipient = frame.recipient, frame.supplier
        frame.stated = True
        return frame if frame.supplier != frame.recipient else None
    donors = [a.actor for a in parties if a.prep is None]
    beneficiaries = [a.actor for a in parties if a.prep == "for" and a.first > trigger.index]
    if not origins and len(donors) == 1 and len(beneficiaries) == 1 and donors != beneficiaries:
        # "The Netherlands signed a contract for 20,000 shells for Ukraine": bought for it.
        frame.supplier, frame.recipient = donors[0], beneficiaries[0]
        return frame
    suppliers = [ids[o] for o in origins if o in ids]
    if len(suppliers) == 1:
        others = [a for i, a in ids.items() if i != suppliers[0].id]
        if len(others) == 1:
            frame.supplier, frame.recipient = suppliers[0], others[0]
            return frame
        heads = [a for a in _list_heads(view, clause) if a.id != suppliers[0].id]
        if len(others) > 1 and len(heads) == 1:
            # "Russia is in talks with Iraq, Egypt and Qatar over the S-400": one list.
            frame.supplier, frame.recipient = suppliers[0], heads[0]
            return frame
    makers = {w.made_in for w in weapons if w.system} - {None}
    if len(ids) == 1 and len(makers) == 1:
        # "Egypt signed a contract for Su-35 jets": the buyer of a named system.
        (buyer,) = ids.values()
        maker = view.maker_actors.get(makers.pop() or "")
        if maker is not None and maker.id != buyer.id:
            frame.supplier, frame.recipient = maker, buyer
            return frame
        partner = next((a for a in parties if a.prep == "with"), None)
        if maker is not None and partner is not None and partner.actor.id == maker.id:
            # "The Central Asian country signed a deal with Russia for Su-30SM fighters":
            # the maker sells, the buyer is the state the article is about.
            frame.kind, frame.supplier = Frame.RECEIVE, maker
            return frame
    return None


def is_anaphoric_sentence(view: SentenceView) -> bool:
    """A sentence that talks about "the shipments" or "the $5.4 billion deal" without
    naming parties, or lists what a transfer just reported contains."""
    parties = [a for a in view.actors if not a.speaker]
    if lists_contents(view) and not parties:
        return True
    if view.words.isdisjoint(ANAPHORIC_NOUNS):
        return False
    return any(
        low in ANAPHORIC_NOUNS and _pointer_before(view, i) for i, low in enumerate(view.lows)
    )


_INCLUDES: Final = frozenset(
    "include includes including included contains contain comprises comprised "
    # "a package for Ukraine featuring Stinger missiles"
    "featuring features "
    # "the aid consists of rifles and helmets": made of nothing but its contents
    "consists consisted consisting".split()
)
# "The order covers 42 Rafales": a list of contents when it names a system ("also covers
# a stock of missiles for the launchers" adds nothing new).
_COVERS: Final = frozenset("covers cover comprise".split())
# "It includes ...", "They comprise ...": a pronoun standing for the package just named.
_CONTENT_PRONOUNS: Final = frozenset(["it", "they", "this", "these"])
_CONTENT_NOUNS: Final = frozenset("weapons items systems equipment arms hardware".split())
_CONTENT_CUES: Final = (
    _INCLUDES | _COVERS | {"along", "among"}
)  # every word lists_contents looks for
_PACKAGE_NOUNS: Final = (
    ANAPHORIC_NOUNS
    | frozenset(GIVE_NOUNS)
    | frozenset("aid assistance tranche batch support equipment hardware".split())
)


# "Also in the package are missiles and bombs": the contents stand after an inverted link.
_IN_PACKAGE_LINKS: Final = frozenset("are is were was".split())
_IN_PACKAGE_REACH: Final = 4  # the phrase opens the sentence, after "Also" or "And"


def _in_the_package(view: SentenceView) -> bool:
    """Whether the sentence opens with "(Also) in the package are": it lists goods."""
    if "in" not in view.words or view.words.isdisjoint(_IN_PACKAGE_LINKS):
        return False
    for at in range(min(_IN_PACKAGE_REACH, len(view.lows))):
        if (
            view.low(at) == "in"
            and view.low(at + 1) in ("the", "this", "that")
            and view.low(at + 2) in _PACKAGE_NOUNS
            and view.low(at + 3) in _IN_PACKAGE_LINKS
        ):
            return True
    return False


def lists_contents(view: SentenceView) -> bool:
    """ "The package includes ...", "Among the weapons are ...", "... along with 12
    howitzers": the sentence lists goods."""
    lows = view.lows
    if _in_the_package(view):
        return True
    if view.words.isdisjoint(_CONTENT_CUES):
        return False
    for index, word in enumerate(lows):
        if word in _INCLUDES and view.low(index - 1) in ("not", "t", "never"):
            return False  # "the package did not include NASAMS"
        named = word in _COVERS and any(w.system for w in view.weapons)
        if (word in _INCLUDES or named) and any(w in _PACKAGE_NOUNS for w in lows[:index]):
            return True  # "the package includes"; not "armed with bombs including the MAM"
        if (
            word in _INCLUDES
            and index <= 1
            and (lows[0] in _CONTENT_PRONOUNS or view.low(index + 1) in ("are", "is", "in"))
        ):
            return True  # "It includes 20 Marders", "Included are 12 howitzers"
        if word == "along" and view.low(index + 1) == "with":
            return True
        if word == "among" and view.low(index + 2) in _CONTENT_NOUNS:
            return True
    return False


_PACKAGE_WORDS: Final = frozenset("package packages tranche tranches aid assistance".split())


def deal_sides(view: SentenceView) -> tuple[ActorRef, ActorRef, bool] | None:
    """The parties of a deal or package that names no weapon: "Poland signed a deal with
    South Korea" (two sides, no direction yet), "Germany announced a new package for
    Ukraine" (giver, then receiver)."""
    clean = [a for a in view.actors if not a.speaker and a.role != "pair"]
    if not view.words.isdisjoint(_PACKAGE_WORDS) or _military_support(view):
        # "The US Department of Defense": two names, one giver.
        # "the package from Germany for Ukraine": "from" names the giver too.
        givers = list({a.actor.id: a.actor for a in clean if a.prep in (None, "from")}.values())
        takers = list({a.actor.id: a.actor for a in clean if a.prep in ("for", "to")}.values())
        if len(givers) == 1 and len(takers) == 1 and givers[0] != takers[0]:
            return (givers[0], takers[0], True)  # giver first
    deals = [t for t in _triggers(view) if t.kind is Frame.DEAL]
    sides = _deal_parties(view, deals)
    return (sides[0], sides[1], False) if len(sides) == 2 else None


def lone_deal_side(view: SentenceView) -> tuple[ActorRef, bool] | None:
    """The one state or group of a deal or package that names one: "The Pentagon announced
    a $2bn package" (the giver: True), "Jakarta signed a contract on Thursday" (either
    side: False); None when the sentence names another actor or no deal."""
    named = {a.actor.id: a for a in view.actors if not a.speaker and a.role != "pair"}
    if len(named) != 1:
        return None
    (side,) = named.values()
    if side.prep is not None and side.prep not in ("with", "between"):
        return None  # "a package for Ukraine": the receiver, not who announced it
    if not view.words.isdisjoint(_PACKAGE_WORDS) or _military_support(view):
        return side.actor, True
    if any(t.kind is Frame.DEAL for t in _triggers(view)):
        return side.actor, False
    return None


def _military_support(view: SentenceView) -> bool:
    """ "unveiled its latest military support for Ukraine": support named as arms, a
    package whose goods the next sentence may list; not "voiced support for Kyiv"."""
    if "support" not in view.words:
        return False
    return any(
        low == "support" and view.low(i - 1) in AID_QUALIFIERS for i, low in enumerate(view.lows)
    )


def package_status(view: SentenceView) -> Status:
    """The status a package or tranche gets from the sentence's transfer verb: "Norway
    handed a new tranche to Ukraine" delivered it, "plans to send a package" only
    discusses it; agreed when no verb says ("announced a new package")."""
    for trigger in _triggers(view):
        if trigger.kind in (Frame.GIVE, Frame.RECEIVE) and not trigger.noun:
            status, negated = read_status(view, trigger, clause_of(view, trigger.index)[0])
            if not negated:
                return status
    return Status.AGREED


def _pointer_before(view: SentenceView, index: int) -> bool:
    """A definite determiner before the noun, past a few amount or date words."""
    for back in range(index - 1, max(-1, index - 8), -1):
        word = view.low(back)
        if word in _POINTERS:
            return True
        if not _NOUN_MODIFIER.match(word):
            return False
    return False


_POINTERS: Final = frozenset(["the", "these", "those", "such"])
# "the $5.4 billion deal", "the 2018 contract", "the new arms package"
_NOUN_MODIFIER: Final = re.compile(
    r"[\d.,$€£]+$|(?:billion|million|bn|new|latest|same|arms|weapons)$"
)


# "Peru became the first export customer of the Gripen", "making Chile the third buyer
# of the drone": the new buyer named by an ordinal takes the goods from their maker.
_NEW_BUYER_NOUNS: Final = frozenset("customer buyer client operator user".split())
_NEW_BUYER_ORDINALS: Final = _ORDINALS | {"first", "new"}
_NEW_BUYER_LINKS: Final = frozenset("became becomes become is was".split())
_NEW_BUYER_MAKING: Final = frozenset("making makes made make".split())
_NEW_BUYER_MODALS: Final = frozenset("could may might would to".split())
_NEW_BUYER_REACH: Final = 8  # tokens from the subject to its link word


def _new_buyer_frames(view: SentenceView, text: str, frames: list[FrameHit]) -> list[FrameHit]:
    """One transfer from the maker of the goods to the state named the new (ordinal)
    customer or buyer of them; an operator or user already holds them."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_NEW_BUYER_NOUNS) or view.words.isdisjoint(_NEW_BUYER_ORDINALS):
        return found
    for noun, word in enumerate(view.lows):
        if word not in _NEW_BUYER_NOUNS or view.low(noun + 1) not in ("of", "for"):
            continue
        the = _new_buyer_article(view, noun)
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
        status = Status.DELIVERED if word in ("operator", "user") else Status.AGREED
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
        elif word not in _HOLDER_MODIFIERS:
            return None
        at -= 1
    return at if ordinal and view.low(at) == "the" else None


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
            supplier = view.maker_actors.get(weapon.made_in or "") or view.origin_actors.get(
                weapon.origin or ""
            )
            return (supplier, replace(weapon, quantity=None)) if supplier is not None else None
    if view.low(at + 1) in ("this", "the", "that") and view.low(at + 2) in _TOPIC_NOUNS:
        return _joined_goods(view, text, at + 1)
    return None


# "The S-400 is in demand. Pakistan wants to buy it": a buyer's verb whose object is a
# pronoun takes the system the article named last, from its maker.
_BUYER_PRONOUN_VERBS: Final = frozenset("buy purchase acquire procure order".split())


def _pronoun_goods(view: SentenceView, text: str, frames: list[FrameHit]) -> None:
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
        goods = _joined_goods(view, text, at + 1)
        if goods is None or goods[0].id == frame.recipient.id:
            continue
        frame.weapons = [goods[1]]
        frame.supplier = frame.supplier or goods[0]


# "Poland will buy K2 tanks to replace the equipment donated to Ukraine": the goods
# bought stand before "replace"; what was given away is the object after it.
_REPLACING: Final = frozenset("replace replaces replacing replaced replenish backfill".split())
_REPLACED_REACH: Final = 5  # tokens from "replace" to the giving word of its object


def _not_replacements(
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
