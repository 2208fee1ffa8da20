"""A date chosen in three boxes (day, month, year) in the reader's language.

Not ``st.date_input``: its calendar follows the browser's language, not the page's (a French
page in a Spanish browser showed a Spanish calendar), its range error is English, and a typed date
applied only when the focus left the field. Each box applies on choice (a click, or Enter on the
highlighted option); a day the month does not have becomes its last day, and a date outside the
allowed span its nearest end.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

import streamlit as st

from views.text.i18n import Translator, month_names


def box_keys(key: str) -> tuple[str, str, str]:
    """The session keys of the day, month and year boxes of the date kept under ``key``."""
    return f"{key}_day", f"{key}_month", f"{key}_year"


def date_boxes(
    key: str,
    label: str,
    first_day: date,
    last_day: date,
    t: Translator,
    on_change: Callable[[], None] | None = None,
) -> date:
    """Three boxes bound to the date in ``st.session_state[key]``, kept within
    ``first_day``..``last_day``; returns the date shown."""
    chosen = min(max(st.session_state.get(key, last_day), first_day), last_day)
    st.session_state[key] = chosen
    day_key, month_key, year_key = box_keys(key)
    # The boxes show the date (a link, a button and the boxes may all write it).
    st.session_state[day_key] = chosen.day
    st.session_state[month_key] = chosen.month
    st.session_state[year_key] = chosen.year
    months = month_names(t.language)
    st.markdown(f"<p class='ctl-label'>{label}</p>", unsafe_allow_html=True)
    # two rows: three boxes side by side leave the sidebar's width too narrow to read them
    day, month = st.columns([1, 2], gap="small")
    year, _ = st.columns([1, 1], gap="small")
    # "prefix": typing "2015" or "mar" and Enter picks that year or month
    common = {
        "label_visibility": "collapsed",
        "on_change": _boxes_chosen,
        "args": (key, first_day, last_day, on_change),
        "filter_mode": "prefix",
    }
    day.selectbox(t("ui.date.day"), list(range(1, 32)), key=day_key, **common)
    month.selectbox(
        t("ui.date.month"),
        list(range(1, 13)),
        format_func=months.__getitem__,
        key=month_key,
        **common,
    )
    years = list(range(last_day.year, first_day.year - 1, -1))
    year.selectbox(t("ui.date.year"), years, key=year_key, **common)
    return chosen


def _boxes_chosen(
    key: str, first_day: date, last_day: date, on_change: Callable[[], None] | None
) -> None:
    day_key, month_key, year_key = box_keys(key)
    year, month = st.session_state[year_key], st.session_state[month_key]
    day = min(st.session_state[day_key], calendar.monthrange(year, month)[1])
    st.session_state[key] = min(max(date(year, month, day), first_day), last_day)
    if on_change is not None:
        on_change()
