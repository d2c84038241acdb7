"""Query parameters shared by the API, the pages and the feed: one definition, one check.

FastAPI validates them from the annotations (a bad value is a 422 naming the parameter),
and they show in the OpenAPI schema with their allowed values.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query, Request

from armstrack.records import Category
from armstrack.store.queries import SortKey, TransferFilter

MAX_PAGE = 500  # rows per page: a request can never ask the database for everything
DEFAULT_PAGE = 50

ActorId = Annotated[
    str | None,
    Query(
        max_length=100,
        description="a state's ISO 3166-1 alpha-3 code (IRN), an armed group's slug "
        "(houthis), or a name the catalogue knows (Iran, Ansar Allah)",
    ),
]
Sort = SortKey
StatusName = Literal["discussed", "agreed", "delivered"]


def transfer_filter(
    request: Request,
    supplier: ActorId = None,
    recipient: ActorId = None,
    actor: Annotated[ActorId, Query(description="either side; code, slug or name")] = None,
    category: Category | None = None,
    system: Annotated[
        str | None, Query(max_length=100, description="system or family name (substring)")
    ] = None,
    status: Annotated[StatusName | None, Query(description="at least this status")] = None,
    since: Annotated[date | None, Query(description="last reported on or after")] = None,
    until: Annotated[date | None, Query(description="first reported on or before")] = None,
    min_origins: Annotated[
        int, Query(ge=0, le=10_000, description="at least this many independent origins")
    ] = 0,
    sort: Sort = "last_reported",
    order: Literal["asc", "desc"] = "desc",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> TransferFilter:
    catalogue = request.app.state.store.catalogue

    def actor_id(text: str | None) -> str | None:
        # An actor nobody knows stays as typed: it matches nothing, which is the answer.
        return (catalogue.find_actor(text) or text) if text else None

    return TransferFilter(
        supplier=actor_id(supplier),
        recipient=actor_id(recipient),
        actor=actor_id(actor),
        category=category.value if category else None,
        system=system,
        status=status,
        since=since,
        until=until,
        min_origins=min_origins,
        sort=sort,
        descending=order == "desc",
        limit=limit,
        offset=offset,
    )
