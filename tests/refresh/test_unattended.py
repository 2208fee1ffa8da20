"""A refresh you can leave unattended: nothing invented, nothing dropped, never hung.

Each case is run against the local UNTC stand-in (tests/support/untc_server.py) through the
command line, as someone would run it. Every refusal leaves data/ byte for byte as it was,
within its deadline.
"""

from __future__ import annotations

import errno
import json
import threading
import time
import tomllib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from cli.main import DEFAULT_TIMEOUT as CLI_DEFAULT_TIMEOUT
from cli.main import main
from loaders.ingest.refresh import DEFAULT_TIMEOUT, _from_row
from loaders.model.dates import outside_reader_range
from loaders.model.records import InstrumentMeta
from loaders.model.text import collapse, link_value, plain_text
from loaders.paths import PROJECT_ROOT, DataPaths
from loaders.store import snapshot as snapshot_module
from loaders.store.snapshot import (
    SnapshotContent,
    current_name,
    history,
    publish,
    read_best,
    read_current,
)
from tests.support.refresh_helpers import ARGENTINA_ROW, edited, tree
from tests.support.untc_server import UntcMirror
from views.text.words import RESTORE_COMMAND

TIP = "XVIII-12-a"
FEED = "xviii-12-a.en.xml"
PAGE = "ViewDetails_xviii-12-a.html"
REFRESH_TIP = ["refresh", "--instrument", "TIP"]


def run(mirror: UntcMirror, *args: str) -> int:
    return main([*args[:1], "--base-url", mirror.base_url, *args[1:]])


def refused(data: Path, mirror: UntcMirror, capsys, *args: str) -> str:
    """The refresh exits 1 with a message and no traceback, and data/ is as it was."""
    before = tree(data)
    assert run(mirror, *(args or REFRESH_TIP)) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert tree(data) == before
    return err[err.index("refresh failed, snapshot unchanged: ") :]


