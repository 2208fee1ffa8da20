"""Group memberships on a date: who counts as a member of MERCOSUR, SICA, CARICOM... then.

Memberships known only to the year or month count on a date only where they are certain at that
precision: from the last day of the ``from`` period, until before the first day of the ``to``
period. An empty ``from`` means the record gives no start (e.g. geographic regions).

A ``suspended`` state (Paraguay in MERCOSUR 2012-2013, Venezuela since 1 December 2016) is still
a member in law but not in rights: it is never counted as a member (``members_on`` counts only the
role ``member`` unless asked), and :func:`suspensions_on` lists it apart so a page can say so. In
a month known only to the month (Paraguay's "2013-08") the state is certain to be neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from loaders.derive.status import bound
from loaders.model.status import PARTY
from loaders.store.dataset import Dataset


def members_on(
    memberships: pd.DataFrame, on: date, roles: tuple[str, ...] = ("member",)
) -> pd.DataFrame:
    """Group memberships in force on ``on``, for the given roles (see module docstring)."""
    day = pd.Timestamp(on)
    began = memberships["from_date"].fillna("").map(lambda t: bound(t, latest=True))
    ended = memberships["to_date"].fillna("").map(lambda t: bound(t, latest=False))
    current = (began.isna() | (began <= day)) & (ended.isna() | (day < ended))
    chosen = memberships[current & memberships["role"].isin(roles)]
    return chosen.drop_duplicates(["group_id", "iso3"]).reset_index(drop=True)


def every_group_id(dataset: Dataset) -> list[str]:
    """The OAS's subregions, then the world's groups (UN regional groups, EU, AU, ...)."""
    return [*dataset.group_ids, *dataset.world_group_ids]


def memberships_of_the_35(dataset: Dataset) -> pd.DataFrame:
    """Every membership of the 35, in the OAS's subregions and in the world's groups: what a
    group filter on a page of the 35 reads (a world group filters to its members among the 35;
    its other members never enter an OAS figure)."""
    if dataset.world_memberships.empty:
        return dataset.memberships
    world = dataset.world_memberships
    ours = world[world["iso3"].isin(set(dataset.states.index))]
    return pd.concat([dataset.memberships, ours], ignore_index=True)


def any_group_memberships(dataset: Dataset) -> pd.DataFrame:
    """Every membership recorded, the OAS's subregions and the world's groups."""
    if dataset.world_memberships.empty:
        return dataset.memberships
    return pd.concat([dataset.memberships, dataset.world_memberships], ignore_index=True)


def groups_with_undated_members(dataset: Dataset, groups: Sequence[str]) -> list[str]:
    """The groups, of ``groups``, whose source lists some members without the day they joined
    (the UN regional groups, most of the African Union): on past dates such a member counts as
    if it had always belonged, so a page counting them over time says so."""
    memberships = any_group_memberships(dataset)
    members = memberships[memberships["role"] == "member"]
    undated = members["from_date"].fillna("").astype(str).str.strip() == ""
    found = set(members.loc[undated, "group_id"])
    return [group for group in groups if group in found]


SUSPENSION_COLUMNS = ["group_id", "group_name", "iso3", "from_date", "to_date", "note", "source"]


def suspensions_on(memberships: pd.DataFrame, on: date) -> pd.DataFrame:
    """The suspensions in force on ``on``: group, state, from, to, note and source."""
    suspended = members_on(memberships, on, roles=("suspended",))[SUSPENSION_COLUMNS]
    return suspended.fillna({"from_date": "", "to_date": ""}).reset_index(drop=True)


def group_summary(status: pd.DataFrame, members: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """Per group and instrument: members, parties, share, and the members not yet party."""
    joined = members[["group_id", "group_name", "iso3"]].merge(status, on="iso3")
    rows = []
    for (group_id, group_name, instrument), part in joined.groupby(
        ["group_id", "group_name", "instrument"], sort=False
    ):
        missing = part[part["status"] != PARTY]["iso3"]
        rows.append(
            {
                "group_id": group_id,
                "group_name": group_name,
                "instrument": instrument,
                "members": len(part),
                "parties": int((part["status"] == PARTY).sum()),
                "missing": ", ".join(sorted(names.loc[missing])),
            }
        )
    summary = pd.DataFrame(rows)
    if not summary.empty:
        summary["share"] = summary["parties"] / summary["members"]
    return summary


def groups_of(members: pd.DataFrame) -> pd.Series:
    """Each state's groups on the date ``members`` was taken, as ``A;B;C`` by iso3."""
    return members.sort_values("group_id").groupby("iso3")["group_id"].agg(";".join)


def groups_without_members(
    memberships: pd.DataFrame, group_ids: Sequence[str], on: date
) -> list[str]:
    """Of ``group_ids``, those with no full member among the 35 on ``on``."""
    present = set(members_on(memberships, on)["group_id"])
    return [g for g in group_ids if g not in present]


def missing_members(status: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Per group and instrument, the members not party in ``status`` (a status view), one row
    each, in the view's order."""
    not_party = status[status["status"] != PARTY]
    return not_party.merge(members[["group_id", "iso3"]].drop_duplicates(), on="iso3")
