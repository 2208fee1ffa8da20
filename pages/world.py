"""The Americas in the world: one Palermo instrument on the world map with the 35 outlined, the
gaps the 35 hold among the world's, and the groups of states compared, on the chosen date.

Counts outside the 35 are lower bounds after UNTC's 2014 capture, and the page says so beside
each of them. Paragraph 6's figures stay the 35's: nothing here enters them.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from loaders.derive.participation import all_group_ids
from loaders.export import spreadsheet_csv
from pages.components.chart_config import chart_config, chart_image
from pages.components.data import load_data, page_model
from pages.components.selection import current_selection
from pages.components.world_map import world_map
from views.models.world import ALL, COMPARED, OAS, regions_model, world_model
from views.text.words import category_label, instrument_brief, instrument_label, partial_date_text

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


def _basis(gaps) -> str:
    if gaps.basis == "untc_count":
        return t("world.basis.untc_count", date=t.date(gaps.as_at))
    if gaps.basis == "complete":
        return t("world.basis.complete", date=t.date(selection.as_of))
    return t("world.basis.at_most", unnamed=gaps.unnamed)


world = model.world
frame = model.frame
# "at most": the world's gaps from the snapshot's names, later acts unnamed
world_gaps = t("world.at_most_n", n=world.gaps) if world.basis == "at_most" else world.gaps
states = frame.assign(name=frame["name"].fillna(frame["iso3"]))
map_column, side_column = st.columns([2.2, 1], gap="medium")
with map_column:
    markers = dataset.states[["marker_lat", "marker_lon"]].dropna().reset_index()
    world_map(
        states, markers, t, t("world.chart", instrument=instrument_brief(dataset, instrument),
                              date=t.date(selection.as_of)), selection.as_of,
    )  # fmt: skip
with side_column:
    parties = "world.parties_at_least" if model.lower_bound else "world.parties"
    st.markdown(t(parties, named=model.named_parties, states=world.states))
    st.markdown(
        t("world.hold_gaps", instrument=name, oas=world.oas, world=world_gaps, basis=_basis(world))
    )
    for state in model.oas_gaps:
        shown = state
        if state in model.oas_unverified:
            checked = partial_date_text(model.oas_unverified[state], t.language)
            shown = t("world.not_verified", state=state, date=checked)
        st.markdown(
            "- "
            + t("world.one_of", instrument=name, state=shown, world=world_gaps, basis=_basis(world))
        )
    if model.lower_bound and model.untc:
        untc, as_at, known, unnamed = model.untc
        st.caption(
            t("world.lower_bound", date=t.date(as_at), untc=untc, known=known, unnamed=unnamed)
        )

with st.expander(t("world.table"), icon=":material/table:"):
    table = pd.DataFrame(
        {
            t("world.column.state"): states["name"],
            t("world.column.oas"): states["oas"].map({True: t("world.yes"), False: t("world.no")}),
            t("world.column.status"): states["category"].map(
                lambda c: category_label(c, t.language)
            ),
            t("world.column.checked"): states["checked"].map(
                lambda d: partial_date_text(d, t.language)
            ),
        }
    ).sort_values(t("world.column.state"))
    st.dataframe(table, hide_index=True, width="stretch")
st.download_button(
    t("world.download"),
    data=spreadsheet_csv(frame.astype(str)),
    file_name=f"ratify-americas_world_{instrument}_{selection.as_of.isoformat()}.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)

st.subheader(t("regions.heading"))
st.markdown(t("regions.intro", date=t.date(selection.as_of)))
options = all_group_ids(dataset)
compared = st.multiselect(
    t("regions.groups"),
    options,
    default=list(COMPARED),
    format_func=lambda g: t(f"group.{g}.label") if t.has(f"group.{g}.label") else g,
    key="regions_groups",
)
regions = page_model(regions_model, selection, tuple(compared))
shares = regions.shares
labels = {g: t(f"group.{g}.label") if t.has(f"group.{g}.label") else g for g in shares["group_id"]}
together = shares[shares["instrument"] == ALL].iloc[::-1]
figure = go.Figure(
    go.Bar(
        x=together["share"],
        y=together["group_id"].map(labels),
        orientation="h",
        marker_color=["#0072B2" if g == OAS else "#7a8a99" for g in together["group_id"]],
        text=[
            t("regions.at_least" if lower else "regions.of", parties=p, members=m)
            for p, m, lower in zip(
                together["parties"], together["members"], together["lower_bound"], strict=True
            )
        ],
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
st.plotly_chart(
    figure,
    config=chart_config(t, **chart_image(figure, t, "regions", title, selection.as_of)),
    width="stretch",
)


def _cell(row: dict) -> str:
    key = "regions.at_least" if row["lower_bound"] else "regions.of"
    return t(key, parties=row["parties"], members=row["members"])


columns = {i: instrument_brief(dataset, i) for i in regions.instruments} | {ALL: t("regions.all")}
matrix = (
    shares.assign(cell=[_cell(r) for r in shares.to_dict("records")])
    .pivot_table(index="group_id", columns="instrument", values="cell", aggfunc="first", sort=False)
    .reindex(columns=list(columns))
    .rename(columns=columns)
)
matrix.index = matrix.index.map(labels)
matrix.index.name = t("regions.column.group")
st.dataframe(matrix, width="stretch")
if shares["lower_bound"].any():
    st.caption(t("regions.lower_bound_note", unnamed=int(shares["unnamed_acts"].max())))
st.download_button(
    t("regions.download"),
    data=spreadsheet_csv(shares.astype(str)),
    file_name=f"ratify-americas_regions_{selection.as_of.isoformat()}.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)
