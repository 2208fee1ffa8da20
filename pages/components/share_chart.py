"""Groups side by side: per instrument, the share of each group's members that are party."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st
from plotly.subplots import make_subplots

from pages.components.chart_config import chart_config, chart_image
from pages.components.instrument_palette import instrument_style
from pages.components.selection import current_selection
from views.text.i18n import Translator, number_separators

# A pattern per instrument as well as a colour, so the panels read in greyscale too.
PATTERNS = ("", "/", ".", "x")


def share_chart(
    summary: pd.DataFrame, labels: dict[str, str], registry: Sequence[str], t: Translator
) -> None:
    """Draw ``summary`` (views.text.words.subregion_summary): one panel per instrument.

    ``labels``: instrument -> the name over its panel. Hover texts are written here, in the
    reader's language, so plotly adds no words of its own.
    """
    chosen = [i for i in labels if (summary["instrument"] == i).any()]
    groups = list(dict.fromkeys(summary["group_label"]))
    figure = make_subplots(
        rows=1,
        cols=len(chosen),
        shared_yaxes=True,
        subplot_titles=[labels[i] for i in chosen],
        horizontal_spacing=0.03,
    )
    for column, instrument in enumerate(chosen, start=1):
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
            row=1,
            col=column,
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
    figure.update_layout(
        height=max(280, 32 * len(groups) + 90),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        plot_bgcolor="#ffffff",
        bargap=0.3,
        separators=number_separators(t.language),
    )
    # The date of this run's selection (read here: the Subregions page passes no date).
    as_of = current_selection().as_of
    image = chart_image(figure, t, "subregions", t("subregions.title"), as_of)
    st.plotly_chart(figure, config=chart_config(t, **image), width="stretch")
