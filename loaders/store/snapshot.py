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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import ValidationError

from loaders.model.records import ParticipationRecord, SnapshotMeta, StatusRecord
from loaders.model.tables import PARTICIPATION, STATUS
from loaders.model.text import neutralise, restored
from loaders.paths import DataPaths, SnapshotFiles
from loaders.store.changes import (
    changes_json,
    changes_markdown,
    describe_changes,
    world_changes,
)

STATUS_COLUMNS = STATUS.names  # declared once, by StatusRecord (loaders.model.tables)
PARTICIPATION_COLUMNS = PARTICIPATION.names
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
    # The treaty family and the world (participation.csv); empty for an older snapshot.
    participation: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=PARTICIPATION_COLUMNS)
    )


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def csv_bytes(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    # Every field quoted: the published files open in spreadsheets that split on ";" or tab too.
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(
        {k: neutralise(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows
    )
    return buffer.getvalue().encode("utf-8")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def status_rows(records: list[StatusRecord]) -> list[dict[str, Any]]:
    ordered = sorted(records, key=lambda r: (r.mtdsg_no, r.iso3))
    return [{c: _cell(getattr(r, c)) for c in STATUS_COLUMNS} for r in ordered]


def participation_rows(records: list[ParticipationRecord]) -> list[dict[str, Any]]:
    ordered = sorted(records, key=lambda r: (r.mtdsg_no, r.iso3 == "", r.iso3, r.participant))
    return [{c: _cell(getattr(r, c)) for c in PARTICIPATION_COLUMNS} for r in ordered]


def _participation_bytes(
    records: list[ParticipationRecord] | None, previous: Snapshot | None
) -> bytes | None:
    """participation.csv: the given rows, else the previous snapshot's kept as they were (a
    refresh of one depositary leaves the other facts alone), else none (an older snapshot)."""
    if records is not None:
        return csv_bytes(participation_rows(records), PARTICIPATION_COLUMNS)
    if previous is not None and not previous.participation.empty:
        return SnapshotFiles(previous.path).participation.read_bytes()  # byte for byte
    return None


def _with_family(status: pd.DataFrame, participation: pd.DataFrame | None) -> pd.DataFrame:
    """status.csv's rows and, for the change log, the 35's rows of the other instruments (the
    treaty family) from participation.csv: a refresh of the ILO or the OAS shows what changed."""
    if participation is None or participation.empty:
        return status
    family = participation[
        (participation["iso3"] != "") & ~participation["mtdsg_no"].isin(set(status["mtdsg_no"]))
    ]
    if family.empty:
        return status
    shaped = family.reindex(columns=STATUS_COLUMNS, fill_value="")
    return pd.concat([status, shaped], ignore_index=True)


def write_snapshot_files(
    folder: Path,
    snapshot_id: str,
    records: list[StatusRecord],
    declarations: list[dict[str, Any]],
    raw: dict[str, bytes],
    meta_fields: dict[str, Any],
    previous: Snapshot | None = None,
    participation: list[ParticipationRecord] | None = None,
) -> SnapshotMeta:
    """Write every file of a snapshot into ``folder``; metadata.json last, with checksums.

    The change log against ``previous`` is computed from the rows as they are written, so it is
    listed and checksummed in the metadata like every other file.
    """
    status = csv_bytes(status_rows(records), STATUS_COLUMNS)
    declared = csv_bytes(declarations, DECLARATION_COLUMNS)
    previous_id = previous.meta.snapshot_id if previous else None
    kept = _participation_bytes(participation, previous)
    changes = describe_changes(
        _with_family(previous.status, previous.participation) if previous else None,
        _with_family(_frame(status), _frame(kept) if kept is not None else None),
        previous.declarations if previous else None,
        _frame(declared),
    )
    if previous is not None and kept is not None:
        ours = set(previous.status["iso3"])
        numbers = set(previous.status["mtdsg_no"])
        world = world_changes(previous.participation, _frame(kept), numbers, ours)
        changes = [c for c in changes if c.kind != "no_change" or not world] + world
    files = {
        SnapshotFiles.STATUS: status,
        SnapshotFiles.DECLARATIONS: declared,
        SnapshotFiles.CHANGES: changes_json(snapshot_id, previous_id, changes),
        SnapshotFiles.CHANGES_TEXT: changes_markdown(snapshot_id, previous_id, changes),
        **{f"{SnapshotFiles.RAW}/{name}": content for name, content in raw.items()},
    }
    if kept is not None:
        files[SnapshotFiles.PARTICIPATION] = kept
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
    return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False).map(restored)


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
    # Written neutralised for spreadsheets (csv_bytes): read back as upstream wrote it.
    status, declarations = status.map(restored), declarations.map(restored)
    if list(status.columns) != STATUS_COLUMNS:
        raise SnapshotError(f"{folder}: status.csv columns are not {STATUS_COLUMNS}")
    if SnapshotFiles.PARTICIPATION not in meta.files:
        return Snapshot(folder, meta, status, declarations)
    participation = pd.read_csv(files.participation, dtype=str, keep_default_na=False)
    participation = participation.map(restored)
    if list(participation.columns) != PARTICIPATION_COLUMNS:
        raise SnapshotError(f"{folder}: participation.csv columns are not {PARTICIPATION_COLUMNS}")
    return Snapshot(folder, meta, status, declarations, participation)


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


def history(data: Path, current: str | None = None) -> list[Path]:
    """The snapshots that have been current, newest first: CURRENT, then the snapshot its
    ``previous`` names, and so on (not the folders' clock stamps: a clock once ahead would put
    an older snapshot first).

    Where the chain breaks (CURRENT or a metadata.json unreadable), the folders not yet placed
    follow, newest stamp first, except those that branch off the chain: a snapshot whose
    ``previous`` is in the chain but which is not itself in it was never current (a refresh
    killed between its two renames), and is never a fallback. ``current``: CURRENT's name as
    the caller read it (else it is read here).
    """
    root = DataPaths(data).snapshots
    if not root.is_dir():
        return []
    folders = {p.name: p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")}
    previous = {name: _previous_of(folder) for name, folder in folders.items()}
    chain: list[str] = []
    name = current or current_id(data)
    while name in folders and name not in chain:
        chain.append(name)
        name = previous[name] or None
    rest = sorted(set(folders) - set(chain), reverse=True)
    placed = set(chain)
    rest = [n for n in rest if not (previous[n] and previous[n] in placed)]
    return [folders[n] for n in chain + rest]


_UNREADABLE = ""  # a metadata.json that cannot be read: its previous is unknown


def _previous_of(folder: Path) -> str | None:
    """The ``previous`` a snapshot's metadata names (None for the first; "" if unreadable)."""
    try:
        meta = SnapshotMeta.model_validate_json(SnapshotFiles(folder).metadata.read_bytes())
    except (OSError, ValidationError, ValueError):
        return _UNREADABLE
    return meta.previous


def snapshot_ids(data: Path, current: str | None = None) -> list[str]:
    """The ids a reader may ask for by id, newest first (the history)."""
    return [folder.name for folder in history(data, current)]


class UnknownSnapshotError(SnapshotError):
    """No snapshot of that id in the history; the message names the ids there are."""


def read_snapshot(data: Path, snapshot_id: str, current: str | None = None) -> Snapshot:
    """The snapshot ``snapshot_id`` of the history, checked like the current one: an
    UnknownSnapshotError names the ids there are, a SnapshotError says it is damaged.
    ``current``: CURRENT's name as the caller read it (else it is read here)."""
    known = snapshot_ids(data, current)
    if snapshot_id not in known:
        shown = ", ".join(known) if known else "none"
        raise UnknownSnapshotError(f"unknown snapshot {snapshot_id[:80]!r} (available: {shown})")
    return read_snapshot_at(DataPaths(data).snapshot(snapshot_id).folder)


def current_id(data: Path) -> str | None:
    """The name CURRENT gives, or None where it is missing or damaged (read_best says why)."""
    try:
        return current_name(data)
    except SnapshotError:
        return None


def read_current(data: Path) -> Snapshot:
    return read_snapshot_at(DataPaths(data).snapshot(current_name(data)).folder)


READ_NOW = "\0read CURRENT now"  # read_best's default: no caller read CURRENT for it


def read_best(data: Path, current: str | None = READ_NOW) -> tuple[Snapshot, str | None]:
    """The current snapshot, or if it is damaged the newest good one, with a warning to show.

    ``current``: the name CURRENT gave when the caller read it (once per script run), None if
    it was missing or damaged then; by default CURRENT is read here.
    """
    try:
        if current == READ_NOW:
            return read_current(data), None
        if current is None:
            raise SnapshotError(f"{DataPaths(data).current_pointer}: missing or damaged")
        return read_snapshot_at(DataPaths(data).snapshot(current).folder), None
    except SnapshotError as damaged:
        for folder in history(data, current if current != READ_NOW else None):
            if folder.name == current:
                continue
            try:
                fallback = read_snapshot_at(folder)
            except SnapshotError:
                continue
            return fallback, (
                f"{damaged}. Showing the last good snapshot, {folder.name}, instead. "
                f"{RESTORE_COMMAND} makes it current again."
            )
        raise SnapshotError(
            f"{damaged}; no good snapshot in the history either; {RESTORE_COMMAND} rebuilds one "
            "from the reference facts"
        ) from damaged


def restore(data: Path, rebuild: Callable[[], Path]) -> tuple[str, str]:
    """Make CURRENT a good snapshot again: (its name, how). Nothing is done if it already is.

    The newest good snapshot in the history becomes current; if none is good, ``rebuild``
    (compile-reference) makes a new one. The damaged snapshot is left where it is, for
    inspection: a damaged folder is never chosen as a fallback.
    """
    with refresh_lock(data):
        _remove_stale_staging(data)
        try:
            return read_current(data).meta.snapshot_id, "unchanged"
        except SnapshotError:
            pass
        for folder in history(data):
            try:
                good = read_snapshot_at(folder)
            except SnapshotError:
                continue
            point_current(data, good.meta.snapshot_id)
            return good.meta.snapshot_id, "history"
    return rebuild().name, "rebuilt"


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


RESTORE_COMMAND = "python -m loaders restore"


class PublishError(SnapshotError):
    """A new snapshot could not be made current; ``unchanged`` says whether data/ is as it was."""

    def __init__(self, message: str, unchanged: bool) -> None:
        super().__init__(message)
        self.unchanged = unchanged


def commit_snapshot(data: Path, snapshot_id: str, build: Callable[[Path], SnapshotMeta]) -> Path:
    """Build a snapshot in a staging folder, verify it, then make it CURRENT atomically.

    Must be called with :func:`refresh_lock` held. The new pointer is written (and synced) to a
    temporary file before the staging folder is renamed, so a full disk stops the commit while
    nothing is visible yet. On any error every new file is removed and CURRENT is untouched: a
    complete snapshot that never became current must not stay, or the damaged-snapshot
    fallback (the newest good folder) could later choose it.
    """
    paths = DataPaths(data)
    staging = paths.staging(snapshot_id)
    final = paths.snapshot(snapshot_id).folder
    pointer = _pointer_tmp(paths)
    staging.mkdir(parents=True)
    renamed = False
    try:
        if build(staging).snapshot_id != snapshot_id:
            raise SnapshotError(f"{staging}: metadata names another snapshot")
        read_snapshot_at(staging)
        _fsync_tree(staging)
        _write_synced(pointer, snapshot_id + "\n")
        os.rename(staging, final)
        renamed = True
        os.replace(pointer, paths.current_pointer)
    except BaseException as exc:
        left = _remove(pointer, final if renamed else staging)
        if left:
            raise PublishError(
                f"{exc}; and the new snapshot could not be removed ({left}): CURRENT still names "
                f"the snapshot it named, but remove {final.name} by hand so that it is never "
                "taken for a fallback",
                unchanged=False,
            ) from exc
        raise
    _fsync_dir(paths.snapshots)
    return final


def point_current(data: Path, snapshot_id: str) -> None:
    """Make CURRENT name ``snapshot_id`` atomically (with the lock held)."""
    paths = DataPaths(data)
    pointer = _pointer_tmp(paths)
    try:
        _write_synced(pointer, snapshot_id + "\n")
        os.replace(pointer, paths.current_pointer)
    except BaseException:
        _remove(pointer)
        raise
    _fsync_dir(paths.snapshots)


def _pointer_tmp(paths: DataPaths) -> Path:
    return paths.current_pointer.with_name(f".{paths.current_pointer.name}.tmp")


def _write_synced(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _remove(*paths: Path) -> str:
    """Remove files and folders; '' if all are gone, else what is left and why."""
    left = []
    for path in paths:
        try:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        except OSError as exc:
            left.append(f"{path.name}: {exc}")
    return "; ".join(left)


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable; some file systems refuse, which costs nothing."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


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
    declarations: list[dict[str, Any]]
    raw: dict[str, bytes]
    meta_fields: dict[str, Any]
    # The family and world rows; None keeps the previous snapshot's (a UNTC refresh).
    participation: list[ParticipationRecord] | None = None


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
                content.participation,
            )

        return commit_snapshot(data, snapshot_id, build)


def _remove_stale_staging(data: Path) -> None:
    """A refresh killed mid-way leaves a staging folder; with the lock held, none is in use."""
    paths = DataPaths(data)
    for folder in paths.staging_folders():
        shutil.rmtree(folder, ignore_errors=True)
    _pointer_tmp(paths).unlink(missing_ok=True)
