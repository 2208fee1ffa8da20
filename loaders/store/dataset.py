"""Everything the dashboard and the command line read, assembled once into pandas frames."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
from pydantic import BaseModel

from loaders.model.records import (
    DomesticStep,
    Instrument,
    Membership,
    SnapshotMeta,
    State,
    WorldCount,
)
from loaders.paths import data_dir
from loaders.store.registry import (
    load_domestic_steps,
    load_groups,
    load_instruments,
    load_participants,
    load_registry,
    load_states,
    load_world_counts,
    load_world_groups,
)
from loaders.store.snapshot import READ_NOW, Snapshot, read_best, read_snapshot

DATE_COLUMNS = ["signature_date", "consent_date"]


@dataclass(frozen=True)
class Dataset:
    instruments: pd.DataFrame  # one row per instrument, indexed by id, registry order
    states: pd.DataFrame  # one row per OAS member state, indexed by iso3
    memberships: pd.DataFrame  # group_id, group_name, iso3, role, from_date, to_date, ...
    status: pd.DataFrame  # one row per state and instrument, dates as Timestamps (NaT = none)
    # One row per text: mtdsg_no, instrument, iso3, participant, section, text, kinds ("a;b"),
    # articles ("15(2);15(3)"), dispute_settlement_reserved (bool), source, published_as_at.
    declarations: pd.DataFrame
    meta: SnapshotMeta
    snapshot_path: Path
    warning: str | None  # set when the current snapshot was damaged and a fallback is shown
    # Steps at home (not depositary facts): iso3, mtdsg_no, instrument, date (its precision),
    # step, detail, source, confidence. Shown beside the status, never instead of it.
    domestic_steps: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Worldwide counts per instrument (indexed by id): signatories, parties, status_as_at, source.
    world_counts: pd.DataFrame = field(default_factory=pd.DataFrame)
    # The registry opened: every instrument of every depositary and family (indexed by id); the
    # four of ``instruments`` are its Palermo family, the only ones paragraph 6 counts.
    registry: pd.DataFrame = field(default_factory=pd.DataFrame)
    # The snapshot's participation.csv (the 35 on the family; every participant of the four),
    # text columns as written, with the instrument id; never part of ``status``.
    participation: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Every UN member and observer state and the other participants (participants.csv).
    participants: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Memberships of the world's groups (UN regional groups, EU, AU, ...), as ``memberships``.
    world_memberships: pd.DataFrame = field(default_factory=pd.DataFrame)
    # The date of loaders.derive.cut.dataset_on that made this dataset (None: not cut).
    cut_on: date | None = None

    @property
    def instrument_ids(self) -> list[str]:
        return list(self.instruments.index)

    @property
    def group_ids(self) -> list[str]:
        # A dataset cut at a date (loaders.derive.cut) keeps every group's id, members or not.
        known = self.memberships.attrs.get("group_ids")
        return list(known) if known else list(dict.fromkeys(self.memberships["group_id"]))

    @property
    def world_group_ids(self) -> list[str]:
        if self.world_memberships.empty:
            return []
        return list(dict.fromkeys(self.world_memberships["group_id"]))


def _frame(models: Sequence[BaseModel], index: str | None = None) -> pd.DataFrame:
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


def declarations_frame(snapshot: Snapshot, instruments: list[Instrument]) -> pd.DataFrame:
    """The snapshot's declarations with the instrument id; blank columns of an older snapshot
    stay blank (its dispute_settlement_reserved reads False)."""
    ids = {i.mtdsg_no: i.id for i in instruments}
    declarations = snapshot.declarations.copy()
    declarations = declarations[declarations["mtdsg_no"].isin(ids)]
    declarations.insert(1, "instrument", declarations["mtdsg_no"].map(ids))
    reserved = declarations["dispute_settlement_reserved"] == "true"
    declarations["dispute_settlement_reserved"] = reserved.astype(bool)
    return declarations.reset_index(drop=True)


def newest_counts(
    counts: list[WorldCount], meta: SnapshotMeta, numbers: set[str]
) -> list[WorldCount]:
    """UNTC's worldwide counts per instrument of ``numbers``: the reference's, or the header a
    refresh read where its "status as at" is later (the page the participation rows follow)."""
    newest = {c.mtdsg_no: c for c in counts}
    for info in meta.instruments.values():
        if (
            info.mtdsg_no not in numbers
            or info.parties is None
            or info.signatories is None
            or info.status_as_at is None
        ):
            continue
        known = newest.get(info.mtdsg_no)
        if info.source.startswith("UNTC") and (
            known is None or info.status_as_at > known.status_as_at
        ):
            newest[info.mtdsg_no] = WorldCount(
                mtdsg_no=info.mtdsg_no,
                signatories=info.signatories,
                parties=info.parties,
                status_as_at=info.status_as_at,
                source=f"{info.source} {info.source_url or ''}, status as at {info.status_as_at}",
            )
    return list(newest.values())


def _by_instrument(
    models: Sequence[BaseModel], columns: list[str], instruments: list[Instrument]
) -> pd.DataFrame:
    """Validated rows as a frame (their columns even when there is none), with the instrument."""
    ids = {i.mtdsg_no: i.id for i in instruments}
    frame = pd.DataFrame([m.model_dump() for m in models], columns=columns)
    return frame.assign(instrument=frame["mtdsg_no"].map(ids))


def participation_frame(snapshot: Snapshot, registry: list[Instrument]) -> pd.DataFrame:
    ids = {i.mtdsg_no: i.id for i in registry}
    frame = snapshot.participation.copy()
    frame = frame[frame["mtdsg_no"].isin(ids)]
    frame.insert(0, "instrument", frame["mtdsg_no"].map(ids))
    return frame.reset_index(drop=True)


def load_dataset(
    data: Path | None = None, snapshot_id: str | None = None, current: str | None = READ_NOW
) -> Dataset:
    """The dataset of snapshot ``snapshot_id`` (UnknownSnapshotError if the history has none of
    that id, SnapshotError if it is damaged), or by default of the current snapshot, falling
    back to the newest good one with a warning. ``current``: the name CURRENT gave when the
    caller read it, once per script run (None: missing or damaged); by default it is read here.
    """
    data = data or data_dir()
    registry = load_registry(data)
    instruments = load_instruments(data)
    states: list[State] = load_states(data)
    memberships: list[Membership] = load_groups(data, {s.iso3 for s in states})
    if snapshot_id is not None:
        given = None if current == READ_NOW else current
        snapshot, warning = read_snapshot(data, snapshot_id, given), None
    else:
        snapshot, warning = read_best(data, current)
    numbers = {i.mtdsg_no for i in instruments}
    steps = load_domestic_steps(data, {s.iso3 for s in states}, numbers)
    steps_frame = _by_instrument(steps, list(DomesticStep.model_fields), instruments)
    counts = newest_counts(load_world_counts(data, numbers), snapshot.meta, numbers)
    counts_frame = _by_instrument(counts, list(WorldCount.model_fields), instruments)
    return Dataset(
        instruments=_frame(instruments, "id"),
        states=_frame(states, "iso3"),
        memberships=_frame(memberships),
        status=status_frame(snapshot, instruments),
        declarations=declarations_frame(snapshot, instruments),
        meta=snapshot.meta,
        snapshot_path=snapshot.path,
        warning=warning,
        domestic_steps=steps_frame,
        world_counts=counts_frame.set_index("instrument", drop=False),
        registry=_frame(registry, "id"),
        participation=participation_frame(snapshot, registry),
        participants=_frame(load_participants(data)),
        world_memberships=_frame(load_world_groups(data)),
    )