def within(seconds: float, action: Callable[[], object]) -> object:
    """``action()``'s result; fails (instead of hanging the suite) if it takes longer."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(action()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    return result[0]


def tip_feed(*replacements: tuple[str, str]) -> bytes:
    return edited(FEED, *replacements)


# ---------------------------------------------------------------------------------------------
# Impossible dates are never published, and an impossible current one blocks nothing


def test_a_status_as_at_in_the_future_is_refused(older, mirror, quick, capsys):
    body = tip_feed(
        ("STATUS AS AT : 20-01-2014", "STATUS AS AT : 20-01-2099"),
        ("20 Jun 2013 a", "20 Jun 2098 a"),  # Cuba's accession
    )
    mirror.route(mirror.xml_path(TIP), body=body)
    message = refused(older, mirror, capsys)
    assert "impossible dates: status as at 2099-01-20, in the future" in message
    assert "'Cuba': consent dated 2098-06-20, in the future" in message


ALBANIA_ROW = (
    "<Entry>Albania</Entry>\n            <Entry>12 Dec 2000</Entry>\n"
    "            <Entry>21 Aug 2002</Entry>"
)


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (  # a signature of year 1, before a consent: once published as "since 2 January 1"
            ARGENTINA_ROW,
            ARGENTINA_ROW.replace("<Entry>12 Dec 2000</Entry>", "<Entry>12 Dec 0001</Entry>"),
            "'Argentina': signature dated 0001-12-12, before the instrument was opened for "
            "signature (2000-12-12)",
        ),
        (  # a row of another participant is no less impossible
            ALBANIA_ROW,
            ALBANIA_ROW.replace("21 Aug 2002", "21 Aug 9999"),
            "'Albania': consent dated 9999-11-19, in the future".replace("11-19", "08-21"),
        ),
        (  # an accession (no signature) of 1991 to a protocol adopted in 2000
            "20 Jun 2013 a",
            "20 Jun 1991 a",
            "'Cuba': consent dated 1991-06-20, before the instrument was adopted (2000-11-15)",
        ),
    ],
)
def test_dates_the_instrument_cannot_have_are_refused(
    older, mirror, quick, capsys, old, new, reason
):
    mirror.route(mirror.xml_path(TIP), body=tip_feed((old, new)))
    assert f"impossible dates: {reason}" in refused(older, mirror, capsys)


def _current_status_as_at(data: Path, instrument: str, day: date) -> None:
    """Publish a copy of the current snapshot whose ``instrument`` is 'status as at' ``day``."""
    current = read_current(data)
    records = [_from_row(row) for row in current.status.to_dict("records")]
    instruments = dict(current.meta.instruments)
    instruments[instrument] = instruments[instrument].model_copy(update={"status_as_at": day})
    meta = {
        "method": "compiled-reference",
        "description": "a snapshot that says it is from the future",
        "compiled_at": current.meta.compiled_at,
        "instruments": instruments,
    }
    publish(data, "future", lambda _: SnapshotContent(records, [], {}, meta))


def test_an_impossible_current_status_as_at_does_not_block_the_next_refresh(older, mirror):
    _current_status_as_at(older, "TIP", date(2099, 1, 20))
    assert run(mirror, "refresh") == 0  # not "older than the snapshot's 2099-01-20"
    assert read_current(older).meta.instruments["TIP"].status_as_at == date(2014, 1, 20)


def test_a_partial_refresh_never_republishes_an_impossible_date(older, mirror, capsys):
    _current_status_as_at(older, "TIP", date(2099, 1, 20))
    message = refused(older, mirror, capsys, "refresh", "--instrument", "SOM")
    assert "would keep impossible dates from the current one: TIP: status as at 2099-01-20" in (
        message
    )
    assert "python -m loaders restore" in message


# ---------------------------------------------------------------------------------------------
# Nothing dropped: every name is someone; brackets alone are no withdrawal


def test_a_state_under_another_iso_name_counts_for_it(older, mirror, quick):
    """Cuba's 2013 accession listed as "Republic of Cuba" (ISO 3166's official name)."""
    mirror.route(
        mirror.xml_path(TIP),
        body=tip_feed(("<Entry>Cuba</Entry>", "<Entry>Republic of Cuba</Entry>")),
    )
    assert run(mirror, *REFRESH_TIP) == 0
    cuba = read_current(older).status.set_index(["iso3", "mtdsg_no"]).loc[("CUB", TIP)]
    assert (cuba["consent_date"], cuba["consent_kind"]) == ("2013-06-20", "accession")


def test_a_name_that_names_no_one_stops_the_refresh(older, mirror, quick, capsys):
    mirror.route(
        mirror.xml_path(TIP),
        body=tip_feed(("<Entry>Cuba</Entry>", "<Entry>Republica de Cuba</Entry>")),
    )
    message = refused(older, mirror, capsys)
    assert "participant names that name no state, country or known organisation: " in message
    assert "'Republica de Cuba' (closest known names: ['Republic of Cuba'" in message


def test_every_participant_of_2014_resolves():
    """UNTC's participant lists of 2014 (every spelling it used) all name someone."""
    import csv

    from loaders.model.names import NameIndex
    from loaders.store.registry import load_states

    data = PROJECT_ROOT / "data"
    names = NameIndex(load_states(data))
    listed = set()
    for path in (DataPaths(data).reference_file("untc-2014")).glob("18-12*.csv"):
        with path.open(newline="", encoding="utf-8") as handle:
            listed |= {row["Participant"] for row in csv.DictReader(handle)}
    assert len(listed) > 180
    assert [name for name in sorted(listed) if names.resolve(name) is None] == []
    assert names.resolve("European Union").code == "EU"


BRACKETED = (
    (
        ARGENTINA_ROW,
        ARGENTINA_ROW.replace("<Entry>Argentina</Entry>", "<Entry>[Argentina] 21</Entry>"),
    ),
    ("Signatories : 117. Parties : 159", "Signatories : 116. Parties : 158"),
)
WITHDRAWAL = (
    "On 1 March 2013, the Government of Argentina notified the Secretary-General of its "
    "decision to withdraw from the Protocol."
)


