"""Subregions: for each group, the share of its members that are party, and who is missing."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.charts_data import (
    group_label,
    groups_without_members,
    instrument_label,
    join_words,
    long_date,
    subregion_summary,
)
from pages.components.data import load_data
from pages.components.fact_table import fact_table
from pages.components.selection import current_selection
from pages.components.share_chart import share_chart

dataset = load_data()
selection = current_selection()
labels = {i: instrument_label(dataset, i) for i in selection.instruments}
summary = subregion_summary(dataset, selection.as_of, selection.instruments, selection.groups)
names = dataset.memberships.drop_duplicates("group_id").set_index("group_id")["group_name"]

st.title("Subregions side by side")
st.markdown(
    f"Share of each group's members that are party, on **{long_date(selection.as_of)}**, with "
    "membership as it stood that day (full members among the 35 OAS states; associates and "
    "observers are not counted)."
)
empty = groups_without_members(dataset, selection.as_of, selection.groups)
if empty:
    st.caption(
        "No full member among the 35 on this date: "
        + join_words([group_label(names[g]) for g in empty])
        + "."
    )
if summary.empty:
    st.info("None of the chosen groups had members on this date.")
    st.stop()

complete = summary[summary["parties"] == summary["members"]]
st.markdown(
    f"**{len(complete)} of {len(summary)}** group–instrument pairs have every member party; "
    "the table names the members that are not."
)
share_chart(summary, labels, dataset.instrument_ids)


def _cell(row: pd.Series) -> str:
    counted = f"{row['parties']} of {row['members']}"
    return counted if not row["missing"] else f"{counted}: not {row['missing_detail']}"


cells = summary.assign(cell=summary.apply(_cell, axis=1))
fact_table(
    {
        labels[instrument]: dict(zip(rows["group_label"], rows["cell"], strict=True))
        for instrument, rows in cells.groupby("instrument", sort=False)
    }
)
st.caption(
    "Members not party, by name. “Checked July 2014”: not party when its row was last checked "
    "then, not verified since; the state may have acted since (see its profile)."
)
