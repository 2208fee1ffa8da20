"""The State profile's section on what followed ratification: each UNODC series as a small chart
with the dates of ratification marked, UNODC's caveats, the calls to ratify, the Universal
Periodic Review's recommendations with what followed, and where to look next.

One state at a time, in one neutral colour: never a ranking, never a colour scale across states.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from loaders.outcomes.errors import OutcomesFormatError
from loaders.outcomes.store import Outcomes, load_outcomes
from loaders.paths import data_dir
from loaders.store.dataset import Dataset
from pages.components.chart_config import MODEBAR_BAND, chart_config
from views.models.outcomes import (
    INDICATOR_IDS,
    Series,
    StateOutcomes,
    calls_to_ratify,
    group_outcomes,
    recommendations_followed,
    state_outcomes,
    where_to_look,
)
from views.text.i18n import Translator, number_separators
from views.text.outcomes import (
    call_line,
    caveats,
    group_never,
    group_note,
    indicator_label,
    link_checked,
    link_label,
    rate_text,
    recommendation_line,
    source_line,
    value_text,
)

BAR, MARK, CENSORED = "#4a6785", "#1d2733", "#56606b"
# Deposits nearer than this (in years) have their labels on rows one below the other: Bolivia's
# Convention (October 2005) and Protocol (May 2006) labels were written over each other. A label
# is up to about 4 years wide on a phone's chart.
CLOSE_YEARS, LABEL_ROW = 4, 12


@st.cache_resource(show_spinner=False, max_entries=2)
def _outcomes(folder: str) -> Outcomes:
    return load_outcomes(Path(folder))


def loaded_outcomes() -> Outcomes | None:
    """The outcomes tables of the data folder (made once), or None when they cannot be read."""
    try:
        return _outcomes(str(data_dir()))
    except OutcomesFormatError:
        return None


def _chart(series: Series, view: StateOutcomes, t: Translator, key: str) -> None:
    """Bars for the published counts, ``<5`` written where UNODC gives no number, nothing for a
    year not reported, and a dashed line at each deposit."""
    figure = go.Figure()
    counted = [p for p in series.points if p.number is not None]
    figure.add_bar(
        x=[p.year for p in counted],
        y=[p.number for p in counted],
        marker_color=BAR,
        hovertext=[t.label(str(p.year), value_text(p, t.language)) for p in counted],
        hoverinfo="text",
        showlegend=False,
    )
    censored = [p for p in series.points if p.number is None]
    if censored:
        figure.add_scatter(
            x=[p.year for p in censored],
            y=[0] * len(censored),
            mode="text",
            text=["<5"] * len(censored),
            textposition="top center",
            textfont={"color": CENSORED, "size": 11},
            hovertext=[t.label(str(p.year), t("outcomes.chart.censored")) for p in censored],
            hoverinfo="text",
            showlegend=False,
        )
    first = min([p.year for p in series.points] + [m.day.year for m in view.markers])
    days: dict[date, list[str]] = {}
    for marker in view.markers:  # one line per day: the Convention and Protocol often share it
        days.setdefault(marker.day, []).append(marker.instrument)
    row, previous = 0, None
    for day, instruments in sorted(days.items()):
        at = day.year + (day.timetuple().tm_yday - 1) / 366
        row = row + 1 if previous is not None and at - previous < CLOSE_YEARS else 0
        previous = at
        figure.add_vline(x=at, line={"color": MARK, "dash": "dash", "width": 1})
        figure.add_annotation(
            x=at,
            y=1,
            yref="paper",
            text=" + ".join(t(f"instrument.{i}.abbr") for i in instruments),
            hovertext=t.label(
                t.words(t(f"instrument.{i}.short") for i in instruments), t.date(day)
            ),
            showarrow=False,
            xanchor="left",
            yanchor="top",
            yshift=-row * LABEL_ROW,
            bgcolor="rgba(255,255,255,0.85)",  # a later deposit's line passes behind the label
            font={"size": 10, "color": MARK},
        )
    figure.update_layout(
        height=220,
        # above the plot, the band plotly's toolbar takes (always, on a touch screen)
        margin={"l": 10, "r": 10, "t": MODEBAR_BAND, "b": 10},
        xaxis={"range": [first - 0.7, (view.last_year or first) + 0.7], "dtick": 2},
        yaxis={"rangemode": "tozero", "title": None},
        plot_bgcolor="#ffffff",
        separators=number_separators(t.language),
        bargap=0.25,
    )
    figure.update_xaxes(showgrid=False, tickformat="d")
    # Counts are whole numbers; a series of <5 only has no scale to read (no number was given).
    figure.update_yaxes(
        showgrid=bool(counted), gridcolor="#eef1f4", tickformat=",d", showticklabels=bool(counted)
    )
    st.plotly_chart(figure, config=chart_config(t), width="stretch", key=key)


def _series(series: Series, view: StateOutcomes, t: Translator, iso3: str) -> None:
    st.markdown(f"**{indicator_label(series.indicator, t.language)}**")
    _chart(series, view, t, key=f"outcomes_{iso3}_{series.indicator}")
    last = series.points[-1]
    latest = t.label(str(last.year), value_text(last, t.language))
    rate = rate_text(last, t.language)
    if rate:
        latest += f" ({t.label(t('outcomes.table.per_100k'), rate)})"
    caption = [latest]
    if series.gaps:
        caption.append(t("outcomes.gaps", years=t.words(str(y) for y in series.gaps)))
    st.caption("  \n".join(caption))


def _link(url: str, label: str) -> str:
    return f"<a href='{html.escape(url)}' target='_blank' rel='noopener'>{html.escape(label)}</a>"


def group_section(dataset: Dataset, group: str, name: str, t: Translator, as_of: date) -> None:
    """A group's sum of each series per year, only where every full member published a number;
    otherwise no sum, and who did not, named. No chart: a sum is not a comparison of states."""
    outcomes = loaded_outcomes()
    if outcomes is None:
        return
    with st.expander(t("outcomes.group.heading", group=name)):
        for caveat in caveats(t.language):
            st.markdown(f"- {caveat}")
        for indicator in INDICATOR_IDS:
            view = group_outcomes(outcomes, dataset, group, indicator, as_of)
            st.markdown(f"**{indicator_label(indicator, t.language)}**")
            lines = [
                t.label(str(y.year), t.number(y.total))
                if y.total is not None
                else group_note(y, t.language)
                for y in view.years
            ]
            if never := group_never(view, t.language):
                lines.append(never)
            st.caption("  \n".join(lines))
        st.caption(source_line(outcomes.release, t.language))


def calls_section(outcomes: Outcomes, t: Translator, as_of: date) -> None:
    """The OAS General Assembly's resolutions on trafficking up to ``as_of``, each linked to the
    stored copy it was read in (the State profile and the Timeline)."""
    st.markdown(f"#### {t('outcomes.calls.heading')}")
    st.caption(t("outcomes.calls.intro", date=t.date(as_of)))
    st.markdown(
        "\n".join(
            f"- {_link(c.source_url, c.resolution)}: "
            + html.escape(call_line(c, t.language).removeprefix(c.resolution + ", "))
            for c in calls_to_ratify(outcomes, as_of)
        ),
        unsafe_allow_html=True,
    )


def outcomes_section(dataset: Dataset, iso3: str, name: str, t: Translator, as_of: date) -> None:
    try:
        outcomes = _outcomes(str(data_dir()))
    except OutcomesFormatError as exc:
        st.warning(str(exc))
        return
    view = state_outcomes(outcomes, dataset, iso3, as_of)
    st.markdown(f"#### {t('outcomes.heading')}")
    for caveat in caveats(t.language):
        st.markdown(f"- {caveat}")
    if view.reports_nothing:
        st.info(t("outcomes.reports_nothing", state=name))
    else:
        st.caption(t("outcomes.values_note", year=view.last_year))
        items = list(view.series.values())
        for start in range(0, len(items), 2):
            columns = st.columns(2, gap="medium")
            for column, series in zip(columns, items[start : start + 2], strict=False):
                with column:
                    _series(series, view, t, iso3)
    st.caption(source_line(view.release, t.language))

    calls_section(outcomes, t, as_of)

    st.markdown(f"#### {t('outcomes.upr.heading')}")
    followed = recommendations_followed(outcomes, dataset, iso3, as_of).get(iso3, [])
    if not followed:
        st.markdown(t("outcomes.upr.none", state=name))
    for item in followed:
        st.markdown(f"- {html.escape(recommendation_line(item, t.language))}")
        st.html(
            f'<blockquote lang="en" class="record"><p>{html.escape(item.text)}</p></blockquote>'
        )
    st.caption(t("outcomes.upr.source"))

    st.markdown(f"#### {t('outcomes.look.heading')}")
    st.markdown(
        "\n".join(
            f"- {_link(link.url, link_label(link, name, t.language))} "
            f"({html.escape(link_checked(link, t.language))})"
            for link in where_to_look(outcomes, iso3)
        ),
        unsafe_allow_html=True,
    )
