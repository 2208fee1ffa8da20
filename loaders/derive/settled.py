"""What is settled, exactly: of the 35 x 4 facts, which the snapshot can vouch for on a date.

A party stays a party unless it withdraws (and a withdrawal would be a new fact of the record),
so each party fact is settled. A "not a party" fact (signatory or no action) is verified only
through its own ``verified_through`` date: on a later date it may have changed, so it is
unsettled. The last full check against UNTC is the oldest per-instrument ``status_as_at`` of the
snapshot's metadata: every instrument was read whole on or after it.

The treaty family's facts are accounted for per depositary (UN, ILO, OAS), each with the latest
check of its facts: a party stays a party unless it withdraws; an ILO convention can also be
denounced (in the windows its articles open), which would be a new fact of NORMLEX's record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.derive.regions import family_status_on
from loaders.derive.status import status_on
from loaders.model.dates import PartialDate
from loaders.model.status import UNKNOWN
from loaders.store.dataset import Dataset

UNSETTLED_COLUMNS = ["iso3", "state", "instrument", "status", "verified_through"]


@dataclass(frozen=True)
class SettledAccount:
    as_of: date
    total: int  # facts counted: one per state and instrument (140 for 35 states x 4)
    settled: int
    unsettled: pd.DataFrame  # UNSETTLED_COLUMNS, by instrument then state name
    last_full_check: date | None  # None when an instrument has no status_as_at


def settled_account(dataset: Dataset, as_of: date) -> SettledAccount:
    """How many facts are settled on ``as_of``, and the unsettled ones with their dates."""
    dataset = dataset_on(dataset, as_of)
    frame = status_on(dataset.status, as_of)
    frame = frame.assign(state=frame["iso3"].map(dataset.states["name"]))
    unsettled = frame[~frame["status_verified"]]
    order = {i: n for n, i in enumerate(dataset.instrument_ids)}
    unsettled = unsettled.sort_values(
        ["instrument", "state"], key=lambda s: s.map(order) if s.name == "instrument" else s
    )
    checks = [m.status_as_at for m in dataset.meta.instruments.values()]
    known = [c for c in checks if c is not None]
    last_full_check = min(known) if checks and len(known) == len(checks) else None
    return SettledAccount(
        as_of=as_of,
        total=len(frame),
        settled=int(frame["status_verified"].sum()),
        unsettled=unsettled[UNSETTLED_COLUMNS].astype({"status": str}).reset_index(drop=True),
        last_full_check=last_full_check,
    )


DEPOSITARIES = ("UN", "ILO", "OAS")


@dataclass(frozen=True)
class DepositaryAccount:
    """The treaty family's facts (beyond the four Palermo instruments) of one depositary."""

    depositary: str  # UN, ILO or OAS
    instruments: list[str]  # adopted on the date, in registry order
    total: int  # one fact per state and instrument
    settled: int  # a party (it stays one unless it withdraws or denounces), or checked since
    changeable: int  # "not a party" as of a check before the date: may have changed since
    unknown: int  # no evidence in the snapshot: neither settled nor a gap
    last_check: str  # the latest check of its facts, at its precision; "" when none


def _last_check(frame: pd.DataFrame) -> str:
    dates = [d for d in frame["verified_through"].fillna("").astype(str) if d]
    return max(dates, key=lambda d: PartialDate.parse(d).earliest(), default="")


def settled_by_depositary(dataset: Dataset, as_of: date) -> list[DepositaryAccount]:
    """Per depositary, how many of its family facts are settled on ``as_of``. Paragraph 6's
    account (:func:`settled_account`) stays the four Palermo instruments'."""
    registry = dataset.registry
    adopted = pd.to_datetime(registry["adopted"]).dt.date
    chosen = [i for i in registry.index if i not in dataset.instrument_ids and adopted[i] <= as_of]
    frame = family_status_on(dataset, as_of, None, chosen) if chosen else pd.DataFrame()
    accounts = []
    for depositary in DEPOSITARIES:
        mine = frame[frame["depositary"] == depositary] if not frame.empty else frame
        if mine.empty:
            continue
        unknown = mine["status"] == UNKNOWN
        settled = mine["status_verified"].astype(bool) & ~unknown
        accounts.append(
            DepositaryAccount(
                depositary=depositary,
                instruments=[i for i in chosen if i in set(mine["instrument"])],
                total=len(mine),
                settled=int(settled.sum()),
                changeable=int((~settled & ~unknown).sum()),
                unknown=int(unknown.sum()),
                last_check=_last_check(mine),
            )
        )
    return accounts
