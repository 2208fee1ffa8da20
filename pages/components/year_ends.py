"""The regions over time's year ends (views.models.world.year_end_shares), made once per snapshot,
language and groups and shared by every view: a year's end before the view's date does not depend
on the date, so a first visit of a date counts only the date itself."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pages.components.data import snapshot_model
from views.models.world import year_end_shares


def year_ends(language: str, groups: tuple[str, ...], as_of: date) -> pd.DataFrame:
    """The year ends through last year's (or the year before ``as_of``'s, if later): every year
    end before any date a reader can choose. The caller leaves out those on or after its date."""
    last = max(date.today(), as_of).year - 1
    return snapshot_model(year_end_shares, language, tuple(groups), last)
