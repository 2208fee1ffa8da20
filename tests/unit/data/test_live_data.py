"""The live data/ that the dashboard serves: invariants only, no pinned figure.

A refresh may bring new facts at any time, so nothing here names a date or a count: every state
and instrument is present, every row carries its provenance, every snapshot file matches its
checksum, and the reference facts are the shared research's.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from loaders.model.dates import PartialDate
from loaders.paths import PROJECT_ROOT, DataPaths
from loaders.store.dataset import load_dataset
from loaders.store.snapshot import history, read_snapshot_at

LIVE = DataPaths(PROJECT_ROOT / "data")
SHARED = PROJECT_ROOT.parent / "shared" / "reference"


@pytest.fixture(scope="module")
def live():
    dataset = load_dataset(LIVE.root)
    assert dataset.warning is None, dataset.warning  # the current snapshot itself is good
    return dataset


def test_every_state_and_instrument_has_one_row(live) -> None:
    pairs = live.status.groupby(["iso3", "instrument"]).size()
    assert len(live.states) == 35
    assert set(pairs.index) == {(s, i) for s in live.states.index for i in live.instrument_ids}
    assert (pairs == 1).all()


def test_every_row_carries_its_provenance(live) -> None:
    status = live.status
    assert (status["source"].str.strip() != "").all()
    assert status["confidence"].isin(["high", "medium", "low"]).all()
    today = date.today()
    for text in status["verified_through"]:
        assert PartialDate.parse(text).earliest() <= today, text


def test_every_instrument_says_as_at_when(live) -> None:
    assert set(live.meta.instruments) == set(live.instrument_ids)
    for instrument in live.meta.instruments.values():
        assert instrument.source.strip()
        assert instrument.status_as_at is None or instrument.status_as_at <= date.today()


def test_every_snapshot_in_the_history_matches_its_checksums() -> None:
    folders = history(LIVE.root)
    assert folders
    for folder in folders:
        snapshot = read_snapshot_at(folder)  # raises on a damaged file
        assert snapshot.meta.snapshot_id == folder.name


def test_no_act_after_the_date_it_is_verified_through(live) -> None:
    status = live.status
    for _, row in status.iterrows():
        latest = PartialDate.parse(row["verified_through"]).latest()
        for column in ("signature_date", "consent_date"):
            if pd.notna(row[column]):
                assert row[column].date() <= latest, (row["iso3"], row["instrument"])


def test_no_protocol_party_without_the_convention(live) -> None:
    """UNTOC art. 37(2): a State must be party to the Convention to join a Protocol."""
    status = live.status.set_index(["iso3", "instrument"])
    for (iso3, instrument), row in status[status["consent_date"].notna()].iterrows():
        if instrument != "UNTOC":
            assert status.loc[(iso3, "UNTOC"), "consent_date"] <= row["consent_date"], iso3


def test_reference_copy_matches_the_shared_research() -> None:
    if not SHARED.is_dir():
        pytest.skip("shared/reference is not beside this checkout")
    for name in ("palermo_oas_status.csv", "groups.csv", "oas_membership.csv"):
        assert LIVE.reference_file(name).read_bytes() == (SHARED / name).read_bytes(), name
