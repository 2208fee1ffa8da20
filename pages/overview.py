"""Paragraph 6: who has answered the 2009 call, who has not yet, and what they have done."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loaders.charts_data import (
    RESOLUTION_SYMBOL,
    RESOLUTION_TEXT,
    confidence_text,
    group_label,
    instrument_label,
    join_words,
    long_date,
    paragraph6_view,
    party_counts,
)
from loaders.derive import PARTY, RESOLUTION_DATE
from pages.components.data import load_data
from pages.components.membership_notes import membership_notes
from pages.components.selection import current_selection
from pages.components.status_badge import status_badge
from pages.components.status_table import UNCONFIRMED, status_table

dataset = load_data()
selection = current_selection()
frame = paragraph6_view(dataset, selection.as_of, selection.instruments, selection.groups)
counts = party_counts(frame)
after_resolution = selection.as_of >= RESOLUTION_DATE
states = frame["iso3"].nunique()
group_names = dataset.memberships.drop_duplicates("group_id").set_index("group_id")["group_name"]
chosen_groups = join_words([group_label(group_names[g]) for g in selection.groups])
scope = f"the {states} OAS member states" + (
    f" in {chosen_groups} (membership on that date)" if selection.groups else ""
)


st.title("Paragraph 6: who has answered the call?")
intro, quote = st.columns([5, 1], vertical_alignment="center")
intro.markdown(
    f"On 4 June 2009 OAS resolution **{RESOLUTION_SYMBOL}** urged member states to ratify or "
    "accede to the Palermo Convention and its Trafficking in Persons Protocol. "
    f"Below: {scope}, on **{long_date(selection.as_of)}**."
)
with quote.popover("Paragraph 6", icon=":material/format_quote:", width="stretch"):
    st.markdown(f"> 6. {RESOLUTION_TEXT}")
    st.caption(f"{RESOLUTION_SYMBOL}, adopted by the OAS General Assembly on 4 June 2009.")

if frame.empty:
    st.info("No OAS member state was a full member of the chosen groups on this date.")
    st.stop()

st.caption(
    f"Parties among the {states} states on {long_date(selection.as_of)}"
    + (", and the change since 4 June 2009" if after_resolution else "")
)
widths = [1] * len(counts) + ([4 - len(counts)] if len(counts) < 4 else [])
metric_columns = st.columns(widths, vertical_alignment="center")
for column, (instrument, row) in zip(metric_columns, counts.iterrows(), strict=False):
    change = row["parties"] - row["parties_2009"]
    column.metric(
        instrument_label(dataset, instrument).removesuffix(" Protocol"),
        f"{row['parties']} of {row['states']}",
        delta=(f"{change:+d} since 4 June 2009" if after_resolution else None),
        delta_color="normal" if change else "off",
        help=f"{row['parties_2009']} of these {row['states']} states were party on 4 June 2009.",
        border=True,
    )
# With fewer than four instruments the membership note fits beside the counts.
with metric_columns[-1] if len(counts) < 4 else st.container():
    membership_notes(dataset, list(frame["iso3"].unique()))

missing_column, joined_column = st.columns([1.3, 1], gap="large")

with missing_column:
    st.subheader("Not yet party")
    for instrument in selection.instruments:
        rows = frame[(frame["instrument"] == instrument) & (frame["status"] != PARTY)]
        title = instrument_label(dataset, instrument)
        if rows.empty:
            st.markdown(
                f"**{title}**: " + status_badge("party", f"all {states} are party"),
                unsafe_allow_html=True,
            )
            continue
        st.markdown(f"**{title}**: {len(rows)} of {states} not party")
        status_table(rows, selection.as_of, lambda iso3: selection.href("profile", state=iso3))
    if (frame["status"] != PARTY).any():
        st.caption(
            "*Not verified since*: not party when its row was last checked, and it may have "
            "acted since (open symbols on every page). † not fully confirmed (medium "
            "confidence). Click a state for its profile and sources."
        )

with joined_column:
    st.subheader("Joined since 4 June 2009")
    joined = frame[frame["joined_since_resolution"]].sort_values("consent_date")
    if not after_resolution:
        st.info("The chosen date is before the resolution: move it later to see who joined since.")
    elif joined.empty:
        st.markdown(
            "No state in this view became party after 4 June 2009: "
            "the states party now were already party then."
        )
    else:
        st.markdown(
            "New parties: "
            + "; ".join(
                f"{instrument_label(dataset, i).removesuffix(' Protocol')} **{n}**"
                for i, n in counts["joined"].items()
                if n
            )
        )
        st.dataframe(
            pd.DataFrame(
                {
                    "State": joined["state"]
                    + joined["confidence"].map(
                        lambda c: f" {UNCONFIRMED}" if confidence_text(c) else ""
                    ),
                    "Instrument": joined["instrument"],
                    "Party since": joined["consent_date"],
                }
            ),
            hide_index=True,
            width="stretch",
            height=min(38 + 35 * len(joined), 390),
            column_config={
                "Party since": st.column_config.DateColumn(format="D MMM YYYY"),
            },
        )
