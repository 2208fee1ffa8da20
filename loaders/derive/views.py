"""The filtered status table that both the dashboard and the export show."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.derive.domestic import domestic_step_codes
from loaders.derive.groups import every_group_id, groups_of, members_on, memberships_of_the_35
from loaders.derive.status import status_on, with_instrument_facts
from loaders.store.dataset import Dataset


class SelectionError(ValueError):
    """An instrument or group id that the data does not know."""


def resolve(choices: Sequence[str] | None, valid: list[str], what: str) -> list[str]:
    """Ids matched case-insensitively against ``valid``; an unknown one names the valid choices."""
    if not choices:
        return list(valid)
    by_key = {v.casefold(): v for v in valid}
    unknown = [c for c in choices if c.casefold() not in by_key]
    if unknown:
        raise SelectionError(
            f"unknown {what} {', '.join(repr(u) for u in unknown)} (choose from {', '.join(valid)})"
        )
    return list(dict.fromkeys(by_key[c.casefold()] for c in choices))


def status_view(
    dataset: Dataset,
    as_of: date,
    instruments: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per state and instrument as on ``as_of``, with state names, groups (full members
    only) and the latest step at home (``domestic_step``, empty when none)."""
    dataset = dataset_on(dataset, as_of)
    chosen = resolve(instruments, dataset.instrument_ids, "instrument")
    frame = dataset.status[dataset.status["instrument"].isin(chosen)]
    frame = status_on(with_instrument_facts(frame, dataset.instruments), as_of)
    members = members_on(dataset.memberships, as_of)
    if groups:  # any group, the OAS's subregions or the world's: its members among the 35
        wanted = resolve(groups, every_group_id(dataset), "group")
        inside = members_on(memberships_of_the_35(dataset), as_of)
        frame = frame[frame["iso3"].isin(inside.loc[inside["group_id"].isin(wanted), "iso3"])]
    frame = frame.assign(
        state=frame["iso3"].map(dataset.states["name"]),
        groups=frame["iso3"].map(groups_of(members)).fillna(""),
    )
    if not dataset.registry.empty:  # the instrument's depositary and family, for the export
        frame["depositary"] = frame["instrument"].map(dataset.registry["depositary"])
        frame["family"] = frame["instrument"].map(dataset.registry["family"])
    steps = domestic_step_codes(dataset.domestic_steps, as_of)  # beside the status, never in it
    frame["domestic_step"] = [
        steps.get(key, "") for key in zip(frame["iso3"], frame["instrument"], strict=True)
    ]
    order = {i: n for n, i in enumerate(dataset.instrument_ids)}
    return frame.sort_values(
        ["instrument", "state"], key=lambda s: s.map(order) if s.name == "instrument" else s
    ).reset_index(drop=True)
