"""One script run should see one snapshot: a refresh that swaps ``data/snapshots/CURRENT`` while a
run is under way must not give that run parts of two snapshots (with many replicas serving
while the scheduled refresh publishes, some run will straddle the swap).

app.py pins the snapshot once per run (pages.components.data.pin_snapshot); every load_data()
of the run (app.py twice, the page again) uses it. This test counts the reads of the pointer.

"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import pages.components.data as data_module
from tests.support.apptest import APP


def test_one_run_reads_the_snapshot_pointer_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    original = data_module.current_name

    def counted(folder):
        reads.append(str(folder))
        return original(folder)

    monkeypatch.setattr(data_module, "current_name", counted)
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params["instrument"] = "TIP"
    app.run()
    assert not app.exception
    assert len(reads) == 1, f"CURRENT read {len(reads)} times in one run"
