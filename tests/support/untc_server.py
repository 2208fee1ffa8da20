"""A local stand-in for treaties.un.org, for tests: a real HTTP server on 127.0.0.1 only.

Usage::

    from tests.support.untc_server import UntcMirror, FIXTURES

    with UntcMirror(FIXTURES) as mirror:
        client = UntcClient(base_url=mirror.base_url, sleep=lambda _s: None)
        mirror.route(mirror.xml_path("XVIII-12-a"), status=500, times=1)   # first try fails
        status, raw, url = client.fetch_status("XVIII-12-a", 18)
        assert mirror.paths().count(mirror.xml_path("XVIII-12-a")) == 2

API
---
``UntcMirror(root_dir=FIXTURES, *, xml_volume="II")``
    Context manager; entering starts a ``ThreadingHTTPServer`` on 127.0.0.1 at a free port,
    leaving stops it (handlers still sleeping in a ``delay`` are woken and answer nothing).
    Default routes, for GET, read from ``root_dir`` on every request:

    - ``/doc/Publication/MTDSG/Volume <xml_volume>/Chapter <ROMAN>/<file>`` -> ``root_dir/<file>``
      if that file exists (exact, case-sensitive name: ``xviii-12-a.en.xml`` is found, the
      upper-case variant is a 404); ``xml_volume="I"`` serves the feeds at the older path only.
    - ``/Pages/ViewDetails.aspx?...mtdsg_no=<no>...`` -> ``root_dir/ViewDetails_<no lower>.html``
      if it exists.
    - anything else -> 404.

``.base_url``
    ``http://127.0.0.1:<port>`` (no trailing slash); pass it as the client's base URL.
``.url(path) -> str``
    ``base_url + path``.
``.xml_path(mtdsg_no, volume="II", upper=False) -> str`` / ``.page_path(mtdsg_no, chapter=18)``
    The request paths UNTC uses for a feed and a status page (percent-encoded, as sent).
``.route(path, *, status=200, body=None, file=None, delay=0.0, redirect=None, headers=None,
content_length=True, times=None, trickle=0.0) -> None``
    Override what ``path`` (path plus query; percent-encoding is ignored when matching) answers:
    ``body`` bytes or ``file`` (a name in ``root_dir``), else a short text body; ``delay``
    seconds before answering (to trigger client timeouts); ``redirect`` sends a 302 (unless
    ``status`` is another 3xx) to that location, absolute or relative; ``headers`` are added;
    ``content_length=False`` omits Content-Length (body delimited by closing the connection);
    ``times=N`` applies the override to the next N requests only, then the path falls back to
    the default route; ``trickle`` seconds between single bytes of the body (a server that
    never goes quiet for a whole read timeout, yet takes ages); ``header_trickle`` seconds between
    single bytes of a long header line sent before any other header (a server that never
    finishes its headers). A new ``route`` for the same path replaces the previous one.
``.requests -> list[SeenRequest]``
    Every request so far, in order: ``SeenRequest(path, headers)`` (headers as a dict).
``.paths() -> list[str]``
    Just the request paths, in order.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "untc"


@dataclass(frozen=True)
class SeenRequest:
    path: str
    headers: dict[str, str]


@dataclass
class _Route:
    status: int = 200
    body: bytes | None = None
    file: str | None = None
    delay: float = 0.0
    redirect: str | None = None
    headers: dict[str, str] | None = None
    content_length: bool = True
    times: int | None = None
    trickle: float = 0.0
    header_trickle: float = 0.0


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a client that hung up (timeouts, size caps) is part of the tests
        super().handle_error(request, client_address)


def _content_type(name: str) -> str:
    if name.endswith(".xml"):
        return "text/xml; charset=utf-8"
    return "text/html; charset=utf-8"


class UntcMirror:
    """Serves UNTC-shaped URLs from a folder of fixtures; see the module docstring for the API."""

    def __init__(self, root_dir: Path = FIXTURES, *, xml_volume: str = "II") -> None:
        self.root_dir = Path(root_dir)
        self.xml_volume = xml_volume
        self._routes: dict[str, _Route] = {}
        self._seen: list[SeenRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> UntcMirror:
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )  # a short poll so that leaving the context is quick
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stopping.set()
        if self._server:
            self._server.shutdown()
            self._server.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("UntcMirror is not running; use it as a context manager")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    # -- paths -----------------------------------------------------------------------------
    @staticmethod
    def xml_path(mtdsg_no: str, volume: str = "II", upper: bool = False) -> str:
        roman = mtdsg_no.split("-")[0]
        name = mtdsg_no if upper else mtdsg_no.lower()
        return f"/doc/Publication/MTDSG/Volume%20{volume}/Chapter%20{roman}/{name}.en.xml"

    @staticmethod
    def page_path(mtdsg_no: str, chapter: int = 18) -> str:
        return f"/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={mtdsg_no}&chapter={chapter}&clang=_en"

    # -- configuration and inspection ------------------------------------------------------
    def route(
        self,
        path: str,
        *,
        status: int = 200,
        body: bytes | None = None,
        file: str | None = None,
        delay: float = 0.0,
        redirect: str | None = None,
        headers: dict[str, str] | None = None,
        content_length: bool = True,
        times: int | None = None,
        trickle: float = 0.0,
        header_trickle: float = 0.0,
    ) -> None:
        if redirect and not 300 <= status < 400:
            status = 302
        with self._lock:
            self._routes[unquote(path)] = _Route(
                status,
                body,
                file,
                delay,
                redirect,
                headers,
                content_length,
                times,
                trickle,
                header_trickle,
            )

    @property
    def requests(self) -> list[SeenRequest]:
        with self._lock:
            return list(self._seen)

    def paths(self) -> list[str]:
        return [seen.path for seen in self.requests]

    # -- used by the handler ---------------------------------------------------------------
    def _record_and_route(self, path: str, headers: dict[str, str]) -> _Route:
        with self._lock:
            self._seen.append(SeenRequest(path, headers))
            route = self._routes.get(unquote(path))
            if route is None:
                return self._default(path)
            if route.times is not None:
                route.times -= 1
                if route.times <= 0:
                    del self._routes[unquote(path)]
            return route

    def _default(self, path: str) -> _Route:
        parts = urlsplit(path)
        segments = unquote(parts.path).split("/")
        feed_dir = ["", "doc", "Publication", "MTDSG", f"Volume {self.xml_volume}"]
        if segments[:5] == feed_dir and len(segments) == 7 and segments[5].startswith("Chapter "):
            return self._file_route(segments[6])
        if parts.path.lower() == "/pages/viewdetails.aspx":
            number = parse_qs(parts.query).get("mtdsg_no", [""])[0]
            return self._file_route(f"ViewDetails_{number.lower()}.html")
        return _Route(status=404)

    def _file_route(self, name: str) -> _Route:
        # An exact listing, so case differences and "../" never reach the file system.
        names = {p.name for p in self.root_dir.iterdir() if p.is_file()}
        return _Route(file=name) if name in names else _Route(status=404)

    def _body(self, route: _Route) -> tuple[bytes, str]:
        if route.body is not None:
            return route.body, "text/html; charset=utf-8"
        if route.file is not None:
            return (self.root_dir / route.file).read_bytes(), _content_type(route.file)
        return f"HTTP {route.status}\n".encode(), "text/plain; charset=utf-8"


def _handler_for(mirror: UntcMirror) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = mirror._record_and_route(self.path, dict(self.headers.items()))
            if route.delay and mirror._stopping.wait(route.delay):
                return  # shutting down: answer nothing
            body, content_type = mirror._body(route)
            if route.header_trickle:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(f"HTTP/1.1 {route.status} OK\r\nX-Slow: ".encode())
                    self.wfile.flush()
                    for _ in range(100_000):
                        if mirror._stopping.wait(route.header_trickle):
                            return
                        self.wfile.write(b"a")
                        self.wfile.flush()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", content_type)
            if route.redirect:
                self.send_header("Location", route.redirect)
            for name, value in (route.headers or {}).items():
                self.send_header(name, value)
            if route.content_length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may give up first (size cap, timeout): expected in tests.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                if not route.trickle:
                    self.wfile.write(body)
                    return
                for index in range(len(body)):
                    if mirror._stopping.wait(route.trickle):
                        return  # shutting down
                    self.wfile.write(body[index : index + 1])

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    return Handler
