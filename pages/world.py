"""The Americas in the world: one Palermo instrument on the world map with the 35 outlined, the
gaps the 35 hold among the world's, and the groups of states compared, on the chosen date.

Counts outside the 35 are lower bounds after UNTC's 2014 capture, and the page says so beside
each of them. Paragraph 6's figures stay the 35's: nothing here enters them.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from loaders.derive.groups import every_group_id, groups_with_undated_members
from loaders.derive.regions import ALL
from loaders.store.dataset import Dataset
from pages.components.chart_config import chart_config, chart_image, on_a_phone
from pages.components.chart_tabs import chart_tabs
from pages.components.data import load_data, page_model
from pages.components.selection import current_selection
from pages.components.world_map import world_map
from pages.components.year_ends import year_ends
from views.models.selection import Selection
from views.models.world import (
    COMPARED,
    OAS,
    RegionsOverTime,
    regions_model,
    regions_over_time,
    world_model,
)
from views.models.world_words import (
    group_label,
    over_time_hover,
    over_time_note,
    over_time_subject,
    over_time_table,
    regions_cell,
    regions_note,
    regions_subject,
    regions_table,
    world_sentences,
    world_table,
)
from views.text.i18n import number_separators
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
options = every_group_id(dataset)
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

# The same groups over time: the share party to the instrument shown and to all four, at the end
# of each year and on the view's date (nothing after it), the members on each date the
# denominator, the 35 in the OAS's blue.
st.markdown(f"#### {t('regions.time.heading')}")
brief = instrument_brief(dataset, instrument)
st.markdown(t("regions.time.intro", instrument=brief, date=t.date(selection.as_of)))
if undated := groups_with_undated_members(dataset, compared):
    names = ", ".join(group_label(group, t) for group in undated)
    st.caption(t("regions.time.undated", groups=names))


def _over_time(
    local: Dataset, chosen: Selection, shown: str, groups: tuple[str, ...]
) -> RegionsOverTime:
    """The regions over time of one view, from the snapshot's year ends and the view's date."""
    return regions_over_time(
        local, chosen, shown, groups, year_ends(chosen.language, groups, chosen.as_of)
    )


over_time = page_model(_over_time, selection, instrument, tuple(compared))


def _over_time_chart(
    local: Dataset, chosen: Selection, shown: str, groups: tuple[str, ...], phone: bool
) -> tuple[go.Figure, dict]:
    """The regions over time as one figure, the instrument shown above and all four below, and
    its config: made once per view and kind of screen (page_model) with every hover text, then
    only drawn."""
    tr = chosen.t
    model = page_model(_over_time, chosen, shown, groups)
    rows_of = model.shares
    panels = ((shown, instrument_brief(local, shown)), (ALL, tr("regions.all")))
    figure = make_subplots(
        rows=2, cols=1, subplot_titles=[name for _, name in panels], vertical_spacing=0.1
    )
    # Okabe-Ito hues other than the OAS's blue, solid then dashed: twelve lines told apart
    hues = ["#E69F00", "#009E73", "#CC79A7", "#2b3440", "#D55E00", "#56B4E9"]
    looks = [(hue, dash) for dash in ("solid", "dash") for hue in hues]
    for row, (panel, _) in enumerate(panels, start=1):
        part = rows_of[rows_of["instrument"] == panel]
        for n, (group, rows) in enumerate(part.groupby("group_id", sort=False)):
            label = group_label(group, tr)
            hue, dash = looks[(n - 1) % len(looks)]
            figure.add_trace(
                go.Scatter(
                    x=[pd.Timestamp(d) for d in rows["as_of"]],
                    y=rows["share"],
                    name=label,
                    legendgroup=group,
                    showlegend=row == 1,
                    mode="lines+markers",
                    marker={"size": 4},
                    line={"width": 3.5, "color": "#0072B2"} if group == OAS else
                         {"width": 1.8, "color": hue, "dash": dash},
                    customdata=[over_time_hover(r, tr, label) for r in rows.to_dict("records")],
                    hovertemplate="%{customdata}<extra></extra>",
                ),
                row=row,
                col=1,
            )  # fmt: skip
    figure.update_yaxes(range=[0, 1.02], tickformat=".0%", title=tr("regions.time.axis"))
    figure.update_xaxes(tickformat="%Y")
    figure.update_layout(
        height=760,
        margin={"l": 0, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": -0.06, "x": 0},
        separators=number_separators(tr.language),
        dragmode=False,
    )
    title = tr(
        "regions.time.chart",
        first=str(min(rows_of["as_of"]).year),
        date=tr.date(chosen.as_of),
    )
    image = chart_image(figure, tr, "regions_time", title, chosen.as_of, phone=phone)
    config = chart_config(tr, **image)
    return figure, config


with chart_tabs(
    replace(selection, instruments=(instrument,)),
    "regions_time",
    "regions_time",
    over_time_subject(instrument, tuple(compared)),
    table=lambda: st.dataframe(
        over_time_table(over_time, dataset, t), hide_index=True, width="stretch"
    ),
):
    lines, config = page_model(
        _over_time_chart, selection, instrument, tuple(compared), on_a_phone()
    )
    st.plotly_chart(lines, config=config, width="stretch", key="regions_time")
    if note := over_time_note(over_time, t):
        st.caption(note)
