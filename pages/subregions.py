"""Subregions: for each group, the share of its members that are party, and who is missing."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pages.components.data import load_data
from pages.components.fact_table import fact_table
from pages.components.selection import current_selection
from pages.components.share_chart import share_chart
from pages.text.words import (
    group_labels,
    groups_without_members,
    instrument_brief,
    subregion_summary,
)

selection = current_selection()
t = selection.t
dataset = load_data(t.language)
# The brief names: four panels side by side leave a quarter of the width for each title.
labels = {i: instrument_brief(dataset, i) for i in selection.instruments}
summary = subregion_summary(
    dataset, selection.as_of, selection.instruments, selection.groups, t.language
)
names = group_labels(dataset, t.language)

st.title(t("subregions.title"))
st.markdown(t("subregions.intro", date=t.date(selection.as_of)))
empty = groups_without_members(dataset, selection.as_of, selection.groups)
if empty:
    st.caption(t("subregions.no_members", groups=t.words(names[g] for g in empty)))
if summary.empty:
    st.info(t("subregions.none_had_members"))
    st.stop()

complete = summary[summary["parties"] == summary["members"]]
st.markdown(t("subregions.complete", complete=len(complete), pairs=len(summary)))
share_chart(summary, labels, dataset.instrument_ids, t)


def _cell(row: pd.Series) -> str:
    counted = t("count.of", n=row["parties"], total=row["members"])
    if not row["missing"]:
        return counted
    return t("subregions.cell_missing", count=counted, missing=row["missing_detail"])


cells = summary.assign(cell=summary.apply(_cell, axis=1))
fact_table(
    {
        labels[instrument]: dict(zip(rows["group_label"], rows["cell"], strict=True))
        for instrument, rows in cells.groupby("instrument", sort=False)
    }
)
st.caption(t("subregions.caption"))
