"""Where a page load's time goes in the browser: a Chromium trace of each page, summarised.

    .venv/bin/python bench/profile_pages.py [--runs 3]

Loads each page the way ``make bench`` does (warm server, fresh browser context), records a
Chromium performance trace, and prints, per page, the median of: the load time; the browser's
main thread busy time, split into loading scripts (evaluating them: Streamlit loads an element's
script the first time a page shows that kind of element, plotly.js for a chart), running script
(Streamlit's and React's rendering, plotly's drawing), style, layout and paint, and the rest;
and the scripts of over 1 MB that the page loaded. The three baselines of ``make bench`` come
first, so the dashboard's own cost can be read off beside the framework's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import READY, chromium, median, offline, served  # noqa: E402
from bench.run import PAGES  # noqa: E402
from tests.support.browser_harness import VIEWPORT  # noqa: E402

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink"]
# Trace events -> the share of the main thread they stand for; an event inside another counted
# event is left to the outer one, so the shares never overlap.
KINDS = {
    "v8.evaluateModule": "loading scripts",
    "EvaluateScript": "loading scripts",
    "FunctionCall": "script",
    "TimerFire": "script",
    "FireAnimationFrame": "script",
    "EventDispatch": "script",
    "RunMicrotasks": "script",
    "UpdateLayoutTree": "style+layout+paint",
    "Layout": "style+layout+paint",
    "PrePaint": "style+layout+paint",
    "Paint": "style+layout+paint",
    "Layerize": "style+layout+paint",
}
BIG_MODULE = 1_000_000


def main_thread(events: list[dict]) -> tuple[int, int]:
    """(pid, tid) of the page's renderer main thread: the busiest CrRendererMain."""
    names = {
        (e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"
    }
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for e in events:
        if names.get((e.get("pid"), e.get("tid"))) == "CrRendererMain":
            counts[(e["pid"], e["tid"])] += 1
    return max(counts, key=counts.get)


def summarise(events: list[dict]) -> dict[str, float]:
    """Busy time of the main thread (ms) and its split by :data:`KINDS`; ``other`` is the rest
    (the browser's own tasks: parsing, networking, garbage collection between tasks)."""
    thread = main_thread(events)
    mine = sorted(
        (
            e
            for e in events
            if (e.get("pid"), e.get("tid")) == thread and e.get("ph") == "X" and "dur" in e
        ),
        key=lambda e: (e["ts"], -e["dur"]),  # an event before the ones it contains
    )
    totals: dict[str, float] = defaultdict(float)
    totals["busy"] = sum(e["dur"] for e in mine if e["name"] == "RunTask") / 1000
    counted_until = 0.0
    for event in mine:
        kind = KINDS.get(event["name"])
        if kind and event["ts"] >= counted_until:
            totals[kind] += event["dur"] / 1000
            counted_until = event["ts"] + event["dur"]
    totals["other"] = totals["busy"] - sum(totals[kind] for kind in set(KINDS.values()))
    return totals


def big_scripts(page: object) -> list[str]:
    """The script files of over 1 MB the page loaded (their names, without the hash)."""
    sizes = page.evaluate(
        "() => performance.getEntriesByType('resource')"
        ".filter(e => e.name.endsWith('.js')).map(e => [e.name, e.decodedBodySize])"
    )
    return sorted({Path(name).name.split(".")[0] for name, size in sizes if size > BIG_MODULE})


def traced_load(
    browser: object, url: str, trace: Path
) -> tuple[float, dict[str, float], list[str]]:
    """One page load under a trace: its time, the main thread's split, the big scripts."""
    context = browser.new_context(viewport=VIEWPORT)
    offline(context)
    page = context.new_page()
    browser.start_tracing(page=page, path=str(trace), categories=CATEGORIES)
    try:
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(READY, polling="raf", timeout=60_000)
        elapsed = (time.perf_counter() - start) * 1000
        scripts = big_scripts(page)
    finally:
        browser.stop_tracing()
        context.close()
    events = json.loads(trace.read_text())["traceEvents"]
    return elapsed, summarise(events), scripts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.chdir(ROOT)
    columns = ["load", "busy", "loading scripts", "script", "style+layout+paint", "other"]
    print(f"{'page':32} " + " ".join(f"{c:>18}" for c in columns) + "  scripts over 1 MB")
    with tempfile.TemporaryDirectory() as work, chromium() as browser:
        logs, trace = Path(work), Path(work) / "trace.json"
        with (
            served("app.py", logs) as (_, app),
            served("bench/baseline_app.py", logs) as (_, bare),
            served("bench/baseline_chart_app.py", logs) as (_, chart),
            served("bench/baseline_floor_app.py", logs) as (_, floor),
        ):
            targets = {
                "baseline: bare table": bare + "/",
                "baseline: table + chart": chart + "/",
                "baseline: + controls": floor + "/",
            }
            targets |= {name: app + path for name, path in PAGES.items()}
            for name, url in targets.items():
                traced_load(browser, url, trace)  # warm the server's caches for this page
                runs = [traced_load(browser, url, trace) for _ in range(args.runs)]
                figures = [median([r[0] for r in runs])]
                figures += [median([r[1][c] for r in runs]) for c in columns[1:]]
                print(
                    f"{name:32} "
                    + " ".join(f"{f:>15.0f} ms" for f in figures)
                    + "  "
                    + ", ".join(runs[-1][2]),
                    flush=True,
                )


if __name__ == "__main__":
    main()
