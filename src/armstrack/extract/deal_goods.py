"""Deal goods: what a deal, package or shipment named in one sentence contains.

A deal is often named before its contents ("the package includes ...") or its contents
without a giver ("the shipment carried rifles"); these readings give such goods to the
deal's parties, to the goods a pronoun points at, or to the maker's state.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.extract.clauses import FrameHit
from armstrack.extract.drafts import (
    CONTENTS_REACH,
    Draft,
    Key,
    Pending,
    SentenceFacts,
    add_claims,
    add_frame,
    contribute,
    frame_categories,
    frame_status,
    latest_of,
    recent_deal,
    reported_by,
)
from armstrack.extract.frames import lists_contents, lone_deal_side, package_status
from armstrack.extract.lexicon import (
    Frame,
)
from armstrack.extract.quantities import NUMBER_WORDS
from armstrack.extract.view import SentenceView, WeaponMention
from armstrack.records import (
    ActorRef,
    Category,
    Status,
)

_PLATFORMS: Final = frozenset([Category.AIRCRAFT, Category.SHIP, Category.ARMOURED_VEHICLE])


def pending_deals(drafts: dict[Key, Draft], facts: list[SentenceFacts]) -> list[Pending]:
    """Deals and packages announced without goods: "Germany announced a new package for
    Ukraine", "Poland signed a deal with South Korea" (sides, no direction yet)."""
    pending: list[Pending] = []
    for fact in facts:
        for frame in fact.frames:
            if frame.complete and not frame.negated and not frame_categories(frame):
                assert frame.supplier is not None and frame.recipient is not None
                status = frame_status(frame, fact)
                pending.append((fact.index, frame.supplier, frame.recipient, True, status))
        if fact.deal is not None:
            first, second, oriented = fact.deal
            status = package_status(fact.view) if oriented else Status.AGREED
            pending.append((fact.index, first, second, oriented, status))
    return pending


def _add_contents(
    drafts: dict[Key, Draft], pending: list[Pending], fact: SentenceFacts, catalogue: Catalogue
) -> bool:
    """ "The package includes 180 K2 tanks", "Among the weapons are four IRIS-T
    launchers", "... along with 500 shells": each category listed goes, by the same giver
    to the same receiver, with the transfer or deal of the sentence or two before."""
    if not lists_contents(fact.view):
        return False
    # "includes shells but no Leopard tanks": what the package leaves out is no content.
    weapons = [w for w in fact.view.weapons if not w.generic and not _left_out(fact.view, w)]
    base = _contents_base(drafts, pending, fact, weapons)
    if base is None:
        return False
    supplier, recipient, status = base
    pair = (supplier.id, recipient.id)
    if any(k[:2] == pair and k[2] in _PLATFORMS for k in drafts) or any(
        w.category in _PLATFORMS for w in weapons
    ):
        # "... as well as engines and radars" in a package of jets: unnamed radars that
        # come with a platform are its equipment, not a sensor transfer of their own.
        weapons = [w for w in weapons if w.system or not _platform_equipment(w)]
    others = {a.actor.id for a in fact.view.actors if not a.speaker} - {supplier.id, recipient.id}
    if others:
        return False  # "... including drones for Poland" names a transfer of its own
    _add_goods(drafts, fact, supplier, recipient, status, weapons, catalogue)
    return True


def add_deal_goods_of(
    drafts: dict[Key, Draft],
    earlier: tuple[list[Pending], list[tuple[SentenceFacts, FrameHit]]],
    recent: list[SentenceFacts],
    fact: SentenceFacts,
    anaphoric: list[FrameHit],
    catalogue: Catalogue,
) -> bool:
    """Goods of a deal or package the sentence or two before announced: listed ("The
    package includes ..."), or moved with no party named ("The first six arrived ..."); or
    seized goods of a stated origin after a receiver named with no giver. ``recent`` holds
    the facts of the ``CONTENTS_REACH`` sentences before, with others perhaps."""
    if not (anaphoric or not fact.frames):
        return False
    pending, unfilled = earlier
    return (
        _add_contents(drafts, pending, fact, catalogue)
        or (bool(anaphoric) and _add_deal_goods(drafts, pending, fact, anaphoric, catalogue))
        or _add_lone_deal_goods(drafts, recent, fact, anaphoric, catalogue)
        or (not fact.frames and _add_origin_goods(drafts, fact, unfilled, catalogue))
    )


