"""The timeline: parties among the chosen states over time, and how long each state took."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from loaders.derive import median_years, paragraph6, parties_over_time, party_counts, ratify_times
from loaders.derive.cut import dataset_on
from loaders.store.dataset import Dataset
from views.models.selection import Selection
from views.models.shared import in_reading_order
from views.text.words import data_age


@dataclass(frozen=True)
class TimelineModel:
    view: pd.DataFrame  # the status view on the date, with each row's status on 4 June 2009
    states: int
    series: pd.DataFrame  # instrument, date, parties: a step per consent, up to the date
    # instrument -> (parties on 4 June 2009, parties on the date), among the same states
    counts: dict[str, tuple[int, int]]
    checked: date | None  # the oldest date the snapshot was checked against UNTC
    times: pd.DataFrame  # parties with their years from opening for signature
    medians: dict[str, float]  # instrument -> median years from opening to consent
    opened: pd.Series  # instrument -> opening for signature

    @property
    def empty(self) -> bool:
        return bool(self.view.empty)

    @property
    def iso3s(self) -> list[str]:
        return list(dict.fromkeys(self.view["iso3"]))


def timeline_model(dataset: Dataset, selection: Selection) -> TimelineModel:
    """``dataset``: localized to ``selection.language``.

    The 4 June 2009 column counts the parties of that day whatever the chosen date (from
    :func:`loaders.derive.paragraph6`), among the states of the view.
    """
    # paragraph 6 cuts at the date itself, beside its one labelled figure of 4 June 2009
    p6 = paragraph6(dataset, selection.as_of, selection.instruments, selection.groups)
    dataset = dataset_on(dataset, selection.as_of)
    view = in_reading_order(p6, dataset)
    counts = party_counts(view) if len(view) else pd.DataFrame()
    times = ratify_times(view)
    checked = data_age(dataset, selection.as_of)
    return TimelineModel(
        view=view,
        states=view["iso3"].nunique(),
        series=parties_over_time(view, dataset.instruments, selection.as_of)
        if len(view)
        else pd.DataFrame(columns=["instrument", "date", "parties"]),
        counts={
            str(i): (int(row["parties_2009"]), int(row["parties"])) for i, row in counts.iterrows()
        },
        checked=checked[0] if checked else None,
        times=times,
        medians={str(i): float(m) for i, m in median_years(times).items()},
        opened=dataset.instruments["opened_for_signature"],
    )
