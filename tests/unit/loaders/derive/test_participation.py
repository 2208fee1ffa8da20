"""The treaty family and the world: standing on a date from the participation rows.

Expectations counted by hand over the reference files (data/reference/family/family_oas_status.csv
and world/palermo_world_status.csv, world/groups_world.csv), not through the code under test.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date

import pandas as pd
import pytest

from cli.main import main
from loaders.derive.acts import acts
from loaders.derive.declarations import declarations_table
from loaders.derive.paragraph6 import paragraph6, party_counts
from loaders.derive.participation import (
    entry_into_force_text,
    resolve_instruments,
    standing_on,
)
from loaders.derive.regions import family_status_on, gaps_by, group_shares, unnamed_acts
from loaders.derive.views import SelectionError, status_view
from loaders.store.dataset import Dataset

DAY = date(2024, 6, 1)


def _export(capsys: pytest.CaptureFixture, *args: str) -> list[dict[str, str]]:
    assert main(["export", "--as-of", DAY.isoformat(), *args]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


# Per family instrument, the statuses of the 35 on 1 June 2024 (from the reference's status
# column: every dated act there is before June 2024 except Saint Kitts and Nevis's UNCAC
# accession of August 2024; every party row without a consent date is verified by then).
FAMILY_ON_DAY = {
    "IV-11-c": {"party": 32, "no_action": 3},
    "XVIII-14": {"party": 32, "signatory": 1, "no_action": 2},  # KNA acceded in 2024-08
    "VII-11-a": {"party": 10, "signatory": 1, "no_action": 24},
    "IV-8": {"party": 34, "signatory": 1},
    "C029": {"party": 10, "unknown": 24, "no_action": 1},
    "P029": {"party": 8, "unknown": 27},
    "C105": {"party": 35},
    "C182": {"party": 35},
    "C189": {"party": 18, "no_action": 17},
    "B-57": {"party": 8, "unknown": 20, "no_action": 7},
    "A-63": {"party": 30, "signatory": 4, "unknown": 1},
}


@pytest.mark.parametrize(("number", "expected"), FAMILY_ON_DAY.items())
def test_every_family_instrument_exports_all_35_with_unknown_kept(capsys, number, expected):
    rows = _export(capsys, "--instrument", number)
    assert len(rows) == 35 and len({r["iso3"] for r in rows}) == 35
    assert dict(Counter(r["status"] for r in rows)) == expected
    assert all(r["source"] for r in rows) and {r["mtdsg_no"] for r in rows} == {number}
    for row in rows:
        if row["status"] == "unknown":  # never a party, never no action, never verified
            assert row["consent_date"] == "" and row["status_verified"] == "false"


def test_depositary_and_family_columns(capsys):
    rows = _export(capsys, "--instrument", "C029", "--instrument", "B-57", "--instrument", "TIP")
    assert {(r["instrument"], r["depositary"], r["family"]) for r in rows} == {
        ("TIP", "UN", "palermo"),
        ("C029", "ILO", "forced_labour"),
        ("TRAFFIC_MINORS", "OAS", "children"),
    }
    assert [r["instrument"] for r in rows[:1]] == ["TIP"]  # registry order


def test_a_short_id_and_a_depositary_number_name_the_same_instrument(dataset: Dataset):
    assert resolve_instruments(["iv-11-c", "CRC_OPSC", "B-57", "xviii-12-a"], dataset) == [
        "CRC_OPSC",
        "TRAFFIC_MINORS",
        "TIP",
    ]
    with pytest.raises(SelectionError, match="depositary's number"):
        resolve_instruments(["C999"], dataset)


def test_dates_keep_their_precision(capsys):
    rows = {r["iso3"]: r for r in _export(capsys, "--instrument", "IV-11-c")}
    # Bahamas: "2015" (year only) in the reference, an inferred accession.
    assert rows["BHS"]["consent_date"] == "2015" and rows["BHS"]["kind_inferred"] == "true"
    assert rows["ATG"]["consent_date"] == "2002-04-30"
    assert rows["ATG"]["entry_into_force"] == "2002-05-30"  # one month after deposit (art. 14)


def test_the_african_group_on_tip(capsys):
    rows = _export(capsys, "--group", "UNRG_AFRICAN", "--instrument", "TIP")
    # 54 members in groups_world.csv; 47 party and 3 signatories in the world file; Eritrea,
    # Somalia, South Sudan and Sudan are not in it (no action as at the January 2014 capture).
    assert len(rows) == 54
    assert Counter(r["status"] for r in rows) == {"party": 47, "signatory": 3, "no_action": 4}
    absent = {r["iso3"] for r in rows if r["status"] == "no_action"}
    assert absent == {"ERI", "SOM", "SSD", "SDN"}
    assert all(r["verified_through"] == "2014-01" for r in rows if r["iso3"] in absent)
    assert all(r["status_verified"] == "false" for r in rows if r["iso3"] in absent)


def test_a_party_without_a_consent_date_is_unknown_before_its_source_date():
    row = pd.Series(
        {"status": "party", "consent_date": "", "signature_date": "", "verified_through": "2019"}
    )
    assert standing_on(row, date(2019, 6, 1)) == "unknown"
    assert standing_on(row, date(2020, 1, 1)) == "party"
    dated = row.copy()
    dated["consent_date"] = "2015-03"
    assert standing_on(dated, date(2015, 3, 15)) == "unknown"  # inside its month
    assert standing_on(dated, date(2015, 4, 1)) == "party"
    assert standing_on(dated, date(2015, 2, 28)) == "no_action"


def test_an_ilo_ratification_is_in_force_twelve_months_after_registration(dataset: Dataset):
    c189 = dataset.registry.loc["C189"]
    assert entry_into_force_text("2012-06-05", c189, DAY) == "2013-09-05"  # its own date, later
    assert entry_into_force_text("2015-03", c189, DAY) == "2016-03"
    assert entry_into_force_text("2015", c189, DAY) == "2016"
    assert entry_into_force_text("2024-01-10", c189, DAY) == ""  # after the day


def test_paragraph6_counts_only_the_35_on_the_four(dataset: Dataset):
    # Today's expectation (tests/unit/views): 35 of 35 party to UNTOC and TIP on 1 December 2026.
    counts = party_counts(paragraph6(dataset, date(2026, 12, 1)))
    assert list(counts.index) == ["UNTOC", "TIP", "SOM", "FIREARMS"]
    assert counts.loc["UNTOC", "states"] == 35 and counts.loc["UNTOC", "parties"] == 35
    assert counts.loc["TIP", "parties"] == 35
    assert len(dataset.status) == 140 and set(dataset.status["instrument"]) == set(counts.index)


def test_the_default_export_is_the_35_on_the_four(capsys):
    rows = _export(capsys)
    assert len(rows) == 140 and {r["family"] for r in rows} == {"palermo"}


# Group shares on 1 June 2024, counted by hand over palermo_oas_status.csv (the 35),
# palermo_world_status.csv and groups_world.csv (GRULAC: 33 members, all OAS states; WEOG: 29).
def test_group_shares_match_the_reference(dataset: Dataset):
    shares = group_shares(dataset, DAY, ["UNRG_GRULAC", "UNRG_WEOG", "UNRG_AFRICAN"])
    at = shares.set_index(["group_id", "instrument"])
    grulac = at.loc["UNRG_GRULAC"]
    assert grulac["members"].eq(33).all()
    assert list(grulac["parties"]) == [33, 33, 30, 29, 28]  # UNTOC, TIP, SOM, FIREARMS, all four
    assert not grulac["lower_bound"].any()  # every member is one of the 35: complete
    weog = at.loc["UNRG_WEOG"]
    assert list(weog["parties"]) == [29, 29, 25, 16, 16] and weog["members"].eq(29).all()
    # Canada and the United States sit in WEOG, the rest outside the 35: lower bounds, with the
    # acts UNTC counts in 2024 and the snapshot cannot name (9, 13, 10, 3; all four: 35).
    assert weog["lower_bound"].all()
    assert list(weog["unnamed_acts"]) == [9, 13, 10, 3, 35]
    african = at.loc[("UNRG_AFRICAN", "TIP")]
    assert (african["members"], african["parties"], african["unnamed_acts"]) == (54, 47, 13)


def test_unnamed_acts_against_untc_2024_counts(dataset: Dataset):
    acts = unnamed_acts(dataset)
    # world_counts.csv: 192, 182, 152, 123 parties; the world file names 183, 169, 142, 120.
    assert list(acts["untc_parties"]) == [192, 182, 152, 123]
    assert list(acts["named_parties"]) == [183, 169, 142, 120]
    assert list(acts["unnamed"]) == [9, 13, 10, 3]


def test_before_the_capture_a_count_is_not_a_lower_bound(dataset: Dataset):
    shares = group_shares(dataset, date(2010, 1, 1), ["UNRG_WEOG"], ["TIP"])
    assert not shares["lower_bound"].any() and shares["unnamed_acts"].eq(0).all()


def test_the_eu_is_never_counted_as_a_state(dataset: Dataset):
    shares = group_shares(dataset, DAY, ["EU"], ["UNTOC"])
    assert shares.loc[0, "members"] == 27  # the United Kingdom left in 2020


def test_family_gaps_never_count_unknown(dataset: Dataset):
    frame = family_status_on(dataset, DAY, instruments=["C029", "P029"])
    per_instrument = gaps_by(frame, "instrument")
    # C029: 10 party, 24 unknown, 1 not party; P029: 8 party, 27 unknown.
    assert per_instrument.loc["C029"].to_dict() == {
        "gaps": 1, "parties": 10, "unknown": 24, "cells": 35
    }  # fmt: skip
    assert per_instrument.loc["P029", "gaps"] == 0
    assert frame["status_url"].str.startswith("https://normlex.ilo.org/").all()


def test_the_export_metadata_says_a_world_count_is_a_lower_bound(dataset: Dataset):
    from loaders.export import export_metadata

    meta = export_metadata(dataset, DAY, ["TIP"], ["UNRG_AFRICAN"], 54)
    assert (
        meta["unnamed_acts_worldwide"] == {"TIP": 13} and "lower bounds" in meta["lower_bound_note"]
    )
    assert "never no action" in meta["unknown_note"]
    oas = export_metadata(dataset, DAY, ["TIP"], ["MERCOSUR"], 4)  # the 35's facts: complete
    assert "unnamed_acts_worldwide" not in oas and "unknown_note" not in oas


# --- a group of the world filters the 35 to its members among them -----------------------------
# groups_world.csv: WEOG's 29 members include two of the 35 (Canada, the United States); none of
# the African Group's 54 is one of the 35; the Commonwealth counts Antigua and Barbuda from
# "1981" (certain from 31 December 1981) and Belize from 21 September 1981.


def test_status_view_takes_a_world_group_as_its_members_among_the_35(dataset: Dataset) -> None:
    view = status_view(dataset, date(2024, 6, 1), ["TIP"], ["unrg_weog"])
    assert sorted(view["iso3"]) == ["CAN", "USA"]
    # the groups column stays the OAS's subregions: the world's groups never enter it
    assert not view["groups"].str.contains("UNRG").any()
    assert status_view(dataset, date(2024, 6, 1), ["TIP"], ["UNRG_AFRICAN"]).empty


def test_a_world_groups_membership_is_taken_on_the_date(dataset: Dataset) -> None:
    before = set(status_view(dataset, date(1981, 6, 1), ["UNTOC"], ["COMMONWEALTH"])["iso3"])
    after = set(status_view(dataset, date(1982, 1, 1), ["UNTOC"], ["COMMONWEALTH"])["iso3"])
    assert after - before == {"ATG", "BLZ"}


def test_acts_and_declarations_of_a_world_group_are_its_members_among_the_35(
    dataset: Dataset,
) -> None:
    done = acts(dataset, date(2000, 1, 1), date(2024, 6, 1), ["TIP"], ["UNRG_WEOG"])
    assert set(done["iso3"]) == {"CAN", "USA"}
    texts = declarations_table(dataset, ["TIP"], ["UNRG_WEOG"], date(2024, 6, 1))
    assert set(texts["iso3"]) <= {"CAN", "USA"}
