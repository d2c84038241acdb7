"""Aggregate reads for browsing: the network, the timeline, actors, systems, articles.

Like ``queries``, every function takes an open connection and returns typed records;
the web layer and the CLI only format them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, cast, func, select

from armstrack.catalogue import Catalogue
from armstrack.records import ActorView, ArchiveRef, ArticleView, Edge, Mark, Partner
from armstrack.store.queries import TransferFilter, actor_ref, as_date, conditions
from armstrack.store.schema import (
    article_versions,
    articles,
    claims,
    evidence,
    mentions,
    outlets,
    transfers,
)
from armstrack.store.writer import SEPARATOR

GRAINS = ("month", "quarter", "year")
TIMELINE_KEYS = ("category", "status")


def network(conn: Connection, catalogue: Catalogue, filters: TransferFilter) -> list[Edge]:
    """Supplier -> recipient edges over the transfers ``filters`` selects, heaviest first."""
    rows = conn.execute(
        select(transfers.c.supplier, transfers.c.recipient, transfers.c.category, func.count())
        .where(*conditions(filters))
        .group_by(transfers.c.supplier, transfers.c.recipient, transfers.c.category)
    ).all()
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for supplier, recipient, category, count in rows:
        pairs[(supplier, recipient)][category] = int(count)
    edges = [
        Edge(
            actor_ref(catalogue, supplier),
            actor_ref(catalogue, recipient),
            sum(by_category.values()),
            dict(sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))),
        )
        for (supplier, recipient), by_category in pairs.items()
    ]
    return sorted(edges, key=lambda e: (-e.transfers, e.supplier.id, e.recipient.id))


def timeline(
    conn: Connection, filters: TransferFilter, by: str = "category", grain: str = "month"
) -> list[tuple[str, dict[str, int]]]:
    """Transfers per period of first report, split by category or status, oldest first."""
    if by not in TIMELINE_KEYS:
        raise ValueError(f"cannot split the timeline by {by!r}; choose category or status")
    if grain not in GRAINS:
        raise ValueError(f"unknown period {grain!r}; choose one of {', '.join(GRAINS)}")
    key = transfers.c.category if by == "category" else transfers.c.status
    # ISO dates as text on every backend: the month is their first seven characters.
    month = func.substr(cast(transfers.c.first_reported, String), 1, 7)
    rows = conn.execute(
        select(month, key, func.count())
        .where(*conditions(filters), transfers.c.first_reported.is_not(None))
        .group_by(month, key)
    ).all()
    periods: dict[str, Counter[str]] = defaultdict(Counter)
    for value, name, count in rows:
        periods[_period(str(value), grain)][name] += int(count)
    return [(period, dict(periods[period])) for period in sorted(periods)]


def continuous(
    periods: list[tuple[str, dict[str, int]]], grain: str
) -> list[tuple[str, dict[str, int]]]:
    """The periods from the first to the last with every empty one in between, so that
    a chart's time axis keeps its scale: 2024-01, 2024-02 (empty), 2024-03."""
    if not periods:
        return []
    counts = dict(periods)
    first, last = period_index(periods[0][0], grain), period_index(periods[-1][0], grain)
    every = (period_name(i, grain) for i in range(first, last + 1))
    return [(name, counts.get(name, {})) for name in every]


def period_index(period: str, grain: str) -> int:
    """A period as a count of periods since year 0: consecutive periods differ by one."""
    year = int(period[:4])
    if grain == "year":
        return year
    if grain == "quarter":
        return year * 4 + int(period[-1]) - 1
    return year * 12 + int(period[5:7]) - 1


def period_name(index: int, grain: str) -> str:
    """The inverse of ``period_index``."""
    if grain == "year":
        return f"{index:04d}"
    if grain == "quarter":
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _period(month: str, grain: str) -> str:
    """'2024-05' as a month, '2024-Q2' as a quarter, '2024' as a year."""
    if grain == "year":
        return month[:4]
    if grain == "quarter":
        return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
    return month


def actor_view(conn: Connection, catalogue: Catalogue, actor_id: str) -> ActorView | None:
    """Who supplies an actor and whom it supplies; None for an actor nobody knows."""
    rows = conn.execute(
        select(transfers.c.supplier, transfers.c.recipient, transfers.c.category, func.count())
        .where(
            *conditions(TransferFilter(actor=actor_id)),
        )
        .group_by(transfers.c.supplier, transfers.c.recipient, transfers.c.category)
    ).all()
    if not rows and actor_id not in catalogue.states and actor_id not in catalogue.groups:
        return None
    suppliers: dict[str, Counter[str]] = defaultdict(Counter)
    recipients: dict[str, Counter[str]] = defaultdict(Counter)
    for supplier, recipient, category, count in rows:
        if recipient == actor_id:
            suppliers[supplier][category] += int(count)
        if supplier == actor_id:
            recipients[recipient][category] += int(count)
    denials = conn.execute(
        select(func.count())
        .select_from(claims)
        .where(claims.c.speaker_actor == actor_id, claims.c.stance == "denies")
    ).scalar_one()
    return ActorView(
        actor_ref(catalogue, actor_id),
        _partners(catalogue, suppliers),
        _partners(catalogue, recipients),
        int(denials),
    )


