"""Every instrument of the registry, of every depositary, has its official title and short name
in the four languages; the English ones are the registry's (data/instruments.csv)."""

from __future__ import annotations

import pytest

from loaders.store.registry import load_registry
from tests.support.data import FROZEN
from views.text.i18n import LANGUAGES, catalogue

REGISTRY = load_registry(FROZEN)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_instrument_is_named_in_every_language(language: str) -> None:
    words = catalogue(language)
    for instrument in REGISTRY:
        assert words[f"instrument.{instrument.id}.title"].strip()
        assert words[f"instrument.{instrument.id}.short"].strip()


def test_the_english_names_are_the_registrys() -> None:
    english = catalogue("en")
    for instrument in REGISTRY:
        assert english[f"instrument.{instrument.id}.title"] == instrument.title
        assert english[f"instrument.{instrument.id}.short"] == instrument.short_title


def test_official_titles_read_in_stored_copies() -> None:
    # Brazil's promulgating decrees (Decreto 2.740/1998, Decreto 46.981/1959), as stored.
    assert catalogue("pt")["instrument.TRAFFIC_MINORS.title"] == (
        "Convenção Interamericana sobre Tráfico Internacional de Menores"
    )
    assert catalogue("pt")["instrument.TRAFFIC_1949.title"] == (
        "Convenção para a Repressão do Tráfico de Pessoas e do Lenocínio"
    )
    assert len(REGISTRY) == 15
