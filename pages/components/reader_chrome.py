"""What every reader gets whatever their device: phone and print styles, the page's own title,
the print-only header, and Streamlit's own widget texts in the reader's language.

Streamlit has no setting for the language of its own texts ("Select all", "No results", the
table toolbar's tooltips) nor for ``<html lang>``. A same-origin script does it: a hidden
``st.iframe`` (an ``<iframe srcdoc>`` that Streamlit sandboxes with ``allow-same-origin``, so the
script reaches ``window.parent.document``) sets the page's
``lang`` and rewrites the known English texts, attributes included, as they appear (a
MutationObserver: menus and tooltips are drawn on demand). It requests nothing.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from pages.components.navigation import menu_links
from views.text.i18n import Translator
from views.text.words import plain

# Streamlit's English texts (text nodes, aria-label, title, placeholder) -> catalogue keys.
WIDGET_TEXTS = {
    "Select all": "ui.widget.select_all",
    "Choose an option": "ui.widget.choose_option",
    "Choose options": "ui.widget.choose_options",
    "Clear all": "ui.widget.clear_all",
    "Clear value": "ui.widget.clear_value",
    "No results": "ui.widget.no_results",
    "Download as CSV": "ui.widget.download_csv",
    "Search": "ui.widget.search",
    "Type to search": "ui.widget.type_to_search",
    "Close Search": "ui.widget.close_search",
    "Fullscreen": "ui.widget.fullscreen",
    "Close fullscreen": "ui.widget.close_fullscreen",
    "Show/hide columns": "ui.widget.columns",
    "Sort ascending": "ui.widget.sort_ascending",
    "Sort descending": "ui.widget.sort_descending",
    "Pin column": "ui.widget.pin_column",
    "Unpin column": "ui.widget.unpin_column",
    "Hide column": "ui.widget.hide_column",
    "Autosize": "ui.widget.autosize",
    "Format": "ui.widget.format",
    "Copy column name": "ui.widget.copy_column_name",
    "Clear selection": "ui.widget.clear_selection",
    # Streamlit's dialog for an address that names no page (app.py says which, below it)
    "Page not found": "ui.widget.page_not_found",
    "The page that you have requested does not seem to exist. Running the app's main page.": (
        "ui.widget.page_not_found_body"
    ),
    "Close": "ui.widget.close",  # the dialog's close button
    # accessible names: the skip link, the sidebar, a heading's anchor, a help icon, the menu
    "Skip to main content": "ui.widget.skip_to_main",
    "Sidebar": "ui.widget.sidebar",
    "Link to heading": "ui.widget.link_to_heading",
    "Open": "ui.widget.open",
    "Help": "ui.widget.help",
    # the date box (What changed's start): its button, its keys hint, its range error's lead
    "Choose date": "ui.widget.choose_date",
    "Clear date": "ui.widget.clear_date",
    "Use arrow keys to navigate dates. Enter to select. Escape to close.": (
        "ui.widget.calendar_keys"
    ),
    "Error": "ui.widget.error",
    "View less": "ui.widget.view_less",  # the sidebar's page list, when it is long
    # the sidebar's buttons (on a phone, "»" opens it) and a multiselect's chosen values
    "Expand sidebar": "ui.widget.expand_sidebar",
    "Collapse sidebar": "ui.widget.collapse_sidebar",
    "Selected values": "ui.widget.selected_values",
}
# Streamlit's texts with a value inside: a regular expression of the English -> the catalogue
# key and the names its template gives the groups, in order ("Help for Instrument").
WIDGET_PATTERNS = [
    (r"^Help for (.+)$", "ui.widget.help_for", ("label",)),
    (r"^Remove (.+)$", "ui.widget.remove", ("label",)),  # a chosen value's remove button
    (r"^View (\d+) more$", "ui.widget.view_more", ("count",)),
    (r"^(\d+) more$", "ui.widget.n_more", ("count",)),  # hidden choices or pages
    (
        r"^: Date set outside allowed range\. Please select a date between (\S+) and (\S+)\.$",
        "ui.widget.date_between",
        ("first", "last"),
    ),
    (
        r"^: Date set outside allowed range\. Please select a date on or after (\S+)\.$",
        "ui.widget.date_after",
        ("first",),
    ),
    (
        r"^: Date set outside allowed range\. Please select a date on or before (\S+)\.$",
        "ui.widget.date_before",
        ("last",),
    ),
]

# The script lives in static/reader_language.js (served at /app/static/, allowed by a content
# security policy of script-src 'self', which an inline script is not); it reads its language and
# texts from the JSON block beside it. ``__ratifyReader`` is the previous run's observer (a new
# language loads a new iframe): the script stops it first.
_COMPONENT = (
    '<script type="application/json" id="ratify-reader">%(config)s</script>'
    '<script src="/app/static/reader_language.js"></script>'
    '<script src="/app/static/print_charts.js"></script>'
)


def reader_language(t: Translator) -> None:
    """``<html lang>`` and Streamlit's own texts in the reader's language (see the module); the
    page menu (pages.components.navigation.menu_links) as a navigation landmark named in it,
    the current page's link marked (from the address: the frame stays across page changes)."""
    # Only the texts that change: rewriting a text to itself would wake the observer again.
    texts = {english: t(key) for english, key in WIDGET_TEXTS.items() if t(key) != english}
    config = json.dumps(
        {
            "lang": t.language,
            "texts": texts,
            "patterns": widget_patterns(t),
            "menu": {"label": t("menu.label")},
        },
        ensure_ascii=False,
    )
    # "</" cannot end the JSON block early: the JSON keeps its meaning with "<\/".
    # st.iframe wants a height of at least 1 px; STYLE hides the frame's element (by its id below).
    # Its accessible name (the frame's title) in the language too, not Streamlit's "st.iframe".
    st.iframe(
        _COMPONENT % {"config": config.replace("</", "<\\/")}, height=1, alt=t("ui.widget.frame")
    )


