"""``export --format xlsx``: the matrix of states by instruments, the rows and the provenance."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli.main import main


def test_the_workbook_has_the_matrix_rows_and_provenance(tmp_path: Path) -> None:
    out = tmp_path / "status.xlsx"
    assert main(["export", "--format", "xlsx", "--as-of", "2009-06-04", "--out", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Status", "Rows", "Provenance"]
    matrix = book["Status"]
    assert [c.value for c in matrix[3]] == ["iso3", "state", "UNTOC", "TIP", "SOM", "FIREARMS"]
    rows = {r[0]: r for r in matrix.iter_rows(min_row=4, max_row=38, values_only=True)}
    assert len(rows) == 35
    # Worked out by hand: Argentina ratified the Convention on 19 November 2002; Antigua and
    # Barbuda acceded to the Trafficking Protocol only in 2010, so on 4 June 2009 it had not.
    assert rows["ARG"][2] == "party: ratification 2002-11-19"
    assert rows["ATG"][3] == "no_action"
    assert len(list(book["Rows"].iter_rows())) == 1 + 35 * 4
    provenance = {r[0]: r[1] for r in book["Provenance"].iter_rows(values_only=True)}
    assert provenance["snapshot_id"] == "20261206T040127291108Z-reference"
    assert provenance["as_of"] == "2009-06-04"
    assert "United Nations Treaty Collection" in provenance["source"]
    # No cell is a formula.
    for sheet in book:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_a_workbook_needs_a_file(capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "--format", "xlsx"]) == 2
    assert "needs --out" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "sheets", "state", "argentina", "antigua", "instrument"),
    [
        ("es", ["Situación", "Filas", "Procedencia"], "Nombre en inglés",
         "Parte: ratificación 2002-11-19", "Sin acción", "Instrumento"),
        ("pt", ["Situação", "Linhas", "Proveniência"], "Nome em inglês",
         "Parte: ratificação 2002-11-19", "Sem ação", "Instrumento"),
        ("fr", ["Statut", "Lignes", "Provenance"], "Nom en anglais",
         "Partie\u00a0: ratification 2002-11-19", "Aucune action", "Instrument"),
    ],
)  # fmt: skip
def test_the_workbook_speaks_the_readers_language(
    lang: str,
    sheets: list[str],
    state: str,
    argentina: str,
    antigua: str,
    instrument: str,
    tmp_path: Path,
) -> None:
    out = tmp_path / "status.xlsx"
    args = ["export", "--format", "xlsx", "--as-of", "2009-06-04", "--lang", lang]
    assert main([*args, "--out", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames == sheets
    matrix = book[sheets[0]]
    assert [c.value for c in matrix[3]] == ["iso3", state, "UNTOC", "TIP", "SOM", "FIREARMS"]
    rows = {r[0]: r for r in matrix.iter_rows(min_row=4, max_row=38, values_only=True)}
    assert rows["ARG"][2] == argentina and rows["ATG"][3] == antigua
    cells = [str(v) for r in rows.values() for v in r[2:] if v]
    assert not [c for c in cells if c.startswith(("party", "signatory", "no_action"))]
    assert not [c for c in cells if "not verified" in c or "signed" in c]
    header = [c.value for c in book[sheets[1]][1]]
    assert header[:3] == ["ISO3", state, instrument]
    assert header[-1] == f"state_{lang}"  # a column without its own label keeps its code
    provenance = {r[0]: r[1] for r in book[sheets[2]].iter_rows(values_only=True)}
    assert "field" not in provenance and "UN's terms" not in provenance["terms"]
    assert "depositary's record" not in provenance["source"]
    assert "Status as of" not in str(matrix["A1"].value)
