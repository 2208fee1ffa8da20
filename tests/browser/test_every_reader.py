"""Every reader, every device (issue #15): phones, paper, accessibility, Streamlit's own texts.

- A phone (390 x 844, touch): the sidebar is closed on arrival, nothing scrolls sideways, no
  table cell is too narrow to read, every control of the page is on the screen.
- Paper: each page printed to PDF (Chromium's own print) names the page, its date and its
  source, and carries none of the sidebar's words.
- axe-core (WCAG 2.1 A and AA, bundled by axe-playwright-python: nothing is fetched) finds no
  serious or critical violation on any page in any language.
- ``<html lang>`` and the tab's title follow the reader's language and page; Streamlit's own
  placeholders are the catalogue's.

The pages are opened in one browser context per test (a page switch reuses the session), to keep
the time this adds modest. As everywhere: no request may leave 127.0.0.1, no console error.
"""

from __future__ import annotations

import io

import pytest

from tests.browser.conftest import SCREENSHOTS, Watched, _watch, skip_module_without_browser
from tests.support.browser_harness import settle
from views.text.i18n import LANGUAGES, Translator

skip_module_without_browser()

PHONE = {"width": 390, "height": 844}
# url path -> what waits for the page to be drawn
PAGES = {
    "": "[data-testid=stMetric]",
    "map": "path.choroplethlocation",
    "timeline": ".js-plotly-plot .scatterlayer",
    "subregions": "table.facts",
    "profile": "ul.state-index",
    "profile?state=BRA": "table.facts",
    "data": "[data-testid=stDataFrame]",
}
NAV = {"": "overview", "profile?state=BRA": "profile"}

LAYOUT = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const shown = (e) => e.offsetParent !== null && e.getBoundingClientRect().width > 0;
  const cells = [...main.querySelectorAll('td, th')].filter(shown)
    .filter(e => e.innerText.trim().length > 3 && e.getBoundingClientRect().width < 80);
  const off = [...main.querySelectorAll('button, input, a, [role=combobox]')].filter(shown)
    .filter(e => {
      const r = e.getBoundingClientRect();
      return r.right > innerWidth + 1 || r.left < -1;
    });
  const sidebar = document.querySelector('[data-testid=stSidebar]');
  return {
    scrollWidth: document.scrollingElement.scrollWidth, innerWidth,
    narrowCells: cells.map(e => e.innerText.slice(0, 30)),
    offScreen: off.map(e => e.innerText.slice(0, 30) || e.getAttribute('aria-label')),
    sidebarWidth: sidebar ? sidebar.getBoundingClientRect().right : 0,
  };
}"""


def _open(watched: Watched, url: str, ready: str) -> None:
    watched.page.goto(url)
    watched.page.locator(ready).first.wait_for(state="attached")
    settle(watched.page)


@pytest.fixture
def phone(browser: object) -> Watched:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    watched = Watched(page, screenshot_taken=True)
    _watch(context, watched)
    yield watched
    context.close()
    assert watched.outside_requests == [], "requests left 127.0.0.1"
    assert watched.console_errors == [], "the browser console shows errors"


def test_every_page_fits_a_phone(phone: Watched, app_url: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path, ready in PAGES.items():
        _open(phone, f"{app_url}/{path}", ready)
        layout = phone.page.evaluate(LAYOUT)
        name = NAV.get(path, path)
        phone.page.screenshot(path=SCREENSHOTS / f"phone-{name}.png")
        assert layout["scrollWidth"] <= layout["innerWidth"], path
        assert layout["narrowCells"] == [], path
        assert layout["offScreen"] == [], path
        # closed on arrival: the sidebar does not cover the page
        assert layout["sidebarWidth"] <= 1, path


def test_every_page_prints_with_its_title_date_and_source(watched: Watched, app_url: str) -> None:
    from pypdf import PdfReader

    t = Translator("en")
    page = watched.page
    for path, ready in PAGES.items():
        _open(watched, f"{app_url}/{path}", ready)
        page.emulate_media(media="print")
        text = "\n".join(
            p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
        )
        page.emulate_media(media="screen")
        name = NAV.get(path, path)
        assert t("ui.print.title", page=t(f"nav.{name}")) in text, path
        assert t("ui.print.source") in text, path
        assert "Status on 1" in text or "Status on" in text
        # no sidebar: none of its control labels
        for word in (t("language.label"), t("controls.groups")):
            assert word not in text, (path, word)


# Every page in English and French (the longest texts); Spanish and Portuguese share their
# pages' structure, so three pages each keep the suite's added time modest.
AXE_PAGES = {
    "en": list(PAGES),
    "fr": list(PAGES),
    "es": ["", "profile?state=BRA", "data"],
    "pt": ["", "subregions", "timeline"],
}


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_no_serious_accessibility_violation_in_any_language(
    watched: Watched, app_url: str, language: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    t = Translator(language)
    page = watched.page
    for path in AXE_PAGES[language]:
        ready = PAGES[path]
        query = "&" if "?" in path else "?"
        _open(watched, f"{app_url}/{path}{query}lang={language}", ready)
        name = NAV.get(path, path)
        assert page.evaluate("document.documentElement.lang") == language
        assert page.title() == t("ui.tab_title", page=t(f"nav.{name}"))
        result = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
            },
        )
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], (path, bad)
    # Streamlit's own placeholder, in the reader's language
    placeholder = page.locator(".st-key-ctl_as_of_year input").get_attribute("placeholder")
    assert placeholder == t("ui.widget.choose_option")


def test_the_timeline_prints_whole_on_several_pages(watched: Watched, app_url: str) -> None:
    """Streamlit's page scrolls inside fixed-height boxes: on paper they must grow, or the
    Timeline printed as one sheet with its chart cut and "Time to ratify" missing."""
    from pypdf import PdfReader

    t = Translator("en")
    page = watched.page
    _open(watched, f"{app_url}/timeline", PAGES["timeline"])
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.emulate_media(media="screen")
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert len(pdf.pages) > 1
    assert t("timeline.time_to_ratify") in text
    # the table by state is drawn only once opened: closed, it has nothing to print and is left
    # out rather than printed as an empty box (tests/browser/test_print_and_screens.py)
    assert t("timeline.by_state") not in text
