"""The open data package (data/datapackage.json): valid Frictionless, and it describes every CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frictionless import validate

from cli.main import main
from loaders.paths import PROJECT_ROOT
from loaders.publish.datapackage import PACKAGE_FILE, datapackage, described_csvs
from loaders.store.snapshot import current_name

LIVE = PROJECT_ROOT / "data"


def _errors(path: Path) -> list[str]:
    report = validate(str(path))
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors
    ]


def test_the_package_of_the_frozen_data_validates(data_copy: Path) -> None:
    assert main(["datapackage"]) == 0  # RATIFY_DATA_DIR points at the copy
    assert _errors(data_copy / PACKAGE_FILE) == []


def test_it_describes_every_csv_with_a_schema(data_copy: Path) -> None:
    package = datapackage(data_copy)
    described = {resource["path"] for resource in package["resources"]}
    every = {p.relative_to(data_copy).as_posix() for p in data_copy.rglob("*.csv")}
    snapshot = current_name(data_copy)
    # Older snapshots (the history) are the only CSVs left out: they share the current schema.
    history = {p for p in every if p.startswith("snapshots/") and f"/{snapshot}/" not in f"/{p}"}
    assert described == every - history
    assert {f"snapshots/{snapshot}/status.csv", "instruments.csv"} <= described
    status = next(r for r in package["resources"] if r["name"] == "status")
    assert status["schema"]["primaryKey"] == ["iso3", "mtdsg_no"]
    assert status["hash"].startswith("sha256:")
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_a_damaged_row_is_caught_by_the_validation(data_copy: Path) -> None:
    # The schema is not decoration: a duplicated key and a bad date fail.
    main(["datapackage"])
    states = data_copy / "states.csv"
    lines = states.read_text(encoding="utf-8").splitlines()
    states.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    errors = " ".join(_errors(data_copy / PACKAGE_FILE)).lower()
    assert "primary key" in errors or "unique" in errors


def test_compile_reference_rewrites_the_package_and_the_feed(data_copy: Path) -> None:
    assert main(["compile-reference"]) == 0
    package = json.loads((data_copy / PACKAGE_FILE).read_text(encoding="utf-8"))
    assert package["version"] == current_name(data_copy)
    assert (data_copy.parent / "feed" / "changes.atom").is_file()  # beside a copy, not static/
    assert _errors(data_copy / PACKAGE_FILE) == []


@pytest.mark.skipif(not (LIVE / PACKAGE_FILE).exists(), reason="no live package")
def test_the_live_package_is_current_and_valid() -> None:
    """The committed data/datapackage.json is the one its data makes (`python -m loaders
    datapackage` rewrites it; refresh and compile-reference do so after they publish)."""
    committed = json.loads((LIVE / PACKAGE_FILE).read_text(encoding="utf-8"))
    assert committed == datapackage(LIVE), "stale: run python -m loaders datapackage"
    assert {r["path"] for r in committed["resources"]} == {
        p.relative_to(LIVE).as_posix() for p in described_csvs(LIVE)
    }
    assert _errors(LIVE / PACKAGE_FILE) == []


def test_a_busy_lock_leaves_the_files_to_the_other_writer(
    data_copy: Path, capsys: pytest.CaptureFixture
) -> None:
    from cli.reports import after_publish
    from loaders.store.snapshot import refresh_lock

    with refresh_lock(data_copy):
        after_publish(data_copy)  # another refresh holds the lock: a note, no error
    assert "left to the other writer" in capsys.readouterr().err
    assert not (data_copy / PACKAGE_FILE).exists()
