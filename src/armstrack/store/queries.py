"""Read queries shared by the CLI, the Python API and (later) the web layer."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, Connection, Select, case, func, or_, select, text

from armstrack.catalogue import Catalogue
from armstrack.records import (
    ActorRef,
    ArticleOrigin,
    Category,
    Claim,
    Report,
    ResolvedTransfer,
    SearchHit,
    Span,
    Speaker,
    Stance,
    Status,
    StatusEvent,
    TransferChange,
    TransferDetail,
)
from armstrack.resolve.origins import CountedReport, origin_summary
from armstrack.store.schema import (
    article_versions,
    articles,
    claims,
    evidence,
    mentions,
    outlets,
    status_events,
    transfer_changes,
    transfers,
)
from armstrack.store.versions import counting
from armstrack.store.writer import SEPARATOR


@dataclass(frozen=True)
class TransferFilter:
    """Filters of ``armstrack transfers``; every field narrows the result."""

    supplier: str | None = None
    recipient: str | None = None
    actor: str | None = None  # either side
    category: str | None = None
    system: str | None = None  # a system or family name
    status: str | None = None  # at least this status
    since: date | None = None  # last reported on or after
    until: date | None = None  # first reported on or before
    min_origins: int = 0
    limit: int = 1000
    offset: int = 0
    sort: str = "last_reported"  # one of SORTS
    descending: bool = True
    # Filled by narrow(): the categories a system filter can match, so that it reads the
    # transfers of those categories instead of every transfer.
    system_categories: tuple[str, ...] | None = None  # None: not looked up yet


def narrow(filters: TransferFilter, catalogue: Catalogue) -> TransferFilter:
    """The filters with what the catalogue knows of the system asked for.

    A transfer lists only systems of its own category, so "shahed" can only match uav
    transfers. A name the catalogue does not hold is searched in every transfer.
    """
    filters = _actors_found(filters, catalogue)
    if not filters.system or filters.system_categories is not None:
        return filters  # nothing to narrow, or narrowed already (the web layer does it)
    wanted = filters.system.casefold()
    categories = {
        entry.category.value
        for entry in catalogue.systems.values()
        if any(wanted in name.casefold() for name in (entry.name, *entry.aliases))
        or (entry.family and wanted in entry.family.casefold())
    }
    return replace(filters, system_categories=tuple(sorted(categories)))


def _actors_found(filters: TransferFilter, catalogue: Catalogue) -> TransferFilter:
    """Actors asked for by code, slug or name in any case ("irn", "Iran") as their ids.
    An actor nobody knows stays as typed: it matches nothing, which is the answer."""

    def found(text: str | None) -> str | None:
        return (catalogue.find_actor(text) or text) if text else None

    return replace(
        filters,
        supplier=found(filters.supplier),
        recipient=found(filters.recipient),
        actor=found(filters.actor),
    )


# Columns a listing may be sorted by; anything else is refused before SQL is built.
SortKey = Literal[
    "last_reported",
    "first_reported",
    "supplier",
    "recipient",
    "category",
    "status",
    "quantity",
    "reports",
    "outlets",
    "origins",
    "updated_at",
    "id",
]
SORTS: tuple[str, ...] = get_args(SortKey)


def transfer_query(filters: TransferFilter) -> Select[Any]:
    """The filtered, sorted page of transfers ``filters`` asks for."""
    if filters.sort not in SORTS:
        raise ValueError(f"cannot sort by {filters.sort!r}; choose one of {', '.join(SORTS)}")
    column: ColumnElement[Any] = transfers.c[filters.sort]
    if filters.sort == "status":  # by progress, not alphabetically
        column = case({s.label: int(s) for s in Status}, value=transfers.c.status)
    order = column.desc() if filters.descending else column.asc()
    return (
        select(transfers)
        .where(*conditions(filters))
        .order_by(order.nulls_last(), transfers.c.id)
        .limit(filters.limit)
        .offset(filters.offset)
    )


def data_stamp(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever a transfer is added or changed (two index lookups): what a cache of
    query results is keyed on."""
    # Two scalar subqueries: SQLite answers one max() from an index, but a query with
    # two aggregates scans the table.
    row = conn.execute(
        select(
            select(func.max(transfers.c.id)).scalar_subquery(),
            select(func.max(transfers.c.updated_at)).scalar_subquery(),
        )
    ).one()
    return tuple(row)


def count_transfers(conn: Connection, filters: TransferFilter) -> int:
    """How many transfers match ``filters`` (ignoring its page)."""
    query = select(func.count()).select_from(transfers).where(*conditions(filters))
    return int(conn.execute(query).scalar_one())


