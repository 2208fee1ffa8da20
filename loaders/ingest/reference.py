"""Compile the bundled snapshot from the researched reference facts in data/reference/.

The reference file ``palermo_oas_status.csv`` carries, per state and instrument, the depositary's
record as captured in 2014 plus later facts, each with its source, the date through which it is
verified and a confidence. This module turns it into validated status records; the bundled
snapshot is exactly that, so the app runs with no network and says how old each fact is.

The snapshot's declarations are UNTC's texts as captured in 2013-2014
(``data/reference/untc-2014/declarations``), for the 35 states only, each classified by
:func:`loaders.derive.declarations.classify` and marked with its source and the month UNTC
published it in.
"""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from loaders.derive.declarations import (
    CAPTURE_SOURCE,
    CAPTURES,
    DECLARATIONS_SECTION,
    classify,
    parse_blocks,
)
from loaders.model.names import NameIndex
from loaders.model.records import Instrument, InstrumentMeta, ParticipationRecord, StatusRecord
from loaders.paths import DataPaths
from loaders.store.registry import ReferenceDataError, load_registry, load_states
from loaders.store.snapshot import SnapshotContent, publish

REFERENCE_FILE = "palermo_oas_status.csv"
# When the 2014 UNTC status feed was captured, per instrument (see data/reference/README.md).
UNTC_CAPTURES = {
    "XVIII-12": date(2014, 1, 27),
    "XVIII-12-a": date(2014, 1, 27),
    "XVIII-12-b": date(2014, 7, 10),
    "XVIII-12-c": date(2014, 7, 10),
}
DESCRIPTION = (
    "Compiled from researched reference facts: the UN Treaty Collection (UNTC) status feed as "
    "captured in 2014, with later facts added row by row from the sources each row names. "
    "Not a live copy of UNTC: each row says the date through which it is verified."
)


def reference_records(data: Path) -> list[StatusRecord]:
    path = DataPaths(data).reference_file(REFERENCE_FILE)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    records = []
    for line, row in enumerate(rows, start=2):
        try:
            records.append(
                StatusRecord(
                    iso3=row["iso3"],
                    mtdsg_no=row["mtdsg_no"],
                    participant=row["state"],
                    signature_date=row["signature_date"] or None,
                    consent_date=row["consent_date"] or None,
                    consent_kind=row["consent_kind"] or None,
                    kind_inferred=row["kind_inferred"] == "yes",
                    verified_through=row["source_date"],
                    confidence=row["confidence"],
                    source=row["source"],
                )
            )
        except ValueError as exc:
            raise ReferenceDataError(f"{path}, line {line}: {exc}") from exc
    return records


def _participation(row: dict[str, str], path: Path, line: int) -> ParticipationRecord:
    try:
        return ParticipationRecord(
            iso3=row["iso3"],
            participant=row.get("participant") or row["state"],
            kind="state" if row["iso3"] else "organisation",
            mtdsg_no=row["mtdsg_no"],
            status=row["status"],
            signature_date=row["signature_date"] or None,
            consent_date=row["consent_date"] or None,
            consent_kind=row["consent_kind"] or None,
            kind_inferred=row["kind_inferred"] == "yes",
            in_force=True if row.get("in_force") == "in force" else None,
            later_act=row.get("later_act") == "yes",
            verified_through=row["source_date"],
            confidence=row["confidence"],
            source=row["source"],
        )
    except ValueError as exc:
        raise ReferenceDataError(f"{path}, line {line}: {exc}") from exc


def reference_participation(data: Path, registry: list[Instrument]) -> list[ParticipationRecord]:
    """The treaty family of the 35 (family_oas_status.csv) and every participant of the four
    Palermo instruments (palermo_world_status.csv), as the snapshot's participation rows."""
    paths = DataPaths(data)
    known = {i.mtdsg_no for i in registry}
    records = []
    for path in (paths.family_status, paths.world_status):
        try:
            with path.open(newline="", encoding="utf-8") as handle:
                rows = list(csv.DictReader(handle))
        except OSError as exc:
            raise ReferenceDataError(f"cannot read {path}: {exc.strerror}") from exc
        for line, row in enumerate(rows, start=2):
            if row["mtdsg_no"] not in known:
                raise ReferenceDataError(
                    f"{path}, line {line}: {row['mtdsg_no']} is not an instrument of the registry"
                )
            records.append(_participation(row, path, line))
    keys = [(r.participant, r.mtdsg_no) for r in records]
    if len(set(keys)) != len(keys):
        raise ReferenceDataError("participation: a participant twice on one instrument")
    return records


def reference_declarations(data: Path, instruments: list[Instrument]) -> list[dict[str, Any]]:
    """The captured declarations texts of the 35 states, as rows of the snapshot's file."""
    paths = DataPaths(data)
    names = NameIndex(load_states(data))
    rows = []
    for instrument in instruments:
        capture = CAPTURES.get(instrument.mtdsg_no)
        if capture is None:
            continue
        path = paths.declarations_capture_file(capture.file)
        try:
            blocks = parse_blocks(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ReferenceDataError(f"cannot read {path}: {exc.strerror}") from exc
        source = CAPTURE_SOURCE.format(mtdsg_no=instrument.mtdsg_no, file=capture.file)
        for participant, text in blocks:
            iso3 = names.iso3(participant)
            if iso3 is None:
                continue  # not one of the 35
            rows.append(
                {
                    "mtdsg_no": instrument.mtdsg_no,
                    "iso3": iso3,
                    "participant": participant,
                    "section": DECLARATIONS_SECTION,
                    "text": text,
                    **classify(text, instrument.mtdsg_no).cells(),
                    "source": source,
                    "published_as_at": capture.published_as_at,
                }
            )
    return rows


def compile_reference_snapshot(data: Path, instruments: list[Instrument]) -> Path:
    """Write the reference facts as a new snapshot and make it current: status.csv for the four
    Palermo instruments of the 35 (``instruments``), participation.csv for the rest."""
    records = reference_records(data)
    participation = reference_participation(data, load_registry(data))
    known = {i.mtdsg_no for i in instruments}
    unknown = sorted({r.mtdsg_no for r in records} - known)
    if unknown:
        raise ReferenceDataError(f"reference rows for instruments not in the registry: {unknown}")
    meta_fields = {
        "method": "compiled-reference",
        "description": DESCRIPTION,
        "compiled_at": datetime.now(UTC),
        "instruments": {
            i.id: InstrumentMeta(
                mtdsg_no=i.mtdsg_no,
                status_as_at=UNTC_CAPTURES.get(i.mtdsg_no),
                source=(
                    f"UNTC MTDSG status feed for {i.mtdsg_no} as captured on "
                    f"{UNTC_CAPTURES.get(i.mtdsg_no)}, plus later facts per row"
                ),
            )
            for i in instruments
        },
    }
    declarations = reference_declarations(data, instruments)
    return publish(
        data,
        "reference",
        lambda _previous: SnapshotContent(records, declarations, {}, meta_fields, participation),
    )
