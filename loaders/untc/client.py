"""The HTTP client: polite, bounded and defensive fetching of UNTC's documents."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager

from loaders.model.records import InstrumentStatus
from loaders.untc.errors import (
    RedirectRefusedError,
    ResponseTooLargeError,
    UnreachableError,
    UntcError,
)
from loaders.untc.html_page import parse_html
from loaders.untc.urls import DEFAULT_BASE_URL, status_page_url, xml_feed_urls
from loaders.untc.xml_feed import parse_xml

USER_AGENT = "RatifyAmericas/0.1 (+treaty status dashboard; contact via project repository)"

_REDIRECTS = {301, 302, 303, 307, 308}
_MAX_REDIRECTS = 5


class _Retryable(Exception):
    def __init__(self, reason: str, status: int | None = None, final: bool = False) -> None:
        super().__init__(reason)
        self.status = status
        self.final = final  # the refresh's time limit is up: no retry


class _Watchdog:
    """One request's deadline: when it passes, every socket the request uses is shut down.

    requests' timeouts bound each wait for a byte, not the whole: a server that sends a header
    line one byte a second never waits out a read timeout. Shutting the socket down from a timer
    wakes whatever read is blocked (connect, status line, headers, body) with an error.
    """

    def __init__(self, seconds: float) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(max(0.0, seconds), self._expire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                _shut(sock)
            else:
                self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def __enter__(self) -> _Watchdog:
        _ACTIVE.watchdog = self
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()
        _ACTIVE.watchdog = None


_ACTIVE = threading.local()  # the watchdog of the request this thread is making


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _watched(sock: socket.socket | None) -> None:
    watchdog = getattr(_ACTIVE, "watchdog", None)
    if watchdog is not None and sock is not None:
        watchdog.watch(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watched(sock)
        return sock


class _WatchedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watched(sock)
        return sock


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection

    def _get_conn(self, timeout: float | None = None) -> HTTPConnection:
        conn = cast(HTTPConnection, super()._get_conn(timeout))  # its ConnectionCls makes them
        _watched(conn.sock)  # a kept-alive connection is watched by the request that reuses it
        return conn


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection

    def _get_conn(self, timeout: float | None = None) -> HTTPConnection:
        conn = cast(HTTPConnection, super()._get_conn(timeout))
        _watched(conn.sock)
        return conn


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _WatchedAdapter(HTTPAdapter):
    """requests' adapter, with connections the current request's watchdog can shut down."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_WATCHED_POOLS)

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> PoolManager:
        manager: PoolManager = super().proxy_manager_for(*args, **kwargs)  # typed Any there
        manager.pool_classes_by_scheme = dict(_WATCHED_POOLS)
        return manager


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


