"""Server-rendered HTML pages (Jinja2, autoescaped) and the CSV and Atom downloads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from armstrack.errors import ArchiveReadError
from armstrack.fetch.warcs import read_archived
from armstrack.ingest.headline import headline
from armstrack.records import ActorRef, ArticleView, Category, ResolvedTransfer, Status
from armstrack.store import Store, browse, export, queries
from armstrack.store.queries import TransferFilter, actor_ref
from armstrack.web import chart, network, render
from armstrack.web.api import ActorPath, Filters, Id, StoreDep, SystemPath, _catalogued
from armstrack.web.feed import atom
from armstrack.web.models import by_origin
from armstrack.web.moved import merged_redirect
from armstrack.web.params import DEFAULT_PAGE, MAX_PAGE, Sort, Text, transfer_filter
from armstrack.web.settings import public_base

templates = Jinja2Templates(directory=str(resources.files("armstrack.web") / "templates"))
templates.env.filters["safe_url"] = render.safe_url
templates.env.filters["marked"] = render.marked
templates.env.filters["speaker_extras"] = render.speaker_extras
templates.env.filters["num"] = render.number
templates.env.globals.update(
    categories=[c.value for c in Category],
    statuses=[s.label for s in Status],
    category_colours=render.CATEGORY_COLOURS,
    status_colours=render.STATUS_COLOURS,
    stance_labels={s.value: label for s, label in render.STANCE_LABELS.items()},
    page_sizes=(25, DEFAULT_PAGE, 100, 250, MAX_PAGE),
)
router = APIRouter(include_in_schema=False)
FEED_SIZE = 50


def page(
    request: Request,
    name: str,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, context, status_code=status_code, headers=headers
    )


def _query(request: Request, **changes: object) -> str:
    """The current query string with some parameters changed (None drops one)."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return urlencode(params)


def _title(view: ArticleView) -> str | None:
    """The stored title, else the text's headline: articles stored before text files
    had titles still show one."""
    return view.title or headline(view.text)


def _deniers(store: Store, items: list[ResolvedTransfer]) -> dict[str, ActorRef]:
    """The actors denying any of these transfers, by id: the table names and links them."""
    ids = {actor for t in items for actor in t.denied_by}
    return {actor: actor_ref(store.catalogue, actor) for actor in ids}


@router.get("/", response_class=HTMLResponse)
def transfers_page(request: Request, store: StoreDep, filters: Filters) -> HTMLResponse:
    items, total = store.transfer_page(filters)
    return page(
        request,
        "transfers.html",
        items=items,
        deniers=_deniers(store, items),
        total=total,
        filters=filters,
        query=lambda **changes: _query(request, **changes),
        params=request.query_params,
        title="Transfers",
    )


@router.get("/transfers.csv")
def transfers_csv(store: StoreDep, filters: Filters) -> Response:
    """Exactly the rows the table shows with the same parameters (this page, this sort)."""
    with store.engine.connect() as conn:
        items = queries.list_transfers(conn, store.catalogue, filters)
    return Response(
        export.to_csv(items),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="transfers.csv"'},
    )


@router.get("/transfers/{transfer_id}", response_class=HTMLResponse)
def transfer_page(request: Request, store: StoreDep, transfer_id: Id) -> Response:
    if moved := merged_redirect(request, store, transfer_id):
        return moved
    detail = store.transfer(transfer_id)
    if detail is None:
        raise HTTPException(404, f"There is no transfer {transfer_id}.")
    reports = {r.mention_id: r for r in detail.reports}
    with store.engine.connect() as conn:
        # Each report's own version: a superseded one's evidence is in an older text.
        texts = {
            r.version_id: browse.article_view(conn, r.article_id, version_id=r.version_id)
            for r in detail.reports
        }
    contexts = {}
    for report in detail.reports:
        view = texts.get(report.version_id)
        if view is None or not report.evidence:
            continue
        start, end = render.context(view.text, report.evidence)
        body = render.date_line(view.text)[0]
        if body <= min(s.start for s in report.evidence):
            start = max(start, body)
        marks = [m for m in view.marks if m.mention_id == report.mention_id]
        contexts[report.mention_id] = (
            start > body,
            render.highlight(view.text, marks, start, end),
            end < len(view.text),
        )
    versions = {v: view.version for v, view in texts.items() if view is not None}
    titles = {v: _title(view) for v, view in texts.items() if view is not None}
    t = detail.transfer
    groups = render.claims_by_stance(detail.reports)
    return page(
        request,
        "transfer.html",
        detail=detail,
        t=t,
        deniers=_deniers(store, [t]),
        origins=by_origin(detail.reports),
        reports=reports,
        contexts=contexts,
        versions=versions,
        titles=titles,
        stance_groups=groups,
        contradicted=render.contradicted(groups),
        changes=store.transfer_history(transfer_id),
        title=f"{t.supplier.name} → {t.recipient.name}: {t.category.value.replace('_', ' ')}",
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    store: StoreDep,
    article_id: Id,
    version: Annotated[int | None, Query(ge=1, le=100_000)] = None,
) -> HTMLResponse:
    with store.engine.connect() as conn:
        view = browse.article_view(conn, article_id, version)
    if view is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    # The stored text is shown from its body on: a text file's date line is the date.
    start, dated = render.date_line(view.text)
    heading = _title(view)
    return page(
        request,
        "article.html",
        a=view,
        heading=heading,
        body=render.highlight(view.text, view.marks, start),
        dated=view.published or dated,
        title=heading or f"Article {article_id}",
        archive_on=request.app.state.settings.archive is not None,
    )


