"""The treaty family on a brief: a short section beside the four Palermo instruments.

A state's brief gives its status on each related instrument on the brief's date, one line per
family; a group's brief gives, per instrument, how many members are party and which are gaps
(signed, or no action, with evidence). ``unknown`` (no evidence in the snapshot) is said, never
counted as a gap; an instrument not yet adopted on the date is left out, and named as such. The
four Palermo instruments are the brief's own first table, so they are not repeated here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from loaders.model.status import PARTY, UNKNOWN
from loaders.publish.pdf import Section
from loaders.store.dataset import Dataset
from views.models.family import FamilyModel, family_model
from views.models.selection import Selection
from views.text.i18n import Translator
from views.text.words import partial_date_text

PALERMO = "palermo"
MAX_NAMED = 10  # gaps named on a group's brief; beyond, their number (two pages at most)


def _model(dataset: Dataset, as_of: date, groups: tuple[str, ...]) -> FamilyModel:
    selection = Selection(instruments=("UNTOC",), as_of=as_of, groups=groups)
    return family_model(dataset, selection)


def _related(model: FamilyModel) -> list[tuple[str, list[str]]]:
    """(family, its instruments) in registry order, without the Palermo family: the brief's own
    first table gives the Convention and its three Protocols."""
    return [(family, instruments) for family, instruments in model.columns if family != PALERMO]


def _name(dataset: Dataset, instrument: str) -> str:
    return str(dataset.registry.loc[instrument, "brief"])


def _later(dataset: Dataset, model: FamilyModel, t: Translator) -> tuple[str, ...]:
    if not model.not_yet_adopted:
        return ()
    names = t.words(_name(dataset, i) for i, _ in model.not_yet_adopted)
    return (t("family.not_yet_adopted", instruments=names),)


def _cell_text(cell: dict[str, Any], t: Translator) -> str:
    status = t(f"category.{cell['category']}")
    when = partial_date_text(str(cell["date"]), t.language) if cell["date"] else ""
    if cell["category"] == UNKNOWN or not when:
        return status
    return f"{status} ({when})"


def state_family_section(dataset: Dataset, iso3: str, as_of: date, t: Translator) -> Section:
    """``dataset``: localized to ``t.language``. One line per family: each instrument's status
    with its date at its precision."""
    model = _model(dataset, as_of, ())
    mine = model.cells[model.cells["iso3"] == iso3]
    cells = {c["instrument"]: c for c in mine.to_dict("records")}
    lines = [t("brief.family_intro")]
    for family, instruments in _related(model):
        parts = [(_name(dataset, i), _cell_text(cells[i], t)) for i in instruments if i in cells]
        if parts:
            lines.append(_family_line(t(f"family.family.{family}"), parts, t))
    return Section(t("brief.family_title"), tuple(lines), notes=_later(dataset, model, t))


def group_family_rows(model: FamilyModel) -> pd.DataFrame:
    """Per related instrument: parties, gaps (the states, in reading order) and unknown."""
    rows = []
    for family, instruments in _related(model):
        for instrument in instruments:
            cells = model.cells[model.cells["instrument"] == instrument]
            gap = cells[~cells["category"].isin([PARTY, UNKNOWN])]
            rows.append(
                {
                    "family": family,
                    "instrument": instrument,
                    "parties": int((cells["category"] == PARTY).sum()),
                    "members": len(cells),
                    "gaps": list(gap["state"]),
                    "unknown": list(cells.loc[cells["category"] == UNKNOWN, "state"]),
                }
            )
    return pd.DataFrame(rows, columns=["family", "instrument", "parties", "members", "gaps",
                                       "unknown"])  # fmt: skip


def group_family_section(dataset: Dataset, group: str, as_of: date, t: Translator) -> Section:
    """``dataset``: localized to ``t.language``. One line per family: each related instrument's
    parties among the members, its gaps by name, its unknown cells counted (the Treaty family
    page names them)."""
    model = _model(dataset, as_of, (group,))
    rows = group_family_rows(model)
    lines = [t("brief.family_group_intro")]
    for family, frame in rows.groupby("family", sort=False):
        items = [_group_item(dataset, row, t) for row in frame.to_dict("records")]
        lines.append(_family_line(t(f"family.family.{family}"), items, t))
    return Section(
        t("brief.family_title"),
        tuple(lines),
        notes=(
            t("brief.family_named", n=MAX_NAMED, page=t("nav.family")),
            *_later(dataset, model, t),
        ),
    )


def _group_item(dataset: Dataset, row: dict[str, Any], t: Translator) -> tuple[str, str]:
    """``Sale of children: 11 of 14 (gaps: Barbados, ...; unknown: 2)``."""
    parties = t("count.of", n=row["parties"], total=row["members"])
    extras = []
    if row["gaps"]:
        extras.append(t.label(t("brief.family_gaps"), _gaps(row["gaps"], t)))
    if row["unknown"]:
        extras.append(t.label(t("family.column.unknown"), t.number(len(row["unknown"]))))
    shown = f"{parties} ({t.items(extras)})" if extras else parties
    return _name(dataset, row["instrument"]), shown


def _family_line(family: str, parts: list[tuple[str, str]], t: Translator) -> str:
    """``Children: Sale of children: Party (...); ...``; a family of one instrument of the same
    name says it once (``Corruption: Party (...)``)."""
    if len(parts) == 1 and parts[0][0] == family:
        return t.label(family, parts[0][1])
    return t.label(family, t.items(t.label(name, text) for name, text in parts))


def _gaps(states: list[str], t: Translator) -> str:
    if not states:
        return "—"
    return t.words(states) if len(states) <= MAX_NAMED else t.count("count.states", len(states))
