"""The shared controls (instruments, as-of date, groups), held in the URL query.

Why the query is synced by hand rather than with ``bind="query-params"``: a bound multiselect
writes its *displayed* labels into the URL (we want ids such as ``group=MERCOSUR``), matches ids
case-sensitively, and drops a bad value silently, while a bad link must get a visible note. So a
link seeds the widgets once per session (with notes on what was ignored), and every run writes the
canonical query back (``persist_state="session"`` keeps the values across page switches, which
clear the URL). Defaults stay out of the URL: no ``instrument`` means all, no ``as_of`` today.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from loaders.charts_data import (
    RESOLUTION_INSTRUMENTS,
    code_text,
    group_label,
    join_words,
    long_date,
)
from loaders.dataset import Dataset
from loaders.dates import DateFormatError, parse_iso_date
from loaders.derive import RESOLUTION_DATE
from pages.components.selection import SESSION_KEY, Selection

INSTRUMENTS, AS_OF, GROUPS, NOTES = "ctl_instruments", "ctl_as_of", "ctl_groups", "ctl_notes"
SHARED_PARAMS = ("instrument", "as_of", "group")


def shared_controls(dataset: Dataset, today: date, page_params: Sequence[str] = ()) -> Selection:
    """Render the sidebar controls and return what they select; keeps the URL in step."""
    first_day = min(dataset.instruments["adopted"])
    if NOTES not in st.session_state:
        _seed_from_link(dataset, today, first_day, page_params)
    with st.sidebar:
        st.markdown("#### Show")
        chosen = _instrument_pills(dataset)
        as_of = _date_picker(first_day, today)
        groups = _group_picker(dataset)
    instruments = tuple(i for i in dataset.instrument_ids if i in chosen) or tuple(
        dataset.instrument_ids
    )
    selection = Selection(
        instruments=instruments,
        as_of=as_of,
        groups=tuple(g for g in dataset.group_ids if g in groups),
        notes=tuple(st.session_state[NOTES]),
        params=_params(instruments, as_of, groups, dataset, today),
    )
    _write_link(selection, page_params)
    st.session_state[SESSION_KEY] = selection
    return selection


def _instrument_pills(dataset: Dataset) -> list[str]:
    labels = dataset.instruments["short_title"].to_dict()
    named = [f"{labels[i]} ({i})" for i in RESOLUTION_INSTRUMENTS if i in labels]
    chosen = st.pills(
        "Instruments",
        dataset.instrument_ids,
        selection_mode="multi",
        format_func=lambda i: f"{labels[i].removesuffix(' Protocol')} ({i})",
        key=INSTRUMENTS,
        persist_state="session",
        on_change=_forget_notes,
        help=f"Paragraph 6 named the {join_words(named)}.",
    )
    if not chosen:
        st.caption("None chosen: showing every instrument.")
    return chosen


def _date_picker(first_day: date, today: date) -> date:
    as_of = st.date_input(
        "Status on",
        min_value=first_day,
        max_value=today,
        format="YYYY-MM-DD",
        key=AS_OF,
        persist_state="session",
        on_change=_forget_notes,
    )
    left, right = st.columns(2)
    left.button(
        "4 June 2009",
        on_click=_set_date,
        args=(RESOLUTION_DATE,),
        help="The day of the resolution",
        width="stretch",
    )
    right.button("Today", on_click=_set_date, args=(today,), width="stretch")
    st.caption(f"Status on **{long_date(as_of)}**")
    return as_of


def _group_picker(dataset: Dataset) -> list[str]:
    memberships = dataset.memberships
    names = dict(zip(memberships["group_id"], memberships["group_name"], strict=False))
    return st.multiselect(
        "Subregions and groups",
        dataset.group_ids,
        format_func=lambda g: group_label(names[g]),
        key=GROUPS,
        persist_state="session",
        on_change=_forget_notes,
        placeholder="All 35 OAS member states",
        help="Full members on the chosen date; a state in any chosen group is shown.",
    )


def _set_date(day: date) -> None:
    st.session_state[AS_OF] = day
    _forget_notes()


def _forget_notes() -> None:
    # The notes explain the link the session opened with; once the user changes a control,
    # the view is theirs and the notes are stale.
    st.session_state[NOTES] = []


def _seed_from_link(
    dataset: Dataset, today: date, first_day: date, page_params: Sequence[str]
) -> None:
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    notes: list[str] = []
    instruments = _known(params.get("instrument", []), dataset.instrument_ids, "instrument", notes)
    groups = _known(params.get("group", []), dataset.group_ids, "group", notes)
    st.session_state[INSTRUMENTS] = instruments
    st.session_state[GROUPS] = groups
    st.session_state[AS_OF] = _day(params.get("as_of", []), today, first_day, notes)
    for key in params:
        if key not in (*SHARED_PARAMS, *page_params):
            notes.append(f"Ignored the unknown link parameter `{code_text(key)}`.")
    st.session_state[NOTES] = notes


def _known(values: list[str], valid: list[str], what: str, notes: list[str]) -> list[str]:
    """Ids from the link matched case-insensitively; ``a,b`` and repeated parameters both work."""
    by_key = {v.casefold(): v for v in valid}
    chosen: list[str] = []
    for value in (part.strip() for raw in values for part in raw.split(",")):
        if value.casefold() in by_key:
            chosen.append(by_key[value.casefold()])
        elif value:
            notes.append(
                f"Ignored `{what}={code_text(value)}` from the link: not a known {what} "
                f"(choose from {', '.join(valid)})."
            )
    return list(dict.fromkeys(chosen))


def _day(values: list[str], today: date, first_day: date, notes: list[str]) -> date:
    if not values or not values[-1].strip():
        return today
    try:
        day = parse_iso_date(values[-1])
    except DateFormatError:
        notes.append(
            f"Ignored `as_of={code_text(values[-1])}` from the link: not a date in the form "
            "YYYY-MM-DD. "
            "Showing today."
        )
        return today
    if not first_day <= day <= today:
        bound = first_day if day < first_day else today
        notes.append(
            f"The link's date {day.isoformat()} is outside {long_date(first_day)} – today: "
            f"showing {long_date(bound)} instead."
        )
        return bound
    return day


def _params(
    instruments: tuple[str, ...],
    as_of: date,
    groups: Sequence[str],
    dataset: Dataset,
    today: date,
) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    if list(instruments) != dataset.instrument_ids:
        params["instrument"] = list(instruments)
    if as_of != today:
        params["as_of"] = [as_of.isoformat()]
    if groups:
        params["group"] = [g for g in dataset.group_ids if g in groups]
    return params


def _write_link(selection: Selection, page_params: Sequence[str]) -> None:
    """Make the URL say exactly what is shown, keeping the page's own parameters."""
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    wanted = {key: current[key] for key in page_params if key in current}
    wanted.update(selection.params)
    if current != wanted:
        st.query_params.from_dict(wanted)
