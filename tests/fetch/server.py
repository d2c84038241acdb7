"""A real HTTP server on loopback for the fetch tests, and a clock that only moves when
slept on. Routes are functions of the request; the server counts what it was asked."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """An answer: a ``bytes`` body is sent with its Content-Length; an iterable one is
    streamed, chunked if ``chunked``, else until the connection closes."""

    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    chunked: bool = False


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]  # names in lower case
    count: int  # the how-manieth request for this path, from 1


Route = Callable[[Request], Reply]


@dataclass
class Stream:
    """What happened to the last streamed body: bytes written, whether all were."""

    sent: int = 0
    complete: bool = False
    ended: threading.Event = field(default_factory=threading.Event)


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[Request] = []
        self.stream = Stream()
        self.release = threading.Event()  # slow routes wait for it, or the teardown
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.01,), daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    def add(self, path: str, route: Route) -> None:
        self.routes[path] = route

    def document(
        self,
        path: str,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        *,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """A fixed document, answered 304 when the request's validators match."""

        def route(request: Request) -> Reply:
            headers = [("Content-Type", content_type)]
            headers += [("ETag", etag)] if etag else []
            headers += [("Last-Modified", last_modified)] if last_modified else []
            match = request.headers.get("if-none-match")
            since = request.headers.get("if-modified-since")
            if (etag and match == etag) or (not etag and last_modified and since == last_modified):
                return Reply(304, headers=headers[1:])
            return Reply(200, body, headers)

        self.add(path, route)

    def asked(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]

    def record(self, path: str, headers: dict[str, str]) -> Request:
        with self._lock:
            self.hits[path] += 1
            request = Request(path, headers, self.hits[path])
            self.requests.append(request)
        return request


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on purpose (a timeout test) is not news


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


def _handler(owner: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            headers = {name.lower(): value for name, value in self.headers.items()}
            request = owner.record(self.path, headers)
            route = owner.routes.get(self.path)
            reply = route(request) if route else Reply(404, b"no such page")
            self.send_response(reply.status)
            for name, value in reply.headers:
                self.send_header(name, value)
            if isinstance(reply.body, bytes):
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            else:
                self._stream(iter(reply.body), reply.chunked)

        def _stream(self, pieces: Iterator[bytes], chunked: bool) -> None:
            stream = owner.stream = Stream()
            if chunked:
                self.send_header("Transfer-Encoding", "chunked")
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            try:
                for piece in pieces:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
                    stream.sent += len(piece)
                if chunked:
                    self.wfile.write(b"0\r\n\r\n")
                stream.complete = True
            except OSError:  # the client hung up: what it refused is not sent
                self.close_connection = True
            finally:
                stream.ended.set()

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the tests look at owner.requests instead

    return Handler


class FakeClock:
    """A monotonic clock that moves only when slept on (or moved by hand)."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
