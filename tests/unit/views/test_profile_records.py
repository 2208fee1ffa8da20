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
from views.text.words import reader_record

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


def test_the_profile_models_source_records_carry_no_researchers_remark(dataset: Dataset) -> None:
    # Bolivia's Firearms row: "UNODC news of September 2020: accession deposited 4 Sep 2020
    # (119th party). The Netherlands treaty database ... deposit on 2020-09-01: check against UNTC".
    selection = Selection(ALL, date(2026, 1, 1), language="es")
    for iso3 in dataset.states.index:
        profile = state_profile(localized(dataset, "es"), selection, iso3)
        shown = " ".join(str(f.row["source"]) for f in profile.facts.values())
        assert [r for r in REMARKS if r in shown + profile.oas_source] == [], iso3
    bolivia = state_profile(localized(dataset, "es"), selection, "BOL")
    assert bolivia.facts["FIREARMS"].row["source"] == (
        "UNODC news of September 2020: accession deposited 4 Sep 2020 (119th party). The "
        "Netherlands treaty database gives entry into force 2020-10-01, which would imply deposit "
        "on 2020-09-01"
    )


def test_a_record_keeps_its_words_and_loses_only_the_remarks() -> None:
    assert reader_record("UNTC status feed (2014): signature only") == (
        "UNTC status feed (2014): signature only"
    )
    assert reader_record("Deposit 1 Sep 2020: check against UNTC") == "Deposit 1 Sep 2020"
    assert reader_record("Signed 1981. NB: a copy says 1967 - wrong; the OAS says 1981.") == (
        "Signed 1981. the OAS says 1981."
    )
    assert reader_record('In force 1997. CONFLICT: RT says "1998". Signed 2012.') == (
        "In force 1997. Signed 2012."
    )
    assert reader_record("A news item [row taken from shared/reference/x.csv]") == "A news item"
