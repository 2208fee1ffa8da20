"""The Bolivia brief as a reader of Spanish, Portuguese or French gets it (issue #24).

Worked out by hand from the frozen data (tests/fixtures/data):
- Bolivia's steps at home: the Smuggling of Migrants Protocol (XVIII-12-b), bill approved by the
  Chamber of Deputies (2025), and the Firearms Protocol (XVIII-12-c), Law No. 1245 of
  10 October 2019; both records are English.
- Bolivia's Convention declaration is 447 characters; its first 320 end in "does not consider
  itsel" (the cut that printed "itsel […]"), so the last whole word within 320 is "consider".
- Bolivia's Firearms row is of medium confidence; its ``source`` ends with the researchers'
  remark "check against UNTC". The reference's OAS note for Antigua and Barbuda says "NB:
  en.wikipedia ... - wrong"; groups.csv's notes say "CONFLICT: ..." (Bolivia in MERCOSUR).
"""

from __future__ import annotations

from datetime import date

import pytest

from loaders.store.dataset import Dataset
from views.models.brief import brief_frames, state_brief
from views.text.i18n import Translator
from views.text.localized import localized
from views.text.words import cut_at_word, instrument_label, wrap_lines

TODAY = date(2026, 11, 29)
LABEL = {
    "es": "(texto del depositario, en inglés)",
    "pt": "(texto do depositário, em inglês)",
    "fr": "(texte du dépositaire, en anglais)",
}
RECORD = {
    "es": "Registro (en inglés): ",
    "pt": "Registro (em inglês): ",
    "fr": "Relevé (en anglais)\u00a0: ",
}
# Researchers' remarks to one another, found in the reference's source and note fields.
REMARKS = ("check against", "NB:", "CONFLICT", "NOT retrieved", "Wikipedia list")


# -- one helper cuts every long text at a word's end -------------------------------------------


def test_a_short_text_is_left_whole() -> None:
    assert cut_at_word("does not consider", 17) == "does not consider"


def test_a_long_text_is_cut_after_its_last_whole_word() -> None:
    text = "it does not consider itself bound"
    assert cut_at_word(text, 25) == "it does not consider […]"  # 25 chars end in "itsel"
    assert cut_at_word(text, 27) == "it does not consider itself […]"  # a space just past


def test_the_cut_drops_the_punctuation_left_hanging() -> None:
    assert cut_at_word("Articles 5, 6, 8 and 23", 11) == "Articles 5 […]"


def test_a_text_with_no_space_is_cut_at_the_limit() -> None:
    assert cut_at_word("https://treaties.un.org/Pages/ViewDetails", 12) == "https://trea […]"
    assert cut_at_word(" " + "x" * 20, 5) == " xxxx […]"  # only a leading space: no word ended


def test_a_no_break_space_does_not_end_a_word() -> None:
    # "15\u00a0km" stays together: the cut falls before it, not inside it.
    assert cut_at_word("about 15\u00a0km away", 10) == "about […]"
    assert cut_at_word("de l'article\u00a015\u00a0: texte", 16) == "de […]"


# -- the Bolivia brief --------------------------------------------------------------------------


def _brief(dataset: Dataset, language: str, day: date = date(2026, 1, 1)):
    local = localized(dataset, language)
    return state_brief(local, "BOL", day, language, today=TODAY)


def _section(document, key: str, language: str):
    heading = Translator(language)(key)
    (section,) = [s for s in document.sections if s.heading == heading]
    return section


def _words(document) -> str:
    parts = [document.title, document.subtitle, document.footer]
    for section in document.sections:
        parts += [section.heading, *section.paragraphs, *section.notes]
        parts += [cell for row in section.table for cell in row]
    return "\n".join(parts)


@pytest.mark.parametrize("language", ["es", "pt", "fr"])
def test_each_step_at_home_names_its_protocol_and_marks_its_english_record(
    dataset: Dataset, language: str
) -> None:
    steps = _section(_brief(dataset, language), "brief.steps", language)
    t = Translator(language)
    local = localized(dataset, language)
    by_protocol = {row[0]: row[2] for row in steps.table[1:]}
    smuggling = f"{instrument_label(local, 'SOM')} (XVIII-12-b)"
    firearms = f"{instrument_label(local, 'FIREARMS')} (XVIII-12-c)"
    assert set(by_protocol) == {smuggling, firearms}
    assert by_protocol[smuggling].startswith(
        f"{t('step.approved_by_lower_chamber')}. {RECORD[language]}The Chamber of Deputies"
    )
    assert by_protocol[firearms].startswith(
        f"{t('step.approved_by_legislature')}. {RECORD[language]}Law No. 1245"
    )


