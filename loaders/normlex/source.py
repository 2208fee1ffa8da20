"""Fetch and parse one ILO instrument's ratifications, with a fetcher the refresh bounds."""

from __future__ import annotations

from collections.abc import Callable

from loaders.normlex.page import parse_page
from loaders.normlex.records import NormlexStatus
from loaders.normlex.urls import DEFAULT_BASE_URL, ratifications_url


def fetch_status(
    fetch: Callable[[str], bytes],
    code: str,
    base_url: str = DEFAULT_BASE_URL,
    progress: Callable[[str], None] = lambda _line: None,
) -> tuple[NormlexStatus, bytes, str]:
    """(parsed status, raw bytes, URL) of ``code``. ``fetch`` is the refresh's bounded client
    (deadline, retries, size cap, same-host redirects); its errors pass through unchanged."""
    url = ratifications_url(code, base_url)
    progress(f"fetching {code} from {url}")
    content = fetch(url)
    status = parse_page(content, url, code)
    progress(f"parsed {len(status.ratifications)} ratifications of {code}")
    return status, content, url