def test_brackets_alone_do_not_erase_a_party(older, mirror, quick, capsys):
    mirror.route(mirror.xml_path(TIP), body=tip_feed(*BRACKETED))
    message = refused(older, mirror, capsys)
    assert "Argentina (ARG) is shown in brackets, but no note of the page says it withdrew" in (
        message
    )
    assert "(footnote markers: 21)" in message


def test_a_withdrawal_the_page_states_is_recorded_with_its_note(older, mirror, quick):
    footnote = f"<Footnote><Number>21</Number><Text>{WITHDRAWAL}</Text></Footnote></Footnotes>"
    mirror.route(mirror.xml_path(TIP), body=tip_feed(*BRACKETED, ("</Footnotes>", footnote)))
    assert run(mirror, *REFRESH_TIP) == 0
    argentina = read_current(older).status.set_index(["iso3", "mtdsg_no"]).loc[("ARG", TIP)]
    assert argentina["consent_date"] == "" and argentina["signature_date"] == "2000-12-12"
    assert WITHDRAWAL in argentina["note"]


def test_names_and_texts_are_stored_as_plain_text(older, mirror, quick):
    declaration = (
        "<Declarations><Declaration><Participant>Ecuador\u202e</Participant>"
        "<Text>Decl\u202earation\u200b one.</Text><Text>Two\u2066.</Text></Declaration>"
    )
    body = tip_feed(
        ("<Entry>Argentina</Entry>", "<Entry>=Argentina\u202e</Entry>"),
        ("<Declarations>", declaration),
    )
    mirror.route(mirror.xml_path(TIP), body=body)
    assert run(mirror, *REFRESH_TIP) == 0
    snapshot = read_current(older)
    assert snapshot.status.set_index(["iso3", "mtdsg_no"]).loc[("ARG", TIP), "participant"] == (
        "Argentina"
    )
    ecuador = snapshot.declarations.set_index("iso3").loc["ECU"]
    assert (ecuador["participant"], ecuador["text"]) == ("Ecuador", "Declaration one.\n\nTwo.")
    assert "\u202e".encode() in (snapshot.path / "raw" / "TIP.xml").read_bytes()  # evidence


# ---------------------------------------------------------------------------------------------
# Never hung: one deadline per request, one for the whole refresh


def test_a_header_trickled_byte_by_byte_is_cut_off(older, mirror, quick, capsys):
    """Each header byte comes within the read timeout: only a deadline on the request stops it."""
    quick.options |= {"max_seconds": 0.5, "retries": 0}
    for path in (mirror.xml_path(TIP), mirror.page_path(TIP)):
        mirror.route(path, header_trickle=0.02)
    started = time.monotonic()
    message = within(20, lambda: refused(older, mirror, capsys))
    assert time.monotonic() - started < 6  # 2 URLs x 0.5 s, with room for a busy machine
    assert message.count("the answer took over 0.5 s to arrive; stopped reading") == 2


def test_the_whole_refresh_stops_at_its_timeout(older, mirror, quick, capsys):
    """Generous per-request limits and retries, but --timeout bounds them all."""
    quick.options = {"timeout": (1, 5), "retries": 3, "max_seconds": 60}
    for path in (mirror.xml_path(TIP), mirror.page_path(TIP)):
        mirror.route(path, file=FEED, trickle=0.05)
    started = time.monotonic()
    message = within(20, lambda: refused(older, mirror, capsys, *REFRESH_TIP, "--timeout", "1.5"))
    assert time.monotonic() - started < 5
    assert "the refresh's time limit of 1.5 s (--timeout) is up" in message


def test_the_default_timeout_is_a_few_minutes():
    assert DEFAULT_TIMEOUT == CLI_DEFAULT_TIMEOUT and 60 <= DEFAULT_TIMEOUT <= 600