def _add_deal_goods(
    drafts: dict[Key, Draft],
    pending: list[Pending],
    fact: SentenceFacts,
    frames: list[FrameHit],
    catalogue: Catalogue,
) -> bool:
    """ "Indonesia signed a deal with France. The first six Rafales arrived in January",
    "... The drones will be delivered by May": goods moved with no party named, right
    after a deal or package that named none, go between the deal's sides (an unoriented
    deal is turned by the goods' maker). Only when nothing reported since points elsewhere
    and the sentence names no other actor."""
    moving = [
        f
        for f in frames
        if f.kind in (Frame.GIVE, Frame.RECEIVE) and not f.negated and f.trigger >= 0
    ]
    weapons = [w for f in moving for w in f.weapons if not w.generic]
    if not weapons:
        return False
    deal = recent_deal(drafts, pending, fact.index)
    if deal is None:
        return False
    _, first, second, oriented, status = deal
    named = {a.actor.id for a in fact.view.actors if not a.speaker}
    if not named <= {first.id, second.id}:
        return False  # "... Rafales arrived in Qatar": another transfer
    if not oriented:
        makers = {w.made_in for w in weapons if w.system} - {None}
        if makers == {second.id}:
            first, second = second, first
        elif makers != {first.id}:
            return False
    status = max(status, max(frame_status(f, fact) for f in moving))
    _add_goods(drafts, fact, first, second, status, weapons, catalogue)
    return True


def _add_lone_deal_goods(
    drafts: dict[Key, Draft],
    recent: list[SentenceFacts],
    fact: SentenceFacts,
    frames: list[FrameHit],
    catalogue: Catalogue,
) -> bool:
    """A deal or package whose sentence names one side, and goods in the next that name
    the other: "The Pentagon announced a $2bn package. It includes Patriot interceptors for
    Ukraine" (the receiver after "for"); "Jakarta signed a contract on Thursday. The first
    six Rafales will arrive in 2026" (the maker of the goods is the other side)."""
    earlier = [
        f for f in recent if fact.index - CONTENTS_REACH <= f.index < fact.index and not f.report
    ]
    if not earlier:
        return False
    indices = [f.index for f in earlier]
    if any(i in d.evidence for d in drafts.values() for i in indices):
        return False  # a transfer reported since: the goods are its (``_add_contents``)  # a transfer reported since: the goods are its (``_add_contents``)
    lone = lone_deal_side(earlier[-1].view) if not earlier[-1].frames else None
    if lone is None:
        return False
    side, giver = lone
    weapons = [w for w in fact.view.weapons if not w.generic and not _left_out(fact.view, w)]
    named = {a.actor.id: a for a in fact.view.actors if not a.speaker}
    moved = [f for f in frames if f.kind in (Frame.GIVE, Frame.RECEIVE) and not f.negated]
    if lists_contents(fact.view) and giver and len(named) == 1:
        (receiver,) = named.values()
        if receiver.prep not in ("for", "to") or receiver.actor.id == side.id:
            return False
        supplier, recipient, status = side, receiver.actor, package_status(earlier[-1].view)
    elif moved and not named:
        makers = {w.made_in for w in weapons if w.system} - {None}
        if len(makers) != 1 or side.id in makers:
            return False
        maker = makers.pop()
        assert maker is not None
        supplier, recipient = catalogue.actor(maker), side
        status = max([Status.AGREED, *(frame_status(f, fact) for f in moved)])
    else:
        return False
    _add_goods(drafts, fact, supplier, recipient, status, weapons, catalogue)
    return bool(weapons)


def _add_goods(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    supplier: ActorRef,
    recipient: ActorRef,
    status: Status,
    weapons: list[WeaponMention],
    catalogue: Catalogue,
) -> None:
    """Goods a sentence adds to a transfer read from sentences before it: one transfer per
    category, each with the goods of that category."""
    frame = FrameHit(Frame.GIVE, -1, status, False, supplier, recipient, anaphoric=True)
    for category in sorted({w.category for w in weapons}, key=lambda c: c.value):
        key = (supplier.id, recipient.id, category)
        draft = drafts.setdefault(
            key, Draft(supplier, recipient, category, status, fact.index, fact.index)
        )
        contribute(draft, fact, frame, [w for w in weapons if w.category == category], catalogue)


_GOODS_REACH: Final = 2  # "supplied them" points at the goods of the sentence or two before


_GOODS_PRONOUNS: Final = frozenset(["them", "it"])


