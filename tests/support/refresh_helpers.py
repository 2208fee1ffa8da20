"""Helpers shared by the refresh, hostile-upstream, crash-safety and property tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from loaders.ingest.reference import reference_records
from loaders.model.records import InstrumentMeta
from loaders.store.registry import load_instruments
from loaders.store.snapshot import SnapshotContent, publish
from tests.support.untc_server import FIXTURES

CUTOFF = date(2012, 12, 31)


def tree(folder: Path) -> dict[str, bytes]:
    files = (p for p in folder.rglob("*") if p.is_file() and p.name != ".lock")
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


def snapshot_as_of(data: Path, cutoff: date) -> str:
    """Make the current snapshot what the reference knew on ``cutoff`` (an older snapshot)."""
    records = []
    for record in reference_records(data):
        acts = {
            "signature_date": record.signature_date
            if record.signature_date and record.signature_date <= cutoff
            else None,
            "consent_date": record.consent_date
            if record.consent_date and record.consent_date <= cutoff
            else None,
        }
        kind = record.consent_kind if acts["consent_date"] else None
        records.append(
            record.model_copy(
                update={
                    **acts,
                    "consent_kind": kind,
                    "verified_through": cutoff.isoformat(),
                    "kind_inferred": record.kind_inferred and bool(kind),
                }
            )
        )
    meta = {
        "method": "compiled-reference",
        "description": f"reference facts as known on {cutoff}",
        "compiled_at": "2013-01-01T00:00:00Z",
        "instruments": {
            i.id: InstrumentMeta(mtdsg_no=i.mtdsg_no, status_as_at=cutoff, source="test")
            for i in load_instruments(data)
        },
    }
    folder = publish(data, "older", lambda _: SnapshotContent(records, [], {}, meta))
    return folder.name


def edited(name: str, *replacements: tuple[str, str]) -> bytes:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


ARGENTINA_ROW = (
    "<Row>\n            <Entry>Argentina</Entry>\n            <Entry>12 Dec 2000</Entry>\n"
    "            <Entry>19 Nov 2002</Entry>\n          </Row>"
)
