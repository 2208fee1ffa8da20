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


def _conventions(tmp_path: Path, language: str) -> list[tuple]:
    out = tmp_path / f"family-{language}.xlsx"
    args = ["export", "--format", "xlsx", "--as-of", "2024-06-01", "--out", str(out)]
    for instrument in ("TIP", "CRC_OPSC", "C182", "C029"):
        args += ["--instrument", instrument]
    assert main([*args, "--lang", language]) == 0
    book = load_workbook(out)
    assert len(book.sheetnames) == 4 and book.sheetnames[1] not in ("Status", "Rows")
    for sheet in book:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)
    return list(book[book.sheetnames[1]].iter_rows(values_only=True))


def test_the_conventions_sheet_follows_the_tip_report_appendix(tmp_path: Path) -> None:
    # By hand from the frozen reference (palermo_oas_status.csv, family/family_oas_status.csv),
    # on 1 June 2024: Antigua and Barbuda acceded to the Trafficking Protocol on 17 February
    # 2010 (no signature); Bolivia signed the Optional Protocol on the sale of children on 10
    # November 2001 and ratified it on 3 June 2003, ratified C182 (no date recorded), and has no
    # evidence on C029; the Bahamas acceded to the Optional Protocol in 2015 (year only);
    # Barbados is not party to it, last checked 13 June 2022.
    rows = _conventions(tmp_path, "en")
    assert rows[0][0] == "Relevant international conventions, as of 1 June 2024"
    families, instruments, subs = rows[3], rows[4], rows[5]
    assert families[:6] == ("State", "Palermo", None, "Children", None, None)
    assert "Forced labour" in families
    assert instruments[1] == "Trafficking in Persons (XVIII-12-a)"
    assert instruments[3] == "Sale of children (IV-11-c)"
    assert instruments[5] == "Worst forms of child labour (C182)"
    assert subs[1:6] == (
        "Signature", "Ratification, accession (a), acceptance (A)",
        "Signature", "Ratification, accession (a), acceptance (A)",
        "Ratification, accession (a), acceptance (A)",
    )  # fmt: skip
    assert len(subs) == 7  # ILO conventions have no signature column
    states = {r[0]: r for r in rows[6:] if r[0] and r[1]}
    assert len(states) == 35
    assert states["Antigua and Barbuda"][1:3] == ("No", "Yes (a), 2010-02-17")
    assert states["Bolivia"][1:] == (
        "Yes, 2000-12-12", "Yes, 2006-05-18", "Yes, 2001-11-10", "Yes, 2003-06-03", "Yes",
        "Unknown",
    )  # fmt: skip
    assert states["Bahamas"][3:5] == ("No", "Yes (a), 2015")
    assert states["Barbados"][4] == "No, as last checked (2022-06-13)"
    assert "Trafficking in Persons Report" in rows[1][0]


def test_the_status_sheet_says_unknown_never_no_action(tmp_path: Path) -> None:
    # Bolivia on ILO C029: no evidence in the reference (status unknown).
    out = tmp_path / "c029.xlsx"
    args = ["export", "--format", "xlsx", "--as-of", "2024-06-01", "--instrument", "C029"]
    assert main([*args, "--out", str(out)]) == 0
    matrix = load_workbook(out)["Status"]
    rows = {r[0]: r for r in matrix.iter_rows(min_row=4, max_row=38, values_only=True)}
    assert rows["BOL"][2] == "unknown"


@pytest.mark.parametrize(
    ("language", "country", "yes"), [("es", "Estado", "Sí"), ("pt", "Estado", "Sim"),
                                     ("fr", "État", "Oui")]
)  # fmt: skip
def test_the_conventions_sheet_in_the_reader_s_language(
    tmp_path: Path, language: str, country: str, yes: str
) -> None:
    rows = _conventions(tmp_path, language)
    assert rows[3][0] == country
    bolivia = next(r for r in rows if str(r[0]).startswith("Bol"))  # Bolívia in Portuguese
    assert bolivia[4].startswith(yes) and bolivia[4].endswith("2003-06-03")


def test_the_four_palermo_instruments_alone_keep_three_sheets(tmp_path: Path) -> None:
    out = tmp_path / "palermo.xlsx"
    assert main(["export", "--format", "xlsx", "--instrument", "TIP", "--out", str(out)]) == 0
    assert load_workbook(out).sheetnames == ["Status", "Rows", "Provenance"]


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