def test_the_english_brief_needs_no_label_on_its_own_language(dataset: Dataset) -> None:
    document = _brief(dataset, "en")
    steps = _section(document, "brief.steps", "en")
    assert any(
        row[2].startswith("approved by the lower chamber: The Chamber") for row in steps.table
    )
    texts = _section(document, "brief.reservations", "en")
    assert all("(the depositary" not in row[1] for row in texts.table[1:])
    assert "in English)" not in "".join(row[1] for row in texts.table[1:])


@pytest.mark.parametrize("language", ["es", "pt", "fr"])
def test_each_depositary_text_is_marked_english_and_cut_at_a_word(
    dataset: Dataset, language: str
) -> None:
    texts = _section(_brief(dataset, language), "brief.reservations", language)
    cells = [row[1] for row in texts.table[1:]]
    assert len(cells) == 2  # the Convention's and the Trafficking Protocol's
    assert all(cell.endswith(f" {LABEL[language]}") for cell in cells)
    (convention,) = [c for c in cells if c.startswith("With respect to the definitions")]
    assert convention.endswith(f"does not consider […] {LABEL[language]}")
    assert "itsel […]" not in convention


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
@pytest.mark.parametrize("day", [date(2009, 6, 4), date(2026, 1, 1)])
def test_no_researchers_remark_reaches_the_brief(
    dataset: Dataset, language: str, day: date
) -> None:
    words = _words(_brief(dataset, language, day))
    assert [r for r in REMARKS if r in words] == []


def test_the_medium_confidence_row_is_said_in_the_readers_language(dataset: Dataset) -> None:
    source = _section(_brief(dataset, "es"), "brief.source_title", "es")
    assert source.notes == (
        "Confianza media — Bolivia, Protocolo sobre armas de fuego: una sola fuente secundaria, "
        "o un día derivado, no el registro del depositario; la fuente figura en la página "
        "Perfil del Estado y en la página Datos.",
    )


def test_no_researchers_remark_reaches_any_states_brief(dataset: Dataset) -> None:
    local = localized(dataset, "es")
    day = date(2026, 1, 1)
    frames = brief_frames(local, day, "es")
    for iso3 in local.states.index:
        words = _words(state_brief(local, iso3, day, "es", today=TODAY, frames=frames))
        assert [r for r in REMARKS if r in words] == [], iso3


def test_paragraph_6_is_said_to_be_our_translation_outside_english() -> None:
    # No stored copy of the OAS's own Spanish, Portuguese or French text was found
    # (locales/README.md): where paragraph 6 is quoted, the label says whose words they are.
    said = {lang: Translator(lang)("resolution.text_note") for lang in ("en", "es", "pt", "fr")}
    assert said["es"].startswith("Traducción nuestra del texto en inglés")
    assert said["pt"].startswith("Tradução nossa do texto em inglês")
    assert said["fr"].startswith("Notre traduction du texte anglais")
    assert said["en"].startswith("The text as adopted")


def test_a_membership_note_the_catalogues_do_not_translate_is_marked_english(
    dataset: Dataset,
) -> None:
    # Cuba's note is translated (count_note.CUB) while the data's English matches the catalogue;
    # a refresh that rewords it leaves the English record, which the brief then marks.
    local = localized(dataset, "es")
    day = date(2026, 1, 1)
    translated = Translator("es")("count_note.CUB")
    oas = _section(state_brief(local, "CUB", day, "es", today=TODAY), "brief.oas", "es")
    assert translated in oas.paragraphs
    states = local.states.copy()
    states.loc["CUB", "count_note"] = "Reworded upstream."
    reworded = Dataset(**{**local.__dict__, "states": states})
    oas = _section(state_brief(reworded, "CUB", day, "es", today=TODAY), "brief.oas", "es")
    assert "Reworded upstream. (registro en inglés)" in oas.paragraphs


def test_a_long_text_is_broken_between_words_into_lines() -> None:
    title = "Convención de Palermo: situación de los Estados miembros de la OEA"
    assert wrap_lines(title, 34) == [
        "Convención de Palermo: situación",
        "de los Estados miembros de la OEA",
    ]
    assert wrap_lines("Tiempo hasta la ratificación", 34) == ["Tiempo hasta la ratificación"]
    # a word longer than a line (an address) is not cut: it has a line of its own
    assert wrap_lines("see https://treaties.un.org/Pages/ViewDetails.aspx", 20) == [
        "see",
        "https://treaties.un.org/Pages/ViewDetails.aspx",
    ]
    assert wrap_lines("", 20) == [""]
