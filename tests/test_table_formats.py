"""Table cells in the reader's language: dates that still sort as dates, decimal signs."""

from __future__ import annotations

import pandas as pd

from loaders.i18n import Translator
from pages.components.table_formats import decimals, with_dates

FRAME = pd.DataFrame(
    {
        "state": ["Peru", "Belize", "Mexico"],
        "since": [pd.Timestamp("2003-09-23"), None, pd.Timestamp("2003-04-10")],
    }
)


def test_dates_read_in_the_language_and_a_missing_one_is_an_empty_cell() -> None:
    shown = with_dates(FRAME, ["since"], Translator("es")).to_string()
    assert "23 sept 2003" in shown and "10 abr 2003" in shown
    assert "None" not in shown and "NaT" not in shown and "nan" not in shown
    assert "Sep" in with_dates(FRAME, ["since"], Translator("en")).to_string()


def test_date_columns_still_sort_by_date_under_the_text_shown() -> None:
    cells = with_dates(FRAME, ["since"], Translator("fr")).data
    # what the table sorts on: ISO dates, the missing one first and empty
    assert cells.sort_values("since")["state"].tolist() == ["Belize", "Mexico", "Peru"]
    assert cells["since"].tolist() == ["2003-09-23", "", "2003-04-10"]
    assert FRAME["since"].iloc[0] == pd.Timestamp("2003-09-23")  # the caller's frame unchanged


def test_decimals_use_the_languages_sign_and_leave_none_empty() -> None:
    values = pd.Series([3.14, None])
    assert decimals(values, Translator("pt")).tolist() == ["3,1", ""]
    assert decimals(values, Translator("en")).tolist() == ["3.1", ""]
