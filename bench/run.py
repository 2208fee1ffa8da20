"""``make bench``: how fast the dashboard loads, reacts and refreshes, beside baselines measured
in the same run on the same machine. Prints a table; it is not a test and never fails.

Each figure is the median of several runs (``--runs``). Baselines: a bare Streamlit page that
renders one 35-row table (bench/baseline_app.py), served the same way; the same page with one
plotly chart (bench/baseline_chart_app.py), and with the same kinds of sidebar control as ours
too (bench/baseline_floor_app.py), the floor of a chart page here; and, for the refresh, a plain
pandas.read_html pipeline on the same pages. Where a page's time goes in the browser:
bench/profile_pages.py.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import refresh_bench  # noqa: E402
from bench.browser import (  # noqa: E402
    READY,
    chromium,
    interaction_ms,
    load_ms,
    median,
    offline,
    rss_mb,
    served,
    warm_runs_ms,
)
from bench.load_sessions import open_sessions  # noqa: E402
from tests.support.browser_harness import VIEWPORT, start_app, stop_app  # noqa: E402

PAGES = {
    "Paragraph 6 (overview)": "/?lang=en",
    "Map": "/map?lang=en",
    "Timeline": "/timeline?lang=en",
    "Subregions": "/subregions?lang=en",
    "State profile": "/profile?state=ARG&lang=en",
    "Data": "/data?lang=en",
}
# The pages that draw a plotly chart: their floor is bench/baseline_floor_app.py.
CHART_PAGES = {"Map", "Timeline", "Subregions"}


class Table:
    HEADER = ("measure", "ours", "baseline", "ratio", "vs floor", "target")

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(
        self,
        what: str,
        ours: float,
        baseline: float | None,
        unit: str,
        target: str,
        floor: float | None = None,
    ) -> None:
        """A row; ``floor``: beside a chart page's load, the chart and controls baseline's."""
        base = f"{baseline:.0f} {unit}" if baseline is not None else "-"
        ratio = f"{ours / baseline:.2f}x" if baseline else ""
        to_floor = f"{ours / floor:.2f}x" if floor else ""
        self.rows.append((what, f"{ours:.0f} {unit}", base, ratio, to_floor, target))
        floor_note = f", {to_floor} of the floor" if to_floor else ""
        print(f"  {what}: {ours:.0f} {unit} (baseline {base}) {ratio}{floor_note}", flush=True)

    def print(self) -> None:
        widths = [
            max(len(r[i]) for r in [self.HEADER, *self.rows]) for i in range(len(self.HEADER))
        ]
        print(
            "| " + " | ".join(h.ljust(w) for h, w in zip(self.HEADER, widths, strict=True)) + " |"
        )
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for row in self.rows:
            print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def page_loads(table: Table, browser, app: str, bases: tuple[str, str, str], runs: int) -> None:
    bare, chart, floor = (median([load_ms(browser, b + "/") for _ in range(runs)]) for b in bases)
    table.add("page load: bare table + one plotly chart", chart, bare, "ms", "(plotly's cost)")
    table.add(
        "page load: ... + the sidebar's controls", floor, bare, "ms", "(a chart page's floor)"
    )
    for name, path in PAGES.items():
        load_ms(browser, app + path)  # warm this page's caches
        ours = median([load_ms(browser, app + path) for _ in range(runs)])
        charted = name in CHART_PAGES
        table.add(
            f"page load: {name}", ours, bare, "ms", "<= 1.5x baseline", floor if charted else None
        )


def interactions(table: Table, browser, app: str, runs: int) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    offline(context)
    page = context.new_page()
    page.goto(app + "/?instrument=TIP&lang=en")
    page.wait_for_function(READY, polling="raf")
    dates = []
    for n in range(runs * 3):  # cheap to repeat, and single clicks vary by a tenth of a second
        label = "4 June 2009" if n % 2 == 0 else "Today"
        dates.append(
            interaction_ms(page, lambda lb=label: page.get_by_role("button", name=lb).click())
        )
    table.add("filter: as-of date -> chart updated", median(dates), None, "ms", "< 300 ms")

    def choose_and_close() -> None:
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")

    groups = []
    for _ in range(runs * 2):
        page.goto(app + "/?instrument=TIP&lang=en")  # the same choice each time, from no group
        page.wait_for_function(READY, polling="raf")
        page.locator("[data-testid=stSidebar] [role=combobox]").last.click()
        page.keyboard.type("MERCOSUR")  # no rerun until the choice is made and the list closes
        groups.append(interaction_ms(page, choose_and_close))
    table.add("filter: subregion -> chart updated", median(groups), None, "ms", "< 300 ms")
    context.close()


def script_runs(table: Table, runs: int) -> None:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["instrument"] = "TIP"
    app.run()
    table.add("server script run, warm caches", warm_runs_ms(app, runs), None, "ms", "< 50 ms")


def cold_start_ms(script: str, browser) -> float:
    """From ``streamlit run <script>`` to its first page drawn."""
    with tempfile.TemporaryDirectory() as logs:
        start = time.perf_counter()
        process, url = start_app(Path(logs) / "cold.log", script=script)
        try:
            load_ms(browser, url + "/")
            return (time.perf_counter() - start) * 1000
        finally:
            stop_app(process)


def cold_starts(table: Table, browser, runs: int) -> None:
    # Ours and the baseline's in turn, so that a slow spell of the machine weighs on both.
    ours, baseline = [], []
    for _ in range(runs):
        ours.append(cold_start_ms("app.py", browser))
        baseline.append(cold_start_ms("bench/baseline_app.py", browser))
    table.add(
        "cold start: run -> first page drawn",
        median(ours),
        median(baseline),
        "ms",
        "<= 1.3x baseline",
    )


def memory(table: Table, browser, pid: int, app: str) -> None:
    open_sessions(browser, app + "/?instrument=TIP", 1)
    one = rss_mb(pid)
    open_sessions(browser, app + "/?instrument=TIP", 20)
    twenty = rss_mb(pid)
    table.add("server memory, 20 sessions vs 1", twenty, one, "MB", "<= 1.5x")


def refresh(table: Table, runs: int) -> None:
    from loaders.model.names import NameIndex
    from loaders.store.registry import load_instruments, load_states

    data = ROOT / "data"
    instruments = {i.mtdsg_no: i for i in load_instruments(data)}
    states = load_states(data)
    names = NameIndex(states)
    fixtures = refresh_bench._fixtures_module()
    pages = [(s.mtdsg_no, fixtures.build_html(s)) for s in fixtures.SPECS]
    ours = refresh_bench.median_ms(
        lambda: refresh_bench.our_pipeline(pages, instruments, states, names), runs
    )
    base = refresh_bench.median_ms(lambda: refresh_bench.read_html_pipeline(pages, names), runs)
    table.add("refresh: parse+validate 4 instruments", ours, base, "ms", "< 50 ms, < baseline")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.chdir(ROOT)
    table = Table()
    print(
        f"Ratify Americas benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    refresh(table, args.runs * 3)
    script_runs(table, args.runs * 3)
    with tempfile.TemporaryDirectory() as logs, chromium() as browser:
        with (
            served("app.py", Path(logs)) as (pid, app),
            served("bench/baseline_app.py", Path(logs)) as (_, base),
            served("bench/baseline_chart_app.py", Path(logs)) as (_, chart_base),
            served("bench/baseline_floor_app.py", Path(logs)) as (_, floor_base),
        ):
            for baseline in (base, chart_base, floor_base):
                load_ms(browser, baseline + "/")
            page_loads(table, browser, app, (base, chart_base, floor_base), args.runs)
            interactions(table, browser, app, args.runs)
            memory(table, browser, pid, app)
        cold_starts(table, browser, args.runs)
    print()
    table.print()


if __name__ == "__main__":
    main()
