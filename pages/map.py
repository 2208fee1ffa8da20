"""Map: the Americas, each state by its status on the chosen date; a click opens its profile."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from pages.components.chart_tabs import chart_tabs
from pages.components.data import load_data, page_model
from pages.components.membership_notes import membership_notes
from pages.components.palette import status_style
from pages.components.selection import current_selection
from pages.components.status_badge import status_badge
from pages.components.status_map import status_map
from pages.components.table_formats import with_dates
from views.models.map import map_model
from views.text.words import category_label, instrument_brief, instrument_label, partial_date_text

selection = current_selection()
t = selection.t
dataset = load_data(t.language)
labels = {i: instrument_label(dataset, i) for i in selection.instruments}

heading, chooser = st.columns([1, 4], vertical_alignment="bottom")
heading.title(t("map.title"))
instrument = selection.instruments[0]
if len(labels) > 1:
    instrument = (
        chooser.segmented_control(
            t("map.instrument_shown"),
            list(labels),
            # the brief names: four of them fit beside the heading
            format_func=lambda i: instrument_brief(dataset, i),
            default=instrument,
            key="map_instrument",
        )
        or instrument
    )
model = page_model(map_model, selection, instrument)
frame = model.frame
if model.empty:
    st.info(t("empty.no_members"))
    st.stop()


def _map_as_table() -> None:
    table = model.table(t.language)
    table["label"] = [
        f"{status_style(c).glyph} {label}"
        for c, label in zip(table.pop("category"), table["label"], strict=True)
    ]
    headings = {
        "state": "state",
        "label": "status",
        "signed": "signed",
        "consent": "consent",
        "kind": "kind",
        "in_force": "in_force",
        "verified_through": "verified_through",
        "confidence": "confidence",
    }
    table = table.rename(columns={c: t(f"column.{k}") for c, k in headings.items()})
    dates = [t(f"column.{k}") for k in ("signed", "consent", "in_force")]
    st.dataframe(with_dates(table, dates, t), hide_index=True, width="stretch")


map_column, side_column = st.columns([2.1, 1], gap="medium")
clicked = None
with (
    map_column,
    chart_tabs(replace(selection, instruments=(instrument,)), "map", "status", table=_map_as_table),
):
    clicked = status_map(
        frame,
        key=f"status_map_{instrument}",
        language=t.language,
        title=t("ui.chart.map", instrument=instrument_brief(dataset, instrument)),
        as_of=selection.as_of,
    )
if clicked:
    st.switch_page("pages/profile.py", query_params=selection.link(state=clicked))

with side_column:
    st.markdown(
        t(
            "map.summary",
            instrument=labels[instrument],
            date=t.date(selection.as_of),
            parties=model.parties,
            total=model.total,
        )
    )
    for category, rows in model.by_category.items():
        names = (
            t.count("count.states", len(rows)) if category == "party" else ", ".join(rows["state"])
        )
        st.markdown(
            t.label(status_badge(category, category_label(category, t.language)), names),
            unsafe_allow_html=True,
        )
    if model.unverified_checks:
        checked = ", ".join(partial_date_text(v, t.language) for v in model.unverified_checks)
        st.caption(t("map.unverified", checked=checked))
    st.caption(t("map.hint"))
    membership_notes(dataset, model.iso3s, t)
