"""The reader's edition in a real browser: served by a plain static server on 127.0.0.1, read with
JavaScript off, on a desktop and on a 390 px phone (no sideways scroll), with no request leaving
the machine and no serious or critical axe-core violation (WCAG 2.1 A and AA)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from loaders.store.dataset import Dataset
from tests.browser.conftest import SCREENSHOTS
from views.edition.build import build_edition
from views.edition.write import write_tree

PAGES = [
    "read/index.html",
    "read/en/index.html",
    "read/es/state/BRB.html",
    "read/fr/state/USA.html",
    "read/pt/group/CARICOM.html",
    "read/en/group/M49_005.html",
    "read/en/family.html",
    "read/es/world/FIREARMS.html",
    "read/fr/regions.html",
]
# the matrix and the world's states are tables: no chart beside them
WITHOUT_CHART = {"read/index.html", "read/en/family.html", "read/es/world/FIREARMS.html"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("site")
    write_tree(root / "read", build_edition(dataset, date(2026, 1, 1), states=["BRB", "USA"]))
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _context(browser: object, width: int, script: bool, outside: list[str]) -> object:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": width, "height": 900}, java_script_enabled=script
    )

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith("http://127.0.0.1:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", route)
    return context


@pytest.mark.parametrize("width", [1280, 390])
def test_the_pages_read_without_script_and_fit_a_phone(
    browser: object, site: str, width: int
) -> None:
    outside: list[str] = []
    context = _context(browser, width, script=False, outside=outside)
    page = context.new_page()
    try:
        for path in PAGES:
            response = page.goto(f"{site}/{path}")
            assert response.ok, path
            assert page.locator("h1").count() == 1
            if path != "read/index.html":
                assert page.locator("svg.chart").count() == (path not in WITHOUT_CHART)
                assert page.locator("table").count() >= 1
            name = path.removeprefix("read/").replace("/", "_").removesuffix(".html")
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"edition_{name}_{width}.png", full_page=True)
        # JavaScript is off: the width is read from a fresh context that has it on
    finally:
        context.close()
    assert outside == []
    wide = _context(browser, width, script=True, outside=outside)
    page = wide.new_page()
    try:
        for path in PAGES:
            page.goto(f"{site}/{path}")
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, (path, scroll)
    finally:
        wide.close()
    assert outside == []


def test_no_serious_accessibility_violation(browser: object, site: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    outside: list[str] = []
    context = _context(browser, 1280, script=True, outside=outside)
    page = context.new_page()
    try:
        for path in PAGES:
            page.goto(f"{site}/{path}")
            result = axe.run(
                page,
                options={
                    "runOnly": {
                        "type": "tag",
                        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
                    }
                },
            )
            bad = [
                (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                for v in result.response["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            assert bad == [], (path, bad)
    finally:
        context.close()
    assert outside == []


def test_a_data_file_is_served_at_its_fixed_address(site: str, tmp_path: Path) -> None:
    import urllib.request

    with urllib.request.urlopen(f"{site}/read/data/state-BRB.full.csv") as reply:
        assert reply.read().startswith(b'"iso3","state","instrument"')
