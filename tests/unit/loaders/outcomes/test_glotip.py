"""UNODC's workbook layout: national totals only, values as published, a bad file named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from loaders.outcomes.errors import OutcomesFormatError
from loaders.outcomes.glotip import read_glotip_xlsx, totals_rows
from tests.support.outcomes import GLOTIP_ROWS, write_glotip_workbook


def test_it_keeps_the_national_totals_as_published(tmp_path: Path) -> None:
    release = read_glotip_xlsx(write_glotip_workbook(tmp_path / "data_glotip.xlsx"))
    assert release.released == date(2025, 4, 14)
    # 6 rows: the female breakdown and the form-of-exploitation row are not totals.
    assert [(t.iso3, t.year, t.value) for t in release.totals] == [
        ("USA", 2021, "10070"),
        ("USA", 2022, "16390"),
        ("BLZ", 2019, "<5"),
        ("AGO", 2014, "5"),
    ]
    belize = release.totals[2]
    assert belize.censored and belize.number is None  # <5 has no number


def test_rows_for_the_oas_states_in_the_bundled_columns(tmp_path: Path) -> None:
    release = read_glotip_xlsx(write_glotip_workbook(tmp_path / "data_glotip.xlsx"))
    rows = totals_rows(release, {"USA", "BLZ"})
    assert [r["iso3"] for r in rows] == ["BLZ", "USA", "USA"]  # Angola is not an OAS state
    assert rows[0] | {"release": ""} == {
        "iso3": "BLZ",
        "country": "Belize",
        "subregion": "Latin America and the Caribbean",
        "indicator": "Persons convicted",
        "year": "2019",
        "value": "<5",
        "unit": "Counts",
        "source": "GLOTIP",
        "value_numeric": "",
        "censored": "yes",
        "release": "",
    }
    assert rows[2]["value_numeric"] == "16390"
    assert rows[2]["release"] == "UNODC data portal data_glotip.xlsx, release dated 14/04/2025"


@pytest.mark.parametrize(
    ("build", "fault"),
    [
        (lambda p: p.write_text("Iso3_code,Country\n"), "not an Excel workbook"),
        (lambda p: write_glotip_workbook(p, released="April 2025"), "release date"),
        (lambda p: write_glotip_workbook(p, header=("ISO3", "Country")), "row 3 should be"),
        (
            lambda p: write_glotip_workbook(p, rows=[(*GLOTIP_ROWS[0][:11], "about 10", "GLOTIP")]),
            "row 4: not a count or <5: 'about 10'",
        ),
        (lambda p: write_glotip_workbook(p, rows=[GLOTIP_ROWS[2]]), "no national totals"),
    ],
)
def test_a_file_in_another_layout_is_refused_in_one_line(tmp_path: Path, build, fault) -> None:
    path = tmp_path / "data_glotip.xlsx"
    build(path)
    with pytest.raises(OutcomesFormatError) as raised:
        read_glotip_xlsx(path)
    message = str(raised.value)
    assert message.startswith("data_glotip.xlsx: ") and fault in message and "\n" not in message
