"""Every view's data as files: a CSV, its metadata JSON and a zip of both with a README, in an
"as shown" variant (the rows and columns the view shows) and a "full" one (every column of the
export for the same rows). The dashboard's Download tab and the reader's edition serve the same
bytes: both call :func:`view_files`.

The files keep machine column names and codes (English) in every language, as the export does.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from loaders.derive.views import status_view
from loaders.export import EXPORT_COLUMNS, csv_bytes, export_metadata, export_table
from loaders.store.dataset import Dataset
from views.models.family import family_model
from views.models.selection import Selection
from views.models.subregions import subregions_model
from views.models.world import regions_model, regions_over_time, world_model
from views.models.world_words import over_time_parts, regions_groups
from views.text.reuse import CC_BY, COMPILATION_LICENCE, UN_TERMS

VARIANTS = ("shown", "full")
KINDS = ("status", "state", "group", "groups", "family", "world", "regions", "regions_time")
# groups: the selection's (all when none); world: subject the instrument; regions: subject the
# groups compared ("" for the default comparison); regions_time: the instrument, then the groups
# compared (views.models.world_words.over_time_subject)
# The columns a status view shows (its table and its chart's marks), in the file's words.
SHOWN_STATUS = [
    "iso3",
    "state",
    "instrument",
    "status",
    "status_verified",
    "verified_through",
    "signature_date",
    "consent_date",
    "confidence",
]
SHOWN_GROUP = ["group_id", "instrument", "members", "parties", "share", "missing"]
SHOWN_FAMILY = ["iso3", "state", "instrument", "family", "category", "date"]
SHOWN_WORLD = ["iso3", "name", "oas", "category", "checked"]
SHOWN_REGIONS = ["group_id", "instrument", "members", "parties", "share", "lower_bound"]
SHOWN_REGIONS_TIME = ["group_id", "as_of", *SHOWN_REGIONS[1:]]
DESCRIPTIONS = {
    "iso3": "ISO 3166-1 alpha-3 code of the state",
    "state": "the state's name (English)",
    "instrument": "UNTOC, TIP, SOM or FIREARMS (the Convention and its three Protocols)",
    "mtdsg_no": "the instrument's number in UNTC's Multilateral Treaties Deposited (MTDSG)",
    "as_of": "the date the status is for (ISO 8601)",
    "status": "party, signatory or no_action on as_of, from the depositary's record",
    "status_verified": "false: not yet party when the row was last verified; it may have acted "
    "since (verified_through)",
    "signature_date": "date of signature, empty where none",
    "consent_date": "date of ratification, acceptance, approval, accession or succession",
    "consent_kind": "the kind of consent: ratification, A, AA, a or d as UNTC writes it",
    "kind_inferred": "true: the kind was inferred, UNTC's cell carries no suffix",
    "entry_into_force": "the date the instrument entered into force for the state",
    "groups": "the state's groups on as_of, separated by ;",
    "confidence": "high, medium or low: how well the fact is confirmed",
    "source": "the record the fact comes from",
    "verified_through": "the date (at its precision) through which the row was verified",
    "domestic_step": "the latest step at home on as_of (not a depositary fact), empty when none",
    "group_id": "the group's code",
    "members": "full members of the group among the 35 OAS member states on as_of",
    "parties": "of those members, the parties on as_of",
    "share": "parties / members",
    "missing": "the members not party, by name (English)",
    "family": "the instrument's family: palermo, children, forced_labour, women, corruption, "
    "firearms",
    "depositary": "the instrument's depositary: UN, ILO or OAS",
    "category": "party, signatory or no_action (with _unverified where the snapshot cannot vouch "
    "for it on as_of), or unknown: no evidence in the snapshot (never a gap)",
    "date": "the consent date (or the signature's, for a signatory) at its precision",
    "checked": "the date (at its precision) of the last check of the row",
    "url": "the depositary's status page",
    "name": "the state's name (English)",
    "oas": "true: one of the 35 OAS member states",
    "group_name": "the group's name (English)",
    "unknown": "members with no evidence in the snapshot",
    "lower_bound": "true: parties may miss acts after UNTC's 2014 capture (a count of at least)",
    "unnamed_acts": "acts UNTC counts that the snapshot cannot name",
}
# Columns whose meaning differs in the world's views: a group's members are all its members there,
# not those among the 35.
WORLD_DESCRIPTIONS = {
    "members": "full members of the group on as_of, in the world (the share's denominator)",
    "as_of": "the date the count is for (ISO 8601): the end of each year, then the view's date",
}
SOURCES = {
    "family": "the depositaries' records (UN Treaty Collection, ILO NORMLEX, OAS Department of "
    "International Law); compiled by Ratify Americas",
}


@dataclass(frozen=True)
class DataFile:
    """One variant of one view's data: its base name, CSV, metadata and zip."""

    name: str  # e.g. state-ATG.shown
    rows: int
    csv: bytes
    metadata: bytes
    zip: bytes

    def files(self) -> dict[str, bytes]:
        return {
            f"{self.name}.csv": self.csv,
            f"{self.name}.meta.json": self.metadata,
            f"{self.name}.zip": self.zip,
        }


