"""Languages: state names from one place, dates and numbers in each language's conventions."""

from datetime import date

import pytest

from loaders.store.registry import load_states
from tests.support.data import FROZEN
from views.text.i18n import (
    LANGUAGES,
    CatalogueError,
    Translator,
    best_language,
    collation_key,
    format_date,
    format_month,
    format_number,
    format_share,
    format_short_date,
    join_words,
    plural_form,
    state_name,
    translate_count,
)


@pytest.mark.parametrize(
    ("iso3", "language", "name"),
    [
        ("USA", "es", "Estados Unidos"),
        ("BOL", "es", "Bolivia"),  # the short name, not ISO's "Estado plurinacional de"
        ("KNA", "fr", "Saint-Christophe-et-Niévès"),
        ("SLV", "fr", "El Salvador"),  # OAS and UN usage, not pycountry's "Salvador"
        ("SUR", "es", "Suriname"),
        ("BRA", "pt", "Brasil"),
        ("DMA", "pt", "Dominica"),
        ("LCA", "pt", "Santa Lúcia"),
    ],
)
def test_state_names(iso3, language, name):
    assert state_name(iso3, language) == name


def test_every_state_has_a_name_in_every_language():
    for state in load_states(FROZEN):
        names = {lang: state_name(state.iso3, lang) for lang in LANGUAGES}
        assert all(names.values()), state.iso3


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "4 June 2009"),
        ("es", "4 de junio de 2009"),
        ("pt", "4 de junho de 2009"),
        ("fr", "4 juin 2009"),
    ],
)
def test_dates(language, text):
    assert format_date(date(2009, 6, 4), language) == text


def test_shares_follow_the_language():
    assert format_share(0.8, "en") == "80%"
    assert format_share(0.8, "fr") == "80\u00a0%"


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("es-AR", "es"),
        ("pt_BR", "pt"),
        ("fr", "fr"),
        ("en-US", "en"),
        ("de-DE", "en"),
        (None, "en"),
    ],
)
def test_browser_language(tag, language):
    assert best_language(tag) == language


@pytest.mark.parametrize(
    ("iso3", "language", "name"),
    [("SUR", "fr", "Suriname"), ("VEN", "fr", "Venezuela"), ("GUY", "pt", "Guiana")],
)
def test_state_names_follow_un_and_oas_usage(iso3, language, name):
    assert state_name(iso3, language) == name


@pytest.mark.parametrize(
    ("language", "long", "short", "month"),
    [
        ("en", "1 June 2011", "1 Jun 2011", "June 2011"),
        ("es", "1 de junio de 2011", "1 jun 2011", "junio de 2011"),
        ("pt", "1º de junho de 2011", "1º jun. 2011", "junho de 2011"),
        ("fr", "1er juin 2011", "1er juin 2011", "juin 2011"),
    ],
)
def test_the_first_of_a_month_and_short_dates(language, long, short, month):
    day = date(2011, 6, 1)
    assert format_date(day, language) == long
    assert format_short_date(day, language) == short
    assert format_month(day, language) == month


def test_numbers_and_lists_follow_the_language():
    assert [format_number(4.25, lang, 1) for lang in LANGUAGES] == ["4.2", "4,2", "4,2", "4,2"]
    assert format_number(1143, "en") == "1,143" and format_number(1143, "fr") == "1\u202f143"
    assert [join_words(["A", "B", "C"], lang) for lang in LANGUAGES] == [
        "A, B and C", "A, B y C", "A, B e C", "A, B et C"
    ]  # fmt: skip
    assert join_words([], "es") == "" and join_words(["A"], "fr") == "A"


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("en", ["other", "one", "other"]),
        ("es", ["other", "one", "other"]),
        ("pt", ["one", "one", "other"]),  # Brazil: "0 dia"
        ("fr", ["one", "one", "other"]),  # "0 jour"
    ],
)
def test_plurals_follow_cldr(language, forms):
    assert [plural_form(n, language) for n in (0, 1, 2)] == forms
    assert plural_form(1_000_000, language) == "other"


def test_counted_texts_choose_their_plural():
    assert translate_count("es", "count.states", 1) == "1 Estado"
    assert translate_count("fr", "count.rows", 0) == "0 ligne"
    assert translate_count("en", "count.rows", 0) == "0 rows"


def test_names_sort_as_readers_expect():
    names = ["Équateur", "Uruguay", "États-Unis", "Haïti", "Grenade", "El Salvador"]
    assert sorted(names, key=collation_key) == [
        "El Salvador", "Équateur", "États-Unis", "Grenade", "Haïti", "Uruguay"
    ]  # fmt: skip


def test_a_translator_fills_placeholders_and_says_what_is_missing():
    t = Translator("pt")
    assert t("count.of", n=3, total=5) == "3 de 5"
    assert t.label("Fonte", "x") == "Fonte: x" and Translator("fr").label("a", "b") == "a\u00a0: b"
    assert Translator("fr").items(["a", "b"]) == "a\u00a0; b"
    with pytest.raises(CatalogueError):
        t("no.such.key")
    # a placeholder named like translate's own parameters is a value like any other
    assert t("data.col.state_local", language="português") == "Estado (português)"
