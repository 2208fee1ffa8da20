"""Everything the dashboard and the command line read, assembled once into pandas frames."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from loaders.model.records import Instrument, Membership, SnapshotMeta, State
from loaders.paths import data_dir
from loaders.store.registry import load_groups, load_instruments, load_states
from loaders.store.snapshot import Snapshot, read_best

DATE_COLUMNS = ["signature_date", "consent_date"]


@dataclass(frozen=True)
class Dataset:
    instruments: pd.DataFrame  # one row per instrument, indexed by id, registry order
    states: pd.DataFrame  # one row per OAS member state, indexed by iso3
    memberships: pd.DataFrame  # group_id, group_name, iso3, role, from_date, to_date, ...
    status: pd.DataFrame  # one row per state and instrument, dates as Timestamps (NaT = none)
    declarations: pd.DataFrame
    meta: SnapshotMeta
    snapshot_path: Path
    warning: str | None  # set when the current snapshot was damaged and a fallback is shown

    @property
    def instrument_ids(self) -> list[str]:
        return list(self.instruments.index)

    @property
    def group_ids(self) -> list[str]:
        return list(dict.fromkeys(self.memberships["group_id"]))


def _frame(models: list, index: str | None = None) -> pd.DataFrame:
    frame = pd.DataFrame([m.model_dump() for m in models])
    return frame.set_index(index, drop=False) if index else frame


def status_frame(snapshot: Snapshot, instruments: list[Instrument]) -> pd.DataFrame:
    ids = {i.mtdsg_no: i.id for i in instruments}
    status = snapshot.status.copy()
    status = status[status["mtdsg_no"].isin(ids)]
    status.insert(1, "instrument", status["mtdsg_no"].map(ids))
    for column in DATE_COLUMNS:
        status[column] = pd.to_datetime(status[column].replace("", None), format="%Y-%m-%d")
    status["kind_inferred"] = status["kind_inferred"] == "true"
    return status.reset_index(drop=True)


def load_dataset(data: Path | None = None) -> Dataset:
    data = data or data_dir()
    instruments = load_instruments(data)
    states: list[State] = load_states(data)
    memberships: list[Membership] = load_groups(data, {s.iso3 for s in states})
    snapshot, warning = read_best(data)
    return Dataset(
        instruments=_frame(instruments, "id"),
        states=_frame(states, "iso3"),
        memberships=_frame(memberships),
        status=status_frame(snapshot, instruments),
        declarations=snapshot.declarations,
        meta=snapshot.meta,
        snapshot_path=snapshot.path,
        warning=warning,
    )
