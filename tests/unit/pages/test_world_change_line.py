"""The change log's short line on the participants beyond the 35, in the four languages."""

from __future__ import annotations

import pytest

from loaders.model.languages import LANGUAGES
from loaders.store.changes import Change
from pages.components.change_log import change_line
from views.text.i18n import Translator

EVENT = Change("world_participants", "XVIII-12-a", "", "139", "132", "9")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_world_line_says_the_counts_in_every_language(language: str) -> None:
    line = change_line(EVENT, Translator(language))
    assert "`XVIII-12-a`" in line and "`132`" in line and "`139`" in line and " 9 " in line
    assert "{" not in line and "changes." not in line


def test_the_markdown_log_says_it_in_english() -> None:
    assert EVENT.sentence() == (
        "Participants beyond the 35 on XVIII-12-a: 132 (before: 139), 9 changed"
    )
