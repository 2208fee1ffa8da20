"""Fetch and parse one OAS treaty's table, with a fetcher the refresh bounds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from loaders.oasdil.page import parse_page
from loaders.oasdil.records import OasStatus
from loaders.oasdil.urls import DEFAULT_BASE_URL, signatories_url


def fetch_status(
    fetch: Callable[[str], bytes],
    code: str,
    adopted: date,
    today: date,
    base_url: str = DEFAULT_BASE_URL,
    progress: Callable[[str], None] = lambda _line: None,
) -> tuple[OasStatus, bytes, str]:
    """(parsed status, raw bytes, URL) of treaty ``code``. ``fetch`` is the refresh's bounded
    client (deadline, retries, size cap, same-host redirects); its errors pass through."""
    url = signatories_url(code, base_url)
    progress(f"fetching {code} from {url}")
    content = fetch(url)
    status = parse_page(content, url, code, adopted, today)
    progress(f"parsed {len(status.rows)} countries of {code}")
    return status, content, url
