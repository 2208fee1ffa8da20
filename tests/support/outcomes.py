"""Small files in the published layouts of UNODC's ``data_glotip.xlsx`` and of a UHRI export."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

from loaders.outcomes.glotip import HEADER

AMERICAS = ("Americas", "Northern America")
# Rows as UNODC publishes them (Iso3_code ... Source): two totals per state beside breakdowns
# that are not totals, a censored total, and a state outside the OAS.
GLOTIP_ROWS = [
    ("USA", "United States of America", *AMERICAS, "Detected trafficking victims", "Total",
     "Total", "Total", "Total", 2021, "Counts", "10070", "GLOTIP"),
    ("USA", "United States of America", *AMERICAS, "Detected trafficking victims", "Total",
     "Total", "Total", "Total", 2022, "Counts", "16390", "GLOTIP"),
    ("USA", "United States of America", *AMERICAS, "Detected trafficking victims", "Total",
     "Total", "Female", "Total", 2022, "Counts", "9000", "GLOTIP"),
    ("USA", "United States of America", *AMERICAS, "Detected trafficking victims",
     "by form of exploitation", "Forced labour", "Total", "Total", 2022, "Counts", "<5", "GLOTIP"),
    ("BLZ", "Belize", "Americas", "Latin America and the Caribbean", "Persons convicted", "Total",
     "Total", "Total", "Total", 2019, "Counts", "<5", "GLOTIP"),
    ("AGO", "Angola", "Africa", "Sub-Saharan Africa", "Persons prosecuted", "Total", "Total",
     "Total", "Total", 2014, "Counts", "5", "GLOTIP"),
]  # fmt: skip


def write_glotip_workbook(
    path: Path,
    rows: list[tuple] = GLOTIP_ROWS,
    released: str = "14/04/2025",
    header: tuple[str, ...] = HEADER,
) -> Path:
    """A workbook laid out as UNODC's: one sheet, UNODC and its address, the release date, the
    header, the rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "data_glotip_1"
    sheet.append(["UNODC", "unodc_dass@un.org"])
    sheet.append([released])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


UHRI_HEADER = [
    "State under Review",
    "Cycle",
    "Year",
    "Recommendation and recommending State",
    "Position of the State under review",
    "Source of Position",
]
UHRI_ROWS = [
    ["Saint Vincent and the Grenadines", "3", "2021",
     "79.5 Ratify the Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
     "Especially Women and Children (Philippines);", "Supported", "A/HRC/48/7/Add.1"],
    ["Saint Vincent and the Grenadines", "3", "2021",
     "79.6 Strengthen the national human rights institution (Chile);", "Noted",
     "A/HRC/48/7/Add.1"],
    ["Slovenia", "3", "2019", "121.3 Ratify the Palermo Protocol (Norway);", "Supported",
     "A/HRC/43/15"],
]  # fmt: skip


def write_uhri_export(path: Path, rows: list[list[str]] = UHRI_ROWS, header=UHRI_HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path
