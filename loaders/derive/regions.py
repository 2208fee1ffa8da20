"""The treaty family of the 35 and the groups of the world compared, on a date: what the Treaty
family page and the regions view show.

Counts of parties of a group with a member outside the 35 are lower bounds after the date of the
last complete participant list of the instrument (UNTC's 2014 capture, or the "status as at" of
a refresh that read every participant): UNTC's own count names more parties than the snapshot
can (``unnamed_acts``), so such a figure is "at least N" with the number of acts it cannot name.
Nothing here enters paragraph 6's figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.derive.groups import any_group_memberships, every_group_id, members_on
from loaders.derive.participation import (
    capture_months,
    participation_rows,
    participation_view,
    standing_on,
    standing_view,
)
from loaders.derive.status import status_on, with_instrument_facts
from loaders.derive.views import resolve
from loaders.model.dates import PartialDate
from loaders.model.status import NO_ACTION, PARTY, SIGNATORY, UNKNOWN
from loaders.store.dataset import Dataset

GAPS = (NO_ACTION, SIGNATORY)  # not a party on the date; unknown is never a gap
ALL = "ALL"  # the row of a group's members party to every instrument asked for


def family_instruments(dataset: Dataset) -> list[str]:
    """The registry's instruments beside the four Palermo ones, in registry order."""
    return [i for i in dataset.registry.index if i not in dataset.instrument_ids]


