"""The Americas in the world, against counts worked out by hand from the frozen reference
(tests/fixtures/data/reference: palermo_oas_status.csv, world/palermo_world_status.csv,
world_counts.csv, world/groups_world.csv).

- Firearms Protocol, 1 June 2024: UNTC's own count, as at 4 May 2024, is 123 parties, the
  European Union among them: 122 states of the 197 (193 UN members, 2 observers, the Cook Islands
  and Niue), so 75 states are not party. The 35 not party on 4 May 2024: Belize, Canada,
  Colombia, Saint Lucia, Suriname, the United States (6).
- Smuggling Protocol, 4 June 2009 (before the 2014 capture, whose list is complete): 120
  participants with a consent on or before that day, the EU among them: 119 states, 78 not party.
  The 35 not party: Antigua and Barbuda, Barbados, Bolivia, Colombia, Cuba, Dominica, Haiti,
  Saint Lucia, Saint Vincent and the Grenadines (9).
- Party to all four on 1 June 2024: the 35 less Bolivia, Colombia, Saint Lucia (Smuggling) and
  Belize, Canada, Suriname, the United States (Firearms) = 28; GRULAC is the 35 less Canada and
  the United States: 33 members, 28 party to all four, no lower bound (every member is one of
  the 35).
"""

from __future__ import annotations

from datetime import date

from loaders.store.dataset import Dataset
from views.edition.data import view_files
from views.models.family import family_model
from views.models.selection import Selection
from views.models.subregions import subregions_model
from views.models.world import (
    ALL,
    OAS,
    regions_model,
    regions_over_time,
    world_model,
    year_end_shares,
)
from views.models.world_words import world_group_notes
from views.text.localized import localized


def _selection(day: date, *groups: str) -> Selection:
    return Selection(instruments=("UNTOC",), as_of=day, groups=groups)


def test_the_worlds_gaps_from_untcs_own_count_labelled_with_its_date(dataset: Dataset) -> None:
    model = world_model(dataset, _selection(date(2024, 6, 1)), "FIREARMS")
    world = model.world
    assert (world.states, world.gaps, world.basis) == (197, 75, "untc_count")
    assert world.as_at == date(2024, 5, 4)
    assert world.oas == 6
    assert model.oas_gaps == [
        "Belize", "Canada", "Colombia", "Saint Lucia", "Suriname", "United States",
    ]  # fmt: skip
    assert model.lower_bound  # after the capture, counts outside the 35 may miss acts
    untc, as_at, named, unnamed = model.untc
    assert (untc, as_at, untc - named) == (123, date(2024, 5, 4), unnamed)


def test_before_the_capture_the_count_is_exact_and_nothing_later_shows(dataset: Dataset) -> None:
    model = world_model(dataset, _selection(date(2009, 6, 4)), "SOM")
    world = model.world
    assert (world.gaps, world.basis, world.oas) == (78, "complete", 9)
    assert not model.lower_bound
    assert set(model.oas_gaps) == {
        "Antigua and Barbuda", "Barbados", "Bolivia", "Colombia", "Cuba", "Dominica", "Haiti",
        "Saint Lucia", "Saint Vincent and the Grenadines",
    }  # fmt: skip
    # UNTC's 2024 count is after the view's date: not used
    assert world.as_at is None


def test_between_the_capture_and_untcs_count_the_figure_is_at_most(dataset: Dataset) -> None:
    world = world_model(dataset, _selection(date(2016, 1, 1)), "TIP").world
    assert world.basis == "at_most"
    assert world.unnamed == 13  # UNTC counts 182 parties, the snapshot names 169


def test_every_state_once_and_the_35_marked(dataset: Dataset) -> None:
    frame = world_model(dataset, _selection(date(2024, 6, 1)), "TIP").frame
    assert len(frame) == 197 and frame["iso3"].is_unique
    assert frame["oas"].sum() == 35


def test_regions_compared_against_counts_by_hand(dataset: Dataset) -> None:
    shares = regions_model(dataset, _selection(date(2024, 6, 1))).shares
    together = shares[shares["instrument"] == ALL].set_index("group_id")
    assert together.loc[OAS, ["members", "parties"]].tolist() == [35, 28]
    grulac = together.loc["UNRG_GRULAC"]
    assert (grulac["members"], grulac["parties"], grulac["lower_bound"]) == (33, 28, False)
    # Groups with members outside the 35 are lower bounds after the 2014 capture.
    assert together.loc["UNRG_AFRICAN", "lower_bound"]
    assert together.loc["UNRG_AFRICAN", "unnamed_acts"] == 35  # 9 + 13 + 10 + 3


