"""Reservations: states by instruments, who has reserved what, as the depositary published it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.derive.declarations import declarations_table, published_as_at, reservations_matrix
from loaders.export import spreadsheet_csv
from loaders.store.dataset import Dataset
from views.models.citation import pinned_params
from views.models.selection import Selection
from views.text.localized import by_name


@dataclass(frozen=True)
class ReservationsModel:
    matrix: pd.DataFrame  # iso3, state, then one column per chosen instrument: a category
    published: dict[str, str]  # instrument -> the date its record is as published by UNTC
    # instrument -> (parties in the record not bound by dispute settlement, parties among them)
    dispute_counts: dict[str, tuple[int, int]]
    texts: pd.DataFrame  # one row per state and instrument with a text (declarations_table)
    profiles: dict[str, str]  # iso3 -> the state's profile, keeping the view (a relative link)
    texts_csv: bytes  # `.venv/bin/python -m loaders declarations` for the same choice
    matrix_csv: bytes

    @property
    def empty(self) -> bool:
        return bool(self.matrix.empty)


def reservations_model(dataset: Dataset, selection: Selection) -> ReservationsModel:
    """``dataset``: localized; groups are their full members on the selection's date."""
    dataset = dataset_on(dataset, selection.as_of)
    instruments, groups = list(selection.instruments), list(selection.groups)
    matrix = reservations_matrix(dataset, instruments, groups, selection.as_of)
    matrix = by_name(matrix).reset_index(drop=True)
    counts = {}
    for instrument in instruments:
        cells = matrix[instrument] if instrument in matrix else pd.Series(dtype=str)
        counts[instrument] = (
            int((cells == "dispute_settlement").sum()),
            int((cells != "not_party").sum()),
        )
    texts = declarations_table(dataset, instruments, groups, selection.as_of)
    texts = by_name(texts).reset_index(drop=True)
    return ReservationsModel(
        matrix=matrix,
        texts=texts,
        profiles={
            i: f"profile?{urlencode(pinned_params(selection, {'state': i}), doseq=True)}"
            for i in matrix["iso3"]
        },
        published={i: published_as_at(dataset, i) for i in instruments},
        dispute_counts=counts,
        texts_csv=spreadsheet_csv(texts),
        matrix_csv=spreadsheet_csv(matrix.astype(str)),
    )
