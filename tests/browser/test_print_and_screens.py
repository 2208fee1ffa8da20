"""The Timeline reads and prints whole; expanders print their content; titles, panels and the
first screen of a phone (issue #24).

Measured in the page, not assumed: the date axis's labels and range, the printed PDF's text
(``pdftotext``, poppler-utils), the boxes of the chart's title and toolbar, the page's height and
the banner's place on a 390 px phone. Expectations come from the frozen data: the Timeline's first
consent is in 2000-2001 and the Convention's "Time to ratify" reaches past ten years; Cuba's TIP
declaration opens "The Republic of Cuba declares" (tests/fixtures/data, declarations.csv).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from itertools import combinations, pairwise
from pathlib import Path

import pytest

from tests.browser.conftest import SCREENSHOTS, Watched, _watch, skip_module_without_browser
from tests.support.browser_harness import settle
from views.text.i18n import Translator

skip_module_without_browser()

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
WIDE = {"width": 1920, "height": 1080}  # a wide desktop: charts drawn wider than a sheet
# A phone's browser says so in its user agent (the server breaks chart titles into its lines).
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def screen(browser: object) -> Iterator[Callable[[dict], Watched]]:
    """A factory of watched pages at a given viewport (a phone's is touch and mobile, and its
    browser says it is a phone's)."""
    opened: list[tuple[object, Watched]] = []

    def open_at(viewport: dict) -> Watched:
        phone = viewport["width"] < 640
        agent = {"user_agent": PHONE_AGENT} if phone else {}
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, **agent)
        page = context.new_page()
        page.set_default_timeout(30_000)
        watched = Watched(page, screenshot_taken=True)
        _watch(context, watched)
        opened.append((context, watched))
        return watched

    yield open_at
    for context, watched in opened:
        context.close()
        assert watched.outside_requests == [], "requests left 127.0.0.1"
        assert watched.console_errors == [], "the browser console shows errors"


def _open(watched: Watched, url: str, ready: str) -> None:
    watched.page.goto(url)
    watched.page.locator(ready).first.wait_for(state="attached")
    settle(watched.page)


def _pdf_text(watched: Watched, tmp_path: Path, name: str) -> str:
    """The page printed by Chromium (A4, as a reader prints it: no media emulated first), as
    pdftotext reads it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext: apt-get install poppler-utils")
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(watched.page.pdf(format="A4"))
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


# The first chart's date axis: its range, and each tick label's box against the others, the
# figure and the legend.
DATE_AXIS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const box = (e) => { const r = e.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  const labels = [...plot.querySelectorAll('.xaxislayer-above .xtick text')]
    .map(e => ({text: e.textContent, ...box(e)}));
  const legend = plot.querySelector('.legend');
  return {range: plot._fullLayout.xaxis.range, labels, figure: box(plot),
          legend: legend ? box(legend) : null};
}"""


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"] - 1
        and b["left"] < a["right"] - 1
        and a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
    )


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("en", DESKTOP), ("es", DESKTOP), ("fr", DESKTOP), ("pt", DESKTOP), ("es", PHONE)],
)
def test_the_timeline_axis_ends_at_the_views_date_with_whole_labels(
    screen: Callable[[dict], Watched], app_url: str, language: str, viewport: dict
) -> None:
    """Before: labels a year apart stood on end, cut to "200"/"201" under the legend; the range
    ran on to 2030-2035 in Spanish and French, to about 2070 on a phone."""
    watched = screen(viewport)
    for as_of in (None, date(2009, 6, 4)):
        query = f"?lang={language}" + (f"&as_of={as_of}" if as_of else "")
        _open(watched, f"{app_url}/timeline{query}", ".js-plotly-plot .scatterlayer")
        axis = watched.page.evaluate(DATE_AXIS)
        last = (as_of or date.today()).year
        assert int(str(axis["range"][1])[:4]) <= last + 1, (query, axis["range"])
        labels = axis["labels"]
        assert len(labels) >= 2, query
        for label in labels:
            # a whole year, lying flat, inside the figure, clear of the legend
            assert re.search(r"\b(19|20)\d\d$", label["text"]), (query, label["text"])
            assert label["right"] - label["left"] > label["bottom"] - label["top"], label
            assert axis["figure"]["left"] - 1 <= label["left"], label
            assert label["right"] <= axis["figure"]["right"] + 1, label
            assert not (axis["legend"] and _overlap(label, axis["legend"])), label
        for one, other in pairwise(labels):
            assert not _overlap(one, other), (one, other)
    watched.page.screenshot(path=SCREENSHOTS / f"timeline-axis-{language}-{viewport['width']}.png")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_timeline_prints_whole_from_a_wide_screen(
    screen: Callable[[dict], Watched], app_url: str, language: str, tmp_path: Path
) -> None:
    """Before: a chart drawn for a wide screen was cut at the sheet's edge, the Timeline at about
    2018 and "Time to ratify" at 5 years with its axis title gone."""
    t = Translator(language)
    watched = screen(WIDE)
    _open(watched, f"{app_url}/timeline?lang={language}", ".js-plotly-plot .scatterlayer")
    text = _pdf_text(watched, tmp_path, f"timeline-{language}")
    years = set(re.findall(r"\b20\d\d\b", text))
    assert "2025" in years  # the axis's last labels (5 years apart on the sheet)
    assert t("timeline.time_to_ratify") in text
    # the right end of "Time to ratify": its axis's title, drawn right-aligned under the plot
    assert t("chart.ratify_axis") in text
    # and back on screen, the chart is as it was
    assert watched.page.locator(".svg-container.print-fit").count() == 0


