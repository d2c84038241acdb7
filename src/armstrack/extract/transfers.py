"""From frames in sentences to one transfer per (supplier, recipient, category).

Complete frames make transfers. Frames with one party borrow the other from a
transfer the article already reported (or, for a named system, from its country
of origin). Frames with no party, and stance sentences about "the reports",
add evidence to the transfer the article was last talking about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.catalogue.normalise import fold
from armstrack.extract.claims import (
    ClaimCue,
    commitment_speakers,
    later_clause,
    negates_transfer,
    other_clause,
    reacts,
)
from armstrack.extract.clauses import FrameHit
from armstrack.extract.frames import lists_contents, lone_deal_side, package_status
from armstrack.extract.lexicon import (
    ANAPHORIC_NOUNS,
    GIVE_NOUNS,
    GIVE_VERBS,
    RECEIVE_NOUNS,
    RECEIVE_VERBS,
    Frame,
)
from armstrack.extract.mentions import SentenceView, WeaponMention
from armstrack.extract.quantities import NUMBER_WORDS
from armstrack.extract.spans import new_claim, new_transfer
from armstrack.extract.speakers import demonym_index
from armstrack.records import (
    ActorRef,
    Category,
    Claim,
    Quantity,
    Route,
    Span,
    Speaker,
    Stance,
    Status,
    SystemRef,
    TimeRef,
    Transfer,
)

Key = tuple[str, str, Category]
_NOUNISH: Final = frozenset(
    ["sale", "sales", "deal", "deals", "aid", "order", "orders", "purchase", "purchases"]
)


@dataclass(slots=True)
class SentenceFacts:
    """What the extractor found in one sentence, ready for assembly."""

    index: int
    span: Span
    view: SentenceView
    frames: list[FrameHit]
    cues: list[ClaimCue]
    hedges: tuple[str, ...]
    # The sentence's times are found when first asked for (``times``): most sentences
    # contribute to no transfer, and their dates are never read.
    find_times: Callable[[], list[TimeRef]]
    routes: list[Route]
    anaphoric: bool
    home: ActorRef | None = None  # the state the article is about so far
    stance_only: bool = False  # no weapon, no transfer noun, but a denial or the like
    # The sides of a deal or package that names no weapon (giver first if the bool is set).
    deal: tuple[ActorRef, ActorRef, bool] | None = None
    report: bool = False  # names no weapon but credits a news organisation for a report
    _times: list[TimeRef] | None = field(default=None, init=False, repr=False, compare=False)

    # Written out so that mypyc compiles it: see ``mentions.ActorMention``.
    def __init__(
        self,
        index: int,
        span: Span,
        view: SentenceView,
        frames: list[FrameHit],
        cues: list[ClaimCue],
        hedges: tuple[str, ...],
        find_times: Callable[[], list[TimeRef]],
        routes: list[Route],
        anaphoric: bool,
        home: ActorRef | None = None,
        stance_only: bool = False,
        deal: tuple[ActorRef, ActorRef, bool] | None = None,
        report: bool = False,
    ) -> None:
        self.index, self.span, self.view, self.frames, self.cues = index, span, view, frames, cues
        self.hedges, self.find_times, self.routes = hedges, find_times, routes
        self.anaphoric = anaphoric
        self._times = None
        self.home, self.stance_only, self.deal, self.report = home, stance_only, deal, report

    @property
    def times(self) -> list[TimeRef]:
        if self._times is None:
            self._times = self.find_times()
        return self._times


@dataclass(slots=True)
class _Draft:
    supplier: ActorRef
    recipient: ActorRef
    category: Category
    status: Status
    first_sentence: int
    last_sentence: int
    generic: bool = True
    systems: dict[str, SystemRef] = field(default_factory=dict)
    quantities: list[Quantity] = field(default_factory=list)
    times: dict[tuple[int, int], TimeRef] = field(default_factory=dict)
    routes: dict[tuple[int, int], Route] = field(default_factory=dict)
    claims: dict[tuple[int, int, str, str], Claim] = field(default_factory=dict)
    evidence: dict[int, Span] = field(default_factory=dict)

    # Written out: the ``__init__`` dataclass makes runs as interpreted Python, its
    # default factories called by name, for each of some 200 drafts an article pass makes.
    def __init__(
        self,
        supplier: ActorRef,
        recipient: ActorRef,
        category: Category,
        status: Status,
        first_sentence: int,
        last_sentence: int,
        generic: bool = True,
    ) -> None:
        self.supplier, self.recipient, self.category, self.status = (
            supplier,
            recipient,
            category,
            status,
        )
        self.first_sentence, self.last_sentence, self.generic = (
            first_sentence,
            last_sentence,
            generic,
        )
        self.systems = {}
        self.quantities = []
        self.times = {}
        self.routes = {}
        self.claims = {}
        self.evidence = {}


def assemble(
    facts: list[SentenceFacts], catalogue: Catalogue, text: str = ""
) -> tuple[Transfer, ...]:
    drafts: dict[Key, _Draft] = {}
    used: set[int] = set()  # sentences that made or fed a transfer
    for fact in facts:
        for frame in fact.frames:
            if frame.complete:
                if _add_frame(drafts, fact, frame, frame.supplier, frame.recipient, catalogue):  # type: ignore[arg-type]
                    used.add(fact.index)
    stated = set(drafts)  # transfers whose two parties a sentence names
    makers: set[Key] = set()  # transfers whose giver is only the maker of the goods
    pending = _pending_deals(drafts, facts)
    unfilled: list[tuple[SentenceFacts, FrameHit]] = []  # goods a receiver got from no one
    for fact in facts:
        for frame in fact.frames:
            if not frame.weapons and _points_at_goods(drafts, fact, frame, unfilled, catalogue):
                used.add(fact.index)
            elif not frame.complete and not frame.anaphoric:
                if _fill_partial(drafts, fact, frame, catalogue, makers, pending):
                    used.add(fact.index)
                elif frame.recipient is not None and frame.kind is not Frame.USE:
                    unfilled.append((fact, frame))
                elif _supplies_unfilled(drafts, fact, frame, unfilled, catalogue):
                    used.add(fact.index)
    _drop_maker_guesses(drafts, makers - stated)
    for fact in facts:
        anaphoric = [f for f in fact.frames if f.anaphoric]
        if _add_deal_goods_of(drafts, (pending, unfilled), facts, fact, anaphoric, catalogue):
            used.add(fact.index)
        elif anaphoric or (fact.anaphoric and not fact.frames):
            if _attach_anaphora(drafts, fact, anaphoric, catalogue):
                used.add(fact.index)
    _drop_generic_duplicates(drafts)
    _specify_generic(drafts, facts)
    for fact in facts:
        if fact.report:
            _attach_report(drafts, fact)
        elif fact.index not in used:
            _attach_stances(drafts, fact)
    _inherit_announcers(drafts, facts)
    for draft in drafts.values():
        _credit_unnamed_reports(draft)
        _drop_home_press(draft, catalogue)
    _add_article_systems(drafts, facts, catalogue)
    _add_named_hulls(drafts, facts, text, catalogue)
    ordered = sorted(drafts.values(), key=lambda d: d.first_sentence)
    return tuple(_finish(d) for d in ordered)


def _inherit_announcers(drafts: dict[Key, _Draft], facts: list[SentenceFacts]) -> None:
    """ "Freedonia will send a package, its defence minister said. The package includes
    shells.": contents listed in the article's own voice right after a party announced the
    package are that party's word, so its confirmation covers them (CLAIMS.md)."""
    by_index = {f.index: f for f in facts}
    for draft in drafts.values():
        parties = {draft.supplier.id, draft.recipient.id}
        for index in sorted(draft.evidence):
            fact, before = by_index.get(index), by_index.get(index - 1)
            if fact is None or before is None or not lists_contents(fact.view):
                continue
            if any(c.speaker is not None for c in fact.cues):
                continue  # the list has a speaker of its own
            for cue in before.cues:
                actor = cue.speaker.actor if cue.speaker else None
                if actor is None or actor.id not in parties:
                    continue
                if cue.stance not in (Stance.ASSERTS, Stance.CONFIRMS):
                    continue
                key = (fact.span.start, 0, Stance.CONFIRMS.value, _speaker_key(cue.speaker))
                claim = Claim(cue.speaker, Stance.CONFIRMS, fact.span, fact.hedges, None)
                draft.claims.setdefault(key, claim)


