"""Shared fixtures. Every test reads a frozen copy of the data (tests/fixtures/data), never the
live data/: a refresh that brings new facts to data/ leaves the suite green. Tests that write get a
private copy of the frozen data. The live data/ has its own checks, of invariants only
(tests/unit/data/test_live_data.py).

To re-freeze after a deliberate change to the facts the tests are worked out from:
``rm -r tests/fixtures/data/snapshots && cp -r data/snapshots tests/fixtures/data/`` (and the same
for the files beside it), then work the changed expectations out by hand."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from loaders.paths import DATA_DIR_VARIABLE
from loaders.store.dataset import Dataset, load_dataset
from tests.support.data import DATA, FROZEN, QuickClient
from tests.support.deprecations import DeprecationLog
from tests.support.refresh_helpers import CUTOFF, snapshot_as_of
from tests.support.untc_server import FIXTURES, UntcMirror

# The tiers, marked by folder: tests/<folder>/ -> its marker (tests/unit/ has none: the inner loop).
TIERS = {"app": "apptest", "refresh": "refresh", "browser": "browser", "deploy": "serve"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    tests = Path(__file__).parent
    for item in items:
        folder = Path(str(item.fspath)).relative_to(tests).parts[0]
        if folder in TIERS:
            item.add_marker(TIERS[folder])


def pytest_configure(config: pytest.Config) -> None:
    # Before any test runs: the app (AppTest and the browser tests' server), the command line
    # run as a subprocess and the loaders all read the frozen copy.
    os.environ[DATA_DIR_VARIABLE] = str(FROZEN)


@pytest.fixture(autouse=True)
def no_deprecation_logged() -> Iterator[None]:
    """Every test fails if Streamlit (AppTest runs the app in this process), pandas or plotly logs
    a deprecation while it runs; deprecation warnings are errors already (pyproject.toml)."""
    log = DeprecationLog()
    log.attach()
    yield
    log.detach()
    assert log.said == [], "a deprecation was logged (replace the API it names)"


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the frozen data that RATIFY_DATA_DIR points at, for tests that refresh or damage
    it."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns(".lock", ".staging-*"))
    monkeypatch.setenv("RATIFY_DATA_DIR", str(target))
    return target


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture
def mirror() -> Iterator[UntcMirror]:
    """A local stand-in for treaties.un.org serving the UNTC fixtures."""
    with UntcMirror(FIXTURES) as server:
        yield server


@pytest.fixture
def older(data_copy: Path) -> Path:
    """A data copy whose current snapshot predates the fixtures, so a refresh may replace it."""
    snapshot_as_of(data_copy, CUTOFF)
    return data_copy


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, bytes]]:
    """What the page hands to its download buttons, by file name."""
    seen: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if filename:
            seen[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    yield seen


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> QuickClient:
    """The CLI has no timeout or retry options: its client is built with test-sized ones."""
    factory = QuickClient()
    monkeypatch.setattr("loaders.ingest.refresh.UntcClient", factory)
    return factory


@pytest.fixture(scope="session")
def playwright_chromium() -> Iterator[object]:
    """One headless Chromium (Playwright's sync API) for the whole session, shared by the browser
    and the serve tests: a second sync_playwright() in the same process fails while the first
    runs. The tests that use it decide first whether to skip (no browser here)."""
    from playwright.sync_api import sync_playwright

    from tests.support.browser_harness import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
