"""Values from upstream, a link or the address reach a page as the characters they are."""

from __future__ import annotations

import pytest

from loaders.store.changes import Change
from pages.components.change_log import change_line
from views.text.i18n import Translator

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
