"""The web application: REST API, pages, feed and packaged static files over one store."""

from __future__ import annotations

import os
from dataclasses import replace
from http import HTTPStatus
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import armstrack
from armstrack.store import Store
from armstrack.web import api, pages
from armstrack.web.models import ErrorOut, ProblemOut
from armstrack.web.settings import MAX_BODY, WebSettings

# Pages load nothing from elsewhere and run no inline script: an injected <script> or
# onclick attribute that slipped through escaping would still not run.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# An archived page is someone else's HTML: it runs in a sandbox (no script, no forms, a
# unique origin), loads nothing (its images and styles would reach out to its site) and
# may be framed only by our article page.
ARCHIVE_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
)
# Swagger UI (packaged by fastapi-offline) starts itself with an inline script.
DOCS_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
DOCS_POLICY = DOCS_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


# What worker processes read to build their own app (see app_from_env).
DB_ENV = "ARMSTRACK_DB"
TOKEN_ENV = "ARMSTRACK_INGEST_TOKEN"
BASE_URL_ENV = "ARMSTRACK_BASE_URL"
MAX_BODY_ENV = "ARMSTRACK_MAX_BODY"
ARCHIVE_ENV = "ARMSTRACK_ARCHIVE"


def app_from_env() -> FastAPI:
    """The app over $ARMSTRACK_DB (token: $ARMSTRACK_INGEST_TOKEN, base URL:
    $ARMSTRACK_BASE_URL, body cap: $ARMSTRACK_MAX_BODY bytes): the factory each of
    uvicorn's worker processes calls when ``armstrack serve --workers`` is above 1."""
    from armstrack.store import open_store

    max_body = os.environ.get(MAX_BODY_ENV) or str(MAX_BODY)
    if not max_body.isdigit():
        raise ValueError(f"${MAX_BODY_ENV}: {max_body!r} is not a number of bytes")
    settings = WebSettings(
        ingest_token=os.environ.get(TOKEN_ENV) or None,
        base_url=os.environ.get(BASE_URL_ENV) or None,
        archive=os.environ.get(ARCHIVE_ENV) or None,
        max_body=int(max_body),
    )
    return create_app(open_store(os.environ[DB_ENV]), settings=settings)


def create_app(
    store: Store, ingest_token: str | None = None, settings: WebSettings | None = None
) -> FastAPI:
    """The application over an open store, served as ``settings`` say; ``ingest_token``
    (kept for callers that set nothing else) turns on POST /api/ingest, over the
    settings' token."""
    settings = settings or WebSettings()
    if ingest_token:
        settings = replace(settings, ingest_token=ingest_token)
    app = FastAPIOffline(
        title="armstrack",
        version=armstrack.__version__,
        description="Reported international arms transfers, with their sources and evidence.",
        redoc_url=None,
        # A redirect to the path without its trailing slash would be an absolute URL
        # built from the request's Host header: such a path is a 404 instead.
        redirect_slashes=False,
    )
    app.state.store = store
    app.state.settings = settings
    app.include_router(api.router)
    if settings.ingest_token:
        app.include_router(api.ingest_router(settings.max_body))
    app.include_router(pages.router)
    static = resources.files("armstrack.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    icon = str(static / "favicon.svg")

    # Pages declare the icon; Swagger UI and feed readers still ask for the old path.
    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(icon, media_type="image/svg+xml")

    # Starlette's own HTTPException too: unknown paths and wrong methods raise it.
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _crash)
    app.add_middleware(_DropEmptyParams)
    app.add_middleware(_HeadAsGet)
    app.add_middleware(_SecurityHeaders)
    return app


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path.endswith((".xml", ".csv", ".json")))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _wants_html(request):
        title = HTTPStatus(exc.status_code).phrase
        return pages.page(
            request,
            "error.html",
            exc.status_code,
            message=exc.detail,
            title=title,
            headers=exc.headers,
        )
    body = ErrorOut(detail=str(exc.detail)).model_dump()
    return JSONResponse(body, exc.status_code, headers=exc.headers)


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [
        ProblemOut(
            parameter=".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]),
            problem=e["msg"],
        )
        for e in exc.errors()
    ]
    if _wants_html(request):
        message = "; ".join(f"{p.parameter}: {p.problem}" for p in problems)
        return pages.page(
            request, "error.html", 422, message=f"Bad request: {message}", title="Bad request"
        )
    return JSONResponse(ErrorOut(detail=problems).model_dump(), 422)


async def _crash(request: Request, exc: Exception) -> Response:
    # A bug: say so plainly and keep the traceback in the server log (uvicorn prints it).
    if _wants_html(request):
        return pages.page(
            request, "error.html", 500, message="Internal error.", title="Internal error"
        )
    return JSONResponse(ErrorOut(detail="internal error").model_dump(), 500)


class _SecurityHeaders:
    """The content policy and hardening headers on every response.

    A plain ASGI middleware: FastAPI's ``@app.middleware("http")`` wraps each response in
    a stream between two tasks, which cost about a millisecond per request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] in ("/docs", "/docs/oauth2-redirect")
        policy = DOCS_POLICY if docs else PAGE_POLICY
        if scope["path"].endswith("/archived"):
            policy = ARCHIVE_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = policy
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _HeadAsGet:
    """HEAD is GET without the body (RFC 9110): FastAPI routes answer only the methods
    they declare, so every page would answer HEAD with 405."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            # The start message keeps GET's Content-Length; the body parts are dropped.
            kind = message["type"]
            if kind not in ("http.response.body", "http.response.pathsend"):
                await send(message)
            elif not message.get("more_body", False):
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


class _DropEmptyParams:
    """A filter form sends every field, empty or not; an empty field means no filter."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = scope["query_string"].split(b"&")
            kept = b"&".join(p for p in pairs if p and not p.endswith(b"="))
            scope = {**scope, "query_string": kept}
        await self.app(scope, receive, send)
