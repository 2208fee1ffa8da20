"""The dashboard in Spanish, Portuguese and French in a real browser.

Per language: open the overview by a link with ``lang=``, go through every page by the top
navigation, and check the headings and that no English interface word is on screen (outside the
quoted source records, code and addresses), in the page, its sidebar, its navigation, plotly's
drawings and toolbar tooltips. Also: the browser's language is the default, the language picker
keeps every other choice, and the French CSV is the export in French. As in test_browser.py, any
request leaving 127.0.0.1 or any console error fails a test; screenshots of every page in each
language go to artifacts/screenshots/lang-<language>-<page>.png.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from loaders.derive.views import status_view
from loaders.export import csv_bytes, export_table
from loaders.store.dataset import Dataset
from tests.browser.conftest import Watched, _watch, screenshot, skip_module_without_browser
from tests.support.browser_harness import VIEWPORT, menu_names, open_from_menu, settle
from tests.support.words import english_words, visible_words
from views.text.i18n import LANGUAGES, Translator

skip_module_without_browser()

OTHERS = [lang for lang in LANGUAGES if lang != "en"]
ENGLISH_NAMES = list(pd.read_csv(Path(__file__).parents[1] / "fixtures/data/states.csv")["name"])
# url path -> (the heading's catalogue key, a selector of the page's main element)
PAGES = {
    "overview": ("overview.title", "[data-testid=stMetric]"),
    "map": ("map.title", "path.choroplethlocation"),
    "timeline": ("timeline.title", ".js-plotly-plot .scatterlayer"),
    "subregions": ("subregions.title", ".js-plotly-plot"),
    "profile": ("profile.title", "ul.state-index"),
    "family": ("family.title", "table.family"),
    "world": ("world.title", ".js-plotly-plot"),
    "reservations": ("reservations.title", "[data-testid=stDataFrame]"),
    "changes": ("whatchanged.title", "[data-testid=stDataFrame]"),
    "data": ("data.title", "[data-testid=stDataFrame]"),
}

# The words on screen: the navigation, the sidebar and the page, text node by text node, without
# the quoted records in English, code, style and icons (Material icons are ligatures: their text
# is the icon's name); plus the tooltips a pointer shows (title attributes, and the charts'
# toolbar, whose titles plotly shows with CSS). An expander's icon is a ligature too, in its own
# element. The tables' cells are read from the grid's accessible table (what a screen reader
# reads), except the column headed "name in English" (the file's English names, said so) and the
# columns whose heading says they hold the source record in English.
SKIPPED = (
    "[lang=en], code, pre, style, script, [data-testid=stIconMaterial], "
    "[data-testid=stExpanderIcon]"
)
SCREEN_TEXT = """([skipped, englishNames, recordHeadings]) => {
  const roots = ['header', '[data-testid=stSidebar]', '[data-testid=stMain]']
    .map(s => document.querySelector(s)).filter(Boolean);
  const texts = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll('[title]')) {
      if (!el.closest('[lang=en]')) texts.push(el.getAttribute('title'));
    }
    // plotly's toolbar shows its titles with CSS: what is shown is the ::after content
    for (const el of root.querySelectorAll('.modebar [data-title]')) {
      texts.push(getComputedStyle(el, '::after').content.replace(/^"|"$/g, ''));
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(skipped)) continue;
      const cell = node.parentElement.closest('table[role=grid] td');
      if (cell && englishNames.includes(node.textContent.trim())) continue;
      if (cell) {
        const heading = cell.closest('table').querySelectorAll('thead th')[cell.cellIndex];
        if (heading && recordHeadings.includes(heading.textContent.trim())) continue;
      }
      texts.push(node.textContent);
    }
  }
  return texts.join('\\n');
}"""


def english_on_screen(page: object, language: str) -> list[str]:
    english = english_words(language)
    names = ENGLISH_NAMES
    t = Translator(language)
    records = [t("data.col.source"), t("whatchanged.col.source"), t("column.note")]
    text = page.evaluate(SCREEN_TEXT, [SKIPPED, names, records])
    for name in LANGUAGES.values():  # the picker names each language in itself
        text = text.replace(name, " ")
    return sorted({w for w in visible_words(text) if w.casefold() in english})


def open_and_check(watched: Watched, language: str, path: str) -> None:
    """The page's heading, main element, a link that keeps the language, and no English."""
    t = Translator(language)
    heading, main = PAGES[path]
    page = watched.page
    page.get_by_role("heading", name=t(heading)).first.wait_for()
    page.locator(main).first.wait_for(state="attached")
    settle(page)
    assert f"lang={language}" in page.url
    # Every page in order, in the language
    assert menu_names(page) == [t(f"nav.{p}") for p in PAGES]
    page.get_by_text(t("controls.status_on"), exact=True).wait_for()
    assert english_on_screen(page, language) == [], path
    screenshot(page, f"lang-{language}-{path}")


