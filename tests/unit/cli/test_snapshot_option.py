"""--snapshot ID on export, declarations, changes and brief: the facts of that snapshot of the
history. In the frozen data, the previous snapshot (20261129T201705943055Z-reference) had the
United States' FIREARMS status verified through May 2020 (CURRENT: February 2022) and no
declarations texts for the United States on the Convention (CURRENT has one)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli.main import main
from tests.support.data import CURRENT_SNAPSHOT, MIDDLE_SNAPSHOT, PREVIOUS_SNAPSHOT

CURRENT = CURRENT_SNAPSHOT


def _rows(capsysbinary, *args: str) -> list[dict]:
    assert main(list(args)) == 0
    return list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8"))))


def test_export_reads_the_snapshot_asked_for(capsysbinary) -> None:
    args = ["export", "--as-of", "2026-11-29", "--instrument", "FIREARMS"]
    old = {r["iso3"]: r for r in _rows(capsysbinary, *args, "--snapshot", PREVIOUS_SNAPSHOT)}
    new = {r["iso3"]: r for r in _rows(capsysbinary, *args)}
    assert (old["USA"]["verified_through"], new["USA"]["verified_through"]) == (
        "2020-05",
        "2022-02",
    )
    assert old["USA"]["status"] == new["USA"]["status"] == "no_action"


def test_declarations_read_the_snapshot_asked_for(capsysbinary) -> None:
    args = ["declarations", "--instrument", "UNTOC"]
    old = _rows(capsysbinary, *args, "--snapshot", PREVIOUS_SNAPSHOT)
    new = _rows(capsysbinary, *args)
    assert "USA" not in {r["iso3"] for r in old} and "USA" in {r["iso3"] for r in new}


def test_the_brief_cites_the_snapshot_it_read(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    args = ["brief", "--state", "BRB", "--as-of", "2026-11-29", "--out", str(out)]
    assert main([*args, "--snapshot", PREVIOUS_SNAPSHOT]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert PREVIOUS_SNAPSHOT in "".join(text.split()) and CURRENT not in "".join(text.split())


@pytest.mark.parametrize(
    "args",
    [
        ["export"],
        ["declarations"],
        ["changes", "--since", "2009-06-04"],
        ["brief", "--state", "BRB", "--out", "brief.pdf"],
    ],
)
def test_an_unknown_id_is_one_line_naming_the_ids(args: list[str], capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main([*args, "--snapshot", "20991231T000000000000Z-refresh"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "unknown snapshot '20991231T000000000000Z-refresh'" in err
    assert f"(available: {CURRENT}, {MIDDLE_SNAPSHOT}, {PREVIOUS_SNAPSHOT})" in err
    assert not list(tmp_path.iterdir())
