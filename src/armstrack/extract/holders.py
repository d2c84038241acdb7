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
from armstrack.extract.quantities import NUMBER_WORDS
from armstrack.extract.status import (
    MODALS,
)
from armstrack.extract.view import (
    ActorMention,
    EarlierSystem,
    SentenceView,
    WeaponMention,
    same_actor,
)
from armstrack.records import ActorRef, Category, Span, Status

# Parties taken from one coordinated list ("A, B, C and D delivered ..."): real lists of
# donors or buyers stay well under this (the longest seen in news: about 30 states).
MAX_LISTED: Final = 50


DEFINITE: Final = frozenset(["the", "these", "those", "this", "that", "its", "their", "such"])


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
# "in service with several NATO members, including": a counted group, then its list.
_HOLDER_GROUP_LEAD: Final = frozenset(
    "several many some other members allies partners states nato european , including those "
    "such as".split()
)


_ALSO_BOUGHT: Final = frozenset("bought purchased acquired".split())


# Every word _holding_cues looks for.
_HOLDING_CUES: Final = (
    _HOLDING_VERBS
    | _HOLDER_NOUNS
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
         if a.role in _FORCE_WORDS and index - 3 <= a.last < index
         and all(view.low(i) in _FORCE_WORDS for i in range(a.last + 1, index))),
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


def _maker_or_origin(view: SentenceView, weapon: WeaponMention) -> ActorRef | None:
    """The catalogued maker of goods, else their stated origin (for buyer and holder lists,
    where a named system's maker is the surer giver)."""
    return view.maker_actors.get(weapon.made_in or "") or view.origin_actors.get(
        weapon.origin or ""
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
        weapons = _of_one_origin(goods, goods[0].origin)
        found.append(
            FrameHit(Frame.GIVE, index, Status.DELIVERED, False, supplier, subject.actor, weapons)
        )
    return found


# The words of a force that a demonym names: "the Royal Saudi Air Force's F-15s".
_FORCE_WORDS: Final = frozenset(
    "air force forces navy navies army armies armed military militaries coast guard naval "
    "marine marines corps ground land self-defense self-defence defence defense".split()
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


def holder_of(view: SentenceView, weapon: WeaponMention) -> ActorRef | None:
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
        if word not in _CUE_TOKENS:
            continue  # no branch below reads it
        before, after = view.low(index - 1), view.low(index + 1)
        if word in ("service", "use") and before == "in" and after in ("in", "with", "by"):
            cues.append(index)
        elif _entered_service(lows, index):
            cues.append(index)  # "the S-400 has entered service in China and Turkey"
        elif word in _HOLDING_VERBS and after == "by" and (before not in BE or word != "used"):
            cues.append(index)  # "a jet operated by"; "is used by" reads as its own frame
        elif word in _ALSO_BOUGHT and after == "by" and "also" in (before, view.low(index - 2)):
            cues.append(index)  # "also bought by": other holders of the system
        elif word in _HOLDER_NOUNS and after == "in" and before in ("found", "find", "finds"):
            cues.append(index)  # "the TB2 has found buyers in Poland and Morocco"
        elif word == "including" and before == "," and _counted_users_before(lows, index):
            cues.append(index)  # "Many countries use the K9, including Norway and Finland"
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


_MANY: Final = frozenset("many several numerous some dozens a dozen".split())


_USERS_REACH: Final = 10  # tokens from the counted noun to "including"


def _counted_users_before(lows: list[str], index: int) -> bool:
    """ "Many countries use the K9, including": a sentence that opens with a counted
    country noun and a verb of holding before ", including"."""
    noun = next((i for i in range(min(index, 3)) if lows[i] in _COUNTRY_NOUNS), None)
    if noun is None or noun == 0 or lows[noun - 1] not in _MANY or index - noun > _USERS_REACH:
        return False
    return any(
        w in _OPERATE_VERBS or w in _BOUGHT_VERBS or w in ("use", "used")
        for w in lows[noun + 1 : index]
    )


# "went into service in", "was put into service with": verbs before "into" that say the
# system has joined a force (a future "will enter service" holds nothing yet).
_INTO_SERVICE: Final = frozenset("went came gone come put pressed".split())


def _entered_service(lows: list[str], index: int) -> bool:
    """ "entered service with", "went into service in": a system that joined a force is held."""
    if lows[index] != "service" or index < 2 or index + 1 >= len(lows):
        return False
    if lows[index + 1] not in ("in", "with"):
        return False
    before = lows[index - 1]
    return before == "entered" or (before == "into" and lows[index - 2] in _INTO_SERVICE)


# Every word a cue of _holding_cues may stand at (the gate above it reads fewer).
_CUE_TOKENS: Final = _HOLDING_CUES | _INCLUDE_WORDS | {"are", "were"}


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


def operator_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
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
        if _whose_force(view, subject.last):
            between -= {",", "whose"}  # "Qatar, whose air force flies US-made F-15s"
        if not between <= ADVERBS | _FORCE_WORDS:
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
        and view.low(last + 3) in _FORCE_WORDS
    )


def holder_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
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
        glue = _HOLDER_LEAD if not listed else _HOLDER_GLUE | _FORCE_WORDS
        if len(gap) > 6 or any(w not in glue for w in gap):
            if (
                listed
                or len(gap) > 8
                or ("including" not in gap and "such" not in gap)
                or any(w not in _HOLDER_LEAD and w not in _HOLDER_GROUP_LEAD for w in gap)
            ):
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
    "joined", "join", "received", "delivery", "follows", "followed", "countries", "nations",
    "serves", "served", "orders", "placed", "include", "includes",
    "joined", "join", "received", "delivery", "follows", "followed", "sales",
)  # fmt: skip


