"""Crash safety: a refresh killed mid-way, two refreshes at once, a damaged snapshot at start-up.

The refreshes here are real ``python -m loaders refresh`` processes (RATIFY_DATA_DIR points them
at a private copy of data/), killed with SIGKILL: no clean-up handler runs, as after a crash or
an out-of-memory kill. Only the on-disk protocol (staging folder, verify, rename, atomic CURRENT)
can keep the snapshot whole.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from cli.main import main
from loaders.paths import PROJECT_ROOT, DataPaths
from loaders.store import snapshot as snapshot_module
from loaders.store.dataset import load_dataset
from loaders.store.snapshot import (
    current_name,
    history,
    read_best,
    read_snapshot_at,
    refresh_lock,
)
from tests.support.refresh_helpers import snapshot_as_of, tree
from tests.support.untc_server import FIXTURES, UntcMirror

# The last progress line printed under the lock, just before the new snapshot is written.
LAST_MERGE_LINE = "FIREARMS: 124 participants"
NUMBERS = ("XVIII-12", "XVIII-12-a", "XVIII-12-b", "XVIII-12-c")


def start_refresh(data: Path, mirror: UntcMirror) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "loaders", "refresh", "--base-url", mirror.base_url],
        cwd=PROJECT_ROOT,
        env=os.environ | {"RATIFY_DATA_DIR": str(data), "PYTHONUNBUFFERED": "1"},
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )


def wait_for_line(process: subprocess.Popen[str], fragment: str) -> bool:
    """Read the refresh's progress until a line contains ``fragment``; False if it ended first."""
    assert process.stderr is not None
    return any(fragment in line for line in process.stderr)


def assert_snapshots_whole(data: Path) -> None:
    """CURRENT verifies, and so does every snapshot in the history (staging folders aside)."""
    snapshot, warning = read_best(data)
    assert warning is None and snapshot.path.name == current_name(data)
    for folder in history(data):
        read_snapshot_at(folder)  # raises SnapshotError on a half-written or damaged one


# ---------------------------------------------------------------------------------------------
# Killed mid-way


def test_a_refresh_killed_at_any_moment_leaves_a_whole_snapshot(
    older: Path, mirror: UntcMirror
) -> None:
    """Ten refreshes, each killed: two while fetching, eight at staggered moments of the write.

    After each, CURRENT names either the snapshot it named before or a complete new one, and
    the app reads it without a warning; a final refresh then removes any leftover staging folder.
    Each feed carries a 4 MB comment, so that writing (and checksumming) the raw copies takes
    long enough (~0.1 s) for the kills to land inside it even on a busy machine.
    """
    for number in NUMBERS:
        feed = (FIXTURES / f"{number.lower()}.en.xml").read_bytes()
        padding = b"<!--" + b" " * 4_000_000 + b"-->"
        mirror.route(
            mirror.xml_path(number), body=feed.replace(b"</Treaty>", padding + b"</Treaty>")
        )
    rng = random.Random(20090604)
    moments = [("[2/4] TIP", 0.0), ("[4/4] FIREARMS", 0.0)] + [
        (LAST_MERGE_LINE, step * 0.02 + rng.uniform(0, 0.02)) for step in range(8)
    ]
    outcomes: list[str] = []
    leftovers: set[str] = set()  # staging folders of killed writers
    for fragment, delay in moments:
        before = current_name(older)
        process = start_refresh(older, mirror)
        try:
            assert wait_for_line(process, fragment), "the refresh ended before that point"
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
        finally:
            process.wait(timeout=10)
            assert process.stderr is not None
            process.stderr.close()
        assert_snapshots_whole(older)
        leftovers |= {p.name for p in DataPaths(older).snapshots.glob(".staging-*")}
        after = current_name(older)
        if after == before:
            outcomes.append("old" if process.returncode == -signal.SIGKILL else "?")
        else:
            new = read_snapshot_at(DataPaths(older).snapshots / after)
            assert new.meta.method == "untc-refresh" and new.meta.previous == before
            outcomes.append("new")
    assert outcomes[:2] == ["old", "old"]  # killed before anything was written
    assert "old" in outcomes[2:] and leftovers  # some kills landed inside the write

    process = start_refresh(older, mirror)
    assert process.wait(timeout=20) == 0
    assert process.stderr is not None
    process.stderr.close()
    assert not list(DataPaths(older).snapshots.glob(".staging-*"))
    assert_snapshots_whole(older)


