"""How far a transfer has gone, read from its verb: discussed, agreed or delivered
(tense, modality, denials and pending deliveries around the trigger)."""

from __future__ import annotations

import re
from typing import Final

from armstrack.extract.clauses import (
    ADVERBS,
    BE,
    MODIFIER_WINDOW,
    ORDINALS,
    Trigger,
    clause_of,
)
from armstrack.extract.lexicon import (
    AGREED_CUES,
    BLOCKING_CUES,
    DISCUSSED_CUES,
    GIVE_VERBS,
    NEGATIONS,
    PENDING_CUES,
    PRONOUNS,
    RECEIVE_VERBS,
    USE_VERBS,
    WEAK_DISCUSSED_CUES,
    Frame,
)
from armstrack.extract.view import SentenceView
from armstrack.records import Status

# The members read once: one read off its class runs ``EnumType.__getattr__`` (Python 3.11).
_DISCUSSED: Final = Status.DISCUSSED
_AGREED: Final = Status.AGREED
_DELIVERED: Final = Status.DELIVERED


_BEFORE_MONTH: Final = frozenset(
    "in since by until from of early late mid last next this that before after".split()
)


def _month_may(view: SentenceView, index: int) -> bool:
    """ "In May it received ...": the month, not the modal verb "may"."""
    return view.low(index) == "may" and (
        view.low(index - 1) in _BEFORE_MONTH or view.low(index + 1).isdigit()
    )


def read_status(view: SentenceView, trigger: Trigger, clause_start: int) -> tuple[Status, bool]:
    """Base status of the trigger, lowered or set by the words just before it."""
    status = trigger.status
    if trigger.kind is Frame.USE:
        return status, False
    lo = max(clause_start, trigger.index - MODIFIER_WINDOW)
    before = [
        word
        for i in range(lo, trigger.index)
        if (word := view.low(i)) != "may" or not _month_may(view, i)  # the call only for "may"
    ]
    # One pass for every test of the words before below: most windows hold none of them.
    cued = any(w in _STATUS_WORDS for w in before)
    # The first cue governs: "approved Poland's request to" is an approval, "plans to
    # sign a contract" only a plan.
    cue = (
        next((w for w in before if w in DISCUSSED_CUES or w in AGREED_CUES), None) if cued else None
    )
    if cued and cue is None and "congress" in before and not _NOTIFYING.isdisjoint(before):
        cue = "approved"  # "notified Congress of a possible sale": the US approval of a sale
    if cued and any(w in _TALKS for w in before[-4:]):
        cue = "talks"  # "was set to hold talks on exporting": the talks are the news
    if cued and any(w in _PRELIMINARY for w in before):
        cue = "talks"  # "signed a letter of intent to buy", "a memorandum of understanding"
    if cued and any(w in _ENABLERS for w in before[-6:]):
        cue = "could"  # "buys parts that would ease a later transfer": only made possible
    if cue == "would" and not _reported_speech(view, trigger.index):
        cue = "could"  # "a step that would give Moscow jets": a conditional, not a word given
    if cue in AGREED_CUES and view.low(trigger.index) in ("arrival", "arrivals"):
        cue = None  # "announced the arrival of four helicopters": they are there
    if cued and any(
        w in _FULFILLED and before[i - 1] not in NEGATIONS for i, w in enumerate(before)
    ):
        return _DELIVERED, False  # "has completed its contract to supply"
    if cue in DISCUSSED_CUES:
        status = _DISCUSSED
    elif cue is not None and not _done_already(view, trigger):
        status = min(status, _AGREED)
    elif cued and any(w in WEAK_DISCUSSED_CUES for w in before):
        status = _DISCUSSED
    if trigger.noun and status > _AGREED and _pending_after(view, trigger.index):
        status = _AGREED  # "deliveries are due to begin in 2027"
    if trigger.noun and view.low(trigger.index + 1) in ("plan", "plans", "proposal"):
        status = _DISCUSSED  # "the export plan involves six destroyers"
    if trigger.noun and status > _DISCUSSED and _debated_after(view, trigger.index):
        status = _DISCUSSED  # "the delivery of tanks is being discussed"
    if not trigger.noun and _hypothetical_gerund(view, trigger):
        status = _DISCUSSED  # "that supplying tanks could be seen as escalation"
    if not trigger.noun and status > _AGREED and _not_yet_done(view, trigger, clause_start):
        status = _AGREED  # "Britain to send tanks", "is sending", "until it receives"
    negated = (
        (
            cued
            and any(
                w in NEGATIONS and not _won_a_deal(view, trigger.index - len(before) + i)
                for i, w in enumerate(before)
                if i >= len(before) - 3
            )
        )
        # "it has sent none", "supplied no weapons to Moscow"
        or (not trigger.noun and view.low(trigger.index + 1) in ("no", "none", "nothing"))
    )
    if trigger.noun and _denied_after(view, trigger.index):
        status = _DISCUSSED  # "the delivery of jets has not been an option"
    if _prospect_idiom(view, trigger) is not None:
        # "sending jets is on the table", "not on the cards to send": an option weighed;
        # ruling one out is no denial that anything happened (CLAIMS.md).
        status = _DISCUSSED
    return status, negated


