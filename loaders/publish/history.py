"""The snapshot history as the change page shows it: each snapshot's metadata and change log."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from loaders.model.records import SnapshotMeta
from loaders.paths import SnapshotFiles
from loaders.store.changes import Change, read_changes
from loaders.store.snapshot import history


@dataclass(frozen=True)
class Refresh:
    """One snapshot of the history: what made it, when, and what it changed (None: no log)."""

    snapshot_id: str
    method: str
    compiled_at: str  # ISO 8601
    previous: str | None
    changes: list[Change] | None


def refreshes(data: Path) -> list[Refresh]:
    """Every readable snapshot, newest first. A damaged one is left out (the check command and
    the app's banner report it)."""
    found = []
    for folder in history(data):
        files = SnapshotFiles(folder)
        try:
            meta = SnapshotMeta.model_validate_json(files.metadata.read_bytes())
        except (OSError, ValidationError):
            continue
        changes = None
        if files.CHANGES in meta.files and files.changes.is_file():
            try:
                changes = read_changes(files.changes.read_bytes())[1]
            except (ValueError, KeyError, TypeError):
                changes = None
        found.append(
            Refresh(
                meta.snapshot_id, meta.method, meta.compiled_at.isoformat(), meta.previous, changes
            )
        )
    return found
