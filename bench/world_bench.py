"""The World page ("In the world": the world map, the regions compared and the regions over time)
beside the Map page, loaded the way ``make bench`` loads every page: headless Chromium, from
navigation to every chart and table drawn, each load in a fresh browser context, on a warm server;
the chart floor (bench/baseline_floor_app.py) and the bare table (bench/baseline_app.py) measured
in the same run. Prints figures; it is not a test and never fails.

- warm: the page's models already made by an earlier reader (pages.components.data.page_model
  caches them per view for every session);
- first visit of a date: a date no reader has opened yet, so the page makes its models (the
  World page's regions over time count every group on every year's end up to the date);
- server script run: the page's script run in one AppTest session, warm caches.

Loads are taken in turn (Map, World, floor, bare), so that a slow spell of the machine weighs on
all of them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import chromium, load_ms, median, served, warm_runs_ms  # noqa: E402
from bench.run import Table  # noqa: E402

PAGES = {"Map": "/map?lang=en&instrument=TIP", "World": "/world?lang=en&instrument=TIP"}


def warm_loads(table: Table, browser, app: str, bare: str, floor: str, runs: int) -> None:
    for path in PAGES.values():
        load_ms(browser, app + path)  # the models of today's view, made once
    load_ms(browser, bare + "/")
    load_ms(browser, floor + "/")
    times: dict[str, list[float]] = {name: [] for name in (*PAGES, "floor", "bare")}
    for _ in range(runs):
        for name, path in PAGES.items():
            times[name].append(load_ms(browser, app + path))
        times["floor"].append(load_ms(browser, floor + "/"))
        times["bare"].append(load_ms(browser, bare + "/"))
    base, chart_floor = median(times["bare"]), median(times["floor"])
    table.add("page load: chart floor (table, chart, controls)", chart_floor, base, "ms", "")
    for name in PAGES:
        table.add(f"page load: {name}, warm", median(times[name]), base, "ms", "", chart_floor)
    table.add(
        "page load: World vs Map, warm",
        median(times["World"]),
        median(times["Map"]),
        "ms",
        "<= 1.1x Map",
    )


def first_visits(table: Table, browser, app: str, runs: int) -> None:
    """Each load on a date not opened before, for both pages (their models made then)."""
    times: dict[str, list[float]] = {name: [] for name in PAGES}
    for n in range(runs):
        as_of = f"2015-0{1 + n % 9}-1{n // 9}"
        for name, path in PAGES.items():
            times[name].append(load_ms(browser, f"{app}{path}&as_of={as_of}"))
    table.add(
        "page load: World vs Map, first visit of a date",
        median(times["World"]),
        median(times["Map"]),
        "ms",
        "",
    )


def script_runs(table: Table, runs: int) -> None:
    from streamlit.testing.v1 import AppTest

    medians = {}
    for name, page in (("Map", "pages/map.py"), ("World", "pages/world.py")):
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        app.query_params["instrument"] = "TIP"
        app.run()
        app.switch_page(page).run()
        app.run()
        medians[name] = warm_runs_ms(app, runs)
    table.add("server script run: World vs Map, warm", medians["World"], medians["Map"], "ms", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.chdir(ROOT)
    table = Table()
    script_runs(table, args.runs * 3)
    with (
        tempfile.TemporaryDirectory() as logs,
        chromium() as browser,
        served("app.py", Path(logs)) as (_, app),
        served("bench/baseline_app.py", Path(logs)) as (_, bare),
        served("bench/baseline_floor_app.py", Path(logs)) as (_, floor),
    ):
        warm_loads(table, browser, app, bare, floor, args.runs)
        first_visits(table, browser, app, args.runs)
    print()
    table.print()


if __name__ == "__main__":
    main()
