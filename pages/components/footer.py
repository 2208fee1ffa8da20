"""The source line under every page: where the status comes from and as at which date."""

from __future__ import annotations

import streamlit as st

from loaders.store.dataset import Dataset
from views.models.citation import as_at_dates
from views.text.i18n import Translator


def provenance_footer(dataset: Dataset, t: Translator) -> None:
    """One caption naming the source, its dates and the snapshot, with a pointer to the details.

    ``dataset``: localized (views.text.words.localized), for the instruments' names.
    """
    meta = dataset.meta
    dates = as_at_dates(dataset, t.language)
    key = "footer.source_later" if meta.method == "compiled-reference" else "footer.source"
    st.divider()
    st.caption(t(key, dates=dates, snapshot=meta.snapshot_id, data_page=t("nav.data")))
