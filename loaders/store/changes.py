"""A readable account of what changed between two snapshots."""

from __future__ import annotations

import pandas as pd

_KEY = ["mtdsg_no", "iso3"]


def _fmt(value: str) -> str:
    return value or "none"


def describe_changes(
    old: pd.DataFrame | None,
    new: pd.DataFrame,
    old_decl: pd.DataFrame | None,
    new_decl: pd.DataFrame,
) -> list[str]:
    """One line per change: new signature, new party, changed date or kind, new note, removals."""
    if old is None:
        return ["First snapshot: nothing to compare with."]
    lines: list[str] = []
    before = old.set_index(_KEY)
    after = new.set_index(_KEY)
    for key in after.index.difference(before.index):
        lines.append(f"New row: {key[1]} on {key[0]}")
    for key in before.index.difference(after.index):
        lines.append(f"Row removed: {key[1]} on {key[0]}")
    for key in after.index.intersection(before.index):
        lines.extend(_row_changes(key, before.loc[key], after.loc[key]))
    lines.extend(_declaration_changes(old_decl, new_decl))
    return lines or ["No change in any status or declaration."]


def _row_changes(key: tuple, old: pd.Series, new: pd.Series) -> list[str]:
    mtdsg, iso3 = key
    lines = []
    for column, label in (("signature_date", "signature"), ("consent_date", "consent")):
        if old[column] == new[column]:
            continue
        if not old[column]:
            event = "New signature" if column == "signature_date" else "New party"
            lines.append(f"{event}: {iso3} on {mtdsg}, {new[column]}")
        else:
            lines.append(
                f"Changed {label} date: {iso3} on {mtdsg}, "
                f"{_fmt(old[column])} -> {_fmt(new[column])}"
            )
    if old["consent_kind"] != new["consent_kind"] and old["consent_kind"]:
        lines.append(
            f"Changed kind of consent: {iso3} on {mtdsg}, "
            f"{_fmt(old['consent_kind'])} -> {_fmt(new['consent_kind'])}"
        )
    if old["note"] != new["note"] and new["note"]:
        lines.append(f"New note: {iso3} on {mtdsg}: {new['note']}")
    return lines


def _declaration_changes(old: pd.DataFrame | None, new: pd.DataFrame) -> list[str]:
    if old is None:
        return []
    seen = set(zip(old["mtdsg_no"], old["participant"], old["text"], strict=True))
    return [
        f"New {row.section.lower()} text: {row.participant} on {row.mtdsg_no}"
        for row in new.itertuples()
        if (row.mtdsg_no, row.participant, row.text) not in seen
    ]
