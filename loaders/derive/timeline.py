"""Parties over time: the step series the timeline draws, and how long each party took."""

from __future__ import annotations

from datetime import date

import pandas as pd

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
