"""Languages of the dashboard: the four official languages of the OAS.

Interface text comes from one catalogue per language (``locales/<lang>.json``). State names come
from pycountry's translations of ISO 3166 (a maintained source), with the few names where the
OAS's own usage differs chosen here, in one place. Dates and numbers are formatted with babel.
"""

from __future__ import annotations

import gettext
import json
import string
from datetime import date
from functools import cache
from pathlib import Path

import pycountry
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal, format_percent

from loaders.paths import PROJECT_ROOT

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "pt": "Português", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
LOCALES_DIR = PROJECT_ROOT / "locales"
# babel locale per language: Portuguese as used in Brazil, the OAS's Portuguese-speaking member.
_BABEL_LOCALE = {"en": "en_US", "es": "es", "pt": "pt_BR", "fr": "fr"}
_GETTEXT_LANGUAGE = {"es": "es", "pt": "pt_BR", "fr": "fr"}
# Where the OAS's usage differs from pycountry's translation of the ISO short name.
_OAS_USAGE = {
    ("es", "SUR"): "Suriname",
    ("fr", "SLV"): "El Salvador",
    ("pt", "DMA"): "Dominica",
}


class CatalogueError(KeyError):
    """A catalogue is missing a key or a placeholder."""


def best_language(requested: str | None) -> str:
    """The supported language for a tag like ``es-AR`` or ``pt_BR``; English otherwise."""
    if not requested:
        return DEFAULT_LANGUAGE
    primary = requested.replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


@cache
def catalogue(language: str, folder: Path = LOCALES_DIR) -> dict[str, str]:
    """The interface texts of one language, key -> text with ``{placeholders}``."""
    with (folder / f"{language}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def translate(language: str, key: str, **values: object) -> str:
    try:
        text = catalogue(language)[key]
    except KeyError as exc:
        raise CatalogueError(f"no text for {key!r} in {language}") from exc
    return text.format(**values) if values else text


@cache
def _iso_translation(language: str) -> gettext.NullTranslations:
    if language not in _GETTEXT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[_GETTEXT_LANGUAGE[language]]
    )


def state_name(iso3: str, language: str) -> str:
    """A state's short name in ``language`` (English names come from data/states.csv)."""
    if (language, iso3) in _OAS_USAGE:
        return _OAS_USAGE[(language, iso3)]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise KeyError(f"unknown ISO 3166 alpha-3 code {iso3!r}")
    english = getattr(country, "common_name", None) or country.name
    return _iso_translation(language).gettext(english)


def format_date(day: date, language: str, style: str = "long") -> str:
    """``4 June 2009`` style dates, in the language's own order and month names."""
    if language == "en" and style == "long":
        return f"{day.day} {day:%B %Y}"  # day-month-year, as the UN and the OAS write it
    return _babel_date(day, style, locale=_BABEL_LOCALE[language])


def format_number(value: float, language: str) -> str:
    return format_decimal(value, locale=_BABEL_LOCALE[language])


def format_share(value: float, language: str) -> str:
    return format_percent(value, locale=_BABEL_LOCALE[language])
