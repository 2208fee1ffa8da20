"""The dashboard's words in the reader's language: catalogues, dates, numbers, lists.

Interface text comes from the catalogues of each language (``locales/<lang>.json``, and one file
per area of the dashboard in ``locales/<area>/<lang>.json``, merged). State names come from
loaders.model.names (the command line needs them too). Dates and numbers are formatted with babel.
"""

from __future__ import annotations

import json
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from loaders.model.languages import DEFAULT_LANGUAGE, LANGUAGES, best_language
from loaders.model.names import state_name
from loaders.paths import PROJECT_ROOT

LOCALES_DIR = PROJECT_ROOT / "locales"
# babel locale per language: Portuguese as used in Brazil, the OAS's Portuguese-speaking member.
_BABEL_LOCALE = {"en": "en_US", "es": "es", "pt": "pt_BR", "fr": "fr"}
# Lists ("A, B and C"): British English has no comma before "and", as the UN and the OAS write.
_LIST_LOCALE = {"en": "en_GB", "es": "es", "pt": "pt_BR", "fr": "fr"}


@cache
def month_names(language: str) -> dict[int, str]:
    """1 -> January ... in ``language``, standing alone (capitalized, as a list item)."""
    names = Locale.parse(_BABEL_LOCALE[language]).months["stand-alone"]["wide"]
    return {n: names[n][:1].upper() + names[n][1:] for n in range(1, 13)}


class CatalogueError(KeyError):
    """A catalogue is missing a key or a placeholder."""


@cache
def catalogue(language: str, folder: Path = LOCALES_DIR) -> dict[str, str]:
    """The interface texts of one language, key -> text with ``{placeholders}``: the main
    catalogue and every area's (``<folder>/<area>/<language>.json``); a key in two is an error."""
    texts: dict[str, str] = {}
    for path in [folder / f"{language}.json", *sorted(folder.glob(f"*/{language}.json"))]:
        with path.open(encoding="utf-8") as handle:
            part = json.load(handle)
        if twice := sorted(set(texts) & set(part)):
            raise CatalogueError(f"{path}: keys already in another catalogue: {twice}")
        texts.update(part)
    return texts


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def translate(language: str, key: str, /, **values: object) -> str:
    try:
        text = catalogue(language)[key]
    except KeyError as exc:
        raise CatalogueError(f"no text for {key!r} in {language}") from exc
    return text.format(**values) if values else text


def format_date(day: date, language: str, style: str = "long") -> str:
    """``4 June 2009`` style dates, in the language's own order and month names."""
    if language == "en" and style == "long":
        return f"{day.day} {day:%B %Y}"  # day-month-year, as the UN and the OAS write it
    return _first_of_month(_babel_date(day, style, locale=_BABEL_LOCALE[language]), day, language)


# The first of a month is an ordinal in French ("1er juin") and in Brazil ("1º de junho").
_FIRST = {"fr": "1er", "pt": "1º"}


def _first_of_month(text: str, day: date, language: str) -> str:
    if day.day == 1 and language in _FIRST and text.startswith("1 "):
        return _FIRST[language] + text[1:]
    return text


# Short dates for tables and buttons: CLDR's medium form, but in Brazil the abbreviated form of
# its citation standard (ABNT), "4 jun. 2009", rather than CLDR's "4 de jun. de 2009".
_SHORT = {"pt": "d MMM y"}


def format_short_date(day: date, language: str) -> str:
    """``4 Jun 2009``, ``4 jun 2009``, ``4 jun. 2009``, ``4 juin 2009``: for tables."""
    if language == "en":
        return f"{day.day} {day:%b %Y}"
    style = _SHORT.get(language, "medium")
    return _first_of_month(_babel_date(day, style, locale=_BABEL_LOCALE[language]), day, language)


def format_month(day: date, language: str) -> str:
    """A month of a year: ``January 2014``, ``enero de 2014``, ``janvier 2014``."""
    if language == "en":
        return f"{day:%B %Y}"
    return format_skeleton("yMMMM", day, locale=_BABEL_LOCALE[language])


def format_number(value: float, language: str, decimals: int | None = None) -> str:
    """``1,234`` / ``1.234`` / ``1 234``; with ``decimals``, exactly that many (``4.2``/``4,2``)."""
    pattern = {None: None, 0: "#,##0"}.get(decimals, f"#,##0.{'0' * (decimals or 0)}")
    return format_decimal(value, format=pattern, locale=_BABEL_LOCALE[language])


def format_share(value: float, language: str) -> str:
    return format_percent(value, locale=_BABEL_LOCALE[language])


def number_separators(language: str) -> str:
    """Plotly's ``layout.separators``: the decimal sign, then the thousands sign."""
    locale = Locale.parse(_BABEL_LOCALE[language])
    symbols: dict[str, str] = locale.number_symbols["latn"]  # babel types it Any
    return symbols["decimal"] + symbols["group"]


def join_words(words: Iterable[str], language: str) -> str:
    """``A``, ``A and B``, ``A, B and C``, in the language's own way (``A, B y C``)."""
    words = list(words)
    return format_list(words, locale=_LIST_LOCALE[language]) if words else ""


def plural_form(count: float, language: str) -> str:
    """``one`` or ``other``: which of a catalogue's ``_one``/``_other`` keys fits ``count``.

    CLDR's rules (so French and Brazilian Portuguese say ``0 jour``, ``0 dia``); its ``many``
    (French and Spanish millions) reads as ``other`` here.
    """
    form = Locale.parse(_BABEL_LOCALE[language]).plural_form(count)
    return "one" if form == "one" else "other"


def translate_count(language: str, key: str, count: int, /, **values: object) -> str:
    """The text of ``<key>_one`` or ``<key>_other`` for ``count``, with ``{n}`` the count."""
    form = plural_form(count, language)
    return translate(language, f"{key}_{form}", n=format_number(count, language), **values)


def collation_key(text: str) -> str:
    """Sort key for names in any of the four languages: accents and case do not count, so
    ``États-Unis`` sorts among the E's and ``Haïti`` among the H's."""
    stripped = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return stripped.casefold()


# Translator has a method named date: its other methods name the type so.
Day = date


@dataclass(frozen=True)
class Translator:
    """One language's texts, dates and numbers, for code that writes many of them."""

    language: str

    def __call__(self, key: str, /, **values: object) -> str:
        return translate(self.language, key, **values)

    def has(self, key: str) -> bool:
        return key in catalogue(self.language)

    def count(self, key: str, count: int, /, **values: object) -> str:
        return translate_count(self.language, key, count, **values)

    def date(self, day: date) -> str:
        return format_date(day, self.language)

    def short_date(self, day: Day) -> str:
        return format_short_date(day, self.language)

    def number(self, value: float, decimals: int | None = None) -> str:
        return format_number(value, self.language, decimals)

    def share(self, value: float) -> str:
        return format_share(value, self.language)

    def words(self, words: Iterable[str]) -> str:
        return join_words(words, self.language)

    def label(self, label: str, value: str) -> str:
        """``label: value``, with the space French puts before the colon."""
        return translate(self.language, "format.label", label=label, value=value)

    def items(self, items: Iterable[str]) -> str:
        """Items joined with semicolons (``a; b``, in French ``a ; b``)."""
        return translate(self.language, "format.separator").join(items)


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "best_language", "state_name"]
