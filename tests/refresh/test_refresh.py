"""Refresh against a local UNTC mirror: the good path, and every way it must refuse."""

from __future__ import annotations

import json
import socket
from datetime import date
from pathlib import Path

from cli.main import main
from loaders.store.changes import read_changes
from loaders.store.snapshot import current_name, history, read_current
from tests.support.refresh_helpers import ARGENTINA_ROW, CUTOFF, edited, tree
from tests.support.untc_server import FIXTURES, UntcMirror


def _refresh(mirror: UntcMirror, *args: str) -> int:
    return main(["refresh", "--base-url", mirror.base_url, *args])


def test_refresh_replaces_an_older_snapshot_and_keeps_it_in_history(older, mirror, capsys):
    before = current_name(older)
    assert _refresh(mirror) == 0
    err = capsys.readouterr().err
    assert "[1/4] UNTOC" in err and "[4/4] FIREARMS" in err  # progress while fetching
    snapshot = read_current(older)
    assert snapshot.meta.method == "untc-refresh" and snapshot.meta.previous == before
    assert before in [p.name for p in history(older)]
    rows = snapshot.status.set_index(["iso3", "mtdsg_no"])
    dominica = rows.loc[("DMA", "XVIII-12-a")]
    assert (dominica["consent_date"], dominica["consent_kind"]) == ("2013-05-17", "accession")
    assert dominica["verified_through"] == "2014-01-20"
    antigua = rows.loc[("ATG", "XVIII-12-a")]
    assert antigua["consent_kind"] == "accession" and antigua["kind_inferred"] == "true"
    assert "inferred" in antigua["note"]
    assert rows.loc[("COL", "XVIII-12-b")]["consent_date"] == ""  # not a participant
    tip = snapshot.meta.instruments["TIP"]
    assert tip.status_as_at == date(2014, 1, 20)
    assert tip.source_url.endswith("/Volume%20II/Chapter%20XVIII/xviii-12-a.en.xml")
    assert (tip.signatories, tip.parties) == (117, 159)
    assert (snapshot.path / "raw" / "TIP.xml").read_bytes() == (
        FIXTURES / "xviii-12-a.en.xml"
    ).read_bytes()
    changes = (snapshot.path / "changes.md").read_text()
    assert "New party: DMA on XVIII-12-a, 2013-05-17" in changes
    assert "New party: CUB on XVIII-12-a, 2013-06-20" in changes


def test_refresh_of_one_instrument_keeps_the_others(older, mirror):
    before = read_current(older).status
    assert _refresh(mirror, "--instrument", "tip") == 0
    after = read_current(older).status
    others = before["mtdsg_no"] != "XVIII-12-a"
    assert (
        after[after["mtdsg_no"] != "XVIII-12-a"]
        .reset_index(drop=True)
        .equals(before[others].reset_index(drop=True))
    )
    assert mirror.paths() == [mirror.xml_path("XVIII-12-a")]


def test_declarations_of_oas_states_are_kept_as_text(older, mirror):
    body = edited(
        "xviii-12-a.en.xml",
        (
            "<Declarations>",
            "<Declarations><Declaration><Participant>Ecuador</Participant>"
            '<Text type="para">Declaration: <i>in accordance with</i> article 15 '
            "=cmd|' /C calc'!A0</Text></Declaration>",
        ),
    )
    mirror.route(mirror.xml_path("XVIII-12-a"), body=body)
    assert _refresh(mirror, "--instrument", "TIP") == 0
    declarations = read_current(older).declarations
    assert list(declarations["iso3"]) == ["ECU"]
    assert declarations.iloc[0]["text"].startswith("Declaration: in accordance with article 15")
    snapshot = read_current(older)
    assert (
        "New declarations and reservations text: ECU on XVIII-12-a"
        in (snapshot.path / "changes.md").read_text()
    )
    # The same event as data, listed and checksummed in the metadata like every other file.
    assert "changes.json" in snapshot.meta.files
    _, events = read_changes((snapshot.path / "changes.json").read_bytes())
    assert [(e.kind, e.iso3, e.detail) for e in events if e.kind == "new_declaration"] == [
        ("new_declaration", "ECU", "Declarations and Reservations")
    ]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _assert_refused(data: Path, args: list[str], capsys, *fragments: str) -> None:
    before = tree(data)
    assert main(["refresh", *args]) == 1
    err = capsys.readouterr().err
    assert "refresh failed, snapshot unchanged" in err
    for fragment in fragments:
        assert fragment in err
    assert tree(data) == before


def _refuses_tip(data: Path, mirror: UntcMirror, capsys, *fragments: str) -> None:
    """A refresh of the Trafficking Protocol from the mirror is refused, saying ``fragments``."""
    _assert_refused(
        data, ["--base-url", mirror.base_url, "--instrument", "TIP"], capsys, *fragments
    )


