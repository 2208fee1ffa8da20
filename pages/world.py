"""The Americas in the world: one Palermo instrument on the world map with the 35 outlined, the
gaps the 35 hold among the world's, and the groups of states compared, on the chosen date.

Counts outside the 35 are lower bounds after UNTC's 2014 capture, and the page says so beside
each of them. Paragraph 6's figures stay the 35's: nothing here enters them.
"""

from __future__ import annotations

from dataclasses import replace

import plotly.graph_objects as go
import streamlit as st

from loaders.derive.participation import all_group_ids
from loaders.derive.regions import ALL
from pages.components.chart_config import chart_config, chart_image
from pages.components.chart_tabs import chart_tabs
from pages.components.data import load_data, page_model
from pages.components.selection import current_selection
from pages.components.world_map import world_map
from views.models.world import COMPARED, OAS, regions_model, world_model
from views.models.world_words import (
    group_label,
    regions_cell,
    regions_note,
    regions_subject,
    regions_table,
    world_sentences,
    world_table,
)
from views.text.words import instrument_brief, instrument_label

selection = current_selection()
t = selection.t
dataset = load_data(t.language)

heading, chooser = st.columns([1, 2], vertical_alignment="bottom")
heading.title(t("world.title"))
instrument = selection.instruments[0]
if len(selection.instruments) > 1:
    instrument = (
        chooser.segmented_control(
            t("world.instrument_shown"),
            list(selection.instruments),
            format_func=lambda i: instrument_brief(dataset, i),
            default=instrument,
            key="world_instrument",
        )
        or instrument
    )
model = page_model(world_model, selection, instrument)
name = instrument_label(dataset, instrument)
st.markdown(t("world.intro", instrument=name, date=t.date(selection.as_of)))

said = world_sentences(model, dataset, t, selection.as_of)
frame = model.frame
states = frame.assign(name=frame["name"].fillna(frame["iso3"]))
map_column, side_column = st.columns([2.2, 1], gap="medium")
with (
    map_column,
    chart_tabs(
        replace(selection, instruments=(instrument,)),
        "world",
        "world",
        instrument,
        table=lambda: st.dataframe(world_table(model, t), hide_index=True, width="stretch"),
    ),
):
    markers = dataset.states[["marker_lat", "marker_lon"]].dropna().reset_index()
    world_map(
        states, markers, t, t("world.chart", instrument=instrument_brief(dataset, instrument),
                              date=t.date(selection.as_of)), selection.as_of,
    )  # fmt: skip
with side_column:
    st.markdown(said.parties)
    st.markdown(said.gaps)
    for line in said.oas_gaps:
        st.markdown("- " + line)
    if said.lower_bound:
        st.caption(said.lower_bound)

st.subheader(t("regions.heading"))
st.markdown(t("regions.intro", date=t.date(selection.as_of)))
options = all_group_ids(dataset)
compared = st.multiselect(
    t("regions.groups"),
    options,
    default=list(COMPARED),
    format_func=lambda g: group_label(g, t),
    key="regions_groups",
)
regions = page_model(regions_model, selection, tuple(compared))
shares = regions.shares
labels = {g: group_label(g, t) for g in shares["group_id"]}
together = shares[shares["instrument"] == ALL].iloc[::-1]
figure = go.Figure(
    go.Bar(
        x=together["share"],
        y=together["group_id"].map(labels),
        orientation="h",
        marker_color=["#0072B2" if g == OAS else "#7a8a99" for g in together["group_id"]],
        text=[regions_cell(r, t) for r in together.to_dict("records")],
        textposition="outside",
        cliponaxis=False,
        hoverinfo="skip",
    )
)
figure.update_layout(
    height=40 + 34 * len(together),
    margin={"l": 0, "r": 110, "t": 10, "b": 40},
    xaxis={"range": [0, 1], "tickformat": ".0%", "title": t("regions.axis")},
    dragmode=False,
)
title = t("regions.chart", date=t.date(selection.as_of))
with chart_tabs(
    selection,
    "regions",
    "regions",
    regions_subject(tuple(compared)),
    table=lambda: st.dataframe(regions_table(regions, dataset, t), width="stretch"),
):
    st.plotly_chart(
        figure,
        config=chart_config(t, **chart_image(figure, t, "regions", title, selection.as_of)),
        width="stretch",
    )
    if note := regions_note(regions, t):
        st.caption(note)
