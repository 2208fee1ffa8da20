"""The dataset cut at a date (loaders.derive.cut): nothing dated after it is left.

Expectations worked out by hand from tests/fixtures/data/reference and the 2013-2014
declarations capture (untc-2014/declarations/18-12-a.txt):
- Bolivia's steps at home are dated 2019-10-10 (Firearms) and "2025" (Smuggling): none by 2009.
- Bolivia acceded to the Firearms Protocol in September 2020: no action on 4 June 2009.
- The world counts are as at 20 April - 4 May 2024: none on 4 June 2009, all on 1 June 2024.
- Cuba's Trafficking reservation accompanies its consent of 20 June 2013: not there in 2009.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from loaders.derive.cut import dataset_on
from loaders.store.dataset import Dataset

DAY = date(2009, 6, 4)


def test_steps_world_counts_and_later_acts_are_left_out(dataset: Dataset) -> None:
    cut = dataset_on(dataset, DAY)
    assert cut.cut_on == DAY
    assert cut.domestic_steps[cut.domestic_steps["iso3"] == "BOL"].empty
    assert cut.world_counts.empty
    firearms = cut.status[(cut.status["iso3"] == "BOL") & (cut.status["instrument"] == "FIREARMS")]
    assert firearms["consent_date"].isna().all()
    assert firearms["source"].iloc[0] == ""  # it told of the 2020 accession
    assert (cut.status["consent_date"].dropna() <= pd.Timestamp(DAY)).all()
    assert (cut.status["signature_date"].dropna() <= pd.Timestamp(DAY)).all()


def test_declarations_follow_the_act_they_accompany(dataset: Dataset) -> None:
    cut = dataset_on(dataset, DAY)
    tip = cut.declarations[cut.declarations["instrument"] == "TIP"]
    assert "CUB" not in set(tip["iso3"])
    assert {"BHS", "BOL", "COL", "ECU", "SLV", "USA"} <= set(tip["iso3"])
    later = dataset_on(dataset, date(2013, 6, 20))
    assert "CUB" in set(later.declarations.loc[later.declarations["instrument"] == "TIP", "iso3"])


def test_a_count_as_at_a_later_date_is_not_in_the_cut(dataset: Dataset) -> None:
    assert set(dataset_on(dataset, date(2024, 4, 25)).world_counts.index) == {"TIP"}
    assert len(dataset_on(dataset, date(2024, 6, 1)).world_counts) == 4


def test_a_membership_is_seen_as_it_stood(dataset: Dataset) -> None:
    # Paraguay, MERCOSUR member until its suspension of 29 June 2012: no end known in 2010.
    cut = dataset_on(dataset, date(2010, 1, 1))
    mine = cut.memberships[
        (cut.memberships["iso3"] == "PRY")
        & (cut.memberships["group_id"] == "MERCOSUR")
        & (cut.memberships["role"] == "member")
    ]
    assert list(mine["to_date"]) == [""]
    # Venezuela, associate from 2004, full member from 31 July 2012: an associate in 2010.
    venezuela = cut.memberships[
        (cut.memberships["iso3"] == "VEN") & (cut.memberships["group_id"] == "MERCOSUR")
    ]
    assert list(zip(venezuela["role"], venezuela["to_date"], strict=True)) == [("associate", "")]


def test_cutting_twice_changes_nothing(dataset: Dataset) -> None:
    once = dataset_on(dataset, DAY)
    assert dataset_on(once, DAY) is once
