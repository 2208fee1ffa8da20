"""``make serve`` (deploy/build.py, then supervisord): two replicas behind nginx, on a copy of
the data.

Without nginx (and its brotli modules) or supervisor the module skips with one line saying how
to get it; under CI (CI=true) that is a failure instead. The browser tests need Chromium as the
other browser tests do. The served data is a private copy whose snapshot predates the UNTC fixtures,
so a refresh against the local mirror publishes a new one while the replicas run.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.deploy.serve_harness import (
    ROOT,
    Served,
    alive,
    get,
    missing_nginx,
    page_over_websocket,
    start_serve,
    stop_serve,
    wait_for,
)
from tests.deploy.test_addresses import get as redirect_of
from tests.deploy.test_addresses import passable
from tests.support.browser_harness import CHROMIUM, VIEWPORT, settle
from tests.support.refresh_helpers import CUTOFF, snapshot_as_of
from tests.support.untc_server import FIXTURES, UntcMirror

REASON = missing_nginx()
if REASON and os.environ.get("CI") != "true":
    pytest.skip(REASON, allow_module_level=True)

COOKIE = "ratify_replica"
JOB = ROOT / "deploy" / "refresh-job.sh"
PAGES = ["/", "/map?instrument=TIP", "/timeline", "/subregions", "/profile?state=ARG", "/data"]
# Streamlit's frontend looks for its base path under a page's path first (/map/_stcore/health):
# those 404s are expected, as in the other browser tests.
PROBE = re.compile(r"^http://127\.0\.0\.1:\d+/[a-z]+/_stcore/(health|host-config)$")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("served") / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns(".lock", ".staging-*"))
    snapshot_as_of(target, CUTOFF)
    return target


@pytest.fixture(scope="module")
def served(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    if REASON:
        pytest.fail(f"CI=true and {REASON}")
    serve = start_serve(tmp_path_factory.mktemp("serve"), 2, {"RATIFY_DATA_DIR": str(data)})
    yield serve
    stop_serve(serve)


def cookie_of(answer) -> str:
    match = re.search(rf"{COOKIE}=(\w+)", answer.headers.get("Set-Cookie", ""))
    return match.group(1) if match else ""


def static_asset(served: Served) -> str:
    return re.search(r"/static/js/index\.[\w-]+\.js", get(served.url + "/").body.decode()).group(0)


# -- HTTP ------------------------------------------------------------------------------------------


def test_static_files_are_precompressed_and_cached_for_a_year(served: Served) -> None:
    asset = served.url + static_asset(served)
    for accepted, encoding in (("br, gzip", "br"), ("gzip", "gzip")):
        answer = get(asset, {"Accept-Encoding": accepted})
        assert answer.status == 200
        assert answer.headers["Content-Encoding"] == encoding
        assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    plain = get(asset)
    assert "Content-Encoding" not in plain.headers and len(plain.body) > 50_000
    assert get(served.url + "/map").headers["Cache-Control"] == "no-cache"
    geo = get(served.url + "/app/static/world_110m.json", {"Accept-Encoding": "br"})
    assert geo.status == 200 and geo.headers["Content-Encoding"] == "br"


@pytest.mark.parametrize(
    "path",
    [
        "/_stcore/metrics",
        "/_stcore/script-health-check",
        "/_stcore/agent/openapi.json",
        "/_stcore/agent/mcp",
        "/_stcore/upload_file/a/b",
        "/_stcore/bidi-components/x",
        "/map/_stcore/metrics",
        "/component/x/index.html",
        "/auth/login",
        "/oauth2callback",
    ],
)
def test_streamlit_internals_are_not_served(served: Served, path: str) -> None:
    assert get(served.url + path).status == 404
    assert get(served.url + path, method="POST").status == 404


def test_what_the_page_needs_is_served(served: Served) -> None:
    for path in ("/_stcore/health", "/_stcore/host-config", "/app/static/world_110m.json", "/"):
        assert get(served.url + path).status == 200, path


def test_a_pages_other_addresses_lead_to_it(served: Served) -> None:
    for path, location in (
        ("/map/?lang=es", "/map?lang=es"),
        ("/profile/BOL", "/profile?state=BOL"),
    ):
        answer = redirect_of(served.url + path)
        assert (answer.status, answer.headers["Location"]) == (301, location)


def test_security_headers_on_every_kind_of_answer(served: Served) -> None:
    for path in ("/", "/map", static_asset(served), "/_stcore/health", "/_stcore/metrics"):
        headers = get(served.url + path).headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0], path
        assert headers["X-Frame-Options"] == "DENY", path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "no-referrer", path


def test_only_the_embed_mode_may_be_framed_by_another_site(served: Served) -> None:
    from pages.components.cite import COPY_SCRIPT_SHA256

    embedded = get(served.url + "/map?instrument=TIP&embed=true").headers
    assert "frame-ancestors *" in embedded["Content-Security-Policy"]
    assert "X-Frame-Options" not in embedded
    # the citation's copy button, the app's one inline script, is allowed by its hash
    assert f"'sha256-{COPY_SCRIPT_SHA256}'" in embedded["Content-Security-Policy"]
    framed_not = get(served.url + "/map?instrument=TIP&embed=yes").headers
    assert "frame-ancestors 'none'" in framed_not["Content-Security-Policy"]
    assert framed_not["X-Frame-Options"] == "DENY"


def test_a_reader_stays_on_the_replica_its_cookie_names(served: Served) -> None:
    firsts = [get(served.url + "/") for _ in range(4)]
    names = [cookie_of(answer) for answer in firsts]
    assert set(names) == {"r0", "r1"}, "new readers are spread over both replicas"
    for name in ("r0", "r1"):
        for path in ("/_stcore/health", "/", "/_stcore/host-config", "/map"):
            answer = get(served.url + path, {"Cookie": f"{COOKIE}={name}"})
            assert answer.headers["X-Replica"] == name, path
            assert cookie_of(answer) == name


def test_a_published_snapshot_reaches_every_replica_without_restart(
    served: Served, data: Path
) -> None:
    old = (data / "snapshots" / "CURRENT").read_text().strip()
    pids = {name: pid for name, (_port, pid) in served.replicas().items()}
    feed = get(served.url + "/app/static/feed/changes-es.atom")  # none yet for this copy
    for name in ("r0", "r1"):
        page = page_over_websocket(served.url, "instrument=TIP", f"{COOKIE}={name}")
        assert old.encode() in page
    with UntcMirror(FIXTURES) as mirror:
        refresh = subprocess.run(
            [str(JOB), "--base-url", mirror.base_url],
            env={**os.environ, "RATIFY_DATA_DIR": str(data)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert refresh.returncode == 0, refresh.stdout + refresh.stderr
    new = (data / "snapshots" / "CURRENT").read_text().strip()
    assert new != old
    # The feed the refresh just wrote (beside this copy of the data), served as it is.
    assert feed.status == 404
    written = (data.parent / "feed" / "changes-es.atom").read_bytes()
    passable(data.parent / "feed")  # nginx's workers (nobody, under root) into pytest's folders
    assert get(served.url + "/app/static/feed/changes-es.atom").body == written
    for name in ("r0", "r1"):
        page = page_over_websocket(served.url, "instrument=TIP", f"{COOKIE}={name}")
        # The new snapshot, and nothing of the old one: the footer names the one it shows.
        assert new.encode() in page and old.encode() not in page, name
    assert {name: pid for name, (_port, pid) in served.replicas().items()} == pids


# -- in Chromium -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(served: Served, request: pytest.FixtureRequest) -> object:
    reason = (
        None if CHROMIUM.exists() else f"browser tests need {CHROMIUM}: apt-get install chromium"
    )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "browser tests need the playwright package: pip install -r requirements-dev.txt"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    return request.getfixturevalue("playwright_chromium")  # the session's one Chromium


class Watched:
    """A fresh browser context and page; what left 127.0.0.1, what the console said."""

    def __init__(self, browser: object) -> None:
        self.context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "websocket",
            lambda ws: (
                None if urlparse(ws.url).hostname == "127.0.0.1" else self.outside.append(ws.url)
            ),
        )

    def _route(self, route: object) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _console(self, message: object) -> None:
        url = message.location.get("url", "")
        probe = message.text.startswith("Failed to load resource") and PROBE.search(url)
        if message.type == "error" and not probe:
            self.errors.append(f"{message.text} ({url})")

    def replica(self) -> str:
        return next((c["value"] for c in self.context.cookies() if c["name"] == COOKIE), "")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: object) -> Iterator[Watched]:
    result = Watched(browser)
    yield result
    result.close()
    assert result.outside == [], "requests left 127.0.0.1"
    assert result.errors == [], "the browser console shows errors (a CSP violation is one)"


@pytest.mark.browser
def test_every_page_through_the_proxy(served: Served, watched: Watched) -> None:
    for path in PAGES:
        watched.page.goto(served.url + path)
        watched.page.locator("[data-testid=stMain] h1").first.wait_for()
        if path.startswith(("/map", "/timeline", "/subregions")):
            watched.page.locator(".js-plotly-plot .main-svg").first.wait_for()
        settle(watched.page)
    assert watched.replica() in {"r0", "r1"}


@pytest.mark.browser
def test_a_download_reaches_the_replica_that_made_it(served: Served, watched: Watched) -> None:
    watched.page.goto(served.url + "/data?instrument=TIP&lang=en")
    button = watched.page.get_by_role("button", name="Download CSV")
    button.wait_for()
    with watched.page.expect_download() as download:
        button.click()
    saved = Path(download.value.path())
    text = saved.read_text(encoding="utf-8-sig")
    assert text.startswith('"iso3",') and text.count("\n") >= 35
    assert urlparse(download.value.url).path.startswith("/media/")


# Set before a choice: notes when the page's script runs again (on the replica that took over).
WATCH_RUN = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  window.__ranAgain = false;
  new MutationObserver(() => {
    if (app.dataset.testScriptState === 'running') window.__ranAgain = true;
  }).observe(app, {attributes: true});
}"""
RAN_AGAIN = """() => window.__ranAgain &&
  document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'"""


