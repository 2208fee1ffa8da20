"""Banners above every page: a damaged snapshot, old data, and link parameters that were ignored."""

from __future__ import annotations

from datetime import date

import streamlit as st

from loaders.charts_data import REFRESH_HOW, STALE_AFTER_DAYS, age_text, data_age, long_date
from loaders.dataset import Dataset


def banners(dataset: Dataset, notes: tuple[str, ...], today: date) -> None:
    """Show what the reader must know before trusting the page, most serious first."""
    if dataset.warning:
        st.warning(f"**Showing an older snapshot.** {dataset.warning}", icon=":material/error:")
    age = data_age(dataset, today)
    if age and age[1] > STALE_AFTER_DAYS:
        oldest = age[0]
        later = (
            " Some rows carry later facts, each with its own verification date."
            if dataset.meta.method == "compiled-reference"
            else ""
        )
        st.warning(
            f"Treaty status last checked against UNTC on **{long_date(oldest)}** — "
            f"{age_text(oldest, today)}.{later} To refresh: {REFRESH_HOW}.",
            icon=":material/history:",
        )
    if notes:
        st.info("  \n".join(notes), icon=":material/link_off:")
