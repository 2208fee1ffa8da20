"""Groups side by side: per instrument, the share of each group's members that are party."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from pages.components.chart_config import chart_config, chart_image
from pages.components.instrument_palette import instrument_style
from pages.components.selection import current_selection
from views.text.i18n import Translator, number_separators

# A pattern per instrument as well as a colour, so the panels read in greyscale too.
PATTERNS = ("", "/", ".", "x")


# Four panels side by side leave a phone about 50 px each: their titles and labels ran into each
# other. The panels are drawn twice, side by side and one above the other, and the page's width
# chooses (Streamlit stacks its columns under the same 640 px); paper takes the side-by-side one.
LAYOUT_STYLE = """<style>
@media screen and (max-width: 640px) {.st-key-share_side_by_side {display: none;}}
@media print, screen and (min-width: 641px) {.st-key-share_stacked {display: none;}}
</style>"""


def share_chart(
    summary: pd.DataFrame, labels: dict[str, str], registry: Sequence[str], t: Translator
) -> None:
    """Draw ``summary`` (views.text.words.subregion_summary): one panel per instrument, side by
    side on a wide screen and on paper, one above the other on a phone.

    ``labels``: instrument -> the name over its panel. Hover texts are written here, in the
    reader's language, so plotly adds no words of its own.
    """
    # The date of this run's selection (read here: the Subregions page passes no date).
    as_of = current_selection().as_of
    st.html(LAYOUT_STYLE)
    for key, stacked in (("share_side_by_side", False), ("share_stacked", True)):
        figure = _figure(summary, labels, registry, t, stacked)
        image = chart_image(figure, t, "subregions", t("subregions.title"), as_of)
        with st.container(key=key):
            st.plotly_chart(figure, config=chart_config(t, **image), width="stretch")


def _figure(
    summary: pd.DataFrame,
    labels: dict[str, str],
    registry: Sequence[str],
    t: Translator,
    stacked: bool,
) -> go.Figure:
    chosen = [i for i in labels if (summary["instrument"] == i).any()]
    groups = list(dict.fromkeys(summary["group_label"]))
    # one above the other: a row a group, and room between panels for the next one's title
    panel, between = (24 * len(groups), 56) if stacked else (32 * len(groups), 0)
    height = (panel + between) * len(chosen) + 40 if stacked else max(280, panel + 90)
    figure = make_subplots(
        rows=len(chosen) if stacked else 1,
        cols=1 if stacked else len(chosen),
        shared_yaxes=not stacked,
        shared_xaxes=stacked,
        subplot_titles=[labels[i] for i in chosen],
        horizontal_spacing=0.03,
        vertical_spacing=between / height,
    )
    for number, instrument in enumerate(chosen, start=1):
        rows = summary[summary["instrument"] == instrument]
        style = instrument_style(instrument, registry)
        pattern = PATTERNS[list(registry).index(instrument) % len(PATTERNS)]
        figure.add_bar(
            y=rows["group_label"],
            x=rows["share"],
            orientation="h",
            marker={
                "color": style.colour,
                # overlay: the colour fills the bar and the pattern is drawn over it in white
                "pattern": {
                    "shape": pattern,
                    "fillmode": "overlay",
                    "fgcolor": "#ffffff",
                    "solidity": 0.2,
                },
            },
            text=[f"{p}/{m}" for p, m in zip(rows["parties"], rows["members"], strict=True)],
            textposition="outside",
            textfont={"color": "#1d2733", "size": 12},
            cliponaxis=False,
            hovertext=[
                t(
                    "chart.share_hover",
                    group=row.group_label,
                    parties=row.parties,
                    members=row.members,
                    missing=row.missing_detail or t("ui.none.members"),
                )
                for row in rows.itertuples()
            ],
            hoverinfo="text",
            name=labels[instrument],
            showlegend=False,
            row=number if stacked else 1,
            col=1 if stacked else number,
        )
    # Room right of 100% for the "6/6" labels, so neighbouring panels' ticks do not collide.
    figure.update_xaxes(
        range=[0, 1.3],
        tickvals=[0, 0.5, 1],
        ticktext=[t.share(v) for v in (0, 0.5, 1)],
        gridcolor="#eef1f4",
    )
    figure.update_yaxes(categoryorder="array", categoryarray=groups[::-1])
    figure.update_annotations(font_size=13)
    if stacked:  # over the bars' end: centred, a long name ran off a phone's screen
        figure.update_annotations(x=1, xanchor="right")
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        plot_bgcolor="#ffffff",
        bargap=0.3,
        separators=number_separators(t.language),
    )
    return figure
