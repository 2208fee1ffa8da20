"""Ratify Americas: the router and the chrome every page shares.

Page config, the language, the shared controls (held in the URL), the banners and the source line
live here; each page in pages/ only draws what it shows. Every word comes from the catalogue of
the reader's language (locales/, views.text.i18n).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from loaders.store.dataset import Dataset
from loaders.store.registry import ReferenceDataError
from loaders.store.snapshot import SnapshotError
from pages.components.banner import banners
from pages.components.chart_config import chart_toolbar_style
from pages.components.cite import cite_view, page_extra
from pages.components.controls import chosen_language, shared_controls
from pages.components.data import Pin, current_data, load_data, page_model, pin_snapshot
from pages.components.embed import embed_chrome, is_embedded
from pages.components.footer import provenance_footer
from pages.components.navigation import PAGE_PARAMS, PAGES, menu_links, routed
from pages.components.reader_chrome import STYLE as READER_STYLE
from pages.components.reader_chrome import (
    no_such_page,
    page_title,
    print_header,
    reader_language,
    unknown_page,
)
from views.models.citation import SNAPSHOT_PARAM
from views.models.world_words import world_group_notes
from views.text.i18n import Translator
from views.text.words import MAKE_REFRESH, REFRESH_COMMAND, RESTORE_COMMAND

st.set_page_config(
    page_title="Ratify Americas",
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
    # "auto": open on a wide screen, closed on a phone's (Streamlit's breakpoint), where it
    # would cover the page.
    initial_sidebar_state="auto",
)

# A calmer page: less empty space above the content and a smaller page title. The page menu: in
# the sidebar, every page listed; on a phone (Streamlit's breakpoint, 768 px, where the sidebar
# starts closed) a labelled button at the top of the page opens it instead; never on paper.
STYLE = """
<style>
[data-testid="stMainBlockContainer"] {padding: 3.6rem 2.5rem 2rem 2.5rem;}
[data-testid="stMainBlockContainer"] h1 {font-size: 2.1rem; padding-top: 0.25rem;}
[data-testid="stSidebarHeader"] {height: 1rem;}
.st-key-page_menu {gap: 0.1rem; padding-bottom: 0.75rem; border-bottom: 1px solid #d5dae0;}
@media (min-width: 769px) {.st-key-phone_menu {display: none;}}
/* on a phone the button sits in the header's row, right of Streamlit's sidebar control, above the
   header (which would take its clicks): the first screen keeps its height for the answer */
@media (max-width: 768px) {
  .st-key-phone_menu {position: relative; z-index: 1000001; margin-top: -3.15rem;
    align-items: flex-end; margin-bottom: 0.4rem;}
}
@media print {.st-key-phone_menu {display: none;}}
</style>
"""


def _newest_link(page_path: str) -> str:
    """This page's link without ``snapshot=``: the same view on the newest snapshot."""
    query = {k: st.query_params.get_all(k) for k in st.query_params if k != SNAPSHOT_PARAM}
    return f"./{page_path}?{urlencode(query, doseq=True)}"


def snapshot_note(t: Translator, pin: Pin, shown: Dataset, page_path: str) -> None:
    """Where the link names a snapshot: the older one it cites, with a link to the newest, or
    why it could not be shown (unknown or damaged) and that the current one is shown."""
    newest = _newest_link(page_path)
    if pin.refused:
        asked = (pin.asked or "")[:80].replace("`", "'")
        current = shown.meta.snapshot_id
        st.warning(
            t("snapshot.refused", asked=f"`{asked}`", current=f"`{current}`"),
            icon=":material/history:",
        )
    elif (current := current_data()) is not None:
        meta = shown.meta
        st.info(
            t(
                "snapshot.older",
                snapshot=f"`{meta.snapshot_id}`",
                compiled=t.date(meta.compiled_at.date()),
                newest=f"`{current.meta.snapshot_id}`",
                link=newest,
            ),
            icon=":material/history:",
        )


def _address() -> str:
    """The page's address as the reader's browser shows it, query included (for paper)."""
    query = urlencode({k: st.query_params.get_all(k) for k in st.query_params}, doseq=True)
    url = st.context.url or ""
    return f"{url}?{query}" if url and query else url


t = Translator(chosen_language())
embedded = is_embedded()  # ?embed=true: another site's page shows this view in a frame
# Streamlit's own menu is hidden: its links cannot carry the view's parameters, so a page change
# after the session is lost (another replica) opened the default view. menu_links draws ours.
page = st.navigation(
    [
        st.Page(file, title=t(f"nav.{path}"), url_path=path, icon=icon, default=path == "overview")
        for path, file, icon in PAGES
    ],
    position="hidden",
)
# the default page's url path is ""
page_name = page.url_path or "overview"
page_title(t, page_name)
st.html(STYLE + READER_STYLE + chart_toolbar_style(t))
reader_language(t)
# The page menu's places, filled once the view is known (below): the sidebar's top, and on a
# phone the top of the page. Not in an embed: the frame shows one view.
if not embedded:
    phone_menu = st.container(key="phone_menu")
    sidebar_menu = st.sidebar.container(key="page_menu")
today = date.today()
pin = pin_snapshot()  # one snapshot for the whole run, whatever a refresh does meanwhile
try:
    with st.spinner(t("app.loading")):
        dataset = load_data()
except (SnapshotError, ReferenceDataError) as exc:
    detail = str(exc).replace("`", "'")  # the loader's own words (English), as a code span
    st.error(
        t("app.data_error", detail=f"`{detail}`")
        + "  \n"
        + t(
            "app.data_error_way_out",
            restore=RESTORE_COMMAND,
            refresh=REFRESH_COMMAND,
            make=MAKE_REFRESH,
        ),
        icon=":material/error:",
    )
    st.stop()

local = load_data(t.language)
selection = shared_controls(local, today, PAGE_PARAMS.get(page.url_path, ()))
print_header(
    t,
    page_name,
    t.date(selection.as_of),
    _address(),
)


def _view_query() -> dict[str, list[str]]:
    """The view as the links carry it: the address's query, a snapshot only if it is shown, and
    the page's own parameters as the reader has them now (the page runs after the menu)."""
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    if pin.refused:
        query.pop(SNAPSHOT_PARAM, None)
    query.update({key: [value] for key, value in page_extra(page_name).items() if value})
    return query


if not embedded:
    view_query = _view_query()
    with sidebar_menu:
        menu_links(t, view_query)
    with phone_menu, st.popover(t("menu.label"), icon=":material/menu:"):
        menu_links(t, view_query)
banners(local, selection, today)
if page_name != "world" and (group_notes := page_model(world_group_notes, selection)):
    # a group of the world on a page of the 35: its members among the 35, said in words
    st.info("  \n".join(group_notes), icon=":material/public:")
snapshot_note(t, pin, local, page.url_path)
# The source line is drawn first, into a container below the page's, so that a page which stops
# early (st.stop: nothing more to show) still ends with it.
body, footer = st.container(), st.container()
if embedded:  # the source line first, so it shows inside the frame without scrolling
    footer, body = body, footer
with footer:
    provenance_footer(local, selection.t)
    if embedded:
        embed_chrome(selection, page.url_path or "overview")
    else:
        cite_view(local, selection, page.url_path or "overview", today)  # and the embed code
with body:
    # An address that names no page: say so, instead of Streamlit's silent overview.
    if asked := unknown_page([path for path, _, _ in PAGES]):
        no_such_page(t, asked, {} if embedded else view_query)
    else:
        with routed():  # the page knows app.py drew its controls (pages.components.navigation)
            page.run()
