"""Streamlit's texts with a value inside (a help icon's name, the date box's range error), as
static/reader_language.js rewrites them: the same regular expressions, $1 as \\1."""

from __future__ import annotations

import re

from pages.components.reader_chrome import widget_patterns
from views.text.i18n import Translator

# As Streamlit's DateInput says it (its bundle), after the bold "Error".
RANGE_ERROR = ": Date set outside allowed range. Please select a date between {} and {}."


def rewritten(language: str, english: str) -> list[str]:
    return [
        re.sub(pattern, to.replace("$", "\\"), english)
        for pattern, to in widget_patterns(Translator(language))
        if re.match(pattern, english)
    ]


def test_the_range_error_is_in_the_readers_language() -> None:
    english = RANGE_ERROR.format("2000-11-15", "2026-12-06")
    assert rewritten("es", english) == [
        ": fecha fuera del intervalo permitido."
        " Elija una fecha entre el 2000-11-15 y el 2026-12-06."
    ]
    assert rewritten("pt", english) == [
        ": data fora do intervalo permitido. Escolha uma data entre 2000-11-15 e 2026-12-06."
    ]
    assert rewritten("fr", english)[0].startswith("\u00a0: date hors de la plage permise.")


def test_a_help_icons_name_keeps_its_label() -> None:
    assert rewritten("es", "Help for Instrumento") == ["Ayuda sobre Instrumento"]
    assert rewritten("pt", "Help for Data") == ["Ajuda sobre Data"]
    assert rewritten("fr", "View 3 more") == ["Voir 3 de plus"]
    assert rewritten("es", "2 more") == ["2 más"]
    # a multiselect's chosen value, the group's name in the reader's language already
    assert rewritten("fr", "Remove Conseil de l’Europe") == ["Retirer Conseil de l’Europe"]
    assert widget_patterns(Translator("en")) == []
