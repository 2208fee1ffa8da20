"""Parties among the chosen states over time: a step line per instrument, the resolution marked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from loaders.derive import RESOLUTION_DATE, RESOLUTION_SYMBOL
from pages.components.chart_config import chart_config, chart_image
from pages.components.instrument_palette import instrument_style
from views.text.i18n import Translator, number_separators


def timeline_chart(
    series: pd.DataFrame,
    labels: dict[str, str],
    registry: Sequence[str],
    states: int,
    as_of: date,
    checked: date | None,
    t: Translator,
) -> None:
    """Draw ``series`` (instrument, date, parties); ``labels``: chosen id -> name.

    ``checked`` is the oldest date the snapshot was checked against UNTC: after it, only some
    rows were verified again, so the chart shades that stretch instead of implying it is complete.
    Every word and date plotly shows is written here in the reader's language: hover texts are
    ours, the date axis shows years (months in the config's language on a short span), and the
    unified hover's heading is a numeric date.
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
            customdata=[
                t("chart.timeline_hover", instrument=label, date=t.date(day), parties=parties)
                for day, parties in zip(rows["date"], rows["parties"], strict=True)
            ],
            hovertemplate="%{customdata}<extra></extra>",
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
        # Against the axis's end, where the range (fixed at the view's date) stops: from the
        # check's date it ran past the plot's edge in French.
        figure.add_annotation(
            x=end,
            y=0.04,
            yref="paper",
            text=t("chart.after_check", date=t.date(checked)),
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            xshift=-8,
            align="right",
            # on a narrow chart the note reaches the lines: they stay behind it
            bgcolor="rgba(255,255,255,0.85)",
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
            text=f"{RESOLUTION_SYMBOL}, {t.date(RESOLUTION_DATE)}",
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
        yaxis={"title": t("chart.parties_axis", states=states), "range": [0, states + 1.5]},
        xaxis={"title": None, "hoverformat": "%Y-%m-%d", **_date_axis(series, end)},
        hovermode="x unified",
        plot_bgcolor="#ffffff",
        separators=number_separators(t.language),
    )
    figure.update_xaxes(showgrid=True, gridcolor="#eef1f4")
    figure.update_yaxes(showgrid=True, gridcolor="#eef1f4", rangemode="tozero")
    image = chart_image(figure, t, "timeline", t("ui.chart.timeline"), as_of)
    st.plotly_chart(figure, config=chart_config(t, **image), width="stretch")


def _date_axis(series: pd.DataFrame, end: pd.Timestamp) -> dict:
    """The date axis: from the first consent to the view's date, never beyond, with ticks that
    plotly spaces for the chart's width.

    The range is fixed: left to plotly, it grew to hold the text of the shaded stretch's note
    (an annotation counts in the autorange), so the axis ran on to 2030-2035 in Spanish and
    French and to about 2070 on a phone. A tick every year (``dtick`` of 12 months) did not fit
    a desktop's width: plotly turned the labels on end and cut them to "200"/"201". Plotly's own
    spacing shows years ("%Y") once its ticks are a year or more apart, and the month with the
    year below that, so a short span does not write the same year over and over."""
    start = pd.Timestamp(series["date"].min()) if not series.empty else end - pd.DateOffset(years=1)
    span = max(end - start, pd.Timedelta(days=30))
    return {
        "range": [start - span * 0.01, end],
        "autorange": False,
        "tickangle": 0,
        "tickformatstops": [
            {"dtickrange": [None, "M12"], "value": "%b %Y"},
            {"dtickrange": ["M12", None], "value": "%Y"},
        ],
    }
