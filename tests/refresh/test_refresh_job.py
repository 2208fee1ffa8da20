"""deploy/refresh-job.sh, the scheduled refresh, against the local UNTC mirror: it publishes a
snapshot and says when, or fails with a non-zero status and leaves the data byte for byte as it was.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from loaders.paths import PROJECT_ROOT
from tests.support.browser_harness import free_port
from tests.support.refresh_helpers import tree
from tests.support.untc_server import UntcMirror

JOB = PROJECT_ROOT / "deploy" / "refresh-job.sh"


def test_refresh_job_publishes_a_snapshot_and_says_when(older: Path, mirror: UntcMirror) -> None:
    before = (older / "snapshots" / "CURRENT").read_text()
    job = subprocess.run(
        [str(JOB), "--base-url", mirror.base_url], capture_output=True, text=True, timeout=120
    )
    assert job.returncode == 0, job.stdout + job.stderr
    after = (older / "snapshots" / "CURRENT").read_text()
    assert after != before and (older / "snapshots" / after.strip() / "metadata.json").exists()
    lines = job.stdout.splitlines()
    assert lines and all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ refresh: ", ln) for ln in lines)
    assert f"CURRENT is {after.strip()}" in lines[-1]


def test_refresh_job_fails_and_changes_nothing_when_untc_is_down(older: Path) -> None:
    before = tree(older)
    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    job = subprocess.run(
        [str(JOB), "--base-url", down], capture_output=True, text=True, timeout=120
    )
    assert job.returncode != 0
    assert "FAILED" in job.stdout.splitlines()[-1]
    assert tree(older) == before


def test_a_publish_whose_feeds_cannot_be_written_says_what_was_published(
    older: Path, mirror: UntcMirror, tmp_path: Path
) -> None:
    # The feeds' folder cannot be made (a file stands where it should be), as a read-only feed
    # folder or a full disk leaves it: the snapshot is published, the feeds are not.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    env = {**os.environ, "RATIFY_FEED_DIR": str(blocker / "feed")}
    job = subprocess.run(
        [str(JOB), "--base-url", mirror.base_url],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert job.returncode == 3, job.stdout + job.stderr
    current = (older / "snapshots" / "CURRENT").read_text().strip()
    last = job.stdout.splitlines()[-1]
    assert "PARTLY PUBLISHED" in last and f"CURRENT is {current}" in last
    assert "unchanged" not in job.stdout and "Traceback" not in job.stdout
    assert "NOT written: feeds" in job.stdout
    assert "wrote the data package" in job.stdout
    assert not list(older.rglob("*.tmp")) and not list(tmp_path.rglob("*.tmp"))
