"""Wording a reader trips on: a gain of nought, a group of none, "none" in the right gender."""

from __future__ import annotations

import json

import pytest
from streamlit.proto.Metric_pb2 import Metric

from tests.support.apptest import open_app, texts
from views.text.i18n import Translator


def test_no_change_since_2009_is_said_without_an_arrow() -> None:
    # A day after the resolution nobody had acted yet: no "↑ +0".
    app = open_app(instrument="UNTOC", as_of="2009-06-05")
    metric = app.metric[0]
    assert metric.delta == "no change since 4 June 2009"
    assert "+0" not in metric.delta
    assert metric.proto.direction == Metric.NONE


def test_a_change_keeps_its_arrow() -> None:
    app = open_app(instrument="UNTOC", as_of="2020-01-01")
    metric = app.metric[0]
    assert metric.delta.startswith("+") and metric.delta.endswith("since 4 June 2009")
    assert metric.proto.direction == Metric.UP


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "no OAS member state in CELAC (membership on that date)"),
        ("es", "ningún Estado miembro de la OEA en CELAC"),
        ("fr", "aucun État membre de l'OEA dans CELAC"),
    ],
)
def test_a_group_with_no_members_on_the_date_is_no_state_not_the_0(
    language: str, said: str
) -> None:
    app = open_app(group="CELAC", as_of="2010-01-01", lang=language)  # CELAC: December 2011
    intro = app.markdown[0].value
    assert said in intro
    assert " 0 " not in intro


@pytest.mark.parametrize(
    ("language", "signature", "consent"),
    [("es", "ninguna", "ninguno"), ("pt", "nenhuma", "nenhum"), ("fr", "aucune", "aucun")],
)
def test_none_agrees_with_signature_and_consent(
    language: str, signature: str, consent: str
) -> None:
    # Colombia never signed nor joined the Smuggling Protocol in the frozen data.
    said = texts(open_app("profile", state="COL", instrument="SOM", lang=language))
    assert f">{signature}</td>" in said
    assert f">{consent}</td>" in said


@pytest.mark.parametrize(
    ("language", "none"), [("es", "ninguno"), ("pt", "nenhum"), ("fr", "aucun")]
)
def test_none_agrees_with_members_in_the_subregions_hover(language: str, none: str) -> None:
    app = open_app("subregions", lang=language, instrument="UNTOC", as_of="2020-01-01")
    hovers = [
        text
        for chart in app.get("plotly_chart")
        for trace in json.loads(chart.proto.spec)["data"]
        for text in trace.get("hovertext") or []
    ]
    assert any(text.endswith(f": {none}") for text in hovers), hovers[:3]


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_each_download_says_what_it_holds(language: str) -> None:
    app = open_app("data", lang=language, instrument="TIP")
    t = Translator(language)
    helps = {b.proto.label: b.proto.help for b in app.get("download_button")}
    assert "`.venv/bin/python -m loaders export`" in helps[t("data.download")]
    assert "JSON" in helps[t("data.metadata")]


def test_every_command_shown_runs_outside_the_virtual_environment() -> None:
    """A bare ``python -m loaders`` fails outside .venv: the app shows the venv's Python."""
    data = texts(open_app("data", instrument="TIP"))
    reservations = open_app("reservations", instrument="TIP")
    helps = [b.proto.help for b in reservations.get("download_button")]
    assert ".venv/bin/python -m loaders export --as-of" in data
    assert "`.venv/bin/python -m loaders refresh`" in data
    assert any("`.venv/bin/python -m loaders declarations`" in h for h in helps)
    for said in [data, *helps]:
        bare = said.replace(".venv/bin/python -m loaders", "")
        assert "python -m loaders" not in bare


@pytest.mark.parametrize(
    ("language", "said"),
    [("es", "Traducción nuestra"), ("pt", "Tradução nossa"), ("fr", "Notre traduction")],
)
def test_paragraph_6_says_it_is_our_translation(language: str, said: str) -> None:
    app = open_app(lang=language)
    assert any(said in caption.value for caption in app.caption)
