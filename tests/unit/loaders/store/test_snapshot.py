"""The snapshot is replaced whole or not at all, and damage is detected."""

from pathlib import Path

import pytest

from loaders.ingest.reference import compile_reference_snapshot
from loaders.store.dataset import load_dataset
from loaders.store.registry import load_instruments
from loaders.store.snapshot import (
    SnapshotError,
    commit_snapshot,
    current_name,
    history,
    read_best,
    read_current,
    refresh_lock,
)


def _tree(folder: Path) -> dict[str, bytes]:
    files = (p for p in folder.rglob("*") if p.is_file() and p.name != ".lock")
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


def test_recompiling_keeps_the_previous_snapshot_in_history(data_copy):
    before = current_name(data_copy)
    folder = compile_reference_snapshot(data_copy, load_instruments(data_copy))
    assert current_name(data_copy) == folder.name != before
    assert [p.name for p in history(data_copy)][:2] == [folder.name, before]
    changes = (folder / "changes.md").read_text()
    assert f"since {before}" in changes and "No change" in changes
    assert read_current(data_copy).meta.previous == before


def test_a_failing_build_leaves_everything_as_it_was(data_copy):
    snapshots = data_copy / "snapshots"
    before = _tree(snapshots)

    def broken_build(folder: Path):
        (folder / "status.csv").write_text("half a file")
        raise OSError("disk full")

    with refresh_lock(data_copy), pytest.raises(OSError, match="disk full"):
        commit_snapshot(data_copy, "20990101T000000000000Z-test", broken_build)
    assert _tree(snapshots) == before


def test_a_second_writer_is_refused(data_copy):
    with (
        refresh_lock(data_copy),
        pytest.raises(SnapshotError, match="another refresh"),
        refresh_lock(data_copy),
    ):
        pass


def test_damaged_current_snapshot_falls_back_to_the_last_good_one(data_copy):
    good = current_name(data_copy)
    damaged = compile_reference_snapshot(data_copy, load_instruments(data_copy))
    status = damaged / "status.csv"
    status.write_bytes(status.read_bytes().replace(b"2002-11-19", b"2002-11-20", 1))
    with pytest.raises(SnapshotError, match="checksum"):
        read_current(data_copy)
    snapshot, warning = read_best(data_copy)
    assert snapshot.meta.snapshot_id == good
    assert "damaged" in warning and good in warning
    assert load_dataset(data_copy).warning == warning


def test_missing_pointer_and_no_history_is_a_clear_error(tmp_path):
    with pytest.raises(SnapshotError, match="no current snapshot"):
        read_best(tmp_path)


def test_unreadable_metadata_is_reported(data_copy):
    (data_copy / "snapshots" / current_name(data_copy) / "metadata.json").write_text("{")
    with pytest.raises(SnapshotError, match=r"metadata\.json"):
        read_current(data_copy)


def test_a_killed_writer_leaves_only_a_staging_folder_that_the_next_one_removes(data_copy):
    leftover = data_copy / "snapshots" / ".staging-20990101T000000000000Z-untc"
    (leftover / "raw").mkdir(parents=True)
    (leftover / "status.csv").write_text("half a file")
    snapshot, warning = read_best(data_copy)  # readers ignore it
    assert warning is None and snapshot.path.name == current_name(data_copy)
    compile_reference_snapshot(data_copy, load_instruments(data_copy))
    assert not leftover.exists()
