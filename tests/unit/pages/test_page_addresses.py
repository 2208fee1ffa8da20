"""Every other address of a page leads to it on ``make run``'s server too (issue #24): the ASGI
middleware local_app.py puts in front of Streamlit, driven as an ASGI server drives it, against
the table nginx is held to (tests/support/addresses.py)."""

from __future__ import annotations

import asyncio
import subprocess
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from pages.components.addresses import STREAMLIT_PATHS, PageAddresses, page_address
from pages.components.navigation import PAGES
from tests.support.addresses import OTHER_ADDRESSES, PAGE_ADDRESSES, STREAMLIT_ADDRESSES
from tests.support.browser_harness import ROOT, RUN_SCRIPT

PASSED_ON = {"type": "http.response.start", "status": 299, "headers": []}


async def streamlit(scope: Any, receive: Any, send: Any) -> None:
    """Stands for Streamlit's server: answers 299, so a passed-on request is told apart."""
    await send(PASSED_ON)
    await send({"type": "http.response.body", "body": b""})


def answer(address: str, scope_type: str = "http") -> dict[str, Any]:
    """What the middleware sends first for a GET of the address: status and headers."""
    parts = urlsplit(address)
    scope = {
        "type": scope_type,
        "method": "GET",
        "path": parts.path,
        "raw_path": parts.path.encode(),
        "query_string": parts.query.encode("latin-1"),
        "headers": [],
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        sent.append(message)

    # A loop of its own, in a thread of its own: Playwright's sync API (the browser tier, earlier
    # in the same run) leaves a loop running in the main thread.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, PageAddresses(streamlit)(scope, receive, send)).result()
    start = sent[0]
    return {"status": start["status"], "headers": dict(start["headers"])}


def decoded(address: str) -> tuple[str, str]:
    """An address as an ASGI server hands it over: the path percent-decoded, the query raw."""
    parts = urlsplit(address)
    return unquote(parts.path), parts.query


@pytest.mark.parametrize(("address", "location"), OTHER_ADDRESSES)
def test_every_other_address_of_a_page_is_sent_to_it(address: str, location: str) -> None:
    path, query = decoded(address)
    assert page_address(path, query) == location
    sent = answer(f"{path}?{query}" if query else path)
    assert sent["status"] == 301
    assert sent["headers"][b"location"] == location.encode()


@pytest.mark.parametrize("address", PAGE_ADDRESSES + STREAMLIT_ADDRESSES)
def test_pages_and_streamlits_own_addresses_are_served_as_they_are(address: str) -> None:
    assert page_address(*decoded(address)) is None
    assert answer(address)["status"] == 299


def test_a_query_is_kept_byte_for_byte() -> None:
    # A reader's link holds percent-escapes and characters Starlette's own redirect would quote.
    sent = answer("/map/extra?group=A%26B&note=caf%C3%A9|x")
    assert sent["headers"][b"location"] == b"/map?group=A%26B&note=caf%C3%A9|x"


@pytest.mark.parametrize("path", ["//example.org/x", "/\\example.org/x", "//example.org/"])
def test_no_address_leads_off_the_site(path: str) -> None:
    # A Location of //example.org would be another site: such a path leads to the overview.
    assert page_address(path, "") == "/"


def test_the_websocket_is_passed_on() -> None:
    # The page's own connection (/_stcore/stream) and any other: never answered with a redirect.
    assert answer("/map/extra", scope_type="websocket")["status"] == 299


def test_no_page_is_named_as_one_of_streamlits_addresses() -> None:
    assert {path for path, _, _ in PAGES}.isdisjoint(STREAMLIT_PATHS)


def test_make_run_serves_what_the_browser_tests_open() -> None:
    # The browser tests start RUN_SCRIPT and find every address above opening its page there.
    recipe = subprocess.run(
        ["make", "--no-print-directory", "--dry-run", "--always-make", "run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # the recipe's command (a make that runs the tests adds lines of its own around it)
    (command,) = [line for line in recipe.splitlines() if " -m streamlit run " in line]
    assert f" -m streamlit run {RUN_SCRIPT} " in command