def view_name(kind: str, subject: str = "") -> str:
    """The view's fixed base name: ``status``, ``state-ATG``, ``group-CARICOM``."""
    return f"{kind}-{subject}" if subject else kind


def view_files(
    dataset: Dataset,
    selection: Selection,
    kind: str,
    subject: str = "",
    every_group: pd.DataFrame | None = None,
    year_ends: pd.DataFrame | None = None,
) -> dict[str, DataFile]:
    """Variant -> its files for a view of ``kind`` (status, state, group or groups) on the
    selection's date and instruments. ``dataset``: the English one. ``subject``: the state or
    the group. ``every_group``: the English subregions summary of all groups for the same
    selection, when the caller has it (the edition makes it once for every group's files).
    ``year_ends``: for ``regions_time``, views.models.world.year_end_shares of its groups in
    English, when the caller has it (the dashboard makes it once per snapshot)."""
    if kind in ("family", "world", "regions", "regions_time"):
        return _more_files(dataset, selection, kind, subject, year_ends)
    full = _full_table(dataset, selection, kind, subject)
    shown = (
        _group_table(
            dataset,
            selection,
            [subject] if kind == "group" else list(selection.groups),
            every_group,
        )
        if kind in ("group", "groups")
        else full[SHOWN_STATUS].reset_index(drop=True)
    )
    base = view_name(kind, subject) + _filters(dataset, selection, kind)
    return {
        variant: _data_file(dataset, selection, f"{base}.{variant}", table, variant)
        for variant, table in (("shown", shown), ("full", full))
    }


def _more_files(
    dataset: Dataset,
    selection: Selection,
    kind: str,
    subject: str,
    year_ends: pd.DataFrame | None = None,
) -> dict[str, DataFile]:
    """The treaty family (the selection's groups, every instrument of the registry), the world on
    one instrument (``subject``) and the regions compared (``subject``: the groups, "" for the
    default comparison): the same model as the page's, in English."""
    # The metadata's instruments and groups are the view's, whatever the page's filters: the
    # dashboard's file and the edition's are then the same bytes.
    every = tuple(dataset.instrument_ids)
    instruments, groups = {
        "family": (every, selection.groups),
        "world": ((subject,), ()),
        "regions": (every, ()),
        "regions_time": (every, ()),
    }[kind]
    english = replace(selection, language="en", instruments=instruments, groups=groups)
    if kind == "family":
        full = family_model(dataset, english).cells.astype(str)
        shown, base = full[SHOWN_FAMILY], "".join(["family", *(f"-{g}" for g in selection.groups)])
    elif kind == "world":
        frame = world_model(dataset, english, subject).frame
        full = frame.assign(instrument=subject, as_of=selection.as_of.isoformat()).astype(str)
        shown, base = full[SHOWN_WORLD], view_name(kind, subject)
    elif kind == "regions_time":
        instrument, compared = over_time_parts(subject)
        shares = regions_over_time(dataset, english, instrument, compared, year_ends).shares
        full = shares.assign(
            share=shares["share"].map(lambda s: f"{s:.4f}"),
            as_of=shares["as_of"].map(lambda d: d.isoformat()),
        ).astype(str)
        shown, base = full[SHOWN_REGIONS_TIME], view_name(kind, subject)
    else:
        shares = regions_model(dataset, english, regions_groups(subject)).shares
        full = shares.assign(share=shares["share"].map(lambda s: f"{s:.4f}")).astype(str)
        shown, base = full[SHOWN_REGIONS], view_name(kind, subject)
    source = SOURCES.get(kind, "")
    words = WORLD_DESCRIPTIONS if kind in ("regions", "regions_time") else {}
    return {
        variant: _data_file(
            dataset,
            english,
            f"{base}.{variant}",
            table.reset_index(drop=True),
            variant,
            source,
            words,
        )
        for variant, table in (("shown", shown), ("full", full))
    }


