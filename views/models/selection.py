"""What the shared controls chose, as one frozen value every page model reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from views.text.i18n import Translator


@dataclass(frozen=True)
class Note:
    """Something about the link that was ignored: a catalogue key and its values, put in words
    at each run, so a note reads in the language chosen since."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, t: Translator) -> str:
        values = {k: t.date(v) if isinstance(v, date) else v for k, v in self.values.items()}
        return t(self.key, **values)


@dataclass(frozen=True)
class Selection:
    instruments: tuple[str, ...]  # registry order, never empty
    as_of: date
    groups: tuple[str, ...] = ()  # empty: all 35 OAS member states
    notes: tuple[str, ...] = ()  # link parameters that were ignored, in words
    params: dict[str, list[str]] = field(default_factory=dict)  # the canonical link query
    language: str = "en"  # en, es, pt or fr (loaders.model.languages.LANGUAGES)

    @property
    def t(self) -> Translator:
        """Texts, dates and numbers in the reader's language."""
        return Translator(self.language)

    def link(self, **extra: str) -> dict[str, list[str]]:
        """Query parameters for a link to another page that keeps this view."""
        return {**self.params, **{key: [value] for key, value in extra.items()}}

    def href(self, page: str, **extra: str) -> str:
        """A relative address of ``page`` (its url path) that keeps this view."""
        return f"{page}?{urlencode(self.link(**extra), doseq=True)}"
