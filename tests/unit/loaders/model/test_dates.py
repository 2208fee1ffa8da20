from datetime import date

import pytest

from loaders.model.dates import (
    DateFormatError,
    PartialDate,
    parse_iso_date,
    parse_untc_date,
    parse_untc_timestamp,
)


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2004", date(2004, 1, 1), date(2004, 12, 31), "year"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28), "month"),
        ("2012-07-31", date(2012, 7, 31), date(2012, 7, 31), "day"),
    ],
)
def test_partial_date_bounds_keep_the_precision(text, earliest, latest, precision):
    partial = PartialDate.parse(text)
    assert (partial.earliest(), partial.latest(), partial.precision) == (
        earliest,
        latest,
        precision,
    )
    assert str(partial) == text


@pytest.mark.parametrize("text", ["", "04", "2004-13", "2004-02-30", "2004/01/01", "July 2004"])
def test_partial_date_rejects_what_it_cannot_read(text):
    with pytest.raises(DateFormatError):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("9 Apr 2001", date(2001, 4, 9)),
        ("29 May\t 2013", date(2013, 5, 29)),
        ("7 Jun 2004 a", date(2004, 6, 7)),
        ("21\u00a0May  2004 AA", date(2004, 5, 21)),
        ("  ", None),
    ],
)
def test_untc_cells(cell, expected):
    assert parse_untc_date(cell) == expected


@pytest.mark.parametrize("cell", ["31 Feb 2004", "12 Foo 2004", "yesterday"])
def test_untc_cell_errors_name_the_cell(cell):
    with pytest.raises(DateFormatError, match="UNTC cell"):
        parse_untc_date(cell)


def test_status_as_at_header():
    assert parse_untc_timestamp("STATUS AS AT : 20-04-2024 09:15:48 EDT") == date(2024, 4, 20)
    with pytest.raises(DateFormatError):
        parse_untc_timestamp("STATUS AS AT : soon")


def test_iso_dates_for_the_command_line():
    assert parse_iso_date("2009-06-04") == date(2009, 6, 4)
    with pytest.raises(DateFormatError, match="YYYY-MM-DD"):
        parse_iso_date("2009-13-45")
