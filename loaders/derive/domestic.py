"""Steps at home: the latest step a state had taken on an instrument by a date.

These are not depositary facts (UNTC records none of them): they are shown beside the status,
never instead of it, and never change it. A step dated only to the year or month counts on a date
only where it is certain at that precision, as group memberships do: from the last day of its
period (a step of "2025" counts from 31 December 2025).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from loaders.derive.status import bound

STEP_COLUMNS = ["iso3", "instrument", "mtdsg_no", "date", "step", "detail", "source", "confidence"]


def domestic_steps_on(steps: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Per state and instrument with a step certain on or before ``as_of``: the latest one.

    ``date`` keeps the precision the source gives. Of two steps certain by then, the later is the
    one whose period ends later (then, whose period starts later).
    """
    day = pd.Timestamp(as_of)
    ends = steps["date"].map(lambda t: bound(t, latest=True))
    starts = steps["date"].map(lambda t: bound(t, latest=False))
    known = steps.assign(_ends=ends, _starts=starts)[ends <= day]
    latest = known.sort_values(["_ends", "_starts"], kind="stable").groupby(
        ["iso3", "instrument"], sort=False
    )
    return latest.tail(1)[STEP_COLUMNS].sort_values(["instrument", "iso3"]).reset_index(drop=True)


def domestic_step_codes(steps: pd.DataFrame, as_of: date) -> dict[tuple[str, str], str]:
    """``(iso3, instrument) -> step code`` on ``as_of``, for the export's ``domestic_step``."""
    latest = domestic_steps_on(steps, as_of)
    return dict(
        zip(zip(latest["iso3"], latest["instrument"], strict=True), latest["step"], strict=True)
    )
