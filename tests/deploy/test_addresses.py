"""Every address of a page through nginx, and the feeds from where a refresh writes them: the
site deploy/build.py renders, run by nginx alone in front of a stand-in replica (a health check
that answers), without Streamlit or supervisord."""

from __future__ import annotations

import http.client
import http.server
import os
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.deploy.serve_harness import Answer, missing_nginx, wait_for
from tests.deploy.test_build import load_build
from tests.support.addresses import OTHER_ADDRESSES, PAGE_ADDRESSES, STREAMLIT_ADDRESSES
from tests.support.browser_harness import free_port

REASON = missing_nginx()
if REASON and os.environ.get("CI") != "true":
    pytest.skip(REASON, allow_module_level=True)


class Healthy(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


def get(url: str) -> Answer:
    """One GET, a redirect answered as it is (urllib would follow it)."""
    parsed = urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    try:
        connection.request("GET", parsed.path + (f"?{parsed.query}" if parsed.query else ""))
        answer = connection.getresponse()
        return Answer(answer.status, dict(answer.getheaders()), answer.read())
    except OSError:
        return Answer(0, {}, b"")
    finally:
        connection.close()


@dataclass
class Site:
    url: str
    feed: Path


def passable(folder: Path) -> None:
    """nginx's workers run as nobody when started as root: let them through the test's folders."""
    for path in [folder, *folder.parents]:
        if path == Path("/tmp") or path == Path("/"):
            break
        path.chmod(0o755)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if REASON:
        pytest.fail(f"CI=true and {REASON}")
    base = tmp_path_factory.mktemp("site")
    static, run, temp, feed = (base / n for n in ("static", "run", "temp", "feed"))
    (static / "documents").mkdir(parents=True)
    (static / "csp.txt").write_text("default-src 'self'\n")
    for name in ("index-tables.html", "index-charts.html"):
        (static / "documents" / name).write_text(f"<html>{name}</html>")
    feed.mkdir()
    (feed / "changes.atom").write_text("<feed>first</feed>")
    for folder in (static, run, temp, feed):
        folder.mkdir(exist_ok=True)
        passable(folder)
    replica = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Healthy)
    threading.Thread(target=replica.serve_forever, daemon=True).start()
    port = free_port()
    build = load_build()
    os.environ["RATIFY_FEED_DIR"] = str(feed)
    try:
        build.render(run, static, temp, port, [("127.0.0.1", replica.server_port)], "127.0.0.1")
    finally:
        del os.environ["RATIFY_FEED_DIR"]
    nginx = subprocess.Popen([build.NGINX, "-p", str(run), "-c", str(run / "nginx.conf")])
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: get(url + "/app/static/feed/changes.atom").status == 200, "nginx")
        yield Site(url, feed)
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)
        replica.shutdown()


@pytest.mark.parametrize(("path", "location"), OTHER_ADDRESSES)
def test_every_address_of_a_page_leads_to_it(site: Site, path: str, location: str) -> None:
    answer = get(site.url + path)
    assert answer.status == 301
    assert answer.headers["Location"] == location


@pytest.mark.parametrize("path", PAGE_ADDRESSES)
def test_a_page_and_an_unknown_name_get_the_app(site: Site, path: str) -> None:
    answer = get(site.url + path)
    assert answer.status == 200 and answer.body.startswith(b"<html>index-")


@pytest.mark.parametrize("path", ["/map/_stcore/health", "/data/_stcore/host-config"])
def test_streamlits_probes_under_a_page_stay_unanswered(site: Site, path: str) -> None:
    assert get(site.url + path).status == 404


@pytest.mark.parametrize("path", STREAMLIT_ADDRESSES)
def test_streamlits_own_addresses_are_never_sent_to_a_page(site: Site, path: str) -> None:
    assert get(site.url + path).status not in (0, 301, 302)


def test_a_refreshs_feed_is_served_at_once(site: Site) -> None:
    first = get(site.url + "/app/static/feed/changes.atom")
    assert first.body == b"<feed>first</feed>"
    assert first.headers["Content-Type"].startswith("application/atom+xml")
    assert first.headers["Cache-Control"] == "no-cache"
    (site.feed / "changes-es.atom").write_text("<feed>nueva</feed>")
    (site.feed / "changes.atom").write_text("<feed>second</feed>")
    assert get(site.url + "/app/static/feed/changes.atom").body == b"<feed>second</feed>"
    assert get(site.url + "/app/static/feed/changes-es.atom").body == b"<feed>nueva</feed>"
    assert get(site.url + "/app/static/feed/none.atom").status == 404


def test_the_site_serves_the_feeds_where_the_loaders_write_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from loaders import paths

    build = load_build()
    monkeypatch.delenv("RATIFY_FEED_DIR", raising=False)
    monkeypatch.delenv("RATIFY_DATA_DIR", raising=False)
    assert build.feed_dir() == paths.feed_dir()
    monkeypatch.setenv("RATIFY_DATA_DIR", str(tmp_path / "data"))
    assert build.feed_dir() == paths.feed_dir() == tmp_path / "feed"
    monkeypatch.setenv("RATIFY_FEED_DIR", str(tmp_path / "elsewhere"))
    assert build.feed_dir() == paths.feed_dir()


def test_the_redirected_pages_are_the_apps() -> None:
    from pages.components.navigation import DEFAULT_PAGE, PAGES

    assert [p for p, _, _ in PAGES if p != DEFAULT_PAGE] == load_build().PAGE_PATHS
