"""The dashboard in a real browser: every page renders, and what readers do works.

Open every page, change the filters, share the link, click the map, download the CSV; each test
also fails on any request that leaves 127.0.0.1 and on any console error (see conftest.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from loaders.derive.views import status_view
from loaders.export import csv_bytes, export_table
from loaders.store.dataset import Dataset
from tests.browser.conftest import Watched, skip_module_without_browser
from tests.support.browser_harness import (
    MENU_LINKS,
    ROOT,
    RUN_SCRIPT,
    VIEWPORT,
    menu_names,
    open_from_menu,
    settle,
    start_app,
    stop_app,
)
from tests.support.deprecations import deprecation_lines

skip_module_without_browser()

# page path and query -> (a heading the page shows, a selector of its main element)
BOM = b"\xef\xbb\xbf"  # UTF-8's byte-order mark
PAGES = {
    "overview_default": (
        "/",
        "Paragraph 6: who has answered the call?",
        "[data-testid=stMetric]",
    ),
    "overview": (
        "/?instrument=FIREARMS",
        "Paragraph 6: who has answered the call?",
        "[data-testid=stMetric]",
    ),
    "map": ("/map?instrument=FIREARMS", "Map", "path.choroplethlocation"),
    "timeline": ("/timeline", "Timeline", ".js-plotly-plot .scatterlayer"),
    "subregions": ("/subregions", "Subregions side by side", ".js-plotly-plot"),
    "profile": ("/profile?state=BRA", "Brazil", "table.facts"),
    "profile_all_states": (
        "/profile?instrument=SOM&instrument=FIREARMS",
        "State profile",
        "ul.state-index",
    ),
    "family": ("/family?group=CARICOM", "The treaty family", "table.family"),
    "world": ("/world?instrument=FIREARMS", "The Americas in the world", "path.choroplethlocation"),
    "reservations": (
        "/reservations?instrument=TIP",
        "Declarations and reservations",
        "[data-testid=stDataFrame]",
    ),
    "data": ("/data?instrument=TIP&group=MERCOSUR", "Data", "[data-testid=stDataFrame]"),
}


def open_page(watched: Watched, url: str, heading: str) -> None:
    """Open ``url`` and wait until the page's heading and the sidebar controls are there."""
    page = watched.page
    page.goto(url)
    page.get_by_role("heading", name=heading).first.wait_for()
    page.get_by_text("Status on", exact=True).wait_for()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders(watched: Watched, app_url: str, name: str) -> None:
    path, heading, main = PAGES[name]
    open_page(watched, app_url + path, heading)
    watched.page.locator(main).first.wait_for(state="attached")
    # the source line under every page
    # the footer (the print-only header says it too)
    watched.page.get_by_text("Source: UN Treaty Collection").last.wait_for()


def wait_until_shown(watched: Watched, url: str, heading: str) -> None:
    watched.page.goto(url)
    watched.page.get_by_role("heading", name=heading).first.wait_for()
    settle(watched.page)


def test_filters_change_the_view_and_the_link(watched: Watched, app_url: str) -> None:
    page = watched.page
    wait_until_shown(watched, app_url + "/", "Paragraph 6: who has answered the call?")
    assert page.locator("[data-testid=stMetric]").count() == 4

    page.get_by_role("button", name="Firearms", exact=True).click()
    page.wait_for_url(re.compile(r"\?instrument=FIREARMS$"))
    settle(page)
    assert page.locator("[data-testid=stMetric]").count() == 1
    page.get_by_text("Firearms Protocol: 6 of 35 not party").wait_for()

    page.get_by_role("combobox", name="Subregions and groups").click()
    page.keyboard.type("MERCOSUR")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # close the list, as a reader would by clicking elsewhere
    page.wait_for_url(re.compile(r"instrument=FIREARMS&group=MERCOSUR"))
    settle(page)
    # MERCOSUR's full members today (groups.csv): the four founders and Bolivia (from
    # 7 August 2024), all party to the Firearms Protocol; Venezuela is suspended since 2016.
    page.get_by_text("all 5 are party").wait_for()

    page.get_by_role("button", name="4 June 2009").click()
    page.wait_for_url(re.compile(r"as_of=2009-06-04"))
    settle(page)
    page.get_by_text("No state in this view became party after 4 June 2009").wait_for()

    # The choice follows the reader to another page, and the link says so.
    open_from_menu(page, "Data")
    page.get_by_role("heading", name="Data").wait_for()
    page.wait_for_url(re.compile(r"/data\?instrument=FIREARMS&as_of=2009-06-04&group=MERCOSUR$"))
    page.get_by_text(
        ".venv/bin/python -m loaders export --as-of 2009-06-04 --instrument FIREARMS"
    ).wait_for()


def test_map_click_opens_the_state_profile(
    watched: Watched, app_url: str, dataset: Dataset
) -> None:
    page = watched.page
    wait_until_shown(watched, app_url + "/map?instrument=FIREARMS", "Map")
    assert page.locator("path.choroplethlocation").count() > 20  # the offline base map drew
    canada = dataset.states.loc["CAN"]
    box = page.evaluate(
        """([lon, lat]) => {
            const marker = [...document.querySelectorAll('.scattergeo path.point')].find(
                p => Math.abs(p.__data__.lonlat[0] - lon) < 1e-6
                  && Math.abs(p.__data__.lonlat[1] - lat) < 1e-6);
            const r = marker.getBoundingClientRect();
            return {x: r.x + r.width / 2, y: r.y + r.height / 2};
        }""",
        [canada["marker_lon"], canada["marker_lat"]],
    )
    page.mouse.click(box["x"], box["y"])
    page.wait_for_url(re.compile(r"/profile\?instrument=FIREARMS&state=CAN$"))
    page.get_by_role("heading", name="Canada").wait_for()
    # Canada's Firearms row: signed 2002, "still not a party" evidence of 2024 (source_date).
    facts = page.locator("table.facts")
    facts.get_by_text("not party as of 2024 (not verified since)", exact=False).first.wait_for()


