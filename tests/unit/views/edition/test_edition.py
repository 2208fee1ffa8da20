"""The reader's edition says what the dashboard says: its figures and tables are the view
models' (same snapshot, same date), its data files are listed with their rows and checksums, and
it is published whole or not at all. Facts worked out by hand from the frozen reference data:
on 1 January 2026 every one of the 35 is party to the Convention and to the Trafficking in
Persons Protocol; three are not party to the Smuggling of Migrants Protocol (Bolivia, Colombia,
Saint Lucia) and six not to the Firearms Protocol (Belize, Canada, Colombia, Saint Lucia,
Suriname, United States); Canada signed the Firearms Protocol on 20 March 2002."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from loaders.model.languages import LANGUAGES
from loaders.store.dataset import Dataset
from views.edition.build import build_edition, page_keys
from views.edition.pages import all_instruments, state_page
from views.edition.render import page_path, render_html
from views.edition.write import CURRENT, publish_edition
from views.models.overview import overview_model
from views.models.profile import state_profile
from views.models.selection import Selection
from views.models.subregions import subregions_model
from views.text.i18n import translate
from views.text.localized import localized

AS_OF = date(2026, 1, 1)
STATES = ["BRB", "CAN", "LCA", "USA"]


@pytest.fixture(scope="module")
def edition(dataset: Dataset) -> dict[str, bytes]:
    return build_edition(dataset, AS_OF, base="https://example.test/read/", states=STATES)


def _tree(files: dict[str, bytes], path: str):
    return lxml_html.fromstring(files[path])


def _figures(tree) -> dict[str, str]:
    return {
        div.findtext("dt"): div.find("dd").text.strip()
        for div in tree.xpath("//dl[@class='figures']/div")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overview_counts_are_the_dashboards(
    dataset: Dataset, edition: dict[str, bytes], language: str
) -> None:
    local = localized(dataset, language)
    model = overview_model(local, all_instruments(local, AS_OF, language))
    expected = {
        str(local.instruments.loc[c.instrument, "brief"]): translate(
            language, "count.of", n=c.parties, total=c.states
        )
        for c in model.counts
    }
    assert _figures(_tree(edition, f"{language}/index.html")) == expected
    markdown = edition[f"{language}/index.md"].decode()
    for label, text in expected.items():
        assert f"- **{label}**: {text}" in markdown
    # by hand: 35, 35, 32 and 29 of the 35
    assert [(c.parties, c.states) for c in model.counts] == [(35, 35), (35, 35), (32, 35), (29, 35)]


def test_the_overview_lists_who_is_not_yet_party(edition: dict[str, bytes]) -> None:
    tree = _tree(edition, "en/index.html")
    rows = tree.xpath("(//table)[1]/tbody/tr")
    named = [(r[0].text_content().rstrip(" †"), r[1].text_content()) for r in rows]
    assert sorted(named) == sorted(
        [("Bolivia", "Smuggling of Migrants"), ("Colombia", "Smuggling of Migrants")]
        + [("Saint Lucia", "Smuggling of Migrants")]
        + [(s, "Firearms") for s in ("Belize", "Canada", "Colombia", "Saint Lucia")]
        + [("Suriname", "Firearms"), ("United States", "Firearms")]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_state_page_says_what_its_profile_says(
    dataset: Dataset, edition: dict[str, bytes], language: str
) -> None:
    local = localized(dataset, language)
    profile = state_profile(local, all_instruments(local, AS_OF, language), "CAN")
    tree = _tree(edition, f"{language}/state/CAN.html")
    assert tree.findtext(".//h1") == profile.name
    cells = [[c.text_content() for c in r] for r in tree.xpath("//table/tbody/tr")]
    assert [row[1].rstrip(" †") for row in cells] == [
        f.row["label"] for f in profile.facts.values()
    ]
    assert [row[2] for row in cells] == [f.row["what_done"] for f in profile.facts.values()]
    markdown = edition[f"{language}/state/CAN.md"].decode()
    for facts in profile.facts.values():
        assert facts.row["what_done"] in markdown


def test_canada_signed_the_firearms_protocol_and_is_not_party(edition: dict[str, bytes]) -> None:
    tree = _tree(edition, "en/state/CAN.html")
    firearms = tree.xpath("//table/tbody/tr")[3]
    assert firearms[0].text_content() == "Firearms Protocol"
    assert firearms[1].text_content().startswith("Signed, not party")
    assert firearms[3].text_content() == "20 March 2002"
    assert firearms[4].text_content() == ""
    # the chart: an open ring (not party) on the Firearms line, filled dots on the others
    svg = tree.xpath("//*[local-name()='svg']")[0]
    assert len(svg.xpath(".//*[local-name()='circle'][@fill='#fff']")) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_group_page_counts_as_the_subregions_page(
    dataset: Dataset, edition: dict[str, bytes], language: str
) -> None:
    local = localized(dataset, language)
    selection = Selection(tuple(local.instrument_ids), AS_OF, ("CARICOM",), language=language)
    summary = subregions_model(local, selection).summary
    figures = _figures(_tree(edition, f"{language}/group/CARICOM.html"))
    assert list(figures.values()) == [
        translate(language, "count.of", n=int(r.parties), total=int(r.members))
        for r in summary.itertuples()
    ]
    # by hand: 14 members; Saint Lucia not party to SOM
    assert list(figures.values())[2] == translate(language, "count.of", n=13, total=14)


def test_every_data_file_is_listed_with_its_rows_and_checksum(edition: dict[str, bytes]) -> None:
    index = json.loads(edition["data/index.json"])
    listed = {entry["path"] for entry in index["files"]}
    assert listed == {path for path in edition if path.startswith("data/")} - {"data/index.json"}
    for entry in index["files"]:
        content = edition[entry["path"]]
        assert entry["sha256"] == hashlib.sha256(content).hexdigest()
        if entry["path"].endswith(".csv"):
            assert len(list(csv.reader(io.StringIO(content.decode())))) - 1 == entry["rows"]
    canada = next(e for e in index["files"] if e["path"] == "data/state-CAN.full.csv")
    assert canada["rows"] == 4  # one per instrument


def test_a_zip_holds_the_csv_the_metadata_and_a_readme(edition: dict[str, bytes]) -> None:
    archive = zipfile.ZipFile(io.BytesIO(edition["data/group-CARICOM.shown.zip"]))
    assert sorted(archive.namelist()) == [
        "README.txt",
        "group-CARICOM.shown.csv",
        "group-CARICOM.shown.meta.json",
    ]
    assert archive.read("group-CARICOM.shown.csv") == edition["data/group-CARICOM.shown.csv"]
    meta = json.loads(archive.read("group-CARICOM.shown.meta.json"))
    assert meta["snapshot_id"] and meta["as_of"] == "2026-01-01"
    assert set(meta["columns"]) == {
        "group_id",
        "instrument",
        "members",
        "parties",
        "share",
        "missing",
    }
    assert "CC-BY-4.0" in meta["licence"]["data"]


def test_the_sitemap_lists_every_page_in_the_four_languages(
    dataset: Dataset, edition: dict[str, bytes]
) -> None:
    keys = page_keys(dataset, STATES)
    sitemap = edition["sitemap.xml"].decode()
    for key in keys:
        for language in LANGUAGES:
            path = page_path(key, language)
            assert f"<loc>https://example.test/read/{path}</loc>" in sitemap
            assert path in edition and page_path(key, language, "md") in edition
    assert sitemap.count("<url>") == len(keys) * 4
    llms = edition["llms.txt"].decode()
    assert llms.count(".md)") == len(keys) * 4


def test_a_page_reads_without_script_in_its_language_with_its_alternates(
    edition: dict[str, bytes],
) -> None:
    page = edition["pt/state/BRB.html"].decode()
    tree = lxml_html.fromstring(page)
    assert "<script" not in page
    assert tree.get("lang") == "pt"
    assert tree.xpath("//link[@rel='canonical']")[0].get("href") == (
        "https://example.test/read/pt/state/BRB.html"
    )
    hreflangs = {link.get("hreflang") for link in tree.xpath("//link[@hreflang]")}
    assert hreflangs == {"en", "es", "pt", "fr", "x-default"}
    interactive = tree.xpath("//p[@class='actions']/a")[0].get("href")
    assert interactive == "/profile?as_of=2026-01-01&lang=pt&state=BRB"


def test_text_from_the_data_is_escaped(dataset: Dataset) -> None:
    local = localized(dataset, "en")
    states = local.states.copy()
    states.loc["BRB", "name"] = "<script>alert(1)</script>"
    hostile = replace(local, states=states)
    page = state_page(hostile, "BRB", AS_OF, "en", "/")
    html = render_html(page, "/read/", "footer", {"state-BRB.shown": 4, "state-BRB.full": 4})
    assert b"<script>" not in html
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_failed_write_leaves_the_published_edition_as_it_was(tmp_path: Path) -> None:
    first = publish_edition(tmp_path, {"en/index.html": b"first"}, "snap-1")
    assert (tmp_path / CURRENT / "en/index.html").read_bytes() == b"first"
    with pytest.raises(ValueError):
        publish_edition(tmp_path, {"en/index.html": b"second", "../../x": b"!"}, "snap-2")
    assert (tmp_path / CURRENT).resolve() == first
    assert (tmp_path / CURRENT / "en/index.html").read_bytes() == b"first"
    assert [p.name for p in (tmp_path / "editions").iterdir()] == [first.name]
    second = publish_edition(tmp_path, {"en/index.html": b"second"}, "snap-2")
    assert (tmp_path / CURRENT / "en/index.html").read_bytes() == b"second"
    third = publish_edition(tmp_path, {"en/index.html": b"third"}, "snap-3")
    # the current edition and the one before it stay; older ones go
    assert {p.name for p in (tmp_path / "editions").iterdir()} == {second.name, third.name}


def test_a_state_pages_membership_note_is_in_its_language(dataset: Dataset) -> None:
    # Cuba's count note (data/states.csv, English) is translated by the catalogues
    # (count_note.CUB): the Spanish page says it in Spanish, not in the data's English.
    english = str(dataset.states.loc["CUB", "count_note"])
    local = localized(dataset, "es")
    page = state_page(local, "CUB", AS_OF, "es", "https://example.test/app/")
    assert translate("es", "count_note.CUB") in page.notes
    assert english not in page.notes


def test_a_state_pages_english_source_record_is_said_to_be_english(dataset: Dataset) -> None:
    local = localized(dataset, "es")
    page = state_page(local, "BOL", AS_OF, "es", "https://example.test/app/")
    (oas,) = [text for text, _ in page.sources if text.startswith("Pertenencia a la OEA")]
    assert oas.startswith("Pertenencia a la OEA — Fuente (registro en inglés): http://www.oas.org/")
