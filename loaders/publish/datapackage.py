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

from loaders.model.records import ConsentKind, Role
from loaders.paths import DataPaths
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
CONFIDENCE = {"enum": ["high", "medium", "low"]}
PARTIAL_DATE = {"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
ISO3 = {"pattern": "^[A-Z]{3}$"}
KINDS = list(ConsentKind.__args__)


def _field(name: str, type_: str = "string", description: str = "", **extra: object) -> dict:
    field: dict = {"name": name, "type": type_}
    if description:
        field["description"] = description
    return {**field, **extra}


def _partial(name: str, description: str) -> dict:
    return _field(
        name,
        description=f"{description} (ISO 8601 to the precision known: 2004, 2023-05, 2012-07-31)",
        constraints=PARTIAL_DATE,
    )


_TRUE_FALSE = {"trueValues": ["true"], "falseValues": ["false"]}
# Known columns of each table: name -> field. Columns of a table not listed here are strings.
FIELDS: dict[str, list[dict]] = {
    "instruments": [
        _field("id", description="the dashboard's id", constraints={"required": True}),
        _field("mtdsg_no", description="UNTC's MTDSG number, e.g. XVIII-12-a"),
        _field("chapter", "integer", "MTDSG chapter"),
        _field("short_title"),
        _field("title", description="official title"),
        _field("adopted", "date", "adoption by the General Assembly"),
        _field("adopted_by", description="the adopting resolution"),
        _field("opened_for_signature", "date"),
        _field("opened_for_signature_basis"),
        _field("entry_into_force", "date", "the instrument's own entry into force"),
        _field("eif_article", description="the article on entry into force"),
        _field("parent", description="id of the Convention a Protocol supplements"),
        _field("source"),
    ],
    "states": [
        _field("iso3", description="ISO 3166-1 alpha-3", constraints=ISO3),
        _field("name", description="English short name"),
        _field("untc_name", description="the participant's name in UNTC"),
        _field("untc_aliases", description="older UNTC spellings, separated by ;"),
        _field("marker_lat", "number", "map marker latitude"),
        _field("marker_lon", "number", "map marker longitude"),
        _field("marker_basis"),
        _field("count_note", description="what matters for counts (membership notes)"),
    ],
    "groups": [
        _field("group_id"),
        _field("group_name"),
        _field("iso3", constraints=ISO3),
        _field("state"),
        _field("role", constraints={"enum": list(Role.__args__)}),
        _partial("from_date", "start of the membership"),
        _partial("to_date", "end of the membership; empty while it lasts"),
        _field("note"),
        _field("source"),
        _field("confidence", constraints=CONFIDENCE),
    ],
    "oas_membership": [
        _field("iso3", constraints=ISO3),
        _field("state"),
        _partial("joined", "deposit of the ratification of the OAS Charter"),
        _field("status_note"),
        _field("source"),
        _field("confidence", constraints=CONFIDENCE),
    ],
    "palermo_oas_status": [
        _field("iso3", constraints=ISO3),
        _field("state"),
        _field("mtdsg_no"),
        _field("signature_date", "date"),
        _field("consent_date", "date", "deposit of the instrument of consent"),
        _field("consent_kind", constraints={"enum": KINDS}),
        _field("kind_inferred", "boolean", trueValues=["yes"], falseValues=["no"]),
        _partial("source_date", "the date through which the row is verified"),
        _field("confidence", constraints=CONFIDENCE),
        _field("source"),
    ],
    "status": [
        _field("iso3", constraints=ISO3),
        _field("mtdsg_no"),
        _field("participant", description="the participant's name in UNTC"),
        _field("signature_date", "date"),
        _field("consent_date", "date", "deposit of ratification, accession, acceptance, ..."),
        _field("consent_kind", constraints={"enum": KINDS}),
        _field("kind_inferred", "boolean", "kind not given by the source", **_TRUE_FALSE),
        _partial("verified_through", "the date through which the row is verified"),
        _field("confidence", constraints=CONFIDENCE),
        _field("source"),
        _field("note"),
    ],
    "declarations": [
        _field("mtdsg_no"),
        _field("iso3", constraints=ISO3),
        _field("participant"),
        _field("section", description="UNTC's heading: declarations, reservations, objections"),
        _field("text", description="the depositary's text, in English, verbatim"),
    ],
    "world_counts": [
        _field("mtdsg_no"),
        _field("signatories", "integer", "signatories worldwide, as UNTC's status page counts"),
        _field("parties", "integer", "parties worldwide, as UNTC's status page counts"),
        _field("status_as_at", "date"),
        _field("source"),
    ],
    "domestic_steps": [
        _field("iso3", constraints=ISO3),
        _field("mtdsg_no"),
        _partial("date", "the step's date"),
        _field("step", description="a code: approved_by_legislature, declined, ..."),
        _field("detail"),
        _field("source"),
        _field("confidence", constraints=CONFIDENCE),
    ],
    "untc-2014": [
        _field("Participant", description="as UNTC's participant grid names it"),
        _field("Signature", description="UNTC's date text, e.g. 12 Dec 2000"),
    ],
    "outcomes-glotip": [
        _field("iso3", constraints=ISO3),
        _field("indicator", description="UNODC's indicator name"),
        _field("year", "integer"),
        _field("value", description="as published: a count, or <5 where UNODC censors it"),
        _field("value_numeric", "integer", "the count; empty when censored (never zero)"),
        _field("censored", "boolean", trueValues=["yes"], falseValues=["no"]),
        _field("release", description="UNODC's workbook and its release date"),
    ],
    "outcomes-population": [
        _field("Country Code", description="ISO 3166-1 alpha-3", constraints=ISO3),
        _field("Year", "integer"),
        _field("Value", "number", "total population, World Bank SP.POP.TOTL"),
    ],
    "outcomes-upr": [
        _field("upr_year", "integer", "year of the review"),
        _field("state_under_review_iso3", constraints=ISO3),
        _field("position_as_coded_in_source", description="the state's position, as coded"),
        _field("kind", description="ratify/accede or implement/legislate"),
        _field("text", description="the recommendation, verbatim"),
    ],
    "outcomes-resolutions": [
        _field("adopted", "date", "adoption by the OAS General Assembly"),
        _field(
            "paragraph", description="the operative paragraph calling on states; empty: not read"
        ),
        _field("confidence", constraints=CONFIDENCE),
    ],
    "outcomes-where": [
        _field("iso3", constraints=ISO3),
        _field("url", "string", format="uri"),
        _field("checked", "date", "when the address was checked (in a stored copy)"),
    ],
}
UNODC = {
    "title": "UNODC, Global Report on Trafficking in Persons data (data_glotip.xlsx)",
    "path": "https://dataunodc.un.org/dp-trafficking-persons",
}
WORLD_BANK = {
    "title": "World Bank SP.POP.TOTL, as kept in the data package datasets/population",
    "path": "https://github.com/datasets/population",
}
UHRI = {"title": "OHCHR Universal Human Rights Index", "path": "https://uhri.ohchr.org/"}
# The outcomes tables (data/reference/outcomes/): kind, title and sources by the file's prefix.
OUTCOMES = {
    "glotip_": ("outcomes-glotip", "UNODC trafficking data (GLOTIP), national totals", [UNODC]),
    "population_": ("outcomes-population", "Population for rates per 100,000", [WORLD_BANK]),
    "upr_": ("outcomes-upr", "UPR recommendations naming the Palermo instruments", [UHRI]),
    "oas_resolutions": ("outcomes-resolutions", "OAS General Assembly calls to ratify", []),
    "where_to_look": ("outcomes-where", "Where to look next, with the date checked", []),
    "provenance": ("outcomes-provenance", "Files brought in by import-outcomes", []),
}
PRIMARY_KEYS = {
    "instruments": ["id"],
    "states": ["iso3"],
    "groups": ["group_id", "iso3", "role", "from_date"],
    "oas_membership": ["iso3"],
    "palermo_oas_status": ["iso3", "mtdsg_no"],
    "status": ["iso3", "mtdsg_no"],
    "untc-2014": ["Participant"],
    "world_counts": ["mtdsg_no"],
}
FOREIGN_KEYS = {
    "status": [
        {"fields": ["iso3"], "reference": {"resource": "states", "fields": ["iso3"]}},
        {"fields": ["mtdsg_no"], "reference": {"resource": "instruments", "fields": ["mtdsg_no"]}},
    ],
    "oas_membership": [
        {"fields": ["iso3"], "reference": {"resource": "states", "fields": ["iso3"]}},
    ],
}
TITLES = {
    "instruments": "The registry of UNTC instruments",
    "states": "The 35 OAS member states",
    "groups": "Group memberships in time (subregions, UN M49 regions)",
    "oas_membership": "OAS membership dates and notes",
    "palermo_oas_status": "Researched status of each state on each instrument, with sources",
    "status": "The current snapshot: one row per state and instrument",
    "declarations": "The current snapshot: declarations and reservations, verbatim",
    "world_counts": "Parties and signatories worldwide per instrument, from UNTC's status pages",
    "domestic_steps": "Steps at home (bills, approvals, decisions): not depositary facts",
}


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle), [])


