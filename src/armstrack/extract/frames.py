"""Transfer frames: who gives what to whom in one sentence.

A frame starts at a trigger word (supply, receive, fire, deal, ...). Its roles
come from the actors in the trigger's clause and the words around them: the
subject before an active verb, "to X" and an indirect object after a giving
verb, "from X" and "with X" for a buyer, "by X" after a passive. Weapons come
from the same clause. A frame that finds no party at all points back at a
transfer already mentioned ("the transfer includes around 400 missiles").

This module finds the triggers and the frames of a sentence, and reads lists, gapping
and packages; ``holders`` reads states that hold or use goods and lists of them,
``roles`` fills a trigger's roles, ``status`` reads how far the transfer has gone, and
``clauses`` holds the frame records and the clause breaks all four read.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from armstrack.extract.actor_readings import gapped
from armstrack.extract.clauses import (
    ADVERBS,
    TRIGGER_WORDS,
    FrameHit,
    Trigger,
    clause_of,
    delivery_after,
)
from armstrack.extract.holders import (
    DEFINITE,
    FLEET_CUES,
    HAVING_CUES,
    HELPING_CUES,
    HOLDING_CUES,
    LIST_GLUE,
    NEW_BUYER_CUES,
    OWNER_CUES,
    PACKAGE_NOUNS,
    POSSESSED_CUES,
    RELATIVE_CUES,
    REPLACING_CUES,
    SHOWING_CUES,
    TAKEN_IN_WAR,
    fleet_frames,
    having_frames,
    helped_frames,
    holder_frames,
    holder_of,
    in_one_list,
    in_the_package,
    joins_a_fleet,
    listed_siblings,
    new_buyer_frames,
    not_replacements,
    operator_frames,
    owned_frames,
    possessed_frames,
    pronoun_goods,
    relative_use_frames,
    showcase_frames,
)
from armstrack.extract.lexicon import (
    AID_QUALIFIERS,
    ANAPHORIC_NOUNS,
    ARRIVAL_VERBS,
    ASK_VERBS,
    AWARD_VERBS,
    BUILD_VERBS,
    CLAUSE_BREAKS,
    COMMITMENTS,
    CONTACTED,
    DEAL_WORDS,
    DETERMINERS,
    FLY_VERBS,
    GIVE_NOUNS,
    GIVE_VERBS,
    JOINING_VERBS,
    MODAL_TRIGGERS,
    NEGATING_ADVERBS,
    NEGATIONS,
    NEGATOR_WORDS,
    NEITHER,
    NON_GOODS,
    ORIGIN_SUFFIXES,
    OUTLET_KINDS,
    PENDING_CUES,
    PERSON_NOUNS,
    PREPOSITIONS,
    QUESTION_OPENERS,
    RARE_SAYING_VERBS,
    REACH,
    REACTIONS,
    REBUFF_WORDS,
    RECEIVE_NOUNS,
    RECEIVE_VERBS,
    TITLE_WORDS,
    USE_VERBS,
    VERDICT_WORDS,
    Frame,
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
    unnamed_giver,
    use_roles,
    weapons_for,
)
from armstrack.extract.status import (
    blocked,
    bought_back_then,
    in_service,
    is_passive,
    read_status,
)
from armstrack.extract.supply_frames import (
    ARMS_WORDS,
    BOUND_CUES,
    BUYER_CUES,
    RELIANCE_CUES,
    SOURCED_CUES,
    TALKS_CUES,
    TALKS_JOINS,
    TURNED_TO_CUES,
    WAY_CUES,
    WEIGHING_CUES,
    approver,
    bound_frames,
    buyer_of_origin_frames,
    destined_frames,
    first_stop,
    reliance_frames,
    sourced_frames,
    supplier_of_apposition,
    talks_after_giving,
    transit_to_group,
    turned_to_frames,
    way_frames,
    weighed_frames,
)
from armstrack.extract.topic_holders import (
    BUYER_ORDINALS,
    HOLDER_WORDS,
    JOINED_AFTER,
    JOINS_CUES,
    MAX_LISTED,
    OPERATE_VERBS,
    TOPIC_LIST_CUES,
    joined_frames,
    topic_holder_frames,
)
from armstrack.extract.view import ActorMention, SentenceView, WeaponMention, same_actor
from armstrack.records import ActorRef, Category, Quantity, Span, Status

_NOUN_LEFT: Final = DETERMINERS | frozenset(
    ["'s", "'", "first", "new", "further", "additional", "more"]
)
_NOUN_PREPOSITIONS: Final = frozenset("on of in for at against".split())
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
    cues = view.cues = _cues(view)
    if cues & _LOYAL_CUE:
        _loyal_subjects(view)
    triggers = _triggers_at(view, TRIGGER_WORDS) if cues & _TRIGGER_CUE else []
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
        frame = _core_frame(view, text, trigger, core, last_subject, cues)
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
    pronoun_goods(view, text, frames)
    if cues & _MORE_CUE and cues & _UNIT_CUE:
        _more_of_the_same(view, frames)
    frames = [_oriented(f) for frame in frames for f in _coordinated(view, frame)]
    frames = [f for frame in frames for f in by_origin(view, frame)]
    frames = [f for frame in frames for f in by_listed_origin(view, frame)]
    frames = [f for frame in frames for f in by_source(view, frame)]
    _pending_delivery(view, frames)
    if cues & _BOUND_CUE:
        transit_to_group(view, frames)
    if "first" in view.words and "then" in view.words:
        frames = [f for f in frames if not first_stop(view, f)]
    if _vague_giver(view):
        for frame in frames:
            frame.vague_supplier = True
    found = frames + _joiners(view, frames) + _gapped_givers(view, frames)
    found += _counted_sources(view, frames)
    # Each reader below runs only where the sentence holds the words its first test looks
    # for (the same test, read from ``cues``): most sentences hold none of them.
    if cues & _HOLDING_CUE:
        found += holder_frames(view, frames)
    if cues & _OPERATE_CUE:
        found += operator_frames(view, frames)
    if cues & _ROLE_CUE and cues & _ARMS_CUE:
        found += _role_frames(view, frames)
    if cues & _RELIANCE_CUE:
        found += reliance_frames(view, found)
    if cues & _TURNED_TO_CUE:
        found += turned_to_frames(view, found)
    if cues & _SOURCED_CUE:
        found += sourced_frames(view, found)
    if cues & _WAY_CUE:
        found += way_frames(view, frames)
    if cues & _POSSESSED_CUE and not cues & _TAKEN_CUE:
        found += possessed_frames(view, found)
    if cues & _SHOWING_CUE and not cues & _TAKEN_CUE:
        found += showcase_frames(view, found)
    if cues & _TOPIC_LIST_CUE:
        found += topic_holder_frames(view, text, found)
    if cues & _JOINS_CUE or (cues & _JOINED_AFTER_CUE and cues & _BUYER_ORDINAL_CUE):
        found += joined_frames(view, text, found)
    if cues & _HOLDER_WORD_CUE and cues & _NEW_BUYER_CUE:
        found += new_buyer_frames(view, text, found)
    if cues & _HAVING_CUE and not cues & _TAKEN_CUE:
        found += having_frames(view, found)
    if cues & _HELPING_CUE:
        found += helped_frames(view, found)
    if cues & _RELATIVE_CUE and cues & _USE_CUE:
        found += relative_use_frames(view, found)
    if cues & _TALKS_CUE and cues & _TALKS_JOIN_CUE:
        found += talks_after_giving(view, found)
    if cues & _WEIGHING_CUE:
        found += weighed_frames(view, found)
    if cues & _BUYER_CUE and cues & _OF_CUE:
        found += buyer_of_origin_frames(view, found)
    supplier_of_apposition(view, found)
    if cues & _FOR_CUE and not cues & _NEGATION_CUE:
        found += destined_frames(view, found)
    owned = owned_frames(view, found) if cues & _OWNER_CUE else []
    if cues & _FLEET_CUE:
        found += fleet_frames(view)
    found += owned
    if cues & _BOUND_CUE:
        found += bound_frames(view, frames)
    return found


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


def _owner_gives(view: SentenceView, frame: FrameHit) -> ActorRef | None:
    """ "Norway's F-16s were handed to Ukraine", "the jets belonging to Denmark were
    delivered to Kyiv": the holder of goods a passive giving verb sends on gives them."""
    if frame.kind is not Frame.GIVE:
        return None
    goods = next((w for w in frame.weapons if w.last < frame.trigger), None)
    owner = holder_of(view, goods) if goods is not None else None
    return owner if owner is not None and owner != frame.recipient else None


