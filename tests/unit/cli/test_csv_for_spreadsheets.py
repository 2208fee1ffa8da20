"""A CSV file the command line saves opens in a spreadsheet by double-click with its accents
intact: it starts with UTF-8's byte-order mark. Standard output, read by programs, does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main

BOM = b"\xef\xbb\xbf"
COMMANDS = {
    "export": ["export", "--as-of", "2009-06-04", "--instrument", "TIP", "--lang", "es"],
    "declarations": ["declarations", "--instrument", "TIP", "--lang", "fr"],
    "changes": ["changes", "--since", "2000-11-15", "--until", "2000-12-31"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_saved_csv_has_the_byte_order_mark_and_standard_output_has_not(
    command: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(COMMANDS[command]) == 0
    printed = capsysbinary.readouterr().out
    assert not printed.startswith(BOM) and printed.startswith(b'"')
    out = tmp_path / "x.csv"
    assert main([*COMMANDS[command], "--out", str(out)]) == 0
    assert out.read_bytes() == BOM + printed


def test_accents_survive_in_the_saved_file(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    assert main([*COMMANDS["export"], "--out", str(out)]) == 0
    text = out.read_bytes()[len(BOM) :].decode("utf-8")
    assert "Perú" in text and "México" in text  # the Spanish names column, state_es
