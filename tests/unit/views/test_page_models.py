"""Page models (views/models): every figure a page shows, against the frozen data, in the four
languages. Expectations are worked out by hand from tests/fixtures/data/reference.

Parties among the 35 on three dates, counted by hand in palermo_oas_status.csv (consent dates on
or before the day), Convention / Trafficking / Smuggling / Firearms:
1 January 2005: 22 / 20 / 14 / 9; 4 June 2009: 30 / 28 / 26 / 20;
31 December 2012: 32 / 31 / 29 / 24.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from loaders.store.dataset import Dataset
from tests.support.data import DATA
from views.models.data import data_model
from views.models.map import map_model
from views.models.overview import overview_model
from views.models.profile import glance, state_profile
from views.models.selection import Selection
from views.models.subregions import subregions_model
from views.models.timeline import timeline_model
from views.text.localized import localized

TODAY = date(2026, 11, 29)
ALL = ("UNTOC", "TIP", "SOM", "FIREARMS")
LANGUAGES = ("en", "es", "pt", "fr")
PARTIES_ON = {
    date(2005, 1, 1): (22, 20, 14, 9),
    date(2009, 6, 4): (30, 28, 26, 20),
    date(2012, 12, 31): (32, 31, 29, 24),
}


def _selection(as_of: date = TODAY, instruments=ALL, groups=(), language: str = "en"):
    return Selection(instruments=tuple(instruments), as_of=as_of, groups=tuple(groups),
                     language=language)  # fmt: skip


@pytest.fixture(scope="module", params=LANGUAGES)
def local(request, dataset: Dataset) -> tuple[Dataset, str]:
    return localized(dataset, request.param), request.param


# --- the timeline's 4 June 2009 column -----------------------------------------------------------


@pytest.mark.parametrize("as_of", [date(2005, 1, 1), date(2009, 6, 4), date(2012, 12, 31)])
def test_the_2009_column_shows_the_parties_of_4_june_2009_whatever_the_date(
    local, as_of: date
) -> None:
    dataset, language = local
    model = timeline_model(dataset, _selection(as_of, language=language))
    then = tuple(model.counts[i][0] for i in ALL)
    now = tuple(model.counts[i][1] for i in ALL)
    assert then == PARTIES_ON[date(2009, 6, 4)]
    assert now == PARTIES_ON[as_of]
    assert model.states == 35


def test_the_timeline_in_a_group_counts_its_members_of_the_date(dataset: Dataset) -> None:
    # MERCOSUR's full members on 1 January 2010: Argentina, Brazil, Paraguay, Uruguay; all four
    # were party to the Trafficking Protocol by 4 June 2009 (ARG 2002, BRA 2004, PRY 2004,
    # URY 2005).
    model = timeline_model(dataset, _selection(date(2010, 1, 1), ["TIP"], ["MERCOSUR"]))
    assert model.states == 4 and model.counts["TIP"] == (4, 4)
    assert model.series["parties"].iloc[-1] == 4


def test_time_to_ratify_is_counted_from_the_opening(dataset: Dataset) -> None:
    model = timeline_model(dataset, _selection(instruments=["TIP", "UNTOC"]))
    times = model.times
    assert list(dict.fromkeys(times["instrument"])) == ["UNTOC", "TIP"]  # registry order
    brazil = times[(times["iso3"] == "BRA") & (times["instrument"] == "TIP")].iloc[0]
    assert brazil["years_from_opening"] == pytest.approx(1143 / 365.25)
    assert pd.isna(brazil["years_from_resolution"])
    assert set(model.medians) == {"UNTOC", "TIP"}


def test_the_timeline_steps_up_to_the_chosen_date(dataset: Dataset) -> None:
    series = timeline_model(dataset, _selection(instruments=["TIP"])).series
    assert series["parties"].iloc[-1] == 35 and series["date"].iloc[-1] == pd.Timestamp(TODAY)


# --- overview ---------------------------------------------------------------------------------


def test_paragraph6_compares_the_same_states_then_and_now(local) -> None:
    dataset, language = local
    model = overview_model(dataset, _selection(instruments=["UNTOC", "TIP"], language=language))
    counts = {c.instrument: (c.states, c.parties, c.parties_2009, c.joined) for c in model.counts}
    assert counts == {"UNTOC": (35, 35, 30, 5), "TIP": (35, 35, 28, 7)}
    joined = model.joined[model.joined["instrument"] == "TIP"]
    assert set(joined["iso3"]) == {"ATG", "BRB", "CUB", "DMA", "HTI", "LCA", "VCT"}
    assert joined["consent_date"].is_monotonic_increasing
    assert all(rows.empty for rows in model.not_party.values())
    assert model.after_resolution


def test_before_the_resolution_nobody_has_joined_since(dataset: Dataset) -> None:
    model = overview_model(dataset, _selection(date(2005, 1, 1), ["TIP"]))
    (count,) = model.counts
    assert (count.parties, count.parties_2009, count.joined) == (20, 28, 0)
    assert not model.after_resolution and model.joined.empty
    assert len(model.not_party["TIP"]) == 15


def test_paragraph6_in_a_group_uses_membership_on_the_date(dataset: Dataset) -> None:
    model = overview_model(dataset, _selection(date(2010, 1, 1), ["TIP"], ["MERCOSUR"]))
    assert sorted(model.frame["iso3"]) == ["ARG", "BRA", "PRY", "URY"]
    assert model.joined.empty


# --- map --------------------------------------------------------------------------------------


# The Eastern Caribbean states too small for the 1:110m base map: their markers are 12 px wide,
# and the map shows 140 degrees of longitude in 550-700 px (4-5 px a degree): 3 degrees apart.
SMALL_ISLANDS = ("ATG", "KNA", "DMA", "LCA", "VCT", "GRD", "BRB")


def test_no_island_marker_covers_another_at_the_default_zoom(dataset) -> None:
    frame = map_model(dataset, _selection(), "FIREARMS").frame.set_index("iso3")
    places = frame[["marker_lat", "marker_lon"]]
    for island in SMALL_ISLANDS:
        lat, lon = places.loc[island]
        for other, (lat2, lon2) in places.drop(island).iterrows():
            assert math.hypot(lat - lat2, lon - lon2) >= 3, (island, other)
    states = pd.read_csv(DATA / "states.csv", index_col="iso3")
    for island in SMALL_ISLANDS:  # and the table says they are not where the island is
        assert "not geographic" in states.loc[island, "marker_basis"], island


def test_the_map_places_every_state_with_a_category(local) -> None:
    dataset, language = local
    model = map_model(dataset, _selection(language=language), "FIREARMS")
    frame = model.frame
    assert len(frame) == 35 and frame[["marker_lat", "marker_lon"]].notna().all().all()
    assert {c: len(rows) for c, rows in model.by_category.items()} == {
        "party": 29,
        "signatory_unverified": 1,
        "no_action_unverified": 5,
    }
    assert model.parties == 29 and model.total == 35
    assert "2022-02" in model.unverified_checks
    hover = frame.set_index("iso3").loc["USA", "hover"]
    assert hover.startswith(f"<b>{dataset.states.loc['USA', 'name']}</b>")
    assert len(model.table(language)) == 35


def test_the_map_hover_says_when_a_row_was_last_checked(dataset: Dataset) -> None:
    model = map_model(dataset, _selection(), "FIREARMS")
    # The United States' Firearms row: source_date "2022-02" (newer "still not a party" evidence)
    assert "Verified through: February 2022" in model.frame.set_index("iso3").loc["USA", "hover"]
    spanish = map_model(localized(dataset, "es"), _selection(language="es"), "FIREARMS")
    hover = spanish.frame.set_index("iso3").loc["USA", "hover"]
    assert hover.startswith("<b>Estados Unidos</b>")
    assert "Verificado hasta: febrero de 2022" in hover


def test_a_group_without_members_on_the_date_gives_an_empty_map(dataset: Dataset) -> None:
    assert map_model(dataset, _selection(instruments=["TIP"], groups=["RIO"]), "TIP").empty


# --- subregions -------------------------------------------------------------------------------


def test_subregions_count_members_of_the_date(dataset: Dataset) -> None:
    # Bolivia (not party to the Smuggling Protocol) is a full MERCOSUR member from 7 August 2024;
    # Venezuela (a party) is suspended since 1 December 2016, so counted on neither day.
    for day, counted in ((date(2021, 1, 1), (4, 4, "")), (TODAY, (5, 4, "Bolivia"))):
        model = subregions_model(dataset, _selection(day, ["SOM"], ["MERCOSUR"]))
        assert tuple(model.summary.iloc[0][["members", "parties", "missing"]]) == counted
    assert model.summary.iloc[0]["missing_detail"] == "Bolivia (checked 2025)"
    assert (model.complete, model.pairs) == (0, 1)
    model = subregions_model(dataset, _selection(date(2021, 1, 1), ["SOM"]))
    assert "RIO" not in set(model.summary["group_id"])
    assert model.without_members == ["RIO"]
    rio_in_2009 = subregions_model(dataset, _selection(date(2009, 6, 4), groups=["RIO"]))
    assert rio_in_2009.without_members == []


def test_subregions_speak_the_language(dataset: Dataset) -> None:
    spanish = _selection(TODAY, ["SOM"], ["MERCOSUR"], "es")
    model = subregions_model(localized(dataset, "es"), spanish)
    assert model.summary.iloc[0]["missing_detail"] == "Bolivia (verificado en 2025)"
    assert model.summary.iloc[0]["group_label"] == "MERCOSUR"


# --- state profile ----------------------------------------------------------------------------


def test_a_profile_gives_each_instrument_its_facts(local) -> None:
    dataset, language = local
    profile = state_profile(dataset, _selection(language=language), "BRA")
    assert list(profile.facts) == list(ALL)
    tip = profile.facts["TIP"]
    assert tip.is_party and tip.days_to_ratify == 1143  # 12 Dec 2000 -> 29 Jan 2004
    assert tip.days_after_resolution is None  # party before the resolution
    assert profile.oas_joined == "1950-03-13"  # deposit of its Charter ratification
    assert profile.count_note == ""


def test_the_glance_marks_unconfirmed_facts_and_lists_every_state(dataset: Dataset) -> None:
    rows = glance(dataset, _selection(instruments=["FIREARMS"]))["FIREARMS"]
    assert len(rows) == 35
    # Canada signed on 20 March 2002 and is not party as of May 2020, not verified since;
    # Belize's "not a party" (July 2014) is of medium confidence.
    canada = next(r for r in rows if r.iso3 == "CAN")
    assert canada.category == "signatory_unverified"
    belize = next(r for r in rows if r.iso3 == "BLZ")
    assert belize.category == "no_action_unverified" and belize.text.endswith(" †")
    brazil = next(r for r in rows if r.iso3 == "BRA")
    assert brazil.text.startswith("Party since 2006")


# --- data -------------------------------------------------------------------------------------


def test_the_data_page_offers_what_the_command_line_writes(dataset: Dataset) -> None:
    model = data_model(dataset, _selection(date(2009, 6, 4), ["TIP"], language="es"))
    assert len(model.table) == 35 and model.states == 35
    assert model.command == (
        ".venv/bin/python -m loaders export --as-of 2009-06-04 --instrument TIP --lang es"
    )
    assert model.csv.decode().splitlines()[0].endswith(',"state_es"')
    assert model.file_name == "ratify-americas_2009-06-04_TIP.csv"
    assert int(model.verified.sum()) == 140


# --- reservations, steps at home, world context, what is settled ---------------------------------


def test_who_is_not_bound_by_the_trafficking_protocols_dispute_settlement(local) -> None:
    # Read by hand in untc-2014/declarations/18-12-a.txt: the seven OAS states whose text says
    # they do not consider themselves bound by article 15(2).
    from views.models.reservations import reservations_model

    dataset, language = local
    model = reservations_model(dataset, _selection(instruments=["TIP"], language=language))
    reserved = model.matrix[model.matrix["TIP"] == "dispute_settlement"]["iso3"]
    assert sorted(reserved) == ["BHS", "BOL", "COL", "CUB", "ECU", "SLV", "USA"]
    assert model.dispute_counts == {"TIP": (7, 35)}
    assert model.published == {"TIP": "2013-12"}  # the capture's last change, 22 Dec 2013
    barbados = model.matrix.set_index("iso3").loc["BRB", "TIP"]
    assert barbados == "not_in_record"  # ratified 11 Nov 2014, after the capture
    assert model.texts_csv.startswith(b"\xef\xbb\xbf")  # a spreadsheet reads it as UTF-8
    assert (
        model.texts_csv.removeprefix(b"\xef\xbb\xbf")
        .decode()
        .splitlines()[0]
        .startswith('"iso3","state","instrument","mtdsg_no"')
    )


def test_steps_at_home_stand_beside_the_not_party_rows(dataset: Dataset) -> None:
    model = overview_model(dataset, _selection(instruments=["SOM"]))
    rows = model.not_party["SOM"].set_index("iso3")
    # domestic_steps.csv: Colombia declined on 2 May 2006; Bolivia's lower chamber, 2025.
    assert rows.loc["COL", "step_line"] == (
        "Step at home (2 May 2006): declared a decision not to ratify"
    )
    assert rows.loc["BOL", "step_line"].endswith("approved by the lower chamber")
    assert rows.loc["COL", "status"] == "no_action"  # never in place of the depositary's status
    # A step dated only "2025" is certain from 31 December 2025, not before.
    earlier = overview_model(dataset, _selection(date(2025, 6, 1), ["SOM"])).not_party["SOM"]
    assert earlier.set_index("iso3").loc["BOL", "step_line"] == ""


def test_world_counts_are_context_with_their_own_date(dataset: Dataset) -> None:
    model = overview_model(dataset, _selection(instruments=["TIP"]))
    # world_counts.csv: 182 parties worldwide, status as at 20-04-2024
    assert model.world == {"TIP": (182, date(2024, 4, 20))}
    assert [c.states for c in model.counts] == [35]  # never mixed into the OAS counts


def test_the_data_page_says_what_is_settled(dataset: Dataset) -> None:
    model = data_model(dataset, _selection())
    account = model.settled
    # palermo_oas_status.csv has 9 rows without a consent, each verified only through its own
    # date (2014-07 to 2025): on 29 November 2026 all 9 may have changed; the 131 parties are final.
    assert (account.total, account.settled) == (140, 131)
    unsettled = zip(account.unsettled["iso3"], account.unsettled["instrument"], strict=True)
    assert sorted(unsettled) == sorted(
        [("BOL", "SOM"), ("COL", "SOM"), ("LCA", "SOM"), ("BLZ", "FIREARMS"), ("CAN", "FIREARMS"),
         ("COL", "FIREARMS"), ("LCA", "FIREARMS"), ("SUR", "FIREARMS"), ("USA", "FIREARMS")]
    )  # fmt: skip
    assert account.last_full_check == date(2014, 1, 27)
    assert model.untc_links["TIP"].endswith("mtdsg_no=XVIII-12-a&chapter=18&clang=_en")
