"""Supply frames: transfers read around the core verb of giving.

Routes and destinations ("by way of", goods "bound for" or "destined for" a group, the
first stop of a route), standing trade ("relies on Russia for arms", "a key supplier of
weapons to"), turning to a new supplier, goods "sourced from" a state, and talks (a
buyer weighing several makers' systems, "is in talks with" after a sale).
``frames.find_frames`` adds what these find to the sentence's frames.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from armstrack.extract.clauses import (
    ADVERBS,
    BE,
    COMPLEMENTIZERS,
    FrameHit,
    clause_of,
)
from armstrack.extract.holders import in_one_list, listed_siblings
from armstrack.extract.lexicon import (
    CLAUSE_BREAKS,
    DETERMINERS,
    END_VERBS,
    NEGATIONS,
    WAY_VERBS,
    Frame,
)
from armstrack.extract.status import (
    MODALS,
)
from armstrack.extract.view import ActorMention, SentenceView, WeaponMention
from armstrack.records import ActorRef, Status

# One set, not a union made per sentence.
_WAY_OR_END_VERBS: Final = WAY_VERBS | END_VERBS


def way_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """ "Serbian ammunition made its way to Ukraine", "Bulgarian shells ended up with
    Ukrainian units": goods of a stated origin reached a receiver by some route; the
    origin supplied them. One stray drone ("a Russian drone ended up in Romania") is an
    incident, not a supply."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_WAY_OR_END_VERBS):
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
BOUND_CUES: Final = {
    "bound": ("for", "to"),
    "destined": ("for",),
    "intended": ("for",),
    "meant": ("for",),
    "earmarked": ("for",),
    "heading": ("to", "for"),
    "headed": ("to", "for"),
    "en": ("route",),
}


_BOUND_REACH: Final = 12  # tokens between the goods and the cue


_CARRYING: Final = frozenset("carrying carried transporting loaded laden".split())


# "carrying 30,000 Russian-made rifles": a count and an origin may stand between
_CARRY_REACH: Final = 8


def _carried(view: SentenceView, goods: WeaponMention) -> bool:
    """ "a ship carrying North Korean shells bound for Russia": goods in transit to a state
    on a carrier are sent to it."""
    return any(view.low(i) in _CARRYING for i in range(goods.first - _CARRY_REACH, goods.first))


