"""UNODC's Global Report on Trafficking in Persons data, as published in ``data_glotip.xlsx``.

The workbook (release of 14 April 2025) has one sheet: row 1 ``UNODC`` and a contact address,
row 2 the release date (``14/04/2025``), row 3 the header (``Iso3_code, Country, Region,
Subregion, Indicator, Dimension, Category, Sex, Age, Year, Unit of measurement, txtVALUE,
Source``), then one row per value. ``txtVALUE`` is text: a count, or ``<5`` where UNODC censors
small numbers. A national total is the row whose Dimension, Category, Sex and Age are all
``Total``. Values are kept as published: ``<5`` has no number, and a year without a row is a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from loaders.outcomes.errors import OutcomesFormatError

HEADER = (
    "Iso3_code",
    "Country",
    "Region",
    "Subregion",
    "Indicator",
    "Dimension",
    "Category",
    "Sex",
    "Age",
    "Year",
    "Unit of measurement",
    "txtVALUE",
    "Source",
)
TOTAL_COLUMNS = ("Dimension", "Category", "Sex", "Age")
CENSORED = "<5"
# UNODC's indicator names -> the project's short ids (the command line's --indicator).
INDICATORS = {
    "Detected trafficking victims": "detected_victims",
    "Persons brought into formal contact": "formal_contact",
    "Persons prosecuted": "prosecuted",
    "Persons convicted": "convicted",
    "Offences of trafficking in persons": "offences",
}
# The bundled file's columns (data/reference/outcomes/glotip_oas35_totals_*.csv).
TOTALS_COLUMNS = [
    "iso3",
    "country",
    "subregion",
    "indicator",
    "year",
    "value",
    "unit",
    "source",
    "value_numeric",
    "censored",
    "release",
]
_COUNT = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


@dataclass(frozen=True)
class GlotipTotal:
    iso3: str
    country: str
    subregion: str
    indicator: str  # UNODC's name
    year: int
    value: str  # as published: "16,390", "16390" or "<5"
    unit: str
    source: str

    @property
    def censored(self) -> bool:
        return self.value == CENSORED

    @property
    def number(self) -> int | None:
        return None if self.censored else int(self.value.replace(",", ""))


@dataclass(frozen=True)
class GlotipRelease:
    released: date
    totals: list[GlotipTotal]


def _fail(path: Path, message: str) -> OutcomesFormatError:
    return OutcomesFormatError(f"{path.name}: {message}")


def check_value(text: str) -> str:
    """A published value: a whole count (with or without thousands commas) or ``<5``."""
    value = text.strip()
    if value != CENSORED and not _COUNT.match(value):
        raise ValueError(f"not a count or {CENSORED}: {text!r}")
    return value


def _released(cell: object, path: Path) -> date:
    if isinstance(cell, datetime):
        return cell.date()
    try:
        return datetime.strptime(str(cell).strip(), "%d/%m/%Y").date()
    except ValueError:
        message = f"row 2 should give the release date as DD/MM/YYYY, not {cell!r}"
        raise _fail(path, message) from None


def _total(row: dict[str, object], line: int, path: Path) -> GlotipTotal:
    try:
        year = int(str(row["Year"]).strip())
        value = check_value(str(row["txtVALUE"]))
    except ValueError as exc:
        raise _fail(path, f"row {line}: {exc}") from None
    iso3 = str(row["Iso3_code"]).strip()
    if not re.fullmatch(r"[A-Z]{3}", iso3):
        raise _fail(path, f"row {line}: not an ISO 3166 alpha-3 code: {iso3!r}")
    if str(row["Indicator"]) not in INDICATORS:
        raise _fail(path, f"row {line}: unknown indicator {row['Indicator']!r}")
    return GlotipTotal(
        iso3=iso3,
        country=str(row["Country"]),
        subregion=str(row["Subregion"]),
        indicator=str(row["Indicator"]),
        year=year,
        value=value,
        unit=str(row["Unit of measurement"]),
        source=str(row["Source"]),
    )


def read_glotip_xlsx(path: Path) -> GlotipRelease:
    """The national totals of a ``data_glotip.xlsx`` workbook; any other layout is an
    OutcomesFormatError naming the fault."""
    from openpyxl import load_workbook  # only the import of a new release needs it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise _fail(path, f"not an Excel workbook ({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # UNODC's file declares a 1x1 sheet
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        if not first or str(first[0]).strip() != "UNODC":
            raise _fail(path, "row 1 should start with UNODC")
        released = _released((next(rows, None) or [None])[0], path)
        header = tuple(str(c).strip() for c in (next(rows, None) or ()) if c is not None)
        if header != HEADER:
            raise _fail(path, f"row 3 should be the header {', '.join(HEADER)}")
        totals = []
        for line, cells in enumerate(rows, start=4):
            if not any(c not in (None, "") for c in cells):
                continue
            row = dict(zip(HEADER, cells, strict=False))
            if all(str(row[c]).strip() == "Total" for c in TOTAL_COLUMNS):
                totals.append(_total(row, line, path))
    finally:
        book.close()
    if not totals:
        raise _fail(path, "no national totals (rows whose Dimension, Category, Sex, Age are Total)")
    return GlotipRelease(released=released, totals=totals)


def totals_rows(release: GlotipRelease, states: set[str]) -> list[dict[str, str]]:
    """The release's totals for ``states``, in the bundled file's columns."""
    label = f"UNODC data portal data_glotip.xlsx, release dated {release.released:%d/%m/%Y}"
    rows = []
    for total in sorted(release.totals, key=lambda t: (t.iso3, t.indicator, t.year)):
        if total.iso3 not in states:
            continue
        rows.append(
            {
                "iso3": total.iso3,
                "country": total.country,
                "subregion": total.subregion,
                "indicator": total.indicator,
                "year": str(total.year),
                "value": total.value,
                "unit": total.unit,
                "source": total.source,
                "value_numeric": "" if total.number is None else str(total.number),
                "censored": "yes" if total.censored else "no",
                "release": label,
            }
        )
    return rows
