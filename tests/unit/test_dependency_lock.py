"""The locks (requirements.lock, requirements-dev.lock) agree with the human lists they are made
from (requirements.txt, requirements-dev.txt): `make lock` was run after the last edit."""

from __future__ import annotations

import re
from pathlib import Path

from loaders.paths import PROJECT_ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503


def pins(path: Path) -> dict[str, str]:
    """name -> version of every ``name==version`` line of a requirements file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            found[_name(match[1])] = match[2]
    return found


def hashed(path: Path) -> dict[str, int]:
    """name -> how many hashes follow its pin, in a lock."""
    counts: dict[str, int] = {}
    current = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            current = _name(match[1])
            counts[current] = 0
        elif line.strip().startswith("--hash=sha256:") and current:
            counts[current] += 1
    return counts


def test_every_pin_of_the_lists_is_in_its_lock_at_the_same_version() -> None:
    for listed, lock in (("requirements.txt", "requirements.lock"),
                         ("requirements-dev.txt", "requirements-dev.lock")):  # fmt: skip
        wanted, locked = pins(PROJECT_ROOT / listed), pins(PROJECT_ROOT / lock)
        assert wanted, listed
        assert {name: locked.get(name) for name in wanted} == wanted, f"run make lock ({lock})"


def test_the_dev_lock_installs_the_runtime_locks_versions() -> None:
    runtime = pins(PROJECT_ROOT / "requirements.lock")
    dev = pins(PROJECT_ROOT / "requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_every_locked_package_has_a_hash() -> None:
    for lock in ("requirements.lock", "requirements-dev.lock"):
        counts = hashed(PROJECT_ROOT / lock)
        assert counts and all(counts.values()), [n for n, c in counts.items() if not c]