# ---------------------------------------------------------------------------------------------
# Why the feed was refused is said, and kept


def test_the_reason_for_reading_the_page_is_said_and_kept(older, mirror, quick, capsys):
    mirror.route(mirror.xml_path(TIP), status=500)
    assert run(mirror, *REFRESH_TIP) == 0
    err = capsys.readouterr().err
    assert "TIP: read the HTML status page because the XML feed was refused: " in err
    meta = read_current(older).meta.instruments["TIP"]
    assert meta.source == "UNTC status HTML"
    assert f"{mirror.url(mirror.xml_path(TIP))}: HTTP 500 (gave up after 2 attempts)" in (
        meta.fallback_reason
    )
    # Snapshots written before the field existed still read.
    old = json.loads(InstrumentMeta(mtdsg_no=TIP, source="x").model_dump_json())
    del old["fallback_reason"]
    assert InstrumentMeta.model_validate(old).fallback_reason is None


# ---------------------------------------------------------------------------------------------
# A full disk at any step leaves data/ as it was, and says so truthfully


def _no_space(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["pointer", "replace", "rename", "fsync"])
def test_a_full_disk_while_publishing_leaves_data_as_it_was(
    older, mirror, capsys, monkeypatch, step
):
    before_name = current_name(older)
    real_replace, real_rename = snapshot_module.os.replace, snapshot_module.os.rename
    pointer = DataPaths(older).current_pointer

    def replace(source, target):
        if Path(target) == pointer:
            _no_space()
        real_replace(source, target)

    def rename(source, target):
        if ".staging-" in str(source):
            _no_space()
        real_rename(source, target)

    if step == "pointer":
        monkeypatch.setattr(snapshot_module, "_write_synced", _no_space)
    elif step == "replace":
        monkeypatch.setattr(snapshot_module.os, "replace", replace)
    elif step == "rename":
        monkeypatch.setattr(snapshot_module.os, "rename", rename)
    else:
        monkeypatch.setattr(snapshot_module, "_fsync_file", _no_space)
    message = refused(older, mirror, capsys, *REFRESH_TIP)
    assert message.startswith("refresh failed, snapshot unchanged: [Errno 28] No space left")
    monkeypatch.undo()
    snapshot, warning = read_best(older)  # nothing new that a fallback could ever choose
    assert warning is None and snapshot.path.name == before_name
    assert next(p.name for p in history(older)) == before_name


# ---------------------------------------------------------------------------------------------
# A damaged current snapshot: export warns, and one command restores it


def _damage(folder: Path) -> None:
    status = folder / "status.csv"
    status.write_bytes(status.read_bytes() + b"damaged\n")


