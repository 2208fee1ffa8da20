"""Paragraph 6: who has answered the 2009 call, who has not yet, and what they have done."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.derive import PARTY, RESOLUTION_DATE
from pages.components.data import load_data
from pages.components.membership_notes import membership_notes
from pages.components.selection import current_selection
from pages.components.status_badge import status_badge
from pages.components.status_table import UNCONFIRMED, status_table
from pages.components.table_formats import date_column
from pages.text.words import (
    RESOLUTION_SYMBOL,
    confidence_text,
    group_labels,
    instrument_abbr,
    instrument_brief,
    instrument_label,
    paragraph6_view,
    party_counts,
)

selection = current_selection()
t = selection.t
dataset = load_data(t.language)
frame = paragraph6_view(
    dataset, selection.as_of, selection.instruments, selection.groups, t.language
)
counts = party_counts(frame)
after_resolution = selection.as_of >= RESOLUTION_DATE
states = frame["iso3"].nunique()
resolution_date = t.date(RESOLUTION_DATE)
labels = group_labels(dataset, t.language)
scope = (
    t("overview.scope_groups", states=states, groups=t.words(labels[g] for g in selection.groups))
    if selection.groups
    else t("overview.scope", states=states)
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

if frame.empty:
    st.info(t("empty.no_members"))
    st.stop()

st.caption(
    t(
        "overview.counts_change",
        states=states,
        date=t.date(selection.as_of),
        resolution_date=resolution_date,
    )
    if after_resolution
    else t("overview.counts", states=states, date=t.date(selection.as_of))
)
widths = [1] * len(counts) + ([4 - len(counts)] if len(counts) < 4 else [])
metric_columns = st.columns(widths, vertical_alignment="center")
for column, (instrument, row) in zip(metric_columns, counts.iterrows(), strict=False):
    change = row["parties"] - row["parties_2009"]
    column.metric(
        instrument_brief(dataset, instrument),
        t("count.of", n=row["parties"], total=row["states"]),
        delta=(
            t("overview.delta", change=f"{change:+d}", resolution_date=resolution_date)
            if after_resolution
            else None
        ),
        delta_color="normal" if change else "off",
        help=t(
            "overview.metric_help",
            then=row["parties_2009"],
            states=row["states"],
            resolution_date=resolution_date,
        ),
        border=True,
    )
# With fewer than four instruments the membership note fits beside the counts.
with metric_columns[-1] if len(counts) < 4 else st.container():
    membership_notes(dataset, list(frame["iso3"].unique()), t)

missing_column, joined_column = st.columns([1.3, 1], gap="large")

with missing_column:
    st.subheader(t("overview.not_yet"))
    for instrument in selection.instruments:
        rows = frame[(frame["instrument"] == instrument) & (frame["status"] != PARTY)]
        title = instrument_label(dataset, instrument)
        if rows.empty:
            st.markdown(
                t.label(
                    f"**{title}**", status_badge("party", t("overview.all_party", states=states))
                ),
                unsafe_allow_html=True,
            )
            continue
        st.markdown(t("overview.not_party", instrument=title, n=len(rows), states=states))
        status_table(rows, selection.as_of, lambda iso3: selection.href("profile", state=iso3), t)
    if (frame["status"] != PARTY).any():
        st.caption(t("overview.legend", mark=UNCONFIRMED))

with joined_column:
    st.subheader(t("overview.joined", resolution_date=resolution_date))
    joined = frame[frame["joined_since_resolution"]].sort_values("consent_date", kind="stable")
    if not after_resolution:
        st.info(t("overview.before_resolution"))
    elif joined.empty:
        st.markdown(t("overview.none_joined", resolution_date=resolution_date))
    else:
        st.markdown(
            t(
                "overview.new_parties",
                counts=t.items(
                    f"{instrument_brief(dataset, i)} **{n}**"
                    for i, n in counts["joined"].items()
                    if n
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
                    state: joined["state"]
                    + joined["confidence"].map(
                        lambda c: f" {UNCONFIRMED}" if confidence_text(c) else ""
                    ),
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
