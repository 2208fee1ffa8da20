"""CSV exports: pure functions from a status view to bytes."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from typing import Any, cast

import pandas as pd

from loaders.derive.participation import capture_months
from loaders.derive.regions import unnamed_acts
from loaders.model.dates import PartialDate
from loaders.model.names import state_name
from loaders.model.tables import EXPORT
from loaders.model.text import neutralise
from loaders.store.dataset import Dataset

EXPORT_COLUMNS = EXPORT.names  # declared once (loaders.model.tables), documented in docs/


def export_table(view: pd.DataFrame, as_of: date, language: str = "en") -> pd.DataFrame:
    """The export's columns, in order; dates ISO 8601, empty where there is none.

    Column names and codes are the same in every language; for a language other than English a
    last column ``state_<language>`` adds the state's name in it.
    """
    table = view.assign(as_of=as_of.isoformat())
    for column in ("signature_date", "consent_date", "entry_into_force"):
        table[column] = table[column].map(_date_text)
    for column in ("status_verified", "kind_inferred"):
        table[column] = table[column].map({True: "true", False: "false"})
    columns = list(EXPORT_COLUMNS)
    if language != "en":
        column = f"state_{language}"
        table[column] = table["iso3"].map(lambda code: state_name(code, language))
        columns.append(column)
    return table[columns].fillna("").astype(str)


def _date_text(value: object) -> str:
    """A full day as YYYY-MM-DD; a partial date (text: 2015, 2015-03) at its precision."""
    if isinstance(value, pd.Timestamp):
        return cast(str, value.strftime("%Y-%m-%d"))
    return value if isinstance(value, str) else ""


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 CSV (RFC 4180 CRLF line ends), every field quoted, formula-like cells neutralised.

    Every field quoted: a spreadsheet that splits on ``;`` or tab (the usual setting where a
    comma is the decimal mark) otherwise cut ``Reservation;=1+1;x`` into cells, the second a
    formula that neutralising the field's start could not see. A quoted field is one cell
    whatever the separator.

    CRLF, not LF: the csv module quotes a field only for the line ending's own characters, so with
    LF a bare CR inside a cell went out unquoted and spreadsheets started a new row there, whose
    first cell ("=...") escaped neutralise.
    """
    safe = table.map(neutralise)
    return cast(str, safe.to_csv(index=False, lineterminator="\r\n", quoting=csv.QUOTE_ALL)).encode(
        "utf-8"
    )


# UTF-8's byte-order mark: a spreadsheet opened by double-click reads the file as UTF-8 with it
# (accents intact), as the local code page without it. Files only: standard output, read by
# programs, goes without.
BYTE_ORDER_MARK = "\ufeff".encode()


def spreadsheet_csv(table: pd.DataFrame) -> bytes:
    """csv_bytes for a file a reader downloads or saves: with UTF-8's byte-order mark."""
    return BYTE_ORDER_MARK + csv_bytes(table)


def export_filename(as_of: date, instruments: Sequence[str], groups: Sequence[str]) -> str:
    parts = ["ratify-americas", as_of.isoformat(), *instruments, *groups]
    return "_".join(parts) + ".csv"


def export_metadata(
    dataset: Dataset, as_of: date, instruments: Sequence[str], groups: Sequence[str], rows: int
) -> dict[str, Any]:
    """The companion of an exported file: what it shows, as of when, and from which source."""
    meta = dataset.meta
    return {
        "as_of": as_of.isoformat(),
        "instruments": list(instruments),
        "groups": list(groups),
        "rows": rows,
        "snapshot_id": meta.snapshot_id,
        "snapshot_method": meta.method,
        "snapshot_description": meta.description,
        "snapshot_compiled_at": meta.compiled_at.isoformat(),
        "status_as_at": {
            i: (m.status_as_at.isoformat() if m.status_as_at else None)
            for i, m in meta.instruments.items()
        },
        "note": "status_verified=false: the state was not yet a party when its row was last "
        "verified (verified_through); it may have acted since.",
        **_unknown_note(dataset, instruments, groups),
        **_lower_bound(dataset, as_of, instruments, groups),
    }


def _unknown_note(
    dataset: Dataset, instruments: Sequence[str], groups: Sequence[str]
) -> dict[str, Any]:
    """Beyond the 35 on the four, a row may be unknown: say what that means."""
    beyond = any(i not in dataset.instrument_ids for i in instruments) or any(
        g not in dataset.group_ids for g in groups
    )
    return (
        {"unknown_note": "status=unknown: no evidence in this snapshot, never no action."}
        if (beyond)
        else {}
    )


def _lower_bound(
    dataset: Dataset, as_of: date, instruments: Sequence[str], groups: Sequence[str]
) -> dict[str, Any]:
    """For rows of states outside the 35 on a Palermo instrument after UNTC's 2014 capture: the
    acts UNTC's 2024 counts hold that this snapshot cannot name (a count of parties is at least
    what the rows show)."""
    outside = [g for g in groups if g not in dataset.group_ids]
    palermo = [i for i in instruments if i in dataset.instrument_ids]
    if not outside or not palermo or dataset.participation.empty:
        return {}
    captures = capture_months(dataset.participation)
    unnamed = unnamed_acts(dataset)["unnamed"]
    after = [
        i for i in palermo if i in captures and as_of > PartialDate.parse(captures[i]).latest()
    ]
    if not after:
        return {}
    return {
        "lower_bound_note": "Counts of parties among these rows are lower bounds: UNTC's own "
        "2024 counts hold acts this snapshot cannot name (unnamed_acts_worldwide, per instrument).",
        "unnamed_acts_worldwide": {i: int(unnamed[i]) for i in after},
    }
