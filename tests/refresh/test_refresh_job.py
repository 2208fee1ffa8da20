"""deploy/refresh-job.sh, the scheduled refresh, against the local UNTC mirror: it publishes a
snapshot and says when, or fails with a non-zero status and leaves the data byte for byte as it was.
"""

from __future__ import annotations

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
