"""Ratify Americas: the router and the chrome every page shares.

Page config, the shared controls (held in the URL), the banners and the source line live here;
each page in pages/ only draws what it shows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from loaders.registry import ReferenceDataError
from loaders.snapshot import SnapshotError
from pages.components.banner import banners
from pages.components.controls import shared_controls
from pages.components.data import load_data
from pages.components.footer import provenance_footer

st.set_page_config(
    page_title="Ratify Americas",
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
    initial_sidebar_state="expanded",
)

PAGES = [
    st.Page(
        "pages/overview.py",
        title="Paragraph 6",
        url_path="overview",
        default=True,
        icon=":material/flag:",
    ),
    st.Page("pages/map.py", title="Map", url_path="map", icon=":material/public:"),
    st.Page("pages/timeline.py", title="Timeline", url_path="timeline", icon=":material/timeline:"),
    st.Page(
        "pages/subregions.py",
        title="Subregions",
        url_path="subregions",
        icon=":material/workspaces:",
    ),
    st.Page(
        "pages/profile.py",
        title="State profile",
        url_path="profile",
        icon=":material/account_balance:",
    ),
    st.Page("pages/data.py", title="Data", url_path="data", icon=":material/table:"),
]
# Link parameters a page reads itself; the shared ones (instrument, as_of, group) are everywhere.
PAGE_PARAMS = {"profile": ("state",)}

# A calmer page: less empty space above the content and a smaller page title.
STYLE = """
<style>
[data-testid="stMainBlockContainer"] {padding: 3.6rem 2.5rem 2rem 2.5rem;}
[data-testid="stMainBlockContainer"] h1 {font-size: 2.1rem; padding-top: 0.25rem;}
[data-testid="stSidebarHeader"] {height: 1rem;}
</style>
"""

page = st.navigation(PAGES, position="top")
st.html(STYLE)
today = date.today()
try:
    dataset = load_data()
except (SnapshotError, ReferenceDataError) as exc:
    st.error(
        f"The treaty data could not be loaded: {exc}  \n"
        "Rebuild it with `python -m loaders compile-reference`, or fetch it with "
        "`python -m loaders refresh` (or `make refresh`).",
        icon=":material/error:",
    )
    st.stop()

selection = shared_controls(dataset, today, PAGE_PARAMS.get(page.url_path, ()))
banners(dataset, selection.notes, today)
# The source line is drawn first, into a container below the page's, so that a page which stops
# early (st.stop: nothing more to show) still ends with it.
body, footer = st.container(), st.container()
with footer:
    provenance_footer(dataset)
with body:
    page.run()