_UNNAMED_REPORTS: Final = re.compile(
    r"^(?:after |in )?(?:a |the |media |news |press )?(?:reports?|media reports?)$", re.I
)


def _credit_unnamed_reports(draft: _Draft) -> None:
    """ "after a report said the missiles had arrived ... a report in the Courier said":
    an unnamed report of a transfer an outlet is credited for is that outlet's."""
    if not any(
        c.speaker and c.speaker.outlet and not c.speaker.actor for c in draft.claims.values()
    ):
        return
    for key, claim in list(draft.claims.items()):
        speaker = claim.speaker
        if speaker is None or speaker.actor is not None or speaker.outlet:
            continue
        if claim.stance is Stance.ASSERTS and _UNNAMED_REPORTS.match(speaker.text.strip()):
            del draft.claims[key]


# Unnamed press of a party's own country: "Russian media", "a South Korean daily". ("Local
# media" is left alone: annotators credit it as often as not.)
_PRESS_HEADS: Final = frozenset(
    "media press newspaper newspapers daily dailies outlets television broadcaster".split()
)


def _drop_home_press(draft: _Draft, catalogue: Catalogue) -> None:
    """ "Thai media reported the submarine deal" when the Thai navy confirms it: a
    party's home press on a transfer the party confirms carries the party's news, not a
    voice of its own (as an outlet relaying a state's word is none, CLAIMS.md)."""
    parties = {draft.supplier.id, draft.recipient.id}
    if not any(
        c.stance is Stance.CONFIRMS
        and c.speaker
        and c.speaker.actor
        and c.speaker.actor.id in parties
        for c in draft.claims.values()
    ):
        return
    for key, claim in list(draft.claims.items()):
        speaker = claim.speaker
        if claim.stance is not Stance.ASSERTS or speaker is None:
            continue
        if (
            speaker.actor is None
            and not speaker.outlet
            and _home_press(speaker.text, parties, catalogue)
        ):
            del draft.claims[key]


def _home_press(text: str, parties: set[str], catalogue: Catalogue) -> bool:
    """Whether ``text`` names unnamed press of one of ``parties`` ("South Korean media")."""
    words = fold(text).replace("'s", " ").replace("’s", " ").split()
    if not words or words[-1] not in _PRESS_HEADS:
        return False
    demonyms = demonym_index(catalogue)
    pairs = [f"{words[i]} {words[i + 1]}" for i in range(len(words) - 1)]
    return any(demonyms.get(w) in parties for w in words + pairs)


_Pending = tuple[int, ActorRef, ActorRef, bool, Status]
_PLATFORMS: Final = frozenset([Category.AIRCRAFT, Category.SHIP, Category.ARMOURED_VEHICLE])
# How many sentences back a list of contents may point: "The package includes ..." follows
# the sentence that announced the package, or the one after it.
_CONTENTS_REACH: Final = 2


def _pending_deals(drafts: dict[Key, _Draft], facts: list[SentenceFacts]) -> list[_Pending]:
    """Deals and packages announced without goods: "Germany announced a new package for
    Ukraine", "Poland signed a deal with South Korea" (sides, no direction yet)."""
    pending: list[_Pending] = []
    for fact in facts:
        for frame in fact.frames:
            if frame.complete and not frame.negated and not _categories(frame):
                assert frame.supplier is not None and frame.recipient is not None
                status = _frame_status(frame, fact)
                pending.append((fact.index, frame.supplier, frame.recipient, True, status))
        if fact.deal is not None:
            first, second, oriented = fact.deal
            status = package_status(fact.view) if oriented else Status.AGREED
            pending.append((fact.index, first, second, oriented, status))
    return pending


