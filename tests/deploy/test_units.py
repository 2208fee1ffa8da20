"""The systemd units in deploy/systemd/ pass `systemd-analyze verify`, in a throwaway root that
has the paths they name (the project in /srv/ratify-americas) and the system's own units."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
ANALYZE = shutil.which("systemd-analyze")
SYSTEM_UNITS = Path("/usr/lib/systemd/system")
REASON = (
    None
    if ANALYZE and SYSTEM_UNITS.is_dir()
    else "unit tests need systemd-analyze and the system's units: apt-get install systemd"
)
if REASON and os.environ.get("CI") != "true":
    pytest.skip(REASON, allow_module_level=True)
HARDENING = ("ProtectSystem", "PrivateTmp", "NoNewPrivileges")


def verify(tree: Path, units: list[str]) -> subprocess.CompletedProcess:
    """systemd-analyze verify of ``units`` (copied from deploy/systemd/) inside ``tree``."""
    if REASON:
        pytest.fail(f"CI=true and {REASON}")
    target = tree / "etc" / "systemd" / "system"
    if not target.exists():
        shutil.copytree(SYSTEM_UNITS, tree / "usr" / "lib" / "systemd" / "system", symlinks=True)
        shutil.copytree(UNITS, target)
        project = tree / "srv" / "ratify-americas"
        for command in (".venv/bin/python", "deploy/refresh-job.sh"):
            (project / command).parent.mkdir(parents=True, exist_ok=True)
            (project / command).write_text("#!/bin/sh\n")
            (project / command).chmod(0o755)
    return subprocess.run(
        [ANALYZE, "verify", f"--root={tree}", *units], capture_output=True, text=True, timeout=60
    )


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(UNITS / name)
    return parser


def test_every_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    units = ["ratify.target", "ratify@8501.service", "ratify@8502.service",
             "ratify-refresh.service", "ratify-refresh.timer"]  # fmt: skip
    result = verify(tmp_path, units)
    assert result.returncode == 0 and result.stdout + result.stderr == "", result.stderr


def test_the_check_sees_a_mistake(tmp_path: Path) -> None:
    verify(tmp_path, [])
    broken = tmp_path / "etc" / "systemd" / "system" / "ratify@.service"
    broken.write_text(broken.read_text().replace("Restart=always", "Restrat=always"))
    result = verify(tmp_path, ["ratify@8501.service"])
    assert "Unknown key 'Restrat'" in result.stderr


def test_the_target_wants_replicas_on_their_own_ports() -> None:
    wants = unit("ratify.target")["Unit"]["Wants"].split()
    assert wants == ["ratify@8501.service", "ratify@8502.service"]
    replica = unit("ratify@.service")
    assert "--server.port %i" in replica["Service"]["ExecStart"]
    assert replica["Service"]["Restart"] == "always"
    assert replica["Install"]["WantedBy"] == "ratify.target"


def test_replicas_are_hardened_as_the_refresh_is() -> None:
    refresh, replica = unit("ratify-refresh.service"), unit("ratify@.service")
    for key in HARDENING:
        assert replica["Service"][key] == refresh["Service"][key], key
    assert "ReadWritePaths" not in replica["Service"]  # it only reads
