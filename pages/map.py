"""Map: the Americas, each state by its status on the chosen date; a click opens its profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pages.components.data import load_data
from pages.components.membership_notes import membership_notes
from pages.components.on_demand import on_demand
from pages.components.palette import status_style
from pages.components.selection import current_selection
from pages.components.status_badge import status_badge
from pages.components.status_map import CATEGORIES, status_map
from pages.components.table_formats import with_dates
from pages.text.words import (
    category_label,
    confidence_word,
    instrument_brief,
    instrument_label,
    kind_text,
    local_view,
    map_frame,
    partial_date_text,
)

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
view = local_view(dataset, selection.as_of, [instrument], selection.groups)
frame = map_frame(view, dataset.states, t.language)
if frame.empty:
    st.info(t("empty.no_members"))
    st.stop()

map_column, side_column = st.columns([2.1, 1], gap="medium")
with map_column:
    clicked = status_map(frame, key=f"status_map_{instrument}", language=t.language)
if clicked:
    st.switch_page("pages/profile.py", query_params=selection.link(state=clicked))

with side_column:
    parties = int((frame["status"] == "party").sum())
    st.markdown(
        t(
            "map.summary",
            instrument=labels[instrument],
            date=t.date(selection.as_of),
            parties=parties,
            total=len(frame),
        )
    )
    for category in CATEGORIES:
        rows = frame[frame["category"] == category]
        if rows.empty:
            continue
        names = (
            t.count("count.states", len(rows)) if category == "party" else ", ".join(rows["state"])
        )
        st.markdown(
            t.label(status_badge(category, category_label(category, t.language)), names),
            unsafe_allow_html=True,
        )
    unverified = frame[~frame["status_verified"]]
    if not unverified.empty:
        checked = sorted(set(unverified["verified_through"]), key=lambda v: (v[:4], v))
        st.caption(
            t(
                "map.unverified",
                checked=", ".join(partial_date_text(v, t.language) for v in checked),
            )
        )
    st.caption(t("map.hint"))
    membership_notes(dataset, list(frame["iso3"]), t)


def _map_as_table() -> None:
    state, status, signed, consent, kind, in_force, verified, confidence = (
        t(f"column.{key}")
        for key in (
            "state",
            "status",
            "signed",
            "consent",
            "kind",
            "in_force",
            "verified_through",
            "confidence",
        )
    )
    table = pd.DataFrame(
        {
            state: frame["state"],
            status: [
                f"{status_style(c).glyph} {label}"
                for c, label in zip(frame["category"], frame["label"], strict=True)
            ],
            signed: frame["signature_date"],
            consent: frame["consent_date"],
            kind: frame["consent_kind"].map(lambda k: kind_text(k, language=t.language)),
            in_force: frame["entry_into_force"],
            verified: frame["verified_through"].map(lambda v: partial_date_text(v, t.language)),
            confidence: frame["confidence"].map(lambda c: confidence_word(c, t.language)),
        }
    )
    st.dataframe(
        with_dates(table, [signed, consent, in_force], t), hide_index=True, width="stretch"
    )


on_demand(t("map.as_table"), "map_table", _map_as_table)
