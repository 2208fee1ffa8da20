"""Universal Periodic Review recommendations from OHCHR's Universal Human Rights Index (UHRI).

UHRI exports its search results as CSV. The exact header of a current export was not found in a
stored copy; the columns below are those of OHCHR's own UPR matrices ("Recommendation and
recommending State", "Position of the State under review", "Source of Position") and of the
index's search facets (state under review, cycle, year). Each column is found by any of its
names, case and spacing aside; a file without one of the required columns is refused with a
message naming it. Only recommendations that name the Palermo Convention or its Trafficking
Protocol are kept, in the columns of the bundled seed.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from loaders.outcomes.errors import OutcomesFormatError

COLUMNS = {
    "state": ("State under Review", "State Under Review", "Country", "Regions/Countries", "State"),
    "year": ("Year", "Review year", "Year of review", "Date"),
    "cycle": ("Cycle", "UPR cycle", "Reporting cycle", "UPR Cycle"),
    "text": ("Recommendation and recommending State", "Recommendation", "Text"),
    "recommending": ("Recommending State", "Recommending States", "Recommending state(s)"),
    "position": ("Position of the State under review", "Position", "Response"),
    "document": ("Source of Position", "Document symbol", "Document Symbol", "Symbol"),
}
REQUIRED = ("state", "year", "text", "position")
# The seed's columns (data/reference/outcomes/upr_palermo_recommendations_oas_*.csv).
SEED_COLUMNS = [
    "upr_year",
    "state_under_review_iso3",
    "state_under_review",
    "recommending_state",
    "position_as_coded_in_source",
    "kind",
    "text",
    "source",
]
PALERMO = re.compile(
    r"Palermo|Transnational Organi[sz]ed Crime|Protocol to Prevent,? Suppress|"
    r"Trafficking in Persons,? (?:Especially|particularly) Women and Children",
    re.IGNORECASE,
)
RATIFY = re.compile(r"\b(ratif|acced|accession|become a party|adhere)", re.IGNORECASE)
_TRAILING_STATE = re.compile(r"\(([^()]+)\)\s*\)?\s*[;.]?\s*$")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _columns(header: list[str], path: Path) -> dict[str, str]:
    present = {_key(h): h for h in header}
    found = {}
    for field, names in COLUMNS.items():
        match = next((present[_key(n)] for n in names if _key(n) in present), None)
        if match:
            found[field] = match
    if missing := [f for f in REQUIRED if f not in found]:
        wanted = "; ".join(" or ".join(repr(n) for n in COLUMNS[f][:2]) for f in missing)
        raise OutcomesFormatError(f"{path.name}: not a UHRI export: no column {wanted}")
    return found


def recommending_state(text: str) -> str:
    """The state named in the closing parentheses of a recommendation, as UPR reports write it."""
    match = _TRAILING_STATE.search(text.strip())
    return match.group(1).strip() if match else ""


def read_uhri_csv(path: Path, iso3_of: dict[str, str]) -> list[dict[str, str]]:
    """The export's Palermo recommendations to states in ``iso3_of`` (name -> ISO3, any case),
    in the seed's columns. A file that is not a UHRI export is an OutcomesFormatError."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise OutcomesFormatError(f"{path.name}: cannot be read as UTF-8 text ({exc})") from None
    reader = csv.DictReader(io.StringIO(text))
    columns = _columns(list(reader.fieldnames or []), path)
    names = {_key(n): code for n, code in iso3_of.items()}
    rows = []
    for line, row in enumerate(reader, start=2):
        recommendation = (row.get(columns["text"]) or "").strip()
        state = (row.get(columns["state"]) or "").strip()
        if not PALERMO.search(recommendation) or _key(state) not in names:
            continue
        year = re.search(r"(19|20)\d\d", row.get(columns["year"]) or "")
        if not year:
            raise OutcomesFormatError(f"{path.name}: row {line}: no year of review")
        by = (row.get(columns.get("recommending", ""), "") or "").strip()
        document = (row.get(columns.get("document", ""), "") or "").strip()
        rows.append(
            {
                "upr_year": year.group(0),
                "state_under_review_iso3": names[_key(state)],
                "state_under_review": state,
                "recommending_state": by or recommending_state(recommendation),
                "position_as_coded_in_source": (row.get(columns["position"]) or "").strip(),
                "kind": "ratify/accede" if RATIFY.search(recommendation) else "implement/legislate",
                "text": recommendation,
                "source": f"OHCHR UHRI export {path.name}" + (f", {document}" if document else ""),
            }
        )
    return rows
