"""Subregions: for each group, the share of its members that are party, and who is missing."""

from __future__ import annotations

import streamlit as st

from pages.components.brief_button import brief_button
from pages.components.chart_tabs import chart_tabs
from pages.components.data import load_data, page_model
from pages.components.fact_table import fact_table
from pages.components.outcomes_section import group_section
from pages.components.selection import current_selection
from pages.components.share_chart import share_chart
from views.models.brief import brief_file_name, group_brief
from views.models.subregions import subregions_model
from views.text.words import group_labels, instrument_brief

selection = current_selection()
t = selection.t
dataset = load_data(t.language)
# The brief names: four panels side by side leave a quarter of the width for each title.
labels = {i: instrument_brief(dataset, i) for i in selection.instruments}
model = page_model(subregions_model, selection)
names = group_labels(dataset, t.language)

st.title(t("subregions.title"))
st.markdown(t("subregions.intro", date=t.date(selection.as_of)))
if model.without_members:
    st.caption(t("subregions.no_members", groups=t.words(names[g] for g in model.without_members)))
if model.empty:
    st.info(t("subregions.none_had_members"))
    st.stop()

st.markdown(t("subregions.complete", complete=model.complete, pairs=model.pairs))
with chart_tabs(selection, "subregions", "groups"):
    share_chart(model.summary, labels, dataset.instrument_ids, t)


def _cell(row: dict) -> str:
    counted = t("count.of", n=row["parties"], total=row["members"])
    if not row["missing"]:
        return counted
    return t("subregions.cell_missing", count=counted, missing=row["missing_detail"])


fact_table(
    {
        labels[instrument]: {row["group_label"]: _cell(row) for row in rows.to_dict("records")}
        for instrument, rows in model.summary.groupby("instrument", sort=False)
    }
)
st.caption(t("subregions.caption"))

# A brief on one group: the chosen one, or the reader picks among all.
chooser, button = st.columns([1, 2], vertical_alignment="bottom")
shown = selection.groups or dataset.group_ids
with_members = [g for g in shown if g not in model.without_members]
group = chooser.selectbox(t("brief.group"), with_members, format_func=names.get, key="brief_group")
if group:
    with button:
        brief_button(
            lambda: group_brief(dataset, group, selection.as_of, t.language),
            brief_file_name(group, selection.as_of, t.language),
            t,
            key="group_brief",
            snapshot=dataset.meta.snapshot_id,
        )
    # What followed ratification, summed only where every member reports.
    group_section(dataset, group, names[group], t, selection.as_of)
