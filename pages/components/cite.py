""" "Cite this view" under every page: the citation as text to select, and a button that copies it.

Light on purpose: a text area and a 1 KB button in an ``st.iframe`` frame that writes to the
clipboard (navigator.clipboard, or the older execCommand where the frame may not). Not st.code,
whose copy button loads a 1.5 MB syntax highlighter (ARCHITECTURE.md, Performance).
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Callable
from datetime import date

import streamlit as st

from loaders.paths import PROJECT_ROOT
from loaders.store.dataset import Dataset
from pages.components.on_demand import on_demand
from views.models.citation import base_url, citation, embed_snippet
from views.models.selection import Selection
from views.text.i18n import Translator

# The script is the same for every citation (the text and the words travel in the markup), so a
# Content-Security-Policy can allow it by its hash: COPY_SCRIPT_SHA256 (README, Embeds). It lives in
# static/ as it is inlined, byte for byte, so its hash can be computed from the file alone
# (`make build` hashes it for the proxy's CSP without importing the app).
COPY_SCRIPT_FILE = PROJECT_ROOT / "static" / "copy_citation.js"
COPY_SCRIPT = COPY_SCRIPT_FILE.read_text(encoding="utf-8")
COPY_SCRIPT_SHA256 = base64.b64encode(hashlib.sha256(COPY_SCRIPT.encode()).digest()).decode()
_STYLE = """<style>
button {font: 14px/1.4 "Source Sans Pro", "Source Sans 3", sans-serif; color: #1d2733;
  background: #fff; border: 1px solid #c7ced6; border-radius: 0.5rem; padding: 0.3rem 0.8rem;
  cursor: pointer;}
button:hover {border-color: #1f5f99; color: #1f5f99;}
body {margin: 0;}
</style>"""


def copy_button(text: str, label: str, done: str, failed: str) -> None:
    """A button copying ``text``; the text is in an HTML-escaped hidden text area."""
    # st.iframe with a fixed height: a srcdoc frame holding exactly this markup (a "content"
    # height would add Streamlit's own inline sizing script, which the CSP does not allow).
    st.iframe(
        '<!doctype html><meta charset="utf-8">'
        + _STYLE
        + f'<button type="button" id="copy" aria-live="polite" data-done="{html.escape(done)}"'
        + f' data-failed="{html.escape(failed)}">{html.escape(label)}</button>'
        + f'<textarea id="text" hidden>{html.escape(text)}</textarea>'
        + f"<script>{COPY_SCRIPT}</script>",
        height=40,
        alt=label,  # the frame's accessible name: the button's, not Streamlit's "st.iframe"
    )


def copy_block(label: str, text: str, t: Translator, copy_key: str, height: int = 110) -> None:
    """``text`` in a text area (select it by hand, too) with its copy button below."""
    st.text_area(label, text, height=height)
    copy_button(text, t(copy_key), t("cite.copied"), t("cite.copy_failed"))


# A page's own link parameters and the session keys of the widgets that choose them: read before
# the page runs (app.py draws this under it first, so a page that stops early still has it), the
# widget's state is already the reader's latest choice, the link's only on a first visit.
PAGE_WIDGETS = {"profile": {"state": "profile_state"}, "changes": {"since": "changes_since"}}


def page_extra(page: str) -> dict[str, str]:
    """The page's own parameters as the reader has them now (the profile's state, ...)."""
    extra = {}
    for param, key in PAGE_WIDGETS.get(page, {}).items():
        value = st.session_state.get(key) or st.query_params.get(param, "")
        extra[param] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return extra


def cite_this_view(cite: Callable[[], tuple[str, str | None]], t: Translator) -> None:
    """An expander, drawn only once opened, with the citation ``cite()`` makes and, where the
    page can be embedded, its iframe snippet."""

    def draw() -> None:
        citation, embed = cite()
        copy_block(t("cite.label"), citation, t, "cite.copy")
        if embed:
            st.caption(t("embed.note"))
            copy_block(t("embed.label"), embed, t, "embed.copy", height=90)

    on_demand(t("cite.title"), "cite_view", draw)


def cite_view(dataset: Dataset, selection: Selection, page: str, today: date) -> None:
    """The "Cite this view" expander of ``page`` as ``selection`` shows it, accessed ``today``.
    ``dataset``: localized to the selection's language."""

    def cite() -> tuple[str, str | None]:
        base, extra = base_url(st.context.url) or "/", page_extra(page)
        return (
            citation(dataset, selection, page, today, base, extra),
            embed_snippet(dataset, selection, page, base, extra),
        )

    cite_this_view(cite, selection.t)
