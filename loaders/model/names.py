"""Participant names to ISO 3166 alpha-3 codes: the one place where names are harmonised."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

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