def test_export_warns_when_it_reads_a_fallback_and_restore_brings_back_the_good_one(older, capsys):
    damaged = current_name(older)
    good = next(p.name for p in history(older) if p.name != damaged)
    _damage(DataPaths(older).snapshot(damaged).folder)
    assert main(["export", "--instrument", "TIP"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: ") and f"the last good snapshot, {good}" in err
    assert "python -m loaders restore makes it current again" in err
    assert main(["refresh", "--base-url", "http://127.0.0.1:9"]) == 1
    assert "run `python -m loaders restore`" in capsys.readouterr().err
    assert main(["restore"]) == 0
    assert f"restored: CURRENT now names {good}" in capsys.readouterr().err
    assert current_name(older) == good
    assert main(["check"]) == 0
    assert main(["restore"]) == 0
    assert "is good; nothing to restore" in capsys.readouterr().err


def test_restore_rebuilds_from_the_reference_when_no_snapshot_is_good(data_copy, capsys):
    for folder in history(data_copy):
        _damage(folder)
    assert main(["check"]) == 1
    assert "python -m loaders restore rebuilds one" in capsys.readouterr().err
    assert main(["restore"]) == 0
    assert "rebuilt from the reference facts" in capsys.readouterr().err
    assert main(["check"]) == 0


def test_the_app_error_page_advises_restore():
    catalogues = {
        lang: json.loads((PROJECT_ROOT / "locales" / f"{lang}.json").read_text(encoding="utf-8"))
        for lang in ("en", "es", "pt", "fr")
    }
    for catalogue in catalogues.values():
        assert "{restore}" in catalogue["app.data_error_way_out"]
    assert "restore=RESTORE_COMMAND," in (PROJECT_ROOT / "app.py").read_text()
    assert RESTORE_COMMAND == "`.venv/bin/python -m loaders restore`"


# ---------------------------------------------------------------------------------------------
# Link parameters are plain text, never markdown, and do not pile up


def test_plain_text_removes_controls_and_bidi_overrides():
    assert plain_text("=Arg\u202eentina\u200b\x07\n\tx") == "=Argentina x"
    assert link_value("y\n\n![t](http://example.org/p.png)`") == "y ![t](http://example.org/p.png)'"
    assert collapse([f"n{i % 7}" for i in range(300)]) == (["n0", "n1", "n2", "n3", "n4"], 2)


def _notes(**params: str) -> list[str]:
    from tests.support.apptest import notes, open_app

    return notes(open_app(**params)).split("  \n")


def test_a_link_value_cannot_end_the_notes_code_span():
    lines = _notes(group="y\n\n![t](http://example.org/p.png)", colour="\u202eevil")
    # shown as the characters it is (markdown's escapes), outside any code span
    assert "Ignored `group=`y " in lines[0] and "![" not in lines[0] and "](" not in lines[0]
    assert lines[0].replace("\\", "").count("![t](http://example.org/p.png)") == 1
    assert all("\n" not in line and "\u202e" not in line for line in lines)
    assert any("colour" in line or "evil" in line for line in lines)


def test_three_hundred_bad_values_give_a_few_notes():
    lines = _notes(group=",".join(f"bad{i}" for i in range(300)))
    assert len(lines) == 6 and "295 more" in lines[-1]


# ---------------------------------------------------------------------------------------------
# One rule for the dates a reader may ask about


@pytest.mark.parametrize("offset", [None, -1, 0, 1])
def test_the_command_line_and_the_dashboard_share_the_date_range(capsys, offset):
    today = date.today()
    days = {None: date(1990, 1, 1), -1: date(2000, 11, 14), 0: today, 1: today + timedelta(1)}
    day = days[offset]
    outside = outside_reader_range(day, date(2000, 11, 15), today) is not None
    code = main(["export", "--as-of", day.isoformat(), "--instrument", "TIP"])
    err = capsys.readouterr().err
    assert code == (2 if outside else 0)
    if outside:
        assert err.count("\n") == 1
        assert f"from 2000-11-15 (adoption of the first instrument) to {today}" in err


def test_the_dashboard_moves_a_future_date_to_today_with_a_note():
    from tests.support.apptest import notes, open_app

    app = open_app(as_of="2099-01-01")
    assert app.session_state["ctl_as_of"] == date.today() and "outside" in notes(app)


# ---------------------------------------------------------------------------------------------
# The development server listens on this machine and looks nothing up outside


def test_the_server_listens_on_this_machine_only_and_looks_up_no_address(monkeypatch, capsys):
    config_file = PROJECT_ROOT / ".streamlit" / "config.toml"
    assert tomllib.loads(config_file.read_text())["server"]["address"] == "127.0.0.1"

    from streamlit import config, net_util
    from streamlit.web import bootstrap

    def outside(*_args: object) -> None:
        raise AssertionError("looked up an address")

    monkeypatch.chdir(PROJECT_ROOT)
    monkeypatch.setattr(net_util, "get_external_ip", outside)
    monkeypatch.setattr(net_util, "get_internal_ip", outside)
    config.get_config_options(force_reparse=True)
    try:
        bootstrap._print_url(False)
    finally:
        monkeypatch.undo()
        config.get_config_options(force_reparse=True)
    out = capsys.readouterr().out
    assert "URL: http://127.0.0.1:" in out and "Network URL" not in out
