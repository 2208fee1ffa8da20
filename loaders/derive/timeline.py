"""Parties over time: the step series the timeline draws, and how long each party took."""

from __future__ import annotations

from datetime import date

import pandas as pd

from loaders.model.status import PARTY

DAYS_PER_YEAR = 365.25


def parties_over_time(frame: pd.DataFrame, instruments: pd.DataFrame, until: date) -> pd.DataFrame:
    """Step series of the number of parties among the states in ``frame``, per instrument."""
    end = pd.Timestamp(until)
    pieces = []
    for instrument, rows in frame.groupby("instrument", sort=False):
        consents = rows["consent_date"].dropna()
        consents = consents[consents <= end].sort_values()
        start = pd.Timestamp(instruments.loc[instrument, "adopted"])
        dates = [start, *consents, end]
        counts = [0, *range(1, len(consents) + 1), len(consents)]
        pieces.append(pd.DataFrame({"instrument": instrument, "date": dates, "parties": counts}))
    return pd.concat(pieces, ignore_index=True)


def ratify_times(view: pd.DataFrame) -> pd.DataFrame:
    """Parties of the view with the years from opening for signature and from the resolution,
    in the view's instrument order, earliest consent first."""
    parties = view[view["status"] == PARTY].copy()
    parties["years_from_opening"] = parties["days_from_opening"].astype(float) / DAYS_PER_YEAR
    parties["years_from_resolution"] = parties["days_from_resolution"].astype(float) / DAYS_PER_YEAR
    columns = [
        "iso3",
        "state",
        "instrument",
        "consent_date",
        "consent_kind",
        "years_from_opening",
        "years_from_resolution",
        "confidence",
    ]
    order = {i: n for n, i in enumerate(dict.fromkeys(view["instrument"]))}
    parties = parties.sort_values(
        ["instrument", "consent_date"], key=lambda s: s.map(order) if s.name == "instrument" else s
    )
    return parties[columns].reset_index(drop=True)


def median_years(times: pd.DataFrame) -> pd.Series:
    """Per instrument of :func:`ratify_times`: the median years from opening for signature."""
    return times.groupby("instrument")["years_from_opening"].median()
