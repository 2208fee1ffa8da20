"""Every page in Spanish, Portuguese and French, through AppTest: no interface word in English.

What a page says is gathered from every element Streamlit would send to the browser: markdown,
captions, alerts, HTML tables (and their tooltips), widget labels, options, help and placeholders,
metrics, buttons, expanders, the column headings and coded values of tables, and the words plotly
draws (trace names, hover texts, annotations, axis titles and ticks). Left out, as the pages mark
them: quoted source records in English (``lang="en"``), code spans (commands, link parameters,
codes) and addresses.

The English words looked for are those of the English catalogue that the language's own catalogue
does not use (so "Instrument" in French or "Data" in Portuguese are not mistaken for English),
less a few names that stay in every language.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from loaders.derive.views import status_view
from loaders.export import csv_bytes, export_table
from loaders.store.dataset import Dataset
from tests.support.apptest import APP, TIMEOUT, open_app
from tests.support.words import english_words, visible_words
from views.text.i18n import LANGUAGES, catalogue

OTHERS = [lang for lang in LANGUAGES if lang != "en"]
# The words a reader meets are read from these fields of the elements.
TEXT_FIELDS = {"body", "label", "help", "placeholder", "delta", "content"}

# page -> link parameters: every page, and the states of them that say something else.
VIEWS = [
    ("overview", {}),
    ("overview", {"as_of": "2005-01-01", "instrument": "UNTOC"}),
    ("overview", {"instrument": "TIP", "group": "MERCOSUR"}),
    ("overview", {"group": "RIO", "as_of": "2020-01-01"}),
    ("overview", {"as_of": "2009-13-45", "instrument": "FOO", "group": "NOPE", "colour": "red"}),
    ("overview", {"as_of": "1999-01-01"}),
    ("map", {"instrument": "FIREARMS"}),
    ("map", {"instrument": ["UNTOC", "SOM"], "group": "CARICOM"}),
    ("timeline", {}),
    ("timeline", {"group": "RIO", "as_of": "2020-01-01"}),
    ("subregions", {"as_of": "2021-01-01"}),
    ("subregions", {"group": "RIO", "as_of": "2020-01-01"}),
    ("profile", {"state": "CAN", "instrument": "FIREARMS"}),
    ("profile", {"state": "CUB"}),
    ("profile", {"state": "VEN"}),  # suspended from MERCOSUR, with declarations texts
    ("profile", {"state": "BOL", "instrument": "SOM"}),  # a step at home
    ("profile", {"state": "BRB", "as_of": "2005-01-01"}),
    ("profile", {}),
    ("profile", {"state": "XXX"}),
    ("reservations", {}),
    ("family", {}),
    ("family", {"group": "CARICOM", "as_of": "2009-06-04"}),
    ("world", {"instrument": "FIREARMS"}),
    ("world", {"instrument": "SOM", "as_of": "2009-06-04"}),
    ("world", {"instrument": "TIP", "as_of": "2016-01-01"}),
    ("changes", {"instrument": "FIREARMS"}),
    ("reservations", {"group": "CARICOM", "instrument": "UNTOC"}),
    ("data", {"instrument": "TIP", "group": "MERCOSUR"}),
    ("data", {"group": "RIO", "as_of": "2020-01-01"}),
]


# --- what a page says ----------------------------------------------------------------------------


def _nodes(node: object) -> Iterator[object]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def _fields(value: object) -> Iterator[str]:
    """The reader-facing strings of a proto as a dict (labels, bodies, options...)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in TEXT_FIELDS and isinstance(item, str):
                yield item
            elif key == "options" and isinstance(item, list):
                yield from (o if isinstance(o, str) else o.get("content", "") for o in item)
            elif isinstance(item, dict | list):
                yield from _fields(item)
    elif isinstance(value, list):
        for item in value:
            yield from _fields(item)


def _plotly(spec: dict) -> Iterator[str]:
    for trace in spec.get("data", []):
        shown = ("name", "text", "hovertext", "hovertemplate")
        # customdata is shown only where the hover template says so (the map keeps codes there)
        if "%{customdata" in (trace.get("hovertemplate") or ""):
            shown += ("customdata",)
        for key in shown:
            value = trace.get(key)
            values = value if isinstance(value, list) else [value]
            yield from (v for v in values if isinstance(v, str))
    layout = spec.get("layout", {})
    title = layout.get("title") or {}
    yield title.get("text") or ""
    yield (title.get("subtitle") or {}).get("text") or ""
    for annotation in layout.get("annotations", []):
        yield annotation.get("text", "")
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            yield (axis.get("title") or {}).get("text") or ""
            yield from (str(v) for v in axis.get("ticktext", []))


def _dataframe(node: object, proto: dict) -> Iterator[str]:
    config = json.loads(proto.get("columns") or "{}")
    for column in node.value.columns:
        settings = config.get(str(column), {})
        yield settings.get("label") or str(column)
        yield settings.get("help", "")
        for option in settings.get("type_config", {}).get("options", []):
            yield option.get("label", "")


