"""The page menu (issue #24): every page, in the reader's language, each link carrying the view,
so that a page change opens the same view even in a fresh session (another replica after one
died: no session state, only the link).

Expected labels are the Spanish catalogue's page names; expected queries are the view's link
parameters that each page reads (pages.components.navigation.link_params).
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.apptest import open_app
from tests.support.data import PREVIOUS_SNAPSHOT

SPANISH = [
    ("", "Párrafo 6"), ("map", "Mapa"), ("timeline", "Cronología"), ("subregions", "Subregiones"),
    ("profile", "Perfil del Estado"), ("family", "Familia de tratados"), ("world", "En el mundo"),
    ("reservations", "Reservas"), ("changes", "Qué cambió"), ("data", "Datos"),
]  # fmt: skip


def _menu(app: AppTest) -> list[tuple[str, str, str]]:
    """(page, label, query) of the sidebar menu's links; the phone's menu holds the same."""
    links = [(e.proto.page, e.proto.label, e.proto.query_string) for e in app.get("page_link")]
    assert len(links) == 20 and links[:10] == links[10:], links
    return links[:10]


def test_every_link_keeps_the_view_and_the_profile_its_state() -> None:
    app = open_app("profile", lang="es", as_of="2009-06-04", instrument="TIP", state="BOL")
    view = "instrument=TIP&as_of=2009-06-04&lang=es"
    assert _menu(app) == [
        (page, label, view + ("&state=BOL" if page == "profile" else "")) for page, label in SPANISH
    ]


def test_the_links_follow_the_readers_latest_choices() -> None:
    app = open_app("profile", instrument="SOM", state="BOL")
    app.selectbox(key="profile_state").select("BRA").run()
    # the sidebar's resolution-day button
    next(b for b in app.button if b.label == "4 June 2009").click().run()
    assert not app.exception, [e.value for e in app.exception]
    menu = dict((page, query) for page, _, query in _menu(app))
    assert menu["profile"] == "instrument=SOM&as_of=2009-06-04&state=BRA"
    assert menu["map"] == menu[""] == "instrument=SOM&as_of=2009-06-04"


def test_the_snapshot_shown_travels_and_a_refused_one_does_not() -> None:
    app = open_app("map", snapshot=PREVIOUS_SNAPSHOT, group="CARICOM")
    for _, _, query in _menu(app):
        assert query == f"group=CARICOM&snapshot={PREVIOUS_SNAPSHOT}"
    app = open_app("map", snapshot="20991231T000000000000Z-refresh", group="CARICOM")
    for _, _, query in _menu(app):
        assert query == "group=CARICOM"


def test_a_parameter_no_page_reads_stays_behind() -> None:
    app = open_app(colour="red", lang="fr")
    app.query_params["since"] = "2015-01-01"  # open_app's first run is the overview's
    app.switch_page("pages/changes.py").run()
    assert not app.exception, [e.value for e in app.exception]
    menu = dict((page, query) for page, _, query in _menu(app))
    assert menu["changes"] == "lang=fr&since=2015-01-01"
    assert menu["data"] == "lang=fr"
