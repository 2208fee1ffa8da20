"""Snapshots by id, and a history that follows each snapshot's ``previous`` from CURRENT.

The frozen data holds three snapshots: 20261129T201705943055Z-reference (the first, previous
null), 20261201T160313018352Z-reference (previous the first) and
20261206T040127291108Z-reference (CURRENT, previous the second). The other snapshots
below are copies of CURRENT's files with their own id and ``previous`` in metadata.json (which
lists the checksums of the other files, not its own).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from loaders.store.dataset import load_dataset
from loaders.store.snapshot import (
    SnapshotError,
    UnknownSnapshotError,
    history,
    read_best,
    restore,
)
from tests.support.data import CURRENT_SNAPSHOT, MIDDLE_SNAPSHOT, PREVIOUS_SNAPSHOT

CURRENT = CURRENT_SNAPSHOT


def _copy(data: Path, name: str, previous: str | None) -> str:
    """A good snapshot ``name`` (CURRENT's files) whose metadata names ``previous``."""
    folder = data / "snapshots" / name
    shutil.copytree(data / "snapshots" / CURRENT, folder)
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    meta.update(snapshot_id=name, previous=previous)
    (folder / "metadata.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return name


def _point(data: Path, name: str) -> None:
    (data / "snapshots" / "CURRENT").write_text(name + "\n", encoding="utf-8")


def _damage(data: Path, name: str) -> None:
    with (data / "snapshots" / name / "status.csv").open("a", encoding="utf-8") as handle:
        handle.write("tampered\n")


def _never_rebuild() -> Path:
    raise AssertionError("a good snapshot was in the history")


def test_the_previous_snapshot_loads_by_its_id(data_copy: Path) -> None:
    old = load_dataset(data_copy, PREVIOUS_SNAPSHOT)
    assert old.meta.snapshot_id == PREVIOUS_SNAPSHOT and old.warning is None
    assert load_dataset(data_copy).meta.snapshot_id == CURRENT


def test_an_unknown_id_names_the_ones_there_are(data_copy: Path) -> None:
    with pytest.raises(UnknownSnapshotError) as refused:
        load_dataset(data_copy, "20990101T000000000000Z-refresh")
    assert f"(available: {CURRENT}, {MIDDLE_SNAPSHOT}, {PREVIOUS_SNAPSHOT})" in str(refused.value)
    for hostile in ("../data", "", "CURRENT", ".lock"):
        with pytest.raises(UnknownSnapshotError):
            load_dataset(data_copy, hostile)


def test_a_damaged_id_is_an_error_not_another_snapshot(data_copy: Path) -> None:
    _damage(data_copy, PREVIOUS_SNAPSHOT)
    with pytest.raises(SnapshotError, match="does not match its checksum"):
        load_dataset(data_copy, PREVIOUS_SNAPSHOT)


def test_history_follows_previous_not_a_clock_once_ahead(data_copy: Path) -> None:
    # A refresh under a clock a few years ahead, then two under the right clock: the stamp of
    # the one in 2030 sorts first, but it is the oldest of the three.
    ahead = _copy(data_copy, "20301231T000000000000Z-refresh", CURRENT)
    second = _copy(data_copy, "20261202T000000000000Z-refresh", ahead)
    third = _copy(data_copy, "20261203T000000000000Z-refresh", second)
    _point(data_copy, third)
    assert [f.name for f in history(data_copy)] == [
        third,
        second,
        ahead,
        CURRENT,
        MIDDLE_SNAPSHOT,
        PREVIOUS_SNAPSHOT,
    ]
    _damage(data_copy, third)
    snapshot, warning = read_best(data_copy)
    assert snapshot.meta.snapshot_id == second and warning and second in warning
    assert restore(data_copy, _never_rebuild) == (second, "history")


def test_a_snapshot_that_never_became_current_is_never_a_fallback(data_copy: Path) -> None:
    # Killed between the two renames: the folder is complete and good, CURRENT never named it.
    orphan = _copy(data_copy, "20261215T000000000000Z-refresh", CURRENT)
    assert orphan not in [f.name for f in history(data_copy)]
    with pytest.raises(UnknownSnapshotError):
        load_dataset(data_copy, orphan)
    _damage(data_copy, CURRENT)
    snapshot, _ = read_best(data_copy)
    assert snapshot.meta.snapshot_id == MIDDLE_SNAPSHOT  # CURRENT's previous
    assert restore(data_copy, _never_rebuild) == (MIDDLE_SNAPSHOT, "history")


def test_an_unreadable_current_metadata_still_skips_the_orphan(data_copy: Path) -> None:
    orphan = _copy(data_copy, "20261215T000000000000Z-refresh", CURRENT)
    (data_copy / "snapshots" / CURRENT / "metadata.json").write_text("{", encoding="utf-8")
    snapshot, _ = read_best(data_copy)
    assert snapshot.meta.snapshot_id == MIDDLE_SNAPSHOT != orphan


def test_current_read_once_by_the_caller_is_the_one_loaded(data_copy: Path) -> None:
    # CURRENT swapped after the caller read it: the caller's name is what is loaded.
    newer = _copy(data_copy, "20261202T000000000000Z-refresh", CURRENT)
    _point(data_copy, newer)
    assert load_dataset(data_copy, current=CURRENT).meta.snapshot_id == CURRENT
    assert load_dataset(data_copy).meta.snapshot_id == newer
