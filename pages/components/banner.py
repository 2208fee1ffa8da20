"""Banners above every page: a damaged snapshot, old data, and link parameters that were ignored."""

from __future__ import annotations

from datetime import date

import streamlit as st

from loaders.model.text import collapse
from loaders.store.dataset import Dataset
from pages.components.data import page_model
from pages.components.selection import Selection
from pages.components.settled import settled_summary, unsettled_list
from views.models.shared import settled
from views.text.words import STALE_AFTER_DAYS, age_text, data_age


def banners(dataset: Dataset, selection: Selection, today: date) -> None:
    """Show what the reader must know before trusting the page, most serious first.

    ``dataset``: localized to the reader's language."""
    t = selection.t
    if dataset.warning:
        # The snapshot reader's own words (English) stay as a technical detail, in a code span.
        detail = dataset.warning.replace("`", "'")
        st.warning(
            t("banner.fallback", snapshot=dataset.snapshot_path.name, detail=f"`{detail}`"),
            icon=":material/error:",
        )
    age = data_age(dataset, today)
    if age and age[1] > STALE_AFTER_DAYS:
        oldest = age[0]
        # Short enough to leave the page's answer on a phone's first screen: how old the facts
        # are and how many may have changed; the details one click away; no command (the
        # refresh is the operators' business, in their docs).
        account = page_model(settled, selection)  # once per snapshot and date
        sentence = t(
            "banner.data_age", date=t.date(oldest), age=age_text(oldest, today, t.language)
        )
        if account.settled < account.total:
            sentence += " " + t(
                "banner.may_have_changed",
                unsettled=account.total - account.settled,
                total=account.total,
            )
        st.warning(sentence, icon=":material/history:")
        later = t("banner.later_facts") if dataset.meta.method == "compiled-reference" else ""
        unsettled_list(
            dataset, account, t, " ".join(filter(None, [settled_summary(account, t), later]))
        )
    if selection.notes:
        shown, more = collapse(list(selection.notes))  # 300 bad values are not 300 notes
        lines = shown + ([t("note.more", count=more)] if more else [])
        st.info("  \n".join(lines), icon=":material/link_off:")