# "Turkey remains Azerbaijan's biggest arms supplier", "Kazakhstan was the largest
# recipient of Russian arms": a trade relation stated by role (SIPRI-style data).
_SUPPLIER_ROLES: Final = frozenset("supplier suppliers source provider exporter".split())
_RECIPIENT_ROLES: Final = frozenset("recipient recipients importer buyer customer client".split())
_COPULAS: Final = frozenset("is was remains remained became has been are were".split())


def _role_frames(view: SentenceView, frames: list[FrameHit]) -> list[FrameHit]:
    if view.words.isdisjoint(_SUPPLIER_ROLES) and view.words.isdisjoint(_RECIPIENT_ROLES):
        return []
    if view.words.isdisjoint(ARMS_WORDS):
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
    if owner is None:
        return _supplier_of_goods_to(view, index)
    if not any(view.low(i) in ARMS_WORDS for i in range(owner.last, index + 3)):
        return None
    subject = _subject_before(view, owner.first) or _complement_after(view, index)
    if subject is None or subject.actor == owner.actor:
        return None
    return subject.actor, owner.actor


def _supplier_of_goods_to(view: SentenceView, index: int) -> tuple[ActorRef, ActorRef] | None:
    """ "China is the main supplier of arms to Myanmar" -> (China, Myanmar): goods after
    "of", then the receiver after "to"."""
    if view.low(index + 1) != "of":
        return None
    to = next((i for i in range(index + 2, index + 7) if view.low(i) == "to"), None)
    if to is None or not any(
        view.low(i) in ARMS_WORDS or any(w.first == i for w in view.weapons)
        for i in range(index + 2, to)
    ):
        return None
    receiver = next((a for a in view.actors if a.first == to + 1 and a.prep == "to"), None)
    subject = _subject_before(view, index)
    if receiver is None or subject is None or subject.actor == receiver.actor:
        return None
    return subject.actor, receiver.actor


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
    if not any(view.low(i) in ARMS_WORDS for i in tail):
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
    for giver in (True, False):  # the supplier, then the recipient (no getattr by name)
        actor = frame.supplier if giver else frame.recipient
        if actor is None:
            continue
        # Each sibling twins the frames found so far for the other role only: one frame
        # per (supplier, recipient) pair, so the frames grow as the product of the two
        # lists, never doubling with each listed name.
        bases = list(out)
        siblings = listed_siblings(view, actor)
        if giver and not siblings:
            siblings = _joint_speakers(view, actor)
        if giver and siblings:
            origin = _own_origin(frame, [actor, *siblings])
            if origin is not None:
                # "Slovakia and Poland agreed to hand over Slovakian MiG-29s": the weapons'
                # stated origin picks the giver out of the joint subject.
                for existing in out:
                    existing.supplier = origin
                continue
        for sibling in siblings:
            for existing in bases:
                twin = _copy_frame(existing)
                if giver:
                    twin.supplier = sibling
                else:
                    twin.recipient = sibling
                if twin.supplier != twin.recipient:
                    out.append(twin)
    return out


