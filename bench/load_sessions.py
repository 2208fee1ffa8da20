"""Load: many browser sessions at once against one dashboard server.

    .venv/bin/python bench/load_sessions.py [--sessions 20] [--page /map?instrument=TIP]

Starts ``streamlit run app.py`` on 127.0.0.1, opens the sessions together in headless Chromium,
checks that every one renders completely (script finished, charts and tables drawn, no request
leaving the machine), and prints each session's time to render and the server's memory before
and after. The loaded data is cached once per server (st.cache_resource), so memory should grow
by what each session's page state costs, not by a copy of the data per session.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import READY, chromium, median, offline, rss_mb, served  # noqa: E402
from tests.support.browser_harness import VIEWPORT  # noqa: E402

# Records, inside each page, when it was first fully drawn (ms after navigation started).
RECORD_READY = f"""(() => {{
  const ready = {READY};
  const check = () => {{
    try {{ if (ready()) {{ window.__readyAt = performance.now(); return; }} }} catch (e) {{}}
    requestAnimationFrame(check);
  }};
  requestAnimationFrame(check);
}})();"""


def open_sessions(browser: object, url: str, count: int) -> tuple[list[float], list[str]]:
    """Open ``count`` sessions at once; returns their render times and any outside requests."""
    outside: list[str] = []
    contexts, pages = [], []
    for _ in range(count):
        context = browser.new_context(viewport=VIEWPORT)
        offline(context)
        context.on(
            "request",
            lambda r: None if r.url.startswith("http://127.0.0.1") else outside.append(r.url),
        )
        page = context.new_page()
        page.add_init_script(RECORD_READY)
        contexts.append(context)
        pages.append(page)
    for page in pages:  # start every navigation before waiting for any
        page.goto(url, wait_until="commit")
    times = []
    for page in pages:
        page.wait_for_function("() => window.__readyAt !== undefined", timeout=120_000)
        times.append(page.evaluate("() => window.__readyAt"))
    for context in contexts:
        context.close()
    return times, outside


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description="Many sessions at once against one server.")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--page", default="/?instrument=TIP")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as logs,
        served("app.py", Path(logs)) as (pid, url),
        chromium() as browser,
    ):
        open_sessions(browser, url + args.page, 1)  # warm the server's cache
        before, cpu_before = rss_mb(pid), cpu_seconds(pid)
        times, outside = open_sessions(browser, url + args.page, args.sessions)
        after, cpu = rss_mb(pid), cpu_seconds(pid) - cpu_before
    print(f"{args.sessions} sessions at once on {args.page}: all rendered completely")
    print(
        f"  time to render (ms): median {median(times):.0f}, slowest {max(times):.0f}, "
        f"fastest {min(times):.0f}"
    )
    print(
        f"  server memory (MB): {before:.0f} after warm-up, {after:.0f} with "
        f"{args.sessions} sessions ({after / before:.2f}x)"
    )
    print(
        f"  server CPU: {cpu:.1f} s in all, {cpu / args.sessions * 1000:.0f} ms per session "
        f"(the rest of the wall time is the {args.sessions} Chromium renderers sharing "
        f"this machine's {os.cpu_count()} cores)"
    )
    print(f"  requests leaving 127.0.0.1: {len(outside)}")
    if outside:
        raise SystemExit(f"requests left the machine: {outside[:5]}")


if __name__ == "__main__":
    main()