def test_the_map_as_a_table_is_drawn_when_opened(watched: Watched, app_url: str) -> None:
    page = watched.page
    wait_until_shown(watched, app_url + "/map?instrument=TIP", "Map")
    assert page.locator("[data-testid=stDataFrame]").count() == 0  # nothing drawn while closed
    page.get_by_role("tab", name="Table").first.click()
    table = page.locator("[data-testid=stTabs] [data-testid=stDataFrame]")
    table.locator("canvas").first.wait_for()
    settle(page)
    assert table.count() == 1


def test_csv_download_is_the_command_line_export(
    watched: Watched, app_url: str, dataset: Dataset, tmp_path: Path
) -> None:
    page = watched.page
    as_of = date(2020, 1, 1)
    wait_until_shown(
        watched, app_url + "/data?instrument=FIREARMS&group=MERCOSUR&as_of=2020-01-01", "Data"
    )
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename == "ratify-americas_2020-01-01_FIREARMS_MERCOSUR.csv"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    content = saved.read_bytes()

    view = status_view(dataset, as_of, ["FIREARMS"], ["MERCOSUR"])
    # UTF-8's byte-order mark first: a spreadsheet opened by double-click keeps the accents.
    assert content == BOM + csv_bytes(export_table(view, as_of))
    command = [sys.executable, "-m", "loaders", "export", "--as-of", "2020-01-01"]
    command += ["--instrument", "FIREARMS", "--group", "MERCOSUR"]
    cli = subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    assert BOM + cli.stdout == content  # standard output goes without it
    saved_by_cli = tmp_path / "cli.csv"
    command += ["--out", str(saved_by_cli)]
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    assert saved_by_cli.read_bytes() == content
    # MERCOSUR's full members on 1 January 2020: the founders (Venezuela suspended since
    # 1 December 2016, Bolivia a member from 2024).
    assert [line.split(",")[0].strip('"') for line in content.decode().splitlines()[1:]] == [
        "ARG", "BRA", "PRY", "URY"
    ]  # fmt: skip


def test_bad_link_parameters_are_ignored_with_a_note(watched: Watched, app_url: str) -> None:
    page = watched.page
    wait_until_shown(
        watched,
        app_url + "/?as_of=2009-13-45&instrument=FOO&group=NOPE&colour=red",
        "Paragraph 6: who has answered the call?",
    )
    note = page.get_by_test_id("stAlertContentInfo")
    for text in ("as_of=2009-13-45", "instrument=FOO", "group=NOPE", "colour"):
        assert text in note.inner_text()
    page.wait_for_url(re.compile(r"127\.0\.0\.1:\d+/$"))  # the link now says what is shown
    assert page.locator("[data-testid=stMetric]").count() == 4

    wait_until_shown(watched, app_url + "/profile?state=XXX", "State profile")
    assert "state=XXX" in page.get_by_test_id("stAlertContentInfo").inner_text()


def test_a_deep_link_works_on_a_freshly_started_server(watched: Watched, tmp_path: Path) -> None:
    # Streamlit treats a pages/ folder as a legacy multipage app until app.py has run once:
    # the first request of a new server must still get the router, the controls and the page.
    process, url = start_app(tmp_path / "fresh.log", script=RUN_SCRIPT)
    try:
        wait_until_shown(watched, url + "/map?instrument=TIP", "Map")
        watched.page.get_by_text("Status on", exact=True).wait_for()
        watched.page.locator("path.choroplethlocation").first.wait_for(state="attached")
        # Every page in order, each on the screen (no "N more" behind which the last ones hid)
        assert menu_names(watched.page) == [
            "Paragraph 6", "Map", "Timeline", "Subregions", "State profile", "Treaty family",
            "In the world", "Reservations", "What changed", "Data",
        ]  # fmt: skip
        for link in watched.page.locator(MENU_LINKS).all():
            assert link.is_visible() and link.bounding_box()["y"] < VIEWPORT["height"]
        watched.screenshot_now("test_a_deep_link_works_on_a_freshly_started_server")
    finally:
        watched.page.goto("about:blank")  # leave before the server stops: no reconnect errors
        stop_app(process)
    assert deprecation_lines((tmp_path / "fresh.log").read_text()) == []


def test_a_state_named_on_the_overview_links_to_its_profile(watched: Watched, app_url: str) -> None:
    page = watched.page
    wait_until_shown(
        watched, app_url + "/?instrument=FIREARMS", "Paragraph 6: who has answered the call?"
    )
    page.get_by_role("link", name="United States").click()
    page.wait_for_url(re.compile(r"/profile\?instrument=FIREARMS&state=USA$"))
    page.get_by_role("heading", name="United States").wait_for()
    settle(page)
    assert page.locator("table.facts").count() == 1
