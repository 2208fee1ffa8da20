"""A view on date D sees nothing after D: the brief, the Reservations page and every page model.

Worked out by hand from tests/fixtures/data/reference/palermo_oas_status.csv and the
declarations capture (untc-2014/declarations/18-12-a.txt):
- Trafficking Protocol, 4 June 2009: 28 of the 35 are parties (consent on or before the day).
  The capture's OAS states not bound by article 15(2): Bahamas (party 2008-09-26), Bolivia
  (2006-05-18), Colombia (2004-08-04), Cuba (2013-06-20), Ecuador (2002-09-17), El Salvador
  (2004-03-18), United States (2005-11-03). On that day: 6 of the 28 (Cuba not yet a party).
- Bolivia on 4 June 2009: party to the Convention (2005) and the Trafficking Protocol (2006);
  its steps at home are of 2019 and 2025; its Firearms accession of 2020.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pandas as pd
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from loaders.derive.paragraph6 import RESOLUTION_DATE
from loaders.store.dataset import Dataset
from views.models.brief import group_brief, state_brief
from views.models.changes import changes_model
from views.models.data import data_model
from views.models.map import map_model
from views.models.overview import overview_model
from views.models.profile import glance, state_profile
from views.models.reservations import reservations_model
from views.models.selection import Selection
from views.models.subregions import subregions_model
from views.models.timeline import timeline_model
from views.text.i18n import Translator
from views.text.localized import localized

DAY = date(2009, 6, 4)
ALL = ("UNTOC", "TIP", "SOM", "FIREARMS")
TODAY = date(2026, 11, 29)


def _words(document) -> list[tuple[str, str]]:
    """(section heading, text) of every sentence and cell of a brief."""
    out = [("", document.title), ("", document.subtitle)]
    for section in document.sections:
        for text in (*section.paragraphs, *section.notes):
            out.append((section.heading, text))
        if not section.table:
            continue
        # a source names its own date ("news item of 23 August 2021"): labelled, not a fact
        source = Translator(document.language)("fact.source")
        for row in section.table[1:]:
            out += [
                (section.heading, cell)
                for header, cell in zip(section.table[0], row, strict=True)
                if header != source
            ]
    return out


def test_the_bolivia_brief_of_4_june_2009_says_nothing_of_later_years(dataset: Dataset) -> None:
    document = state_brief(localized(dataset, "es"), "BOL", DAY, "es", today=TODAY)
    text = " ".join(words for _, words in _words(document))
    for later in ("2013", "2014", "2019", "2020", "2024", "2025"):
        source_or_citation = {document.sections[-1].heading, document.sections[-2].heading}
        leaks = [w for h, w in _words(document) if later in w and h not in source_or_citation]
        assert leaks == [], later
    assert "Parte, luego Parte" not in text
    assert "Convención de Palermo: Parte; Protocolo sobre la trata de personas: Parte" in text
    assert "4 de junio de 2009: se omiten" in text  # the 2024 world counts are left out


def test_a_world_count_is_labelled_with_its_own_date(dataset: Dataset) -> None:
    document = state_brief(localized(dataset, "en"), "BOL", date(2024, 6, 1), "en", today=TODAY)
    text = " ".join(words for _, words in _words(document))
    assert "182 (as at 20 April 2024)" in text


def test_reservations_on_4_june_2009_count_6_of_28(dataset: Dataset) -> None:
    selection = Selection(instruments=("TIP",), as_of=DAY, language="en")
    model = reservations_model(localized(dataset, "en"), selection)
    assert model.dispute_counts["TIP"] == (6, 28)
    matrix = dict(zip(model.matrix["iso3"], model.matrix["TIP"], strict=True))
    assert matrix["CUB"] == "not_party"
    rows = list(csv.DictReader(io.StringIO(model.matrix_csv.decode("utf-8-sig"))))
    assert sum(r["TIP"] == "dispute_settlement" for r in rows) == 6
    texts = list(csv.DictReader(io.StringIO(model.texts_csv.decode("utf-8-sig"))))
    assert "CUB" not in {r["iso3"] for r in texts}


def test_the_brief_of_a_date_before_the_resolution_does_not_compare_with_it(
    dataset: Dataset,
) -> None:
    document = state_brief(localized(dataset, "en"), "BOL", date(2005, 1, 1), "en", today=TODAY)
    (p6,) = [s for s in document.sections if s.heading == "Paragraph 6 of the resolution"]
    assert "later than this brief's date" in p6.paragraphs[0]
    assert "then" not in p6.paragraphs[0]


# --- the property: every page model and brief on a random past date ---------------------------

YEAR = re.compile(r"\b(19|20)\d\d\b")


def _dates_in(frame: pd.DataFrame) -> list[pd.Timestamp]:
    found = []
    for column in frame.columns:
        if str(column).endswith("_date") and column not in ("from_date", "to_date"):
            values = pd.to_datetime(frame[column], errors="coerce").dropna()
            found += list(values)
    return found


def _no_later_dates(frame: pd.DataFrame, day: date, where: str) -> None:
    later = [d for d in _dates_in(frame) if d > pd.Timestamp(day)]
    assert later == [], f"{where}: {later[:3]}"


@settings(
    max_examples=10,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),  # a slow example: no shrinking, the date is shown
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    day=st.dates(min_value=date(2000, 12, 12), max_value=date(2026, 11, 1)),
    language=st.sampled_from(["en", "es", "pt", "fr"]),
)
def test_no_view_on_a_past_date_shows_a_later_fact(
    dataset: Dataset, day: date, language: str
) -> None:
    local = localized(dataset, language)
    selection = Selection(instruments=ALL, as_of=day, language=language)
    _no_later_dates(overview_model(local, selection).frame, day, "overview")
    _no_later_dates(timeline_model(local, selection).view, day, "timeline")
    _no_later_dates(map_model(local, selection, "TIP").frame, day, "map")
    summary = subregions_model(local, selection).summary
    assert (summary["parties"] <= summary["members"]).all() if len(summary) else True
    _no_later_dates(data_model(dataset, selection).table, day, "data")
    changes = changes_model(local, selection, day - timedelta(days=3650))
    assert all(d <= day for d in changes.acts["date"]), "changes"
    reservations = reservations_model(local, selection)
    parties = overview_model(local, selection).frame
    party = set(parties.loc[parties["status"] == "party", "iso3"] + parties.loc[
        parties["status"] == "party", "instrument"])  # fmt: skip
    for instrument in ALL:
        for iso3, cell in zip(reservations.matrix["iso3"], reservations.matrix[instrument],
                              strict=True):  # fmt: skip
            if cell in ("dispute_settlement", "other_reservation", "declaration_only"):
                assert iso3 + instrument in party or _signed(parties, iso3, instrument)
    for iso3 in ("BOL", "CAN", "ATG"):
        profile = state_profile(local, selection, iso3)
        for step in profile.steps.values():
            assert step.date[:4] <= str(day.year), (iso3, step)
        for instrument, texts in profile.texts.items():
            if texts.coverage == "texts":
                assert instrument in profile.facts
    for row in glance(local, selection).values():
        assert all(r.text for r in row)
    for document in (
        state_brief(local, "BOL", day, language, today=TODAY),
        group_brief(local, "CARICOM", day, language, today=TODAY),
    ):
        _no_later_years(document, day)


def _signed(frame: pd.DataFrame, iso3: str, instrument: str) -> bool:
    row = frame[(frame["iso3"] == iso3) & (frame["instrument"] == instrument)]
    return bool(len(row)) and row["status"].iloc[0] != "no_action"


def _no_later_years(document, day: date) -> None:
    """No year after the brief's in its words, but for the source's and citation's dates (each
    labelled) and the resolution's date (named as later where it is)."""
    labelled = {document.sections[-1].heading, document.sections[-2].heading}
    allowed = {str(RESOLUTION_DATE.year)}
    for heading, words in _words(document):
        if heading in labelled:
            continue
        later = [m.group(0) for m in re.finditer(r"\b(?:19|20)\d\d\b", words)]
        later = [y for y in later if y > str(day.year) and y not in allowed]
        assert later == [], (heading, words[:200])


def test_a_state_brief_names_the_protocol_of_each_step_and_cuts_texts_at_a_word(
    dataset: Dataset,
) -> None:
    # Bolivia on 1 January 2026: steps of 2019 (Firearms) and 2025 (Smuggling of Migrants).
    document = state_brief(localized(dataset, "es"), "BOL", date(2026, 1, 1), "es", today=TODAY)
    (steps,) = [s for s in document.sections if s.heading == "Pasos internos"]
    assert {row[0] for row in steps.table[1:]} == {
        "Protocolo sobre armas de fuego (XVIII-12-c)",
        "Protocolo sobre el tráfico ilícito de migrantes (XVIII-12-b)",
    }
    assert steps.notes == (
        "Los detalles y las fuentes son las palabras de los registros, en inglés.",
    )
    (texts,) = [s for s in document.sections if s.heading == "Reservas y declaraciones"]
    for _, text in texts.table[1:]:
        text = text.removesuffix(" (texto del depositario, en inglés)")
        if text.endswith(" […]"):
            last = text.removesuffix(" […]").split()[-1]
            assert (last != "itsel" and last.isalpha()) or last[-1] in ".”\"')"