# The words as a set: a set test against a tuple looks up each of its words.
_TOPIC_LIST_SET: Final = frozenset(TOPIC_LIST_WORDS)


def topic_holder_frames(
    view: SentenceView, text: str, frames: list[FrameHit] | None = None
) -> list[FrameHit]:
    """One transfer per state listed as holding the system the article is about, from
    its maker: in a sentence that names no weapon (the system named last before it), only
    a class pointing back at it ("the drones"), the one system, or goods of one stated
    origin ("Turkish drones": from that origin)."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_TOPIC_LIST_SET) or not (view.earlier_systems or view.weapons):
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
        if cue == 1 and view.low(cue) in ("include", "includes"):
            if not _countries_before(text, view.start):
                continue  # "They include A and B" must point back at countries
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
        if view.low(cue) in _LIST_MARKS:
            status = _counted_status(view, cue)  # the clause before the mark says it
        elif view.low(cue) in ("from", "placed") and status is Status.DELIVERED:
            status = Status.AGREED  # "orders came from", "have placed orders"
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
            supplier = _maker_or_origin(view, weapon)
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
        at in listed or view.low(at) in _HOLDER_GLUE or view.low(at) in _FORCE_WORDS
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
        supplier = _maker_or_origin(view, weapon)
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
            if link is None:
                link = _had_holder_link(view, index)
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
        elif _entered_service(view.lows, index) and _topic_subject(
            view, index - 1 if view.low(index - 1) == "entered" else index - 2
        ):
            cues.append((index, False))  # "it has entered service in", "the type went into"
        elif (
            word == "being" and view.low(index - 1) in ("others", "rest") and _exported(view, index)
        ):
            cues.append((index, False))  # "exported 60 to four countries, the others being"
        elif word == "including" and view.low(index + 1) == "to" and _sales_before(view, index):
            cues.append((index + 1, False))  # "other sales have followed, including to"
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
        elif word in ("include", "includes") and _buyers_pronoun_before(view, index):
            cues.append((index, False))  # "sold it to 18 countries. They include A and B"
        elif word in ("in", "with") and _serving_in(view, index):
            cues.append((index, False))  # "it also flies in Chad, Mali and Niger"
        elif word == "from" and _orders_before(view, index):
            cues.append((index, False))  # "orders have come from Chad and Mali"
        elif word == "placed" and _placed_orders(view, index):
            cues.append((index, True))  # "Chad and Mali have placed orders"
        elif (
            word in _LIST_MARKS
            and not view.words.isdisjoint(_COUNTRY_NOUNS)
            and _buyers_counted_before(view, index)
        ):
            cues.append((index, False))  # "six states have ordered the jet: Chad, Mali"
    return cues


_COUNTRIES_REACH: Final = 160  # characters before the sentence: the one before it


def _countries_before(text: str, start: int) -> bool:
    """Whether the text just before ``start`` names countries a system went to: "has sold
    the Patriot to 18 countries."."""
    window = text[max(0, start - _COUNTRIES_REACH) : start].lower()
    return any(noun in window for noun in (" countries", " nations", " customers", " buyers"))


def _buyers_pronoun_before(view: SentenceView, cue: int) -> bool:
    """ "They include A, B and C" opening a sentence (the countries a system went to, named
    in the sentence before), with two or more states listed."""
    if cue != 1 or view.low(0) not in ("they", "these", "those"):
        return False
    return len(_holder_list(view, cue)) >= 2


# "It also flies in A, B and C", "the type serves in A and B": verbs of a system in use
# whose "in" opens a list of states (a place when it names one: "it flies in Chad").
_SERVING_VERBS: Final = _OPERATE_VERBS | frozenset("serves serve served flown".split())


