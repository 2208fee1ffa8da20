"""The dashboard's pages, and the one way a page runs: through app.py's router.

Streamlit 1.67 takes a folder named pages/ beside the main script for a legacy multipage app until
``st.navigation`` has run once in the process. So the first request of a fresh server that is a
deep link (/map?...) runs the page file alone, without app.py's language, controls and source
line (AppTest does it on every run). A page that finds itself run that way calls
``st.navigation`` itself, which ends the legacy mode for the process, and reruns: app.py then
routes to the same page (a page's identity is its url path), with its query.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

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
