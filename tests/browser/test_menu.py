"""The page menu (issue #24): its links carry the view, so a page change opens the same view
even in a fresh session (a replica died, another one has no session state: only the link).

Before, Streamlit's own menu linked to the bare page: the next page opened in English, every
instrument, today's date. Here each link's address is opened in a new browser context (no
cookies, a new session) and must show the same language, date and instrument. The menu lists
every page at 1366 px (no "N more"), marks the current one, and on a phone opens from a button
labelled in the reader's language.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from tests.browser.conftest import SCREENSHOTS, Watched, _watch, skip_module_without_browser
from tests.support.browser_harness import VIEWPORT, menu_link, menu_names, settle
from views.text.i18n import Translator

skip_module_without_browser()

ES = Translator("es")
VIEW = "lang=es&as_of=2009-06-04&instrument=TIP"
# The view, as the links write it (the canonical order of pages.components.controls)
CANONICAL = "instrument=TIP&as_of=2009-06-04&lang=es"
PAGES = [
    "overview", "map", "timeline", "subregions", "profile", "family", "world", "reservations",
    "changes", "data",
]  # fmt: skip


def _fresh(browser: object, url: str, viewport: dict[str, int] = VIEWPORT) -> Watched:
    """``url`` in a new browser context: a first visit, a new session on the server."""
    context = browser.new_context(viewport=viewport, locale="en-US")  # an English browser
    page = context.new_page()
    page.set_default_timeout(30_000)
    watched = Watched(page)
    _watch(context, watched)
    page.goto(url)
    return watched


def _current(page: object) -> list[str]:
    """The names of the links marked as the current page (aria-current)."""
    marked = page.locator("[aria-current=page]").all_inner_texts()
    return [text.strip().splitlines()[-1] for text in marked]


def _shows_the_view_in_spanish(watched: Watched, heading: str) -> None:
    page = watched.page
    page.get_by_role("heading", name=heading).first.wait_for()
    settle(page)
    assert page.evaluate("document.documentElement.lang") == "es"
    # the sidebar's date (its caption) and instrument (the one pill chosen)
    caption = ES("controls.status_on_date", date="4 de junio de 2009").replace("**", "")
    page.get_by_test_id("stSidebar").get_by_text(caption, exact=True).wait_for()
    chosen = page.locator(".stButtonGroup button[aria-pressed=true]").all_inner_texts()
    assert [c.strip() for c in chosen] == ["Trata de personas"]
    assert watched.outside_requests == [] and watched.console_errors == []


def test_a_menu_link_opens_the_same_view_in_a_fresh_session(
    watched: Watched, browser: object, app_url: str
) -> None:
    page = watched.page
    page.goto(f"{app_url}/map?{VIEW}")
    page.locator("path.choroplethlocation").first.wait_for(state="attached")
    settle(page)
    assert menu_names(page) == [ES(f"nav.{p}") for p in PAGES]
    assert _current(page) == ["Mapa"]

    # The Data page's link, and the first page's (served at the app's root)
    data = menu_link(page, ES("nav.data")).get_attribute("href")
    overview = menu_link(page, ES("nav.overview")).get_attribute("href")
    assert data == f"data?{CANONICAL}" and overview == f"./?{CANONICAL}"
    for href, heading, path in (
        (data, ES("data.title"), "/data"),
        (overview, ES("overview.title"), "/"),
    ):
        fresh = _fresh(browser, urljoin(f"{app_url}/map", href))  # as the browser reads it
        try:
            _shows_the_view_in_spanish(fresh, heading)
            assert fresh.page.url == f"{app_url}{path}?{CANONICAL}"
            if path == "/":  # TIP on the resolution's day: 28 of the 35 were party
                fresh.page.get_by_text(ES("count.of", n=28, total=35), exact=True).wait_for()
        finally:
            fresh.page.context.close()


def test_the_menu_follows_a_new_choice_and_a_page_change_keeps_it(
    watched: Watched, app_url: str
) -> None:
    page = watched.page
    page.goto(f"{app_url}/?{VIEW}")
    page.get_by_role("heading", name=ES("overview.title")).wait_for()
    settle(page)
    page.get_by_role("button", name=ES("controls.today")).click()
    page.wait_for_url(re.compile(r"/\?instrument=TIP&lang=es$"))
    settle(page)
    assert menu_link(page, ES("nav.world")).get_attribute("href") == "world?instrument=TIP&lang=es"
    menu_link(page, ES("nav.world")).click()
    page.wait_for_url(re.compile(r"/world\?instrument=TIP&lang=es$"))
    page.get_by_role("heading", name=ES("world.title")).wait_for()
    settle(page)
    # after a page change inside the session too: the new page marked, the root's link whole
    assert _current(page) == [ES("nav.world")]
    overview = menu_link(page, ES("nav.overview")).get_attribute("href")
    assert overview == "./?instrument=TIP&lang=es"


def test_on_a_phone_the_menu_opens_from_a_labelled_button(browser: object, app_url: str) -> None:
    phone = _fresh(browser, f"{app_url}/timeline?{VIEW}", {"width": 390, "height": 844})
    page = phone.page
    try:
        page.get_by_role("heading", name=ES("timeline.title")).first.wait_for()
        settle(page)
        button = page.get_by_role("button", name=ES("menu.label"))
        assert button.is_visible()
        button.click()
        links = page.get_by_test_id("stPopoverBody").get_by_role("link")
        links.first.wait_for()
        names = [n.strip().splitlines()[-1] for n in links.all_inner_texts()]
        assert names == [ES(f"nav.{p}") for p in PAGES]
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "phone-menu-es.png")
        links.filter(has_text=ES("nav.subregions")).click()
        page.wait_for_url(re.compile(rf"/subregions\?{CANONICAL}$"))
        page.get_by_role("heading", name=ES("subregions.title")).first.wait_for()
        settle(page)
        # the menu closed behind the choice, which it now marks
        assert page.get_by_test_id("stPopoverBody").count() == 0
        assert _current(page) == [ES("nav.subregions")]
        assert phone.outside_requests == [] and phone.console_errors == []
    finally:
        page.context.close()
