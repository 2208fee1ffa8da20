"""Measuring the dashboard in headless Chromium: when a page is fully drawn, server memory."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.browser_harness import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, start_app, stop_app

# Drawn: the script has finished, no skeleton is left, and every chart and table on screen has
# painted.
READY = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  if (window.__waitForRun && !window.__sawRunning) return false;
  if (document.querySelector('[data-testid=stSkeleton]')) return false;
  const main = document.querySelector('[data-testid=stMain]');
  if (!main || !main.querySelector('h1')) return false;
  const shown = (el) => !el.closest('details:not([open])') && el.getClientRects().length > 0;
  for (const chart of main.querySelectorAll('[data-testid=stPlotlyChart]'))
    if (shown(chart) && !chart.querySelector('.main-svg')) return false;
  for (const table of main.querySelectorAll('[data-testid=stDataFrame]'))
    if (shown(table) && !table.querySelector('canvas')) return false;
  return true;
}"""
# Set before an interaction, so READY waits for the rerun it causes rather than the old page.
WATCH_RUN = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  window.__waitForRun = true;
  window.__sawRunning = false;
  new MutationObserver(() => {
    if (app.dataset.testScriptState === 'running') window.__sawRunning = true;
  }).observe(app, {attributes: true});
}"""


def median(values: list[float]) -> float:
    return statistics.median(values)


def warm_runs_ms(app: object, runs: int) -> float:
    """The median time of ``runs`` reruns of an AppTest's script, in ms (its caches warm)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        app.run()  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) * 1000)
    return median(times)


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


@contextmanager
def served(script: str, log_dir: Path) -> Iterator[tuple[int, str]]:
    """``streamlit run <script>`` on 127.0.0.1; yields (pid, base URL)."""
    process, url = start_app(log_dir / f"{Path(script).stem}.log", script=script)
    try:
        yield process.pid, url
    finally:
        stop_app(process)


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit(f"the browser benchmarks need {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def offline(context: object) -> None:
    """Abort anything not for 127.0.0.1, as the browser tests do."""
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith("http://127.0.0.1") else route.abort()
        ),
    )


def load_ms(browser: object, url: str) -> float:
    """From navigation to the page fully drawn, in a fresh browser context (a new session)."""
    context = browser.new_context(viewport=VIEWPORT)
    offline(context)
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(READY, polling="raf", timeout=60_000)
        return (time.perf_counter() - start) * 1000
    finally:
        context.close()


def interaction_ms(page: object, act: Callable[[], None]) -> float:
    """From an action (a click, a choice) to the updated page fully drawn."""
    page.evaluate(WATCH_RUN)
    start = time.perf_counter()
    act()
    page.wait_for_function(READY, polling="raf", timeout=60_000)
    elapsed = (time.perf_counter() - start) * 1000
    page.evaluate("() => { window.__waitForRun = false; }")
    return elapsed
