"""JSON endpoints under /api/: thin wrappers over the store's queries."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, TypeAdapter, ValidationError

from armstrack.records import Article
from armstrack.store import Store, browse
from armstrack.store.queries import TransferFilter
from armstrack.web.models import (
    ActorOut,
    ArticleIn,
    ArticleOut,
    ChangeOut,
    EdgeOut,
    ErrorOut,
    IngestOut,
    PeriodOut,
    SearchHitOut,
    SystemOut,
    TimelineOut,
    TransferDetailOut,
    TransferOut,
    TransferPage,
)
from armstrack.web.moved import merged_redirect
from armstrack.web.params import MAX_PAGE, Text, transfer_filter
from armstrack.web.settings import MAX_BODY, WebSettings

# Declared on every route that takes parameters, in place of FastAPI's default 422 schema,
# which is not what the app sends (app._invalid renders every 422 from ErrorOut).
BAD_REQUEST: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorOut, "description": "a bad parameter, named in the detail"}
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "no such record"},
    **BAD_REQUEST,
}
MAX_ARTICLES = 1000  # per POST /api/ingest
Filters = Annotated[TransferFilter, Depends(transfer_filter)]
Id = Annotated[int, Path(ge=1, le=2**62)]
ActorPath = Annotated[Text, Path(max_length=100)]
SystemPath = Annotated[Text, Path(max_length=100)]


async def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(store_of)]
router = APIRouter(prefix="/api", tags=["api"])


def json_response(model: BaseModel) -> Response:
    """The model as JSON, serialised once by pydantic: returning the model would have
    FastAPI dump it, validate it again against the response model and dump it again
    (measured: a third of a 50-transfer page's time)."""
    return Response(model.model_dump_json(), media_type="application/json")


# The two busiest endpoints are coroutines that query the store in the event loop: their
# work is a few milliseconds of CPU, bounded by the page size and one transfer's reports,
# and a hop to the thread pool and back cost 13% of it under load (the server processes,
# `serve --workers`, are what run requests in parallel).
@router.get("/transfers", response_model=TransferPage, responses=BAD_REQUEST)
async def list_transfers(store: StoreDep, filters: Filters) -> Response:
    """Resolved transfers matching every filter given, one page at a time."""
    items, total = store.transfer_page(filters)
    page = TransferPage.model_validate(
        {
            "total": total,
            "limit": filters.limit,
            "offset": filters.offset,
            "sort": filters.sort,
            "order": "desc" if filters.descending else "asc",
            "items": [TransferOut.fields_of(t) for t in items],
        }
    )
    return json_response(page)


@router.get("/transfers/{transfer_id}", response_model=TransferDetailOut, responses=NOT_FOUND)
async def get_transfer(request: Request, store: StoreDep, transfer_id: Id) -> Response:
    """One transfer: status timeline, reports grouped by independent origin, their
    claims and evidence (offsets into each article's text). A transfer merged into
    another redirects (308) there."""
    if moved := merged_redirect(request, store, transfer_id):
        return moved
    detail = store.transfer(transfer_id)
    if detail is None:
        raise HTTPException(404, f"no transfer {transfer_id}")
    return json_response(TransferDetailOut.of(detail))


_CHANGES = TypeAdapter(list[ChangeOut])


@router.get("/transfers/{transfer_id}/history", response_model=list[ChangeOut], responses=NOT_FOUND)
async def get_transfer_history(request: Request, store: StoreDep, transfer_id: Id) -> Response:
    """Every change of one transfer's record (status, quantity, systems, dates, origins,
    deniers, merges), oldest first, with the report that was newest when it changed."""
    if moved := merged_redirect(request, store, transfer_id):
        return moved
    changes = store.transfer_history(transfer_id)
    if not changes and store.transfer(transfer_id) is None:
        raise HTTPException(404, f"no transfer {transfer_id}")
    items = [ChangeOut.model_validate(c, from_attributes=True) for c in changes]
    return Response(_CHANGES.dump_json(items), media_type="application/json")


@router.get("/articles/{article_id}", response_model=ArticleOut, responses=NOT_FOUND)
def get_article(
    store: StoreDep,
    article_id: Id,
    version: Annotated[int | None, Query(ge=1, le=100_000)] = None,
) -> Response:
    """A stored article's exact text with every extracted span (evidence and claims)."""
    with store.engine.connect() as conn:
        view = browse.article_view(conn, article_id, version)
    if view is None:
        raise HTTPException(
            404, f"no article {article_id}" + (f" version {version}" if version else "")
        )
    return json_response(ArticleOut.of(view))


@router.get("/actors/{actor_id}", response_model=ActorOut, responses=NOT_FOUND)
def get_actor(store: StoreDep, actor_id: ActorPath) -> ActorOut:
    """A state or armed group: who supplies it and whom it supplies."""
    resolved = store.catalogue.find_actor(actor_id) or actor_id
    with store.engine.connect() as conn:
        view = browse.actor_view(conn, store.catalogue, resolved)
    if view is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return ActorOut.of(view)


@router.get("/systems", response_model=list[SystemOut], responses=BAD_REQUEST)
def list_systems(
    store: StoreDep,
    reported: Annotated[bool, Query(description="only systems some transfer names")] = True,
) -> list[SystemOut]:
    """Catalogued weapon systems with how many resolved transfers name each."""
    with store.engine.connect() as conn:
        systems, _families = browse.system_counts(conn)
    found = [
        _system(store, name, systems.get(name, 0))
        for name in sorted(store.catalogue.systems)
        if systems.get(name, 0) or not reported
    ]
    return sorted(found, key=lambda s: (-s.transfers, s.name))


@router.get("/systems/{name}", response_model=SystemOut, responses=NOT_FOUND)
def get_system(store: StoreDep, name: SystemPath) -> SystemOut:
    """One catalogued system (or family head) and how many transfers name it."""
    entry = _catalogued(store, name)
    if entry is None:
        raise HTTPException(404, f"no system {name!r} in the catalogue")
    with store.engine.connect() as conn:
        systems, families = browse.system_counts(conn)
    return _system(store, entry, max(systems.get(entry, 0), families.get(entry, 0)))


def _catalogued(store: Store, name: str) -> str | None:
    if name in store.catalogue.systems:
        return name
    wanted = name.casefold()
    for entry in store.catalogue.systems.values():
        if wanted in (n.casefold() for n in (entry.name, *entry.aliases)):
            return entry.name
    return None


def _system(store: Store, name: str, count: int) -> SystemOut:
    entry = store.catalogue.systems[name]
    return SystemOut(
        name=entry.name,
        family=entry.family,
        category=entry.category.value,
        origin=entry.origin,
        aliases=list(entry.aliases),
        transfers=count,
    )


@router.get("/network", response_model=list[EdgeOut], responses=BAD_REQUEST)
def get_network(store: StoreDep, filters: Filters) -> list[EdgeOut]:
    """Supplier -> recipient edges (transfer counts by category) over the filtered transfers."""
    with store.engine.connect() as conn:
        edges = browse.network(conn, store.catalogue, filters)
    return [EdgeOut.of(e) for e in edges]


@router.get("/timeline", response_model=TimelineOut, responses=BAD_REQUEST)
def get_timeline(
    store: StoreDep,
    filters: Filters,
    by: Literal["category", "status"] = "category",
    grain: Literal["month", "quarter", "year"] = "month",
) -> TimelineOut:
    """Transfers per period of first report, split by category or status."""
    with store.engine.connect() as conn:
        periods = browse.timeline(conn, filters, by, grain)
    return TimelineOut(
        by=by, grain=grain, periods=[PeriodOut(period=p, counts=c) for p, c in periods]
    )


@router.get("/search", response_model=list[SearchHitOut], responses=BAD_REQUEST)
def search(
    store: StoreDep,
    q: Annotated[Text, Query(min_length=1, max_length=200, description="words to find")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
) -> list[SearchHitOut]:
    """Full-text search over stored articles, newest first; matches are in [brackets]."""
    return [SearchHitOut.of(h) for h in store.search(q, limit)]


@router.get("/stats")
def get_stats(store: StoreDep) -> dict[str, object]:
    """Counts that summarise the database."""
    return store.stats()


_ARTICLES = TypeAdapter(list[ArticleIn])
_BEARER = HTTPBearer(auto_error=False, description="the token the server was started with")

# The body is read by hand (see _sent_articles), so its schema is declared by hand; an
# article holds no nested model, so its schema is complete without references.
_ARTICLES_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "array",
                "maxItems": MAX_ARTICLES,
                "items": ArticleIn.model_json_schema(),
            }
        }
    },
}


