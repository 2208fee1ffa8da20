"""The names of states, harmonised in one place: UNTC's participant names to ISO 3166 alpha-3
codes, and each state's short name in Spanish, Portuguese and French.

Names in a language come from pycountry's translations of ISO 3166 (a maintained source), with the
few names where the OAS's own usage differs chosen here.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from loaders.model.records import State

# Matched only from the start of a run, possessively: linear even for a long run not at the end.
_FOOTNOTES = re.compile(r"(?<![\s\d,])[\s\d,]++$")


def normalise(name: str) -> str:
    """Case, accents, footnote markers, punctuation and spacing removed, for matching only."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _FOOTNOTES.sub("", text.strip().strip("[]"))
    text = text.replace("&", " and ").replace("St.", "Saint")
    return " ".join(re.sub(r"[^\w()]+", " ", text).split()).casefold()


class NameIndex:
    """Maps UNTC participant names (current and older spellings) to OAS states."""

    def __init__(self, states: Iterable[State]) -> None:
        self._by_name: dict[str, str] = {}
        for state in states:
            for name in (state.untc_name, state.name, *state.untc_aliases):
                self._by_name[normalise(name)] = state.iso3

    def iso3(self, name: str) -> str | None:
        return self._by_name.get(normalise(name))


_GETTEXT_LANGUAGE = {"es": "es", "pt": "pt_BR", "fr": "fr"}
# Where the OAS's usage differs from pycountry's translation of the ISO short name.
_OAS_USAGE = {
    ("es", "SUR"): "Suriname",
    ("fr", "SLV"): "El Salvador",
    ("pt", "DMA"): "Dominica",
    ("fr", "SUR"): "Suriname",  # the UN's and the OAS's French; pycountry has "Surinam"
    ("fr", "VEN"): "Venezuela",  # the UN's and the OAS's French; pycountry has "Vénézuela"
}


@cache
def _iso_translation(language: str) -> gettext.NullTranslations:
    import pycountry  # on first use, as in state_name

    if language not in _GETTEXT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[_GETTEXT_LANGUAGE[language]]
    )


def state_name(iso3: str, language: str) -> str:
    """A state's short name in ``language`` (English names come from data/states.csv)."""
    # Imported on first use: a server that shows only English never needs it (0.03 s at start).
    import pycountry

    if (language, iso3) in _OAS_USAGE:
        return _OAS_USAGE[(language, iso3)]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise KeyError(f"unknown ISO 3166 alpha-3 code {iso3!r}")
    english = getattr(country, "common_name", None) or country.name
    return _iso_translation(language).gettext(english)
