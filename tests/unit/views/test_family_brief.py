"""The treaty family on a brief, against facts worked out by hand from the frozen reference
(tests/fixtures/data/reference/family/family_oas_status.csv).

Bolivia, by hand from the file: Optional Protocol on the sale of children (IV-11-c) ratified
3 June 2003; CIFTA (A-63) ratified April 1999 (month only); ILO C189 ratified 15 April 2013;
ILO C029 and P029 unknown (no evidence). C189 was adopted 16 June 2011 and P029 11 June 2014: on
1 January 2010 neither exists, so both are left out.

CARICOM's 14 members (ATG BHS BRB BLZ DMA GRD GUY HTI JAM KNA LCA VCT SUR TTO), by hand:
- C189: party Antigua and Barbuda, Grenada, Guyana, Jamaica (4 of 14); the other 10 are gaps.
- CIFTA: 12 of 14; gaps Jamaica and Saint Vincent and the Grenadines (signatories).
- Sale of children on 1 December 2026: 11 of 14, gaps Barbados, Saint Kitts and Nevis, Trinidad
  and Tobago. On 1 January 2012: parties Antigua and Barbuda (2002), Belize (2003), Dominica
  (2002), Guyana (2010), Jamaica (2011), Saint Vincent (2005) = 6; Bahamas (2015), Grenada
  (February 2012), Haiti (2014), Saint Lucia (2013), Suriname (May 2012) not yet.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from loaders.publish.pdf import render_pdf
from loaders.store.dataset import Dataset
from views.models.brief import group_brief, state_brief
from views.models.family import family_model
from views.models.family_brief import (
    group_family_rows,
    group_family_section,
    state_family_section,
)
from views.models.selection import Selection
from views.text.i18n import Translator
from views.text.localized import localized

JUNE_2024 = date(2024, 6, 1)
DEC_2026 = date(2026, 12, 1)


def _line(section, family_word: str) -> str:
    return next(p for p in section.paragraphs if p.startswith(f"{family_word}:"))


def test_a_state_s_family_line_gives_each_status_with_its_date(dataset: Dataset) -> None:
    section = state_family_section(localized(dataset, "en"), "BOL", JUNE_2024, Translator("en"))
    assert section.heading == "The treaty family"
    children = _line(section, "Children")
    assert "Sale of children: Party (3 June 2003)" in children
    assert "Traffic in minors (B-57): Party (4 December 2003)" in children
    assert "CIFTA: Party (April 1999)" in _line(section, "Firearms")
    labour = _line(section, "Forced labour")
    assert "Forced labour (C029): Unknown (no evidence)" in labour
    assert "Forced labour protocol (P029): Unknown (no evidence)" in labour
    assert "Domestic workers (C189): Party (15 April 2013)" in labour
    # The four Palermo instruments are the brief's first table, not repeated here.
    assert not any(p.startswith("Palermo:") for p in section.paragraphs)


def test_instruments_not_yet_adopted_are_left_out_and_named(dataset: Dataset) -> None:
    section = state_family_section(
        localized(dataset, "en"), "BOL", date(2010, 1, 1), Translator("en")
    )
    text = " ".join(section.paragraphs)
    assert "C189" not in text and "P029" not in text
    assert "Forced labour (C029): Unknown (no evidence)" in text
    assert len(section.notes) == 1
    assert "Domestic workers (C189)" in section.notes[0]
    assert "Forced labour protocol (P029)" in section.notes[0]


def test_a_group_s_gaps_per_instrument(dataset: Dataset) -> None:
    model = family_model(
        localized(dataset, "en"), Selection(("UNTOC",), DEC_2026, groups=("CARICOM",))
    )
    rows = group_family_rows(model).set_index("instrument")
    assert (rows.loc["C189", "parties"], rows.loc["C189", "members"]) == (4, 14)
    assert len(rows.loc["C189", "gaps"]) == 10
    assert "Grenada" not in rows.loc["C189", "gaps"]
    assert rows.loc["CIFTA", "parties"] == 12
    assert rows.loc["CIFTA", "gaps"] == ["Jamaica", "Saint Vincent and the Grenadines"]
    assert rows.loc["CRC_OPSC", "gaps"] == [
        "Barbados", "Saint Kitts and Nevis", "Trinidad and Tobago",
    ]  # fmt: skip
    assert "UNTOC" not in rows.index and "FIREARMS" not in rows.index


def test_a_group_s_section_on_an_earlier_date(dataset: Dataset) -> None:
    section = group_family_section(
        localized(dataset, "en"), "CARICOM", date(2012, 1, 1), Translator("en")
    )
    assert "Sale of children: 6 of 14 (Gaps: " in _line(section, "Children")
    assert "Forced labour protocol (P029)" not in " ".join(section.paragraphs)
    assert "Forced labour protocol (P029)" in section.notes[-1]


def test_a_group_s_long_list_of_gaps_is_counted(dataset: Dataset) -> None:
    # CARICOM on the 1949 Convention (VII-11-a): only Haiti is party, the 13 others are gaps;
    # C189's 10 gaps are still named.
    section = group_family_section(localized(dataset, "en"), "CARICOM", DEC_2026, Translator("en"))
    assert "1949 Convention: 1 of 14 (Gaps: 13 states)" in _line(section, "Women")
    labour = _line(section, "Forced labour")
    assert "Domestic workers (C189): 4 of 14 (Gaps: Bahamas, Barbados, Belize, " in labour
    assert "Treaty family" in section.notes[0]


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_briefs_with_the_family_stay_within_two_pages(dataset: Dataset, language: str) -> None:
    local = localized(dataset, language)
    t = Translator(language)
    for document in (
        state_brief(local, "BOL", JUNE_2024, language, JUNE_2024),
        group_brief(local, "CARICOM", DEC_2026, language, DEC_2026),
    ):
        assert t("brief.family_title") in [s.heading for s in document.sections]
        pages = PdfReader(io.BytesIO(render_pdf(document))).pages
        assert 1 <= len(pages) <= 2


def test_a_family_of_one_instrument_of_its_name_says_it_once(dataset: Dataset) -> None:
    # Bolivia ratified UNCAC on 5 December 2005 (XVIII-14 in the reference).
    section = state_family_section(localized(dataset, "en"), "BOL", JUNE_2024, Translator("en"))
    assert "Corruption: Party (5 December 2005)" in section.paragraphs