def _schema(kind: str, path: Path) -> dict:
    known = {f["name"]: f for f in FIELDS.get(kind, [])}
    schema: dict = {
        "fields": [known.get(name, _field(name)) for name in _header(path)],
        "missingValues": [""],
    }
    if kind in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[kind]
    if kind in FOREIGN_KEYS:
        schema["foreignKeys"] = FOREIGN_KEYS[kind]
    return schema


def _resource(name: str, kind: str, path: Path, root: Path, title: str, **extra: object) -> dict:
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
    return [*fixed, current.status, current.declarations]


def datapackage(data: Path) -> dict:
    """The package describing ``data`` as it is now (its current snapshot)."""
    paths = DataPaths(data)
    snapshot_id = current_name(data)
    current = paths.snapshot(snapshot_id)
    metadata = json.loads(current.metadata.read_text(encoding="utf-8"))
    resources = [
        _resource("instruments", "instruments", paths.instruments, data, TITLES["instruments"]),
        _resource("states", "states", paths.states, data, TITLES["states"]),
    ]
    for path in sorted(paths.reference.glob("*.csv")):
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
    for path in sorted(paths.reference.glob("outcomes/*.csv")):
        prefix = next((p for p in OUTCOMES if path.stem.startswith(p)), "")
        kind, title, sources = OUTCOMES.get(prefix, ("outcomes", path.stem, []))
        extra = {"sources": sources} if sources else {}
        name = f"outcomes-{path.stem.replace('_', '-').lower()}"
        resources.append(_resource(name, kind, path, data, title, **extra))
    snapshot_note = (
        f"Snapshot {snapshot_id} ({metadata['method']}), compiled {metadata['compiled_at']}: "
        + metadata["description"]
    )
    for name, path in (("status", current.status), ("declarations", current.declarations)):
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
