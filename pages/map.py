"""Map: the Americas, each state by its status on the chosen date; a click opens its profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.charts_data import instrument_label, long_date, map_frame, partial_date_text
from loaders.views import status_view
from pages.components.data import load_data
from pages.components.membership_notes import membership_notes
from pages.components.palette import status_style
from pages.components.selection import current_selection
from pages.components.status_badge import status_badge
from pages.components.status_map import CATEGORIES, status_map

dataset = load_data()
selection = current_selection()
labels = {i: instrument_label(dataset, i) for i in selection.instruments}

heading, chooser = st.columns([1, 1.6], vertical_alignment="bottom")
heading.title("Map")
instrument = selection.instruments[0]
if len(labels) > 1:
    instrument = (
        chooser.segmented_control(
            "Instrument shown",
            list(labels),
            format_func=labels.get,
            default=instrument,
            key="map_instrument",
        )
        or instrument
    )
view = status_view(dataset, selection.as_of, [instrument], selection.groups)
frame = map_frame(view, dataset.states)
if frame.empty:
    st.info("No OAS member state was a full member of the chosen groups on this date.")
    st.stop()

map_column, side_column = st.columns([2.1, 1], gap="medium")
with map_column:
    clicked = status_map(frame, key=f"status_map_{instrument}")
if clicked:
    st.switch_page("pages/profile.py", query_params=selection.link(state=clicked))

with side_column:
    parties = int((frame["status"] == "party").sum())
    st.markdown(
        f"**{labels[instrument]}**, on {long_date(selection.as_of)}: "
        f"**{parties} of {len(frame)}** states party."
    )
    for category in CATEGORIES:
        rows = frame[frame["category"] == category]
        if rows.empty:
            continue
        names = f"{len(rows)} states" if category == "party" else ", ".join(rows["state"])
        st.markdown(f"{status_badge(category)}: {names}", unsafe_allow_html=True)
    unverified = frame[~frame["status_verified"]]
    if not unverified.empty:
        checked = sorted({partial_date_text(t) for t in unverified["verified_through"]})
        st.caption(
            f"Open symbols, faded fill: not party when last checked ({', '.join(checked)}), "
            "not verified since; the state may have acted later."
        )
    st.caption(
        "Hover a state for its dates; click it or its marker to open its profile. "
        "Small island states are shown by their marker."
    )
    membership_notes(dataset, list(frame["iso3"]))

with st.expander("The map as a table"):
    st.dataframe(
        pd.DataFrame(
            {
                "State": frame["state"],
                "Status": [
                    f"{status_style(c).glyph} {label}"
                    for c, label in zip(frame["category"], frame["label"], strict=True)
                ],
                "Signed": frame["signature_date"],
                "Consent": frame["consent_date"],
                "Kind": frame["consent_kind"],
                "In force for it": frame["entry_into_force"],
                "Verified through": frame["verified_through"].map(partial_date_text),
                "Confidence": frame["confidence"],
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={
            c: st.column_config.DateColumn(format="D MMM YYYY")
            for c in ("Signed", "Consent", "In force for it")
        },
    )
