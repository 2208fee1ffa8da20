"""``make bench-serve``: the dashboard behind ``make serve`` beside one plain ``streamlit run``.

1. Readers arriving together (10, 50, 100), over Streamlit's WebSocket protocol without a browser
   (bench/ws_readers.py): p50 and p90 of the time to a complete page, readers lost, and how fast
   /_stcore/health answered meanwhile. Through make serve (REPLICAS, default one per core), through
   one plain ``streamlit run app.py``, and through a plain bare page (bench/baseline_app.py).
2. First visit of each page in Chromium over an emulated 9 Mbit/s line with 150 ms latency (CDP
   Network.emulateNetworkConditions): bytes transferred and time until the page is drawn, through
   make serve and through the plain server; then a second visit in the same browser (its cache
   warm).

Prints figures; it is not a test and never fails. Needs nginx (deploy/README.md) and Chromium.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import READY, chromium  # noqa: E402
from bench.ws_readers import burst, summary  # noqa: E402
from tests.deploy.serve_harness import start_serve, stop_serve  # noqa: E402
from tests.support.browser_harness import VIEWPORT, free_port, start_app, stop_app  # noqa: E402

PAGES = {
    "Paragraph 6 (overview)": "/?lang=en",
    "Map": "/map?instrument=TIP&lang=en",
    "Timeline": "/timeline?lang=en",
    "Subregions": "/subregions?lang=en",
    "State profile": "/profile?state=ARG&lang=en",
    "Data": "/data?lang=en",
}
CHART_PAGES = {"Map", "Timeline", "Subregions"}
LINE = {"latency": 150, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 9_000_000 / 8}
BURST_PATH = "/?instrument=TIP"


@contextlib.contextmanager
def make_serve(
    log_dir: Path, replicas: int | None, env: dict[str, str] | None = None
) -> Iterator[str]:
    """What make serve runs (deploy/build.py, then supervisord), on free ports; yields its URL;
    SIGTERM at the end."""
    folder = Path(tempfile.mkdtemp(dir=log_dir))
    served = start_serve(folder, replicas or os.cpu_count() or 1, env)
    try:
        yield served.url
    finally:
        stop_serve(served)


@contextlib.contextmanager
def plain(log_dir: Path, script: str) -> Iterator[str]:
    process, url = start_app(log_dir / f"{Path(script).stem}-{free_port()}.log", script=script)
    try:
        yield url
    finally:
        stop_app(process)


def warm(url: str) -> None:
    """A first reader per replica, so that a burst measures readers, not the data's first load."""
    burst(url, BURST_PATH, 8, timeout=60)


def bursts(name: str, url: str, sizes: list[int]) -> dict[int, object]:
    warm(url)
    results = {}
    for size in sizes:
        result = burst(url, BURST_PATH, size, timeout=90)
        results[size] = result
        print(f"  {name}, {size} readers: {summary(result)}", flush=True)
        if result.errors:
            print(f"    first error: {result.errors[0]}", flush=True)
    return results


# -- the browser over a slow line ------------------------------------------------------------