def bound_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    """One delivered transfer from the stated origin of goods "bound for" a receiver
    (seized or intercepted shipments count as delivered: they were sent)."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(BOUND_CUES):
        return found
    for index, word in enumerate(view.lows):
        if view.low(index + 1) not in BOUND_CUES.get(word, ()):
            continue
        lead = index + 3 if word == "en" else index + 2
        receiver = next(
            (a for a in view.actors if a.first in (lead, lead + 1) and not a.speaker), None
        ) or _backed_group(view, lead)
        goods = [
            w
            for w in view.weapons
            if index - _BOUND_REACH <= w.first and w.last < index and w.origin
        ]
        source = None if goods or receiver is None else _came_from(view, index)
        if source is None and not goods and receiver is not None:
            source = _sending_carrier(view, index)
        if source is not None and source.prep == "from":
            # "rifles from a boat off Oman that came from Iran": the relative clause's
            # antecedent may stand far before it.
            goods = [w for w in view.weapons if w.last < source.first]
        elif source is not None:
            goods = [w for w in view.weapons if index - _BOUND_REACH <= w.first < index]
        if receiver is None or not goods:
            continue
        if receiver.actor.kind == "state" and not _carried(view, goods[0]):
            continue  # "bound for Yemen" names a destination, often not the receiver
        origin = goods[-1].origin
        supplier = view.origin_actors.get(origin or "") if source is None else source.actor
        if supplier is None or supplier == receiver.actor:
            continue
        if any(f.recipient == receiver.actor and f.supplier is not None for f in frames):
            continue  # "a shipment of Iranian rifles bound for ..." is a frame already
        weapons = _listed_with(view, [w for w in goods if w.origin == origin], index)
        if source is not None:
            weapons = goods
        found.append(
            FrameHit(Frame.GIVE, index, Status.DELIVERED, False, supplier, receiver.actor, weapons)
        )
    return found


def transit_to_group(view: SentenceView, frames: list[FrameHit]) -> None:
    """ "Iran flew a plane of arms to Syria, destined for Hezbollah": the state the goods
    went through is no receiver; the group they were meant for is."""
    for frame in frames:
        if frame.kind is not Frame.GIVE or frame.recipient is None or frame.supplier is None:
            continue
        if frame.recipient.kind != "state":
            continue
        # "flew a 747 cargo plane of arms and other goods to Syria, destined for": the
        # reach counts from the goods, which may stand well after the verb.
        goods_end = max([frame.trigger] + [w.last for w in frame.weapons])
        for index in range(frame.trigger + 1, min(len(view.lows), goods_end + _BOUND_REACH)):
            word = view.low(index)
            if word == "en" or view.low(index + 1) not in BOUND_CUES.get(word, ()):
                continue
            group = next(
                (a for a in view.actors
                 if a.first in (index + 2, index + 3, index + 4) and a.actor.kind == "group"),
                None,
            )  # fmt: skip
            if group is not None and group.actor != frame.supplier:
                frame.recipient = group.actor
            break


def first_stop(view: SentenceView, frame: FrameHit) -> bool:
    """ "arms are first shipped to Sudan, then to Egypt and on to Gaza": the state the
    goods reach first, with a later leg named after "then", is a stop on the route."""
    if frame.kind is not Frame.GIVE or frame.recipient is None:
        return False
    stop = next(
        (a for a in view.actors
         if a.actor == frame.recipient and a.prep == "to" and a.first > frame.trigger),
        None,
    )  # fmt: skip
    if stop is None or "first" not in view.lows[max(0, frame.trigger - 3) : frame.trigger]:
        return False
    later = view.lows[stop.last + 1 : stop.last + 8]
    return "then" in later and "to" in later[later.index("then") :]


_APPROVAL_NOUNS: Final = frozenset(
    "approval permission consent go-ahead authorization authorisation clearance".split()
)


def approver(view: SentenceView, actor: ActorRef) -> bool:
    """ "received approval from the United States to transfer U.S.-made weapons": the
    maker state that approves a re-export is not the giver its origin word suggests."""
    return any(
        a.actor == actor
        and a.prep == "from"
        and not _APPROVAL_NOUNS.isdisjoint(view.lows[max(0, a.first - 3) : a.first])
        for a in view.actors
    )


_CAME: Final = frozenset("came come comes coming originated originating".split())


def _came_from(view: SentenceView, cue: int) -> ActorMention | None:
    """ "rifles that came from Iran and were meant for the Houthis": the state the goods
    came from, between them and the cue, gives."""
    return next(
        (a for a in view.actors
         if cue - _BOUND_REACH <= a.first < cue and a.prep == "from"
         and view.low(a.first - 2) in _CAME),
        None,
    )  # fmt: skip


_BACKING: Final = frozenset("backed allied aligned supported sponsored".split())


def _backed_group(view: SentenceView, lead: int) -> ActorMention | None:
    """ "meant for the Iranian-backed Houthi rebels": the group past its patron's mark."""
    at = lead + 1 if view.low(lead) in DETERMINERS else lead
    if view.low(at + 1) != "-" or view.low(at + 2) not in _BACKING:
        return None
    return next((a for a in view.actors if a.first == at + 3 and a.actor.kind == "group"), None)


def _sending_carrier(view: SentenceView, cue: int) -> ActorMention | None:
    """ "seized rifles aboard an Iranian dhow bound for the Houthis": the state of the
    carrier, right before the cue, sends what it carries."""
    return next(
        (a for a in view.actors
         if a.role == "agent" and cue - 4 <= a.last < cue and a.actor.kind == "state"),
        None,
    )  # fmt: skip


# "Danish F-16s for Ukraine are expected in summer", "the first Swedish Gripens for
# Thailand": goods of a stated origin meant for a state, with no verb of giving; asked-for
# goods ("calls for US jets for Kyiv") are only discussed.
_ASKING: Final = frozenset(
    "call calls called asked asks ask request requests requested seek seeks sought want "
    "wants wanted urged urge plea pleas".split()
)


