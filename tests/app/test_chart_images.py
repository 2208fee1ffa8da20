"""A chart saved from plotly's toolbar says what it shows, on which date, from where; its file is
named after the chart and the date, and is large enough for the whole legend."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.support.apptest import open_app
from views.text.i18n import Translator

# page -> the charts' file name stems, in the page's order
CHARTS = {
    "timeline": ["timeline", "time-to-ratify"],
    # side by side (wide screens, paper) and one above the other (phones): CSS shows one
    "subregions": ["subregions", "subregions"],
    "map": ["map"],
}


def charts(page: str, **params: str) -> list[tuple[dict, dict]]:
    app = open_app(page, **params)
    return [
        (json.loads(chart.proto.spec), json.loads(chart.proto.config or "{}"))
        for chart in app.get("plotly_chart")
    ]


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
@pytest.mark.parametrize("page", list(CHARTS))
def test_a_saved_chart_names_itself_its_date_and_its_source(page: str, language: str) -> None:
    t = Translator(language)
    found = charts(page, lang=language, as_of="2020-03-01")
    assert [c["toImageButtonOptions"]["filename"] for _, c in found] == [
        f"ratify-americas_{name}_2020-03-01" for name in CHARTS[page]
    ]
    for spec, config in found:
        options = config["toImageButtonOptions"]
        layout = spec["layout"]
        assert options["format"] == "png"
        assert options["width"] >= 1200 and options["height"] > layout["height"]
        title = layout["title"]
        assert title["text"]
        assert title["subtitle"]["text"] == t("ui.chart.source", date=t.date(date(2020, 3, 1)))


@pytest.mark.parametrize("as_of", ["2026-01-01", "2001-09-01"])
def test_the_timelines_axis_never_repeats_a_year(as_of: str) -> None:
    """Plotly spaces the ticks for the chart's width; years once they are a year or more apart,
    the month with the year below that. The axis ends on the view's date (the browser tests
    measure the drawn labels)."""
    spec, _ = charts("timeline", as_of=as_of, lang="fr")[0]
    axis = spec["layout"]["xaxis"]
    assert "dtick" not in axis and "tickformat" not in axis
    assert [(s["dtickrange"], s["value"]) for s in axis["tickformatstops"]] == [
        ([None, "M12"], "%b %Y"),
        (["M12", None], "%Y"),
    ]
    assert axis["range"][1].startswith(as_of)
