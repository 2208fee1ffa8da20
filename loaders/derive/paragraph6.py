"""Paragraph 6 of AG/RES. 2456 (XXXIX-O/09): each state's status on 4 June 2009 beside today's.

The one implementation of the resolution's comparison: the dashboard's overview, the timeline's
2009 column and the exports all count from here.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from loaders.derive.status import RESOLUTION_DATE, status_on
from loaders.model.status import PARTY

# Paragraph 6 names the Convention and its Trafficking in Persons Protocol, nothing else.
RESOLUTION_INSTRUMENTS = ("UNTOC", "TIP")
RESOLUTION_SYMBOL = "AG/RES. 2456 (XXXIX-O/09)"
RESOLUTION_PARAGRAPH = 6


def paragraph6(frame: pd.DataFrame, now: date) -> pd.DataFrame:
    """Per state and instrument: status on 4 June 2009, status now, and when it joined since."""
    then = status_on(frame, RESOLUTION_DATE)
    current = status_on(frame, now)
    result = current.copy()
    result["status_2009"] = then["status"].to_numpy()
    joined = (result["status"] == PARTY) & (result["status_2009"] != PARTY)
    result["joined_since_2009"] = result["consent_date"].where(joined)
    return result