def destined_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    found: list[FrameHit] = []
    if "for" not in view.words or not view.origin_actors or not view.words.isdisjoint(NEGATIONS):
        return found
    for weapon in view.weapons:
        at = weapon.last + 1
        if view.low(at) != "for" or not weapon.origin:
            continue
        receiver = next(
            (a for a in view.actors
             if a.first in (at + 1, at + 2) and not a.speaker and not a.possessive
             and view.low(a.last + 1) not in ("'s", "'")),
            None,
        )  # fmt: skip
        supplier = view.origin_actors.get(weapon.origin)
        if receiver is None or supplier is None or supplier == receiver.actor:
            continue
        if any(weapon in f.weapons or f.recipient == receiver.actor for f in frames + found):
            continue  # a frame of the sentence says more
        asked = not view.words.isdisjoint(_ASKING) or not view.words.isdisjoint(MODALS)
        status = Status.DISCUSSED if asked else Status.AGREED
        found.append(
            FrameHit(Frame.GIVE, at, status, False, supplier, receiver.actor,
                     [replace(weapon, quantity=None)])
        )  # fmt: skip
    return found


ARMS_WORDS: Final = frozenset("arms weapons weapon military defence defense".split())


# "Algeria relies on Russia for most of its weapons": a state that depends on another
# for arms gets them from it (SIPRI-style reporting of standing trade).
_RELYING: Final = frozenset(
    "rely relies relied relying depend depends depended depending dependent reliant".split()
)


_RELY_REACH: Final = 8  # "relies on Russia for the bulk of its military hardware"


def reliance_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
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
                # "relies on US arms, including F-16 jets": the state named as the origin
                # of the goods right after it gives them, and the systems listed.
                owned = _goods_named_after(view, givers[0])
                if owned:
                    for giver_goods in owned:
                        _add_standing_trade(
                            frames, found, index, givers[0].actor, subject.actor, [giver_goods]
                        )
                continue
            goods = [w for w in view.weapons if span[0] < w.first <= span[0] + _RELY_REACH]
            if not goods and not any(
                view.low(i) in ARMS_WORDS for i in range(span[0] + 1, span[0] + _RELY_REACH)
            ):
                continue
            pairs = [(g.actor, goods) for g in givers]
        else:
            # "Armenia has long relied on Russian weapons": the origin word gives.
            goods = [w for w in view.weapons if w.first in tail and w.origin]
            origin = view.origin_actors.get(goods[0].origin or "") if goods else None
            if origin is None:
                origin, goods = _goods_from(view, tail)
            if origin is None:
                continue
            pairs = [(origin, goods)]
        for giver, weapons in pairs:
            _add_standing_trade(frames, found, index, giver, subject.actor, weapons)
    return found


def _goods_from(view: SentenceView, tail: range) -> tuple[ActorRef | None, list[WeaponMention]]:
    """ "Hezbollah has long relied on arms from Iran": the state after "from" gives."""
    goods = [w for w in view.weapons if w.first in tail]
    if not goods or view.low(goods[-1].last + 1) != "from":
        return None, []
    giver = next((a for a in view.actors if a.first == goods[-1].last + 2), None)
    return (giver.actor, goods) if giver is not None else (None, [])


def _goods_named_after(view: SentenceView, giver: ActorMention) -> list[WeaponMention]:
    """The named systems of the state a class of goods right after it comes from: "US arms,
    including F-16 jets and Patriot missiles" (the class itself when none is named)."""
    head = next((w for w in view.weapons if w.first == giver.last + 1 and not w.system), None)
    if head is None:
        return []
    named = [w for w in view.weapons if w.first > head.last and w.made_in == giver.actor.id]
    return named or [head]


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


def turned_to_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
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


def sourced_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
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
        if not goods and not any(view.low(i) in ARMS_WORDS for i in range(owner.last + 1, index)):
            continue
        between = {view.low(i) for i in range(owner.last + 1, index)}
        if between & (CLAUSE_BREAKS | COMPLEMENTIZERS):
            continue
        first = next((a for a in view.actors if a.first == index + 2 and a.prep == "from"), None)
        if first is None:
            continue
        for giver in [first.actor, *listed_siblings(view, first.actor)]:
            _add_standing_trade(frames, found, index, giver, owner.actor, goods)
    return found


