"""Paragraph 6: who has answered the 2009 call, who has not yet, and what they have done."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.derive import RESOLUTION_DATE, RESOLUTION_SYMBOL
from pages.components.data import load_data, page_model
from pages.components.membership_notes import membership_notes
from pages.components.selection import current_selection
from pages.components.status_badge import status_badge
from pages.components.status_table import status_table
from pages.components.table_formats import date_column
from views.models.overview import overview_model
from views.models.shared import UNCONFIRMED, unconfirmed_mark
from views.text.words import group_labels, instrument_abbr, instrument_brief, instrument_label

selection = current_selection()
t = selection.t
dataset = load_data(t.language)
model = page_model(overview_model, selection)
resolution_date = t.date(RESOLUTION_DATE)
labels = group_labels(dataset, t.language)
scope = (
    t(
        "overview.scope_groups",
        states=model.states,
        groups=t.words(labels[g] for g in selection.groups),
    )
    if selection.groups and model.states
    else t("ui.overview.scope_groups_none", groups=t.words(labels[g] for g in selection.groups))
    if selection.groups
    else t("overview.scope", states=model.states)
)

st.title(t("overview.title"))
intro, quote = st.columns([5, 1], vertical_alignment="center")
intro.markdown(
    t(
        "overview.intro",
        resolution_date=resolution_date,
        symbol=RESOLUTION_SYMBOL,
        convention=instrument_label(dataset, "UNTOC"),
        protocol=instrument_label(dataset, "TIP"),
        scope=scope,
        date=t.date(selection.as_of),
    )
)
with quote.popover(t("overview.paragraph"), icon=":material/format_quote:", width="stretch"):
    st.markdown(f"> 6. {t('resolution.paragraph6')}")
    st.caption(
        t("resolution.adopted", symbol=RESOLUTION_SYMBOL, date=resolution_date)
        + " "
        + t("resolution.text_note")
    )

if model.empty:
    st.info(t("empty.no_members"))
    st.stop()

st.caption(
    t(
        "overview.counts_change",
        states=model.states,
        date=t.date(selection.as_of),
        resolution_date=resolution_date,
    )
    if model.after_resolution
    else t("overview.counts", states=model.states, date=t.date(selection.as_of))
)
widths = [1] * len(model.counts) + ([4 - len(model.counts)] if len(model.counts) < 4 else [])
metric_columns = st.columns(widths, vertical_alignment="center")
for column, count in zip(metric_columns, model.counts, strict=False):
    column.metric(
        instrument_brief(dataset, count.instrument),
        t("count.of", n=count.parties, total=count.states),
        # no change: said in words, without an arrow ("↑ +0" reads as a gain)
        delta=(
            None
            if not model.after_resolution
            else t("overview.delta", change=f"{count.change:+d}", resolution_date=resolution_date)
            if count.change
            else t("ui.overview.no_change", resolution_date=resolution_date)
        ),
        delta_color="normal" if count.change else "off",
        delta_arrow="auto" if count.change else "off",
        help=t(
            "overview.metric_help",
            then=count.parties_2009,
            states=count.states,
            resolution_date=resolution_date,
        ),
        border=True,
    )
if model.world:
    st.caption(
        t(
            "world.caption",
            lines=t.items(
                t(
                    "world.line",
                    instrument=instrument_brief(dataset, i),
                    parties=t.number(parties),
                    date=t.date(as_at),
                )
                for i, (parties, as_at) in model.world.items()
            ),
        )
        + " "
        + t("world.compare_link", href=selection.href("world"))
    )
# With fewer than four instruments the membership note fits beside the counts.
with metric_columns[-1] if len(model.counts) < 4 else st.container():
    membership_notes(dataset, model.iso3s, t)

missing_column, joined_column = st.columns([1.3, 1], gap="large")

with missing_column:
    st.subheader(t("overview.not_yet"))
    for instrument, rows in model.not_party.items():
        title = instrument_label(dataset, instrument)
        if rows.empty:
            st.markdown(
                t.label(
                    f"**{title}**",
                    status_badge("party", t("overview.all_party", states=model.states)),
                ),
                unsafe_allow_html=True,
            )
            continue
        st.markdown(t("overview.not_party", instrument=title, n=len(rows), states=model.states))
        status_table(rows, selection.as_of, lambda iso3: selection.href("profile", state=iso3), t)
    if model.any_not_party:
        st.caption(t("overview.legend", mark=UNCONFIRMED))

with joined_column:
    st.subheader(t("overview.joined", resolution_date=resolution_date))
    joined = model.joined
    if not model.after_resolution:
        st.info(t("overview.before_resolution"))
    elif joined.empty:
        st.markdown(t("overview.none_joined", resolution_date=resolution_date))
    else:
        st.markdown(
            t(
                "overview.new_parties",
                counts=t.items(
                    f"{instrument_brief(dataset, c.instrument)} **{c.joined}**"
                    for c in model.counts
                    if c.joined
                ),
            )
        )
        state, instrument, since = (
            t("column.state"),
            t("column.instrument"),
            t("column.party_since"),
        )
        st.dataframe(
            pd.DataFrame(
                {
                    state: joined["state"] + joined["confidence"].map(unconfirmed_mark),
                    # one word each: the column beside the not-yet-party list is narrow
                    instrument: joined["instrument"].map(lambda i: instrument_abbr(dataset, i)),
                    since: joined["consent_date"],
                }
            ),
            hide_index=True,
            width="stretch",
            height=min(38 + 35 * len(joined), 390),
            column_config={since: date_column(t)},
        )
