"""The outcomes commands, on a private copy of the frozen data. Expectations from the reference
files by hand: UNODC publishes 16,390 detected victims for the United States in 2022; Belize
publishes <5 convictions; Grenada reports nothing; the Andean Community's four members detected
332 + 113 + 107 + 734 = 1,286 victims in 2018; Dominica acceded to the Protocol on 17 May 2013."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pytest

from cli.main import main
from tests.support.outcomes import UHRI_ROWS, write_glotip_workbook, write_uhri_export

AS_OF = ["--as-of", "2026-12-01"]


def _run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, list[dict], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, list(csv.DictReader(io.StringIO(out))), err


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.fixture
def outcomes_folder(data_copy: Path) -> Path:
    return data_copy / "reference" / "outcomes"


def test_the_united_states_series_with_its_source(data_copy, capsys) -> None:
    code, rows, err = _run(
        capsys, "outcomes", "--state", "USA", "--indicator", "detected_victims", *AS_OF
    )
    assert code == 0
    last = rows[-1]
    assert (last["year"], last["value"], last["number"], last["censored"]) == (
        "2022",
        "16,390",
        "16390",
        "no",
    )
    assert last["source"] == "UNODC GLOTIP"
    assert last["release"] == "UNODC data portal data_glotip.xlsx, release dated 14/04/2025"
    assert "Global Report on Trafficking in Persons data (release of 14 April 2025)" in err
    assert [r["year"] for r in rows][:2] == ["2007", "2008"]  # the first year UNODC gives


def test_a_censored_value_is_published_without_a_number(data_copy, capsys) -> None:
    _, rows, _ = _run(capsys, "outcomes", "--state", "BLZ", "--indicator", "convicted", *AS_OF)
    censored = [r for r in rows if r["year"] == "2019"]
    assert [(r["value"], r["number"], r["censored"], r["per_100k"]) for r in censored] == [
        ("<5", "", "yes", "")
    ]


def test_a_state_that_reports_nothing_is_said_to(data_copy, capsys) -> None:
    code, rows, err = _run(capsys, "outcomes", "--state", "GRD", "--lang", "pt", *AS_OF)
    assert code == 0
    assert len(rows) == 1 and rows[0]["value"] == "" and rows[0]["year"] == ""
    assert rows[0]["note"].startswith("Granada não comunica nenhum dado")
    assert rows[0]["note"] in err


def test_a_group_sums_only_where_every_member_reports(data_copy, capsys) -> None:
    _, rows, _ = _run(
        capsys, "outcomes", "--group", "CAN", "--indicator", "detected_victims", *AS_OF
    )
    sums = {r["year"]: r for r in rows if r["iso3"] == "CAN"}
    assert sums["2018"]["value"] == "1286"
    assert {r["iso3"] for r in rows} == {"BOL", "COL", "ECU", "PER", "CAN"}
    unsummed = [r for r in sums.values() if not r["value"]]
    assert all("published no number" in r["note"] for r in unsummed)


def test_recommendations_with_what_followed(data_copy, capsys) -> None:
    code, rows, _ = _run(capsys, "recommendations", "--state", "DMA", *AS_OF)
    assert code == 0
    (dominica,) = rows
    assert dominica["recommending_state"] == "Belarus" and dominica["position"] == "support"
    assert dominica["what_followed"] == (
        "Trafficking in Persons Protocol: recommended in 2010, party since 17 May 2013"
    )


def test_a_bad_option_is_one_line(data_copy, capsys) -> None:
    code, _, err = _run(capsys, "outcomes", "--indicator", "victims_everywhere")
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1


def test_a_later_release_comes_in_with_its_provenance(data_copy, outcomes_folder, capsys) -> None:
    workbook = write_glotip_workbook(data_copy / "data_glotip.xlsx", released="01/03/2027")
    code, _, err = _run(capsys, "import-outcomes", "glotip", str(workbook))
    assert code == 0 and "glotip_oas35_totals_2027-03.csv: 3 national totals" in err
    package = (data_copy / "datapackage.json").read_text(encoding="utf-8")
    assert "reference/outcomes/glotip_oas35_totals_2027-03.csv" in package
    _, rows, _ = _run(capsys, "outcomes", "--state", "USA", "--indicator", "detected_victims")
    assert [(r["year"], r["value"]) for r in rows] == [("2021", "10070"), ("2022", "16390")]
    with (outcomes_folder / "provenance.csv").open(encoding="utf-8") as handle:
        (entry,) = list(csv.DictReader(handle))
    assert (entry["source"], entry["release"], entry["rows"]) == (
        "data_glotip.xlsx",
        "2027-03-01",
        "3",
    )


@pytest.mark.parametrize("kind", ["glotip", "uhri"])
def test_a_bad_file_is_refused_and_nothing_changes(data_copy, outcomes_folder, capsys, kind):
    before = _fingerprint(outcomes_folder)
    bad = data_copy / "bad.csv"
    bad.write_text("not,the,layout\n1,2,3\n", encoding="utf-8")
    code, _, err = _run(capsys, "import-outcomes", kind, str(bad))
    assert code == 1 and err.startswith("import failed, data unchanged: bad.csv: ")
    assert err.count("\n") == 1
    assert _fingerprint(outcomes_folder) == before


def test_a_uhri_export_adds_later_cycles_once(data_copy, capsys) -> None:
    export = write_uhri_export(data_copy / "uhri.csv")
    code, _, err = _run(capsys, "import-outcomes", "uhri", str(export))
    assert code == 0 and "1 new recommendations" in err
    _, _, err = _run(capsys, "import-outcomes", "uhri", str(export))
    assert "0 new recommendations naming the Palermo instruments (1 already held)" in err
    _, rows, _ = _run(capsys, "recommendations", "--state", "VCT", *AS_OF)
    (row,) = rows
    assert row["text"] == UHRI_ROWS[0][3]
    # Saint Vincent and the Grenadines ratified the Protocol on 29 October 2010.
    assert (row["outcome"], row["consent_date"]) == ("already_party", "2010-10-29")