def _copy_frame(frame: FrameHit) -> FrameHit:
    """What ``dataclasses.replace(frame)`` makes (the same weapons list too), compiled."""
    return FrameHit(
        frame.kind, frame.trigger, frame.status, frame.negated, frame.supplier,
        frame.recipient, frame.weapons, frame.anaphoric, frame.definite, frame.passive,
        frame.vague_supplier, frame.stated,
    )  # fmt: skip


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


def overlong_list(view: SentenceView) -> bool:
    """Whether the sentence lists more actors in a row than one frame takes as parties."""
    run = 1
    actors = view.actors
    for index in range(1, len(actors)):  # indexed: a ``zip`` with ``strict`` is a generic call
        run = run + 1 if in_one_list(view, actors[index - 1], actors[index]) else 1
        if run > MAX_LISTED:
            return True
    return False


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
            all(view.low(i) in LIST_GLUE for i in range(previous.last + 1, mention.first))
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
    takers = [
        f for f in frames if f.recipient is not None and f.supplier is None and not f.vague_supplier
    ]
    for giver in givers:
        for taker in takers:
            assert giver.supplier is not None and taker.recipient is not None
            if giver.supplier.id == taker.recipient.id or not _same_goods(giver, taker):
                continue
            giver.recipient, taker.supplier = taker.recipient, giver.supplier
    for frame in frames:
        if frame.vague_supplier:
            continue  # "as manufacturers give supplies to Kyiv": not the sentence's states
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


def _triggers(view: SentenceView, words: frozenset[str] = TRIGGER_WORDS) -> list[Trigger]:
    """The sentence's triggers, at the words of ``words`` alone (a part of TRIGGER_WORDS
    asks for the triggers those words may be: ``_DEAL_CUES`` for the deals)."""
    # The test of the words read off the sentence's cue bits, for the two sets they hold.
    bit = _TRIGGER_CUE if words is TRIGGER_WORDS else _DEAL_CUE if words is _DEAL_CUES else 0
    if not holds_cue(view, bit, words) if bit else view.words.isdisjoint(words):
        return []
    return _triggers_at(view, words)


def _triggers_at(view: SentenceView, words: frozenset[str]) -> list[Trigger]:
    """``_triggers`` where the sentence is known to hold one of ``words``."""
    found: list[Trigger] = []
    for index, word in enumerate(view.lows):
        if word not in words or (index in view.taken and not _goods_noun_trigger(view, index)):
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
            found.append(Trigger(index, Frame.USE, _DELIVERED, False))
        elif word in DEAL_WORDS:
            found.append(Trigger(index, Frame.DEAL, DEAL_WORDS[word], True))
        elif word in ("took", "take", "taking", "takes", "taken"):
            if view.low(index + 1) == "delivery" or view.low(index + 1) == "possession":
                found.append(Trigger(index, Frame.RECEIVE, _DELIVERED, False))
    return found


# Read once: a member read off its class runs ``EnumType.__getattr__`` (Python 3.11).
_DELIVERED: Final = Status.DELIVERED


# The words a deal trigger stands at: ``_triggers`` reads the same frame at them alone.
_DEAL_CUES: Final = frozenset(DEAL_WORDS)


# The heads of catalogued vague goods that still move them: "arms deliveries".
_MOVING_HEADS: Final = frozenset("delivery deliveries shipment shipments".split())


