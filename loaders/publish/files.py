"""Writing a published file whole or not at all: a reader never sees half of one."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, content: bytes, durable: bool = True) -> Path:
    """``content`` at ``path`` whole or not at all. ``durable``: synced to disk before the
    rename (a file that can be made again, e.g. one of many feeds, may skip the wait)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(content)
        if durable:
            with temporary.open("rb") as handle:
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:  # a full disk, a read-only folder, ``path`` a folder: nothing left
        temporary.unlink(missing_ok=True)
        raise
    return path
