"""participation.csv (the treaty family and the world) belongs to each snapshot: a publish that
brings only the 35 x 4 (a UNTC refresh) keeps the previous snapshot's rows byte for byte."""

from __future__ import annotations

from pathlib import Path

from loaders.paths import DataPaths
from loaders.store.snapshot import SnapshotContent, publish, read_current


def test_a_publish_without_participation_keeps_the_previous_rows(data_copy: Path) -> None:
    paths = DataPaths(data_copy)
    before = read_current(data_copy)
    kept = paths.snapshot(before.meta.snapshot_id).participation.read_bytes()
    records = []  # the snapshot's own status rows are not what this test is about
    folder = publish(
        data_copy,
        "untc-refresh",
        lambda previous: SnapshotContent(
            records, [], {}, before.meta.model_dump(include={"method", "description",
                                                             "compiled_at", "instruments"})
        ),
    )  # fmt: skip
    assert (folder / "participation.csv").read_bytes() == kept
    after = read_current(data_copy)
    assert len(after.participation) == 385 + 642
    assert "participation.csv" in after.meta.files  # checksummed like every other file
