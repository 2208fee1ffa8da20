"""Pure derivations over the status frame: no I/O, no streamlit, same input gives same output.

Conventions:
- A status on a date only counts acts dated on or before it; later acts are hidden, not shown done.
- ``status_verified`` is False where the snapshot cannot vouch for a date: a state that was not
  yet a party when its row was last verified may have acted since (parties stay parties).
- Group memberships known only to the year or month count on a date only where they are certain
  at that precision: from the last day of the ``from`` period, until before the first day of the
  ``to`` period. An empty ``from`` means the record gives no start (e.g. geographic regions).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from loaders.model.dates import PartialDate
from loaders.model.status import NO_ACTION, PARTY, SIGNATORY

RESOLUTION_DATE = date(2009, 6, 4)  # AG/RES. 2456 (XXXIX-O/09), paragraph 6
DAYS_AFTER_DEPOSIT = 30  # "on the thirtieth day after the date of deposit" (e.g. UNTOC art. 38(2))


@lru_cache(maxsize=512)
def bound(text: str, latest: bool) -> pd.Timestamp:
    if not text:
        return pd.NaT
    partial = PartialDate.parse(text)
    return pd.Timestamp(partial.latest() if latest else partial.earliest())


def entry_into_force(consent: pd.Series, instrument_eif: pd.Series) -> pd.Series:
    """Thirtieth day after deposit, or the instrument's own entry into force if that is later."""
    after_deposit = consent + timedelta(days=DAYS_AFTER_DEPOSIT)
    eif = after_deposit.where(after_deposit > instrument_eif, instrument_eif)
    return eif.where(consent.notna())


def with_instrument_facts(status: pd.DataFrame, instruments: pd.DataFrame) -> pd.DataFrame:
    """Adds entry into force and the days from opening for signature (and from 4 June 2009)."""
    facts = instruments.loc[status["instrument"]]
    frame = status.copy()
    opened = pd.to_datetime(facts["opened_for_signature"]).to_numpy()
    eif = pd.Series(pd.to_datetime(facts["entry_into_force"]).to_numpy(), index=frame.index)
    frame["entry_into_force"] = entry_into_force(frame["consent_date"], eif)
    frame["days_from_opening"] = (frame["consent_date"] - opened).dt.days.astype("Int64")
    resolution = pd.Timestamp(RESOLUTION_DATE)
    since = (frame["consent_date"] - resolution).dt.days.astype("Int64")
    frame["days_from_resolution"] = since.where(since > 0)
    return frame


def status_on(frame: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The frame as it stood on ``as_of``: later acts hidden, a status and its certainty added."""
    day = pd.Timestamp(as_of)
    result = frame.copy()
    for column in ("signature_date", "consent_date", "entry_into_force"):
        if column in result:
            result[column] = result[column].where(result[column] <= day)
    result["consent_kind"] = result["consent_kind"].where(result["consent_date"].notna(), "")
    result["kind_inferred"] = result["kind_inferred"] & result["consent_date"].notna()
    for column in ("days_from_opening", "days_from_resolution"):
        if column in result:
            result[column] = result[column].where(result["consent_date"].notna())
    result["status"] = NO_ACTION
    result.loc[result["signature_date"].notna(), "status"] = SIGNATORY
    result.loc[result["consent_date"].notna(), "status"] = PARTY
    verified_until = result["verified_through"].map(lambda t: bound(t, latest=False))
    result["status_verified"] = (result["status"] == PARTY) | (day <= verified_until)
    return result
