"""Timeline: parties among the chosen states over time, and how long each state took to join."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.charts_data import (
    confidence_text,
    data_age,
    instrument_label,
    long_date,
    ratify_times,
    short_date,
    timeline_series,
)
from loaders.derive import PARTY, RESOLUTION_DATE
from loaders.views import status_view
from pages.components.data import load_data
from pages.components.membership_notes import membership_notes
from pages.components.ratify_chart import ratify_chart
from pages.components.selection import current_selection
from pages.components.status_table import UNCONFIRMED
from pages.components.timeline_chart import timeline_chart

dataset = load_data()
selection = current_selection()
labels = {i: instrument_label(dataset, i) for i in selection.instruments}
view = status_view(dataset, selection.as_of, selection.instruments, selection.groups)
states = view["iso3"].nunique()

st.title("Timeline")
if view.empty:
    st.info("No OAS member state was a full member of the chosen groups on this date.")
    st.stop()

st.markdown(f"#### Parties among the {states} states, up to {long_date(selection.as_of)}")
chart_column, table_column = st.columns([2.6, 1.2], gap="medium")
with chart_column:
    checked = data_age(dataset, selection.as_of)
    timeline_chart(
        timeline_series(view, dataset, selection.as_of),
        labels,
        dataset.instrument_ids,
        states,
        selection.as_of,
        checked[0] if checked else None,
    )
with table_column:
    resolution = pd.Timestamp(RESOLUTION_DATE)
    lines = [
        f"| Parties | 4 Jun 2009 | {short_date(selection.as_of)} |",
        "| :-- | --: | --: |",
    ]
    for instrument, label in labels.items():
        rows = view[view["instrument"] == instrument]
        then = int((rows["consent_date"] <= resolution).sum())
        now = int((rows["status"] == PARTY).sum())
        lines.append(f"| {label.removesuffix(' Protocol')} | {then} | **{now}** |")
    st.markdown("\n".join(lines))
    st.caption(
        "The dotted line marks the resolution; the shaded stretch is after the last full check "
        "against UNTC, when only some rows were verified again."
    )
    membership_notes(dataset, list(view["iso3"].unique()))

st.markdown("#### Time to ratify")
times = ratify_times(view)
opened = dataset.instruments["opened_for_signature"]
medians = times.groupby("instrument")["years_from_opening"].median()
st.markdown(
    "Years from the opening for signature ("
    + "; ".join(f"{labels[i]} {long_date(opened[i])}" for i in labels)
    + ") to each party's consent to be bound. Each dot is a party, the box spans the middle "
    "half, and the black tick marks 4 June 2009. "
    "Median: "
    + "; ".join(f"{labels[i]} **{medians[i]:.1f} years**" for i in labels if i in medians)
    + "."
)
ratify_chart(times, labels, dataset.instrument_ids, opened)
with st.expander("Time to ratify, state by state", expanded=False):
    st.dataframe(
        pd.DataFrame(
            {
                "State": times["state"]
                + times["confidence"].map(
                    lambda c: f" {UNCONFIRMED}" if confidence_text(c) else ""
                ),
                "Instrument": times["instrument"],
                "Party since": times["consent_date"],
                "Years from opening": times["years_from_opening"],
                "Years after 4 June 2009": times["years_from_resolution"],
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "Party since": st.column_config.DateColumn(format="D MMM YYYY"),
            "Years from opening": st.column_config.NumberColumn(format="%.1f"),
            "Years after 4 June 2009": st.column_config.NumberColumn(
                format="%.1f", help="Empty: already party on 4 June 2009"
            ),
        },
    )
