"""Languages: state names from one place, dates and numbers in each language's conventions."""

from datetime import date

import pytest

from loaders.i18n import LANGUAGES, best_language, format_date, format_share, state_name
from loaders.paths import PROJECT_ROOT
from loaders.registry import load_states


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
    for state in load_states(PROJECT_ROOT / "data"):
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
