"""Values from upstream, a link or the address reach a page as the characters they are."""

from __future__ import annotations

import pytest

from loaders.store.changes import Change
from loaders.store.dataset import Dataset
from pages.components.change_log import change_line
from views.text.i18n import Translator
from views.text.localized import localized

T = Translator("en")
HOSTILE = (
    "withdrawn ![pixel](https://evil.example/p.png) see [Official notice](https://evil.example)"
)


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_a_hostile_withdrawal_footnote_draws_no_image_and_no_link(language: str) -> None:
    change = Change("new_note", "XVIII-12-a", "BOL", detail=HOSTILE)
    line = change_line(change, Translator(language))
    assert "![" not in line and "](" not in line and "https://" not in line
    assert "Official notice" in line


def test_a_hostile_date_in_the_log_is_plain_too() -> None:
    change = Change("new_party", "XVIII-12-a", "BOL", after="2020-01-01` ![x](https://e.x/y)")
    line = change_line(change, Translator("en"))
    assert "![" not in line and "](" not in line


def test_a_code_with_no_name_is_shown_alone(dataset: Dataset) -> None:
    # Named where known: the state by ISO 3166, the instrument by the dataset; else the code.
    dataset = localized(dataset, "en")  # as the pages have it (load_data)
    known = change_line(Change("new_party", "XVIII-12-a", "BOL", after="2006-05-18"), T, dataset)
    assert known.startswith("New party: Bolivia (`BOL`) on Trafficking in Persons (`XVIII-12-a`)")
    unknown = change_line(Change("new_party", "XXVI-9", "ZZZ", after="2006-05-18"), T, dataset)
    assert unknown.startswith("New party: `ZZZ` on `XXVI-9`")