def widget_patterns(t: Translator) -> list[list[str]]:
    """[regular expression, replacement with $1, $2, ...] for the JavaScript; none in English."""
    if t.language == "en":
        return []
    patterns = []
    for english, key, names in WIDGET_PATTERNS:
        groups = {name: f"${n}" for n, name in enumerate(names, start=1)}
        patterns.append([english, t(key, **groups)])
    return patterns


def page_title(t: Translator, page: str) -> None:
    """The browser tab's title: the page's name, then the dashboard's."""
    st.set_page_config(page_title=t("ui.tab_title", page=t(f"nav.{page}")))


def print_header(t: Translator, page: str, as_of: str, link: str) -> None:
    """A block shown only on paper: what the page is, its date, its source and its address
    (``link``: empty when the browser's address is not known; the snapshot is in the footer)."""
    address = f"<p>{html.escape(t('ui.print.link'))} {html.escape(link)}</p>" if link else ""
    st.html(
        "<div class='print-only print-header'>"
        f"<p class='print-title'>{html.escape(t('ui.print.title', page=t(f'nav.{page}')))}</p>"
        f"<p>{html.escape(t('ui.print.status', date=as_of))}</p>"
        f"<p>{html.escape(t('ui.print.source'))}</p>{address}"
        "</div>"
    )


def unknown_page(known: list[str]) -> str:
    """The page the browser's address asked for when it is none of ``known`` (url paths);
    empty otherwise. Streamlit runs the default page for an unknown one, without a word."""
    ctx = get_script_run_ctx()
    asked = (ctx.pages_manager.intended_page_name or "") if ctx else ""
    return asked if asked and asked not in known else ""


def no_such_page(t: Translator, asked: str, query: Mapping[str, Sequence[str]]) -> None:
    """A note that the address names no page, and a link to every page, keeping the view
    ``query`` shows (pages.components.navigation.menu_links)."""
    st.warning(t("ui.no_such_page", page=plain(asked)), icon=":material/explore_off:")
    menu_links(t, query)