# "has sold the TB2 to Poland, and is in talks with Morocco": a giver's clause joined by
# "and" or "while" to talks with other states offers them the same goods.
_TALKS_WORDS: Final = frozenset("talks negotiating negotiations discussions".split())


_TALKS_JOINS: Final = frozenset(["and", "while", "whereas"])


_TALKS_GAP: Final = frozenset(
    "and while whereas , is are was were has have had been also now still in holding held "
    "currently already".split()
)


def talks_after_giving(view: SentenceView, found: list[FrameHit]) -> list[FrameHit]:
    """Talks with the states after "with", from the giver of the frame before them, with
    its goods, as talks."""
    added: list[FrameHit] = []
    if view.words.isdisjoint(_TALKS_WORDS) or view.words.isdisjoint(_TALKS_JOINS):
        return added
    for index, word in enumerate(view.lows):
        if word not in _TALKS_WORDS or view.low(index + 1) != "with":
            continue
        start = index - 1
        while start > 0 and view.low(start) in _TALKS_GAP and view.low(start) not in _TALKS_JOINS:
            start -= 1
        if view.low(start) not in _TALKS_JOINS:
            continue  # "is in talks with" must follow "and" or "while" and a clause
        given = [
            f for f in found
            if f.kind is Frame.GIVE and f.supplier and f.recipient and f.weapons
            and f.trigger < start
        ]  # fmt: skip
        partner = next((a for a in view.actors if a.first == index + 2 and a.prep == "with"), None)
        if not given or partner is None:
            continue
        frame = given[-1]
        supplier = frame.supplier
        if supplier is None:
            continue
        if not _talks_end_or_goods(view, partner):
            continue  # "held talks with Greece on migration": talks about something else
        for actor in [partner.actor, *listed_siblings(view, partner.actor)]:
            if actor.id == supplier.id or any(f.recipient == actor for f in given):
                continue
            added.append(
                FrameHit(Frame.GIVE, index, Status.DISCUSSED, False, supplier, actor, frame.weapons)
            )
    return added


_TALKS_GOODS_REACH: Final = 5  # "in talks with Morocco over more of the drones"


def _talks_end_or_goods(view: SentenceView, partner: ActorMention) -> bool:
    """Whether the states the talks are with end the clause, or goods follow soon after:
    what the talks are about is the goods given before."""
    end = partner.last + 1
    while True:
        later = next(
            (a for a in view.actors if a.first > end and in_one_list(view, partner, a)), None
        )
        if later is None:
            break
        partner, end = later, later.last + 1
    if view.low(end) in (".", ";", ",", ""):
        return True
    return any(end <= w.first <= end + _TALKS_GOODS_REACH for w in view.weapons)


# "Switzerland is weighing the Gripen and the Rafale": a buyer weighing named systems
# talks with each maker.
_WEIGHING: Final = frozenset(
    "considering considers considered eyeing eyes eyed weighing weighs evaluating evaluates "
    "evaluated shortlisted".split()
)


_WEIGH_LEAD: Final = frozenset("is are was were has have had been also now reportedly".split())


_WEIGH_REACH: Final = 3  # tokens from the verb to the first system: "eyeing the French Rafale"


def weighed_frames(view: SentenceView, found: list[FrameHit]) -> list[FrameHit]:
    """One discussed transfer per maker of the named systems a state weighs."""
    added: list[FrameHit] = []
    if view.words.isdisjoint(_WEIGHING):
        return added
    for index, word in enumerate(view.lows):
        if word not in _WEIGHING:
            continue
        subject = next((a for a in reversed(view.actors) if a.last < index and not a.speaker), None)
        if subject is None or subject.prep is not None or subject.possessive:
            continue
        if any(view.low(i) not in _WEIGH_LEAD for i in range(subject.last + 1, index)):
            continue  # "Peru, whose pilots are weighing": another subject
        end = clause_of(view, index)[1]
        goods = [w for w in view.weapons if index < w.first <= end and w.system and w.made_in]
        if not goods or goods[0].first > index + _WEIGH_REACH:
            continue  # "weighing the threat from the J-20": no system weighed
        if any(f.recipient == subject.actor and f.supplier and f.weapons for f in found):
            continue  # a frame of the sentence reads the buyer already
        for maker_id in dict.fromkeys(w.made_in for w in goods):
            maker = view.maker_actors.get(maker_id or "")
            if maker is None or maker.id == subject.actor.id:
                continue
            made = [w for w in goods if w.made_in == maker_id]
            added.append(
                FrameHit(Frame.GIVE, index, Status.DISCUSSED, False, maker, subject.actor, made)
            )
    return added


