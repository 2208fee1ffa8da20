"""Pieces every page model uses: the status view in the reader's order, and statuses in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from loaders.derive import PARTY
from loaders.derive.domestic import domestic_steps_on
from loaders.derive.settled import SettledAccount, settled_account
from loaders.derive.views import status_view
from loaders.store.dataset import Dataset
from loaders.untc.urls import status_page_url
from views.models.selection import Selection
from views.text.localized import by_name
from views.text.words import (
    confidence_text,
    status_brief,
    status_label,
    status_sentence,
    step_line,
)

UNCONFIRMED = "†"  # marks a fact of less than high confidence; the pages explain it
CATEGORIES = ("party", "signatory", "signatory_unverified", "no_action", "no_action_unverified")


def in_reading_order(view: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """``view`` with instruments in registry order and states in the reader's alphabetical order
    (``États-Unis`` among the E's) within each."""
    order = {i: n for n, i in enumerate(dataset.instrument_ids)}
    return (
        by_name(view)
        .sort_values("instrument", key=lambda s: s.map(order), kind="stable")
        .reset_index(drop=True)
    )


def local_view(
    dataset: Dataset,
    as_of: date,
    instruments: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """:func:`loaders.derive.views.status_view` of a localized dataset, in reading order."""
    return in_reading_order(status_view(dataset, as_of, instruments, groups), dataset)


def status_category(status: str, verified: bool) -> str:
    """The status, with ``_unverified`` where the snapshot cannot vouch for it on the date."""
    return status if verified or status == PARTY else f"{status}_unverified"


def is_unconfirmed(confidence: str) -> bool:
    """A fact of less than high confidence (one secondary source, or a derived day)."""
    return bool(confidence_text(confidence))


def unconfirmed_mark(confidence: str) -> str:
    """`` †`` after a fact of less than high confidence, else nothing."""
    return f" {UNCONFIRMED}" if is_unconfirmed(confidence) else ""


def described(view: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """Adds the status category, its short label and the sentences of what the state has done."""
    frame = view.copy()
    if frame.empty:
        return frame.assign(category="", label="", what_done="", brief="")
    # Plain dicts: DataFrame.apply over rows took 60 % longer, on every script run.
    rows = frame.to_dict("records")
    frame["category"] = [status_category(r["status"], r["status_verified"]) for r in rows]
    frame["label"] = [
        status_label(r["status"], r["status_verified"], r["verified_through"], language)
        for r in rows
    ]
    frame["what_done"] = [status_sentence(r, language) for r in rows]
    frame["brief"] = [status_brief(r, language) for r in rows]
    return frame


def checked_dates(frame: pd.DataFrame) -> list[str]:
    """The distinct dates (at their precision) through which the unverified rows were checked,
    oldest first."""
    unverified = frame[~frame["status_verified"].astype(bool)]
    return sorted(set(unverified["verified_through"]), key=lambda v: (v[:4], v))


def with_steps(frame: pd.DataFrame, dataset: Dataset, as_of: date, language: str) -> pd.DataFrame:
    """``frame`` with ``step_line``: the latest step at home of each row's state and instrument
    certain on ``as_of``, in words (empty where none). Beside the status, never instead of it."""
    steps = domestic_steps_on(dataset.domestic_steps, as_of)
    lines = {
        (row["iso3"], row["instrument"]): step_line(row["step"], row["date"], language)
        for row in steps.to_dict("records")
    }
    keys = zip(frame["iso3"], frame["instrument"], strict=True)
    return frame.assign(step_line=[lines.get(key, "") for key in keys])


def untc_links(dataset: Dataset) -> dict[str, str]:
    """Instrument -> its UNTC status page, a link the reader follows (nothing is fetched)."""
    return {
        i: status_page_url(str(row["mtdsg_no"]), int(row["chapter"]))
        for i, row in dataset.instruments.iterrows()
    }


def settled(dataset: Dataset, selection: Selection) -> SettledAccount:
    """What is settled on the selection's date (loaders.derive.settled), as a page model."""
    return settled_account(dataset, selection.as_of)
