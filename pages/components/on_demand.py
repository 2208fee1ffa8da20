"""An expander whose content is computed and sent only once the reader opens it."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st


def on_demand(label: str, key: str, draw: Callable[[], None]) -> None:
    """``draw`` the content into an expander, but only while it is open.

    A closed expander's content is still sent and drawn: a table there costs every page load its
    grid (about 0.15 s in `make bench`). Opening this one reruns the script once to draw it.
    Streamlit knows the expander by its label as well as its ``key``, so it closes again when the
    label changes (another language) or the reader leaves the page.
    """
    expander = st.expander(label, key=key, on_change="rerun")
    if expander.open:
        with expander:
            draw()