def family_status_on(
    dataset: Dataset,
    as_of: date,
    groups: Sequence[str] | None = None,
    instruments: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The 35 (or a group's members) by every instrument of the registry, on ``as_of``: one row
    per state and instrument with ``status`` (``unknown`` kept), ``gap`` (not a party on the
    date, with evidence) and the depositary's status page (``status_url``) for the cell's link."""
    chosen = list(instruments) if instruments else list(dataset.registry.index)
    frame = standing_view(dataset, as_of, chosen, groups)
    frame["gap"] = frame["status"].isin(GAPS)
    frame["status_url"] = frame["instrument"].map(dataset.registry["status_url"])
    return frame


def gaps_by(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Per state (``key="iso3"``) or instrument (``key="instrument"``) of a
    :func:`family_status_on` frame: gaps, parties and unknown cells, in the frame's order."""
    grouped = frame.assign(
        party=frame["status"] == PARTY, unknown=frame["status"] == UNKNOWN
    ).groupby(key, sort=False)
    return pd.DataFrame(
        {"gaps": grouped["gap"].sum(), "parties": grouped["party"].sum(),
         "unknown": grouped["unknown"].sum(), "cells": grouped.size()}
    ).astype(int)  # fmt: skip


def unnamed_acts(dataset: Dataset) -> pd.DataFrame:
    """Per Palermo instrument: UNTC's own count of parties (``world_counts.csv``, with its date),
    the parties the snapshot names, and the difference: acts it cannot name."""
    named = named_parties(dataset)
    counts = dataset.world_counts.reindex(dataset.instrument_ids)
    frame = pd.DataFrame(
        {
            "untc_parties": counts["parties"].astype("Int64"),
            "status_as_at": counts["status_as_at"],
            "named_parties": named.reindex(dataset.instrument_ids).fillna(0).astype(int),
        }
    )
    frame["unnamed"] = (frame["untc_parties"] - frame["named_parties"]).clip(lower=0)
    return frame


def named_parties(dataset: Dataset) -> pd.Series:
    """Per Palermo instrument, the parties the snapshot names as its rows stand: the 35 from
    status.csv (paragraph 6's facts, which a refresh keeps there), every other participant
    (states and organisations) from the participation rows."""
    rows = dataset.participation
    beyond = rows[(rows["status"] == "party") & ~rows["iso3"].isin(set(dataset.states.index))]
    oas = dataset.status[dataset.status["consent_date"].notna()]
    ours = oas.groupby("instrument").size().reindex(dataset.instrument_ids, fill_value=0)
    others = beyond.groupby("instrument").size().reindex(dataset.instrument_ids, fill_value=0)
    return (ours + others).astype(int)


def _members(memberships: pd.DataFrame, group_ids: list[str], as_of: date) -> pd.DataFrame:
    """The members on ``as_of`` of ``group_ids``, from every membership recorded
    (loaders.derive.groups.any_group_memberships)."""
    members = members_on(memberships, as_of)
    return members[members["group_id"].isin(group_ids)]


def group_shares(
    dataset: Dataset,
    as_of: date,
    groups: Sequence[str] | None = None,
    instruments: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Per group and instrument (and ``ALL``: party to every one of them) on ``as_of``: full
    members (the denominator, states with or without an ISO code), parties, unknown, share, and
    whether the count is a lower bound with the number of acts worldwide it cannot name."""
    group_ids = resolve(groups, every_group_id(dataset), "group")
    chosen = list(instruments) if instruments else list(dataset.instrument_ids)
    members = _members(any_group_memberships(dataset), group_ids, as_of)
    codes = sorted({c for c in members["iso3"] if c})
    standing = _standing(dataset, as_of, chosen, codes)
    return _shares(dataset, as_of, group_ids, chosen, members, standing)


def shares_over_time(
    dataset: Dataset,
    days: Sequence[date],
    groups: Sequence[str] | None = None,
    instruments: Sequence[str] | None = None,
    the_35: str = "",
) -> pd.DataFrame:
    """:func:`group_shares` of the four Palermo instruments on each of ``days``, with its
    ``as_of``: the members on each day (the denominator moves with them), each state's standing
    on that day; made from one read of the rows. ``the_35``: the id of a first group, the 35
    (paragraph 6's statuses, never a lower bound)."""
    group_ids = resolve(groups, every_group_id(dataset), "group")
    chosen = list(instruments) if instruments else list(dataset.instrument_ids)
    everyone = any_group_memberships(dataset)
    codes = sorted({c for c in everyone[everyone["group_id"].isin(group_ids)]["iso3"] if c})
    others = [c for c in codes if c not in dataset.states.index]
    rows = participation_rows(dataset, chosen, others).to_dict("records")
    ours = pd.DataFrame({"group_id": the_35, "group_name": the_35, "iso3": dataset.states.index})
    bounds = _bounds(dataset)
    parts = []
    for day in days:
        members = _members(everyone, group_ids, day)
        if the_35:
            members = pd.concat([ours, members], ignore_index=True)
        view = _the_35_on(dataset, day, chosen)
        standing = pd.DataFrame(
            {
                "iso3": [*view["iso3"], *(r["iso3"] for r in rows)],
                "instrument": [*view["instrument"], *(r["instrument"] for r in rows)],
                "status": [*view["status"], *(standing_on(r, day) for r in rows)],
            }
        )
        ids = [the_35, *group_ids] if the_35 else group_ids
        shares = _shares(dataset, day, ids, chosen, members, standing, bounds)
        parts.append(shares.assign(as_of=day))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _the_35_on(dataset: Dataset, day: date, chosen: list[str]) -> pd.DataFrame:
    """The 35's statuses on ``day``, as :func:`status_view` gives them (without its names,
    groups and steps at home, which a count does not read)."""
    cut = dataset_on(dataset, day)
    frame = cut.status[cut.status["instrument"].isin(chosen)]
    return status_on(with_instrument_facts(frame, cut.instruments), day)


def _shares(
    dataset: Dataset,
    as_of: date,
    group_ids: list[str],
    chosen: list[str],
    members: pd.DataFrame,
    standing: pd.DataFrame,
    bounds: tuple[pd.Series, dict[str, date]] | None = None,
) -> pd.DataFrame:
    """The rows of :func:`group_shares` from the members and every coded member's standing;
    ``bounds``: :func:`_bounds`, when the caller has it."""
    unnamed, captures = _bounds(dataset) if bounds is None else bounds
    by_instrument = {
        i: dict(zip(part["iso3"], part["status"], strict=True))
        for i, part in standing.groupby("instrument", sort=False)
    }
    together = _together(standing, chosen)
    rows = []
    for group_id in group_ids:
        mine = members[members["group_id"] == group_id]
        size = len(mine)
        outside = any(c not in dataset.states.index for c in mine["iso3"])
        codes = list(dict.fromkeys(mine["iso3"]))
        for instrument in [*chosen, ALL]:
            statuses = together if instrument == ALL else by_instrument.get(instrument, {})
            status = [statuses[c] for c in codes if c in statuses]
            parties = status.count(PARTY)
            after = [i for i in _of(instrument, chosen) if as_of > captures.get(i, as_of)]
            lower = outside and bool(after)
            rows.append(
                {
                    "group_id": group_id,
                    "group_name": mine["group_name"].iat[0] if size else group_id,
                    "instrument": instrument,
                    "members": size,
                    "parties": parties,
                    "unknown": status.count(UNKNOWN) + (size - len(status)),
                    "share": parties / size if size else float("nan"),
                    "lower_bound": lower,
                    "unnamed_acts": int(sum(unnamed.get(i, 0) for i in after)) if lower else 0,
                }
            )
    return pd.DataFrame(rows)


def _bounds(dataset: Dataset) -> tuple[pd.Series, dict[str, date]]:
    """Per instrument, the acts UNTC counts that the snapshot cannot name, and the last day of
    its last complete participant list (after it, a count outside the 35 is a lower bound)."""
    captures = capture_months(dataset.participation)
    return unnamed_acts(dataset)["unnamed"], {
        i: PartialDate.parse(t).latest() for i, t in captures.items()
    }


def _of(instrument: str, chosen: list[str]) -> list[str]:
    return chosen if instrument == ALL else [instrument]


def _together(standing: pd.DataFrame, chosen: list[str]) -> dict[str, str]:
    """Per coded member: party if party to every one of ``chosen``, unknown if any is unknown
    and none is a gap, else no action."""
    table = standing[standing["instrument"].isin(chosen)]
    grouped = table.assign(party=table["status"] == PARTY, gap=table["status"].isin(GAPS)).groupby(
        "iso3"
    )
    party, gap = grouped["party"].all(), grouped["gap"].any()
    return {c: PARTY if party[c] else NO_ACTION if gap[c] else UNKNOWN for c in party.index}


def _standing(dataset: Dataset, as_of: date, chosen: list[str], codes: list[str]) -> pd.DataFrame:
    """Status of every coded member on every chosen instrument: the 35 from the export's view
    (status.csv on the four), the others from the participation rows."""
    oas = [c for c in codes if c in dataset.states.index]
    parts = []
    if oas:
        view = standing_view(dataset, as_of, chosen)
        parts.append(view.loc[view["iso3"].isin(oas), ["iso3", "instrument", "status"]])
    others = [c for c in codes if c not in dataset.states.index]
    if others:
        view = participation_view(dataset, as_of, chosen, others)
        parts.append(view[["iso3", "instrument", "status"]])
    if not parts:
        return pd.DataFrame(columns=["iso3", "instrument", "status"])
    return pd.concat(parts, ignore_index=True)