def page_texts(app: AppTest) -> list[str]:
    """Every string of the rendered page a reader can meet, as the elements carry it."""
    texts: list[str] = []
    for node in _nodes(app._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        kind = getattr(node, "type", "")
        fields = MessageToDict(proto)
        if kind == "plotly_chart":
            texts += _plotly(json.loads(fields["spec"]))
        elif kind == "dataframe":
            texts += _dataframe(node, fields)
        else:
            texts += _fields(fields)
    # The language picker names each language in itself: "English" is not an English word there.
    return [t for t in texts if t and t not in LANGUAGES.values()]


def english_in(app: AppTest, language: str) -> list[str]:
    """English words on the page, each with the text it was found in."""
    english = english_words(language)
    found = []
    for text in page_texts(app):
        hits = sorted({w for w in visible_words(text) if w.casefold() in english})
        if hits:
            found.append(f"{hits} in {text[:160]!r}")
    return found


# --- the tests ---------------------------------------------------------------------------------


def test_the_english_word_lists_hold_the_common_interface_words() -> None:
    for language in OTHERS:
        words = english_words(language)
        for word in ("party", "signed", "state", "since", "not", "the", "and", "of", "status"):
            assert word in words, (language, word)
        # Brazil says "download" too ("O download é..."); Spanish and French do not.
        assert ("download" in words) == (language != "pt")
        assert "untc" not in words


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize(("page", "params"), VIEWS)
def test_no_interface_word_in_english(language: str, page: str, params: dict) -> None:
    app = open_app(page, opened=True, lang=language, **params)
    assert english_in(app, language) == []


@pytest.mark.parametrize("language", OTHERS)
def test_the_english_page_would_be_caught(language: str) -> None:
    # The check itself: the same page in English is full of what it looks for.
    assert len(english_in(open_app("overview", lang="en"), language)) > 10


@pytest.mark.parametrize("language", OTHERS)
def test_a_damaged_snapshot_is_reported_in_the_language(language: str, data_copy: Path) -> None:
    snapshots = data_copy / "snapshots"
    current = snapshots / (snapshots / "CURRENT").read_text().strip()
    shutil.copytree(current, snapshots / "20000101T000000000000Z-reference")
    previous = json.loads((current / "metadata.json").read_text())["previous"]
    (current / "status.csv").write_text("damaged\n")
    app = open_app(lang=language)
    warning = app.warning[0].value
    assert previous in warning  # the newest good one, not the older copy
    assert warning.startswith(f"**{catalogue(language)['banner.fallback'].split('**')[1]}**")
    assert english_in(app, language) == []


@pytest.mark.parametrize("language", OTHERS)
def test_missing_data_is_an_error_in_the_language(language: str, data_copy: Path) -> None:
    shutil.rmtree(data_copy / "snapshots")
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["lang"] = language
    app.run()
    assert not app.exception
    assert ".venv/bin/python -m loaders restore" in app.error[0].value
    assert english_in(app, language) == []


# --- the language: chosen, kept in the link, defaulting to the browser's --------------------------


def _session(locale: str | None = None, **params: str) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.context["locale"] = locale
    app.query_params.update(params)
    return app.run()


@pytest.mark.parametrize(
    ("locale", "language", "title"),
    [
        ("es-AR", "es", "Párrafo 6: ¿quién ha respondido al llamado?"),
        ("pt-BR", "pt", "Parágrafo 6: quem respondeu ao apelo?"),
        ("fr-CA", "fr", "Paragraphe 6\u00a0: qui a répondu à l'appel\u00a0?"),
        ("de-DE", "en", "Paragraph 6: who has answered the call?"),
        (None, "en", "Paragraph 6: who has answered the call?"),
    ],
)
def test_the_browsers_language_is_the_default(locale: str | None, language: str, title: str):
    app = _session(locale)
    assert app.title[0].value == title
    assert app.sidebar.selectbox[0].value == language
    assert "lang" not in app.query_params  # a default stays out of the link


def test_the_links_language_wins_over_the_browsers_and_stays_in_the_link() -> None:
    app = _session("fr-FR", lang="pt-BR", instrument="TIP")
    assert app.sidebar.selectbox[0].value == "pt"
    assert app.query_params == {"instrument": "TIP", "lang": "pt"}
    assert app.title[0].value.startswith("Parágrafo 6")


def test_a_bad_language_is_ignored_with_a_note_in_the_browsers_language() -> None:
    app = _session("es-MX", lang="klingon", group="SICA")
    assert app.sidebar.selectbox[0].value == "es"
    note = app.info[0].value
    assert "`lang=`klingon" in note and note.startswith("Se ignoró")
    assert app.query_params == {"group": "SICA"}


def test_switching_the_language_keeps_every_other_choice() -> None:
    app = open_app(
        "profile", instrument=["TIP", "FIREARMS"], as_of="2015-03-01", group="CAN", state="PER"
    )
    assert app.title[0].value == "Peru"
    app.sidebar.selectbox[0].set_value("fr").run()
    assert app.title[0].value == "Pérou"
    assert app.main.selectbox[0].value == "PER"
    assert app.query_params == {
        "instrument": ["TIP", "FIREARMS"],
        "as_of": "2015-03-01",
        "group": "CAN",
        "lang": "fr",
        "state": "PER",
    }
    assert app.sidebar.pills[0].value == ["TIP", "FIREARMS"]
    assert app.session_state["ctl_as_of"] == date(2015, 3, 1)
    assert app.sidebar.multiselect[0].value == ["CAN"]
    # the other pages keep the language, and the links they make carry it
    app.switch_page("pages/overview.py").run()
    assert app.title[0].value.startswith("Paragraphe 6")
    assert (
        "profile?instrument=TIP&amp;instrument=FIREARMS&amp;as_of=2015-03-01&amp;group=CAN"
        "&amp;lang=fr&amp;state=" in "".join(e.proto.body for e in app.get("html"))
    )


def test_notes_on_the_link_follow_the_language() -> None:
    app = open_app(instrument="FOO")
    assert app.info[0].value.startswith("Ignored `instrument=`FOO")
    app.sidebar.selectbox[0].set_value("pt").run()
    assert app.info[0].value.startswith("`instrument=`FOO do link foi ignorado")


# --- what is written in each language -----------------------------------------------------------


def test_dates_and_numbers_follow_the_language() -> None:
    app = open_app("profile", lang="fr", state="BRA", instrument="TIP", as_of="2011-06-01")
    said = "\n".join(page_texts(app))
    assert "Partie depuis le 29 janvier 2004 (ratification)" in said
    assert "Situation au **1er juin 2011**" in said
    assert "3,1 ans (1\u202f143 jours) depuis l&#x27;ouverture à la signature" in said
    app = open_app("timeline", lang="pt", instrument="TIP")
    said = "\n".join(page_texts(app))
    assert "| Tráfico de pessoas | 28 | **35** |" in said
    assert "Mediana: Tráfico de pessoas **3,8 anos**." in said


def test_states_and_groups_have_their_names_in_the_language() -> None:
    said = "\n".join(page_texts(open_app("subregions", lang="es", instrument="FIREARMS")))
    assert "América septentrional (M49 de la ONU)" in said
    # Canada verified through "2024", the United States through "2022-02" (palermo_oas_status)
    assert (
        "No son parte: Canadá (verificado en 2024), Estados Unidos (verificado en febrero de 2022)"
        in said
    )
    said = "\n".join(page_texts(open_app("overview", lang="pt", group="MERCOSUR")))
    assert "os 5 Estados membros da OEA em MERCOSUL" in said  # Venezuela suspended since 2016
    app = open_app("profile", lang="fr")
    names = app.main.selectbox[0].options
    # in the reader's alphabetical order: États-Unis among the E's, not after the Z's
    assert names.index("Équateur") < names.index("États-Unis") < names.index("Grenade")


def test_source_records_stay_english_and_say_so() -> None:
    app = open_app("profile", lang="es", state="CAN", instrument="FIREARMS")
    said = "\n".join(page_texts(app))
    assert "<th>Fuente (registro en inglés)</th>" in said
    assert re.search(
        r'<td class="source" lang="en" data-label="[^"]+">'
        r"signature only in the UNTC status feed \(2014\)",
        said,
    )
    assert "Registro y fuente (en inglés)" in said


@pytest.mark.parametrize("language", OTHERS)
def test_the_csv_keeps_its_codes_and_adds_the_states_name(
    language: str, downloads: dict[str, bytes], dataset: Dataset
) -> None:
    open_app("data", lang=language, instrument="TIP", group="MERCOSUR", as_of="2009-06-04")
    day = date(2009, 6, 4)
    expected = export_table(status_view(dataset, day, ["TIP"], ["MERCOSUR"]), day, language)
    content = downloads["ratify-americas_2009-06-04_TIP_MERCOSUR.csv"]
    assert content == b"\xef\xbb\xbf" + csv_bytes(expected)  # a spreadsheet reads it as UTF-8
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    # every English column (domestic_step last among them), then the state's name
    assert header[:-1] == list(export_table(status_view(dataset, day, ["TIP"]), day).columns)
    assert header[-1] == f"state_{language}"
    assert "party" in content.decode()  # codes, not words


@pytest.mark.parametrize("language", OTHERS)
def test_the_tables_cells_are_words_where_the_file_has_codes(language: str) -> None:
    """The grid's cells are what a screen reader reads (its accessible table holds the values,
    not a formatted label): the coded columns hold the reader's words, as on the canvas."""
    app = open_app("data", lang=language, instrument="FIREARMS")
    shown = app.dataframe[0].value
    english = english_words(language)
    for column in ("instrument", "status", "status_verified", "kind_inferred", "confidence"):
        for value in shown[column].astype(str).unique():
            words = {w.casefold() for w in visible_words(value)} | {value.casefold()}
            assert not words & (english | {"firearms", "no_action", "true", "false"}), (
                column,
                value,
            )
