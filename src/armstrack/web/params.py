"""Query parameters shared by the API, the pages and the feed: one definition, one check.

FastAPI validates them from the annotations (a bad value is a 422 naming the parameter),
and they show in the OpenAPI schema with their allowed values.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from armstrack.records import Category
from armstrack.store.queries import SortKey, TransferFilter, narrow

MAX_PAGE = 500  # rows per page: a request can never ask the database for everything
DEFAULT_PAGE = 50

_ACTOR = (
    "a state's ISO 3166-1 alpha-3 code (IRN), an armed group's slug (houthis), or a name "
    "the catalogue knows (Iran, Ansar Allah)"
)
Sort = SortKey


def _no_nul(value: str) -> str:
    # PostgreSQL refuses NUL in any string (a query with one fails), and SQLite ends a
    # LIKE pattern at it (so "%\x00" matched every transfer).
    if "\x00" in value:
        raise ValueError("must not contain a NUL character")
    return value


# Every text a client sends (parameters, paths, ingested articles) is of this type.
Text = Annotated[str, AfterValidator(_no_nul)]
StatusName = Literal["discussed", "agreed", "delivered"]


class FilterParams(BaseModel):
    """The filters as one query model: FastAPI validates it in one pass (per-parameter
    dependencies cost 2.5 ms a request, a third of a page of transfers)."""

    model_config = ConfigDict(extra="ignore")  # pages take other parameters too

    supplier: Text | None = Field(None, max_length=100, description=_ACTOR)
    recipient: Text | None = Field(None, max_length=100, description=_ACTOR)
    actor: Text | None = Field(None, max_length=100, description="either side; code, slug or name")
    category: Category | None = None
    system: Text | None = Field(
        None, max_length=100, description="system or family name (substring)"
    )
    status: StatusName | None = Field(None, description="at least this status")
    since: date | None = Field(None, description="last reported on or after")
    until: date | None = Field(None, description="first reported on or before")
    min_origins: int = Field(
        0, ge=0, le=10_000, description="at least this many independent origins"
    )
    sort: Sort = "last_reported"
    order: Literal["asc", "desc"] = "desc"
    limit: int = Field(DEFAULT_PAGE, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=10_000_000)


async def transfer_filter(
    request: Request, params: Annotated[FilterParams, Query()]
) -> TransferFilter:
    # async: no I/O here, and a plain def would cost a hop to the thread pool.

    catalogue = request.app.state.store.catalogue

    def actor_id(text: str | None) -> str | None:
        # An actor nobody knows stays as typed: it matches nothing, which is the answer.
        return (catalogue.find_actor(text) or text) if text else None

    filters = TransferFilter(
        supplier=actor_id(params.supplier),
        recipient=actor_id(params.recipient),
        actor=actor_id(params.actor),
        category=params.category.value if params.category else None,
        system=params.system,
        status=params.status,
        since=params.since,
        until=params.until,
        min_origins=params.min_origins,
        sort=params.sort,
        descending=params.order == "desc",
        limit=params.limit,
        offset=params.offset,
    )
    return narrow(filters, catalogue)  # the network and timeline views filter too
