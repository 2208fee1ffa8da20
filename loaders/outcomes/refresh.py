"""Bring a later UNODC release or a UHRI export into ``data/reference/outcomes/``: read it with
the same checks as the bundled files, write the new table beside them atomically, and record its
provenance. A bad file stops with one line and leaves the data as it was."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from loaders.model.names import state_name
from loaders.outcomes.errors import OutcomesFormatError
from loaders.outcomes.glotip import TOTALS_COLUMNS, read_glotip_xlsx, totals_rows
from loaders.outcomes.store import (
    PROVENANCE,
    PROVENANCE_COLUMNS,
    glotip_frame,
    load_outcomes,
    outcomes_folder,
)
from loaders.outcomes.uhri import SEED_COLUMNS, read_uhri_csv
from loaders.paths import DataPaths

UHRI_FILE = "upr_uhri_imported.csv"


def _csv_text(rows: list[dict[str, str]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _states(data: Path) -> dict[str, dict[str, str]]:
    with DataPaths(data).states.open(encoding="utf-8") as handle:
        return {row["iso3"]: row for row in csv.DictReader(handle)}


def _names(data: Path) -> dict[str, str]:
    """Every name a state goes by (its name, UNTC's, UNTC's older ones, the four languages)."""
    names = {}
    for iso3, row in _states(data).items():
        aliases = [row["name"], row["untc_name"], *filter(None, row["untc_aliases"].split(";"))]
        aliases += [state_name(iso3, lang) for lang in ("en", "es", "pt", "fr")]
        names.update({alias.strip(): iso3 for alias in aliases if alias})
    return names


def _record(data: Path, file: str, source: Path, release: str, rows: int, text: str) -> None:
    folder = outcomes_folder(data)
    path = folder / PROVENANCE
    lines = path.read_text(encoding="utf-8") if path.exists() else ""
    if not lines:
        lines = ",".join(PROVENANCE_COLUMNS) + "\n"
    entry = {
        "file": file,
        "source": source.name,
        "release": release,
        "rows": str(rows),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "imported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    row = io.StringIO()
    csv.DictWriter(row, fieldnames=PROVENANCE_COLUMNS, lineterminator="\n").writerow(entry)
    _write_atomically(path, lines + row.getvalue())


def import_glotip(source: Path, data: Path) -> str:
    """A ``data_glotip.xlsx`` release as ``glotip_oas35_totals_<YYYY-MM>.csv``; returns a line
    saying what came in."""
    release = read_glotip_xlsx(source)
    rows = totals_rows(release, set(_states(data)))
    if not rows:
        raise OutcomesFormatError(f"{source.name}: no national totals for the OAS member states")
    name = f"glotip_oas35_totals_{release.released:%Y-%m}.csv"
    text = _csv_text(rows, TOTALS_COLUMNS)
    target = outcomes_folder(data) / name
    with tempfile.TemporaryDirectory() as scratch:  # check the written form before it counts
        trial = Path(scratch) / name
        trial.write_text(text, encoding="utf-8")
        glotip_frame(trial)
    _write_atomically(target, text)
    _record(data, name, source, f"{release.released:%Y-%m-%d}", len(rows), text)
    return f"{name}: {len(rows)} national totals, release of {release.released:%Y-%m-%d}"


def import_uhri(source: Path, data: Path) -> str:
    """The Palermo recommendations of a UHRI export, added to ``upr_uhri_imported.csv`` (a
    recommendation already held, in any file, is not added twice)."""
    found = read_uhri_csv(source, _names(data))
    held = load_outcomes(data).recommendations
    seen = {
        (str(y), s, t) for y, s, t in held[["upr_year", "state_under_review_iso3", "text"]].values
    }
    new = [r for r in found if (r["upr_year"], r["state_under_review_iso3"], r["text"]) not in seen]
    target = outcomes_folder(data) / UHRI_FILE
    earlier = []
    if target.exists():
        with target.open(encoding="utf-8") as handle:
            earlier = list(csv.DictReader(handle))
    text = _csv_text(earlier + new, SEED_COLUMNS)
    _write_atomically(target, text)
    _record(data, UHRI_FILE, source, "", len(new), text)
    held_already = len(found) - len(new)
    return (
        f"{UHRI_FILE}: {len(new)} new recommendations naming the Palermo instruments "
        f"({held_already} already held)"
    )
