"""The source line under every page: where the status comes from and as at which date."""

from __future__ import annotations

import streamlit as st

from loaders.charts_data import join_words, long_date
from loaders.dataset import Dataset


def provenance_footer(dataset: Dataset) -> None:
    """One caption naming the source, its dates and the snapshot, with a pointer to the details."""
    meta = dataset.meta
    by_date: dict[str, list[str]] = {}
    for instrument, info in meta.instruments.items():
        when = long_date(info.status_as_at) if info.status_as_at else "an unknown date"
        by_date.setdefault(when, []).append(instrument)
    dates = "; ".join(f"{join_words(ids)} as at {when}" for when, ids in by_date.items())
    later = ", plus later facts per row" if meta.method == "compiled-reference" else ""
    st.divider()
    st.caption(
        f"Source: UN Treaty Collection (UNTC) status of the instruments — {dates}{later}. "
        f"Snapshot `{meta.snapshot_id}`. Provenance, verification dates and how to refresh: "
        "see the **Data** page."
    )
