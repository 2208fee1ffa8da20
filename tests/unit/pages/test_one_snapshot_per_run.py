"""One script run should see one snapshot: a refresh that swaps ``data/snapshots/CURRENT`` while a
run is under way must not give that run parts of two snapshots (with many replicas serving
while the scheduled refresh publishes, some run will straddle the swap).

app.py pins the snapshot once per run (pages.components.data.pin_snapshot); every load_data()
of the run (app.py twice, the page again) uses it, and the cached dataset is keyed by its id.
This test counts the reads of the pointer file itself, whoever reads it, with the caches cleared
first: a cold run is the one where the loader itself reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.support.apptest import APP
from tests.support.data import PREVIOUS_SNAPSHOT


@pytest.mark.parametrize("asked", [None, PREVIOUS_SNAPSHOT, "no-such-snapshot"])
def test_one_cold_run_reads_the_snapshot_pointer_once(
    monkeypatch: pytest.MonkeyPatch, asked: str | None
) -> None:
    reads: list[str] = []
    original = Path.read_text

    def counted(path: Path, *args, **kwargs) -> str:
        if path.name == "CURRENT":
            reads.append(str(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", counted)
    st.cache_resource.clear()
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params["instrument"] = "TIP"
    if asked:
        app.query_params["snapshot"] = asked
    app.run()
    assert not app.exception
    assert len(reads) == 1, f"CURRENT read {len(reads)} times in one run"
