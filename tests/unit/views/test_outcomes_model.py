"""The outcomes view models, worked out by hand from the frozen reference files."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.outcomes.store import Outcomes, load_outcomes
from loaders.store.dataset import Dataset
from tests.support.data import FROZEN
from views.models.outcomes import (
    Marker,
    calls_to_ratify,
    group_outcomes,
    recommendations_followed,
    state_outcomes,
    where_to_look,
)

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def outcomes() -> Outcomes:
    return load_outcomes(FROZEN)


def test_the_united_states_series_is_unodcs(outcomes: Outcomes, dataset: Dataset) -> None:
    view = state_outcomes(outcomes, dataset, "USA", TODAY, ["detected_victims"])
    last = view.series["detected_victims"].points[-1]
    assert (last.year, last.value, last.number) == (2022, "16,390", 16390)
    # 16,390 of 334,017,321 inhabitants (World Bank, 2022): 4.91 per 100,000.
    assert last.per_100k == pytest.approx(4.907, abs=0.001)
    assert view.release == "UNODC data portal data_glotip.xlsx, release dated 14/04/2025"
    # Ratified the Convention and the Protocol on 3 November 2005.
    assert view.markers == [
        Marker("UNTOC", date(2005, 11, 3), "ratification"),
        Marker("TIP", date(2005, 11, 3), "ratification"),
    ]


def test_a_censored_value_has_no_number_and_a_missing_year_is_a_gap(
    outcomes: Outcomes, dataset: Dataset
) -> None:
    series = state_outcomes(outcomes, dataset, "BHS", TODAY).series["detected_victims"]
    assert [(p.year, p.value, p.number, p.per_100k) for p in series.points] == [
        (2014, "<5", None, None),
        (2017, "<5", None, None),
        (2022, "6", 6, pytest.approx(6 / 397538 * 100_000)),  # World Bank: 397,538
    ]
    assert series.gaps == [2015, 2016, 2018, 2019, 2020, 2021]
    assert series.censored == 2


@pytest.mark.parametrize("iso3", ["DMA", "GRD", "KNA"])
def test_a_state_without_a_row_reports_nothing(
    outcomes: Outcomes, dataset: Dataset, iso3: str
) -> None:
    assert state_outcomes(outcomes, dataset, iso3, TODAY).reports_nothing


def test_a_view_on_a_date_shows_nothing_after_it(outcomes: Outcomes, dataset: Dataset) -> None:
    view = state_outcomes(outcomes, dataset, "USA", date(2005, 6, 30))
    assert view.markers == []  # ratified in November 2005
    assert max(p.year for s in view.series.values() for p in s.points) <= 2004
    assert view.last_year == 2004


def test_a_group_sums_only_where_every_member_reports(outcomes: Outcomes, dataset: Dataset) -> None:
    andean = group_outcomes(outcomes, dataset, "CAN", "detected_victims", TODAY)
    assert andean.members == ["BOL", "COL", "ECU", "PER"]
    years = {y.year: y for y in andean.years}
    assert years[2018].total == 332 + 113 + 107 + 734
    assert years[2019].total == 373 + 124 + 147 + 509
    # Belize publishes <5 convictions every year from 2017: no sum for SICA then, Belize named.
    sica = {y.year: y for y in group_outcomes(outcomes, dataset, "SICA", "convicted", TODAY).years}
    assert sica[2019].total is None and "BLZ" in sica[2019].censored


def test_recommendations_say_what_followed(outcomes: Outcomes, dataset: Dataset) -> None:
    followed = recommendations_followed(outcomes, dataset, None, TODAY)
    assert sum(len(v) for v in followed.values()) == 11
    (lucia,) = followed["LCA"]  # recommended in 2011, acceded 16 July 2013
    assert (lucia.year, lucia.outcome, lucia.consent) == (2011, "party_since", date(2013, 7, 16))
    (honduras,) = followed["HND"]  # urged in 2011 to ratify a Protocol it joined in 2008
    assert (honduras.outcome, honduras.consent) == ("already_party", date(2008, 4, 1))
    (dominica,) = followed["DMA"]
    assert (dominica.position, dominica.outcome) == ("support", "party_since")
    assert {f.outcome for f in followed["BRB"]} == {"party_since"}  # 11 November 2014
    (mexico,) = followed["MEX"]
    assert (mexico.instrument, mexico.kind, mexico.outcome) == ("UNTOC", "implement", "party")


def test_before_the_deposit_a_recommendation_has_no_deposit(
    outcomes: Outcomes, dataset: Dataset
) -> None:
    (lucia,) = recommendations_followed(outcomes, dataset, "LCA", date(2012, 6, 1))["LCA"]
    assert (lucia.outcome, lucia.consent) == ("no_deposit", None)
    assert recommendations_followed(outcomes, dataset, "BRB", date(2012, 6, 1)) == {}


def test_the_calls_to_ratify_in_order_and_up_to_the_date(outcomes: Outcomes) -> None:
    calls = calls_to_ratify(outcomes, date(2009, 6, 4))
    assert [c.adopted for c in calls] == [
        date(2004, 6, 8),
        date(2005, 6, 7),
        date(2006, 6, 6),
        date(2007, 6, 5),
        date(2009, 6, 4),
    ]
    assert (calls[-1].resolution, calls[-1].paragraph) == ("AG/RES. 2456 (XXXIX-O/09)", "6")
    assert len(calls_to_ratify(outcomes, TODAY)) == 6


def test_each_state_has_where_to_look_with_the_date_checked(outcomes: Outcomes) -> None:
    links = where_to_look(outcomes, "HTI")
    assert [link.kind for link in links] == [
        "sherloc_legislation",
        "sherloc_portal",
        "untoc_review_mechanism",
    ]
    assert "Haiti" in links[0].url and {link.checked for link in links} == {"2026-12-06"}


def test_a_group_names_the_members_that_report_nothing(
    outcomes: Outcomes, dataset: Dataset
) -> None:
    from views.text.outcomes import group_never

    caricom = group_outcomes(outcomes, dataset, "CARICOM", "detected_victims", TODAY)
    # Dominica, Grenada and Saint Kitts and Nevis report nothing at all; Haiti and Saint Vincent
    # and the Grenadines report offences and (Saint Vincent) prosecutions, but no victims.
    assert caricom.never == ["DMA", "GRD", "HTI", "KNA", "VCT"]
    assert group_never(caricom, "en") == (
        "Report nothing for this indicator: Dominica, Grenada, Haiti, Saint Kitts and Nevis and "
        "Saint Vincent and the Grenadines."
    )
    assert all(year.total is None for year in caricom.years)  # three members never report


def test_the_brief_gains_a_short_after_ratification_section(
    outcomes: Outcomes, dataset: Dataset
) -> None:
    from views.models.brief import state_brief
    from views.text.localized import localized

    dataset = localized(dataset, "en")
    document = state_brief(dataset, "LCA", TODAY, "en", today=TODAY, outcomes=outcomes)
    (section,) = [s for s in document.sections if s.heading == "After ratification"]
    assert "Detected victims: <5 in 2021 (UNODC)." in section.paragraphs
    assert (
        "2011, Canada (to be considered) — Trafficking in Persons Protocol: recommended in 2011, "
        "party since 16 July 2013" in section.paragraphs
    )
    assert any("not prevalence" in line for line in section.paragraphs)
    without = state_brief(dataset, "LCA", TODAY, "en", today=TODAY)
    assert "After ratification" not in [s.heading for s in without.sections]