@router.get("/articles/{article_id}/archived")
def archived_page(
    request: Request,
    store: StoreDep,
    article_id: Id,
    version: Annotated[int | None, Query(ge=1, le=100_000)] = None,
) -> Response:
    """The page exactly as armstrack fetched it, from the WARC archive, with its own
    content type; shown sandboxed (see ARCHIVE_POLICY) inside the article page."""
    with store.engine.connect() as conn:
        ref = browse.archived_copy(conn, article_id, version)
    folder = request.app.state.settings.archive
    if ref is None or folder is None:
        raise HTTPException(404, f"There is no archived copy of article {article_id}.")
    try:
        archived = read_archived(folder, ref)
    except ArchiveReadError as error:
        raise HTTPException(404, f"The archived copy cannot be read: {error.message}.") from error
    return Response(
        archived.body,
        media_type=archived.content_type or "application/octet-stream",
        headers={"Content-Disposition": "inline"},
    )


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, actor_id: ActorPath) -> HTMLResponse:
    resolved = store.catalogue.find_actor(actor_id) or actor_id
    with store.engine.connect() as conn:
        view = browse.actor_view(conn, store.catalogue, resolved)
        recent = queries.list_transfers(
            conn, store.catalogue, TransferFilter(actor=resolved, limit=DEFAULT_PAGE)
        )
    if view is None:
        raise HTTPException(404, f"There is no actor {actor_id!r}.")
    return page(
        request,
        "actor.html",
        v=view,
        recent=recent,
        deniers=_deniers(store, recent),
        title=view.actor.name,
    )


@router.get("/systems", response_class=HTMLResponse)
def systems_page(request: Request, store: StoreDep) -> HTMLResponse:
    with store.engine.connect() as conn:
        systems, families = browse.system_counts(conn)
    rows = sorted(
        (
            (store.catalogue.systems[name], count)
            for name, count in systems.items()
            if name in store.catalogue.systems
        ),
        key=lambda r: (-r[1], r[0].name),
    )
    return page(request, "systems.html", rows=rows, families=families, title="Systems")


@router.get("/systems/{name}", response_class=HTMLResponse)
def system_page(request: Request, store: StoreDep, name: SystemPath) -> HTMLResponse:
    canonical = _catalogued(store, name)
    if canonical is None:
        raise HTTPException(404, f"There is no system {name!r} in the catalogue.")
    entry = store.catalogue.systems[canonical]
    members = sorted(s.name for s in store.catalogue.systems.values() if s.family == canonical)
    with store.engine.connect() as conn:
        items = queries.list_transfers(
            conn, store.catalogue, TransferFilter(system=canonical, limit=MAX_PAGE)
        )
    # The filter matches substrings; the page lists only transfers naming this system.
    items = [t for t in items if canonical in t.systems or any(m in t.systems for m in members)]
    return page(
        request,
        "system.html",
        s=entry,
        members=members,
        items=items,
        deniers=_deniers(store, items),
        title=entry.name,
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, filters: Filters) -> HTMLResponse:
    with store.engine.connect() as conn:
        edges = browse.network(conn, store.catalogue, filters)
    return page(
        request,
        "network.html",
        drawing=network.draw_network(edges),
        edges=edges,
        filters=filters,
        params=request.query_params,
        title="Network",
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: StoreDep,
    filters: Filters,
    by: Literal["category", "status"] = "category",
    grain: Literal["month", "quarter", "year"] = "month",
) -> HTMLResponse:
    with store.engine.connect() as conn:
        periods = browse.continuous(browse.timeline(conn, filters, by, grain), grain)
    palette = render.CATEGORY_COLOURS if by == "category" else render.STATUS_COLOURS
    return page(
        request,
        "timeline.html",
        chart=chart.draw_timeline(periods, grain, palette),
        periods=periods,
        by=by,
        grain=grain,
        filters=filters,
        params=request.query_params,
        title="Timeline",
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    q: Annotated[Text, Query(max_length=200)] = "",
) -> HTMLResponse:
    # Control characters as match markers: they cannot occur in a query's words, so the
    # snippet can be escaped whole and the markers turned into <mark> afterwards.
    hits = []
    if q.strip():
        with store.engine.connect() as conn:
            hits = queries.search(conn, q, 50, marks=("\x02", "\x03"))
    return page(request, "search.html", q=q, hits=hits, title="Search")


@router.get("/feed.xml")
def feed(
    request: Request,
    store: StoreDep,
    filters: Annotated[TransferFilter, Depends(transfer_filter)],
) -> Response:
    """Atom: the transfers most recently created or changed, with the table's filters."""
    recent = replace(
        filters, sort="updated_at", descending=True, limit=min(filters.limit, FEED_SIZE)
    )
    with store.engine.connect() as conn:
        items = queries.list_transfers(conn, store.catalogue, recent)
        changes = queries.latest_changes(conn, (t.id for t in items))
    base, query = public_base(request), _query(request)
    body = atom(items, changes, base, f"{base}/feed.xml" + (f"?{query}" if query else ""), query)
    return Response(body, media_type="application/atom+xml; charset=utf-8")


__all__ = ["Sort", "router", "templates"]
