"""The State profile's model carries what a reader is meant to read, not the researchers' remarks.

Worked out by hand from the frozen reference (tests/fixtures/data/reference): the OAS note of
Antigua and Barbuda says "NB: en.wikipedia ... - wrong", Venezuela's "Ratification deposit date
NOT retrieved"; groups.csv's note on Bolivia in MERCOSUR starts "CONFLICT:", several others cite
a "Wikipedia list" or a date "not verified".
"""

from __future__ import annotations

from datetime import date

from loaders.store.dataset import Dataset
from views.models.profile import state_profile
from views.models.selection import Selection
from views.text.localized import localized

ALL = ("UNTOC", "TIP", "SOM", "FIREARMS")
REMARKS = ("check against", "NB:", "CONFLICT", "NOT retrieved", "Wikipedia list")


def test_the_profile_model_carries_no_researchers_note(dataset: Dataset) -> None:
    for iso3 in ("ATG", "BOL", "VEN"):
        profile = state_profile(
            localized(dataset, "es"), Selection(ALL, date(2026, 1, 1), language="es"), iso3
        )
        assert not hasattr(profile, "oas_note")
        assert list(profile.memberships.columns) == ["group", "role", "from", "until", "confidence"]
        shown = profile.memberships.to_string() + profile.oas_source
        assert [r for r in REMARKS if r in shown] == [], iso3


def test_the_profile_models_count_note_is_in_the_readers_language(dataset: Dataset) -> None:
    # Cuba's note in data/states.csv is English; the catalogues translate it (count_note.CUB).
    es = state_profile(
        localized(dataset, "es"), Selection(ALL, date(2026, 1, 1), language="es"), "CUB"
    )
    en = state_profile(
        localized(dataset, "en"), Selection(ALL, date(2026, 1, 1), language="en"), "CUB"
    )
    assert en.count_note == str(dataset.states.loc["CUB", "count_note"])
    assert es.count_note and es.count_note != en.count_note