def test_closed_expanders_print_their_content(
    screen: Callable[[dict], Watched], app_url: str, tmp_path: Path
) -> None:
    """Before: a printed profile had its declarations as closed, empty boxes. An expander drawn
    only once opened ("Cite this view") has nothing to print and is left out."""
    t = Translator("en")
    watched = screen(DESKTOP)
    _open(watched, f"{app_url}/profile?state=CUB", "table.facts")
    text = " ".join(_pdf_text(watched, tmp_path, "profile-cub").split())
    cuba = "The Republic of Cuba declares that, in accordance with the provisions of Article 15"
    assert cuba in text
    assert t("cite.title") not in text


def test_the_chart_titles_are_clear_of_the_toolbar(
    screen: Callable[[dict], Watched], app_url: str
) -> None:
    """Before: on a phone (and for a long title) the title sat under plotly's toolbar."""
    for viewport, path in ((DESKTOP, "map"), (PHONE, "map?lang=es"), (PHONE, "timeline")):
        watched = screen(viewport)
        _open(watched, f"{app_url}/{path}", ".js-plotly-plot .main-svg")
        chart = watched.page.locator(".js-plotly-plot").first
        chart.scroll_into_view_if_needed()
        chart.hover()
        bar = watched.page.locator(".js-plotly-plot .modebar").first
        bar.wait_for(state="visible")
        boxes = chart.evaluate(
            """(plot) => [plot.querySelector('.modebar'), plot.querySelector('.gtitle')]
                 .map(e => { const r = e.getBoundingClientRect();
                   return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"""
        )
        assert not _overlap(*boxes), (path, viewport, boxes)
        name = path.split("?")[0]
        watched.page.screenshot(path=SCREENSHOTS / f"toolbar-{name}-{viewport['width']}.png")


