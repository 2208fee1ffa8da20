"""The entry point of ``make serve``'s replicas: app.py, with the replica's script runs taken in
turn, in the order the readers asked.

Streamlit runs every session's script at once, in threads that share one core's worth of Python:
under a burst of 100 new readers, every one of them waits for all of them (in `make bench-serve`
all 100 finished within 0.2 s of each other, at 7.7 s). Here a replica runs RUNS_AT_ONCE scripts
at a time and the others wait in line, seeing the app's own "Loading…" note in their language;
the first readers get their pages at once and the last no later than before, and the event loop
(health checks, WebSocket traffic) keeps its share of the processor. ``make run`` (local_app.py) and
the tests run app.py itself, unchanged.

It lives beside app.py because Streamlit resolves the pages' paths against the main script's
folder.
"""

from __future__ import annotations

import os
import runpy
import threading
from pathlib import Path

import streamlit as st

from pages.components.controls import chosen_language
from views.text.i18n import Translator

APP = Path(__file__).with_name("app.py")
# One run at a time: the script is pure Python (the GIL), so two at once only take twice as long.
RUNS_AT_ONCE = int(os.environ.get("RATIFY_RUNS_AT_ONCE", "1"))


@st.cache_resource(show_spinner=False)
def _turns() -> threading.Semaphore:
    # threading's semaphore wakes its waiters first come, first served.
    return threading.BoundedSemaphore(RUNS_AT_ONCE)


turns = _turns()
held = turns.acquire(blocking=False)
try:
    if not held:
        with st.spinner(Translator(chosen_language())("app.loading")):
            # Noted at once: leaving the spinner is a Streamlit call, which raises if the reader
            # asked for a rerun meanwhile, and the turn must still be handed on.
            held = turns.acquire()
    runpy.run_path(str(APP), run_name="__main__")
finally:
    if held:
        turns.release()
