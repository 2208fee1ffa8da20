"""Shared fixtures: a private copy of data/ so tests that write never touch the real snapshot."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from loaders.paths import PROJECT_ROOT
from loaders.store.dataset import Dataset, load_dataset
from tests.refresh_helpers import CUTOFF, snapshot_as_of
from tests.untc_server import FIXTURES, UntcMirror

DATA = PROJECT_ROOT / "data"


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ that RATIFY_DATA_DIR points at, for tests that refresh or damage it."""
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
