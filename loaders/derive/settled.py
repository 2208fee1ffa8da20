"""What is settled, exactly: of the 35 x 4 facts, which the snapshot can vouch for on a date.

A party stays a party unless it withdraws (and a withdrawal would be a new fact of the record),
so each party fact is settled. A "not a party" fact (signatory or no action) is verified only
through its own ``verified_through`` date: on a later date it may have changed, so it is
unsettled. The last full check against UNTC is the oldest per-instrument ``status_as_at`` of the
snapshot's metadata: every instrument was read whole on or after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.derive.status import status_on
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
