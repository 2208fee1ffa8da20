"""The selection the shared controls made in this run (views.models.selection), for a page."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from views.models.selection import Note, Selection

SESSION_KEY = "_selection"
__all__ = ["SESSION_KEY", "Note", "Selection", "current_selection"]


def current_selection() -> Selection:
    """The selection the shared controls made in this run (app.py renders them first)."""
    _leave_legacy_pages_mode()
    if SESSION_KEY not in st.session_state:
        # This run started the page file alone while another session was switching the legacy
        # mode off (two deep links opened at once on a fresh server: a page with two embeds).
        # Rerun: app.py now routes to this page, with its controls.
        st.rerun()
    return st.session_state[SESSION_KEY]


def _leave_legacy_pages_mode() -> None:
    # Streamlit 1.67 decides on a process's first run whether a folder named pages/ beside the
    # main script is a legacy multipage app, and only st.navigation (in app.py) turns that off.
    # So a fresh server whose first request is a deep link (/map?...) runs the page file alone,
    # without app.py's controls, and keeps doing so. AppTest re-detects it on every run, too.
    # Seen from a page: switch the legacy mode off and rerun, so app.py routes to this page.
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
