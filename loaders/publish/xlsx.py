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


def _text(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    cell = sheet.cell(row=row, column=column)
    cell.value = neutralise(str(value))
    cell.data_type = "s"
    return cell


def matrix_cell(row: pd.Series) -> str:
    """``party: ratification 2002-11-19``, ``signatory: signed 2001-09-26``, ``no_action``,
    ``unknown``;
    `` (not verified since 2014-07)`` where the snapshot cannot vouch for it on the date."""
    status = row["status"]
    if status == "party":
        text = f"party: {row['consent_kind']} {row['consent_date']}"
    elif status == "signatory":
        text = f"signatory: signed {row['signature_date']}"
    elif status == "unknown":  # no evidence in the snapshot: never "no action"
        return "unknown"
    else:
        text = "no_action"
    if row["status_verified"] != "true":
        text += f" (not verified since {row['verified_through']})"
    return text


def workbook_bytes(
    table: pd.DataFrame,
    metadata: dict[str, Any],
    instruments: list[str],
    words: dict[str, Any] | None = None,
) -> bytes:
    """``table``: loaders.export.export_table's; ``metadata``: export_metadata's. ``words``: the
    conventions sheet's words in the reader's language (views.text.conventions), given when
    instruments of the treaty family beyond the four Palermo ones are asked for."""
    book = Workbook()
    matrix = book.active
    matrix.title = "Status"
    _text(matrix, 1, 1, f"Status as of {metadata['as_of']} (snapshot {metadata['snapshot_id']})")
    matrix.cell(row=1, column=1).font = Font(bold=True, size=12)
    header = ["iso3", "state", *instruments]
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
            cell = _text(matrix, row, column, matrix_cell(found))
            cell.fill = FILLS.get(found["status"], PatternFill())
            cell.alignment = WRAP
    matrix.freeze_panes = "C4"
    widths = [7, 30] + [34] * len(instruments)
    for column, width in enumerate(widths, start=1):
        matrix.column_dimensions[get_column_letter(column)].width = width
    last = 4 + len(states)
    _text(matrix, last + 1, 1, "Source: United Nations Treaty Collection (UNTC); see Provenance.")

    if words is not None:
        conventions_sheet(book.create_sheet(words["sheet"]), table, instruments, words)

    rows = book.create_sheet("Rows")
    for column, name in enumerate(table.columns, start=1):
        _text(rows, 1, column, name).font = BOLD
    for row, values in enumerate(table.itertuples(index=False), start=2):
        for column, value in enumerate(values, start=1):
            _text(rows, row, column, value)
    rows.freeze_panes = "C2"
    rows.auto_filter.ref = rows.dimensions

    provenance = book.create_sheet("Provenance")
    _text(provenance, 1, 1, "field").font = BOLD
    _text(provenance, 1, 2, "value").font = BOLD
    for row, (key, value) in enumerate(metadata.items(), start=2):
        _text(provenance, row, 1, key)
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        _text(provenance, row, 2, shown).alignment = WRAP
    extra = [
        ("source", "United Nations Treaty Collection (UNTC), the depositary's record"),
        ("terms", "UNTC content: the UN's terms of use; this compilation: CC BY 4.0"),
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
