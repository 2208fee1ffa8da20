"""A refresh's participant list is complete as at its "status as at", as UNTC's 2014 capture is.

The frozen snapshot's TIP rows are the 2014 capture (verified through 2014-01) and later acts
(verified 2014-11 to 2024). Here they are replaced as a refresh of a page "as at" 1 June 2024
replaces them: every participant beyond the 35 verified through that day, the 35 left to
status.csv. Expectations are counted by hand over the reference (world_counts.csv: TIP 182
parties as at 2024-04-20; the world file names 169, of which 35 are OAS states with a consent).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pandas as pd

from loaders.derive.participation import capture_months, participation_view
from loaders.derive.regions import group_shares, named_parties, unnamed_acts
from loaders.model.records import InstrumentMeta, SnapshotMeta, WorldCount
from loaders.store.dataset import Dataset, newest_counts

LIST_DAY = date(2024, 6, 1)


def _refreshed(dataset: Dataset, absent: set[str]) -> Dataset:
    """``dataset`` with TIP's rows as a refresh as at LIST_DAY writes them, ``absent`` left out
    of the page, and UNTC's header count of that page (169 named minus those absent)."""
    rows = dataset.participation
    tip = rows[(rows["instrument"] == "TIP") & ~rows["iso3"].isin(set(dataset.states.index))]
    tip = tip[~tip["iso3"].isin(absent)].assign(
        verified_through=LIST_DAY.isoformat(), later_act="false", confidence="high"
    )
    rest = rows[rows["instrument"] != "TIP"]
    parties = 169 - len(absent)
    counts = dataset.world_counts.copy()
    counts.loc["TIP", ["parties", "status_as_at"]] = [parties, pd.Timestamp(LIST_DAY)]
    return replace(
        dataset, participation=pd.concat([rest, tip], ignore_index=True), world_counts=counts
    )


def test_the_35_are_counted_from_status_csv(dataset: Dataset):
    # The 35's Palermo rows in participation.csv are dropped by a refresh: the count is the same.
    rows = dataset.participation
    without = rows[~rows["iso3"].isin(set(dataset.states.index))]
    assert list(named_parties(replace(dataset, participation=without))) == [183, 169, 142, 120]
    assert list(named_parties(dataset)) == [183, 169, 142, 120]


def test_the_list_date_follows_the_refreshed_rows(dataset: Dataset):
    assert capture_months(dataset.participation)["TIP"] == "2014-01"
    refreshed = _refreshed(dataset, {"AFG"})
    assert capture_months(refreshed.participation)["TIP"] == "2024-06-01"
    assert capture_months(refreshed.participation)["SOM"] == "2014-07"  # not refreshed


def test_a_state_absent_from_the_refreshed_list_took_no_action_then(dataset: Dataset):
    refreshed = _refreshed(dataset, {"AFG"})
    view = participation_view(refreshed, LIST_DAY, ["TIP"], ["AFG", "AGO"]).set_index("iso3")
    assert view.loc["AFG", "status"] == "no_action"
    assert view.loc["AFG", "verified_through"] == "2024-06-01"
    assert "as at 2024-06-01" in view.loc["AFG", "source"]
    assert view.loc["AGO", "status"] == "party"  # Angola's accession of 2014-09


def test_up_to_the_list_date_a_count_is_exact(dataset: Dataset):
    refreshed = _refreshed(dataset, {"AFG"})
    acts = unnamed_acts(refreshed).loc["TIP"]
    assert (acts["untc_parties"], acts["named_parties"], acts["unnamed"]) == (168, 168, 0)
    on_day = group_shares(refreshed, LIST_DAY, ["UNRG_AFRICAN"], ["TIP"]).iloc[0]
    assert not on_day["lower_bound"] and on_day["unnamed_acts"] == 0
    after = group_shares(refreshed, date(2024, 6, 2), ["UNRG_AFRICAN"], ["TIP"]).iloc[0]
    assert after["lower_bound"]  # acts after the list's date may be missing
    # Before, the same day was after the 2014 capture: a lower bound with 13 acts unnamed.
    before = group_shares(dataset, LIST_DAY, ["UNRG_AFRICAN"], ["TIP"]).iloc[0]
    assert before["lower_bound"] and before["unnamed_acts"] == 13


def _meta(status_as_at: date, parties: int, source: str = "UNTC status XML") -> SnapshotMeta:
    return SnapshotMeta(
        snapshot_id="x",
        files={},
        method="untc-refresh",
        description="d",
        compiled_at=datetime(2026, 1, 1, tzinfo=UTC),
        instruments={
            "TIP": InstrumentMeta(
                mtdsg_no="XVIII-12-a",
                status_as_at=status_as_at,
                source=source,
                source_url="https://treaties.un.org/x.xml",
                signatories=117,
                parties=parties,
            )
        },
    )


def test_a_refresh_header_newer_than_the_reference_count_replaces_it():
    reference = [
        WorldCount(
            mtdsg_no="XVIII-12-a",
            signatories=117,
            parties=182,
            status_as_at=date(2024, 4, 20),
            source="reference",
        )
    ]
    numbers = {"XVIII-12-a"}
    newer = newest_counts(reference, _meta(date(2024, 6, 1), 183), numbers)
    assert (newer[0].parties, newer[0].status_as_at) == (183, date(2024, 6, 1))
    assert "https://treaties.un.org/x.xml" in newer[0].source
    older = newest_counts(reference, _meta(date(2014, 1, 20), 159), numbers)
    assert older == reference
    compiled = newest_counts(reference, _meta(date(2025, 1, 1), 190, "compiled"), numbers)
    assert compiled == reference
