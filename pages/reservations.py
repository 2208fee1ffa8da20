"""Reservations: who has declared or reserved what on each instrument, and where the record ends."""

from __future__ import annotations

import html

import streamlit as st

from pages.components.data import load_data, page_model
from pages.components.selection import current_selection
from views.models.citation import pinned_params
from views.models.reservations import reservations_model
from views.text.words import DECLARATIONS_COMMAND, instrument_brief, partial_date_text

selection = current_selection()
t = selection.t
dataset = load_data(t.language)
model = page_model(reservations_model, selection)

st.title(t("reservations.title"))
st.markdown(
    t(
        "reservations.intro",
        dates=t.items(
            f"{instrument_brief(dataset, i)}, {partial_date_text(when, t.language)}"
            for i, when in model.published.items()
        ),
    )
)
# What the words mean, one sentence each (the matrix and the texts use them).
st.markdown(
    "\n".join(
        f"- {t(key)}"
        for key in (
            "reservations.what_reservation",
            "reservations.what_declaration",
            "reservations.what_dispute",
        )
    )
)
if model.empty:
    st.info(t("empty.no_members"))
    st.stop()

st.markdown(
    "\n".join(
        "- "
        + t(
            "reservations.counts",
            instrument=instrument_brief(dataset, i),
            n=n,
            parties=parties,
        )
        for i, (n, parties) in model.dispute_counts.items()
    )
)
cells = model.matrix.drop(columns=["iso3", "state"])
words = {c: t(f"reservations.category.{c}") for c in set(cells.to_numpy().ravel())}
headings = {i: instrument_brief(dataset, i) for i in selection.instruments}
shown = model.matrix.drop(columns="iso3").rename(columns={"state": t("column.state"), **headings})
shown = shown.map(lambda cell: words.get(cell, cell))
st.dataframe(shown, hide_index=True, width="stretch", height=min(38 + 35 * len(shown), 700))
# Each state's profile, as links a screen reader names by the state (a link column of the grid
# would read out its address).
profiles = " · ".join(
    f"[{state}]({model.profiles[iso3]})"
    for iso3, state in zip(model.matrix["iso3"], model.matrix["state"], strict=True)
)
st.markdown(t.label(t("reservations.profile"), profiles))

# The texts themselves: the depositary's English, marked as English for screen readers and
# translation tools; upstream's words as plain text (escaped), never markup.
st.markdown(f"### {t('reservations.texts')}")
st.caption(t("brief.declarations_english"))
for iso3, rows in model.texts.groupby("iso3", sort=False):
    state = rows["state"].iloc[0]
    with st.expander(state):
        st.page_link(
            "pages/profile.py",
            label=t("reservations.open_profile"),
            query_params=pinned_params(selection, {"state": iso3}),
            icon=":material/person:",
        )
        for row in rows.to_dict("records"):
            st.markdown(f"**{instrument_brief(dataset, row['instrument'])}**")
            st.html(
                f'<blockquote lang="en" style="white-space: pre-wrap">'
                f"{html.escape(row['text'])}</blockquote>"
            )
buttons = st.container(horizontal=True)
buttons.download_button(
    t("reservations.matrix_download"),
    data=model.matrix_csv,
    file_name=f"ratify-americas_reservations_{selection.as_of.isoformat()}.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)
buttons.download_button(
    t("reservations.download"),
    data=model.texts_csv,
    file_name=f"ratify-americas_declarations_{selection.as_of.isoformat()}.csv",
    mime="text/csv",
    on_click="ignore",
    help=t("reservations.download_help", command=DECLARATIONS_COMMAND),
    icon=":material/description:",
)
