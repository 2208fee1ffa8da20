"""The treaty family's view model against facts worked out by hand from the frozen reference
(tests/fixtures/data/reference/family/family_oas_status.csv and palermo_oas_status.csv).

On 1 June 2024, by hand from those files:
- CIFTA (A-63): 30 party, 4 signatories (Canada, Jamaica, Saint Vincent and the Grenadines, the
  United States), Cuba unknown: 4 gaps, 1 unknown.
- UNCAC (XVIII-14): 33 parties in the file, but Saint Kitts and Nevis acceded in August 2024:
  32 parties on the date; gaps Barbados (signatory), Saint Vincent (not party), Saint Kitts.
- Firearms Protocol not party: Belize, Canada, Colombia, Saint Lucia, Suriname, United States.
  So party to the Firearms Protocol and not to CIFTA: Jamaica, Saint Vincent (Cuba: no evidence
  on CIFTA); party to CIFTA and not to the Firearms Protocol: Belize, Colombia, Saint Lucia,
  Suriname.
- Optional Protocol on the sale of children, not party: Barbados, Saint Kitts and Nevis,
  Trinidad and Tobago (all 35 are party to the Trafficking Protocol).
- Bolivia on ILO C029: unknown (no evidence).
"""

from __future__ import annotations

from datetime import date

import pytest

from loaders.store.dataset import Dataset
from views.models.family import family_model, family_table
from views.models.selection import Selection
from views.text.localized import localized

JUNE_2024 = date(2024, 6, 1)


def _model(dataset: Dataset, day: date, groups: tuple[str, ...] = ()):
    return family_model(dataset, Selection(instruments=("UNTOC",), as_of=day, groups=groups))


def _flag(model, first: str, second: str):
    return next(f for f in model.flags if (f.party_to, f.not_party_to) == (first, second))


def test_gaps_and_unknown_per_instrument_on_a_date(dataset: Dataset) -> None:
    model = _model(dataset, JUNE_2024)
    assert model.by_instrument.loc["CIFTA"].to_dict() == {
        "gaps": 4, "parties": 30, "unknown": 1, "cells": 35,
    }  # fmt: skip
    uncac = model.by_instrument.loc["UNCAC"]
    assert (uncac["parties"], uncac["gaps"]) == (32, 3)


def test_unknown_is_never_a_gap_nor_a_party(dataset: Dataset) -> None:
    model = _model(dataset, JUNE_2024)
    bolivia = model.cells[(model.cells["iso3"] == "BOL") & (model.cells["instrument"] == "C029")]
    assert bolivia["category"].tolist() == ["unknown"]
    unknown = model.cells[model.cells["category"] == "unknown"]
    assert model.unknown_cells == len(unknown)
    gaps = model.by_state["gaps"].sum()
    assert gaps == model.gap_cells
    assert gaps + model.unknown_cells + model.by_state["parties"].sum() == len(model.cells)


def test_coherence_flags_name_the_states_with_evidence(dataset: Dataset) -> None:
    model = _model(dataset, JUNE_2024)
    firearms_not_cifta = _flag(model, "FIREARMS", "CIFTA")
    assert [name for name, _ in firearms_not_cifta.states] == [
        "Jamaica",
        "Saint Vincent and the Grenadines",
    ]
    # Both were signatories when last checked (April 2010): said so, not a current fact.
    assert all(checked == "2010-04" for _, checked in firearms_not_cifta.states)
    assert firearms_not_cifta.unknown == ["Cuba"]
    cifta_not_firearms = _flag(model, "CIFTA", "FIREARMS")
    assert [n for n, _ in cifta_not_firearms.states] == [
        "Belize", "Colombia", "Saint Lucia", "Suriname",
    ]  # fmt: skip
    children = _flag(model, "TIP", "CRC_OPSC")
    assert [n for n, _ in children.states] == [
        "Barbados", "Saint Kitts and Nevis", "Trinidad and Tobago",
    ]  # fmt: skip


def test_an_instrument_not_yet_adopted_is_left_out_not_a_gap(dataset: Dataset) -> None:
    """On 4 June 2009 the Forced Labour Protocol (2014) and C189 (2011) did not exist."""
    model = _model(dataset, date(2009, 6, 4))
    assert [i for i, _ in model.not_yet_adopted] == ["P029", "C189"]
    shown = {i for _, instruments in model.columns for i in instruments}
    assert not shown & {"P029", "C189"}
    assert not set(model.cells["instrument"]) & {"P029", "C189"}
    assert all(f.not_party_to != "P029" for f in model.flags)


def test_nothing_after_the_date(dataset: Dataset) -> None:
    """Saint Kitts and Nevis acceded to UNCAC in August 2024: not a party on 1 June 2024, a
    party on 1 September 2024."""

    def kna(day: date) -> str:
        cells = _model(dataset, day).cells
        row = cells[(cells["iso3"] == "KNA") & (cells["instrument"] == "UNCAC")]
        return row["status"].iat[0]

    assert kna(JUNE_2024) != "party"
    assert kna(date(2024, 9, 1)) == "party"


def test_a_group_shows_its_members_on_the_date(dataset: Dataset) -> None:
    model = _model(dataset, JUNE_2024, groups=("SICA",))
    assert [iso3 for iso3, _ in model.states] == [
        "BLZ", "CRI", "DOM", "SLV", "GTM", "HND", "NIC", "PAN",
    ]  # fmt: skip
    assert (model.by_instrument["cells"] == 8).all()


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_the_table_alternative_speaks_the_language(dataset: Dataset, language: str) -> None:
    model = _model(localized(dataset, language), JUNE_2024)
    table = family_table(model, localized(dataset, language), language)
    assert len(table) == len(model.cells)
    unknown = {"en": "Unknown (no evidence)", "es": "Desconocido (sin constancia)",
               "pt": "Desconhecido (sem registro)", "fr": "Inconnu (aucune preuve)"}  # fmt: skip
    assert unknown[language] in set(table.iloc[:, 4])