_PROSPECT_IDIOMS: Final = frozenset(
    [("on", "the", "table"), ("on", "the", "cards"), ("off", "the", "table")]
)
_IDIOM_REACH: Final = 12  # tokens from a gerund or noun subject to its idiom


def _prospect_idiom(view: SentenceView, trigger: Trigger) -> bool | None:
    """An idiom of an option weighed, around the transfer: "it is not on the cards to
    send jets" before it, "sending jets is off the table" after a gerund or noun. None
    when there is none; else whether the option is ruled out."""
    if "table" not in view.words and "cards" not in view.words:
        return None  # every idiom ends in one of the two
    index = trigger.index
    if view.low(index - 1) == "to":
        for i in range(max(0, index - 6), index - 3):
            if _idiom_at(view, i):
                return _ruled_out(view, i)
    if trigger.noun or view.low(index).endswith("ing"):
        end = min(clause_of(view, index)[1], index + _IDIOM_REACH)
        for i in range(index + 1, end):
            if _idiom_at(view, i):
                return _ruled_out(view, i)
    return None


def _idiom_at(view: SentenceView, i: int) -> bool:
    return (view.low(i), view.low(i + 1), view.low(i + 2)) in _PROSPECT_IDIOMS


def _ruled_out(view: SentenceView, i: int) -> bool:
    """ "off the table", "not on the cards", "no longer on the table"."""
    return view.low(i) == "off" or any(
        view.low(j) in NEGATIONS or view.low(j) == "longer" for j in range(i - 3, i)
    )


def _won_a_deal(view: SentenceView, index: int) -> bool:
    """ "Hanwha won an order": "won" negates only as "won't"."""
    return view.low(index) == "won" and view.low(index + 1) not in ("'", "’")


_FULFILLED: Final = frozenset("completed completing fulfilled fulfilling honoured honored".split())


_APPROVALS: Final = frozenset("approved cleared authorised authorized greenlit".split())


# A formal notice to the US Congress of a sale is its approval by the executive.
_NOTIFYING: Final = frozenset("notified notifies notify notifying notification informed".split())


_RELATIVES: Final = frozenset("what which that who".split())


def _reported_speech(view: SentenceView, index: int) -> bool:
    """Whether the "would" before ``index`` reports a word given ("said the jets would
    arrive", "Paris would supply them, officials said") rather than opens a conditional
    relative ("a step that would give", "in what would be the first delivery")."""
    would = next(
        (i for i in range(index - 1, max(-1, index - 12), -1) if view.low(i) == "would"), None
    )
    return would is not None and view.low(would - 1) not in _RELATIVES


_PRELIMINARY: Final = frozenset("intent memorandum mou loi".split())


_TALKS: Final = frozenset("talks negotiations discussions negotiating negotiate".split())


# Verbs that make a transfer possible without deciding it: "would facilitate a transfer".
_ENABLERS: Final = frozenset(
    "facilitate facilitates facilitated facilitating ease eases easing allowing enabling "
    "permitting".split()
)


# Every word read_status looks for before the trigger.
_STATUS_WORDS: Final = (
    DISCUSSED_CUES | AGREED_CUES | _NOTIFYING | _TALKS | _PRELIMINARY | _ENABLERS | _FULFILLED
    | WEAK_DISCUSSED_CUES | NEGATIONS
)  # fmt: skip


# Verbs before an infinitive that report the transfer as under way: "began to deliver".
_ONGOING_LEADS: Final = frozenset(
    "began begin begins beginning begun start started starts starting continue continues "
    "continued continuing resume resumed resumes used helped help helps managed".split()
)


# Progressives of giving and buying that announce a decision rather than report goods
# handed over: "Germany is sending 14 tanks", "India is acquiring 31 drones". "Is
# supplying", "is delivering" and "is shipping" report a flow under way and stay delivered.
_ANNOUNCED_PROGRESSIVES: Final = frozenset(
    "sending giving donating gifting lending handing acquiring buying purchasing "
    "procuring selling".split()
)


_ANNOUNCED_PASSIVES: Final = frozenset(
    "sent given donated gifted lent handed acquired bought purchased procured sold".split()
)


_PRESENT_BE: Final = frozenset(["is", "are", "am"])


# Clause openers after which a present tense speaks of the future: "until Slovakia
# receives the F-16s", "once the jets arrive".
_FUTURE_OPENERS: Final = frozenset(["until", "once", "before", "when"])


