"""The catalogues of locales/: complete, consistent with each other, with the code and the data.

Every language has every key of English, no empty text and the same ``{placeholders}``; every key
the code asks for exists and every key is asked for; the English names agree with data/; the
instruments carry their official titles; French puts its no-break space before : ; ? !
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.model.records import ConsentKind
from loaders.paths import PROJECT_ROOT
from loaders.store.registry import load_groups, load_instruments, load_states
from tests.support.data import FROZEN
from views.text.i18n import LANGUAGES, LOCALES_DIR, catalogue, placeholders
from views.text.words import group_label

ENGLISH = catalogue("en")
OTHERS = [lang for lang in LANGUAGES if lang != "en"]
# Where the dashboard's words are written: the app and its presentation package (pages/).
# Where the interface words are asked for: the app, its pages and the views.
CODE = [
    PROJECT_ROOT / "app.py",
    *(
        path
        for folder in ("pages", "views")
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py"))
    ),
]
DATA = FROZEN


def test_there_is_a_catalogue_per_language_and_nothing_else() -> None:
    assert sorted(p.stem for p in LOCALES_DIR.glob("*.json")) == sorted(LANGUAGES)


@pytest.mark.parametrize("language", OTHERS)
def test_every_catalogue_has_every_key_and_no_other(language: str) -> None:
    texts = catalogue(language)
    assert sorted(set(ENGLISH) - set(texts)) == [], "missing"
    assert sorted(set(texts) - set(ENGLISH)) == [], "not in English"


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_no_text_is_empty(language: str) -> None:
    empty = [key for key, text in catalogue(language).items() if not text.strip()]
    assert empty == []


@pytest.mark.parametrize("language", OTHERS)
def test_every_text_has_the_placeholders_of_its_english(language: str) -> None:
    texts = catalogue(language)
    differ = {
        key: (placeholders(ENGLISH[key]), placeholders(texts[key]))
        for key in ENGLISH
        if placeholders(ENGLISH[key]) != placeholders(texts[key])
    }
    assert differ == {}


@pytest.mark.parametrize("language", OTHERS)
def test_a_translation_is_a_translation(language: str) -> None:
    # Texts identical to the English are names, codes or words both languages share.
    same = {key for key, text in catalogue(language).items() if text == ENGLISH[key]}
    allowed = re.compile(
        r"^(group\.[A-Z_]+\.label|world\.no|nav\.overview|data\.col\.iso3|format\..*|refresh\.how"
        r"|instrument\..*|group\.[A-Z0-9_]+\.name|kind\..*|data\.provenance|controls\.instruments"
        r"|column\.instrument|section\.objections|data\.col\.instrument|role\.member"
        r"|timeline\.table_parties|fact\.signature|column\.signed|data\.col\.signature_date"
        r"|fact\.source|data\.col\.source|column\.note|data\.col\.as_of|words\.no"
        r"|decl\.articles|decl\.kind\.notification|decl\.kind\.objection"
        r"|ui\.tab_title|ui\.print\.title|ui\.widget\.format|act\.signature"
        r"|family\.cell_title|family\.family\.palermo|family\.column\.instrument"
        r"|family\.column\.date|family\.family\.corruption|edition\.world_title|conventions\.no"
        r"|conventions\.sheet|conventions\.signature|xlsx\.sheet\.provenance|ui\.widget\.error"
        r"|menu\.label|regions\.time\.hover|regions\.time\.column\.date)$"
    )
    assert sorted(key for key in same if not allowed.match(key)) == []


def _code() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in CODE)


def _literal_keys() -> set[str]:
    prefixes = "|".join(sorted({key.split(".")[0] for key in ENGLISH}))
    return set(re.findall(rf"""["']((?:{prefixes})\.[A-Za-z0-9_.-]+)["']""", _code()))


def _dynamic_prefixes() -> set[str]:
    """``f"status.{status}"`` and the like: the key families the code builds."""
    return set(re.findall(r"""f["']([a-z_]+\.(?:[a-z_]+\.)*)\{""", _code()))


def test_every_key_the_code_asks_for_exists() -> None:
    missing = {
        key
        for key in _literal_keys()
        if key not in ENGLISH and not {f"{key}_one", f"{key}_other"} <= set(ENGLISH)
    }
    assert missing == set()


def test_every_key_is_used() -> None:
    literal, prefixes = _literal_keys(), _dynamic_prefixes()
    unused = [
        key
        for key in ENGLISH
        if key not in literal
        and re.sub(r"_(one|other)$", "", key) not in literal
        and not key.startswith(tuple(prefixes))
    ]
    assert unused == []


def test_every_key_family_the_code_builds_is_complete() -> None:
    for status in ("party", "signatory", "no_action"):
        assert f"status.{status}" in ENGLISH and f"brief.{status}" in ENGLISH
    for category in ("party", "signatory", "signatory_unverified", "no_action"):
        assert f"category.{category}" in ENGLISH
    assert "category.no_action_unverified" in ENGLISH
    for kind in ConsentKind.__args__:
        assert f"kind.{kind}" in ENGLISH
    for level in ("high", "medium", "low"):
        assert f"confidence.{level}" in ENGLISH
    for level in ("medium", "low"):
        assert f"caution.{level}" in ENGLISH
    for role in ("member", "associate", "observer"):
        assert f"role.{role}" in ENGLISH
    for method in ("compiled-reference", "untc-refresh"):
        assert f"method.{method}" in ENGLISH
    for page in ("overview", "map", "timeline", "subregions", "profile", "data"):
        assert f"nav.{page}" in ENGLISH


# --- the English catalogue and data/ say the same ------------------------------------------------


def test_instrument_names_in_english_are_the_registrys() -> None:
    for instrument in load_instruments(DATA):
        assert ENGLISH[f"instrument.{instrument.id}.title"] == instrument.title
        assert ENGLISH[f"instrument.{instrument.id}.short"] == instrument.short_title


def test_every_group_has_a_name_and_a_label_in_english_as_in_the_data() -> None:
    states = {s.iso3 for s in load_states(DATA)}
    names = {m.group_id: m.group_name for m in load_groups(DATA, states)}
    for group, name in names.items():
        assert ENGLISH[f"group.{group}.name"] == name
        assert ENGLISH[f"group.{group}.label"] == group_label(name)


def test_membership_notes_are_translated_from_the_datas_english() -> None:
    # If data/states.csv changes a note, its translations are stale: the dashboard then shows
    # the data's English (marked as a record), and this test asks for the catalogues to follow.
    for state in load_states(DATA):
        if state.count_note:
            assert ENGLISH.get(f"count_note.{state.iso3}") == state.count_note, state.iso3


# --- official titles --------------------------------------------------------------------------

OFFICIAL = {
    "es": {
        "UNTOC": "Convención de las Naciones Unidas contra la Delincuencia Organizada "
        "Transnacional",
        "TIP": "Protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente "
        "mujeres y niños, que complementa la Convención de las Naciones Unidas contra la "
        "Delincuencia Organizada Transnacional",
        "SOM": "Protocolo contra el tráfico ilícito de migrantes por tierra, mar y aire, que "
        "complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada "
        "Transnacional",
        "FIREARMS": "Protocolo contra la fabricación y el tráfico ilícitos de armas de fuego, sus "
        "piezas y componentes y municiones, que complementa la Convención de las Naciones Unidas "
        "contra la Delincuencia Organizada Transnacional",
    },
    "fr": {
        "UNTOC": "Convention des Nations Unies contre la criminalité transnationale organisée",
        "TIP": "Protocole additionnel à la Convention des Nations Unies contre la criminalité "
        "transnationale organisée visant à prévenir, réprimer et punir la traite des personnes, "
        "en particulier des femmes et des enfants",
        "SOM": "Protocole contre le trafic illicite de migrants par terre, air et mer, additionnel "
        "à la Convention des Nations Unies contre la criminalité transnationale organisée",
        "FIREARMS": "Protocole contre la fabrication et le trafic illicites d'armes à feu, de "
        "leurs pièces, éléments et munitions, additionnel à la Convention des Nations Unies "
        "contre la criminalité transnationale organisée",
    },
    "pt": {  # Brazil's promulgation decrees 5.015/2004, 5.017/2004, 5.016/2004, 5.941/2006
        "UNTOC": "Convenção das Nações Unidas contra o Crime Organizado Transnacional",
        "TIP": "Protocolo Adicional à Convenção das Nações Unidas contra o Crime Organizado "
        "Transnacional Relativo à Prevenção, Repressão e Punição do Tráfico de Pessoas, em "
        "Especial Mulheres e Crianças",
        "SOM": "Protocolo Adicional à Convenção das Nações Unidas contra o Crime Organizado "
        "Transnacional, Relativo ao Combate ao Contrabando de Migrantes por Via Terrestre, "
        "Marítima e Aérea",
        "FIREARMS": "Protocolo contra a Fabricação e o Tráfico Ilícito de Armas de Fogo, suas "
        "Peças e Componentes e Munições, complementando a Convenção das Nações Unidas contra o "
        "Crime Organizado Transnacional",
    },
}


@pytest.mark.parametrize("language", OTHERS)
def test_instruments_carry_their_official_titles(language: str) -> None:
    texts = catalogue(language)
    for instrument, title in OFFICIAL[language].items():
        assert texts[f"instrument.{instrument}.title"] == title


def test_french_puts_a_no_break_space_before_double_punctuation() -> None:
    loose = {
        key: text
        for key, text in catalogue("fr").items()
        if re.search(r"(?<=\S) [:;?!]|\w[:;?!](?=\s|$)", re.sub(r"`[^`]*`|\{[^}]*\}", "", text))
    }
    assert loose == {}


def test_the_readme_of_the_catalogues_names_its_sources() -> None:
    readme = (LOCALES_DIR / "README.md").read_text(encoding="utf-8")
    for source in ("5.015/2004", "5.941/2006", "AG/RES. 2456", "pycountry", "babel"):
        assert source in readme


def test_catalogues_are_plain_utf8_json_objects_of_strings() -> None:
    for path in LOCALES_DIR.glob("*.json"):
        texts = catalogue(path.stem)
        assert all(isinstance(v, str) for v in texts.values()), path
        assert Path(path).read_bytes().decode("utf-8")