def test_unreachable_site(older, capsys):
    url = f"http://127.0.0.1:{_closed_port()}"
    _assert_refused(
        older, ["--base-url", url, "--instrument", "TIP"], capsys, "TIP (XVIII-12-a)", url
    )


def test_maintenance_page(older, mirror, capsys):
    for path in (mirror.xml_path("XVIII-12-a"), mirror.page_path("XVIII-12-a")):
        mirror.route(path, file="maintenance.html")
    _refuses_tip(older, mirror, capsys, "maintenance")


def test_changed_layout(older, mirror, capsys):
    for path in (mirror.xml_path("XVIII-12-a"), mirror.page_path("XVIII-12-a")):
        mirror.route(path, file="layout_changed.html")
    _refuses_tip(older, mirror, capsys, "TIP (XVIII-12-a)")


def test_count_disagreeing_with_the_header(older, mirror, capsys):
    mirror.route(mirror.xml_path("XVIII-12-a"), file="xviii-12-a_count_mismatch.en.xml")
    mirror.route(mirror.page_path("XVIII-12-a"), file="xviii-12-a_count_mismatch.en.xml")
    _refuses_tip(older, mirror, capsys, "160")


def test_a_missing_oas_state(older, mirror, capsys):
    body = edited(
        "xviii-12-a.en.xml",
        (ARGENTINA_ROW, ""),
        ("Signatories : 117. Parties : 159", "Signatories : 116. Parties : 158"),
    )
    mirror.route(mirror.xml_path("XVIII-12-a"), body=body)
    _refuses_tip(
        older,
        mirror,
        capsys,
        "Argentina (ARG) is missing",
        "party",
    )


def test_a_renamed_oas_state_is_reported_with_close_names(older, mirror, capsys):
    """A spelling no one knows stops the refresh, naming the known names closest to it."""
    body = edited(
        "xviii-12-a.en.xml",
        ("<Entry>Argentina</Entry>", "<Entry>Argentinian Republic</Entry>"),
    )
    mirror.route(mirror.xml_path("XVIII-12-a"), body=body)
    _refuses_tip(
        older,
        mirror,
        capsys,
        "participant names that name no state, country or known organisation: "
        "'Argentinian Republic' (closest known names: ['Argentine Republic'",
    )


def test_a_state_under_its_iso_name_counts_for_it(older, mirror):
    """ "Argentine Republic" is ISO 3166's official name of Argentina: its row counts for ARG."""
    body = edited(
        "xviii-12-a.en.xml",
        ("<Entry>Argentina</Entry>", "<Entry>Argentine Republic</Entry>"),
    )
    mirror.route(mirror.xml_path("XVIII-12-a"), body=body)
    assert _refresh(mirror, "--instrument", "TIP") == 0
    argentina = (
        read_current(older).status.set_index(["iso3", "mtdsg_no"]).loc[("ARG", "XVIII-12-a")]
    )
    assert (argentina["participant"], argentina["consent_date"]) == (
        "Argentine Republic",
        "2002-11-19",
    )


def test_a_party_that_disappears_without_a_withdrawal_note(older, mirror, capsys):
    body = edited(
        "xviii-12-a.en.xml",
        (ARGENTINA_ROW, ARGENTINA_ROW.replace("<Entry>19 Nov 2002</Entry>", "<Entry/>")),
        ("Parties : 159", "Parties : 158"),
    )
    mirror.route(mirror.xml_path("XVIII-12-a"), body=body)
    _refuses_tip(
        older,
        mirror,
        capsys,
        "Argentina (ARG) is no longer shown as a party",
    )


def test_older_page_than_the_snapshot(data_copy, mirror, capsys):
    """The bundled snapshot knows TIP as at 27 Jan 2014; the mirror's page is of 20 Jan 2014."""
    _assert_refused(
        data_copy,
        ["--base-url", mirror.base_url, "--instrument", "TIP"],
        capsys,
        "older than the snapshot's 2014-01-27",
    )


def test_damaged_snapshot_is_not_refreshed_over(older, mirror, capsys):
    status = older / "snapshots" / current_name(older) / "status.csv"
    status.write_bytes(status.read_bytes() + b"x")
    _refuses_tip(older, mirror, capsys, "missing or damaged", "run `python -m loaders restore`")
    assert mirror.paths() == []  # refused before anything is fetched in vain


def test_unknown_instrument_is_a_usage_error(older, capsys):
    assert main(["refresh", "--instrument", "NOPE"]) == 2
    assert "choose from UNTOC, TIP, SOM, FIREARMS" in capsys.readouterr().err


def test_metadata_of_refreshed_snapshot_is_valid_json(older, mirror):
    assert _refresh(mirror, "--instrument", "SOM") == 0
    meta = json.loads((read_current(older).path / "metadata.json").read_text())
    assert meta["instruments"]["SOM"]["retrieved_at"]
    assert meta["instruments"]["TIP"]["status_as_at"] == CUTOFF.isoformat()
