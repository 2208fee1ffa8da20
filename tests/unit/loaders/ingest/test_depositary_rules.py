"""The ILO's rules for dates, worked out by hand from C189 (adopted 16 Jun 2011, in force
5 Sep 2013) and an instrument's depositary from the registry."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.ingest.depositaries import ilo_date_problems, twelve_months_after
from loaders.ingest.refresh import RefreshError, choose, depositary_of
from loaders.normlex import Ratification
from loaders.store.registry import load_registry
from tests.support.data import FROZEN

TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def registry():
    return load_registry(FROZEN)


@pytest.fixture(scope="module")
def c189(registry):
    return next(i for i in registry if i.mtdsg_no == "C189")


def _ratified(registered: date, in_force_on: date | None = None, **more) -> Ratification:
    return Ratification(
        name="Uruguay",
        registered=registered,
        in_force=in_force_on is None,
        status_text="In Force" if in_force_on is None else "Not in force",
        in_force_date=in_force_on,
        **more,
    )


def test_twelve_months_after() -> None:
    assert twelve_months_after(date(2014, 3, 24)) == date(2015, 3, 24)
    assert twelve_months_after(date(2012, 2, 29)) == date(2013, 2, 28)


def test_in_force_twelve_months_on_and_never_before_the_convention(c189) -> None:
    # Argentina: registered 24 Mar 2014, in force 24 Mar 2015.
    assert ilo_date_problems(c189, _ratified(date(2014, 3, 24), date(2015, 3, 24)), TODAY) == []
    # Uruguay, the first: registered 14 Jun 2012, in force with the Convention on 5 Sep 2013.
    assert ilo_date_problems(c189, _ratified(date(2012, 6, 14), date(2013, 9, 5)), TODAY) == []
    (problem,) = ilo_date_problems(c189, _ratified(date(2012, 6, 14), date(2013, 6, 14)), TODAY)
    assert "comes into force on 2013-09-05" in problem


def test_impossible_registrations(c189) -> None:
    (before,) = ilo_date_problems(c189, _ratified(date(2010, 1, 5)), TODAY)
    assert "before the instrument was adopted (2011-06-16)" in before
    (future,) = ilo_date_problems(c189, _ratified(date(2026, 12, 8)), TODAY)
    assert "in the future" in future
    assert ilo_date_problems(c189, _ratified(date(2026, 12, 7)), TODAY) == []  # a day's grace


def test_each_instrument_has_its_depositary(registry) -> None:
    by_number = {i.mtdsg_no: depositary_of(i) for i in registry}
    assert (by_number["XVIII-12-a"], by_number["IV-11-c"]) == ("UN", "UN")
    assert (by_number["C029"], by_number["P029"], by_number["B-57"]) == ("ILO", "ILO", "OAS")


def test_a_refresh_chooses_by_depositary_or_instrument(registry) -> None:
    assert [i.id for i in choose(registry)] == ["UNTOC", "TIP", "SOM", "FIREARMS"]
    ilo = [i.mtdsg_no for i in choose(registry, depositaries=["ILO"])]
    assert ilo == ["C029", "P029", "C105", "C182", "C189"]
    assert [i.mtdsg_no for i in choose(registry, depositaries=["OAS"])] == ["B-57", "A-63"]
    with pytest.raises(RefreshError, match="no instrument"):
        choose(registry, ["TIP"], ["ILO"])
