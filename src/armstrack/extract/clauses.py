"""The frame records and the clause structure every frame rule reads: where a sentence's
clauses break, and what follows a verb."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from armstrack.extract.bisection import bisect_left
from armstrack.extract.lexicon import (
    CLAUSE_BREAKS,
    CLAUSE_OPENERS,
    DEAL_WORDS,
    DETERMINERS,
    GIVE_NOUNS,
    GIVE_VERBS,
    RECEIVE_NOUNS,
    RECEIVE_VERBS,
    USE_VERBS,
    Frame,
)
from armstrack.extract.quantities import count_word
from armstrack.extract.view import SentenceView, WeaponMention
from armstrack.records import ActorRef, Status

BE: Final = frozenset("is are was were be been being get gets got getting has have had".split())


ADVERBS: Final = frozenset(
    "reportedly allegedly already also recently secretly quietly reportedly covertly "
    "officially formally repeatedly still now just since then first finally openly "
    "successfully actively regularly quickly further only later earlier eventually soon".split()
)


MODIFIER_WINDOW: Final = 8


COMPLEMENTIZERS: Final = frozenset(["that", "whether", "because"])


# Nouns through which a possessor owns the transfer that follows: "X's approval of a sale".
DECISION_NOUNS: Final = frozenset(
    "approval decision offer plan pledge agreement authorization authorisation permission "
    "go-ahead clearance".split()
)


@dataclass(slots=True)
class FrameHit:
    """One trigger with its roles, before merging into transfers. (The ``__init__`` is
    written out so that mypyc compiles it: see ``view.ActorMention``.)"""

    kind: Frame
    trigger: int  # token index
    status: Status
    negated: bool
    supplier: ActorRef | None = None
    recipient: ActorRef | None = None
    weapons: list[WeaponMention] = field(default_factory=list)
    anaphoric: bool = False
    definite: bool = False  # "the shipments": points back at a known transfer
    passive: bool = False
    vague_supplier: bool = False  # "provided by a coalition of allies": no origin guess
    stated: bool = False  # "Belarus handed tanks to Russia": the verb gives the direction

    def __init__(
        self,
        kind: Frame,
        trigger: int,
        status: Status,
        negated: bool,
        supplier: ActorRef | None = None,
        recipient: ActorRef | None = None,
        weapons: list[WeaponMention] | None = None,
        anaphoric: bool = False,
        definite: bool = False,
        passive: bool = False,
        vague_supplier: bool = False,
        stated: bool = False,
    ) -> None:
        self.kind, self.trigger, self.status, self.negated = kind, trigger, status, negated
        self.supplier, self.recipient = supplier, recipient
        self.weapons = [] if weapons is None else weapons
        self.anaphoric, self.definite, self.passive = anaphoric, definite, passive
        self.vague_supplier, self.stated = vague_supplier, stated

    @property
    def complete(self) -> bool:
        return self.supplier is not None and self.recipient is not None


@dataclass(slots=True, unsafe_hash=True)
class Trigger:
    index: int
    kind: Frame
    status: Status
    noun: bool

    def __init__(self, index: int, kind: Frame, status: Status, noun: bool) -> None:
        self.index, self.kind, self.status, self.noun = index, kind, status, noun


TRIGGER_WORDS: Final = (
    frozenset(GIVE_VERBS) | frozenset(GIVE_NOUNS) | frozenset(RECEIVE_VERBS)
    | frozenset(RECEIVE_NOUNS) | USE_VERBS | frozenset(DEAL_WORDS)
    | {"took", "take", "taking", "takes", "taken"}
)  # fmt: skip


def clause_of(view: SentenceView, index: int) -> tuple[int, int]:
    """The token range of the clause around ``index``, between two break tokens."""
    if view.breaks is None:
        view.breaks = _find_breaks(view)
    position = bisect_left(view.breaks, index)
    start = view.breaks[position - 1] + 1 if position > 0 else 0
    if position < len(view.breaks) and view.breaks[position] == index:
        position += 1  # a break token belongs to the clause it opens
        start = index
    end = view.breaks[position] - 1 if position < len(view.breaks) else len(view.lows) - 1
    return start, end


def _find_breaks(view: SentenceView) -> list[int]:
    """Tokens that end a clause: semicolons, "but", "while", ", and", ", which", ..."""
    lows = view.lows
    breaks = []
    for index, word in enumerate(lows):
        if word not in _BREAK_WORDS:
            continue  # one set test for most tokens, in place of a test per branch below
        if word in ("(", ")") and (_short_aside(lows, index) or _money_aside(lows, index)):
            continue  # "vehicles (PMV) to be donated": an abbreviation, not a clause
        if word in CLAUSE_BREAKS:
            breaks.append(index)
        elif (
            word == "as"
            and "such" not in (view.low(index - 1), view.low(index - 2))
            # "to countries such as Chad", "to such countries as Chad" are one clause
            and (_actor_from(view, index + 1) or view.low(index + 1) in _AS_SUBJECTS)
        ):
            breaks.append(index)  # "Taiwan receives HIMARS as U.S. clears air-defence sale"
        elif word in ("and", "which", "who") and index > 0 and lows[index - 1] == ",":
            if word == "and" and _item_follows(view, index):
                continue  # "12 howitzers, 40 vehicles, and 5,000 shells to Ukraine": a list
            if word == "and" and _ends_goods_list(view, index):
                continue  # "rifles, helmets, ammunition, and food aid to Moldova": a list
            breaks.append(index)  # ", and" / ", which" start a clause; a bare "and" joins a list
        elif (
            word == "with"
            and not _actor_from(view, index + 1)
            and ((index > 0 and lows[index - 1] == ",") or delivery_after(view, index))
        ):
            breaks.append(index)  # ", with the first jets due in 2027": a clause of its own
        elif (
            word == "and"
            and (_object_to(view, index - 1) or _weapon_to(view, index - 1))
            and view.low(_actor_end(view, _past_the(lows, index + 1)) + 1) in CLAUSE_OPENERS
        ):
            # "... to Ukraine and Spain will send six", "pledged 14 tanks and Spain will
            # send six"
            breaks.append(index)
    return breaks


# Every word a branch of _find_breaks looks for.
_BREAK_WORDS: Final = CLAUSE_BREAKS | frozenset(["(", ")", "as", "and", "which", "who", "with"])


# The mentions _find_breaks asks about, read off the few mentions where a branch asks:
# sets of their first and last tokens, built for every sentence, cost more.
def _actor_from(view: SentenceView, index: int) -> bool:
    return any(a.first == index for a in view.actors)


def _actor_end(view: SentenceView, first: int) -> int:
    """The last token of the (last) actor mention that starts at ``first``, else -2."""
    end = -2
    for a in view.actors:
        if a.first == first:
            end = a.last
    return end


def _object_to(view: SentenceView, index: int) -> bool:
    """An actor with a preposition ends at ``index``: "to Ukraine", not "Russia and India"
    nor "between Russia and India"."""
    return any(a.last == index and a.prep and a.prep != "between" for a in view.actors)


def _weapon_from(view: SentenceView, index: int) -> bool:
    return any(w.first == index for w in view.weapons)


def _weapon_to(view: SentenceView, index: int) -> bool:
    return any(w.last == index for w in view.weapons)


# Words that may open a list item before its weapon: "and 5,000 more 155mm shells".
_ITEM_LEAD: Final = frozenset(
    "more additional other further new used some several dozens hundreds".split()
)


_CLAUSE_VERBS: Final = frozenset(
    "is are was were has have had will would can could may might should must be been being".split()
)


def _verb_after(view: SentenceView, index: int) -> bool:
    """Whether a verb follows within a few words, before any comma or preposition."""
    for i in range(index, index + 8):
        word = view.low(i)
        if word in _CLAUSE_VERBS or (word in TRIGGER_WORDS and i not in view.taken):
            return True
        if word in (",", ".", ";", "", "to", "for", "from", "in", "on", "at", "by", "with", "of"):
            return False
    return False


def _ends_goods_list(view: SentenceView, index: int) -> bool:
    """Whether ", and" adds a last item of no weapon to a list of at least two weapons
    ("rifles, helmets, ammunition, and humanitarian aid"): a list, unless a verb follows."""
    before = index - 2  # the token before the comma
    if not _weapon_to(view, before):
        return False
    first = next(w.first for w in view.weapons if w.last == before)
    if view.low(first - 1) != "," or not _weapon_to(view, first - 2):
        return False
    if _weapon_from(view, index + 1):
        return False
    for i in range(index + 1, index + 6):
        word = view.low(i)
        if word in _CLAUSE_VERBS or (word in TRIGGER_WORDS and word not in GIVE_NOUNS):
            return False  # "..., and Moldova sent drones": a clause of its own
        if word in (",", ".", ";", "", "to", "for", "from"):
            return True
    return False


def _item_follows(view: SentenceView, index: int) -> bool:
    """Whether the words after ``index`` are a weapon, led only by numbers and the like."""
    following = index + 1
    for _ in range(5):
        if _weapon_from(view, following):
            # "..., and Starstreak missiles were handed over": a clause, not an item.
            weapon = next(w for w in view.weapons if w.first == following)
            return not _verb_after(view, weapon.last + 1)
        word = view.low(following)
        if not (
            word in DETERMINERS or word in _ITEM_LEAD or count_word(word) is not None
            or word in (",", ".", "-", "mm")
        ):  # fmt: skip
            return False
        following += 1
    return False


def delivery_after(view: SentenceView, index: int) -> bool:
    """ "with deliveries", "with the first delivery": a delivery noun right after."""
    following = index + 1
    while view.low(following) in DETERMINERS or view.low(following) in ORDINALS:
        following += 1
    return view.low(following) in ("delivery", "deliveries", "handover", "handovers")


def _past_the(lows: list[str], index: int) -> int:
    """The index of the word after an article: "the Netherlands" starts at "Netherlands"."""
    return index + 1 if index < len(lows) and lows[index] == "the" else index


# "as this would delay the F-16s": "as" opening a clause of its own.
_AS_SUBJECTS: Final = frozenset("this it they that these those".split())


_MONEY_WORDS: Final = frozenset("$ € £ million billion dollars euros pounds".split())
_MONEY_ASIDE_REACH: Final = 8  # "(about US$85 million)", "(C$400 million)"


def _money_aside(lows: list[str], index: int) -> bool:
    """A bracket around an amount: "a NOK 900 million (US$85 million) air defence system":
    a conversion, not a clause."""
    if lows[index] == "(":
        after = lows[index + 1 : index + 1 + _MONEY_ASIDE_REACH]
        words = after[: after.index(")")] if ")" in after else []
    else:
        before = lows[max(0, index - _MONEY_ASIDE_REACH) : index]
        words = before[len(before) - before[::-1].index("(") :] if "(" in before else []
    return "(" not in words and ")" not in words and not _MONEY_WORDS.isdisjoint(words)


def _short_aside(lows: list[str], index: int) -> bool:
    """A bracket around at most three words: "(PMV)", "(KNDF)", "(Mach 2.8)"."""
    if lows[index] == "(":
        inside = lows[index + 1 : index + 5]
        return ")" in inside and "(" not in inside
    inside = lows[max(0, index - 4) : index]
    return "(" in inside and ")" not in inside


ORDINALS: Final = frozenset("first second third last only".split())
