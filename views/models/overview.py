"""The overview: paragraph 6's call, who has answered it since 4 June 2009 and who has not yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from loaders.derive import (
    RESOLUTION_DATE,
    joined_since_resolution,
    not_yet_party,
    paragraph6,
    party_counts,
)
from loaders.derive.cut import dataset_on
from loaders.derive.world import world_context
from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.models.shared import described, in_reading_order, with_steps


@dataclass(frozen=True)
class InstrumentCount:
    instrument: str
    states: int
    parties: int
    parties_2009: int
    joined: int

    @property
    def change(self) -> int:
        """Parties gained since 4 June 2009 (never negative: a party stays a party)."""
        return self.parties - self.parties_2009


@dataclass(frozen=True)
class OverviewModel:
    frame: pd.DataFrame  # paragraph 6: one row per state and instrument, described
    counts: tuple[InstrumentCount, ...]  # one per chosen instrument, registry order
    states: int  # the states counted (group members on the date, or all 35)
    after_resolution: bool  # the date is on or after 4 June 2009
    not_party: dict[str, pd.DataFrame]  # instrument -> its states not yet party
    joined: pd.DataFrame  # the rows that became party since 4 June 2009, earliest first
    # instrument -> (parties worldwide, "as at" date) from UNTC's header: context, never counted
    world: dict[str, tuple[int, date]]

    @property
    def empty(self) -> bool:
        return bool(self.frame.empty)

    @property
    def any_not_party(self) -> bool:
        return any(not rows.empty for rows in self.not_party.values())

    @property
    def iso3s(self) -> list[str]:
        return list(dict.fromkeys(self.frame["iso3"]))


def overview_model(dataset: Dataset, selection: Selection) -> OverviewModel:
    """``dataset``: localized to ``selection.language``."""
    # paragraph 6 cuts at the date itself, beside its one labelled figure of 4 June 2009
    p6 = paragraph6(dataset, selection.as_of, selection.instruments, selection.groups)
    dataset = dataset_on(dataset, selection.as_of)
    frame = in_reading_order(p6, dataset)
    frame = with_steps(
        described(frame, selection.language), dataset, selection.as_of, selection.language
    )
    counts = party_counts(frame)
    return OverviewModel(
        frame=frame,
        counts=tuple(
            InstrumentCount(
                instrument=str(instrument),
                states=int(row["states"]),
                parties=int(row["parties"]),
                parties_2009=int(row["parties_2009"]),
                joined=int(row["joined"]),
            )
            for instrument, row in counts.iterrows()
        ),
        states=frame["iso3"].nunique(),
        after_resolution=selection.as_of >= RESOLUTION_DATE,
        not_party={i: not_yet_party(frame, i) for i in selection.instruments},
        joined=joined_since_resolution(frame),
        world={
            row["instrument"]: (int(row["parties"]), row["status_as_at"])
            for row in world_context(dataset).to_dict("records")
            if row["instrument"] in selection.instruments and pd.notna(row["parties"])
        },
    )
