"""The settled-or-not account per depositary for the treaty family, against facts worked out by
hand from tests/fixtures/data/reference/family/family_oas_status.csv.

OAS on 1 June 2024, by hand from the file:
- Inter-American Convention on Traffic in Minors (B-57): 8 parties (the latest act 14 November
  2011), 7 not party as read in November 2011 (Antigua and Barbuda, Bahamas, Barbados, Canada,
  Chile, Cuba, Dominica): they may have acted since; 20 unknown (the stored excerpt of the OAS
  page stops before them).
- CIFTA (A-63): 30 parties (the latest act April 2010); 4 signatories checked in April 2010
  (Jamaica, Saint Vincent and the Grenadines) or 4 April 2018 (Canada, the United States): may
  have changed; Cuba unknown.
So 70 facts: 38 settled, 11 may have changed, 21 unknown; the latest check 4 April 2018.
"""

from __future__ import annotations

from datetime import date

from loaders.derive.settled import settled_account, settled_by_depositary
from loaders.store.dataset import Dataset

JUNE_2024 = date(2024, 6, 1)


def _by(dataset: Dataset, day: date) -> dict:
    return {a.depositary: a for a in settled_by_depositary(dataset, day)}


def test_the_oas_account_on_a_date(dataset: Dataset) -> None:
    oas = _by(dataset, JUNE_2024)["OAS"]
    assert oas.instruments == ["TRAFFIC_MINORS", "CIFTA"]
    assert (oas.total, oas.settled, oas.changeable, oas.unknown) == (70, 38, 11, 21)
    assert oas.last_check == "2018-04-04"


def test_every_depositary_accounts_for_each_of_its_facts(dataset: Dataset) -> None:
    accounts = _by(dataset, JUNE_2024)
    assert list(accounts) == ["UN", "ILO", "OAS"]
    # UN: sale of children, UNCAC, the 1949 Convention, CEDAW; ILO: C029, P029, C105, C182, C189
    assert accounts["UN"].total == 4 * 35 and accounts["ILO"].total == 5 * 35
    for account in accounts.values():
        assert account.settled + account.changeable + account.unknown == account.total


def test_an_instrument_not_yet_adopted_is_not_counted(dataset: Dataset) -> None:
    # C189 was adopted 16 June 2011 and P029 11 June 2014: on 1 January 2010 the ILO has three.
    ilo = _by(dataset, date(2010, 1, 1))["ILO"]
    assert ilo.instruments == ["C029", "C105", "C182"]
    assert ilo.total == 3 * 35


def test_paragraph_6_s_account_stays_the_four_palermo_instruments(dataset: Dataset) -> None:
    account = settled_account(dataset, JUNE_2024)
    assert account.total == 35 * 4
    assert set(account.unsettled["instrument"]) <= {"UNTOC", "TIP", "SOM", "FIREARMS"}
