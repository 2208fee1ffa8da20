"""CSV exports: pure functions from a status view to bytes."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date

import pandas as pd

from loaders.model.names import state_name
from loaders.model.text import neutralise
from loaders.store.dataset import Dataset

EXPORT_COLUMNS = [
    "iso3",
    "state",
    "instrument",
    "mtdsg_no",
    "as_of",
    "status",
    "status_verified",
    "signature_date",
    "consent_date",
    "consent_kind",
    "kind_inferred",
    "entry_into_force",
    "groups",
    "confidence",
    "source",
    "verified_through",
    "domestic_step",  # the latest step at home on as_of (domestic_steps.csv), empty when none
]


def export_table(view: pd.DataFrame, as_of: date, language: str = "en") -> pd.DataFrame:
    """The export's columns, in order; dates ISO 8601, empty where there is none.

    Column names and codes are the same in every language; for a language other than English a
    last column ``state_<language>`` adds the state's name in it.
    """
    table = view.assign(as_of=as_of.isoformat())
    for column in ("signature_date", "consent_date", "entry_into_force"):
        table[column] = table[column].dt.strftime("%Y-%m-%d").fillna("")
    for column in ("status_verified", "kind_inferred"):
        table[column] = table[column].map({True: "true", False: "false"})
    columns = list(EXPORT_COLUMNS)
    if language != "en":
        column = f"state_{language}"
        table[column] = table["iso3"].map(lambda code: state_name(code, language))
        columns.append(column)
    return table[columns].fillna("").astype(str)


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
    return safe.to_csv(index=False, lineterminator="\r\n", quoting=csv.QUOTE_ALL).encode("utf-8")


def export_filename(as_of: date, instruments: Sequence[str], groups: Sequence[str]) -> str:
    parts = ["ratify-americas", as_of.isoformat(), *instruments, *groups]
    return "_".join(parts) + ".csv"


def export_metadata(
    dataset: Dataset, as_of: date, instruments: Sequence[str], groups: Sequence[str], rows: int
) -> dict:
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
    }
