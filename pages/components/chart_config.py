"""Plotly's own words (its toolbar's tooltips, its month names and number signs) per language.

Plotly takes a locale per chart in its config (``locale`` and ``locales``), so no script has to be
registered and nothing is fetched: the dictionary is the catalogue's, the month and day names and
the number signs babel's.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from babel import Locale

from views.text.i18n import Translator, number_separators
from views.text.words import wrap_lines

# Plotly's English toolbar texts -> the catalogue keys of their translations.
MODEBAR = {
    "Download plot as a PNG": "chart.modebar.download_png",
    "Download plot": "chart.modebar.download",
    "Zoom": "chart.modebar.zoom",
    "Pan": "chart.modebar.pan",
    "Box Select": "chart.modebar.box_select",
    "Lasso Select": "chart.modebar.lasso_select",
    "Zoom in": "chart.modebar.zoom_in",
    "Zoom out": "chart.modebar.zoom_out",
    "Autoscale": "chart.modebar.autoscale",
    "Reset axes": "chart.modebar.reset_axes",
    "Reset view": "chart.modebar.reset_view",
    "Reset": "chart.modebar.reset",
    "Toggle Spike Lines": "chart.modebar.spikes",
    "Show closest data on hover": "chart.modebar.closest",
    "Compare data on hover": "chart.modebar.compare",
    "Preparing image - this may take a few seconds": "chart.modebar.preparing",
    "Image download succeeded": "chart.modebar.downloaded",
    "Double-click to zoom back out": "chart.modebar.double_click",
}
_BABEL = {"en": "en_US", "es": "es", "pt": "pt_BR", "fr": "fr"}


# The toolbar's PNG: wide enough for a one-line legend, taller than on screen for the title.
IMAGE_WIDTH, IMAGE_EXTRA_HEIGHT = 1400, 120
# The band at the top that plotly's toolbar (the modebar, about 26 px high at the top right)
# takes when the pointer is over a chart, and always on a touch screen: the title starts below it,
# or a long title (the Map's) or a narrow chart (a phone's) put the title under the buttons.
MODEBAR_BAND = 30
TITLE_SPACE = 58 + MODEBAR_BAND  # pixels above the plot for the toolbar, the title, its source
# A font every system has: plotly measures legend texts in the page but draws the PNG from an SVG
# that cannot load the page's web font, so with Streamlit's font the drawn texts came out wider
# than measured and overran the next legend entry and the edge.
SYSTEM_FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif"
# On a phone (about 360 px for the chart), the characters per line of the title (16 px, bold), the
# source line (12 px) and an axis title (14 px, centred on the plot, which long labels on its left
# push right), tried on the longest titles in the four languages; and each added line's height.
PHONE_TITLE, PHONE_SOURCE, PHONE_AXIS = 34, 52, 30
PHONE_NOTE = 48  # a note on the chart (12 px)
TITLE_LINE, SOURCE_LINE, AXIS_LINE = 21, 16, 18
PLOTLY_MARGIN = 80  # plotly's margin on a side the figure leaves unset


def chart_image(
    figure: go.Figure, t: Translator, name: str, title: str, as_of: date, phone: bool | None = None
) -> dict:
    """Put ``title`` and the source line in ``figure`` itself, so that the PNG plotly's toolbar
    saves says what it shows, on which date and from where; and return the config's
    ``toImageButtonOptions``: a file named after the chart and the date, at a size that keeps the
    legend whole (``ratify-americas_timeline_2026-12-01.png``).

    The source line is the title's subtitle: an annotation cannot be anchored to the figure's
    bottom edge, and below the plot it would collide with tick labels and legends whose height
    changes with the image's size. On a phone the title, the source line and the axis titles are
    broken into lines that fit its width (plotly never wraps a text; a long one was cut at the
    screen's edge), and the space above the plot grows by the added lines. ``phone``: whether
    the reader's is (a figure made once for every reader of a view says it, and is kept per
    kind of screen); by default, as the reader's browser says (:func:`on_a_phone`)."""
    source = t("ui.chart.source", date=t.date(as_of))
    title_lines, source_lines, below = [title], [source], 0
    if on_a_phone() if phone is None else phone:
        title_lines, source_lines = wrap_lines(title, PHONE_TITLE), wrap_lines(source, PHONE_SOURCE)
        below = _wrap_axis_titles(figure)
        _wrap_notes(figure)
    added = (len(title_lines) - 1) * TITLE_LINE + (len(source_lines) - 1) * SOURCE_LINE
    height = (figure.layout.height or 450) + TITLE_SPACE + added + below
    figure.update_layout(
        font_family=SYSTEM_FONT,
        height=height,
        margin={"t": (figure.layout.margin.t or 0) + TITLE_SPACE + added},
        title={
            "text": "<br>".join(title_lines),
            "subtitle": {
                "text": "<br>".join(source_lines),
                "font": {"size": 12, "color": "#56606b"},
            },
            # from the figure's left edge, not the plot's: long group names on the axis pushed
            # the Subregions title off a phone's screen
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            # plotly centres a title of several lines on where one line would be: half a line
            # up for each added line, which would put it under the toolbar
            "pad": {"t": 8 + MODEBAR_BAND + (len(title_lines) - 1) * TITLE_LINE // 2, "l": 10},
            "font": {"size": 16, "color": "#1d2733"},
        },
    )
    return {
        "toImageButtonOptions": {
            "format": "png",
            "filename": f"ratify-americas_{name}_{as_of.isoformat()}",
            "width": IMAGE_WIDTH,
            "height": height + IMAGE_EXTRA_HEIGHT,
            "scale": 1,
        }
    }


def on_a_phone() -> bool:
    """Whether the reader's browser says it is a phone's (its client hint, or "Mobile" in its
    user agent, as phones' browsers send): the server does not know the screen's width."""
    headers = st.context.headers
    return headers.get("Sec-CH-UA-Mobile") == "?1" or "Mobile" in headers.get("User-Agent", "")


def _wrap_notes(figure: go.Figure) -> None:
    """Break a note on the chart (an annotation) with a line too long for a phone into a phone's
    lines: the Timeline's note on the rows checked since ran off the chart's left edge."""
    for note in figure.layout.annotations:
        text = note.text or ""
        if any(len(line) > PHONE_NOTE for line in text.split("<br>")):
            note.text = "<br>".join(wrap_lines(text.replace("<br>", " "), PHONE_NOTE))


def _wrap_axis_titles(figure: go.Figure) -> int:
    """Break every axis title (a subplot's too) into a phone's lines, the margin on its side
    widened by the most lines one gains; returns the pixels added below the plot."""
    gained = {"b": 0, "l": 0}

    def wrap(axis: Any, side: str) -> None:
        text = axis.title.text
        if text and "<br>" not in text:
            lines = wrap_lines(text, PHONE_AXIS)
            axis.title.text = "<br>".join(lines)
            gained[side] = max(gained[side], (len(lines) - 1) * AXIS_LINE)

    figure.for_each_xaxis(lambda axis: wrap(axis, "b"))
    figure.for_each_yaxis(lambda axis: wrap(axis, "l"))
    for side, pixels in gained.items():
        margin = figure.layout.margin[side]
        if pixels:
            figure.layout.margin[side] = (PLOTLY_MARGIN if margin is None else margin) + pixels
    return gained["b"]


def chart_config(t: Translator, **extra: object) -> dict:
    """``st.plotly_chart``'s config for the reader's language, plus ``extra`` (the image options
    of :func:`chart_image`, the map's base layer...)."""
    config: dict = {"displaylogo": False, **extra}
    if t.language == "en":
        return config
    locale = Locale.parse(_BABEL[t.language])
    months, days = locale.months["format"], locale.days["format"]
    separators = number_separators(t.language)
    config["locale"] = t.language
    config["locales"] = {
        t.language: {
            "dictionary": {english: t(key) for english, key in MODEBAR.items()},
            "format": {
                # babel numbers days from Monday (0); plotly's list starts on Sunday
                "days": [days["wide"][(n + 6) % 7] for n in range(7)],
                "shortDays": [days["abbreviated"][(n + 6) % 7] for n in range(7)],
                "months": [months["wide"][n] for n in range(1, 13)],
                "shortMonths": [months["abbreviated"][n] for n in range(1, 13)],
                "decimal": separators[0],
                "thousands": separators[1],
                "date": "%d/%m/%Y",
            },
        }
    }
    return config


# The button Streamlit adds to every chart's toolbar has an English title that plotly does not
# translate; plotly shows toolbar titles with CSS (``content: attr(data-title)``), so the page's
# style can say it in the reader's language.
_STREAMLIT_BUTTONS = {
    "Fullscreen": "chart.fullscreen",
    "Close fullscreen": "chart.close_fullscreen",
}


def chart_toolbar_style(t: Translator) -> str:
    """A <style> giving Streamlit's chart buttons their tooltip in the reader's language."""
    rules = "".join(
        f'.js-plotly-plot .plotly .modebar [data-title="{title}"]:after '
        f"{{content: {json.dumps(t(key), ensure_ascii=False)} !important;}}\n"
        for title, key in _STREAMLIT_BUTTONS.items()
    )
    return f"<style>\n{rules}</style>"