def _goods_noun_trigger(view: SentenceView, index: int) -> bool:
    """ "Russia stepped up arms deliveries to Mali": the catalogue reads "arms deliveries" as
    vague goods, yet its last word still moves them from a giver to a receiver. Only when
    no other word of the sentence triggers: "authorized a sale, marking the first arms
    shipment in years" is the sale's."""
    if view.low(index) not in _MOVING_HEADS or not any(
        w.generic and w.last == index and w.first < index for w in view.weapons
    ):
        return False
    return not any(
        i != index and i not in view.taken and w in TRIGGER_WORDS for i, w in enumerate(view.lows)
    )


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
    if word in _RULED_WORDS and _ruled_out(view, index, noun, word, before):
        return True  # (one set test first: most trigger words have no rule of their own)
    if before == "-" and word in ORIGIN_SUFFIXES:
        return True  # "US-supplied missiles" names an origin; the verb of the clause acts
    if not noun and (_sends_no_goods(view, index) or _sent_no_goods(view, index)):
        return True  # "sent a letter about the deal", "sent troops"
    if (
        noun
        and word in GIVE_NOUNS
        and (view.low(index - 1) in RECEIVE_VERBS or view.low(index - 2) in RECEIVE_VERBS)
    ):
        return True  # "received shipments of": the receiving verb carries the frame
    if word.startswith("request") and view.low(index + 1) == "to":
        return True  # "Poland's request to re-export": the request is about the re-export
    following = view.low(index + 1)
    return noun and (following in PERSON_NOUNS or following in _COMPOUND_HEADS)


def _ruled_out(view: SentenceView, index: int, noun: bool, word: str, before: str) -> bool:
    """The rules of ``_not_a_trigger`` for a word of ``_RULED_WORDS``."""
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
    if word in JOINING_VERBS and (noun or not joins_a_fleet(view, index)):
        return True  # "he added", "added to the pressure"; "added jets to its fleet"
    if word in AWARD_VERBS and (noun or not _awards_an_order(view, index)):
        return True  # "awarded a medal", "the award ceremony"; "awarded Damen a contract"
    if word in ASK_VERBS and "for" not in {view.low(i) for i in range(index + 1, index + 5)}:
        return True  # "asked about the Su-57" asks for nothing yet
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
    # "Iran ships missiles", not "short-deck ships"
    return word == "ships" and not any(a.last == index - 1 for a in view.actors)


_PASS_VERBS: Final = frozenset("pass passes passed passing".split())
_AWARDED: Final = frozenset("contract contracts order orders deal tender".split())
_AWARD_REACH: Final = 8  # "awarded Spanish shipbuilder Navantia a contract"


def _awards_an_order(view: SentenceView, index: int) -> bool:
    """ "awarded (Damen) a contract": the object of the award is an order."""
    return any(view.low(i) in _AWARDED for i in range(index + 1, index + _AWARD_REACH))


_GOODS_PREPOSITIONS: Final = frozenset("for of with from on".split())
_SHIP_NOUN_LEADS: Final = frozenset("cargo container merchant transport supply navy naval".split())
_TURN_VERBS: Final = frozenset("turn turns turned turning".split())
_PLACE_PREPOSITIONS: Final = frozenset("in at on into near since during".split())


# Every word a rule of ``_ruled_out`` is for.
_RULED_WORDS: Final = (
    frozenset(
        "delivery possession aid shoot shot shooting shoots export exports hand hands armed arm "
        "sign signs used ship ships".split()
    )
    | BUILD_VERBS | JOINING_VERBS | AWARD_VERBS | ASK_VERBS | _PASS_VERBS | _TURN_VERBS
)  # fmt: skip


_BUILT_ELSEWHERE: Final = CLAUSE_BREAKS | _PLACE_PREPOSITIONS  # one set, not one a call


def _builds_for(view: SentenceView, index: int) -> bool:
    """ "built for Pakistan", "is building two frigates for the Egyptian navy"."""
    for actor in view.actors:
        if actor.prep != "for" or actor.speaker or not index < actor.first <= index + 10:
            continue
        between = {view.low(i) for i in range(index + 1, actor.first) if i not in view.taken}
        # "the plant built in 2010 makes drones for Iran": the "for" is another verb's.
        return not between & _BUILT_ELSEWHERE
    return False


# "gave initial approval to", "sent a formal request": adjectives before a non-good.
_NON_GOODS_ADJECTIVES: Final = frozenset(
    "formal official written more initial final preliminary conditional tentative".split()
)


def _sends_no_goods(view: SentenceView, index: int) -> bool:
    """The object of a giving verb is a message or people, not hardware."""
    for offset in range(1, 4):
        word = view.low(index + offset)
        if word in NON_GOODS:
            return True
        if word not in DETERMINERS and word not in _NON_GOODS_ADJECTIVES:
            return False
    return False


_PASSIVE_AUXILIARIES: Final = frozenset("was were is are be been being".split())


def _sent_no_goods(view: SentenceView, index: int) -> bool:
    """ "Notification to Congress was sent on Tuesday": a passive giving verb whose
    sentence opens with a message or people, not hardware."""
    if view.low(index - 1) not in _PASSIVE_AUXILIARIES:
        return False
    first = 1 if view.low(0) in DETERMINERS else 0
    return view.low(first) in NON_GOODS


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


# Verbs of a purchase's aim: "to bolster its air defence", "to modernise its navy".
_AIM_VERBS: Final = frozenset(
    "bolster bolsters strengthen strengthens boost boosts modernise modernize enhance "
    "enhances improve improves upgrade reinforce reinforces shore bolstering strengthening "
    "boosting modernising modernizing enhancing improving reinforcing".split()
)


