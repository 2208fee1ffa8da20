"""The selection the shared controls made in this run (views.models.selection), for a page."""

from __future__ import annotations

import streamlit as st

from pages.components.navigation import ensure_routed
from views.models.selection import Note, Selection

SESSION_KEY = "_selection"
__all__ = ["SESSION_KEY", "Note", "Selection", "current_selection"]


def current_selection() -> Selection:
    """The selection the shared controls made in this run (app.py renders them first; a page
    run without app.py hands the run over to it first)."""
    ensure_routed()
    return st.session_state[SESSION_KEY]
