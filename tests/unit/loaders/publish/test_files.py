"""A published file is written whole or not at all, and a write that fails leaves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.publish.files import write_atomically


def test_a_write_over_a_folder_fails_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "brief.pdf").mkdir()
    with pytest.raises(OSError):
        write_atomically(tmp_path / "brief.pdf", b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_a_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "feed.atom"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and sorted(tmp_path.iterdir()) == [target]