def _serving_in(view: SentenceView, cue: int) -> bool:
    """Whether "in" at ``cue`` follows a verb of use whose subject is the topic and opens
    a list of two or more states."""
    verb = cue - 1
    if view.low(verb) == "use" and view.low(verb - 1) == "in":
        verb -= 1  # "it is in use in Chad and Mali"
    elif view.low(verb) not in _SERVING_VERBS:
        return False
    return _topic_subject(view, verb) and len(_holder_list(view, cue)) >= 2


_ORDER_NOUNS: Final = frozenset(["orders", "order"])


_ORDERS_COME: Final = frozenset("have has had come came also been already so far".split())


def _orders_before(view: SentenceView, cue: int) -> bool:
    """ "Orders have come from", "with orders from": an order noun a few words before
    "from" (nothing ordered named between) and two or more states after it."""
    noun = next(
        (i for i in range(cue - 1, max(-1, cue - 5), -1) if view.low(i) in _ORDER_NOUNS), None
    )
    if noun is None or any(view.low(i) not in _ORDERS_COME for i in range(noun + 1, cue)):
        return False
    return len(_holder_list(view, cue)) >= 2


def _placed_orders(view: SentenceView, index: int) -> bool:
    """ "have placed orders.", "placed an order for the jet": orders for the topic (or
    for nothing named) after "placed"."""
    at = index + 2 if view.low(index + 1) == "an" else index + 1
    if view.low(at) not in _ORDER_NOUNS:
        return False
    after = at + 1
    if view.low(after) in _LIST_ENDS or view.low(after) == ",":
        return True
    return view.low(after) == "for" and _topic_object_end(view, after + 1) > after + 1


# Marks after which a sentence lists the states it counted: "nine countries have
# ordered it: A, B and C", "... -- A, B and C".
_LIST_MARKS: Final = frozenset([":", "-", "–", "—"])


_COUNT_REACH: Final = 12  # tokens from the counted noun to the mark


_COUNTING_WORDS: Final = frozenset(
    "two three four five six seven eight nine ten eleven twelve other several".split()
)


_SIGNED_BUYING: Final = _BUY_ACTS | frozenset("buy purchase acquire order signed".split())


def _buyers_counted_before(view: SentenceView, cue: int) -> bool:
    """Whether a counted country noun and a verb of buying the topic stand before the mark
    at ``cue`` in one clause: "Nine other countries have signed up to buy the jet --"."""
    if view.low(cue + 1) in _LIST_MARKS:
        return False  # the first mark of "--": the list opens after the second
    start = max(0, cue - _COUNT_REACH)
    lows = [view.low(i) for i in range(start, cue)]
    noun = next((i for i, w in enumerate(lows) if w in _COUNTRY_NOUNS), None)
    if noun is None or noun == 0:
        return False
    counted = lows[noun - 1]
    if not (counted[:1].isdigit() or counted in _COUNTING_WORDS):
        return False  # "countries that buy it -": no count announces a list
    if any(w in (".", ";") or w in NEGATIONS or w in _PROSPECTIVE for w in lows):
        return False
    return any(w in _SIGNED_BUYING for w in lows[noun + 1 :])


_ORDERING: Final = frozenset("ordered signed buy purchase acquire order contracted".split())


def _counted_status(view: SentenceView, cue: int) -> Status:
    """Agreed if the buyers counted before the mark ordered or signed up to buy ("have
    ordered the jet:", "signed up to buy it --"), discussed if they may or plan to, else
    delivered ("have bought it:")."""
    words = {view.low(i) for i in range(max(0, cue - _COUNT_REACH), cue)}
    if not words.isdisjoint(MODALS) or not words.isdisjoint(_PLANNED):
        return Status.DISCUSSED  # "three countries may buy it:", "plan to buy it:"
    return Status.DELIVERED if words.isdisjoint(_ORDERING) else Status.AGREED


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
    while view.low(at) in _FORCE_WORDS:
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


# "It now has six foreign clients including A and B": the topic has holders, listed after
# "including" (or "such as", a colon).
_HAS_HOLDERS: Final = frozenset("has have had counts".split())


def _had_holder_link(view: SentenceView, noun: int) -> int | None:
    """Where the list starts after a holder noun that the topic system "has", or None:
    "Russia has customers including" holds no topic, "it has buyers" lists none."""
    at = noun + 2 if view.low(noun + 1) == "," else noun + 1
    if view.low(at) == "such" and view.low(at + 1) == "as":
        at += 1
    elif view.low(at) not in ("including", ":"):
        return None
    verb = noun - 1  # back over "six foreign", "already 14 export"
    while verb >= 0 and (
        view.low(verb) in _HOLDER_MODIFIERS
        or view.low(verb)[:1].isdigit()
        or view.low(verb) in NUMBER_WORDS
    ):
        verb -= 1
    if verb < 0 or view.low(verb) not in _HAS_HOLDERS:
        return None
    return at if _topic_subject(view, verb) else None


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


