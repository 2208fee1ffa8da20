"""The edition's treaty family, world and regions pages say what the dashboard's pages say: the
same view models, the same sentences (views.models.family_words, world_words), in the four
languages. Facts worked out by hand from the frozen reference data: on 1 January 2026 six of the
35 are not party to the Firearms Protocol (Belize, Canada, Colombia, Saint Lucia, Suriname,
United States) and three not to the Smuggling of Migrants Protocol (Bolivia, Colombia, Saint
Lucia), so 35 - 7 = 28 are party to all four (Colombia and Saint Lucia miss both); Canada signed
the Firearms Protocol on 20 March 2002."""

from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd
import pytest
from lxml import html as lxml_html

from loaders.model.languages import LANGUAGES
from loaders.store.dataset import Dataset
from views.edition.build import build_edition
from views.edition.pages import all_instruments
from views.models.family import family_model
from views.models.family_words import cell_text, flag_lines, not_yet_adopted_line, totals_line
from views.models.world import ALL, regions_model, world_model
from views.models.world_words import basis, regions_cell, world_sentences
from views.text.i18n import Translator, translate
from views.text.localized import localized

AS_OF = date(2026, 1, 1)
EARLY = date(2009, 6, 4)  # the resolution's day: before the 2014 captures and UNTC's 2024 counts
FIREARMS_GAPS = ["Belize", "Canada", "Colombia", "Saint Lucia", "Suriname", "United States"]


@pytest.fixture(scope="module")
def edition(dataset: Dataset) -> dict[str, bytes]:
    return build_edition(dataset, AS_OF, states=["CAN"])


@pytest.fixture(scope="module")
def early(dataset: Dataset) -> dict[str, bytes]:
    return build_edition(dataset, EARLY, states=["CAN"])


def _tree(files: dict[str, bytes], path: str):
    return lxml_html.fromstring(files[path])


def _figures(tree) -> dict[str, str]:
    return {
        div.findtext("dt"): div.find("dd").text.strip()
        for div in tree.xpath("//dl[@class='figures']/div")
    }


def _rows(tree) -> list[list[str]]:
    return [[c.text_content() for c in r] for r in tree.xpath("//table/tbody/tr")]


