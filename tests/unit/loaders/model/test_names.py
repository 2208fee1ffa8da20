"""Participant names, current and older spellings, map to the right state, and only to it."""

import csv

import pytest

from loaders.ingest.reference import UNTC_CAPTURES
from loaders.model.names import NameIndex, normalise
from loaders.store.registry import load_states
from tests.support.data import FROZEN


@pytest.fixture(scope="module")
def names() -> NameIndex:
    return NameIndex(load_states(FROZEN))


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("United States of America", "USA"),
        ("St. Kitts and Nevis", "KNA"),
        ("St. Lucia", "LCA"),
        ("St. Vincent and the Grenadines", "VCT"),
        ("Saint Vincent and the Grenadines 3", "VCT"),  # footnote marker
        ("[Antigua and Barbuda]", "ATG"),  # withdrawn participants are bracketed
        ("Antigua  and\tBarbuda", "ATG"),
        ("Dominica", "DMA"),
        ("Dominican Republic", "DOM"),
    ],
)
def test_known_names(names, name, iso3):
    assert names.iso3(name) == iso3


@pytest.mark.parametrize("name", ["Denmark 1", "European Union", "Guinea", "Samoa", ""])
def test_other_participants_do_not_map(names, name):
    assert names.iso3(name) is None


def test_every_oas_participant_of_2014_maps_once(names):
    """UNTC's 2014 lists name each OAS participant once, under a name we know: exactly the
    states that the reference shows as signatory or party at the 2014 capture."""
    folder = FROZEN / "reference" / "untc-2014"
    reference = _rows(FROZEN / "reference" / "palermo_oas_status.csv")
    for mtdsg_no, capture in UNTC_CAPTURES.items():
        path = folder / f"{mtdsg_no.replace('XVIII', '18')}.csv"
        codes = [names.iso3(row["Participant"]) for row in _rows(path)]
        codes = [c for c in codes if c]
        expected = {
            r["iso3"]
            for r in reference
            if r["mtdsg_no"] == mtdsg_no
            and min(filter(None, (r["signature_date"], r["consent_date"])), default="9999")
            <= capture.isoformat()
        }
        assert len(codes) == len(set(codes)), path.name
        assert set(codes) == expected, path.name


def _rows(path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_normalise_strips_footnotes_and_accents():
    assert normalise("United Kingdom of Great Britain and Northern Ireland 6 , 18 , 19 ,") == (
        "united kingdom of great britain and northern ireland"
    )
    assert normalise("Côte d'Ivoire") == "cote d ivoire"
