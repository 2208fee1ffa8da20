"""The frozen test data (tests/fixtures/data, a copy of the bundled data of 29 November 2026)
says what its researched reference facts say, row for row; its facts are worked out by hand."""

import csv
from datetime import date

import pandas as pd

from loaders.store.snapshot import read_current
from tests.support.data import FROZEN

REFERENCE = FROZEN / "reference"


def _reference_rows() -> list[dict]:
    with (REFERENCE / "palermo_oas_status.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_current_snapshot_is_the_reference_row_for_row():
    snapshot = read_current(FROZEN)
    assert snapshot.meta.method == "compiled-reference"
    rows = snapshot.status.set_index(["iso3", "mtdsg_no"])
    reference = _reference_rows()
    assert len(rows) == len(reference) == 35 * 4
    for ref in reference:
        row = rows.loc[(ref["iso3"], ref["mtdsg_no"])]
        assert row["signature_date"] == ref["signature_date"]
        assert row["consent_date"] == ref["consent_date"]
        assert row["consent_kind"] == ref["consent_kind"]
        assert row["kind_inferred"] == ("true" if ref["kind_inferred"] == "yes" else "false")
        assert row["verified_through"] == ref["source_date"]
        assert row["confidence"] == ref["confidence"]
        assert row["source"] == ref["source"]


def test_snapshot_metadata_says_where_and_how_old(dataset):
    meta = dataset.meta
    assert set(meta.instruments) == {"UNTOC", "TIP", "SOM", "FIREARMS"}
    assert meta.instruments["TIP"].status_as_at == date(2014, 1, 27)
    assert meta.instruments["FIREARMS"].status_as_at == date(2014, 7, 10)
    # compiled against the previous snapshot, so with its change log
    assert set(meta.files) == {
        "status.csv",
        "declarations.csv",
        "changes.json",
        "changes.md",
        "participation.csv",
    }
    assert "2014" in meta.description


def test_states_are_the_35_with_untc_names(dataset):
    states = dataset.states
    assert len(states) == 35
    assert states.loc["BOL", "untc_name"] == "Bolivia (Plurinational State of)"
    assert states.loc["VEN", "untc_name"] == "Venezuela (Bolivarian Republic of)"
    assert "St. Lucia" in states.loc["LCA", "untc_aliases"]
    assert states.loc["NIC", "count_note"].startswith("Charter denunciation")
    assert states.loc["ARG", "oas_joined"] == "1956-04-10"
    assert states.loc["SUR", "oas_joined"] == "1977"  # known to the year only
    assert pd.isna(states.loc["USA", "oas_joined"])  # deposit date not retrieved: unknown


def test_instrument_registry(dataset):
    instruments = dataset.instruments
    assert list(instruments.index) == ["UNTOC", "TIP", "SOM", "FIREARMS"]
    assert str(instruments.loc["TIP", "entry_into_force"]) == "2003-12-25"
    assert instruments.loc["FIREARMS", "parent"] == "UNTOC"


def test_no_protocol_party_without_the_convention(dataset):
    """UNTOC art. 37(2): a State must be party to the Convention to join a Protocol."""
    status = dataset.status.set_index(["iso3", "instrument"])
    protocols = status[status.index.get_level_values("instrument") != "UNTOC"]
    for (iso3, instrument), row in protocols[protocols["consent_date"].notna()].iterrows():
        convention = status.loc[(iso3, "UNTOC"), "consent_date"]
        assert convention <= row["consent_date"], (iso3, instrument)
