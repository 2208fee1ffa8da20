"""Paragraph 6 of AG/RES. 2456 (XXXIX-O/09): each state's status on 4 June 2009 beside today's.

The one implementation of the resolution's comparison: the dashboard's overview, the timeline's
2009 column and the exports all count from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.derive.status import RESOLUTION_DATE, status_on
from loaders.derive.views import status_view
from loaders.model.status import PARTY
from loaders.store.dataset import Dataset

# Paragraph 6 names the Convention and its Trafficking in Persons Protocol, nothing else.
RESOLUTION_INSTRUMENTS = ("UNTOC", "TIP")
RESOLUTION_SYMBOL = "AG/RES. 2456 (XXXIX-O/09)"
RESOLUTION_PARAGRAPH = 6


def paragraph6(
    dataset: Dataset,
    as_of: date,
    instruments: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The status view on ``as_of`` with each row's status on 4 June 2009 beside it.

    The states are those of the view (group membership as on ``as_of``) and their 2009 status is
    looked up for the same states, so the two counts compare like with like, whatever ``as_of``
    is: before the resolution too, the 2009 column says what stood on 4 June 2009.
    ``joined_since_resolution``: party on ``as_of`` and not on 4 June 2009.
    """
    now = status_view(dataset, as_of, instruments, groups)  # cut at as_of (loaders.derive.cut)
    # The one figure of a later date a view may show, always labelled with it: 4 June 2009.
    then = status_on(dataset_on(dataset, RESOLUTION_DATE).status, RESOLUTION_DATE)[
        ["iso3", "instrument", "status"]
    ]
    frame = now.merge(
        then.rename(columns={"status": "status_2009"}), on=["iso3", "instrument"], how="left"
    )
    frame["joined_since_resolution"] = (frame["status"] == PARTY) & (frame["status_2009"] != PARTY)
    return frame


def party_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Per instrument of a :func:`paragraph6` frame, in its order: the states counted, parties on
    the view's date and on 4 June 2009, how many joined since, and how many rows are unverified."""
    flags = frame.assign(
        party=frame["status"] == PARTY,
        party_2009=frame["status_2009"] == PARTY,
        unverified=~frame["status_verified"].astype(bool),
    )
    grouped = flags.groupby("instrument", sort=False)
    counts = pd.DataFrame(
        {
            "states": grouped["iso3"].nunique(),
            "parties": grouped["party"].sum(),
            "parties_2009": grouped["party_2009"].sum(),
            "joined": grouped["joined_since_resolution"].sum(),
            "unverified": grouped["unverified"].sum(),
        }
    )
    return counts.astype(int)


def not_yet_party(frame: pd.DataFrame, instrument: str) -> pd.DataFrame:
    """The rows of ``instrument`` in ``frame`` whose state is not a party on the view's date."""
    return frame[(frame["instrument"] == instrument) & (frame["status"] != PARTY)]


def joined_since_resolution(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that became party after 4 June 2009, earliest first."""
    return frame[frame["joined_since_resolution"]].sort_values("consent_date", kind="stable")