@pytest.mark.parametrize("language", OTHERS)
def test_every_page_speaks_the_language(watched: Watched, app_url: str, language: str) -> None:
    t = Translator(language)
    page = watched.page
    page.goto(f"{app_url}/?lang={language}&instrument=FIREARMS")
    open_and_check(watched, language, "overview")
    page.get_by_text(t("count.of", n=29, total=35), exact=True).wait_for()
    for path in list(PAGES)[1:]:
        open_from_menu(page, t(f"nav.{path}"))
        page.wait_for_url(re.compile(rf"/{path}\?instrument=FIREARMS&lang={language}$"))
        open_and_check(watched, language, path)
    watched.screenshot_taken = True


@pytest.fixture
def browser_in(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A factory of watched pages whose browser speaks a given language (navigator.language)."""
    contexts, results = [], []

    def open_in(locale: str) -> Watched:
        context = browser.new_context(viewport=VIEWPORT, locale=locale, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(30_000)
        result = Watched(page)
        _watch(context, result)
        contexts.append(context)
        results.append(result)
        return result

    yield open_in
    try:
        for n, result in enumerate(results):
            screenshot(result.page, f"{request.node.name}-{n}")
    finally:
        for context in contexts:
            context.close()
    for result in results:
        assert result.outside_requests == [], "requests left 127.0.0.1"
        assert result.console_errors == [], "the browser console shows errors"


@pytest.mark.parametrize(
    ("locale", "language"), [("es-MX", "es"), ("pt-BR", "pt"), ("fr-CA", "fr"), ("de-DE", "en")]
)
def test_the_browsers_language_is_the_default(
    browser_in: object, app_url: str, locale: str, language: str
) -> None:
    page = browser_in(locale).page
    page.goto(app_url + "/?group=SICA")
    page.get_by_role("heading", name=Translator(language)("overview.title")).wait_for()
    settle(page)
    assert page.url.endswith("/?group=SICA")  # the default stays out of the link


def test_the_language_picker_keeps_every_other_choice(browser_in: object, app_url: str) -> None:
    page = browser_in("es-ES").page
    page.goto(app_url + "/map?instrument=FIREARMS&group=MERCOSUR&as_of=2020-01-01")
    page.get_by_role("heading", name="Mapa").wait_for()
    settle(page)
    page.get_by_role("combobox", name="Idioma").click()
    page.get_by_role("option", name="Français").click()
    page.wait_for_url(
        re.compile(r"/map\?instrument=FIREARMS&as_of=2020-01-01&group=MERCOSUR&lang=fr$")
    )
    page.get_by_role("heading", name="Carte").wait_for()
    page.get_by_text("Situation au", exact=True).wait_for()
    settle(page)
    assert "**" not in page.get_by_test_id("stSidebar").inner_text()
    page.get_by_text("Protocole relatif aux armes à feu", exact=False).first.wait_for()


def test_the_csv_in_french_is_the_export_in_french(
    browser_in: object, app_url: str, dataset: Dataset, tmp_path: Path
) -> None:
    page = browser_in("fr-FR").page
    page.goto(app_url + "/data?instrument=SOM&group=CARICOM&as_of=2015-01-01")
    page.get_by_role("heading", name="Données").wait_for()
    settle(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Télécharger le CSV").click()
    saved = tmp_path / "export.csv"
    download_info.value.save_as(saved)
    as_of = date(2015, 1, 1)
    view = status_view(dataset, as_of, ["SOM"], ["CARICOM"])
    expected = b"\xef\xbb\xbf" + csv_bytes(export_table(view, as_of, language="fr"))
    assert saved.read_bytes() == expected  # with UTF-8's byte-order mark, for spreadsheets
    header = saved.read_text("utf-8-sig").splitlines()[0]
    assert header.endswith('"verified_through","domestic_step","state_fr"')  # every field quoted


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_address_that_names_no_page_says_so(
    browser_in: object, app_url: str, language: str
) -> None:
    """Streamlit runs the default page for an unknown one (and says so only in the console)."""
    watched = browser_in("en-US")
    page = watched.page
    t = Translator(language)
    page.goto(f"{app_url}/nosuchpage?lang={language}")
    page.get_by_text(t("ui.no_such_page", page="nosuchpage")).wait_for()
    settle(page)
    for path in PAGES:
        page.get_by_role("link", name=t(f"nav.{path}")).first.wait_for()
    assert page.get_by_test_id("stMetric").count() == 0  # not the overview, silently
    if language != "en":  # Streamlit's own dialog about it, in the reader's language
        page.get_by_text(t("ui.widget.page_not_found"), exact=True).wait_for()
        dialog = page.get_by_role("dialog")
        dialog.get_by_role("button", name=t("ui.widget.close"), exact=True).wait_for()
        assert dialog.get_by_role("button", name="Close", exact=True).count() == 0
    # Streamlit's own console line about the unknown page is expected here
    watched.console_errors[:] = [
        e for e in watched.console_errors if "does not seem to exist" not in e
    ]


# Streamlit's own English accessible names, and the texts of its date box (button, keys hint).
STREAMLIT_ENGLISH = {
    "Skip to main content", "Sidebar", "Link to heading", "Open", "Help", "Choose date",
    "Clear date", "Use arrow keys to navigate dates. Enter to select. Escape to close.",
    "Expand sidebar", "Collapse sidebar", "Selected values", "st.iframe", "Close",
}  # fmt: skip
ENGLISH_PATTERNS = ("Help for ", "Remove ")
NAMES = """() => {
  const names = [...document.querySelectorAll('[aria-label],[title]')]
    .flatMap(el => [el.getAttribute('aria-label'), el.getAttribute('title')]).filter(Boolean);
  const texts = [...document.querySelectorAll('a, [role=dialog] *, [id]')]
    .map(el => el.childNodes.length === 1 ? el.textContent.trim() : '').filter(Boolean);
  return [...names, ...texts];
}"""


def test_accessible_names_and_the_date_boxes_speak_the_language(
    watched: Watched, app_url: str
) -> None:
    t = Translator("es")
    page = watched.page
    page.goto(f"{app_url}/changes?lang=es&since=2015-01-01")
    page.get_by_role("heading", name=t("whatchanged.title")).first.wait_for()
    settle(page)
    # The start is chosen in day, month and year boxes in the page's language: no date box, whose
    # calendar would follow the browser's language.
    assert page.get_by_test_id("stDateInput").count() == 0
    assert page.locator(".st-key-changes_since_month input").input_value() == "Enero"
    said = page.evaluate(NAMES)
    english = sorted({n for n in said if n in STREAMLIT_ENGLISH or n.startswith(ENGLISH_PATTERNS)})
    assert english == []
    assert t("ui.widget.skip_to_main") in said
    assert t("ui.widget.collapse_sidebar") in said
    screenshot(page, "lang-es-changes-date-box")
    watched.screenshot_taken = True


def test_a_phones_sidebar_button_and_chosen_values_are_named_in_the_language(
    watched: Watched, app_url: str
) -> None:
    # On a phone the sidebar starts closed behind "»", whose name was Streamlit's English; the
    # World page's compared groups are chips with a remove button each.
    t = Translator("pt")
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_url}/world?lang=pt")
    page.get_by_role("heading", name=t("world.title")).first.wait_for()
    settle(page)
    said = page.evaluate(NAMES)
    english = sorted({n for n in said if n in STREAMLIT_ENGLISH or n.startswith(ENGLISH_PATTERNS)})
    assert english == []
    page.get_by_role("button", name=t("ui.widget.expand_sidebar")).wait_for()
    assert t("ui.widget.remove", label="WEOG") in said
    assert t("ui.widget.selected_values") in said
    assert t("ui.widget.frame") in said
