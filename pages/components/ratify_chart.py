"""Time to ratify: per instrument, every party as a dot at its years from opening for signature."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from loaders.derive import DAYS_PER_YEAR, RESOLUTION_DATE
from pages.components.chart_config import chart_config, chart_image
from pages.components.instrument_palette import instrument_style
from views.text.i18n import Translator, number_separators


def ratify_chart(
    times: pd.DataFrame,
    labels: dict[str, str],
    registry: Sequence[str],
    opened: pd.Series,
    t: Translator,
    as_of: date,
) -> None:
    """Draw ``times`` (views.text.words.ratify_times) as a box with its dots per instrument.

    ``opened``: the opening for signature of each instrument; 4 June 2009 is marked on each row
    at its own distance from that opening.
    """
    figure = go.Figure()
    for instrument, label in labels.items():
        rows = times[times["instrument"] == instrument]
        if rows.empty:
            continue
        style = instrument_style(instrument, registry)
        figure.add_box(
            x=rows["years_from_opening"],
            y=[label] * len(rows),
            orientation="h",
            boxpoints="all",
            jitter=0.6,
            pointpos=0,
            fillcolor="rgba(0,0,0,0)",
            line={"color": style.colour, "width": 1.5},
            marker={"symbol": style.marker, "color": style.colour, "size": 8, "opacity": 0.85},
            hovertext=[
                t(
                    "chart.ratify_hover",
                    state=r.state,
                    date=t.date(r.consent_date),
                    years=t.number(r.years_from_opening, 1),
                )
                for r in rows.itertuples()
            ],
            hoverinfo="text",
            # Only the dots answer the pointer: the box's own hover lists plotly's English
            # statistics (median, q1, upper fence...).
            hoveron="points",
            name=label,
            showlegend=False,
        )
        since_opening = (pd.Timestamp(RESOLUTION_DATE) - pd.Timestamp(opened[instrument])).days
        figure.add_scatter(
            x=[since_opening / DAYS_PER_YEAR],
            y=[label],
            mode="markers",
            marker={"symbol": "line-ns", "size": 30, "line": {"width": 2, "color": "#1d2733"}},
            hovertext=t("chart.resolution_marker", date=t.date(RESOLUTION_DATE)),
            hoverinfo="text",
            name=t.date(RESOLUTION_DATE),
            showlegend=False,
        )
    figure.update_layout(
        height=110 + 70 * len(labels),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"title": t("chart.ratify_axis"), "rangemode": "tozero"},
        yaxis={"autorange": "reversed", "title": None},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        plot_bgcolor="#ffffff",
        separators=number_separators(t.language),
    )
    figure.update_xaxes(showgrid=True, gridcolor="#eef1f4")
    image = chart_image(figure, t, "time-to-ratify", t("timeline.time_to_ratify"), as_of)
    st.plotly_chart(figure, config=chart_config(t, **image), width="stretch")
