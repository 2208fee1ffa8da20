"""``make run`` (Streamlit's own server, local_app.py) opens every other address of a page as the
page itself, as ``make serve``'s nginx does (issue #24): before, ``/profile/BOL`` and
``/map/extra`` were a white page there, Streamlit's page loading its files relative to the
address. The shared ``app_url`` server is started as ``make run`` starts it."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import Watched, skip_module_without_browser
from tests.support.browser_harness import settle
from views.text.i18n import Translator

skip_module_without_browser()

# An address a reader may type or be sent, where it ends, and the heading (a catalogue key, or
# the state's name) the page then shows, in the address's language.
ADDRESSES = [
    ("/profile/BOL?lang=es", "/profile?state=BOL&lang=es", "es", None),
    ("/map/extra?lang=fr&instrument=TIP", "/map?lang=fr&instrument=TIP", "fr", "map.title"),
    ("/data/", "/data", "en", "data.title"),
    ("/changes/x/y?lang=pt", "/changes?lang=pt", "pt", "whatchanged.title"),
    ("/a.b/c", "/", "en", "overview.title"),
]


@pytest.mark.parametrize(("address", "landing", "language", "heading"), ADDRESSES)
def test_another_address_of_a_page_opens_the_page(
    watched: Watched, app_url: str, address: str, landing: str, language: str, heading: str | None
) -> None:
    page = watched.page
    page.goto(app_url + address)
    name = re.compile(r"^Bolivia") if heading is None else Translator(language)(heading)
    page.get_by_role("heading", name=name).first.wait_for()
    settle(page)
    assert page.url == app_url + landing
    assert page.locator("html").get_attribute("lang") == language


def test_a_nested_unknown_name_gets_the_no_such_page_note(watched: Watched, app_url: str) -> None:
    page = watched.page
    t = Translator("fr")
    page.goto(f"{app_url}/nosuchpage/deeper?lang=fr")
    page.get_by_text(t("ui.no_such_page", page="nosuchpage")).wait_for()
    settle(page)
    # Streamlit's own console line about the unknown page is expected here
    watched.console_errors[:] = [
        e for e in watched.console_errors if "does not seem to exist" not in e
    ]