def test_regions_follow_the_chosen_groups(dataset: Dataset) -> None:
    shares = regions_model(dataset, _selection(date(2024, 6, 1)), ("UNRG_WEOG", "MERCOSUR")).shares
    assert list(dict.fromkeys(shares["group_id"])) == [OAS, "UNRG_WEOG", "MERCOSUR"]


# --- a group of the world on the pages of the 35 ------------------------------------------------
# groups_world.csv on 1 June 2024: WEOG 29 members (Canada, the United States among the 35);
# the African Group 54 (none); the Commonwealth 56 (its 57 rows less Zimbabwe, who left in 2003),
# 13 of them among the 35.


def test_a_world_groups_note_counts_its_members_and_names_those_among_the_35(
    dataset: Dataset,
) -> None:
    notes = world_group_notes(
        localized(dataset, "en"),
        Selection(("TIP",), date(2024, 6, 1), ("MERCOSUR", "UNRG_AFRICAN", "UNRG_WEOG",
                                               "COMMONWEALTH"), language="en"),
    )  # fmt: skip
    assert len(notes) == 3  # MERCOSUR is the OAS's own: no note
    assert notes[0].startswith("African Group: none of its 54 members on 1 June 2024")
    assert notes[1].startswith(
        "Western European and other States (WEOG): 2 of its 29 members on 1 June 2024 are OAS"
        " member states (Canada and United States)"
    )
    assert "13 of its 56 members" in notes[2] and "Saint Kitts and Nevis" in notes[2]


def test_the_pages_of_the_35_count_a_world_groups_members_among_them_only(
    dataset: Dataset,
) -> None:
    chosen = Selection(("TIP", "FIREARMS"), date(2024, 6, 1), ("UNRG_WEOG",))
    summary = subregions_model(dataset, chosen).summary.set_index("instrument")
    # Canada and the United States: both party to TIP, neither to the Firearms Protocol
    assert summary.loc["TIP", ["members", "parties"]].tolist() == [2, 2]
    assert summary.loc["FIREARMS", ["members", "parties"]].tolist() == [2, 0]
    family = family_model(dataset, chosen)
    assert set(family.cells["iso3"]) == {"CAN", "USA"}
    nobody = Selection(("TIP",), date(2024, 6, 1), ("UNRG_AFRICAN",))
    assert subregions_model(dataset, nobody).without_members == ["UNRG_AFRICAN"]
    assert family_model(dataset, nobody).cells.empty


# --- the groups over time --------------------------------------------------------------------
# Counted by hand from the reference (world/palermo_world_status.csv, the TIP Protocol's rows of
# the 54 members of the African Group in world/groups_world.csv, which carries no dates for the UN
# regional groups: 54 members on every date): consents on or before 31 December 2005: 29 (Algeria,
# Benin, Botswana, Burkina Faso, Cabo Verde, DR Congo, Djibouti, Egypt, Equatorial Guinea,
# Gambia, Guinea, Kenya, Lesotho, Liberia, Libya, Madagascar, Malawi, Mali, Mauritania,
# Mauritius, Namibia, Niger, Nigeria, Rwanda, Senegal, Seychelles, South Africa, Tunisia,
# Zambia); on or before 31 December 2014: 46 (Angola's "2014-09" is certain by then). The 2014
# point is after the TIP capture (January 2014): a lower bound. The 35 (palermo_oas_status.csv,
# XVIII-12-a): 22 parties at the end of 2005, 35 at the end of 2014.


def test_groups_over_time_against_counts_by_hand(dataset: Dataset) -> None:
    model = regions_over_time(dataset, Selection(("TIP",), date(2024, 6, 1)), "TIP")
    shares = model.shares.set_index(["group_id", "instrument", "as_of"]).sort_index()
    african = shares.loc[("UNRG_AFRICAN", "TIP")]
    assert african.loc[date(2005, 12, 31), ["members", "parties"]].tolist() == [54, 29]
    assert not african.loc[date(2005, 12, 31), "lower_bound"]
    assert african.loc[date(2014, 12, 31), ["members", "parties"]].tolist() == [54, 46]
    assert african.loc[date(2014, 12, 31), "lower_bound"]
    assert african.loc[date(2014, 12, 31), "share"] == 46 / 54
    oas = shares.loc[(OAS, "TIP")]
    assert oas.loc[date(2005, 12, 31), ["members", "parties"]].tolist() == [35, 22]
    assert oas.loc[date(2014, 12, 31), ["members", "parties"]].tolist() == [35, 35]
    assert not oas["lower_bound"].any()
    # year ends from 2000 (the Convention's adoption), then the view's date: nothing after it
    days = sorted(set(model.shares["as_of"]))
    assert days[0] == date(2000, 12, 31) and days[-2:] == [date(2023, 12, 31), date(2024, 6, 1)]
    assert set(model.shares["instrument"]) == {"TIP", ALL}