def _aim_of_goods(view: SentenceView, weapon: WeaponMention, weapons: list[WeaponMention]) -> bool:
    """ "to buy 20 jets to modernise its air force and bolster air defence capacity": a bare
    weapon word after the goods, in the purchase's purpose clause, is its aim, not goods."""
    if weapon.system or weapon.quantity or weapon.origin:
        return False
    lasts = [w.last for w in weapons if w.last < weapon.first]
    if not lasts:
        return False
    last = lasts[0]
    for other in lasts:  # a loop, not max() of a list: that is a generic call
        if other > last:
            last = other
    # "bolster national air defence", "strengthen the country's air defence": the verb's
    # object, not goods a later clause adds ("to bolster its army and will buy drones").
    for index in range(weapon.first - 1, max(last, weapon.first - 5), -1):
        if view.low(index) in ("and", ",", "or"):
            return False
        if view.low(index) in _AIM_VERBS:
            # "to bolster", "to modernise its navy and bolster": the purpose's infinitive.
            return "to" in {view.low(i) for i in range(last + 1, index)}
    return False


def _core_frame(
    view: SentenceView,
    text: str,
    trigger: Trigger,
    core: list[Trigger],
    last_subject: ActorRef | None,
    cues: int,
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
    goods = [w for w in weapons if not carrier(view, w) and not _aim_of_goods(view, w, weapons)]
    weapons = goods or weapons
    if cues & _REPLACING_CUE:  # (the test not_replacements opens with, read off ``cues``)
        weapons = not_replacements(view, trigger, weapons)
    if weapons and trigger.kind is not Frame.USE:
        weapons = weapons + _added_goods(view, weapons, clause)
    parties = [a for a in view.actors if clause[0] <= a.first <= clause[1] and not a.speaker]
    frame = FrameHit(trigger.kind, trigger.index, status, negated, weapons=weapons)
    frame.definite = trigger.noun and (
        any(view.low(i) in DEFINITE for i in range(max(0, trigger.index - 3), trigger.index))
        or _pointer_before(view, trigger.index)
    )
    if trigger.kind is Frame.USE:
        return use_roles(view, text, trigger, frame, parties, clause, last_subject)
    passive = is_passive(view, trigger)
    frame.passive = passive
    segment = segment_of(trigger, core, clause)
    agent = agent_of(view, trigger, parties, passive, last_subject, clause)
    if not passive and unnamed_giver(view, trigger):
        agent = None  # "as manufacturers give supplies to Kyiv": no state is the doer
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
        if frame.supplier is not None and approver(view, frame.supplier):
            frame.supplier = None
    if frame.supplier is None and frame.recipient is not None and passive:
        frame.supplier = _owner_gives(view, frame)
    if frame.recipient is None and frame.supplier is not None and passive:
        frame.recipient = holder_of_goods(view, frame, parties)
    if frame.supplier is None and frame.recipient is None:
        frame.anaphoric = True
    if frame.supplier is None and unnamed_giver(view, trigger):
        frame.vague_supplier = True  # no deal side nor origin guess stands in for them
    if (
        view.low(trigger.index) in FLY_VERBS
        and first_of(parties, trigger, ("to",), after=True) is None
    ):
        return None  # "the KAAN first flew in 2024" moves nothing to anyone
    if view.low(trigger.index) in ARRIVAL_VERBS and people_arrive(view, trigger.index):
        return None  # "technicians arrived in Romania for training on the Patriot"
    return frame


# Marks after vague goods that open their list: "arms to Russia: drones and shells",
# "arms to Russia — drones and shells — despite sanctions".
_SPELLING_MARKS: Final = frozenset([":", "—", "–"])
# Sentence openings that add goods to those of the main clause: "Besides drones, ...".
_ADDING_LEADS: Final = (("besides",), ("in", "addition", "to"), ("as", "well", "as"), ("after",))
_ADDING_FIRSTS: Final = frozenset(lead[0] for lead in _ADDING_LEADS)


def _added_goods(
    view: SentenceView, weapons: list[WeaponMention], clause: tuple[int, int]
) -> list[WeaponMention]:
    """Goods a frame gives besides its own: "not only drones but also shells", "drones,
    and also ammunition", "arms: rifles and mortars" (the added clause names no party and
    no trigger of its own), and "Besides drones, Iran sent Russia shells" (an opening
    before the frame's clause)."""
    added: list[WeaponMention] = []
    at = clause[1] + 1
    # "sent arms to Somalia: rifles and mortars": the colon spells out vague goods
    spelled = view.low(at) in _SPELLING_MARKS and all(w.generic for w in weapons)
    if spelled or (view.low(at) in ("but", "and") and view.low(at + 1) == "also"):
        end = clause_of(view, at)[1]
        past = at if spelled else at + 1  # past the mark, or past "but also"
        if not any(at < a.first <= end for a in view.actors) and not any(
            view.low(i) in TRIGGER_WORDS for i in range(past + 1, end + 1)
        ):
            added = [w for w in view.weapons if past < w.first <= end]
    if clause[0] > 1 or view.low(0) not in _ADDING_FIRSTS:
        # (the loop below reads a lead only where the sentence opens with its first word)
        return [w for w in added if w not in weapons]
    for lead in _ADDING_LEADS:
        if lead[0] == "after" and "also" not in view.words:  # the lead ("after",)
            continue  # "After talks, ..." is a time; "After tanks, X will also send jets"
        # ("after" breaks a clause: the frame's clause opens right past it)
        # (the first word first: most sentences open with none of the leads)
        if clause[0] <= 1 and view.low(0) == lead[0] and tuple(view.lows[: len(lead)]) == lead:
            # the last comma before the frame's goods closes the opening list
            commas = [i for i in range(len(lead), weapons[0].first) if view.low(i) == ","]
            comma = commas[-1] if commas else -1
            if comma > len(lead):
                added += [w for w in view.weapons if len(lead) <= w.first < comma]
    return [w for w in added if w not in weapons]


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
    if not any(a.prep is None for a in parties):
        parties = _relative_subject(view, clause[0]) + parties
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
    beneficiaries = [
        a.actor for a in parties
        if a.prep == "for" and a.first > trigger.index
        # "a deal for South Korean air defence systems": a demonym before goods, no receiver
        and not any(w.first == a.last + 1 for w in weapons)
    ]  # fmt: skip
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


def _relative_subject(view: SentenceView, start: int) -> list[ActorMention]:
    """ "Indonesia, which signed a deal for 42 Rafales in 2022, ...": the actor before
    ", which" is the subject of a deal clause that names none of its own."""
    for at in (start, start - 1):  # the relative word inside the clause or just before it
        if view.low(at) in ("which", "who") and view.low(at - 1) == ",":
            return [a for a in view.actors if a.last == at - 2 and a.prep is None and not a.speaker]
    return []


# "after Slovenia purchased another two systems": more of a system named before.
_MORE_WORDS: Final = frozenset("another more further additional same".split())
_UNIT_NOUNS: Final = frozenset(
    "systems system units unit batteries battery jets aircraft planes helicopters launchers "
    "radars".split()
)


def _more_of_the_same(view: SentenceView, frames: list[FrameHit]) -> None:
    """A frame with a receiver but no goods whose object is "another two systems" or
    "more units" gets the system the sentence named before it, from its maker."""
    if view.words.isdisjoint(_MORE_WORDS) or view.words.isdisjoint(_UNIT_NOUNS):
        return
    for frame in frames:
        if frame.weapons or frame.recipient is None or frame.negated:
            continue
        at = frame.trigger + 1
        words = [view.low(i) for i in range(at, at + 4)]
        unit = next((i for i, w in enumerate(words) if w in _UNIT_NOUNS), None)
        if unit is None or _MORE_WORDS.isdisjoint(words[:unit]):
            continue
        if not all(
            w in _MORE_WORDS or w in DETERMINERS or count_word(w) is not None for w in words[:unit]
        ):
            continue  # "bought more fuel for its systems"
        named = [w for w in view.weapons if w.system and w.made_in and w.last < frame.trigger]
        maker = view.maker_actors.get(named[-1].made_in or "") if named else None
        if maker is None or maker == frame.recipient or frame.supplier not in (None, maker):
            continue
        frame.weapons = [replace(named[-1], quantity=None)]
        frame.supplier = maker


def is_anaphoric_sentence(view: SentenceView) -> bool:
    """A sentence that talks about "the shipments" or "the $5.4 billion deal" without
    naming parties, or lists what a transfer just reported contains."""
    # (the cheap test first: a sentence with a party never counts its list)
    if not any(not a.speaker for a in view.actors) and lists_contents(view):
        return True
    if not known_cues(view) & _ANAPHORIC_CUE:
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
_ADDING_ADVERBS: Final = frozenset("also further additionally".split())
# "It includes ...", "They comprise ...": a pronoun standing for the package just named.
_CONTENT_PRONOUNS: Final = frozenset(["it", "they", "this", "these"])
_CONTENT_NOUNS: Final = frozenset("weapons items systems equipment arms hardware".split())
_CONTENT_CUES: Final = (
    _INCLUDES | _COVERS | {"along", "among"}
)  # every word lists_contents looks for


def lists_contents(view: SentenceView) -> bool:
    """ "The package includes ...", "Among the weapons are ...", "... along with 12
    howitzers": the sentence lists goods."""
    lows = view.lows
    if in_the_package(view):
        return True
    if not holds_cue(view, _CONTENT_CUE, _CONTENT_CUES):
        return False
    for index, word in enumerate(lows):
        if word not in _CONTENT_CUES:
            continue  # one set test for most tokens: every test below asks for a cue
        if word in _INCLUDES and view.low(index - 1) in ("not", "t", "never"):
            return False  # "the package did not include NASAMS"
        named = word in _COVERS and any(w.system for w in view.weapons)
        if (word in _INCLUDES or named) and any(w in PACKAGE_NOUNS for w in lows[:index]):
            return True  # "the package includes"; not "armed with bombs including the MAM"
        if (
            (word in _INCLUDES or named)
            and (index <= 1 or (index == 2 and lows[1] in _ADDING_ADVERBS))
            and (lows[0] in _CONTENT_PRONOUNS or view.low(index + 1) in ("are", "is", "in"))
        ):
            return (
                True  # "It includes 20 Marders", "It also contains", "Included are 12", "It covers"
            )
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
    # The sentence's words tested by their bits: it is the one ``find_frames`` just read.
    cues = known_cues(view)
    if cues & _PACKAGE_CUE or _military_support(view):
        # "The US Department of Defense": two names, one giver.
        # "the package from Germany for Ukraine": "from" names the giver too.
        givers = list({a.actor.id: a.actor for a in clean if a.prep in (None, "from")}.values())
        takers = list({a.actor.id: a.actor for a in clean if a.prep in ("for", "to")}.values())
        if len(givers) == 1 and len(takers) == 1 and givers[0] != takers[0]:
            return (givers[0], takers[0], True)  # giver first
    triggers = _triggers_at(view, _DEAL_CUES) if cues & _DEAL_CUE else []  # ``_triggers``
    deals = [t for t in triggers if t.kind is Frame.DEAL]
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
    if holds_cue(view, _PACKAGE_CUE, _PACKAGE_WORDS) or _military_support(view):
        return side.actor, True
    if any(t.kind is Frame.DEAL for t in _triggers(view, _DEAL_CUES)):
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
        if not _noun_modifier(word):
            return False
    return False


_POINTERS: Final = frozenset(["the", "these", "those", "such"])
# "the $5.4 billion deal", "the 2018 contract", "the new arms package"
_MODIFIER_WORDS: Final = frozenset("billion million bn new latest same arms weapons".split())
_AMOUNT_MARKS: Final = frozenset(".,$€£")


def _noun_modifier(word: str) -> bool:
    """An amount ("$5.4", "2018") or a modifier word: what the readable pattern
    ``[\\d.,$€£]+$|(?:billion|million|bn|new|latest|same|arms|weapons)$`` matches from the
    start (its test holds it), read without the regex engine."""
    if word.endswith("\n"):
        word = word[:-1]  # ``$`` matches before a last newline too
    if word in _MODIFIER_WORDS:
        return True
    for char in word:
        if not (
            "0" <= char <= "9" or char in _AMOUNT_MARKS or (char > "\x7f" and char.isdecimal())
        ):
            return False  # (``\\d`` is any Unicode decimal digit)
    return word != ""


# One bit per set of words a reader of ``find_frames`` first looks for.
_LOYAL_CUE: Final = 1 << 0
_TRIGGER_CUE: Final = 1 << 1
_MORE_CUE: Final = 1 << 2
_UNIT_CUE: Final = 1 << 3
_BOUND_CUE: Final = 1 << 4
_ROLE_CUE: Final = 1 << 5
_ARMS_CUE: Final = 1 << 6
_RELIANCE_CUE: Final = 1 << 7
_TURNED_TO_CUE: Final = 1 << 8
_SOURCED_CUE: Final = 1 << 9
_WAY_CUE: Final = 1 << 10
_POSSESSED_CUE: Final = 1 << 11
_TAKEN_CUE: Final = 1 << 12
_SHOWING_CUE: Final = 1 << 13
_TOPIC_LIST_CUE: Final = 1 << 14
_JOINS_CUE: Final = 1 << 15
_JOINED_AFTER_CUE: Final = 1 << 16
_BUYER_ORDINAL_CUE: Final = 1 << 17
_HOLDER_WORD_CUE: Final = 1 << 18
_NEW_BUYER_CUE: Final = 1 << 19
_HAVING_CUE: Final = 1 << 20
_HELPING_CUE: Final = 1 << 21
_RELATIVE_CUE: Final = 1 << 22
_USE_CUE: Final = 1 << 23
_TALKS_CUE: Final = 1 << 24
_TALKS_JOIN_CUE: Final = 1 << 25
_WEIGHING_CUE: Final = 1 << 26
_BUYER_CUE: Final = 1 << 27
_OF_CUE: Final = 1 << 28
_FOR_CUE: Final = 1 << 29
_NEGATION_CUE: Final = 1 << 30
_OWNER_CUE: Final = 1 << 31
_FLEET_CUE: Final = 1 << 32
_HOLDING_CUE: Final = 1 << 33
_OPERATE_CUE: Final = 1 << 34
_REPLACING_CUE: Final = 1 << 35
# The first tests of readers of the same sentence after ``find_frames`` (``known_cues``).
_ANAPHORIC_CUE: Final = 1 << 36
_CONTENT_CUE: Final = 1 << 37
_VERDICT_CUE: Final = 1 << 38  # the gates of ``claims.STANCE_CUES``
_NEGATING_CUE: Final = 1 << 39
_RARE_SAYING_CUE: Final = 1 << 40
_NEITHER_CUE: Final = 1 << 41
_REACH_CUE: Final = 1 << 42
_REBUFF_CUE: Final = 1 << 43
_TITLE_CUE: Final = 1 << 44  # the first tests of ``speakers.register_titles``
_CONTACTED_CUE: Final = 1 << 45  # and ``speakers.note_contacted``
_OUTLET_CUE: Final = 1 << 46  # and ``speakers._unlisted_outlet``
_PACKAGE_CUE: Final = 1 << 47  # the first tests of ``deal_sides``
_DEAL_CUE: Final = 1 << 48
_QUESTION_CUE: Final = 1 << 49  # the first tests of readers of ``claims``
_NEGATOR_CUE: Final = 1 << 50
_COMMITMENT_CUE: Final = 1 << 51
_REACTION_CUE: Final = 1 << 52  # the last: a short int, well below 2 ** 62


def _cue_table(sets: tuple[tuple[int, frozenset[str]], ...]) -> dict[str, int]:
    """Each word of the cue sets, with the bits of the sets that hold it."""
    table: dict[str, int] = {}
    for bit, words in sets:
        for word in words:
            table[word] = table.get(word, 0) | bit
    return table


# Each bit with its words: a reader's first test, ``not view.words.isdisjoint(words)``.
_CUE_SETS: Final = (
    (_LOYAL_CUE, _LOYAL),
    (_TRIGGER_CUE, TRIGGER_WORDS),
    (_MORE_CUE, _MORE_WORDS),
    (_UNIT_CUE, _UNIT_NOUNS),
    (_BOUND_CUE, frozenset(BOUND_CUES)),
    (_ROLE_CUE, _SUPPLIER_ROLES | _RECIPIENT_ROLES),
    (_ARMS_CUE, ARMS_WORDS),
    (_RELIANCE_CUE, RELIANCE_CUES),
    (_TURNED_TO_CUE, TURNED_TO_CUES),
    (_SOURCED_CUE, SOURCED_CUES),
    (_WAY_CUE, WAY_CUES),
    (_POSSESSED_CUE, POSSESSED_CUES),
    (_TAKEN_CUE, TAKEN_IN_WAR),
    (_SHOWING_CUE, SHOWING_CUES),
    (_TOPIC_LIST_CUE, TOPIC_LIST_CUES),
    (_JOINS_CUE, JOINS_CUES),
    (_JOINED_AFTER_CUE, JOINED_AFTER),
    (_BUYER_ORDINAL_CUE, BUYER_ORDINALS),
    (_HOLDER_WORD_CUE, HOLDER_WORDS),
    (_NEW_BUYER_CUE, NEW_BUYER_CUES),
    (_HAVING_CUE, HAVING_CUES),
    (_HELPING_CUE, HELPING_CUES),
    (_RELATIVE_CUE, RELATIVE_CUES),
    (_USE_CUE, USE_VERBS),
    (_TALKS_CUE, TALKS_CUES),
    (_TALKS_JOIN_CUE, TALKS_JOINS),
    (_WEIGHING_CUE, WEIGHING_CUES),
    (_BUYER_CUE, BUYER_CUES),
    (_OF_CUE, frozenset(["of"])),
    (_FOR_CUE, frozenset(["for"])),
    (_NEGATION_CUE, NEGATIONS),
    (_OWNER_CUE, OWNER_CUES),
    (_FLEET_CUE, FLEET_CUES),
    (_HOLDING_CUE, HOLDING_CUES),
    (_OPERATE_CUE, OPERATE_VERBS),
    (_REPLACING_CUE, REPLACING_CUES),
    (_ANAPHORIC_CUE, ANAPHORIC_NOUNS),
    (_CONTENT_CUE, _CONTENT_CUES),
    (_VERDICT_CUE, VERDICT_WORDS),
    (_NEGATING_CUE, NEGATING_ADVERBS),
    (_RARE_SAYING_CUE, RARE_SAYING_VERBS),
    (_NEITHER_CUE, NEITHER),
    (_REACH_CUE, REACH),
    (_REBUFF_CUE, REBUFF_WORDS),
    (_TITLE_CUE, TITLE_WORDS),
    (_CONTACTED_CUE, CONTACTED),
    (_OUTLET_CUE, OUTLET_KINDS),
    (_PACKAGE_CUE, _PACKAGE_WORDS),
    (_DEAL_CUE, _DEAL_CUES),
    (_QUESTION_CUE, QUESTION_OPENERS),
    (_NEGATOR_CUE, NEGATOR_WORDS),
    (_COMMITMENT_CUE, COMMITMENTS),
    (_REACTION_CUE, REACTIONS),
)
_CUE_TABLE: Final = _cue_table(_CUE_SETS)


_CUE_WORDS: Final = frozenset(_CUE_TABLE)


def _cues(view: SentenceView) -> int:
    """The bits of every cue set the sentence holds a word of: one set test a token and a
    look-up for each cue word found, where a set test per reader would cost one look-up a
    cue word or token each (compiled, the loop is cheaper than intersecting the words,
    which builds a set)."""
    cues = 0
    for word in view.lows:
        if word in _CUE_WORDS:
            cues |= _CUE_TABLE[word]
    return cues


def cue_bit(words: frozenset[str]) -> int:
    """The bit of ``words``, one of the cue sets, in what ``known_cues`` answers."""
    for bit, cue_words in _CUE_SETS:
        if cue_words is words:
            return bit
    raise ValueError("not a cue set of frames._CUE_SETS")


def holds_cue(view: SentenceView, bit: int, words: frozenset[str]) -> bool:
    """``not view.words.isdisjoint(words)``, for ``words`` the cue set of ``bit``: read
    off the bits once they are read, else tested."""
    cues = view.cues
    return bool(cues & bit) if cues >= 0 else not view.words.isdisjoint(words)


def known_cues(view: SentenceView) -> int:
    """The bits of every cue set ``view`` holds a word of (``_CUE_SETS``)."""
    cues = view.cues
    if cues < 0:
        cues = view.cues = _cues(view)
    return cues
