"""A view's link and citation name the snapshot they show; an older snapshot's link opens it, with
a note and a link to the newest; an unknown or damaged id gets a note and the current snapshot.

The frozen history: 20261129T201705943055Z-reference (compiled 29 November 2026), then CURRENT,
20261201T160313018352Z-reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import open_app, texts
from tests.support.data import CURRENT_SNAPSHOT, PREVIOUS_SNAPSHOT

CURRENT = CURRENT_SNAPSHOT


def _citation(app: AppTest) -> str:
    app.session_state["cite_view"] = True
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app.text_area[0].value


def test_an_older_snapshots_link_opens_it_with_a_note() -> None:
    app = open_app("overview", snapshot=PREVIOUS_SNAPSHOT, instrument="TIP", as_of="2009-06-04")
    notes = "\n".join(e.value for e in app.info)
    assert f"This link cites snapshot `{PREVIOUS_SNAPSHOT}` (compiled 29 November 2026)" in notes
    assert f"in snapshot `{CURRENT}`" in notes
    assert "[open this view on the newest data](./?instrument=TIP&as_of=2009-06-04)" in notes
    assert "unknown link parameter" not in notes
    said = texts(app)
    assert f"Snapshot `{PREVIOUS_SNAPSHOT}`" in said and f"Snapshot `{CURRENT}`" not in said
    assert f"&snapshot={PREVIOUS_SNAPSHOT}" in _citation(app)


def test_the_current_snapshots_link_has_no_note_and_is_cited() -> None:
    app = open_app("map", instrument="TIP", as_of="2009-06-04")
    assert "This link cites snapshot" not in texts(app)
    citation = _citation(app)
    assert f"map?instrument=TIP&as_of=2009-06-04&lang=en&snapshot={CURRENT} " in citation
    app = open_app("map", instrument="TIP", snapshot=CURRENT)
    assert "This link cites snapshot" not in texts(app) and not app.warning[1:]


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "that this site does not have or cannot read. Showing the current snapshot"),
        ("es", "que este sitio no tiene o no puede leer. Se muestra en su lugar"),
        ("pt", "que este site não tem ou não consegue ler. Mostrando em seu lugar"),
        ("fr", "que ce site n'a pas ou ne peut pas lire. L'instantané actuel"),
    ],
)
def test_an_unknown_id_gets_a_note_and_the_current_snapshot(language: str, says: str) -> None:
    app = open_app("overview", snapshot="20991231T000000000000Z-refresh", lang=language)
    warnings = "\n".join(e.value for e in app.warning)
    assert says in warnings and "`20991231T000000000000Z-refresh`" in warnings
    assert f"`{CURRENT}`" in warnings
    assert f"`{CURRENT}`" in texts(app).replace(warnings, "")  # the footer: the current one


def test_a_damaged_id_gets_the_same_note(data_copy: Path) -> None:
    with (data_copy / "snapshots" / PREVIOUS_SNAPSHOT / "status.csv").open("a") as handle:
        handle.write("tampered\n")
    app = open_app("overview", snapshot=PREVIOUS_SNAPSHOT)
    warnings = "\n".join(e.value for e in app.warning)
    assert f"`{PREVIOUS_SNAPSHOT}`, that this site does not have or cannot read" in warnings
    assert "This link cites snapshot" not in texts(app)
