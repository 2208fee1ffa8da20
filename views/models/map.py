"""The map: one instrument's status for each chosen state on the date, ready to draw."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loaders.derive import PARTY
from loaders.derive.cut import dataset_on
from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.models.shared import CATEGORIES, checked_dates, described, local_view, with_steps
from views.text.hover import state_hover
from views.text.words import confidence_word, kind_text, partial_date_text


@dataclass(frozen=True)
class MapModel:
    instrument: str
    frame: pd.DataFrame  # described rows with marker positions and hover text
    parties: int
    by_category: dict[str, pd.DataFrame]  # present categories only, in legend order
    unverified_checks: list[str]  # dates (at their precision) of the rows not verified since

    @property
    def empty(self) -> bool:
        return bool(self.frame.empty)

    @property
    def total(self) -> int:
        return len(self.frame)

    @property
    def iso3s(self) -> list[str]:
        return list(self.frame["iso3"])

    def table(self, language: str) -> pd.DataFrame:
        """The map as a table: one row per state, dates as dates (the page formats them)."""
        frame = self.frame
        return pd.DataFrame(
            {
                "state": frame["state"],
                "category": frame["category"],
                "label": frame["label"],
                "signed": frame["signature_date"],
                "consent": frame["consent_date"],
                "kind": frame["consent_kind"].map(lambda k: kind_text(k, language=language)),
                "in_force": frame["entry_into_force"],
                "verified_through": frame["verified_through"].map(
                    lambda v: partial_date_text(v, language)
                ),
                "confidence": frame["confidence"].map(lambda c: confidence_word(c, language)),
            }
        )


def map_model(dataset: Dataset, selection: Selection, instrument: str) -> MapModel:
    """``dataset``: localized to ``selection.language``; ``instrument``: the one drawn."""
    dataset = dataset_on(dataset, selection.as_of)
    view = local_view(dataset, selection.as_of, [instrument], selection.groups)
    frame = with_steps(
        described(view, selection.language), dataset, selection.as_of, selection.language
    ).assign(
        marker_lat=view["iso3"].map(dataset.states["marker_lat"]),
        marker_lon=view["iso3"].map(dataset.states["marker_lon"]),
    )
    rows = frame.to_dict("records")
    frame["hover"] = [state_hover(row, selection.language) for row in rows]
    return MapModel(
        instrument=instrument,
        frame=frame,
        parties=int((frame["status"] == PARTY).sum()),
        by_category={
            c: frame[frame["category"] == c] for c in CATEGORIES if (frame["category"] == c).any()
        },
        unverified_checks=checked_dates(frame) if len(frame) else [],
    )
