"""The one cached copy of the dataset: shared by every session, reloaded after a refresh."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

import streamlit as st

from loaders.paths import data_dir
from loaders.store.dataset import Dataset, load_dataset
from loaders.store.snapshot import SnapshotError, current_name
from views.models.selection import Selection
from views.text.localized import localized

T = TypeVar("T")


# No spinner text here: app.py shows one in the reader's language around the first load.
@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, snapshot: str) -> Dataset:
    # ``snapshot`` is only part of the cache key: a refresh points CURRENT at a new snapshot,
    # so the next page view loads it while sessions on the old one keep their copy.
    del snapshot
    return load_dataset(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=16)
def _load_in(folder: str, snapshot: str, language: str) -> Dataset:
    # Names in a language are the same for every reader of that language: made once, shared.
    return localized(_load(folder, snapshot), language)


PINNED = "_snapshot_of_this_run"


def pin_snapshot() -> None:
    """Read the ``CURRENT`` pointer once for this script run (app.py calls it first).

    Every load_data() of the run then uses the snapshot named here, so a refresh that swaps the
    pointer while the run is under way never gives one page parts of two snapshots; the next run
    reads the new pointer.
    """
    try:
        st.session_state[PINNED] = current_name(data_dir())
    except SnapshotError:
        st.session_state[PINNED] = ""  # load_dataset reports it, or falls back to the last good


def load_data(language: str = "en") -> Dataset:
    """The dataset of this run's snapshot (:func:`pin_snapshot`) under RATIFY_DATA_DIR (or the
    project's data/), with state, group and instrument names in ``language``
    (views.text.localized)."""
    if PINNED not in st.session_state:
        pin_snapshot()
    return _load_in(str(data_dir()), st.session_state[PINNED], language)


def page_model(
    build: Callable[..., T], selection: Selection, *extra: Hashable, english_data: bool = False
) -> T:
    """``build(dataset, selection, *extra)`` for this run's snapshot, made once per snapshot and
    view and shared by every reader of it (a page model is pure, and pages only read it).
    ``dataset`` is in the reader's language, or in English with ``english_data`` (the Data page's
    file keeps English names whatever the language).

    Most readers open the same view (today, all states), and building its model was most of a new
    session's script run (py-spy under make serve). Links' notes are not part of a view.
    """
    if PINNED not in st.session_state:
        pin_snapshot()
    key = (
        f"{build.__module__}.{build.__qualname__}",
        str(data_dir()),
        st.session_state[PINNED],
        selection.language,
        selection.as_of,
        selection.instruments,
        selection.groups,
        extra,
    )
    dataset = load_data("en" if english_data else selection.language)
    return _model(build, dataset, (*key, english_data))


@st.cache_resource(show_spinner=False, max_entries=256)
def _model(_build: Callable, _dataset: Dataset, key: tuple) -> object:
    # The underscored arguments are not hashed; ``key`` names the build, the snapshot and the view.
    _name, _folder, _snapshot, language, as_of, instruments, groups, extra, _english = key
    selection = Selection(instruments=instruments, as_of=as_of, groups=groups, language=language)
    return _build(_dataset, selection, *extra)
