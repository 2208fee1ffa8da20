"""Timeline: parties among the chosen states over time, and how long each state took to join."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.derive import RESOLUTION_DATE
from pages.components.chart_tabs import chart_tabs
from pages.components.data import load_data, page_model
from pages.components.membership_notes import membership_notes
from pages.components.on_demand import on_demand
from pages.components.outcomes_section import calls_section, loaded_outcomes
from pages.components.ratify_chart import ratify_chart
from pages.components.selection import current_selection
from pages.components.table_formats import date_column, decimals
from pages.components.timeline_chart import timeline_chart
from views.models.shared import unconfirmed_mark
from views.models.timeline import timeline_model
from views.text.words import instrument_brief, short_date

selection = current_selection()
t = selection.t
dataset = load_data(t.language)
# The brief names: the chart's legend and the table beside it share the width of a column.
labels = {i: instrument_brief(dataset, i) for i in selection.instruments}
model = page_model(timeline_model, selection)
states = model.states
resolution_date = t.date(RESOLUTION_DATE)

st.title(t("timeline.title"))
if model.empty:
    st.info(t("empty.no_members"))
    st.stop()

st.markdown(f"#### {t('timeline.parties', states=states, date=t.date(selection.as_of))}")
chart_column, table_column = st.columns([2.6, 1.2], gap="medium")
with chart_column, chart_tabs(selection, "timeline", "status"):
    timeline_chart(
        model.series, labels, dataset.instrument_ids, states, selection.as_of, model.checked, t
    )
with table_column:
    lines = [
        f"| {t('timeline.table_parties')} | {short_date(RESOLUTION_DATE, t.language)} "
        f"| {short_date(selection.as_of, t.language)} |",
        "| :-- | --: | --: |",
    ]
    for instrument, label in labels.items():
        then, now = model.counts.get(instrument, (0, 0))
        lines.append(f"| {label} | {then} | **{now}** |")
    st.markdown("\n".join(lines))
    st.caption(t("timeline.caption"))
    membership_notes(dataset, model.iso3s, t)

st.markdown(f"#### {t('timeline.time_to_ratify')}")
times, opened, medians = model.times, model.opened, model.medians
st.markdown(
    t(
        "timeline.explanation",
        openings=t.items(f"{labels[i]} {t.date(opened[i])}" for i in labels),
        resolution_date=resolution_date,
        medians=t.items(
            t("timeline.median", instrument=labels[i], years=t.number(medians[i], 1))
            for i in labels
            if i in medians
        ),
    )
)
with chart_tabs(selection, "ratify", "status"):
    ratify_chart(times, labels, dataset.instrument_ids, opened, t, selection.as_of)


def _times_by_state() -> None:
    state, instrument, since, from_opening, after = (
        t("column.state"),
        t("column.instrument"),
        t("column.party_since"),
        t("column.years_from_opening"),
        t("column.years_after_resolution", date=resolution_date),
    )
    st.dataframe(
        pd.DataFrame(
            {
                state: times["state"] + times["confidence"].map(unconfirmed_mark),
                instrument: times["instrument"].map(labels),
                since: times["consent_date"],  # every party has one
                from_opening: decimals(times["years_from_opening"], t),
                after: decimals(times["years_from_resolution"], t),
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={
            since: date_column(t),
            from_opening: st.column_config.TextColumn(alignment="right"),
            after: st.column_config.TextColumn(
                alignment="right",
                help=t("column.years_after_resolution_help", date=resolution_date),
            ),
        },
    )


on_demand(t("timeline.by_state"), "timeline_table", _times_by_state)

# The calls to ratify beside the deposits they asked for (pages/components/outcomes_section.py).
if (outcomes := loaded_outcomes()) is not None:
    calls_section(outcomes, t, selection.as_of)
