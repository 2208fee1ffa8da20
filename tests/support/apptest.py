"""Opening the dashboard through Streamlit's AppTest, as a reader's link would, and reading what it
says.

AppTest resolves a relative path against the calling file, so the app is given by absolute path.
A page is opened as a reader's link would: the first run lands on the overview with the query,
then ``switch_page`` runs the page with it (the profile's ``state`` is added for that second run).
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from loaders.paths import PROJECT_ROOT
from views.text.i18n import translate

APP = PROJECT_ROOT / "app.py"
PAGES = [
    "overview", "map", "timeline", "subregions", "profile", "family", "world", "reservations",
    "data",
]  # fmt: skip
TIMEOUT = 60
# page -> the key of its expander drawn only once opened (pages.components.on_demand)
ON_DEMAND = {"timeline": "timeline_table"}
# page -> the key of its chart's tabs whose Table tab is drawn only once chosen
# (pages.components.chart_tabs)
TABLE_TAB = {"map": "tabs_map", "family": "tabs_family", "world": "tabs_world"}


def open_app(page: str = "overview", opened: bool = False, **params: str | list[str]) -> AppTest:
    """The app at ``page`` opened with ``params`` as its link query, as a fresh session.

    ``opened``: the reader also opens the page's expander that is drawn on demand, or its
    chart's Table tab.
    """
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    state = params.pop("state", None)
    app.query_params.update(params)
    app.run()
    if page != "overview":
        if state is not None:
            app.query_params["state"] = state
        app.switch_page(f"pages/{page}.py").run()
    if opened and page in TABLE_TAB:
        language = params.get("lang", "en")
        app.session_state[TABLE_TAB[page]] = translate(str(language), "edition.table")
        app.run()
    if opened and page in ON_DEMAND:
        key = ON_DEMAND[page]
        app.session_state[key] = True
        app.run()
        # A page that shows the expander (not one that stopped early) drew its table: the key
        # still names it.
        if any(e.proto.id.endswith(f"-{key}") for e in app.get("expander")):
            assert app.dataframe, f"opening {key!r} drew no table"
    assert not app.exception, [e.value for e in app.exception]
    return app


def texts(app: AppTest) -> str:
    """Everything the page says in words (markdown, captions, alerts, HTML tables, headings)."""
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader")
             for e in getattr(app, kind)]  # fmt: skip
    parts += [e.value for kind in ("info", "warning", "error") for e in getattr(app, kind)]
    parts += [e.proto.body for e in app.get("html")]
    parts += [e.proto.label for e in app.get("expander")]
    return "\n".join(parts)


def notes(app: AppTest) -> str:
    return "\n".join(e.value for e in app.info)
