"""Attribution: who said each transfer's claims, and with what stance.

The claim cues of a sentence (asserts, confirms, denies, declines) are tied to the
transfers they speak of; unnamed reports are credited to the outlet, home press speaks
for no state, and a party's answer to a question about a transfer is its stance.
"""

from __future__ import annotations

import re
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.catalogue.normalise import fold
from armstrack.extract.claims import (
    ASSERTS,
    CONFIRMS,
    DECLINES,
    DENIES,
    ClaimCue,
    negates_transfer,
)
from armstrack.extract.drafts import (
    Draft,
    Key,
    SentenceFacts,
    bystander_reaction,
    for_the_parties,
    speaker_key,
)
from armstrack.extract.frames import lists_contents
from armstrack.extract.lexicon import (
    GIVE_NOUNS,
    GIVE_VERBS,
    RECEIVE_NOUNS,
    RECEIVE_VERBS,
)
from armstrack.extract.spans import new_claim
from armstrack.extract.speakers import demonym_index
from armstrack.records import (
    ActorRef,
    Claim,
    Stance,
)


def inherit_announcers(drafts: dict[Key, Draft], facts: list[SentenceFacts]) -> None:
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
                if cue.stance not in (ASSERTS, CONFIRMS):
                    continue
                key = (fact.span.start, 0, CONFIRMS, speaker_key(cue.speaker))
                claim = Claim(cue.speaker, CONFIRMS, fact.span, fact.hedges, None)
                draft.claims.setdefault(key, claim)


_UNNAMED_REPORTS: Final = re.compile(
    r"^(?:after |in )?(?:a |the |media |news |press )?(?:reports?|media reports?)$", re.I
)


def credit_unnamed_reports(draft: Draft) -> None:
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
        if claim.stance is ASSERTS and _UNNAMED_REPORTS.match(speaker.text.strip()):
            del draft.claims[key]


# Unnamed press of a party's own country: "Russian media", "a South Korean daily". ("Local
# media" is left alone: annotators credit it as often as not.)
_PRESS_HEADS: Final = frozenset(
    "media press newspaper newspapers daily dailies outlets television broadcaster".split()
)


def drop_home_press(draft: Draft, catalogue: Catalogue) -> None:
    """ "Thai media reported the submarine deal" when the Thai navy confirms it: a
    party's home press on a transfer the party confirms carries the party's news, not a
    voice of its own (as an outlet relaying a state's word is none, CLAIMS.md)."""
    parties = {draft.supplier.id, draft.recipient.id}
    if not any(
        c.stance is CONFIRMS and c.speaker and c.speaker.actor and c.speaker.actor.id in parties
        for c in draft.claims.values()
    ):
        return
    for key, claim in list(draft.claims.items()):
        speaker = claim.speaker
        if claim.stance is not ASSERTS or speaker is None:
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


_TRANSFER_WORDS: Final = frozenset(
    [*GIVE_VERBS, *GIVE_NOUNS, *RECEIVE_VERBS, *RECEIVE_NOUNS, "weapons", "arms", "arming"]
)


_SPOKEN_STANCES: Final = (Stance.DENIES, Stance.CONFIRMS, Stance.DECLINES, Stance.UNCONFIRMED)


def attach_stances(drafts: dict[Key, Draft], fact: SentenceFacts) -> None:
    """ "Tehran rejected the accusation": the stance holds for the latest pair of that actor."""
    if not (fact.anaphoric or fact.view.weapons or _answers_a_transfer(drafts, fact)):
        return
    for cue in fact.cues:
        if cue.stance is ASSERTS:
            _attach_assertion(drafts, fact, cue)
            continue
        if cue.stance not in _SPOKEN_STANCES:
            continue
        actor = cue.speaker.actor if cue.speaker else None
        pair = cue.speaker is not None and cue.speaker.role == "pair"
        targets = _latest_pair(drafts, fact.index, None if pair else actor)
        if (not targets and actor is None) or (cue.stance is DENIES and actor is None):
            continue
        if not targets and cue.stance is not DENIES:
            targets = _latest_pair(drafts, fact.index, None)
        for draft in targets:
            for said in for_the_parties([cue], draft):
                key = (fact.span.start, 0, said.stance, speaker_key(said.speaker))
                claim = Claim(said.speaker, said.stance, fact.span, fact.hedges, None)
                draft.claims.setdefault(key, claim)
            draft.evidence[fact.index] = fact.span


def _attach_assertion(drafts: dict[Key, Draft], fact: SentenceFacts, cue: ClaimCue) -> None:
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
        if bystander_reaction(fact, cue, set(parties)):
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
            stance = DENIES if negates_transfer(fact.view, set(parties)) else CONFIRMS
        key = (fact.span.start, 0, stance, speaker_key(cue.speaker))
        draft.claims.setdefault(key, new_claim(cue.speaker, stance, fact.span, fact.hedges, None))
        draft.evidence[fact.index] = fact.span


def _names_another_state(fact: SentenceFacts, parties: set[str]) -> bool:
    """Whether the sentence names a state, not as a speaker, that is no party."""
    return any(
        not a.speaker and a.actor.kind == "state" and a.actor.id not in parties
        for a in fact.view.actors
    )


def _speaks_of(fact: SentenceFacts, draft: Draft) -> bool:
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


def attach_report(drafts: dict[Key, Draft], fact: SentenceFacts) -> None:
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
            key = (fact.span.start, 0, cue.stance, speaker_key(cue.speaker))
            claim = Claim(cue.speaker, cue.stance, fact.span, fact.hedges, None)
            draft.claims.setdefault(key, claim)
        draft.evidence[fact.index] = fact.span


def _answers_a_transfer(drafts: dict[Key, Draft], fact: SentenceFacts) -> bool:
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


def _party_answers(drafts: dict[Key, Draft], fact: SentenceFacts) -> bool:
    """ "Iran's foreign ministry declined to comment" some sentences after the drones it
    is said to have sent: a party's silence answers its transfer however far back the
    article reported it. (Not a denial: "Tehran denies targeting civilians" may deny
    anything.)"""
    parties = {d.supplier.id for d in drafts.values() if d.first_sentence < fact.index}
    parties |= {d.recipient.id for d in drafts.values() if d.first_sentence < fact.index}
    return any(
        c.stance is DECLINES
        and c.speaker is not None
        and c.speaker.actor is not None
        and c.speaker.actor.id in parties
        for c in fact.cues
    )


def _latest_pair(drafts: dict[Key, Draft], index: int, actor: ActorRef | None) -> list[Draft]:
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