def chosen_filters(page: object) -> list[str]:
    """The sidebar's chosen pills and options, as text."""
    sidebar = "[data-testid=stSidebar]"
    return page.locator(
        f"{sidebar} [aria-checked=true], {sidebar} [aria-pressed=true]"
    ).all_inner_texts()


@pytest.mark.browser
def test_a_killed_replica_hands_its_readers_to_another(served: Served, watched: Watched) -> None:
    page = watched.page
    page.goto(served.url + "/map?instrument=TIP&lang=en")
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    settle(page)
    heading = page.locator("[data-testid=stMain] h1").first.inner_text()
    chosen = chosen_filters(page)
    name = watched.replica()
    other = {"r0": "r1", "r1": "r0"}[name]
    _port, pid = served.replicas()[name]

    with page.expect_event("websocket", timeout=60_000) as reconnected:
        os.kill(pid, signal.SIGKILL)
        wait_for(lambda: not alive(pid), "the killed replica gone", 10)
        # At once, before the supervisor has it back: its readers' requests go to the other
        # one, and the cookie moves there.
        answer = get(served.url + "/_stcore/health", {"Cookie": f"{COOKIE}={name}"})
        assert answer.status == 200 and answer.headers["X-Replica"] == other
        assert cookie_of(answer) == other

    # The page reconnects by itself, to the other replica (the cookie moved with the health
    # check before the WebSocket), and keeps showing its view; the next choice runs there.
    assert reconnected.value.url.endswith("/_stcore/stream")
    assert watched.replica() == other
    # The first choice runs the page on the new session, from its URL; the click itself may
    # be lost with the old session (its widgets' callbacks lived on the dead replica), so the
    # reader clicks again, which works.
    for _ in range(2):
        page.evaluate(WATCH_RUN)
        page.get_by_role("button", name="4 June 2009").click()
        page.wait_for_function(RAN_AGAIN, polling=200, timeout=60_000)
        settle(page)
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    assert "instrument=TIP" in page.url
    assert "Status on 4 June 2009" in page.locator("[data-testid=stSidebar]").inner_text()
    assert page.locator("[data-testid=stMain] h1").first.inner_text() == heading
    assert chosen_filters(page) == chosen
    # Opened again from its link, the view is the same (the filters are in the URL).
    page.reload()
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    settle(page)
    assert page.locator("[data-testid=stMain] h1").first.inner_text() == heading
    assert chosen_filters(page) == chosen
    assert watched.replica() == other
    port_now, pid_now = served.replicas()[other]
    assert alive(pid_now) and get(f"http://127.0.0.1:{port_now}/_stcore/health").status == 200

    # supervisord starts the dead one again, on its port, and it answers.
    wait_for(lambda: served.replicas()[name][1] not in (0, pid), "the replica restarted", 30)
    port, new_pid = served.replicas()[name]
    wait_for(lambda: get(f"http://127.0.0.1:{port}/_stcore/health").status == 200, "it answers", 60)
    assert alive(new_pid)


# -- stopping (last: it ends the module's server) --------------------------------------------------


def test_sigterm_stops_everything_it_started(served: Served) -> None:
    pids = [pid for _port, pid in served.replicas().values()] + [served.nginx_pid()]
    assert all(alive(pid) for pid in pids)
    assert stop_serve(served) == 0
    assert not any(alive(pid) for pid in pids)
    assert get(served.url + "/_stcore/health").status == 0
    log = served.log.read_text()
    assert all(f"stopped: {name} (exit status 0)" in log for name in ("nginx", "r0", "r1")), log
