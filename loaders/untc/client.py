"""The HTTP client: polite, bounded and defensive fetching of UNTC's documents."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

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
    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


class UntcClient:
    """Fetches status documents from UNTC politely and defensively.

    Retries connection errors, timeouts, 429 and 5xx ``retries`` times with exponential back-off
    (``backoff``, ``2 * backoff``, ...; ``sleep`` is injectable for tests); follows redirects only
    within the same scheme and host; refuses bodies over ``max_bytes``. ``timeout`` bounds each
    wait for the server, ``max_seconds`` a whole body: a server that trickles its answer a few
    bytes at a time never waits out the read timeout, but it still cannot hold a refresh forever.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (5, 30),
        retries: int = 3,
        backoff: float = 0.5,
        max_bytes: int = 20_000_000,
        max_seconds: float = 120,
        progress: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.progress = progress or (lambda _line: None)
        self.sleep = sleep

    def fetch(self, url: str) -> bytes:
        """The body at ``url``; raises UnreachableError, RedirectRefusedError, ResponseTooLarge."""
        attempts = self.retries + 1
        for attempt in range(attempts):
            try:
                return self._get(url)
            except _Retryable as exc:
                if attempt + 1 == attempts:
                    raise UnreachableError(
                        f"{url}: {exc} (gave up after {attempts} attempts)", exc.status
                    ) from exc
                delay = self.backoff * 2**attempt
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
            return self._fetch_parsed(url, mtdsg_no, parse_html)
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

    def _get(self, url: str) -> bytes:
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
                    return self._body(url, response)
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
        deadline = time.monotonic() + self.max_seconds
        try:
            # read1 returns what one socket read brings (iter_content waits for a full chunk), so
            # the deadline is checked however slowly the bytes come.
            while chunk := response.raw.read1(64 * 1024, decode_content=True):
                total += len(chunk)
                if total > self.max_bytes:
                    raise ResponseTooLargeError(
                        f"{url}: response exceeds the cap of {self.max_bytes} bytes; "
                        "stopped reading"
                    )
                if time.monotonic() > deadline:
                    raise _Retryable(
                        f"the answer took over {self.max_seconds:g} s to arrive; stopped reading"
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
