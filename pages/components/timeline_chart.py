"""Parties among the chosen states over time: a step line per instrument, the resolution marked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from loaders.charts_data import RESOLUTION_SYMBOL, long_date
from loaders.derive import RESOLUTION_DATE
from pages.components.instrument_palette import instrument_style


def timeline_chart(
    series: pd.DataFrame,
    labels: dict[str, str],
    registry: Sequence[str],
    states: int,
    as_of: date,
    checked: date | None,
) -> None:
    """Draw ``series`` (instrument, date, parties); ``labels``: chosen id -> name.

    ``checked`` is the oldest date the snapshot was checked against UNTC: after it, only some
    rows were verified again, so the chart shades that stretch instead of implying it is complete.
    """
    figure = go.Figure()
    for instrument, label in labels.items():
        rows = series[series["instrument"] == instrument]
        if rows.empty:
            continue
        style = instrument_style(instrument, registry)
        figure.add_scatter(
            x=rows["date"],
            y=rows["parties"],
            mode="lines",
            line={"shape": "hv", "color": style.colour, "dash": style.dash, "width": 2.5},
            name=f"{label} ({int(rows['parties'].iloc[-1])})",
            hovertemplate=f"{label}<br>%{{x|%-d %B %Y}}: %{{y}} parties<extra></extra>",
        )
    end = pd.Timestamp(as_of)
    if checked and pd.Timestamp(checked) < end:
        figure.add_vrect(
            x0=pd.Timestamp(checked),
            x1=end,
            fillcolor="#eef1f4",
            opacity=0.6,
            line_width=0,
            layer="below",
        )
        figure.add_annotation(
            x=pd.Timestamp(checked),
            y=0.04,
            yref="paper",
            text=f"After the UNTC check of {long_date(checked)}<br>only some rows were re-verified",
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            xshift=8,
            align="left",
            font={"size": 12, "color": "#52606d"},
        )
    resolution = pd.Timestamp(RESOLUTION_DATE)
    if resolution <= end:
        figure.add_vline(x=resolution, line_dash="dot", line_color="#444444")
        # Above the plot, where no line can run into it.
        figure.add_annotation(
            x=resolution,
            y=1.0,
            yref="paper",
            text=f"{RESOLUTION_SYMBOL}, 4 June 2009",
            showarrow=False,
            xanchor="center",
            yanchor="bottom",
            align="center",
            font={"size": 12, "color": "#1d2733"},
        )
    figure.add_hline(y=states, line_color="#9aa5b1", line_width=1)
    figure.update_layout(
        height=430,
        margin={"l": 10, "r": 10, "t": 28, "b": 10},
        legend={"orientation": "h", "y": -0.12, "x": 0},
        yaxis={"title": f"Parties among the {states} states", "range": [0, states + 1.5]},
        xaxis={"title": None},
        hovermode="x unified",
        plot_bgcolor="#ffffff",
    )
    figure.update_xaxes(showgrid=True, gridcolor="#eef1f4")
    figure.update_yaxes(showgrid=True, gridcolor="#eef1f4", rangemode="tozero")
    st.plotly_chart(figure, config={"displaylogo": False}, width="stretch")
