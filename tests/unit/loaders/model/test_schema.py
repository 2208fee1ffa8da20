"""One schema declaration: the files, the data package and docs/columns.md are made from it."""

from __future__ import annotations

import csv
import io

from loaders.export import EXPORT_COLUMNS
from loaders.model.records import ParticipationRecord, StatusRecord
from loaders.model.tables import EXPORT, PARTICIPATION, STATUS, columns_markdown
from loaders.publish.columns import COLUMNS_DOC
from loaders.publish.datapackage import datapackage
from loaders.store.snapshot import PARTICIPATION_COLUMNS, STATUS_COLUMNS
from tests.support.data import FROZEN


def test_the_records_fields_are_the_files_columns_in_order() -> None:
    assert STATUS_COLUMNS == list(StatusRecord.model_fields) == STATUS.names
    assert list(ParticipationRecord.model_fields) == PARTICIPATION_COLUMNS
    # The order status.csv has always had: the bytes of every existing file stay the same.
    assert STATUS_COLUMNS == [
        "iso3", "mtdsg_no", "participant", "signature_date", "consent_date", "consent_kind",
        "kind_inferred", "verified_through", "confidence", "source", "note",
    ]  # fmt: skip


def test_the_export_columns_are_todays_with_depositary_and_family_added() -> None:
    assert EXPORT.names == EXPORT_COLUMNS
    assert EXPORT_COLUMNS[:6] == ["iso3", "state", "instrument", "mtdsg_no", "depositary", "family"]
    assert EXPORT_COLUMNS[-1] == "domestic_step" and len(EXPORT_COLUMNS) == 19


def test_the_frictionless_schema_comes_from_the_declaration() -> None:
    package = datapackage(FROZEN)
    status = next(r for r in package["resources"] if r["name"] == "status")
    fields = {f["name"]: f for f in status["schema"]["fields"]}
    assert list(fields) == STATUS_COLUMNS
    assert fields["iso3"]["constraints"]["pattern"] == "^[A-Z]{3}$"
    assert fields["consent_date"]["type"] == "date"
    assert fields["kind_inferred"]["trueValues"] == ["true"]
    assert (
        "unknown"
        in next(f for f in PARTICIPATION.frictionless()["fields"] if f["name"] == "status")[
            "constraints"
        ]["enum"]
    )
    participation = next(r for r in package["resources"] if r["name"] == "participation")
    assert participation["schema"]["primaryKey"] == ["participant", "mtdsg_no"]
    names = {r["name"] for r in package["resources"]}
    assert {"family-oas-status", "palermo-world-status", "groups-world", "participants"} <= names


def test_the_column_documentation_is_current() -> None:
    assert COLUMNS_DOC.read_text(encoding="utf-8") == columns_markdown(), (
        "stale: run python -m loaders.publish.columns"
    )


def test_every_documented_export_column_is_a_row_of_the_table() -> None:
    text = columns_markdown()
    for column in EXPORT_COLUMNS:
        assert f"| `{column}` |" in text


def test_the_frozen_participation_file_has_the_declared_header() -> None:
    snapshot = (FROZEN / "snapshots" / "CURRENT").read_text().strip()
    content = (FROZEN / "snapshots" / snapshot / "participation.csv").read_text(encoding="utf-8")
    assert next(csv.reader(io.StringIO(content))) == PARTICIPATION.names


def test_the_family_and_world_facts_are_carried_whole() -> None:
    def rows(path: str) -> int:
        with (FROZEN / "reference" / path).open(encoding="utf-8", newline="") as handle:
            return sum(1 for _ in csv.DictReader(handle))

    assert rows("family/family_oas_status.csv") == 385
    assert rows("world/palermo_world_status.csv") == 642
    assert rows("world/groups_world.csv") == 394
    snapshot = (FROZEN / "snapshots" / "CURRENT").read_text().strip()
    content = (FROZEN / "snapshots" / snapshot / "participation.csv").read_text(encoding="utf-8")
    assert len(list(csv.DictReader(io.StringIO(content)))) == 385 + 642
