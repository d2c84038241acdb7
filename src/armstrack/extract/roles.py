"""Who gives and who receives: the roles of a transfer verb's actors, and the goods
and their origin around it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from armstrack.extract.clauses import (
    ADVERBS,
    BE,
    COMPLEMENTIZERS,
    DECISION_NOUNS,
    TRIGGER_WORDS,
    FrameHit,
    Trigger,
    clause_of,
)
from armstrack.extract.dates import WEEKDAYS
from armstrack.extract.lexicon import (
    ARRIVAL_VERBS,
    ASK_VERBS,
    AWARD_VERBS,
    DETERMINERS,
    DIRECT_GIVE_VERBS,
    DOMESTIC_CUES,
    GIVE_VERBS,
    ORIGIN_SUFFIXES,
    PARTNER_CUES,
    PRONOUNS,
    RECEIVE_VERBS,
    SEIZE_VERBS,
    WEAK_DISCUSSED_CUES,
    Frame,
)
from armstrack.extract.status import (
    MODALS,
    is_passive,
    reduced_relative,
)
from armstrack.extract.view import ActorMention, SentenceView, WeaponMention
from armstrack.records import ActorRef, Category, Status

# Verbs of a yard putting a hull in the water: "launched a frigate ordered by the Thai navy".
YARD_VERBS: Final = frozenset("launch launches launched floated christened".split())


YARD_REACH: Final = 8  # "launched the second of four frigates"


def _launched_for(
    view: SentenceView,
    trigger: Trigger,
    frame: FrameHit,
    parties: list[ActorMention],
    clause: tuple[int, int],
    last_subject: ActorRef | None,
) -> FrameHit | None:
    """ "Fincantieri launched the first of two frigates for the Indonesian Navy": the yard
    that puts a hull in the water for a navy is building it for that navy's state; the
    hull is not delivered yet."""
    ships = [w for w in frame.weapons if w.category is Category.SHIP and w.first > trigger.index]
    if not ships or ships[0].first > trigger.index + YARD_REACH:
        return None
    buyer = next(
        (a for a in parties if a.prep == "for" and ships[0].last < a.first <= ships[0].last + 4),
        None,
    )
    if buyer is None:
        return None
    builder = agent_of(view, trigger, parties, False, last_subject, clause)
    if builder is None or builder.id == buyer.actor.id:
        return None
    frame.kind, frame.status = Frame.GIVE, min(frame.status, Status.AGREED)
    frame.supplier, frame.recipient, frame.stated = builder, buyer.actor, True
    frame.weapons = ships
    return frame


def segment_of(trigger: Trigger, core: list[Trigger], clause: tuple[int, int]) -> tuple[int, int]:
    """The part of the clause that belongs to this trigger: up to its neighbours."""
    start, end = clause
    for other in core:  # a loop, not max() and min() of lists: those are generic calls
        if other.index < trigger.index and other.kind is not trigger.kind and other.index > start:
            start = other.index
        elif other.index > trigger.index and other.index < end:
            end = other.index
    return start, end


@dataclass(slots=True, eq=False)
class RoleContext:
    """What role assignment knows about one trigger."""

    view: SentenceView
    trigger: Trigger
    parties: list[ActorMention]
    passive: bool
    agent: ActorRef | None
    segment: tuple[int, int]

    def __init__(
        self,
        view: SentenceView,
        trigger: Trigger,
        parties: list[ActorMention],
        passive: bool,
        agent: ActorRef | None,
        segment: tuple[int, int],
    ) -> None:
        self.view, self.trigger, self.parties = view, trigger, parties
        self.passive, self.agent, self.segment = passive, agent, segment

    @property
    def inside(self) -> list[ActorMention]:
        return [a for a in self.parties if self.segment[0] <= a.first <= self.segment[1]]


def give_roles(ctx: RoleContext, frame: FrameHit) -> None:
    view, trigger, parties, passive, agent = (
        ctx.view,
        ctx.trigger,
        ctx.parties,
        ctx.passive,
        ctx.agent,
    )
    inside = ctx.inside
    if passive:
        frame.supplier = first_of(inside, trigger, ("by", "from"), after=True)
    else:
        frame.supplier = agent or first_of(inside, trigger, ("from", "by"), after=True)
    frame.recipient = first_of(inside, trigger, ("to",), after=True) or _indirect_object(
        view, trigger, inside
    )
    if frame.recipient is None and passive and agent != frame.supplier:
        if reduced_relative(view, trigger):
            # "Russia fired missiles supplied by North Korea": the holder received them.
            frame.recipient = _holder(view, trigger, parties)
        elif any(w.first > trigger.index for w in frame.weapons):
            frame.recipient = agent  # "Ukraine was supplied with tanks"
    frame.recipient = frame.recipient or first_of(inside, trigger, ("for",), after=True)
    if frame.recipient is None and passive:
        # "Two Gripen jets for the Thai air force were handed over"
        frame.recipient = _goods_for(view, inside, trigger)
    if frame.recipient is None and frame.supplier is not None:
        # "New Delhi is in talks with Jakarta on the sale of BrahMos"
        partner = next(
            (a for a in inside if a.prep == "with" and _after_partner_cue(view, a.first)), None
        )
        if partner is not None and partner.actor.id != frame.supplier.id:
            frame.recipient = partner.actor
    if frame.recipient is None and frame.supplier is None:
        _maker_in_talks(view, frame, inside)
    _swap_possessive_buyer(view, trigger, frame, parties)
    # "Berlin must approve the delivery of X from Spain to Kyiv": Spain gives, not Berlin.
    route_giver = _route_giver(trigger, inside) if agent is not None else None
    if route_giver is not None and frame.recipient is not None:
        if route_giver.id != frame.recipient.id:
            frame.supplier = route_giver
    frame.stated = _stated_giver(ctx, frame)
    seller = first_of(inside, trigger, ("from",), after=True)
    if (
        view.low(trigger.index) in _APPROVING_VERBS
        and seller is not None
        and frame.recipient is None
        and agent is not None
        and agent != seller
    ):
        # "Vietnam approved a contract for the Akash system from India": the buyer approves.
        frame.supplier, frame.recipient, frame.stated = seller, agent, True


def _route_giver(trigger: Trigger, inside: list[ActorMention]) -> ActorRef | None:
    """The state after "from" in "the delivery of X from A to B" (a trigger noun, then a
    "from" state right before a "to" state): A gives, whoever approves, facilitates or
    discusses the delivery ("Berlin must approve", "Poland eased the transfer")."""
    if not trigger.noun:
        return None
    later = [a for a in inside if a.first > trigger.index]
    for index in range(len(later) - 1):
        if later[index].prep == "from" and later[index + 1].prep == "to":
            return later[index].actor
    return None


_OBJECT_PRONOUNS: Final = frozenset("them it these those".split())


# Goods sent to their maker to be worked on come back: no transfer to the maker.
_SERVICE_WORDS: Final = frozenset(
    "repair repairs overhaul overhauls maintenance servicing upgrade upgrades upgrading "
    "modernisation modernization refurbishment refit".split()
)


def _stated_giver(ctx: RoleContext, frame: FrameHit) -> bool:
    """Whether an active giving verb names both sides itself: its own clause subject, a
    state, gives to the "to X" after it ("Belarus handed 20 T-72 tanks to Russia"), so
    the maker of the goods does not turn the direction round. Only auxiliaries and
    adverbs may stand between subject and verb: a speaker, a possessor, a passive, a
    pronoun or a subject shared with another verb ("removed tanks from storage and sent
    them") leaves the giver inferred (allowing the last cost a false positive)."""
    view, trigger = ctx.view, ctx.trigger
    if trigger.noun or ctx.passive or view.low(trigger.index) not in DIRECT_GIVE_VERBS:
        return False
    if frame.supplier is None or frame.recipient is None:
        return False
    receiver = next((a for a in ctx.inside if a.prep == "to" and a.first > trigger.index), None)
    if receiver is None or receiver.actor != frame.recipient:
        return False
    # The goods are the verb's own object, before "to X": in "transferred $2bn to Russia
    # for S-400s" or "sent its jets back to Russia for repair" the maker is the giver.
    objects = [w for w in frame.weapons if trigger.index < w.first < receiver.first]
    if not objects and view.low(trigger.index + 1) not in _OBJECT_PRONOUNS:
        return False
    end = ctx.segment[1]
    if "back" in (view.low(receiver.first - 1), view.low(receiver.first - 2)) or any(
        view.low(i) in _SERVICE_WORDS for i in range(receiver.last + 1, end + 1)
    ):
        return False
    before = [a for a in ctx.parties if a.last < trigger.index]
    if not before:
        return False
    subject = before[-1]
    if (
        subject.actor != frame.supplier
        or subject.prep is not None
        or subject.possessive
        or subject.role == "pair"
        or subject.actor.kind != "state"
    ):
        return False
    between = {view.low(i) for i in range(subject.last + 1, trigger.index)}
    return between <= _SUBJECT_GAP


_SUBJECT_GAP: Final = BE | ADVERBS | MODALS | frozenset(["not", "n't"])  # built once


def receive_roles(ctx: RoleContext, frame: FrameHit) -> None:
    view, trigger, parties, passive, agent = (
        ctx.view,
        ctx.trigger,
        ctx.parties,
        ctx.passive,
        ctx.agent,
    )
    inside = ctx.inside
    if view.low(trigger.index) in AWARD_VERBS:
        _award_roles(ctx, frame)
        return
    frame.recipient = first_of(inside, trigger, ("by",), after=True) if passive else agent
    if frame.recipient is None and passive:
        reduced = reduced_relative(view, trigger)
        # "Pakistan aims to counter India's 36 Rafales purchased from France": the goods'
        # possessor bought them, not the clause's subject.
        owner = holder_of_goods(view, frame, parties) if reduced else None
        frame.recipient = owner or (_holder(view, trigger, parties) if reduced else agent)
    if view.low(trigger.index) in ARRIVAL_VERBS:
        # "the first batteries arrived in Ukraine", "four Gripens for Thailand arrived"
        frame.recipient = (
            first_of(inside, trigger, ("in", "at"), after=True)
            or _goods_for(view, inside, trigger)
            or frame.recipient
            or _the_country(view, trigger)
        )
        # "Twenty Stryker vehicles from Canada arrived": the goods' "from" names the giver.
        goods_from = [
            a for a in inside
            if a.prep == "from" and a.last < trigger.index
            and any(w.last < a.first <= w.last + 3 for w in view.weapons)
        ]  # fmt: skip
        if goods_from:
            frame.supplier = goods_from[-1].actor
            return
    later = [a for a in inside if a.first > trigger.index]
    frame.supplier = _nearest(later, trigger, ("from",)) or _nearest(inside, trigger, ("with",))
    # "Islamabad ordered JF-17s from Beijing": the verb gives the direction, whoever made them.
    frame.stated = frame.supplier is not None and frame.recipient is not None and not passive
    if frame.supplier is None:
        # "agreed to buy eight of Portugal's retired F-16s": their holder sells them.
        frame.supplier = next((a.actor for a in later if _holds_the_goods(view, a)), None)
    if frame.supplier is None and view.low(trigger.index) in _CHOICE_VERBS:
        # "picked Japan's Mitsubishi Heavy Industries as preferred bidder": the chosen sells.
        frame.supplier = next(
            (a.actor for a in later if a.prep is None and a.first <= trigger.index + 2), None
        )
    if frame.supplier is None and view.low(trigger.index) in ASK_VERBS:
        # "Poland has asked the United States for HIMARS"
        frame.supplier = _indirect_object(view, trigger, inside)
    beneficiary = first_of(later, trigger, ("for",), after=True)
    if (
        frame.supplier is None
        and beneficiary is not None
        and frame.recipient is not None
        and beneficiary.id != frame.recipient.id
        and not any(w.made_in == beneficiary.id for w in frame.weapons)
    ):
        # "Germany ordered IRIS-T systems for Ukraine": the buyer passes them on.
        frame.supplier, frame.recipient = frame.recipient, beneficiary
    if _takes_an_order(view, trigger):
        # "Naval Group has received an order from Brazil": the maker sells.
        frame.supplier, frame.recipient = frame.recipient, frame.supplier
        frame.status = min(frame.status, Status.AGREED)
    if frame.supplier is not None and frame.recipient is not None:
        if frame.supplier.id == frame.recipient.id:
            frame.supplier = None


def _the_country(view: SentenceView, trigger: Trigger) -> ActorRef | None:
    """ "The helicopters arrived in the country on Monday, the Malian army said": "the
    country" is the one bare state the sentence names besides any "from" giver."""
    if view.low(trigger.index + 1) != "in" or view.low(trigger.index + 3) != "country":
        return None
    bare = {a.actor.id: a.actor for a in view.actors if a.prep is None and not a.possessive}
    return next(iter(bare.values())) if len(bare) == 1 else None


def _award_roles(ctx: RoleContext, frame: FrameHit) -> None:
    """The buyer awards, the contractor sells: "Chile awarded Damen a contract", "awarded
    a contract to Damen"; passive "Damen was awarded a contract by Chile" or "... to
    build four patrol vessels for the Chilean Navy"."""
    view, trigger, inside = ctx.view, ctx.trigger, ctx.inside
    if ctx.passive:
        frame.supplier = ctx.agent
        frame.recipient = first_of(inside, trigger, ("by",), after=True) or first_of(
            inside, trigger, ("for",), after=True
        )
    else:
        frame.recipient = ctx.agent
        frame.supplier = first_of(inside, trigger, ("to",), after=True) or _indirect_object(
            view, trigger, inside
        )
    if frame.supplier is not None and frame.supplier == frame.recipient:
        frame.supplier = None


_ORDER_NOUNS: Final = frozenset("order orders contract contracts".split())


_ORDER_MODIFIERS: Final = frozenset(
    "new export firm first second follow - on major further".split()
)


WINNING: Final = frozenset("won wins win winning secured secures secure landed bagged".split())


_ORDER_LEADS: Final = DETERMINERS | _ORDER_MODIFIERS  # one set, not one a call


def _takes_an_order(view: SentenceView, trigger: Trigger) -> bool:
    """A verb of receiving whose object is an order or contract, not goods, or that
    order or contract itself."""
    if trigger.noun:
        if view.low(trigger.index) not in _ORDER_NOUNS:
            return False
        index = trigger.index - 1
        while index > trigger.index - 5 and view.low(index) in _ORDER_LEADS:
            index -= 1
        return view.low(index) in RECEIVE_VERBS or view.low(index) in WINNING
    for index in range(trigger.index + 1, trigger.index + 5):
        word = view.low(index)
        if word in _ORDER_NOUNS:
            return True
        if index in view.taken or word not in _ORDER_LEADS:
            return False
    return False


# Who arrives somewhere without bringing goods: "technicians arrived for training".
_PEOPLE: Final = frozenset(
    "technicians engineers troops soldiers pilots crews crew instructors trainees students "
    "delegation delegations officials officers personnel experts advisers advisors "
    "specialists servicemen sailors".split()
)


_ARRIVAL_AUXILIARIES: Final = frozenset(
    "would will have has had be been finally first all also already just recently".split()
)


def people_arrive(view: SentenceView, index: int) -> bool:
    """Whether the subject of the arrival verb at ``index`` is people, not goods."""
    index -= 1
    while view.low(index) in _ARRIVAL_AUXILIARIES:
        index -= 1
    return view.low(index) in _PEOPLE


def _holds_the_goods(view: SentenceView, mention: ActorMention) -> bool:
    """A possessive state right before the weapons, with only modifiers between."""
    # "to counter India's jets": "to" two words back opens an infinitive, no preposition
    infinitive = mention.prep == "to" and view.low(mention.first - 1) != "to"
    if not mention.possessive or (mention.prep not in (None, "of") and not infinitive):
        return False
    start = mention.last + 2  # past "'s"
    for weapon in view.weapons:
        if start <= weapon.first <= start + 3:
            # "India's 36 Rafales": a count is no other owner either
            return all(
                view.low(i) in _SECOND_HAND or view.low(i).isdigit()
                for i in range(start, weapon.first)
            )
    return False


def holder_of_goods(
    view: SentenceView, frame: FrameHit, parties: list[ActorMention]
) -> ActorRef | None:
    """ "Egypt's tanks were supplied by Russia": the state whose goods a passive verb says
    were given received them."""
    goods = [w for w in frame.weapons if w.last < frame.trigger]
    for mention in parties:
        if (
            goods
            and mention.last < goods[0].first
            and mention.actor != frame.supplier
            and _holds_the_goods(view, mention)
        ):
            return mention.actor
    return None


# What may stand between a holder and its weapons: "Portugal's retired F-16s".
_SECOND_HAND: Final = frozenset(
    "retired surplus used old older ageing aging remaining decommissioned spare existing".split()
)


def _goods_for(view: SentenceView, inside: list[ActorMention], trigger: Trigger) -> ActorRef | None:
    """The actor after "for" right behind goods named before the verb: "four Gripen jets
    for Thailand's Air Force arrived"."""
    for mention in inside:
        if mention.prep != "for" or mention.first > trigger.index:
            continue
        # "for the Royal Thai Air Force": back to "for", then to the goods before it
        at = next(
            (i for i in range(mention.first - 1, mention.first - 4, -1) if view.low(i) == "for"),
            None,
        )
        if at is None:
            continue
        lead = at - 1
        if any(w.last in (lead, lead - 1) for w in view.weapons):  # "Gripen jets for"
            return mention.actor
    return None


INSTEAD: Final = frozenset([("rather", "than"), ("instead", "of")])


_NO_GOODS: Final = frozenset(
    "evidence information intelligence assurances assurance guarantees guarantee details "
    "data proof documents explanation answers training funding money loans fuel food "
    "humanitarian".split()
)


def provides_no_goods(view: SentenceView, trigger: Trigger) -> bool:
    """ "provided Hungary with evidence": the thing given after "with" is no weapon."""
    if trigger.noun:
        return False
    actor = next(
        (a for a in view.actors if a.first in (trigger.index + 1, trigger.index + 2)), None
    )
    if actor is None or view.low(actor.last + 1) != "with":
        return False
    index = actor.last + 2
    while view.low(index) in DETERMINERS or view.low(index) in ("more", "further", "new"):
        index += 1
    return view.low(index) in _NO_GOODS


_CHOICE_VERBS: Final = frozenset(
    "select selects selected selecting choose chooses chose chosen choosing pick picks "
    "picked picking".split()
)


_TALK_NOUNS: Final = frozenset("talks discussions negotiations consultations".split())


def _maker_in_talks(view: SentenceView, frame: FrameHit, inside: list[ActorMention]) -> None:
    """ "Discussions are under way with Nigeria to export the Tejas": with no giver named,
    the maker of the named system sells it to the state the talks are with."""
    system = next((w for w in frame.weapons if w.system and w.made_in), None)
    maker = view.maker_actors.get(system.made_in or "") if system is not None else None
    if maker is None and frame.weapons and view.low(frame.weapons[0].first - 1) == "the":
        # "... to export the jet": the system of that kind named before
        kind = frame.weapons[0].category
        earlier = [s for s in view.earlier_systems if s.category is kind and s.maker]
        maker = earlier[-1].maker if earlier else None
    if maker is None:
        return
    partner = next(
        (
            a
            for a in inside
            if a.prep == "with"
            and a.actor.id != maker.id
            and any(view.low(i) in _TALK_NOUNS for i in range(max(0, a.first - 5), a.first))
        ),
        None,
    )
    if partner is not None:
        frame.supplier, frame.recipient = maker, partner.actor
        if frame.status is Status.AGREED:
            frame.status = Status.DISCUSSED  # the talks are the news, not a sale


def _after_partner_cue(view: SentenceView, first: int) -> bool:
    index = first - 1
    while index >= 0 and view.low(index) in ("with", "the"):
        index -= 1
    return view.low(index) in PARTNER_CUES or view.low(index - 1) in PARTNER_CUES


def _holder(view: SentenceView, trigger: Trigger, parties: list[ActorMention]) -> ActorRef | None:
    """The bare actor before the weapon a participle follows: who has the weapons (whom
    they hit, "struck Ukraine with drones supplied by Iran", is no bare actor: see
    view.preposition)."""
    left = [a for a in parties if a.last < trigger.index and a.prep is None and a.role != "pair"]
    return left[-1].actor if left else None


def _swap_possessive_buyer(
    view: SentenceView, trigger: Trigger, frame: FrameHit, parties: list[ActorMention]
) -> None:
    """ "India's S-400 deliveries": a possessor that does not make the system receives it."""
    if not trigger.noun or frame.recipient is not None or frame.supplier is None:
        return
    owner = next((a for a in parties if a.possessive and a.actor == frame.supplier), None)
    makers = {w.made_in for w in frame.weapons if w.system}
    if owner is not None and makers and frame.supplier.id not in makers:
        frame.recipient, frame.supplier = frame.supplier, None


def _nearest(
    parties: list[ActorMention], trigger: Trigger, preps: tuple[str, ...]
) -> ActorRef | None:
    found = [a for a in parties if a.prep in preps]
    if not found:
        return None
    return min(found, key=lambda a: abs(a.first - trigger.index)).actor


# Verbs of reacting to a transfer: their subject neither gives nor receives it.
_REACTIONS: Final = frozenset(
    "fumes fumed fuming reacted reacts protested protests protesting condemned condemns "
    "criticised criticized criticises criticizes slammed slams objected objects opposed "
    "opposes angered denounced denounces decried decries warned warns".split()
)


def agent_of(
    view: SentenceView,
    trigger: Trigger,
    parties: list[ActorMention],
    passive: bool,
    last_subject: ActorRef | None,
    clause: tuple[int, int],
) -> ActorRef | None:
    """The doer: the possessor of a trigger noun, else the nearest bare actor before it."""
    if trigger.noun:
        owner = next(
            (a for a in parties if a.last < trigger.index and trigger.index - a.last <= 4
             and (a.possessive or a.role == "agent") and _only_modifiers(view, a.last, trigger.index)),
            None,
        )  # fmt: skip
        if owner is not None:
            return owner.actor
        # "Washington's approval last month of a possible sale": the approver's sale.
        for actor in parties:
            if actor.possessive and 0 < trigger.index - actor.last <= 10:
                between = [view.low(i) for i in range(actor.last + 1, trigger.index)]
                if any(w in DECISION_NOUNS for w in between[:3]) and "of" in between:
                    return actor.actor
    intending = _owner_of_intent(view, trigger, parties)
    if intending is not None:
        return intending  # "the US halted deliveries over Ankara's decision to buy S-400s"
    if trigger.noun and view.low(trigger.index - 1) == "-" and view.low(trigger.index - 2) == "re":
        return None  # "Berlin cleared the re-export": the approver does not re-export
    if not trigger.noun and view.low(trigger.index).endswith("ing"):
        # "accusations of North Korea supplying shells": the gerund's own subject.
        subject = next(
            (
                a
                for a in parties
                if a.prep in _GERUND_PREPS
                and (
                    a.last == trigger.index - 1
                    # "claims of Serbian companies supplying": the demonym and its noun
                    or (a.last == trigger.index - 2 and view.low(a.last + 1) == a.role)
                )
            ),
            None,
        )
        if subject is not None:
            return subject.actor
    if not trigger.noun:
        interrupted = _interrupted_subject(view, trigger.index)
        if interrupted is not None:
            return interrupted
    reach = 2 if trigger.noun else 1  # "makers send tanks", "makers give supplies"
    if any(
        view.low(i) in _UNNAMED_DOERS  # "Serbian firms" name a state
        and not any(a.last == i - 1 for a in parties)
        for i in range(trigger.index - reach, trigger.index)
    ):
        return None  # "... as manufacturers give supplies to Kyiv": no state is the giver
    # "Washington warned that a transfer of ...": the embedded clause has its own subject.
    floor = -1
    if any(word in view.words for word in COMPLEMENTIZERS):  # (no walk in most sentences)
        for i in range(clause[0], trigger.index):
            if view.low(i) in COMPLEMENTIZERS:
                floor = i
    left = [
        a for a in parties
        if floor < a.first and a.last < trigger.index and a.role != "pair"
        and (a.prep is None or (a.prep == "of" and _titled_of(view, a)))
        and not _owns_goods(view, a)
        and not _conflict_side(view, a)
        and not _in_dash_aside(view, a, trigger.index)
    ]  # fmt: skip
    if len(left) > 1 and view.low(trigger.index - 1) == "by" and not trigger.noun:
        left = left[:1]  # "Norway will back Kyiv by gifting ...": the clause's subject gifts
    if left and trigger.noun and _words_between(view, left[-1].last, trigger.index) > 3:
        left = []  # "Washington had tracked at least two shipments": no doer of the noun
    if (
        left
        and trigger.noun
        and any(
            view.low(i) in _REACTIONS or view.low(i) in SEIZE_VERBS
            for i in range(left[-1].last + 1, trigger.index)
        )
    ):
        # "Beijing fumes over arms sales": the critic is no party; "the navy seized a
        # shipment of Iranian arms": nor is the navy that stopped it.
        left = []
    if left:
        return left[-1].actor
    if view.low(clause[0]) in ("which", "who") and view.low(clause[0] - 1) == ",":
        # "Argentina, which agreed to buy F-16s": the antecedent is the subject.
        antecedent = [a for a in view.actors if a.last == clause[0] - 2 and not a.speaker]
        if antecedent:
            return antecedent[0].actor
    relative = _relative_antecedent(view, clause[0])
    if relative is not None:
        return relative
    # "Moroccan officials held talks about acquiring ...": officials act for their state.
    speakers = [
        a for a in view.actors
        if a.speaker and clause[0] <= a.first < trigger.index and a.prep is None
    ]  # fmt: skip
    if speakers:
        return speakers[-1].actor
    pair = [a for a in parties if a.role == "pair" and a.last < trigger.index]
    if pair:
        return None
    lo = max(clause[0], trigger.index - 4)
    if any(view.low(i) in SEIZE_VERBS for i in range(lo, trigger.index)):
        return None  # "the navy said it intercepted a shipment": who stops it sends nothing
    if any(view.low(i) in PRONOUNS or view.low(i) == "country" for i in range(lo, trigger.index)):
        # "Russia denied reports that it was using ...", "an attempt by Turkey ... its purchase"
        # "The Danish prime minister said his country would ...": the speaker's state.
        own = any(
            view.low(i) == "country" and view.low(i - 1) in _OWNERS
            for i in range(lo, trigger.index)
        )
        earlier = [a for a in view.actors if a.last < lo and (own or not a.speaker)]
        # "Lithuania rejected Moscow's protests that its supply ...": a possessor is the
        # antecedent only when no bare subject is there.
        bare = [a for a in earlier if a.prep is None and not a.possessive] or [
            a for a in earlier if a.prep is None
        ]
        if bare:
            return bare[-1].actor
        return earlier[0].actor if earlier else last_subject
    return None


# Nouns of a fight between two states named as a hyphenated pair: "the India-Pakistan war".
_CONFLICT_NOUNS: Final = frozenset(
    "clash clashes conflict conflicts war wars standoff stand-off tensions hostilities "
    "fighting skirmish skirmishes dispute crisis rivalry ceasefire truce border".split()
)
_PAIR_DASHES: Final = frozenset(["-", "–", "—"])


def _conflict_side(view: SentenceView, mention: ActorMention) -> bool:
    """ "Bangladesh, after the recent Pakistan-India clash, will buy jets": a side of a
    fight the sentence names as a pair is no doer of the clause."""
    after = mention.last + 1
    if view.low(after) in _PAIR_DASHES:
        partner = next((a for a in view.actors if a.first == after + 1), None)
        if partner is None:
            return False
        after = partner.last + 1
    elif not (
        view.low(mention.first - 1) in _PAIR_DASHES
        and any(a.last == mention.first - 2 for a in view.actors)
    ):
        return False
    return view.low(after) in _CONFLICT_NOUNS


def _spaced_dash(view: SentenceView, index: int) -> bool:
    """A dash set off by spaces ("France - the third-largest exporter - has"), not the
    hyphen inside a word ("third-largest", "U.S.-made")."""
    return (
        view.low(index) in _PAIR_DASHES
        and 0 < index < len(view.starts) - 1
        and view.starts[index] > view.ends[index - 1]
        and view.starts[index + 1] > view.ends[index]
    )


def _in_dash_aside(view: SentenceView, mention: ActorMention, trigger: int) -> bool:
    """ "Italy - the sixth-largest exporter after the US and Russia - has sold jets": a
    state inside an aside set off by dashes after the subject is no doer of its verb."""
    words = view.words
    if "-" not in words and "–" not in words and "—" not in words:  # the _PAIR_DASHES
        return False  # (most sentences hold no dash: no token walk)
    if not any(_spaced_dash(view, i) for i in range(mention.last + 1, trigger)):
        return False
    opening = next((i for i in range(mention.first - 1, -1, -1) if _spaced_dash(view, i)), None)
    return opening is not None and any(
        a.last < opening and a.prep is None and not a.speaker for a in view.actors
    )


# What opens an aside between a subject and its verb: "The Houthis, an Iran-backed group,
# fired", "The RSF, which the army has fought since 2023, used", "Hezbollah, armed by Iran,".
_ASIDE_OPENERS: Final = frozenset(
    "a an the which who whose armed equipped backed once long itself themselves".split()
)
_ASIDE_REACH: Final = 14
_VERB_LEAD: Final = frozenset("has have had is are was were".split())


# Words of wanting or planning between a subject and the verb they lead to: "is looking
# to acquire", "wants to buy", "is set to receive".
_LEADING_TO: Final = frozenset(
    "to looking seeking wants want plans plan planning set expected hoping intends aims "
    "aiming trying preparing keen eager ready reportedly also".split()
)


def _opens_aside(word: str) -> bool:
    """Whether ``word`` opens an aside after a subject: "which", "a", or a participle or
    adverb ("Oman, bordering Yemen,", "Oman, strategically located")."""
    if word in _ASIDE_OPENERS or word in ADVERBS or word in ("like", "unlike"):
        return True
    return len(word) > 5 and (word.endswith("ing") or word.endswith("ly"))


# Nouns of intent whose owner does what follows "to": "Ankara's decision to buy".
_INTENT_NOUNS: Final = frozenset(
    "decision plan plans bid move attempt attempts effort efforts intention push".split()
)


def _owner_of_intent(
    view: SentenceView, trigger: Trigger, parties: list[ActorMention]
) -> ActorRef | None:
    """The possessor of a noun of intent right before "to" and a verb trigger: "over
    Ankara's decision to buy", "Cairo's recent bid to acquire"."""
    if trigger.noun or view.low(trigger.index - 1) != "to":
        return None
    noun = trigger.index - 2
    if view.low(noun) not in _INTENT_NOUNS:
        return None
    return next(
        (
            a.actor
            for a in parties
            if a.possessive and noun - 3 <= a.last < noun and _only_modifiers(view, a.last, noun)
        ),
        None,
    )


def _interrupted_subject(view: SentenceView, index: int) -> ActorRef | None:
    """The subject before an aside set off by commas right before the verb."""
    close = index - 1
    while (
        view.low(close) in ADVERBS
        or view.low(close) in MODALS
        or view.low(close) in _VERB_LEAD
        or view.low(close) in _LEADING_TO  # "Oman, which borders Yemen, is looking to buy"
    ):
        close -= 1
    if view.low(close) != ",":
        return None
    for opening in range(close - 1, max(close - _ASIDE_REACH, 0), -1):
        if view.low(opening) in (",", ";", ":"):
            break
    else:
        return None
    if view.low(opening) != "," or not _opens_aside(view.low(opening + 1)):
        return None
    subject = next(
        (a for a in view.actors if a.last == opening - 1 and a.prep is None and not a.speaker),
        None,
    )
    return subject.actor if subject is not None else None


def _relative_antecedent(view: SentenceView, start: int) -> ActorRef | None:
    """ "Hezbollah, which received drones from Iran, ...": a clause opened by ", which"
    (the break token itself left out of the clause) has the actor before the comma as
    its subject."""
    if view.low(start - 1) not in ("which", "who") or view.low(start - 2) != ",":
        return None
    antecedent = [a for a in view.actors if a.last == start - 3 and not a.speaker]
    return antecedent[0].actor if antecedent else None


# Plural doers named by trade: the subject of the verb right after them, and no state.
_UNNAMED_DOERS: Final = frozenset(
    "manufacturers makers producers companies firms suppliers dealers smugglers "
    "traffickers brokers contractors traders west".split()
)


def unnamed_giver(view: SentenceView, trigger: Trigger) -> bool:
    """ "as manufacturers give supplies to Kyiv", "the West providing weapons to Ukraine":
    the doer is a kind of giver, not a state; no other state of the sentence stands in."""
    ends = {a.last for a in view.actors}
    return trigger.kind is Frame.GIVE and any(
        view.low(i) in _UNNAMED_DOERS and i - 1 not in ends  # "Serbian firms" name a state
        for i in range(trigger.index - 2, trigger.index)
    )


_TITLE_HEADS: Final = frozenset(
    "chief chiefs commander head staff minister secretary chairman director president "
    "ambassador".split()
)


def _owns_goods(view: SentenceView, mention: ActorMention) -> bool:
    """ "is studying Israel's Barak system": a possessor of weapons is no subject."""
    return mention.possessive and any(
        mention.last + 2 <= w.first <= mention.last + 4 for w in view.weapons
    )


def _titled_of(view: SentenceView, mention: ActorMention) -> bool:
    """ "Chief of Army Staff of the Indian Army Gen. X handed over": the office holder
    acts for the state after "of"."""
    index = mention.first - 1
    while view.low(index) in DETERMINERS:
        index -= 1
    return view.low(index) == "of" and view.low(index - 1) in _TITLE_HEADS


_GERUND_PREPS: Final = frozenset(["of", "about", "over", "on", "that"])


_OWNERS: Final = frozenset(["his", "her", "their", "our"])


def _words_between(view: SentenceView, last: int, index: int) -> int:
    """Words between a subject and its transfer noun that could be another doer's; the
    approving verb and the price are not: "Washington approved a $2bn sale"."""
    return sum(
        1
        for i in range(last + 1, index)
        if view.low(i) not in _NO_DOERS
        and i not in view.taken
        and not _in_number(view, i)
        and not _signing_off(view, i)
        and not _weekday_phrase(view, i)
    )


_WEEKDAYS: Final = frozenset(WEEKDAYS)


def _weekday_phrase(view: SentenceView, index: int) -> bool:
    """A word of "on Wednesday", which dates the subject's act and names no other doer:
    "The US on Wednesday announced the approval of a sale"."""
    word = view.low(index)
    return word in _WEEKDAYS or (word == "on" and view.low(index + 1) in _WEEKDAYS)


def _signing_off(view: SentenceView, index: int) -> bool:
    """A word of "signed off on", which approves as "approved" does."""
    start = next((s for s in (index, index - 1, index - 2) if view.low(s) == "signed"), None)
    return (
        start is not None
        and view.low(start + 1) == "off"
        and index <= start + (2 if view.low(start + 2) == "on" else 1)
    )


def _in_number(view: SentenceView, index: int) -> bool:
    """A digit group or the point or comma inside a number: "$2.37", "1,200"."""
    word = view.low(index)
    if word in (".", ","):
        return view.low(index - 1).isdigit() and view.low(index + 1).isdigit()
    return word.isdigit()


_PRICE_WORDS: Final = frozenset("$ € £ billion million bn mn m usd dollar dollars euros".split())


_APPROVING_VERBS: Final = frozenset(
    "approved approves approve authorized authorised authorizes authorises authorize "
    "authorise cleared clears greenlit okayed".split()
)


# The words _words_between skips: one set, not a union built each call.
_NO_DOERS: Final = DETERMINERS | ADVERBS | WEAK_DISCUSSED_CUES | _PRICE_WORDS | _APPROVING_VERBS


# Adjectives a possessor's transfer noun may carry: "India's recent procurement of".
_DEAL_ADJECTIVES: Final = frozenset(
    "recent latest new first planned proposed possible potential major biggest largest "
    "long-awaited".split()
)


def _only_modifiers(view: SentenceView, last: int, trigger: int) -> bool:
    """Between a possessor and its noun stand only "'s", weapon words and adjectives."""
    for index in range(last + 1, trigger):
        if view.low(index) not in ("'s", "'", "-") and index not in view.taken:
            if view.low(index) not in ("arms", "weapons", "missile", "drone", "military"):
                if view.low(index) not in _DEAL_ADJECTIVES:
                    return False
    return True


def first_of(
    parties: list[ActorMention], trigger: Trigger, preps: tuple[str, ...], after: bool | None
) -> ActorRef | None:
    for mention in parties:
        if mention.prep not in preps:
            continue
        if after is None or (mention.first > trigger.index) == after:
            return mention.actor
    return None


def _indirect_object(
    view: SentenceView, trigger: Trigger, parties: list[ActorMention]
) -> ActorRef | None:
    """ "provided Moscow with missiles", "sent Kyiv 40 tanks"."""
    if trigger.noun:
        return None
    for mention in parties:
        gap = mention.first - trigger.index
        if 1 <= gap <= 2 and mention.prep is None:
            if gap == 2 and view.low(trigger.index + 1) not in ("over", "the"):
                continue
            return mention.actor
    return None


def use_roles(
    view: SentenceView,
    text: str,
    trigger: Trigger,
    frame: FrameHit,
    parties: list[ActorMention],
    clause: tuple[int, int],
    last_subject: ActorRef | None,
) -> FrameHit | None:
    """ "Russia launched Iranian-made drones": the user receives from the origin."""
    passive = is_passive(view, trigger)
    if view.low(trigger.index) in YARD_VERBS and not passive:
        launched = _launched_for(view, trigger, frame, parties, clause, last_subject)
        if launched is not None:
            return launched
    # "fired rockets at Israeli tanks": what follows "at" or "against" is the target.
    frame.weapons = [
        w
        for w in frame.weapons
        if not any(view.low(i) in _TARGET_PREPOSITIONS for i in range(trigger.index + 1, w.first))
        # "the Saudi Patriot intercepted a missile fired by ...", "its F-16s downing
        # Iranian drones": the defender's weapons and the ones shot down are no goods.
        and not any(
            view.low(i) in _DOWNING
            for i in range(min(w.last, trigger.index) + 1, max(w.first, trigger.index))
        )
    ]
    if view.low(trigger.index) in _STRIKING and not passive:
        frame.weapons = [w for w in frame.weapons if not _struck(view, trigger, w)]
    # The origin word must qualify what is used, not who uses it: "British warplanes
    # struck" is Britain's own use; "Russia launched Iranian drones" is a transfer.
    origins = [w for w in frame.weapons if w.origin and (passive or w.first > trigger.index)]
    if not origins:
        origins = _goods_from(view, frame, trigger, passive)
    if not origins:
        origins = _made_abroad(view, frame, trigger, passive)
    clause_text = text[view.starts[clause[0]] : view.ends[clause[1]]].lower()
    if not origins or any(cue in clause_text for cue in DOMESTIC_CUES):
        return None
    user = (
        first_of(parties, trigger, ("by",), after=True)
        # "condemned the use of Iranian drones by Russia": the noun's own doer
        if passive or trigger.noun or view.low(trigger.index + 1) == "of"
        else None
    )
    if user is None and not passive:
        user = agent_of(view, trigger, parties, passive, last_subject, clause)
    if user is None and passive:
        # "a drone launched from Houthi-held territory": the group holding the site
        user = next(
            (a.actor for a in parties
             if a.role == "holder" and a.prep == "from" and trigger.index < a.first <= trigger.index + 3),
            None,
        )  # fmt: skip
    if user is None:
        return None
    supplier_id = origins[0].origin or origins[0].made_in
    if supplier_id == user.id:
        return None
    frame.recipient = user
    frame.supplier = _origin_actor(view, supplier_id, parties) or view.maker_actors.get(
        supplier_id or ""
    )
    given = {(w.first, w.last) for w in frame.weapons if (w.origin or w.made_in) == supplier_id}
    given |= _listed_origins(view, frame.weapons, given, user.id)
    # "fired Iranian and North Korean missiles": the one noun read once per origin stays
    frame.weapons = [w for w in frame.weapons if (w.first, w.last) in given]
    return frame if frame.supplier is not None else None


_LIST_GLUE: Final = frozenset([",", "and", "or", "as", "well", "plus", "-"])


def _listed_origins(
    view: SentenceView, weapons: list[WeaponMention], given: set[tuple[int, int]], user: str
) -> set[tuple[int, int]]:
    """ "deployed Chinese Wing Loong drones and Iranian Mohajer-6 drones": goods of another
    origin listed right after the used ones stay, for by_listed_origin to give each origin
    its own transfer ("to destroy Armenian tanks" is no list)."""
    listed: set[tuple[int, int]] = set()
    last = max((span[1] for span in given), default=-1)
    for weapon in sorted(weapons, key=lambda w: w.first):
        if weapon.first <= last or not weapon.origin or weapon.origin == user:
            continue
        gap = range(last + 1, weapon.first)
        if len(gap) > 5 or not all(_list_word(view, i, weapon.first) for i in gap):
            break
        listed.add((weapon.first, weapon.last))
        last = weapon.last
    return listed


def _list_word(view: SentenceView, index: int, goods: int) -> bool:
    """List glue, or a word of the origin right before the next goods ("Iranian-made")."""
    word = view.low(index)
    if word in _LIST_GLUE or word in DETERMINERS or word in ORIGIN_SUFFIXES:
        return True
    # the head noun of the goods before ("Su-30 fighters and"), or the next origin word
    near = index >= goods - 3 or any(w.last == index - 1 for w in view.weapons)
    return (
        near
        and word.isalpha()
        and word not in _NOT_ORIGIN_WORDS
        and not word.endswith("ing")
        and word not in TRIGGER_WORDS
    )


_NOT_ORIGIN_WORDS: Final = frozenset(["to", "of", "at", "on", "against", "by", "for", "in"])


# Holding is not a use in action: "has operated an S-300 battery since the 1990s" may
# be a legacy stock (see _operator_frames for the present tense).
_HOLDING_USES: Final = frozenset(
    "operate operates operated operating field fields fielded fielding".split()
)


_USING_VERBS: Final = frozenset("use uses used using employ employs employed employing".split())


def _goods_from(
    view: SentenceView, frame: FrameHit, trigger: Trigger, passive: bool
) -> list[WeaponMention]:
    """ "Drones from Iran have been used by Russia": the goods' own "from" names their
    origin (the goods, marked with it, replace the frame's)."""
    marked: list[WeaponMention] = []
    # "launched drones from Belarus": after a verb of firing, "from" is the launch site
    after_ok = view.low(trigger.index) in _USING_VERBS
    for weapon in frame.weapons:
        if not (
            (passive and weapon.first < trigger.index)
            or (after_ok and weapon.first > trigger.index)
        ):
            continue
        if view.low(weapon.last + 1) != "from":
            continue
        source = next(
            (a for a in view.actors if a.prep == "from" and a.first == weapon.last + 2), None
        )
        if source is not None and source.actor.kind == "state":
            view.origin_actors.setdefault(source.actor.id, source.actor)
            marked.append(replace(weapon, origin=source.actor.id))
    if marked:
        spans = {(w.first, w.last) for w in marked}
        frame.weapons = marked + [w for w in frame.weapons if (w.first, w.last) not in spans]
    return marked


# The verbs of giving and receiving as one set: one test of the sentence's words.
_GIVING_WORDS: Final = frozenset(GIVE_VERBS) | frozenset(RECEIVE_VERBS)


def _made_abroad(
    view: SentenceView, frame: FrameHit, trigger: Trigger, passive: bool
) -> list[WeaponMention]:
    """ "Russia launched Shahed drones": with no origin word, a named system used by
    another state than its one maker came from that maker (the annotation counts "Z
    fires X-made Y" as delivered)."""
    if view.low(trigger.index + 1) == "of" or view.low(trigger.index) in _HOLDING_USES:
        return []  # "praised Jordan's use of its F-16s": a comment, not a report of use
    if not view.words.isdisjoint(_GIVING_WORDS):
        return []  # "use the F-16s provided by the Netherlands": the giver is named
    used = [w for w in frame.weapons if passive or w.first > trigger.index]
    makers = {w.made_in for w in used if w.system}
    if len(makers) != 1 or None in makers:
        return []
    return [w for w in used if w.system and w.made_in]


_TARGET_PREPOSITIONS: Final = frozenset(["at", "against", "on", "upon"])
# Verbs whose object is the target, not the means: "Israel struck Iranian weapons".
_STRIKING: Final = frozenset(
    "attack attacks attacked attacking strike strikes struck striking hit hits hitting "
    "shoot shoots shot shooting".split()
)
_MEANS: Final = frozenset(["with", "using", "by"])


def _struck(view: SentenceView, trigger: Trigger, weapon: WeaponMention) -> bool:
    """Goods after a verb of striking are its target unless "with" or "using" makes them
    the means: "struck a convoy carrying Iranian weapons" / "struck Kyiv with Iranian
    drones"."""
    if weapon.first < trigger.index:
        return False
    # "attacked Russian positions armed with Iranian drones": their arms, not the means
    return not any(
        view.low(i) in _MEANS and view.low(i - 1) not in ("armed", "equipped")
        for i in range(trigger.index + 1, weapon.first)
    )


_DOWNING: Final = frozenset(
    "intercepted intercepting intercepts intercept downed downing shot shooting destroyed "
    "destroying neutralised neutralized".split()
)


def stated_origin(view: SentenceView, frame: FrameHit) -> ActorRef | None:
    origins = {w.origin for w in frame.weapons if w.origin}
    if len(origins) != 1:
        return None
    origin = view.origin_actors.get(origins.pop() or "")
    if origin is None or frame.recipient is None or origin.id == frame.recipient.id:
        return None
    return origin


def by_origin(view: SentenceView, frame: FrameHit) -> list[FrameHit]:
    """ "Laos received Russian helicopters and Chinese planes": with no giver named, each
    origin word gives the goods it qualifies."""
    if frame.supplier is not None and frame.recipient is not None:
        return _origin_after_source(view, frame)
    if frame.supplier is not None or frame.recipient is None or frame.kind is Frame.USE:
        return [frame]
    origins = sorted({w.origin for w in frame.weapons if w.origin})
    if len(origins) < 2:
        return [frame]
    split = []
    for origin in origins:
        actor = view.origin_actors.get(origin)
        if actor is not None and actor.id != frame.recipient.id:
            goods = [w for w in frame.weapons if w.origin == origin]
            split.append(replace(frame, supplier=actor, weapons=goods))
    return split or [frame]


def by_listed_origin(view: SentenceView, frame: FrameHit) -> list[FrameHit]:
    """ "Russia fired Iranian and North Korean missiles": a used noun with a list of origin
    words came from each of them."""
    if frame.kind is not Frame.USE or frame.supplier is None or frame.recipient is None:
        return [frame]
    origins = list(dict.fromkeys(w.origin for w in frame.weapons if w.origin))
    if len(origins) < 2:
        return [frame]
    split = []
    for origin in origins:
        actor = view.origin_actors.get(origin or "")
        if actor is not None and actor != frame.recipient:
            goods = [w for w in frame.weapons if w.origin == origin]
            split.append(replace(frame, supplier=actor, weapons=goods))
    return split or [frame]


def _origin_after_source(view: SentenceView, frame: FrameHit) -> list[FrameHit]:
    """ "bought Rafale jets from France and Chinese drones": goods with an origin word of
    their own after the "from" giver come from that origin."""
    source = next((a for a in view.actors if a.prep == "from" and a.actor == frame.supplier), None)
    if source is None or frame.kind is Frame.USE or view.low(source.last + 1) != "and":
        return [frame]
    later = [w for w in frame.weapons if w.origin and w.first > source.last]
    origin = view.origin_actors.get(later[0].origin or "") if later else None
    if origin is None or origin in (frame.supplier, frame.recipient):
        return [frame]
    moved = [w for w in later if w.origin == origin.id]
    spans = {(w.first, w.last) for w in moved}
    kept = [w for w in frame.weapons if (w.first, w.last) not in spans]
    if not kept:
        return [replace(frame, supplier=origin, weapons=moved)]
    frame.weapons = kept
    return [frame, replace(frame, supplier=origin, weapons=moved)]


def by_source(view: SentenceView, frame: FrameHit) -> list[FrameHit]:
    """ "received combat aircraft from Russia, along with drones from Turkey": with two
    givers after "from", each gives the goods listed before it."""
    if frame.supplier is None or frame.recipient is None or len(frame.weapons) < 2:
        return [frame]
    sources = [
        a
        for a in view.actors
        if a.prep == "from" and a.first > frame.trigger and not a.speaker
        and a.actor != frame.recipient
    ]  # fmt: skip
    if len({a.actor.id for a in sources}) < 2 or frame.supplier not in [a.actor for a in sources]:
        return [frame]
    groups: dict[str, list[WeaponMention]] = {}
    givers: dict[str, ActorRef] = {}
    for weapon in frame.weapons:
        giver = next((a.actor for a in sources if a.first > weapon.last), frame.supplier)
        groups.setdefault(giver.id, []).append(weapon)
        givers[giver.id] = giver
    if len(groups) < 2:
        return [frame]
    return [replace(frame, supplier=givers[i], weapons=goods) for i, goods in groups.items()]


def _origin_actor(
    view: SentenceView, actor_id: str | None, parties: list[ActorMention]
) -> ActorRef | None:
    for mention in parties:
        if mention.actor.id == actor_id:
            return mention.actor
    return view.origin_actors.get(actor_id or "")


def weapons_for(
    view: SentenceView, trigger: Trigger, core: list[Trigger], clause: tuple[int, int]
) -> list[WeaponMention]:
    """Weapons after the trigger up to the next trigger, else those before it.

    A later participle's own noun is not this trigger's: in "received drones and was
    awaiting 24 M-346 jets ordered from Italy" the jets are the ordered ones.
    """
    left_start, right_end = clause
    for other in core:  # a loop, not max() and min() of lists: those are generic calls
        if other.index > trigger.index and other.index - 1 < right_end:
            right_end = other.index - 1
        elif other.index < trigger.index and other.index + 1 > left_start:
            left_start = other.index + 1
    for participle in core:
        if participle.index <= trigger.index:
            continue
        head = _participle_head(view, participle)
        if head:
            right_end = min(right_end, head[0].first - 1)
            break
    right = [w for w in view.weapons if trigger.index < w.first <= right_end]
    if right and not all(carrier(view, w) for w in right):
        return right + _relative_contents(view, right_end) if right_end == clause[1] else right
    head = _participle_head(view, trigger)
    if head:
        return head
    left = [w for w in view.weapons if left_start <= w.first < trigger.index]
    if left:
        return left
    inside = [w for w in view.weapons if clause[0] <= w.first <= clause[1]]
    if inside or not _opens_relative(view, clause[0]):
        return inside
    # "boats of the Zolfaghar class, which were delivered to Venezuela": the antecedent.
    before = [w for w in view.weapons if w.last < clause[0]]
    return before[-2:]


def _opens_relative(view: SentenceView, start: int) -> bool:
    """ "rifles, which were sent from Iran": the clause opens on the pronoun, or right
    after it when the pronoun itself ends the clause before."""
    return view.low(start) in ("which", "that") or view.low(start - 1) == "which"


_RELATIVE_INCLUDES: Final = frozenset(
    "include includes included comprise comprises comprised consist consists".split()
)


def _relative_contents(view: SentenceView, end: int) -> list[WeaponMention]:
    """ "received six warplanes from Russia, which include L-39 and Su-25 jets": goods
    that a relative clause right after the goods lists are the same delivery's."""
    at = end + 1
    if view.low(at) == ",":
        at += 1
    if view.low(at) not in ("which", "that") or view.low(at + 1) not in _RELATIVE_INCLUDES:
        return []
    last = clause_of(view, at + 1)[1]
    return [w for w in view.weapons if at + 1 < w.first <= last]


_CARRIER_PREPOSITIONS: Final = frozenset("for aboard onboard from by on".split())


def carrier(view: SentenceView, weapon: WeaponMention) -> bool:
    """A weapon the goods are for or travel on, not the goods: "jets for its aircraft
    carrier", "flown aboard a C-17 transport"."""
    if weapon.system in _TRANSPORTS and any(
        w.system not in _TRANSPORTS for w in view.weapons if w is not weapon
    ):
        return True  # "missiles were delivered with the Y-20 flights": the planes carry
    # "for Kalashnikov AK-47 rifles": names and class words of one noun phrase are read
    # through, back to the word before the phrase.
    phrase_start = weapon.first
    for index in range(weapon.first - 1, max(-1, weapon.first - 10), -1):
        if index >= phrase_start:
            continue
        if index == phrase_start - 1:
            start = _mention_ending_at(view, index)
            if start is not None:
                phrase_start = start
                continue
        word = view.low(index)
        if word == "on" and view.low(index - 1) in _ON_PARTICLE_VERBS:
            return False  # "pass on nine howitzers": a particle, the goods follow
        if word == "from" and (
            view.low(index - 1) in _RANGE_WORDS
            or (
                view.low(index - 1) == ","
                and any(w.generic and w.last == index - 2 for w in view.weapons)
            )
        ):
            return False  # "weapons ranging from rifles to missiles", "arms, from drones to"
        if word in _CARRIER_PREPOSITIONS or _aboard_owner(view, index):
            return True
        if (
            word in _CARRIER_STOPS
            or word.endswith("ed")
            or word.endswith("ing")
            or word in GIVE_VERBS
            or word in RECEIVE_VERBS
            or _in_other_mention(view, weapon, index)
        ):
            # "sailed from Korea carried ten tanks", "on Tuesday to buy 20 howitzers": a
            # verb ends the phrase.
            return False
    return False


def _mention_ending_at(view: SentenceView, index: int) -> int | None:
    """The first token of the (last) weapon mention whose last token is ``index``."""
    start = None
    for w in view.weapons:
        if w.last == index:
            start = w.first
    return start


def _in_other_mention(view: SentenceView, weapon: WeaponMention, index: int) -> bool:
    """Whether ``index`` is inside another weapon mention, or inside a party with its own
    preposition: "from Russia including fighter aircraft" stops the walk back ("a Royal
    Australian Air Force C-17" does not). Asked only where the walk gets to."""
    return any(w is not weapon and w.first <= index <= w.last for w in view.weapons) or any(
        a.prep is not None and a.prep != "" and a.first <= index <= a.last for a in view.actors
    )


_ABOARD_PREPOSITIONS: Final = frozenset("on aboard onboard".split())


def _aboard_owner(view: SentenceView, index: int) -> bool:
    """ "for deployment on board the Indian Navy's aircraft carrier": the owner of the
    platform the goods go aboard carries the preposition (``on``, ``aboard``), not the
    platform; its ship is where the goods go, not goods."""
    return any(
        a.first <= index <= a.last
        and a.prep in _ABOARD_PREPOSITIONS
        # "the Indian Navy's": the service word may follow the state's adjective.
        and "'s" in (view.low(a.last + 1), view.low(a.last + 2))
        for a in view.actors
    )


# Transport aircraft of the catalogue: in a sentence that names other weapons, the carrier.
_TRANSPORTS: Final = frozenset(
    "C-130 Hercules|C-17 Globemaster III|A400M|Il-76|Y-20|An-124|C-295|C-390 Millennium|Y-8|"
    "Y-9|An-12|An-72|An-26".split("|")
)


_ON_PARTICLE_VERBS: Final = frozenset(
    "pass passes passed passing sell sells sold selling hand hands handed handing".split()
)


_RANGE_WORDS: Final = frozenset("ranging range ranges ranged everything anything".split())


_CARRIER_STOPS: Final = frozenset(", and or of with including such like as".split())


def _participle_head(view: SentenceView, trigger: Trigger) -> list[WeaponMention]:
    """The weapons a reduced relative qualifies: "24 M-346 jets ordered from Italy"."""
    if not reduced_relative(view, trigger):
        return []
    head = [w for w in view.weapons if trigger.index - 2 <= w.last < trigger.index]
    if not head:
        return []
    # A system and its class word ("Wing Loong II drones") are one noun phrase, and
    # "K2 tanks and K9 howitzers delivered to Poland" one list.
    while True:
        joined = [
            w for w in view.weapons
            if w.last < head[0].first
            and {view.low(i) for i in range(w.last + 1, head[0].first)} <= {"and", ",", "or"}
        ]  # fmt: skip
        if not joined:
            return head
        head = joined[-1:] + head
