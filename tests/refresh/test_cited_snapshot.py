"""After a refresh brings a new accession, the previous snapshot is still there to be read by id:
``export --snapshot <previous id>`` gives the previous facts, and the link the previous view cited
opens them too, with a note and a link to the newest.

Worked out by hand: the copy's current snapshot holds what the reference knew on 31 December 2012
(tests.support.refresh_helpers.snapshot_as_of), when Dominica had taken no action on the
Trafficking Protocol; the UNTC stand-in's TIP status (as at 20 January 2014) has Dominica's
accession of 17 May 2013.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from streamlit.testing.v1 import AppTest

from cli.main import main
from loaders.store.snapshot import current_name
from tests.support.apptest import open_app, texts
from tests.support.untc_server import UntcMirror

VIEW = {"instrument": "TIP", "as_of": "2013-12-31", "state": "DMA"}


def _dominica(capsysbinary, *args: str) -> dict[str, str]:
    assert main(["export", "--instrument", "TIP", "--as-of", "2013-12-31", *args]) == 0
    rows = csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8")))
    return next(row for row in rows if row["iso3"] == "DMA")


def _cited_link(app: AppTest) -> dict[str, str]:
    app.session_state["cite_view"] = True
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    link = next(w for w in app.text_area[0].value.split() if "?" in w and "as_of=" in w)
    return {key: values[-1] for key, values in parse_qs(urlsplit(link).query).items()}


def test_the_previous_snapshot_after_a_refresh_that_brings_an_accession(
    older: Path, mirror: UntcMirror, capsysbinary
) -> None:
    previous = current_name(older)
    cited = _cited_link(open_app("profile", **VIEW))
    assert cited == {**VIEW, "lang": "en", "snapshot": previous}
    before = texts(open_app("profile", **VIEW))
    assert "17 May 2013" not in before

    assert main(["refresh", "--base-url", mirror.base_url, "--instrument", "TIP"]) == 0
    newest = current_name(older)
    assert newest != previous
    capsysbinary.readouterr()

    now = _dominica(capsysbinary)
    assert (now["status"], now["consent_date"], now["consent_kind"]) == (
        "party",
        "2013-05-17",
        "accession",
    )
    then = _dominica(capsysbinary, "--snapshot", previous)
    assert (then["status"], then["consent_date"], then["consent_kind"]) == ("no_action", "", "")

    app = open_app("profile", **cited)
    said = texts(app)
    assert "17 May 2013" not in said
    notes = "\n".join(e.value for e in app.info)
    assert f"This link cites snapshot `{previous}` (compiled 1 January 2013)" in notes
    assert f"in snapshot `{newest}`" in notes
    assert "17 May 2013" in texts(open_app("profile", **{**cited, "snapshot": newest}))