class UntcClient:
    """Fetches status documents from UNTC politely and defensively.

    Retries connection errors, timeouts, 429 and 5xx ``retries`` times with exponential back-off
    (``backoff``, ``2 * backoff``, ...; ``sleep`` is injectable for tests); follows redirects only
    within the same scheme and host; refuses bodies over ``max_bytes``. ``timeout`` bounds each
    wait for the server; ``max_seconds`` is one deadline for a whole request (connect, status
    line, headers and body, redirects included), enforced by shutting its socket down, so a
    server that trickles its answer a byte at a time cannot hold it longer. ``deadline`` (a
    ``time.monotonic()`` value) bounds everything the client does: no request, retry or back-off
    runs past it; ``deadline_seconds`` is how long that was, for messages.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (5, 30),
        retries: int = 3,
        backoff: float = 0.5,
        max_bytes: int = 20_000_000,
        max_seconds: float = 60,
        progress: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        deadline: float | None = None,
        deadline_seconds: float | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, _WatchedAdapter())
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.progress = progress or (lambda _line: None)
        self.sleep = sleep
        self.deadline = deadline
        self.deadline_seconds = deadline_seconds

    def _time_left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def _out_of_time(self, url: str) -> UnreachableError:
        limit = f" of {self.deadline_seconds:g} s" if self.deadline_seconds is not None else ""
        return UnreachableError(
            f"{url}: the refresh's time limit{limit} (--timeout) is up; stopped", None
        )

    def fetch(self, url: str) -> bytes:
        """The body at ``url``; raises UnreachableError, RedirectRefusedError, ResponseTooLarge."""
        attempts = self.retries + 1
        for attempt in range(attempts):
            left = self._time_left()
            if left is not None and left <= 0:
                raise self._out_of_time(url)
            try:
                return self._get_within(url, left)
            except _Retryable as exc:
                if exc.final:
                    raise UnreachableError(f"{url}: {exc}", exc.status) from exc
                if attempt + 1 == attempts:
                    raise UnreachableError(
                        f"{url}: {exc} (gave up after {attempts} attempts)", exc.status
                    ) from exc
                delay = self.backoff * 2**attempt
                left = self._time_left()
                if left is not None and left <= delay:
                    raise UnreachableError(
                        f"{url}: {exc}; no time left for another attempt within the refresh's "
                        f"time limit (--timeout)",
                        exc.status,
                    ) from exc
                self.progress(f"retrying {url} in {delay:g} s ({exc})")
                self.sleep(delay)
        raise AssertionError("unreachable")  # the loop always returns or raises

    def fetch_status(self, mtdsg_no: str, chapter: int) -> tuple[InstrumentStatus, bytes, str]:
        """(parsed status, raw bytes, URL used): the XML feed if possible, else the HTML page.

        A 404 moves to the next XML candidate; any other failure of the feed goes straight to
        the HTML page. If that fails too, the error (of the HTML page's kind) lists every URL
        tried and why.
        """
        failures: list[str] = []
        for url in xml_feed_urls(mtdsg_no, chapter, self.base_url):
            try:
                return self._fetch_parsed(url, mtdsg_no, parse_xml)
            except UntcError as exc:
                failures.append(str(exc))
                if not (isinstance(exc, UnreachableError) and exc.status == 404):
                    break
        url = status_page_url(mtdsg_no, chapter, self.base_url)
        try:
            status, content, used = self._fetch_parsed(url, mtdsg_no, parse_html)
            # Why the feed was not used stays with the status (and the snapshot's metadata).
            reason = "; ".join(failures)
            return status.model_copy(update={"fallback_reason": reason}), content, used
        except UntcError as exc:
            failures.append(str(exc))
            tried = "\n".join(f"  - {failure}" for failure in failures)
            message = f"could not read the UNTC status of {mtdsg_no}; tried:\n{tried}"
            error = (
                UnreachableError(message, exc.status)
                if isinstance(exc, UnreachableError)
                else type(exc)(message)
            )
            raise error from exc

    def _fetch_parsed(
        self, url: str, mtdsg_no: str, parse: Callable[[bytes, str, str], InstrumentStatus]
    ) -> tuple[InstrumentStatus, bytes, str]:
        self.progress(f"fetching {mtdsg_no} from {url}")
        content = self.fetch(url)
        status = parse(content, url, mtdsg_no)
        self.progress(
            f"parsed {len(status.participants)} participants "
            f"({status.source_format.upper()}, status as at {status.status_as_at})"
        )
        return status, content, url

    def _get_within(self, url: str, left: float | None) -> bytes:
        """One attempt, within its own deadline and what is left of the refresh's."""
        overall = left is not None and left < self.max_seconds
        seconds = left if overall and left is not None else self.max_seconds
        with _Watchdog(seconds) as watchdog:
            try:
                return self._get(url, watchdog)
            except (_Retryable, UntcError) as exc:
                if not watchdog.expired:
                    raise
                if overall:
                    raise _Retryable(
                        f"the refresh's time limit of {self.deadline_seconds:g} s (--timeout) "
                        "is up; stopped reading",
                        final=True,
                    ) from exc
                raise _Retryable(self._too_slow()) from exc

    def _too_slow(self) -> str:
        return (
            f"the answer took over {self.max_seconds:g} s to arrive; stopped reading (one "
            "deadline covers connect, headers and body)"
        )

    def _get(self, url: str, watchdog: _Watchdog) -> bytes:
        current = url
        for _hop in range(_MAX_REDIRECTS + 1):
            try:
                response = self.session.get(
                    current,
                    headers={"User-Agent": USER_AGENT},
                    timeout=self.timeout,
                    stream=True,
                    allow_redirects=False,
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                raise _Retryable(_network_reason(exc)) from exc
            except (requests.RequestException, ValueError) as exc:  # retrying will not help
                # ValueError: requests parses a redirect's Location even when not following it.
                raise UnreachableError(
                    f"{url}: unusable URL or redirect ({type(exc).__name__}: {exc})"
                ) from exc
            with response:
                target = self._redirect_target(url, current, response)
                if target is None:
                    body = self._body(url, response)
                    if watchdog.expired:  # the socket was shut: what came may be cut short
                        raise _Retryable(self._too_slow())
                    return body
            current = target
        raise UnreachableError(f"{url}: more than {_MAX_REDIRECTS} redirects")

    def _redirect_target(self, url: str, current: str, response: requests.Response) -> str | None:
        """None if this is the answer, the next URL of a same-origin redirect; else raise."""
        code = response.status_code
        if code in _REDIRECTS and response.headers.get("Location"):
            target = urljoin(current, response.headers["Location"])
            if _origin(target) != _origin(url):
                raise RedirectRefusedError(
                    f"{url}: redirected (HTTP {code}) to another host or scheme, {target}; "
                    "not followed"
                )
            return target
        if code == 429 or code >= 500:
            raise _Retryable(f"HTTP {code}", code)
        if code >= 300:
            reason = " (not found)" if code == 404 else ""
            raise UnreachableError(f"{url}: HTTP {code}{reason}", code)
        return None

    def _body(self, url: str, response: requests.Response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise ResponseTooLargeError(
                f"{url}: response of {declared} bytes exceeds the cap of {self.max_bytes} bytes"
            )
        chunks: list[bytes] = []
        total = 0
        try:
            # read1 returns what one socket read brings (iter_content waits for a full chunk).
            while chunk := response.raw.read1(64 * 1024, decode_content=True):
                total += len(chunk)
                if total > self.max_bytes:
                    raise ResponseTooLargeError(
                        f"{url}: response exceeds the cap of {self.max_bytes} bytes; "
                        "stopped reading"
                    )
                chunks.append(chunk)
        except urllib3.exceptions.HTTPError as exc:  # read timeout, cut connection, bad gzip
            raise _Retryable(f"interrupted while reading: {exc}") from exc
        return b"".join(chunks)


def _network_reason(exc: requests.RequestException) -> str:
    """The cause a reader can act on, not urllib3's nested repr of the attempt."""
    text = str(exc)
    for marker, reason in (
        ("NameResolutionError", "the host name cannot be resolved (no network or DNS?)"),
        ("Connection refused", "the connection was refused"),
        ("Read timed out", "no answer within the read timeout"),
        ("timed out", "the connection timed out"),
        ("SSLError", "the TLS handshake failed"),
    ):
        if marker in text:
            return f"{type(exc).__name__}: {reason}"
    return f"{type(exc).__name__}: {text}"
