"""Drafts: the transfers of one article while assembly builds them, and the facts of each sentence.

``transfers.assemble`` keeps one draft per supplier, recipient and category; the fillers
in ``deal_goods``, ``filling`` and ``attribution`` add goods, parties and claims to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.extract.claims import (
    ASSERTS,
    CONFIRMS,
    DENIES,
    ClaimCue,
    commitment_speakers,
    later_clause,
    negates_transfer,
    other_clause,
    reacts,
)
from armstrack.extract.clauses import FrameHit
from armstrack.extract.dates import ArticleTimes
from armstrack.extract.lexicon import (
    Frame,
)
from armstrack.extract.spans import new_claim
from armstrack.extract.view import SentenceView, WeaponMention
from armstrack.records import (
    ActorRef,
    Category,
    Claim,
    Quantity,
    Route,
    Span,
    Speaker,
    Status,
    SystemRef,
    TimeRef,
)

Key = tuple[str, str, Category]


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
    # contribute to no transfer, and their dates are never read. None: it dates nothing.
    article_times: ArticleTimes | None
    routes: list[Route]
    anaphoric: bool
    home: ActorRef | None = None  # the state the article is about so far
    stance_only: bool = False  # no weapon, no transfer noun, but a denial or the like
    # The sides of a deal or package that names no weapon (giver first if the bool is set).
    deal: tuple[ActorRef, ActorRef, bool] | None = None
    report: bool = False  # names no weapon but credits a news organisation for a report
    _times: list[TimeRef] | None = field(default=None, init=False, repr=False, compare=False)

    # Written out so that mypyc compiles it: see ``view.ActorMention``.
    def __init__(
        self,
        index: int,
        span: Span,
        view: SentenceView,
        frames: list[FrameHit],
        cues: list[ClaimCue],
        hedges: tuple[str, ...],
        article_times: ArticleTimes | None,
        routes: list[Route],
        anaphoric: bool,
        home: ActorRef | None = None,
        stance_only: bool = False,
        deal: tuple[ActorRef, ActorRef, bool] | None = None,
        report: bool = False,
    ) -> None:
        self.index, self.span, self.view, self.frames, self.cues = index, span, view, frames, cues
        self.hedges, self.article_times, self.routes = hedges, article_times, routes
        self.anaphoric = anaphoric
        self._times = None
        self.home, self.stance_only, self.deal, self.report = home, stance_only, deal, report

    @property
    def times(self) -> list[TimeRef]:
        if self._times is None:
            found = self.article_times
            self._times = [] if found is None else found.find(self.span.start, self.span.end)
        return self._times


@dataclass(slots=True)
class Draft:
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


Pending = tuple[int, ActorRef, ActorRef, bool, Status]


# How many sentences back a list of contents may point: "The package includes ..." follows
# the sentence that announced the package, or the one after it.
CONTENTS_REACH: Final = 2


def recent_deal(drafts: dict[Key, Draft], pending: list[Pending], index: int) -> Pending | None:
    """The deal or package announced in the sentence or two before ``index`` without goods,
    if no transfer was reported since and that sentence announced no other."""
    floor = index - CONTENTS_REACH
    earlier = [p for p in pending if floor <= p[0] < index]
    if not earlier:
        return None
    _, seen = reported_by(drafts, floor, index - 1)
    last = earlier[-1]
    sides = {frozenset((p[1].id, p[2].id)) for p in earlier if p[0] == last[0]}
    return last if seen <= last[0] and len(sides) == 1 else None


def deal_partner(
    drafts: dict[Key, Draft], pending: list[Pending], frame: FrameHit, index: int
) -> ActorRef | None:
    """ "Biden announced a new package for Ukraine. The Pentagon will deliver shells": the
    one party named is a side of the deal just announced; the other side is the partner."""
    if frame.negated or all(w.generic for w in frame.weapons):
        return None  # "Kyiv wants more weapons": no goods of that deal
    deal = recent_deal(drafts, pending, index)
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


def reported_by(drafts: dict[Key, Draft], floor: int, index: int) -> tuple[Draft | None, int]:
    """The transfer with the latest evidence in sentences ``floor`` to ``index``, and that
    sentence: a transfer also reported later in the article still counts here."""
    best: Draft | None = None
    seen = -1
    for draft in drafts.values():
        inside = [i for i in draft.evidence if floor <= i <= index]
        if inside and max(inside) > seen:
            best, seen = draft, max(inside)
    return best, seen


def frame_categories(frame: FrameHit) -> dict[Category, list[WeaponMention]]:
    """The frame's weapons grouped by category; vague words only if nothing else."""
    specific: dict[Category, list[WeaponMention]] = {}
    generic: dict[Category, list[WeaponMention]] = {}
    for weapon in frame.weapons:
        target = generic if weapon.generic else specific
        target.setdefault(weapon.category, []).append(weapon)
    return specific or generic


