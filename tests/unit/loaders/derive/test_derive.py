"""Derivations checked against expectations worked out by hand from the reference facts."""

from datetime import date

import pandas as pd
import pytest

from loaders.derive import (
    RESOLUTION_DATE,
    entry_into_force,
    group_summary,
    members_on,
    paragraph6,
    parties_over_time,
    status_on,
    with_instrument_facts,
)

TODAY = date(2026, 11, 29)


def _row(frame: pd.DataFrame, iso3: str, instrument: str) -> pd.Series:
    rows = frame[(frame["iso3"] == iso3) & (frame["instrument"] == instrument)]
    assert len(rows) == 1
    return rows.iloc[0]


@pytest.fixture(scope="module")
def facts(dataset):
    return with_instrument_facts(dataset.status, dataset.instruments)


@pytest.mark.parametrize(
    ("consent", "instrument_eif", "expected"),
    [
        ("2014-11-11", "2003-12-25", "2014-12-11"),  # deposit after entry into force: +30 days
        ("2002-11-19", "2003-12-25", "2003-12-25"),  # early deposit: the instrument's own date
        ("2003-09-15", "2003-09-29", "2003-10-15"),  # in the last 30 days before: +30 is later
        ("2003-08-30", "2003-09-29", "2003-09-29"),  # exactly 30 days before: the same day
    ],
)
def test_entry_into_force_rule(consent, instrument_eif, expected):
    result = entry_into_force(
        pd.Series([pd.Timestamp(consent)]), pd.Series([pd.Timestamp(instrument_eif)])
    )
    assert result.iloc[0] == pd.Timestamp(expected)


def test_entry_into_force_empty_without_consent():
    result = entry_into_force(pd.Series([pd.NaT]), pd.Series([pd.Timestamp("2003-09-29")]))
    assert result.isna().all()


def test_facts_for_known_states(facts):
    argentina = _row(facts, "ARG", "TIP")
    assert argentina["entry_into_force"] == pd.Timestamp("2003-12-25")
    assert argentina["days_from_opening"] == 707  # 12 Dec 2000 -> 19 Nov 2002
    assert pd.isna(argentina["days_from_resolution"])
    barbados = _row(facts, "BRB", "TIP")
    assert barbados["entry_into_force"] == pd.Timestamp("2014-12-11")
    assert barbados["days_from_resolution"] == 1986  # 4 Jun 2009 -> 11 Nov 2014
    costa_rica = _row(facts, "CRI", "UNTOC")
    assert costa_rica["entry_into_force"] == pd.Timestamp("2003-09-29")


def test_tip_on_the_day_of_the_resolution(facts):
    tip = status_on(facts[facts["instrument"] == "TIP"], RESOLUTION_DATE)
    by_state = tip.set_index("iso3")["status"]
    assert (by_state == "party").sum() == 28
    assert set(by_state[by_state != "party"].index) == {
        "ATG",
        "BRB",
        "CUB",
        "DMA",
        "HTI",
        "LCA",
        "VCT",
    }
    assert by_state["HTI"] == "signatory"  # signed 13 Dec 2000, ratified 2011
    assert by_state["CUB"] == "no_action"  # acceded 2013, never signed
    barbados = tip.set_index("iso3").loc["BRB"]
    assert pd.isna(barbados["consent_date"]) and barbados["consent_kind"] == ""
    assert pd.isna(barbados["entry_into_force"])


def test_later_acts_are_hidden_not_shown_done(facts):
    early = status_on(facts, date(2001, 1, 1)).set_index(["iso3", "instrument"])
    assert early.loc[("ARG", "TIP"), "status"] == "signatory"
    assert pd.isna(early.loc[("ARG", "TIP"), "consent_date"])
    assert pd.isna(early.loc[("ARG", "TIP"), "days_from_opening"])
    assert early.loc[("BLZ", "UNTOC"), "status"] == "no_action"