def _give_pointed_goods(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    frame: FrameHit,
    unfilled: list[tuple[SentenceFacts, FrameHit]],
    catalogue: Catalogue,
) -> bool:
    """ "Ukraine received its first F-16s. Denmark and Norway supplied them": a giver whose
    object is a pronoun gives the goods of the transfer reported just before, to its
    receiver (the maker guessed as giver there then gives way, ``filling.drop_maker_guesses``),
    or the goods a receiver got from no one named there ("The first tanks arrived in
    Ukraine. Poland delivered them")."""
    if frame.kind is not Frame.GIVE or frame.supplier is None or frame.negated:
        return False
    if frame.trigger < 0 or fact.view.low(frame.trigger + 1) not in _GOODS_PRONOUNS:
        return False
    if fact.view.weapons:
        return False  # "sold the guns on, so Tallinn could ship them": goods named here
    giver = frame.supplier
    _, seen = reported_by(drafts, fact.index - _GOODS_REACH, fact.index - 1)
    if seen < 0:
        return _give_unfilled(drafts, fact, frame, unfilled, catalogue)
    pointed = [
        d
        for d in drafts.values()
        if seen in d.evidence
        and d.recipient.id != giver.id
        and (frame.recipient is None or d.recipient.id == frame.recipient.id)
    ]
    if len({d.recipient.id for d in pointed}) != 1:
        return False  # goods of two receivers: "them" is not clear
    for goods in pointed:
        key = (giver.id, goods.recipient.id, goods.category)
        draft = drafts.setdefault(
            key,
            Draft(giver, goods.recipient, goods.category, frame.status, fact.index, fact.index),
        )
        draft.generic = draft.generic and goods.generic
        for name, system in goods.systems.items():
            draft.systems.setdefault(name, system)
        draft.status = max(draft.status, frame.status)
        draft.last_sentence = max(draft.last_sentence, fact.index)
        draft.evidence[fact.index] = fact.span
        add_claims(draft, fact, frame.status, False, frame.trigger)
    return True


def _give_unfilled(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    frame: FrameHit,
    unfilled: list[tuple[SentenceFacts, FrameHit]],
    catalogue: Catalogue,
) -> bool:
    """The goods of the latest receiver-only frame of the sentence or two before, given
    by ``frame``'s giver."""
    giver = frame.supplier
    assert giver is not None
    earlier = [
        (f, h)
        for f, h in unfilled
        if fact.index - _GOODS_REACH <= f.index < fact.index
        and h.recipient is not None
        and h.recipient.id != giver.id
        and (frame.recipient is None or h.recipient.id == frame.recipient.id)
        and any(not w.generic for w in h.weapons)
    ]
    if not earlier:
        return False
    source, goods = earlier[-1]
    assert goods.recipient is not None
    given = replace(goods, supplier=giver)
    touched = add_frame(drafts, source, given, giver, goods.recipient, catalogue)
    for draft in touched:
        draft.status = max(draft.status, frame.status)
        draft.last_sentence = max(draft.last_sentence, fact.index)
        draft.evidence[fact.index] = fact.span
        add_claims(draft, fact, frame.status, False, frame.trigger)
    return bool(touched)


_POINTING: Final = frozenset(["the", "these", "those"])


_PART_WORDS: Final = frozenset("first last remaining final second third rest".split())


_PART_NOUNS: Final = frozenset(
    "batch batches shipment shipments delivery deliveries units ones of in on at by , .".split()
)


def _counts_part(word: str) -> bool:
    """ "the first six", "the first batch", "the last in May": a part of the goods."""
    return word.isdigit() or word in NUMBER_WORDS or word in _PART_NOUNS


def points_at_goods(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    frame: FrameHit,
    unfilled: list[tuple[SentenceFacts, FrameHit]],
    catalogue: Catalogue,
) -> bool:
    """A transfer verb whose object ("them", "the first six") points at goods named before."""
    return _give_pointed_goods(drafts, fact, frame, unfilled, catalogue) or _advances_pointed(
        drafts, fact, frame, catalogue
    )


def _advances_pointed(
    drafts: dict[Key, Draft], fact: SentenceFacts, frame: FrameHit, catalogue: Catalogue
) -> bool:
    """ "Greece ordered 24 Rafales from France. Athens received the first six in January":
    a transfer verb with one party whose object points at goods already reported ("the
    first six", "them") adds to that party's latest transfer, and can advance its status."""
    if frame.complete or frame.negated or frame.trigger < 0 or frame.kind is Frame.USE:
        return False
    view = fact.view
    after = [view.low(i) for i in range(frame.trigger + 1, frame.trigger + 4)]
    if not (after[0] in ("them", "it") or (after[0] in ("the", "its") and after[1] in _PART_WORDS)):
        return False
    if after[0] not in ("them", "it") and not _counts_part(after[2]):
        return False  # "received the first visit of": no goods
    party = frame.supplier or frame.recipient
    if party is None:
        return False
    target = latest_of(
        drafts,
        fact.index,
        lambda d: (
            d.first_sentence < fact.index
            and (d.supplier.id if frame.supplier else d.recipient.id) == party.id
        ),
    )
    if target is None or target.first_sentence >= fact.index:
        return False
    contribute(target, fact, frame, [], catalogue)
    return True


_SEIZED: Final = frozenset("seized intercepted confiscated seizure interdiction haul".split())


