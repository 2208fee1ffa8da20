"""The source line under every page: where the status comes from and as at which date."""

from __future__ import annotations

import streamlit as st

from loaders.store.dataset import Dataset
from pages.text.i18n import Translator
from pages.text.words import instrument_brief


def provenance_footer(dataset: Dataset, t: Translator) -> None:
    """One caption naming the source, its dates and the snapshot, with a pointer to the details.

    ``dataset``: localized (pages.text.words.localized), for the instruments' names.
    """
    meta = dataset.meta
    by_date: dict[str, list[str]] = {}
    for instrument, info in meta.instruments.items():
        when = t.date(info.status_as_at) if info.status_as_at else t("footer.unknown_date")
        name = (
            instrument_brief(dataset, instrument)
            if instrument in dataset.instruments.index
            else instrument
        )
        by_date.setdefault(when, []).append(name)
    dates = t.items(
        t("footer.as_at", instruments=t.words(ids), date=when) for when, ids in by_date.items()
    )
    key = "footer.source_later" if meta.method == "compiled-reference" else "footer.source"
    st.divider()
    st.caption(t(key, dates=dates, snapshot=meta.snapshot_id, data_page=t("nav.data")))
