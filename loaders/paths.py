"""Every path under ``data/``, declared once: the loaders ask here instead of joining paths.

``RATIFY_DATA_DIR`` points the app and the command line at another copy of the data (the tests
point it at a frozen copy in ``tests/fixtures/data``).

Layout::

    data/instruments.csv             the registry of UNTC instruments
    data/states.csv                  the 35 OAS member states
    data/participants.csv            every UN member and observer, other participants
    data/reference/                  researched facts with their sources, kept verbatim
    data/reference/domestic_steps.csv    steps taken at home (not depositary facts)
    data/reference/world_counts.csv      worldwide signatories and parties per instrument
    data/reference/untc-2014/declarations/<18-12*.txt>  UNTC's declarations texts, 2013-2014
    data/reference/family/family_oas_status.csv  the 35 on the instruments beside the four
    data/reference/world/palermo_world_status.csv every participant of the four Palermo ones
    data/reference/world/groups_world.csv         UN regional groups, EU, AU, ASEAN, CoE, ...
    data/snapshots/CURRENT           name of the snapshot the app reads (replaced atomically)
    data/snapshots/<id>/             one snapshot (see SnapshotFiles)
    data/snapshots/.lock             held by the one refresh that may write
    data/snapshots/.staging-<id>/    a snapshot being written; never read
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR_VARIABLE = "RATIFY_DATA_DIR"


def data_dir() -> Path:
    """The data folder; RATIFY_DATA_DIR points the app and the command line at another copy."""
    return Path(os.environ.get(DATA_DIR_VARIABLE, PROJECT_ROOT / "data"))


@dataclass(frozen=True)
class SnapshotFiles:
    """The files of one snapshot folder."""

    folder: Path

    METADATA = "metadata.json"
    STATUS = "status.csv"
    DECLARATIONS = "declarations.csv"
    PARTICIPATION = "participation.csv"  # the treaty family and the world (newer snapshots)
    CHANGES = "changes.json"
    CHANGES_TEXT = "changes.md"
    RAW = "raw"

    @property
    def metadata(self) -> Path:
        return self.folder / self.METADATA

    @property
    def status(self) -> Path:
        return self.folder / self.STATUS

    @property
    def declarations(self) -> Path:
        return self.folder / self.DECLARATIONS

    @property
    def participation(self) -> Path:
        return self.folder / self.PARTICIPATION

    @property
    def changes(self) -> Path:
        """The change log as structured events (listed and checksummed in the metadata)."""
        return self.folder / self.CHANGES

    @property
    def changes_text(self) -> Path:
        """The same change log as Markdown, generated for people reading the folder."""
        return self.folder / self.CHANGES_TEXT

    def file(self, name: str) -> Path:
        """A file the metadata lists by its name relative to the folder (``raw/TIP.xml``)."""
        return self.folder / name


@dataclass(frozen=True)
class DataPaths:
    """The paths of one data folder."""

    root: Path

    @classmethod
    def current(cls) -> DataPaths:
        return cls(data_dir())

    @property
    def instruments(self) -> Path:
        return self.root / "instruments.csv"

    @property
    def states(self) -> Path:
        return self.root / "states.csv"

    @property
    def participants(self) -> Path:
        return self.root / "participants.csv"

    @property
    def family_status(self) -> Path:
        return self.reference / "family" / "family_oas_status.csv"

    @property
    def world_status(self) -> Path:
        return self.reference / "world" / "palermo_world_status.csv"

    @property
    def world_groups(self) -> Path:
        return self.reference / "world" / "groups_world.csv"

    @property
    def reference(self) -> Path:
        return self.root / "reference"

    def reference_file(self, name: str) -> Path:
        return self.reference / name

    @property
    def domestic_steps(self) -> Path:
        return self.reference / "domestic_steps.csv"

    @property
    def world_counts(self) -> Path:
        return self.reference / "world_counts.csv"

    @property
    def declarations_capture(self) -> Path:
        """UNTC's declarations texts as captured in 2013-2014, one file per instrument."""
        return self.reference / "untc-2014" / "declarations"

    def declarations_capture_file(self, name: str) -> Path:
        return self.declarations_capture / name

    @property
    def snapshots(self) -> Path:
        return self.root / "snapshots"

    @property
    def current_pointer(self) -> Path:
        return self.snapshots / "CURRENT"

    @property
    def lock(self) -> Path:
        return self.snapshots / ".lock"

    def snapshot(self, name: str) -> SnapshotFiles:
        return SnapshotFiles(self.snapshots / name)

    def staging(self, snapshot_id: str) -> Path:
        return self.snapshots / f".staging-{snapshot_id}"

    def staging_folders(self) -> list[Path]:
        return sorted(self.snapshots.glob(".staging-*"))


FEED_DIR_VARIABLE = "RATIFY_FEED_DIR"


def feed_dir(data: Path | None = None) -> Path:
    """Where the Atom feeds of acts are published (``changes.atom``, ``changes-es.atom``, ...).

    For the project's own data, ``static/feed/``: the app serves static/ at ``/app/static/``, so
    the feed has a stable address, ``/app/static/feed/changes.atom``. For another copy of the data
    (RATIFY_DATA_DIR: tests, a staging copy), a ``feed/`` folder beside it, so that copy never
    writes into the project. ``RATIFY_FEED_DIR`` sets it outright.
    """
    if os.environ.get(FEED_DIR_VARIABLE):
        return Path(os.environ[FEED_DIR_VARIABLE])
    data = (data or data_dir()).resolve()
    if data == (PROJECT_ROOT / "data").resolve():
        return PROJECT_ROOT / "static" / "feed"
    return data.parent / "feed"


EDITION_DIR_VARIABLE = "RATIFY_EDITION_DIR"
EDITION_SWITCH_VARIABLE = "RATIFY_EDITION"  # "off": a publish leaves the edition as it is


def edition_enabled() -> bool:
    """Whether a publish writes the reader's edition (RATIFY_EDITION=off: a copy of the data that
    serves none, e.g. the refresh tests, whose subject is the snapshot)."""
    return os.environ.get(EDITION_SWITCH_VARIABLE, "").lower() != "off"


def edition_dir(data: Path | None = None) -> Path:
    """Where the reader's edition is published: ``edition/`` beside ``snapshots/`` in the data
    folder, whose ``current`` link names the edition of the current snapshot (swapped whole, as
    CURRENT is). A static server serves ``<edition_dir>/current/`` (make serve: at ``/read/``).
    ``RATIFY_EDITION_DIR`` sets the folder outright."""
    if os.environ.get(EDITION_DIR_VARIABLE):
        return Path(os.environ[EDITION_DIR_VARIABLE])
    return (data or data_dir()) / "edition"