def test_status_after_verification_is_marked_unverified(facts):
    now = status_on(facts, TODAY).set_index(["iso3", "instrument"])
    assert now.loc[("LCA", "SOM"), "status"] == "no_action"
    assert not now.loc[("LCA", "SOM"), "status_verified"]  # verified through 2014-07 only
    assert now.loc[("ARG", "TIP"), "status_verified"]  # a party stays a party
    then = status_on(facts, date(2014, 6, 30)).set_index(["iso3", "instrument"])
    assert then.loc[("LCA", "SOM"), "status_verified"]
    assert (
        not status_on(facts, date(2014, 7, 2))
        .set_index(["iso3", "instrument"])
        .loc[("LCA", "SOM"), "status_verified"]
    )


def test_paragraph6_who_joined_since(dataset):
    tip = paragraph6(dataset, TODAY, ["TIP"]).set_index("iso3")
    joined = tip[tip["joined_since_resolution"]]["consent_date"]
    assert set(joined.index) == {"ATG", "BRB", "CUB", "DMA", "HTI", "LCA", "VCT"}
    assert joined["ATG"] == pd.Timestamp("2010-02-17")
    assert (tip["status"] == "party").all()
    assert tip.loc["HTI", "status_2009"] == "signatory"


def test_parties_over_time_steps(dataset, facts):
    series = parties_over_time(facts, dataset.instruments, TODAY)
    tip = series[series["instrument"] == "TIP"]
    assert tip.iloc[0]["parties"] == 0 and tip.iloc[-1]["parties"] == 35
    before = tip[tip["date"] <= pd.Timestamp(RESOLUTION_DATE)]
    assert before["parties"].max() == 28
    assert tip["parties"].is_monotonic_increasing


@pytest.mark.parametrize(
    ("group", "iso3", "role", "day", "expected"),
    [
        ("MERCOSUR", "VEN", "member", date(2012, 7, 30), False),
        ("MERCOSUR", "VEN", "member", date(2012, 7, 31), True),
        ("MERCOSUR", "BOL", "member", date(2024, 8, 6), False),
        ("MERCOSUR", "BOL", "member", date(2024, 8, 7), True),
        ("MERCOSUR", "VEN", "associate", date(2004, 12, 30), False),  # "2004": certain from 31 Dec
        ("MERCOSUR", "VEN", "associate", date(2004, 12, 31), True),
        ("UNASUR", "COL", "member", date(2023, 5, 30), False),  # rejoined "2023-05"
        ("UNASUR", "COL", "member", date(2023, 5, 31), True),
        ("UNASUR", "CHL", "member", date(2019, 5, 31), True),  # left "2019-06"
        ("UNASUR", "CHL", "member", date(2019, 6, 1), False),
        ("M49_013", "MEX", "member", date(1950, 1, 1), True),  # no start recorded: always
        ("RIO", "MEX", "member", date(2011, 12, 3), False),  # succeeded by CELAC
    ],
)
def test_membership_on_a_date(dataset, group, iso3, role, day, expected):
    members = members_on(dataset.memberships, day, roles=(role,))
    present = ((members["group_id"] == group) & (members["iso3"] == iso3)).any()
    assert present == expected


def test_group_summary_counts_and_missing(dataset, facts):
    day = date(2009, 6, 4)
    members = members_on(dataset.memberships, day)
    status = status_on(facts[facts["instrument"] == "TIP"], day)
    summary = group_summary(status, members, dataset.states["name"]).set_index("group_id")
    caricom = summary.loc["CARICOM"]
    assert caricom["members"] == 14  # the OAS states among its members
    assert caricom["missing"] == (
        "Antigua and Barbuda, Barbados, Dominica, Haiti, Saint Lucia, "
        "Saint Vincent and the Grenadines"
    )
    assert summary.loc["MERCOSUR", "members"] == 4  # Venezuela joined in 2012
    assert summary.loc["MERCOSUR", "share"] == 1.0