def test_groups_over_time_take_the_members_on_each_date(dataset: Dataset) -> None:
    # The EU: 15 members until 30 April 2004, 25 from 1 May 2004, 27 from 2007, 28 from July
    # 2013, 27 again after the United Kingdom's withdrawal (to "2020": not a member from
    # 1 January 2020).
    model = regions_over_time(dataset, Selection(("SOM",), date(2021, 3, 1)), "SOM", ("EU",))
    eu = model.shares[(model.shares["group_id"] == "EU") & (model.shares["instrument"] == "SOM")]
    members = dict(zip(eu["as_of"], eu["members"], strict=True))
    assert members[date(2003, 12, 31)] == 15 and members[date(2004, 12, 31)] == 25
    assert members[date(2013, 12, 31)] == 28 and members[date(2019, 12, 31)] == 28
    assert members[date(2021, 3, 1)] == 27
    assert max(eu["as_of"]) == date(2021, 3, 1)


def test_the_snapshots_year_ends_serve_every_date_with_nothing_after_it(dataset: Dataset) -> None:
    # The year ends made once per snapshot, through 2025: a view on 1 March 2015 takes those
    # before its date and counts only its own; the same hand counts as above (African Group on
    # TIP: 29 of 54 at the end of 2005, 46 of 54 at the end of 2014), no 2015 year end or later.
    year_ends = year_end_shares(dataset, (), 2025)
    assert max(year_ends["as_of"]) == date(2025, 12, 31)
    as_of = date(2015, 3, 1)
    model = regions_over_time(dataset, Selection(("TIP",), as_of), "TIP", (), year_ends)
    assert max(model.shares["as_of"]) == as_of
    days = sorted(set(model.shares["as_of"]))
    assert days[0] == date(2000, 12, 31) and days[-2:] == [date(2014, 12, 31), as_of]
    shares = model.shares.set_index(["group_id", "instrument", "as_of"]).sort_index()
    african = shares.loc[("UNRG_AFRICAN", "TIP")]
    assert african.loc[date(2005, 12, 31), ["members", "parties"]].tolist() == [54, 29]
    assert african.loc[date(2014, 12, 31), ["members", "parties"]].tolist() == [54, 46]
    oas = shares.loc[(OAS, "TIP")]
    assert oas.loc[date(2014, 12, 31), ["members", "parties"]].tolist() == [35, 35]
    # a date on a year's end: that day once, counted for the view, not taken twice
    end = date(2014, 12, 31)
    on_end = regions_over_time(dataset, Selection(("TIP",), end), "TIP", (), year_ends).shares
    assert max(on_end["as_of"]) == end
    african_end = on_end[(on_end["group_id"] == "UNRG_AFRICAN") & (on_end["instrument"] == "TIP")]
    assert african_end[african_end["as_of"] == end]["parties"].tolist() == [46]


def test_year_ends_made_once_give_what_a_view_counts_alone(dataset: Dataset) -> None:
    year_ends = year_end_shares(dataset, ("EU", "UNRG_AFRICAN"), 2025)
    for as_of in (date(2004, 5, 1), date(2021, 3, 1)):
        chosen = Selection(("SOM",), as_of)
        alone = regions_over_time(dataset, chosen, "SOM", ("EU", "UNRG_AFRICAN")).shares
        shared = regions_over_time(dataset, chosen, "SOM", ("EU", "UNRG_AFRICAN"), year_ends)
        assert shared.shares.equals(alone)


def test_the_dashboards_over_time_files_from_the_year_ends_are_the_editions(
    dataset: Dataset,
) -> None:
    # The dashboard makes the regions over time's files from the snapshot's year ends, the
    # edition counts every date: the same bytes, as chart_tabs promises.
    chosen = Selection(("TIP",), date(2015, 3, 1))
    year_ends = year_end_shares(dataset, (), 2025)
    edition = view_files(dataset, chosen, "regions_time", "TIP")
    dashboard = view_files(dataset, chosen, "regions_time", "TIP", year_ends=year_ends)
    for variant in ("shown", "full"):
        assert dashboard[variant].csv == edition[variant].csv
        assert dashboard[variant].zip == edition[variant].zip
    assert b"2015-12-31" not in dashboard["full"].csv