def _filters(dataset: Dataset, selection: Selection, kind: str) -> str:
    """``-TIP-CARICOM``: the filters that make a view other than the edition's (all
    instruments, all states), so that a file's name says what it holds."""
    parts = (
        [] if set(selection.instruments) == set(dataset.instrument_ids) else selection.instruments
    )
    parts = [*parts, *(selection.groups if kind in ("status", "groups") else ())]
    return "".join(f"-{part}" for part in parts)


def _full_table(dataset: Dataset, selection: Selection, kind: str, subject: str) -> pd.DataFrame:
    groups = [subject] if kind == "group" else list(selection.groups)
    view = status_view(dataset, selection.as_of, selection.instruments, groups)
    if kind == "state":
        view = view[view["iso3"] == subject]
    return export_table(view, selection.as_of).reset_index(drop=True)


def _group_table(
    dataset: Dataset, selection: Selection, groups: list[str], every_group: pd.DataFrame | None
) -> pd.DataFrame:
    if every_group is not None:
        chosen = every_group["group_id"].isin(groups) if groups else slice(None)
        summary = every_group[chosen] if len(every_group) else every_group
    else:
        english = Selection(selection.instruments, selection.as_of, tuple(groups), language="en")
        summary = subregions_model(dataset, english).summary
    if summary.empty:
        return pd.DataFrame(columns=SHOWN_GROUP)
    table = summary.assign(share=summary["share"].map(lambda s: f"{s:.4f}"))
    return table[SHOWN_GROUP].astype(str).reset_index(drop=True)


def _data_file(
    dataset: Dataset,
    selection: Selection,
    name: str,
    table: pd.DataFrame,
    variant: str,
    source: str = "",
    words: dict[str, str] | None = None,
) -> DataFile:
    csv = csv_bytes(table)
    metadata = _metadata(dataset, selection, table, variant, source, words)
    return DataFile(
        name=name,
        rows=len(table),
        csv=csv,
        metadata=metadata,
        zip=_zip(name, csv, metadata, selection.as_of),
    )


def _metadata(
    dataset: Dataset,
    selection: Selection,
    table: pd.DataFrame,
    variant: str,
    source: str = "",
    words: dict[str, str] | None = None,
) -> bytes:
    meta = export_metadata(
        dataset, selection.as_of, selection.instruments, selection.groups, len(table)
    )
    meta |= {
        "variant": variant,
        "source": source
        or "UN Treaty Collection (UNTC), status of the instruments; compiled by Ratify Americas",
        "source_urls": {
            i: m.source_url for i, m in dataset.meta.instruments.items() if m.source_url
        },
        "licence": {
            "data": f"{COMPILATION_LICENCE} ({CC_BY})",
            "untc_content": UN_TERMS,
        },
        "columns": {
            column: (words or {}).get(column) or DESCRIPTIONS.get(column, column)
            for column in table.columns
        },
    }
    return (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


README = """{name}

{name}.csv        the data (UTF-8, comma-separated, one header row), {rows} rows
{name}.meta.json  what it shows: snapshot, as-of dates, source, licence, each column

Source: UN Treaty Collection (UNTC), status of the instruments, compiled by Ratify Americas.
Licence: the compilation {licence}; UNTC's content under the UN's terms of use ({terms}).
"""


def _zip(name: str, csv: bytes, metadata: bytes, as_of: date) -> bytes:
    """A zip whose bytes depend on its content only (fixed times and order): the same view
    gives the same file, from the dashboard or from the edition."""
    readme = README.format(
        name=name,
        rows=csv.count(b"\r\n") - 1,
        licence=f"{COMPILATION_LICENCE} ({CC_BY})",
        terms=UN_TERMS,
    )
    buffer = io.BytesIO()
    stamp = (max(as_of.year, 1980), as_of.month, as_of.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in (
            (f"{name}.csv", csv),
            (f"{name}.meta.json", metadata),
            ("README.txt", readme.encode("utf-8")),
        ):
            info = zipfile.ZipInfo(member, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def full_columns() -> list[str]:
    return list(EXPORT_COLUMNS)
