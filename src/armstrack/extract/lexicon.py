"""Word lists the extraction rules use, kept in one place so they can be read and extended.

All entries are folded (lower case) single tokens unless stated otherwise. The
tokeniser splits on hyphens and apostrophes, so "re-export" is "re", "-", "export"
and "didn't" is "didn", "'", "t".
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from armstrack.records import Status


class Frame(StrEnum):
    GIVE = "give"  # the subject supplies: ship, deliver, sell, the sale of
    RECEIVE = "receive"  # the subject obtains: receive, buy, order, the purchase of
    USE = "use"  # the subject uses weapons whose origin is named: fire Iranian-made drones
    DEAL = "deal"  # direction-neutral: a deal, talks, a contract between two parties


D, A, T = Status.DELIVERED, Status.AGREED, Status.DISCUSSED


def _forms(spec: str, status: Status) -> dict[str, Status]:
    return {word: status for word in spec.split()}


# Verbs and nouns whose subject (or possessor) is the supplier.
GIVE_VERBS: Final[dict[str, Status]] = {
    **_forms(
        "supply supplies supplied supplying deliver delivers delivered delivering "
        "ship shipped shipping send sends sent sending provide provides provided "
        "providing transfer transfers transferred transferring export exports exported "
        "exporting give gives gave given giving hand hands handed handing donate donates "
        "donated donating gift gifted gifting dispatch dispatches dispatched dispatching "
        "smuggle smuggles smuggled smuggling funnel funnels funneled funnelled funneling "
        "funnelling airlift airlifts airlifted airlifting furnish furnished furnishing "
        "transported transporting lend lends lent lending lease resupply resupplies "
        "resupplied resupplying "
        "leased leasing sold arming rush rushed rushing channel channeled channelled "
        "provisioned fly flew flown flying move moves moved moving ferry ferries ferried "
        "ferrying trucked armed arm "
        # only as "pass on": "passed on its howitzers to Ukraine"
        "pass passes passed passing "
        # only as "turn over": "turned over two patrol boats to Manila"
        "turn turns turned turning",
        D,
    ),
    **_forms(
        "sell sells selling pledge pledges pledged pledging approve approves "
        "approved approving promise promises promised promising",
        A,
    ),
    # A shipyard or factory building for a buyer: only with "for X" (see BUILD_VERBS).
    **_forms("build builds building built construct constructs constructing constructed", A),
    **_forms("offer offers offered offering", T),
}
GIVE_NOUNS: Final[dict[str, Status]] = {
    **_forms(
        "delivery deliveries shipment shipments supplies transfers exports handover turnover "
        "handovers donation donations consignment consignments provision shipping "
        "transfer export",
        D,
    ),
    **_forms("sale sales aid pledge", A),
    # only as "construction of two frigates for Egypt" (see BUILD_VERBS)
    **_forms("construction", A),
    **_forms("offer", T),
}
# "supply" is a noun ("the supply of") as often as a verb; both read as giving.
GIVE_NOUNS["supply"] = D

RECEIVE_VERBS: Final[dict[str, Status]] = {
    **_forms(
        "receive receives received receiving acquire acquires acquired acquiring obtain "
        "obtains obtained obtaining import imports imported importing arrive arrives "
        "arrived arriving get gets got getting gotten "
        # "the air force accepted its first HIMARS"; "accepted the offer" sends no goods
        "accepts accepted "
        # "inducted two Y-12 aircraft from China", "commissioned a frigate built in China"
        "induct inducts inducted inducting commissioned commissions "
        # "most of its jets are sourced from China" (not "sources", the informants)
        "sourced",
        D,
    ),
    **_forms(
        "buy buys bought buying purchase purchases purchased purchasing procure procures "
        "procured procuring order orders ordered ordering",
        A,
    ),
}
RECEIVE_VERBS.update(
    _forms(
        "request requests requested requesting ask asks asked asking "
        # A choice of system comes before a contract: "Australia selected the K9".
        "select selects selected selecting choose chooses chose chosen choosing "
        "pick picks picked picking opt opts opted opting "
        # "Pyongyang is seeking fighter jets from Moscow"
        "seek seeks seeking sought "
        # "Jakarta is eyeing French frigates"
        "eyed eyeing eying",
        T,
    )
)
# A buyer that awards a contract buys from the contractor: "Chile awarded Damen a contract
# for four patrol vessels" (see roles._award_roles).
AWARD_VERBS: Final = frozenset("award awards awarded awarding".split())
RECEIVE_VERBS.update(_forms(" ".join(AWARD_VERBS), A))
# Goods taken into one's own forces: "integrated Russian helicopters into its air force",
# "added two Chinese jets to its fleet" (only so: see holders.joins_a_fleet).
JOINING_VERBS: Final = frozenset(
    "add adds added adding integrate integrates integrated integrating".split()
)
RECEIVE_VERBS.update(_forms(" ".join(JOINING_VERBS), D))
RECEIVE_NOUNS: Final[dict[str, Status]] = {
    **_forms("imports import receipt arrival arrivals", D),
    **_forms("request requests", T),
    **_forms("purchase purchases acquisition acquisitions procurement order orders", A),
}

USE_VERBS: Final[frozenset[str]] = frozenset(
    "use uses used using fire fires fired firing launch launches launched launching "
    "deploy deploys deployed deploying employ employs employed employing operate operates "
    "operated operating field fields fielded fielding "
    "attack attacked attacking strike struck striking hit hitting shoot shot shooting".split()
)

# Direction-neutral words that name an agreement or talks; they carry a status.
DEAL_WORDS: Final[dict[str, Status]] = {
    **_forms("deal deals contract contracts agreement agreements accord signed signs sign", A),
    **_forms(
        "talks negotiate negotiates negotiated negotiating negotiation negotiations "
        "discuss discussed discusses discussing discussions",
        T,
    ),
}

# Hedged words that make a transfer only discussed unless a stronger cue says agreed:
# "approved a possible sale" is an approval.
WEAK_DISCUSSED_CUES: Final = frozenset("possible potential possibly prospective proposed".split())

# Words before a trigger that lower or set its status: "plans to buy", "agreed to sell".
DISCUSSED_CUES: Final = frozenset(
    "talks negotiate negotiates negotiated negotiating negotiation negotiations discuss "
    "discussed discusses discussing discussion discussions consider considers considered "
    "considering plan plans planned planning seek seeks seeking sought want wants wanted "
    "wanting interest interested request requests requested requesting ask asks asked "
    "asking offer offers offered offering propose proposes proposed proposal explore "
    "explores exploring eye eyes eyeing eying weigh weighs weighing mull mulls mulling "
    "could might may should hope hopes hoped hoping looking intend "
    "intends intended aim aims bid lobby lobbying lobbied urge urged urging refuse "
    "refused refuses refusing reluctant considered proposal wish wishes prospective "
    "contemplating contemplate mooted pursue pursuing demand demands demanded demanding "
    "calls calling "
    # A letter about a deal is correspondence, not the deal: "sent a letter regarding a deal"
    "letter letters inquiry enquiry "
    # A choice of supplier comes before a contract: "selected Leonardo to supply"
    "select selects selected selecting choose chooses chose chosen choosing "
    "pick picks picked picking opt opts opted opting "
    # A stated wish to buy is no order yet: "expressed its willingness to buy"
    "willing willingness keen eager".split()
)
AGREED_CUES: Final = frozenset(
    "agreed agree agrees agreement deal contract contracts signed sign signs signing "
    "order ordered orders approved approve approves approval cleared clear clears "
    "authorized authorised authorizes authorises authorize authorise pledged pledge "
    "pledges committed commit commits finalized finalised finalize finalise inked "
    "clinched sealed greenlit greenlighted will set due scheduled expected announced "
    "promised promise promises agreeing awarded "
    # Reported speech: "said the Netherlands would supply 42 jets" reports a commitment.
    "would decided decides decision".split()
)

# Words after a transfer noun that put it in the future or on hold: "deliveries are due".
PENDING_CUES: Final = frozenset(
    "due expected scheduled slated slipped slip delayed delay postponed stalled suspended "
    "halted will would set begin start resume planned pending awaited".split()
)

# Tokens that negate a trigger right after them ("has not delivered", "no deliveries").
NEGATIONS: Final = frozenset(
    "not no never n't didn hasn haven hadn wasn weren isn aren won wouldn doesn don "
    "cannot neither nor without yet".split()
)
# "yet" only negates in "has yet to"; it is handled as a negation because it always
# means the thing has not happened.

# Words that end a clause: roles are looked for inside the trigger's clause only.
CLAUSE_BREAKS: Final = frozenset(
    "; : — – ( ) but while whereas although though after before when because once until".split()
)

# Words after "and <actor>" that make the actor the subject of a new clause: "Norway
# pledged tanks to Ukraine and Spain will send six".
CLAUSE_OPENERS: Final = frozenset(
    "will would has have had is are was were plans plan said says could can may "
    "might should must pledged pledges promised sent sends delivered supplied".split()
)

# Nouns after a demonym that make the demonym stand for its state as an actor.
STATE_NOUNS: Final = frozenset(
    "forces force army military troops government authorities navy ministry regime "
    "leadership side state company companies firm firms manufacturer manufacturers "
    "producer producers military's government's administration "
    "defence defense air marines units soldiers shipyard shipyards shipbuilder "
    "shipbuilders yard yards armies navies militaries".split()
)

# Verbs that take a participle or noun whose weapon comes before it: "a battery bought
# from Russia" reads as passive.
ARRIVAL_VERBS: Final = frozenset("arrive arrives arrived arriving".split())
# Asking someone for weapons: "Poland has asked the United States for HIMARS".
ASK_VERBS: Final = frozenset("ask asks asked asking".split())
# Verbs of making are transfers only when they say for whom: "frigates built for Egypt".
BUILD_VERBS: Final = frozenset(
    "build builds building built construct constructs constructing constructed construction".split()
)
# Verbs of movement are transfers only when they say to whom: "flew the drones to
# Russia", "moved 120 guns to Russia".
FLY_VERBS: Final = frozenset(
    "fly flew flown flying move moves moved moving ferry ferries ferried ferrying trucked".split()
)
# Triggers that only qualify a following transfer word in the same clause.
MODAL_TRIGGERS: Final = frozenset(
    "approve approves approved approving offer offers offered offering pledge pledges "
    "pledged pledging request requests requested requesting promise promises promised "
    "promising seek seeks seeking sought".split()
)
# Words before "with X" that make X the other side of a deal: "in talks with Jakarta".
PARTNER_CUES: Final = frozenset(
    "talks negotiations negotiating negotiate discussions deal contract agreement signed "
    "accord".split()
)
# Only a military kind of aid is a transfer ("aid officials" and "food aid" are not).
AID_QUALIFIERS: Final = frozenset("military security lethal defence defense weapons arms".split())

# Nouns that make a preceding actor a speaker rather than a party ("a US official").
PERSON_NOUNS: Final = frozenset(
    "official officials source sources spokesman spokeswoman spokesperson spokespeople "
    "diplomat diplomats minister ministers analyst analysts expert experts envoy envoys "
    "ambassador ambassadors lawmaker lawmakers senator senators commander commanders "
    "general generals officer officers president leader leaders adviser advisers advisor "
    "advisors aide aides negotiator negotiators intelligence report reports media "
    "counterpart counterparts delegation delegations ministry's secretary spy chancellor "
    "premier".split()
)

# Words after an origin ("Iranian-made", "US-supplied") that mark where a weapon is from.
ORIGIN_SUFFIXES: Final = frozenset(
    "made built produced manufactured designed supplied provided origin sourced "
    "developed donated delivered designed-and-built".split()
)

# A clause that says the user makes the weapon itself is no transfer.
DOMESTIC_CUES: Final = (
    "domestically",
    "locally produced",
    "locally made",
    "locally built",
    "locally assembled",
    "home-grown",
    "homegrown",
    "indigenous",
    "indigenously",
    "under licence",
    "under license",
    "licensed production",
    "its own",
    "their own",
)

# Prepositions before an actor; only to/from/by/with/for assign roles, the others
# (places, topics) keep an actor from being read as a subject.
# Words that make a nearby trigger no report of a transfer: "bans on missile exports".
BLOCKING_CUES: Final = frozenset(
    "ban bans banned banning embargo embargoes prohibit prohibits prohibited prohibiting "
    "sanction sanctions restrict restricts restrictions curb curbs outlaw outlawed "
    "prevent prevents stop stopping halt halting".split()
)

PREPOSITIONS: Final = frozenset(
    "to from by with for between of in at on into over against across within near inside "
    "toward towards about regarding including among via through beyond besides except "
    "unlike".split()
)
PRONOUNS: Final = frozenset("it they its their he she".split())
DETERMINERS: Final = frozenset("the a an its their his her this these those some".split())

# Definite transfer nouns that point back at a transfer already mentioned.
ANAPHORIC_NOUNS: Final = frozenset(
    "transfer transfers shipment shipments delivery deliveries deal consignment "
    "consignments supplies package packages sale contract contracts agreement purchase "
    "purchases order plan".split()
)

# Stopping a shipment makes no party of the one who stops it: "seized a shipment of".
SEIZE_VERBS: Final = frozenset(
    "seize seizes seized seizing intercept intercepts intercepted intercepting capture "
    "captures captured capturing confiscate confiscates confiscated confiscating impound "
    "impounded interdict interdicts interdicted interdicting".split()
)

# Objects of a giving verb that are no hardware: "sent a letter", "sent troops".
NON_GOODS: Final = frozenset(
    "letter letters message messages note notes signal signals invitation invitations "
    "request requests delegation delegations team teams troops soldiers personnel "
    "instructors advisers advisors envoy envoys condolences greetings warning warnings "
    "proposal proposals offer offers approval approvals permission consent go-ahead "
    "clearance authorization authorisation details comment comments notification "
    "notifications".split()
)

# Nouns of containers and trips: a number before them counts no items.
CONTAINER_NOUNS: Final = frozenset(
    "shipment shipments container containers batch batches consignment consignments "
    "package packages trainload trainloads planeload planeloads flight flights truck "
    "trucks lorry lorries wagon wagons cargo convoy convoys "
    "tranche tranches delivery deliveries lot lots crate crates pallet pallets round "
    "rounds load loads sorties sortie trips trip times".split()
)

# Active verbs of handing goods over whose subject is the giver, whoever made the goods:
# "Belarus handed 20 T-72 tanks to Russia" (see roles._stated_giver).
DIRECT_GIVE_VERBS: Final = frozenset(
    "send sends sent sending hand hands handed handing deliver delivers delivered "
    "delivering export exports exported exporting supply supplies supplied supplying "
    "transfer transfers transferred transferring ship ships shipped shipping give gives "
    "gave given giving donate donates donated donating sell sells sold selling".split()
)

# Goods that reach a receiver by a route the sentence does not tell: "Serbian shells made
# their way to Ukraine", "ended up in Sudan" (see supply_frames.way_frames).
WAY_VERBS: Final = frozenset("made make makes making found find finds finding".split())
END_VERBS: Final = frozenset("ended end ends ending".split())

# Verbs of attacking: what follows them is a target, no party ("designed to target Seoul",
# "struck Ukraine with drones supplied by Iran").
ATTACK_VERBS: Final = frozenset(
    "target targets targeting targeted attack attacks attacking attacked strike strikes "
    "striking struck hit hits hitting bomb bombs bombing bombed shell shelling shelled "
    "pounded invade invading invaded".split()
)

# Double quotation marks: what stands between two of them in a sentence is quoted.
QUOTE_MARKS: Final = frozenset(['"', "“", "”"])

# The words one of which every match of a gated stance cue of ``claims.STANCE_CUES``
# holds: ``frames`` reads them with its other cue words in one pass over a sentence.
VERDICT_WORDS: Final = frozenset(
    "untrue false lies lie foundation fake propaganda disinformation misinformation "
    "nonsense baseless "
    "groundless unfounded fabricated fabrication fabrications absurd ridiculous "
    "speculative speculation slander slanderous true truth basis motivated "
    "unsubstantiated".split()
)
NEGATING_ADVERBS: Final = frozenset(["never", "not"])
RARE_SAYING_VERBS: Final = frozenset(
    "adding noted notes stressed stresses emphasised emphasized underscored underlined "
    "affirmed reaffirmed explained highlighted declared asserted maintained clarified "
    "clarifies state "
    "states reads quoted quotes quoting found show shows showed believe believes "
    "believed estimate estimates estimated assess assesses assessed suspect "
    "suspects emerged surfaced learned learnt".split()
)
NEITHER: Final = frozenset(["neither"])
REACH: Final = frozenset(["reach"])
REBUFF_WORDS: Final = frozenset(
    "ruled rules ruling brushed brushes rebuffed rebuffs contested contests pushed".split()
)

# Titles a named person holds: "Defence Minister Jane Doe" (``speakers.register_titles``).
TITLE_WORDS: Final = frozenset(
    "minister president spokesman spokeswoman spokesperson secretary chancellor premier "
    "ambassador envoy commander chief admiral general".split()
)
# "The ministry was contacted for comment" (``speakers.note_contacted``).
CONTACTED: Final = frozenset(["contacted", "approached"])
# What a news outlet is called in passing: "the daily Planeta", "the Ruritanian Nova TV
# channel". Lower case only: "the Defense Security Cooperation Agency" is no outlet.
OUTLET_KINDS: Final = frozenset(
    "newspaper daily broadcaster channel agency magazine weekly tabloid outlet website "
    "portal television tv radio paper".split()
)

# The first tests of ``claims``' readers of a sentence's stance words, read with the cue
# bits of ``frames``: asked questions, negations, commitments and reactions.
QUESTION_OPENERS: Final = frozenset(["question", "questions", "asked"])
NEGATOR_WORDS: Final = frozenset(["no", "not", "never", "t"])
# Verbs by which a government commits itself to a transfer in public: "Germany
# announced it would supply", "the US promised 50 Bradleys", "the State Department
# approved the sale". Said of its own transfer, they confirm it.
COMMITMENTS: Final = frozenset(
    "pledged pledges promised promises approved approves authorized authorised authorizes "
    "authorises announced announces committed commits vowed vows decided cleared".split()
)
REACTIONS: Final = frozenset(
    "sanction sanctions sanctioned sanctioning condemn condemns condemned condemning protest "
    "protests protested protesting oppose opposes opposed opposing criticised criticized "
    "criticises criticizes denounce denounces denounced retaliate retaliation retaliatory "
    "countermeasures dissatisfaction".split()
)
