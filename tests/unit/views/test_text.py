"""The dashboard's words (views.text), against the frozen data, in the four languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from loaders.derive.views import status_view
from loaders.store.dataset import Dataset
from views.models.shared import local_view
from views.text.localized import localized
from views.text.notes import count_note
from views.text.words import (
    age_text,
    confidence_text,
    data_age,
    duration_text,
    group_label,
    group_labels,
    instrument_brief,
    instrument_label,
    join_words,
    long_date,
    partial_date_text,
    plain,
    short_date,
    status_brief,
    status_label,
    status_sentence,
)

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("value", "text"),
    [(date(2009, 6, 4), "4 June 2009"), (pd.Timestamp("2014-11-11"), "11 November 2014")],
)
def test_dates_read_naturally(value: date, text: str) -> None:
    assert long_date(value) == text
    assert long_date(None) == long_date(pd.NaT) == ""
    assert short_date(date(2009, 6, 4)) == "4 Jun 2009"


@pytest.mark.parametrize(
    ("partial", "text"),
    [("2014", "2014"), ("2014-01", "January 2014"), ("2014-01-27", "27 January 2014"), ("", "")],
)
def test_partial_dates_keep_their_precision(partial: str, text: str) -> None:
    assert partial_date_text(partial) == text


@pytest.mark.parametrize(
    ("then", "text"),
    [
        (date(2014, 1, 27), "12 years ago"),
        (date(2025, 11, 29), "1 year ago"),
        (date(2026, 8, 30), "2 months ago"),
        (date(2026, 11, 28), "1 day ago"),
        (TODAY, "today"),
    ],
)
def test_ages_in_the_largest_whole_unit(then: date, text: str) -> None:
    assert age_text(then, TODAY) == text


def test_durations() -> None:
    assert duration_text(1) == "1 day"
    assert duration_text(200) == "7 months"
    assert duration_text(1143) == "3.1 years"
    assert duration_text(None) == duration_text(pd.NA) == ""


def test_group_labels_are_short() -> None:
    assert group_label("Southern Common Market (MERCOSUR)") == "MERCOSUR"
    assert group_label("UN M49: South America") == "South America (UN M49)"
    assert group_label("Rio Group (Permanent Mechanism of Consultation)") == "Rio Group"
    assert join_words(["A", "B", "C"]) == "A, B and C" and join_words(["A"]) == "A"


def test_link_values_are_shown_safely() -> None:
    assert plain("a`b") == "a\\`b"
    assert plain("x" * 500) == "x" * 59 + "…"
    # markdown that would draw an outside image or link is shown as the characters it is
    hostile = "![x](https://evil.example/p.png) [Official notice](https://evil.example)"
    shown = plain(hostile, limit=None)
    assert "![" not in shown and "](" not in shown and "https://" not in shown
    assert shown.replace("\\", "") == hostile


def test_the_data_age_is_the_oldest_status_as_at(dataset: Dataset) -> None:
    assert data_age(dataset, TODAY) == (date(2014, 1, 27), (TODAY - date(2014, 1, 27)).days)


def _row(dataset: Dataset, iso3: str, instrument: str, as_of: date = TODAY) -> pd.Series:
    view = status_view(dataset, as_of, [instrument])
    return view[view["iso3"] == iso3].iloc[0]


def test_unverified_statuses_say_when_they_were_last_checked(dataset: Dataset) -> None:
    canada = _row(dataset, "CAN", "FIREARMS")
    assert not canada["status_verified"]
    assert status_sentence(canada) == (
        "Signed 20 March 2002, not party as of 2024 (not verified since)"  # source_date "2024"
    )
    assert status_brief(canada) == "signed 20 March 2002; not party as of 2024 (not verified since)"
    assert status_label("no_action", False, "2014-07") == (
        "No action as of July 2014 (not verified since)"
    )
    # on a date the row vouches for, the same status is a plain fact
    then = _row(dataset, "CAN", "FIREARMS", date(2010, 1, 1))
    assert then["status_verified"] and status_sentence(then) == "Signed 20 March 2002, not party"


def test_parties_are_facts_with_their_kind(dataset: Dataset) -> None:
    antigua = _row(dataset, "ATG", "TIP")
    assert status_sentence(antigua) == (
        "Party since 17 February 2010 (accession (inferred: UNTC gives no suffix))"
    )


# --- in the other languages ---------------------------------------------------------------------


def test_words_and_dates_in_each_language(dataset: Dataset) -> None:
    canada = _row(dataset, "CAN", "FIREARMS")
    assert status_sentence(canada, "es") == (
        "Firmó el 20 de marzo de 2002; no es parte (según la última verificación, 2024; "
        "sin verificar desde entonces)"
    )
    assert status_sentence(_row(dataset, "ATG", "TIP"), "fr") == (
        "Partie depuis le 17 février 2010 (adhésion (déduite\u00a0: l'UNTC n'indique pas de "
        "suffixe))"
    )
    assert partial_date_text("2014-01", "pt") == "janeiro de 2014"
    assert age_text(date(2014, 1, 27), TODAY, "fr") == "il y a 12 ans"
    assert age_text(date(2026, 10, 29), TODAY, "es") == "hace 1 mes"
    assert duration_text(1143, "pt") == "3,1 anos" and duration_text(1, "fr") == "1 jour"
    assert confidence_text("medium", "es") == "no confirmado del todo (confianza media)"


def test_a_localized_dataset_names_states_groups_and_instruments(dataset: Dataset) -> None:
    local = localized(dataset, "fr")
    assert local.states.loc["USA", "name"] == "États-Unis"
    assert instrument_label(local, "TIP") == "Protocole relatif à la traite des personnes"
    assert instrument_brief(local, "FIREARMS") == "Armes à feu"
    assert group_labels(local, "pt")["MERCOSUR"] == "MERCOSUL"
    assert dataset.states.loc["USA", "name"] == "United States"  # the original is untouched
    assert localized(dataset, "en").states is dataset.states
    # states in the reader's order, instruments in the registry's
    view = local_view(local, TODAY, ["SOM", "UNTOC"])
    assert list(dict.fromkeys(view["instrument"])) == ["UNTOC", "SOM"]
    states = list(view[view["instrument"] == "UNTOC"]["state"])
    assert states.index("Équateur") < states.index("États-Unis") < states.index("Grenade")


def test_membership_notes_fall_back_to_the_datas_english_when_it_changes(
    dataset: Dataset,
) -> None:
    assert count_note(dataset, "HND", "pt")[0].startswith("Suspenso do exercício")
    changed = dataset.states.copy()
    changed.loc["HND", "count_note"] = "A new note."
    note, translated = count_note(replace(dataset, states=changed), "HND", "pt")
    assert (note, translated) == ("A new note.", False)
