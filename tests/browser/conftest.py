"""Browser tests: Debian's headless Chromium, driven by Playwright, against the dashboard as
``make run`` serves it (``streamlit run local_app.py``).

The dashboard runs on 127.0.0.1 on the frozen test data (RATIFY_DATA_DIR, tests/conftest.py).
Every request that is not for 127.0.0.1 is aborted and recorded, every console error is
recorded, and a test fails if either list is not empty. Each test leaves a screenshot in
artifacts/screenshots/<test>.png.

Without /usr/bin/chromium the tests skip with one line saying how to get it; under CI (CI=true)
a missing browser is a failure instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.support.browser_harness import (
    CHROMIUM,
    RUN_SCRIPT,
    VIEWPORT,
    settle,
    start_app,
    stop_app,
)
from tests.support.deprecations import deprecation_lines

ROOT = Path(__file__).resolve().parents[2]
MISSING = f"browser tests need {CHROMIUM}: apt-get install chromium"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1"}
PROBE = re.compile(r"^http://127\.0\.0\.1:\d+/[a-z]+/_stcore/(health|host-config)$")


def _missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return MISSING
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser tests need the playwright package: pip install -r requirements-dev.txt"
    return None


def skip_module_without_browser() -> None:
    """Called at the top of the (single) browser test module: outside CI, a machine without the
    browser skips the module, which the summary reports in one line saying how to get it."""
    reason = _missing_browser()
    if reason and os.environ.get("CI") != "true":
        pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> object:
    reason = _missing_browser()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    return request.getfixturevalue("playwright_chromium")


@pytest.fixture(scope="session")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the shared server (app_url) writes what Streamlit logs."""
    return tmp_path_factory.mktemp("streamlit") / "server.log"


@pytest.fixture(scope="session")
def app_url(browser: object, server_log: Path) -> Iterator[str]:
    # Depends on ``browser`` so a machine without Chromium skips before starting a server.
    process, url = start_app(server_log, script=RUN_SCRIPT)
    yield url
    stop_app(process)


@pytest.fixture(autouse=True)
def no_deprecation_in_the_server_log(server_log: Path) -> Iterator[None]:
    """A test fails if the server logged a deprecation while it ran (Streamlit logs them there)."""
    start = server_log.stat().st_size if server_log.exists() else 0
    yield
    if server_log.exists():
        with server_log.open(encoding="utf-8", errors="replace") as log:
            log.seek(start)
            assert deprecation_lines(log.read()) == [], "the server logged a deprecation"


@dataclass
class Watched:
    """A browser page plus what it did that it should not have."""

    page: object
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    screenshot_taken: bool = False

    def screenshot_now(self, name: str) -> None:
        """Take the test's screenshot now (the page will not be worth one at teardown)."""
        screenshot(self.page, name)
        self.screenshot_taken = True


def _base_path_probe(message: object) -> bool:
    """Streamlit's own 404s when a page is opened by its path (e.g. /map): the frontend tries
    /map/_stcore/health and /map/_stcore/host-config to find the app's base path, then /."""
    url = message.location.get("url", "")
    return message.text.startswith("Failed to load resource") and bool(PROBE.search(url))


def _watch(context: object, watched: Watched) -> None:
    def route(route: object) -> None:
        url = route.request.url
        if urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            watched.outside_requests.append(url)
            route.abort()

    def console(message: object) -> None:
        if message.type == "error" and not _base_path_probe(message):
            watched.console_errors.append(f"{message.text} ({message.location.get('url')})")

    context.route("**/*", route)
    watched.page.on("console", console)
    watched.page.on("pageerror", lambda error: watched.console_errors.append(str(error)))
    watched.page.on(
        "websocket",
        lambda socket_: (
            None
            if urlparse(socket_.url).hostname in LOCAL_HOSTS
            else watched.outside_requests.append(socket_.url)
        ),
    )


def screenshot(page: object, name: str) -> None:
    """``<name>.png``: what a 1366x900 screen shows; ``<name>-full.png``: the whole page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    settle(page)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")
    # Streamlit scrolls inside its main block, so a full-page shot needs a window as tall as it.
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')]"
        ".map(e => e.scrollHeight), 900)"
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": min(height + 40, 6000)})
    settle(page)
    page.screenshot(path=SCREENSHOTS / f"{name}-full.png")
    page.set_viewport_size(VIEWPORT)


@pytest.fixture
def watched(browser: object, request: pytest.FixtureRequest) -> Iterator[Watched]:
    """A fresh page at 1366x900; after the test: screenshot, then no outside request or error."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    result = Watched(page)
    _watch(context, result)
    yield result
    try:
        if not result.screenshot_taken:
            screenshot(page, request.node.name)
    finally:
        context.close()
    assert result.outside_requests == [], "requests left 127.0.0.1"
    assert result.console_errors == [], "the browser console shows errors"
