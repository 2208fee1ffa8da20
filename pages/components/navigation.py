"""The dashboard's pages, and the one way a page runs: through app.py's router.

Streamlit 1.67 takes a folder named pages/ beside the main script for a legacy multipage app until
``st.navigation`` has run once in the process. So the first request of a fresh server that is a
deep link (/map?...) runs the page file alone, without app.py's language, controls and source
line (AppTest does it on every run). A page that finds itself run that way calls
``st.navigation`` itself, which ends the legacy mode for the process, and reruns: app.py then
routes to the same page (a page's identity is its url path), with its query.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from views.text.i18n import Translator

# url path, file, icon; the titles are the reader's language's (app.py)
PAGES = [
    ("overview", "pages/overview.py", ":material/flag:"),
    ("map", "pages/map.py", ":material/public:"),
    ("timeline", "pages/timeline.py", ":material/timeline:"),
    ("subregions", "pages/subregions.py", ":material/workspaces:"),
    ("profile", "pages/profile.py", ":material/account_balance:"),
    ("family", "pages/family.py", ":material/account_tree:"),
    ("world", "pages/world.py", ":material/travel_explore:"),
    ("reservations", "pages/reservations.py", ":material/gavel:"),
    ("changes", "pages/changes.py", ":material/history:"),
    ("data", "pages/data.py", ":material/table:"),
]
DEFAULT_PAGE = "overview"

# Link parameters every page reads (pages.components.controls; the snapshot: app.py, through
# pages.components.data.pin_snapshot, which says what it did with it), and those a page reads
# itself.
SHARED_PARAMS = ("instrument", "as_of", "group", "lang", "snapshot")
PAGE_PARAMS = {"profile": ("state",), "changes": ("since",)}

# True while app.py runs the page of this script run (a script run keeps to one thread).
_ROUTED: ContextVar[bool] = ContextVar("routed_by_app", default=False)


@contextmanager
def routed() -> Iterator[None]:
    """app.py runs the page inside this: the page knows the router drew the shared chrome."""
    token = _ROUTED.set(True)
    try:
        yield
    finally:
        _ROUTED.reset(token)


def ensure_routed() -> None:
    """From a page: return when app.py runs it; otherwise hand the run over to app.py."""
    if _ROUTED.get():
        return
    st.navigation(
        [st.Page(file, url_path=path, default=path == DEFAULT_PAGE) for path, file, _ in PAGES],
        position="hidden",
    )
    st.rerun()


def link_params(query: Mapping[str, Sequence[str]], target: str) -> dict[str, list[str]]:
    """The query of a link to the page ``target`` (a url path) that keeps the view ``query``
    shows: the parameters the target reads (the shared ones, and its own), each value a plain
    string; the others are dropped (the profile's ``state`` means nothing to the Map). A link
    that carries the view opens it in a fresh session too (another replica, no session state)."""
    wanted = (*SHARED_PARAMS, *PAGE_PARAMS.get(target, ()))
    params = {}
    for key in wanted:
        values = [str(value) for value in query.get(key, ()) if str(value)]
        if values:
            params[key] = values
    return params


def menu_links(t: Translator, query: Mapping[str, Sequence[str]]) -> None:
    """Every page as a link in the reader's language, carrying the view (:func:`link_params`).
    Streamlit marks the current page's link; reader_language.js adds its ``aria-current``."""
    for path, file, icon in PAGES:
        st.page_link(file, label=t(f"nav.{path}"), icon=icon, query_params=link_params(query, path))
