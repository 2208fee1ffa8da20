"""Reports in the dashboard through AppTest: "Cite this view" under every page, the embed code,
the Data page's terms, the change page and the briefs' downloads."""

from __future__ import annotations

import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import APP, PAGES, TIMEOUT, open_app, texts


def _open_cite(app: AppTest) -> list[str]:
    app.session_state["cite_view"] = True
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return [area.value for area in app.text_area]


@pytest.mark.parametrize("page", [*PAGES, "changes"])
def test_every_page_can_be_cited(page: str) -> None:
    app = open_app(page, state="BRA", instrument="TIP", as_of="2009-06-04")
    assert "Cite this view" in texts(app)
    assert not app.text_area  # drawn only once opened: nothing added to a page load
    areas = _open_cite(app)
    citation = areas[0]
    assert citation.startswith("Ratify Americas: ")
    assert "as of 4 June 2009" in citation and "(accessed " in citation
    path = "" if page == "overview" else page
    assert f"/{path}?instrument=TIP&as_of=2009-06-04&lang=en" in citation
    if page == "profile":
        assert "state=BRA" in citation
    # The map and a state's card can be embedded; the other pages offer no snippet.
    assert (len(areas) == 2) == (page in ("map", "profile"))
    if len(areas) == 2:
        assert areas[1].startswith("<iframe ") and "embed=true" in areas[1]


def test_the_citation_is_in_the_readers_language() -> None:
    areas = _open_cite(open_app("map", lang="fr", as_of="2009-06-04"))
    assert areas[0].startswith("Ratify Americas\u00a0: Carte.")
    assert "(consulté le " in areas[0]


def test_the_data_page_states_the_terms_of_the_data() -> None:
    said = texts(open_app("data"))
    assert "Licences and terms of use" in said
    assert "https://www.un.org/en/about-us/terms-of-use" in said
    assert "Creative Commons Attribution 4.0" in said


def test_the_change_page_lists_the_acts_since_the_resolution_and_the_history() -> None:
    app = open_app("changes", instrument="TIP", as_of="2026-12-01")
    said = texts(app)
    assert "What changed" in said
    assert "from **4 June 2009** to **1 December 2026**" in said and "7 acts" in said
    table = app.dataframe[0].value
    assert list(table["state"])[:2] == ["Antigua and Barbuda", "Saint Vincent and the Grenadines"]
    assert "/app/static/feed/changes.atom" in said
    assert "Snapshot `20261201T160313018352Z-reference`" in said  # the history, newest first
    assert "since" not in app.query_params  # the default date stays out of the link


def _changes_since(since: str, **params: str) -> AppTest:
    """The change page opened by a link with ``since`` (the overview would drop it: it is the
    change page's own parameter, as ``state`` is the profile's)."""
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params.update(params)
    app.run()
    app.query_params["since"] = since
    app.switch_page("pages/changes.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_the_change_page_reads_since_from_the_link_in_every_language() -> None:
    app = _changes_since("2011-01-01", instrument="TIP", as_of="2012-01-01", lang="es")
    said = texts(app)
    assert "del **1 de enero de 2011** al **1 de enero de 2012**" in said and "1 acto" in said
    assert "changes-es.atom" in said
    empty = texts(_changes_since("2020-06-04", as_of="2020-06-05"))
    assert "No act in this period." in empty
    bad = texts(_changes_since("2009-99-01"))
    assert "is not a date" in bad


def test_the_start_is_chosen_in_boxes_in_the_pages_language() -> None:
    # Not a date box: its calendar would follow the browser's language, not the page's.
    app = _changes_since("2011-01-01", instrument="TIP", as_of="2012-01-01", lang="fr")
    assert not app.main.get("date_input")
    month = app.main.selectbox(key="changes_since_month")
    assert month.value == 1 and month.options[0] == "Janvier"
    year = app.main.selectbox(key="changes_since_year")
    # the years offered stop at the view's date: nothing after it can be chosen
    assert year.options[0] == "2012" and year.value == 2011
    app.main.selectbox(key="changes_since_month").set_value(3).run()
    app.main.selectbox(key="changes_since_day").set_value(31).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.query_params["since"] == "2011-03-31"
    assert "du **31 mars 2011** au **1 janvier 2012**" in texts(app).replace("1er", "1")


def test_the_profile_and_subregions_offer_a_brief() -> None:
    profile = open_app("profile", state="BRB", lang="fr")
    buttons = [b for b in profile.get("download_button") if "PDF" in b.proto.label]
    assert buttons and buttons[0].proto.label == "Note d'information (PDF)"
    subregions = open_app("subregions", group="CARICOM")
    assert any(b.proto.label == "Brief (PDF)" for b in subregions.get("download_button"))
    assert subregions.selectbox(key="brief_group").value == "CARICOM"


@pytest.mark.parametrize(
    ("since", "as_of", "lang", "note"),
    [
        ("2015-01-01", "2009-06-04", "es", "se muestran los actos desde el 4 de junio de 2009"),
        ("2030-01-01", "2026-12-01", "fr", "les actes sont affichés depuis le 1 décembre 2026"),
        ("2015-01-01", "2010-01-01", "en", "the acts are shown from 1 January 2010"),
    ],
)
def test_a_start_after_the_views_date_is_clamped_with_a_note(
    since: str, as_of: str, lang: str, note: str
) -> None:
    said = texts(_changes_since(since, as_of=as_of, lang=lang))
    assert note in said.replace("\u00a0", " ").replace("1er", "1")


def test_the_sidebars_date_moved_before_the_start_is_clamped() -> None:
    app = _changes_since("2015-01-01", as_of="2020-01-01")
    app.session_state["ctl_as_of"] = date(2009, 6, 4)  # the sidebar's date, as the reader sets it
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert "the acts are shown from 4 June 2009" in texts(app)


def test_a_hostile_since_is_shown_as_the_characters_it_is() -> None:
    hostile = "![x](https://evil.example/p.png)"
    app = _changes_since(hostile)
    (note,) = [e.value for e in app.info if "is not a date" in e.value]
    assert "![" not in note and "](" not in note


def test_the_reservations_page_explains_links_and_shows_the_texts_of_its_date() -> None:
    app = open_app("reservations", instrument="TIP", as_of="2009-06-04", lang="es")
    said = texts(app)
    # six of the 28 parties on 4 June 2009 (see tests/unit/views/test_as_of.py), not 7 of 35
    assert "6 de 28" in said
    for word in ("Una **reserva**", "Una **declaración**", "solución de controversias"):
        assert word in said
    # which record the texts come from: the instrument, then its publication (README of
    # reference/untc-2014/declarations: TIP's of 22 December 2013), not "de Trata de personas
    # diciembre de 2013"
    assert "(registros publicados: Trata de personas, diciembre de 2013)" in said
    blocks = [e.proto.body for e in app.get("html") if 'lang="en"' in e.proto.body]
    assert any("article 15" in b for b in blocks)
    assert not any("Republic of Cuba" in b for b in blocks)  # a party only from 2013
    # every state of the table links to its profile, keeping the view's date and language
    (table,) = app.dataframe
    links = re.findall(r"\[([^\]]+)\]\((profile\?[^)]*)\)", said)
    assert [name for name, _ in links] == list(table.value["Estado"])
    assert all("as_of=2009-06-04" in link and "lang=es" in link for _, link in links)
    assert [e.proto.label for e in app.get("expander")][:2] == ["Bahamas", "Bolivia"]
