"""Typed records that cross stage boundaries.

Every record is a frozen, slotted dataclass. Spans are character offsets into
the untouched original article text, so evidence can always be shown in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum


class Category(StrEnum):
    """The fixed weapon categories of the gold annotation scheme."""

    AIRCRAFT = "aircraft"
    UAV = "uav"
    MISSILE = "missile"
    AIR_DEFENCE = "air_defence"
    ARMOURED_VEHICLE = "armoured_vehicle"
    ARTILLERY = "artillery"
    AMMUNITION = "ammunition"
    SHIP = "ship"
    SMALL_ARMS = "small_arms"
    SENSOR = "sensor"
    OTHER = "other"


class Status(IntEnum):
    """How far a transfer has gone; the order lets the most advanced one win."""

    DISCUSSED = 1
    AGREED = 2
    DELIVERED = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Status:
        return cls[value.strip().upper()]


class Stance(StrEnum):
    """What a speaker says about a reported transfer."""

    ASSERTS = "asserts"
    CONFIRMS = "confirms"
    DENIES = "denies"
    DECLINES = "declines_to_comment"
    UNCONFIRMED = "not_confirmed"


class ActorKind(StrEnum):
    STATE = "state"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of the article text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ArchiveRef:
    """Where a fetched page's response record lies in a WARC archive folder."""

    file: str  # the WARC file's name, relative to the archive folder
    offset: int  # of the response record (its gzip member) in that file


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, exactly as read."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    source: str | None = None
    archived: ArchiveRef | None = None  # the page as fetched, when armstrack fetched it


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A state (ISO 3166-1 alpha-3 id) or a named armed group (lowercase slug)."""

    id: str
    kind: ActorKind
    name: str


@dataclass(frozen=True, slots=True)
class SystemRef:
    """A catalogued weapon system as named in a transfer."""

    name: str
    category: Category
    origin: str
    family: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number of items; ``value`` is None for vague amounts such as "hundreds"."""

    value: int | None
    approximate: bool
    span: Span


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A reported time normalised against the publication date.

    ``value`` is ISO-like at the stated granularity: ``2024``, ``2023-Q4``,
    ``2024-01`` or ``2024-02-21``.
    """

    value: str
    granularity: str
    span: Span


@dataclass(frozen=True, slots=True)
class Route:
    """How or through where the weapons travelled ("via the Caspian Sea", "by air")."""

    mode: str | None
    via: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who makes a claim, as written and as resolved."""

    text: str
    actor: ActorRef | None = None
    role: str | None = None
    outlet: str | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement for or against a transfer, with the sentence it stands in."""

    speaker: Speaker | None
    stance: Stance
    evidence: Span
    hedges: tuple[str, ...] = ()
    status: Status | None = None


@dataclass(frozen=True, slots=True)
class Transfer:
    """One reported transfer of one category between two actors in one article."""

    supplier: ActorRef
    recipient: ActorRef
    category: Category
    status: Status
    systems: tuple[SystemRef, ...] = ()
    quantity: Quantity | None = None
    times: tuple[TimeRef, ...] = ()
    routes: tuple[Route, ...] = ()
    claims: tuple[Claim, ...] = ()
    evidence: tuple[Span, ...] = ()

    @property
    def denied_by(self) -> tuple[ActorRef, ...]:
        seen: dict[str, ActorRef] = {}
        for claim in self.claims:
            actor = claim.speaker.actor if claim.speaker else None
            if claim.stance is Stance.DENIES and actor is not None:
                seen.setdefault(actor.id, actor)
        return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    transfers: tuple[Transfer, ...] = field(default_factory=tuple)
    # Where the extractor bounded its work on runaway input, so that every article costs
    # linear time: "2 sentences over 600 characters analysed in pieces".
    limits: tuple[str, ...] = ()
    # Whether the text names a weapon system or class at all (most news does not): only
    # such texts are worth comparing with others for copied passages.
    names_weapon: bool = False


class Added(StrEnum):
    """What storing one article did."""

    NEW = "new"
    UNCHANGED = "unchanged"  # the same text under the same key: nothing to do
    NEW_VERSION = "new_version"  # the same key with a changed text: kept beside the old one


@dataclass(frozen=True, slots=True)
class TransferChange:
    """One change of a transfer's record: a field's value before (None: the transfer was
    new) and after, when it was stored, and the newest report at that moment."""

    at: datetime
    field: str
    old: str | None
    new: str | None
    mention_id: int | None


@dataclass(frozen=True, slots=True)
class StatusEvent:
    """A status a transfer was first reported at, with the report saying so."""

    status: Status
    reported_on: date | None
    mention_id: int


@dataclass(frozen=True, slots=True)
class ResolvedTransfer:
    """One real-world transfer, merged from every report of it."""

    id: int
    supplier: ActorRef
    recipient: ActorRef
    category: Category
    status: Status
    systems: tuple[str, ...]
    quantity: int | None
    first_reported: date | None
    last_reported: date | None
    reports: int
    outlets: int
    origins: int
    denied_by: tuple[str, ...]
    updated_at: datetime | None = None  # when a report last created or changed it (UTC)


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of a resolved transfer, with its claims and evidence."""

    mention_id: int
    article_id: int
    version_id: int
    url: str | None
    title: str | None
    outlet: str | None
    published: date | None
    origin: str
    status: Status
    quantity: int | None
    duplicate_of: int | None
    claims: tuple[Claim, ...]
    evidence: tuple[Span, ...]
    # Made by an older version of the article that a newer text no longer repeats: kept,
    # since a later version never erases what an earlier one reported.
    superseded: bool = False
    # Why the origin is what it is ("credit", "shared" passages or the "outlet"), in
    # words, and why the report joined its transfer ("merged because ...").
    origin_basis: str = ""
    origin_note: str = ""
    merge_reason: str = ""
    outlet_key: str | None = None  # the publishing outlet's catalogue id or slug
    # When the report says the events happened, normalised ("2024-01", "2023-Q4").
    times: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TransferDetail:
    transfer: ResolvedTransfer
    timeline: tuple[StatusEvent, ...]
    reports: tuple[Report, ...]
    # "7 reports from 6 outlets, 2 independent origins: Reuters (5 copies and
    # rewrites), Ukrinform", and each distinct reason its reports were merged for.
    origin_summary: str = ""
    merge_reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleOrigin:
    """Where one stored article's reporting comes from: its current version, the
    earliest text it shares passages with, its origin, and its reports as
    (transfer id, supplier, recipient, category, origin)."""

    key: str
    url: str | None
    version_id: int
    duplicate_of: int | None
    origin: str
    origin_basis: str
    reports: tuple[tuple[int, str, str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    version_id: int
    title: str | None
    url: str | None
    published: date | None
    snippet: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted range of a stored article: evidence of a report, or a claim in it."""

    start: int
    end: int
    kind: str  # "evidence" or a claim's stance
    transfer_id: int | None
    mention_id: int


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One stored article version with everything the extractor found in it."""

    article_id: int
    version_id: int
    version: int
    versions: int
    url: str | None
    title: str | None
    outlet: str | None
    published: date | None
    source: str | None
    text: str
    duplicate_of: int | None
    origin: str
    marks: tuple[Mark, ...]
    transfer_ids: tuple[int, ...]
    archived: ArchiveRef | None = None  # the page as fetched, in the store's WARC archive
    ingested_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Edge:
    """Transfers from one supplier to one recipient, for the network view."""

    supplier: ActorRef
    recipient: ActorRef
    transfers: int
    by_category: dict[str, int]


@dataclass(frozen=True, slots=True)
class Partner:
    """An actor's counterpart in transfers, with how many and of what."""

    actor: ActorRef
    transfers: int
    categories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorView:
    actor: ActorRef
    suppliers: tuple[Partner, ...]  # who supplies this actor
    recipients: tuple[Partner, ...]  # whom this actor supplies
    denials: int