GAP = 8  # pixels between two texts that a reader reads apart
# Every text of every chart on the page (titles, source lines, axis titles, legends, notes), as
# [its class, its start, its end, the chart's left and right edges, its top, its bottom] on the
# screen.
CHART_TEXTS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
  const chart = plot.querySelector('.main-svg').getBoundingClientRect();
  return [...plot.querySelectorAll('.infolayer text, .xtitle, .ytitle')].map(e => {
    const r = e.getBoundingClientRect();
    return [e.getAttribute('class'), r.left, r.right, chart.left, chart.right, r.top, r.bottom];
  });
})"""


@pytest.mark.parametrize(
    "path", ["world?lang=es", "timeline?lang=es", "map?lang=fr", "subregions?lang=pt"]
)
def test_a_phones_chart_texts_fit_its_width(
    screen: Callable[[dict], Watched], app_url: str, path: str
) -> None:
    """Before: plotly never wraps a text, so on a phone long titles, source lines and axis titles
    ran off the right edge ("Convención de Palermo: situación de los Estados m")."""
    watched = screen(PHONE)
    _open(watched, f"{app_url}/{path}", ".js-plotly-plot .main-svg")
    texts = watched.page.evaluate(CHART_TEXTS)
    assert {"gtitle", "gtitle-subtitle"} <= {name for name, *_ in texts}
    outside = [t for t in texts if t[1] < t[3] - 1 or t[2] > t[4] + 1]
    assert outside == [], path
    # the side titles of stacked panels (the World page's regions over time) stay apart, a
    # gap between them (before, the lower one ran on to the end of the upper one: 1 px apart)
    side_titles = [t for t in texts if re.fullmatch(r"y\d*title", t[0])]
    for one, other in combinations(side_titles, 2):
        assert one[6] + GAP <= other[5] or other[6] + GAP <= one[5], (path, one, other)
    name = path.split("?")[0]
    watched.page.screenshot(path=SCREENSHOTS / f"phone-chart-texts-{name}.png", full_page=True)


def test_a_phones_titles_do_not_reach_a_desktop_reader_of_the_same_view(
    screen: Callable[[dict], Watched], app_url: str
) -> None:
    """The regions over time are made once per view for every reader (page_model): made first
    for a phone, their broken title must not be what a desktop reader of that view gets."""
    url = f"{app_url}/world?lang=es&as_of=2019-06-30"  # a view no other test opens
    lines = """() => [...document.querySelectorAll('.js-plotly-plot')].map(
      plot => plot.querySelectorAll('.gtitle tspan.line').length)"""
    counts = {}
    for viewport in (PHONE, DESKTOP):
        watched = screen(viewport)
        _open(watched, url, ".js-plotly-plot .main-svg")
        watched.page.locator(".js-plotly-plot").nth(2).wait_for(state="attached")
        counts[viewport["width"]] = watched.page.evaluate(lines)
    assert len(counts[390]) == len(counts[1366]) == 3
    assert min(counts[390]) >= 2  # every title in lines on the phone
    assert counts[1366] == [0, 0, 0]  # one line each on the desktop


# The shown chart's panels (each instrument's bars with their "5/5" labels) and their titles
# (annotations), as boxes on the screen.
PANELS = """() => {
  const chart = [...document.querySelectorAll('.stPlotlyChart')]
    .find(e => e.offsetParent !== null);
  const box = (e) => { const r = e.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  return {panels: [...chart.querySelectorAll('.barlayer .trace')].map(box),
          titles: [...chart.querySelectorAll('.infolayer .annotation')].map(box),
          width: chart.getBoundingClientRect().width};
}"""


def test_the_subregion_panels_do_not_overlap(
    screen: Callable[[dict], Watched], app_url: str
) -> None:
    """Before: on a phone the four panels side by side had about 50 px each, and their titles,
    ticks and labels ran into each other. Four instruments, four panels, four titles."""
    for viewport in (PHONE, DESKTOP):
        watched = screen(viewport)
        _open(watched, f"{app_url}/subregions?lang=fr", ".js-plotly-plot .barlayer")
        shown = watched.page.evaluate(PANELS)
        assert len(shown["panels"]) == 4 and len(shown["titles"]) == 4, viewport
        for kind in ("panels", "titles"):
            for one, other in combinations(shown[kind], 2):
                assert not _overlap(one, other), (viewport, kind, one, other)
        for title in shown["titles"]:
            assert not any(_overlap(title, panel) for panel in shown["panels"]), title
        for title in shown["titles"]:
            assert title["right"] - title["left"] < shown["width"], title
        watched.page.screenshot(path=SCREENSHOTS / f"subregions-{viewport['width']}.png")


def test_the_bare_profile_is_a_short_chooser(
    screen: Callable[[dict], Watched], app_url: str
) -> None:
    """Before: with no state chosen the profile listed every state's standing, 10,215 px on a
    phone. Now: the chooser, a sentence and the 35 names, each a link to its profile."""
    for viewport, bound in ((PHONE, 2600), (DESKTOP, 1400)):
        watched = screen(viewport)
        _open(watched, f"{app_url}/profile?lang=es", "ul.state-index")
        height = watched.page.evaluate(
            "document.querySelector('[data-testid=stMain]').scrollHeight"
        )
        assert height < bound, (viewport, height)
        links = watched.page.locator("ul.state-index a")
        assert links.count() == 35
        assert "state=BRA" in (links.filter(has_text="Brasil").get_attribute("href") or "")
        watched.page.screenshot(path=SCREENSHOTS / f"profile-bare-{viewport['width']}.png")


def test_a_spanish_reader_on_a_phone_sees_the_answer_first(
    screen: Callable[[dict], Watched], app_url: str
) -> None:
    """The age banner ends high on the first screen; the page's title and its first figure are
    on it too (before: the banner and its command filled the screen)."""
    watched = screen(PHONE)
    for path, figure in (("", "[data-testid=stMetric]"), ("timeline", ".js-plotly-plot")):
        _open(watched, f"{app_url}/{path}?lang=es", figure)
        place = watched.page.evaluate(
            """(figure) => {
              const main = document.querySelector('[data-testid=stMain]');
              const bottom = (s) => main.querySelector(s).getBoundingClientRect().bottom;
              return {banner: bottom('[data-testid=stAlert]'), title: bottom('h1'),
                      figure: main.querySelector(figure).getBoundingClientRect().top};
            }""",
            figure,
        )
        assert place["banner"] < 390, (path, place)
        assert place["title"] < PHONE["height"], (path, place)
        assert place["figure"] < PHONE["height"] - 100, (path, place)
        watched.page.screenshot(path=SCREENSHOTS / f"phone-first-screen-{path or 'overview'}.png")
