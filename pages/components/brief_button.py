"""The brief's download: the PDF is made only when the reader clicks (a callable), so showing
the button costs the page nothing.

A PDF is made once per (snapshot, subject, date, language) and kept for every reader (the file
name names the last three), and each session may have a few made a minute: one client asking
thousands of briefs in seconds kept a core busy for minutes after it left. Beyond the limit the
reader gets a one-page note to wait a minute, in their language.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from loaders.publish.pdf import Document, Section, render_pdf
from views.text.i18n import Translator

KEPT = 64  # PDFs kept (about 30-60 KB each)
PER_MINUTE = 6  # PDFs a session may have made in any 60 seconds (cached ones are free)
WINDOW = 60.0

_pdfs: OrderedDict[tuple[str, str], bytes] = OrderedDict()
_made: dict[str, deque[float]] = {}
_lock = threading.Lock()
_making = threading.Lock()  # one PDF made at a time: the others wait, then find it kept


def brief_button(
    document: Callable[[], Document], file_name: str, t: Translator, key: str, snapshot: str
) -> None:
    ctx = get_script_run_ctx()
    session = ctx.session_id if ctx else ""
    st.download_button(
        t("brief.download"),
        data=lambda: brief_pdf(document, (snapshot, file_name), session, t),
        file_name=file_name,
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key=key,
    )


def brief_pdf(
    document: Callable[[], Document],
    key: tuple[str, str],
    session: str,
    t: Translator,
    now: Callable[[], float] = time.monotonic,
) -> bytes:
    """The brief's PDF, kept per ``key``; a note to wait when ``session`` asked too many."""
    with _lock:
        if key in _pdfs:
            _pdfs.move_to_end(key)
            return _pdfs[key]
        recent = _made.setdefault(session, deque())
        while recent and now() - recent[0] > WINDOW:
            recent.popleft()
        if len(recent) >= PER_MINUTE:
            return _wait_note(t)
        recent.append(now())
    with _making:
        with _lock:
            if key in _pdfs:
                return _pdfs[key]
        pdf = render_pdf(document())
    with _lock:
        _pdfs[key] = pdf
        while len(_pdfs) > KEPT:
            _pdfs.popitem(last=False)
    return pdf


_notes: dict[str, bytes] = {}


def _wait_note(t: Translator) -> bytes:
    if t.language not in _notes:
        words = t("brief.too_many", count=PER_MINUTE)
        _notes[t.language] = render_pdf(
            Document(
                title=words, subtitle="", sections=(Section(words),), footer="", language=t.language
            )
        )
    return _notes[t.language]
