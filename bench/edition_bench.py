"""The reader's edition: how long writing it takes, and how light a state's page is.

1. Writing the whole edition of the frozen snapshot (every page in four languages, every view's
   data), then with N and 2N state pages: the time per page, to see that the cost grows linearly
   with the pages (target here: the whole edition in at most 30 s).
2. A state's page served by a plain local static server (http.server, no compression), in a fresh
   Chromium with JavaScript off, over an emulated 9 Mbit/s line with 150 ms latency (CDP
   Network.emulateNetworkConditions): bytes transferred and time until the page is drawn (the
   load event: the page has no script). Targets: at most 150 KB and 1.5 s. With ``--dashboard``,
   the interactive profile of the same state over the same line beside it (``streamlit run``).

Prints figures; it is not a test and never fails. Run: ``.venv/bin/python bench/edition_bench.py``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RATIFY_DATA_DIR", str(ROOT / "tests" / "fixtures" / "data"))

from bench.browser import READY, chromium  # noqa: E402
from loaders.store.dataset import load_dataset  # noqa: E402
from tests.support.browser_harness import VIEWPORT, start_app, stop_app  # noqa: E402
from views.edition.build import build_edition  # noqa: E402
from views.edition.write import publish_edition  # noqa: E402

AS_OF = date(2026, 1, 1)
STATE = "ARG"
LINE = {"latency": 150, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 9_000_000 / 8}


def _pages(files: dict[str, bytes]) -> int:
    return sum(1 for name in files if name.endswith(".html") and "/" in name)


def writing(runs: int, n: int) -> None:
    dataset = load_dataset(Path(os.environ["RATIFY_DATA_DIR"]))
    states = list(dataset.states.index)
    print("Writing the edition (frozen snapshot, four languages):")
    rows = []
    for label, chosen in ((f"N={n} states", states[:n]), (f"2N={2 * n} states", states[: 2 * n])):
        rows.append(_time(label, dataset, chosen, runs))
    rows.append(_time("all 35 states", dataset, None, runs, publish=True))
    (_, pages_n, secs_n, cpu_n), (_, pages_2n, secs_2n, cpu_2n) = rows[0], rows[1]
    added = pages_2n - pages_n
    print(
        f"  each page added between N and 2N: {(secs_2n - secs_n) / added * 1000:.0f} ms "
        f"({(cpu_2n - cpu_n) / added * 1000:.0f} ms of CPU)"
    )
    print("  target: the whole edition in at most 30 s here")


def _time(label, dataset, states, runs, publish=False):
    times, cpu, files = [], [], {}
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        files = build_edition(dataset, AS_OF, states=states)
        if publish:
            with tempfile.TemporaryDirectory() as folder:
                publish_edition(Path(folder), files, "bench")
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    seconds = statistics.median(times)
    pages = _pages(files)
    written = " (and published)" if publish else ""
    print(
        f"  {label}: {pages} HTML pages (+ as many Markdown), {len(files)} files, "
        f"{seconds:.1f} s{written} ({statistics.median(cpu):.1f} s of CPU: the 2 cores are "
        f"shared), {seconds / pages * 1000:.1f} ms per page"
    )
    return label, pages, seconds, statistics.median(cpu)


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def visit(browser, url: str, script: bool, ready: str | None) -> tuple[float, int, int]:
    """(ms to drawn, bytes transferred, requests off 127.0.0.1) of a first visit."""
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=script)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **LINE})
    transferred, outside = [0], [0]
    cdp.on(
        "Network.loadingFinished",
        lambda e: transferred.__setitem__(0, transferred[0] + int(e.get("encodedDataLength", 0))),
    )
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1"))
            else outside.__setitem__(0, outside[0] + 1)
        ),
    )
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="load", timeout=120_000)
        if ready:
            page.wait_for_function(ready, polling="raf", timeout=120_000)
        elapsed = (time.perf_counter() - start) * 1000
        page.wait_for_timeout(300)  # the last loadingFinished events (only for counting)
        return elapsed, transferred[0], outside[0]
    finally:
        context.close()


def browsing(runs: int, dashboard: bool) -> None:
    dataset = load_dataset(Path(os.environ["RATIFY_DATA_DIR"]))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, content in build_edition(dataset, AS_OF, states=[STATE]).items():
            path = root / "read" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        server, base = _serve(root)
        print("\nA state's page over 9 Mbit/s, 150 ms (fresh browser, JavaScript off):")
        try:
            with chromium() as browser:
                _report(
                    "reader's edition",
                    [
                        visit(browser, f"{base}/read/en/state/{STATE}.html", False, None)
                        for _ in range(runs)
                    ],
                )
                if dashboard:
                    process, url = start_app(root / "app.log")
                    try:
                        visit(browser, f"{url}/profile?state={STATE}&lang=en", True, READY)
                        _report(
                            "interactive profile (streamlit run, JavaScript on)",
                            [
                                visit(browser, f"{url}/profile?state={STATE}&lang=en", True, READY)
                                for _ in range(runs)
                            ],
                        )
                    finally:
                        stop_app(process)
        finally:
            server.shutdown()
            server.server_close()
    print("  targets for the edition: at most 150 KB and 1.5 s")


def _report(name: str, visits: list[tuple[float, int, int]]) -> None:
    ms = statistics.median(v[0] for v in visits)
    kb = statistics.median(v[1] for v in visits) / 1000
    outside = max(v[2] for v in visits)
    print(f"  {name}: {kb:.1f} KB transferred, {ms:.0f} ms to drawn, {outside} requests outside")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--n", type=int, default=8, help="N state pages (and 2N)")
    parser.add_argument("--skip-writing", action="store_true", help="only the browser figures")
    parser.add_argument("--dashboard", action="store_true", help="also the interactive profile")
    args = parser.parse_args()
    if not args.skip_writing:
        writing(args.runs, args.n)
    browsing(args.runs, args.dashboard)


if __name__ == "__main__":
    main()
