"""The reader's edition follows each published snapshot, and a failed write leaves the one
already published as it was; ``edition --out DIR`` writes one for any static host."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from cli import reports
from cli.main import main
from loaders.paths import EDITION_DIR_VARIABLE, EDITION_SWITCH_VARIABLE, edition_dir
from views.edition import build

SMALL = functools.partial(build.build_edition, states=["BRB"])  # one state: the test stays quick


def test_after_publish_writes_the_edition_beside_the_snapshot(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(reports, "build_edition", SMALL)
    reports.after_publish(data_copy)
    current = edition_dir(data_copy) / "current"
    assert current.parent == data_copy / "edition"
    assert (current / "en" / "state" / "BRB.html").is_file()
    assert (current / "sitemap.xml").is_file()
    assert "reader's edition" in capsys.readouterr().err


def test_a_failed_edition_leaves_the_previous_one_served(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(reports, "build_edition", SMALL)
    reports.after_publish(data_copy)
    current = edition_dir(data_copy) / "current"
    before = current.resolve()
    page = (current / "en" / "index.html").read_bytes()

    def failing_write(folder: Path, files: dict) -> None:
        folder.mkdir(parents=True)
        (folder / "en").mkdir()
        (folder / "en" / "index.html").write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("views.edition.write.write_tree", failing_write)
    reports.after_publish(data_copy)  # the snapshot is published: a warning, not a failure
    assert "edition not written, the previous one stays" in capsys.readouterr().err
    assert current.resolve() == before
    assert (current / "en" / "index.html").read_bytes() == page
    editions = edition_dir(data_copy) / "editions"
    assert [p.name for p in editions.iterdir()] == [before.name]  # no half-written folder left


def test_the_edition_folder_is_configurable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(EDITION_DIR_VARIABLE, str(tmp_path / "read"))
    assert edition_dir(Path("/anywhere")) == tmp_path / "read"


def test_edition_out_writes_a_folder_any_static_host_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reports, "build_edition", SMALL)
    out = tmp_path / "site"
    code = main(["edition", "--out", str(out), "--as-of", "2026-01-01"])
    assert code == 0
    assert (out / "llms.txt").is_file() and (out / "data" / "index.json").is_file()
    assert main(["edition", "--out", str(out)]) == 2  # not empty: never overwritten


def test_a_bad_date_is_one_line(capsys: pytest.CaptureFixture) -> None:
    assert main(["edition", "--out", "/nonexistent/x", "--as-of", "2026-13-01"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --as-of") and err.count("\n") == 1


def test_an_edition_switched_off_is_left_as_it_is(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(EDITION_SWITCH_VARIABLE, "off")
    reports.after_publish(data_copy)
    assert not edition_dir(data_copy).exists()
