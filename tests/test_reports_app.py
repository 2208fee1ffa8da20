"""Reports in the dashboard through AppTest: "Cite this view" under every page, the embed code,
the Data page's terms, the change page and the briefs' downloads."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.test_app_pages import PAGES, open_app, texts

pytestmark = pytest.mark.apptest


def _open_cite(app: AppTest) -> list[str]:
    app.session_state["cite_view"] = True
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return [area.value for area in app.text_area]


@pytest.mark.parametrize("page", PAGES)
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
