"""``export --format xlsx``: the status as a formatted matrix, states by instruments, with the
rows and the provenance on their own sheets.

openpyxl, not xlsxwriter: both write formatted workbooks, but openpyxl also reads them, so the
tests check the file with the same well-kept library that writes it (one dependency, not two).
Every cell is written as text or a date, never a formula: formula-like text is neutralised as in
the CSV, and the cell's type is set to a string.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from loaders.model.text import neutralise
from loaders.publish.conventions import conventions_sheet

FILLS = {
    "party": PatternFill("solid", fgColor="CFE3F3"),
    "signatory": PatternFill("solid", fgColor="FBE7C6"),
    "no_action": PatternFill("solid", fgColor="F1F1F1"),
}
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class SheetWords:
    """The workbook's words in the reader's language, given by the caller (the data layer knows
    no language): English by default. Templates take ``str.format`` fields."""

    status_sheet: str = "Status"
    rows_sheet: str = "Rows"
    provenance_sheet: str = "Provenance"
    title: str = "Status as of {as_of} (snapshot {snapshot})"
    state: str = "state"
    party: str = "party: {kind} {date}"
    signatory: str = "signatory: signed {date}"
    no_action: str = "no_action"
    unknown: str = "unknown"
    not_verified: str = "{text} (not verified since {checked})"
    source: str = "Source: United Nations Treaty Collection (UNTC); see Provenance."
    field: str = "field"
    value: str = "value"
    record: str = "United Nations Treaty Collection (UNTC), the depositary's record"
    terms: str = "UNTC content: the UN's terms of use; this compilation: CC BY 4.0"
    # ratification -> its word; a CSV column -> its header (else the column's code)
    kinds: Mapping[str, str] = dataclass_field(default_factory=dict)
    columns: Mapping[str, str] = dataclass_field(default_factory=dict)

    def sheet_names(self) -> list[str]:
        return [self.status_sheet, self.rows_sheet, self.provenance_sheet]


ENGLISH = SheetWords()


def _text(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    cell = sheet.cell(row=row, column=column)
    cell.value = neutralise(str(value))
    cell.data_type = "s"
    return cell


def matrix_cell(row: pd.Series, words: SheetWords = ENGLISH) -> str:
    """``party: ratification 2002-11-19``, ``signatory: signed 2001-09-26``, ``no_action``,
    ``unknown``;
    `` (not verified since 2014-07)`` where the snapshot cannot vouch for it on the date."""
    status = row["status"]
    if status == "party":
        kind = words.kinds.get(row["consent_kind"], row["consent_kind"])
        text = words.party.format(kind=kind, date=row["consent_date"])
    elif status == "signatory":
        text = words.signatory.format(date=row["signature_date"])
    elif status == "unknown":  # no evidence in the snapshot: never "no action"
        return words.unknown
    else:
        text = words.no_action
    if row["status_verified"] != "true":
        text = words.not_verified.format(text=text, checked=row["verified_through"])
    return text


def workbook_bytes(
    table: pd.DataFrame,
    metadata: dict[str, Any],
    instruments: list[str],
    words: SheetWords = ENGLISH,
    conventions: dict[str, Any] | None = None,
) -> bytes:
    """``table``: loaders.export.export_table's; ``metadata``: export_metadata's. ``words``: the
    workbook's words in the reader's language; ``conventions``: the conventions sheet's words
    (views.text.conventions), given when instruments of the treaty family beyond the four
    Palermo ones are asked for."""
    book = Workbook()
    matrix = book.active
    matrix.title = words.status_sheet
    title = words.title.format(as_of=metadata["as_of"], snapshot=metadata["snapshot_id"])
    _text(matrix, 1, 1, title)
    matrix.cell(row=1, column=1).font = Font(bold=True, size=12)
    header = ["iso3", words.state, *instruments]
    for column, name in enumerate(header, start=1):
        _text(matrix, 3, column, name).font = BOLD
    states = table.drop_duplicates("iso3")[["iso3", "state"]].sort_values("state")
    cells = {(r["iso3"], r["instrument"]): r for _, r in table.iterrows()}
    for offset, (_, state) in enumerate(states.iterrows()):
        row = 4 + offset
        _text(matrix, row, 1, state["iso3"])
        _text(matrix, row, 2, state["state"])
        for column, instrument in enumerate(instruments, start=3):
            found = cells.get((state["iso3"], instrument))
            if found is None:
                continue
            cell = _text(matrix, row, column, matrix_cell(found, words))
            cell.fill = FILLS.get(found["status"], PatternFill())
            cell.alignment = WRAP
    matrix.freeze_panes = "C4"
    widths = [7, 30] + [34] * len(instruments)
    for column, width in enumerate(widths, start=1):
        matrix.column_dimensions[get_column_letter(column)].width = width
    last = 4 + len(states)
    _text(matrix, last + 1, 1, words.source)

    if conventions is not None:
        conventions_sheet(book.create_sheet(conventions["sheet"]), table, instruments, conventions)

    rows = book.create_sheet(words.rows_sheet)
    for column, name in enumerate(table.columns, start=1):
        _text(rows, 1, column, words.columns.get(name, name)).font = BOLD
    for row, values in enumerate(table.itertuples(index=False), start=2):
        for column, value in enumerate(values, start=1):
            _text(rows, row, column, value)
    rows.freeze_panes = "C2"
    rows.auto_filter.ref = rows.dimensions

    provenance = book.create_sheet(words.provenance_sheet)
    _text(provenance, 1, 1, words.field).font = BOLD
    _text(provenance, 1, 2, words.value).font = BOLD
    for row, (key, value) in enumerate(metadata.items(), start=2):
        _text(provenance, row, 1, key)
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        _text(provenance, row, 2, shown).alignment = WRAP
    extra = [
        ("source", words.record),
        ("terms", words.terms),
        ("generated", date.today().isoformat()),
    ]
    for offset, (key, value) in enumerate(extra, start=len(metadata) + 2):
        _text(provenance, offset, 1, key)
        _text(provenance, offset, 2, value)
    provenance.column_dimensions["A"].width = 22
    provenance.column_dimensions["B"].width = 100

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