_IRREGULAR_PAST: Final = frozenset(
    "sent sold gave given got gotten bought lent flew flown took taken struck shot "
    "hit armed".split()
)


_QUOTES: Final = frozenset(['"', "'", "“", "”", "‘", "’"])


MODALS: Final = frozenset("will would could might may should must can".split())


_PERFECT: Final = frozenset(["has", "have", "had", "'ve"])


def _done_already(view: SentenceView, trigger: Trigger) -> bool:
    """A perfect or "already" that reports the goods handed over, whatever was agreed
    or announced before: "announced that the system had been given to Ukraine",
    "vehicles already donated by Sweden"."""
    if trigger.noun:
        return False
    index = trigger.index - 1
    while view.low(index) in ADVERBS:
        if view.low(index) == "already":
            return True
        index -= 1
    if view.low(index) == "been":
        index -= 1
    return view.low(index) in _PERFECT and view.low(index - 1) not in MODALS


def _not_yet_done(view: SentenceView, trigger: Trigger, clause_start: int) -> bool:
    """A verb form that reports a transfer decided but not carried out: an infinitive
    ("to supply"), a present progressive of announcing ("is sending"), a present tense
    after "until" or "once"."""
    word = view.low(trigger.index)
    index = trigger.index - 1
    while view.low(index) in ADVERBS or view.low(index) in _QUOTES:
        index -= 1
    lead = view.low(index)
    base = not word.endswith(("ed", "ing")) and word not in _IRREGULAR_PAST
    if lead == "to" and base:
        # "the decision to transfer"; "began to deliver" reports deliveries under way,
        # "the first country to send tanks" a deed.
        first = any(view.low(i) in ORDINALS for i in range(index - 4, index))
        if first and _prospect_of_first(view, index):
            return True
        return view.low(index - 1) not in _ONGOING_LEADS and not first
    if lead == "be" and view.low(index - 1) == "to":
        return True  # "486 launchers, to be delivered from 2026"
    if lead in _PRESENT_BE and word in _ANNOUNCED_PROGRESSIVES:
        return True
    if lead == "being" and word in _ANNOUNCED_PASSIVES and view.low(index - 1) != "been":
        return True  # "the two corvettes being given to Cambodia"
    opener = view.low(clause_start)
    if opener not in _FUTURE_OPENERS:
        opener = view.low(clause_start - 1)
    return base and opener in _FUTURE_OPENERS


_MAKING: Final = frozenset("make makes become becomes".split())


def _prospect_of_first(view: SentenceView, index: int) -> bool:
    """ "The move would make Spain the first country to send jets": being the first is
    a consequence foreseen, not a deed done."""
    for i in range(max(0, index - 10), index - 1):
        if view.low(i) in MODALS and view.low(i + 1) in _MAKING:
            return True
    return False


def _hypothetical_gerund(view: SentenceView, trigger: Trigger) -> bool:
    """A gerund that is the subject of a modal: "supplying jets would cross a line"."""
    if not view.low(trigger.index).endswith("ing"):
        return False
    before = view.low(trigger.index - 1)
    if before not in ("that", "whether", ",", "") and trigger.index > 0:
        return False
    end = min(len(view.lows), trigger.index + 8)
    return any(view.low(i) in MODALS - {"will"} for i in range(trigger.index + 1, end))


_DENIED_WORDS: Final = BE | frozenset(GIVE_VERBS) | frozenset(RECEIVE_VERBS) | USE_VERBS


def _denied_after(view: SentenceView, index: int) -> bool:
    """A transfer noun that is the subject of a negated copula: "the delivery of these
    jets has not been an option", "the sale is not final"."""
    end = min(clause_of(view, index)[1], index + 12)
    for i in range(index + 1, end):
        word = view.low(i)
        if word not in _DENIED_WORDS:
            continue  # one set test for most tokens: each test below asks for one of them
        if word in BE and view.low(i + 1) in ("not", "n't", "never"):
            return True
        if word in GIVE_VERBS or word in RECEIVE_VERBS or word in USE_VERBS:
            return False  # the noun is the object of another verb
    return False


_DEBATED: Final = frozenset(
    "discussed considered debated negotiated weighed studied mooted".split()
)


_UNDER: Final = frozenset("discussion consideration negotiation review".split())


_UNSETTLED: Final = frozenset("decided determined settled finalised finalized".split())


_DEBATED_WORDS: Final = _DEBATED | _UNSETTLED | {"under"}


def _debated_after(view: SentenceView, index: int) -> bool:
    """ "the delivery of tanks to Ukraine is currently being discussed", "under review"."""
    end = clause_of(view, index)[1]
    for i in range(index + 1, end + 1):
        word = view.low(i)
        if word not in _DEBATED_WORDS:
            continue  # one set test for most tokens: each test below asks for one of them
        if word in _DEBATED and (view.low(i - 1) in BE or view.low(i - 2) in BE):
            return True
        if word == "under" and view.low(i + 1) in _UNDER:
            return True
        if word in _UNSETTLED and view.low(i - 1) in ("be", "being"):
            return True  # "the time frame for the delivery is being decided"
    return False


