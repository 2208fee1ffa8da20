"""The names of states, harmonised in one place: UNTC's participant names to ISO 3166 codes, and
each of the 35 states' short name in Spanish, Portuguese and French.

Every participant UNTC lists must be someone: one of the 35 OAS member states (by the spellings
in ``data/states.csv``), another country (ISO 3166 through pycountry, current or historic, with
UNTC's own spellings of the few it writes differently), or a known organisation (the European
Union). A name that is none of these is not dropped: the refresh stops and names it.

Names in a language come from pycountry's translations of ISO 3166 (a maintained source), with the
few names where the OAS's own usage differs chosen here.
"""

from __future__ import annotations

import difflib
import gettext
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from loaders.model.records import State

# Matched only from the start of a run, possessively: linear even for a long run not at the end.
_FOOTNOTES = re.compile(r"(?<![\s\d,])[\s\d,]++$")

# Organisations that take part in UN treaties; not in ISO 3166.
ORGANISATIONS = {"European Union": "EU", "European Community": "EU"}
# UNTC's spellings that pycountry's names do not give (from UNTC's participant lists of 2014).
UNTC_SPELLINGS = {
    "Swaziland": "SWZ",
    "The former Yugoslav Republic of Macedonia": "MKD",
    "Turkey": "TUR",
    "Republic of Korea": "KOR",
    "Democratic Republic of the Congo": "COD",
    "Holy See": "VAT",
}


def normalise(name: str) -> str:
    """Case, accents, footnote markers, punctuation and spacing removed, for matching only."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _FOOTNOTES.sub("", text.strip().strip("[]"))
    text = text.replace("&", " and ").replace("St.", "Saint")
    return " ".join(re.sub(r"[^\w()]+", " ", text).split()).casefold()


@dataclass(frozen=True)
class Resolved:
    """Whom a participant name names: an ISO 3166 alpha-3 code (or ``EU``) and the spelling it
    matched, which the snapshot keeps instead of upstream's raw text."""

    code: str
    spelling: str
    oas: bool  # one of the 35: its row counts for that state


def _iso_spellings(country: object) -> list[str]:
    """pycountry's names of a country, and UNTC's way of writing the inverted ones:
    "Korea, Republic of" -> "Republic of Korea"; "Iran, Islamic Republic of" ->
    "Iran (Islamic Republic of)"; "Holy See (Vatican City State)" -> also "Holy See"."""
    names = [
        n
        for n in (getattr(country, a, None) for a in ("name", "official_name", "common_name"))
        if n
    ]
    spellings = list(names)
    for name in names:
        if ", " in name:
            head, tail = name.split(", ", 1)
            spellings += [
                f"{tail} {head}".removeprefix("the ").removeprefix("The "),
                f"{head} ({tail})",
            ]
        if " (" in name:
            spellings.append(name.split(" (", 1)[0])
    return spellings


class NameIndex:
    """Maps UNTC participant names (current and older spellings) to OAS states and others."""

    def __init__(self, states: Iterable[State]) -> None:
        self._by_name: dict[str, str] = {}
        self._spelling: dict[str, str] = {}
        for state in states:
            for name in (state.untc_name, state.name, *state.untc_aliases):
                self._by_name[normalise(name)] = state.iso3
                self._spelling.setdefault(normalise(name), name)
        self._oas = set(self._by_name.values())
        self._world: dict[str, str] | None = None

    def iso3(self, name: str) -> str | None:
        """The OAS member state ``name`` names, or None."""
        return self._by_name.get(normalise(name))

    def _world_index(self) -> dict[str, str]:
        if self._world is None:
            import pycountry  # only a refresh needs the world's names

            world: dict[str, str] = {}
            known = [(n, c) for n, c in {**ORGANISATIONS, **UNTC_SPELLINGS}.items()]
            for country in [*pycountry.countries, *pycountry.historic_countries]:
                known += [(spelling, country.alpha_3) for spelling in _iso_spellings(country)]
            for name, code in known:
                key = normalise(name)
                if key and key not in world:
                    world[key] = code
                    self._spelling.setdefault(key, name)
            self._world = world
        return self._world

    def resolve(self, name: str) -> Resolved | None:
        """Whom ``name`` names; None if it names no state, country or known organisation.

        A name that pycountry gives for one of the 35 ("Republic of Cuba") counts for it.
        """
        key = normalise(name)
        if not key:
            return None
        code = self._by_name.get(key) or self._world_index().get(key)
        if code is None:
            return None
        return Resolved(code, self._spelling[key], code in self._oas)

    def closest(self, name: str, n: int = 3) -> list[str]:
        """The known spellings nearest to ``name`` (difflib), for a message."""
        self._world_index()
        keys = difflib.get_close_matches(normalise(name), list(self._spelling), n=n, cutoff=0.5)
        return [self._spelling[key] for key in keys]


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
