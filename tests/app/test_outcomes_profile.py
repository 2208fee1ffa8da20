"""The State profile's section on what followed ratification, in the four languages. Expectations
from the frozen reference files: the United States ratified the Convention and the Trafficking
Protocol on 3 November 2005 (day 307 of the year) and UNODC publishes 16,390 detected victims for
2022; Dominica reports nothing; Saint Lucia was urged in 2011 and acceded on 16 July 2013."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from tests.support.apptest import open_app, texts
from views.text.i18n import translate


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_the_series_with_the_ratification_marked_and_the_caveats(language: str) -> None:
    app = open_app("profile", state="USA", lang=language)
    said = texts(app)
    for key in ("outcomes.caveat_prevalence", "outcomes.caveat_comparison"):
        assert translate(language, key) in said
    charts = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    assert len(charts) == 5  # one per series the United States reports
    victims = charts[0]
    assert (victims["data"][0]["x"][-1], victims["data"][0]["y"][-1]) == (2022, 16390)
    (line,) = victims["layout"]["shapes"]  # the Convention and the Protocol share the day
    assert line["x0"] == pytest.approx(2005 + 306 / 366)
    # One neutral colour for every bar: no colour scale.
    assert {json.dumps(c["data"][0]["marker"]["color"]) for c in charts} == {'"#4a6785"'}


def test_deposits_close_together_have_their_labels_apart() -> None:
    # Bolivia (reference/palermo_oas_status.csv): the Convention on 10 October 2005, the
    # Trafficking Protocol on 18 May 2006, Smuggling of Migrants and Firearms later. Labels of
    # deposits under 4 years apart sit on rows one below the other; all under the toolbar's band.
    app = open_app("profile", state="BOL", lang="es")
    layout = json.loads(app.get("plotly_chart")[0].proto.spec)["layout"]
    marks = sorted((a["x"], a.get("yshift", 0)) for a in layout["annotations"])
    # day 283 of 2005 and day 138 of 2006
    assert [x for x, _ in marks[:2]] == [
        pytest.approx(2005 + 282 / 366),
        pytest.approx(2006 + 137 / 366),
    ]
    assert marks[0][1] == 0 and marks[1][1] < 0
    for (x, shift), (next_x, next_shift) in pairwise(marks):
        assert next_x - x >= 4 or next_shift != shift
    assert layout["margin"]["t"] >= 30


def test_a_state_that_reports_nothing_says_so() -> None:
    app = open_app("profile", state="DMA", lang="es")
    assert not app.get("plotly_chart")
    assert translate("es", "outcomes.reports_nothing", state="Dominica") in texts(app)


def test_the_recommendation_shows_with_what_followed() -> None:
    said = texts(open_app("profile", state="LCA"))
    assert (
        "2011, Canada (to be considered) — Trafficking in Persons Protocol: recommended in 2011, "
        "party since 16 July 2013"
    ) in said
    assert "89.27 Ratify the United Nations Protocol" in said  # the record, in its English
    assert "AG/RES. 2456 (XXXIX-O/09)" in said and "paragraph 6" in said
