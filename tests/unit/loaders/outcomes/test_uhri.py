"""A UHRI export: the Palermo recommendations to OAS states, in the seed's columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.outcomes.errors import OutcomesFormatError
from loaders.outcomes.uhri import read_uhri_csv, recommending_state
from tests.support.outcomes import UHRI_HEADER, UHRI_ROWS, write_uhri_export

NAMES = {"Saint Vincent and the Grenadines": "VCT", "Barbados": "BRB"}


def test_it_keeps_palermo_recommendations_to_oas_states(tmp_path: Path) -> None:
    rows = read_uhri_csv(write_uhri_export(tmp_path / "uhri.csv"), NAMES)
    # The national institution is not a Palermo recommendation; Slovenia is not an OAS state.
    assert rows == [
        {
            "upr_year": "2021",
            "state_under_review_iso3": "VCT",
            "state_under_review": "Saint Vincent and the Grenadines",
            "recommending_state": "Philippines",
            "position_as_coded_in_source": "Supported",
            "kind": "ratify/accede",
            "text": UHRI_ROWS[0][3],
            "source": "OHCHR UHRI export uhri.csv, A/HRC/48/7/Add.1",
        }
    ]


def test_the_recommending_state_is_read_from_the_closing_parentheses() -> None:
    text = "94.1 Enact a definition of organized crime (Portugal) );"
    assert recommending_state(text) == "Portugal"
    assert recommending_state("No state named") == ""


def test_an_implementation_recommendation_is_not_a_call_to_ratify(tmp_path: Path) -> None:
    text = "102.5 Adopt legislation in line with the Palermo Protocol (Chile);"
    row = ["Barbados", "2", "2013", text, "Supported", ""]
    rows = read_uhri_csv(write_uhri_export(tmp_path / "u.csv", [row]), NAMES)
    assert rows[0]["kind"] == "implement/legislate"
    assert rows[0]["source"] == "OHCHR UHRI export u.csv"


def test_a_file_without_the_columns_is_refused_naming_them(tmp_path: Path) -> None:
    path = write_uhri_export(tmp_path / "other.csv", header=["Country", *UHRI_HEADER[1:3]])
    with pytest.raises(OutcomesFormatError) as raised:
        read_uhri_csv(path, NAMES)
    assert str(raised.value).startswith("other.csv: not a UHRI export: no column ")
    assert "'Recommendation and recommending State'" in str(raised.value)
