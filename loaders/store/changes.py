"""What changed between two snapshots, as structured events (``changes.json``).

Each event names its kind, the instrument (MTDSG number), the state and the values before and
after, so the dashboard can say it in the reader's language; ``changes.md`` is generated from the
same events, in English, for people reading the snapshot folder.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Literal

import pandas as pd

from loaders.model.text import escape_markdown

ChangeKind = Literal[
    "first_snapshot",
    "no_change",
    "new_row",
    "row_removed",
    "new_signature",
    "new_party",
    "changed_signature_date",
    "changed_consent_date",
    "changed_kind",
    "new_note",
    "new_declaration",
    "world_participants",
]
_KEY = ["mtdsg_no", "iso3"]
CHANGES_SCHEMA = 1


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    mtdsg_no: str = ""
    iso3: str = ""
    before: str = ""
    after: str = ""
    detail: str = ""  # a new note's text, a declaration's section

    def sentence(self) -> str:
        """The event in English, as changes.md writes it."""
        where = f"{self.iso3} on {self.mtdsg_no}"
        before, after = self.before or "none", self.after or "none"
        return {
            "first_snapshot": "First snapshot: nothing to compare with.",
            "no_change": "No change in any status or declaration.",
            "new_row": f"New row: {where}",
            "row_removed": f"Row removed: {where}",
            "new_signature": f"New signature: {where}, {self.after}",
            "new_party": f"New party: {where}, {self.after}",
            "changed_signature_date": f"Changed signature date: {where}, {before} -> {after}",
            "changed_consent_date": f"Changed consent date: {where}, {before} -> {after}",
            "changed_kind": f"Changed kind of consent: {where}, {before} -> {after}",
            "new_note": f"New note: {where}: {self.detail}",
            "new_declaration": f"New {self.detail.lower()} text: {where}",
            "world_participants": f"Participants beyond the 35 on {self.mtdsg_no}: "
            f"{self.after} (before: {before}), {self.detail} changed",
        }[self.kind]


def describe_changes(
    old: pd.DataFrame | None,
    new: pd.DataFrame,
    old_decl: pd.DataFrame | None,
    new_decl: pd.DataFrame,
) -> list[Change]:
    """Every change from ``old`` to ``new`` (status rows as text, one per instrument and state)."""
    if old is None:
        return [Change("first_snapshot")]
    changes: list[Change] = []
    before = old.set_index(_KEY)
    after = new.set_index(_KEY)
    for mtdsg, iso3 in after.index.difference(before.index):
        changes.append(Change("new_row", mtdsg, iso3))
    for mtdsg, iso3 in before.index.difference(after.index):
        changes.append(Change("row_removed", mtdsg, iso3))
    for key in after.index.intersection(before.index):
        changes.extend(_row_changes(key, before.loc[key], after.loc[key]))
    changes.extend(_declaration_changes(old_decl, new_decl))
    return changes or [Change("no_change")]


_STANDING = ["status", "signature_date", "consent_date", "consent_kind"]


def world_changes(
    old: pd.DataFrame | None, new: pd.DataFrame, numbers: set[str], ours: set[str]
) -> list[Change]:
    """Per Palermo instrument (``numbers``) whose participants beyond the 35 (``ours``) changed
    in participation.csv: how many are listed, before and after, and how many changed standing
    (new, gone, or another status, act or kind). Short: one event per instrument."""
    if old is None or old.empty:
        return []
    changes = []
    for number in sorted(numbers):
        before, after = (_beyond(frame, number, ours) for frame in (old, new))
        if before.equals(after):
            continue
        merged = before.merge(
            after, how="outer", left_index=True, right_index=True, suffixes=("_old", "_new")
        )
        differs = merged.isna().any(axis=1)
        for column in _STANDING:
            differs |= merged[f"{column}_old"] != merged[f"{column}_new"]
        if differs.any():
            counts = str(len(before)), str(len(after)), str(int(differs.sum()))
            changes.append(Change("world_participants", number, "", *counts))
    return changes


def _beyond(frame: pd.DataFrame, number: str, ours: set[str]) -> pd.DataFrame:
    """One instrument's rows beyond the 35, by participant (an organisation by its name)."""
    rows = frame[(frame["mtdsg_no"] == number) & ~frame["iso3"].isin(ours)]
    key = rows["iso3"].where(rows["iso3"] != "", rows["participant"])
    return rows.set_index(key)[_STANDING].sort_index()


def _row_changes(key: tuple[str, str], old: pd.Series, new: pd.Series) -> list[Change]:
    mtdsg, iso3 = key
    changes = []
    pairs: tuple[tuple[str, ChangeKind, ChangeKind], ...] = (
        ("signature_date", "new_signature", "changed_signature_date"),
        ("consent_date", "new_party", "changed_consent_date"),
    )
    for column, first, changed in pairs:
        if old[column] == new[column]:
            continue
        kind = changed if old[column] else first
        changes.append(Change(kind, mtdsg, iso3, old[column], new[column]))
    if old["consent_kind"] != new["consent_kind"] and old["consent_kind"]:
        kinds = old["consent_kind"], new["consent_kind"]
        changes.append(Change("changed_kind", mtdsg, iso3, *kinds))
    if old["note"] != new["note"] and new["note"]:
        changes.append(Change("new_note", mtdsg, iso3, detail=new["note"]))
    return changes


def _declaration_changes(old: pd.DataFrame | None, new: pd.DataFrame) -> list[Change]:
    if old is None:
        return []
    seen = set(zip(old["mtdsg_no"], old["participant"], old["text"], strict=True))
    return [
        Change("new_declaration", row.mtdsg_no, row.iso3, detail=row.section)
        for row in new.itertuples()
        if (row.mtdsg_no, row.participant, row.text) not in seen
    ]


def changes_json(snapshot_id: str, previous: str | None, changes: list[Change]) -> bytes:
    document = {
        "schema_version": CHANGES_SCHEMA,
        "snapshot_id": snapshot_id,
        "previous": previous,
        "changes": [asdict(change) for change in changes],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def read_changes(content: bytes) -> tuple[str | None, list[Change]]:
    """The previous snapshot's id and the events of a ``changes.json``."""
    document = json.loads(content)
    return document.get("previous"), [Change(**item) for item in document["changes"]]


def changes_markdown(snapshot_id: str, previous: str | None, changes: list[Change]) -> bytes:
    since = f" since {previous}" if previous else ""
    # Upstream's words (a note, a footnote, a section) are escaped: changes.md draws no link or
    # image of theirs. Codes and dates are the model's, validated: they stay as they read.
    lines = "".join(
        f"- {replace(change, detail=escape_markdown(change.detail)).sentence()}\n"
        for change in changes
    )
    text = f"# Changes in {snapshot_id}{since}\n\n{lines}"
    return text.encode("utf-8")
