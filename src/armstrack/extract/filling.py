"""Filling: parties a transfer lacks, found in the sentences around it.

A frame may name only one party ("the jets were delivered last week"); the missing one
is taken from the deal it continues, the system's maker, the state that speaks, or an
anaphor ("the country"), and generic goods are made specific where a later sentence
names them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.extract.clauses import FrameHit
from armstrack.extract.drafts import (
    Draft,
    Key,
    Pending,
    SentenceFacts,
    add_frame,
    contribute,
    deal_partner,
    frame_categories,
    frame_status,
    latest_of,
)
from armstrack.extract.frames import lists_contents
from armstrack.extract.lexicon import (
    ANAPHORIC_NOUNS,
    GIVE_NOUNS,
    RECEIVE_NOUNS,
    Frame,
)
from armstrack.extract.view import SentenceView, WeaponMention
from armstrack.records import (
    ActorRef,
    Category,
    Stance,
    Status,
)

_NOUNISH: Final = frozenset(
    ["sale", "sales", "deal", "deals", "aid", "order", "orders", "purchase", "purchases"]
)


def fill_partial(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    frame: FrameHit,
    catalogue: Catalogue,
    makers: set[Key],
    pending: list[Pending],
) -> bool:
    """One party named: take the other from the article, or from the system's origin."""
    categories: set[Category | None] = set(frame_categories(frame)) or {None}
    filled_any = False
    # Sorted: set order changes from run to run, and the first filled transfer wins ties
    # (one category, the common case, needs no sort: its key reads the enum's value).
    ordered = list(categories) if len(categories) < 2 else sorted(categories, key=_category_key)
    for category in ordered:
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
            other = other or deal_partner(drafts, pending, frame, fact.index)
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
            bool(add_frame(drafts, fact, filled, supplier, recipient, catalogue)) or filled_any
        )
    return filled_any


def _category_key(category: Category | None) -> str:
    return category.value if category else ""


def _pointed_seller(drafts: dict[Key, Draft], frame: FrameHit) -> ActorRef | None:
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


def drop_maker_guesses(drafts: dict[Key, Draft], guesses: set[Key]) -> None:
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


def _several_suppliers(drafts: dict[Key, Draft], frame: FrameHit) -> bool:
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
    drafts: dict[Key, Draft], frame: FrameHit, category: Category | None
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


def _same_system_supplier(drafts: dict[Key, Draft], frame: FrameHit) -> ActorRef | None:
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
    drafts: dict[Key, Draft], frame: FrameHit, category: Category | None, index: int
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


def attach_anaphora(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    frames: list[FrameHit],
    catalogue: Catalogue,
) -> bool:
    """ "The transfer includes around 400 missiles": evidence for the latest transfer."""
    weapons = [w for f in frames for w in f.weapons] or list(fact.view.weapons)
    # (the sentence's words before its times, which are found only when first asked for)
    if not (frames or weapons or fact.cues or (_names_a_transfer(fact) and fact.times)):
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

    def _fits(draft: Draft) -> bool:
        return draft.first_sentence <= fact.index and (
            not origins or bool(origins & {draft.supplier.id, draft.recipient.id})
        )

    target = latest_of(
        drafts, fact.index, lambda d: _fits(d) and bool(systems & set(d.systems))
    ) or (
        latest_of(
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
        status = frame_status(frames[0], fact)
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
    contribute(target, fact, frame, usable, catalogue)
    _extend_target(drafts, fact, frames, target, catalogue)
    return True


_ALSO_REACH: Final = 3  # "were also handed over", "had also been delivered"


def _also_handed_over(
    drafts: dict[Key, Draft], fact: SentenceFacts, frames: list[FrameHit]
) -> Draft | None:
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
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    frames: list[FrameHit],
    target: Draft,
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
            Draft(
                target.supplier, target.recipient, category, target.status, fact.index, fact.index
            ),
        )
        frame = FrameHit(Frame.GIVE, -1, target.status, False, anaphoric=True)
        contribute(draft, fact, frame, [w for w in named if w.category is category], catalogue)


def _extend_package(
    drafts: dict[Key, Draft],
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
    latest = latest_of(drafts, fact.index, lambda d: d.first_sentence <= fact.index)
    if latest is None:
        return False
    _add_lines(drafts, fact, frames, weapons, categories, catalogue, latest, latest.status)
    return True


def _add_lines(
    drafts: dict[Key, Draft],
    fact: SentenceFacts,
    frames: list[FrameHit],
    weapons: list[WeaponMention],
    categories: set[Category],
    catalogue: Catalogue,
    base: Draft,
    status: Status,
) -> None:
    """Each category of goods as a line of its own between the parties of ``base``."""
    for category in sorted(categories, key=lambda c: c.value):
        key = (base.supplier.id, base.recipient.id, category)
        draft = drafts.setdefault(
            key, Draft(base.supplier, base.recipient, category, status, fact.index, fact.index)
        )
        frame = frames[0] if frames else FrameHit(Frame.GIVE, -1, base.status, True, anaphoric=True)
        contribute(draft, fact, frame, [w for w in weapons if w.category == category], catalogue)


def _names_a_transfer(fact: SentenceFacts) -> bool:
    """ "The shipments began in January" dates a transfer; "the report on Thursday" does not."""
    return not fact.view.words.isdisjoint(ANAPHORIC_NOUNS)


def drop_generic_duplicates(drafts: dict[Key, Draft]) -> None:
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


def specify_generic(drafts: dict[Key, Draft], facts: list[SentenceFacts]) -> None:
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


def _near_evidence(draft: Draft) -> set[int]:
    """The sentences that reported a transfer, and the one after each ("Iran sent weapons
    to Russia. Among them were drones")."""
    return set(draft.evidence) | {i + 1 for i in draft.evidence}
