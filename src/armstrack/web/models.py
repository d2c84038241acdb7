"""The REST API's response bodies (they make the OpenAPI schema), built from records."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from armstrack.records import (
    ActorRef,
    ActorView,
    ArticleView,
    Claim,
    Edge,
    Partner,
    Report,
    ResolvedTransfer,
    SearchHit,
    Span,
    TransferDetail,
)
from armstrack.web.params import Text


class Actor(BaseModel):
    id: str = Field(description="ISO 3166-1 alpha-3 code of a state, or an armed group's slug")
    name: str
    kind: str = Field(description="state or group")

    @classmethod
    def of(cls, actor: ActorRef) -> Actor:
        return cls(id=actor.id, name=actor.name, kind=actor.kind.value)


class TransferOut(BaseModel):
    id: int
    supplier: Actor
    recipient: Actor
    category: str
    status: str = Field(description="most advanced reported status: discussed, agreed, delivered")
    systems: list[str]
    quantity: int | None
    first_reported: date | None
    last_reported: date | None
    reports: int = Field(description="articles reporting it")
    outlets: int = Field(description="distinct outlets among them")
    origins: int = Field(description="independent origins (copies of one wire story count once)")
    denied_by: list[str]

    @classmethod
    def of(cls, t: ResolvedTransfer) -> TransferOut:
        return cls.model_validate(cls.fields_of(t))

    @staticmethod
    def fields_of(t: ResolvedTransfer) -> dict[str, Any]:
        """The fields as plain data: a page validates all its rows in one call."""
        return {
            "id": t.id,
            "supplier": {
                "id": t.supplier.id,
                "name": t.supplier.name,
                "kind": t.supplier.kind.value,
            },
            "recipient": {
                "id": t.recipient.id,
                "name": t.recipient.name,
                "kind": t.recipient.kind.value,
            },
            "category": t.category.value,
            "status": t.status.label,
            "systems": t.systems,
            "quantity": t.quantity,
            "first_reported": t.first_reported,
            "last_reported": t.last_reported,
            "reports": t.reports,
            "outlets": t.outlets,
            "origins": t.origins,
            "denied_by": t.denied_by,
        }


class TransferPage(BaseModel):
    total: int = Field(description="transfers matching the filters, on every page")
    limit: int
    offset: int
    sort: str
    order: str
    items: list[TransferOut]


class SpanOut(BaseModel):
    start: int = Field(description="character offset into the article text")
    end: int
    text: str

    @classmethod
    def of(cls, span: Span) -> SpanOut:
        return cls(start=span.start, end=span.end, text=span.text)


class SpeakerOut(BaseModel):
    text: str
    actor: Actor | None
    role: str | None
    outlet: str | None
    count: int | None


class ClaimOut(BaseModel):
    speaker: SpeakerOut | None
    stance: str
    hedges: list[str]
    status: str | None
    evidence: SpanOut

    @classmethod
    def of(cls, claim: Claim) -> ClaimOut:
        s = claim.speaker
        return cls(
            speaker=SpeakerOut(
                text=s.text,
                actor=Actor.of(s.actor) if s.actor else None,
                role=s.role,
                outlet=s.outlet,
                count=s.count,
            )
            if s
            else None,
            stance=claim.stance.value,
            hedges=list(claim.hedges),
            status=claim.status.label if claim.status else None,
            evidence=SpanOut.of(claim.evidence),
        )


class ReportOut(BaseModel):
    mention_id: int
    article_id: int
    version_id: int
    url: str | None
    title: str | None
    outlet: str | None
    published: date | None
    origin: str
    status: str
    quantity: int | None
    duplicate_of: int | None = Field(description="version id of the earlier near-identical copy")
    claims: list[ClaimOut]
    evidence: list[SpanOut]
    superseded: bool = Field(
        description="made by an older version of the article, whose newer text no longer "
        "reports the transfer; kept, since a later version never erases an earlier report"
    )

    @classmethod
    def of(cls, r: Report) -> ReportOut:
        return cls(
            mention_id=r.mention_id,
            article_id=r.article_id,
            version_id=r.version_id,
            url=r.url,
            title=r.title,
            outlet=r.outlet,
            published=r.published,
            origin=r.origin,
            status=r.status.label,
            quantity=r.quantity,
            duplicate_of=r.duplicate_of,
            claims=[ClaimOut.of(c) for c in r.claims],
            evidence=[SpanOut.of(s) for s in r.evidence],
            superseded=r.superseded,
        )


class EventOut(BaseModel):
    status: str
    reported_on: date | None
    mention_id: int


class ChangeOut(BaseModel):
    at: datetime = Field(description="when the change was stored (UTC)")
    field: str = Field(description="status, quantity, systems, first_reported, ...")
    old: str | None = Field(description="the value before; null when the transfer was new")
    new: str | None
    mention_id: int | None = Field(description="the newest report when it changed")


class OriginOut(BaseModel):
    origin: str = Field(description="the independent source these reports go back to")
    reports: list[ReportOut]


class TransferDetailOut(BaseModel):
    transfer: TransferOut
    timeline: list[EventOut]
    origins: list[OriginOut]

    @classmethod
    def of(cls, d: TransferDetail) -> TransferDetailOut:
        return cls(
            transfer=TransferOut.of(d.transfer),
            timeline=[
                EventOut(status=e.status.label, reported_on=e.reported_on, mention_id=e.mention_id)
                for e in d.timeline
            ],
            origins=[
                OriginOut(origin=origin, reports=[ReportOut.of(r) for r in reports])
                for origin, reports in by_origin(d.reports)
            ],
        )


def by_origin(reports: tuple[Report, ...]) -> list[tuple[str, list[Report]]]:
    """Reports grouped by independent origin, in order of each origin's first report."""
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(report.origin, []).append(report)
    return list(groups.items())