def _partners(catalogue: Catalogue, counts: dict[str, Counter[str]]) -> tuple[Partner, ...]:
    partners = [
        Partner(actor_ref(catalogue, actor), sum(c.values()), tuple(k for k, _ in c.most_common()))
        for actor, c in counts.items()
    ]
    return tuple(sorted(partners, key=lambda p: (-p.transfers, p.actor.name)))


def system_counts(conn: Connection) -> tuple[Counter[str], Counter[str]]:
    """How many resolved transfers name each system, and each family."""
    systems: Counter[str] = Counter()
    families: Counter[str] = Counter()
    for row in conn.execute(
        select(transfers.c.systems, transfers.c.families).where(
            transfers.c.reports > 0, transfers.c.systems != ""
        )
    ):
        systems.update(v for v in row.systems.split(SEPARATOR) if v)
        families.update(v for v in row.families.split(SEPARATOR) if v)
    return systems, families


def _version_of(
    article_id: int, version: int | None = None, version_id: int | None = None
) -> ColumnElement[bool]:
    """The version of an article asked for: by its row, by its number, else the current one."""
    if version_id is not None:
        which = article_versions.c.id == version_id
    elif version is not None:
        which = article_versions.c.version == version
    else:
        which = article_versions.c.is_current
    return (article_versions.c.article_id == article_id) & which


def archived_copy(
    conn: Connection, article_id: int, version: int | None = None
) -> ArchiveRef | None:
    """Where the fetched page of an article version lies in the archive (None: it was not
    fetched by armstrack): one row read, not the whole article view."""
    row = conn.execute(
        select(article_versions.c.warc_file, article_versions.c.warc_offset).where(
            _version_of(article_id, version)
        )
    ).first()
    if row is None or row.warc_file is None:
        return None
    return ArchiveRef(row.warc_file, row.warc_offset)


def article_view(
    conn: Connection, article_id: int, version: int | None = None, version_id: int | None = None
) -> ArticleView | None:
    """A stored article with its marks: its current version unless one is asked for, by
    number (``version``) or by its row (``version_id``, as reports name it)."""
    query = (
        select(
            article_versions,
            articles.c.url,
            articles.c.published,
            articles.c.source,
            outlets.c.name.label("outlet"),
        )
        .join(articles, article_versions.c.article_id == articles.c.id)
        .outerjoin(outlets, articles.c.outlet_id == outlets.c.id)
        .where(_version_of(article_id, version, version_id))
    )
    row = conn.execute(query).first()
    if row is None:
        return None
    versions = conn.execute(
        select(func.count())
        .select_from(article_versions)
        .where(article_versions.c.article_id == article_id)
    ).scalar_one()
    return ArticleView(
        article_id=article_id,
        version_id=row.id,
        version=row.version,
        versions=int(versions),
        url=row.url,
        title=row.title,
        outlet=row.outlet,
        published=as_date(row.published),
        source=row.source,
        text=row.text,
        duplicate_of=row.duplicate_of,
        origin=row.origin,
        archived=ArchiveRef(row.warc_file, row.warc_offset) if row.warc_file else None,
        ingested_at=row.ingested_at,
        marks=_marks(conn, row.id),
        transfer_ids=tuple(
            sorted(
                {
                    t
                    for t in conn.execute(
                        select(mentions.c.transfer_id).where(mentions.c.version_id == row.id)
                    ).scalars()
                    if t is not None
                }
            )
        ),
    )


def _marks(conn: Connection, version_id: int) -> tuple[Mark, ...]:
    found: list[Mark] = []
    spans: list[Any] = list(
        conn.execute(
            select(evidence.c.start, evidence.c.end, mentions.c.id, mentions.c.transfer_id)
            .join(mentions, evidence.c.mention_id == mentions.c.id)
            .where(mentions.c.version_id == version_id)
        )
    )
    found += [Mark(r.start, r.end, "evidence", r.transfer_id, r.id) for r in spans]
    for r in conn.execute(
        select(claims.c.start, claims.c.end, claims.c.stance, mentions.c.id, mentions.c.transfer_id)
        .join(mentions, claims.c.mention_id == mentions.c.id)
        .where(mentions.c.version_id == version_id)
    ):
        found.append(Mark(r.start, r.end, r.stance, r.transfer_id, r.id))
    return tuple(sorted(set(found), key=lambda m: (m.start, -m.end, m.kind, m.mention_id)))