# "sales have followed, including to India": the nouns of sales that say no delivery.
_SALE_NOUNS: Final = frozenset("sales sale orders deals contracts".split())


def _sales_before(view: SentenceView, index: int) -> bool:
    """ "Other sales have followed, including to": a sale noun earlier in the clause."""
    start = clause_of(view, index - 1)[0]
    if any(view.low(i) in MODALS for i in range(start, index)):
        return False  # "other sales may follow": none yet
    # "sales of cars rose, including to India": the sales of other goods
    return any(view.low(i) in _SALE_NOUNS and view.low(i + 1) != "of" for i in range(start, index))


def _topic_status(words: set[str]) -> Status:
    """Delivered, unless the clause says the holders ordered it ("ordered by",
    "customers have ordered", "sales ..., including to") or plan to buy it."""
    if not words.isdisjoint(_PLANNED):
        return Status.DISCUSSED
    if (
        "ordered" in words
        or ("including" in words and not words.isdisjoint(_SALE_NOUNS))
        or _counts_buyers(words)
    ):
        return Status.AGREED
    return Status.DELIVERED


_BUYER_NOUNS: Final = frozenset("customers clients buyers".split())


def _counts_buyers(words: set[str]) -> bool:
    """ "It has six clients including": a count of the system's buyers (its contracts),
    which says nothing of deliveries, unlike a list of operators or users."""
    return not words.isdisjoint(_BUYER_NOUNS) and not words.isdisjoint(_HAS_HOLDERS)


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
    if "in" not in view.words or view.words.isdisjoint(_IN_PACKAGE_LINKS):
        return False
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
# of the drone": the new buyer named by an ordinal takes the goods from their maker.
_NEW_BUYER_NOUNS: Final = frozenset("customer buyer client operator user".split())


_NEW_BUYER_ORDINALS: Final = _ORDINALS | {"first", "new"}


_NEW_BUYER_LINKS: Final = frozenset("became becomes become is was".split())


_NEW_BUYER_MAKING: Final = frozenset("making makes made make".split())


_NEW_BUYER_MODALS: Final = frozenset("could may might would to".split())


_NEW_BUYER_REACH: Final = 8  # tokens from the subject to its link word


def new_buyer_frames(view: SentenceView, text: str, frames: list[FrameHit]) -> list[FrameHit]:
    """One transfer from the maker of the goods to the state named the new (ordinal)
    customer or buyer of them; an operator or user already holds them."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_MEMBER_NOUNS) or (
        view.words.isdisjoint(_NEW_BUYER_ORDINALS) and view.words.isdisjoint(_MEMBER_CUES)
    ):
        return found
    for noun, word in enumerate(view.lows):
        if word not in _MEMBER_NOUNS or view.low(noun + 1) not in ("of", "for"):
            continue
        the = _new_buyer_article(view, noun) if word in _NEW_BUYER_NOUNS else None
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
        elif word not in _HOLDER_MODIFIERS:
            return None
        at -= 1
    return at if ordinal and view.low(at) == "the" else None


# "Algeria is an operator of the Su-57", "Iraq is one of the users of the T-50", "Egypt
# is among the buyers of the Rafale", "Qatar is the largest foreign user of the Rafale":
# a state a copula names a holder (the plurals only after "one of the", "among the").
_MEMBER_NOUNS: Final = _NEW_BUYER_NOUNS | _HOLDER_NOUNS
_SUPERLATIVES: Final = frozenset("largest biggest main only major key".split())
_BULK_SUPERLATIVES: Final = frozenset("largest biggest".split())
_MEMBER_CUES: Final = _SUPERLATIVES | frozenset(["a", "an", "one", "among"])


def _member_article(view: SentenceView, noun: int) -> int | None:
    """The token right after the link word of a holder noun that needs no ordinal
    ("is an operator of", "is one of the users of"), or None."""
    at = noun - 1
    while at >= noun - 4 and view.low(at) != "the" and view.low(at) in _MEMBER_MODIFIERS:
        at -= 1
    word, plural = view.low(at), view.low(noun) in _HOLDER_NOUNS
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


_MEMBER_MODIFIERS: Final = _HOLDER_MODIFIERS | _SUPERLATIVES | frozenset(["few"])


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
            supplier = _maker_or_origin(view, weapon)
            return (supplier, replace(weapon, quantity=None)) if supplier is not None else None
    if view.low(at + 1) in ("this", "the", "that") and view.low(at + 2) in _TOPIC_NOUNS:
        return _joined_goods(view, text, at + 1)
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
        goods = _joined_goods(view, text, at + 1)
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
