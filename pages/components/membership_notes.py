"""Near every count: which counted states carry an OAS membership note, and what it says."""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

from loaders.store.dataset import Dataset
from views.text.i18n import Translator
from views.text.notes import noted_states


def membership_notes(dataset: Dataset, iso3s: Sequence[str], t: Translator) -> None:
    """An expander naming the noted states among ``iso3s``; it opens on their notes.

    ``dataset``: localized. A note the catalogues do not translate (new in the data) is shown as
    the data's English, marked as such.
    """
    noted = noted_states(dataset, iso3s, t.language)
    if noted.empty:
        return
    with st.expander(
        t.count(
            "notes.title",
            len(noted),
            total=len(set(iso3s)),
            names=t.words(list(noted["name"])),
        ),
        icon=":material/info:",
    ):
        for row in noted.itertuples():
            if row.translated:
                st.markdown(t.label(f"**{row.name}**", row.count_note))
            else:
                st.markdown(
                    t.label(
                        f"**{html.escape(row.name)}** ({html.escape(t('record.label'))})",
                        f'<q lang="en">{html.escape(row.count_note)}</q>',
                    ),
                    unsafe_allow_html=True,
                )
