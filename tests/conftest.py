"""Shared fixtures: a private copy of data/ so tests that write never touch the real snapshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders.dataset import Dataset, load_dataset
from loaders.paths import PROJECT_ROOT

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
