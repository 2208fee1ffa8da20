"""The Data page: the filtered table as the export writes it, its provenance and the change log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.derive.settled import (
    DepositaryAccount,
    SettledAccount,
    settled_account,
    settled_by_depositary,
)
from loaders.derive.views import status_view
from loaders.export import export_filename, export_metadata, export_table, spreadsheet_csv
from loaders.model.records import InstrumentMeta
from loaders.paths import SnapshotFiles
from loaders.store.changes import Change, read_changes
from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.models.shared import untc_links
from views.text.words import CLI


@dataclass(frozen=True)
class DataModel:
    table: pd.DataFrame  # the export's rows and columns (loaders.export)
    states: int
    file_name: str
    csv: bytes  # exactly what `.venv/bin/python -m loaders export` writes for this selection
    metadata: bytes  # the companion .meta.json
    command: str  # the command line that writes the same file
    instruments: dict[str, InstrumentMeta]  # the snapshot's source and date per instrument
    verified: pd.Series  # verified_through (partial date) -> rows, oldest first
    changes: list[Change] | None  # what the refresh that made this snapshot changed; None: no log
    changes_since: str | None  # the snapshot those changes are against
    settled: SettledAccount  # how many facts are settled on the date, and the others
    # the treaty family's facts per depositary (paragraph 6's account stays ``settled``)
    by_depositary: list[DepositaryAccount]
    untc_links: dict[str, str]  # instrument -> its UNTC status page


def data_model(dataset: Dataset, selection: Selection) -> DataModel:
    """``dataset``: the English one (the file keeps English names; ``state_<lang>`` adds the
    reader's)."""
    dataset = dataset_on(dataset, selection.as_of)
    view = status_view(dataset, selection.as_of, selection.instruments, selection.groups)
    table = export_table(view, selection.as_of, language=selection.language)
    meta = export_metadata(
        dataset, selection.as_of, selection.instruments, selection.groups, len(table)
    )
    previous, changes = _changes(dataset)
    return DataModel(
        table=table,
        states=view["iso3"].nunique(),
        file_name=export_filename(selection.as_of, selection.instruments, selection.groups),
        csv=spreadsheet_csv(table),
        metadata=(json.dumps(meta, indent=2) + "\n").encode("utf-8"),
        command=export_command(selection.as_of, selection),
        instruments=dict(dataset.meta.instruments),
        verified=dataset.status.groupby("verified_through").size().sort_index(),
        changes=changes,
        changes_since=previous,
        settled=settled_account(dataset, selection.as_of),
        by_depositary=settled_by_depositary(dataset, selection.as_of),
        untc_links=untc_links(dataset),
    )


def export_command(as_of: date, selection: Selection) -> str:
    """The command line that writes the same CSV as the page's download."""
    command = [f"{CLI} export", f"--as-of {as_of.isoformat()}"]
    command += [f"--instrument {i}" for i in selection.instruments]
    command += [f"--group {g}" for g in selection.groups]
    if selection.language != "en":
        command.append(f"--lang {selection.language}")
    return " ".join(command)


def _changes(dataset: Dataset) -> tuple[str | None, list[Change] | None]:
    """The change log of the snapshot shown, if it has one (older snapshots have only text)."""
    files = SnapshotFiles(dataset.snapshot_path)
    if files.CHANGES not in dataset.meta.files:
        return None, None
    return read_changes(files.changes.read_bytes())