def _add_contents(
    drafts: dict[Key, _Draft], pending: list[_Pending], fact: SentenceFacts, catalogue: Catalogue
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


def _add_deal_goods_of(
    drafts: dict[Key, _Draft],
    earlier: tuple[list[_Pending], list[tuple[SentenceFacts, FrameHit]]],
    facts: list[SentenceFacts],
    fact: SentenceFacts,
    anaphoric: list[FrameHit],
    catalogue: Catalogue,
) -> bool:
    """Goods of a deal or package the sentence or two before announced: listed ("The
    package includes ..."), or moved with no party named ("The first six arrived ..."); or
    seized goods of a stated origin after a receiver named with no giver."""
    if not (anaphoric or not fact.frames):
        return False
    pending, unfilled = earlier
    return (
        _add_contents(drafts, pending, fact, catalogue)
        or (bool(anaphoric) and _add_deal_goods(drafts, pending, fact, anaphoric, catalogue))
        or _add_lone_deal_goods(drafts, facts, fact, anaphoric, catalogue)
        or (not fact.frames and _add_origin_goods(drafts, fact, unfilled, catalogue))
    )


def _add_deal_goods(
    drafts: dict[Key, _Draft],
    pending: list[_Pending],
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
    deal = _recent_deal(drafts, pending, fact.index)
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
    status = max(status, max(_frame_status(f, fact) for f in moving))
    _add_goods(drafts, fact, first, second, status, weapons, catalogue)
    return True


def _add_lone_deal_goods(
    drafts: dict[Key, _Draft],
    facts: list[SentenceFacts],
    fact: SentenceFacts,
    frames: list[FrameHit],
    catalogue: Catalogue,
) -> bool:
    """A deal or package whose sentence names one side, and goods in the next that name
    the other: "The Pentagon announced a $2bn package. It includes Patriot interceptors for
    Ukraine" (the receiver after "for"); "Jakarta signed a contract on Thursday. The first
    six Rafales will arrive in 2026" (the maker of the goods is the other side)."""
    earlier = [
        f for f in facts if fact.index - _CONTENTS_REACH <= f.index < fact.index and not f.report
    ]
    if not earlier or any(d.evidence.keys() & {f.index for f in earlier} for d in drafts.values()):
        return False  # a transfer reported since: the goods are its (``_add_contents``)
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
        status = max([Status.AGREED, *(_frame_status(f, fact) for f in moved)])
    else:
        return False
    _add_goods(drafts, fact, supplier, recipient, status, weapons, catalogue)
    return bool(weapons)


def _add_goods(
    drafts: dict[Key, _Draft],
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
            key, _Draft(supplier, recipient, category, status, fact.index, fact.index)
        )
        _contribute(draft, fact, frame, [w for w in weapons if w.category == category], catalogue)


def _recent_deal(drafts: dict[Key, _Draft], pending: list[_Pending], index: int) -> _Pending | None:
    """The deal or package announced in the sentence or two before ``index`` without goods,
    if no transfer was reported since and that sentence announced no other."""
    floor = index - _CONTENTS_REACH
    earlier = [p for p in pending if floor <= p[0] < index]
    if not earlier:
        return None
    _, seen = _reported_by(drafts, floor, index - 1)
    last = earlier[-1]
    sides = {frozenset((p[1].id, p[2].id)) for p in earlier if p[0] == last[0]}
    return last if seen <= last[0] and len(sides) == 1 else None


def _deal_partner(
    drafts: dict[Key, _Draft], pending: list[_Pending], frame: FrameHit, index: int
) -> ActorRef | None:
    """ "Biden announced a new package for Ukraine. The Pentagon will deliver shells": the
    one party named is a side of the deal just announced; the other side is the partner."""
    if frame.negated or all(w.generic for w in frame.weapons):
        return None  # "Kyiv wants more weapons": no goods of that deal
    deal = _recent_deal(drafts, pending, index)
    if deal is None:
        return None
    _, first, second, oriented, _ = deal
    party = frame.supplier or frame.recipient
    assert party is not None
    if oriented and frame.supplier is not None:
        return second if party.id == first.id else None
    if oriented:
        return first if party.id == second.id else None
    if party.id == first.id:
        return second
    return first if party.id == second.id else None


_GOODS_REACH: Final = 2  # "supplied them" points at the goods of the sentence or two before
_GOODS_PRONOUNS: Final = frozenset(["them", "it"])


def _give_pointed_goods(
    drafts: dict[Key, _Draft],
    fact: SentenceFacts,
    frame: FrameHit,
    unfilled: list[tuple[SentenceFacts, FrameHit]],
    catalogue: Catalogue,
) -> bool:
    """ "Ukraine received its first F-16s. Denmark and Norway supplied them": a giver whose
    object is a pronoun gives the goods of the transfer reported just before, to its
    receiver (the maker guessed as giver there then gives way, ``_drop_maker_guesses``),
    or the goods a receiver got from no one named there ("The first tanks arrived in
    Ukraine. Poland delivered them")."""
    if frame.kind is not Frame.GIVE or frame.supplier is None or frame.negated:
        return False
    if frame.trigger < 0 or fact.view.low(frame.trigger + 1) not in _GOODS_PRONOUNS:
        return False
    if fact.view.weapons:
        return False  # "sold the guns on, so Tallinn could ship them": goods named here
    giver = frame.supplier
    _, seen = _reported_by(drafts, fact.index - _GOODS_REACH, fact.index - 1)
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
            _Draft(giver, goods.recipient, goods.category, frame.status, fact.index, fact.index),
        )
        draft.generic = draft.generic and goods.generic
        for name, system in goods.systems.items():
            draft.systems.setdefault(name, system)
        draft.status = max(draft.status, frame.status)
        draft.last_sentence = max(draft.last_sentence, fact.index)
        draft.evidence[fact.index] = fact.span
        _add_claims(draft, fact, frame.status, False, frame.trigger)
    return True


def _give_unfilled(
    drafts: dict[Key, _Draft],
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
    touched = _add_frame(drafts, source, given, giver, goods.recipient, catalogue)
    for draft in touched:
        draft.status = max(draft.status, frame.status)
        draft.last_sentence = max(draft.last_sentence, fact.index)
        draft.evidence[fact.index] = fact.span
        _add_claims(draft, fact, frame.status, False, frame.trigger)
    return bool(touched)


_POINTING: Final = frozenset(["the", "these", "those"])
_PART_WORDS: Final = frozenset("first last remaining final second third rest".split())
_PART_NOUNS: Final = frozenset(
    "batch batches shipment shipments delivery deliveries units ones of in on at by , .".split()
)


def _counts_part(word: str) -> bool:
    """ "the first six", "the first batch", "the last in May": a part of the goods."""
    return word.isdigit() or word in NUMBER_WORDS or word in _PART_NOUNS


def _points_at_goods(
    drafts: dict[Key, _Draft],
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
    drafts: dict[Key, _Draft], fact: SentenceFacts, frame: FrameHit, catalogue: Catalogue
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
    target = _latest(
        drafts,
        fact.index,
        lambda d: (
            d.first_sentence < fact.index
            and (d.supplier.id if frame.supplier else d.recipient.id) == party.id
        ),
    )
    if target is None or target.first_sentence >= fact.index:
        return False
    _contribute(target, fact, frame, [], catalogue)
    return True


_SEIZED: Final = frozenset("seized intercepted confiscated seizure interdiction haul".split())
_LISTING: Final = frozenset("include includes included including consisted comprised among".split())


def _lists_seized(view: SentenceView) -> bool:
    """ "The seized weaponry included ...", "Among the items intercepted were ..."."""
    return not view.words.isdisjoint(_SEIZED) and not view.words.isdisjoint(_LISTING)


def _add_origin_goods(
    drafts: dict[Key, _Draft],
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


def _supplies_unfilled(
    drafts: dict[Key, _Draft],
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
    touched = _add_frame(drafts, source, given, frame.supplier, goods.recipient, catalogue)
    for draft in touched:
        _contribute(draft, fact, frame, frame.weapons, catalogue)
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
    drafts: dict[Key, _Draft],
    pending: list[_Pending],
    fact: SentenceFacts,
    weapons: list[WeaponMention],
) -> tuple[ActorRef, ActorRef, Status] | None:
    """The giver, receiver and status of the transfer a list of contents belongs to."""
    # "the package includes", "support included": the sentence names what it lists the
    # contents of, and may come later; "along with 12 howitzers" only follows at once.
    named = not fact.view.words.isdisjoint(("package", "support", "aid", "assistance"))
    floor = -1 if named else fact.index - _CONTENTS_REACH
    latest, seen = _reported_by(drafts, floor, fact.index)
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


def _reported_by(drafts: dict[Key, _Draft], floor: int, index: int) -> tuple[_Draft | None, int]:
    """The transfer with the latest evidence in sentences ``floor`` to ``index``, and that
    sentence: a transfer also reported later in the article still counts here."""
    best: _Draft | None = None
    seen = -1
    for draft in drafts.values():
        inside = [i for i in draft.evidence if floor <= i <= index]
        if inside and max(inside) > seen:
            best, seen = draft, max(inside)
    return best, seen


def _categories(frame: FrameHit) -> dict[Category, list[WeaponMention]]:
    """The frame's weapons grouped by category; vague words only if nothing else."""
    specific: dict[Category, list[WeaponMention]] = {}
    generic: dict[Category, list[WeaponMention]] = {}
    for weapon in frame.weapons:
        target = generic if weapon.generic else specific
        target.setdefault(weapon.category, []).append(weapon)
    return specific or generic


def _add_frame(
    drafts: dict[Key, _Draft],
    fact: SentenceFacts,
    frame: FrameHit,
    supplier: ActorRef,
    recipient: ActorRef,
    catalogue: Catalogue,
) -> list[_Draft]:
    if supplier.id == recipient.id:
        return []  # a state arming its own forces is no transfer
    touched = []
    by_category = _categories(frame)
    if not by_category:
        # "Iran shipped them to Russia": no weapon named, the pair's latest transfer.
        latest = _latest(
            drafts,
            fact.index,
            lambda d: (d.supplier.id, d.recipient.id) == (supplier.id, recipient.id),
        )
        if latest is not None:
            _contribute(latest, fact, frame, [], catalogue)
            touched.append(latest)
        return touched
    for category, weapons in by_category.items():
        key = (supplier.id, recipient.id, category)
        draft = drafts.get(key)
        if draft is None:
            draft = _Draft(
                supplier, recipient, category, _frame_status(frame, fact), fact.index, fact.index
            )
            drafts[key] = draft
        _contribute(draft, fact, frame, weapons, catalogue)
        touched.append(draft)
    return touched


def _frame_status(frame: FrameHit, fact: SentenceFacts) -> Status:
    """A negated trigger still reports a transfer under discussion, unless it is denied."""
    if frame.negated and not any(c.stance is Stance.DENIES for c in fact.cues):
        return Status.DISCUSSED
    return frame.status


def _contribute(
    draft: _Draft,
    fact: SentenceFacts,
    frame: FrameHit,
    weapons: list[WeaponMention],
    catalogue: Catalogue,
) -> None:
    status = _frame_status(frame, fact)
    if not (frame.anaphoric and frame.negated):
        draft.status = max(draft.status, status)
    draft.last_sentence = max(draft.last_sentence, fact.index)
    draft.evidence[fact.index] = fact.span
    for weapon in weapons:
        if not weapon.generic:
            draft.generic = False
        if weapon.system:
            draft.systems.setdefault(weapon.system, catalogue.system(weapon.system))
        if weapon.quantity is not None and frame.kind is not Frame.USE:
            draft.quantities.append(weapon.quantity)
    for time in fact.times:
        draft.times.setdefault((time.span.start, time.span.end), time)
    for route in fact.routes:
        draft.routes.setdefault((route.span.start, route.span.end), route)
    _add_claims(draft, fact, status, frame.negated and not frame.anaphoric, frame.trigger)


def _add_claims(
    draft: _Draft,
    fact: SentenceFacts,
    status: Status | None,
    negated: bool = False,
    trigger: int = -1,
) -> None:
    parties = {draft.supplier.id, draft.recipient.id}
    own = [
        c
        for c in fact.cues
        if not other_clause(fact.view, c, trigger)
        and not later_clause(fact.view, c, trigger)
        and not _bystander_reaction(fact, c, parties)
    ]
    cues: list[ClaimCue | None] = list(_for_the_parties(own, draft)) or [None]
    for cue in cues:
        stance = cue.stance if cue else Stance.ASSERTS
        actor = cue.speaker.actor if cue and cue.speaker else None
        if (
            (negated or negates_transfer(fact.view, parties))
            and stance is Stance.ASSERTS
            and actor is not None
            and actor.id in parties
        ):
            # "Tehran said it had not supplied the weapon" is a denial.
            stance = Stance.DENIES
        elif stance is Stance.ASSERTS and actor is not None and actor.id in parties:
            # A party saying its own transfer happened confirms it (CLAIMS.md).
            stance = Stance.CONFIRMS
        speaker = cue.speaker if cue else None
        key = (
            fact.span.start,
            0,  # one claim per sentence, stance and speaker: "said ... according to" is one
            stance.value,
            _speaker_key(speaker),
        )
        draft.claims.setdefault(key, new_claim(speaker, stance, fact.span, fact.hedges, status))
    if negated:
        return
    for party in commitment_speakers(fact.view, parties):
        key = (fact.span.start, 0, Stance.CONFIRMS.value, _speaker_key(party))
        claim = new_claim(party, Stance.CONFIRMS, fact.span, fact.hedges, status)
        draft.claims.setdefault(key, claim)


def _for_the_parties(cues: list[ClaimCue], draft: _Draft) -> list[ClaimCue]:
    """ "Both countries deny the allegations": "the two countries" of a stance are the two
    parties of the transfer it answers, not the two states the article named last (which
    may be the accuser's)."""
    parties = (draft.supplier.id, draft.recipient.id)
    if not any(
        c.speaker is not None
        and c.speaker.role == "pair"
        and (c.speaker.actor is None or c.speaker.actor.id not in parties)
        for c in cues
    ):
        return cues  # "the two countries" already are the parties, or there is none
    kept: list[ClaimCue] = []
    for cue in cues:
        speaker = cue.speaker
        if speaker is None or speaker.role != "pair":
            kept.append(cue)
            continue
        for party in (draft.supplier, draft.recipient):
            paired = replace(cue, speaker=replace(speaker, actor=party))
            if paired not in kept:
                kept.append(paired)
    return kept


def _bystander_reaction(fact: SentenceFacts, cue: ClaimCue, parties: set[str]) -> bool:
    """ "Cathay said it would sanction the contractors" over a sale between two others
    reacts to the transfer; it does not report it."""
    actor = cue.speaker.actor if cue.speaker else None
    if cue.stance is not Stance.ASSERTS or (actor is not None and actor.id in parties):
        return False
    return reacts(fact.view, cue)


def _speaker_key(speaker: Speaker | None) -> str:
    """One claim per speaker: "the ministers of the two countries" are two speakers."""
    if speaker is None:
        return ""
    return f"{speaker.text}|{speaker.actor.id if speaker.actor else ''}"


def _latest(drafts: dict[Key, _Draft], before: int, accept: object) -> _Draft | None:
    test = accept if callable(accept) else (lambda d: True)
    candidates = [d for d in drafts.values() if test(d)]
    if not candidates:
        return None
    earlier = [d for d in candidates if d.first_sentence <= before]
    pool = earlier or candidates
    return max(
        pool, key=lambda d: (d.last_sentence if d.last_sentence <= before else -1, d.first_sentence)
    )


def _fill_partial(
    drafts: dict[Key, _Draft],
    fact: SentenceFacts,
    frame: FrameHit,
    catalogue: Catalogue,
    makers: set[Key],
    pending: list[_Pending],
) -> bool:
    """One party named: take the other from the article, or from the system's origin."""
    categories: set[Category | None] = set(_categories(frame)) or {None}
    filled_any = False
    # Sorted: set order changes from run to run, and the first filled transfer wins ties.
    for category in sorted(categories, key=lambda c: c.value if c else ""):
        other = _same_system_supplier(drafts, frame)
        if other is None and frame.kind is Frame.GIVE and frame.passive and frame.supplier is None:
            other = _speaking_state(fact, frame)
        if other is None and frame.recipient is not None and frame.supplier is None:
            if _several_suppliers(drafts, frame):
                # "the F-16s arrived in Ukraine" after three donors were named: no origin
                # guess, and what is said here is about those transfers, not the latest pair.
                filled_any = True
                continue
            if not frame.vague_supplier:
                other = _origin_supplier(frame, catalogue)
                if other is not None and frame.recipient is not None and category is not None:
                    makers.add((other.id, frame.recipient.id, category))
        if not lists_contents(fact.view):  # a list of the package's goods goes with it whole
            other = other or _deal_partner(drafts, pending, frame, fact.index)
        other = other or _pointed_seller(drafts, frame)
        other = other or _counterpart(drafts, frame, category, fact.index)
        if other is None and frame.kind is Frame.GIVE and frame.recipient is None:
            other = _sole_recipient(drafts, frame, category)
        if other is None and frame.kind is Frame.RECEIVE and frame.supplier is not None:
            # "24 M-346 jets ordered from Italy": the buyer is the country the story is about,
            # the one every transfer so far goes to if there is one.
            recipients = {d.recipient.id: d.recipient for d in drafts.values()}
            buyer = next(iter(recipients.values())) if len(recipients) == 1 else fact.home
            if buyer is not None and buyer.id != frame.supplier.id:
                other = buyer
        if other is None:
            continue
        supplier = frame.supplier or other
        recipient = frame.recipient or other
        filled = FrameHit(frame.kind, frame.trigger, frame.status, frame.negated, supplier, recipient,
                          [w for w in frame.weapons if category is None or w.category == category])  # fmt: skip
        filled_any = (
            bool(_add_frame(drafts, fact, filled, supplier, recipient, catalogue)) or filled_any
        )
    return filled_any


def _pointed_seller(drafts: dict[Key, _Draft], frame: FrameHit) -> ActorRef | None:
    """ "Embraer delivered Super Tucanos to Paraguay. The same aircraft was acquired by
    Ghana": goods that point back at a system come from whoever the article said
    supplies it, if one state does."""
    if frame.supplier is not None or frame.recipient is None:
        return None
    pointed = {w.system for w in frame.weapons if w.system and w.made_in is None}
    sellers = {
        d.supplier.id: d.supplier
        for d in drafts.values()
        if pointed & set(d.systems) and d.supplier.id != frame.recipient.id
    }
    return next(iter(sellers.values())) if len(sellers) == 1 else None


def _drop_maker_guesses(drafts: dict[Key, _Draft], guesses: set[Key]) -> None:
    """ "Ukraine received its first F-16s. The jets were donated by Denmark": once the
    article names who gave the goods, their maker is no giver of its own."""
    for key in guesses:
        guess = drafts.get(key)
        if guess is None:
            continue
        givers = [
            d
            for k, d in drafts.items()
            if k != key
            and k[1:] == key[1:]
            and (set(d.systems) & set(guess.systems) or not guess.systems)
        ]
        if givers:
            del drafts[key]
            for draft in givers:
                draft.evidence.update(guess.evidence)
                draft.claims.update(guess.claims)
                draft.first_sentence = min(draft.first_sentence, guess.first_sentence)


def _several_suppliers(drafts: dict[Key, _Draft], frame: FrameHit) -> bool:
    """Whether the article names more than one supplier of these systems to the recipient."""
    assert frame.recipient is not None
    systems = {w.system for w in frame.weapons if w.system}
    suppliers = {
        d.supplier.id
        for d in drafts.values()
        if d.recipient.id == frame.recipient.id and systems & set(d.systems)
    }
    return len(suppliers) > 1


def _sole_recipient(
    drafts: dict[Key, _Draft], frame: FrameHit, category: Category | None
) -> ActorRef | None:
    """ "Germany is sending 14 Leopard 2 tanks" in an article where every transfer so far
    goes to Ukraine: a further donor gives to the same recipient. Only for specific
    hardware given outright (not offered, not negated), and only when one recipient."""
    if frame.negated or frame.status is Status.DISCUSSED or category in (None, Category.OTHER):
        return None
    if frame.supplier is None or all(w.generic for w in frame.weapons):
        return None
    recipients = {d.recipient.id: d.recipient for d in drafts.values()}
    if len(recipients) != 1:
        return None
    (recipient,) = recipients.values()
    if recipient.id == frame.supplier.id or recipient.kind != "state":
        return None
    return recipient


def _same_system_supplier(drafts: dict[Key, _Draft], frame: FrameHit) -> ActorRef | None:
    """ "the sale of the F-16s to Argentina": the supplier already named for those F-16s."""
    if frame.recipient is None or frame.supplier is not None:
        return None
    systems = {w.system for w in frame.weapons if w.system}
    suppliers = {
        d.supplier.id: d.supplier
        for d in drafts.values()
        if d.recipient.id == frame.recipient.id and systems & set(d.systems)
    }
    return next(iter(suppliers.values())) if len(suppliers) == 1 else None


def _speaking_state(fact: SentenceFacts, frame: FrameHit) -> ActorRef | None:
    """ "Poland's defence minister says tanks have been handed over to Ukraine".

    Only for named hardware: an envoy saying "weapons were trucked to the RSF" accuses
    someone else.
    """
    if all(w.generic for w in frame.weapons):
        return None
    for cue in fact.cues:
        actor = cue.speaker.actor if cue.speaker else None
        if cue.stance in (Stance.ASSERTS, Stance.CONFIRMS) and actor is not None:
            if frame.recipient is not None and actor.id != frame.recipient.id:
                return actor
    return None


def _counterpart(
    drafts: dict[Key, _Draft], frame: FrameHit, category: Category | None, index: int
) -> ActorRef | None:
    if frame.supplier is not None:
        matching = [d for d in drafts.values() if d.supplier.id == frame.supplier.id]
        others = {d.recipient.id: d.recipient for d in matching}
        same = [d.recipient for d in matching if d.category == category]
    else:
        assert frame.recipient is not None
        matching = [d for d in drafts.values() if d.recipient.id == frame.recipient.id]
        others = {d.supplier.id: d.supplier for d in matching}
        same = [d.supplier for d in matching if d.category == category]
    if same and len({a.id for a in same}) == 1:
        return same[0]
    # A different category still points at the only partner the article names.
    if len(others) == 1 and category is not None and category is not Category.OTHER:
        return next(iter(others.values()))
    return None


def _origin_supplier(frame: FrameHit, catalogue: Catalogue) -> ActorRef | None:
    """A recipient of a named system with no supplier named gets the system's origin."""
    assert frame.recipient is not None
    origins = {w.origin or w.made_in for w in frame.weapons if w.system or w.origin} - {None}
    if frame.kind is Frame.USE or len(origins) != 1:
        return None
    origin = origins.pop()
    if origin is None or origin == frame.recipient.id:
        return None
    return catalogue.actor(origin)


def _attach_anaphora(
    drafts: dict[Key, _Draft],
    fact: SentenceFacts,
    frames: list[FrameHit],
    catalogue: Catalogue,
) -> bool:
    """ "The transfer includes around 400 missiles": evidence for the latest transfer."""
    weapons = [w for f in frames for w in f.weapons] or list(fact.view.weapons)
    if not (frames or weapons or fact.cues or (fact.times and _names_a_transfer(fact))):
        return False  # "Oil markets shrugged off the report": it says nothing of the transfer
    categories = {w.category for w in weapons if not w.generic}
    if frames and not categories and not any(f.definite for f in frames):
        # "Trump-era sales", "buying Chinese weapons": nothing points back at a transfer.
        if weapons or any(
            f.kind is Frame.RECEIVE or fact.view.lows[f.trigger] in _NOUNISH for f in frames
        ):
            return False
    # "the Rafale contract" points at the transfer of Rafales, not the latest of jets.
    systems = {w.system for w in weapons if w.system}
    # "new transfers of Russian tanks" is no news of a transfer between two other states.
    origins = {w.origin for w in weapons if w.origin}

    def _fits(draft: _Draft) -> bool:
        return draft.first_sentence <= fact.index and (
            not origins or bool(origins & {draft.supplier.id, draft.recipient.id})
        )

    target = _latest(drafts, fact.index, lambda d: _fits(d) and bool(systems & set(d.systems))) or (
        _latest(
            drafts, fact.index, lambda d: _fits(d) and (not categories or d.category in categories)
        )
    )
    named = {
        w.category
        for w in weapons
        if w.system or (w.category is Category.AMMUNITION and not w.generic)
    }
    if target is None and named and fact.anaphoric and _names_a_transfer(fact):
        return _extend_package(drafts, fact, frames, weapons, named, catalogue)
    base = _also_handed_over(drafts, fact, frames) if target is None and categories else None
    if base is not None:
        # "Helicopters could also be sent": the new goods keep their own status.
        status = _frame_status(frames[0], fact)
        _add_lines(drafts, fact, frames, weapons, categories, catalogue, base, status)
        return True
    if target is None or target.first_sentence > fact.index:
        return False
    usable = [w for w in weapons if w.category == target.category]
    frame = frames[0] if frames else FrameHit(Frame.GIVE, -1, target.status, True, anaphoric=True)
    if (
        fact.index in target.evidence
        and frame.status > target.status
        and not _took_place(fact.view, frame.trigger)
    ):
        # "agreed to buy JF-17s ..., the first export of the jet": a pointer in the
        # sentence that reported the transfer adds nothing to its status.
        frame = replace(frame, status=target.status)
    _contribute(target, fact, frame, usable, catalogue)
    _extend_target(drafts, fact, frames, target, catalogue)
    return True


_ALSO_REACH: Final = 3  # "were also handed over", "had also been delivered"


def _also_handed_over(
    drafts: dict[Key, _Draft], fact: SentenceFacts, frames: list[FrameHit]
) -> _Draft | None:
    """ "Thousands of shells were also handed over": a verb of transfer with "also" and
    no party adds goods to the transfer reported in the sentence just before."""
    view = fact.view
    if not any(
        f.kind is not Frame.USE
        and not f.negated
        and f.trigger >= 0
        and view.low(f.trigger) not in GIVE_NOUNS
        and view.low(f.trigger) not in RECEIVE_NOUNS
        and "also" in {view.low(i) for i in range(f.trigger - _ALSO_REACH, f.trigger)}
        for f in frames
    ):
        return None
    before = [d for d in drafts.values() if fact.index - 1 in d.evidence]
    return (
        before[-1]
        if len(before) == 1 or len({(d.supplier, d.recipient) for d in before}) == 1
        else None
    )


_HAPPENED: Final = frozenset("took began started arrived commenced continued".split())
_HAPPENED_AFTER: Final = frozenset("begun started completed arrived been".split())


def _took_place(view: SentenceView, index: int) -> bool:
    """ "..., and deliveries took place over three years": the noun reports an event."""
    if index < 0:
        return False
    after = view.low(index + 1)
    return after in _HAPPENED or (
        after in ("have", "has", "were", "was") and view.low(index + 2) in _HAPPENED_AFTER
    )


def _extend_target(
    drafts: dict[Key, _Draft],
    fact: SentenceFacts,
    frames: list[FrameHit],
    target: _Draft,
    catalogue: Catalogue,
) -> None:
    """ "... a sale of 20 Harpoons and a sale of 11 HIMARS launchers": named systems of
    other categories in the goods of a transfer noun that points back go the same way
    as the transfer it points at, unless their maker is a third state."""
    pair = (target.supplier.id, target.recipient.id)
    named = [
        w
        for f in frames
        if f.anaphoric
        for w in f.weapons
        if w.system and w.category is not target.category and w.made_in in (None, pair[0])
    ]
    for category in sorted({w.category for w in named}, key=lambda c: c.value):
        draft = drafts.setdefault(
            (*pair, category),
            _Draft(
                target.supplier, target.recipient, category, target.status, fact.index, fact.index
            ),
        )
        frame = FrameHit(Frame.GIVE, -1, target.status, False, anaphoric=True)
        _contribute(draft, fact, frame, [w for w in named if w.category is category], catalogue)


def _extend_package(
    drafts: dict[Key, _Draft],
    fact: SentenceFacts,
    frames: list[FrameHit],
    weapons: list[WeaponMention],
    categories: set[Category],
    catalogue: Catalogue,
) -> bool:
    """ "The package also contains Javelin missiles": named systems of a new category in
    the package the article last reported go from the same supplier to the same recipient
    (a class word alone, "missiles for the launchers", may be part of what is there;
    ammunition, "155mm rounds", is a line of its own)."""
    latest = _latest(drafts, fact.index, lambda d: d.first_sentence <= fact.index)
    if latest is None:
        return False
    _add_lines(drafts, fact, frames, weapons, categories, catalogue, latest, latest.status)
    return True


def _add_lines(
    drafts: dict[Key, _Draft],
    fact: SentenceFacts,
    frames: list[FrameHit],
    weapons: list[WeaponMention],
    categories: set[Category],
    catalogue: Catalogue,
    base: _Draft,
    status: Status,
) -> None:
    """Each category of goods as a line of its own between the parties of ``base``."""
    for category in sorted(categories, key=lambda c: c.value):
        key = (base.supplier.id, base.recipient.id, category)
        draft = drafts.setdefault(
            key, _Draft(base.supplier, base.recipient, category, status, fact.index, fact.index)
        )
        frame = frames[0] if frames else FrameHit(Frame.GIVE, -1, base.status, True, anaphoric=True)
        _contribute(draft, fact, frame, [w for w in weapons if w.category == category], catalogue)


def _names_a_transfer(fact: SentenceFacts) -> bool:
    """ "The shipments began in January" dates a transfer; "the report on Thursday" does not."""
    return not fact.view.words.isdisjoint(ANAPHORIC_NOUNS)


def _drop_generic_duplicates(drafts: dict[Key, _Draft]) -> None:
    """ "arms" next to "missiles" for the same pair is the same transfer, not another.

    What was said about the vague one ("Iran denies supplying weapons to the
    Houthis") holds for the specific ones of the same pair.
    """
    for key in [k for k, d in drafts.items() if d.generic]:
        pair = [
            d
            for d in drafts.values()
            if not d.generic and (d.supplier.id, d.recipient.id) == key[:2]
        ]
        if not pair:
            continue
        vague = drafts.pop(key)
        for draft in pair:
            draft.claims.update(vague.claims)
            draft.evidence.update(vague.evidence)


def _specify_generic(drafts: dict[Key, _Draft], facts: list[SentenceFacts]) -> None:
    """ "Iran denies sending weapons to Russia ... the Iranian drones that hit Kyiv": a
    pair whose only goods are a vague word takes the one kind the article names as the
    giver's goods (by origin or maker), not "other"."""
    for key in [k for k, d in drafts.items() if d.generic and k[2] is Category.OTHER]:
        if any(k[:2] == key[:2] and k != key for k in drafts):
            continue
        supplier, near = key[0], _near_evidence(drafts[key])
        kinds = {
            w.category
            for fact in facts
            for w in fact.view.weapons
            if not w.generic
            and ((w.origin or w.made_in) == supplier or (fact.index in near and not w.origin))
        }
        kinds.discard(Category.OTHER)
        if len(kinds) != 1:
            continue
        (kind,) = kinds
        draft = drafts.pop(key)
        draft.category = kind
        drafts[(key[0], key[1], kind)] = draft


def _near_evidence(draft: _Draft) -> set[int]:
    """The sentences that reported a transfer, and the one after each ("Iran sent weapons
    to Russia. Among them were drones")."""
    return set(draft.evidence) | {i + 1 for i in draft.evidence}


_TRANSFER_WORDS: Final = frozenset(
    [*GIVE_VERBS, *GIVE_NOUNS, *RECEIVE_VERBS, *RECEIVE_NOUNS, "weapons", "arms", "arming"]
)
_SPOKEN_STANCES: Final = (Stance.DENIES, Stance.CONFIRMS, Stance.DECLINES, Stance.UNCONFIRMED)


def _attach_stances(drafts: dict[Key, _Draft], fact: SentenceFacts) -> None:
    """ "Tehran rejected the accusation": the stance holds for the latest pair of that actor."""
    if not (fact.anaphoric or fact.view.weapons or _answers_a_transfer(drafts, fact)):
        return
    for cue in fact.cues:
        if cue.stance is Stance.ASSERTS:
            _attach_assertion(drafts, fact, cue)
            continue
        if cue.stance not in _SPOKEN_STANCES:
            continue
        actor = cue.speaker.actor if cue.speaker else None
        pair = cue.speaker is not None and cue.speaker.role == "pair"
        targets = _latest_pair(drafts, fact.index, None if pair else actor)
        if (not targets and actor is None) or (cue.stance is Stance.DENIES and actor is None):
            continue
        if not targets and cue.stance is not Stance.DENIES:
            targets = _latest_pair(drafts, fact.index, None)
        for draft in targets:
            for said in _for_the_parties([cue], draft):
                key = (fact.span.start, 0, said.stance.value, _speaker_key(said.speaker))
                claim = Claim(said.speaker, said.stance, fact.span, fact.hedges, None)
                draft.claims.setdefault(key, claim)
            draft.evidence[fact.index] = fact.span


def _attach_assertion(drafts: dict[Key, _Draft], fact: SentenceFacts, cue: ClaimCue) -> None:
    """ "Kyiv thanked Oslo for the NASAMS", "the tanks will leave in May, she added": a
    speaker talking of weapons already reported speaks of their transfer (a party to it
    confirms it)."""
    if cue.speaker is None:
        return
    categories = {w.category for w in fact.view.weapons}
    if not categories and not fact.anaphoric:
        return
    actor = cue.speaker.actor
    targets = _latest_pair(drafts, fact.index, actor) if actor is not None else []
    targets = targets or _latest_pair(drafts, fact.index, None)
    for draft in targets:
        if categories and draft.category not in categories:
            continue
        parties = (draft.supplier.id, draft.recipient.id)
        if _bystander_reaction(fact, cue, set(parties)):
            continue
        bystander = actor is None or actor.id not in parties
        if bystander and not cue.speaker.outlet and not _speaks_of(fact, draft):
            continue  # an analyst on the weapon's kind, not on this transfer
        if actor is None and cue.speaker.outlet and _names_another_state(fact, set(parties)):
            continue  # "the Courier reported on British loans for Kyiv's navy": another pair
        if bystander and actor is not None and _names_another_state(fact, {*parties, actor.id}):
            continue  # "a Czech official said Hungary had asked about the tanks": Hungary's
        if not bystander and _names_another_state(fact, set(parties)):
            continue  # "Somalia's minister said Kenya was also interested in the tanks"
        stance = cue.stance
        if actor is not None and actor.id in parties:
            stance = Stance.DENIES if negates_transfer(fact.view, set(parties)) else Stance.CONFIRMS
        key = (fact.span.start, 0, stance.value, _speaker_key(cue.speaker))
        draft.claims.setdefault(key, new_claim(cue.speaker, stance, fact.span, fact.hedges, None))
        draft.evidence[fact.index] = fact.span


def _names_another_state(fact: SentenceFacts, parties: set[str]) -> bool:
    """Whether the sentence names a state, not as a speaker, that is no party."""
    return any(
        not a.speaker and a.actor.kind.value == "state" and a.actor.id not in parties
        for a in fact.view.actors
    )


def _speaks_of(fact: SentenceFacts, draft: _Draft) -> bool:
    """Whether a bystander's words name the transfer, not just its kind of weapon: "the
    tanks will arrive in May", "the Leopards" or both parties do; "Ukraine needs more
    tanks to retake ground" only talks of tanks."""
    if fact.anaphoric or not fact.view.words.isdisjoint(_TRANSFER_WORDS):
        return True
    named = {a.actor.id for a in fact.view.actors} | {w.made_in for w in fact.view.weapons}
    if {draft.supplier.id, draft.recipient.id} <= named:
        return True  # "Sylvanian shells have made their way to Freedonia"
    return any(w.system in draft.systems for w in fact.view.weapons if w.system)


# How many sentences a report may follow the transfer it credits: "... will get 40 jets.
# The price was $2bn, officials said. The deal was first reported by the Courier."
_REPORT_REACH: Final = 3


def _attach_report(drafts: dict[Key, _Draft], fact: SentenceFacts) -> None:
    """ "It was first reported by the Courier", "the Courier reported that Quito had asked
    Madrid for delivery": a news organisation credited in a sentence that names no weapon
    reports the transfer of the sentences just before, unless the sentence names a state
    that is not party to it; naming both parties of an earlier transfer points at that one."""
    named = {a.actor.id for a in fact.view.actors if not a.speaker}
    earlier = [d for d in drafts.values() if d.first_sentence <= fact.index]
    paired = [d for d in earlier if {d.supplier.id, d.recipient.id} <= named]
    floor = -1 if paired else fact.index - _REPORT_REACH
    pool = paired or [d for d in earlier if named <= {d.supplier.id, d.recipient.id}]
    seen = {
        id(d): max((i for i in d.evidence if floor <= i < fact.index), default=-1) for d in pool
    }
    latest = max(seen.values(), default=-1)
    if latest < 0:
        return
    for draft in pool:
        if seen[id(draft)] != latest:
            continue
        for cue in fact.cues:
            key = (fact.span.start, 0, cue.stance.value, _speaker_key(cue.speaker))
            claim = Claim(cue.speaker, cue.stance, fact.span, fact.hedges, None)
            draft.claims.setdefault(key, claim)
        draft.evidence[fact.index] = fact.span


def _answers_a_transfer(drafts: dict[Key, _Draft], fact: SentenceFacts) -> bool:
    """A stance with no weapon in it is about a transfer when it talks of transferring
    ("Abu Dhabi denied arming either side") or follows one at once ("... Reuters said.
    The Kremlin declined to comment."); "Moscow denies targeting civilians" is not."""
    if not fact.stance_only:
        return False
    if not fact.view.words.isdisjoint(_TRANSFER_WORDS):
        return True
    if _party_answers(drafts, fact):
        return True
    # Evidence is keyed by sentence index: two lookups per transfer, not a walk over
    # every earlier sentence (which was quadratic in a long article).
    return any(i in d.evidence for d in drafts.values() for i in (fact.index - 1, fact.index - 2))


def _party_answers(drafts: dict[Key, _Draft], fact: SentenceFacts) -> bool:
    """ "Iran's foreign ministry declined to comment" some sentences after the drones it
    is said to have sent: a party's silence answers its transfer however far back the
    article reported it. (Not a denial: "Tehran denies targeting civilians" may deny
    anything.)"""
    parties = {d.supplier.id for d in drafts.values() if d.first_sentence < fact.index}
    parties |= {d.recipient.id for d in drafts.values() if d.first_sentence < fact.index}
    return any(
        c.stance is Stance.DECLINES
        and c.speaker is not None
        and c.speaker.actor is not None
        and c.speaker.actor.id in parties
        for c in fact.cues
    )


def _latest_pair(drafts: dict[Key, _Draft], index: int, actor: ActorRef | None) -> list[_Draft]:
    """Every transfer of the pair last reported before ``index`` (involving ``actor``)."""
    pool = [
        d for d in drafts.values()
        if actor is None or actor.id in (d.supplier.id, d.recipient.id)
    ]  # fmt: skip
    if not pool:
        return []
    earlier = [d for d in pool if d.first_sentence <= index] or pool
    latest = max(earlier, key=lambda d: (min(d.last_sentence, index), d.first_sentence))
    pair = (latest.supplier.id, latest.recipient.id)
    # Not the pair's transfers first reported after ``index``: "the minister dismissed it"
    # answers the jets reported before, not the missiles the article goes on to.
    return [d for d in earlier if (d.supplier.id, d.recipient.id) == pair]


def _add_article_systems(
    drafts: dict[Key, _Draft], facts: list[SentenceFacts], catalogue: Catalogue
) -> None:
    """Systems of the supplier's make named with the recipient elsewhere in the article
    ("Russia's Geran-2 is an Iranian-made Shahed-136")."""
    for draft in drafts.values():
        for fact in facts:
            if all(a.actor.id != draft.recipient.id for a in fact.view.actors):
                continue
            for weapon in fact.view.weapons:
                if (
                    weapon.system
                    and weapon.category == draft.category
                    and weapon.made_in == draft.supplier.id
                    and weapon.system not in draft.systems
                ):
                    draft.systems[weapon.system] = catalogue.system(weapon.system)


def _add_named_hulls(
    drafts: dict[Key, _Draft], facts: list[SentenceFacts], text: str, catalogue: Catalogue
) -> None:
    """Ships the article names with the receiving navy's prefix ("PNS Khaibar", "HQ-184 Hai
    Phong") are the hulls of that state's ship transfer: each is a system of its own,
    known by its full name and by its name without the prefix. Any sentence may name
    them ("The HQ-182 Hanoi was the first"), not only those that made the transfer; where
    the state gets ships from two suppliers, a hull goes with the class its sentence names."""
    ships: dict[str, list[_Draft]] = {}
    for draft in drafts.values():
        if draft.category is Category.SHIP:
            ships.setdefault(draft.recipient.id, []).append(draft)
    for recipient, candidates in ships.items():
        state = catalogue.states.get(recipient)
        if state is None or not any(p.rstrip("-") in text for p in state.ship_prefixes):
            continue  # plain substring tests: the pattern would be tried at every position
        for hull in _hull_pattern(tuple(state.ship_prefixes)).finditer(text):
            named = _systems_around(facts, hull.start())
            chosen = [d for d in candidates if named & set(d.systems)] or candidates
            name = " ".join(hull.group().split())
            for draft in chosen:
                ref = SystemRef(name, Category.SHIP, draft.supplier.id, None, (hull["name"],))
                draft.systems.setdefault(name, ref)


def _systems_around(facts: list[SentenceFacts], offset: int) -> set[str]:
    """The systems named in the sentence holding ``offset`` (none if it made no facts)."""
    for fact in facts:
        if fact.span.start <= offset < fact.span.end:
            return {w.system for w in fact.view.weapons if w.system}
    return set()


@cache
def _hull_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A prefix, a hull number (required after a prefix written with a closing "-") and
    one to four capitalised words, which may be joined by "del", "de" or "da"."""
    alternatives = []
    for prefix in prefixes:
        letters = re.escape(prefix.rstrip("-"))
        number = r"[-\s]?\d{1,4}\s+" if prefix.endswith("-") else r"\s+(?:\d{1,4}\s+)?"
        alternatives.append(letters + number)
    word = r"[A-Z][\w'’.-]*[\w]"
    return re.compile(
        rf"\b(?:{'|'.join(alternatives)})"
        rf"(?P<name>{word}(?:\s+(?:(?:del|de|da)\s+)?{word}){{0,3}})"
    )


def _finish(draft: _Draft) -> Transfer:
    return new_transfer(
        draft.supplier,
        draft.recipient,
        draft.category,
        draft.status,
        _ordered_systems(draft.systems),
        _best_quantity(draft.quantities),
        tuple(sorted(draft.times.values(), key=lambda t: t.span.start)),
        tuple(sorted(draft.routes.values(), key=lambda r: r.span.start)),
        tuple(sorted(draft.claims.values(), key=lambda c: c.evidence.start)),
        tuple(draft.evidence[i] for i in sorted(draft.evidence)),
    )


def _ordered_systems(systems: dict[str, SystemRef]) -> tuple[SystemRef, ...]:
    """Family heads before their members, otherwise in order of mention."""
    names = list(systems)
    return tuple(
        sorted(systems.values(), key=lambda s: (s.family is not None, names.index(s.name)))
    )


def _best_quantity(quantities: list[Quantity]) -> Quantity | None:
    counted = [q for q in quantities if q.value is not None]
    if counted:
        return min(counted, key=lambda q: q.span.start)
    return quantities[0] if quantities else None