def add_frame(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    frame: FrameHit,
    supplier: ActorRef,
    recipient: ActorRef,
    catalogue: Catalogue,
) -> list[Draft]:
    if supplier.id == recipient.id:
        return []  # a state arming its own forces is no transfer
    touched = []
    by_category = frame_categories(frame)
    if not by_category:
        # "Iran shipped them to Russia": no weapon named, the pair's latest transfer.
        latest = latest_of(
            drafts,
            fact.index,
            lambda d: (d.supplier.id, d.recipient.id) == (supplier.id, recipient.id),
        )
        if latest is not None:
            contribute(latest, fact, frame, [], catalogue)
            touched.append(latest)
        return touched
    for category, weapons in by_category.items():
        key = (supplier.id, recipient.id, category)
        draft = drafts.get(key)
        if draft is None:
            draft = Draft(
                supplier, recipient, category, frame_status(frame, fact), fact.index, fact.index
            )
            drafts[key] = draft
        contribute(draft, fact, frame, weapons, catalogue)
        touched.append(draft)
    return touched


def frame_status(frame: FrameHit, fact: SentenceFacts) -> Status:
    """A negated trigger still reports a transfer under discussion, unless it is denied."""
    if frame.negated and not any(c.stance is DENIES for c in fact.cues):
        return Status.DISCUSSED
    return frame.status


def contribute(
    draft: Draft,
    fact: SentenceFacts,
    frame: FrameHit,
    weapons: list[WeaponMention],
    catalogue: Catalogue,
) -> None:
    status = frame_status(frame, fact)
    if not (frame.anaphoric and frame.negated):
        draft.status = max(draft.status, status)
    draft.last_sentence = max(draft.last_sentence, fact.index)
    draft.evidence[fact.index] = fact.span
    for weapon in weapons:
        if not weapon.generic:
            draft.generic = False
        if weapon.system and weapon.system not in draft.systems:
            # (the catalogue, not compiled, asked only for a system new to the draft)
            draft.systems[weapon.system] = catalogue.system(weapon.system)
        if weapon.quantity is not None and frame.kind is not Frame.USE:
            draft.quantities.append(weapon.quantity)
    for time in fact.times:
        draft.times.setdefault((time.span.start, time.span.end), time)
    for route in fact.routes:
        draft.routes.setdefault((route.span.start, route.span.end), route)
    add_claims(draft, fact, status, frame.negated and not frame.anaphoric, frame.trigger)


def add_claims(
    draft: Draft,
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
        and not bystander_reaction(fact, c, parties)
    ]
    cues: list[ClaimCue | None] = list(for_the_parties(own, draft)) or [None]
    for cue in cues:
        stance = cue.stance if cue else ASSERTS
        actor = cue.speaker.actor if cue and cue.speaker else None
        if stance is ASSERTS and actor is not None and actor.id in parties:
            # "Tehran said it had not supplied the weapon" is a denial; a party saying its
            # own transfer happened confirms it (CLAIMS.md). The sentence is read for a
            # negation only then: most claims have no speaker.
            stance = DENIES if negated or negates_transfer(fact.view, parties) else CONFIRMS
        speaker = cue.speaker if cue else None
        key = (
            fact.span.start,
            0,  # one claim per sentence, stance and speaker: "said ... according to" is one
            # The member keys as its value (a StrEnum) without the interpreted ``value``.
            stance,
            speaker_key(speaker),
        )
        draft.claims.setdefault(key, new_claim(speaker, stance, fact.span, fact.hedges, status))
    if negated:
        return
    for party in commitment_speakers(fact.view, parties):
        key = (fact.span.start, 0, CONFIRMS, speaker_key(party))
        claim = new_claim(party, CONFIRMS, fact.span, fact.hedges, status)
        draft.claims.setdefault(key, claim)


def for_the_parties(cues: list[ClaimCue], draft: Draft) -> list[ClaimCue]:
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


def bystander_reaction(fact: SentenceFacts, cue: ClaimCue, parties: set[str]) -> bool:
    """ "Cathay said it would sanction the contractors" over a sale between two others
    reacts to the transfer; it does not report it."""
    actor = cue.speaker.actor if cue.speaker else None
    if cue.stance is not ASSERTS or (actor is not None and actor.id in parties):
        return False
    return reacts(fact.view, cue)


def speaker_key(speaker: Speaker | None) -> str:
    """One claim per speaker: "the ministers of the two countries" are two speakers."""
    if speaker is None:
        return ""
    return f"{speaker.text}|{speaker.actor.id if speaker.actor else ''}"


def latest_of(drafts: dict[Key, Draft], before: int, accept: object) -> Draft | None:
    """The accepted draft whose evidence last reached ``before`` (the one begun later on a
    tie, else the first), among those begun by then if any: what ``max`` of the keys
    ``(last_sentence, first_sentence)`` finds, in one pass without them."""
    test = accept if callable(accept) else (lambda d: True)
    earlier: Draft | None = None  # the best of those begun by ``before``
    other: Draft | None = None  # the best of those begun after
    for draft in drafts.values():
        if not test(draft):
            continue
        if draft.first_sentence <= before:
            if earlier is None or _later(draft, earlier, before):
                earlier = draft
        elif other is None or _later(draft, other, before):
            other = draft
    return earlier if earlier is not None else other


def _later(draft: Draft, best: Draft, before: int) -> bool:
    """Whether ``draft``'s key ``(last_sentence if at most before else -1, first_sentence)``
    is greater than ``best``'s."""
    last = draft.last_sentence if draft.last_sentence <= before else -1
    best_last = best.last_sentence if best.last_sentence <= before else -1
    return last > best_last or (last == best_last and draft.first_sentence > best.first_sentence)
