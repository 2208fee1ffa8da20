"""Embed mode (``?embed=true``, the link of an "Embed this view" snippet): another site's page
shows one view in a frame. Streamlit hides its own toolbar; this hides the sidebar and the page
menu too, and app.py puts the source line first, so the title, the date and the source show
inside the frame without scrolling. A link opens the same view in the full dashboard."""

from __future__ import annotations

import streamlit as st

from pages.components.cite import page_extra
from views.models.citation import base_url, pinned_params, view_link
from views.models.selection import Selection

EMBED_STYLE = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] {display: none !important;}
[data-testid="stMainBlockContainer"] {padding: 0.75rem 1.25rem 1rem 1.25rem !important;}
[data-testid="stMainBlockContainer"] h1 {font-size: 1.6rem !important; padding-top: 0 !important;}
</style>
"""


def is_embedded() -> bool:
    return bool(st.context.is_embedded)


def embed_chrome(selection: Selection, page: str) -> None:
    """The embed's style and its link back to the full view (opens in a new tab)."""
    st.html(EMBED_STYLE)
    params = pinned_params(selection, page_extra(page))
    link = view_link(base_url(st.context.url) or "/", page, params)
    st.markdown(f"[{selection.t('embed.open')} ↗]({link})")
