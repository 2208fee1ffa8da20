"""Publishing the edition whole or not at all.

The files go into a new folder beside the published ones; once every file is written and synced,
the ``current`` link is swapped to it in one rename (as a snapshot's CURRENT is). A failure
before the swap removes the new folder and leaves the published edition as it was. The edition
before the current one is kept (a reader mid-visit keeps its pages); older ones are removed.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

CURRENT = "current"
EDITIONS = "editions"
KEEP = 2  # the current edition and the one before it


def publish_edition(root: Path, files: dict[str, bytes], name: str) -> Path:
    """Write ``files`` as the edition ``name`` under ``root`` and make it current; returns its
    folder. ``name``: the snapshot id (a stamp is added, so a rewrite never touches a served
    folder)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    editions = root / EDITIONS
    editions.mkdir(parents=True, exist_ok=True)
    staging = editions / f".staging-{name}-{stamp}"
    final = editions / f"{name}-{stamp}"
    try:
        write_tree(staging, files)
        os.replace(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    link = root / f".{CURRENT}.tmp"
    link.unlink(missing_ok=True)
    link.symlink_to(Path(EDITIONS) / final.name)
    os.replace(link, root / CURRENT)
    _prune(editions, final)
    return final


def write_tree(folder: Path, files: dict[str, bytes]) -> None:
    """Every file under ``folder`` (which must not exist yet), synced to disk."""
    folder.mkdir(parents=True)
    for relative, content in files.items():
        path = folder / relative
        if folder.resolve() not in path.resolve().parents:
            raise ValueError(f"{relative}: outside the edition")
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())


def current_edition(root: Path) -> Path | None:
    link = root / CURRENT
    return link.resolve() if link.exists() else None


def _prune(editions: Path, keep: Path) -> None:
    published = sorted(
        (p for p in editions.iterdir() if not p.name.startswith(".") and p != keep),
        key=lambda p: p.name.rsplit("-", 1)[-1],
    )
    for old in published[: max(len(published) - (KEEP - 1), 0)]:
        shutil.rmtree(old, ignore_errors=True)
