"""The command line as a user runs it: exports, and errors that say what to type instead."""

import csv
import io
import json
import subprocess
import sys

import pytest

from cli.main import main
from loaders.export import EXPORT_COLUMNS, csv_bytes, neutralise
from loaders.paths import PROJECT_ROOT


def _export(capsysbinary, *args: str) -> list[dict]:
    assert main(["export", *args]) == 0
    text = capsysbinary.readouterr().out.decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_tip_on_the_day_of_the_resolution(capsysbinary):
    rows = _export(capsysbinary, "--as-of", "2009-06-04", "--instrument", "TIP")
    assert len(rows) == 35
    assert list(rows[0]) == EXPORT_COLUMNS
    by_state = {r["iso3"]: r for r in rows}
    assert {r["instrument"] for r in rows} == {"TIP"}
    assert {r["mtdsg_no"] for r in rows} == {"XVIII-12-a"}
    assert sum(r["status"] == "party" for r in rows) == 28
    antigua = by_state["ATG"]  # acceded 17 Feb 2010: not shown as done in 2009
    assert (antigua["status"], antigua["consent_date"], antigua["consent_kind"]) == (
        "no_action",
        "",
        "",
    )
    argentina = by_state["ARG"]
    assert argentina["signature_date"] == "2000-12-12"
    assert argentina["consent_date"] == "2002-11-19"
    assert argentina["entry_into_force"] == "2003-12-25"
    assert argentina["groups"] == "M49_005;MERCOSUR;RIO;UNASUR"
    assert argentina["verified_through"] == "2014-01"
    assert by_state["HTI"]["status"] == "signatory"


def test_group_filter_uses_membership_on_the_as_of_date(capsysbinary):
    in_2009 = _export(
        capsysbinary, "--as-of", "2009-06-04", "--instrument", "tip", "--group", "mercosur"
    )
    assert {r["iso3"] for r in in_2009} == {"ARG", "BRA", "PRY", "URY"}
    in_2025 = _export(
        capsysbinary, "--as-of", "2025-01-01", "--instrument", "TIP", "--group", "MERCOSUR"
    )
    # Bolivia a full member from 7 August 2024; Venezuela suspended since 1 December 2016
    assert {r["iso3"] for r in in_2025} == {"ARG", "BOL", "BRA", "PRY", "URY"}


def test_unverified_status_is_flagged(capsysbinary):
    rows = _export(capsysbinary, "--as-of", "2026-11-29", "--instrument", "FIREARMS")
    by_state = {r["iso3"]: r for r in rows}
    assert by_state["USA"]["status"] == "no_action"
    assert by_state["USA"]["status_verified"] == "false"
    assert by_state["ARG"]["status_verified"] == "true"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--instrument", "FOO"],
            "unknown instrument 'FOO' (choose from UNTOC, TIP, SOM, FIREARMS, CRC_OPSC, UNCAC",
        ),
        (["--group", "NOPE"], "unknown group 'NOPE' (choose from MERCOSUR, SICA, CAN, CARICOM"),
        (["--as-of", "2009-13-45"], "not a date in the form YYYY-MM-DD"),
        (["--as-of", "04/06/2009"], "not a date in the form YYYY-MM-DD"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(capsys, args, message):
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_unknown_option_is_one_line_too(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--colour", "red"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_out_writes_the_file_and_its_metadata(tmp_path, capsys):
    target = tmp_path / "tip.csv"
    assert (
        main(["export", "--as-of", "2009-06-04", "--instrument", "TIP", "--out", str(target)]) == 0
    )
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    assert len(rows) == 35 and {r["as_of"] for r in rows} == {"2009-06-04"}
    meta = json.loads((tmp_path / "tip.csv.meta.json").read_text())
    assert meta["as_of"] == "2009-06-04" and meta["rows"] == 35
    assert meta["status_as_at"]["TIP"] == "2014-01-27"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_cells_are_neutralised(text):
    assert neutralise(text) == "'" + text
    import pandas as pd

    content = csv_bytes(pd.DataFrame({"note": [text, "plain"]}))
    assert content.decode().splitlines()[1].lstrip('"').startswith("'")


def test_the_real_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "loaders", "export", "--as-of", "2009-06-04", "--instrument", "TIP"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(result.stdout.strip().splitlines()) == 36


def test_check_reports_provenance(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "compiled-reference" in out and "XVIII-12-a" in out and "2014-01-27" in out


def test_lang_adds_the_state_name_in_that_language(capsysbinary):
    rows = _export(capsysbinary, "--as-of", "2009-06-04", "--instrument", "TIP", "--lang", "es")
    assert list(rows[0])[-1] == "state_es" and list(rows[0])[:-1] == EXPORT_COLUMNS
    by_state = {r["iso3"]: r for r in rows}
    assert by_state["USA"]["state_es"] == "Estados Unidos"
    assert by_state["USA"]["state"] == "United States"  # machine columns stay as they are


def test_unknown_lang_is_a_usage_error(capsys):
    assert main(["export", "--lang", "de"]) == 2
    assert "unknown language 'de' (choose from en, es, pt, fr)" in capsys.readouterr().err
