"""The acts of a period: what states did at the depositary between two dates, one row per act.

A pure derivation over ``dataset.status``: each signature and each consent to be bound
(ratification, accession, acceptance, approval, succession) dated within the period, for the
chosen instruments, groups and states. Group membership is taken on ``until``, as in the status
view. Withdrawals and dated declarations are acts too, but the snapshot keeps neither a
withdrawal date nor a declaration date yet: a ``withdrawal_date`` column, once the data layer adds
one, is picked up here as an act of kind ``withdrawal`` (see ACT_COLUMNS).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.derive.groups import every_group_id, members_on, memberships_of_the_35
from loaders.derive.views import resolve
from loaders.store.dataset import Dataset

# date column of the status frame -> the act it records ("" takes the row's consent_kind)
ACT_COLUMNS = {"signature_date": "signature", "consent_date": "", "withdrawal_date": "withdrawal"}
# The act's family in its stable id: a consent is a consent whatever its kind.
FAMILY = {"signature_date": "signature", "consent_date": "consent", "withdrawal_date": "withdrawal"}
COLUMNS = [
    "date",
    "iso3",
    "state",
    "instrument",
    "mtdsg_no",
    "act",
    "family",
    "kind_inferred",
    "confidence",
    "verified_through",
    "source",
]


def acts(
    dataset: Dataset,
    since: date,
    until: date,
    instruments: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
    states: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Acts dated ``since`` <= date <= ``until``, oldest first (then instrument and state)."""
    dataset = dataset_on(dataset, until)
    chosen = resolve(instruments, dataset.instrument_ids, "instrument")
    frame = dataset.status[dataset.status["instrument"].isin(chosen)]
    if groups:
        wanted = resolve(groups, every_group_id(dataset), "group")
        members = members_on(memberships_of_the_35(dataset), until)
        frame = frame[frame["iso3"].isin(members.loc[members["group_id"].isin(wanted), "iso3"])]
    if states:
        frame = frame[frame["iso3"].isin(resolve(states, list(dataset.states.index), "state"))]
    start, end = pd.Timestamp(since), pd.Timestamp(until)
    parts = []
    for column, act in ACT_COLUMNS.items():
        if column not in frame:
            continue
        day = pd.to_datetime(frame[column])
        rows = frame[(day >= start) & (day <= end)]
        consent = column == "consent_date"
        parts.append(
            pd.DataFrame(
                {
                    "date": pd.to_datetime(rows[column]).dt.date,
                    "iso3": rows["iso3"],
                    "state": rows["iso3"].map(dataset.states["name"]),
                    "instrument": rows["instrument"],
                    "mtdsg_no": rows["mtdsg_no"],
                    "act": rows["consent_kind"] if consent else act,
                    "family": FAMILY[column],
                    "kind_inferred": rows["kind_inferred"] if consent else False,
                    "confidence": rows["confidence"],
                    "verified_through": rows["verified_through"],
                    "source": rows["source"],
                }
            )
        )
    result = pd.concat(parts) if parts else pd.DataFrame(columns=COLUMNS)
    order = {i: n for n, i in enumerate(dataset.instrument_ids)}
    result = result.assign(_order=result["instrument"].map(order))
    result = result.sort_values(["date", "_order", "state", "family"], kind="stable")
    return result.drop(columns="_order").reset_index(drop=True)[COLUMNS]


def act_id(row: dict[str, Any] | pd.Series) -> str:
    """A stable id for an act: ``tag:ratify-americas,2026:act/XVIII-12-a/ATG/consent/2010-02-17``.

    Stable across refreshes and languages: it names the act, not the snapshot. (A corrected date
    makes it another act: the feed then shows the corrected one as new.)"""
    return f"{TAG}act/{row['mtdsg_no']}/{row['iso3']}/{row['family']}/{row['date']:%Y-%m-%d}"


TAG = "tag:ratify-americas,2026:"
