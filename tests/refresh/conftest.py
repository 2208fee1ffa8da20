"""The refresh tests' subject is the snapshot: a publish there leaves the reader's edition off
(RATIFY_EDITION=off), which tests/unit/cli/test_edition_command.py writes and checks itself."""

from __future__ import annotations

import pytest

from loaders.paths import EDITION_SWITCH_VARIABLE


@pytest.fixture(autouse=True)
def _no_edition(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EDITION_SWITCH_VARIABLE, "off")