def conditions(filters: TransferFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [transfers.c.reports > 0]
    if filters.supplier:
        where.append(transfers.c.supplier == filters.supplier)
    if filters.recipient:
        where.append(transfers.c.recipient == filters.recipient)
    if filters.actor:
        where.append(
            or_(transfers.c.supplier == filters.actor, transfers.c.recipient == filters.actor)
        )
    if filters.category:
        where.append(transfers.c.category == filters.category)
    if filters.system:
        if filters.system_categories:
            where.append(transfers.c.category.in_(filters.system_categories))
        # A substring, not a pattern: autoescape escapes % and _ (and its escape
        # character /) and adds the ESCAPE clause, on SQLite and PostgreSQL alike.
        wanted = filters.system.lower()
        where.append(
            or_(
                func.lower(transfers.c.systems).contains(wanted, autoescape=True),
                func.lower(transfers.c.families).contains(wanted, autoescape=True),
            )
        )
    if filters.status:
        floor = Status.parse(filters.status)
        where.append(transfers.c.status.in_([s.label for s in Status if s >= floor]))
    if filters.since:
        where.append(transfers.c.last_reported >= filters.since)
    if filters.until:
        where.append(transfers.c.first_reported <= filters.until)
    if filters.min_origins:
        where.append(transfers.c.origins >= filters.min_origins)
    return where


def list_transfers(
    conn: Connection, catalogue: Catalogue, filters: TransferFilter
) -> list[ResolvedTransfer]:
    return [_resolved(row, catalogue) for row in conn.execute(transfer_query(filters))]


_CATEGORIES = {c.value: c for c in Category}
_STATUSES = {s.label: s for s in Status}


def _resolved(row: Any, catalogue: Catalogue) -> ResolvedTransfer:
    # Dictionary lookups rather than Category(...) and Status.parse: listings build
    # hundreds of these per request.
    return ResolvedTransfer(
        id=row.id,
        supplier=actor_ref(catalogue, row.supplier),
        recipient=actor_ref(catalogue, row.recipient),
        category=_CATEGORIES[row.category],
        status=_STATUSES[row.status],
        systems=tuple(filter(None, row.systems.split(SEPARATOR))),
        quantity=row.quantity,
        first_reported=row.first_reported,
        last_reported=row.last_reported,
        reports=row.reports,
        outlets=row.outlets,
        origins=row.origins,
        denied_by=tuple(filter(None, row.deniers.split(SEPARATOR))),
        updated_at=row.updated_at,
    )


def actor_ref(catalogue: Catalogue, actor_id: str) -> ActorRef:
    try:
        return catalogue.actor(actor_id)
    except KeyError:
        from armstrack.records import ActorKind

        return ActorRef(actor_id, ActorKind.STATE, actor_id)


def merged_into(conn: Connection, transfer_id: int) -> int | None:
    """The transfer this one was merged into (merges keep one hop: no chains)."""
    found = conn.execute(
        select(transfers.c.merged_into).where(transfers.c.id == transfer_id)
    ).scalar()
    return int(found) if found is not None else None


def transfer_detail(
    conn: Connection, catalogue: Catalogue, transfer_id: int
) -> TransferDetail | None:
    row = conn.execute(select(transfers).where(transfers.c.id == transfer_id)).first()
    if row is None:
        return None
    timeline = tuple(
        StatusEvent(Status.parse(e.status), e.reported_on, e.mention_id)
        for e in conn.execute(
            select(status_events)
            .where(status_events.c.transfer_id == transfer_id)
            .order_by(status_events.c.reported_on, status_events.c.id)
        )
    )
    reports = tuple(_reports(conn, transfer_id, catalogue))
    return TransferDetail(
        _resolved(row, catalogue),
        timeline,
        reports,
        origin_summary=explain_origins(reports, catalogue),
        merge_reasons=tuple(dict.fromkeys(r.merge_reason for r in reports if r.merge_reason)),
    )


def explain_origins(reports: tuple[Report, ...], catalogue: Catalogue) -> str:
    """The origin count of a transfer in words, over its counting reports: "7 reports
    from 6 outlets, 2 independent origins: Reuters (5 copies and rewrites), Ukrinform"."""

    def name(key: str) -> str:
        known = catalogue.outlets.get(key)
        return known.name if known else key

    counted = [r for r in reports if not r.superseded]
    return origin_summary(
        (CountedReport(r.origin, r.outlet_key or f"article-{r.article_id}") for r in counted),
        name,
    )


def _reports(conn: Connection, transfer_id: int, catalogue: Catalogue) -> list[Report]:
    rows = conn.execute(
        select(
            mentions.c.id,
            mentions.c.status,
            mentions.c.quantity,
            mentions.c.origin,
            article_versions.c.id.label("version_id"),
            article_versions.c.title,
            article_versions.c.text,
            article_versions.c.duplicate_of,
            article_versions.c.version,
            article_versions.c.is_current,
            articles.c.id.label("article_id"),
            articles.c.url,
            articles.c.published,
            outlets.c.name.label("outlet"),
            outlets.c.slug.label("outlet_key"),
            article_versions.c.origin_basis,
            article_versions.c.origin_note,
            mentions.c.merge_reason,
            mentions.c.times,
        )
        .join(article_versions, mentions.c.version_id == article_versions.c.id)
        .join(articles, article_versions.c.article_id == articles.c.id)
        .outerjoin(outlets, articles.c.outlet_id == outlets.c.id)
        .where(mentions.c.transfer_id == transfer_id)
        .order_by(articles.c.published, mentions.c.id)
    ).all()
    reports = []
    for row in counting(rows):
        spans = tuple(
            Span(e.start, e.end, row.text[e.start : e.end])
            for e in conn.execute(
                select(evidence).where(evidence.c.mention_id == row.id).order_by(evidence.c.start)
            )
        )
        claim_rows = conn.execute(
            select(claims).where(claims.c.mention_id == row.id).order_by(claims.c.start)
        )
        reports.append(
            Report(
                mention_id=row.id,
                article_id=row.article_id,
                version_id=row.version_id,
                url=row.url,
                title=row.title,
                outlet=row.outlet,
                published=row.published,
                origin=row.origin,
                status=Status.parse(row.status),
                quantity=row.quantity,
                duplicate_of=row.duplicate_of,
                claims=tuple(_claim(c, row.text, catalogue) for c in claim_rows),
                evidence=spans,
                superseded=not row.is_current,
                origin_basis=row.origin_basis or "",
                origin_note=row.origin_note or "",
                merge_reason=row.merge_reason or "",
                outlet_key=row.outlet_key,
                times=tuple(t for t in (row.times or "").split(SEPARATOR) if t),
            )
        )
    return reports


def article_origins(conn: Connection) -> list[ArticleOrigin]:
    """Every stored article's current version with its origin, copy link and reports
    (what ``evaluate.clusters`` scores)."""
    reports: dict[int, list[tuple[int, str, str, str, str]]] = {}
    for m in conn.execute(
        select(
            mentions.c.version_id,
            mentions.c.transfer_id,
            mentions.c.supplier,
            mentions.c.recipient,
            mentions.c.category,
            mentions.c.origin,
        ).order_by(mentions.c.id)
    ):
        reports.setdefault(m.version_id, []).append(
            (m.transfer_id, m.supplier, m.recipient, m.category, m.origin)
        )
    rows = conn.execute(
        select(
            articles.c.key,
            articles.c.url,
            article_versions.c.id,
            article_versions.c.duplicate_of,
            article_versions.c.origin,
            article_versions.c.origin_basis,
        )
        .join(article_versions, article_versions.c.article_id == articles.c.id)
        .where(article_versions.c.is_current)
        .order_by(article_versions.c.id)
    )
    return [
        ArticleOrigin(
            r.key,
            r.url,
            r.id,
            r.duplicate_of,
            r.origin,
            r.origin_basis or "",
            tuple(reports.get(r.id, ())),
        )
        for r in rows
    ]


def _claim(row: Any, text_: str, catalogue: Catalogue) -> Claim:
    speaker = None
    if row.speaker or row.speaker_actor or row.speaker_outlet:
        speaker = Speaker(
            text=row.speaker or "",
            actor=actor_ref(catalogue, row.speaker_actor) if row.speaker_actor else None,
            role=row.speaker_role,
            outlet=row.speaker_outlet,
            count=row.speaker_count,
        )
    return Claim(
        speaker=speaker,
        stance=Stance(row.stance),
        evidence=Span(row.start, row.end, text_[row.start : row.end]),
        hedges=tuple(h for h in row.hedges.split(SEPARATOR) if h),
        status=Status.parse(row.status) if row.status else None,
    )


def search(
    conn: Connection, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[SearchHit]:
    """Full-text search over current article versions (FTS5 on SQLite); ``marks``
    open and close each matched word in the snippets."""
    if conn.dialect.name == "sqlite":
        rows = conn.execute(
            text(
                "SELECT v.id AS version_id, v.article_id, v.title, a.url, a.published, "
                "snippet(article_search, 1, :open, :close, ' … ', 12) AS snippet "
                "FROM article_search JOIN article_versions v ON v.id = article_search.rowid "
                "JOIN articles a ON a.id = v.article_id "
                "WHERE article_search MATCH :query AND v.is_current "
                # Newest first: FTS5 walks rowids in order and stops at the limit, while
                # ranking would score every match ("harvest" in 75,000 articles: 280 ms).
                "ORDER BY article_search.rowid DESC LIMIT :limit"
            ),
            {"query": _fts_query(query), "limit": limit, "open": marks[0], "close": marks[1]},
        )
    else:
        rows = conn.execute(
            text(
                "SELECT v.id AS version_id, v.article_id, v.title, a.url, a.published, "
                "ts_headline('english', v.text, websearch_to_tsquery('english', :query), "
                "'StartSel=' || :open || ', StopSel=' || :close) AS snippet "
                "FROM article_versions v JOIN articles a ON a.id = v.article_id "
                "WHERE to_tsvector('english', coalesce(v.title, '') || ' ' || v.text) "
                "@@ websearch_to_tsquery('english', :query) AND v.is_current LIMIT :limit"
            ),
            {"query": query, "limit": limit, "open": marks[0], "close": marks[1]},
        )
    return [
        SearchHit(r.article_id, r.version_id, r.title, r.url, as_date(r.published), r.snippet)
        for r in rows
    ]


_SEARCH_TERM = re.compile(r'"([^"]*)"?|(\S+)')


def _fts_query(query: str) -> str:
    """The search syntax of web search engines as an FTS5 query: words must all occur,
    "a phrase" in quotes occurs as written, OR between two terms accepts either. Every
    term is quoted, so user input is never FTS syntax of its own."""
    parts: list[str] = []
    for match in _SEARCH_TERM.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        term = " ".join((phrase if phrase is not None else word).replace('"', " ").split())
        if term:
            parts.append(f'"{term}"')
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts) or '""'


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def stats(conn: Connection) -> dict[str, Any]:
    """Counts that summarise the store."""

    def count(table: Any, *where: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

    by_status: dict[str, int] = dict(
        conn.execute(
            select(transfers.c.status, func.count())
            .where(transfers.c.reports > 0)
            .group_by(transfers.c.status)
        ).all()
    )
    by_category: dict[str, int] = dict(
        conn.execute(
            select(transfers.c.category, func.count())
            .where(transfers.c.reports > 0)
            .group_by(transfers.c.category)
        ).all()
    )
    return {
        "articles": count(articles),
        "versions": count(article_versions),
        "near_duplicates": count(article_versions, article_versions.c.duplicate_of.is_not(None)),
        "reports": count(mentions),
        "transfers": count(transfers, transfers.c.reports > 0),
        "transfers_by_status": by_status,
        "transfers_by_category": by_category,
        "outlets": count(outlets),
    }


def latest_changes(
    conn: Connection, transfer_ids: Iterable[int]
) -> dict[int, list[TransferChange]]:
    """Per transfer, the changes of its last stored change (one ingest batch), in order:
    what a feed entry says changed."""
    ids = sorted(set(transfer_ids))
    if not ids:
        return {}
    last = (
        select(transfer_changes.c.transfer_id, func.max(transfer_changes.c.at).label("at"))
        .where(transfer_changes.c.transfer_id.in_(ids))
        .group_by(transfer_changes.c.transfer_id)
        .subquery()
    )
    rows = conn.execute(
        select(transfer_changes)
        .join(
            last,
            (transfer_changes.c.transfer_id == last.c.transfer_id)
            & (transfer_changes.c.at == last.c.at),
        )
        .order_by(transfer_changes.c.id)
    )
    found: dict[int, list[TransferChange]] = defaultdict(list)
    for r in rows:
        found[r.transfer_id].append(TransferChange(r.at, r.field, r.old, r.new, r.mention_id))
    return dict(found)


def change_mark(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(transfer_changes.c.id), 0))).scalar_one())


def changes_since(conn: Connection, mark: int) -> tuple[int, int]:
    """Transfers created and transfers changed by the change-log rows after ``mark``: a
    created transfer logs its first status with no value before."""
    created, touched = set(), set()
    for row in conn.execute(
        select(
            transfer_changes.c.transfer_id, transfer_changes.c.field, transfer_changes.c.old
        ).where(transfer_changes.c.id > mark)
    ):
        touched.add(row.transfer_id)
        if row.field == "status" and row.old is None:
            created.add(row.transfer_id)
    return len(created), len(touched - created)


def transfer_history(conn: Connection, transfer_id: int) -> list[TransferChange]:
    """Every change of one transfer's record, oldest first."""
    rows = conn.execute(
        select(transfer_changes)
        .where(transfer_changes.c.transfer_id == transfer_id)
        .order_by(transfer_changes.c.id)
    )
    return [TransferChange(r.at, r.field, r.old, r.new, r.mention_id) for r in rows]
