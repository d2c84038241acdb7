"""Topic holders: states listed as holders of the system an article is about.

A list of states after the system's sentence often names no weapon at all: "Other
operators include A and B", "It also serves in A, B and C", "the fifth country to buy
it, after A, B and C", "joins A and B as operators", "Orders have come from A and B".
Each listed state is a holder of the topic system, supplied by its maker; the status
follows the list's words (ordered, plans, in service).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from armstrack.extract.clauses import (
    ADVERBS,
    BE,
    FrameHit,
    clause_of,
)
from armstrack.extract.lexicon import (
    DETERMINERS,
    NEGATIONS,
    Frame,
)
from armstrack.extract.quantities import NUMBER_WORDS
from armstrack.extract.status import (
    MODALS,
)
from armstrack.extract.view import (
    EarlierSystem,
    SentenceView,
    WeaponMention,
)
from armstrack.records import ActorRef, Category, Span, Status

# Parties taken from one coordinated list ("A, B, C and D delivered ..."): real lists of
# donors or buyers stay well under this (the longest seen in news: about 30 states).
MAX_LISTED: Final = 50


# "in service in A, B and C", "operated by A and B", "operators include A", "the others
# being A and B": the listed states hold the system, so its maker delivered it to them.
HOLDING_VERBS: Final = frozenset("operated flown used fielded employed".split())


HOLDER_NOUNS: Final = frozenset("operators users customers buyers clients".split())


_HOLDER_GLUE: Final = frozenset([",", "and", "or", "the", "as", "well"])


# "in service with the armed forces of India": words between the cue and the first holder.
_HOLDER_LEAD: Final = frozenset(
    "in with by of the armies militaries navies forces armed air include includes "
    "including are were such as :".split()
) | frozenset("countries nations - – — two three four five six seven eight nine ten ranks".split())


# "in service with several NATO members, including": a counted group, then its list.
_HOLDER_GROUP_LEAD: Final = frozenset(
    "several many some other members allies partners states nato european , including those "
    "such as".split()
)


def maker_or_origin(view: SentenceView, weapon: WeaponMention) -> ActorRef | None:
    """The catalogued maker of goods, else their stated origin (for buyer and holder lists,
    where a named system's maker is the surer giver)."""
    return view.maker_actors.get(weapon.made_in or "") or view.origin_actors.get(
        weapon.origin or ""
    )


# The words of a force that a demonym names: "the Royal Saudi Air Force's F-15s".
FORCE_WORDS: Final = frozenset(
    "air force forces navy navies army armies armed military militaries coast guard naval "
    "marine marines corps ground land self-defense self-defence defence defense".split()
)


# "went into service in", "was put into service with": verbs before "into" that say the
# system has joined a force (a future "will enter service" holds nothing yet).
_INTO_SERVICE: Final = frozenset("went came gone come put pressed".split())


def entered_service(lows: list[str], index: int) -> bool:
    """ "entered service with", "went into service in": a system that joined a force is held."""
    if lows[index] != "service" or index < 2 or index + 1 >= len(lows):
        return False
    if lows[index + 1] not in ("in", "with"):
        return False
    before = lows[index - 1]
    return before == "entered" or (before == "into" and lows[index - 2] in _INTO_SERVICE)


OPERATE_VERBS: Final = frozenset("operate operates operating fly flies flying field fields".split())


BOUGHT_VERBS: Final = frozenset("bought purchased acquired ordered".split())


_LIST_ENDS: Final = frozenset([".", ";", ""])


_LISTED_GLUE: Final = _HOLDER_GLUE | FORCE_WORDS  # one set, not one a list word


def holder_list(view: SentenceView, cue: int, limit: int | None = None) -> list[ActorRef]:
    """The states listed right after a holding cue (before ``limit``, if given)."""
    clause_end = clause_of(view, cue)[1] if view.low(cue) != "being" else len(view.lows) - 1
    if limit is not None:
        clause_end = min(clause_end, limit)
    listed: list[ActorRef] = []
    position = cue + 1
    for mention in view.actors:
        if mention.first < position or mention.speaker:
            continue
        gap = [view.low(i) for i in range(position, mention.first)]
        if mention.first > clause_end and not (
            limit is None
            and listed
            and len(gap) <= 3
            and "and" in gap
            and view.low(mention.last + 1) in _LIST_ENDS
        ):
            break  # "Pakistan, Myanmar, and Nigeria.": a serial comma ends no list
        glue = _HOLDER_LEAD if not listed else _LISTED_GLUE
        if len(gap) > 6 or any(w not in glue for w in gap):
            if (
                listed
                or len(gap) > 8
                or ("including" not in gap and "such" not in gap)
                or any(w not in _HOLDER_LEAD and w not in _HOLDER_GROUP_LEAD for w in gap)
            ):
                break
        if mention.actor not in listed and mention.actor.kind == "state":
            listed.append(mention.actor)
        position = mention.last + 1
    return listed[:MAX_LISTED]


# A list of a system's holders in a sentence that names no weapon: "Other operators
# include A and B", "Export customers so far are A and B", "It is also flown by A and
# B", "has exported 60 to four countries, the others being A and B". The system is the
# one the article named last; the pipeline reads such a sentence only when it holds one
# of ``TOPIC_LIST_WORDS``.
HOLDER_SINGULARS: Final = frozenset("operator user customer buyer client".split())


HOLDER_WORDS: Final = HOLDER_NOUNS | HOLDER_SINGULARS


# Words that may stand before the holder noun: "its other export customers".
HOLDER_MODIFIERS: Final = frozenset(
    "the its their other export foreign overseas international current existing known "
    "confirmed first second third main major largest biggest early earlier previous only "
    "military and , so far".split()
)


# What links the holder noun to its list: "customers include", "users so far are".
_HOLDER_LINKS: Final = frozenset("include includes included are were is was comprise :".split())


_LINK_FILLERS: Final = frozenset("so far now already currently to date today also".split())


# "operators of the type include": what the holder noun may be of, pointing at the topic.
TOPIC_NOUNS: Final = frozenset(
    "type system systems platform model design aircraft jet jets fighter fighters drone "
    "drones vehicle vehicles it them".split()
)


# "The type's export customers": the topic may own the holder noun.
_HOLDER_OWNERS: Final = HOLDER_MODIFIERS | TOPIC_NOUNS | {"'s", "'"}


_TOPIC_PRONOUNS: Final = frozenset("it they this these".split())


_TOPIC_OPENERS: Final = frozenset("and but so since today now currently".split())


_TOPIC_VERBS: Final = HOLDING_VERBS | BOUGHT_VERBS


_EXPORTED: Final = frozenset("exported sold delivered supplied".split())


COUNTRY_NOUNS: Final = frozenset("countries nations states customers buyers".split())


_PLANNED: Final = frozenset("plans planned planning plan intends intend wants want".split())


_PROSPECTIVE: Final = frozenset(
    "potential prospective possible future likely interested interest candidate".split()
)


TOPIC_LIST_WORDS: Final = (
    *sorted(HOLDER_WORDS), *sorted(_TOPIC_VERBS), *sorted(_EXPORTED),
    *sorted(OPERATE_VERBS), "use", "uses", "service", "being", "joining", "joins",
    "joined", "join", "received", "delivery", "follows", "followed", "countries", "nations",
    "serves", "served", "orders", "placed", "include", "includes",
    "joined", "join", "received", "delivery", "follows", "followed", "sales",
)  # fmt: skip


# The words as a set: a set test against a tuple looks up each of its words.
_TOPIC_LIST_SET: Final = frozenset(TOPIC_LIST_WORDS)


def topic_holder_frames(
    view: SentenceView, text: str, frames: list[FrameHit] | None = None
) -> list[FrameHit]:
    """One transfer per state listed as holding the system the article is about, from
    its maker: in a sentence that names no weapon (the system named last before it), only
    a class pointing back at it ("the drones"), the one system, or goods of one stated
    origin ("Turkish drones": from that origin)."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_TOPIC_LIST_SET) or not (view.earlier_systems or view.weapons):
        return found
    topic = _pointed_topic(view)
    goods = _goods_of_one_origin(view) if topic is None else None
    supplier = topic.maker if topic is not None else goods.origin_actor if goods else None
    if supplier is None:
        return found
    # A frame that has both sides says more ("Beijing sold it to Cairo" with no goods
    # named is no such frame: assembly drops it).
    known = {f.recipient.id for f in frames or [] if f.recipient and f.supplier and f.weapons}
    for cue, before in _topic_cues(view):
        if cue == 1 and view.low(cue) in ("include", "includes"):
            if not _countries_before(text, view.start):
                continue  # "They include A and B" must point back at countries
        start, end = clause_of(view, cue)
        words = {view.low(i) for i in range(start, end + 1)}
        if not words.isdisjoint(_PROSPECTIVE) or not words.isdisjoint(NEGATIONS):
            continue  # "potential buyers include", "it is not flown by": no transfer
        if "if" in words or "would" in words:
            continue  # "if it were exported to": a condition
        # The status words near the cue, after the states a verb follows: "Chad plans to
        # buy it, Mali already flies it".
        low = max(start, cue - 6)
        if before:
            low = max([a.last + 1 for a in view.actors if a.last < cue] + [low])
        status = _topic_status({view.low(i) for i in range(low, cue + 1)})
        if view.low(cue) in _LIST_MARKS:
            status = _counted_status(view, cue)  # the clause before the mark says it
        elif view.low(cue) in ("from", "placed") and status is Status.DELIVERED:
            status = Status.AGREED  # "orders came from", "have placed orders"
        listed = _states_before(view, cue) if before else holder_list(view, cue)
        holders = [h for h in listed if h.id != supplier.id and h.id not in known]
        if not holders:
            continue
        span = Span(view.starts[cue], view.ends[cue], text[view.starts[cue] : view.ends[cue]])
        weapon = (
            goods.weapon
            if goods is not None
            else WeaponMention(
                cue,
                cue,
                topic.category if topic else Category.OTHER,
                span,
                system=topic.name if topic else None,
                made_in=supplier.id,
            )
        )
        for holder in holders:
            if not any(f.recipient == holder for f in found):
                found.append(FrameHit(Frame.GIVE, cue, status, False, supplier, holder, [weapon]))
    return found


class _OriginGoods:
    """Goods a sentence names by their origin alone: "Chinese drones"."""

    def __init__(self, origin_actor: ActorRef, weapon: WeaponMention) -> None:
        self.origin_actor, self.weapon = origin_actor, weapon


def _goods_of_one_origin(view: SentenceView) -> _OriginGoods | None:
    """The goods of one stated origin a sentence names, and nothing else: "Chad and Mali
    are among buyers of Chinese drones"."""
    origins = {w.origin for w in view.weapons}
    if len(origins) != 1 or any(w.system for w in view.weapons):
        return None
    weapon = view.weapons[0]
    actor = view.origin_actors.get(weapon.origin or "")
    return _OriginGoods(actor, replace(weapon, quantity=None)) if actor else None


# "Spain became the fifth country to buy the drone, after Italy and France", "Peru is
# the latest customer, joining Chile and Brazil": the states the new buyer follows hold
# the same goods.
_JOINED_AFTER: Final = frozenset("joining after following alongside".split())


BUYER_ORDINALS: Final = frozenset(
    "latest newest second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth".split()
)


_JOINED_NOUNS: Final = HOLDER_WORDS | frozenset(
    "country countries nation nations state states member".split()
)


_AFTER_REACH: Final = 20  # tokens from the ordinal to "after"


def joined_frames(view: SentenceView, text: str, frames: list[FrameHit]) -> list[FrameHit]:
    """One delivered transfer per state listed after "joining" or "after" a new buyer
    named by an ordinal, from the maker (or stated origin) of the goods."""
    found: list[FrameHit] = []
    if view.words.isdisjoint(_JOINS) and (
        view.words.isdisjoint(_JOINED_AFTER) or view.words.isdisjoint(BUYER_ORDINALS)
    ):
        return found
    known = {f.recipient.id for f in frames if f.recipient and f.supplier and f.weapons}
    for cue, word in enumerate(view.lows):
        limit: int | None = None  # where the list of holders ends
        if word in _JOINS and _joins_as_holders(view, cue):
            goods = joined_goods(view, text, len(view.lows))  # "joins A as users of X"
        elif word in _JOINED_AFTER and _ordinal_buyer_before(view, cue):
            goods = joined_goods(view, text, cue)
        elif word == "joining" and _bought_before(view, cue) and _list_closes(view, cue):
            goods = joined_goods(view, text, cue)  # "Peru bought the X, joining A and B."
        elif word in _JOINED_AFTER and _ordinal_after_list(view, cue) is not None:
            goods = joined_goods(view, text, len(view.lows))  # "After A and B, C is the third"
            limit = _ordinal_after_list(view, cue)
        elif word in _JOINED_AFTER and _ordinal_noun(view, cue) is not None:
            verb = _verb_after_list(view, cue)  # "the third state after A and B to buy X"
            goods = _named_goods_after(view, verb) if verb is not None else None
        else:
            continue
        if goods is None:
            continue
        supplier, weapon = goods
        for holder in holder_list(view, cue, limit):
            if holder.id == supplier.id or holder.id in known:
                continue
            if not any(f.recipient == holder for f in found):
                found.append(
                    FrameHit(Frame.GIVE, cue, Status.DELIVERED, False, supplier, holder, [weapon])
                )
    return found


def _ordinal_noun(view: SentenceView, cue: int) -> int | None:
    """The noun of a holder an ordinal names before ``cue``: "the fifth country"."""
    start = max(0, cue - _AFTER_REACH)
    ordinal = next((i for i in range(start, cue) if view.low(i) in BUYER_ORDINALS), None)
    if ordinal is None:
        return None
    return next(
        (i for i in range(ordinal + 1, min(cue, ordinal + 4)) if view.low(i) in _JOINED_NOUNS),
        None,
    )


def _ordinal_buyer_before(view: SentenceView, cue: int) -> bool:
    """ "the fifth country to buy", "the latest customer": an ordinal, then a noun of a
    holder, before ``cue`` in the sentence."""
    noun = _ordinal_noun(view, cue)
    if noun is None:
        return False
    # "the fifth customer", "the second country to buy it" (not "... to condemn it")
    return view.low(noun) in HOLDER_WORDS or any(
        view.low(i) in _JOIN_VERBS for i in range(noun + 1, cue)
    )


def _verb_after_list(view: SentenceView, cue: int) -> int | None:
    """The buying verb right after the states listed from ``cue`` ("after Chile and Peru
    to buy"), or None."""
    listed = {i for a in view.actors for i in range(a.first, a.last + 1)}
    at = cue + 1
    while at in listed or view.low(at) in _HOLDER_GLUE:
        at += 1
    if at > cue + 1 and view.low(at) == "to" and view.low(at + 1) in _JOIN_VERBS:
        return at + 1
    return None


_BUY_ACTS: Final = BOUGHT_VERBS | frozenset("buy buys received acquires orders".split())


def _bought_before(view: SentenceView, cue: int) -> bool:
    """A verb of buying before ``cue`` in the sentence: "Peru ordered the X, joining"."""
    return any(view.low(i) in _BUY_ACTS for i in range(max(0, cue - _AFTER_REACH), cue))


def _list_closes(view: SentenceView, cue: int) -> bool:
    """Whether the states listed from ``cue`` end the sentence: "joining A and B." (not
    "joining A and B in a pact")."""
    ends = {a.first: a.last for a in view.actors}
    at = cue + 1
    while at in ends or view.low(at) in _HOLDER_GLUE:
        at = ends[at] + 1 if at in ends else at + 1
    return at > cue + 1 and view.low(at) in _LIST_ENDS


def _ordinal_after_list(view: SentenceView, cue: int) -> int | None:
    """ "After Egypt and Qatar, India became the third customer": the comma that closes
    the states listed from ``cue``, if an ordinal buyer follows it, else None."""
    ends = {a.first: a.last for a in view.actors}
    at, closing = cue + 1, False
    while True:  # the list ends after the state that follows its "and"
        if at in ends:
            at = ends[at] + 1
            if closing:
                break
        elif view.low(at) in ("and", "or"):
            at, closing = at + 1, True
        elif view.low(at) in (",", "the"):
            at += 1
        else:
            break
    if not closing or view.low(at) != ",":
        return None
    end = min(len(view.lows), at + _AFTER_REACH)
    ordinal = next((i for i in range(at, end) if view.low(i) in BUYER_ORDINALS), None)
    if ordinal is None:
        return None
    noun = next((i for i in range(ordinal + 1, ordinal + 4) if view.low(i) in _JOINED_NOUNS), None)
    if noun is None:
        return None
    if view.low(noun) in HOLDER_WORDS or any(
        view.low(i) in _JOIN_VERBS for i in range(noun + 1, noun + 4)
    ):
        return at
    return None


def _named_goods_after(view: SentenceView, verb: int) -> tuple[ActorRef, WeaponMention] | None:
    """The named system (or goods of a stated origin) the verb takes, with its maker:
    "to buy the Caesar howitzer" (not "to operate two types of stealth fighter")."""
    for weapon in view.weapons:
        if verb < weapon.first <= verb + 4:
            supplier = maker_or_origin(view, weapon)
            if supplier is not None:
                return supplier, replace(weapon, quantity=None)
    return None


# "Chile joins Brazil and Peru as operators of the type", "... in flying it".
_JOINS: Final = frozenset("joins joined join joining follows followed follow".split())


_HOLDING_GERUNDS: Final = frozenset(
    "operating flying fielding using buying ordering acquiring purchasing".split()
)


def _joins_as_holders(view: SentenceView, cue: int) -> bool:
    """Whether the states listed after "joins" are then named as holders: "as
    (existing) operators", "in operating"."""
    listed = {i for a in view.actors for i in range(a.first, a.last + 1)}
    at = cue + 1
    while view.low(at) != "as" and (
        at in listed or view.low(at) in _HOLDER_GLUE or view.low(at) in FORCE_WORDS
    ):
        at += 1
    if at == cue + 1:
        return False
    if view.low(at) == "in":
        return view.low(at + 1) in _HOLDING_GERUNDS
    if view.low(at) != "as":
        return False
    noun = at + 1
    while noun < at + 4 and view.low(noun) in _HOLDER_OWNERS:
        noun += 1
    return view.low(noun) in HOLDER_WORDS


_JOIN_VERBS: Final = frozenset(
    "buy purchase acquire order operate field fly use receive equip get adopt select choose".split()
)


def joined_goods(view: SentenceView, text: str, cue: int) -> tuple[ActorRef, WeaponMention] | None:
    """The goods the new buyer takes, before ``cue``, with their maker or stated origin;
    the topic system if the sentence names none."""
    before = [w for w in view.weapons if w.last < cue]
    for weapon in reversed(before):
        supplier = maker_or_origin(view, weapon)
        if supplier is not None:
            return supplier, replace(weapon, quantity=None)
    if view.weapons or not view.earlier_systems:
        return None
    topic = view.earlier_systems[-1]
    if topic.maker is None:
        return None
    at = min(cue, len(view.lows) - 1)  # the token the topic is read at
    span = Span(view.starts[at], view.ends[at], text[view.starts[at] : view.ends[at]])
    weapon = WeaponMention(at, at, topic.category, span, system=topic.name, made_in=topic.maker.id)
    return topic.maker, weapon


def _pointed_topic(view: SentenceView) -> EarlierSystem | None:
    """The system named last before the sentence, if the sentence names no weapon or only
    a class of it pointed back at ("the drones", "such jets"): what its holders hold."""
    if not view.weapons:
        return view.earlier_systems[-1] if view.earlier_systems else None
    one = _one_named_system(view)
    if one is not None:
        return one
    kinds = {w.category for w in view.weapons}
    if len(kinds) != 1 or not all(_points_back(view, w) for w in view.weapons):
        return None
    kind = kinds.pop()
    named = {w.system for w in view.weapons if w.system}
    return next(
        (
            s
            for s in reversed(view.earlier_systems)
            if s.category is kind and (not named or s.name in named)
        ),
        None,
    )


def _one_named_system(view: SentenceView) -> EarlierSystem | None:
    """The one catalogued system a sentence names (as often as it likes), with its maker:
    "The TB2 is a bestseller, with Chad and Mali among its users"."""
    # "the Hermes 900 drones": a class noun after the name is the same goods
    weapons = [w for w in view.weapons if w.system or w.origin]
    if not weapons:
        return None
    first = weapons[0]
    if not first.system or not first.made_in:
        return None
    if any(w.system != first.system for w in weapons):
        return None
    maker = view.maker_actors.get(first.made_in)
    return EarlierSystem(first.system, first.category, maker) if maker else None


def _points_back(view: SentenceView, weapon: WeaponMention) -> bool:
    """ "the drones", "such jets": a class named by a determiner that points back (or
    already read as the system named before, which then has no maker of its own)."""
    before = weapon.first - 1
    while before > weapon.first - 5 and (_modifier(view, before) or view.low(before) == "-"):
        before -= 1  # "the long-endurance drones"
    if weapon.origin or view.low(before) not in _POINTING_DETERMINERS:
        return False
    return weapon.generic or weapon.system is None or weapon.made_in is None


_POINTING_DETERMINERS: Final = frozenset("the these those such this that its their".split())


def _topic_cues(view: SentenceView) -> list[tuple[int, bool]]:
    """Where a list of the topic system's holders follows (or, with True, precedes)."""
    cues: list[tuple[int, bool]] = []
    for index, word in enumerate(view.lows):
        if word not in _TOPIC_CUE_TOKENS:
            continue  # no branch below reads it
        if word in HOLDER_WORDS:
            link = _holder_link(view, index)
            if link is None:
                link = _had_holder_link(view, index)
            if link is not None:
                cues.append((link, False))  # "other operators include"
        elif word in _TOPIC_VERBS and view.low(index + 1) == "by" and _topic_subject(view, index):
            cues.append((index, False))  # "it is also flown by", "it has been bought by"
        elif (
            word == "service"
            and view.low(index - 1) == "in"
            and view.low(index + 1) in ("in", "with")
            and _topic_subject(view, index - 1)
        ):
            cues.append((index, False))  # "it is in service with"
        elif entered_service(view.lows, index) and _topic_subject(
            view, index - 1 if view.low(index - 1) == "entered" else index - 2
        ):
            cues.append((index, False))  # "it has entered service in", "the type went into"
        elif (
            word == "being" and view.low(index - 1) in ("others", "rest") and _exported(view, index)
        ):
            cues.append((index, False))  # "exported 60 to four countries, the others being"
        elif word == "including" and view.low(index + 1) == "to" and _sales_before(view, index):
            cues.append((index + 1, False))  # "other sales have followed, including to"
        elif word in ("including", "namely") and view.low(index - 1) in (",", ":"):
            if view.low(index - 2) in COUNTRY_NOUNS and (
                _exported(view, index) or _held_after(view, index)
            ):
                cues.append((index, False))  # "sold to six countries, including"
        elif word in _EXPORTED:
            to = _topic_object_end(view, index + 1)
            if view.low(to) == "to" and (to > index + 1 or _topic_subject(view, index)):
                cues.append((to, False))  # "it has been sold to", "has sold the jet to"
        elif word in _HOLDING_ACTS and _topic_object_end(view, index + 1) > index + 1:
            if word in _VAGUE_ACTS and view.low(index + 1) in ("it", "them"):
                continue  # "Kyiv used it as evidence": "it" may be anything
            cues.append((index, True))  # "Egypt and Qatar also fly the jet"
        elif (
            word == "delivery"
            and view.low(index - 1) in _TAKING
            and view.low(index + 1) == "of"
            and _topic_object_end(view, index + 2) > index + 2
        ):
            cues.append((index - 1, True))  # "Chad and Mali took delivery of the type"
        elif word in ("are", "were") and _listed_as_holders(view, index + 1):
            cues.append((index, True))  # "Chad and Mali are other states that bought it"
        elif word == "among" and _listed_as_holders(view, index + 1):
            cues.append((index, True))  # "with Chad and Mali among its users"
        elif word in ("include", "includes") and _buyers_pronoun_before(view, index):
            cues.append((index, False))  # "sold it to 18 countries. They include A and B"
        elif word in ("in", "with") and _serving_in(view, index):
            cues.append((index, False))  # "it also flies in Chad, Mali and Niger"
        elif word == "from" and _orders_before(view, index):
            cues.append((index, False))  # "orders have come from Chad and Mali"
        elif word == "placed" and _placed_orders(view, index):
            cues.append((index, True))  # "Chad and Mali have placed orders"
        elif (
            word in _LIST_MARKS
            and not view.words.isdisjoint(COUNTRY_NOUNS)
            and _buyers_counted_before(view, index)
        ):
            cues.append((index, False))  # "six states have ordered the jet: Chad, Mali"
    return cues


_COUNTRIES_REACH: Final = 160  # characters before the sentence: the one before it


def _countries_before(text: str, start: int) -> bool:
    """Whether the text just before ``start`` names countries a system went to: "has sold
    the Patriot to 18 countries."."""
    window = text[max(0, start - _COUNTRIES_REACH) : start].lower()
    return any(noun in window for noun in (" countries", " nations", " customers", " buyers"))


def _buyers_pronoun_before(view: SentenceView, cue: int) -> bool:
    """ "They include A, B and C" opening a sentence (the countries a system went to, named
    in the sentence before), with two or more states listed."""
    if cue != 1 or view.low(0) not in ("they", "these", "those"):
        return False
    return len(holder_list(view, cue)) >= 2


# "It also flies in A, B and C", "the type serves in A and B": verbs of a system in use
# whose "in" opens a list of states (a place when it names one: "it flies in Chad").
_SERVING_VERBS: Final = OPERATE_VERBS | frozenset("serves serve served flown".split())


def _serving_in(view: SentenceView, cue: int) -> bool:
    """Whether "in" at ``cue`` follows a verb of use whose subject is the topic and opens
    a list of two or more states."""
    verb = cue - 1
    if view.low(verb) == "use" and view.low(verb - 1) == "in":
        verb -= 1  # "it is in use in Chad and Mali"
    elif view.low(verb) not in _SERVING_VERBS:
        return False
    return _topic_subject(view, verb) and len(holder_list(view, cue)) >= 2


_ORDER_NOUNS: Final = frozenset(["orders", "order"])


_ORDERS_COME: Final = frozenset("have has had come came also been already so far".split())


def _orders_before(view: SentenceView, cue: int) -> bool:
    """ "Orders have come from", "with orders from": an order noun a few words before
    "from" (nothing ordered named between) and two or more states after it."""
    noun = next(
        (i for i in range(cue - 1, max(-1, cue - 5), -1) if view.low(i) in _ORDER_NOUNS), None
    )
    if noun is None or any(view.low(i) not in _ORDERS_COME for i in range(noun + 1, cue)):
        return False
    return len(holder_list(view, cue)) >= 2


def _placed_orders(view: SentenceView, index: int) -> bool:
    """ "have placed orders.", "placed an order for the jet": orders for the topic (or
    for nothing named) after "placed"."""
    at = index + 2 if view.low(index + 1) == "an" else index + 1
    if view.low(at) not in _ORDER_NOUNS:
        return False
    after = at + 1
    if view.low(after) in _LIST_ENDS or view.low(after) == ",":
        return True
    return view.low(after) == "for" and _topic_object_end(view, after + 1) > after + 1


# Marks after which a sentence lists the states it counted: "nine countries have
# ordered it: A, B and C", "... -- A, B and C".
_LIST_MARKS: Final = frozenset([":", "-", "–", "—"])


_COUNT_REACH: Final = 12  # tokens from the counted noun to the mark


_COUNTING_WORDS: Final = frozenset(
    "two three four five six seven eight nine ten eleven twelve other several".split()
)


_SIGNED_BUYING: Final = _BUY_ACTS | frozenset("buy purchase acquire order signed".split())


def _buyers_counted_before(view: SentenceView, cue: int) -> bool:
    """Whether a counted country noun and a verb of buying the topic stand before the mark
    at ``cue`` in one clause: "Nine other countries have signed up to buy the jet --"."""
    if view.low(cue + 1) in _LIST_MARKS:
        return False  # the first mark of "--": the list opens after the second
    start = max(0, cue - _COUNT_REACH)
    lows = [view.low(i) for i in range(start, cue)]
    noun = next((i for i, w in enumerate(lows) if w in COUNTRY_NOUNS), None)
    if noun is None or noun == 0:
        return False
    counted = lows[noun - 1]
    if not (counted[:1].isdigit() or counted in _COUNTING_WORDS):
        return False  # "countries that buy it -": no count announces a list
    if any(w in (".", ";") or w in NEGATIONS or w in _PROSPECTIVE for w in lows):
        return False
    return any(w in _SIGNED_BUYING for w in lows[noun + 1 :])


_ORDERING: Final = frozenset("ordered signed buy purchase acquire order contracted".split())


def _counted_status(view: SentenceView, cue: int) -> Status:
    """Agreed if the buyers counted before the mark ordered or signed up to buy ("have
    ordered the jet:", "signed up to buy it --"), discussed if they may or plan to, else
    delivered ("have bought it:")."""
    words = {view.low(i) for i in range(max(0, cue - _COUNT_REACH), cue)}
    if not words.isdisjoint(MODALS) or not words.isdisjoint(_PLANNED):
        return Status.DISCUSSED  # "three countries may buy it:", "plan to buy it:"
    return Status.DELIVERED if words.isdisjoint(_ORDERING) else Status.AGREED


# "Chad and Mali are among its export customers", "... are some other African states
# that have bought them": a list of states named as holders by a copula.
_AMONG_WORDS: Final = _HOLDER_OWNERS | frozenset(
    "among some also all both african asian european arab gulf latin american middle "
    "eastern western southern northern regional".split()
)


_HOLDING_RELATIVES: Final = frozenset("that which to".split())


def _listed_as_holders(view: SentenceView, at: int) -> bool:
    """Whether the words from ``at`` name the states before as holders of the topic: a
    holder noun, or a country noun that bought or operates it."""
    end = at
    while end < at + 6 and (view.low(end) in _AMONG_WORDS or end in view.taken):
        end += 1
    if view.low(end) in HOLDER_WORDS:
        return view.low(end + 1) not in ("of", "for") or _topic_object_end(view, end + 2) > end + 2
    # "are other Sahel states that": any words before a country noun, which the verb
    # after it must tie to the topic.
    end = next((i for i in range(at, at + 6) if view.low(i) in COUNTRY_NOUNS), end)
    if view.low(end) not in COUNTRY_NOUNS or view.low(end + 1) not in _HOLDING_RELATIVES:
        return False
    verb = end + 2
    while view.low(verb) in BE or view.low(verb) in ADVERBS:
        verb += 1
    return view.low(verb) in _HOLDING_ACTS and _topic_object_end(view, verb + 1) > verb + 1


_TAKING: Final = frozenset("took taken take takes taking".split())


_VAGUE_ACTS: Final = frozenset("use uses received".split())


# "Egypt and India also operate the type", "Qatar has bought the French jet": states
# before the verb, the topic after it.
_HOLDING_ACTS: Final = OPERATE_VERBS | BOUGHT_VERBS | frozenset("use uses received".split())


# Every word a branch of _topic_cues opens with.
_TOPIC_CUE_TOKENS: Final = (
    HOLDER_WORDS | _TOPIC_VERBS | _EXPORTED | _HOLDING_ACTS | _LIST_MARKS
    | frozenset("service being including namely delivery are were among include includes "
                "in with from placed".split())
)  # fmt: skip


# Words that may stand between a determiner and a noun pointing at the topic: "the
# French-built fighter".
_TOPIC_ADJECTIVES: Final = frozenset(
    "same french-built new light combat multirole multi-role advanced twin-engine "
    "single-engine armed attack stealth fighter - made built".split()
)


def _topic_object_end(view: SentenceView, at: int) -> int:
    """The token after a phrase at ``at`` that points at the topic system ("it", "the
    jet", "the French-built type"), or ``at`` if there is none."""
    if view.low(at) in ("it", "them"):
        return at + 1
    first = at + 1 if at in view.taken else at  # past the demonym: "Chinese drones"
    origin = next((w for w in view.weapons if w.first == first and w.origin and not w.system), None)
    if origin is not None:
        return origin.last + 1  # "buyers of Chinese drones"
    if view.low(at) not in DETERMINERS and view.low(at) not in _POINTING_DETERMINERS:
        return at
    starts = {w.first: w for w in view.weapons if not w.origin}
    end = at + 1
    while end < at + 6:
        if end in starts:  # "the drones", "the K9 howitzers", "the Hermes 900 drones"
            while end in starts:
                end = starts[end].last + 1
            return end
        if view.low(end) in TOPIC_NOUNS:
            return end + 1
        if not (view.low(end) in _TOPIC_ADJECTIVES or end in view.taken or _modifier(view, end)):
            break
        end += 1  # "the French fighter": a demonym is a catalogue match
    return at


def _modifier(view: SentenceView, index: int) -> bool:
    """A token of a compound modifier: "self-propelled", "twin-engined", "155mm"."""
    word = view.low(index)
    if word == "-" or view.low(index + 1) == "-" or view.low(index - 1) == "-":
        return True  # "long-endurance"
    return word.endswith("ed") or word[:1].isdigit()


_PLANS_TO_ALL: Final = _PLANNED | {"to", "all", "both"}


def _states_before(view: SentenceView, verb: int) -> list[ActorRef]:
    """The states listed right before ``verb`` (past adverbs and auxiliaries): "Egypt,
    Qatar and India have also bought"."""
    at = verb - 1
    # "Chile already plans to operate it", "Chad and Mali both fly it"
    while view.low(at) in ADVERBS or view.low(at) in BE or view.low(at) in _PLANS_TO_ALL:
        at -= 1
    while view.low(at) in FORCE_WORDS:
        at -= 1  # "the Chadian and Malian armies already fly it"
    listed: list[ActorRef] = []
    for mention in reversed(view.actors):
        if mention.last > at:
            continue
        if mention.last < at or mention.speaker or mention.possessive:
            break
        if mention.prep not in (None, "with"):
            break  # "crews trained in Germany operate it": a place, no holder
        if mention.actor.kind == "state" and mention.actor not in listed:
            listed.append(mention.actor)
        at = mention.first - 1
        while view.low(at) in _HOLDER_GLUE:
            at -= 1
    return listed[::-1][:MAX_LISTED]


def _holder_link(view: SentenceView, noun: int) -> int | None:
    """The link after a holder noun that opens its sentence ("Its export customers so far
    are"), or None: "Russia's customers", "gas buyers" hold no topic system."""
    if any(view.low(i) not in _HOLDER_OWNERS for i in range(0, noun)):
        return None
    at = noun + 1
    if view.low(at) in ("of", "for"):  # "operators of the type include"
        at += 1
        while view.low(at) in DETERMINERS:
            at += 1
        if view.low(at) not in TOPIC_NOUNS:
            return None
        at += 1
    while view.low(at) in _LINK_FILLERS:
        at += 1
    return at if view.low(at) in _HOLDER_LINKS else None


# "It now has six foreign clients including A and B": the topic has holders, listed after
# "including" (or "such as", a colon).
_HAS_HOLDERS: Final = frozenset("has have had counts".split())


def _had_holder_link(view: SentenceView, noun: int) -> int | None:
    """Where the list starts after a holder noun that the topic system "has", or None:
    "Russia has customers including" holds no topic, "it has buyers" lists none."""
    at = noun + 2 if view.low(noun + 1) == "," else noun + 1
    if view.low(at) == "such" and view.low(at + 1) == "as":
        at += 1
    elif view.low(at) not in ("including", ":"):
        return None
    verb = noun - 1  # back over "six foreign", "already 14 export"
    while verb >= 0 and (
        view.low(verb) in HOLDER_MODIFIERS
        or view.low(verb)[:1].isdigit()
        or view.low(verb) in NUMBER_WORDS
    ):
        verb -= 1
    if verb < 0 or view.low(verb) not in _HAS_HOLDERS:
        return None
    return at if _topic_subject(view, verb) else None


def _topic_subject(view: SentenceView, verb: int) -> bool:
    """Whether the clause before ``verb`` is a subject that points at the topic system
    ("It is also", "The type has since been") and auxiliaries alone."""
    # The clause of the verb: "According to the firm, it is in service with".
    at = max([i + 1 for i in range(verb) if view.low(i) == ","] + [0])
    while view.low(at) in _TOPIC_OPENERS or view.low(at) == "," or view.low(at)[:1].isdigit():
        at += 1  # "Since 2010 the type has"
    if _topic_object_end(view, at) > at:
        at = _topic_object_end(view, at)  # "The French-built jet is", "this platform is"
    elif view.low(at) in _TOPIC_PRONOUNS:
        at += 1
    else:
        return False
    return all(
        view.low(i) in BE or view.low(i) in ADVERBS or view.low(i) in _LINK_FILLERS
        for i in range(at, verb)
    )  # "it is currently in service with"


def _held_after(view: SentenceView, cue: int) -> bool:
    """A verb of holding the topic after the list that follows ``cue``: "30 countries,
    including Chad and Mali, have bought it"."""
    ends = {a.first: a.last for a in view.actors}
    at = cue + 1
    while at in ends or view.low(at) in _HOLDER_GLUE:
        at = ends[at] + 1 if at in ends else at + 1
    while view.low(at) in ADVERBS or view.low(at) in BE:
        at += 1
    return view.low(at) in _HOLDING_ACTS and _topic_object_end(view, at + 1) > at + 1


def _exported(view: SentenceView, cue: int) -> bool:
    """An export verb before ``cue``: "has exported 60 to four countries, the others"."""
    return any(view.low(i) in _EXPORTED for i in range(max(0, cue - 16), cue))


# "sales have followed, including to India": the nouns of sales that say no delivery.
_SALE_NOUNS: Final = frozenset("sales sale orders deals contracts".split())


def _sales_before(view: SentenceView, index: int) -> bool:
    """ "Other sales have followed, including to": a sale noun earlier in the clause."""
    start = clause_of(view, index - 1)[0]
    if any(view.low(i) in MODALS for i in range(start, index)):
        return False  # "other sales may follow": none yet
    # "sales of cars rose, including to India": the sales of other goods
    return any(view.low(i) in _SALE_NOUNS and view.low(i + 1) != "of" for i in range(start, index))


def _topic_status(words: set[str]) -> Status:
    """Delivered, unless the clause says the holders ordered it ("ordered by",
    "customers have ordered", "sales ..., including to") or plan to buy it."""
    if not words.isdisjoint(_PLANNED):
        return Status.DISCUSSED
    if (
        "ordered" in words
        or ("including" in words and not words.isdisjoint(_SALE_NOUNS))
        or _counts_buyers(words)
    ):
        return Status.AGREED
    return Status.DELIVERED


_BUYER_NOUNS: Final = frozenset("customers clients buyers".split())


def _counts_buyers(words: set[str]) -> bool:
    """ "It has six clients including": a count of the system's buyers (its contracts),
    which says nothing of deliveries, unlike a list of operators or users."""
    return not words.isdisjoint(_BUYER_NOUNS) and not words.isdisjoint(_HAS_HOLDERS)


# The words each reader here first looks for (see ``supply_frames.RELIANCE_CUES``).
TOPIC_LIST_CUES: Final = _TOPIC_LIST_SET
JOINS_CUES: Final = _JOINS  # or one of JOINED_AFTER with an ordinal
JOINED_AFTER: Final = _JOINED_AFTER
