"""Citing: "Cite this view" in four languages, the embed snippet, CITATION.cff and the licences."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
import yaml

from loaders.paths import PROJECT_ROOT
from loaders.store.dataset import Dataset
from views.models.citation import base_url, citation, embed_snippet
from views.models.selection import Selection
from views.text.localized import localized

ACCESSED = date(2026, 12, 1)


def _selection(language: str, **kwargs: object) -> Selection:
    fields = {
        "instruments": ("TIP",),
        "as_of": date(2009, 6, 4),
        "groups": ("CARICOM",),
        "params": {"instrument": ["TIP"], "group": ["CARICOM"], "as_of": ["2009-06-04"]},
        "language": language,
    }
    return Selection(**{**fields, **kwargs})


# Worked out by hand from the frozen snapshot's metadata (TIP as at 27 January 2014, SOM and
# FIREARMS as at 10 July 2014) and the catalogues' names.
EXPECTED = {
    "en": "Ratify Americas: Map. Trafficking in Persons; CARICOM; as of 4 June 2009. Snapshot "
    "20261206T040127291108Z-reference; treaty status Palermo Convention and Trafficking in "
    "Persons as at 27 January 2014; Smuggling of Migrants and Firearms as at 10 July 2014. "
    "Source: United Nations Treaty Collection (UNTC). http://127.0.0.1:8501/map?instrument=TIP"
    "&group=CARICOM&as_of=2009-06-04&lang=en&snapshot=20261206T040127291108Z-reference "
    "(accessed 1 December 2026).",
    "es": "(consultado el 1 de diciembre de 2026)",
    "pt": "Acesso em: 1º de dezembro de 2026.",
    "fr": "(consulté le 1er décembre 2026)",
}


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_the_citation_names_the_view_its_data_and_its_link(dataset: Dataset, language: str) -> None:
    text = citation(
        localized(dataset, language),
        _selection(language),
        "map",
        ACCESSED,
        "http://127.0.0.1:8501/",
    )
    assert text.startswith("Ratify Americas")
    assert "20261206T040127291108Z-reference" in text
    assert "UNTC" in text
    assert EXPECTED[language] in text
    link = next(word for word in text.split() if word.startswith("http"))
    query = parse_qs(urlsplit(link.rstrip(".")).query)
    assert query == {
        "instrument": ["TIP"],
        "group": ["CARICOM"],
        "as_of": ["2009-06-04"],
        "lang": [language],
        "snapshot": ["20261206T040127291108Z-reference"],  # the same facts after a refresh
    }
    if language == "fr":
        assert "Source\u00a0:" in text and "Ratify Americas\u00a0:" in text


def test_a_citation_pins_the_date_and_language_the_link_left_out(dataset: Dataset) -> None:
    # A link without as_of shows today; cited next year it must still show the same day.
    selection = _selection("es", params={}, groups=(), as_of=date(2026, 3, 1))
    text = citation(localized(dataset, "es"), selection, "profile", ACCESSED, "", {"state": "BRA"})
    assert "profile?as_of=2026-03-01&lang=es&state=BRA&snapshot=" in text
    assert "los 35 Estados miembros de la OEA" in text


def test_the_base_address_comes_from_the_page_address() -> None:
    assert base_url("http://127.0.0.1:8501/map") == "http://127.0.0.1:8501/"
    assert base_url("https://example.org/ratify/profile") == "https://example.org/ratify/"
    assert base_url("http://127.0.0.1:8501") == "http://127.0.0.1:8501/"
    assert base_url(None) == "" and base_url("not a url") == ""


def test_embeds_are_offered_for_the_map_and_a_state_card_only(dataset: Dataset) -> None:
    selection = _selection("en")
    base = "http://127.0.0.1:8501/"
    snippet = embed_snippet(dataset, selection, "map", base)
    assert snippet.startswith('<iframe src="http://127.0.0.1:8501/map?')
    assert "embed=true" in snippet and "&amp;as_of=2009-06-04" in snippet
    assert 'title="Ratify Americas: Map"' in snippet
    card = embed_snippet(dataset, selection, "profile", base, {"state": "BRA"})
    assert "state=BRA" in card
    assert embed_snippet(dataset, selection, "profile", base, {"state": ""}) is None
    assert embed_snippet(dataset, selection, "timeline", base) is None


def test_citation_cff_is_valid_citation_file_format_1_2_0() -> None:
    # The schema is CFF's own (schema.json of 1.2.0, CC-BY-4.0, as cffconvert 2.0.0 ships it):
    # cffconvert itself pins jsonschema 3, which would downgrade the dashboard's.
    schema = json.loads((PROJECT_ROOT / "tests/fixtures/cff/schema-1.2.0.json").read_text())
    document = yaml.safe_load((PROJECT_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert document["title"] == "Ratify Americas"
    assert document["license"] == "MIT"


def test_the_code_has_a_licence_and_the_readme_states_the_data_terms() -> None:
    assert (PROJECT_ROOT / "LICENSE").read_text().startswith("MIT License")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "https://www.un.org/en/about-us/terms-of-use" in readme
    assert "CC BY 4.0" in readme and "MIT" in readme


def test_the_copy_scripts_hash_for_the_content_security_policy_is_the_readmes() -> None:
    # The production CSP allows the copy button's script by this hash (README, Embeds): it must
    # follow the script. The script is constant: the citation travels in the markup.
    from pages.components.cite import COPY_SCRIPT_SHA256

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"'sha256-{COPY_SCRIPT_SHA256}'" in readme