class MarkOut(BaseModel):
    start: int
    end: int
    kind: str = Field(description="evidence, or the stance of a claim (asserts, denies, ...)")
    transfer_id: int | None
    mention_id: int


class ArticleOut(BaseModel):
    article_id: int
    version_id: int
    version: int
    versions: int
    url: str | None
    title: str | None
    outlet: str | None
    published: date | None
    source: str | None
    duplicate_of: int | None
    origin: str
    text: str = Field(description="the exact stored text; marks are offsets into it")
    marks: list[MarkOut]
    transfer_ids: list[int]

    @classmethod
    def of(cls, a: ArticleView) -> ArticleOut:
        return cls(
            article_id=a.article_id,
            version_id=a.version_id,
            version=a.version,
            versions=a.versions,
            url=a.url,
            title=a.title,
            outlet=a.outlet,
            published=a.published,
            source=a.source,
            duplicate_of=a.duplicate_of,
            origin=a.origin,
            text=a.text,
            marks=[
                MarkOut(
                    start=m.start,
                    end=m.end,
                    kind=m.kind,
                    transfer_id=m.transfer_id,
                    mention_id=m.mention_id,
                )
                for m in a.marks
            ],
            transfer_ids=list(a.transfer_ids),
        )


class PartnerOut(BaseModel):
    actor: Actor
    transfers: int
    categories: list[str]

    @classmethod
    def of(cls, p: Partner) -> PartnerOut:
        return cls(actor=Actor.of(p.actor), transfers=p.transfers, categories=list(p.categories))


class ActorOut(BaseModel):
    actor: Actor
    suppliers: list[PartnerOut] = Field(description="who supplies this actor")
    recipients: list[PartnerOut] = Field(description="whom this actor supplies")
    denials: int = Field(description="claims in which this actor denies a transfer")

    @classmethod
    def of(cls, v: ActorView) -> ActorOut:
        return cls(
            actor=Actor.of(v.actor),
            suppliers=[PartnerOut.of(p) for p in v.suppliers],
            recipients=[PartnerOut.of(p) for p in v.recipients],
            denials=v.denials,
        )


class SystemOut(BaseModel):
    name: str
    family: str | None
    category: str
    origin: str | None
    aliases: list[str]
    transfers: int = Field(description="resolved transfers naming it (or its family)")


class EdgeOut(BaseModel):
    supplier: Actor
    recipient: Actor
    transfers: int
    by_category: dict[str, int]

    @classmethod
    def of(cls, e: Edge) -> EdgeOut:
        return cls(
            supplier=Actor.of(e.supplier),
            recipient=Actor.of(e.recipient),
            transfers=e.transfers,
            by_category=e.by_category,
        )


class PeriodOut(BaseModel):
    period: str
    counts: dict[str, int]


class TimelineOut(BaseModel):
    by: str
    grain: str
    periods: list[PeriodOut]


class SearchHitOut(BaseModel):
    article_id: int
    version_id: int
    title: str | None
    url: str | None
    published: date | None
    snippet: str

    @classmethod
    def of(cls, h: SearchHit) -> SearchHitOut:
        return cls(
            article_id=h.article_id,
            version_id=h.version_id,
            title=h.title,
            url=h.url,
            published=h.published,
            snippet=h.snippet,
        )


class ArticleIn(BaseModel):
    """One article sent to the ingest endpoint."""

    text: Text = Field(min_length=1, max_length=2_000_000)
    url: Text | None = Field(default=None, max_length=4000)
    title: Text | None = Field(default=None, max_length=2000)
    published: date | None = None
    outlet: Text | None = Field(default=None, max_length=200)
    id: Text | None = Field(default=None, max_length=200)


class IngestOut(BaseModel):
    added: dict[str, int]
    skipped: dict[str, int]
    at: datetime


class ProblemOut(BaseModel):
    """One bad parameter or body field of a 422 answer."""

    model_config = ConfigDict(extra="forbid")

    parameter: str = Field(description="the parameter, or the body field as a dotted path")
    problem: str


class ErrorOut(BaseModel):
    """The body of every 4xx (and 5xx) answer of the API, rendered only from this model."""

    model_config = ConfigDict(extra="forbid")

    detail: str | list[ProblemOut] = Field(
        description="what is wrong; for a 422, one entry per bad parameter"
    )
