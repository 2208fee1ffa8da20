"""The xlsx export's conventions sheet: states as rows, the asked-for instruments as columns
grouped by family, in the layout of the "Relevant international conventions" appendix of the US
Trafficking in Persons Report (a Country column; over each instrument its name; under it a
"Signature" column and a "Ratification, Accession (a), or Acceptance (A)" column, the ILO's
conventions having the ratification column only, as they are not signed).

Where the appendix marks an act with an X, a cell here says yes or no with the act's date at its
precision; ``unknown`` where the snapshot has no evidence, never a blank that would read as no;
a "no" the snapshot cannot vouch for on the date says when it was last checked. The words come
in the reader's language from the caller (views.text.conventions): this layer knows none.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from loaders.model.text import neutralise

UNSIGNED = ("ILO",)  # depositaries whose instruments are ratified without signature
# The appendix's marks for the kind of consent (UNTC's own letters beside the date)
KIND_MARKS = {"accession": "a", "acceptance": "A", "approval": "AA", "succession": "d"}
HEADER = Font(bold=True)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(wrap_text=True, vertical="top")
FILLS = {
    "yes": PatternFill("solid", fgColor="CFE3F3"),
    "no": PatternFill("solid", fgColor="F1F1F1"),
    "unknown": PatternFill("solid", fgColor="FFF4CC"),
}
FIRST_ROW = 6  # title, its note, a blank, family, instrument, sub-column headings


def _text(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    cell = sheet.cell(row=row, column=column)
    cell.value = neutralise(str(value))
    cell.data_type = "s"
    return cell


def _no(row: pd.Series, words: dict[str, Any]) -> tuple[str, str]:
    if row["status"] == "unknown":
        return words["unknown"], "unknown"
    if row["status_verified"] != "true":
        return words["no_checked"].format(date=row["verified_through"]), "no"
    return words["no"], "no"


def _yes(mark: str, day: str, words: dict[str, Any]) -> tuple[str, str]:
    text = words["yes"] + (f" ({mark})" if mark else "")
    return (f"{text}, {day}" if day else text), "yes"


def consent_cell(row: pd.Series, words: dict[str, Any]) -> tuple[str, str]:
    """``Yes, 2003-06-03``, ``Yes (a), 2015``, ``No``, ``Unknown``: text and its fill's key."""
    if row["status"] != "party":
        return _no(row, words)
    return _yes(KIND_MARKS.get(row["consent_kind"], ""), row["consent_date"], words)


def signature_cell(row: pd.Series, words: dict[str, Any]) -> tuple[str, str]:
    """``Yes, 2000-12-12``; a ratification implies a signature even where its date is not
    recorded; an accession has none."""
    if row["signature_date"]:
        return _yes("", row["signature_date"], words)
    if row["status"] == "party" and row["consent_kind"] == "ratification":
        return _yes("", "", words)
    if row["status"] == "party":
        return words["no"], "no"
    return _no(row, words)


def _columns(table: pd.DataFrame, instruments: list[str]) -> list[tuple[str, str, list[str]]]:
    """(family, instrument, its sub-columns) with the instruments grouped by family, each family
    where its first instrument comes in the asked-for order."""
    first = table.drop_duplicates("instrument").set_index("instrument")
    present = [i for i in instruments if i in first.index]
    families = list(dict.fromkeys(first.loc[i, "family"] for i in present))
    return [
        (
            family,
            i,
            ["consent"] if first.loc[i, "depositary"] in UNSIGNED else ["signature", "consent"],
        )
        for family in families
        for i in present
        if first.loc[i, "family"] == family
    ]


def _headers(
    sheet: Worksheet, columns: list[tuple[str, str, list[str]]], words: dict[str, Any]
) -> None:
    _text(sheet, 4, 1, words["country"]).font = HEADER
    sheet.merge_cells(start_row=4, start_column=1, end_row=FIRST_ROW - 1, end_column=1)
    column = 2
    spans: dict[str, list[int]] = {}
    for family, instrument, subs in columns:
        spans.setdefault(family, []).extend(range(column, column + len(subs)))
        _text(sheet, 5, column, words["instruments"][instrument]).alignment = CENTRE
        if len(subs) > 1:
            sheet.merge_cells(start_row=5, start_column=column, end_row=5, end_column=column + 1)
        for sub in subs:
            cell = _text(sheet, FIRST_ROW, column, words[sub])
            cell.font, cell.alignment = HEADER, CENTRE
            column += 1
    for family, span in spans.items():
        cell = _text(sheet, 4, span[0], words["families"].get(family, family))
        cell.font, cell.alignment = HEADER, CENTRE
        if len(span) > 1:
            sheet.merge_cells(start_row=4, start_column=span[0], end_row=4, end_column=span[-1])


def conventions_sheet(
    sheet: Worksheet, table: pd.DataFrame, instruments: list[str], words: dict[str, Any]
) -> None:
    """``table``: loaders.export.export_table's; ``words``: views.text.conventions's."""
    _text(sheet, 1, 1, words["title"]).font = Font(bold=True, size=12)
    _text(sheet, 2, 1, words["note"])
    columns = _columns(table, instruments)
    _headers(sheet, columns, words)
    name_column = next((c for c in table.columns if c.startswith("state_")), "state")
    states = table.drop_duplicates("iso3")[["iso3", name_column]]
    states = states.sort_values(name_column, key=lambda s: s.str.casefold())
    cells = {(r["iso3"], r["instrument"]): r for _, r in table.iterrows()}
    makers = {"signature": signature_cell, "consent": consent_cell}
    for row, (iso3, name) in enumerate(states.itertuples(index=False), start=FIRST_ROW + 1):
        _text(sheet, row, 1, name)
        column = 2
        for _, instrument, subs in columns:
            found = cells.get((iso3, instrument))
            for sub in subs:
                if found is not None:
                    text, fill = makers[sub](found, words)
                    cell = _text(sheet, row, column, text)
                    cell.fill, cell.alignment = FILLS[fill], WRAP
                column += 1
    last = FIRST_ROW + len(states)
    _text(sheet, last + 2, 1, words["source"])
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW + 1, column=2)
    sheet.column_dimensions["A"].width = 30
    for column in range(2, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 18