_LISTING: Final = frozenset("include includes included including consisted comprised among".split())


def _lists_seized(view: SentenceView) -> bool:
    """ "The seized weaponry included ...", "Among the items intercepted were ..."."""
    return not view.words.isdisjoint(_SEIZED) and not view.words.isdisjoint(_LISTING)


def _add_origin_goods(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    unfilled: list[tuple[SentenceFacts, FrameHit]],
    catalogue: Catalogue,
) -> bool:
    """ "The dhow was transporting lethal aid to resupply Houthi forces. The seized weaponry
    included Iranian-made missile components": goods of one stated origin, listed with no
    party named, come from that state to the receiver the sentence or two before named
    with no giver."""
    view = fact.view
    if not (lists_contents(view) or _lists_seized(view)):
        return False
    if any(not a.speaker for a in view.actors):
        return False
    goods = [w for w in view.weapons if not w.generic and w.origin]
    origins = {w.origin for w in goods}
    if len(origins) != 1:
        return False
    origin = origins.pop()
    assert origin is not None
    supplier = catalogue.actor(origin)
    earlier = [
        h
        for f, h in unfilled
        if fact.index - _GOODS_REACH <= f.index < fact.index
        and h.recipient is not None
        and h.recipient.id != supplier.id
        and not h.negated
    ]
    if not earlier or earlier[-1].recipient is None:
        return False
    recipient = earlier[-1].recipient
    # Seized goods were sent: a seizure counts as delivered, as for "bound for".
    status = Status.DELIVERED if _lists_seized(view) else earlier[-1].status
    _add_goods(drafts, fact, supplier, recipient, status, goods, catalogue)
    return True


def supplies_unfilled(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    frame: FrameHit,
    unfilled: list[tuple[SentenceFacts, FrameHit]],
    catalogue: Catalogue,
) -> bool:
    """ "Russia has received a new batch of drones. The drones were supplied by Iran": goods
    that point back ("the drones") with only their giver named go to the receiver of the
    same kind of goods the sentence or two before named with no giver."""
    if frame.kind is not Frame.GIVE or frame.supplier is None or frame.negated:
        return False
    if not frame.passive:
        return False  # "the drones were supplied by Iran"; not "Iran sent the drones to ..."
    view = fact.view
    if not frame.weapons or any(view.low(w.first - 1) not in _POINTING for w in frame.weapons):
        return False
    categories = {w.category for w in frame.weapons}
    earlier = [
        (f, h)
        for f, h in unfilled
        if fact.index - _GOODS_REACH <= f.index < fact.index
        and h.recipient is not None
        and h.recipient.id != frame.supplier.id
        and categories <= {w.category for w in h.weapons}
    ]
    if not earlier:
        return False
    source, goods = earlier[-1]
    assert goods.recipient is not None
    given = replace(goods, supplier=frame.supplier)
    touched = add_frame(drafts, source, given, frame.supplier, goods.recipient, catalogue)
    for draft in touched:
        contribute(draft, fact, frame, frame.weapons, catalogue)
    return bool(touched)


def _platform_equipment(weapon: WeaponMention) -> bool:
    """Radars and sonars come fitted to jets and ships; thermal scopes and night-vision
    devices are handed to troops, a sensor transfer of their own."""
    surface = weapon.span.text.lower()
    return weapon.category is Category.SENSOR and ("radar" in surface or "sonar" in surface)


def _left_out(view: SentenceView, weapon: WeaponMention) -> bool:
    before = view.low(weapon.first - 1)
    return before in ("no", "not") or (
        view.low(weapon.first - 2) in ("no", "not") and weapon.first - 1 not in view.taken
    )


def _contents_base(
    drafts: dict[Key, Draft],
    pending: list[Pending],
    fact: SentenceFacts,
    weapons: list[WeaponMention],
) -> tuple[ActorRef, ActorRef, Status] | None:
    """The giver, receiver and status of the transfer a list of contents belongs to."""
    # "the package includes", "support included": the sentence names what it lists the
    # contents of, and may come later; "along with 12 howitzers" only follows at once.
    named = not fact.view.words.isdisjoint(("package", "support", "aid", "assistance"))
    floor = -1 if named else fact.index - CONTENTS_REACH
    latest, seen = reported_by(drafts, floor, fact.index)
    earlier = [p for p in pending if floor <= p[0] <= fact.index]
    if earlier and (latest is None or earlier[-1][0] > seen):
        _, first, second, oriented, status = earlier[-1]
        if oriented:
            return first, second, status
        makers = {w.made_in for w in weapons if w.system} - {None}
        if makers == {first.id}:
            return first, second, status
        if makers == {second.id}:
            return second, first, status
        return None
    if latest is None or not weapons:
        return None
    return latest.supplier, latest.recipient, latest.status