def _said(tree) -> list[str]:
    """The page's sentences: its notes and its lists' items, as text."""
    return [e.text_content() for e in tree.xpath("//p[@class='note'] | //main//section/ul/li")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_family_page_is_the_family_model(
    dataset: Dataset, edition: dict[str, bytes], language: str
) -> None:
    local = localized(dataset, language)
    t = Translator(language)
    model = family_model(local, all_instruments(local, AS_OF, language))
    tree = _tree(edition, f"{language}/family.html")
    assert _figures(tree) == {
        t("family.column.gaps"): t.number(model.gap_cells),
        t("family.column.unknown"): t.number(model.unknown_cells),
    }
    order = [i for _, instruments in model.columns for i in instruments]
    cells = model.cells.set_index(["iso3", "instrument"])
    expected = [
        [
            name,
            *(cell_text(cells.loc[(iso3, i)], t) for i in order),
            str(model.by_state.loc[iso3, "gaps"]),
            str(model.by_state.loc[iso3, "unknown"]),
        ]
        for iso3, name in model.states
    ]
    assert _rows(tree) == expected
    foot = [c.text_content() for c in tree.xpath("//table/tfoot/tr")[0]]
    assert foot[1:] == [
        *(str(model.by_instrument.loc[i, "gaps"]) for i in order),
        str(model.gap_cells),
        str(model.unknown_cells),
    ]
    families = [th.text_content() for th in tree.xpath("//thead/tr[1]/th[@scope='colgroup']")]
    assert families == [t(f"family.family.{f}") for f, _ in model.columns]
    said = _said(tree)
    assert totals_line(model, t) in said
    assert all(line in said for line in flag_lines(model, local, t))
    markdown = edition[f"{language}/family.md"].decode()
    assert totals_line(model, t) in markdown and f"| {expected[0][0]} |" in markdown


def test_the_family_matrix_says_unknown_and_canadas_signature(edition: dict[str, bytes]) -> None:
    tree = _tree(edition, "en/family.html")
    headers = [th.text_content() for th in tree.xpath("//thead/tr[2]/th")]
    canada = next(row for row in _rows(tree) if row[0] == "Canada")
    firearms = canada[headers.index("Firearms")]
    assert "Signed, not party" in firearms and "20 March 2002" in firearms
    assert firearms[0] in "◆◇"
    # no evidence is unknown with its symbol, never "no action"
    unknown = [cell for row in _rows(tree) for cell in row if cell.startswith("?")]
    assert unknown and all(cell == "? Unknown (no evidence)" for cell in unknown)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("instrument", ["TIP", "FIREARMS"])
def test_a_world_page_says_what_the_world_page_says(
    dataset: Dataset, edition: dict[str, bytes], language: str, instrument: str
) -> None:
    local = localized(dataset, language)
    t = Translator(language)
    model = world_model(local, all_instruments(local, AS_OF, language), instrument)
    said = world_sentences(model, local, t, AS_OF)
    tree = _tree(edition, f"{language}/world/{instrument}.html")
    text = _said(tree)
    assert said.parties in text and said.gaps in text
    assert all(line in text for line in said.oas_gaps)  # none on TIP: the 35 are party
    assert said.lower_bound and said.lower_bound in text  # after the 2014 capture
    assert len(_rows(tree)) == len(model.frame)
    markdown = edition[f"{language}/world/{instrument}.md"].decode()
    assert said.gaps in markdown and said.lower_bound in markdown


def test_the_firearms_page_names_the_six_not_party(edition: dict[str, bytes]) -> None:
    tree = _tree(edition, "en/world/FIREARMS.html")
    items = tree.xpath("//section[h2='The 35 not party']/ul/li")
    assert [re.split(r" \(", li.text_content().split(": ", 1)[1])[0] for li in items] == (
        FIREARMS_GAPS
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_regions_page_counts_as_the_regions_model(
    dataset: Dataset, edition: dict[str, bytes], language: str
) -> None:
    local = localized(dataset, language)
    t = Translator(language)
    shares = regions_model(local, all_instruments(local, AS_OF, language)).shares
    together = shares[shares["instrument"] == ALL].to_dict("records")
    figures = _figures(_tree(edition, f"{language}/regions.html"))
    assert list(figures.values()) == [regions_cell(r, t) for r in together]
    # by hand: the 35, 28 of them party to all four; a group outside counted "at least"
    assert next(iter(figures.values())) == translate(language, "regions.of", parties=28, members=35)
    assert any(r["lower_bound"] for r in together)
    at_least = translate(language, "regions.at_least", parties=0, members=0).split("0")[0]
    cells = [c for row in _rows(_tree(edition, f"{language}/regions.html")) for c in row[1:]]
    assert sum(c.startswith(at_least) for c in cells) == int(shares["lower_bound"].sum())


def _years(text: str) -> set[int]:
    return {int(y) for y in re.findall(r"(?<![\d.])(1[89]\d\d|20\d\d)(?![\d])", text)}


@pytest.mark.parametrize("key", ["family", "world/TIP", "world/FIREARMS", "regions"])
def test_nothing_after_the_views_date_appears(
    dataset: Dataset, early: dict[str, bytes], key: str
) -> None:
    """On 4 June 2009 the pages' facts (sentences, figures, tables, data) hold no later date. What
    is about the record rather than the date may: the sources' "as at", the last check of a row,
    the year of UNTC's list a world figure rests on, and the instruments the family leaves out
    because they were adopted later."""
    tree = _tree(early, f"en/{key}.html")
    for section in tree.xpath("//section[h2[starts-with(., 'Sources')]] | //footer"):
        section.drop_tree()
    if key.startswith("world/"):
        # "Last checked": when the record was last verified (the status files' verified_through)
        for cell in tree.xpath("//table/tbody/tr/td[last()]"):
            cell.drop_tree()
    text = tree.xpath("//main")[0].text_content()
    if key.startswith("world/"):
        # the basis names the year of UNTC's list it rests on, as the sources do
        local = localized(dataset, "en")
        model = world_model(local, all_instruments(local, EARLY, "en"), key[6:])
        assert model.world.basis == "complete"
        text = text.replace(basis(model.world, Translator("en"), EARLY), "")
    if key == "family":
        local = localized(dataset, "en")
        model = family_model(local, all_instruments(local, EARLY, "en"))
        later = not_yet_adopted_line(model, local, Translator("en"))
        assert later and later in text  # the Forced Labour Protocol (2014), among others
        text = text.replace(later, "")
    assert max(_years(text)) <= EARLY.year, key
    view = key.replace("/", "-")
    for variant in ("shown", "full"):
        table = pd.read_csv(io.BytesIO(early[f"data/{view}.{variant}.csv"]), dtype=str)
        # "checked": when the record was last verified, as the status files' verified_through
        facts = table.drop(columns=["checked"], errors="ignore").fillna("").to_csv()
        assert max(_years(facts), default=0) <= EARLY.year, (view, variant)
