"""The world map: every state filled by its standing on one instrument, the 35 outlined.

Served offline like the Americas map (static/world_110m.json via ``topojsonURL``). States too
small for the 1:110m base map are in the table beside it; the 35's island states keep their
markers, as on the Americas map.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages.components.chart_config import chart_config, chart_image
from pages.components.palette import status_style
from pages.components.status_map import TOPOJSON
from views.models.shared import CATEGORIES
from views.text.i18n import Translator
from views.text.words import category_label

OUTLINE = "#1d2733"  # the 35's border: darker than the white between other states


def world_map(
    frame: pd.DataFrame, markers: pd.DataFrame, t: Translator, title: str, as_of: date
) -> None:
    """``frame``: views.models.world's (iso3, name, oas, category); ``markers``: the 35's marker
    positions (iso3, marker_lat, marker_lon)."""
    figure = go.Figure()
    for category in [c for c in CATEGORIES if (frame["category"] == c).any()]:
        rows = frame[frame["category"] == category]
        for oas in (False, True):
            _fill(figure, rows[rows["oas"] == oas], category, oas, t)
    _markers(figure, frame.merge(markers, on="iso3"), t)
    figure.update_geos(
        projection_type="natural earth", showcountries=True, countrycolor="#ffffff",
        showland=True, landcolor="#e4e8ec", showocean=True, oceancolor="#f7f9fb",
        showlakes=False, showframe=False, showcoastlines=False, lataxis_range=[-58, 84],
    )  # fmt: skip
    figure.update_layout(
        height=520,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend={"orientation": "h", "x": 0, "y": -0.02, "yanchor": "top", "font_size": 13},
        hoverlabel={"bgcolor": "white", "font_size": 13},
        dragmode=False,
    )
    image = chart_image(figure, t, "world", title, as_of)
    st.plotly_chart(figure, config=chart_config(t, **TOPOJSON, **image), width="stretch")


def _fill(figure: go.Figure, rows: pd.DataFrame, category: str, oas: bool, t: Translator) -> None:
    if rows.empty:
        return
    style = status_style(category)
    figure.add_choropleth(
        locations=rows["iso3"],
        z=[1] * len(rows),
        locationmode="ISO-3",
        colorscale=[[0, style.colour], [1, style.colour]],
        showscale=False,
        marker_opacity=style.fill_opacity,
        marker_line_color=OUTLINE if oas else "#ffffff",
        marker_line_width=1.4 if oas else 0.5,
        hovertext=rows["name"] + " · " + category_label(category, t.language),
        hoverinfo="text",
        name=category_label(category, t.language),
        showlegend=not oas,
        legendgroup=category,
    )


def _markers(figure: go.Figure, rows: pd.DataFrame, t: Translator) -> None:
    """The 35's small island states, which the base map does not draw."""
    for category, group in rows.groupby("category", sort=False):
        style = status_style(category)
        figure.add_scattergeo(
            lat=group["marker_lat"], lon=group["marker_lon"], mode="markers",
            marker={"symbol": style.marker, "size": 8, "color": style.colour,
                    "line": {"color": OUTLINE, "width": 1}},
            hovertext=group["name"] + " · " + category_label(category, t.language),
            hoverinfo="text", showlegend=False, legendgroup=category,
        )  # fmt: skip
