"""The one cached copy of each snapshot's dataset: shared by every session, keyed by the
snapshot's id, so a refresh (a new id in CURRENT) is loaded by the next run while the runs on
the old id keep their copy; a link's ``snapshot=`` opens the snapshot it cites."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast

import streamlit as st

from loaders.paths import data_dir
from loaders.store.dataset import Dataset, load_dataset
from loaders.store.snapshot import SnapshotError, UnknownSnapshotError, current_id
from views.models.citation import SNAPSHOT_PARAM
from views.models.selection import Selection
from views.text.localized import localized

T = TypeVar("T")


# No spinner text here: app.py shows one in the reader's language around the first load.
@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, snapshot: str, _current: str | None) -> Dataset:
    """The dataset of ``snapshot``, the one place the app loads data. The cache is keyed by the
    folder and the id alone: ``_current`` (CURRENT as this run read it) is not hashed. The
    current snapshot ("" when CURRENT is unreadable) falls back to the last good one with a
    warning; another id is read as it is, or refused (UnknownSnapshotError, SnapshotError)."""
    if snapshot == (_current or ""):
        return load_dataset(Path(folder), current=_current)
    return load_dataset(Path(folder), snapshot, current=_current)


@st.cache_resource(show_spinner=False, max_entries=16)
def _load_in(folder: str, snapshot: str, _current: str | None, language: str) -> Dataset:
    # Names in a language are the same for every reader of that language: made once, shared.
    return localized(_load(folder, snapshot, _current), language)


@dataclass(frozen=True)
class Pin:
    """The snapshot of this script run: CURRENT as read once, the one shown, and what the
    link asked for where it was not the current one (``refused``: it could not be shown)."""

    current: str | None  # None: CURRENT missing or damaged (the loader falls back and says so)
    shown: str  # the cache key: an id of the history, or "" for an unreadable CURRENT
    asked: str | None = None
    refused: bool = False


PINNED = "_snapshot_of_this_run"


def pin_snapshot() -> Pin:
    """Read the ``CURRENT`` pointer once for this script run (app.py calls it first), and the
    link's ``snapshot=``.

    Every load_data() of the run then uses the snapshot named here, so a refresh that swaps the
    pointer while the run is under way never gives one page parts of two snapshots; the next run
    reads the new pointer. An older snapshot of the history named by the link is shown instead;
    an unknown or damaged one is refused (app.py says so) and the current one shown.
    """
    current = current_id(data_dir())
    asked = st.query_params.get(SNAPSHOT_PARAM) or None
    pin = Pin(current, current or "")
    if asked and asked != current:
        try:
            _load(str(data_dir()), asked, current)
            pin = Pin(current, asked, asked)
        except (UnknownSnapshotError, SnapshotError):
            pin = Pin(current, current or "", asked, refused=True)
    st.session_state[PINNED] = pin
    return pin


def pinned() -> Pin:
    """This run's pin (:func:`pin_snapshot`, made now if app.py has not)."""
    pin = st.session_state.get(PINNED)
    return pin if isinstance(pin, Pin) else pin_snapshot()


def load_data(language: str = "en") -> Dataset:
    """The dataset of this run's snapshot (:func:`pin_snapshot`) under RATIFY_DATA_DIR (or the
    project's data/), with state, group and instrument names in ``language``
    (views.text.localized)."""
    pin = pinned()
    return _load_in(str(data_dir()), pin.shown, pin.current, language)


def current_data(language: str = "en") -> Dataset | None:
    """The current snapshot's dataset where this run shows an older one (for its note)."""
    pin = pinned()
    if pin.shown == (pin.current or ""):
        return None
    return _load_in(str(data_dir()), pin.current or "", pin.current, language)


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
    key = (
        *_made_from(build, selection.language),
        selection.as_of,
        selection.instruments,
        selection.groups,
        extra,
    )
    dataset = load_data("en" if english_data else selection.language)
    return cast(T, _model(build, dataset, (*key, english_data)))


def snapshot_model(build: Callable[..., T], language: str, *extra: Hashable) -> T:
    """``build(dataset, *extra)`` for this run's snapshot in ``language``, made once per snapshot
    and shared by every view and reader: the parts of a model that no view's date changes (the
    World page's year ends), so that a first visit of a date makes only what is its own."""
    key = (*_made_from(build, language), extra)
    return cast(T, _snapshot_model(build, load_data(language), key))


def _made_from(build: Callable, language: str) -> tuple[str, str, str, str]:
    """What every cached model's key starts with: the build, the data folder, this run's
    snapshot and the language."""
    return f"{build.__module__}.{build.__qualname__}", str(data_dir()), pinned().shown, language


@st.cache_resource(show_spinner=False, max_entries=64)
def _snapshot_model(_build: Callable, _dataset: Dataset, key: tuple) -> object:
    # As _model, without a view: ``key`` names the build, the snapshot and the language.
    return _build(_dataset, *key[-1])


@st.cache_resource(show_spinner=False, max_entries=256)
def _model(_build: Callable, _dataset: Dataset, key: tuple) -> object:
    # The underscored arguments are not hashed; ``key`` names the build, the snapshot and the view.
    _name, _folder, _snapshot, language, as_of, instruments, groups, extra, _english = key
    selection = Selection(instruments=instruments, as_of=as_of, groups=groups, language=language)
    return _build(_dataset, selection, *extra)