_PENDING_WORDS: Final = PENDING_CUES | _APPROVALS | {"on"}


def _pending_after(view: SentenceView, index: int) -> bool:
    """Words after a transfer noun that put it in the future or on hold, or make it an
    approval ("the transfer ... was approved by")."""
    end = clause_of(view, index)[1]
    for i in range(index + 1, end + 1):
        word = view.low(i)
        if word not in _PENDING_WORDS:
            continue  # one set test for most tokens: each test below asks for one of them
        if (
            word in PENDING_CUES
            or (word in _APPROVALS and view.low(i - 1) in BE)
            or (word == "on" and view.low(i + 1) in _ON_TIME)  # "is on track for 2026"
        ):
            return True
    return False


_ON_TIME: Final = frozenset(["track", "schedule", "course"])


def blocked(view: SentenceView, trigger: Trigger, clause_start: int) -> bool:
    lo = max(clause_start, trigger.index - MODIFIER_WINDOW)
    return any(view.low(i) in BLOCKING_CUES for i in range(lo, trigger.index))


_ADVERBS_OR_NOT: Final = ADVERBS | frozenset(["not", "n't"])  # one set, not one a call


def is_passive(view: SentenceView, trigger: Trigger) -> bool:
    if trigger.noun:
        return False
    index = trigger.index - 1
    while index >= 0 and view.low(index) in _ADVERBS_OR_NOT:
        index -= 1
    word = view.low(trigger.index)
    if view.low(index) in BE and view.low(index) not in ("has", "have", "had"):
        return not word.endswith("ing")
    return reduced_relative(view, trigger) and view.low(trigger.index + 1) in ("by", "to", "from")


def in_service(view: SentenceView, trigger: Trigger, clause: tuple[int, int]) -> bool:
    """ "Serbia operates a battery bought from Russia", "fighters bought from Pakistan
    before the coup": a participle describing weapons already held."""
    if not reduced_relative(view, trigger):
        return False
    if view.low(trigger.index) in ("bought", "purchased", "acquired", "supplied", "delivered"):
        return True
    return any(view.low(i) in USE_VERBS for i in range(clause[0], trigger.index))


_PAST_BUYS: Final = frozenset("bought purchased acquired".split())


def bought_back_then(view: SentenceView, trigger: Trigger, clause: tuple[int, int]) -> bool:
    """ "Nigeria, which bought JF-17s from Pakistan in 2016": a purchase in a background
    clause or dated to a year is a past delivery, not a pending order."""
    if view.low(trigger.index) not in _PAST_BUYS or view.low(trigger.index - 1) in BE:
        return False
    if view.low(trigger.index - 1) in ("which", "who") and view.low(trigger.index - 2) == ",":
        return True
    if view.low(trigger.index - 1) in ("it", "they") and view.low(trigger.index - 2) == "when":
        return True  # "has operated the Typhoon since 2021, when it bought 28 jets"
    return any(
        view.low(i) == "in" and re.fullmatch(r"(?:19|20)\d\d", view.low(i + 1))
        for i in range(trigger.index + 1, clause[1])
    )


# The endings as constant tuples: a tuple written in the call is built at each call.
_PARTICIPLE_ENDS: Final = ("ed", "sold", "sent", "given", "lent", "bought", "flown")
_CLAUSE_PARTICIPLE_ENDS: Final = ("ed", "bought", "sold", "sent")


def reduced_relative(view: SentenceView, trigger: Trigger) -> bool:
    """ "missiles supplied by Iran", "a battery bought from Russia": a participle after its noun."""
    word = view.low(trigger.index)
    if trigger.noun or not word.endswith(_PARTICIPLE_ENDS):
        return False
    index = trigger.index - 1
    while view.low(index) in ADVERBS and view.low(index - 1) == ",":
        index -= 1  # "The Caesar, also bought by Indonesia"
    if view.low(index) == ",":
        # "... took delivery of Gripens this month, shipped from Sweden": a participle clause.
        # "Argentina's Super Etendard jets, bought from France, remain grounded"
        return word.endswith(_CLAUSE_PARTICIPLE_ENDS) or any(
            w.last == index - 1 for w in view.weapons
        )
    # "MiG-29 fighters donated by Russia": one plain noun may stand between.
    plain = (
        view.low(index).isalpha()
        and index not in view.taken
        and view.low(index) not in BE
        and view.low(index) not in PRONOUNS  # "the F-16s it bought": a relative clause
    )
    return any(w.last == index or (plain and w.last == index - 1) for w in view.weapons)
