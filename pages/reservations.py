"""Reservations: who has declared or reserved what on each instrument, and where the record ends."""

from __future__ import annotations

import streamlit as st

from pages.components.data import load_data, page_model
from pages.components.selection import current_selection
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
            f"{instrument_brief(dataset, i)} {partial_date_text(when, t.language)}"
            for i, when in model.published.items()
        ),
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
st.dataframe(
    shown.map(lambda cell: words.get(cell, cell)),
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(shown), 700),
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
