"""The status snapshot on disk: written whole, verified by checksum, swapped in atomically.

A snapshot folder (``loaders.paths.SnapshotFiles``) holds ``status.csv`` (one row per state and
instrument), ``declarations.csv``, ``raw/`` (what a refresh read, kept apart from the normalised
rows), ``changes.json`` (what changed against the snapshot it replaced, as events) with
``changes.md`` generated from it, and ``metadata.json`` (source, status-as-at per instrument,
compile time, and the SHA-256 of every other file).

A new snapshot is built in a staging folder and only named CURRENT once it is complete and its
checksums verify, so a failed or killed refresh leaves the current snapshot byte-for-byte as it was.
Older snapshots stay beside it as the dated history.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from loaders.model.records import SnapshotMeta, StatusRecord
from loaders.paths import DataPaths, SnapshotFiles
from loaders.store.changes import changes_json, changes_markdown, describe_changes

STATUS_COLUMNS = [
    "iso3",
    "mtdsg_no",
    "participant",
    "signature_date",
    "consent_date",
    "consent_kind",
    "kind_inferred",
    "verified_through",
    "confidence",
    "source",
    "note",
]
# An older declarations.csv has only the first five columns; the others read as blank.
DECLARATION_COLUMNS = [
    "mtdsg_no", "iso3", "participant", "section", "text",
    "kinds", "articles", "dispute_settlement_reserved", "source", "published_as_at",
]  # fmt: skip
CHECKED_FILES = (SnapshotFiles.STATUS, SnapshotFiles.DECLARATIONS)  # listed by every snapshot


class SnapshotError(RuntimeError):
    """A snapshot is missing, damaged or cannot be written."""


@dataclass(frozen=True)
class Snapshot:
    path: Path
    meta: SnapshotMeta
    status: pd.DataFrame
    declarations: pd.DataFrame


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def csv_bytes(rows: list[dict], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def status_rows(records: list[StatusRecord]) -> list[dict]:
    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    ordered = sorted(records, key=lambda r: (r.mtdsg_no, r.iso3))
    return [{c: cell(getattr(r, c)) for c in STATUS_COLUMNS} for r in ordered]


def write_snapshot_files(
    folder: Path,
    snapshot_id: str,
    records: list[StatusRecord],
    declarations: list[dict],
    raw: dict[str, bytes],
    meta_fields: dict,
    previous: Snapshot | None = None,
) -> SnapshotMeta:
    """Write every file of a snapshot into ``folder``; metadata.json last, with checksums.

    The change log against ``previous`` is computed from the rows as they are written, so it is
    listed and checksummed in the metadata like every other file.
    """
    status = csv_bytes(status_rows(records), STATUS_COLUMNS)
    declared = csv_bytes(declarations, DECLARATION_COLUMNS)
    previous_id = previous.meta.snapshot_id if previous else None
    changes = describe_changes(
        previous.status if previous else None,
        _frame(status),
        previous.declarations if previous else None,
        _frame(declared),
    )
    files = {
        SnapshotFiles.STATUS: status,
        SnapshotFiles.DECLARATIONS: declared,
        SnapshotFiles.CHANGES: changes_json(snapshot_id, previous_id, changes),
        SnapshotFiles.CHANGES_TEXT: changes_markdown(snapshot_id, previous_id, changes),
        **{f"{SnapshotFiles.RAW}/{name}": content for name, content in raw.items()},
    }
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    meta = SnapshotMeta(
        snapshot_id=snapshot_id, files={n: sha256(c) for n, c in files.items()}, **meta_fields
    )
    SnapshotFiles(folder).metadata.write_text(
        meta.model_dump_json(indent=2) + "\n", encoding="utf-8"
    )
    return meta


def _frame(content: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False)


def read_snapshot_at(folder: Path) -> Snapshot:
    """Read one snapshot folder, checking every file against its recorded checksum."""
    files = SnapshotFiles(folder)
    try:
        meta = SnapshotMeta.model_validate_json(files.metadata.read_bytes())
    except (OSError, ValidationError, ValueError) as exc:
        raise SnapshotError(
            f"{folder}: unreadable metadata.json ({exc.__class__.__name__})"
        ) from exc
    if unlisted := [name for name in CHECKED_FILES if name not in meta.files]:
        # Else a damaged file that metadata.json does not list would reach pandas unchecked.
        raise SnapshotError(f"{folder}: metadata.json lists no checksum for {unlisted} (damaged)")
    for name, digest in meta.files.items():
        try:
            content = files.file(name).read_bytes()
        except OSError as exc:
            raise SnapshotError(f"{folder}: missing file {name}") from exc
        if sha256(content) != digest:
            raise SnapshotError(f"{folder}: {name} does not match its checksum (damaged)")
    status = pd.read_csv(files.status, dtype=str, keep_default_na=False)
    declarations = pd.read_csv(files.declarations, dtype=str, keep_default_na=False)
    declarations = declarations.reindex(columns=DECLARATION_COLUMNS, fill_value="")
    if list(status.columns) != STATUS_COLUMNS:
        raise SnapshotError(f"{folder}: status.csv columns are not {STATUS_COLUMNS}")
    return Snapshot(folder, meta, status, declarations)


def current_name(data: Path) -> str:
    pointer = DataPaths(data).current_pointer
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise SnapshotError(f"no current snapshot: {pointer} missing") from exc
    except UnicodeDecodeError as exc:
        raise SnapshotError(f"{pointer}: damaged (not text)") from exc
    if not name or name.startswith(".") or Path(name).name != name:
        # "" would read the snapshots folder itself; "../x" a folder outside it.
        raise SnapshotError(f"{pointer}: damaged, names no snapshot folder ({name[:40]!r})")
    return name


def history(data: Path) -> list[Path]:
    """Snapshot folders, newest first (their names start with the UTC compile time)."""
    root = DataPaths(data).snapshots
    if not root.is_dir():
        return []
    folders = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(folders, key=lambda p: p.name, reverse=True)


def read_current(data: Path) -> Snapshot:
    return read_snapshot_at(DataPaths(data).snapshot(current_name(data)).folder)


def read_best(data: Path) -> tuple[Snapshot, str | None]:
    """The current snapshot, or if it is damaged the newest good one, with a warning to show."""
    try:
        return read_current(data), None
    except SnapshotError as damaged:
        for folder in history(data):
            try:
                fallback = read_snapshot_at(folder)
            except SnapshotError:
                continue
            return fallback, f"{damaged}. Showing the last good snapshot, {folder.name}, instead."
        raise SnapshotError(f"{damaged}; no good snapshot in the history either") from damaged


@contextmanager
def refresh_lock(data: Path) -> Iterator[None]:
    """One writer at a time: a second refresh fails fast instead of racing the first."""
    paths = DataPaths(data)
    paths.snapshots.mkdir(parents=True, exist_ok=True)
    with paths.lock.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise SnapshotError("another refresh is writing the snapshot; try again later") from exc
        yield


def new_snapshot_id(method: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{method}"


def commit_snapshot(data: Path, snapshot_id: str, build: Callable[[Path], SnapshotMeta]) -> Path:
    """Build a snapshot in a staging folder, verify it, then make it CURRENT atomically.

    Must be called with :func:`refresh_lock` held. On any error the staging folder is removed
    and CURRENT is untouched.
    """
    paths = DataPaths(data)
    staging = paths.staging(snapshot_id)
    final = paths.snapshot(snapshot_id).folder
    staging.mkdir(parents=True)
    try:
        if build(staging).snapshot_id != snapshot_id:
            raise SnapshotError(f"{staging}: metadata names another snapshot")
        read_snapshot_at(staging)
        _fsync_tree(staging)
        os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pointer = paths.current_pointer.with_name(f".{paths.current_pointer.name}.tmp")
    pointer.write_text(snapshot_id + "\n", encoding="utf-8")
    _fsync_file(pointer)
    os.replace(pointer, paths.current_pointer)
    return final


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            _fsync_file(path)


@dataclass(frozen=True)
class SnapshotContent:
    """What a new snapshot holds, before it is written."""

    records: list[StatusRecord]
    declarations: list[dict]
    raw: dict[str, bytes]
    meta_fields: dict


def publish(data: Path, method: str, prepare: Callable[[Snapshot | None], SnapshotContent]) -> Path:
    """Make a new snapshot current, keeping the previous one and a diff against it.

    ``prepare`` receives the current snapshot (None if missing or damaged) and runs under the
    lock, so its checks against the current data cannot race another writer.
    """
    with refresh_lock(data):
        _remove_stale_staging(data)
        try:
            previous = read_current(data)
        except SnapshotError:
            previous = None
        content = prepare(previous)
        snapshot_id = new_snapshot_id(method)

        def build(folder: Path) -> SnapshotMeta:
            fields = {
                **content.meta_fields,
                "previous": previous.meta.snapshot_id if previous else None,
            }
            return write_snapshot_files(
                folder,
                snapshot_id,
                content.records,
                content.declarations,
                content.raw,
                fields,
                previous,
            )

        return commit_snapshot(data, snapshot_id, build)


def _remove_stale_staging(data: Path) -> None:
    """A refresh killed mid-way leaves a staging folder; with the lock held, none is in use."""
    for folder in DataPaths(data).staging_folders():
        shutil.rmtree(folder, ignore_errors=True)
