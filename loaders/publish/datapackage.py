"""The open data package: ``data/datapackage.json`` (Frictionless Data Package, v1 profile).

It describes every CSV of the data folder: the registry (instruments.csv), the states, the
researched reference facts (data/reference/, the 2014 UNTC participant lists among them) and the
current snapshot's status.csv and declarations.csv, each with its fields, types, primary key and
links, the source (UNTC) and the licences. The snapshot's folder name changes at every refresh,
so the package is generated, not hand-written: ``python -m loaders compile-reference`` and
``refresh`` rewrite it after they publish (and ``python -m loaders datapackage`` on demand).
Older snapshots have the same two files with the same schema; the package names the current one.
A column the package does not know yet is described as a string, so a new column keeps it valid.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from loaders.model.schema import Table
from loaders.model.tables import (
    INSTRUMENTS,
    PARTICIPANTS,
    PARTICIPATION,
    REFERENCE,
    STATES,
    STATUS,
)
from loaders.outcomes.tables import OUTCOME_TABLES, outcome_table
from loaders.paths import DataPaths, SnapshotFiles
from loaders.publish.files import write_atomically
from loaders.store.snapshot import current_name

PACKAGE_FILE = "datapackage.json"
UNTC = {
    "title": "United Nations Treaty Collection (UNTC), Status of Treaties, Chapter XVIII",
    "path": "https://treaties.un.org/Pages/Treaties.aspx?id=18&subid=A&lang=en",
}
LICENCES = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 (our compilation: cite Ratify Americas, UNTC)",
    }
]
UN_TERMS = "https://www.un.org/en/about-us/terms-of-use"
# Each table's schema is declared once, in loaders.model.tables.
TABLES: dict[str, Table] = {
    "instruments": INSTRUMENTS,
    "states": STATES,
    "participants": PARTICIPANTS,
    "status": STATUS,
    "participation": PARTICIPATION,
    **REFERENCE,
    **OUTCOME_TABLES,
}
TITLES = {name: table.title for name, table in TABLES.items()}


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle), [])


def _schema(kind: str, path: Path) -> dict[str, Any]:
    """The file's own columns, described by its table's declaration (unknown ones as strings)."""
    return TABLES.get(kind, Table(kind, kind, ())).frictionless(_header(path))


def _resource(
    name: str, kind: str, path: Path, root: Path, title: str, **extra: object
) -> dict[str, Any]:
    return {
        "name": name,
        "path": path.relative_to(root).as_posix(),
        "profile": "tabular-data-resource",
        "title": title,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": _schema(kind, path),
        **extra,
    }


def described_csvs(data: Path) -> list[Path]:
    """The CSV files the package describes: every CSV of the data folder outside the snapshots,
    and the current snapshot's."""
    paths = DataPaths(data)
    fixed = [p for p in sorted(data.rglob("*.csv")) if paths.snapshots not in p.parents]
    current = paths.snapshot(current_name(data))
    return [*fixed, *_snapshot_files(current)]


def _snapshot_files(current: SnapshotFiles) -> list[Path]:
    """The current snapshot's tables (an older snapshot has no participation.csv)."""
    tables = [current.status, current.declarations, current.participation]
    return [p for p in tables if p.exists()]


def datapackage(data: Path) -> dict[str, Any]:
    """The package describing ``data`` as it is now (its current snapshot)."""
    paths = DataPaths(data)
    snapshot_id = current_name(data)
    current = paths.snapshot(snapshot_id)
    metadata = json.loads(current.metadata.read_text(encoding="utf-8"))
    resources = [
        _resource("instruments", "instruments", paths.instruments, data, TITLES["instruments"]),
        _resource("states", "states", paths.states, data, TITLES["states"]),
    ]
    if paths.participants.exists():
        resources.append(
            _resource(
                "participants", "participants", paths.participants, data, TITLES["participants"]
            )
        )
    for path in sorted([*paths.reference.glob("*.csv"), *paths.reference.glob("*/*.csv")]):
        if path.parent.name == "untc-2014":
            continue
        if path.parent.name == "outcomes" and (table := outcome_table(path.stem)):
            # What followed ratification: a table per file, its sources declared with it.
            name = f"outcomes-{path.stem.replace('_', '-').lower()}"
            resources.append(_resource(name, table.name, path, data, table.title, **table.extra))
            continue
        title = TITLES.get(path.stem, path.stem)
        resources.append(_resource(path.stem.replace("_", "-"), path.stem, path, data, title))
    for path in sorted(paths.reference.glob("untc-2014/*.csv")):
        resources.append(
            _resource(
                f"untc-2014-{path.stem}",
                "untc-2014",
                path,
                data,
                f"UNTC participant list of MTDSG {path.stem.upper()} as captured in 2014",
                sources=[UNTC],
            )
        )
    snapshot_note = (
        f"Snapshot {snapshot_id} ({metadata['method']}), compiled {metadata['compiled_at']}: "
        + metadata["description"]
    )
    for path in _snapshot_files(current):
        name = path.stem
        resources.append(
            _resource(
                name,
                name,
                path,
                data,
                TITLES[name],
                description=snapshot_note,
                hash=f"sha256:{metadata['files'][path.name]}",
                sources=[UNTC],
            )
        )
    # Resource names must be unique and lower-case: a reference file named like another is kept
    # apart by its folder.
    return {
        "profile": "tabular-data-package",
        "name": "ratify-americas",
        "title": "Ratify Americas: the OAS member states and the Palermo Convention and Protocols",
        "description": (
            "Where the 35 OAS member states stand on the UN Convention against Transnational "
            "Organized Crime (MTDSG XVIII-12) and its Protocols (XVIII-12-a, -b, -c), compiled "
            "from the United Nations Treaty Collection (UNTC), the depositary's record. Every row "
            "names its source and the date through which it is verified. UNTC's content is the "
            f"United Nations' and is subject to the UN's terms of use ({UN_TERMS}); our "
            "compilation is under CC BY 4.0. Current snapshot: " + snapshot_id + "."
        ),
        "homepage": "https://treaties.un.org/",
        "version": snapshot_id,
        "created": metadata["compiled_at"],
        "licenses": LICENCES,
        "sources": [UNTC],
        "contributors": [{"title": "The Ratify Americas contributors", "role": "author"}],
        "keywords": ["Palermo Convention", "UNTOC", "OAS", "treaty status", "trafficking"],
        "resources": resources,
    }


def package_bytes(data: Path) -> bytes:
    return (json.dumps(datapackage(data), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_datapackage(data: Path) -> Path:
    """Write ``data/datapackage.json`` for the current snapshot, atomically."""
    return write_atomically(data / PACKAGE_FILE, package_bytes(data))