def visit(context: object, url: str) -> tuple[float, int, int, int]:
    """(ms to drawn, HTTP bytes, WebSocket bytes received, requests off 127.0.0.1) of one visit
    in ``context``, over the emulated line."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **LINE})
    http_bytes, ws_bytes, outside = [0], [0], [0]

    def finished(event: dict) -> None:
        http_bytes[0] += int(event.get("encodedDataLength", 0))

    def frame(event: dict) -> None:
        response = event["response"]
        data = response.get("payloadData", "")
        ws_bytes[0] += len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data)

    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.webSocketFrameReceived", frame)
    page.on(
        "request",
        lambda request: None if request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1"))
        else outside.__setitem__(0, outside[0] + 1),
    )  # fmt: skip
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_function(READY, polling="raf", timeout=120_000)
    elapsed = (time.perf_counter() - start) * 1000
    page.wait_for_timeout(300)  # let the last loadingFinished events arrive (only for counting)
    page.close()
    return elapsed, http_bytes[0], ws_bytes[0], outside[0]


def browser_visits(browser: object, name: str, base: str, runs: int) -> dict[str, dict[str, float]]:
    figures = {}
    for page_name, path in PAGES.items():
        first, repeat = [], []
        for _ in range(runs):
            # No Playwright routing here: it would turn the browser's cache off.
            context = browser.new_context(viewport=VIEWPORT)
            try:
                first.append(visit(context, base + path))
                repeat.append(visit(context, base + path))
            finally:
                context.close()
        row = {
            "first_ms": statistics.median(v[0] for v in first),
            "first_mb": statistics.median(v[1] for v in first) / 1e6,
            "ws_kb": statistics.median(v[2] for v in first) / 1e3,
            "repeat_ms": statistics.median(v[0] for v in repeat),
            "repeat_mb": statistics.median(v[1] for v in repeat) / 1e6,
            "outside": max(v[3] for v in first + repeat),
        }
        figures[page_name] = row
        print(
            f"  {name}, {page_name}: first {row['first_ms']:.0f} ms, {row['first_mb']:.2f} MB "
            f"(+{row['ws_kb']:.0f} kB WebSocket); repeat {row['repeat_ms']:.0f} ms, "
            f"{row['repeat_mb']:.2f} MB; requests off 127.0.0.1: {row['outside']}",
            flush=True,
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=None, help="default: one per core")
    parser.add_argument("--sizes", default="10,50,100")
    parser.add_argument("--runs", type=int, default=3, help="browser visits per page")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-bursts", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"make bench-serve on {os.cpu_count()} cores, replicas: {args.replicas or 'one per core'}"
    )
    with tempfile.TemporaryDirectory() as logs_name:
        logs = Path(logs_name)
        rows = []
        if not args.skip_bursts:
            print("Readers arriving together (Streamlit's protocol, no browser):", flush=True)
            variants = [
                ("make serve", lambda: make_serve(logs, args.replicas)),
                (
                    "make serve, app.py as-is (no turns, GC after each run)",
                    lambda: make_serve(
                        logs,
                        args.replicas,
                        {"RATIFY_SERVE_SCRIPT": "app.py", "RATIFY_POST_SCRIPT_GC": "true"},
                    ),
                ),
                ("plain streamlit run", lambda: plain(logs, "app.py")),
                ("plain bare page", lambda: plain(logs, "bench/baseline_app.py")),
            ]
            for name, server in variants:
                with server() as url:
                    rows.append((name, bursts(name, url, sizes)))
        if not args.skip_browser:
            print("Pages over 9 Mbit/s and 150 ms (Chromium network emulation):", flush=True)
            with chromium() as browser:
                with make_serve(logs, args.replicas) as url:
                    served = browser_visits(browser, "make serve", url, args.runs)
                with plain(logs, "app.py") as url:
                    direct = browser_visits(browser, "plain", url, args.runs)
    if rows:
        print()
        print("| readers | server | p50 | p90 | lost | health max |")
        print("|---|---|---|---|---|---|")
        for name, results in rows:
            for size, result in results.items():
                health = f"{max(result.health) * 1000:.0f} ms" if result.health else "-"
                print(f"| {size} | {name} | {result.quantile(0.5):.2f} s | "
                      f"{result.quantile(0.9):.2f} s | {result.lost} | {health} |")  # fmt: skip
        print("target (make serve, 2 cores, 100 readers): p50 <= 5 s, p90 <= 10 s, none lost")
    if not args.skip_browser:
        print()
        print("| page | first: serve | plain | ratio | MB serve | MB plain | repeat: serve | plain "
              "| MB serve | MB plain |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|---|")
        for page_name in PAGES:
            s, p = served[page_name], direct[page_name]
            print(
                f"| {page_name} | {s['first_ms']:.0f} ms | {p['first_ms']:.0f} ms | "
                f"{s['first_ms'] / p['first_ms']:.2f}x | "
                f"{s['first_mb']:.2f} | {p['first_mb']:.2f} | "
                f"{s['repeat_ms']:.0f} ms | {p['repeat_ms']:.0f} ms | {s['repeat_mb']:.2f} | "
                f"{p['repeat_mb']:.2f} |"
            )
        print("target (a chart page, first visit): <= 3 MB and <= 0.6x the plain server's time")


if __name__ == "__main__":
    main()