# Phones (under 640 px, where Streamlit stacks columns) and paper. Captions get a grey of their
# own at full opacity: Streamlit's (the text colour at opacity 0.6) is 4.1:1 on white, under
# WCAG AA's 4.5:1; #56606b is 6.4:1 on white and 5.9:1 on the sidebar's #f3f6f9.
STYLE = """
<style>
[data-testid="stCaptionContainer"] {opacity: 1 !important;}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {color: #56606b;}
.print-only {display: none;}
/* the date boxes' shared label, as Streamlit draws a widget's */
p.ctl-label {font-size: 0.875rem; margin-bottom: 0.25rem;}
/* the frame of reader_language(): no room taken (its script runs all the same) */
.stElementContainer:has(iframe[srcdoc*='id="ratify-reader"']) {display: none;}
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] {padding: 3.6rem 0.9rem 2rem 0.9rem;}
  [data-testid="stMainBlockContainer"] h1 {font-size: 1.6rem;}
  /* a segmented control (the Map's instruments) wraps instead of running off the screen */
  .stButtonGroup {width: 100% !important;}
  .stButtonGroup > div {width: 100% !important; max-width: 100% !important; flex-wrap: wrap;}
}
@media print {
  @page {margin: 1.4cm 1.2cm;}
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header,
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stTopNavLinkContainer"], [data-testid="stSidebarNav"],
  [data-testid="stElementToolbar"], .modebar-container, [data-testid="stStatusWidget"],
  .stDownloadButton, [data-testid="stSidebarCollapseButton"] {display: none !important;}
  .print-only {display: block !important;}
  .print-header {border-bottom: 1px solid #888; margin-bottom: 0.6rem; font-size: 10pt;}
  .print-header p {margin: 0 0 0.15rem 0;}
  .print-header .print-title {font-size: 13pt; font-weight: 600;}
  /* Streamlit's page scrolls inside boxes of the window's height: on paper every box grows with
     its content, or a browser prints one sheet with the rest cut off */
  html, body, #root, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"],
  [data-testid="stMain"], .stMain, .main, [data-testid="stAppScrollToBottomContainer"],
  [data-testid="stMainBlockContainer"] {overflow: visible !important;
    height: auto !important; min-height: 0 !important; position: static !important;}
  [data-testid="stMainBlockContainer"] {padding: 0 !important; max-width: 100% !important;}
  .js-plotly-plot, .stPlotlyChart {break-inside: avoid; max-width: 100% !important;}
  /* a chart drawn wider than the sheet is scaled to it, whole (static/print_charts.js gives its
     SVGs a viewBox just before printing): cut at the sheet's edge, it lost its later years */
  .svg-container.print-fit {width: min(100%, var(--print-width)) !important;
    height: auto !important; aspect-ratio: var(--print-ratio);}
  .svg-container.print-fit > svg.main-svg {width: 100% !important; height: 100% !important;}
  [data-testid="stElementContainer"]:has(.print-fit),
  [data-testid="stFullScreenFrame"]:has(.print-fit), .stPlotlyChart:has(.print-fit),
  .stPlotlyChart:has(.print-fit) .js-plotly-plot,
  .stPlotlyChart:has(.print-fit) .plot-container {height: auto !important;}
  /* a closed expander prints open: its content (a profile's declaration texts) is on paper;
     one drawn only once opened (pages/components/on_demand.py) has none and is left out */
  [data-testid="stExpander"] details::details-content {content-visibility: visible !important;
    display: block !important; height: auto !important;}
  [data-testid="stExpander"]:has([data-testid="stExpanderDetails"] >
    [data-testid="stVerticalBlock"]:empty) {display: none !important;}
  table {break-inside: auto;} tr, td, th {break-inside: avoid;}
  table.facts th, table.facts td, table.statuses td {overflow-wrap: normal; word-break: normal;
    hyphens: auto;}
  h1, h2, h3, h4 {break-after: avoid;}
}
</style>
"""
