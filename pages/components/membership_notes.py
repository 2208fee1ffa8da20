"""Near every count: which counted states carry an OAS membership note, and what it says."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from loaders.charts_data import join_words, noted_states
from loaders.dataset import Dataset


def membership_notes(dataset: Dataset, iso3s: Sequence[str]) -> None:
    """An expander naming the noted states among ``iso3s``; it opens on their notes."""
    noted = noted_states(dataset, iso3s)
    if noted.empty:
        return
    total = len(set(iso3s))
    with st.expander(
        f"All {total} counted, as the resolution addressed them: "
        f"{join_words(list(noted['name']))} {'has an' if len(noted) == 1 else 'have'} "
        f"OAS membership note{'' if len(noted) == 1 else 's'}",
        icon=":material/info:",
    ):
        for row in noted.itertuples():
            st.markdown(f"**{row.name}**: {row.count_note}")
