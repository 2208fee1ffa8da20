"""The Americas map: each state filled and marked by its status; a click returns the state.

The base map is served by the app itself (static/world_110m.json, via ``topojsonURL``), so no
request leaves the machine. Seven small island states are not on the 1:110m base map: the
markers at states.marker_lat/lon show them, and their symbol shows the status without colour.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages.components.chart_config import chart_config, chart_image
from pages.components.palette import status_style
from views.models.shared import CATEGORIES
from views.text.i18n import Translator
from views.text.words import category_label

TOPOJSON = {"topojsonURL": "app/static/", "scrollZoom": False}


def status_map(frame: pd.DataFrame, key: str, language: str, title: str, as_of: date) -> str | None:
    """Draw ``frame`` (views.models.map); the ISO3 code of a clicked state."""
    figure = go.Figure()
    present = [c for c in CATEGORIES if (frame["category"] == c).any()]
    for category in present:
        _fill(figure, frame[frame["category"] == category], category, language)
    for category in present:
        _markers(figure, frame[frame["category"] == category], category, language)
    figure.update_geos(
        lataxis_range=[-58, 75],
        lonaxis_range=[-170, -30],
        projection_type="natural earth",
        showcountries=True,
        countrycolor="#ffffff",
        showland=True,
        landcolor="#e4e8ec",
        showocean=True,
        oceancolor="#f7f9fb",
        showlakes=False,
        showframe=False,
        showcoastlines=False,
    )
    figure.update_layout(
        height=600,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        # The legend sits in the empty south-east Pacific, inside the map.
        legend={
            "x": 0.01,
            "y": 0.02,
            "xanchor": "left",
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.9)",
            "bordercolor": "#d5dbe1",
            "borderwidth": 1,
            "font_size": 13,
        },
        hoverlabel={"bgcolor": "white", "font_size": 13},
        dragmode=False,
        showlegend=True,  # also when one status covers every state
    )
    t = Translator(language)
    image = chart_image(figure, t, "map", title, as_of)
    event = st.plotly_chart(
        figure,
        config=chart_config(t, **TOPOJSON, **image),
        on_select="rerun",
        selection_mode="points",
        key=key,
        width="stretch",
    )
    return _clicked(event)


def _fill(figure: go.Figure, rows: pd.DataFrame, category: str, language: str) -> None:
    style = status_style(category)
    figure.add_choropleth(
        locations=rows["iso3"],
        z=[1] * len(rows),
        locationmode="ISO-3",
        colorscale=[[0, style.colour], [1, style.colour]],
        showscale=False,
        marker_opacity=style.fill_opacity,
        marker_line_color="#ffffff",
        marker_line_width=0.8,
        customdata=rows["iso3"],
        hovertext=rows["hover"],
        hoverinfo="text",
        name=category_label(category, language),
        showlegend=False,
    )


def _markers(figure: go.Figure, rows: pd.DataFrame, category: str, language: str) -> None:
    style = status_style(category)
    is_open = style.marker.endswith("-open")
    figure.add_scattergeo(
        lat=rows["marker_lat"],
        lon=rows["marker_lon"],
        mode="markers",
        marker={
            "symbol": style.marker,
            "size": 12,
            "color": style.colour,
            # A white rim keeps a marker visible on a country filled in its own colour.
            "line": {
                "color": style.colour if is_open else "#ffffff",
                "width": 2.5 if is_open else 1.5,
            },
        },
        customdata=rows["iso3"],
        hovertext=rows["hover"],
        hoverinfo="text",
        name=f"{category_label(category, language)} ({len(rows)})",
    )


def _clicked(event: object) -> str | None:
    points = getattr(getattr(event, "selection", None), "points", None) or []
    for point in points:
        code = point.get("customdata") or point.get("location")
        if isinstance(code, list):
            code = code[0] if code else None
        if code:
            return str(code)
    return None
