"""Treaty family: the 35 (or a group's members) by every instrument that answers trafficking, from
the UN, the ILO and the OAS, grouped by family, on the chosen date.

A cell is a status with its evidence: ``unknown`` (no evidence in this snapshot) is never a gap
and never a party. Gaps are counted per state and per instrument; coherence flags name states
party to one instrument of a pair and, with evidence, not to the other. Nothing here enters
paragraph 6's figures, which stay the four Palermo instruments' (views.models.overview).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from loaders.derive.regions import family_status_on, gaps_by
from loaders.model.status import PARTY, UNKNOWN
from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.models.shared import status_category
from views.text.i18n import translate
from views.text.localized import by_name

FAMILIES = ("palermo", "children", "forced_labour", "women", "corruption", "firearms")
# (party to the first, with evidence not party to the second): the pairs an advocate asks about
COHERENCE = (
    ("FIREARMS", "CIFTA"),
    ("CIFTA", "FIREARMS"),
    ("TIP", "CRC_OPSC"),
    ("TIP", "P029"),
)
CELL_COLUMNS = [
    "iso3", "state", "instrument", "family", "depositary", "category", "status", "date",
    "checked", "confidence", "url",
]  # fmt: skip
# The table alternative's columns: catalogue key of the heading -> the cells' column
TABLE_COLUMNS = {
    "family.column.state": "state",
    "family.column.instrument": "instrument",
    "family.column.family": "family",
    "family.column.depositary": "depositary",
    "family.column.status": "status",
    "family.column.date": "date",
    "family.column.confidence": "confidence",
    "family.column.url": "url",
}


@dataclass(frozen=True)
class Flag:
    party_to: str
    not_party_to: str
    # (name, last check) in reading order: party to the first, not to the second; the last check
    # (its precision kept) where the snapshot cannot vouch for "not party" on the date
    states: list[tuple[str, str]]
    unknown: list[str]  # party to the first, no evidence on the second


@dataclass(frozen=True)
class FamilyModel:
    # one row per state and instrument: iso3, state, instrument, category (party, signatory,
    # no_action, unknown, and *_unverified), status, date (consent or signature, at its
    # precision), confidence, url (the depositary's status page)
    cells: pd.DataFrame
    columns: list[tuple[str, list[str]]]  # (family, its instruments in registry order)
    states: list[tuple[str, str]]  # (iso3, name) in reading order
    by_state: pd.DataFrame  # iso3 -> gaps, parties, unknown, cells
    by_instrument: pd.DataFrame  # instrument -> gaps, parties, unknown, cells
    flags: list[Flag]
    depositaries: dict[str, str]  # instrument -> UN, ILO or OAS
    # instruments not yet adopted on the date (left out: nobody can be party to them yet)
    not_yet_adopted: list[tuple[str, str]]  # (instrument, its adoption date)

    @property
    def empty(self) -> bool:
        return bool(self.cells.empty)

    @property
    def unknown_cells(self) -> int:
        return int(self.by_instrument["unknown"].sum())

    @property
    def gap_cells(self) -> int:
        return int(self.by_instrument["gaps"].sum())


def family_model(dataset: Dataset, selection: Selection) -> FamilyModel:
    """Every instrument of the registry, whatever the instrument filter (the family is the point
    of the page) but those not yet adopted on the date; the chosen groups' full members on the
    date, or the 35."""
    registry = dataset.registry
    adopted = pd.to_datetime(registry["adopted"]).dt.date
    existing = [i for i in registry.index if adopted[i] <= selection.as_of]
    later = [(i, str(registry.loc[i, "adopted"])) for i in registry.index if i not in existing]
    frame = family_status_on(dataset, selection.as_of, list(selection.groups) or None, existing)
    # a world group's members among the 35 only: the page is the 35's
    frame = frame[frame["iso3"].isin(set(dataset.states.index))]
    if frame.empty:
        empty = pd.DataFrame(columns=["gaps", "parties", "unknown", "cells"])
        return FamilyModel(pd.DataFrame(columns=CELL_COLUMNS), [], [], empty, empty, [], {}, later)
    frame = by_name(frame).reset_index(drop=True)
    cells = pd.DataFrame(
        {
            "iso3": frame["iso3"],
            "state": frame["state"],
            "instrument": frame["instrument"],
            "family": frame["family"],
            "depositary": frame["depositary"],
            "category": [
                _category(s, v)
                for s, v in zip(frame["status"], frame["status_verified"], strict=True)
            ],
            "status": frame["status"],
            "date": [_date(row) for row in frame.to_dict("records")],
            "checked": frame["verified_through"].fillna("").astype(str),
            "confidence": frame["confidence"].fillna(""),
            "url": frame["status_url"].fillna(""),
        }
    )
    order = existing
    grouped = [(f, [i for i in order if registry.loc[i, "family"] == f]) for f in FAMILIES]
    columns = [(family, instruments) for family, instruments in grouped if instruments]
    states = list(dict.fromkeys(zip(cells["iso3"], cells["state"], strict=True)))
    return FamilyModel(
        cells=cells,
        columns=columns,
        states=states,
        by_state=gaps_by(frame, "iso3"),
        by_instrument=gaps_by(frame, "instrument").reindex(order).dropna().astype(int),
        flags=[
            _flag(cells, first, second)
            for first, second in COHERENCE
            if _both(order, first, second)
        ],
        depositaries=dict(registry["depositary"]),
        not_yet_adopted=later,
    )


def _category(status: str, verified: object) -> str:
    if status == UNKNOWN:
        return UNKNOWN
    return status_category(status, bool(verified) if pd.notna(verified) else True)


def _date(row: dict[str, Any]) -> str:
    """The consent date (or the signature's, for a signatory) as the record gives it: a day, a
    month or a year stays at its precision."""
    for column in ("consent_date", "signature_date"):
        value = row.get(column)
        if isinstance(value, pd.Timestamp):
            return str(value.date().isoformat())
        if isinstance(value, str) and value:
            return value
    return ""


def _unverified_check(cell: pd.Series) -> str:
    """The date of the last check of a "not party" the snapshot cannot vouch for, else ""."""
    return str(cell["checked"]) if str(cell["category"]).endswith("_unverified") else ""


def _both(order: list[str], first: str, second: str) -> bool:
    return first in order and second in order


def _flag(cells: pd.DataFrame, first: str, second: str) -> Flag:
    status = cells.pivot_table(index="iso3", columns="instrument", values="status", aggfunc="first")
    names = dict(zip(cells["iso3"], cells["state"], strict=False))
    second_cells = cells[cells["instrument"] == second].set_index("iso3")
    party = status[status[first] == PARTY]
    gap = party[~party[second].isin([PARTY, UNKNOWN])]
    unknown = party[party[second] == UNKNOWN]
    in_order = [iso3 for iso3, _ in dict.fromkeys(zip(cells["iso3"], cells["state"], strict=True))]
    return Flag(
        party_to=first,
        not_party_to=second,
        states=[
            (names[c], _unverified_check(second_cells.loc[c])) for c in in_order if c in gap.index
        ],
        unknown=[names[c] for c in in_order if c in unknown.index],
    )


def family_table(model: FamilyModel, dataset: Dataset, language: str) -> pd.DataFrame:
    """The cells as a table in the reader's language: the accessible alternative to the matrix.
    ``dataset``: localized to ``language``."""
    cells = model.cells
    words = {
        "instrument": {i: str(dataset.registry.loc[i, "brief"]) for i in set(cells["instrument"])},
        "family": {f: translate(language, f"family.family.{f}") for f in set(cells["family"])},
        "status": {c: translate(language, f"category.{c}") for c in set(cells["category"])},
        "confidence": {
            c: translate(language, f"confidence.{c}") for c in {"high", "medium", "low"}
        },
    }
    table = cells.assign(status=cells["category"])
    for column, names in words.items():
        table[column] = table[column].map(lambda value, names=names: names.get(value, value))
    return table[list(TABLE_COLUMNS.values())].set_axis(
        [translate(language, key) for key in TABLE_COLUMNS], axis=1
    )
