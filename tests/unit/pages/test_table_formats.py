"""Table cells in the reader's language: dates that still sort as dates, decimal signs."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pages.components.table_formats import decimals, with_dates
from views.text.i18n import Translator

# Day-first text sorts these out of date order: "09/09/2003" < "10/04/2003" < "23/09/2003".
FRAME = pd.DataFrame(
    {
        "state": ["Peru", "Belize", "Mexico", "Costa Rica"],
        "since": [pd.Timestamp("2003-09-23"), None, pd.Timestamp("2003-04-10"), date(2003, 9, 9)],
    }
)


def test_dates_read_in_the_language_and_a_missing_one_is_an_empty_cell() -> None:
    shown = with_dates(FRAME, ["since"], Translator("es")).to_string()
    assert "23/09/2003" in shown and "10/04/2003" in shown and "09/09/2003" in shown
    assert "None" not in shown and "NaT" not in shown and "nan" not in shown
    assert "23 Sep 2003" in with_dates(FRAME, ["since"], Translator("en")).to_string()


def test_the_cells_under_the_text_sort_in_date_order() -> None:
    cells = with_dates(FRAME, ["since"], Translator("es")).data
    assert cells["since"].tolist() == ["2003-09-23", "", "2003-04-10", "2003-09-09"]
    by_cell = cells.sort_values("since")["state"].tolist()
    assert by_cell == ["Belize", "Mexico", "Costa Rica", "Peru"]
    # what sorting the shown text would give instead
    shown = cells.assign(
        since=cells["since"].map(lambda d: d and Translator("es").short_date(date.fromisoformat(d)))
    )
    assert shown.sort_values("since")["state"].tolist() != by_cell
    assert FRAME["since"].iloc[0] == pd.Timestamp("2003-09-23")  # the caller's frame unchanged


def test_an_empty_or_unreadable_date_is_an_empty_cell() -> None:
    odd = pd.DataFrame({"since": ["", None, float("nan"), "2009-06-04"]})
    assert with_dates(odd, ["since"], Translator("fr")).data["since"].tolist() == [
        "",
        "",
        "",
        "2009-06-04",
    ]


def test_decimals_use_the_languages_sign_and_leave_none_empty() -> None:
    values = pd.Series([3.14, None])
    assert decimals(values, Translator("pt")).tolist() == ["3,1", ""]
    assert decimals(values, Translator("en")).tolist() == ["3.1", ""]
