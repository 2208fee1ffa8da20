"""Running the dashboard and a headless browser, for the browser tests and the benchmarks.

Debian's Chromium (``/usr/bin/chromium``, or RATIFY_CHROMIUM) is driven by Playwright; the app is
``streamlit run`` on a free port of 127.0.0.1, started the way a user starts it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What ``make run`` serves (the Makefile's run target): app.py behind the page addresses' redirects.
RUN_SCRIPT = "local_app.py"
STARTUP_SECONDS = 60
# RATIFY_CHROMIUM points the tests at a Chromium elsewhere (or at none, to see the skip).
CHROMIUM = Path(os.environ.get("RATIFY_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
VIEWPORT = {"width": 1366, "height": 900}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_app(
    log: Path, script: str = "app.py", env: dict[str, str] | None = None
) -> tuple[subprocess.Popen, str]:
    """``streamlit run <script>`` on a free port of 127.0.0.1; returns once it answers."""
    port = free_port()
    # The caller's RATIFY_DATA_DIR (the tests' frozen copy), or the bundled data/ when unset.
    env = env or dict(os.environ)
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    handle = log.open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
    stop_app(process)
    raise RuntimeError(f"streamlit did not answer within {STARTUP_SECONDS} s: {log.read_text()}")


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# True once the script has finished, no skeleton is left and the page stopped changing between
# two polls (dataframes and charts draw a moment after the script run ends).
SETTLED = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  if (document.querySelector('[data-testid=stSkeleton]')) return false;
  const size = document.querySelector('[data-testid=stMain]')?.innerHTML.length;
  const same = window.__settledSize === size;
  window.__settledSize = size;
  return same;
}"""


def settle(page: object) -> None:
    """Wait until the app has finished running and drawing."""
    page.wait_for_function(SETTLED, polling=300)


# The page menu (pages.components.navigation.menu_links): the sidebar's, which lists every page.
MENU_LINKS = ".st-key-page_menu a[data-testid=stPageLink-NavLink]"


def menu_names(page: object) -> list[str]:
    """The page names the sidebar's menu shows, in order (without their icons' ligatures)."""
    texts = page.locator(MENU_LINKS).all_inner_texts()  # type: ignore[attr-defined]
    return [text.strip().splitlines()[-1] for text in texts]


def menu_link(page: object, name: str) -> object:
    """The sidebar menu's link to the page named ``name``."""
    return page.locator(MENU_LINKS).filter(has_text=name).first  # type: ignore[attr-defined]


def open_from_menu(page: object, name: str) -> None:
    """Click the page menu's entry ``name`` (the sidebar's, where every page is listed)."""
    menu_link(page, name).click()  # type: ignore[attr-defined]
