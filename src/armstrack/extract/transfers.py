"""From frames in sentences to one transfer per (supplier, recipient, category).

Complete frames make transfers. Frames with one party borrow the other from a
transfer the article already reported (or, for a named system, from its country
of origin). Frames with no party, and stance sentences about "the reports",
add evidence to the transfer the article was last talking about. ``assemble`` runs
the steps kept in their own modules: ``drafts`` (the records and adding a frame),
``deal_goods``, ``filling`` (missing parties) and ``attribution`` (claims).
"""

from __future__ import annotations

import re
from functools import cache

from armstrack.catalogue import Catalogue
from armstrack.extract.attribution import (
    attach_report,
    attach_stances,
    credit_unnamed_reports,
    drop_home_press,
    inherit_announcers,
)
from armstrack.extract.clauses import FrameHit
from armstrack.extract.deal_goods import (
    add_deal_goods_of,
    pending_deals,
    points_at_goods,
    supplies_unfilled,
)
from armstrack.extract.drafts import (
    CONTENTS_REACH,
    Draft,
    Key,
    SentenceFacts,
    add_frame,
)
from armstrack.extract.filling import (
    attach_anaphora,
    drop_generic_duplicates,
    drop_maker_guesses,
    fill_partial,
    specify_generic,
)
from armstrack.extract.lexicon import (
    Frame,
)
from armstrack.extract.spans import new_transfer
from armstrack.records import (
    Category,
    Claim,
    Quantity,
    Route,
    SystemRef,
    TimeRef,
    Transfer,
)


def assemble(
    facts: list[SentenceFacts], catalogue: Catalogue, text: str = ""
) -> tuple[Transfer, ...]:
    drafts: dict[Key, Draft] = {}
    used: set[int] = set()  # sentences that made or fed a transfer
    for fact in facts:
        for frame in fact.frames:
            if frame.complete:
                if add_frame(drafts, fact, frame, frame.supplier, frame.recipient, catalogue):  # type: ignore[arg-type]
                    used.add(fact.index)
    stated = set(drafts)  # transfers whose two parties a sentence names
    makers: set[Key] = set()  # transfers whose giver is only the maker of the goods
    pending = pending_deals(drafts, facts)
    unfilled: list[tuple[SentenceFacts, FrameHit]] = []  # goods a receiver got from no one
    for fact in facts:
        for frame in fact.frames:
            if not frame.weapons and points_at_goods(drafts, fact, frame, unfilled, catalogue):
                used.add(fact.index)
            elif not frame.complete and not frame.anaphoric:
                if fill_partial(drafts, fact, frame, catalogue, makers, pending):
                    used.add(fact.index)
                elif frame.recipient is not None and frame.kind is not Frame.USE:
                    unfilled.append((fact, frame))
                elif supplies_unfilled(drafts, fact, frame, unfilled, catalogue):
                    used.add(fact.index)
    drop_maker_guesses(drafts, makers - stated)
    for position, fact in enumerate(facts):
        anaphoric = [f for f in fact.frames if f.anaphoric]
        # The facts in order of their sentences, one a sentence: those of the sentences a
        # deal's goods may follow are among the few just before.
        recent = facts[max(0, position - CONTENTS_REACH) : position]
        if add_deal_goods_of(drafts, (pending, unfilled), recent, fact, anaphoric, catalogue):
            used.add(fact.index)
        elif anaphoric or (fact.anaphoric and not fact.frames):
            if attach_anaphora(drafts, fact, anaphoric, catalogue):
                used.add(fact.index)
    drop_generic_duplicates(drafts)
    specify_generic(drafts, facts)
    for fact in facts:
        if fact.report:
            attach_report(drafts, fact)
        elif fact.index not in used:
            attach_stances(drafts, fact)
    inherit_announcers(drafts, facts)
    for draft in drafts.values():
        credit_unnamed_reports(draft)
        drop_home_press(draft, catalogue)
    _add_article_systems(drafts, facts, catalogue)
    _add_named_hulls(drafts, facts, text, catalogue)
    ordered = sorted(drafts.values(), key=lambda d: d.first_sentence)
    return tuple(_finish(d) for d in ordered)


def _add_article_systems(
    drafts: dict[Key, Draft], facts: list[SentenceFacts], catalogue: Catalogue
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
    drafts: dict[Key, Draft], facts: list[SentenceFacts], text: str, catalogue: Catalogue
) -> None:
    """Ships the article names with the receiving navy's prefix ("PNS Khaibar", "HQ-184 Hai
    Phong") are the hulls of that state's ship transfer: each is a system of its own,
    known by its full name and by its name without the prefix. Any sentence may name
    them ("The HQ-182 Hanoi was the first"), not only those that made the transfer; where
    the state gets ships from two suppliers, a hull goes with the class its sentence names."""
    ships: dict[str, list[Draft]] = {}
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


def _finish(draft: Draft) -> Transfer:
    return new_transfer(
        draft.supplier,
        draft.recipient,
        draft.category,
        draft.status,
        _ordered_systems(draft.systems),
        _best_quantity(draft.quantities),
        _times_in_order(draft.times),
        _routes_in_order(draft.routes),
        _claims_in_order(draft.claims),
        tuple(draft.evidence[i] for i in sorted(draft.evidence)),
    )


# Most transfers have one time, route or claim at most, which need no sort (a sort with a
# key function calls it for each, by the generic call).
def _times_in_order(times: dict[tuple[int, int], TimeRef]) -> tuple[TimeRef, ...]:
    if len(times) < 2:
        return tuple(times.values())
    return tuple(sorted(times.values(), key=lambda t: t.span.start))


def _routes_in_order(routes: dict[tuple[int, int], Route]) -> tuple[Route, ...]:
    if len(routes) < 2:
        return tuple(routes.values())
    return tuple(sorted(routes.values(), key=lambda r: r.span.start))


def _claims_in_order(claims: dict[tuple[int, int, str, str], Claim]) -> tuple[Claim, ...]:
    if len(claims) < 2:
        return tuple(claims.values())
    return tuple(sorted(claims.values(), key=lambda c: c.evidence.start))


def _ordered_systems(systems: dict[str, SystemRef]) -> tuple[SystemRef, ...]:
    """Family heads before their members, otherwise in order of mention."""
    if len(systems) < 2:
        return tuple(systems.values())
    names = list(systems)
    return tuple(
        sorted(systems.values(), key=lambda s: (s.family is not None, names.index(s.name)))
    )


def _best_quantity(quantities: list[Quantity]) -> Quantity | None:
    counted = [q for q in quantities if q.value is not None]
    if counted:
        return min(counted, key=lambda q: q.span.start)
    return quantities[0] if quantities else None