def test_disk_full_while_writing_changes_nothing(
    older: Path,
    mirror: UntcMirror,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An OSError mid-write (disk full) was a traceback; now a message, and no trace on disk."""
    written = snapshot_module.write_snapshot_files

    def fill_the_disk(folder: Path, *args: object) -> None:
        written(folder, *args)
        (folder / "status.csv").write_bytes(b"half a fi")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(snapshot_module, "write_snapshot_files", fill_the_disk)
    before = tree(older)
    assert main(["refresh", "--base-url", mirror.base_url, "--instrument", "SOM"]) == 1
    err = capsys.readouterr().err
    assert "refresh failed, snapshot unchanged: [Errno 28] No space left on device" in err
    assert "Traceback" not in err
    assert tree(older) == before  # the staging folder is gone too


# ---------------------------------------------------------------------------------------------
# Two at once


def test_two_refreshes_at_once_never_corrupt_the_snapshot(older: Path, mirror: UntcMirror) -> None:
    """Both fetch at once (the mirror holds each feed 0.3 s), then race for the lock.

    One wins; the other either fails fast with a clear message, or (if the first was already
    done) refreshes after it. Never a half-written or interleaved snapshot.
    """
    for number in NUMBERS:
        mirror.route(mirror.xml_path(number), file=f"{number.lower()}.en.xml", delay=0.3)
    before = current_name(older)
    processes = [start_refresh(older, mirror) for _ in range(2)]
    results = []
    for process in processes:
        _, err = process.communicate(timeout=20)
        results.append((process.returncode, err))
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 1]), results
    for code, err in results:
        if code == 1:
            assert "refresh failed, snapshot unchanged: another refresh is writing" in err
        assert "Traceback" not in err
    assert_snapshots_whole(older)
    assert not list(DataPaths(older).snapshots.glob(".staging-*"))
    chain = [current_name(older)]  # CURRENT, back through "previous" to where we started
    while chain[-1] != before:
        chain.append(read_snapshot_at(DataPaths(older).snapshots / chain[-1]).meta.previous)
    assert len(chain) == 1 + codes.count(0)  # sequential: each success built on the one before


def test_a_refresh_while_another_holds_the_lock_fails_fast(older: Path, mirror: UntcMirror) -> None:
    before = tree(older)
    with refresh_lock(older):
        process = start_refresh(older, mirror)
        _, err = process.communicate(timeout=20)
    assert process.returncode == 1
    assert "refresh failed, snapshot unchanged: another refresh is writing the snapshot" in err
    assert tree(older) == before


# ---------------------------------------------------------------------------------------------
# Damaged at start-up


def _flip_a_byte(path: Path) -> None:
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x01
    path.write_bytes(bytes(content))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _unlist_status(folder: Path) -> None:
    """metadata.json still valid JSON but without status.csv's checksum; status.csv garbage."""
    meta = folder / "metadata.json"
    text = meta.read_text(encoding="utf-8")
    start = text.index('"status.csv"')
    meta.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    (folder / "status.csv").write_bytes(b"\xff\xfe\x00garbage")


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {  # how -> (damage, message fragment)
    "status.csv byte flipped": (
        lambda f: _flip_a_byte(f / "status.csv"),
        "status.csv does not match its checksum",
    ),
    "status.csv truncated": (
        lambda f: _truncate(f / "status.csv"),
        "status.csv does not match its checksum",
    ),
    "declarations.csv deleted": (
        lambda f: (f / "declarations.csv").unlink(),
        "missing file declarations.csv",
    ),
    "metadata.json deleted": (
        lambda f: (f / "metadata.json").unlink(),
        "unreadable metadata.json (FileNotFoundError)",
    ),
    "metadata.json truncated": (
        lambda f: _truncate(f / "metadata.json"),
        "unreadable metadata.json (ValidationError)",
    ),
    "status.csv unlisted": (  # a pandas error (traceback) before the fix
        _unlist_status,
        "metadata.json lists no checksum for ['status.csv']",
    ),
}


@pytest.fixture
def two_good(older: Path) -> tuple[Path, str, str]:
    """History: reference, then two good snapshots; returns (data, last good, current)."""
    last_good = current_name(older)
    snapshot_as_of(older, date(2013, 6, 30))
    return older, last_good, current_name(older)


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_damaged_current_snapshot_falls_back_to_the_last_good_one(
    two_good: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], how: str
) -> None:
    data, last_good, damaged = two_good
    damage, fragment = DAMAGE[how]
    damage(DataPaths(data).snapshots / damaged)
    dataset = load_dataset(data)
    assert dataset.meta.snapshot_id == last_good  # the newest good one, not just any
    assert dataset.warning is not None
    assert f"{DataPaths(data).snapshots / damaged}: {fragment}" in dataset.warning
    assert f"Showing the last good snapshot, {last_good}, instead." in dataset.warning
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert f"warning: {dataset.warning}" in captured.err
    assert f"snapshot {last_good} (compiled-reference)" in captured.out


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "damaged, names no snapshot folder ('')"),  # read the snapshots folder before
        (b"../../elsewhere\n", "damaged, names no snapshot folder ('../../elsewhere')"),
        (b"\xff\xfe\x00\n", "damaged (not text)"),  # a UnicodeDecodeError traceback before
        (b"20990101T000000000000Z-untc\n", "20990101T000000000000Z-untc: unreadable metadata"),
    ],
    ids=["empty", "outside", "binary", "missing-folder"],
)
def test_damaged_current_pointer_falls_back_too(
    two_good: tuple[Path, str, str], content: bytes, fragment: str
) -> None:
    data, _, damaged = two_good
    (DataPaths(data).current_pointer).write_bytes(content)
    snapshot, warning = read_best(data)
    assert snapshot.meta.snapshot_id == damaged  # the folder itself is fine: the newest good
    assert warning is not None and fragment in warning


def test_check_reports_damage_as_the_real_command_does(two_good: tuple[Path, str, str]) -> None:
    data, last_good, damaged = two_good
    _flip_a_byte(DataPaths(data).snapshots / damaged / "status.csv")
    result = subprocess.run(
        [sys.executable, "-m", "loaders", "check"],
        cwd=PROJECT_ROOT,
        env=os.environ | {"RATIFY_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"warning: {DataPaths(data).snapshots / damaged}: status.csv")
    assert f"Showing the last good snapshot, {last_good}, instead." in result.stderr
    assert "Traceback" not in result.stderr
