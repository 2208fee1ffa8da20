"""Time to ratify: per instrument, every party as a dot at its years from opening for signature."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from loaders.charts_data import DAYS_PER_YEAR, long_date
from loaders.derive import RESOLUTION_DATE
from pages.components.instrument_palette import instrument_style


def ratify_chart(
    times: pd.DataFrame, labels: dict[str, str], registry: Sequence[str], opened: pd.Series
) -> None:
    """Draw ``times`` (loaders.charts_data.ratify_times) as a box with its dots per instrument.

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
                f"<b>{r.state}</b>: party since {long_date(r.consent_date)}, "
                f"{r.years_from_opening:.1f} years after opening"
                for r in rows.itertuples()
            ],
            hoverinfo="text",
            name=label,
            showlegend=False,
        )
        since_opening = (pd.Timestamp(RESOLUTION_DATE) - pd.Timestamp(opened[instrument])).days
        figure.add_scatter(
            x=[since_opening / DAYS_PER_YEAR],
            y=[label],
            mode="markers",
            marker={"symbol": "line-ns", "size": 30, "line": {"width": 2, "color": "#1d2733"}},
            hovertext="4 June 2009 (the resolution)",
            hoverinfo="text",
            name="4 June 2009",
            showlegend=False,
        )
    figure.update_layout(
        height=110 + 70 * len(labels),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"title": "Years from opening for signature to consent", "rangemode": "tozero"},
        yaxis={"autorange": "reversed", "title": None},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        plot_bgcolor="#ffffff",
    )
    figure.update_xaxes(showgrid=True, gridcolor="#eef1f4")
    st.plotly_chart(figure, config={"displaylogo": False}, width="stretch")
