"""Groups whose source gives no joining day (loaders.derive.groups.groups_with_undated_members).

Counted by hand in tests/fixtures/data/reference/world/groups_world.csv: every member of the five
UN regional groups has an empty from_date, as have 45 of the African Union's 56 and 6 of the
Commonwealth's 57; the EU's, ASEAN's and the Council of Europe's members are all dated, and so
are the OAS subregions' in groups.csv.
"""

from __future__ import annotations

from loaders.derive.groups import groups_with_undated_members
from loaders.store.dataset import Dataset


def test_the_groups_listed_without_joining_days_are_named_in_the_order_asked(
    dataset: Dataset,
) -> None:
    asked = ["EU", "UNRG_WEOG", "ASEAN", "AU", "COE", "COMMONWEALTH", "UNRG_AFRICAN", "MERCOSUR"]
    assert groups_with_undated_members(dataset, asked) == [
        "UNRG_WEOG", "AU", "COMMONWEALTH", "UNRG_AFRICAN",
    ]  # fmt: skip


def test_dated_groups_alone_need_no_word(dataset: Dataset) -> None:
    assert groups_with_undated_members(dataset, ["EU", "ASEAN", "COE", "SICA", "CAN"]) == []
