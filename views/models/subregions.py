"""Subregions: for each group, the share of its members that are party, and who is missing."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loaders.derive import group_summary, groups_without_members, members_on, missing_members
from loaders.derive.cut import dataset_on
from loaders.derive.groups import every_group_id, memberships_of_the_35
from loaders.derive.views import status_view
from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.models.shared import in_reading_order
from views.text.i18n import translate
from views.text.words import group_labels, partial_date_text


@dataclass(frozen=True)
class SubregionsModel:
    # per group and instrument: group_id, group_label, instrument, members, parties, share,
    # missing (names), missing_detail (names, with the date of the last check where unverified)
    summary: pd.DataFrame
    without_members: list[str]  # chosen groups with no full member among the 35 on the date

    @property
    def empty(self) -> bool:
        return bool(self.summary.empty)

    @property
    def complete(self) -> int:
        """Group and instrument pairs where every member is party."""
        return int((self.summary["parties"] == self.summary["members"]).sum())

    @property
    def pairs(self) -> int:
        return len(self.summary)


def subregions_model(dataset: Dataset, selection: Selection) -> SubregionsModel:
    """All groups when none are chosen. ``dataset``: localized to ``selection.language``."""
    dataset = dataset_on(dataset, selection.as_of)
    wanted = list(selection.groups) or dataset.group_ids
    status = in_reading_order(status_view(dataset, selection.as_of, selection.instruments), dataset)
    # a world group (UN regional group, EU, ...) counts its members among the 35 only
    memberships = memberships_of_the_35(dataset)
    members = members_on(memberships, selection.as_of)
    members = members[members["group_id"].isin(wanted)]
    summary = group_summary(status, members, dataset.states["name"])
    without = groups_without_members(memberships, wanted, selection.as_of)
    if summary.empty:
        return SubregionsModel(summary, without)
    summary["group_label"] = summary["group_id"].map(group_labels(dataset, selection.language))
    missing = _missing_details(missing_members(status, members), selection.language)
    summary["missing_detail"] = [
        missing.get((g, i), "")
        for g, i in zip(summary["group_id"], summary["instrument"], strict=True)
    ]
    order = {g: n for n, g in enumerate(every_group_id(dataset))}
    summary = summary.sort_values("group_id", key=lambda s: s.map(order), kind="stable")
    return SubregionsModel(summary.reset_index(drop=True), without)


def _missing_details(rows: pd.DataFrame, language: str) -> dict[tuple[str, str], str]:
    """(group, instrument) -> the members not party, by name; ``(checked July 2014)`` after one
    whose status the snapshot cannot vouch for on the date (not verified since that check)."""
    details: dict[tuple[str, str], list[str]] = {}
    for row in rows.itertuples():
        details.setdefault((row.group_id, row.instrument), []).append(
            row.state
            if row.status_verified
            else translate(
                language,
                "subregions.checked",
                state=row.state,
                date=partial_date_text(row.verified_through, language),
            )
        )
    return {key: ", ".join(names) for key, names in details.items()}