async def _authorised(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
) -> None:
    settings: WebSettings = request.app.state.settings
    token = settings.ingest_token or ""
    # HTTPBearer takes the scheme in any case and nothing but Bearer.
    given = credentials.credentials if credentials else ""
    if not token or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong token", {"WWW-Authenticate": "Bearer"})


async def _sent_articles(
    request: Request, _: Annotated[None, Depends(_authorised)]
) -> list[ArticleIn]:
    # The route declares no body parameter, so FastAPI reads nothing before the token is
    # checked (the dependency above) and the body is read here, counted as it arrives.
    settings: WebSettings = request.app.state.settings
    return _parse_articles(await _body(request, settings.max_body))


def ingest_router(max_body: int = MAX_BODY) -> APIRouter:
    """POST /api/ingest, only mounted when the server was started with a token; a body
    over ``max_body`` bytes (the app's settings say how many) is refused unread."""
    guarded = APIRouter(prefix="/api", tags=["ingest"])

    @guarded.post(
        "/ingest",
        response_model=IngestOut,
        responses={
            401: {"model": ErrorOut, "description": "missing or wrong token"},
            413: {
                "model": ErrorOut,
                "description": f"over {MAX_ARTICLES:,} articles, or a body over {max_body:,} bytes",
            },
            **BAD_REQUEST,
        },
        openapi_extra={"requestBody": _ARTICLES_BODY},
    )
    def ingest(
        store: StoreDep, articles: Annotated[list[ArticleIn], Depends(_sent_articles)]
    ) -> IngestOut:
        """Store and resolve articles (send ``Authorization: Bearer TOKEN``)."""
        if len(articles) > MAX_ARTICLES:
            raise HTTPException(413, f"send at most {MAX_ARTICLES:,} articles per request")
        summary = store.ingest(
            Article(
                # Without a URL or id, the text names the article: resending it is a no-op.
                id=a.id or a.url or hashlib.sha256(a.text.encode()).hexdigest()[:16],
                text=a.text,
                published=a.published,
                url=a.url,
                title=a.title,
                outlet=a.outlet,
                source="api",
            )
            for a in articles
        )
        return IngestOut(
            added=dict(summary.added), skipped=dict(summary.skipped), at=datetime.now(UTC)
        )

    return guarded


async def _body(request: Request, limit: int) -> bytearray:
    """The request's body, refused with 413 as soon as it is known to exceed ``limit``
    bytes: from its Content-Length before any of it is read, else (a chunked body) from
    the bytes received so far."""
    too_large = HTTPException(
        413, f"the body is over {limit:,} bytes: send fewer articles per request"
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return body


def _parse_articles(body: bytearray) -> list[ArticleIn]:
    try:
        return _ARTICLES.validate_json(body)
    except ValidationError as exc:
        # The same 422 as a body FastAPI had validated: locations start with "body".
        errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]
        raise RequestValidationError(errors) from None


__all__ = ["ingest_router", "router"]
