"""Reuse in a real browser: the embed snippets pasted into a page of our own, served on
127.0.0.1 by python's http.server, show the view with its title, date and source; the citation's
copy button puts it on the clipboard and its link opens the same view; the feed is served.

Each test also fails on any request leaving 127.0.0.1 (the watched context, conftest.py).
"""

from __future__ import annotations

import functools
import http.server
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from loaders.store.dataset import Dataset
from tests.browser.conftest import Watched, _watch, screenshot, skip_module_without_browser
from tests.support.browser_harness import VIEWPORT, free_port, settle
from views.models.citation import embed_snippet
from views.models.selection import Selection

skip_module_without_browser()

AS_OF = date(2009, 6, 4)
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture
def host_page(app_url: str, dataset: Dataset, tmp_path: Path) -> Iterator[str]:
    """A page of someone else's site on another port of 127.0.0.1, with both embeds pasted in."""
    selection = Selection(
        instruments=("TIP",), as_of=AS_OF, params={"instrument": ["TIP"]}, language="en"
    )
    base = f"{app_url}/"
    map_embed = embed_snippet(dataset, selection, "map", base)
    card = embed_snippet(dataset, selection, "profile", base, {"state": "ATG"})
    (tmp_path / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Our report</title>"
        "<h1>Our report on the Palermo Convention</h1>"
        f"<section id=map>{map_embed}</section><section id=card>{card}</section>",
        encoding="utf-8",
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


def _frame(page: object, path: str) -> object:
    for _ in range(100):
        for frame in page.frames:
            if f"/{path}?" in frame.url:
                return frame
        page.wait_for_timeout(100)
    raise AssertionError(f"no frame for {path}: {[f.url for f in page.frames]}")


def test_the_embeds_show_the_view_with_its_title_date_and_source(
    watched: Watched, host_page: str
) -> None:
    page = watched.page
    watched.screenshot_taken = True  # the host page is not an app page: shot taken below
    page.goto(host_page)
    for path, heading in (("map", "Map"), ("profile", "Antigua and Barbuda")):
        frame = _frame(page, path)
        frame.wait_for_selector("[data-testid=stApp]")
        settle(frame)
        text = frame.inner_text("[data-testid=stApp]")
        assert heading in text, text[:300]
        assert "4 June 2009" in text, "the as-of date"
        assert "Source: UN Treaty Collection (UNTC)" in text, "the source line"
    page.set_viewport_size({"width": VIEWPORT["width"], "height": 1700})
    page.wait_for_timeout(500)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "embed-host-page.png"), full_page=True)
    for path in ("map", "profile"):
        frame = _frame(page, path)
        # Embed mode hides the sidebar and draws no page menu...
        for chrome in ("[data-testid=stSidebar]", ".st-key-page_menu", ".st-key-phone_menu"):
            assert not frame.is_visible(chrome), chrome
        assert not frame.get_by_text("Cite this view").count()
        # ...and keeps the title, the date and the source line in view, without scrolling.
        for words in (heading, "4 June 2009", "Source: UN Treaty Collection (UNTC)"):
            main = frame.locator("[data-testid=stMain]")
            box = main.get_by_text(words).filter(visible=True).first.bounding_box()
            top = frame.frame_element().bounding_box()
            assert box and box["y"] + box["height"] <= top["y"] + top["height"], words
        assert frame.get_by_text("Open this view in Ratify Americas").count() == 1


def test_the_citation_copies_and_its_link_opens_the_same_view(
    browser: object, app_url: str
) -> None:
    clipboard = ["clipboard-read", "clipboard-write"]
    context = browser.new_context(viewport=VIEWPORT, permissions=clipboard)
    watched = Watched(context.new_page())
    _watch(context, watched)
    page = watched.page
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{app_url}/map?instrument=TIP&as_of=2009-06-04&lang=fr")
        settle(page)
        loaded: list[int] = []
        page.on("response", lambda r: loaded.append(len(r.body())) if r.ok else None)
        page.get_by_text("Citer cette vue").click()
        settle(page)
        # Opening it loads nothing heavy (st.code's highlighter alone is 1.5 MB).
        assert sum(loaded) < 150_000, sum(loaded)
        area = page.locator("[data-testid=stTextArea] textarea").first
        citation = area.input_value()
        assert citation.startswith("Ratify Americas\u00a0: Carte.")
        button = page.frame_locator("iframe[srcdoc*='data-done']").first.locator("#copy")
        button.click()
        page.wait_for_timeout(300)
        assert page.evaluate("navigator.clipboard.readText()") == citation
        assert button.inner_text() == "Copié"
        screenshot(page, "cite-this-view-fr")
        link = next(w for w in citation.split() if w.startswith("http"))
        assert link.startswith(f"{app_url}/map?instrument=TIP&as_of=2009-06-04&lang=fr")
        page.goto(link)
        settle(page)
        text = page.inner_text("[data-testid=stMain]")
        assert "4 juin 2009" in text and "Carte" in text
    finally:
        context.close()
    assert watched.outside_requests == []
    assert watched.console_errors == []


def test_the_feed_is_served_where_the_page_says(watched: Watched, app_url: str) -> None:
    answer = watched.page.request.get(f"{app_url}/app/static/feed/changes.atom")
    assert answer.status == 200
    feed = ET.fromstring(answer.body())
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    watched.page.goto(f"{app_url}/changes?instrument=TIP")
    settle(watched.page)
    assert "/app/static/feed/changes.atom" in watched.page.inner_text("[data-testid=stMain]")
