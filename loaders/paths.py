"""Where the project's data lives. One place, so tests can point everything at a copy."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The data folder; RATIFY_DATA_DIR points the app and the command line at another copy."""
    return Path(os.environ.get("RATIFY_DATA_DIR", PROJECT_ROOT / "data"))