# "Algeria is one of the biggest buyers of Russian arms, including Su-30 fighters",
# "Egypt, a major buyer of French arms, operates Rafales": the buyer gets the systems of
# that origin the sentence names.
_BUYER_NOUNS: Final = frozenset("buyer buyers importer importers customer customers client".split())


_BUYER_LINKS: Final = frozenset(
    "is was remains a an one of among the biggest largest major main top leading key big "
    "second third".split()
)


def buyer_of_origin_frames(view: SentenceView, found: list[FrameHit]) -> list[FrameHit]:
    """One delivered transfer of the named systems of an origin to the state named as a
    buyer of that origin's goods."""
    added: list[FrameHit] = []
    if view.words.isdisjoint(_BUYER_NOUNS) or "of" not in view.words:
        return added
    for index, word in enumerate(view.lows):
        if word not in _BUYER_NOUNS or view.low(index + 1) != "of":
            continue
        origin = next(
            (w.origin for w in view.weapons if index + 2 <= w.first <= index + 3 and w.origin),
            None,
        )  # "buyers of Russian arms": the demonym stands before the goods
        giver = view.origin_actors.get(origin or "")
        buyer = next((a for a in reversed(view.actors) if a.last < index and not a.speaker), None)
        if giver is None or buyer is None or buyer.prep is not None or buyer.possessive:
            continue
        if any(
            view.low(i) not in _BUYER_LINKS and view.low(i) != ","
            for i in range(buyer.last + 1, index)
        ):
            continue  # "Algeria, whose army is a buyer of": another subject
        goods = [w for w in view.weapons if w.system and w.made_in == origin]
        if not goods or buyer.actor.id == giver.id:
            continue
        if any(f.recipient == buyer.actor and f.supplier is not None for f in found):
            continue
        added.append(
            FrameHit(Frame.GIVE, index, Status.DELIVERED, False, giver, buyer.actor, goods)
        )
    return added


_SUPPLIER_NOUNS: Final = frozenset("supplier suppliers provider backer ally".split())


def supplier_of_apposition(view: SentenceView, found: list[FrameHit]) -> None:
    """ "China, Pakistan's main arms supplier, has delivered J-10C jets": a giver with no
    receiver whose aside names a state's supplier gives to that state."""
    for frame in found:
        if frame.kind is not Frame.GIVE or frame.supplier is None or frame.recipient is not None:
            continue
        giver = next((a for a in view.actors if a.actor == frame.supplier and a.prep is None), None)
        if giver is None or view.low(giver.last + 1) != ",":
            continue
        owner = next((a for a in view.actors if a.first == giver.last + 2 and a.possessive), None)
        if owner is None or owner.actor.id == frame.supplier.id:
            continue
        noun = next(
            (i for i in range(owner.last + 1, owner.last + 5) if view.low(i) in _SUPPLIER_NOUNS),
            None,
        )
        if noun is not None and noun < frame.trigger:
            frame.recipient = owner.actor


# The words each reader here first looks for: ``frames.find_frames`` skips a reader
# whose words a sentence lacks, read in one pass over its tokens for every reader.
RELIANCE_CUES: Final = _RELYING
TURNED_TO_CUES: Final = _TURNING | _PAYING
SOURCED_CUES: Final = _SOURCED
WAY_CUES: Final = _WAY_OR_END_VERBS
TALKS_CUES: Final = _TALKS_WORDS  # with one of TALKS_JOINS
TALKS_JOINS: Final = _TALKS_JOINS
WEIGHING_CUES: Final = _WEIGHING
BUYER_CUES: Final = _BUYER_NOUNS  # with "of"
