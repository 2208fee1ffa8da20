"""One rule for --out and one for dates, the same in every command that takes them.

--out names a file in a folder that exists: a folder, or a file in a missing folder, is refused
in one line with exit 2, and nothing is written or left behind (no folder made, no temporary
file). changes and brief accept exactly the dates export accepts: from the adoption of the first
instrument (15 November 2000, the Convention and two Protocols) to today.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main

WRITERS = {
    "export": ["export", "--instrument", "TIP"],
    "export xlsx": ["export", "--instrument", "TIP", "--format", "xlsx"],
    "declarations": ["declarations", "--instrument", "TIP"],
    "changes": ["changes", "--since", "2009-06-04"],
    "brief": ["brief", "--state", "BRB"],
}


def _files(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def _refused(args: list[str], capsys: pytest.CaptureFixture) -> str:
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: "), err
    return err


@pytest.mark.parametrize("command", list(WRITERS))
def test_out_naming_a_folder_is_refused(command: str, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    before = _files(tmp_path)
    err = _refused([*WRITERS[command], "--out", str(folder)], capsys)
    assert f"--out: {folder} is a folder" in err
    assert _files(tmp_path) == before  # no hidden .reports.tmp beside it


@pytest.mark.parametrize("command", list(WRITERS))
def test_out_into_a_missing_folder_is_refused(command: str, tmp_path: Path, capsys) -> None:
    target = tmp_path / "missing" / "deeper" / "out.file"
    err = _refused([*WRITERS[command], "--out", str(target)], capsys)
    assert f"the folder {target.parent} does not exist" in err
    assert _files(tmp_path) == set()  # no folder made


def test_out_under_a_file_is_refused(tmp_path: Path, capsys) -> None:
    (tmp_path / "plain").write_text("x")
    err = _refused([*WRITERS["export"], "--out", str(tmp_path / "plain" / "a.csv")], capsys)
    assert "is not a folder" in err
    assert (tmp_path / "plain").read_text() == "x"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["changes", "--since", "1999-01-01"], "--since: 1999-01-01 is outside the dates"),
        (["changes", "--since", "2009-06-04", "--until", "9999-12-31"], "--until: 9999-12-31"),
        (["export", "--as-of", "1999-01-01"], "--as-of: 1999-01-01 is outside the dates"),
        (["brief", "--state", "BRB", "--as-of", "9999-12-31"], "--as-of: 9999-12-31 is outside"),
    ],
)
def test_one_date_rule(args: list[str], says: str, tmp_path: Path, capsys) -> None:
    err = _refused([*args, "--out", str(tmp_path / "x.out")], capsys)
    assert says in err and "from 2000-11-15" in err, err
    assert _files(tmp_path) == set()


def test_changes_from_the_first_day_export_accepts(tmp_path: Path, capsys) -> None:
    out = tmp_path / "acts.csv"
    assert (
        main(["changes", "--since", "2000-11-15", "--until", "2000-12-31", "--out", str(out)]) == 0
    )
    assert out.read_text(encoding="utf-8-sig").startswith('"date",')
