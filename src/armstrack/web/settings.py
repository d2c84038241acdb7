"""How the web app is served: one settings object, built once and kept in ``app.state``."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.requests import Request

# A POST /api/ingest body larger than this is refused (413) before it is read: 1,000
# long news articles are about 10 MB of JSON, and a request must not fill the memory.
MAX_BODY = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebSettings:
    """``ingest_token`` turns on POST /api/ingest; ``base_url`` is the public address that
    absolute links (the Atom feed's) start with, such as ``https://arms.example.org/tracker``
    (None: the address the server is bound to); ``max_body`` caps an ingest body in bytes;
    ``archive`` is the folder of WARC files that fetched pages are served from."""

    ingest_token: str | None = None
    base_url: str | None = None
    max_body: int = MAX_BODY
    archive: str | None = None  # the WARC folder that fetched pages were archived in

    def __post_init__(self) -> None:
        if self.base_url is not None:
            object.__setattr__(self, "base_url", _checked_base(self.base_url))
        if self.max_body < 1:
            raise ValueError(f"max_body: {self.max_body} is not a positive number of bytes")


def _checked_base(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            f"base URL {url!r} is not an http(s) address; give one such as "
            "https://arms.example.org or https://example.org/armstrack"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"base URL {url!r} must have no query, fragment or credentials")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def public_base(request: Request) -> str:
    """The address absolute links start with, without a trailing slash: the configured base
    URL, else the address the server is bound to. Never the request's Host header, which
    the client chooses (a forged one would end up in links that others follow)."""
    settings: WebSettings = request.app.state.settings
    if settings.base_url:
        return settings.base_url
    server = request.scope.get("server")
    if not server or server[1] is None:  # a Unix socket: no address to name
        return "http://localhost"
    host, port = server
    scheme = "https" if request.scope.get("scheme") == "https" else "http"
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[scheme]
    return f"{scheme}://{host}" + ("" if port == default else f":{port}")
